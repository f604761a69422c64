//! What can happen to a dashboard, as typed messages: every button, field,
//! form and page event becomes one [`Msg`], and `update`
//! turns it into a new state and its effects (Elm's architecture).
//!
//! The codes the page carries in its attributes (`data-act`, `data-sc`,
//! `data-edit`, `data-revolve`, `data-form`) are written and read here and
//! nowhere else: [`Msg::from_click`], [`Msg::from_scenario`],
//! [`Msg::from_edit`], [`Msg::from_revolve`] and [`Msg::from_form`] read
//! them, [`Msg::act`] gives a button's code.

use std::string::String;
use std::vec::Vec;

use koers_core::model::Lang;

use crate::app::EmbedDialog;
use crate::route::{Part, Route};
use crate::scenario::{RevolveParam, Scenario};
use crate::store::Kept;
use crate::sync::Key;

mod act;
pub use act::Act;

/// A figure typed into the add form (`#add-form`), as typed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AddForm {
    /// The subject chosen.
    pub subject: String,
    /// The year, as typed.
    pub year: String,
    /// The value, as typed (in the interface language's notation).
    pub value: String,
    /// The source.
    pub source: String,
    /// The note.
    pub note: String,
    /// Provisional.
    pub provisional: bool,
    /// Every field's value by element id, put back if the entry is refused.
    pub draft: Vec<(String, String)>,
}

/// A window flow typed into the flow form (`#flow-form`), as typed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FlowForm {
    /// The window.
    pub window: String,
    /// The year, as typed.
    pub year: String,
    /// Public committed, public disbursed, private committed, private
    /// disbursed, as typed (empty: not given).
    pub amounts: [String; 4],
    /// The source.
    pub source: String,
    /// Every field's value by element id, put back if the entry is refused.
    pub draft: Vec<(String, String)>,
}

/// The field of a figure edited in the data view (`data-edit`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// The year.
    Year,
    /// The value.
    Value,
    /// The source.
    Source,
    /// The note.
    Note,
    /// Provisional or not.
    Provisional,
}

impl Field {
    /// Its name, as in the koers JSON and the page's `data-edit`.
    pub fn name(self) -> &'static str {
        match self {
            Field::Year => "year",
            Field::Value => "value",
            Field::Source => "source",
            Field::Note => "note",
            Field::Provisional => "provisional",
        }
    }

    fn parse(s: &str) -> Option<Field> {
        [
            Field::Year,
            Field::Value,
            Field::Source,
            Field::Note,
            Field::Provisional,
        ]
        .into_iter()
        .find(|f| f.name() == s)
    }
}

/// The codes of the scenario explorer's controls (`data-sc`), written by
/// the explorer and read by [`Msg::from_scenario`].
pub mod sc {
    /// A window's public budget.
    pub const PUBLIC: &str = "wp";
    /// A window's multiplier.
    pub const MULTIPLIER: &str = "wm";
    /// A window's reflows redeployed or not.
    pub const REFLOWS: &str = "wr";
    /// A course's pace.
    pub const PACE: &str = "cv";
    /// A course's kind.
    pub const KIND: &str = "ck";
    /// The scenario's name.
    pub const NAME: &str = "name";
    /// A revolving-model parameter (`data-id`: `loss`, `return`,
    /// `holding`, `lag`) or the last year of new budget (`until`).
    pub const REVOLVE: &str = "rv";
}

/// A change in the scenario explorer.
#[derive(Clone, Debug, PartialEq)]
pub enum ScMsg {
    /// A window's public budget, millions of euros.
    Public {
        /// The window's id.
        window: String,
        /// Millions of euros.
        millions: f64,
    },
    /// A window's multiplier.
    Multiplier {
        /// The window's id.
        window: String,
        /// The multiplier.
        value: f64,
    },
    /// Whether a window's reflows are redeployed.
    Reflows {
        /// The window's id.
        window: String,
        /// Redeployed.
        on: bool,
    },
    /// A course's pace (an inflow, a change, or growth in percent).
    Pace {
        /// The target's id.
        target: String,
        /// The value as typed or slid.
        value: f64,
        /// The first pace typed into an empty field: its slider appears, so
        /// the controls are drawn again.
        first: bool,
    },
    /// A course's kind: growth, or a fixed yearly amount.
    Kind {
        /// The target's id.
        target: String,
        /// Growth.
        growth: bool,
    },
    /// The pace the vision needs, for a course with none today.
    UseRequired(String),
    /// One of the revolving model's parameters.
    Revolve(RevolveParam, f64),
    /// The last year of new budget.
    DeployUntil(f64),
    /// The scenario's name.
    Name(String),
    /// Save the scenario in this browser, under the name typed (if any).
    Save(Option<String>),
    /// Open a saved scenario.
    Open(usize),
    /// Delete a saved scenario.
    Delete(usize),
    /// Offer the scenario and its outcome as JSON.
    Export,
    /// Back to the vision.
    Reset,
}

