//! The scenario explorer ("What if?"): its controls and its outcome beside
//! the vision's. Dragging a slider changes the scenario (as a
//! [`crate::msg::ScMsg`], see `update`), asks core again
//! ([`crate::scenario::evaluate`]) and redraws only the outcome
//! ([`redraw_outcome`]), so the slider being dragged is never replaced.

use std::string::{String, ToString};

use koers_core::model::Unit;
use koers_core::present;
use koers_core::progress::SeriesKind;
use koers_core::scenario::Course;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;

use crate::app::{App, Mode};
use crate::scenario::RevolveParam;
mod outcome;

use super::{embed_button, section, title, txt, Ctx};
use crate::dom::{button, h, Root, H};
use crate::i18n::{self as i};
use crate::msg::{sc, Act};
use crate::route::Part;
use crate::scenario::{self, CourseRow, Eval, MoneyEval};
pub use outcome::outcome;

/// `v` rounded to `digits` decimals, as a field shows it (core's
/// [`present::round_to`]).
fn round(v: f64, digits: i32) -> f64 {
    present::round_to(v, digits)
}

fn field_number(v: f64, digits: i32) -> String {
    crate::data::number(round(v, digits))
}

/// A slider and a number field for one value, labelled once.
#[allow(clippy::too_many_arguments)]
fn slider(
    id: &str,
    label: &str,
    sc: &str,
    key: &str,
    value: f64,
    (min, max, step): (f64, f64, f64),
    digits: i32,
    hint: Option<H>,
) -> H {
    let num_id = [id, "-n"].concat();
    let label_id = [id, "-l"].concat();
    let v = field_number(value, digits);
    let wrap = h("div")
        .c("sc-field")
        .k(h("label").a("for", id).a("id", &label_id).t(label))
        .k(h("div")
            .c("sc-pair")
            .k(h("input")
                .a("type", "range")
                .a("id", id)
                .a("min", &crate::data::number(min))
                .a("max", &crate::data::number(max))
                .a("step", &crate::data::number(step))
                .a("value", &v)
                .a("data-sc", sc)
                .a("data-id", key)
                .a("data-pair", &num_id))
            .k(h("input")
                .a("type", "number")
                .a("id", &num_id)
                .a("step", "any")
                .a("value", &v)
                .a("aria-labelledby", &label_id)
                .a("data-sc", sc)
                .a("data-id", key)
                .a("data-pair", id)));
    wrap.ko(hint.map(|x| x.c("sc-hint muted small")))
}

/// The explorer: controls, outcome, saving and sharing.
pub fn page(c: &Ctx) -> H {
    let app = c.app;
    let ev = scenario::evaluate(app.base, &app.computed, &app.data, &app.scenario);
    let page = h("div").c("scenario-page").a("data-embed", "scenario");
    let heading = super::vision_words(c, c.t(i::SCENARIO_TITLE));
    page.to(title(&heading));
    page.to(h("p")
        .c("lede")
        .t(&super::vision_words(c, c.t(i::SCENARIO_LEDE))));
    page.too(embed_button(c, &Part::Scenario, &heading));
    let layout = h("div").c("sc-layout");
    let controls = h("div").c("sc-controls");
    controls.to(money_controls(c, &ev.money));
    controls.to(course_controls(c, &ev));
    layout.to(controls);
    layout.to(outcome(c, &ev, 0));
    page.to(layout);
    page.to(save_section(c));
    page
}

