//! A directory in the `data/figures` layout: one metadata file per subject
//! with its figures in a CSV file, read row by row. Part of [`super`].

use std::collections::{BTreeSet, HashSet};
use std::path::Path;

use koers_core::load;
use serde_json::{json, Value};

use super::*;
use crate::Fail;

impl Figures {
    /// A directory in the `data/figures` layout: every `*.json` (metadata)
    /// with its `*.csv`, in file-name order.
    pub(super) fn read_dir(&mut self, dir: &str) -> Result<(), Fail> {
        let entries =
            std::fs::read_dir(dir).map_err(|e| Fail(2, format!("{dir}: cannot read: {e}")))?;
        let mut json = BTreeSet::new();
        let mut csv = BTreeSet::new();
        for entry in entries {
            let entry = entry.map_err(|e| Fail(2, format!("{dir}: cannot read: {e}")))?;
            let name = entry.file_name().to_string_lossy().into_owned();
            if entry.path().is_dir() {
                continue;
            }
            if let Some(stem) = name.strip_suffix(".json") {
                json.insert(stem.to_string());
            } else if let Some(stem) = name.strip_suffix(".csv") {
                csv.insert(stem.to_string());
            }
        }
        let join = |name: &str| {
            Path::new(dir)
                .join(name)
                .to_string_lossy()
                .replace("//", "/")
        };
        if json.is_empty() {
            self.errors.push(format!(
                "{dir}: no metadata files (<SUBJECT>.json): not a figures directory"
            ));
            return Ok(());
        }
        for stem in csv.difference(&json) {
            self.errors.push(format!(
                "{}: no metadata file {stem}.json beside it: every figure needs its subject's metadata and sources",
                join(&format!("{stem}.csv"))
            ));
        }
        for stem in &json {
            let meta_path = join(&format!("{stem}.json"));
            let text = crate::read_text(&meta_path)?;
            let csv_text = if csv.contains(stem) {
                let p = join(&format!("{stem}.csv"));
                Some((p.clone(), crate::read_text(&p)?))
            } else {
                None
            };
            self.read_subject(stem, meta_path, text, csv_text);
        }
        Ok(())
    }

    /// One subject of a figures directory: its metadata and its CSV rows.
    fn read_subject(
        &mut self,
        stem: &str,
        meta_path: String,
        text: String,
        csv: Option<(String, String)>,
    ) {
        let file = self.add_file(meta_path, text);
        let Some(mut m) = self.parse_json(file) else {
            return;
        };
        let subject = match m.get("subject") {
            Some(Value::String(s)) if s == stem => s.clone(),
            other => {
                let line = top_key_line(&self.files[file].1, "subject");
                let what = match other {
                    Some(Value::String(s)) => format!("\"{s}\" is not the file's name \"{stem}\""),
                    Some(_) => "must be the subject's id as text".into(),
                    None => format!("missing: the subject's id, \"{stem}\" (the file's name)"),
                };
                let msg = format!("{}subject: {what}", self.at(file, line));
                self.err(msg);
                return;
            }
        };
        let (Some(sources), Some(events)) = (
            self.table(file, &m, Table::Sources, true),
            self.table(file, &m, Table::Events, true),
        ) else {
            return;
        };
        let own: HashSet<String> = sources
            .iter()
            .filter_map(|(s, _)| s.get("id").and_then(Value::as_str).map(String::from))
            .collect();
        m.remove("sources");
        m.remove("events");
        self.series.push((Value::Object(m), Origin::Meta { file }));
        self.add_sources(sources);
        for (mut e, origin) in events {
            if let Value::Object(obj) = &mut e {
                if let Some(s) = obj.get("subject").filter(|s| s.as_str() != Some(&subject)) {
                    let index = match origin {
                        Origin::Item { index, .. } => index,
                        _ => 0,
                    };
                    let line = load::locate(
                        &self.files[file].1,
                        Table::Events,
                        Some(index),
                        Some("subject"),
                    );
                    let msg = format!(
                        "{}events[{index}].subject: {s} is not this file's subject \"{subject}\"",
                        self.at(file, line)
                    );
                    self.err(msg);
                    continue;
                }
                obj.insert("subject".into(), Value::String(subject.clone()));
            }
            self.events.push((e, origin));
        }
        if let Some((csv_path, csv_text)) = csv {
            let csv_file = self.add_file(csv_path, csv_text);
            self.read_csv(csv_file, &subject, &own, stem);
        }
    }

