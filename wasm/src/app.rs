//! The dashboard's state, all of it in Rust: the vision, what the user
//! entered, what core computed from both, the view, undo and redo. Every
//! change goes through [`App::commit`], which validates with core, records
//! undo (as a patch, [`crate::sync`]), recomputes and saves.
//!
//! Other tabs of the same browser store too: [`App::merge_in`] merges what
//! another tab stored into this tab's data record by record, and keeps what
//! both changed differently in [`App::conflicts`] for the user to choose.
//!
//! Two layers of figures: [`App::base`] is the vision with its published
//! figures (read from the static host at start, the same for every
//! visitor: `base.observations`, `base.window_flows`, with their
//! `sources`, `series` and `events`); [`App::data`] is what this visitor
//! entered in this browser (`data.obs`, `data.flows`). Core computes on
//! both, the published rows first ([`data::merged`]).
//! [`App::is_published`] and [`App::published_count`] tell them apart.

use std::vec::Vec;

use koers_core::model::{Dataset, Lang};
use koers_core::present::{self, Overview};
use koers_core::progress::Point;

use crate::data::{self, Problem, UserData};
use crate::history::Change;
use crate::history::History;
use crate::route::{Part, Route};
use crate::scenario::Scenario;
use crate::store::Kept;
use crate::sync::{self, Conflict, Key, Patch, Rec};

/// What core computed from the vision and the user's data: core's
/// presentation model ([`koers_core::present`]), the same the CLI report
/// lays out.
pub type Computed = Overview;

pub use koers_core::present::first_year;

