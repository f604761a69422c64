//! The money page: multipliers against their targets, every investment
//! window on a timeline, the money counted once, what was realised per
//! year, the revolving-capital model, and whether the vision's own sums
//! add up.

use crate::scenario::RevolveParam;
use std::string::{String, ToString};
use std::vec::Vec;

use koers_core::model::Basis;
use koers_core::present;
use koers_core::progress::Status;

use super::{bar, data_table, embed_button, figure, section, table, title, txt, vision_words, Ctx};
use crate::chart;
use crate::data::unescape;
use crate::dom::{h, H};
use crate::i18n as i;
use crate::route::Part;
use crate::tables;

/// The money page.
pub(super) fn money(c: &Ctx) -> H {
    let ds = c.ds();
    let comp = &c.app.computed;
    let page = h("div").c("money-page");
    page.to(title(c.t(i::MONEY_TITLE)));
    page.to(h("p").c("lede").t(&vision_words(c, c.t(i::MONEY_LEDE))));

    page.to(multipliers(c));
    page.to(windows_timeline(c));

    let t = &comp.totals;
    page.to(h("p")
        .c("card")
        .k(h("strong").t(c.t(i::COUNTED_ONCE)))
        .t(" ")
        .t(&[
            c.f.money(t.public),
            " ".into(),
            c.t(i::PUBLIC).into(),
            ", ".into(),
            c.f.money(t.private),
            " ".into(),
            c.t(i::PRIVATE_STATED).into(),
            ", ".into(),
            c.f.money(t.total),
            " ".into(),
            c.t(i::TOTAL_STATED).into(),
            "; ".into(),
            t.nested.to_string(),
            " ".into(),
            c.t(i::NESTED_NOT_TWICE).into(),
            "; ".into(),
            t.unknown.to_string(),
            " ".into(),
            c.t(i::WITHOUT_AMOUNT).into(),
            ".".into(),
        ]
        .concat()));

    // Realised per year.
    let sec = section(c.t(i::REALISED), "realised-h");
    if c.app.data.flows.is_empty() {
        sec.to(h("p").c("muted").t(c.t(i::NO_FLOWS_TEXT)));
    } else {
        let rows = c
            .app
            .data
            .flows
            .iter()
            .map(|fl| {
                let w = ds.window(&fl.window);
                let name = w
                    .map(|w| txt(w.name.get(c.l)))
                    .unwrap_or_else(|| fl.window.clone());
                let share = w.and_then(|w| present::committed_share(w, fl.public_committed));
                let d = |v: Option<f64>| v.map(|v| c.f.money(v)).unwrap_or_else(|| "–".into());
                vec![
                    name,
                    fl.year.to_string(),
                    d(fl.public_committed),
                    d(fl.public_disbursed),
                    d(fl.private_committed),
                    d(fl.private_disbursed),
                    share.map(|s| c.f.pct(s)).unwrap_or_else(|| "–".into()),
                    unescape(&fl.source),
                ]
            })
            .collect();
        sec.to(table(
            c.t(i::REALISED),
            &[
                c.t(i::WINDOW),
                c.t(i::YEAR),
                c.t(i::PUB_COMMITTED),
                c.t(i::PUB_DISBURSED),
                c.t(i::PRIV_COMMITTED),
                c.t(i::PRIV_DISBURSED),
                c.t(i::SHARE_OF_WINDOW),
                c.t(i::SOURCE),
            ],
            rows,
        )
        .a("id", "flows-wrap"));
    }
    page.to(sec);

    // Revolving capital.
    page.to(revolving(c));

    // The vision's own sums.
    let sec = section(c.t(i::OWN_SUMS), "sums-h");
    let ul = h("ul").c("findings");
    for fi in &comp.findings {
        let w = &ds.windows[fi.window];
        let (verdict, cls) = match fi.holds {
            Some(true) => (c.t(i::ADDS_UP), "ok"),
            Some(false) => (c.t(i::DOES_NOT_ADD_UP), "bad"),
            None => (c.t(i::CANNOT_TELL), "unknown"),
        };
        let sym = match fi.holds {
            Some(true) => "✔",
            Some(false) => "✖",
            None => "?",
        };
        let li = h("li")
            .k(h("strong").t(&txt(w.name.get(c.l))))
            .t(": ")
            .t(&fi
                .sum
                .parent_public
                .map(|v| c.f.money(v))
                .unwrap_or_else(|| "–".into()))
            .t(" ")
            .t(c.t(i::AGAINST))
            .t(" ")
            .t(&c.f.money(fi.sum.children_public))
            .t(" ")
            .t(c.t(i::IN_PARTS))
            .t(" (")
            .t(&fi.sum.children_count.to_string())
            .t(")");
        if fi.sum.unknown_children > 0 {
            li.to(h("span")
                .t(", ")
                .t(&fi.sum.unknown_children.to_string())
                .t(" ")
                .t(c.t(i::UNKNOWN_PARTS)));
        }
        li.to(h("span").t(" — "));
        li.to(h("span")
            .c(&["verdict ", cls].concat())
            .k(h("span").a("aria-hidden", "true").t(sym))
            .t(" ")
            .t(verdict));
        ul.to(li);
    }
    sec.to(ul);
    page.to(sec);
    page
}

