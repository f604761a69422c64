//! A subject's published breakdowns (region, sex, sector, …), one at a
//! time beside its headline figures, as Open SDG's charts show them. The
//! status above is the headline's only; this section says so.

use std::string::{String, ToString};
use std::vec::Vec;

use koers_core::model::Unit;

use super::{section, txt, Ctx};
use crate::dom::{h, H};
use crate::i18n as i;

/// The breakdowns section of `subject` (figures in `unit`), when the
/// published figures have any.
pub(super) fn section_of(c: &Ctx, subject: &str, unit: Unit) -> Option<H> {
    let ds = c.ds();
    let mut names: Vec<&str> = Vec::new();
    for o in ds.breakdowns_of(subject) {
        if let Some(b) = o.breakdown {
            if !names.contains(&b.raw()) {
                names.push(b.raw());
            }
        }
    }
    let first = *names.first()?;
    let chosen = c
        .app
        .breakdown
        .as_deref()
        .filter(|b| names.contains(b))
        .unwrap_or(first);
    let sec = section(c.t(i::BD_TITLE), "bd-h").a("id", "breakdowns");
    sec.to(h("p").c("muted small").t(c.t(i::BD_LEDE)));
    let sel = h("select").a("id", "bd-select").a("data-breakdown", "");
    for n in &names {
        let o = h("option")
            .a("value", n)
            .t(&txt(koers_core::model::Text(n)));
        sel.to(if *n == chosen { o.a("selected", "") } else { o });
    }
    sec.to(h("div")
        .c("field")
        .k(h("label").a("for", "bd-select").t(c.t(i::BD_SHOW)))
        .k(sel));
    // Years of the headline (published and the user's) and of the breakdown.
    let headline: Vec<(i32, f64)> = crate::data::published_and_users(ds, &c.app.data, subject)
        .iter()
        .map(|p| (p.year, p.value))
        .collect();
    let part: Vec<(i32, f64)> = ds
        .breakdowns_of(subject)
        .filter(|o| o.breakdown.is_some_and(|b| b.raw() == chosen))
        .map(|o| (o.year, o.value))
        .collect();
    let mut years: Vec<i32> = headline.iter().chain(&part).map(|(y, _)| *y).collect();
    years.sort_unstable();
    years.dedup();
    let cell = |v: &[(i32, f64)], y: i32| {
        v.iter()
            .find(|(yy, _)| *yy == y)
            .map_or_else(|| "–".to_string(), |(_, x)| c.f.value(*x, unit))
    };
    let rows: Vec<Vec<String>> = years
        .iter()
        .map(|y| std::vec![y.to_string(), cell(&headline, *y), cell(&part, *y)])
        .collect();
    let name = txt(koers_core::model::Text(chosen));
    sec.to(
        super::table(&name, &[c.t(i::YEAR), c.t(i::BD_HEADLINE), &name], rows).a("id", "bd-table"),
    );
    Some(sec)
}
