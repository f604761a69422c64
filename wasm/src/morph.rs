//! Redraw by changing the page in place. The view builds the whole new page
//! as a detached tree; [`morph`] then walks the page and the new tree side by
//! side and changes only what differs: an attribute, a text, an element added
//! or taken away. What did not change stays the same node, so the browser
//! restyles and lays out only what changed, focus and typing stay where they
//! are, and a table of 900 figures costs little more to redraw after one edit
//! than a table of ten (docs/bench-redraw.md). This is morphdom's and
//! idiomorph's way, with keyed rows as Elm's and React's lists have them.
//!
//! Keyed rows (the view's `keyed::Rows`) are rows unchanged since the
//! last draw: the new tree holds a placeholder for each ([`keep`]) and the
//! morph puts the page's own row there, untouched.

use std::cell::{Cell, RefCell};
use std::collections::{HashMap, HashSet};
use std::string::{String, ToString};
use std::vec::Vec;

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlSelectElement, Node};

use crate::dom::{h, H};

/// The tag of a kept row's placeholder in the new tree.
const KEEP_TAG: &str = "KOERS-KEEP";
/// The attribute naming a keyed row (its serial number).
const ROW: &str = "data-row";

thread_local! {
    /// The runs of rows kept in the draw being built, by placeholder number.
    static PENDING: RefCell<Vec<Vec<Element>>> = const { RefCell::new(Vec::new()) };
    /// The serial numbers of those rows.
    static KEPT: RefCell<HashSet<u32>> = RefCell::new(HashSet::new());
    /// Every keyed row's element on the page (or last built), by serial.
    static ROWS: RefCell<HashMap<u32, Element>> = RefCell::new(HashMap::new());
    /// The next serial number.
    static NEXT: Cell<u32> = const { Cell::new(1) };
}

/// A keyed row newly built: give it a serial number (kept on the element)
/// and remember it, so a later draw can keep it.
pub fn register(row: H) -> (u32, H) {
    let serial = NEXT.with(|n| {
        let s = n.get();
        n.set(s.wrapping_add(1));
        s
    });
    let row = row.a(ROW, &serial.to_string());
    ROWS.with(|r| r.borrow_mut().insert(serial, row.0.clone()));
    (serial, row)
}

/// The keyed row `serial` drawn last time, if it still exists.
pub fn kept(serial: u32) -> Option<Element> {
    ROWS.with(|r| r.borrow().get(&serial).cloned())
}

/// A placeholder for keyed rows drawn last time one after the other, kept
/// as they are (`rows` with their serial numbers): the morph puts them
/// there, untouched. One placeholder for a run of rows, so that a table of
/// 900 unchanged rows costs the morph a few steps, not 900.
pub fn keep(rows: Vec<(u32, Element)>) -> H {
    let mut els = Vec::with_capacity(rows.len());
    KEPT.with(|k| {
        let mut k = k.borrow_mut();
        for (serial, el) in rows {
            k.insert(serial);
            els.push(el);
        }
    });
    let n = PENDING.with(|p| {
        let mut p = p.borrow_mut();
        p.push(els);
        p.len() - 1
    });
    h(KEEP_TAG).a("data-keep", &n.to_string())
}

/// Forget keyed rows that are not drawn any more.
pub fn forget(serials: impl IntoIterator<Item = u32>) {
    ROWS.with(|r| {
        let mut r = r.borrow_mut();
        for s in serials {
            r.remove(&s);
        }
    });
}

/// Make `page`'s children those of `new` (a detached tree), changing as
/// little of `page` as it can.
pub fn morph(page: &Element, new: &Element) {
    morph_children(page, new);
    PENDING.with(|p| p.borrow_mut().clear());
    KEPT.with(|k| k.borrow_mut().clear());
}

/// Make the element `old` on the page into `new` (a detached element),
/// changing as little as it can: the same when both have the same tag,
/// else `new` takes its place.
pub fn morph_one(old: &Element, new: &Element) {
    if old.tag_name() == new.tag_name() {
        morph_element(old, new);
    } else {
        let _ = old.replace_with_with_node_1(new);
    }
    PENDING.with(|p| p.borrow_mut().clear());
    KEPT.with(|k| k.borrow_mut().clear());
}

fn kids(n: &Node) -> Vec<Node> {
    let list = n.child_nodes();
    (0..list.length()).filter_map(|i| list.item(i)).collect()
}

/// Whether `el` is a keyed row kept in this draw (to be put elsewhere, not
/// changed into another row).
fn is_kept(el: &Element) -> bool {
    el.get_attribute(ROW)
        .and_then(|s| s.parse::<u32>().ok())
        .is_some_and(|s| KEPT.with(|k| k.borrow().contains(&s)))
}

