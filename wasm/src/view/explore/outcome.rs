//! The explorer's outcome: what the scenario gives beside what the vision
//! does (the headline, the money and the other flows).

use std::string::{String, ToString};
use std::vec::Vec;

use koers_core::model::Unit;
use koers_core::present;
use koers_core::scenario::Outcome;

use super::round;
use crate::chart;
use crate::dom::{h, H};
use crate::i18n::{self as i};
use crate::scenario::{self, Eval};
use crate::tables;
use crate::view::{data_table, figure, table, txt, Ctx};

/// A table's wrapper that may scroll sideways on a phone: reachable by
/// keyboard, and named.
fn scroll(wrap: H, name: &str) -> H {
    wrap.a("tabindex", "0")
        .a("role", "region")
        .a("aria-label", name)
}

fn dash() -> String {
    "–".into()
}

/// "reached in 2033" / "not reached by 2035".
fn reached_words(c: &Ctx, year: Option<i32>, by: i32) -> (String, &'static str, &'static str) {
    match year {
        Some(y) => (
            [c.t(i::SC_REACHED_IN), " ", &y.to_string()].concat(),
            "ok",
            "✔",
        ),
        None => (
            [c.t(i::SC_NOT_REACHED), " ", &by.to_string()].concat(),
            "bad",
            "✖",
        ),
    }
}

