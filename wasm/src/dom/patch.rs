//! Build a tree's nodes, and change the page from the tree shown to the
//! next. Part of [`super`].
//!
//! Children are matched in order: an element given again as the same value
//! (a kept row) stays as it is, wherever the others move; an element of the
//! same tag (and id) as the one shown at its place is changed into it; what
//! is left over is taken away. Nothing is read back from the page but a
//! form field's value, so the cost of a redraw follows what changed.

use std::collections::HashSet;

use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};

use super::*;

/// Build the nodes of `h` (and remember them in it).
pub(super) fn create(h: &H) -> Element {
    let doc = document();
    let mut e = h.0.borrow_mut();
    let el = if e.svg {
        doc.create_element_ns(Some(SVG_NS), &e.tag)
    } else {
        doc.create_element(&e.tag)
    }
    .unwrap_or_else(|_| wasm_bindgen::throw_str("createElement"));
    for (n, v) in &e.attrs {
        let _ = el.set_attribute(n, v);
    }
    for k in &e.kids {
        let node: Node = match k {
            Kid::El(c) => create(c).into(),
            Kid::Text(t) => {
                let mut t = t.borrow_mut();
                let node: Node = doc.create_text_node(&t.0).into();
                t.1 = Some(node.clone());
                node
            }
        };
        let _ = el.append_child(&node);
    }
    e.dom = Some(el.clone());
    el
}

/// Change the page from `old` (shown) to `new`.
pub(super) fn patch(old: &H, new: &H) {
    if Rc::ptr_eq(&old.0, &new.0) {
        return;
    }
    let o = old.0.borrow();
    let Some(el) = o.dom.clone() else {
        return;
    };
    if o.tag != new.0.borrow().tag || o.svg != new.0.borrow().svg {
        let fresh = create(new);
        let _ = el.replace_with_with_node_1(&fresh);
        return;
    }
    let mut n = new.0.borrow_mut();
    for (k, v) in &n.attrs {
        if o.attrs.iter().find(|(a, _)| a == k).map(|(_, x)| x) != Some(v) {
            let _ = el.set_attribute(k, v);
        }
    }
    for (k, _) in &o.attrs {
        if !n.attrs.iter().any(|(a, _)| a == k) {
            let _ = el.remove_attribute(k);
        }
    }
    patch_kids(&el, &o.kids, &n.kids);
    field(&el, &n);
    n.dom = Some(el);
}

/// A form field holds what a newly built one would: its value (or check)
/// from its attributes, already set on the page.
fn field(el: &Element, e: &El) {
    match e.tag.as_str() {
        "input" => as_built(el),
        "select" => {
            if let Some(s) = el.dyn_ref::<HtmlSelectElement>() {
                let chosen = e.kids.iter().find_map(|k| match k {
                    Kid::El(o) => {
                        let o = o.0.borrow();
                        let selected = o.attrs.iter().any(|(n, _)| n == "selected");
                        selected.then(|| {
                            o.attrs
                                .iter()
                                .find(|(n, _)| n == "value")
                                .map(|(_, v)| v.clone())
                                .unwrap_or_default()
                        })
                    }
                    Kid::Text(_) => None,
                });
                if let Some(v) = chosen {
                    if s.value() != v {
                        s.set_value(&v);
                    }
                }
            }
        }
        "textarea" => {
            if let Some(t) = el.dyn_ref::<HtmlTextAreaElement>() {
                let text: String = e
                    .kids
                    .iter()
                    .filter_map(|k| match k {
                        Kid::Text(t) => Some(t.borrow().0.clone()),
                        Kid::El(_) => None,
                    })
                    .collect();
                if t.value() != text {
                    t.set_value(&text);
                }
            }
        }
        _ => {}
    }
}

/// An input as a newly built one: checked when its `checked` attribute
/// says so, its value its `value` attribute; a file field empty, so the
/// same file can be chosen again.
pub(super) fn as_built(el: &Element) {
    let Some(i) = el.dyn_ref::<HtmlInputElement>() else {
        return;
    };
    match i.type_().as_str() {
        "checkbox" | "radio" => {
            let on = i.has_attribute("checked");
            if i.checked() != on {
                i.set_checked(on);
            }
        }
        "file" => {
            if !i.value().is_empty() {
                i.set_value("");
            }
        }
        _ => {
            let v = i.get_attribute("value").unwrap_or_default();
            if i.value() != v {
                i.set_value(&v);
            }
        }
    }
}

/// A child's identity (the same value given again has the same).
fn ptr(k: &Kid) -> usize {
    match k {
        Kid::El(h) => Rc::as_ptr(&h.0) as *const () as usize,
        Kid::Text(t) => Rc::as_ptr(t) as *const () as usize,
    }
}