fn money_controls(c: &Ctx, m: &MoneyEval) -> H {
    let ds = c.ds();
    let sec = section(c.t(i::SC_MONEY), "sc-money-h");
    sec.to(h("p").c("muted small").t(c.t(i::SC_MONEY_HINT)));
    for (k, w) in m.windows.iter().enumerate() {
        let win = &ds.windows[w.index];
        let (public, multiplier, revolving) = m.settings[k];
        let name = txt(win.name.get(c.l));
        let fs = h("fieldset").c("sc-window").a("data-window", win.id);
        let legend = h("legend").t(&name);
        if let Some(p) = w.parent {
            legend.to(h("span")
                .c("muted small")
                .t(" (")
                .t(c.t(i::SC_WITHIN))
                .t(" ")
                .t(&c.f.money(m.windows[p].public))
                .t(")"));
        }
        fs.to(legend);
        let ks = k.to_string();
        fs.to(slider(
            &["sc-wp-", &ks].concat(),
            c.t(i::SC_PUBLIC),
            sc::PUBLIC,
            win.id,
            public / 1e6,
            koers_core::dashboard::slider_range(&[w.public / 1e6, public / 1e6], false),
            1,
            Some(
                h("p")
                    .t(c.t(i::SC_VISION_WORD))
                    .t(" ")
                    .t(&c.f.money(w.public)),
            ),
        ));
        let has_children = m.windows.iter().any(|x| x.parent == Some(k));
        let hint = h("p")
            .t(c.t(i::SC_VISION_WORD))
            .t(" ")
            .t(&c.f.times(round(w.multiplier, 2)));
        let hint = if w.derived {
            hint.t(" (").t(c.t(i::SC_DERIVED)).t(")")
        } else {
            hint.t(" (")
                .t(&c.f.money(w.total))
                .t(" / ")
                .t(&c.f.money(w.public))
                .t(")")
        };
        fs.to(slider(
            &["sc-wm-", &ks].concat(),
            c.t(if has_children {
                i::SC_MULTIPLIER_REST
            } else {
                i::SC_MULTIPLIER
            }),
            sc::MULTIPLIER,
            win.id,
            multiplier,
            koers_core::dashboard::multiplier_range(w.multiplier, multiplier),
            4,
            Some(hint),
        ));
        if w.parent.is_none() {
            let id = ["sc-wr-", &ks].concat();
            let input = h("input")
                .a("type", "checkbox")
                .a("id", &id)
                .a("data-sc", sc::REFLOWS)
                .a("data-id", win.id);
            fs.to(h("div")
                .c("field check")
                .k(if revolving {
                    input.a("checked", "")
                } else {
                    input
                })
                .k(h("label").a("for", &id).t(c.t(i::SC_REFLOWS))));
        }
        sec.to(fs);
    }
    // The revolving model's parameters: the dashboard's assumptions.
    let rv = c.app.scenario.revolve;
    let fs = h("fieldset").c("sc-revolve params");
    fs.to(h("legend").t(c.t(i::SC_REVOLVE)));
    let field = |key: &str, label: i::S, v: String, min: &str, max: &str, step: &str| {
        let id = ["sc-rv-", key].concat();
        h("div")
            .c("field")
            .k(h("label").a("for", &id).t(c.t(label)))
            .k(h("input")
                .a("type", "number")
                .a("id", &id)
                .a("value", &v)
                .a("min", min)
                .a("max", max)
                .a("step", step)
                .a("data-sc", sc::REVOLVE)
                .a("data-id", key))
    };
    let row = h("div").c("sc-params");
    row.to(field(
        RevolveParam::Loss.name(),
        i::LOSS_RATE,
        crate::data::number(rv.loss_pct),
        "0",
        "100",
        "1",
    ));
    row.to(field(
        RevolveParam::Return.name(),
        i::ANNUAL_RETURN,
        crate::data::number(rv.return_pct),
        "-50",
        "50",
        "0.5",
    ));
    row.to(field(
        RevolveParam::Holding.name(),
        i::HOLDING_YEARS,
        rv.holding.to_string(),
        "0",
        "30",
        "1",
    ));
    row.to(field(
        RevolveParam::Lag.name(),
        i::LAG_YEARS,
        rv.lag.to_string(),
        "0",
        "10",
        "1",
    ));
    row.to(field(
        "until",
        i::SC_DEPLOY_UNTIL,
        m.deploy_until.to_string(),
        "1900",
        "2200",
        "1",
    ));
    fs.to(row);
    fs.to(h("p")
        .c("muted small")
        .t(c.t(i::ASSUMPTIONS_NOTE))
        .t(" ")
        .t(c.t(i::SC_SPREAD_NOTE)));
    sec.to(fs);
    sec
}

/// Today's pace, the vision's need and where a course starts, in words.
fn course_hint(c: &Ctx, row: &CourseRow, unit: Unit) -> H {
    let p = h("div");
    match row.today {
        Some(v) => p.to(h("p")
            .t(c.t(i::SC_TODAY))
            .t(" ")
            .t(&c.f.value(round(v, 2), unit))),
        None => p.to(h("p").t(c.t(i::SC_NO_PACE))),
    }
    if let (Some(r), Some(s)) = (row.required, row.start) {
        let line = h("p")
            .t(c.t(i::SC_NEEDS))
            .t(" ")
            .t(&c.f.value(round(r, 2), unit))
            .t(" ")
            .t(c.t(i::PER_YEAR))
            .t(" ")
            .t(c.t(i::SC_FROM))
            .t(" ")
            .t(&c.f.value(s.value, unit))
            .t(" (")
            .t(&s.year.to_string())
            .t(")");
        p.to(if row.start_assumed {
            line.t(" ").t(c.t(i::SC_START_ASSUMED))
        } else {
            line
        });
    } else if row.start.is_none() {
        p.to(h("p").t(c.t(i::SC_NO_START)));
    }
    p
}

