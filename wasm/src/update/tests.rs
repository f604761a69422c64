//! The dashboard's state changes, run natively: each message's new state
//! and the effects it asks for.

use std::string::String;
use std::vec::Vec;

use koers_core::model::Lang;

use super::*;
use crate::app::App;
use crate::data::{self, UserData};
use crate::msg::{AddForm, Field, FlowForm, Msg, ScMsg};
use crate::route::{Part, Route};
use crate::scenario::RevolveParam;
use crate::sync::Key;

const T: &str = "T-P5-technici-25000";
const W: &str = "W-P3-kapitaal-7mld";

fn app() -> App {
    App::new(
        data::test_base(None),
        Lang::Nl,
        Route::Data,
        UserData::default(),
    )
}

fn add_form(subject: &str, year: &str, value: &str, source: &str) -> Msg {
    Msg::Add(AddForm {
        subject: subject.into(),
        year: year.into(),
        value: value.into(),
        source: source.into(),
        draft: std::vec![("f-year".into(), year.into())],
        ..AddForm::default()
    })
}

/// An app with one figure added (3100 in 2026).
fn with_one() -> App {
    let mut a = app();
    let fx = update(&mut a, add_form(T, "2026", "3100", "CBS"));
    assert!(fx.contains(&Effect::Save), "{fx:?}");
    assert!(fx.contains(&Effect::Draw));
    assert_eq!(a.data.obs.len(), 1);
    a
}

#[test]
fn adding_a_figure_commits_and_saves() {
    let a = with_one();
    let o = &a.data.obs[0];
    assert_eq!((o.subject.as_str(), o.year, o.value), (T, 2026, 3100.0));
    assert!(a.problems.is_empty());
    assert!(a.flash.as_ref().is_some_and(|f| !f.error));
}

#[test]
fn a_refused_figure_changes_nothing_and_keeps_what_was_typed() {
    let mut a = app();
    let fx = update(&mut a, add_form(T, "20x6", "abc", " "));
    assert!(!fx.contains(&Effect::Save));
    assert!(a.data.obs.is_empty());
    let fields: Vec<&str> = a.problems.iter().map(|p| p.field.as_str()).collect();
    assert_eq!(fields, ["year", "value", "source"]);
    assert_eq!(a.problems_at, "add");
    assert_eq!(a.draft, [(String::from("f-year"), String::from("20x6"))]);
}

#[test]
fn a_flow_with_an_unreadable_amount_is_refused() {
    let mut a = app();
    let form = |amount: &str| {
        Msg::AddFlow(FlowForm {
            window: W.into(),
            year: "2026".into(),
            amounts: [amount.into(), String::new(), String::new(), String::new()],
            source: "RVO".into(),
            draft: Vec::new(),
        })
    };
    let fx = update(&mut a, form("veel"));
    assert!(!fx.contains(&Effect::Save));
    assert_eq!(a.problems[0].field, "public_committed");
    assert!(a.data.flows.is_empty());
    let fx = update(&mut a, form("1000000"));
    assert!(fx.contains(&Effect::Save), "{fx:?}");
    assert_eq!(a.data.flows[0].public_committed, Some(1e6));
}

#[test]
fn undo_and_redo() {
    let mut a = with_one();
    let fx = update(&mut a, Msg::Undo);
    assert!(a.data.obs.is_empty());
    assert!(fx.contains(&Effect::Save));
    let fx = update(&mut a, Msg::Redo);
    assert_eq!(a.data.obs.len(), 1);
    assert!(fx.contains(&Effect::Save));
    // Nothing left to redo: said, nothing stored.
    let fx = update(&mut a, Msg::Redo);
    assert!(!fx.contains(&Effect::Save));
    assert_eq!(a.data.obs.len(), 1);
    let said = a.flash.as_ref().map(|f| f.text.clone()).unwrap_or_default();
    assert_eq!(said, crate::i18n::t(Lang::Nl, crate::i18n::NOTHING_TO_REDO));
}

#[test]
fn editing_a_value_and_a_year_and_a_refused_edit() {
    let mut a = with_one();
    let key = Key::obs(T, 2026);
    let edit = |field, raw: &str| Msg::Edit {
        key: key.clone(),
        field,
        raw: raw.into(),
    };
    update(&mut a, edit(Field::Value, "3200"));
    assert_eq!(a.data.obs[0].value, 3200.0);
    let fx = update(&mut a, edit(Field::Value, "veel"));
    assert_eq!(a.data.obs[0].value, 3200.0, "refused: unchanged");
    assert!(!fx.contains(&Effect::Save));
    assert_eq!(a.problems[0].field, "observations[0].value");
    assert!(a.flash.as_ref().is_some_and(|f| f.error));
    // A new year: focus follows the figure to its new row.
    let fx = update(&mut a, edit(Field::Year, "2027"));
    assert_eq!(a.data.obs[0].year, 2027);
    assert_eq!(
        fx.last(),
        Some(&Effect::Focus(std::format!("e-year-{T}-2027")))
    );
    // The figure is gone (another tab): what was typed is reported.
    update(&mut a, edit(Field::Note, "weg"));
    let lost = a.edit_lost.clone().map(|l| (l.field, l.typed));
    assert_eq!(lost, Some(("note".into(), "weg".into())));
}

