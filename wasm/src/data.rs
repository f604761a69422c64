//! What the user entered: observations and realised window flows, owned, as
//! the JSON and CSV the dashboard imports, stores and exports.
//!
//! The vision is `'static` text compiled in; what the user enters lives here
//! as owned strings and is lent to a [`Dataset`] only while core computes.
//! Text is kept JSON-escaped (as [`Text`] expects), so a `\` or `"` typed by
//! a user round-trips. Every change is validated against the vision with
//! core's own checks before it is accepted: nothing partial is ever kept.

use std::boxed::Box;
use std::string::{String, ToString};
use std::vec::Vec;

use koers_core::load::{self, ErrorKind, Issues, Table};
use koers_core::model::{Dataset, Observation, Text, WindowFlow};

/// One observation, owned.
#[derive(Clone, Debug, PartialEq)]
pub struct Obs {
    /// Target or indicator id.
    pub subject: String,
    /// Year.
    pub year: i32,
    /// Value (for cumulative flows: that year's flow).
    pub value: f64,
    /// Source, JSON-escaped.
    pub source: String,
    /// Note, JSON-escaped.
    pub note: Option<String>,
    /// Provisional figure.
    pub provisional: bool,
}

/// One realised window flow, owned.
#[derive(Clone, Debug, PartialEq)]
pub struct Flow {
    /// Window id.
    pub window: String,
    /// Year.
    pub year: i32,
    /// Public money committed.
    pub public_committed: Option<f64>,
    /// Public money disbursed.
    pub public_disbursed: Option<f64>,
    /// Private money committed.
    pub private_committed: Option<f64>,
    /// Private money disbursed.
    pub private_disbursed: Option<f64>,
    /// Source, JSON-escaped.
    pub source: String,
}

/// Everything the user entered.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct UserData {
    /// Observations, in entry order.
    pub obs: Vec<Obs>,
    /// Realised window flows.
    pub flows: Vec<Flow>,
}

/// The start of the source text of every illustrative (invented) figure
/// shipped in `data/illustrative-observations.json`: the dashboard marks
/// such figures wherever it shows them.
pub const ILLUSTRATIVE: &str = "ILLUSTRATIEF";

impl Obs {
    /// As core's model, borrowing.
    pub fn as_model(&self) -> Observation<'_> {
        Observation {
            subject: &self.subject,
            year: self.year,
            value: self.value,
            source: Text(&self.source),
            document: None,
            quote: None,
            note: self.note.as_deref().map(Text),
            provisional: self.provisional,
        }
    }

    fn from_model(o: &Observation) -> Obs {
        Obs {
            subject: o.subject.into(),
            year: o.year,
            value: o.value,
            source: o.source.raw().into(),
            note: o.note.map(|n| n.raw().into()),
            provisional: o.provisional,
        }
    }

    /// True for an invented example figure.
    pub fn illustrative(&self) -> bool {
        self.source.starts_with(ILLUSTRATIVE)
    }
}

impl Flow {
    /// As core's model, borrowing.
    pub fn as_model(&self) -> WindowFlow<'_> {
        WindowFlow {
            window: &self.window,
            year: self.year,
            public_committed: self.public_committed,
            public_disbursed: self.public_disbursed,
            private_committed: self.private_committed,
            private_disbursed: self.private_disbursed,
            source: Text(&self.source),
        }
    }

    fn from_model(f: &WindowFlow) -> Flow {
        Flow {
            window: f.window.into(),
            year: f.year,
            public_committed: f.public_committed,
            public_disbursed: f.public_disbursed,
            private_committed: f.private_committed,
            private_disbursed: f.private_disbursed,
            source: f.source.raw().into(),
        }
    }
}

/// Escape text for a JSON string (without the quotes).
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                out.push_str("\\u00");
                let n = c as u32;
                for d in [n >> 4, n & 15] {
                    out.push(char::from_digit(d, 16).unwrap_or('0'));
                }
            }
            c => out.push(c),
        }
    }
    out
}

