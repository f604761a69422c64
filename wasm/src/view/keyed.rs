//! Rows kept from one draw to the next (keyed reuse, as keyed lists in Elm
//! or React): a long table redrawn after one change builds only the rows
//! whose content changed; for the others the new tree holds a placeholder
//! and the redraw ([`crate::morph`]) leaves the page's row as it is. A
//! row's key is everything it shows, so a row is kept only when it would be
//! built the same.

use std::cell::RefCell;
use std::collections::HashMap;
use std::string::String;

use crate::dom::H;
use crate::morph;

thread_local! {
    /// Per table (and dashboard instance): the rows of the last draw, their
    /// serial numbers by key.
    static KEPT: RefCell<HashMap<String, HashMap<String, u32>>> = RefCell::new(HashMap::new());
}

/// The rows of one table for one draw: keep the last draw's row for a key,
/// or build it; [`Rows::finish`] keeps this draw's rows for the next.
pub struct Rows {
    table: String,
    last: HashMap<String, u32>,
    now: HashMap<String, u32>,
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

    /// The row for `key`: a placeholder for the last draw's row when it had
    /// one, else `build()`.
    pub fn row(&mut self, key: String, build: impl FnOnce() -> H) -> H {
        if let Some(serial) = self.last.remove(&key) {
            if let Some(kept) = morph::keep(serial) {
                self.now.insert(key, serial);
                return kept;
            }
        }
        let (serial, row) = morph::register(build());
        self.now.insert(key, serial);
        row
    }

    /// Keep this draw's rows for the next; rows not drawn now are dropped.
    pub fn finish(self) {
        morph::forget(self.last.into_values());
        KEPT.with(|k| k.borrow_mut().insert(self.table, self.now));
    }
}
