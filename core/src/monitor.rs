//! What the published figures cover: per target and indicator, the latest
//! year with a published figure, when it was released, by whom, whether the
//! series is a proxy, and whether it is current, out of date or absent. One
//! summary for the CLI report and the dashboard's overview.
//!
//! A figure counts as published when it names its publication
//! ([`Observation::document`]); figures typed in by a user name none.

use heapless::Vec;
use serde::Serialize;

use crate::config::{MAX_INDICATORS, MAX_SOURCES, MAX_TARGETS};
use crate::model::{Dataset, Observation, Source, Text};

/// Targets and indicators together.
pub const MAX_SUBJECTS: usize = MAX_TARGETS + MAX_INDICATORS;

/// How many years a subject's latest published figure may lag the current
/// year and still count as current: a figure for 2024 is current in 2026.
pub const CURRENT_WITHIN_YEARS: i32 = 2;

/// Whether a subject's published figures are up to date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Freshness {
    /// A figure for one of the last [`CURRENT_WITHIN_YEARS`] years (or later).
    Current,
    /// Published figures, none for the last [`CURRENT_WITHIN_YEARS`] years.
    Stale,
    /// No published figure at all (the series' `searched` says what was
    /// looked for, when there is a series entry).
    None,
}

/// Target or indicator.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SubjectKind {
    /// A quantified ambition.
    Target,
    /// An impact indicator.
    Indicator,
}

/// The published figures of one subject, summarised.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Coverage<'a> {
    /// Target or indicator.
    pub kind: SubjectKind,
    /// Its id.
    pub subject: &'a str,
    /// How many published figures it has.
    pub figures: usize,
    /// The latest year with a published figure.
    pub latest_year: Option<i32>,
    /// The release date of the publication of that latest figure.
    pub released: Option<Text<'a>>,
    /// The publisher of that latest figure.
    pub publisher: Option<Text<'a>>,
    /// The published series stands in for something narrower (a proxy).
    pub proxy: bool,
    /// The subject has a series entry (so `searched` says what was looked for).
    pub described: bool,
    /// Dated events about the subject.
    pub events: usize,
    /// An event reports the milestone reached.
    pub achieved: bool,
    /// Current, out of date, or none.
    pub freshness: Freshness,
}

/// Whether an observation is a published figure (names its publication).
pub fn is_published(o: &Observation) -> bool {
    o.document.is_some()
}

fn coverage<'a, const O: usize, const F: usize>(
    ds: &Dataset<'a, O, F>,
    kind: SubjectKind,
    id: &'a str,
    this_year: i32,
) -> Coverage<'a> {
    let mut latest: Option<&Observation<'a>> = None;
    let mut figures = 0;
    for o in ds
        .observations
        .iter()
        .filter(|o| o.subject == id && o.is_headline() && is_published(o))
    {
        figures += 1;
        if latest.is_none_or(|l| o.year > l.year) {
            latest = Some(o);
        }
    }
    let source: Option<&Source<'a>> = latest.and_then(|o| o.document).and_then(|d| ds.source(d));
    let series = ds.series_of(id);
    let latest_year = latest.map(|o| o.year);
    Coverage {
        kind,
        subject: id,
        figures,
        latest_year,
        released: source.map(|s| s.released),
        publisher: source.map(|s| s.publisher),
        proxy: series.is_some_and(|s| s.proxy.is_some()),
        described: series.is_some(),
        events: ds.events_of(id).count(),
        achieved: ds.events_of(id).any(|e| e.achieved),
        freshness: match latest_year {
            None => Freshness::None,
            Some(y) if y >= this_year.saturating_sub(CURRENT_WITHIN_YEARS) => Freshness::Current,
            Some(_) => Freshness::Stale,
        },
    }
}

/// Every target and indicator's published figures, targets first, in
/// dataset order; `this_year` decides what is current.
pub fn coverage_all<'a, const O: usize, const F: usize>(
    ds: &Dataset<'a, O, F>,
    this_year: i32,
) -> Vec<Coverage<'a>, MAX_SUBJECTS> {
    let mut out = Vec::new();
    for t in &ds.targets {
        let _ = out.push(coverage(ds, SubjectKind::Target, t.id, this_year));
    }
    for i in &ds.indicators {
        let _ = out.push(coverage(ds, SubjectKind::Indicator, i.id, this_year));
    }
    out
}

/// The whole set at a glance.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Summary<'a> {
    /// Targets and indicators.
    pub subjects: usize,
    /// Subjects with at least one published figure.
    pub with_figures: usize,
    /// Of those, subjects whose figures are current.
    pub current: usize,
    /// Of those, subjects whose series is a proxy.
    pub proxies: usize,
    /// Published figures in all.
    pub figures: usize,
    /// The publishers of the published figures, once each, in order of
    /// first appearance.
    pub publishers: Vec<Text<'a>, MAX_SOURCES>,
}