/// The text of a JSON-escaped string.
pub fn unescape(raw: &str) -> String {
    if raw.contains('\\') {
        Text(raw).to_string()
    } else {
        raw.into()
    }
}

/// The vision's text, once: a `static` so the 100 KB are in the binary once
/// (a `const` may be copied at every use).
static VISION_JSON: &str = koers_core::builtin::VISION_JSON;

/// The built-in vision, loaded once, on the heap.
pub fn vision() -> Box<Dataset<'static>> {
    let mut ds = Box::<Dataset<'static>>::default();
    // The vision is checked by core's tests; a failure here is a build error.
    let _ = load::load_into(VISION_JSON, &mut ds);
    ds
}

/// The vision with the user's data: a copy of `base` lent `data`'s text.
pub fn merged<'a>(base: &Dataset<'static>, data: &'a UserData) -> Result<Box<Dataset<'a>>, Issues> {
    let mut ds: Box<Dataset<'a>> = Box::new(base.clone());
    ds.observations.clear();
    ds.window_flows.clear();
    let mut issues = Issues::default();
    for (i, o) in data.obs.iter().enumerate() {
        if ds.add_observation(o.as_model()).is_err() {
            issues.push(
                load::Path::item(Table::Observations, i, ""),
                ErrorKind::TooMany {
                    capacity: koers_core::config::MAX_OBSERVATIONS,
                },
            );
            return Err(issues);
        }
    }
    for (i, f) in data.flows.iter().enumerate() {
        if ds.window_flows.push(f.as_model()).is_err() {
            issues.push(
                load::Path::item(Table::WindowFlows, i, ""),
                ErrorKind::TooMany {
                    capacity: koers_core::config::MAX_WINDOW_FLOWS,
                },
            );
            return Err(issues);
        }
    }
    Ok(ds)
}

/// Check the user's data against the vision with core's validation.
pub fn check(base: &Dataset<'static>, data: &UserData) -> Result<(), Issues> {
    let ds = merged(base, data)?;
    let issues = load::validate(&ds);
    if issues.is_empty() {
        Ok(())
    } else {
        Err(issues)
    }
}

/// One problem in a file or a form, with where it is.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    /// 1-based line in the file, when known.
    pub line: Option<u32>,
    /// Field or column.
    pub field: String,
    /// The item's index in its table, when known.
    pub index: Option<usize>,
    /// What is wrong.
    pub kind: ErrorKind,
}

fn problems_of(issues: &Issues, line: impl Fn(&load::Path) -> Option<u32>) -> Vec<Problem> {
    issues
        .errors
        .iter()
        .map(|e| Problem {
            line: e.path.line.or_else(|| line(&e.path)),
            field: {
                let mut f = String::new();
                if let Some(t) = e.path.table {
                    f.push_str(t.key());
                    if let Some(i) = e.path.index {
                        f.push('[');
                        f.push_str(&i.to_string());
                        f.push(']');
                    }
                    if !e.path.field.is_empty() {
                        f.push('.');
                    }
                }
                f.push_str(&e.path.field);
                f
            },
            index: e.path.index,
            kind: e.kind.clone(),
        })
        .collect()
}

/// Problems of the user's data, with no file lines (a form edit).
pub fn problems(issues: &Issues) -> Vec<Problem> {
    problems_of(issues, |_| None)
}

/// Read a whole koers JSON file (as exported): every problem with its JSON
/// path and line, or its observations and window flows, checked against
/// the built-in vision.
pub fn import_json(base: &Dataset<'static>, text: &str) -> Result<UserData, Vec<Problem>> {
    let mut scratch = Box::<Dataset>::default();
    if let Err(issues) = load::load_into(text, &mut scratch) {
        return Err(problems(&issues));
    }
    let data = UserData {
        obs: scratch.observations.iter().map(Obs::from_model).collect(),
        flows: scratch.window_flows.iter().map(Flow::from_model).collect(),
    };
    match check(base, &data) {
        Ok(()) => Ok(data),
        Err(issues) => Err(problems_of(&issues, |p| {
            let key = p.field.split('.').next().filter(|k| !k.is_empty());
            load::locate(text, p.table?, p.index, key)
        })),
    }
}