#[test]
fn deleting_a_figure_and_one_that_is_gone() {
    let mut a = with_one();
    let fx = update(&mut a, Msg::Delete(Key::obs(T, 2025)));
    assert!(!fx.contains(&Effect::Save));
    assert_eq!(a.data.obs.len(), 1);
    let fx = update(&mut a, Msg::Delete(Key::obs(T, 2026)));
    assert!(fx.contains(&Effect::Save));
    assert!(a.data.obs.is_empty());
}

#[test]
fn language_and_embedding_switches_keep_focus_on_the_switch() {
    let mut a = app();
    let fx = update(&mut a, Msg::Lang(Lang::En));
    assert_eq!(a.lang, Lang::En);
    assert_eq!(
        fx,
        [
            Effect::SaveLang(Lang::En),
            Effect::Draw,
            Effect::Focus("lang-switch".into())
        ]
    );
    // A mounted part's language is not kept for the next visit.
    let fx = update(&mut a, Msg::PartLang(Lang::Nl));
    assert_eq!((a.lang, fx), (Lang::Nl, std::vec![Effect::Draw]));
    let fx = update(&mut a, Msg::ToggleEmbedding);
    assert!(a.embedding);
    assert_eq!(fx[1], Effect::Focus("embed-switch".into()));
    update(&mut a, Msg::ToggleEmbedding);
    assert!(!a.embedding);
}

#[test]
fn the_embed_dialog_gives_focus_back_to_its_opener() {
    let mut a = app();
    let d = crate::app::EmbedDialog {
        part: Part::Overview,
        height: 480,
        base: None,
        opener: "embed-overview".into(),
    };
    let fx = update(&mut a, Msg::OpenEmbed(d));
    assert!(a.embed.is_some());
    assert_eq!(fx[1], Effect::Focus("embed-iframe".into()));
    assert_eq!(update(&mut a, Msg::CloseEmbed), [Effect::CloseEmbed]);
    assert!(a.embed.is_some(), "closed by the dialog's own event");
    let fx = update(&mut a, Msg::EmbedClosed);
    assert!(a.embed.is_none());
    assert_eq!(fx.last(), Some(&Effect::Focus("embed-overview".into())));
}

#[test]
fn import_success_and_failure() {
    let mut a = with_one();
    let before = a.data.clone();
    // Too large: refused before it is read.
    let fx = update(
        &mut a,
        Msg::ImportChosen {
            name: "big.csv".into(),
            size: (data::MAX_IMPORT_BYTES + 1) as f64,
        },
    );
    assert!(!fx.contains(&Effect::ReadFile));
    assert!(a.importing.is_none());
    assert_eq!(a.data, before);
    // Chosen, read, then checked after the page shows the lines.
    let fx = update(
        &mut a,
        Msg::ImportChosen {
            name: "f.csv".into(),
            size: 80.0,
        },
    );
    assert_eq!(fx.last(), Some(&Effect::ReadFile));
    assert!(a.importing.is_some());
    let bad = b"subject,year,value,source\nnope,2027,1,CBS\n".to_vec();
    let fx = update(
        &mut a,
        Msg::ImportRead {
            name: "f.csv".into(),
            bytes: bad,
        },
    );
    assert_eq!(a.importing.as_ref().and_then(|i| i.lines), Some(2));
    let Some(Effect::AfterPaint(check)) = fx.last().cloned() else {
        panic!("{fx:?}");
    };
    let fx = update(&mut a, *check);
    assert!(!fx.contains(&Effect::Save));
    assert!(!a.problems.is_empty());
    assert!(a.importing.is_none());
    assert_eq!(a.data, before, "a refused file changes nothing");
    // A file that cannot be read changes nothing either.
    update(
        &mut a,
        Msg::ImportChosen {
            name: "f.csv".into(),
            size: 80.0,
        },
    );
    update(&mut a, Msg::ImportFailed);
    assert!(a.importing.is_none());
    assert_eq!(a.data, before);
    // A good file: all its figures in, stored.
    let good = std::format!("subject,year,value,source\n{T},2027,3300,CBS\n");
    let fx = update(
        &mut a,
        Msg::ImportCheck {
            name: "f.csv".into(),
            bytes: good.into_bytes(),
        },
    );
    assert!(fx.contains(&Effect::Save));
    assert!(a
        .data
        .obs
        .iter()
        .any(|o| o.year == 2027 && o.value == 3300.0));
}

