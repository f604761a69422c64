//! A small element builder over web-sys. Text from data and users is only
//! ever set as text or attribute values, never parsed as HTML.

use crate::msg::Act;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, ShadowRoot};

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
}

impl Root {
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
}

/// An element being built.
pub struct H(pub Element);

/// A new HTML element.
#[inline(never)]
pub fn h(tag: &str) -> H {
    H(document()
        .create_element(tag)
        .unwrap_or_else(|_| wasm_bindgen::throw_str("createElement")))
}

/// A new SVG element.
#[inline(never)]
pub fn s(tag: &str) -> H {
    H(document()
        .create_element_ns(Some(SVG_NS), tag)
        .unwrap_or_else(|_| wasm_bindgen::throw_str("createElementNS")))
}

impl H {
    /// Set an attribute.
    #[inline(never)]
    pub fn a(self, name: &str, value: &str) -> H {
        let _ = self.0.set_attribute(name, value);
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
        let _ = self.0.append_with_str_1(text);
        self
    }

    /// Append a child.
    #[inline(never)]
    pub fn k(self, child: H) -> H {
        let _ = self.0.append_child(&child.0);
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
        let _ = self.0.append_child(&child.0);
    }

    /// Append to `parent` if there is a child.
    #[inline(never)]
    pub fn too(&self, child: Option<H>) {
        if let Some(c) = child {
            self.to(c);
        }
    }

    /// Set a style property through the CSSOM (never a `style` attribute,
    /// which a strict Content-Security-Policy refuses).
    #[inline(never)]
    pub fn css(self, property: &str, value: &str) -> H {
        if let Some(e) = self.0.dyn_ref::<web_sys::HtmlElement>() {
            let _ = e.style().set_property(property, value);
        }
        self
    }

    /// The element as an HTML element.
    pub fn html(&self) -> Option<web_sys::HtmlElement> {
        self.0.clone().dyn_into().ok()
    }
}

/// A number for an SVG attribute: integers without a fraction.
pub fn num_attr(v: f64) -> std::string::String {
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
