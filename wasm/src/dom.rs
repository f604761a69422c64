//! A small element builder and the redraw. The view builds the page as a
//! tree of Rust values ([`H`]), not of DOM nodes: building it costs no call
//! into the browser. [`Root::show`] compares it with the tree shown last and
//! changes on the page only what differs (an attribute, a text, an element
//! added, moved or taken away; `patch.rs`), as a virtual DOM does (Elm,
//! Yew, React). A subtree given again as the same value (a row of the data
//! view that did not change, `view::keyed`) is passed over at once.
//!
//! Text from data and users is only ever set as text or attribute values,
//! never parsed as HTML.

use std::cell::RefCell;
use std::rc::Rc;
use std::string::{String, ToString};
use std::vec::Vec;

use crate::msg::Act;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Node, ShadowRoot};

mod html;
mod patch;
mod text;

const SVG_NS: &str = "http://www.w3.org/2000/svg";

/// The page's document.
pub fn document() -> Document {
    web_sys::window()
        .and_then(|w| w.document())
        .unwrap_or_else(|| wasm_bindgen::throw_str("no document"))
}

/// Where one dashboard is drawn: an element in the page, or one inside a
/// shadow root (a custom element). Ids are looked up in the right scope,
/// so two dashboards in two shadow roots may use the same ids.
#[derive(Clone)]
pub struct Root {
    /// The element the view is drawn into.
    pub el: Element,
    /// The shadow root it sits in, if any.
    pub shadow: Option<ShadowRoot>,
    /// The tree shown now, to compare the next with.
    shown: Rc<RefCell<Option<H>>>,
}

impl Root {
    /// A root drawing into `el` (inside `shadow`, if given).
    pub fn new(el: Element, shadow: Option<ShadowRoot>) -> Root {
        Root {
            el,
            shadow,
            shown: Rc::default(),
        }
    }

    /// The element with `id` in this root's scope.
    pub fn by_id(&self, id: &str) -> Option<Element> {
        match &self.shadow {
            Some(s) => s.get_element_by_id(id),
            None => document().get_element_by_id(id),
        }
    }

    /// The focused element in this root's scope.
    pub fn active(&self) -> Option<Element> {
        match &self.shadow {
            Some(s) => s.active_element(),
            None => document().active_element(),
        }
        .filter(|e| self.el.contains(Some(e)))
    }

    /// Show `page` in the root: the first time built whole, then by
    /// changing what differs from the page shown.
    ///
    /// Every form field holds what a newly built one would (its value from
    /// its attribute; what was typed and not entered comes back from the
    /// draft): those changed by the patch, and the focused one, which may
    /// sit in a kept row the patch passes over.
    pub fn show(&self, page: H) {
        let active = self.active();
        let mut shown = self.shown.borrow_mut();
        match shown.as_ref() {
            Some(old) if old.dom().is_some_and(|d| self.el.contains(Some(&d))) => {
                patch::patch(old, &page);
            }
            _ => {
                self.el.replace_children_with_node_1(&page.element());
            }
        }
        *shown = Some(page);
        if let Some(field) = active.filter(|a| self.el.contains(Some(a))) {
            patch::as_built(&field);
        }
    }

    /// Show `part` in place of the shown element with the same `id`
    /// (a part of the page drawn again alone). False if there is none.
    pub fn show_part(&self, part: H) -> bool {
        let shown = self.shown.borrow();
        let Some(page) = shown.as_ref() else {
            return false;
        };
        let Some(id) = part.attr("id") else {
            return false;
        };
        patch::replace_by_id(page, &id, part)
    }
}

/// An element being built: its tag, attributes and children, and
/// once shown, its node on the page.
pub struct El {
    tag: String,
    svg: bool,
    attrs: Vec<(String, String)>,
    kids: Vec<Kid>,
    dom: Option<Element>,
}

/// A child: an element or a text.
#[derive(Clone)]
pub enum Kid {
    /// An element.
    El(H),
    /// A text, with its node once shown.
    Text(Rc<RefCell<(String, Option<Node>)>>),
}

/// An element being built (shared: the same value may be given again in a
/// later draw, and is then passed over).
#[derive(Clone)]
pub struct H(Rc<RefCell<El>>);

/// A new HTML element.
#[inline(never)]
pub fn h(tag: &str) -> H {
    H(Rc::new(RefCell::new(El {
        tag: tag.into(),
        svg: false,
        attrs: Vec::new(),
        kids: Vec::new(),
        dom: None,
    })))
}

/// A new SVG element.
#[inline(never)]
pub fn s(tag: &str) -> H {
    let e = h(tag);
    e.0.borrow_mut().svg = true;
    e
}

