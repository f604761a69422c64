//! The CSV report: one row per target and indicator. Part of [`super`].

use std::fmt::Write;

use koers_core::model::{Dataset, Lang};
use koers_core::monitor::Freshness;
use koers_core::view;

use super::*;

/// A freshness as a word for CSV and JSON.
fn freshness_key(f: Freshness) -> &'static str {
    match f {
        Freshness::Current => "current",
        Freshness::Stale => "stale",
        Freshness::None => "none",
    }
}

/// The report as CSV: one row per target and indicator.
pub fn csv(ds: &Dataset, lang: Lang, this_year: i32) -> String {
    let c = compute(ds, this_year);
    let mut o = String::from(
        "type,id,priority,title,unit,baseline_year,baseline_value,target_year,target_value,latest_year,latest_value,method,status,score,required_pace,source_chapter,source_section,source_quote,published_figures,published_latest_year,released,publisher,proxy,freshness\n",
    );
    // Every text cell is guarded against spreadsheet formulas (core's
    // csvcell, as the dashboard's CSV downloads): `=…` is written `'=…`.
    let q = |s: String| {
        let s = koers_core::csvcell::guard(&s).to_string();
        if s.contains([',', '"', '\n', '\r']) {
            format!("\"{}\"", s.replace('"', "\"\""))
        } else {
            s
        }
    };
    let f = |v: Option<f64>| v.map(|v| v.to_string()).unwrap_or_default();
    let y = |v: Option<i32>| v.map(|v| v.to_string()).unwrap_or_default();
    // What the published figures cover, as the last six columns.
    let published = |id: &str| {
        let Some(cov) = c.coverage.iter().find(|x| x.subject == id) else {
            return ",,,,,".to_string();
        };
        let proxy = ds
            .series_of(id)
            .and_then(|s| s.proxy)
            .map(|p| p.get(lang).to_string())
            .unwrap_or_default();
        format!(
            "{},{},{},{},{},{}",
            cov.figures,
            y(cov.latest_year),
            q(cov.released.map(|r| r.to_string()).unwrap_or_default()),
            q(cov.publisher.map(|r| r.to_string()).unwrap_or_default()),
            q(proxy),
            freshness_key(cov.freshness),
        )
    };
    for (t, s) in ds.targets.iter().zip(&c.o.targets) {
        let _ = writeln!(
            o,
            "target,{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}",
            q(t.id.to_string()),
            q(t.priority.to_string()),
            q(t.title.get(lang).to_string()),
            t.unit.key(),
            y(t.baseline.map(|b| b.year)),
            f(t.baseline.map(|b| b.value)),
            y(t.target.year),
            f(t.target.value),
            y(s.latest.map(|p| p.year)),
            f(s.latest.map(|p| p.value)),
            q(view::method(s.method, lang).into()),
            s.status.label(),
            f(s.score),
            f(s.projection.and_then(|p| p.required_pace)),
            q(t.source.chapter.to_string()),
            q(t.source.section.to_string()),
            q(t.source.quote.to_string()),
            published(t.id),
        );
    }
    for (i, s) in ds.indicators.iter().zip(&c.o.indicators) {
        let _ = writeln!(
            o,
            "indicator,{},{},{},{},,,,,{},{},open_sdg,{},{},,{},{},{},{}",
            q(i.id.to_string()),
            q(i.priority.to_string()),
            q(i.title.get(lang).to_string()),
            i.unit.key(),
            y(s.latest.map(|p| p.year)),
            f(s.latest.map(|p| p.value)),
            s.open_sdg.status.label(),
            f(s.open_sdg.score),
            q(i.source.chapter.to_string()),
            q(i.source.section.to_string()),
            q(i.source.quote.to_string()),
            published(i.id),
        );
    }
    o
}