/// Everything that can happen to a dashboard.
#[derive(Clone, Debug, PartialEq)]
pub enum Msg {
    /// Undo this tab's last change.
    Undo,
    /// Redo what was undone.
    Redo,
    /// Show or hide every part's Embed button.
    ToggleEmbedding,
    /// The language switch: the choice is kept for the next visit.
    Lang(Lang),
    /// A mounted part's language, set by the page that mounted it.
    PartLang(Lang),
    /// A mounted part shows another part.
    ShowPart(Part),
    /// The address changed (full page): the route and the scenario query.
    Navigate {
        /// The view.
        route: Route,
        /// The scenario in the address, if any.
        query: Option<String>,
    },
    /// The add form sent.
    Add(AddForm),
    /// The flow form sent.
    AddFlow(FlowForm),
    /// A figure's field edited in the data view.
    Edit {
        /// The figure (its subject and year, not its row).
        key: Key,
        /// The field.
        field: Field,
        /// What was typed (`true` or empty for a checkbox).
        raw: String,
    },
    /// Delete a figure (an observation, or a flow when `key.flow`).
    Delete(Key),
    /// A conflict with another tab settled: this tab's version (`mine`) or
    /// the other's.
    Resolve {
        /// The figure.
        key: Key,
        /// Keep this tab's version.
        mine: bool,
    },
    /// Try storing again after a failed save.
    SaveRetry,
    /// Dismiss the report of an edit another tab made impossible.
    EditLostClose,
    /// Remove a copy of unreadable stored data.
    UnreadableRemove(String),
    /// Offer a copy of unreadable stored data as a file.
    UnreadableDownload(String),
    /// Reset asked: confirmed first.
    Reset,
    /// Reset confirmed: back to the vision's figures.
    ResetConfirmed,
    /// Offer the user's figures as CSV.
    ExportCsv,
    /// Offer the user's data as koers JSON.
    ExportJson,
    /// Load the example figures.
    Examples,
    /// The example figures' CSV arrived (`None`: it could not be fetched).
    ExamplesLoaded(Option<String>),
    /// Open the file chooser.
    ChooseFile,
    /// A file chosen for import: its name and size in bytes.
    ImportChosen {
        /// The file's name.
        name: String,
        /// Its size in bytes.
        size: f64,
    },
    /// The chosen file was read.
    ImportRead {
        /// The file's name.
        name: String,
        /// Its bytes.
        bytes: Vec<u8>,
    },
    /// Check the file read and take its figures in (after the page shows
    /// how many lines are being checked).
    ImportCheck {
        /// The file's name.
        name: String,
        /// Its bytes.
        bytes: Vec<u8>,
    },
    /// The chosen file could not be read.
    ImportFailed,
    /// Drop a file waiting for its mapping.
    ImportCancel,
    /// Take in a file waiting for its mapping.
    ImportConfirm,
    /// Map a column of a file waiting for its mapping to a subject.
    ImportMap {
        /// The column.
        column: usize,
        /// The subject's id (empty: not imported).
        subject: String,
    },
    /// Set a column's power of ten.
    ImportScale {
        /// The column.
        column: usize,
        /// The power of ten.
        scale: i32,
    },
    /// The breakdown shown beside the headline figures.
    Breakdown(String),
    /// Offer a table (by its element id) as CSV.
    TableCsv(String),
    /// Offer a chart (by its element id) as SVG.
    Svg(String),
    /// Offer a chart (by its element id) as PNG.
    Png(String),
    /// Open the Embed dialog.
    OpenEmbed(EmbedDialog),
    /// The Embed dialog's close button.
    CloseEmbed,
    /// The Embed dialog closed (its button or Escape).
    EmbedClosed,
    /// Copy a field's text (by its element id).
    Copy(String),
    /// The skip link: to the main content.
    Skip,
    /// One of the revolving model's parameters, on the money view.
    Revolve(RevolveParam, f64),
    /// A change in the scenario explorer.
    Scenario(ScMsg),
    /// A change in the scenario explorer while it is being made (a slider
    /// moving, a number being typed): the outcome follows at once; the
    /// address waits for the change to be made ([`Msg::Scenario`]).
    Sliding(ScMsg),
    /// Another tab stored the user's data: it was `old`, it is `new`.
    Stored {
        /// The value before.
        old: Option<String>,
        /// The value now.
        new: Option<String>,
    },
    /// Look at storage again after it was out of step with another tab.
    Resync,
    /// The copies of unreadable data kept aside changed.
    Unreadable(Vec<Kept>),
    /// The scenarios saved in this browser changed (another tab).
    SavedScenarios(Vec<Scenario>),
}

