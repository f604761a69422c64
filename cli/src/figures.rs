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

use std::collections::HashSet;
use std::fmt::Write as _;

use koers_core::load::Table;
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
/// errors are collected (see [`Figures::to_json`]).
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
}

mod dir;
mod json;
mod locate;
