//! The dashboard's state changes: [`update`] takes the state and one
//! [`Msg`] and returns what must happen outside the state ([`Effect`]s:
//! store, download, address, focus, draw). Pure Rust: no DOM, no storage,
//! so every change is tested natively; `controller` performs the effects.

use std::boxed::Box;
use std::string::{String, ToString};
use std::vec::Vec;

use koers_core::load::{self, ErrorKind};
use koers_core::model::Lang;

use crate::app::{App, Flash, LostEdit, Mode, Step};
use crate::data::{self, escape, Obs, Problem};
use crate::history::Change;
use crate::i18n::{self, t};
use crate::msg::{AddForm, Field, FlowForm, Msg};
use crate::route::Route;
use crate::scenario::Scenario;
use crate::sync::Key;
use crate::tables;

mod explorer;
mod import;
#[cfg(test)]
mod tests;

/// What a change asks of the world outside the state, in order.
#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    /// Draw the view again.
    Draw,
    /// Draw the scenario's outcome and link only (the controls stay, a
    /// slider being dragged is never replaced).
    DrawOutcome,
    /// Store the user's data in this browser (merged with what another tab
    /// stored since).
    Save,
    /// Store the conflicts waiting for the user's choice.
    SaveConflicts,
    /// Store the saved scenarios ([`App::saved`]); a failure is said.
    SaveScenarios,
    /// Keep the interface language for the next visit.
    SaveLang(Lang),
    /// Merge what another tab stored (it was `old`, it is `new`), keeping
    /// what is being typed here.
    MergeStored(Option<String>, Option<String>),
    /// Look at storage again now.
    Resync,
    /// Remove a copy of unreadable data kept aside.
    RemoveCopy(String),
    /// Offer a copy of unreadable data kept aside as a file.
    DownloadCopy(String),
    /// Put this hash in the address without a history entry.
    ReplaceUrl(String),
    /// Move focus to the element with this id.
    Focus(String),
    /// Offer a text as a file.
    Download {
        /// The file's name.
        name: String,
        /// Its media type.
        mime: &'static str,
        /// Its text.
        text: String,
    },
    /// Offer a chart (by element id) as SVG.
    DownloadSvg(String),
    /// Offer a chart (by element id) as PNG.
    DownloadPng(String),
    /// Copy a field's text (by element id).
    Copy(String),
    /// Ask whether to reset; [`Msg::ResetConfirmed`] if so.
    ConfirmReset,
    /// Open the file chooser.
    ChooseFile,
    /// Read the file chosen; [`Msg::ImportRead`] or [`Msg::ImportFailed`].
    ReadFile,
    /// Fetch the example figures; [`Msg::ExamplesLoaded`].
    FetchExamples,
    /// Close the Embed dialog (its `close` event sends
    /// [`Msg::EmbedClosed`]).
    CloseEmbed,
    /// Send this message once the page has painted what it shows now.
    AfterPaint(Box<Msg>),
}