/// The CSV columns of observations, in export order.
pub const CSV_COLUMNS: [&str; 6] = ["subject", "year", "value", "source", "note", "provisional"];

/// Read observations from CSV (`subject,year,value,source,note,provisional`;
/// `note` and `provisional` may be absent): every problem with its line and
/// column, or the observations, checked against the vision. Window flows
/// are kept from `keep`.
pub fn import_csv(
    base: &Dataset<'static>,
    bytes: &[u8],
    keep: &[Flow],
) -> Result<UserData, Vec<Problem>> {
    let mut cols: Option<[Option<usize>; 6]> = None;
    let mut width = 0usize;
    let mut obs = Vec::new();
    let mut lines = Vec::new();
    let mut problems = Vec::new();
    let problem = |line: u32, field: &str, kind: ErrorKind| Problem {
        line: Some(line),
        field: field.into(),
        index: None,
        kind,
    };
    let read = load::read_csv(
        bytes,
        |rec| {
            let Some(c) = cols else {
                let mut found = [None; 6];
                for (k, name) in CSV_COLUMNS.iter().enumerate() {
                    found[k] = (0..rec.len()).find(|i| {
                        rec.get(*i).is_some_and(|h| {
                            h.trim()
                                .trim_start_matches('\u{feff}')
                                .eq_ignore_ascii_case(name)
                        })
                    });
                    if found[k].is_none() && k < 4 {
                        problems.push(problem(rec.line, name, ErrorKind::MissingColumn(name)));
                    }
                }
                width = rec.len();
                cols = Some(found);
                return if problems.is_empty() { Ok(()) } else { Err(()) };
            };
            if rec.len() > width {
                problems.push(problem(rec.line, "", ErrorKind::TooManyFields));
                return Ok(());
            }
            let field = |k: usize| c[k].and_then(|i| rec.get(i)).unwrap_or("").trim();
            let before = problems.len();
            let subject = field(0);
            if subject.is_empty() {
                problems.push(problem(rec.line, "subject", ErrorKind::Empty));
            }
            let year = load::parse_year(field(1));
            if year.is_none() {
                let kind = if field(1).trim().parse::<i32>().is_ok() {
                    ErrorKind::YearOutOfRange
                } else {
                    ErrorKind::NotANumber
                };
                problems.push(problem(rec.line, "year", kind));
            }
            let value = load::parse_number(field(2));
            if value.is_none() {
                problems.push(problem(rec.line, "value", ErrorKind::NotANumber));
            }
            let source = field(3);
            if source.is_empty() {
                problems.push(problem(rec.line, "source", ErrorKind::Empty));
            }
            let provisional = match field(5).to_ascii_lowercase().as_str() {
                "" | "false" | "0" | "no" | "nee" => Some(false),
                "true" | "1" | "yes" | "ja" => Some(true),
                _ => None,
            };
            if provisional.is_none() {
                problems.push(problem(rec.line, "provisional", ErrorKind::NotANumber));
            }
            if problems.len() == before {
                let note = field(4);
                obs.push(Obs {
                    subject: subject.into(),
                    year: year.unwrap_or_default(),
                    value: value.unwrap_or_default(),
                    source: escape(source),
                    note: (!note.is_empty()).then(|| escape(note)),
                    provisional: provisional.unwrap_or_default(),
                });
                lines.push(rec.line);
            }
            Ok(())
        },
        |_| (),
    );
    if read.is_err() && problems.is_empty() {
        // The reader stopped: a line longer than its buffer.
        let line = lines.last().map_or(1, |l| l + 1);
        problems.push(problem(line, "", ErrorKind::TooLong));
    }
    if cols.is_none() && problems.is_empty() {
        problems.push(problem(1, "subject", ErrorKind::MissingColumn("subject")));
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let data = UserData {
        obs,
        flows: keep.to_vec(),
    };
    match check(base, &data) {
        Ok(()) => Ok(data),
        Err(issues) => Err(issues
            .errors
            .iter()
            .map(|e| {
                let row = (e.path.table == Some(Table::Observations))
                    .then_some(e.path.index)
                    .flatten();
                Problem {
                    line: row.and_then(|i| lines.get(i).copied()),
                    field: e.path.field.as_str().into(),
                    index: row,
                    kind: e.kind.clone(),
                }
            })
            .collect()),
    }
}

pub(crate) fn json_value<T: serde::Serialize>(v: &T, out: &mut String) {
    let mut buf = std::vec![0u8; 256];
    loop {
        match serde_json_core::to_slice(v, &mut buf) {
            Ok(n) => {
                out.push_str(core::str::from_utf8(&buf[..n]).unwrap_or("null"));
                return;
            }
            Err(_) if buf.len() < 1 << 24 => {
                let n = buf.len() * 2;
                buf.resize(n, 0);
            }
            Err(_) => {
                out.push_str("null");
                return;
            }
        }
    }
}

/// A number as JSON and CSV write it (shortest form that reads back).
pub fn number(v: f64) -> String {
    let mut s = String::new();
    json_value(&v, &mut s);
    s.strip_suffix(".0").map(String::from).unwrap_or(s)
}

/// The built-in vision up to where its (empty) observations begin.
fn vision_prefix() -> Option<&'static str> {
    let at = VISION_JSON.rfind("\"observations\"")?;
    let rest: String = VISION_JSON[at..]
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    (rest == "\"observations\":[],\"window_flows\":[]}").then(|| &VISION_JSON[..at])
}

