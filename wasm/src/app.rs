//! The dashboard's state, all of it in Rust: the vision, what the user
//! entered, what core computed from both, the view, undo and redo. Every
//! change goes through [`App::commit`], which validates with core, records
//! undo, recomputes and saves.
//!
//! Two layers of figures: [`App::base`] is the vision with its published
//! figures (read from the static host at start, the same for every
//! visitor: `base.observations`, `base.window_flows`, with their
//! `sources`, `series` and `events`); [`App::data`] is what this visitor
//! entered in this browser (`data.obs`, `data.flows`). Core computes on
//! both, the published rows first ([`data::merged`]).
//! [`App::is_published`] and [`App::published_count`] tell them apart.

use std::vec::Vec;

use koers_core::assess::{self, IndicatorStatus, Rollup, TargetStatus};
use koers_core::finance::{self, Finding, WindowRow};
use koers_core::leverage::Totals;
use koers_core::model::{Dataset, Lang};
use koers_core::progress::Point;

use crate::data::{self, Problem, UserData};
use crate::history::History;
use crate::route::{Part, Route};
use crate::scenario::Scenario;

/// What core computed from the vision and the user's data.
#[derive(Debug, Default)]
pub struct Computed {
    /// Every target's assessment, in dataset order.
    pub targets: Vec<TargetStatus>,
    /// Every indicator's assessment.
    pub indicators: Vec<IndicatorStatus>,
    /// Roll-up per priority.
    pub priorities: Vec<Rollup>,
    /// Roll-up of the whole vision.
    pub vision: Rollup,
    /// Leverage per window.
    pub windows: Vec<WindowRow>,
    /// Do the vision's sums add up?
    pub findings: Vec<Finding>,
    /// Money counted once.
    pub totals: Totals,
}

/// The first year counted in window totals: the vision's publication year.
pub fn first_year(ds: &Dataset) -> i32 {
    let p = ds.vision.published.raw();
    p.get(..4)
        .and_then(|y| y.parse().ok())
        .unwrap_or(ds.vision.horizon_year)
}

/// Compute everything from the vision and (valid) user data.
pub fn compute(base: &Dataset<'static>, data: &UserData) -> Computed {
    let Ok(ds) = data::merged(base, data) else {
        return Computed::default();
    };
    let targets: Vec<TargetStatus> = assess::assess_all(&ds).into_iter().collect();
    let (priorities, vision) = assess::rollup_priorities(&ds, &targets);
    Computed {
        indicators: ds
            .indicators
            .iter()
            .map(|i| assess::assess_indicator(&ds, i))
            .collect(),
        priorities: priorities.into_iter().collect(),
        vision,
        windows: finance::window_rows(&ds).into_iter().collect(),
        findings: finance::findings(&ds).into_iter().collect(),
        totals: finance::totals(&ds, first_year(&ds)),
        targets,
    }
}

/// The points of one subject: published, then the user's.
pub fn published_and_users(base: &Dataset, data: &UserData, subject: &str) -> Vec<Point> {
    base.observations
        .iter()
        .filter(|o| o.subject == subject)
        .map(|o| Point::new(o.year, o.value))
        .chain(
            data.obs
                .iter()
                .filter(|o| o.subject == subject)
                .map(|o| Point::new(o.year, o.value)),
        )
        .collect()
}

/// Parameters of the revolving-capital model, as the reader set them.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Revolve {
    /// Share of deployed capital lost, percent.
    pub loss_pct: f64,
    /// Yearly return, percent.
    pub return_pct: f64,
    /// Holding period, years.
    pub holding: u32,
    /// Lag before redeployment, years.
    pub lag: u32,
}

impl Default for Revolve {
    fn default() -> Self {
        // Assumptions, not the vision's: shown and editable on the page.
        Revolve {
            loss_pct: 20.0,
            return_pct: 3.0,
            holding: 5,
            lag: 1,
        }
    }
}