impl Msg {
    /// The action a button for this message carries (its `data-act` code
    /// is what [`Msg::from_click`] reads back); `None` for a message no
    /// button sends.
    pub fn act(&self) -> Option<Act> {
        Some(match self {
            Msg::Undo => Act::Undo,
            Msg::Redo => Act::Redo,
            Msg::ToggleEmbedding => Act::Embedding,
            Msg::Lang(_) => Act::Lang,
            Msg::Delete(k) if k.flow => Act::DeleteFlow,
            Msg::Delete(_) => Act::Delete,
            Msg::Resolve { mine: true, .. } => Act::ConflictMine,
            Msg::Resolve { .. } => Act::ConflictTheirs,
            Msg::SaveRetry => Act::SaveRetry,
            Msg::EditLostClose => Act::EditLostClose,
            Msg::UnreadableRemove(_) => Act::UnreadableRemove,
            Msg::UnreadableDownload(_) => Act::UnreadableDownload,
            Msg::Reset => Act::Reset,
            Msg::ExportCsv => Act::ExportCsv,
            Msg::ExportJson => Act::ExportJson,
            Msg::Examples => Act::Examples,
            Msg::ImportCancel => Act::ImportCancel,
            Msg::ImportConfirm => Act::ImportConfirm,
            Msg::ChooseFile => Act::ChooseFile,
            Msg::TableCsv(_) => Act::Csv,
            Msg::Svg(_) => Act::Svg,
            Msg::Png(_) => Act::Png,
            Msg::OpenEmbed(_) => Act::Embed,
            Msg::CloseEmbed => Act::EmbedClose,
            Msg::Copy(_) => Act::Copy,
            Msg::Skip => Act::Skip,
            Msg::Scenario(ScMsg::UseRequired(_)) => Act::ScRequired,
            Msg::Scenario(ScMsg::Reset) => Act::ScReset,
            Msg::Scenario(ScMsg::Save(_)) => Act::ScSave,
            Msg::Scenario(ScMsg::Open(_)) => Act::ScOpen,
            Msg::Scenario(ScMsg::Delete(_)) => Act::ScDelete,
            Msg::Scenario(ScMsg::Export) => Act::ScExport,
            _ => return None,
        })
    }

    /// Whether `act` is a code some button carries (the hidden file input's
    /// `import` included, which acts through its `change`).
    pub fn is_act(act: &str) -> bool {
        Act::parse(act).is_some()
    }

