//! Events in, messages out. Each dashboard instance has one delegated
//! listener per kind of event on its root (clicks on `[data-act]`, edits
//! of `[data-edit]`, the scenario's `[data-sc]` controls, the forms); the
//! page instance also listens for `hashchange`, `storage` and the keyboard
//! shortcuts. A listener reads what the event says from the page into a
//! [`Msg`] and hands it to the dispatcher it was given (the controller's,
//! which runs `update` and performs the effects); it
//! changes no state itself. Listeners are owned by their instance and
//! removed when it is unmounted.

use std::cell::RefCell;
use std::string::String;
use std::vec::Vec;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, EventTarget, HtmlElement, HtmlInputElement, KeyboardEvent};

use crate::app::Mode;
use crate::dom::{document, Root};
use crate::msg::{AddForm, FlowForm, Msg, ScMsg};
use crate::route::{self, Route};
use crate::store;

/// Where a listener sends its messages: the instance's id and the message.
pub type Dispatch = fn(usize, Msg);

/// One listener, removed when its instance goes.
pub struct Listener {
    target: EventTarget,
    kind: &'static str,
    capture: bool,
    cb: Closure<dyn Fn(Event)>,
}

impl Drop for Listener {
    fn drop(&mut self) {
        let _ = self.target.remove_event_listener_with_callback_and_bool(
            self.kind,
            self.cb.as_ref().unchecked_ref(),
            self.capture,
        );
    }
}

thread_local! {
    /// The file chosen for import, per instance, until it is read.
    static CHOSEN: RefCell<Vec<(usize, web_sys::File)>> = const { RefCell::new(Vec::new()) };
}

/// The file chosen for import in instance `id`, taken to be read.
pub fn take_chosen(id: usize) -> Option<web_sys::File> {
    CHOSEN.with(|c| {
        let mut c = c.borrow_mut();
        let k = c.iter().position(|(i, _)| *i == id)?;
        Some(c.remove(k).1)
    })
}

fn window() -> web_sys::Window {
    web_sys::window().unwrap_or_else(|| wasm_bindgen::throw_str("no window"))
}

fn on(
    out: &mut Vec<Listener>,
    target: &EventTarget,
    kind: &'static str,
    f: impl Fn(Event) + 'static,
) {
    // `Fn`, not `FnMut`: a handler may cause the same event again (a click
    // on a download link, or on the hidden file input) while it runs.
    let cb = Closure::<dyn Fn(Event)>::new(f);
    // `close` (of a dialog) does not bubble: it is caught on the way down.
    let capture = kind == "close";
    let _ = target.add_event_listener_with_callback_and_bool(
        kind,
        cb.as_ref().unchecked_ref(),
        capture,
    );
    out.push(Listener {
        target: target.clone(),
        kind,
        capture,
        cb,
    });
}

/// Listen on `root` (and, for the full page, the window and document) for
/// instance `id`, sending what happens to `send`.
pub fn listen(id: usize, root: &Root, mode: Mode, send: Dispatch) -> Vec<Listener> {
    let mut out = Vec::new();
    let at: EventTarget = root.el.clone().into();
    if mode == Mode::Page {
        page_listeners(id, &mut out, send);
    }
    let r = root.clone();
    on(&mut out, &at, "click", move |e| {
        let Some(el) = closest(&e, "[data-act]") else {
            return;
        };
        let act = el.get_attribute("data-act").unwrap_or_default();
        let Some(msg) = click(&r, &act, &el) else {
            return;
        };
        if msg == Msg::Skip {
            e.prevent_default();
        }
        send(id, msg);
    });
    on(&mut out, &at, "change", move |e| {
        if let Some(msg) = e
            .target()
            .and_then(|t| t.dyn_into::<HtmlElement>().ok())
            .and_then(|el| changed(id, &el))
        {
            send(id, msg);
        }
    });
    let r = root.clone();
    on(&mut out, &at, "input", move |e| {
        let Some(el) = e
            .target()
            .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            .filter(|el| el.has_attribute("data-sc"))
        else {
            return;
        };
        if let Some(msg) = scenario(&el, true) {
            send(id, msg);
        }
        // A slider and its field show the same value.
        if let Some(pair) = el
            .get_attribute("data-pair")
            .and_then(|p| r.by_id(&p))
            .and_then(|p| p.dyn_into::<HtmlInputElement>().ok())
        {
            pair.set_value(&el.value());
        }
    });
    let r = root.clone();
    on(&mut out, &at, "submit", move |e| {
        let Some(form) = e.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
            return;
        };
        e.prevent_default();
        let msg = match form
            .get_attribute("data-form")
            .as_deref()
            .and_then(Msg::from_form)
        {
            Some(true) => Msg::Add(add_form(&r)),
            Some(false) => Msg::AddFlow(flow_form(&r)),
            None => return,
        };
        send(id, msg);
    });
    on(&mut out, &at, "close", move |e| {
        // The Embed dialog closed (Escape or its button).
        let is_dialog = e
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .is_some_and(|t| t.id() == "embed-dialog");
        if is_dialog {
            send(id, Msg::EmbedClosed);
        }
    });
    out
}