/// Apply `msg` to `app`; what else must happen, in order.
pub fn update(app: &mut App, msg: Msg) -> Vec<Effect> {
    use Effect as E;
    let mut fx = Vec::new();
    match msg {
        Msg::Undo => undo_redo(app, true, &mut fx),
        Msg::Redo => undo_redo(app, false, &mut fx),
        Msg::ToggleEmbedding => {
            app.embedding = !app.embedding;
            // Focus stays on the switch.
            fx.extend([E::Draw, E::Focus("embed-switch".into())]);
        }
        Msg::Lang(l) => {
            app.lang = l;
            app.flash = None;
            fx.extend([E::SaveLang(l), E::Draw, E::Focus("lang-switch".into())]);
        }
        Msg::PartLang(l) => {
            app.lang = l;
            fx.push(E::Draw);
        }
        Msg::ShowPart(part) => {
            app.route = part.route();
            app.part = part;
            fx.push(E::Draw);
        }
        Msg::Navigate { route, query } => {
            if route == Route::Scenario {
                match query {
                    Some(q) => app.scenario = Scenario::from_query(&q),
                    // Back on the explorer from the menu: the address shows
                    // the scenario still being explored.
                    None => {
                        app.route = Route::Scenario;
                        fx.extend(address(app).map(E::ReplaceUrl));
                    }
                }
            }
            app.route = route;
            app.flash = None;
            app.problems.clear();
            app.draft.clear();
            app.embed = None;
            fx.extend([E::Draw, E::Focus("page-title".into())]);
        }
        Msg::Add(form) => add(app, form, &mut fx),
        Msg::AddFlow(form) => add_flow(app, form, &mut fx),
        Msg::Edit { key, field, raw } => edit(app, key, field, raw, &mut fx),
        Msg::Delete(key) => {
            let mut next = app.data.clone();
            let before = next.obs.len() + next.flows.len();
            let hit = |id: &str, year: i32| id == key.id && year == key.year;
            if key.flow {
                next.flows.retain(|f| !hit(&f.window, f.year));
            } else {
                next.obs.retain(|o| !hit(&o.subject, o.year));
            }
            if next.obs.len() + next.flows.len() < before {
                commit(app, next, Change::Deleted, &mut fx);
            }
            fx.push(E::Draw);
        }
        Msg::Resolve { key, mine } => {
            if let Some(next) = app.resolve(&key, mine) {
                if mine {
                    commit(app, next, Change::Edited, &mut fx);
                } else {
                    app.flash = None;
                }
            }
            fx.extend([E::SaveConflicts, E::Draw]);
        }
        Msg::SaveRetry => fx.extend([E::Save, E::Draw]),
        Msg::EditLostClose => {
            app.edit_lost = None;
            fx.push(E::Draw);
        }
        Msg::UnreadableRemove(key) => fx.extend([E::RemoveCopy(key), E::Draw]),
        Msg::UnreadableDownload(key) => fx.push(E::DownloadCopy(key)),
        Msg::Unreadable(kept) => {
            app.unreadable = kept;
            fx.push(E::Draw);
        }
        Msg::SavedScenarios(saved) => {
            app.saved = saved;
            fx.push(E::Draw);
        }
        Msg::Stored { old, new } => fx.push(E::MergeStored(old, new)),
        Msg::Resync => fx.push(E::Resync),
        Msg::Reset => fx.push(E::ConfirmReset),
        Msg::ResetConfirmed => {
            commit(app, data::UserData::default(), Change::Reset, &mut fx);
            fx.push(E::Draw);
        }
        Msg::ExportCsv => fx.push(E::Download {
            name: "koers-observations.csv".into(),
            mime: "text/csv",
            text: data::export_csv(&app.data),
        }),
        Msg::ExportJson => fx.push(E::Download {
            name: "koers-dataset.json".into(),
            mime: "application/json",
            text: data::export_json(app.base, &app.data),
        }),
        Msg::Examples => match app.examples.clone() {
            Some(text) => import::examples_loaded(app, Some(text), &mut fx),
            None => fx.push(E::FetchExamples),
        },
        Msg::ExamplesLoaded(text) => import::examples_loaded(app, text, &mut fx),
        Msg::ChooseFile => fx.push(E::ChooseFile),
        Msg::ImportChosen { name, size } => import::import_chosen(app, name, size, &mut fx),
        Msg::ImportRead { name, bytes } => {
            let lines = bytes.iter().filter(|b| **b == b'\n').count()
                + usize::from(bytes.last().is_some_and(|b| *b != b'\n'));
            if let Some(i) = app.importing.as_mut() {
                i.lines = Some(lines);
            }
            // The page shows how many lines are being checked, then checks.
            fx.extend([
                E::Draw,
                E::AfterPaint(Box::new(Msg::ImportCheck { name, bytes })),
            ]);
        }
        Msg::ImportCheck { name, bytes } => import::take_in(app, &name, &bytes, &mut fx),
        Msg::ImportFailed => {
            app.importing = None;
            app.problems_at = "data";
            app.problems = std::vec![problem("", ErrorKind::Unreadable)];
            refused(app);
            fx.push(E::Draw);
        }
        Msg::ImportCancel => {
            app.pending = None;
            app.problems.clear();
            fx.push(E::Draw);
        }
        Msg::ImportConfirm => {
            app.problems_at = "data";
            if let Some(p) = app.pending.as_deref() {
                match p.apply(app.base, &app.data) {
                    Ok(next) => {
                        app.pending = None;
                        commit(app, next, Change::Imported, &mut fx);
                    }
                    Err(ps) => {
                        app.problems = ps;
                        refused(app);
                    }
                }
            }
            fx.push(E::Draw);
        }
        Msg::ImportMap { column, subject } => {
            if let Some(p) = app.pending.as_mut() {
                p.choose(column, &subject);
            }
            fx.push(E::Draw);
        }
        Msg::ImportScale { column, scale } => {
            if let Some(p) = app.pending.as_mut() {
                p.set_scale(column, scale);
            }
            fx.push(E::Draw);
        }
        Msg::Breakdown(b) => {
            app.breakdown = Some(b);
            fx.push(E::Draw);
        }
        Msg::TableCsv(id) => {
            // The rows of the presentation model, numbers unformatted: not
            // the page's text.
            if let Some(table) = tables::shown_table(app, &id) {
                fx.push(E::Download {
                    name: [id.as_str(), ".csv"].concat(),
                    mime: "text/csv",
                    text: table.csv(app.lang),
                });
            }
        }
        Msg::Svg(id) => fx.push(E::DownloadSvg(id)),
        Msg::Png(id) => fx.push(E::DownloadPng(id)),
        Msg::OpenEmbed(d) => {
            app.embed = Some(d);
            fx.extend([E::Draw, E::Focus("embed-iframe".into())]);
        }
        Msg::CloseEmbed => fx.push(E::CloseEmbed),
        Msg::EmbedClosed => {
            // Focus goes back to the button that opened it.
            let opener = app.embed.take().map(|d| d.opener);
            fx.push(E::Draw);
            fx.extend(opener.map(E::Focus));
        }
        Msg::Copy(id) => fx.push(E::Copy(id)),
        Msg::Skip => fx.push(E::Focus("main".into())),
        Msg::Revolve(p, v) => {
            app.scenario.revolve.set(p, v);
            fx.push(E::Draw);
        }
        Msg::Scenario(m) => explorer::update(app, m, &mut fx),
        Msg::Sliding(m) => {
            // The address is replaced once the change is made: a browser
            // refuses a page that replaces it hundreds of times a second.
            explorer::update(app, m, &mut fx);
            fx.retain(|e| !matches!(e, Effect::ReplaceUrl(_)));
        }
    }
    fx
}

