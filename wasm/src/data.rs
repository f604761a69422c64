//! The data in layers: the vision and its published figures (the base,
//! read at start from [`VISION_FILE`] and [`FIGURES_FILE`] on the static
//! host, [`load_base`]), and on top of them what the user entered in this
//! browser: observations and realised window flows, owned, as the JSON and
//! CSV the dashboard imports, stores and exports.
//!
//! The base borrows its two texts, which live for the page; what the user
//! enters lives here as owned strings and is lent to a [`Dataset`] only
//! while core computes ([`merged`]: the published rows first, the user's
//! after them).
//! Text is kept JSON-escaped (as [`Text`] expects), so a `\` or `"` typed by
//! a user round-trips. Every change is validated against the vision with
//! core's own checks before it is accepted: nothing partial is ever kept.

use std::boxed::Box;
use std::string::{String, ToString};
use std::vec::Vec;

use koers_core::load::{self, ErrorKind, Issues, Table};
use koers_core::model::Unit;
use koers_core::model::{Dataset, Lang, Observation, Text, WindowFlow};
use koers_core::numbers::{self, NumberError};
use koers_core::progress::Point;

mod export;
mod import;
pub(crate) use export::json_value;
pub use export::{csv_field, export_csv, export_json, number, user_json};
pub use import::{decode, import_csv, import_json, CSV_COLUMNS, MAX_IMPORT_BYTES};

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
            breakdown: None,
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

/// The points of one subject: published, then the user's.
pub fn published_and_users(base: &Dataset, data: &UserData, subject: &str) -> Vec<Point> {
    base.observations_of(subject)
        .map(|o| Point::new(o.year, o.value))
        .chain(
            data.obs
                .iter()
                .filter(|o| o.subject == subject)
                .map(|o| Point::new(o.year, o.value)),
        )
        .collect()
}

/// The two files the dashboard reads at start, relative to the page (or to
/// the module, for the element and the ES module API).
pub const VISION_FILE: &str = "data/vision.json";
/// See [`VISION_FILE`].
pub const FIGURES_FILE: &str = "data/figures.json";

/// Why the published data could not be loaded: the file, and every problem
/// core found in it (each with its line and field), or that it was missing.
#[derive(Clone, Debug, PartialEq)]
pub struct BaseError {
    /// [`VISION_FILE`] or [`FIGURES_FILE`].
    pub file: &'static str,
    /// The file could not be fetched at all.
    pub missing: bool,
    /// What is wrong in it, with where.
    pub problems: Vec<Problem>,
}

/// The vision and its published figures, loaded from their texts: the
/// vision with core's `load_into`, the figures over it with
/// `load_figures_into`. Nothing half-loaded: either both are valid or the
/// first file with problems is named with all of them. The texts live for
/// the page (`'static`: leaked once by the caller).
pub fn load_base(
    vision: Option<&'static str>,
    figures: Option<&'static str>,
) -> Result<Box<Dataset<'static>>, BaseError> {
    let fail = |file, missing, problems| BaseError {
        file,
        missing,
        problems,
    };
    let vision = vision.ok_or_else(|| fail(VISION_FILE, true, Vec::new()))?;
    let mut ds = Box::<Dataset<'static>>::default();
    load::load_into(vision, &mut ds).map_err(|i| fail(VISION_FILE, false, problems(&i)))?;
    let figures = figures.ok_or_else(|| fail(FIGURES_FILE, true, Vec::new()))?;
    load::load_figures_into(figures, &mut ds)
        .map_err(|i| fail(FIGURES_FILE, false, problems(&i)))?;
    Ok(ds)
}

/// The published layer and the user's on top: a copy of `base` (the vision
/// and its published figures) with the user's observations and window flows
/// after the published ones, lent `data`'s text. Indices in errors are the
/// user's own (see [`check`]).
pub fn merged<'a>(base: &Dataset<'static>, data: &'a UserData) -> Result<Box<Dataset<'a>>, Issues> {
    let mut ds: Box<Dataset<'a>> = Box::new(base.clone());
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

/// Check the user's data on top of the published figures with core's
/// validation. Errors in the user's rows point at the user's rows (their
/// index among the user's, not among all); the published rows were valid
/// when loaded, and a user's row that clashes with one is reported on the
/// user's row.
pub fn check(base: &Dataset<'static>, data: &UserData) -> Result<(), Issues> {
    checked(base, data).map(|_| ())
}

/// [`check`], giving the published figures and the user's together when
/// they pass (to assess them without merging them again).
pub fn checked<'a>(
    base: &Dataset<'static>,
    data: &'a UserData,
) -> Result<Box<Dataset<'a>>, Issues> {
    let implausible = implausible(base, data);
    if !implausible.is_empty() {
        return Err(implausible);
    }
    let ds = merged(base, data)?;
    let mut issues = load::validate(&ds);
    for e in issues.errors.iter_mut() {
        let published = match e.path.table {
            Some(Table::Observations) => base.observations.len(),
            Some(Table::WindowFlows) => base.window_flows.len(),
            _ => continue,
        };
        if let Some(i) = e.path.index.filter(|i| *i >= published) {
            e.path.index = Some(i - published);
        }
    }
    if issues.is_empty() {
        Ok(ds)
    } else {
        Err(issues)
    }
}