/// The full page's own listeners: its address, other tabs' writes, the
/// keyboard shortcuts.
fn page_listeners(id: usize, out: &mut Vec<Listener>, send: Dispatch) {
    let win: EventTarget = window().into();
    let doc: EventTarget = document().into();
    on(out, &win, "hashchange", move |_| {
        let hash = window().location().hash().unwrap_or_default();
        let route = Route::parse(&hash);
        let query = route::query(&hash).map(String::from);
        send(id, Msg::Navigate { route, query });
    });
    on(out, &win, "storage", move |e| {
        let Some(e) = e.dyn_ref::<web_sys::StorageEvent>() else {
            return;
        };
        let key = e.key();
        let msg = match key.as_deref() {
            Some(store::KEY) => Msg::Stored {
                old: e.old_value(),
                new: e.new_value(),
            },
            Some(k) if k.starts_with(store::UNREADABLE) => Msg::Unreadable(store::copies()),
            Some(store::SCENARIOS) => Msg::SavedScenarios(store::scenarios()),
            _ => return,
        };
        send(id, msg);
    });
    on(out, &doc, "keydown", move |e| {
        if let Some(msg) = e.dyn_ref::<KeyboardEvent>().and_then(keydown) {
            send(id, msg);
        }
    });
}

/// Ctrl+Z (undo), Ctrl+Shift+Z and Ctrl+Y (redo), outside text fields.
fn keydown(e: &KeyboardEvent) -> Option<Msg> {
    let key = e.key();
    let (z, y) = (key.eq_ignore_ascii_case("z"), key.eq_ignore_ascii_case("y"));
    if !(e.ctrl_key() || e.meta_key()) || !(z || y) {
        return None;
    }
    // Inside a text field the browser's own text undo comes first.
    let in_text = e
        .target()
        .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
        .is_some_and(|i| i.type_() != "checkbox" && i.type_() != "file");
    if in_text {
        return None;
    }
    e.prevent_default();
    Some(if e.shift_key() || y {
        Msg::Redo
    } else {
        Msg::Undo
    })
}

/// A click on `el` (`data-act="{act}"`), with what the page shows that
/// goes with it (the Embed dialog's starting height, the scenario's name).
fn click(root: &Root, act: &str, el: &Element) -> Option<Msg> {
    let msg = Msg::from_click(act, &|a| el.get_attribute(a))?;
    Some(match msg {
        Msg::OpenEmbed(mut d) => {
            // The card or chart the button belongs to gives a starting
            // height.
            d.height = el
                .closest("[data-embed]")
                .ok()
                .flatten()
                .and_then(|c| c.dyn_into::<HtmlElement>().ok())
                .map_or(480, |c| (c.offset_height() + 48).clamp(160, 2000) as u32);
            d.base = served_at();
            Msg::OpenEmbed(d)
        }
        Msg::Scenario(ScMsg::Save(_)) => Msg::Scenario(ScMsg::Save(
            root.by_id("sc-name")
                .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
                .map(|i| i.value().trim().chars().take(80).collect::<String>()),
        )),
        m => m,
    })
}

/// Where the dashboard is served (ends with `/`); `None` from a file.
fn served_at() -> Option<String> {
    let loc = window().location();
    match loc.protocol().as_deref() {
        Ok("http:") | Ok("https:") => {
            web_sys::Url::new_with_base(".", &loc.href().unwrap_or_default())
                .ok()
                .map(|u| {
                    let mut b = u.href();
                    if let Some(i) = b.find(['?', '#']) {
                        b.truncate(i);
                    }
                    b
                })
        }
        _ => None,
    }
}