/// A fixed yearly amount: an inflow for flows, a change for levels.
fn inflow_label(kind: SeriesKind) -> i::S {
    match kind {
        SeriesKind::CumulativeFlow => i::SC_INFLOW,
        SeriesKind::Level => i::SC_CHANGE,
    }
}

fn course_controls(c: &Ctx, ev: &Eval) -> H {
    let ds = c.ds();
    let sec = section(c.t(i::SC_FLOWS), "sc-flows-h");
    sec.to(h("p").c("muted small").t(c.t(i::SC_FLOWS_HINT)));
    for row in &ev.courses {
        let tg = &ds.targets[row.target];
        let ks = row.target.to_string();
        let fs = h("fieldset").c("sc-course").a("data-target", tg.id);
        fs.to(h("legend")
            .t(&txt(tg.title.get(c.l)))
            .t(" — ")
            .t(c.t(i::SC_TARGET_WORD))
            .t(" ")
            .t(&c.f.value(row.goal.value, tg.unit))
            .t(" (")
            .t(&row.goal.year.to_string())
            .t(")"));
        let growth = matches!(row.course, Some(Course::Growth(_)));
        let sel_id = ["sc-ck-", &ks].concat();
        let sel = h("select")
            .a("id", &sel_id)
            .a("data-sc", sc::KIND)
            .a("data-id", tg.id);
        for (v, label, on) in [
            ("i", inflow_label(row.kind), !growth),
            ("g", i::SC_GROWTH, growth),
        ] {
            let o = h("option").a("value", v).t(c.t(label));
            sel.to(if on { o.a("selected", "") } else { o });
        }
        fs.to(h("div")
            .c("field")
            .k(h("label").a("for", &sel_id).t(c.t(i::SC_KIND)))
            .k(sel));
        let hint = course_hint(c, row, tg.unit);
        match row.course {
            Some(Course::Inflow(v)) => fs.to(slider(
                &["sc-cv-", &ks].concat(),
                &[
                    c.t(inflow_label(row.kind)),
                    " (",
                    koers_core::view::unit(tg.unit, c.l),
                    ")",
                ]
                .concat(),
                sc::PACE,
                tg.id,
                v,
                koers_core::dashboard::slider_range(
                    &[v, row.required.unwrap_or(0.0), row.today.unwrap_or(0.0)],
                    row.kind == SeriesKind::Level,
                ),
                2,
                Some(hint),
            )),
            Some(Course::Growth(g)) => {
                let hint = if row.kind == SeriesKind::CumulativeFlow && row.today.is_none() {
                    hint.k(h("p").t(c.t(i::SC_GROWTH_NO_FLOW)))
                } else {
                    hint
                };
                fs.to(slider(
                    &["sc-cv-", &ks].concat(),
                    c.t(i::SC_GROWTH),
                    sc::PACE,
                    tg.id,
                    g * 100.0,
                    (-20.0, 50.0, 0.5),
                    2,
                    Some(hint),
                ))
            }
            None => {
                // No pace today: an empty field, and the vision's pace on
                // request. Nothing is filled in for the user.
                let id = ["sc-cv-", &ks, "-n"].concat();
                fs.to(h("div")
                    .c("sc-field")
                    .k(h("label")
                        .a("for", &id)
                        .t(c.t(inflow_label(row.kind)))
                        .t(" (")
                        .t(koers_core::view::unit(tg.unit, c.l))
                        .t(")"))
                    .k(h("input")
                        .a("type", "number")
                        .a("id", &id)
                        .a("step", "any")
                        .a("data-sc", sc::PACE)
                        .a("data-id", tg.id))
                    .k(hint.c("sc-hint muted small")));
                if row.required.is_some() {
                    fs.to(button(Act::ScRequired, c.t(i::SC_USE_REQUIRED))
                        .a("data-id", tg.id)
                        .a("id", &["sc-req-", &ks].concat()));
                }
            }
        }
        sec.to(fs);
    }
    sec
}