/// The user's values larger than their unit can plausibly be (core's
/// [`numbers::implausible`]): refused at entry, so no sum overflows to ∞.
fn implausible(base: &Dataset<'static>, data: &UserData) -> Issues {
    let mut issues = Issues::default();
    let unit = |s: &str| unit_of(base, s);
    let mut check = |table, i, field: &'static str, v: f64, unit: Unit| {
        if numbers::implausible(v, unit) {
            issues.push(
                load::Path::item(table, i, field),
                ErrorKind::Implausible {
                    bound: numbers::plausible(unit),
                },
            );
        }
    };
    for (i, o) in data.obs.iter().enumerate() {
        if let Some(u) = unit(&o.subject) {
            check(Table::Observations, i, "value", o.value, u);
        }
    }
    for (i, f) in data.flows.iter().enumerate() {
        for (field, v) in [
            ("public_committed", f.public_committed),
            ("public_disbursed", f.public_disbursed),
            ("private_committed", f.private_committed),
            ("private_disbursed", f.private_disbursed),
        ] {
            if let Some(v) = v {
                check(Table::WindowFlows, i, field, v, Unit::Eur);
            }
        }
    }
    issues
}

/// Whether `subject` has a published figure for `year`.
pub fn is_published(base: &Dataset, subject: &str, year: i32) -> bool {
    base.observations
        .iter()
        .any(|o| o.subject == subject && o.year == year && o.is_headline())
}

/// Mark the problems that are a user's figure for a subject and year (or
/// window and year) that already has a published one.
pub fn mark_published(base: &Dataset, data: &UserData, ps: &mut [Problem]) {
    for p in ps.iter_mut() {
        if p.kind != ErrorKind::DuplicateYear {
            continue;
        }
        let Some(i) = p.index else { continue };
        p.published = if p.table == Some(Table::WindowFlows) {
            data.flows.get(i).is_some_and(|f| {
                base.window_flows
                    .iter()
                    .any(|b| b.window == f.window && b.year == f.year)
            })
        } else {
            data.obs
                .get(i)
                .is_some_and(|o| is_published(base, &o.subject, o.year))
        };
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
    /// The item's table, when known.
    pub table: Option<Table>,
    /// What is wrong.
    pub kind: ErrorKind,
    /// A user's figure for a subject (or window) and year that has a
    /// published figure already ([`mark_published`]).
    pub published: bool,
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
            table: e.path.table,
            kind: e.kind.clone(),
            published: false,
        })
        .collect()
}

/// Problems of the user's data, with no file lines (a form edit).
pub fn problems(issues: &Issues) -> Vec<Problem> {
    problems_of(issues, |_| None)
}

/// The unit of a target or indicator of `base`.
pub fn unit_of(base: &Dataset<'static>, subject: &str) -> Option<Unit> {
    base.target(subject)
        .map(|t| t.unit)
        .or_else(|| base.indicator(subject).map(|x| x.unit))
}

/// A number typed in a form in `lang` for a figure in `unit`: read the way
/// the page writes numbers (core's [`numbers::parse_localised`]), or what
/// is wrong; a `%` or `€` the unit does not have is refused, not dropped.
pub fn read_number(raw: &str, lang: Lang, unit: Option<Unit>) -> Result<f64, ErrorKind> {
    if let Some(c) =
        numbers::symbol(raw).filter(|_| unit.is_some_and(|u| !numbers::symbol_fits(raw, u)))
    {
        return Err(ErrorKind::WrongSymbol(c));
    }
    numbers::parse_localised(raw, lang).map_err(|e| match e {
        NumberError::NotANumber => ErrorKind::NotANumber,
        NumberError::Ambiguous { nl, en } => ErrorKind::AmbiguousNumber { nl, en },
    })
}

