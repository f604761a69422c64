//! JSON and CSV in, errors out: every error names where (JSON path and line,
//! or CSV line and column), nothing panics, and a failed load leaves the
//! caller's data untouched (parse into a scratch [`Dataset`], then swap).
//!
//! JSON is read with `serde-json-core`, which reports *what* went wrong but not
//! *where*; the top level of the file is therefore walked here, table by table
//! and item by item, so that an error carries `targets[3]`, and the line of that
//! item is found afterwards by [`locate`].

use core::cell::Cell;
use core::fmt;

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

use crate::config::MAX_ISSUES;
use crate::model::*;

mod error;
pub use error::*;

const TOP_KEYS: &[&str] = &[
    "format",
    "format_version",
    "vision",
    "priorities",
    "objectives",
    "focus_areas",
    "targets",
    "indicators",
    "windows",
    "figures",
    "observations",
    "window_flows",
    "sources",
    "series",
    "events",
];

/// The `format` of a file of published figures.
pub const FIGURES_FORMAT: &str = "koers-figures";

mod json;
use json::{DatasetSeed, Known, Progress};

/// Parse a dataset: structure and types only (see [`validate`] for the
/// rest). `out` is cleared first and, on error, holds what was read before the
/// error: parse into a scratch dataset when the old data must survive.
pub fn parse_into<'a, const O: usize, const F: usize>(
    json: &'a str,
    out: &mut Dataset<'a, O, F>,
) -> Result<()> {
    *out = Dataset::default();
    parse(json, out, false)?;
    check_format(out.format, out.format_version, "koers")
}

/// Parse a file of published figures (`"format": "koers-figures"`: the
/// tables [`Table::FIGURES`] only) into `out`, which holds a vision: those
/// tables are replaced, the vision's are kept. See [`load_figures_into`] for
/// parsing and validating together. On error `out`'s figure tables hold what
/// was read before the error.
pub fn parse_figures_into<'a, const O: usize, const F: usize>(
    json: &'a str,
    out: &mut Dataset<'a, O, F>,
) -> Result<()> {
    out.sources.clear();
    out.series.clear();
    out.observations.clear();
    out.events.clear();
    out.window_flows.clear();
    let (format, version) = (out.format, out.format_version);
    let parsed = parse(json, out, true);
    let found = (out.format, out.format_version);
    (out.format, out.format_version) = (format, version);
    parsed?;
    check_format(found.0, found.1, FIGURES_FORMAT)
}

/// Parse and validate a figures file against the vision in `out` (see
/// [`parse_figures_into`]): every problem found, with lines in `json` for
/// the figures' tables. On error `out` holds the figures as far as read:
/// load into a copy when the old figures must survive.
pub fn load_figures_into<'a, const O: usize, const F: usize>(
    json: &'a str,
    out: &mut Dataset<'a, O, F>,
) -> core::result::Result<(), Issues> {
    parse_figures_into(json, out)?;
    validated(json, out, &Table::FIGURES)
}

/// Validate `ds`, giving each problem in one of `tables` its line in `json`.
fn validated<const O: usize, const F: usize>(
    json: &str,
    ds: &Dataset<'_, O, F>,
    tables: &[Table],
) -> core::result::Result<(), Issues> {
    let mut issues = validate(ds);
    for e in issues.errors.iter_mut() {
        if e.path.table.is_none_or(|t| tables.contains(&t)) {
            let first = e.path.field.split('.').next().unwrap_or("");
            let key = if first.is_empty() { None } else { Some(first) };
            e.path.line = line_of(json, &e.path, key);
        }
    }
    if issues.is_empty() {
        Ok(())
    } else {
        Err(issues)
    }
}