/// Compute everything from the vision and (valid) user data.
pub fn compute(base: &Dataset<'static>, data: &UserData) -> Computed {
    match data::merged(base, data) {
        Ok(ds) => present::overview(&ds),
        Err(_) => Computed::default(),
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

/// An import under way: shown (with a progress bar) from the moment a file
/// is chosen until its figures are in or refused, so a large file never
/// leaves the page frozen without a word.
#[derive(Clone, Debug, PartialEq)]
pub struct Importing {
    /// The file's name.
    pub name: String,
    /// Its size in bytes.
    pub bytes: f64,
    /// `None` while the file is read; then its number of lines, while they
    /// are checked and taken in.
    pub lines: Option<usize>,
}

/// A figure that was being edited here when another tab deleted it.
#[derive(Clone, Debug, PartialEq)]
pub struct LostEdit {
    /// The figure.
    pub key: Key,
    /// The field being edited.
    pub field: String,
    /// What was typed in it (not saved).
    pub typed: String,
}

/// What an undo or redo did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    /// Nothing to undo (or redo).
    Nothing,
    /// Done; `skipped` figures were left as they are because another tab
    /// changed them since (`kept` of them, when nothing else was done).
    Done {
        /// Figures of the step applied.
        applied: usize,
        /// Figures of the step another tab changed since: left alone.
        skipped: usize,
    },
    /// The result would not be valid data: nothing changed.
    Refused,
}

std::thread_local! {
    static SERIAL: core::cell::Cell<u64> = const { core::cell::Cell::new(0) };
}

/// A number no state had before.
fn next_serial() -> u64 {
    SERIAL.with(|s| {
        s.set(s.get().wrapping_add(1));
        s.get()
    })
}

/// The whole state.
pub struct App {
    /// This state's own number, never another's (what a view keeps from one
    /// draw to the next is kept under it).
    pub serial: u64,
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
    /// Undo and redo: this tab's own changes, record by record.
    pub history: History<Patch>,
    /// What this tab last read from or wrote to storage: the common
    /// ancestor when merging what another tab stored since.
    pub stored: UserData,
    /// Records this tab and another changed differently, waiting for the
    /// user's choice (the other tab's version is the one in `data`).
    pub conflicts: Vec<Conflict>,
    /// The last save in this browser failed (storage full or disabled):
    /// said on every view until a save succeeds.
    pub save_failed: bool,
    /// An import under way.
    pub importing: Option<Importing>,
    /// The reader asked to embed parts: every part shows its Embed button
    /// (hidden otherwise, so the content has the screen).
    pub embedding: bool,
    /// A figure being edited here that another tab deleted, with what was
    /// typed: reported until the next change.
    pub edit_lost: Option<LostEdit>,
    /// Storage was out of step after another tab's write: look again a
    /// moment later ([`App::resync`]).
    pub resync: bool,
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
    /// Unreadable stored data kept aside, each copy until the user removes
    /// it.
    pub unreadable: Vec<Kept>,
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
    /// An SDMX-CSV or StatLine file read, waiting for its mapping.
    pub pending: Option<Box<crate::statimport::Pending>>,
    /// The breakdown shown beside a subject's headline figures.
    pub breakdown: Option<String>,
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
            serial: next_serial(),
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
            unreadable: Vec::new(),
            stored: UserData::default(),
            conflicts: Vec::new(),
            save_failed: false,
            importing: None,
            embedding: false,
            edit_lost: None,
            resync: false,
            mode: Mode::Page,
            part: Part::Overview,
            home: String::new(),
            scenario: Scenario::default(),
            saved: Vec::new(),
            examples: None,
            embed: None,
            pending: None,
            breakdown: None,
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
        // Checked and assessed on one merge of the published figures and
        // the user's.
        let computed = match data::checked(self.base, &next) {
            Ok(ds) => present::overview(&ds),
            Err(issues) => {
                self.problems = data::problems(&issues);
                data::mark_published(self.base, &next, &mut self.problems);
                return false;
            }
        };
        let patch = sync::diff(&self.data, &next);
        if !patch.is_empty() {
            self.history.record(patch);
        }
        self.data = next;
        self.problems.clear();
        self.draft.clear();
        self.edit_lost = None;
        self.computed = computed;
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

    /// Undo this tab's last change: its inverse applied to the data as it
    /// is now, so whatever another tab did since stays.
    pub fn undo(&mut self) -> Step {
        self.step(false)
    }

    /// Redo the last change undone here.
    pub fn redo(&mut self) -> Step {
        self.step(true)
    }

    fn step(&mut self, forward: bool) -> Step {
        let taken = if forward {
            self.history.take_redo()
        } else {
            self.history.take_undo()
        };
        let Some(patch) = taken else {
            return Step::Nothing;
        };
        let (next, applied, skipped) = sync::apply(&self.data, &patch, forward);
        if data::check(self.base, &next).is_err() {
            // Put it back: nothing changed.
            if forward {
                self.history.undone(patch);
            } else {
                self.history.redone(patch);
            }
            return Step::Refused;
        }
        let done = Step::Done {
            applied: applied.len(),
            skipped: skipped.len(),
        };
        if !applied.is_empty() {
            if forward {
                self.history.redone(applied);
            } else {
                self.history.undone(applied);
            }
        }
        self.data = next;
        self.after_change();
        self.flash = None;
        self.edit_lost = None;
        done
    }

    /// Merge what another tab stored (`theirs`, changed from `ancestor`)
    /// into this tab's data: see [`sync::merge`]. Records both changed
    /// differently are added to [`App::conflicts`]. True when this tab's
    /// data changed.
    pub fn merge_in(&mut self, ancestor: &UserData, theirs: &UserData) -> bool {
        let (next, conflicts) = sync::merge(ancestor, theirs, &self.data);
        if data::check(self.base, &next).is_err() {
            // Both layers valid but not together (too many figures): keep
            // this tab's, with theirs asked about record by record.
            let (_, all) = sync::merge(&UserData::default(), theirs, &self.data);
            for c in all {
                self.add_conflict(c);
            }
            return false;
        }
        for c in conflicts {
            self.add_conflict(c);
        }
        // A conflict the other tab has since settled the same way is gone.
        self.conflicts
            .retain(|c| sync::find(&next, &c.key) != c.mine);
        let changed = !sync::same(&next, &self.data);
        if changed {
            self.data = next;
            self.after_change();
        }
        changed
    }

    /// Before a save: if another tab stored something since this tab last
    /// looked (`current`, what storage holds now), merge it in first, so
    /// the save writes both tabs' changes.
    pub fn before_save(&mut self, current: &UserData) {
        if !sync::same(current, &self.stored) {
            let ancestor = core::mem::replace(&mut self.stored, current.clone());
            self.merge_in(&ancestor, current);
        }
    }

    /// Another tab stored: `old` became `new`; storage holds `current` now.
    /// Merge that change in. True when this tab should now store its data
    /// (if it differs from `current`): storage is at `new`, or at this
    /// tab's own last write, which came after `new` without it. Else
    /// storage has moved on with a write whose event is still to come, and
    /// writing now would undo it.
    pub fn on_stored(&mut self, old: &UserData, new: &UserData, current: &UserData) -> bool {
        self.merge_in(old, new);
        let in_step = sync::same(current, new);
        if in_step {
            self.stored = current.clone();
        } else {
            // Storage holds something else: this tab's own write, which
            // came after `new` without it (then this tab must store the
            // merge, or the other tab's change is lost), or a later write
            // whose event is still to come (then storing now would undo
            // it). Which one shows when no event follows: [`App::resync`]
            // a moment later.
            self.resync = true;
        }
        in_step
    }

    /// A moment after storage was found out of step: merge what it holds
    /// now and say whether to store (the caller then writes if the data
    /// differs). False when there was nothing to do.
    pub fn resync(&mut self, current: &UserData) -> bool {
        if !core::mem::take(&mut self.resync) {
            return false;
        }
        self.before_save(current);
        true
    }

    /// Whether the data must be written: it differs from what storage holds
    /// (`current`).
    pub fn must_write(&self, current: &UserData) -> bool {
        !sync::same(&self.data, current)
    }

    /// A save succeeded (or was not needed: storage holds `data`).
    pub fn saved(&mut self) {
        self.stored = self.data.clone();
        self.save_failed = false;
    }

    fn add_conflict(&mut self, c: Conflict) {
        // Asked about once per record: this tab's first version is kept.
        match self.conflicts.iter_mut().find(|x| x.key == c.key) {
            Some(x) => x.theirs = c.theirs,
            None => self.conflicts.push(c),
        }
    }

    /// The data with the conflict on `key` settled: this tab's version
    /// (`mine`) or the other tab's (already in the data). `None` when there
    /// is no such conflict; the caller commits the data (so it can be
    /// undone) and the conflict is gone.
    pub fn resolve(&mut self, key: &Key, mine: bool) -> Option<UserData> {
        let i = self.conflicts.iter().position(|c| c.key == *key)?;
        let c = self.conflicts.remove(i);
        if !mine {
            return Some(self.data.clone());
        }
        let mut next = self.data.clone();
        let at = |d: &UserData| match &c.mine {
            Some(Rec::Flow(_)) => d.flows.len(),
            _ => d.obs.len(),
        };
        let now = sync::find(&next, key);
        let patch = [sync::Delta {
            key: key.clone(),
            before: now,
            after: c.mine.clone(),
            at_before: at(&next),
            at_after: at(&next),
        }];
        next = sync::apply(&next, &patch, true).0;
        Some(next)
    }

    /// The observed points of one subject: the published ones, then the
    /// user's, each in file or entry order.
    pub fn points(&self, subject: &str) -> Vec<Point> {
        data::published_and_users(self.base, &self.data, subject)
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
    use crate::sync::{Key, Rec};
    use koers_core::progress::Status;

    const T: &str = "T-P5-technici-25000";
    const I: &str = "I-P5-uitstroom-naar-sector";

    fn obs(subject: &str, year: i32, value: f64) -> Obs {
        Obs {
            subject: subject.into(),
            year,
            value,
            source: escape("test"),
            note: None,
            provisional: false,
        }
    }

    /// One browser's localStorage key and its `storage` events: each write
    /// is seen by every other tab as (old value, new value).
    #[derive(Default)]
    struct Browser {
        value: UserData,
        events: Vec<(usize, UserData, UserData)>,
    }

    impl Browser {
        fn write(&mut self, from: usize, tabs: usize, v: UserData) {
            let old = core::mem::replace(&mut self.value, v.clone());
            for t in (0..tabs).filter(|t| *t != from) {
                self.events.push((t, old.clone(), v.clone()));
            }
        }
    }

    fn tab() -> App {
        App::new(
            data::test_base(None),
            Lang::Nl,
            Route::Overview,
            UserData::default(),
        )
    }

    /// What the controller does on a save: read, merge, write.
    fn save(b: &mut Browser, me: usize, app: &mut App) {
        let current = b.value.clone();
        app.before_save(&current);
        if app.must_write(&current) {
            b.write(me, 2, app.data.clone());
        }
        app.saved();
    }

    /// What the controller does on a `storage` event.
    fn event(b: &mut Browser, me: usize, app: &mut App, old: &UserData, new: &UserData) {
        let current = b.value.clone();
        if app.on_stored(old, new, &current) {
            if app.must_write(&current) {
                b.write(me, 2, app.data.clone());
            }
            app.saved();
        }
    }

    fn settle(b: &mut Browser, tabs: &mut [App; 2]) {
        for _ in 0..100 {
            if b.events.is_empty() {
                // The events are handled: each tab's look a moment later.
                for (t, app) in tabs.iter_mut().enumerate() {
                    let current = b.value.clone();
                    if app.resync(&current) {
                        if app.must_write(&current) {
                            b.write(t, 2, app.data.clone());
                        }
                        app.saved();
                    }
                }
                if b.events.is_empty() {
                    return;
                }
                continue;
            }
            let (t, old, new) = b.events.remove(0);
            event(b, t, &mut tabs[t], &old, &new);
        }
        panic!("the tabs keep writing: {:?}", b.value);
    }

    fn add(app: &mut App, o: Obs) {
        let mut next = app.data.clone();
        next.obs.push(o);
        assert!(app.commit(next, Change::Added));
    }

    #[test]
    fn two_tabs_saving_at_once_keep_both_figures() {
        for first in [0, 1] {
            let mut b = Browser::default();
            let mut tabs = [tab(), tab()];
            // Both read the same (empty) storage, then both write: the
            // browser applies `first`'s write first, the other's after it.
            add(&mut tabs[0], obs(T, 2026, 1.0));
            add(&mut tabs[1], obs(I, 2026, 2.0));
            let second = 1 - first;
            for t in [first, second] {
                let v = tabs[t].data.clone();
                b.write(t, 2, v);
                tabs[t].saved();
            }
            settle(&mut b, &mut tabs);
            for app in &tabs {
                assert!(sync::same(&app.data, &b.value), "{first}");
                assert!(app.conflicts.is_empty());
            }
            assert_eq!(b.value.obs.len(), 2, "{first}");
        }
    }

    #[test]
    fn a_true_conflict_is_asked_and_nothing_is_dropped() {
        let mut b = Browser::default();
        let mut tabs = [tab(), tab()];
        add(&mut tabs[0], obs(T, 2026, 3000.0));
        add(&mut tabs[1], obs(T, 2026, 4000.0));
        for t in [0, 1] {
            let v = tabs[t].data.clone();
            b.write(t, 2, v);
            tabs[t].saved();
        }
        settle(&mut b, &mut tabs);
        // Tab 1 wrote last, from stale data: it is the one that asks; the
        // stored value is tab 0's, and tab 1's is in its question.
        assert!(tabs[0].conflicts.is_empty());
        assert_eq!(tabs[1].conflicts.len(), 1);
        assert_eq!(b.value.obs, [obs(T, 2026, 3000.0)]);
        assert_eq!(
            tabs[1].conflicts[0].mine,
            Some(Rec::Obs(obs(T, 2026, 4000.0)))
        );
        // Keep tab 1's: stored, and tab 0 follows.
        let key = Key::obs(T, 2026);
        let next = tabs[1].resolve(&key, true).unwrap();
        assert!(tabs[1].commit(next, Change::Edited));
        save(&mut b, 1, &mut tabs[1]);
        settle(&mut b, &mut tabs);
        assert_eq!(b.value.obs, [obs(T, 2026, 4000.0)]);
        assert_eq!(tabs[0].data.obs, [obs(T, 2026, 4000.0)]);
        assert!(tabs[1].conflicts.is_empty());
    }

    #[test]
    fn undo_in_one_tab_keeps_the_other_tabs_figure() {
        let mut b = Browser::default();
        let mut tabs = [tab(), tab()];
        add(&mut tabs[0], obs(T, 2026, 3000.0));
        save(&mut b, 0, &mut tabs[0]);
        settle(&mut b, &mut tabs);
        add(&mut tabs[1], obs(T, 2027, 4000.0));
        save(&mut b, 1, &mut tabs[1]);
        settle(&mut b, &mut tabs);
        assert_eq!(tabs[0].data.obs.len(), 2);
        assert_eq!(
            tabs[0].undo(),
            Step::Done {
                applied: 1,
                skipped: 0
            }
        );
        save(&mut b, 0, &mut tabs[0]);
        settle(&mut b, &mut tabs);
        assert_eq!(b.value.obs, [obs(T, 2027, 4000.0)]);
        assert_eq!(tabs[1].data.obs, [obs(T, 2027, 4000.0)]);
        // Tab 1 edits its figure; tab 0's redo brings back only its own.
        assert!(matches!(tabs[0].redo(), Step::Done { applied: 1, .. }));
        save(&mut b, 0, &mut tabs[0]);
        settle(&mut b, &mut tabs);
        assert!(sync::same(
            &b.value,
            &UserData {
                obs: std::vec![obs(T, 2026, 3000.0), obs(T, 2027, 4000.0)],
                flows: Vec::new()
            }
        ));
    }

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
        assert_eq!(
            app.undo(),
            Step::Done {
                applied: 1,
                skipped: 0
            }
        );
        assert_eq!(app.computed.targets[i].status, Status::NotAvailable);
        assert!(matches!(app.redo(), Step::Done { applied: 1, .. }));
        assert_eq!(
            app.undo(),
            Step::Done {
                applied: 1,
                skipped: 0
            }
        );
        assert!(matches!(app.undo(), Step::Nothing));
        assert!(app.data.obs.is_empty());
    }
}