/// A number as a form in `lang` shows it and reads it back exactly
/// (`2,27` in Dutch, no groups): core's [`numbers::Plain`].
pub fn number_in(v: f64, lang: Lang) -> String {
    numbers::Plain(v, lang).to_string()
}

/// A figure of the user's, for tests.
#[cfg(test)]
pub(crate) fn test_obs(subject: &str, year: i32, value: f64, source: &str) -> Obs {
    Obs {
        subject: subject.into(),
        year,
        value,
        source: escape(source),
        note: None,
        provisional: false,
    }
}

/// The Semicon Visie with no published figures, or with `figures`: for
/// tests.
#[cfg(test)]
pub(crate) fn test_base(figures: Option<&'static str>) -> &'static Dataset<'static> {
    const NONE: &str = r#"{"format": "koers-figures", "format_version": 1}"#;
    let vision = include_str!("../../data/semicon-visie-2035.json");
    Box::leak(load_base(Some(vision), Some(figures.unwrap_or(NONE))).unwrap())
}

#[cfg(test)]
mod tests {
    use super::*;

    use super::test_obs as obs;

    fn vision() -> &'static Dataset<'static> {
        test_base(None)
    }

    const PUBLISHED: &str = r#"{"format": "koers-figures", "format_version": 1,
      "sources": [{"id": "s1", "publisher": "CBS", "title": "R&D", "url": "https://example.org/a", "released": "2025-11"}],
      "series": [{"subject": "T-P2-rd-3pct-bbp-2030", "title": {"nl": "a", "en": "a"}, "unit": "percent_of_gdp",
                  "searched": {"nl": "b", "en": "b"}}],
      "observations": [
        {"subject": "T-P2-rd-3pct-bbp-2030", "year": 2022, "value": 2.3, "document": "s1", "quote": "2,3"},
        {"subject": "T-P2-rd-3pct-bbp-2030", "year": 2023, "value": 2.3, "document": "s1", "quote": "2,3"}
      ]}"#;

    #[test]
    fn the_users_figures_come_after_the_published_ones_and_errors_point_at_the_users_rows() {
        let base = test_base(Some(PUBLISHED));
        let mut data = UserData::default();
        data.obs
            .push(obs("T-P5-technici-25000", 2026, 3100.0, "CBS"));
        {
            let ds = merged(base, &data).unwrap();
            assert_eq!(ds.observations.len(), 3);
            assert_eq!(ds.observations[2].subject, "T-P5-technici-25000");
        }
        // A figure for a year that has a published one is refused, on the
        // user's own row 1, and said to clash with a published figure.
        data.obs
            .push(obs("T-P2-rd-3pct-bbp-2030", 2023, 2.5, "mine"));
        let issues = check(base, &data).unwrap_err();
        let mut ps = problems(&issues);
        mark_published(base, &data, &mut ps);
        assert_eq!(ps.len(), 1);
        assert_eq!(
            (ps[0].index, ps[0].kind.clone()),
            (Some(1), ErrorKind::DuplicateYear)
        );
        assert!(ps[0].published);
        assert_eq!(ps[0].field, "observations[1].year");
        // A year without a published figure is the user's to add.
        data.obs[1].year = 2024;
        check(base, &data).unwrap();
        // Export holds both layers and reads back as the user's alone.
        let text = export_json(base, &data);
        assert!(text.starts_with("{\n  \"format\": \"koers-figures\""));
        assert_eq!(text.matches("\"subject\":").count(), 5);
        assert_eq!(import_json(base, &text).unwrap(), data);
        // What is stored is the user's alone.
        let stored = user_json(&data);
        assert!(!stored.contains("\"document\""));
        assert_eq!(import_json(base, &stored).unwrap(), data);
        // A stored figure that clashes names its line in the file.
        let mut clash = data.clone();
        clash.obs[1].year = 2023;
        let e = import_json(base, &user_json(&clash)).unwrap_err();
        assert!(e[0].published);
        let line = user_json(&clash)
            .lines()
            .position(|l| l.contains("mine"))
            .unwrap() as u32
            + 1;
        assert_eq!(e[0].line, Some(line));
    }

    #[test]
    fn published_breakdowns_are_kept_and_a_users_breakdown_is_refused() {
        let with = PUBLISHED.replace(
            r#""quote": "2,3"}
      ]"#,
            r#""quote": "2,3"},
        {"subject": "T-P2-rd-3pct-bbp-2030", "year": 2023, "value": 1.5, "document": "s1", "quote": "1,5", "breakdown": "sectperf: BES"}
      ]"#,
        );
        let base = test_base(Some(Box::leak(with.into_boxed_str())));
        assert_eq!(base.breakdowns_of("T-P2-rd-3pct-bbp-2030").count(), 1);
        // Exported and imported again: the published breakdown is left out
        // as published, nothing of the user's changes.
        let out = export_json(base, &UserData::default());
        assert!(out.contains(r#""breakdown":"sectperf: BES""#), "{out}");
        assert_eq!(import_json(base, &out), Ok(UserData::default()));
        // A breakdown of the user's own: refused with its line.
        let mine = r#"{"format": "koers-figures", "format_version": 1, "observations": [
  {"subject": "T-P2-rd-3pct-bbp-2030", "year": 2024, "value": 1.6, "source": "me",
   "breakdown": "sectperf: BES"}]}"#;
        let ps = import_json(base, mine).unwrap_err();
        assert_eq!(ps[0].kind, ErrorKind::BreakdownNotPublished);
        assert_eq!(ps[0].line, Some(3));
    }

    #[test]
    fn a_missing_or_broken_file_is_named_with_its_line_and_field() {
        let vision = include_str!("../../data/semicon-visie-2035.json");
        let e = load_base(Some(vision), None).unwrap_err();
        assert_eq!((e.file, e.missing), (FIGURES_FILE, true));
        let bad = PUBLISHED.replace(
            "\"document\": \"s1\", \"quote\": \"2,3\"},",
            "\"document\": \"nope\", \"quote\": \"2,3\"},",
        );
        let bad: &'static str = Box::leak(bad.into_boxed_str());
        let e = load_base(Some(vision), Some(bad)).unwrap_err();
        assert_eq!((e.file, e.missing), (FIGURES_FILE, false));
        assert_eq!(e.problems[0].field, "observations[0].document");
        assert_eq!(e.problems[0].line, Some(6));
        let e = load_base(Some("{\"format\": \"koers\"}"), Some(PUBLISHED)).unwrap_err();
        assert_eq!(e.file, VISION_FILE);
        assert!(!e.problems.is_empty());
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
        check(base, &data).unwrap();
        let text = export_json(base, &data);
        let back = import_json(base, &text).unwrap();
        assert_eq!(back, data);
        // What this tab stores reads back as it was (a save that finds its
        // own text in storage takes the data it wrote: store::parse).
        assert_eq!(import_json(base, &user_json(&data)).unwrap(), data);
        assert_eq!(unescape(&back.obs[0].source), "CBS \"x\" \\ <img>");
        let csv = export_csv(&data);
        let back = import_csv(base, csv.as_bytes(), &data.flows).unwrap();
        assert_eq!(back, data);
    }

    #[test]
    fn empty_export_is_the_vision() {
        let base = vision();
        let text = export_json(base, &UserData::default());
        let back = import_json(base, &text).unwrap();
        assert_eq!(back, UserData::default());
    }

    #[test]
    fn bad_csv_names_lines_and_columns_and_gives_nothing() {
        let base = vision();
        let csv = "subject,year,value,source\nT-P5-technici-25000,2026,3100,CBS\nT-P5-technici-25000,20x6,abc,\nnope,2027,1,CBS\n";
        let e = import_csv(base, csv.as_bytes(), &[]).unwrap_err();
        let seen: Vec<_> = e.iter().map(|p| (p.line, p.field.as_str())).collect();
        assert_eq!(
            seen,
            [(Some(3), "year"), (Some(3), "value"), (Some(3), "source"),]
        );
        let csv = "subject,year,value,source\nT-P5-technici-25000,2026,3100,CBS\nnope,2027,1,CBS\nT-P5-technici-25000,2026,1,CBS\n";
        let e = import_csv(base, csv.as_bytes(), &[]).unwrap_err();
        let seen: Vec<_> = e.iter().map(|p| (p.line, p.kind.clone())).collect();
        assert_eq!(
            seen,
            [
                (Some(3), ErrorKind::UnknownReference),
                (Some(4), ErrorKind::DuplicateYear)
            ]
        );
        let e = import_csv(base, b"year,value\n2026,1\n", &[]).unwrap_err();
        assert_eq!(e[0].kind, ErrorKind::MissingColumn("subject"));
    }

    #[test]
    fn bad_json_names_lines() {
        let base = vision();
        let mut data = UserData::default();
        data.obs
            .push(obs("T-P5-technici-25000", 2026, 3100.0, "CBS"));
        let text = export_json(base, &data).replace(
            "\"subject\":\"T-P5-technici-25000\"",
            "\"subject\":\"T-nope\"",
        );
        let e = import_json(base, &text).unwrap_err();
        assert_eq!(e[0].kind, ErrorKind::UnknownReference);
        let line = text.lines().position(|l| l.contains("T-nope")).unwrap() as u32 + 1;
        assert_eq!(e[0].line, Some(line));
        let e = import_json(base, "{\"format\": \"koers\",\n \"x\": 1}").unwrap_err();
        assert!(e[0].line.is_some());
    }

    #[test]
    fn csv_numbers_are_read_by_the_files_convention_or_refused_with_both_readings() {
        let base = vision();
        let csv = |rows: &str| std::format!("subject,year,value,source\n{rows}");
        let one = |v: &str| csv(&std::format!("T-P5-technici-25000,2026,\"{v}\",CBS\n"));
        let value = |text: String| import_csv(base, text.as_bytes(), &[]).map(|d| d.obs[0].value);
        assert_eq!(value(one("2.27")), Ok(2.27));
        assert_eq!(value(one("1.234,5")), Ok(1234.5));
        assert_eq!(value(one("25\u{a0}000")), Ok(25000.0));
        let e = import_csv(base, one("2.600").as_bytes(), &[]).unwrap_err();
        assert_eq!(
            (e[0].line, e[0].kind.clone()),
            (
                Some(2),
                ErrorKind::AmbiguousNumber {
                    nl: Some(2600.0),
                    en: Some(2.6)
                }
            )
        );
        // The file shows its convention elsewhere: read by it.
        let nl =
            csv("T-P5-technici-25000,2026,\"2.600\",CBS\nT-P5-technici-25000,2027,\"2,5\",CBS\n");
        assert_eq!(
            import_csv(base, nl.as_bytes(), &[]).unwrap().obs[0].value,
            2600.0
        );
        // A ;-separated file names its separator.
        let e = import_csv(
            base,
            b"subject;year;value;source\nT-P5-technici-25000;2026;1;CBS\n",
            &[],
        )
        .unwrap_err();
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].kind, ErrorKind::Separator(';'));
        // Not UTF-8: refused with its line.
        let e = import_csv(
            base,
            b"subject,year,value,source\nT-P5-technici-25000,2026,1,CB\xffS\n",
            &[],
        )
        .unwrap_err();
        assert_eq!(
            (e[0].line, e[0].kind.clone()),
            (Some(2), ErrorKind::NotUtf8)
        );
        // Beyond the unit's plausible size: refused, so no sum overflows.
        let e = import_csv(base, one("1e308").as_bytes(), &[]).unwrap_err();
        assert_eq!(e[0].kind, ErrorKind::Implausible { bound: 1e10 });
        // A % on a number of persons: refused, not read as 5 persons.
        let e = import_csv(base, one("5 %").as_bytes(), &[]).unwrap_err();
        assert_eq!(
            (e[0].line, e[0].kind.clone()),
            (Some(2), ErrorKind::WrongSymbol('%'))
        );
        assert_eq!(
            read_number("€ 5", Lang::Nl, Some(Unit::Persons)),
            Err(ErrorKind::WrongSymbol('€'))
        );
        assert_eq!(read_number("€ 5", Lang::Nl, Some(Unit::Eur)), Ok(5.0));
        assert_eq!(read_number("5%", Lang::Nl, Some(Unit::Percent)), Ok(5.0));
        const { assert!(MAX_IMPORT_BYTES < 30 << 20 && MAX_IMPORT_BYTES > 2 << 20) };
    }

    #[test]
    fn formulas_are_guarded_in_csv_and_read_back() {
        let base = vision();
        let mut data = UserData::default();
        data.obs.push(Obs {
            note: Some(escape("-2+3")),
            ..obs(
                "T-P5-technici-25000",
                2026,
                2.375,
                "=HYPERLINK(\"https://x\")",
            )
        });
        data.obs
            .push(obs("I-P5-uitstroom-naar-sector", 2026, -3.0, "'@x"));
        let csv = export_csv(&data);
        assert!(csv.contains("\"'=HYPERLINK(\"\"https://x\"\")\""), "{csv}");
        assert!(
            csv.contains(",'-2+3,") && csv.contains(",-3,") && csv.contains("''@x"),
            "{csv}"
        );
        assert!(csv.contains(",2.3750,"), "{csv}");
        assert_eq!(import_csv(base, csv.as_bytes(), &[]).unwrap(), data);
    }

    #[test]
    fn numbers_read_back() {
        for v in [3100.0, 2.27, 0.1, 7e9, -1.5, 1e-7] {
            assert_eq!(load::parse_number(&number(v)), Some(v));
        }
        assert_eq!(number(3100.0), "3100");
    }
}