impl H {
    /// Set an attribute.
    #[inline(never)]
    pub fn a(self, name: &str, value: &str) -> H {
        {
            let mut e = self.0.borrow_mut();
            match e.attrs.iter_mut().find(|(n, _)| n == name) {
                Some((_, v)) => *v = value.into(),
                None => e.attrs.push((name.into(), value.into())),
            }
        }
        self
    }

    /// Set a numeric attribute (SVG geometry), rounded to 0.1.
    #[inline(never)]
    pub fn n(self, name: &str, value: f64) -> H {
        let v = (value * 10.0).round() / 10.0;
        let v = if v.is_finite() { v } else { 0.0 };
        self.a(name, &num_attr(v))
    }

    /// Set the class.
    #[inline(never)]
    pub fn c(self, class: &str) -> H {
        self.a("class", class)
    }

    /// Append text.
    #[inline(never)]
    pub fn t(self, text: &str) -> H {
        self.0
            .borrow_mut()
            .kids
            .push(Kid::Text(Rc::new(RefCell::new((text.into(), None)))));
        self
    }

    /// Append a child.
    #[inline(never)]
    pub fn k(self, child: H) -> H {
        self.to(child);
        self
    }

    /// Append a child if there is one.
    #[inline(never)]
    pub fn ko(self, child: Option<H>) -> H {
        match child {
            Some(c) => self.k(c),
            None => self,
        }
    }

    /// Append to `parent` (for loops).
    #[inline(never)]
    pub fn to(&self, child: H) {
        self.0.borrow_mut().kids.push(Kid::El(child));
    }

    /// Append to `parent` if there is a child.
    #[inline(never)]
    pub fn too(&self, child: Option<H>) {
        if let Some(c) = child {
            self.to(c);
        }
    }

    /// An attribute's value.
    pub fn attr(&self, name: &str) -> Option<String> {
        let e = self.0.borrow();
        e.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
    }

    /// The element of the tree (this one or under it) with `id`.
    pub fn by_id(&self, id: &str) -> Option<H> {
        let e = self.0.borrow();
        if e.attrs.iter().any(|(n, v)| n == "id" && v == id) {
            return Some(self.clone());
        }
        e.kids.iter().find_map(|k| match k {
            Kid::El(c) => c.by_id(id),
            Kid::Text(_) => None,
        })
    }

    /// Change every element of the tree for which `f` says so (given its
    /// tag and attributes).
    pub fn each(&self, f: &mut impl FnMut(&str, &mut Vec<(String, String)>)) {
        let mut e = self.0.borrow_mut();
        let El { tag, attrs, .. } = &mut *e;
        f(tag, attrs);
        let kids: Vec<H> = e
            .kids
            .iter()
            .filter_map(|k| match k {
                Kid::El(h) => Some(h.clone()),
                Kid::Text(_) => None,
            })
            .collect();
        drop(e);
        for k in kids {
            k.each(f);
        }
    }

    /// The element on the page, once shown.
    fn dom(&self) -> Option<Element> {
        self.0.borrow().dom.clone()
    }

    /// The element, built (a detached node, for a download link; the page
    /// itself is shown through [`Root::show`]).
    pub fn element(&self) -> Element {
        patch::create(self)
    }

    /// The tree's words as a reader meets them, one block to a line (for
    /// snapshots in native tests).
    pub fn text(&self) -> String {
        text::text(self)
    }

    /// The tree as HTML text (a page baked ahead of time).
    pub fn html_text(&self) -> String {
        html::html(self)
    }

    /// The element as an HTML element, built.
    pub fn html(&self) -> Option<web_sys::HtmlElement> {
        self.element().dyn_into().ok()
    }
}

/// A number for an SVG attribute: integers without a fraction.
pub fn num_attr(v: f64) -> String {
    let v = (v * 10.0).round() / 10.0;
    if v == v.trunc() && v.abs() < 1e15 {
        (v as i64).to_string()
    } else {
        let r = (v * 10.0).round() as i64;
        let (i, f) = (r / 10, (r % 10).abs());
        let sign = if r < 0 && i == 0 { "-" } else { "" };
        std::format!("{sign}{i}.{f}")
    }
}

/// A link.
#[inline(never)]
pub fn link(href: &str, text: &str) -> H {
    h("a").a("href", href).t(text)
}

/// A button carrying an action's code in `data-act` (give it
/// [`crate::msg::Msg::act`]; `events` reads it back into the message).
#[inline(never)]
pub fn button(act: Act, text: &str) -> H {
    h("button")
        .a("type", "button")
        .a("data-act", act.code())
        .t(text)
}