fn morph_children(old: &Node, new: &Node) {
    let mut cursor = old.first_child();
    for n in kids(new) {
        if let Some(ne) = n.dyn_ref::<Element>() {
            let tag = ne.tag_name();
            if tag == KEEP_TAG {
                let run = ne
                    .get_attribute("data-keep")
                    .and_then(|s| s.parse::<usize>().ok())
                    .and_then(|i| PENDING.with(|p| p.borrow_mut().get_mut(i).map(std::mem::take)))
                    .unwrap_or_default();
                let (Some(first), Some(last)) = (run.first(), run.last()) else {
                    continue;
                };
                match &cursor {
                    // The run is where it was, one row after the other (the
                    // last draw put it so): step over it.
                    Some(c) if c.is_same_node(Some(first)) => cursor = last.next_sibling(),
                    _ => {
                        for e in &run {
                            let _ = old.insert_before(e, cursor.as_ref());
                        }
                    }
                }
                continue;
            }
            let same = cursor
                .as_ref()
                .and_then(|c| c.dyn_ref::<Element>())
                .filter(|c| {
                    c.tag_name() == tag
                        && tag != "DIALOG"
                        && c.id() == ne.id()
                        && !(c.has_attribute(ROW) && is_kept(c))
                })
                .cloned();
            if let Some(c) = same {
                morph_element(&c, ne);
                cursor = c.next_sibling();
                continue;
            }
        } else if let Some(c) = cursor
            .as_ref()
            .filter(|c| c.node_type() == n.node_type())
            .cloned()
        {
            let text = n.node_value();
            if c.node_value() != text {
                c.set_node_value(text.as_deref());
            }
            cursor = c.next_sibling();
            continue;
        }
        let _ = old.insert_before(&n, cursor.as_ref());
    }
    while let Some(c) = cursor {
        cursor = c.next_sibling();
        let _ = old.remove_child(&c);
    }
}

/// Change `old` into `new` (same tag): attributes, what a form field holds,
/// children.
fn morph_element(old: &Element, new: &Element) {
    sync_attributes(old, new);
    if let Some(row) = new.get_attribute(ROW).and_then(|s| s.parse::<u32>().ok()) {
        // A keyed row built anew is now this element.
        ROWS.with(|r| r.borrow_mut().insert(row, old.clone()));
    }
    if let Some(input) = old.dyn_ref::<HtmlInputElement>() {
        // As a newly built field: the value (or check) its attribute gives.
        match input.type_().as_str() {
            "checkbox" | "radio" => input.set_checked(new.has_attribute("checked")),
            "file" => {}
            _ => {
                let v = new.get_attribute("value").unwrap_or_default();
                if input.value() != v {
                    input.set_value(&v);
                }
            }
        }
        return;
    }
    morph_children(old, new);
    if let (Some(o), Some(n)) = (
        old.dyn_ref::<HtmlSelectElement>(),
        new.dyn_ref::<HtmlSelectElement>(),
    ) {
        o.set_value(&n.value());
    } else if let (Some(o), Some(n)) = (
        old.dyn_ref::<web_sys::HtmlTextAreaElement>(),
        new.dyn_ref::<web_sys::HtmlTextAreaElement>(),
    ) {
        o.set_value(&n.default_value().unwrap_or_default());
    }
}

fn sync_attributes(old: &Element, new: &Element) {
    let names = new.get_attribute_names();
    for k in 0..names.length() {
        let Some(name) = names.get(k).as_string() else {
            continue;
        };
        let value = new.get_attribute(&name);
        if old.get_attribute(&name) == value {
            continue;
        }
        let value = value.unwrap_or_default();
        if name == "style" {
            // Through the CSSOM, as the view sets it: a strict
            // Content-Security-Policy refuses a `style` attribute.
            if let (Some(o), Some(n)) = (old.dyn_ref::<HtmlElement>(), new.dyn_ref::<HtmlElement>())
            {
                o.style().set_css_text(&n.style().css_text());
            }
        } else {
            let _ = old.set_attribute(&name, &value);
        }
    }
    let old_names = old.get_attribute_names();
    // `old` now has every attribute of `new`: any more are to go.
    if old_names.length() > names.length() {
        let gone: Vec<String> = (0..old_names.length())
            .filter_map(|k| old_names.get(k).as_string())
            .filter(|n| !new.has_attribute(n))
            .collect();
        for n in gone {
            let _ = old.remove_attribute(&n);
        }
    }
}
