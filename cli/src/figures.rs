//! Published figures in, one `koers-figures` file out: the `--figures PATH`
//! of `publish`, `check` and `report`.
//!
//! A PATH is a directory in the `data/figures` layout (one `<SUBJECT>.json`
//! of metadata per subject, with its figures in `<SUBJECT>.csv`), a
//! `koers-figures` file, or a dataset exported by the dashboard (`koers`: only
//! its figure tables are taken). Everything is combined into one figures
//! file and validated by koers-core against the vision; every item of the
//! combined file remembers where it came from, so that each error names the
//! file, line and field (or CSV column) a person has to fix.

use std::collections::{BTreeSet, HashSet};
use std::fmt::Write as _;
use std::path::Path;

use koers_core::load::{self, Issues, Table};
use serde_json::{json, Map, Value};

use crate::Fail;

/// The CSV header of a subject's figures, in this order.
pub const CSV_COLUMNS: [&str; 6] = ["Year", "Value", "Source", "Quote", "Provisional", "Note"];

/// Where an item of the combined file came from.
#[derive(Clone, Debug)]
enum Origin {
    /// A row of a subject's CSV file.
    Csv { file: usize, line: u32 },
    /// Item `index` of table `table` of a JSON file (a metadata file's
    /// sources and events; a figures or dataset file's tables).
    Item {
        file: usize,
        table: Table,
        index: usize,
    },
    /// The top level of a metadata file (its series entry).
    Meta { file: usize },
}

/// The published figures of every `--figures PATH`, combined.
#[derive(Default)]
pub struct Figures {
    /// The files read, as named to the user, and their text.
    files: Vec<(String, String)>,
    sources: Vec<(Value, Origin)>,
    series: Vec<(Value, Origin)>,
    observations: Vec<(Value, Origin)>,
    events: Vec<(Value, Origin)>,
    window_flows: Vec<(Value, Origin)>,
    /// Problems found while reading, before koers-core sees the data.
    errors: Vec<String>,
}

/// What a publication holds, for the one-line summary.
pub struct Counts {
    pub subjects: usize,
    pub figures: usize,
    pub sources: usize,
    pub events: usize,
    pub window_flows: usize,
}

impl std::fmt::Display for Counts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} subjects with figures, {} figures, {} sources, {} events",
            self.subjects, self.figures, self.sources, self.events
        )?;
        if self.window_flows > 0 {
            write!(f, ", {} window flows", self.window_flows)?;
        }
        Ok(())
    }
}

/// Read every PATH. Unreadable paths fail at once with exit code 2; data
/// errors are collected (see [`Figures::into_json`]).
pub fn read(paths: &[String]) -> Result<Figures, Fail> {
    let mut f = Figures::default();
    for path in paths {
        let meta =
            std::fs::metadata(path).map_err(|e| Fail(2, format!("{path}: cannot read: {e}")))?;
        if meta.is_dir() {
            f.read_dir(path)?;
        } else {
            let text = crate::read_text(path)?;
            f.read_json_file(path.clone(), text);
        }
    }
    Ok(f)
}

/// A figure's text that marks it as invented: such figures (the dashboard's
/// illustrative examples) must never be published.
fn illustrative(s: &str) -> bool {
    let s = s.trim_start().to_uppercase();
    s.starts_with("ILLUSTRATIEF") || s.starts_with("ILLUSTRATIVE")
}

const ILLUSTRATIVE: &str =
    "an illustrative (invented) figure, marked ILLUSTRATIEF: it must never be published";

/// The 1-based line of `key` at the top level of the JSON object in `text`.
fn top_key_line(text: &str, key: &str) -> Option<u32> {
    let bytes = text.as_bytes();
    let (mut depth, mut line, mut i) = (0usize, 1u32, 0usize);
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => line += 1,
            b'{' | b'[' => depth += 1,
            b'}' | b']' => depth = depth.saturating_sub(1),
            b'"' => {
                let (start, start_line) = (i + 1, line);
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    match bytes[i] {
                        b'\\' => i += 1,
                        b'\n' => line += 1,
                        _ => {}
                    }
                    i += 1;
                }
                if depth == 1 && bytes.get(start..i) == Some(key.as_bytes()) {
                    let rest = bytes.get(i + 1..).unwrap_or(&[]);
                    if rest.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b':') {
                        return Some(start_line);
                    }
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// A number as JSON: whole numbers without a fraction.
fn number(v: f64) -> Value {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        json!(v as i64)
    } else {
        json!(v)
    }
}

impl Figures {
    fn add_file(&mut self, name: String, text: String) -> usize {
        self.files.push((name, text));
        self.files.len() - 1
    }

    fn name(&self, file: usize) -> &str {
        &self.files[file].0
    }

    fn err(&mut self, msg: String) {
        self.errors.push(msg);
    }

    /// `file:line: ` (or `file: ` with no line).
    fn at(&self, file: usize, line: Option<u32>) -> String {
        match line {
            Some(l) => format!("{}:{l}: ", self.name(file)),
            None => format!("{}: ", self.name(file)),
        }
    }