fn save_section(c: &Ctx) -> H {
    let app = c.app;
    let sec = section(c.t(i::SC_SAVE), "sc-save-h");
    let q = app.scenario.to_query();
    let link = share_link(app, &q);
    let name_id = "sc-name";
    sec.to(h("div")
        .c("sc-share")
        .k(h("div")
            .c("field wide")
            .k(h("label").a("for", "sc-link").t(c.t(i::SC_LINK)))
            .k(h("input")
                .a("type", "text")
                .a("id", "sc-link")
                .a("readonly", "")
                .a("value", &link)))
        .k(button(Act::Copy, c.t(i::COPY))
            .a("data-target", "sc-link")
            .a("data-done", c.t(i::COPIED))));
    let tools = h("div").c("buttons");
    if app.stores() {
        sec.to(h("div")
            .c("field wide")
            .k(h("label").a("for", name_id).t(c.t(i::SC_NAME)))
            .k(h("input")
                .a("type", "text")
                .a("id", name_id)
                .a("value", &app.scenario.name)
                .a("maxlength", "80")
                .a("data-sc", sc::NAME)));
        tools.to(button(Act::ScSave, c.t(i::SC_SAVE_BUTTON))
            .c("primary")
            .a("id", "sc-save"));
    }
    tools.to(button(Act::ScExport, c.t(i::SC_EXPORT)).a("id", "sc-export"));
    tools.to(button(Act::ScReset, c.t(i::SC_RESET)).a("id", "sc-reset"));
    sec.to(tools);
    if let Some(fl) = app.flash.as_ref().filter(|_| app.mode != Mode::Page) {
        sec.to(h("p").a("role", "status").t(&fl.text));
    }
    if app.stores() && !app.saved.is_empty() {
        sec.to(h("h3").t(c.t(i::SC_SAVED)));
        let ul = h("ul").c("sc-saved").a("id", "sc-saved");
        for (k, s) in app.saved.iter().enumerate() {
            let ks = k.to_string();
            let name = if s.name.is_empty() {
                [c.t(i::SC_UNNAMED), " ", &(k + 1).to_string()].concat()
            } else {
                s.name.clone()
            };
            ul.to(h("li")
                .k(h("span").t(&name))
                .t(" ")
                .k(button(Act::ScOpen, c.t(i::SC_OPEN))
                    .a("data-index", &ks)
                    .a("aria-label", &[c.t(i::SC_OPEN), ": ", &name].concat()))
                .t(" ")
                .k(button(Act::ScDelete, c.t(i::DELETE))
                    .a("data-index", &ks)
                    .a("aria-label", &[c.t(i::DELETE), ": ", &name].concat())));
        }
        sec.to(ul);
    }
    sec
}

/// The address that opens this scenario.
fn share_link(app: &App, q: &str) -> String {
    let base = if app.mode == Mode::Page && cfg!(target_arch = "wasm32") {
        web_sys::window()
            .and_then(|w| w.location().href().ok())
            .map(|mut href| {
                if let Some(i) = href.find('#') {
                    href.truncate(i);
                }
                href
            })
            .unwrap_or_default()
    } else {
        app.home.clone()
    };
    if q.is_empty() {
        [base.as_str(), "#/scenario"].concat()
    } else {
        [base.as_str(), "#/scenario?", q].concat()
    }
}

thread_local! {
    static SEQ: core::cell::Cell<u32> = const { core::cell::Cell::new(0) };
}

/// Redraw only what shows the scenario: the outcome and the link. The
/// controls stay as they are (a slider being dragged, or a button about
/// to be clicked, is never replaced).
pub fn redraw_outcome(app: &App, root: &Root) {
    let c = Ctx {
        app,
        l: app.lang,
        f: crate::fmt::Fmt::new(app.lang),
    };
    let ev = scenario::evaluate(app.base, &app.computed, &app.data, &app.scenario);
    let seq = SEQ.with(|s| {
        s.set(s.get().wrapping_add(1));
        s.get()
    });
    root.show_part(outcome(&c, &ev, seq));
    if let Some(link) = root
        .by_id("sc-link")
        .and_then(|l| l.dyn_into::<HtmlInputElement>().ok())
    {
        link.set_value(&share_link(app, &app.scenario.to_query()));
    }
}