/// The outcome: what the scenario gives beside what the vision does.
/// `seq` counts redraws (`data-rendered`), for tests and the benchmark.
pub fn outcome(c: &Ctx, ev: &Eval, seq: u32) -> H {
    let ds = c.ds();
    let m = &ev.money;
    let out = h("section")
        .a("id", "scenario-out")
        .a("aria-labelledby", "sc-out-h")
        .a("data-rendered", &seq.to_string())
        .c("sc-out");
    out.to(h("h2").a("id", "sc-out-h").t(c.t(i::SC_OUTCOME)));

    // The headline: is EUR 25 bn reached by 2035?
    let horizon = m.params.horizon_year;
    let (words, cls, sym) = reached_words(c, m.scenario.year_reached, horizon);
    let summary = h("p")
        .a("id", "sc-summary")
        .a("role", "status")
        .c("sc-summary card")
        .k(h("strong")
            .t(c.t(i::SC_MOBILISED_BY))
            .t(" ")
            .t(&horizon.to_string())
            .t(": "))
        .k(h("span")
            .a("id", "sc-mobilised")
            .t(&c.f.money(m.scenario.mobilised)))
        .t(" ")
        .t(c.t(i::AGAINST))
        .t(" ")
        .t(&c.f.money(m.target))
        .t(" — ")
        .k(h("span")
            .c(&["verdict ", cls].concat())
            .a("id", "sc-verdict")
            .k(h("span").a("aria-hidden", "true").t(sym))
            .t(" ")
            .t(&words));
    if let Some(g) = m.scenario.gap.filter(|g| *g > 0.5) {
        summary.to(h("span")
            .t(" (")
            .t(&c.f.money(g))
            .t(" ")
            .t(c.t(i::SC_SHORT))
            .t(")"));
    }
    summary.to(h("br"));
    summary.to(h("span")
        .c("muted small")
        .t(c.t(i::SC_VISION))
        .t(": ")
        .t(&c.f.money(m.vision.mobilised))
        .t(", ")
        .t(&reached_words(c, m.vision.year_reached, horizon).0));
    out.to(summary);

    // By year, as a chart with its table.
    let svg = chart::running(
        "sc-money-chart",
        c.t(i::SC_CHART_TITLE),
        c.t(i::SC_CHART_DESC),
        &m.scenario.by_year,
        &m.vision.by_year,
        Some(m.target),
        [c.t(i::SC_SCENARIO), c.t(i::SC_VISION), c.t(i::TARGET)],
        &c.f,
    );
    let tbl = data_table(c, c.t(i::SC_CHART_TITLE), &tables::table_of_money(m));
    out.to(figure(
        c,
        svg,
        "sc-money-chart",
        tbl,
        c.t(i::SC_CHART_DESC),
        None,
    ));
    out.to(h("p").c("muted small").t(c.t(i::SC_VISION_NOTE)));

    // Per window, side by side.
    let head = [
        c.t(i::WINDOW),
        c.t(i::SC_SCENARIO),
        c.t(i::SC_VISION),
        c.t(i::TARGET),
    ];
    let cell = |mobilised: f64, multiplier: Option<f64>, reached: Option<bool>| {
        [
            c.f.money(mobilised),
            multiplier
                .map(|x| [" (".into(), c.f.times(round(x, 2)), ")".into()].concat())
                .unwrap_or_default(),
            match reached {
                Some(true) => " ✔".into(),
                Some(false) => " ✖".into(),
                None => String::new(),
            },
        ]
        .concat()
    };
    let mut rows: Vec<Vec<String>> = Vec::new();
    for (k, w) in m.windows.iter().enumerate() {
        let o = &m.scenario.windows[k];
        let v = &m.vision.windows[k];
        let mut name = [
            if w.parent.is_some() { "↳ " } else { "" },
            &c.f.money(o.public),
            " · ",
        ]
        .concat();
        name.push_str(&txt(ds.windows[w.index].name.get(c.l)));
        if o.over_committed {
            name.push_str(" ⚠ ");
            name.push_str(c.t(i::SC_OVER));
        }
        rows.push(std::vec![
            name,
            cell(o.mobilised, o.multiplier, o.reached),
            cell(v.mobilised, v.multiplier, None),
            c.f.money(w.total),
        ]);
    }
    let whole =
        |o: &koers_core::scenario::MoneyOutcome| (o.public > 0.0).then(|| o.mobilised / o.public);
    rows.push(std::vec![
        [
            c.t(i::SC_TOTAL),
            " · ",
            &c.f.money(m.scenario.public),
            " ",
            c.t(i::PUBLIC)
        ]
        .concat(),
        cell(m.scenario.mobilised, whole(&m.scenario), m.scenario.reached),
        cell(m.vision.mobilised, whole(&m.vision), None),
        c.f.money(m.target),
    ]);
    out.to(scroll(
        table(c.t(i::SC_MONEY_OUT), &head, rows).a("id", "sc-money-table"),
        c.t(i::SC_MONEY_OUT),
    ));

    // Talent and other flows.
    let y = |o: &Outcome, k: usize, unit: Unit| {
        o.values[k]
            .map(|v| c.f.value(round(v, 2), unit))
            .unwrap_or_else(dash)
    };
    let reached = |o: &Outcome| {
        if o.start.is_none() {
            return dash();
        }
        o.year_reached
            .map(|y| y.to_string())
            .unwrap_or_else(|| c.t(i::SC_NOT_BY).into())
    };
    let gap = |o: &Outcome, unit: Unit| {
        o.gap
            .map(|g| c.f.value(round(present::gap_shown(g), 2), unit))
            .unwrap_or_else(dash)
    };
    let [y0, y1] = scenario::years(c.ds()).map(|y| y.to_string());
    let sv = [c.t(i::SC_SCENARIO), " / ", c.t(i::SC_VISION)].concat();
    let h0 = [y0.as_str(), " (", &sv, ")"].concat();
    let h1 = [y1.as_str(), " (", &sv, ")"].concat();
    let h2 = [c.t(i::SC_YEAR_REACHED), " (", &sv, ")"].concat();
    let h3 = [c.t(i::SC_GAP), " (", &sv, ")"].concat();
    let mut rows: Vec<Vec<String>> = Vec::new();
    for row in &ev.courses {
        let tg = &ds.targets[row.target];
        let (s, v) = (&row.scenario, &row.vision);
        let has = row.course.is_some();
        let pair = |a: String, b: String| [a, " / ".into(), b].concat();
        rows.push(std::vec![
            txt(tg.title.get(c.l)),
            pair(
                if has { y(s, 0, tg.unit) } else { dash() },
                y(v, 0, tg.unit)
            ),
            pair(
                if has { y(s, 1, tg.unit) } else { dash() },
                y(v, 1, tg.unit)
            ),
            pair(if has { reached(s) } else { dash() }, reached(v)),
            pair(if has { gap(s, tg.unit) } else { dash() }, gap(v, tg.unit)),
        ]);
    }
    out.to(scroll(
        table(
            c.t(i::SC_FLOWS),
            &[c.t(i::AMBITION), &h0, &h1, &h2, &h3],
            rows,
        )
        .a("id", "sc-flows-table"),
        c.t(i::SC_FLOWS),
    ));
    out
}
