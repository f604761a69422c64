//! `koers report`: the status of every target and indicator, the roll-ups
//! and the leverage table, as Markdown, CSV or JSON. Every number comes from
//! koers-core; this module only lays it out.

use koers_core::model::{Dataset, Lang, Unit};
use koers_core::monitor::{self, Coverage};
use koers_core::numbers;
use koers_core::present::{self, Overview};
use koers_core::view;

/// Everything computed once for a report: core's presentation model and
/// what the published figures cover.
struct Computed<'a> {
    o: Overview,
    /// What the published figures cover, targets first.
    coverage: Vec<Coverage<'a>>,
    summary: monitor::Summary<'a>,
    /// The year that decides what is current.
    this_year: i32,
}

fn compute<'a>(ds: &Dataset<'a>, this_year: i32) -> Computed<'a> {
    let coverage = monitor::coverage_all(ds, this_year);
    Computed {
        summary: monitor::summary(ds, &coverage),
        coverage: coverage.into_iter().collect(),
        this_year,
        o: present::overview(ds),
    }
}

/// A plain number as the dashboard writes it: grouped, up to two decimals
/// (koers-core's `numbers::Grouped`).
fn num(v: f64, lang: Lang) -> String {
    numbers::Grouped(v, lang).to_string()
}

/// Euros as the dashboard writes them: € 7 mld. / €7bn (koers-core's
/// `numbers::Euros`).
fn eur(v: f64, lang: Lang) -> String {
    numbers::Euros(v, lang).to_string()
}

/// A value in its unit as the dashboard writes it (koers-core's
/// `view::Value`).
fn value(v: f64, unit: Unit, lang: Lang) -> String {
    view::Value(v, unit, lang).to_string()
}

fn opt<T>(v: Option<T>, f: impl FnOnce(T) -> String) -> String {
    v.map(f).unwrap_or_else(|| "–".into())
}

fn w<'a>(lang: Lang, nl: &'a str, en: &'a str) -> &'a str {
    if lang == Lang::Nl {
        nl
    } else {
        en
    }
}

mod csv;
mod json;
mod markdown;
mod published;
pub use csv::csv;
pub use json::json;
pub use markdown::markdown;