/// The address that shows the scenario being explored, on the full page's
/// explorer (`None` elsewhere: an embedded part owns no address).
pub fn address(app: &App) -> Option<String> {
    if app.mode != Mode::Page || app.route != Route::Scenario {
        return None;
    }
    let q = app.scenario.to_query();
    Some(if q.is_empty() {
        "#/scenario".to_string()
    } else {
        ["#/scenario?", &q].concat()
    })
}

fn problem(field: &str, kind: ErrorKind) -> Problem {
    Problem {
        line: None,
        field: field.into(),
        index: None,
        table: None,
        kind,
        published: false,
    }
}

/// Say that a change was refused and nothing changed.
fn refused(app: &mut App) {
    app.flash = Some(Flash {
        error: true,
        text: [
            t(app.lang, i18n::PROBLEMS_TITLE),
            " ",
            t(app.lang, i18n::NOTHING_CHANGED),
        ]
        .concat(),
        undo: false,
    });
}

/// Take `next` as the user's data if it is valid (and store it), else say
/// it was refused.
fn commit(app: &mut App, next: data::UserData, change: Change, fx: &mut Vec<Effect>) {
    if app.commit(next, change) {
        fx.push(Effect::Save);
    } else {
        refused(app);
    }
}

fn add(app: &mut App, f: AddForm, fx: &mut Vec<Effect>) {
    fx.push(Effect::Draw);
    app.problems_at = "add";
    app.draft = f.draft;
    let mut ps = Vec::new();
    let y = load::parse_year(&f.year);
    if y.is_none() {
        ps.push(problem("year", ErrorKind::NotANumber));
    }
    let v = match data::read_number(&f.value, app.lang, data::unit_of(app.base, &f.subject)) {
        Ok(v) => Some(v),
        Err(kind) => {
            ps.push(problem("value", kind));
            None
        }
    };
    if refused_form(app, ps, &f.source) {
        return;
    }
    let mut next = app.data.clone();
    next.obs.push(Obs {
        subject: f.subject,
        year: y.unwrap_or_default(),
        value: v.unwrap_or_default(),
        source: escape(f.source.trim()),
        note: (!f.note.trim().is_empty()).then(|| escape(f.note.trim())),
        provisional: f.provisional,
    });
    commit(app, next, Change::Added, fx);
}

/// A form's problems, with a missing source among them: when there are
/// any, they are shown beside the form (which keeps what was typed) and
/// the entry is refused (true).
fn refused_form(app: &mut App, mut ps: Vec<Problem>, source: &str) -> bool {
    if source.trim().is_empty() {
        ps.push(problem("source", ErrorKind::Empty));
    }
    if ps.is_empty() {
        return false;
    }
    app.problems = ps;
    app.flash = None;
    true
}