/// The whole dataset as a koers JSON file: the vision as published, then the
/// user's observations and window flows, one per line. Importing it gives
/// the same data back; `koers check` and `koers report` read it.
pub fn export_json(base: &Dataset<'static>, data: &UserData) -> String {
    let mut out = String::new();
    match vision_prefix() {
        Some(prefix) => out.push_str(prefix),
        None => {
            // The data file changed shape: write the vision from the model.
            let mut vision_only: Box<Dataset<'static>> = Box::new(base.clone());
            vision_only.observations.clear();
            vision_only.window_flows.clear();
            json_value(&*vision_only, &mut out);
            out.truncate(out.rfind("\"observations\"").unwrap_or(out.len()));
        }
    }
    out.push_str("\"observations\": [");
    for (i, o) in data.obs.iter().enumerate() {
        out.push_str(if i == 0 { "\n    " } else { ",\n    " });
        json_value(&o.as_model(), &mut out);
    }
    out.push_str(if data.obs.is_empty() { "" } else { "\n  " });
    out.push_str("],\n  \"window_flows\": [");
    for (i, f) in data.flows.iter().enumerate() {
        out.push_str(if i == 0 { "\n    " } else { ",\n    " });
        json_value(&f.as_model(), &mut out);
    }
    out.push_str(if data.flows.is_empty() { "" } else { "\n  " });
    out.push_str("]\n}\n");
    out
}