/// Count what the published figures cover.
pub fn summary<'a, const O: usize, const F: usize>(
    ds: &Dataset<'a, O, F>,
    all: &[Coverage<'a>],
) -> Summary<'a> {
    let mut s = Summary {
        subjects: all.len(),
        ..Summary::default()
    };
    for c in all {
        s.figures += c.figures;
        if c.figures > 0 {
            s.with_figures += 1;
            s.current += usize::from(c.freshness == Freshness::Current);
            s.proxies += usize::from(c.proxy);
        }
    }
    for o in ds.observations.iter().filter(|o| is_published(o)) {
        if let Some(src) = o.document.and_then(|d| ds.source(d)) {
            if !s.publishers.contains(&src.publisher) {
                let _ = s.publishers.push(src.publisher);
            }
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load;

    const VISION: &str = include_str!("../../data/semicon-visie-2035.json");

    const FIGURES: &str = r#"{
      "format": "koers-figures", "format_version": 1,
      "sources": [
        {"id": "s1", "publisher": "CBS", "title": "R&D", "url": "https://example.org/a", "released": "2025-11-28"},
        {"id": "s2", "publisher": "OECD", "title": "MSTI", "url": "https://example.org/b", "released": "2021"}
      ],
      "series": [
        {"subject": "T-P2-rd-3pct-bbp-2030", "title": {"nl": "a", "en": "a"}, "unit": "percent_of_gdp",
         "searched": {"nl": "b", "en": "b"}},
        {"subject": "I-P5-kennismigranten", "title": {"nl": "a", "en": "a"}, "unit": "persons",
         "proxy": {"nl": "alle sectoren", "en": "all sectors"}, "searched": {"nl": "b", "en": "b"}}
      ],
      "observations": [
        {"subject": "T-P2-rd-3pct-bbp-2030", "year": 2022, "value": 2.3, "document": "s1", "quote": "2,3"},
        {"subject": "T-P2-rd-3pct-bbp-2030", "year": 2024, "value": 2.4, "document": "s1", "quote": "2,4"},
        {"subject": "I-P5-kennismigranten", "year": 2019, "value": 10, "document": "s2", "quote": "10"},
        {"subject": "I-P5-llo-deelnemers", "year": 2025, "value": 10, "source": "typed in by a user"}
      ],
      "events": [
        {"subject": "T-P3-pic-fabriek-2032", "date": "2025-06", "title": {"nl": "x", "en": "x"},
         "source": "s1", "quote": "bouw gestart"}
      ]
    }"#;

    #[test]
    fn coverage_tells_current_stale_and_none_and_counts_only_published_figures() {
        let mut ds: Dataset = Dataset::default();
        load::load_into(VISION, &mut ds).unwrap();
        load::load_figures_into(FIGURES, &mut ds).unwrap();
        let all = coverage_all(&ds, 2026);
        let get = |id: &str| *all.iter().find(|c| c.subject == id).unwrap();
        let rd = get("T-P2-rd-3pct-bbp-2030");
        assert_eq!((rd.figures, rd.latest_year), (2, Some(2024)));
        assert_eq!(rd.freshness, Freshness::Current);
        assert_eq!(rd.released.map(|t| t.raw()), Some("2025-11-28"));
        assert!(!rd.proxy && rd.described);
        let km = get("I-P5-kennismigranten");
        assert_eq!(km.freshness, Freshness::Stale);
        assert!(km.proxy);
        // A user's own figure is not a published one.
        assert_eq!(get("I-P5-llo-deelnemers").freshness, Freshness::None);
        let pic = get("T-P3-pic-fabriek-2032");
        assert_eq!(
            (pic.events, pic.achieved, pic.freshness),
            (1, false, Freshness::None)
        );
        let s = summary(&ds, &all);
        assert_eq!(
            (s.with_figures, s.current, s.proxies, s.figures),
            (2, 1, 1, 3)
        );
        assert_eq!(s.publishers.len(), 2);
        assert_eq!(s.subjects, ds.targets.len() + ds.indicators.len());
    }

    #[test]
    fn a_vision_table_in_a_figures_file_is_refused_and_the_vision_kept() {
        let mut ds: Dataset = Dataset::default();
        load::load_into(VISION, &mut ds).unwrap();
        let before = ds.targets.len();
        let bad = r#"{"format": "koers-figures", "format_version": 1, "targets": []}"#;
        let e = load::parse_figures_into(bad, &mut ds).unwrap_err();
        assert_eq!(e.kind, load::ErrorKind::NotInThisFile);
        assert_eq!(ds.targets.len(), before);
        assert_eq!(ds.format, "koers");
    }

    #[test]
    fn figures_files_name_what_is_wrong() {
        let bad = FIGURES
            .replace("\"2025-11-28\"", "\"28-11-2025\"")
            .replace("https://example.org/b", "example.org/b")
            .replace("\"document\": \"s2\"", "\"document\": \"nope\"")
            .replace("\"unit\": \"percent_of_gdp\"", "\"unit\": \"percent\"");
        let mut ds: Dataset = Dataset::default();
        load::load_into(VISION, &mut ds).unwrap();
        let issues = load::load_figures_into(&bad, &mut ds).unwrap_err();
        let kinds: std::vec::Vec<_> = issues
            .errors
            .iter()
            .map(|e| (e.path.to_string(), e.kind.clone()))
            .collect();
        for (path, kind) in [
            ("sources[0].released", load::ErrorKind::BadDate),
            ("sources[1].url", load::ErrorKind::BadUrl),
            ("series[0].unit", load::ErrorKind::UnitMismatch),
            (
                "observations[2].document",
                load::ErrorKind::UnknownReference,
            ),
        ] {
            assert!(
                kinds.iter().any(|(p, k)| p.starts_with(path) && *k == kind),
                "{path}: {kind:?} not in {kinds:?}"
            );
        }
        // Lines point into the figures file.
        assert!(issues.errors.iter().all(|e| e.path.line.is_some()));
        // Not a figures file at all.
        let e = load::parse_figures_into(VISION, &mut ds).unwrap_err();
        assert_eq!(e.kind, load::ErrorKind::NotInThisFile);
    }

    #[test]
    fn dates_are_checked() {
        for ok in ["2025", "2025-11", "2025-11-28"] {
            assert!(load::date_ok(ok), "{ok}");
        }
        for bad in [
            "",
            "25",
            "2025-13",
            "2025-1",
            "2025-11-32",
            "2025-11-28-1",
            "1800",
            "2025/11",
        ] {
            assert!(!load::date_ok(bad), "{bad}");
        }
    }
}