fn add_flow(app: &mut App, f: FlowForm, fx: &mut Vec<Effect>) {
    fx.push(Effect::Draw);
    app.problems_at = "flow";
    app.draft = f.draft;
    let mut ps = Vec::new();
    let y = load::parse_year(&f.year);
    if y.is_none() {
        ps.push(problem("year", ErrorKind::NotANumber));
    }
    let fields = [
        "public_committed",
        "public_disbursed",
        "private_committed",
        "private_disbursed",
    ];
    let mut v = [None; 4];
    for (k, a) in f.amounts.iter().enumerate() {
        if a.trim().is_empty() {
            continue;
        }
        match data::read_number(a, app.lang, Some(koers_core::model::Unit::Eur)) {
            Ok(x) => v[k] = Some(x),
            Err(kind) => ps.push(problem(fields[k], kind)),
        }
    }
    if refused_form(app, ps, &f.source) {
        return;
    }
    let mut next = app.data.clone();
    next.flows.push(data::Flow {
        window: f.window,
        year: y.unwrap_or_default(),
        public_committed: v[0],
        public_disbursed: v[1],
        private_committed: v[2],
        private_disbursed: v[3],
        source: escape(f.source.trim()),
    });
    commit(app, next, Change::Added, fx);
}

fn edit(app: &mut App, key: Key, field: Field, raw: String, fx: &mut Vec<Effect>) {
    fx.push(Effect::Draw);
    app.problems_at = "data";
    let mut next = app.data.clone();
    // The figure is found by its subject and year, not its row: another tab
    // may have added or deleted rows above it since the page was drawn.
    let Some(k) = next
        .obs
        .iter()
        .position(|o| o.subject == key.id && o.year == key.year)
    else {
        app.edit_lost = Some(LostEdit {
            key,
            field: field.name().into(),
            typed: raw,
        });
        return;
    };
    let o = &mut next.obs[k];
    let mut wrong = ErrorKind::NotANumber;
    let ok = match field {
        Field::Year => load::parse_year(&raw).map(|y| o.year = y).is_some(),
        Field::Value => {
            match data::read_number(&raw, app.lang, data::unit_of(app.base, &o.subject)) {
                Ok(v) => {
                    o.value = v;
                    true
                }
                Err(kind) => {
                    wrong = kind;
                    false
                }
            }
        }
        Field::Source => {
            o.source = escape(raw.trim());
            true
        }
        Field::Note => {
            o.note = (!raw.trim().is_empty()).then(|| escape(raw.trim()));
            true
        }
        Field::Provisional => {
            o.provisional = !raw.is_empty();
            true
        }
    };
    if ok {
        // A new year is a new place for the figure: focus follows it.
        let moved = (field == Field::Year)
            .then(|| ["e-year-", o.subject.as_str(), "-", &o.year.to_string()].concat());
        commit(app, next, Change::Edited, fx);
        fx.extend(moved.map(Effect::Focus));
    } else {
        app.problems = std::vec![Problem {
            index: Some(k),
            ..problem(
                &["observations[", &k.to_string(), "].", field.name()].concat(),
                wrong
            )
        }];
        refused(app);
    }
}

const UNDONE_EXCEPT: i18n::S = [
    "Ongedaan gemaakt, behalve wat een ander tabblad intussen aan hetzelfde cijfer veranderde (dat blijft): ",
    "Undone, except what another tab has since changed in the same figure (that stays): ",
];
const NOT_UNDONE: i18n::S = [
    "Niet ongedaan gemaakt: een ander tabblad heeft dit cijfer intussen veranderd, en dat blijft. Aantal: ",
    "Not undone: another tab has changed this figure since, and that stays. Figures: ",
];

fn undo_redo(app: &mut App, undo: bool, fx: &mut Vec<Effect>) {
    let step = if undo { app.undo() } else { app.redo() };
    let l = app.lang;
    let text = match step {
        Step::Done {
            applied: 0,
            skipped,
        } if skipped > 0 => [t(l, NOT_UNDONE), &skipped.to_string()].concat(),
        Step::Done { skipped, .. } if skipped > 0 => {
            [t(l, UNDONE_EXCEPT), &skipped.to_string()].concat()
        }
        Step::Done { .. } => t(l, if undo { i18n::UNDONE } else { i18n::REDONE }).into(),
        Step::Nothing => t(
            l,
            if undo {
                i18n::NOTHING_TO_UNDO
            } else {
                i18n::NOTHING_TO_REDO
            },
        )
        .into(),
        Step::Refused => [t(l, i18n::PROBLEMS_TITLE), " ", t(l, i18n::NOTHING_CHANGED)].concat(),
    };
    app.flash = Some(Flash {
        error: matches!(step, Step::Refused),
        text,
        undo: false,
    });
    if matches!(step, Step::Done { .. }) {
        fx.push(Effect::Save);
    }
    fx.push(Effect::Draw);
}
