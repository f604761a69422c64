//! This tab's data in localStorage, beside other tabs: a save reads what
//! is stored, merges and writes ([`save`]); another tab's write is merged
//! in ([`merge_stored`]); what the user is typing is kept across the
//! redraw that follows ([`typed_fields`], [`put_back`]).

use std::string::String;
use std::vec::Vec;

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement};

use crate::app::{App, Flash, LostEdit};
use crate::data;
use crate::dom::Root;
use crate::i18n::{self, t};
use crate::store;
use crate::sync::Key;

/// Store this tab's data, merged first with whatever another tab stored
/// since this tab last looked (read, merge, write: two tabs saving at once
/// keep both their figures). A failed save is said until one succeeds.
pub fn save(app: &mut App) {
    if !app.stores() {
        return;
    }
    let Some(current) = current(app) else {
        return failed(app);
    };
    app.before_save(&current);
    write(app, &current);
    store::save_conflicts(&app.conflicts);
}

/// What storage holds now. Unreadable: the text is kept aside (with its
/// time) and this tab's data will replace it, so it counts as this tab's;
/// `None` when it could not be kept aside (storage full): then nothing may
/// be written over it.
pub fn current(app: &mut App) -> Option<data::UserData> {
    let text = store::text();
    match store::parse(app.base, text.as_deref()) {
        Ok(d) => Some(d),
        Err(store::Unreadable) => {
            let kept = text.as_deref().is_none_or(store::set_aside);
            app.unreadable = store::copies();
            kept.then(|| app.stored.clone())
        }
    }
}

/// Say that this tab's data is not stored in this browser.
pub fn failed(app: &mut App) {
    app.save_failed = true;
    app.flash = Some(Flash {
        error: true,
        text: t(app.lang, i18n::SAVE_FAILED).into(),
        undo: false,
    });
}

/// Look at storage again a moment after it was out of step with another
/// tab's write (see [`App::on_stored`]): by then any write still on its way
/// has been merged, and what is left is this tab's to store.
pub fn resync(app: &mut App) {
    match current(app) {
        Some(now) => {
            if app.resync(&now) {
                write(app, &now);
                store::save_conflicts(&app.conflicts);
            }
        }
        None => failed(app),
    }
}

/// Write this tab's data unless storage already holds the same.
fn write(app: &mut App, current: &data::UserData) {
    if !app.must_write(current) || store::save(&app.data) {
        app.saved();
        return;
    }
    failed(app);
}

/// Another tab stored (`old` became `new`): merge its change into this
/// tab's data, and store the result if it holds more than `new` (this
/// tab's own changes, which that tab's write may have missed).
pub fn merge_stored(app: &mut App, old: Option<String>, new: Option<String>) {
    merge(app, old, new);
    store::save_conflicts(&app.conflicts);
}

fn merge(app: &mut App, old: Option<String>, new: Option<String>) {
    // An unreadable old value says nothing about what changed: everything
    // in `new` counts as changed, nothing as deleted.
    let ancestor = store::parse(app.base, old.as_deref()).unwrap_or_default();
    let now = current(app);
    match store::parse(app.base, new.as_deref()) {
        Ok(theirs) => match &now {
            Some(now) => {
                if app.on_stored(&ancestor, &theirs, now) {
                    write(app, now);
                }
            }
            None => {
                app.merge_in(&ancestor, &theirs);
                failed(app);
            }
        },
        Err(store::Unreadable) => {
            // Kept aside (by `current`, when still there); this tab's data
            // replaces it.
            if let Some(t) = &new {
                store::set_aside(t);
            }
            app.unreadable = store::copies();
            match &now {
                Some(now) => write(app, now),
                None => failed(app),
            }
        }
    }
}

/// A field the user has typed in (or is in) and not entered yet.
pub struct Typed {
    id: String,
    value: String,
    checked: Option<bool>,
    dirty: bool,
    focused: bool,
    caret: Option<(u32, u32)>,
    /// The figure and field, for a field of the data view.
    edit: Option<(String, String)>,
}

/// The fields typed in and not entered yet (and the focused one).
pub fn typed_fields(root: &Root) -> Vec<Typed> {
    let focused = root.active().map(|e| e.id()).filter(|i| !i.is_empty());
    let mut out = Vec::new();
    let Ok(list) = root.el.query_selector_all("input[id], select[id]") else {
        return out;
    };
    for n in 0..list.length() {
        let Some(el) = list.item(n).and_then(|e| e.dyn_into::<Element>().ok()) else {
            continue;
        };
        let id = el.id();
        let is_focused = focused.as_deref() == Some(id.as_str());
        let (value, checked, dirty, caret) = if let Some(i) = el.dyn_ref::<HtmlInputElement>() {
            match i.type_().as_str() {
                "file" | "range" | "hidden" => continue,
                "checkbox" => (
                    String::new(),
                    Some(i.checked()),
                    i.checked() != i.default_checked(),
                    None,
                ),
                _ => {
                    let caret = match (i.selection_start(), i.selection_end()) {
                        (Ok(Some(a)), Ok(Some(b))) => Some((a, b)),
                        _ => None,
                    };
                    let v = i.value();
                    let dirty = v != i.default_value();
                    (v, None, dirty, caret)
                }
            }
        } else if let Some(sel) = el.dyn_ref::<web_sys::HtmlSelectElement>() {
            if el.has_attribute("data-sc") {
                continue;
            }
            let default = sel
                .query_selector("option[selected]")
                .ok()
                .flatten()
                .or_else(|| sel.query_selector("option").ok().flatten())
                .and_then(|o| o.get_attribute("value"))
                .unwrap_or_default();
            let v = sel.value();
            let dirty = v != default;
            (v, None, dirty, None)
        } else {
            continue;
        };
        if !(dirty || is_focused) {
            continue;
        }
        let edit = el
            .get_attribute("data-key")
            .zip(el.get_attribute("data-edit"));
        out.push(Typed {
            id,
            value,
            checked,
            dirty,
            focused: is_focused,
            caret,
            edit,
        });
    }
    out
}

/// Put typed fields back after a redraw; the figure being edited, if it is
/// gone.
pub fn put_back(root: &Root, typed: &[Typed]) -> Option<LostEdit> {
    let mut lost = None;
    for t in typed {
        let Some(el) = root.by_id(&t.id) else {
            if let Some((key, field)) = &t.edit {
                if let Some(key) = Key::parse(key, false) {
                    lost = Some(LostEdit {
                        key,
                        field: field.clone(),
                        typed: t.value.clone(),
                    });
                }
            }
            continue;
        };
        if let Some(i) = el.dyn_ref::<HtmlInputElement>() {
            if t.dirty {
                match t.checked {
                    Some(c) => i.set_checked(c),
                    None => i.set_value(&t.value),
                }
            }
            if t.focused {
                let _ = i.focus();
                if let Some((a, b)) = t.caret {
                    let _ = i.set_selection_range(a, b);
                }
            }
        } else if let Some(s) = el.dyn_ref::<web_sys::HtmlSelectElement>() {
            if t.dirty {
                s.set_value(&t.value);
            }
            if t.focused {
                let _ = s.focus();
            }
        }
    }
    lost
}