fn parse<'a, const O: usize, const F: usize>(
    json: &'a str,
    out: &mut Dataset<'a, O, F>,
    figures: bool,
) -> Result<()> {
    let progress = Progress::default();
    let mut de = serde_json_core::de::Deserializer::new(json.as_bytes(), None);
    let parsed = DatasetSeed {
        progress: &progress,
        out,
        figures,
    }
    .deserialize(&mut de)
    .and_then(|()| de.end().map(|_| ()));
    let Err(e) = parsed else {
        return Ok(());
    };
    let key = progress.key.get();
    let mut path = Path {
        table: progress.table.get(),
        index: progress.index.get(),
        field: field_of(key.unwrap_or("")),
        line: None,
    };
    let kind = match progress.kind.get() {
        Some(Known::TooMany(capacity)) => ErrorKind::TooMany { capacity },
        Some(Known::DuplicateKey(k)) => ErrorKind::DuplicateKey(k),
        Some(Known::Missing(k)) => ErrorKind::Missing(k),
        Some(Known::UnknownKey) => ErrorKind::UnknownKey,
        Some(Known::NotInThisFile) => ErrorKind::NotInThisFile,
        Some(Known::MissingKey(k)) => {
            path.field = field_of(k);
            ErrorKind::MissingKey
        }
        None => ErrorKind::Json(JsonMessage(e)),
    };
    path.line = line_of(json, &path, key);
    Err(Error { path, kind })
}

/// The line of a path's item, and of its key within the item when known.
fn line_of(json: &str, path: &Path, key: Option<&str>) -> Option<u32> {
    match path.table {
        Some(t) => locate(json, t, path.index, key),
        None => key.and_then(|k| locate_key(json, 0, 1, 1, k)),
    }
}

fn check_format(format: &str, version: u32, want: &str) -> Result<()> {
    if format != want {
        return Err(Error {
            path: Path::from("format"),
            kind: ErrorKind::NotKoers,
        });
    }
    if version != FORMAT_VERSION {
        return Err(Error {
            path: Path::from("format_version"),
            kind: ErrorKind::UnsupportedVersion(version),
        });
    }
    Ok(())
}

/// Parse and validate a dataset into `out`: every problem found, or none.
/// On error `out` holds a partial or invalid dataset: load into a scratch
/// dataset and keep the old one when the data must survive a failed import.
pub fn load_into<'a, const O: usize, const F: usize>(
    json: &'a str,
    out: &mut Dataset<'a, O, F>,
) -> core::result::Result<(), Issues> {
    parse_into(json, out)?;
    validated(json, out, &Table::ALL)
}

/// The 1-based line where item `index` of `table` starts in `json` (or where
/// the table's key is, with no index), or where `key` is within that item.
/// A plain scan that knows strings and brackets; `None` when the text is too
/// broken to tell.
pub fn locate(json: &str, table: Table, index: Option<usize>, key: Option<&str>) -> Option<u32> {
    let bytes = json.as_bytes();
    let (at, line) = find_key(bytes, 0, 1, 1, table.key())?;
    let Some(index) = index else {
        return Some(line);
    };
    // The opening bracket of the table, then item `index`.
    let mut i = at;
    let mut line = line;
    while i < bytes.len() && bytes[i] != b'[' {
        if bytes[i] == b'\n' {
            line += 1;
        }
        i += 1;
    }
    i += 1;
    let mut depth = 0usize;
    let mut item = 0usize;
    let mut at_item_start = true;
    while i < bytes.len() {
        let b = bytes[i];
        if at_item_start && !b.is_ascii_whitespace() {
            if item == index {
                return Some(match key {
                    Some(k) if b == b'{' => locate_key(json, i, 1, line, k).unwrap_or(line),
                    _ => line,
                });
            }
            at_item_start = false;
        }
        match b {
            b'\n' => line += 1,
            b'{' | b'[' => depth += 1,
            b'}' | b']' => {
                if depth == 0 {
                    return None;
                }
                depth -= 1;
            }
            b',' if depth == 0 => {
                item += 1;
                at_item_start = true;
            }
            b'"' => i = skip_string(bytes, i, &mut line)?,
            _ => {}
        }
        i += 1;
    }
    None
}

/// The line of `key` at depth `depth` of the object starting at `from`.
fn locate_key(json: &str, from: usize, depth: usize, line: u32, key: &str) -> Option<u32> {
    find_key(json.as_bytes(), from, depth, line, key).map(|(_, l)| l)
}