#[test]
fn reset_is_confirmed_first() {
    let mut a = with_one();
    assert_eq!(update(&mut a, Msg::Reset), [Effect::ConfirmReset]);
    assert_eq!(a.data.obs.len(), 1);
    let fx = update(&mut a, Msg::ResetConfirmed);
    assert!(fx.contains(&Effect::Save));
    assert!(a.data.obs.is_empty());
}

#[test]
fn exports_are_downloads_of_the_data() {
    let mut a = with_one();
    let fx = update(&mut a, Msg::ExportCsv);
    let [Effect::Download { name, mime, text }] = &fx[..] else {
        panic!("{fx:?}");
    };
    assert_eq!(
        (name.as_str(), *mime),
        ("koers-observations.csv", "text/csv")
    );
    assert!(text.contains("3100"));
}

#[test]
fn one_state_for_the_revolving_parameters() {
    let mut a = app();
    // The money view's field and the explorer's change the same state.
    update(&mut a, Msg::Revolve(RevolveParam::Loss, 35.0));
    assert_eq!(a.scenario.revolve.loss_pct, 35.0);
    let fx = update(
        &mut a,
        Msg::Scenario(ScMsg::Revolve(RevolveParam::Holding, 99.0)),
    );
    assert_eq!(
        a.scenario.revolve.holding, 30,
        "kept within the model's range"
    );
    assert_eq!(a.scenario.revolve.loss_pct, 35.0);
    // Elsewhere than the full page's explorer, the address is not touched.
    assert_eq!(fx, [Effect::DrawOutcome]);
    // Not a number: nothing changes.
    update(&mut a, Msg::Revolve(RevolveParam::Lag, f64::NAN));
    assert_eq!(a.scenario.revolve.lag, 1);
    // The link carries them, and the explorer's reset forgets them.
    assert!(a.scenario.to_query().contains("r=35~"));
    update(&mut a, Msg::Scenario(ScMsg::Reset));
    assert_eq!(a.scenario.revolve, crate::scenario::Revolve::default());
}

#[test]
fn the_explorer_redraws_the_outcome_and_keeps_the_address() {
    let mut a = app();
    a.route = Route::Scenario;
    let fx = update(
        &mut a,
        Msg::Scenario(ScMsg::Multiplier {
            window: W.into(),
            value: 2.5,
        }),
    );
    assert_eq!(a.scenario.window_mut(W).multiplier, Some(2.5));
    assert_eq!(fx[0], Effect::DrawOutcome);
    let Some(Effect::ReplaceUrl(hash)) = fx.get(1) else {
        panic!("{fx:?}");
    };
    assert!(hash.starts_with("#/scenario?"), "{hash}");
    // While the slider moves, the outcome follows and the address waits.
    let fx = update(
        &mut a,
        Msg::Sliding(ScMsg::Multiplier {
            window: W.into(),
            value: 3.0,
        }),
    );
    assert_eq!(a.scenario.window_mut(W).multiplier, Some(3.0));
    assert_eq!(fx, [Effect::DrawOutcome]);
    // A new kind of course draws the controls again.
    let fx = update(
        &mut a,
        Msg::Scenario(ScMsg::Kind {
            target: T.into(),
            growth: true,
        }),
    );
    assert_eq!(fx[0], Effect::Draw);
    assert!(a.scenario.course(T).is_some_and(|c| c.growth));
    // Saved under its name; opened again after a reset.
    update(&mut a, Msg::Scenario(ScMsg::Save(Some("Plan B".into()))));
    assert_eq!(a.saved.len(), 1);
    assert_eq!(a.saved[0].name, "Plan B");
    update(&mut a, Msg::Scenario(ScMsg::Reset));
    assert!(a.scenario.course(T).is_none());
    update(&mut a, Msg::Scenario(ScMsg::Open(0)));
    assert!(a.scenario.course(T).is_some());
    let fx = update(&mut a, Msg::Scenario(ScMsg::Delete(0)));
    assert!(a.saved.is_empty());
    assert!(fx.contains(&Effect::SaveScenarios));
}

#[test]
fn navigating_clears_the_last_action_and_focuses_the_heading() {
    let mut a = with_one();
    assert!(a.flash.is_some());
    let fx = update(
        &mut a,
        Msg::Navigate {
            route: Route::Scenario,
            query: Some("r=50~3~5~1".into()),
        },
    );
    assert_eq!(a.route, Route::Scenario);
    assert!(a.flash.is_none());
    assert_eq!(a.scenario.revolve.loss_pct, 50.0);
    assert_eq!(fx.last(), Some(&Effect::Focus("page-title".into())));
}