/// Multipliers against their targets, one card per window with a target.
pub(super) fn multipliers(c: &Ctx) -> H {
    let ds = c.ds();
    let comp = &c.app.computed;
    let sec = section(c.t(i::MULTIPLIERS), "mult-h").a("data-embed", "multipliers");
    let grid = h("div").c("grid two");
    for row in comp
        .windows
        .iter()
        .filter(|r| r.target_multiplier.is_some())
    {
        let w = &ds.windows[row.index];
        let card = h("article").c("card");
        card.to(h("h3").t(&txt(w.name.get(c.l))));
        card.to(h("p").c("big").t(&[
            c.f.money(w.public_eur.unwrap_or(0.0)),
            " → ".into(),
            c.f.money(w.total_eur.unwrap_or(0.0)),
        ]
        .concat()));
        let dl = h("dl").c("facts");
        dl.to(h("dt").t(c.t(i::TARGET_MULTIPLIER)));
        dl.to(h("dd").t(&row
            .target_multiplier
            .map(|m| c.f.times(m))
            .unwrap_or_default()));
        dl.to(h("dt").t(c.t(i::PRIVATE_TO_MOBILISE)));
        dl.to(h("dd").t(&row
            .promised
            .private_mobilised
            .map(|v| c.f.money(v))
            .unwrap_or_else(|| "–".into())));
        dl.to(h("dt").t(c.t(i::REALISED_MULTIPLIER)));
        match row.realised.leverage.and_then(|l| l.multiplier) {
            Some(m) => {
                dl.to(h("dd").t(&c.f.times(m)));
            }
            None => {
                dl.to(h("dd").t(c.t(i::NO_FLOWS_YET)));
            }
        }
        card.to(dl);
        let share = present::multiplier_share(row);
        card.to(bar(
            c,
            share,
            if share.is_some() {
                Status::ModerateProgress
            } else {
                Status::NotAvailable
            },
        ));
        grid.to(card);
    }
    sec.to(grid);
    sec.to(h("p").c("muted small").t(c.t(i::MULTIPLIER_NOTE)));
    sec.too(embed_button(c, &Part::Multipliers, c.t(i::MULTIPLIERS)));
    sec
}

/// Every investment window on a timeline to the horizon.
pub(super) fn windows_timeline(c: &Ctx) -> H {
    let ds = c.ds();
    let comp = &c.app.computed;
    let span = present::timeline_span(ds);
    let bars: Vec<chart::WindowBar> = comp
        .windows
        .iter()
        .map(|r| {
            let w = &ds.windows[r.index];
            chart::WindowBar {
                name: "",
                depth: r.depth,
                years: (w.start_year, w.end_year),
                public: w.public_eur,
                private: w.private_eur,
                total: w.total_eur,
                per_year: w.basis == Basis::PerYear,
            }
        })
        .collect();
    let names: Vec<String> = comp
        .windows
        .iter()
        .map(|r| txt(ds.windows[r.index].name.get(c.l)))
        .collect();
    let bars: Vec<chart::WindowBar> = bars
        .into_iter()
        .zip(&names)
        .map(|(b, n)| chart::WindowBar { name: n, ..b })
        .collect();
    let title_s = &vision_words(c, c.t(i::TIMELINE_TITLE));
    let desc = &vision_words(c, c.t(i::TIMELINE_DESC));
    let svg = chart::windows(
        "windows-chart",
        title_s,
        desc,
        &bars,
        span,
        [
            c.t(i::PERIOD),
            c.t(i::AMOUNT),
            c.t(i::PERIOD_OPEN),
            c.t(i::PER_YEAR_SHORT),
            c.t(i::PUBLIC),
            c.t(i::PRIVATE),
            c.t(i::TOTAL_UNSPLIT),
        ],
        &c.f,
    );
    let tbl = data_table(c, title_s, &tables::windows(c.app, c.l));
    let embed = embed_button(c, &Part::Windows, title_s);
    section(title_s, "timeline-h").k(figure(c, svg, "windows-chart", tbl, desc, embed))
}