/// A CSV field, quoted when it must be.
pub fn csv_field(s: &str, out: &mut String) {
    if s.contains([',', '"', '\n', '\r']) || s.starts_with(' ') || s.ends_with(' ') {
        out.push('"');
        out.push_str(&s.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(s);
    }
}

/// The observations as CSV, the columns of [`CSV_COLUMNS`].
pub fn export_csv(data: &UserData) -> String {
    let mut out = CSV_COLUMNS.join(",");
    out.push('\n');
    for o in &data.obs {
        csv_field(&o.subject, &mut out);
        out.push(',');
        out.push_str(&o.year.to_string());
        out.push(',');
        out.push_str(&number(o.value));
        out.push(',');
        csv_field(&unescape(&o.source), &mut out);
        out.push(',');
        if let Some(n) = &o.note {
            csv_field(&unescape(n), &mut out);
        }
        out.push(',');
        out.push_str(if o.provisional { "true" } else { "false" });
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn obs(subject: &str, year: i32, value: f64, source: &str) -> Obs {
        Obs {
            subject: subject.into(),
            year,
            value,
            source: escape(source),
            note: None,
            provisional: false,
        }
    }

    #[test]
    fn the_vision_ends_with_empty_tables_so_export_can_splice() {
        assert!(vision_prefix().is_some());
    }

    #[test]
    fn json_round_trip_keeps_everything() {
        let base = vision();
        let mut data = UserData::default();
        data.obs.push(obs(
            "T-P5-technici-25000",
            2026,
            3100.0,
            "CBS \"x\" \\ <img>",
        ));
        data.obs.push(Obs {
            note: Some(escape("line\nbreak")),
            provisional: true,
            ..obs("T-P2-rd-3pct-bbp-2030", 2024, 2.27, "Eurostat")
        });
        data.flows.push(Flow {
            window: "W-P3-investnl-4mld".into(),
            year: 2026,
            public_committed: Some(4e8),
            public_disbursed: None,
            private_committed: Some(1.2e9),
            private_disbursed: None,
            source: escape("Invest-NL jaarverslag"),
        });
        check(&base, &data).unwrap();
        let text = export_json(&base, &data);
        let back = import_json(&base, &text).unwrap();
        assert_eq!(back, data);
        assert_eq!(unescape(&back.obs[0].source), "CBS \"x\" \\ <img>");
        let csv = export_csv(&data);
        let back = import_csv(&base, csv.as_bytes(), &data.flows).unwrap();
        assert_eq!(back, data);
    }

    #[test]
    fn empty_export_is_the_vision() {
        let base = vision();
        let text = export_json(&base, &UserData::default());
        let back = import_json(&base, &text).unwrap();
        assert_eq!(back, UserData::default());
    }

    #[test]
    fn bad_csv_names_lines_and_columns_and_gives_nothing() {
        let base = vision();
        let csv = "subject,year,value,source\nT-P5-technici-25000,2026,3100,CBS\nT-P5-technici-25000,20x6,abc,\nnope,2027,1,CBS\n";
        let e = import_csv(&base, csv.as_bytes(), &[]).unwrap_err();
        let seen: Vec<_> = e.iter().map(|p| (p.line, p.field.as_str())).collect();
        assert_eq!(
            seen,
            [(Some(3), "year"), (Some(3), "value"), (Some(3), "source"),]
        );
        let csv = "subject,year,value,source\nT-P5-technici-25000,2026,3100,CBS\nnope,2027,1,CBS\nT-P5-technici-25000,2026,1,CBS\n";
        let e = import_csv(&base, csv.as_bytes(), &[]).unwrap_err();
        let seen: Vec<_> = e.iter().map(|p| (p.line, p.kind.clone())).collect();
        assert_eq!(
            seen,
            [
                (Some(3), ErrorKind::UnknownReference),
                (Some(4), ErrorKind::DuplicateYear)
            ]
        );
        let e = import_csv(&base, b"year,value\n2026,1\n", &[]).unwrap_err();
        assert_eq!(e[0].kind, ErrorKind::MissingColumn("subject"));
    }

    #[test]
    fn bad_json_names_lines() {
        let base = vision();
        let mut data = UserData::default();
        data.obs
            .push(obs("T-P5-technici-25000", 2026, 3100.0, "CBS"));
        let text = export_json(&base, &data).replace(
            "\"subject\":\"T-P5-technici-25000\"",
            "\"subject\":\"T-nope\"",
        );
        let e = import_json(&base, &text).unwrap_err();
        assert_eq!(e[0].kind, ErrorKind::UnknownReference);
        let line = text.lines().position(|l| l.contains("T-nope")).unwrap() as u32 + 1;
        assert_eq!(e[0].line, Some(line));
        let e = import_json(&base, "{\"format\": \"koers\",\n \"x\": 1}").unwrap_err();
        assert!(e[0].line.is_some());
    }

    #[test]
    fn numbers_read_back() {
        for v in [3100.0, 2.27, 0.1, 7e9, -1.5, 1e-7] {
            assert_eq!(load::parse_number(&number(v)), Some(v));
        }
        assert_eq!(number(3100.0), "3100");
    }
}