/// Where and how the dashboard is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// The whole dashboard, owning the page and its address (index.html,
    /// the single-file koers.html): stores in localStorage.
    Page,
    /// One part in an iframe (embed.html): reports its height to the
    /// parent page; stores nothing.
    Frame,
    /// One part in a `<koers-dashboard>` element or mounted by the ES
    /// module API, in a shadow root on someone else's page: stores nothing,
    /// touches nothing outside its root.
    Element,
}

/// The Embed dialog, while open.
#[derive(Clone, Debug, PartialEq)]
pub struct EmbedDialog {
    /// The part to embed.
    pub part: Part,
    /// Its height on the page now, pixels (a starting height for the iframe).
    pub height: u32,
    /// Where the dashboard is served (ends with `/`); `None` from a file.
    pub base: Option<String>,
    /// The id of the button that opened it (focus goes back there).
    pub opener: String,
}

/// A message shown once after an action.
#[derive(Clone, Debug, PartialEq)]
pub struct Flash {
    /// True for a problem.
    pub error: bool,
    /// The text.
    pub text: String,
    /// Offer undo.
    pub undo: bool,
}

/// The whole state.
pub struct App {
    /// Interface language.
    pub lang: Lang,
    /// The view shown.
    pub route: Route,
    /// The vision and its published figures, loaded once for the page.
    pub base: &'static Dataset<'static>,
    /// What the user entered in this browser, on top of the published
    /// figures.
    pub data: UserData,
    /// What core computed.
    pub computed: Computed,
    /// Undo and redo.
    pub history: History<UserData>,
    /// The last action's message.
    pub flash: Option<Flash>,
    /// Problems of the last import or form entry, with where.
    pub problems: Vec<Problem>,
    /// Which part of the page the problems belong to (`add`, `flow`,
    /// `data`), so they are shown next to what caused them.
    pub problems_at: &'static str,
    /// What was typed into a form whose entry was refused, by element id:
    /// put back after the page is redrawn, so nothing typed is lost.
    pub draft: Vec<(String, String)>,
    /// Revolving-model parameters.
    pub revolve: Revolve,
    /// Stored data that could not be read, kept aside (never dropped).
    pub unreadable: bool,
    /// Where the dashboard is drawn.
    pub mode: Mode,
    /// The part drawn, outside [`Mode::Page`].
    pub part: Part,
    /// The full dashboard's address (links out of an embedded part open
    /// it); empty in [`Mode::Page`].
    pub home: String,
    /// The scenario being explored.
    pub scenario: Scenario,
    /// Scenarios saved in this browser.
    pub saved: Vec<Scenario>,
    /// The example figures' CSV when the page carries them (the single-file
    /// edition, which cannot fetch): else they are fetched on request.
    pub examples: Option<String>,
    /// The Embed dialog, while open.
    pub embed: Option<EmbedDialog>,
}

/// Where an action came from, for its message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    /// One figure added.
    Added,
    /// One figure edited.
    Edited,
    /// One figure deleted.
    Deleted,
    /// A file imported.
    Imported,
    /// The example figures loaded.
    Examples,
    /// Back to the vision's defaults.
    Reset,
}

impl App {
    /// A fresh state on `base` (the vision and its published figures) with
    /// `data` (already checked or empty).
    pub fn new(base: &'static Dataset<'static>, lang: Lang, route: Route, data: UserData) -> App {
        let data = if data::check(base, &data).is_ok() {
            data
        } else {
            UserData::default()
        };
        let computed = compute(base, &data);
        App {
            lang,
            route,
            base,
            data,
            computed,
            history: History::default(),
            flash: None,
            problems: Vec::new(),
            problems_at: "",
            draft: Vec::new(),
            revolve: Revolve::default(),
            unreadable: false,
            mode: Mode::Page,
            part: Part::Overview,
            home: String::new(),
            scenario: Scenario::default(),
            saved: Vec::new(),
            examples: None,
            embed: None,
        }
    }

