//! `koers report`: the status of every target and indicator, the roll-ups
//! and the leverage table, as Markdown, CSV or JSON. Every number comes from
//! koers-core; this module only lays it out.

use koers_core::model::{Dataset, Lang, Unit};
use koers_core::monitor::{self, Coverage};
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

/// Group digits: 25000 → "25.000" (nl) or "25,000" (en).
fn grouped(v: f64, decimals: usize, lang: Lang) -> String {
    let s = format!("{:.*}", decimals, v.abs());
    let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
    let (sep, dec) = match lang {
        Lang::Nl => ('.', ','),
        Lang::En => (',', '.'),
    };
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push(dec);
        out.push_str(frac);
    }
    if v < 0.0 {
        out.insert(0, '-');
    }
    out
}

/// A plain number with up to `max` decimals, trailing zeros dropped.
fn num(v: f64, lang: Lang) -> String {
    let decimals = if v.fract() == 0.0 { 0 } else { 2 };
    let s = grouped(v, decimals, lang);
    if decimals > 0 {
        let dec = if lang == Lang::Nl { ',' } else { '.' };
        s.trim_end_matches('0').trim_end_matches(dec).to_string()
    } else {
        s
    }
}

/// Euros as the vision writes them: € 7 mld / €7bn, € 450 mln / €450m.
fn eur(v: f64, lang: Lang) -> String {
    let (scaled, nl, en) = if v.abs() >= 1e9 {
        (v / 1e9, " mld", "bn")
    } else if v.abs() >= 1e6 {
        (v / 1e6, " mln", "m")
    } else {
        (v, "", "")
    };
    match lang {
        Lang::Nl => format!("€ {}{nl}", num(scaled, lang)),
        Lang::En => format!("€{}{en}", num(scaled, lang)),
    }
}

fn value(v: f64, unit: Unit, lang: Lang) -> String {
    match unit {
        Unit::Eur => eur(v, lang),
        Unit::EurPerYear => format!(
            "{}{}",
            eur(v, lang),
            if lang == Lang::Nl {
                " per jaar"
            } else {
                " a year"
            }
        ),
        Unit::Percent | Unit::PercentOfGdp => {
            format!("{} {}", num(v, lang), view::unit(unit, lang))
        }
        Unit::Milestone => view::unit(unit, lang).to_string(),
        Unit::Ratio => format!("{}×", num(v, lang)),
        _ => format!("{} {}", num(v, lang), view::unit(unit, lang)),
    }
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
