//! The JSON report: the whole dataset and everything computed from it.
//! Part of [`super`].

use koers_core::model::{Dataset, Lang};
use koers_core::monitor;
use koers_core::view;

use super::*;

/// The report as JSON: the whole dataset (every item with its source) and
/// everything computed from it.
pub fn json(ds: &Dataset, lang: Lang, this_year: i32) -> String {
    let c = compute(ds, this_year);
    let targets: Vec<_> = ds
        .targets
        .iter()
        .zip(&c.o.targets)
        .map(|(t, s)| serde_json::json!({"id": t.id, "label": view::status(s.status, lang), "assessment": s}))
        .collect();
    let indicators: Vec<_> = ds
        .indicators
        .iter()
        .zip(&c.o.indicators)
        .map(|(i, s)| serde_json::json!({"id": i.id, "label": view::status(s.open_sdg.status, lang), "assessment": s}))
        .collect();
    let priorities: Vec<_> = ds
        .priorities
        .iter()
        .zip(&c.o.priorities)
        .map(|(p, r)| serde_json::json!({"id": p.id, "rollup": r}))
        .collect();
    let windows: Vec<_> =
        c.o.windows
            .iter()
            .map(|r| serde_json::json!({"id": ds.windows[r.index].id, "figures": r}))
            .collect();
    let findings: Vec<_> =
        c.o.findings
            .iter()
            .map(|f| {
                serde_json::json!({
                    "window": ds.windows[f.window].id,
                    "qualifier": f.qualifier,
                    "measure": f.measure,
                    "incomplete": f.incomplete,
                    "holds": f.holds,
                    "sum": f.sum,
                })
            })
            .collect();
    let out = serde_json::json!({
        "lang": lang,
        "dataset": ds,
        "assessment": {
            "vision": c.o.vision,
            "priorities": priorities,
            "targets": targets,
            "indicators": indicators,
        },
        "leverage": {
            "windows": windows,
            "counted_once": c.o.totals,
            "assumption": "other public co-funding per window taken as 0 (not stated in the vision)",
        },
        "findings": findings,
        "published": {
            "this_year": c.this_year,
            "current_within_years": monitor::CURRENT_WITHIN_YEARS,
            "summary": c.summary,
            "coverage": c.coverage,
        },
    });
    format!("{out:#}\n")
}