/// The revolving-capital model of the vision's revolving window, with
/// the reader's parameters in a form, its totals, chart and table.
pub(super) fn revolving(c: &Ctx) -> H {
    let ds = c.ds();
    let rv = c.app.scenario.revolve;
    let sec = section(c.t(i::REVOLVING_TITLE), "revolve-h")
        .a("id", "revolving")
        .a("data-embed", "revolving");
    sec.too(embed_button(c, &Part::Revolving, c.t(i::REVOLVING_TITLE)));
    let Some(model) = present::revolving(ds, rv.choice()) else {
        return sec.k(h("p").t(c.t(i::NONE_YET)));
    };
    let (public, res, multiplier) = (model.public, &model.result, model.multiplier);
    let (start, horizon) = (model.params.start_year, model.params.horizon_year);
    sec.to(h("p").t(c.t(i::REVOLVING_LEDE)).t(" ").t(&[
        c.f.money(public),
        " ".into(),
        c.t(i::SPREAD_EVENLY).into(),
        " ".into(),
        start.to_string(),
        "–".into(),
        horizon.to_string(),
        ".".into(),
    ]
    .concat()));
    let form = h("form")
        .a("data-form", "revolve")
        .c("params")
        .a("id", "revolve-form");
    let field = |param: RevolveParam, label: i::S, v: String, min: &str, max: &str, step: &str| {
        let name = param.name();
        let id = ["rv-", name].concat();
        h("div")
            .c("field")
            .k(h("label").a("for", &id).t(c.t(label)))
            .k(h("input")
                .a("type", "number")
                .a("id", &id)
                .a("name", name)
                .a("value", &v)
                .a("min", min)
                .a("max", max)
                .a("step", step)
                .a("data-revolve", name))
    };
    form.to(field(
        RevolveParam::Loss,
        i::LOSS_RATE,
        crate::dom::num_attr(rv.loss_pct),
        "0",
        "100",
        "1",
    ));
    form.to(field(
        RevolveParam::Return,
        i::ANNUAL_RETURN,
        crate::dom::num_attr(rv.return_pct),
        "-50",
        "50",
        "0.5",
    ));
    form.to(field(
        RevolveParam::Holding,
        i::HOLDING_YEARS,
        rv.holding.to_string(),
        "0",
        "30",
        "1",
    ));
    form.to(field(
        RevolveParam::Lag,
        i::LAG_YEARS,
        rv.lag.to_string(),
        "0",
        "10",
        "1",
    ));
    sec.to(form);
    sec.to(h("p").c("muted small").t(c.t(i::ASSUMPTIONS_NOTE)));
    let out = h("div").a("aria-live", "polite").a("id", "revolve-out");
    if let Some(r) = res.reason.filter(|_| res.years.is_empty()) {
        out.to(h("p")
            .c("problems")
            .t(c.t(i::CANNOT_COMPUTE))
            .t(": ")
            .t(r.as_str()));
        sec.to(out);
        return sec;
    }
    let dl = h("dl").c("facts");
    let fact = |k: i::S, v: String| {
        dl.to(h("dt").t(c.t(k)));
        dl.to(h("dd").t(&v));
    };
    fact(i::BUDGET_TOTAL, c.f.money(res.budget_total));
    fact(i::DEPLOYED_TOTAL, c.f.money(res.deployed_total));
    fact(i::REFLOWS_TOTAL, c.f.money(res.reflows_total));
    fact(
        i::REVOLVING_FACTOR,
        res.revolving_factor
            .map(|v| c.f.times(v))
            .unwrap_or_else(|| "–".into()),
    );
    fact(
        i::LONG_RUN_CEILING,
        res.long_run_ceiling
            .map(|v| c.f.money(v))
            .unwrap_or_else(|| c.t(i::NO_CEILING).into()),
    );
    if let Some(m) = multiplier {
        fact(
            i::MOBILISED_AT,
            model
                .mobilised
                .map(|v| [c.f.money(v), " (".into(), c.f.times(m), ")".into()].concat())
                .unwrap_or_else(|| "–".into()),
        );
    }
    out.to(dl);
    let years: Vec<(i32, f64, f64)> = res
        .years
        .iter()
        .map(|y| (y.year, y.budget, y.redeployed))
        .collect();
    let svg = chart::revolving(
        "revolve-chart",
        c.t(i::REVOLVING_TITLE),
        c.t(i::REVOLVING_DESC),
        &years,
        [c.t(i::NEW_BUDGET), c.t(i::REDEPLOYED)],
        &c.f,
    );
    let tbl = data_table(
        c,
        c.t(i::REVOLVING_TITLE),
        &tables::table_of_revolving(&model),
    );
    out.to(figure(
        c,
        svg,
        "revolve-chart",
        tbl,
        c.t(i::REVOLVING_DESC),
        None,
    ));
    sec.to(out);
    sec
}
