//! Rows kept from one draw to the next (keyed reuse, as keyed lists in Elm
//! or React): a long table redrawn after one change builds only the rows
//! whose content changed; for the others the new tree holds a placeholder
//! and the redraw ([`crate::morph`]) leaves the page's row as it is. A
//! row's key is everything it shows, so a row is kept only when it would be
//! built the same.

use std::cell::RefCell;
use std::collections::HashMap;
use std::string::String;
use std::vec::Vec;

use web_sys::Element;

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
    /// Kept rows not yet given to the table: one placeholder for them all.
    run: Vec<(u32, Element)>,
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
            run: Vec::new(),
        }
    }

    /// The row for `key`, to append to the table: the last draw's row
    /// when it had one (nothing yet: unchanged rows one after the other are
    /// given as one placeholder, before the next built row or by
    /// [`Rows::flush`]), else `build()`, after the placeholder of the rows
    /// kept before it.
    pub fn row(&mut self, key: String, build: impl FnOnce() -> H) -> Vec<H> {
        if let Some(serial) = self.last.remove(&key) {
            if let Some(el) = morph::kept(serial) {
                self.now.insert(key, serial);
                self.run.push((serial, el));
                return Vec::new();
            }
        }
        let (serial, row) = morph::register(build());
        self.now.insert(key, serial);
        let mut out = self.flush();
        out.push(row);
        out
    }

    /// The placeholder of the kept rows not yet given, if any.
    pub fn flush(&mut self) -> Vec<H> {
        if self.run.is_empty() {
            Vec::new()
        } else {
            std::vec![morph::keep(std::mem::take(&mut self.run))]
        }
    }

    /// Keep this draw's rows for the next; rows not drawn now are dropped.
    /// Call after [`Rows::flush`].
    pub fn finish(self) {
        morph::forget(self.last.into_values());
        KEPT.with(|k| k.borrow_mut().insert(self.table, self.now));
    }
}