    /// The message of a click on an element with `data-act="{act}"`, its
    /// other attributes read with `attr`. The Embed dialog's starting
    /// height and the dashboard's address are the caller's to fill in
    /// (they are measured, not attributes). `None`: nothing to do (the
    /// file input's click, an attribute missing).
    pub fn from_click(act: &str, attr: &dyn Fn(&str) -> Option<String>) -> Option<Msg> {
        let key = |flow: bool| attr("data-key").and_then(|s| Key::parse(&s, flow));
        let target = || attr("data-target");
        let index = || attr("data-index").and_then(|s| s.parse::<usize>().ok());
        let id = || attr("data-id").unwrap_or_default();
        let act = Act::parse(act)?;
        Some(match act {
            Act::Undo => Msg::Undo,
            Act::Redo => Msg::Redo,
            Act::Embedding => Msg::ToggleEmbedding,
            Act::Lang => Msg::Lang(if attr("data-lang").as_deref() == Some("en") {
                Lang::En
            } else {
                Lang::Nl
            }),
            Act::Delete => Msg::Delete(key(false)?),
            Act::DeleteFlow => Msg::Delete(key(true)?),
            Act::ConflictMine | Act::ConflictTheirs => Msg::Resolve {
                key: key(attr("data-flow").as_deref() == Some("true"))?,
                mine: act == Act::ConflictMine,
            },
            Act::SaveRetry => Msg::SaveRetry,
            Act::EditLostClose => Msg::EditLostClose,
            Act::UnreadableRemove => Msg::UnreadableRemove(attr("data-key")?),
            Act::UnreadableDownload => Msg::UnreadableDownload(attr("data-key")?),
            Act::Reset => Msg::Reset,
            Act::ExportCsv => Msg::ExportCsv,
            Act::ExportJson => Msg::ExportJson,
            Act::Examples => Msg::Examples,
            Act::ImportCancel => Msg::ImportCancel,
            Act::ImportConfirm => Msg::ImportConfirm,
            Act::ChooseFile => Msg::ChooseFile,
            Act::Csv => Msg::TableCsv(target()?),
            Act::Svg => Msg::Svg(target()?),
            Act::Png => Msg::Png(target()?),
            Act::Embed => Msg::OpenEmbed(EmbedDialog {
                part: Part::parse(&attr("data-view").unwrap_or_default()),
                height: 480,
                base: None,
                opener: attr("id").unwrap_or_default(),
            }),
            Act::EmbedClose => Msg::CloseEmbed,
            Act::Copy => Msg::Copy(target()?),
            Act::Skip => Msg::Skip,
            Act::ScRequired => Msg::Scenario(ScMsg::UseRequired(id())),
            Act::ScReset => Msg::Scenario(ScMsg::Reset),
            // The name typed is the caller's to add (it is a field's value).
            Act::ScSave => Msg::Scenario(ScMsg::Save(None)),
            Act::ScOpen => Msg::Scenario(ScMsg::Open(index()?)),
            Act::ScDelete => Msg::Scenario(ScMsg::Delete(index()?)),
            Act::ScExport => Msg::Scenario(ScMsg::Export),
            _ => return None,
        })
    }

    /// The message of a scenario control (`data-sc="{sc}"`, `data-id` =
    /// `key`): `number` its value as a number (not finite: not a number),
    /// `checked` a checkbox's state, `text` its text; `paired` when it has
    /// a twin (a slider and its field); `input` for an `input` event (a
    /// slider moving), else a `change`.
    pub fn from_scenario(
        sc: &str,
        key: &str,
        number: f64,
        checked: bool,
        text: &str,
        paired: bool,
        input: bool,
    ) -> Option<Msg> {
        let finite = number.is_finite().then_some(number);
        let key = String::from(key);
        let m = match sc {
            sc::KIND if !input => ScMsg::Kind {
                target: key,
                growth: text == "g",
            },
            sc::REFLOWS if !input => ScMsg::Reflows {
                window: key,
                on: checked,
            },
            sc::NAME if !input => ScMsg::Name(text.trim().chars().take(80).collect()),
            sc::PUBLIC => ScMsg::Public {
                window: key,
                millions: finite.filter(|v| *v >= 0.0)?,
            },
            sc::MULTIPLIER => ScMsg::Multiplier {
                window: key,
                value: finite.filter(|v| *v >= 0.0)?,
            },
            // An empty field's first pace brings its slider when it is left.
            sc::PACE => ScMsg::Pace {
                target: key,
                value: finite?,
                first: !paired && !input,
            },
            // Whole numbers of years: applied on change.
            sc::REVOLVE if !input => match key.as_str() {
                "until" => ScMsg::DeployUntil(finite?),
                k => ScMsg::Revolve(RevolveParam::parse(k)?, finite?),
            },
            _ => return None,
        };
        Some(if input {
            Msg::Sliding(m)
        } else {
            Msg::Scenario(m)
        })
    }

    /// The message of an edited figure field (`data-edit="{field}"`,
    /// `data-key` = `key`), `raw` its text (`true` or empty for a
    /// checkbox).
    pub fn from_edit(field: &str, key: &str, raw: String) -> Option<Msg> {
        Some(Msg::Edit {
            key: Key::parse(key, false)?,
            field: Field::parse(field)?,
            raw,
        })
    }