/// From byte `from` (at `line`), find `"key"` as a key at `depth` levels below
/// `from`'s level: the index just after it and its line.
fn find_key(bytes: &[u8], from: usize, depth: usize, line: u32, key: &str) -> Option<(usize, u32)> {
    let key = key.as_bytes();
    let mut level = 0usize;
    let mut i = from;
    let mut line = line;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => line += 1,
            b'{' | b'[' => level += 1,
            b'}' | b']' => {
                if level == 0 {
                    return None;
                }
                level -= 1;
                if level < depth && from > 0 {
                    return None;
                }
            }
            b'"' => {
                let start = i + 1;
                let start_line = line;
                i = skip_string(bytes, i, &mut line)?;
                if level == depth && bytes.get(start..i) == Some(key) {
                    let rest = bytes.get(i + 1..).unwrap_or(&[]);
                    if rest.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b':') {
                        return Some((i + 1, start_line));
                    }
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// From the opening quote at `i`, the index of the closing quote.
fn skip_string(bytes: &[u8], mut i: usize, line: &mut u32) -> Option<usize> {
    i += 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 1,
            b'"' => return Some(i),
            b'\n' => *line += 1,
            _ => {}
        }
        i += 1;
    }
    None
}

mod csv;
mod validate;
pub use csv::*;
pub use validate::*;

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = r#"{
  "format": "koers",
  "format_version": 1,
  "vision": {"id": "v", "title": {"nl": "Visie", "en": "Vision"}, "published": "2026-01", "horizon_year": 2035},
  "priorities": [
    {"id": "P1", "number": 1, "title": {"nl": "Een", "en": "One"}, "summary": {"nl": "s", "en": "s"},
     "source": {"chapter": "1", "section": "a", "quote": "q"}}
  ],
  "targets": [
    {"id": "T1", "priority": "P1", "title": {"nl": "Doel \"een\"", "en": "Target"}, "kind": "level",
     "unit": "percent", "direction": "increase", "target": {"year": 2030, "value": 3},
     "source": {"chapter": "1", "section": "a", "quote": "q"}},
    {"id": "T2", "priority": "P1", "title": {"nl": "Doel", "en": "Target"}, "kind": "rate",
     "unit": "eur_per_year", "direction": "increase", "baseline": {"year": 2024, "value": 1},
     "target": {"year": 2030, "value": 2},
     "source": {"chapter": "1", "section": "a", "quote": "q"}}
  ],
  "observations": [
    {"subject": "T1", "year": 2024, "value": 1.5, "source": "CBS"}
  ]
}"#;

    fn load(json: &str) -> core::result::Result<Dataset<'_>, Issues> {
        let mut ds = Dataset::default();
        load_into(json, &mut ds).map(|()| ds)
    }

    #[test]
    fn a_target_names_a_window_that_exists() {
        let named = |w: &str| {
            MINIMAL.replace(
                r#""target": {"year": 2030, "value": 3},"#,
                &std::format!(r#""target": {{"year": 2030, "value": 3}}, "window": "{w}","#),
            )
        };
        let e = load(&named("W-nope")).unwrap_err();
        assert_eq!(e.errors[0].kind, ErrorKind::UnknownReference);
        assert_eq!(e.errors[0].path.table, Some(Table::Targets));
        assert_eq!(e.errors[0].path.field.as_str(), "window");
        assert!(load(MINIMAL).unwrap().targets[0].window.is_none());
    }

    #[test]
    fn every_repeat_of_a_subject_and_year_is_named_and_the_first_is_not() {
        // T1 2024 three times, T2 2025 twice, interleaved with others: each
        // copy after the first is an error at its own position.
        let rows = [
            ("T1", 2024),
            ("T2", 2025),
            ("T1", 2025),
            ("T1", 2024),
            ("T2", 2025),
            ("T1", 2024),
            ("T2", 2024),
        ];
        let list: std::vec::Vec<std::string::String> = rows
            .iter()
            .map(|(s, y)| {
                std::format!(r#"{{"subject": "{s}", "year": {y}, "value": 1.5, "source": "CBS"}}"#)
            })
            .collect();
        let text = MINIMAL.replace(
            r#"{"subject": "T1", "year": 2024, "value": 1.5, "source": "CBS"}"#,
            &list.join(",\n    "),
        );
        let e = load(&text).unwrap_err();
        let at: std::vec::Vec<_> = e
            .errors
            .iter()
            .filter(|e| e.kind == ErrorKind::DuplicateYear)
            .map(|e| (e.path.index, e.path.field.as_str()))
            .collect();
        assert_eq!(
            at,
            [(Some(3), "year"), (Some(4), "year"), (Some(5), "year")]
        );
        // A breakdown of the same subject and year is not a repeat.
        let broken_down = MINIMAL.replace(
            r#"{"subject": "T1", "year": 2024, "value": 1.5, "source": "CBS"}"#,
            r#"{"subject": "T1", "year": 2024, "value": 1.5, "source": "CBS"},
    {"subject": "T1", "year": 2024, "value": 0.5, "source": "CBS", "breakdown": "vrouwen"}"#,
        );
        assert!(load(&broken_down).is_ok());
    }

    #[test]
    fn capacities_are_the_callers() {
        // Room for two observations and no window flows: two load; a third
        // is refused with that capacity and the item that did not fit.
        let two = MINIMAL.replace(
            r#"{"subject": "T1", "year": 2024, "value": 1.5, "source": "CBS"}"#,
            r#"{"subject": "T1", "year": 2024, "value": 1.5, "source": "CBS"},
    {"subject": "T1", "year": 2025, "value": 1.75, "source": "CBS"}"#,
        );
        let mut small: Dataset<'_, 2, 0> = Dataset::default();
        load_into(&two, &mut small).expect("two observations fit");
        assert_eq!(small.observations.len(), 2);
        // The same answers as the default dataset's.
        let big = load(&two).expect("loads");
        assert_eq!(
            crate::assess::assess_all(&small),
            crate::assess::assess_all(&big)
        );
        let three = two.replace(
            r#""value": 1.75, "source": "CBS"}"#,
            r#""value": 1.75, "source": "CBS"},
    {"subject": "T2", "year": 2025, "value": 1.5, "source": "CBS"}"#,
        );
        let mut small: Dataset<'_, 2, 0> = Dataset::default();
        let e = load_into(&three, &mut small).unwrap_err();
        assert_eq!(e.errors[0].kind, ErrorKind::TooMany { capacity: 2 });
        assert_eq!(e.errors[0].path.table, Some(Table::Observations));
        assert_eq!(e.errors[0].path.index, Some(2));
        assert!(load(&three).is_ok(), "the default dataset holds three");
        // It pays for what it holds: 1,022 observations and every window
        // flow less than the default.
        use crate::model::{Observation, WindowFlow};
        let saved = core::mem::size_of::<Dataset>() - core::mem::size_of::<Dataset<'_, 2, 0>>();
        assert_eq!(
            saved,
            (crate::config::MAX_OBSERVATIONS - 2) * core::mem::size_of::<Observation>()
                + crate::config::MAX_WINDOW_FLOWS * core::mem::size_of::<WindowFlow>()
        );
    }

    #[test]
    fn a_report_of_the_callers_size_counts_every_problem() {
        let bad = MINIMAL
            .replace(r#""id": "T1""#, r#""id": "t 1""#)
            .replace(r#""id": "T2""#, r#""id": "t 2""#);
        let mut ds: Dataset = Dataset::default();
        parse_into(&bad, &mut ds).expect("parses");
        let all = validate(&ds);
        assert!(all.total >= 2, "{all:?}");
        let mut one = Issues::<1>::default();
        validate_into(&ds, &mut one);
        assert_eq!(one.errors.len(), 1);
        assert_eq!(one.total, all.total);
        assert_eq!(one.errors[0], all.errors[0]);
    }

    #[test]
    fn minimal_dataset_loads_and_unescapes() {
        let ds = load(MINIMAL).expect("loads");
        assert_eq!(ds.priorities.len(), 1);
        assert_eq!(ds.targets.len(), 2);
        assert_eq!(ds.targets[1].baseline.map(|b| b.year), Some(2024));
        let title = ds.targets[0].title.nl;
        assert_eq!(title.raw(), r#"Doel \"een\""#);
        let mut buf = heapless::String::<32>::new();
        fmt::write(&mut buf, format_args!("{title}")).unwrap();
        assert_eq!(buf.as_str(), "Doel \"een\"");
        assert_eq!(ds.observations_of("T1").count(), 1);
    }

    #[test]
    fn wrong_type_names_table_item_and_line() {
        let bad = MINIMAL.replace(
            r#""baseline": {"year": 2024"#,
            r#""baseline": {"year": "2024""#,
        );
        let e = load(&bad).unwrap_err();
        let e = &e.errors[0];
        assert_eq!(e.path.table, Some(Table::Targets));
        assert_eq!(e.path.index, Some(1));
        assert_eq!(e.path.line, Some(14));
        assert_eq!(e.path.field.as_str(), "baseline");
        assert!(matches!(e.kind, ErrorKind::Json(_)));
    }

    #[test]
    fn missing_field_is_named() {
        let bad = MINIMAL.replace(r#""kind": "rate","#, "");
        let e = load(&bad).unwrap_err();
        let mut s = heapless::String::<160>::new();
        fmt::write(&mut s, format_args!("{}", e.errors[0])).unwrap();
        assert!(s.contains("targets[1]"), "{s}");
        assert!(s.contains("kind"), "{s}");
    }

    #[test]
    fn unknown_top_level_key_and_duplicates() {
        let bad = MINIMAL.replacen(
            "\"format\": \"koers\",",
            "\"formaat\": 1, \"format\": \"koers\",",
            1,
        );
        let e = load(&bad).unwrap_err();
        assert_eq!(e.errors[0].path.table, None);
        let dup = MINIMAL.replacen(
            "\"format_version\": 1,",
            "\"format_version\": 1, \"format_version\": 1,",
            1,
        );
        assert_eq!(
            load(&dup).unwrap_err().errors[0].kind,
            ErrorKind::DuplicateKey("format_version")
        );
    }

    #[test]
    fn semantic_errors_are_all_reported_with_paths() {
        let bad = MINIMAL
            .replace(r#""id": "T2""#, r#""id": "T1""#)
            .replace(
                r#""subject": "T1", "year": 2024"#,
                r#""subject": "T9", "year": 1800"#,
            )
            .replace(
                r#""target": {"year": 2030, "value": 2}"#,
                r#""target": {"year": 2020, "value": 2}"#,
            );
        let issues = load(&bad).unwrap_err();
        let kinds: heapless::Vec<(Option<Table>, Option<usize>, &str, ErrorKind), 8> = issues
            .errors
            .iter()
            .map(|e| {
                (
                    e.path.table,
                    e.path.index,
                    e.path.field.as_str(),
                    e.kind.clone(),
                )
            })
            .collect();
        assert!(kinds.contains(&(Some(Table::Targets), Some(1), "id", ErrorKind::DuplicateId)));
        assert!(kinds.contains(&(
            Some(Table::Targets),
            Some(1),
            "target.year",
            ErrorKind::YearsOutOfOrder
        )));
        assert!(kinds.contains(&(
            Some(Table::Observations),
            Some(0),
            "subject",
            ErrorKind::UnknownReference
        )));
        assert!(kinds.contains(&(
            Some(Table::Observations),
            Some(0),
            "year",
            ErrorKind::YearOutOfRange
        )));
        assert!(issues.errors[0].path.line.is_some());
    }

    #[test]
    fn wrong_format_and_version() {
        let bad = MINIMAL.replace("\"koers\"", "\"other\"");
        assert_eq!(load(&bad).unwrap_err().errors[0].kind, ErrorKind::NotKoers);
        let bad = MINIMAL.replace("\"format_version\": 1", "\"format_version\": 2");
        assert_eq!(
            load(&bad).unwrap_err().errors[0].kind,
            ErrorKind::UnsupportedVersion(2)
        );
    }

    #[test]
    fn too_many_items_is_an_error_not_a_truncation() {
        use core::fmt::Write;
        let mut json = heapless::String::<8192>::new();
        json.push_str(&MINIMAL[..MINIMAL.find("\"priorities\"").unwrap()])
            .unwrap();
        json.push_str("\"priorities\": [").unwrap();
        for i in 0..=crate::config::MAX_PRIORITIES {
            if i > 0 {
                json.push(',').unwrap();
            }
            write!(json, r#"{{"id": "P{i}", "number": 1, "title": {{"nl": "a", "en": "a"}}, "summary": {{"nl": "s", "en": "s"}}, "source": {{"chapter": "1", "section": "a", "quote": "q"}}}}"#).unwrap();
        }
        json.push_str("]}").unwrap();
        let e = load(&json).unwrap_err();
        assert_eq!(
            e.errors[0].kind,
            ErrorKind::TooMany {
                capacity: crate::config::MAX_PRIORITIES
            }
        );
        assert_eq!(e.errors[0].path.index, Some(crate::config::MAX_PRIORITIES));
    }

    #[test]
    fn truncated_and_garbage_input_never_panics() {
        for end in 0..MINIMAL.len() {
            if MINIMAL.is_char_boundary(end) {
                let _ = load(&MINIMAL[..end]);
            }
        }
        for s in [
            "",
            "null",
            "[]",
            "{",
            "{}",
            "\"",
            "{\"targets\": [",
            "{\"targets\": 5}",
        ] {
            assert!(load(s).is_err(), "{s}");
        }
    }

    #[test]
    fn bad_escape_is_reported() {
        let bad = MINIMAL.replace(r#"Doel \"een\""#, r#"Doel \q"#);
        let issues = load(&bad).unwrap_err();
        assert_eq!(issues.errors[0].kind, ErrorKind::BadEscape);
        assert_eq!(issues.errors[0].path.field.as_str(), "title.nl");
    }

    #[test]
    fn csv_records_have_lines_and_fields() {
        let csv = b"Year,Value,Sex\n2015,1.5,\n\n2016,\"2,5\",F\n2017,3";
        let mut seen: heapless::Vec<(u32, heapless::String<16>), 8> = heapless::Vec::new();
        read_csv::<()>(
            csv,
            |r| {
                let mut s = heapless::String::new();
                s.push_str(r.get(1).unwrap_or("-")).unwrap();
                seen.push((r.line, s)).unwrap();
                Ok(())
            },
            |_| (),
        )
        .unwrap();
        let lines: heapless::Vec<u32, 8> = seen.iter().map(|(l, _)| *l).collect();
        assert_eq!(lines.as_slice(), &[1, 2, 4, 5]);
        assert_eq!(seen[2].1.as_str(), "2,5");
        assert_eq!(seen[3].1.as_str(), "3");
    }

    #[test]
    fn csv_lines_count_lf_crlf_and_lone_cr() {
        for (csv, want) in [
            (&b"a\n1\n2"[..], [1, 2, 3]),
            (&b"a\r\n1\r\n2\r\n"[..], [1, 2, 3]),
            (&b"a\r1\r2\r"[..], [1, 2, 3]),
            (&b"a\r\n\r\n1\r2"[..], [1, 3, 4]),
        ] {
            let mut lines: heapless::Vec<u32, 8> = heapless::Vec::new();
            read_csv::<()>(csv, |r| lines.push(r.line).map_err(|_| ()), |_| ()).unwrap();
            assert_eq!(lines.as_slice(), &want, "{:?}", core::str::from_utf8(csv));
        }
    }

    #[test]
    fn numbers_and_years() {
        assert_eq!(parse_number(" 1e3 "), Some(1000.0));
        assert_eq!(parse_number("NaN"), None);
        assert_eq!(parse_number("inf"), None);
        assert_eq!(parse_number("2,5"), None);
        assert_eq!(parse_year("2024"), Some(2024));
        assert_eq!(parse_year("99999"), None);
    }
}