    /// A directory in the `data/figures` layout: every `*.json` (metadata)
    /// with its `*.csv`, in file-name order.
    fn read_dir(&mut self, dir: &str) -> Result<(), Fail> {
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

    /// Parse JSON, or record where it is broken.
    fn parse_json(&mut self, file: usize) -> Option<Map<String, Value>> {
        match serde_json::from_str::<Value>(&self.files[file].1) {
            Ok(Value::Object(m)) => Some(m),
            Ok(_) => {
                let msg = format!("{}not a JSON object", self.at(file, Some(1)));
                self.err(msg);
                None
            }
            Err(e) => {
                let msg = format!(
                    "{}column {}: not valid JSON: {e}",
                    self.at(file, Some(e.line() as u32)),
                    e.column()
                );
                self.err(msg);
                None
            }
        }
    }

    /// The array under `key`, each item with its origin; an error when it is
    /// there and not an array, or absent and `required`.
    fn table(
        &mut self,
        file: usize,
        m: &Map<String, Value>,
        table: Table,
        required: bool,
    ) -> Option<Vec<(Value, Origin)>> {
        let key = table.key();
        match m.get(key) {
            Some(Value::Array(items)) => Some(
                items
                    .iter()
                    .enumerate()
                    .map(|(index, v)| (v.clone(), Origin::Item { file, table, index }))
                    .collect(),
            ),
            None if !required => Some(Vec::new()),
            None => {
                let msg = format!(
                    "{}\"{key}\" is missing (a list, [] for none)",
                    self.at(file, None)
                );
                self.err(msg);
                None
            }
            Some(_) => {
                let line = top_key_line(&self.files[file].1, key);
                let msg = format!("{}{key}: must be a list", self.at(file, line));
                self.err(msg);
                None
            }
        }
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

    /// Add sources, once each: the same source cited from two files is one
    /// source; one id with two different descriptions is an error.
    fn add_sources(&mut self, sources: Vec<(Value, Origin)>) {
        for (s, origin) in sources {
            let id = s.get("id").and_then(Value::as_str).map(String::from);
            let twin = id.as_ref().and_then(|id| {
                self.sources
                    .iter()
                    .find(|(x, _)| x.get("id").and_then(Value::as_str) == Some(id))
            });
            match twin {
                Some((x, _)) if *x == s => {}
                Some((_, first)) => {
                    let other = self.origin_file(first).to_string();
                    let msg = format!(
                        "{}: \"{}\" is described differently in {other}: one id, one publication",
                        self.locate(&origin, "id"),
                        id.unwrap_or_default()
                    );
                    self.err(msg);
                }
                None => self.sources.push((s, origin)),
            }
        }
    }

    fn origin_file(&self, o: &Origin) -> &str {
        match o {
            Origin::Csv { file, .. } | Origin::Item { file, .. } | Origin::Meta { file } => {
                self.name(*file)
            }
        }
    }

    /// `file:line: path.field` for an item and one of its fields (dotted).
    fn locate(&self, o: &Origin, field: &str) -> String {
        let first = field.split('.').next().filter(|k| !k.is_empty());
        match o {
            Origin::Csv { file, line } => {
                let column = match first {
                    Some("year") => "Year",
                    Some("value") => "Value",
                    Some("document") | Some("source") => "Source",
                    Some("quote") => "Quote",
                    Some("provisional") => "Provisional",
                    Some("note") => "Note",
                    Some("subject") => "(subject: the file's name)",
                    _ => "",
                };
                let column = if column.is_empty() {
                    String::new()
                } else {
                    format!("column {column}")
                };
                format!("{}{column}", self.at(*file, Some(*line)))
                    .trim_end_matches([' ', ':'])
                    .to_string()
            }
            Origin::Item { file, table, index } => {
                let line = load::locate(&self.files[*file].1, *table, Some(*index), first);
                let field = if field.is_empty() {
                    String::new()
                } else {
                    format!(".{field}")
                };
                format!("{}{}[{index}]{field}", self.at(*file, line), table.key())
            }
            Origin::Meta { file } => {
                let line = first.and_then(|k| top_key_line(&self.files[*file].1, k));
                format!("{}{field}", self.at(*file, line))
                    .trim_end_matches([' ', ':'])
                    .to_string()
            }
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

    /// A `koers-figures` file, or a dataset exported by the dashboard: its
    /// figure tables.
    fn read_json_file(&mut self, path: String, text: String) {
        let file = self.add_file(path, text);
        let Some(m) = self.parse_json(file) else {
            return;
        };
        let format = m.get("format").and_then(Value::as_str).unwrap_or("");
        if format != load::FIGURES_FORMAT && format != "koers" {
            let line = top_key_line(&self.files[file].1, "format");
            let msg = format!(
                "{}format: a --figures file is a \"{}\" file or a \"koers\" dataset (a directory holds <SUBJECT>.json and .csv files)",
                self.at(file, line),
                load::FIGURES_FORMAT
            );
            self.err(msg);
            return;
        }
        if m.get("format_version").and_then(Value::as_u64)
            != Some(u64::from(koers_core::model::FORMAT_VERSION))
        {
            let line = top_key_line(&self.files[file].1, "format_version");
            let msg = format!(
                "{}format_version: must be {}",
                self.at(file, line),
                koers_core::model::FORMAT_VERSION
            );
            self.err(msg);
            return;
        }
        if format == load::FIGURES_FORMAT {
            for key in m.keys() {
                let known = ["format", "format_version"].contains(&key.as_str())
                    || Table::FIGURES.iter().any(|t| t.key() == key);
                if !known {
                    let line = top_key_line(&self.files[file].1, key);
                    let msg = format!(
                        "{}{key}: {}",
                        self.at(file, line),
                        load::ErrorKind::NotInThisFile
                    );
                    self.err(msg);
                }
            }
        }
        // A dataset's vision tables are the vision's business: only what
        // happened is taken from it.
        let mut tables = Vec::new();
        for t in Table::FIGURES {
            match self.table(file, &m, t, false) {
                Some(items) => tables.push((t, items)),
                None => return,
            }
        }
        for (t, items) in tables {
            match t {
                Table::Sources => self.add_sources(items),
                Table::Series => self.series.extend(items),
                Table::Observations => {
                    for (o, origin) in items {
                        if self.refuse_illustrative(
                            &o,
                            &origin,
                            &["source", "document", "quote", "note"],
                        ) {
                            self.observations.push((o, origin));
                        }
                    }
                }
                Table::Events => self.events.extend(items),
                _ => {
                    for (o, origin) in items {
                        if self.refuse_illustrative(&o, &origin, &["source"]) {
                            self.window_flows.push((o, origin));
                        }
                    }
                }
            }
        }
    }

    /// False (and an error) when one of `fields` marks the item invented.
    fn refuse_illustrative(&mut self, item: &Value, origin: &Origin, fields: &[&str]) -> bool {
        for f in fields {
            if item
                .get(*f)
                .and_then(Value::as_str)
                .is_some_and(illustrative)
            {
                let msg = format!("{}: {ILLUSTRATIVE}", self.locate(origin, f));
                self.err(msg);
                return false;
            }
        }
        true
    }

    /// What the combined file holds.
    pub fn counts(&self) -> Counts {
        let subjects: HashSet<&str> = self
            .observations
            .iter()
            .filter_map(|(o, _)| o.get("subject").and_then(Value::as_str))
            .collect();
        Counts {
            subjects: subjects.len(),
            figures: self.observations.len(),
            sources: self.sources.len(),
            events: self.events.len(),
            window_flows: self.window_flows.len(),
        }
    }

    /// Problems found while reading, before koers-core sees the data (the
    /// items they concern are left out of the combined file).
    pub fn errors(&self) -> &[String] {
        &self.errors
    }

    /// The combined `koers-figures` file: pretty JSON, tables in the
    /// format's order, items in the order read.
    pub fn to_json(&self) -> String {
        let items =
            |v: &[(Value, Origin)]| Value::Array(v.iter().map(|(x, _)| x.clone()).collect());
        // Keys in the order of the format; serde_json's map would sort them.
        let mut out = String::from("{\n  \"format\": \"koers-figures\",\n  \"format_version\": 1");
        for (key, table) in [
            ("sources", &self.sources),
            ("series", &self.series),
            ("observations", &self.observations),
            ("events", &self.events),
            ("window_flows", &self.window_flows),
        ] {
            let body = serde_json::to_string_pretty(&items(table)).unwrap_or_default();
            let _ = write!(out, ",\n  \"{key}\": {}", body.replace('\n', "\n  "));
        }
        out.push_str("\n}\n");
        out
    }

    /// Errors koers-core found in the combined file, each named by the file,
    /// line and field it came from.
    pub fn explain(&self, issues: &Issues) -> Vec<String> {
        let mut out = Vec::new();
        let mut seen = HashSet::new();
        for e in &issues.errors {
            let origin = e.path.table.zip(e.path.index).and_then(|(t, i)| {
                let table = match t {
                    Table::Sources => &self.sources,
                    Table::Series => &self.series,
                    Table::Observations => &self.observations,
                    Table::Events => &self.events,
                    Table::WindowFlows => &self.window_flows,
                    _ => return None,
                };
                table.get(i).map(|(_, o)| o)
            });
            let msg = match origin {
                Some(o) => format!("{}: {}", self.locate(o, &e.path.field), e.kind),
                None => {
                    let mut p = e.path.clone();
                    p.line = None;
                    format!("the combined figures: {p}: {}", e.kind)
                }
            };
            // A subject unknown to the vision is said once per file, not
            // once per row.
            if matches!(origin, Some(Origin::Csv { .. })) && e.path.field.as_str() == "subject" {
                let file = origin.map(|o| self.origin_file(o).to_string());
                if !seen.insert(file) {
                    continue;
                }
            }
            out.push(msg);
        }
        if issues.total > issues.errors.len() {
            out.push(format!(
                "… and {} more (first {} shown)",
                issues.total - issues.errors.len(),
                issues.errors.len()
            ));
        }
        out
    }
}