    /// The message of a revolving-model field of the money view
    /// (`data-revolve="{name}"`).
    pub fn from_revolve(name: &str, v: f64) -> Option<Msg> {
        v.is_finite()
            .then_some(())
            .and(RevolveParam::parse(name))
            .map(|p| Msg::Revolve(p, v))
    }

    /// Which form (`data-form`) a submit sends: `Some(true)` the add form,
    /// `Some(false)` the flow form, `None` one that is not sent (the
    /// revolving model's fields apply as they change).
    pub fn from_form(form: &str) -> Option<bool> {
        match form {
            "add" => Some(true),
            "flow" => Some(false),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attrs<'a>(list: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            list.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| String::from(*v))
        }
    }

    #[test]
    fn every_button_code_reads_back_as_its_message() {
        let a = attrs(&[
            ("data-key", "T-x@2024"),
            ("data-target", "chart"),
            ("data-index", "2"),
            ("data-id", "T-x"),
            ("data-lang", "en"),
            ("data-view", "overview"),
        ]);
        for act in Act::ALL {
            assert_eq!(Act::parse(act.code()), Some(act));
            let m = Msg::from_click(act.code(), &a);
            if act == Act::Import {
                assert_eq!(m, None);
                continue;
            }
            let m = m.unwrap_or_else(|| panic!("{act:?} not read"));
            assert_eq!(m.act(), Some(act), "{m:?}");
        }
        assert_eq!(Msg::from_click("nonsense", &a), None);
        assert!(!Msg::is_act("nonsense"));
    }

    #[test]
    fn a_click_missing_its_figure_does_nothing() {
        let none = attrs(&[]);
        assert_eq!(Msg::from_click("delete", &none), None);
        assert_eq!(Msg::from_click("csv", &none), None);
        assert_eq!(Msg::from_click("lang", &none), Some(Msg::Lang(Lang::Nl)));
        let flow = attrs(&[("data-key", "w@2024"), ("data-flow", "true")]);
        assert_eq!(
            Msg::from_click("conflict-theirs", &flow),
            Some(Msg::Resolve {
                key: Key::flow("w", 2024),
                mine: false
            })
        );
    }

    #[test]
    fn scenario_controls() {
        let m = |sc, v, paired, input| Msg::from_scenario(sc, "k", v, false, "", paired, input);
        assert_eq!(m("rv", 3.0, false, true), None, "years apply on change");
        assert_eq!(m("rv", 3.0, false, false), None, "no such parameter");
        let rv = Msg::from_scenario("rv", "lag", 3.0, false, "", false, false);
        assert_eq!(
            rv,
            Some(Msg::Scenario(ScMsg::Revolve(RevolveParam::Lag, 3.0)))
        );
        assert_eq!(m("wp", -1.0, true, true), None);
        assert_eq!(m("cv", f64::NAN, false, false), None);
        assert_eq!(
            m("cv", 5.0, false, true),
            Some(Msg::Sliding(ScMsg::Pace {
                target: "k".into(),
                value: 5.0,
                first: false
            })),
            "typing in an empty field redraws the outcome only, while it is typed"
        );
        assert_eq!(
            m("cv", 5.0, false, false),
            Some(Msg::Scenario(ScMsg::Pace {
                target: "k".into(),
                value: 5.0,
                first: true
            }))
        );
        let name = Msg::from_scenario("name", "", f64::NAN, false, "  Plan B ", false, false);
        assert_eq!(name, Some(Msg::Scenario(ScMsg::Name("Plan B".into()))));
    }

    #[test]
    fn edits_and_forms() {
        assert_eq!(
            Msg::from_edit("value", "T-x@2024", "5".into()),
            Some(Msg::Edit {
                key: Key::obs("T-x", 2024),
                field: Field::Value,
                raw: "5".into()
            })
        );
        assert_eq!(Msg::from_edit("colour", "T-x@2024", "5".into()), None);
        assert_eq!(Msg::from_edit("value", "T-x", "5".into()), None);
        assert_eq!(
            Msg::from_revolve("loss", 30.0),
            Some(Msg::Revolve(RevolveParam::Loss, 30.0))
        );
        assert_eq!(Msg::from_revolve("loss", f64::NAN), None);
        assert_eq!(Msg::from_form("add"), Some(true));
        assert_eq!(Msg::from_form("flow"), Some(false));
        assert_eq!(Msg::from_form("revolve"), None);
    }
}
