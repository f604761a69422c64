//! Rows kept from one draw to the next (keyed reuse, as keyed lists in Elm
//! or React): a long table redrawn after one change builds only the rows
//! whose content changed, and gives the others again as the same values,
//! which the redraw ([`crate::dom`]) passes over. A row's key is everything
//! it shows, so a row is kept only when it would be built the same.

use std::cell::RefCell;
use std::collections::HashMap;
use std::string::String;

use crate::dom::H;

thread_local! {
    /// Per table (and dashboard instance): the rows of the last draw by key.
    static KEPT: RefCell<HashMap<String, HashMap<String, H>>> = RefCell::new(HashMap::new());
}

/// Forget the rows kept for the state `serial` (a dashboard taken away).
pub fn forget(serial: u64) {
    let at = ["@", &serial.to_string()].concat();
    KEPT.with(|k| k.borrow_mut().retain(|table, _| !table.ends_with(&at)));
}

/// The rows of one table for one draw: take the last draw's row for a key,
/// or build it; [`Rows::finish`] keeps this draw's rows for the next.
pub struct Rows {
    table: String,
    last: HashMap<String, H>,
    now: HashMap<String, H>,
}

impl Rows {
    /// Start a draw of `table` (an id unique to the table and the
    /// dashboard instance).
    pub fn start(table: String) -> Rows {
        let last = KEPT
            .with(|k| k.borrow_mut().remove(&table))
            .unwrap_or_default();
        Rows {
            table,
            last,
            now: HashMap::new(),
        }
    }

    /// The row for `key`: the last draw's when it had one, else `build()`.
    pub fn row(&mut self, key: String, build: impl FnOnce() -> H) -> H {
        let row = self.last.remove(&key).unwrap_or_else(build);
        self.now.insert(key, row.clone());
        row
    }

    /// Keep this draw's rows for the next; rows not drawn now are dropped.
    pub fn finish(self) {
        KEPT.with(|k| k.borrow_mut().insert(self.table, self.now));
    }
}