/// A `change`: a scenario control, a select, a figure's field, a
/// revolving-model field, the file input.
fn changed(id: usize, el: &HtmlElement) -> Option<Msg> {
    if el.has_attribute("data-sc") {
        return scenario(el, false);
    }
    if let Some(s) = el.dyn_ref::<web_sys::HtmlSelectElement>() {
        let value = s.value();
        let at = |a: &str| el.get_attribute(a).and_then(|v| v.parse::<usize>().ok());
        return if el.has_attribute("data-breakdown") {
            Some(Msg::Breakdown(value))
        } else if let Some(column) = at("data-imap") {
            Some(Msg::ImportMap {
                column,
                subject: value,
            })
        } else {
            at("data-iscale").map(|column| Msg::ImportScale {
                column,
                scale: value.parse::<i32>().unwrap_or(0),
            })
        };
    }
    let el = el.dyn_ref::<HtmlInputElement>()?;
    if let Some(field) = el.get_attribute("data-edit") {
        let key = el.get_attribute("data-key").unwrap_or_default();
        Msg::from_edit(&field, &key, checked_or_value(el))
    } else if let Some(name) = el.get_attribute("data-revolve") {
        Msg::from_revolve(&name, el.value_as_number())
    } else if el.id() == "import-file" {
        let file = el.files().and_then(|f| f.get(0))?;
        el.set_value("");
        let msg = Msg::ImportChosen {
            name: file.name(),
            size: file.size(),
        };
        CHOSEN.with(|c| {
            let mut c = c.borrow_mut();
            c.retain(|(i, _)| *i != id);
            c.push((id, file));
        });
        Some(msg)
    } else {
        None
    }
}

/// A scenario control's message (`input`: as it moves).
fn scenario(el: &HtmlElement, input: bool) -> Option<Msg> {
    let attr = |a: &str| el.get_attribute(a).unwrap_or_default();
    let (number, checked, text) = if let Some(i) = el.dyn_ref::<HtmlInputElement>() {
        (i.value_as_number(), i.checked(), i.value())
    } else if let Some(s) = el.dyn_ref::<web_sys::HtmlSelectElement>() {
        (f64::NAN, false, s.value())
    } else {
        return None;
    };
    Msg::from_scenario(
        &attr("data-sc"),
        &attr("data-id"),
        number,
        checked,
        &text,
        el.has_attribute("data-pair"),
        input,
    )
}

fn closest(e: &Event, selector: &str) -> Option<Element> {
    e.target()?
        .dyn_into::<Element>()
        .ok()?
        .closest(selector)
        .ok()
        .flatten()
}

/// A field's text: `true` or empty for a checkbox.
fn checked_or_value(i: &HtmlInputElement) -> String {
    if i.type_() == "checkbox" {
        if i.checked() {
            "true".into()
        } else {
            String::new()
        }
    } else {
        i.value()
    }
}

fn input_value(root: &Root, id: &str) -> String {
    let Some(el) = root.by_id(id) else {
        return String::new();
    };
    if let Some(i) = el.dyn_ref::<HtmlInputElement>() {
        return checked_or_value(i);
    }
    if let Some(s) = el.dyn_ref::<web_sys::HtmlSelectElement>() {
        return s.value();
    }
    String::new()
}

/// The current values of form fields, to put back if the entry is refused.
fn draft(root: &Root, ids: &[&str]) -> Vec<(String, String)> {
    ids.iter()
        .map(|id| ((*id).into(), input_value(root, id)))
        .collect()
}

fn add_form(root: &Root) -> AddForm {
    let subject = root
        .el
        .query_selector("#add-form [name=subject]")
        .ok()
        .flatten()
        .map(|el| {
            el.dyn_ref::<web_sys::HtmlSelectElement>()
                .map(|s| s.value())
                .or_else(|| el.dyn_ref::<HtmlInputElement>().map(|i| i.value()))
                .unwrap_or_default()
        })
        .unwrap_or_default();
    AddForm {
        subject,
        year: input_value(root, "f-year"),
        value: input_value(root, "f-value"),
        source: input_value(root, "f-source"),
        note: input_value(root, "f-note"),
        provisional: !input_value(root, "f-provisional").is_empty(),
        draft: draft(
            root,
            &[
                "f-subject",
                "f-year",
                "f-value",
                "f-source",
                "f-note",
                "f-provisional",
            ],
        ),
    }
}

fn flow_form(root: &Root) -> FlowForm {
    FlowForm {
        window: input_value(root, "g-window"),
        year: input_value(root, "g-year"),
        amounts: ["g-pc", "g-pd", "g-vc", "g-vd"].map(|id| input_value(root, id)),
        source: input_value(root, "g-source"),
        draft: draft(
            root,
            &[
                "g-window", "g-year", "g-pc", "g-pd", "g-vc", "g-vd", "g-source",
            ],
        ),
    }
}