    /// Whether this instance keeps what the user enters in localStorage.
    pub fn stores(&self) -> bool {
        self.mode == Mode::Page
    }

    /// Replace the user's data with `next` if core's validation passes:
    /// undo recorded, everything recomputed. On failure nothing changes and
    /// the problems are kept for the view. True when it was taken.
    pub fn commit(&mut self, next: UserData, change: Change) -> bool {
        if let Err(issues) = data::check(self.base, &next) {
            self.problems = data::problems(&issues);
            data::mark_published(self.base, &next, &mut self.problems);
            return false;
        }
        let before = core::mem::replace(&mut self.data, next);
        self.history.record(before);
        self.problems.clear();
        self.draft.clear();
        self.after_change();
        self.flash = Some(Flash {
            error: false,
            text: crate::i18n::change(self.lang, change, self.data.obs.len()),
            undo: true,
        });
        true
    }

    fn after_change(&mut self) {
        self.computed = compute(self.base, &self.data);
    }

    /// Undo the last change.
    pub fn undo(&mut self) -> bool {
        self.step(History::undo)
    }

    /// Redo the last undone change.
    pub fn redo(&mut self) -> bool {
        self.step(History::redo)
    }

    /// One step through the history: `Ok` with the data to show, or `Err`
    /// with the data handed back when there is nothing to step to.
    fn step(
        &mut self,
        go: fn(&mut History<UserData>, UserData) -> Result<UserData, UserData>,
    ) -> bool {
        let now = core::mem::take(&mut self.data);
        let (data, done) = match go(&mut self.history, now) {
            Ok(d) => (d, true),
            Err(d) => (d, false),
        };
        self.data = data;
        if done {
            self.after_change();
            self.flash = None;
        }
        done
    }

    /// The observed points of one subject: the published ones, then the
    /// user's, each in file or entry order.
    pub fn points(&self, subject: &str) -> Vec<Point> {
        published_and_users(self.base, &self.data, subject)
    }

    /// How many published figures (observations) there are.
    pub fn published_count(&self) -> usize {
        self.base.observations.len()
    }

    /// Whether the figure of `subject` for `year` is a published one (not
    /// the user's).
    pub fn is_published(&self, subject: &str, year: i32) -> bool {
        data::is_published(self.base, subject, year)
    }

    /// Whether any shown figure of `subject` (or any at all) is invented.
    pub fn illustrative(&self, subject: Option<&str>) -> bool {
        self.data
            .obs
            .iter()
            .any(|o| o.illustrative() && subject.is_none_or(|s| s == o.subject))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{escape, Obs};
    use koers_core::progress::Status;

    #[test]
    fn a_2026_figure_changes_the_technicians_status() {
        let mut app = App::new(
            data::test_base(None),
            Lang::Nl,
            Route::Overview,
            UserData::default(),
        );
        let i = app
            .base
            .targets
            .iter()
            .position(|t| t.id == "T-P5-technici-25000")
            .unwrap();
        assert_eq!(app.computed.targets[i].status, Status::NotAvailable);
        let mut next = app.data.clone();
        next.obs.push(Obs {
            subject: "T-P5-technici-25000".into(),
            year: 2026,
            value: 3000.0,
            source: escape("test"),
            note: None,
            provisional: false,
        });
        assert!(app.commit(next.clone(), Change::Added));
        assert_eq!(app.computed.targets[i].status, Status::ModerateProgress);
        // A second figure for the same year is refused and changes nothing.
        next.obs.push(next.obs[0].clone());
        assert!(!app.commit(next, Change::Added));
        assert_eq!(app.data.obs.len(), 1);
        assert!(!app.problems.is_empty());
        assert!(app.undo());
        assert_eq!(app.computed.targets[i].status, Status::NotAvailable);
        assert!(app.redo());
        assert_eq!(app.data.obs.len(), 1);
    }
}
