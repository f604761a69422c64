//! Rows kept from one draw to the next (keyed reuse, as keyed lists in Elm
//! or React): a long table redrawn after one change builds only the rows
//! whose content changed, and gives the others again as the same values,
//! which the redraw ([`crate::dom`]) passes over. A row is kept when the
//! row at its place showed the same last time (its key: everything it
//! shows, compared without building anything).

use std::any::Any;
use std::boxed::Box;
use std::cell::RefCell;
use std::collections::HashMap;
use std::string::{String, ToString};
use std::vec::Vec;

use crate::dom::H;

thread_local! {
    /// Per table (and dashboard instance): the rows of the last draw, in
    /// order, with their keys.
    static KEPT: RefCell<HashMap<String, Box<dyn Any>>> = RefCell::new(HashMap::new());
}

/// Forget the rows kept for the state `serial` (a dashboard taken away).
pub fn forget(serial: u64) {
    let at = ["@", &serial.to_string()].concat();
    KEPT.with(|k| k.borrow_mut().retain(|table, _| !table.ends_with(&at)));
}

/// The rows of one table for one draw, keyed by `K`: keep the last draw's
/// row at the same place when its key is the same, or build it;
/// [`Rows::finish`] keeps this draw's rows for the next.
pub struct Rows<K: 'static> {
    table: String,
    last: Vec<Option<(K, H)>>,
    now: Vec<Option<(K, H)>>,
}

impl<K: 'static> Rows<K> {
    /// Start a draw of `table` (an id unique to the table and the
    /// dashboard instance).
    pub fn start(table: String) -> Rows<K> {
        let last = KEPT
            .with(|k| k.borrow_mut().remove(&table))
            .and_then(|b| b.downcast::<Vec<Option<(K, H)>>>().ok())
            .map(|b| *b)
            .unwrap_or_default();
        Rows {
            table,
            last,
            now: Vec::new(),
        }
    }

    /// The next row: the last draw's row at this place when `same` says
    /// its key is this row's, else `build()` (and `key()` kept with it).
    pub fn row(
        &mut self,
        same: impl FnOnce(&K) -> bool,
        key: impl FnOnce() -> K,
        build: impl FnOnce() -> H,
    ) -> H {
        let at = self.now.len();
        let kept = self
            .last
            .get_mut(at)
            .and_then(Option::take)
            .filter(|(old, _)| same(old));
        let (key, row) = kept.unwrap_or_else(|| (key(), build()));
        self.now.push(Some((key, row.clone())));
        row
    }

    /// Keep this draw's rows for the next; rows not drawn now are dropped.
    pub fn finish(self) {
        KEPT.with(|k| k.borrow_mut().insert(self.table, Box::new(self.now)));
    }
}