/// A child's node on the page.
fn node(k: &Kid) -> Option<Node> {
    match k {
        Kid::El(h) => h.dom().map(Node::from),
        Kid::Text(t) => t.borrow().1.clone(),
    }
}

/// Whether a child was shown before (a kept row given again).
fn shown(k: &Kid) -> bool {
    match k {
        Kid::El(h) => h.0.borrow().dom.is_some(),
        Kid::Text(t) => t.borrow().1.is_some(),
    }
}

/// Whether `old` can be changed into `new`: both texts, or elements of the
/// same tag and id.
fn compatible(old: &Kid, new: &Kid) -> bool {
    match (old, new) {
        (Kid::Text(_), Kid::Text(_)) => true,
        (Kid::El(a), Kid::El(b)) => {
            let (a, b) = (a.0.borrow(), b.0.borrow());
            let id = |e: &El| {
                e.attrs
                    .iter()
                    .find(|(n, _)| n == "id")
                    .map(|(_, v)| v.clone())
            };
            a.tag == b.tag && a.svg == b.svg && id(&a) == id(&b)
        }
        _ => false,
    }
}

/// Change a child shown (`old`) into `new`.
fn patch_kid(old: &Kid, new: &Kid) {
    match (old, new) {
        (Kid::El(a), Kid::El(b)) => patch(a, b),
        (Kid::Text(a), Kid::Text(b)) => {
            let a = a.borrow();
            let mut b = b.borrow_mut();
            if let Some(n) = &a.1 {
                if a.0 != b.0 {
                    n.set_node_value(Some(&b.0));
                }
                b.1 = Some(n.clone());
            }
        }
        _ => {}
    }
}

/// Build a new child's node.
fn create_kid(k: &Kid) -> Node {
    match k {
        Kid::El(h) => create(h).into(),
        Kid::Text(t) => {
            let mut t = t.borrow_mut();
            let n: Node = document().create_text_node(&t.0).into();
            t.1 = Some(n.clone());
            n
        }
    }
}

fn patch_kids(parent: &Element, old: &[Kid], new: &[Kid]) {
    // Identities matter only when a child is given again (kept rows).
    let keyed = new.iter().any(shown);
    let (old_set, new_set): (HashSet<usize>, HashSet<usize>) = if keyed {
        (old.iter().map(ptr).collect(), new.iter().map(ptr).collect())
    } else {
        Default::default()
    };
    let mut j = 0;
    'next: for nk in new {
        let again = keyed && old_set.contains(&ptr(nk));
        while let Some(ok) = old.get(j) {
            if keyed && ptr(ok) == ptr(nk) {
                // Given again, where it was.
                j += 1;
                continue 'next;
            }
            if keyed && new_set.contains(&ptr(ok)) {
                // Kept for later: `nk` goes before it.
                break;
            }
            if again {
                // `nk` is shown further on; this one is gone.
                if let Some(n) = node(ok) {
                    let _ = parent.remove_child(&n);
                }
                j += 1;
                continue;
            }
            if compatible(ok, nk) {
                patch_kid(ok, nk);
                j += 1;
                continue 'next;
            }
            break;
        }
        let anchor = old.get(j).and_then(node);
        let n = if again {
            node(nk)
        } else {
            Some(create_kid(nk))
        };
        if let Some(n) = n {
            let _ = parent.insert_before(&n, anchor.as_ref());
        }
    }
    for ok in &old[j.min(old.len())..] {
        if keyed && new_set.contains(&ptr(ok)) {
            continue;
        }
        if let Some(n) = node(ok) {
            let _ = parent.remove_child(&n);
        }
    }
    // Something else took a child away or put one in (a script of the
    // page, an extension): the children again as the tree has them.
    if parent.child_nodes().length() as usize != new.len() {
        parent.set_text_content(None);
        for k in new {
            let n = node(k).unwrap_or_else(|| create_kid(k));
            let _ = parent.append_child(&n);
        }
    }
}

/// Show `part` in place of the element with its `id` in the tree shown
/// under `page`; false if there is none.
pub(super) fn replace_by_id(page: &H, id: &str, part: H) -> bool {
    let mut e = page.0.borrow_mut();
    for k in e.kids.iter_mut() {
        let Kid::El(child) = k else {
            continue;
        };
        let is_it = child
            .0
            .borrow()
            .attrs
            .iter()
            .any(|(n, v)| n == "id" && v == id);
        if is_it {
            patch(child, &part);
            *k = Kid::El(part);
            return true;
        }
        if replace_by_id(child, id, part.clone()) {
            return true;
        }
    }
    false
}
