//! Rows kept from one draw to the next (keyed reuse, as keyed lists in Elm
//! or React): a long table redrawn after one change builds only the rows
//! whose content changed and moves the others, unchanged, into the new
//! page. A row's key is everything it shows, so a row is reused only when
//! it would be built the same.

use std::cell::RefCell;
use std::collections::HashMap;
use std::string::String;

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement};

use crate::dom::H;

thread_local! {
    /// Per table (and dashboard instance): the rows of the last draw by key.
    static KEPT: RefCell<HashMap<String, HashMap<String, Element>>> = RefCell::new(HashMap::new());
}

/// The rows of one table for one draw: take the last draw's row for a key,
/// or build it; [`Rows::finish`] keeps this draw's rows for the next.
pub struct Rows {
    table: String,
    last: HashMap<String, Element>,
    now: HashMap<String, Element>,
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

    /// The row for `key`: the last draw's when it had one (its inputs back
    /// to the values it was built with: what was typed and not entered is
    /// put back by the controller, as for a built row), else `build()`.
    pub fn row(&mut self, key: String, build: impl FnOnce() -> H) -> H {
        let el = match self.last.remove(&key) {
            Some(el) => {
                reset_inputs(&el);
                el
            }
            None => build().0,
        };
        self.now.insert(key, el.clone());
        H(el)
    }

    /// Keep this draw's rows for the next; rows not drawn now are dropped.
    pub fn finish(self) {
        KEPT.with(|k| k.borrow_mut().insert(self.table, self.now));
    }
}

/// Inputs to the values in their attributes, as a newly built row has them.
fn reset_inputs(row: &Element) {
    let Ok(list) = row.query_selector_all("input") else {
        return;
    };
    for n in 0..list.length() {
        let Some(input) = list
            .item(n)
            .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
        else {
            continue;
        };
        if input.type_() == "checkbox" {
            input.set_checked(input.has_attribute("checked"));
        } else {
            input.set_value(&input.get_attribute("value").unwrap_or_default());
        }
    }
}