    /// The rows of a subject's CSV file as observations.
    fn read_csv(&mut self, file: usize, subject: &str, own: &HashSet<String>, stem: &str) {
        let text = std::mem::take(&mut self.files[file].1);
        let mut cols: Option<[usize; 6]> = None;
        let mut width = 0;
        let mut rows: Vec<(i32, Value, u32)> = Vec::new();
        let mut errors: Vec<String> = Vec::new();
        let name = self.name(file).to_string();
        let read = load::read_csv(
            text.as_bytes(),
            |rec| {
                let line = rec.line;
                let here = |col: &str, what: &str| format!("{name}:{line}: column {col}: {what}");
                let Some(cols) = cols else {
                    let header: Vec<String> = (0..rec.len())
                        .map(|i| {
                            rec.get(i)
                                .unwrap_or("")
                                .trim()
                                .trim_start_matches('\u{feff}')
                                .to_string()
                        })
                        .collect();
                    let mut found = [0usize; 6];
                    for (k, want) in CSV_COLUMNS.iter().enumerate() {
                        match header.iter().position(|h| h == want) {
                            Some(i) => found[k] = i,
                            None => {
                                return Err(format!(
                                    "{name}:{line}: no column \"{want}\" (the header is {})",
                                    CSV_COLUMNS.join(",")
                                ));
                            }
                        }
                    }
                    if let Some(h) = header.iter().find(|h| !CSV_COLUMNS.contains(&h.as_str())) {
                        return Err(format!(
                            "{name}:{line}: column \"{h}\" is not part of the format (the header is {})",
                            CSV_COLUMNS.join(",")
                        ));
                    }
                    cols = Some(found);
                    width = header.len();
                    return Ok(());
                };
                if rec.len() > width {
                    errors.push(format!("{name}:{line}: more fields than the header"));
                    return Ok(());
                }
                let field = |k: usize| rec.get(cols[k]).unwrap_or("").trim().to_string();
                let (year, value, source, quote, provisional, note) =
                    (field(0), field(1), field(2), field(3), field(4), field(5));
                let before = errors.len();
                for (k, v) in [(2, &source), (3, &quote), (5, &note)] {
                    if illustrative(v) {
                        errors.push(here(CSV_COLUMNS[k], ILLUSTRATIVE));
                    }
                }
                let year_n = load::parse_year(&year);
                if year_n.is_none() {
                    errors.push(here(
                        "Year",
                        &format!("\"{year}\" is not a year (1900 to 2200)"),
                    ));
                }
                let value_n = load::parse_number(&value);
                if value_n.is_none() {
                    errors.push(here("Value", "not a number"));
                }
                if source.is_empty() {
                    errors.push(here(
                        "Source",
                        &format!("empty: name a source id of {stem}.json"),
                    ));
                } else if !own.contains(&source) && !illustrative(&source) {
                    errors.push(here(
                        "Source",
                        &format!("\"{source}\" is not a source in {stem}.json"),
                    ));
                }
                let provisional = match provisional.to_ascii_lowercase().as_str() {
                    "true" => true,
                    "false" | "" => false,
                    _ => {
                        errors.push(here("Provisional", "not true or false"));
                        false
                    }
                };
                if errors.len() > before {
                    return Ok(());
                }
                let (Some(year), Some(value)) = (year_n, value_n) else {
                    return Ok(());
                };
                let mut o = json!({
                    "subject": subject,
                    "year": year,
                    "value": number(value),
                    "document": source,
                    "quote": quote,
                    "provisional": provisional,
                });
                if !note.is_empty() {
                    o["note"] = Value::String(note);
                }
                rows.push((year, o, line));
                Ok(())
            },
            |line| format!("{name}:{line}: {}", load::ErrorKind::TooLong),
        );
        if let Err(msg) = read {
            errors.push(msg);
        }
        if cols.is_none() && errors.is_empty() {
            errors.push(format!(
                "{name}:1: no header (want {})",
                CSV_COLUMNS.join(",")
            ));
        }
        self.errors.extend(errors);
        // Rows by year (a stable sort: a repeated year stays after the
        // first, where koers-core names it).
        rows.sort_by_key(|(year, _, _)| *year);
        for (_, o, line) in rows {
            self.observations.push((o, Origin::Csv { file, line }));
        }
        self.files[file].1 = text;
    }
}
