//! The scenario explorer's state changes. A slider or field changes the
//! scenario and redraws only the outcome (the controls stay as they are);
//! a new kind of course, a first pace and the buttons redraw the view. On
//! the full page the address follows the scenario.

use std::string::ToString;
use std::vec::Vec;

use koers_core::model::Lang;

use super::{address, Effect};
use crate::app::{App, Flash, Mode};
use crate::i18n::{self as i, t};
use crate::msg::ScMsg;
use crate::scenario::{self, Scenario};

/// Apply one change of the explorer.
pub(super) fn update(app: &mut App, m: ScMsg, fx: &mut Vec<Effect>) {
    if m == ScMsg::Export {
        // A download: the state stays as it is.
        let ev = scenario::evaluate(app.base, &app.computed, &app.data, &app.scenario);
        fx.push(Effect::Download {
            name: "koers-scenario.json".into(),
            mime: "application/json",
            text: scenario::export_json(app.base, &app.scenario, &ev, app.lang == Lang::En),
        });
        return;
    }
    // Whether the controls are drawn again (else only the outcome).
    let whole = match &m {
        ScMsg::Public { .. }
        | ScMsg::Multiplier { .. }
        | ScMsg::Reflows { .. }
        | ScMsg::Revolve(..)
        | ScMsg::DeployUntil(_)
        | ScMsg::Name(_) => false,
        // The first pace typed into an empty field: its slider appears.
        ScMsg::Pace { first, .. } => *first,
        _ => true,
    };
    if whole && app.mode == Mode::Page {
        // A new view of the explorer: the last action's message goes.
        app.flash = None;
    }
    match m {
        ScMsg::Public { window, millions } => {
            app.scenario.window_mut(&window).public = Some(millions * 1e6);
        }
        ScMsg::Multiplier { window, value } => {
            app.scenario.window_mut(&window).multiplier = Some(value);
        }
        ScMsg::Reflows { window, on } => {
            app.scenario.window_mut(&window).revolving = Some(on);
        }
        ScMsg::Pace { target, value, .. } => {
            let s = &mut app.scenario;
            let growth = s.course(&target).is_some_and(|c| c.growth);
            s.set_course(&target, growth, if growth { value / 100.0 } else { value });
        }
        ScMsg::Kind { target, growth } => {
            // A new kind of course keeps a value of its kind, else starts
            // from today's pace or, failing that, the pace the vision needs
            // (an inflow), or no growth: never a made-up figure.
            let keep = app
                .scenario
                .course(&target)
                .filter(|c| c.growth == growth)
                .map(|c| c.value);
            let today = scenario::courses(app.base, &app.computed, &app.data, &app.scenario)
                .into_iter()
                .find(|r| app.base.targets[r.target].id == target)
                .and_then(|r| if growth { None } else { r.today.or(r.required) });
            app.scenario
                .set_course(&target, growth, keep.or(today).unwrap_or(0.0));
        }
        ScMsg::UseRequired(target) => {
            let rows = scenario::courses(app.base, &app.computed, &app.data, &app.scenario);
            if let Some(r) = rows
                .iter()
                .find(|r| app.base.targets[r.target].id == target)
                .and_then(|r| r.required)
            {
                app.scenario.set_course(&target, false, r);
            }
        }
        ScMsg::Revolve(p, v) => app.scenario.revolve.set(p, v),
        ScMsg::DeployUntil(v) => app.scenario.deploy_until = Some((v as i32).clamp(1900, 2200)),
        ScMsg::Name(name) => app.scenario.name = name,
        ScMsg::Save(name) => save(app, name, fx),
        ScMsg::Open(k) => {
            if let Some(s) = app.saved.get(k) {
                app.scenario = s.clone();
            }
        }
        ScMsg::Delete(k) => {
            if k < app.saved.len() {
                app.saved.remove(k);
                fx.push(Effect::SaveScenarios);
            }
        }
        // Answered above.
        ScMsg::Export => {}
        ScMsg::Reset => app.scenario = Scenario::default(),
    }
    fx.push(if whole {
        Effect::Draw
    } else {
        Effect::DrawOutcome
    });
    fx.extend(address(app).map(Effect::ReplaceUrl));
}

/// Save the scenario in this browser under its name (or the first free
/// "Unnamed n"): replacing the one of that name, refused when the list is
/// full.
fn save(app: &mut App, name: Option<String>, fx: &mut Vec<Effect>) {
    if let Some(n) = name {
        app.scenario.name = n;
    }
    if app.scenario.name.is_empty() {
        // The first number no saved scenario has: an unnamed save never
        // replaces a saved one.
        let unnamed = t(app.lang, i::SC_UNNAMED);
        app.scenario.name = (1..)
            .map(|n: usize| [unnamed, " ", &n.to_string()].concat())
            .find(|n| app.saved.iter().all(|x| &x.name != n))
            .unwrap_or_default();
    }
    let s = app.scenario.clone();
    let full = app.saved.len() >= scenario::MAX_SAVED;
    match app.saved.iter_mut().find(|x| x.name == s.name) {
        Some(x) => *x = s,
        None if full => {
            // Full: refused now, visibly, not dropped on reload.
            app.flash = Some(Flash {
                error: true,
                text: t(app.lang, i::SC_FULL).replace("{n}", &scenario::MAX_SAVED.to_string()),
                undo: false,
            });
            return;
        }
        None => app.saved.push(s),
    }
    // Said saved; the store says otherwise if it fails.
    app.flash = Some(Flash {
        error: false,
        text: t(app.lang, i::SC_SAVED_FLASH).into(),
        undo: false,
    });
    fx.push(Effect::SaveScenarios);
}
