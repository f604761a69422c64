//! The published figures in the Markdown report: the summary at the top,
//! the figures under each target and indicator, and what is out of date or
//! missing. Part of [`super`].

use std::fmt::Write;

use koers_core::model::{Dataset, Lang, Observation, Unit};
use koers_core::monitor::{self, Freshness};

use super::*;

/// True when any published figure, series or event is loaded.
pub(super) fn has_figures(ds: &Dataset) -> bool {
    !ds.series.is_empty()
        || !ds.events.is_empty()
        || ds.observations.iter().any(monitor::is_published)
}

/// The latest published figure of a subject.
fn latest_published<'a, 'd>(ds: &'d Dataset<'a>, id: &str) -> Option<&'d Observation<'a>> {
    ds.observations
        .iter()
        .filter(|o| o.subject == id && o.is_headline() && monitor::is_published(o))
        .max_by_key(|o| o.year)
}

/// What is published about one subject: the latest figure with its year,
/// publisher and release date, whether the series is a proxy, or that no
/// public statistic was found; then its dated events.
pub(super) fn published_lines(ds: &Dataset, id: &str, unit: Unit, lang: Lang) -> String {
    let mut o = String::new();
    let series = ds.series_of(id);
    let unit = series.map_or(unit, |s| s.unit);
    match latest_published(ds, id) {
        Some(f) => {
            let src = f.document.and_then(|d| ds.source(d));
            let _ = write!(
                o,
                "- **{id}** {}: {}: {}{}",
                w(
                    lang,
                    "laatste gepubliceerde cijfer",
                    "latest published figure"
                ),
                f.year,
                value(f.value, unit, lang),
                if f.provisional {
                    w(lang, " (voorlopig)", " (provisional)")
                } else {
                    ""
                }
            );
            if let Some(src) = src {
                let _ = write!(
                    o,
                    " — {}, {} {}",
                    src.publisher,
                    w(lang, "gepubliceerd", "released"),
                    src.released
                );
            }
            o.push('\n');
            if let Some(s) = series {
                let _ = writeln!(o, "  - {}", s.title.get(lang));
            }
        }
        None => match series {
            Some(s) => {
                let _ = writeln!(
                    o,
                    "- **{id}** {}: {}",
                    w(
                        lang,
                        "geen openbare statistiek gevonden",
                        "no public statistic found"
                    ),
                    s.searched.get(lang)
                );
            }
            None => {
                let _ = writeln!(
                    o,
                    "- **{id}** {}",
                    w(
                        lang,
                        "geen gepubliceerde cijfers aangeleverd (en niet beschreven wat gezocht is)",
                        "no published figures given (and no account of what was searched)"
                    )
                );
            }
        },
    }
    if let Some(p) = series.and_then(|s| s.proxy) {
        let _ = writeln!(o, "  - proxy: {}", p.get(lang));
    }
    for e in ds.events_of(id) {
        let _ = writeln!(
            o,
            "  - {}: {}{}",
            e.date,
            e.title.get(lang),
            if e.achieved {
                w(lang, " — **bereikt**", " — **reached**")
            } else {
                ""
            }
        );
    }
    o
}

/// The top of the report: how many subjects have published figures, from
/// whom, how many are current.
pub(super) fn published_summary(o: &mut String, ds: &Dataset, c: &Computed, lang: Lang) {
    let _ = writeln!(
        o,
        "## {}\n",
        w(lang, "Gepubliceerde cijfers", "Published figures")
    );
    if !has_figures(ds) {
        let _ = writeln!(
            o,
            "{}\n",
            w(
                lang,
                "Geen gepubliceerde cijfers geladen (koers report --figures PAD).",
                "No published figures loaded (koers report --figures PATH)."
            )
        );
        return;
    }
    let s = &c.summary;
    let _ = writeln!(
        o,
        "- {} {} {} {} ({} {})",
        s.with_figures,
        w(lang, "van de", "of the"),
        s.subjects,
        w(
            lang,
            "doelen en impactindicatoren hebben gepubliceerde cijfers",
            "targets and impact indicators have published figures"
        ),
        s.figures,
        w(lang, "cijfers", "figures"),
    );
    let _ = writeln!(
        o,
        "- {} {} ({} {} {}, {} {})",
        s.current,
        w(lang, "daarvan actueel", "of them current"),
        w(lang, "een cijfer voor", "a figure for"),
        c.this_year - monitor::CURRENT_WITHIN_YEARS,
        w(lang, "of later", "or later"),
        w(lang, "peiljaar", "as of"),
        c.this_year,
    );
    let _ = writeln!(
        o,
        "- {} {}",
        s.proxies,
        w(
            lang,
            "daarvan met een proxy: een bredere of andere reeks dan het doel zelf",
            "of them by proxy: a broader or other series than the subject itself"
        ),
    );
    let publishers: Vec<String> = s.publishers.iter().map(|p| p.to_string()).collect();
    let _ = writeln!(
        o,
        "- {} ({}): {}\n",
        w(lang, "Uitgevers", "Publishers"),
        publishers.len(),
        if publishers.is_empty() {
            "–".to_string()
        } else {
            publishers.join("; ")
        }
    );
}

/// Subjects whose published figures are out of date or absent.
pub(super) fn out_of_date(o: &mut String, ds: &Dataset, c: &Computed, lang: Lang) {
    let _ = writeln!(
        o,
        "## {}\n",
        w(
            lang,
            "Cijfers verouderd of ontbrekend",
            "Figures out of date or missing"
        )
    );
    let mut any = false;
    for cov in &c.coverage {
        let title = ds
            .target(cov.subject)
            .map(|t| t.title)
            .or(ds.indicator(cov.subject).map(|i| i.title))
            .map(|t| t.get(lang).to_string())
            .unwrap_or_default();
        let state = match (cov.freshness, cov.latest_year) {
            (Freshness::Stale, Some(y)) => format!(
                "{} {y} ({} {})",
                w(
                    lang,
                    "verouderd: laatste cijfer voor",
                    "out of date: latest figure for"
                ),
                w(lang, "ouder dan", "older than"),
                c.this_year - monitor::CURRENT_WITHIN_YEARS
            ),
            (Freshness::None, _) if cov.events > 0 => format!(
                "{} ({} {})",
                w(lang, "geen cijfers", "no figures"),
                cov.events,
                if cov.events == 1 {
                    w(lang, "gebeurtenis", "event")
                } else {
                    w(lang, "gebeurtenissen", "events")
                }
            ),
            (Freshness::None, _) if cov.described => w(
                lang,
                "geen openbare statistiek gevonden",
                "no public statistic found",
            )
            .to_string(),
            (Freshness::None, _) => {
                w(lang, "geen cijfers aangeleverd", "no figures given").to_string()
            }
            _ => continue,
        };
        any = true;
        let _ = writeln!(o, "- **{}** {}: {state}", cov.subject, title);
    }
    if !any {
        let _ = writeln!(
            o,
            "{}",
            w(
                lang,
                "Alle cijfers zijn actueel.",
                "Every figure is current."
            )
        );
    }
    o.push('\n');
}
