//! Events in, state changes out. Each dashboard drawn on a page is an
//! instance with its own state and root: the whole page (index.html), one
//! part in an iframe (embed.html), or one part in a shadow root
//! (`<koers-dashboard>`, the ES module API), several on one page. Each
//! instance has one delegated listener per kind of event on its root
//! (clicks on `[data-act]`, edits of `[data-edit]`, the scenario's
//! `[data-sc]` controls, the forms); the page instance also listens for
//! `hashchange`, `storage` and the keyboard shortcuts. Listeners are owned
//! by their instance and removed when it is unmounted; one-shot callbacks
//! (a file read, a PNG) are `Closure::once`.

use std::boxed::Box;
use std::cell::RefCell;
use std::string::{String, ToString};
use std::vec::Vec;

use koers_core::load::{self, ErrorKind};
use koers_core::model::{Dataset, Lang};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, EventTarget, HtmlElement, HtmlInputElement, KeyboardEvent};

use crate::app::{App, Change, EmbedDialog, Flash, Mode, Step};
use crate::data::{self, escape, BaseError, Obs, Problem};
use crate::dom::{document, h, Root};
use crate::i18n::{self, t};
use crate::route::{self, Part, Route};
use crate::scenario::Scenario;
use crate::{store, view};

/// One listener, removed when its instance goes.
struct Listener {
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

/// A dashboard on the page: its state, where it is drawn, its listeners.
struct Instance {
    app: App,
    root: Root,
    _listeners: Vec<Listener>,
}

/// The vision and its published figures, loaded once for the page (by
/// [`load_data`]), or why they could not be.
type Base = Result<&'static Dataset<'static>, BaseError>;

thread_local! {
    static INSTANCES: RefCell<Vec<Option<Instance>>> = const { RefCell::new(Vec::new()) };
    static BASE: RefCell<Option<Base>> = const { RefCell::new(None) };
}

/// Load the vision and its published figures from their texts (`None`: the
/// file could not be fetched). Once loaded, later calls change nothing: every
/// dashboard on the page shares the one base. The texts are leaked: they
/// live as long as the page, and the base borrows them.
pub fn load_data(vision: Option<String>, figures: Option<String>) {
    BASE.with(|cell| {
        let mut b = cell.borrow_mut();
        if matches!(*b, Some(Ok(_))) {
            return;
        }
        let leak = |s: Option<String>| s.map(|s| &*String::leak(s));
        let loaded = data::load_base(leak(vision), leak(figures)).map(|ds| &*Box::leak(ds));
        *b = Some(loaded);
    });
}

/// The base, or why there is none.
fn base() -> Base {
    BASE.with(|cell| {
        cell.borrow().clone().unwrap_or_else(|| {
            Err(BaseError {
                file: data::VISION_FILE,
                missing: true,
                problems: Vec::new(),
            })
        })
    })
}

/// The loaded vision's horizon year, once [`load_data`] has loaded it.
pub fn horizon() -> Option<i32> {
    base().ok().map(|b| b.vision.horizon_year)
}

/// Say in `el` that the published data could not be loaded: the file, and
/// each problem with its line and field. Nothing else is drawn: the
/// dashboard does not start with half the data.
fn show_base_error(el: &Element, lang: Lang, e: &BaseError) {
    let tr = |s: i18n::S| t(lang, s);
    let what = if e.missing {
        tr([
            " kon niet worden gelezen (het bestand ontbreekt of is onbereikbaar).",
            " could not be read (the file is missing or unreachable).",
        ])
    } else {
        tr([" is niet geldig:", " is not valid:"])
    };
    let ul = h("ul");
    for p in e.problems.iter().take(64) {
        let li = h("li").k(h("code").t(e.file));
        if let Some(line) = p.line {
            li.to(h("span").t(", "));
            li.to(h("strong")
                .t(t(lang, i18n::LINE))
                .t(" ")
                .t(&line.to_string()));
        }
        if !p.field.is_empty() {
            li.to(h("span").t(", "));
            li.to(h("code").t(&p.field));
        }
        li.to(h("span").t(": "));
        li.to(h("span").t(&i18n::error_kind(lang, &p.kind)));
        ul.to(li);
    }
    let box_ = h("div")
        .c("problems")
        .a("role", "alert")
        .a("id", "load-error")
        .k(h("p")
            .k(h("strong").t(tr([
                "Het dashboard kan niet starten.",
                "The dashboard cannot start.",
            ])))
            .t(" ")
            .k(h("code").t(e.file))
            .t(what))
        .k(ul)
        .k(h("p").t(tr([
            "Het start niet met een deel van de gegevens. De beheerder van deze site kan het bestand herstellen (koers publish controleert het).",
            "It does not start with part of the data. The site's maintainer can fix the file (koers publish checks it).",
        ])));
    let page = h("main")
        .a("id", "main")
        .k(h("h1").a("id", "page-title").t("koers"))
        .k(box_);
    el.replace_children_with_node_1(&page.0);
}

fn window() -> web_sys::Window {
    web_sys::window().unwrap_or_else(|| wasm_bindgen::throw_str("no window"))
}

/// Run `f` on instance `id`'s state, then draw it; `focus_title` moves
/// focus to the view's heading (after a change of view).
fn update(id: usize, focus_title: bool, f: impl FnOnce(&mut App)) {
    INSTANCES.with(|cell| {
        // An event raised while the state is being changed (a focused field
        // losing its place as the page is redrawn) is not a new change.
        let Ok(mut guard) = cell.try_borrow_mut() else {
            return;
        };
        let Some(Some(inst)) = guard.get_mut(id) else {
            return;
        };
        f(&mut inst.app);
        draw(&inst.app, &inst.root, focus_title);
    });
}

/// Like [`update`], for a change that came from another tab: what the
/// user is typing here and has not entered yet (every edited field, the
/// focused one with its caret) is put back on the same figure after the
/// redraw, whatever row it moved to. A figure being edited that the change
/// removed is reported with what was typed, never swapped for another.
fn update_remote(id: usize, f: impl FnOnce(&mut App)) {
    INSTANCES.with(|cell| {
        let Ok(mut guard) = cell.try_borrow_mut() else {
            return;
        };
        let Some(Some(inst)) = guard.get_mut(id) else {
            return;
        };
        let typed = typed_fields(&inst.root);
        f(&mut inst.app);
        draw(&inst.app, &inst.root, false);
        if let Some(lost) = put_back(&inst.root, &typed) {
            inst.app.edit_lost = Some(lost);
            draw(&inst.app, &inst.root, false);
        }
    });
}

/// A field the user has typed in (or is in) and not entered yet.
struct Typed {
    id: String,
    value: String,
    checked: Option<bool>,
    dirty: bool,
    focused: bool,
    caret: Option<(u32, u32)>,
    /// The figure and field, for a field of the data view.
    edit: Option<(String, String)>,
}

fn typed_fields(root: &Root) -> Vec<Typed> {
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
fn put_back(root: &Root, typed: &[Typed]) -> Option<crate::app::LostEdit> {
    let mut lost = None;
    for t in typed {
        let Some(el) = root.by_id(&t.id) else {
            if let Some((key, field)) = &t.edit {
                if let Some(key) = crate::sync::Key::parse(key, false) {
                    lost = Some(crate::app::LostEdit {
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

/// Change instance `id`'s state without drawing (the caller draws what
/// changed).
pub(crate) fn with_app(id: usize, f: impl FnOnce(&mut App)) {
    INSTANCES.with(|cell| {
        let Ok(mut guard) = cell.try_borrow_mut() else {
            return;
        };
        if let Some(Some(inst)) = guard.get_mut(id) {
            f(&mut inst.app);
        }
    });
}

/// Change the scenario, draw, and keep the address in step.
pub(crate) fn update_scenario(id: usize, f: impl FnOnce(&mut App)) {
    update(id, false, |app| {
        if app.mode == Mode::Page {
            app.flash = None;
        }
        f(app);
        crate::explore::sync_address(app);
    });
}

/// Read instance `id`'s state.
pub(crate) fn read_app<R>(id: usize, f: impl FnOnce(&App) -> R) -> Option<R> {
    read(id, |app, _| f(app))
}

/// Read instance `id`'s state.
fn read<R>(id: usize, f: impl FnOnce(&App, &Root) -> R) -> Option<R> {
    INSTANCES.with(|cell| {
        let guard = cell.try_borrow().ok()?;
        let inst = guard.get(id)?.as_ref()?;
        Some(f(&inst.app, &inst.root))
    })
}

/// Write the view of `app` into `root`.
fn draw(app: &App, root: &Root, focus_title: bool) {
    let doc = document();
    let focused = root.active().map(|e| e.id()).filter(|id| !id.is_empty());
    let page = match app.mode {
        Mode::Page => view::render(app),
        Mode::Frame | Mode::Element => view::render_part(app),
    };
    root.el.replace_children_with_node_1(&page.0);
    for (id, value) in &app.draft {
        let Some(el) = root.by_id(id) else {
            continue;
        };
        if let Some(i) = el.dyn_ref::<HtmlInputElement>() {
            if i.type_() == "checkbox" {
                i.set_checked(!value.is_empty());
            } else {
                i.set_value(value);
            }
        } else if let Some(s) = el.dyn_ref::<web_sys::HtmlSelectElement>() {
            s.set_value(value);
        }
    }
    let lang = if app.lang == Lang::En { "en" } else { "nl" };
    if app.mode == Mode::Page {
        if let Some(html) = doc.document_element() {
            let _ = html.set_attribute("lang", lang);
        }
        let heading = root
            .by_id("page-title")
            .map(|e| e.text_content().unwrap_or_default())
            .unwrap_or_default();
        doc.set_title(&[heading.as_str(), " · koers"].concat());
    } else {
        let _ = root.el.set_attribute("lang", lang);
    }
    let target = if focus_title {
        Some("page-title".to_string())
    } else {
        focused
    };
    if let Some(el) = target
        .and_then(|id| root.by_id(&id))
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
    {
        let _ = el.focus();
    }
    if app.embed.is_some() {
        if let Some(d) = root
            .by_id("embed-dialog")
            .and_then(|d| d.dyn_into::<web_sys::HtmlDialogElement>().ok())
        {
            if !d.open() {
                let _ = d.show_modal();
            }
        }
    }
}

/// Store this tab's data, merged first with whatever another tab stored
/// since this tab last looked (read, merge, write: two tabs saving at once
/// keep both their figures). A failed save is said until one succeeds.
fn save(app: &mut App) {
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
fn current(app: &mut App) -> Option<data::UserData> {
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
fn failed(app: &mut App) {
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
fn resync_later(id: usize) {
    let cb = Closure::once(move || {
        update_remote(id, |app| match current(app) {
            Some(now) => {
                if app.resync(&now) {
                    write(app, &now);
                    store::save_conflicts(&app.conflicts);
                }
            }
            None => failed(app),
        });
    });
    let _ = window()
        .set_timeout_with_callback_and_timeout_and_arguments_0(cb.as_ref().unchecked_ref(), 120);
    cb.forget();
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
fn stored_elsewhere(app: &mut App, old: Option<String>, new: Option<String>) {
    merge_stored(app, old, new);
    store::save_conflicts(&app.conflicts);
}

fn merge_stored(app: &mut App, old: Option<String>, new: Option<String>) {
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

/// Say that a change was refused and nothing changed.
fn refused(app: &mut App) {
    app.flash = Some(Flash {
        error: true,
        text: [
            t(app.lang, i18n::PROBLEMS_TITLE),
            " ",
            t(app.lang, i18n::NOTHING_CHANGED),
        ]
        .concat(),
        undo: false,
    });
}

fn commit(app: &mut App, next: data::UserData, change: Change) {
    if app.commit(next, change) {
        save(app);
    } else {
        refused(app);
    }
}

/// Add a new instance drawn into `root`, listening there.
fn add_instance(app: App, root: Root) -> usize {
    draw(&app, &root, false);
    let mode = app.mode;
    let id = INSTANCES.with(|cell| {
        let mut v = cell.borrow_mut();
        v.push(Some(Instance {
            app,
            root: root.clone(),
            _listeners: Vec::new(),
        }));
        v.len() - 1
    });
    let listeners = listen(id, &root, mode);
    INSTANCES.with(|cell| {
        if let Some(Some(inst)) = cell.borrow_mut().get_mut(id) {
            inst._listeners = listeners;
        }
    });
    id
}

/// Start the whole dashboard in the page's `#app`: load the state, draw
/// it, listen. `examples` carries the example figures' CSV when the page
/// cannot fetch them (the single-file edition, opened from a file).
pub fn start_page(examples: Option<String>) {
    let Some(el) = document().get_element_by_id("app") else {
        return;
    };
    let base = match base() {
        Ok(b) => b,
        Err(e) => return show_base_error(&el, store::lang(), &e),
    };
    let hash = window().location().hash().unwrap_or_default();
    let route = Route::parse(&hash);
    let mut app = App::new(base, store::lang(), route, data::UserData::default());
    app.examples = examples;
    if let Some(q) = route::query(&hash) {
        app.scenario = Scenario::from_query(q);
    }
    app.saved = store::scenarios();
    match store::load(app.base) {
        Ok(d) => {
            app.stored = d.clone();
            app.data = d;
            app.computed = crate::app::compute(app.base, &app.data);
        }
        // Unreadable and no room to set it aside: nothing will be stored
        // over it, and the page says so from the start.
        Err(store::Unreadable) => app.save_failed = current(&mut app).is_none(),
    }
    app.conflicts = store::conflicts(app.base, &app.data);
    app.unreadable = store::copies();
    add_instance(app, Root { el, shadow: None });
}

/// Start one part in an iframe's `#app` (embed.html?view=…&lang=…): links
/// open the full dashboard, and the height goes to the parent page.
pub fn start_frame() {
    let Some(el) = document().get_element_by_id("app") else {
        return;
    };
    let search = window().location().search().unwrap_or_default();
    let (mut view, mut lang) = (String::new(), String::new());
    for pair in search.trim_start_matches('?').split('&') {
        match pair.split_once('=') {
            Some(("view", v)) => view = crate::scenario::decode(v),
            Some(("lang", v)) => lang = v.into(),
            _ => {}
        }
    }
    let home = web_sys::Url::new_with_base(
        "index.html",
        &window().location().href().unwrap_or_default(),
    )
    .map(|u| u.href())
    .unwrap_or_else(|_| "index.html".into());
    let id = mount_in(
        Root {
            el: el.clone(),
            shadow: None,
        },
        Mode::Frame,
        &view,
        &lang,
        &home,
    );
    report_height(id, &el);
}

/// Tell the parent page how tall the part is, now and whenever it changes.
fn report_height(id: usize, el: &Element) {
    let win = window();
    let Ok(Some(parent)) = win.parent() else {
        return;
    };
    if parent == win {
        return;
    }
    let body = document().document_element();
    let send = move || {
        let Some(b) = &body else { return };
        let msg = js_sys::Object::new();
        let view = read(id, |app, _| app.part.view()).unwrap_or_default();
        let height = b.get_bounding_client_rect().height().ceil();
        for (k, v) in [
            ("type", JsValue::from_str("koers:height")),
            ("height", JsValue::from_f64(height)),
            ("view", JsValue::from_str(&view)),
        ] {
            let _ = js_sys::Reflect::set(&msg, &JsValue::from_str(k), &v);
        }
        let _ = parent.post_message(&msg, "*");
    };
    let cb = Closure::<dyn Fn()>::new(send);
    if let Ok(obs) = web_sys::ResizeObserver::new(cb.as_ref().unchecked_ref()) {
        obs.observe(el);
    }
    // Page-long: the iframe's document lives as long as its observer.
    cb.forget();
}

fn lang_of(s: &str) -> Lang {
    if s.trim().to_ascii_lowercase().starts_with("en") {
        Lang::En
    } else {
        Lang::Nl
    }
}

fn mount_in(root: Root, mode: Mode, view: &str, lang: &str, home: &str) -> usize {
    let base = match base() {
        Ok(b) => b,
        Err(e) => {
            show_base_error(&root.el, lang_of(lang), &e);
            return usize::MAX;
        }
    };
    let part = Part::parse(view);
    let mut app = App::new(base, lang_of(lang), part.route(), data::UserData::default());
    app.mode = mode;
    app.part = part;
    app.home = home.into();
    add_instance(app, root)
}

/// Mount one part into `shadow` (a custom element's or the ES module API's
/// shadow root): its own state and language, links to `home`. Returns the
/// instance's id.
pub fn mount(shadow: web_sys::ShadowRoot, view: &str, lang: &str, home: &str) -> usize {
    let Ok(el) = document().create_element("div") else {
        return usize::MAX;
    };
    let _ = el.set_attribute("class", "koers-root");
    let _ = shadow.append_child(&el);
    mount_in(
        Root {
            el,
            shadow: Some(shadow),
        },
        Mode::Element,
        view,
        lang,
        home,
    )
}

/// Remove instance `id`: its listeners go, its root is emptied.
pub fn unmount(id: usize) {
    let gone = INSTANCES.with(|cell| {
        cell.try_borrow_mut()
            .ok()
            .and_then(|mut v| v.get_mut(id).and_then(Option::take))
    });
    if let Some(inst) = gone {
        inst.root.el.remove();
    }
}

/// Show another part in instance `id`.
pub fn set_view(id: usize, view: &str) {
    let part = Part::parse(view);
    update(id, false, |app| {
        app.route = part.route();
        app.part = part;
    });
}

/// Switch instance `id`'s language.
pub fn set_lang(id: usize, lang: &str) {
    let l = lang_of(lang);
    update(id, false, |app| app.lang = l);
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

fn listen(id: usize, root: &Root, mode: Mode) -> Vec<Listener> {
    let mut out = Vec::new();
    let at: EventTarget = root.el.clone().into();
    if mode == Mode::Page {
        let win: EventTarget = window().into();
        let doc: EventTarget = document().into();
        on(&mut out, &win, "hashchange", move |_| {
            let hash = window().location().hash().unwrap_or_default();
            let route = Route::parse(&hash);
            update(id, true, |app| {
                if route == Route::Scenario {
                    match route::query(&hash) {
                        Some(q) => app.scenario = Scenario::from_query(q),
                        // Back on the explorer from the menu: the address
                        // shows the scenario still being explored.
                        None => {
                            app.route = Route::Scenario;
                            crate::explore::sync_address(app);
                        }
                    }
                }
                app.route = route;
                app.flash = None;
                app.problems.clear();
                app.draft.clear();
                app.embed = None;
            });
        });
        on(&mut out, &win, "storage", move |e| {
            let Some(e) = e.dyn_ref::<web_sys::StorageEvent>() else {
                return;
            };
            let key = e.key();
            if key.as_deref() == Some(store::KEY) {
                let (old, new) = (e.old_value(), e.new_value());
                let mut later = false;
                update_remote(id, |app| {
                    let was = app.resync;
                    stored_elsewhere(app, old, new);
                    later = app.resync && !was;
                });
                if later {
                    resync_later(id);
                }
            } else if key
                .as_deref()
                .is_some_and(|k| k.starts_with(store::UNREADABLE))
            {
                update(id, false, |app| app.unreadable = store::copies());
            } else if key.as_deref() == Some(store::SCENARIOS) {
                update(id, false, |app| app.saved = store::scenarios());
            }
        });
        on(&mut out, &doc, "keydown", move |e| {
            if let Some(k) = e.dyn_ref::<KeyboardEvent>() {
                keydown(id, k);
            }
        });
    }
    let r = root.clone();
    on(&mut out, &at, "click", move |e| {
        let Some(el) = closest(&e, "[data-act]") else {
            return;
        };
        let act = el.get_attribute("data-act").unwrap_or_default();
        if act == "import" || act == "skip" {
            if act == "skip" {
                e.prevent_default();
                if let Some(m) = r
                    .by_id("main")
                    .and_then(|m| m.dyn_into::<HtmlElement>().ok())
                {
                    let _ = m.focus();
                }
            }
            return;
        }
        click(id, &r, &act, &el);
    });
    let r = root.clone();
    on(&mut out, &at, "change", move |e| {
        let Some(el) = e.target().and_then(|t| t.dyn_into::<HtmlElement>().ok()) else {
            return;
        };
        if el.has_attribute("data-sc") {
            crate::explore::changed(id, &r, &el);
            return;
        }
        if let Some(s) = el.dyn_ref::<web_sys::HtmlSelectElement>() {
            let value = s.value();
            let at = |a: &str| el.get_attribute(a).and_then(|v| v.parse::<usize>().ok());
            if el.has_attribute("data-breakdown") {
                update(id, false, |app| app.breakdown = Some(value));
            } else if let Some(i) = at("data-imap") {
                update(id, false, |app| {
                    app.pending
                        .as_mut()
                        .map(|p| p.choose(i, &value))
                        .unwrap_or(())
                });
            } else if let Some(i) = at("data-iscale") {
                let n = value.parse::<i32>().unwrap_or(0);
                update(id, false, |app| {
                    app.pending
                        .as_mut()
                        .map(|p| p.set_scale(i, n))
                        .unwrap_or(())
                });
            }
            return;
        }
        let Some(el) = el.dyn_into::<HtmlInputElement>().ok() else {
            return;
        };
        if let Some(field) = el.get_attribute("data-edit") {
            edit(id, &el, &field);
        } else if let Some(name) = el.get_attribute("data-revolve") {
            let v = el.value_as_number();
            if let Some(p) = crate::app::RevolveParam::parse(&name) {
                update(id, false, |app| app.scenario.revolve.set(p, v));
            }
        } else if el.id() == "import-file" {
            import(id, &el);
        }
    });
    let r = root.clone();
    on(&mut out, &at, "input", move |e| {
        if let Some(el) = e
            .target()
            .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            .filter(|el| el.has_attribute("data-sc"))
        {
            crate::explore::input(id, &r, &el);
        }
    });
    let r = root.clone();
    on(&mut out, &at, "submit", move |e| {
        let Some(form) = e.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
            return;
        };
        e.prevent_default();
        match form.get_attribute("data-form").as_deref() {
            Some("add") => add(id, &r),
            Some("flow") => add_flow(id, &r),
            _ => {}
        }
    });
    let r = root.clone();
    on(&mut out, &at, "close", move |e| {
        // The Embed dialog closed (Escape or its button): forget it and
        // give focus back to the button that opened it.
        let is_dialog = e
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .is_some_and(|t| t.id() == "embed-dialog");
        if !is_dialog {
            return;
        }
        let opener = read(id, |app, _| app.embed.as_ref().map(|d| d.opener.clone())).flatten();
        update(id, false, |app| app.embed = None);
        if let Some(b) = opener
            .and_then(|o| r.by_id(&o))
            .and_then(|b| b.dyn_into::<HtmlElement>().ok())
        {
            let _ = b.focus();
        }
    });
    out
}

fn keydown(id: usize, e: &KeyboardEvent) {
    let key = e.key();
    let (z, y) = (key.eq_ignore_ascii_case("z"), key.eq_ignore_ascii_case("y"));
    if !(e.ctrl_key() || e.meta_key()) || !(z || y) {
        return;
    }
    // Inside a text field the browser's own text undo comes first.
    let in_text = e
        .target()
        .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
        .is_some_and(|i| i.type_() != "checkbox" && i.type_() != "file");
    if in_text {
        return;
    }
    e.prevent_default();
    undo_redo(id, if e.shift_key() || y { "redo" } else { "undo" });
}

fn closest(e: &Event, selector: &str) -> Option<Element> {
    e.target()?
        .dyn_into::<Element>()
        .ok()?
        .closest(selector)
        .ok()
        .flatten()
}

fn input_value(root: &Root, id: &str) -> String {
    let Some(el) = root.by_id(id) else {
        return String::new();
    };
    if let Some(i) = el.dyn_ref::<HtmlInputElement>() {
        return if i.type_() == "checkbox" {
            if i.checked() {
                "true".into()
            } else {
                String::new()
            }
        } else {
            i.value()
        };
    }
    if let Some(s) = el.dyn_ref::<web_sys::HtmlSelectElement>() {
        return s.value();
    }
    String::new()
}

/// The current values of form fields, to put back if the entry is refused.
fn draft(root: &Root, ids: &[&str]) -> std::vec::Vec<(String, String)> {
    ids.iter()
        .map(|id| ((*id).into(), input_value(root, id)))
        .collect()
}

fn problem(field: &str, kind: ErrorKind) -> Problem {
    Problem {
        line: None,
        field: field.into(),
        index: None,
        table: None,
        kind,
        published: false,
    }
}

fn add(inst: usize, root: &Root) {
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
    let year = input_value(root, "f-year");
    let value = input_value(root, "f-value");
    let source = input_value(root, "f-source");
    let note = input_value(root, "f-note");
    let provisional = !input_value(root, "f-provisional").is_empty();
    let typed = draft(
        root,
        &[
            "f-subject",
            "f-year",
            "f-value",
            "f-source",
            "f-note",
            "f-provisional",
        ],
    );
    update(inst, false, |app| {
        app.problems_at = "add";
        app.draft = typed;
        let mut ps = std::vec::Vec::new();
        let y = load::parse_year(&year);
        if y.is_none() {
            ps.push(problem("year", ErrorKind::NotANumber));
        }
        let v = match data::read_number(&value, app.lang, data::unit_of(app.base, &subject)) {
            Ok(v) => Some(v),
            Err(kind) => {
                ps.push(problem("value", kind));
                None
            }
        };
        if source.trim().is_empty() {
            ps.push(problem("source", ErrorKind::Empty));
        }
        if !ps.is_empty() {
            app.problems = ps;
            app.flash = None;
            return;
        }
        let mut next = app.data.clone();
        next.obs.push(Obs {
            subject,
            year: y.unwrap_or_default(),
            value: v.unwrap_or_default(),
            source: escape(source.trim()),
            note: (!note.trim().is_empty()).then(|| escape(note.trim())),
            provisional,
        });
        commit(app, next, Change::Added);
    });
}

fn add_flow(inst: usize, root: &Root) {
    let window = input_value(root, "g-window");
    let year = input_value(root, "g-year");
    let source = input_value(root, "g-source");
    let amounts = ["g-pc", "g-pd", "g-vc", "g-vd"].map(|id| input_value(root, id));
    let typed = draft(
        root,
        &[
            "g-window", "g-year", "g-pc", "g-pd", "g-vc", "g-vd", "g-source",
        ],
    );
    update(inst, false, |app| {
        app.problems_at = "flow";
        app.draft = typed;
        let mut ps = std::vec::Vec::new();
        let y = load::parse_year(&year);
        if y.is_none() {
            ps.push(problem("year", ErrorKind::NotANumber));
        }
        let fields = [
            "public_committed",
            "public_disbursed",
            "private_committed",
            "private_disbursed",
        ];
        let mut v = [None; 4];
        for (k, a) in amounts.iter().enumerate() {
            if a.trim().is_empty() {
                continue;
            }
            match data::read_number(a, app.lang, Some(koers_core::model::Unit::Eur)) {
                Ok(x) => v[k] = Some(x),
                Err(kind) => ps.push(problem(fields[k], kind)),
            }
        }
        if source.trim().is_empty() {
            ps.push(problem("source", ErrorKind::Empty));
        }
        if !ps.is_empty() {
            app.problems = ps;
            app.flash = None;
            return;
        }
        let mut next = app.data.clone();
        next.flows.push(data::Flow {
            window,
            year: y.unwrap_or_default(),
            public_committed: v[0],
            public_disbursed: v[1],
            private_committed: v[2],
            private_disbursed: v[3],
            source: escape(source.trim()),
        });
        commit(app, next, Change::Added);
    });
}

fn edit(inst: usize, el: &HtmlInputElement, field: &str) {
    // The figure is found by its subject and year, not its row: another tab
    // may have added or deleted rows above it since the page was drawn.
    let Some(key) = el
        .get_attribute("data-key")
        .and_then(|s| crate::sync::Key::parse(&s, false))
    else {
        return;
    };
    let raw = if el.type_() == "checkbox" {
        if el.checked() {
            "true".into()
        } else {
            String::new()
        }
    } else {
        el.value()
    };
    let mut moved = None;
    update(inst, false, |app| {
        app.problems_at = "data";
        let mut next = app.data.clone();
        let Some(k) = next
            .obs
            .iter()
            .position(|o| o.subject == key.id && o.year == key.year)
        else {
            app.edit_lost = Some(crate::app::LostEdit {
                key: key.clone(),
                field: field.into(),
                typed: raw.clone(),
            });
            return;
        };
        let o = &mut next.obs[k];
        let mut wrong = ErrorKind::NotANumber;
        let ok = match field {
            "year" => load::parse_year(&raw).map(|y| o.year = y).is_some(),
            "value" => match data::read_number(&raw, app.lang, data::unit_of(app.base, &o.subject))
            {
                Ok(v) => {
                    o.value = v;
                    true
                }
                Err(kind) => {
                    wrong = kind;
                    false
                }
            },
            "source" => {
                o.source = escape(raw.trim());
                true
            }
            "note" => {
                o.note = (!raw.trim().is_empty()).then(|| escape(raw.trim()));
                true
            }
            "provisional" => {
                o.provisional = !raw.is_empty();
                true
            }
            _ => false,
        };
        if ok {
            moved =
                (field == "year").then(|| [o.subject.as_str(), "-", &o.year.to_string()].concat());
            commit(app, next, Change::Edited);
        } else {
            app.problems = std::vec![Problem {
                index: Some(k),
                ..problem(
                    &["observations[", &k.to_string(), "].", field].concat(),
                    wrong
                )
            }];
            refused(app);
        }
    });
    // A new year is a new place for the figure: focus follows it.
    if let Some(id) = moved {
        let field = read(inst, |_, root| {
            root.by_id(&["e-year-", id.as_str()].concat())
        })
        .flatten()
        .and_then(|e| e.dyn_into::<HtmlElement>().ok());
        if let Some(f) = field {
            let _ = f.focus();
        }
    }
}

const UNDONE_EXCEPT: i18n::S = [
    "Ongedaan gemaakt, behalve wat een ander tabblad intussen aan hetzelfde cijfer veranderde (dat blijft): ",
    "Undone, except what another tab has since changed in the same figure (that stays): ",
];
const NOT_UNDONE: i18n::S = [
    "Niet ongedaan gemaakt: een ander tabblad heeft dit cijfer intussen veranderd, en dat blijft. Aantal: ",
    "Not undone: another tab has changed this figure since, and that stays. Figures: ",
];

fn undo_redo(inst: usize, act: &str) {
    update(inst, false, |app| {
        let step = if act == "undo" {
            app.undo()
        } else {
            app.redo()
        };
        let l = app.lang;
        let undo = act == "undo";
        let text = match step {
            Step::Done {
                applied: 0,
                skipped,
            } if skipped > 0 => [t(l, NOT_UNDONE), &skipped.to_string()].concat(),
            Step::Done { skipped, .. } if skipped > 0 => {
                [t(l, UNDONE_EXCEPT), &skipped.to_string()].concat()
            }
            Step::Done { .. } => t(l, if undo { i18n::UNDONE } else { i18n::REDONE }).into(),
            Step::Nothing => t(
                l,
                if undo {
                    i18n::NOTHING_TO_UNDO
                } else {
                    i18n::NOTHING_TO_REDO
                },
            )
            .into(),
            Step::Refused => {
                [t(l, i18n::PROBLEMS_TITLE), " ", t(l, i18n::NOTHING_CHANGED)].concat()
            }
        };
        app.flash = Some(Flash {
            error: matches!(step, Step::Refused),
            text,
            undo: false,
        });
        if matches!(step, Step::Done { .. }) {
            save(app);
        }
    });
}

fn click(inst: usize, root: &Root, act: &str, el: &Element) {
    match act {
        "undo" | "redo" => undo_redo(inst, act),
        // Show or hide every part's Embed button; focus stays on the switch.
        "embedding" => {
            update(inst, false, |app| app.embedding = !app.embedding);
            if let Some(b) = root
                .by_id("embed-switch")
                .and_then(|e| e.dyn_into::<HtmlElement>().ok())
            {
                let _ = b.focus();
            }
        }
        "lang" => {
            let l = if el.get_attribute("data-lang").as_deref() == Some("en") {
                Lang::En
            } else {
                Lang::Nl
            };
            store::set_lang(l);
            update(inst, false, |app| {
                app.lang = l;
                app.flash = None;
            });
            if let Some(b) = root
                .by_id("lang-switch")
                .and_then(|e| e.dyn_into::<HtmlElement>().ok())
            {
                let _ = b.focus();
            }
        }
        // One row out of the observations or the window flows.
        // One figure out of the observations or the window flows, by its
        // subject (or window) and year, wherever its row is now.
        "delete" | "delete-flow" => {
            let flows = act == "delete-flow";
            let Some(key) = el
                .get_attribute("data-key")
                .and_then(|s| crate::sync::Key::parse(&s, flows))
            else {
                return;
            };
            update(inst, false, |app| {
                let mut next = app.data.clone();
                let before = next.obs.len() + next.flows.len();
                let hit = |id: &str, year: i32| id == key.id && year == key.year;
                if flows {
                    next.flows.retain(|f| !hit(&f.window, f.year));
                } else {
                    next.obs.retain(|o| !hit(&o.subject, o.year));
                }
                if next.obs.len() + next.flows.len() < before {
                    commit(app, next, Change::Deleted);
                }
            });
        }
        "conflict-mine" | "conflict-theirs" => {
            let flow = el.get_attribute("data-flow").as_deref() == Some("true");
            let Some(key) = el
                .get_attribute("data-key")
                .and_then(|s| crate::sync::Key::parse(&s, flow))
            else {
                return;
            };
            update(inst, false, |app| {
                if let Some(next) = app.resolve(&key, act == "conflict-mine") {
                    if act == "conflict-mine" {
                        commit(app, next, Change::Edited);
                    } else {
                        app.flash = None;
                    }
                }
                store::save_conflicts(&app.conflicts);
            });
        }
        "save-retry" => update(inst, false, save),
        "edit-lost-close" => update(inst, false, |app| app.edit_lost = None),
        "unreadable-remove" => {
            if let Some(key) = el.get_attribute("data-key") {
                store::remove_copy(&key);
                update(inst, false, |app| app.unreadable = store::copies());
            }
        }
        "unreadable-download" => {
            if let Some(key) = el.get_attribute("data-key") {
                if let Some(text) = store::copy_text(&key) {
                    download(&text, "text/plain", &[key.as_str(), ".txt"].concat());
                }
            }
        }
        "reset" => {
            let lang = read(inst, |a, _| a.lang).unwrap_or(Lang::Nl);
            if window()
                .confirm_with_message(t(lang, i18n::CONFIRM_RESET))
                .unwrap_or(false)
            {
                update(inst, false, |app| {
                    commit(app, data::UserData::default(), Change::Reset)
                });
            }
        }
        "export-csv" => {
            if let Some(text) = read(inst, |app, _| data::export_csv(&app.data)) {
                download(&text, "text/csv", "koers-observations.csv");
            }
        }
        "export-json" => {
            if let Some(text) = read(inst, |app, _| data::export_json(app.base, &app.data)) {
                download(&text, "application/json", "koers-dataset.json");
            }
        }
        "examples" => examples(inst),
        "import-cancel" => update(inst, false, |app| {
            app.pending = None;
            app.problems.clear();
        }),
        "import-confirm" => update(inst, false, |app| {
            app.problems_at = "data";
            let Some(p) = app.pending.as_deref() else {
                return;
            };
            match p.apply(app.base, &app.data) {
                Ok(next) => {
                    app.pending = None;
                    commit(app, next, Change::Imported);
                }
                Err(ps) => {
                    app.problems = ps;
                    refused(app);
                }
            }
        }),
        "choose-file" => {
            if let Some(i) = root
                .by_id("import-file")
                .and_then(|e| e.dyn_into::<HtmlElement>().ok())
            {
                i.click();
            }
        }
        "csv" => {
            if let Some(id) = el.get_attribute("data-target") {
                if let Some(text) = table_csv(root, &id) {
                    download(&text, "text/csv", &[id.as_str(), ".csv"].concat());
                }
            }
        }
        "svg" | "png" => {
            let Some(id) = el.get_attribute("data-target") else {
                return;
            };
            let Some(svg) = root.by_id(&id) else {
                return;
            };
            let text = web_sys::XmlSerializer::new()
                .and_then(|s| s.serialize_to_string(&svg))
                .unwrap_or_default();
            if act == "svg" {
                download(&text, "image/svg+xml", &[id.as_str(), ".svg"].concat());
            } else {
                png(&text, &svg, &id);
            }
        }
        "embed" => open_embed(inst, root, el),
        "embed-close" => {
            if let Some(d) = root
                .by_id("embed-dialog")
                .and_then(|d| d.dyn_into::<web_sys::HtmlDialogElement>().ok())
            {
                // The dialog's `close` event does the rest.
                d.close();
            }
        }
        "copy" => {
            if let Some(src) = el
                .get_attribute("data-target")
                .and_then(|id| root.by_id(&id))
            {
                copy(&src, el);
            }
        }
        _ if act.starts_with("sc-") => crate::explore::click(inst, root, act, el),
        _ => {}
    }
}

/// Open the Embed dialog for the part named on `el`.
fn open_embed(inst: usize, root: &Root, el: &Element) {
    let part = Part::parse(&el.get_attribute("data-view").unwrap_or_default());
    // The card or chart the button belongs to gives a starting height.
    let height = el
        .closest("[data-embed]")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into::<HtmlElement>().ok())
        .map_or(480, |c| (c.offset_height() + 48).clamp(160, 2000) as u32);
    let loc = window().location();
    let base = match loc.protocol().as_deref() {
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
    };
    let opener = el.id();
    update(inst, false, |app| {
        app.embed = Some(EmbedDialog {
            part,
            height,
            base,
            opener,
        });
    });
    if let Some(first) = root
        .by_id("embed-iframe")
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
    {
        let _ = first.focus();
    }
}

/// Copy a text field's value: the clipboard when the browser allows it,
/// else the text is selected for Ctrl+C. The button says which.
fn copy(src: &Element, button: &Element) {
    let text = src
        .dyn_ref::<web_sys::HtmlTextAreaElement>()
        .map(|t| t.value())
        .or_else(|| src.dyn_ref::<HtmlInputElement>().map(|i| i.value()))
        .unwrap_or_default();
    if let Some(t) = src.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        t.select();
    } else if let Some(i) = src.dyn_ref::<HtmlInputElement>() {
        i.select();
    }
    // No clipboard from a file or an insecure page: the selection stays.
    let nav = window().navigator();
    let clip = js_sys::Reflect::get(&nav, &JsValue::from_str("clipboard"))
        .ok()
        .filter(|c| !c.is_undefined() && !c.is_null())
        .and_then(|c| c.dyn_into::<web_sys::Clipboard>().ok());
    if let Some(c) = clip {
        // A refusal (no permission) leaves the selection; nothing to report.
        let ignore = Closure::once(|_: JsValue| {});
        let _ = c.write_text(&text).catch(&ignore);
        ignore.forget();
    }
    let done = button.get_attribute("data-done").unwrap_or_default();
    if !done.is_empty() {
        button.set_text_content(Some(&done));
    }
}

fn import(inst: usize, input: &HtmlInputElement) {
    let Some(file) = input.files().and_then(|f| f.get(0)) else {
        return;
    };
    input.set_value("");
    if read(inst, |app, _| app.importing.is_some()).unwrap_or(false) {
        return;
    }
    let name = file.name();
    // Larger than any valid file: refused before it is read.
    if file.size() > data::MAX_IMPORT_BYTES as f64 {
        update(inst, false, |app| {
            app.problems_at = "data";
            app.problems = std::vec![problem(
                "",
                ErrorKind::FileTooLarge {
                    limit: data::MAX_IMPORT_BYTES
                }
            )];
            refused(app);
        });
        return;
    }
    let Ok(reader) = web_sys::FileReader::new() else {
        return;
    };
    // Said at once, and kept until the figures are in or refused.
    update(inst, false, |app| {
        app.problems = Vec::new();
        app.importing = Some(crate::app::Importing {
            name: name.clone(),
            bytes: file.size(),
            lines: None,
        });
    });
    let r = reader.clone();
    let done = Closure::once(move |_: Event| {
        // The bytes, so text that is not UTF-8 is refused with its line
        // instead of read with U+FFFD in it.
        let bytes = r
            .result()
            .ok()
            .map(|v| js_sys::Uint8Array::new(&v).to_vec())
            .unwrap_or_default();
        let lines = bytes.iter().filter(|b| **b == b'\n').count()
            + usize::from(bytes.last().is_some_and(|b| *b != b'\n'));
        update(inst, false, |app| {
            if let Some(i) = app.importing.as_mut() {
                i.lines = Some(lines);
            }
        });
        // Let the page show how many lines are being checked, then check.
        after_paint(move || take_in(inst, &name, &bytes));
    });
    reader.set_onload(Some(done.as_ref().unchecked_ref()));
    done.forget();
    let failed = Closure::once(move |_: Event| {
        update(inst, false, |app| {
            app.importing = None;
            app.problems_at = "data";
            app.problems = std::vec![problem("", ErrorKind::Unreadable)];
            refused(app);
        });
    });
    reader.set_onerror(Some(failed.as_ref().unchecked_ref()));
    failed.forget();
    let _ = reader.read_as_array_buffer(&file);
}

/// Check an imported file's bytes and take its figures in (all or nothing).
fn take_in(inst: usize, file_name: &str, bytes: &[u8]) {
    let name = file_name.to_ascii_lowercase();
    update(inst, false, |app| {
        app.importing = None;
        app.problems_at = "data";
        app.pending = None;
        let result = data::decode(bytes)
            .map_err(|p| std::vec![p])
            .and_then(|text| {
                let json = name.ends_with(".json") || text.trim_start().starts_with('{');
                if json {
                    return data::import_json(app.base, text).map(Some);
                }
                // SDMX-CSV or StatLine: listed, mapped and confirmed before
                // anything is imported.
                match crate::statimport::recognise(file_name, text.as_bytes()) {
                    Some(Ok(p)) => {
                        app.pending = Some(Box::new(p));
                        Ok(None)
                    }
                    Some(Err(ps)) => Err(ps),
                    None => data::import_csv(app.base, text.as_bytes(), &app.data.flows).map(Some),
                }
            });
        match result {
            Ok(Some(next)) => commit(app, next, Change::Imported),
            Ok(None) => {
                app.problems.clear();
                app.flash = None;
            }
            Err(ps) => {
                app.problems = ps;
                refused(app);
            }
        }
    });
}

/// Run `f` once the browser has painted what is on the page now (the next
/// animation frame, then a task), so a long step starts after its
/// announcement is visible.
fn after_paint(f: impl FnOnce() + 'static) {
    let task = Closure::once(f);
    let frame = Closure::once(move || {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(
            task.as_ref().unchecked_ref(),
            0,
        );
        task.forget();
    });
    let _ = window().request_animation_frame(frame.as_ref().unchecked_ref());
    frame.forget();
}

/// Load the invented example figures from their own file, on request only
/// (or from the page, when it carries them).
fn examples(inst: usize) {
    if let Some(text) = read(inst, |app, _| app.examples.clone()).flatten() {
        examples_loaded(inst, Some(text));
        return;
    }
    let Ok(xhr) = web_sys::XmlHttpRequest::new() else {
        return;
    };
    if xhr
        .open("GET", "pkg/illustrative-observations.csv")
        .is_err()
    {
        return;
    }
    let x = xhr.clone();
    let done = Closure::once(move |_: Event| {
        let text = if x.status().unwrap_or(0) == 200 {
            x.response_text().ok().flatten()
        } else {
            None
        };
        examples_loaded(inst, text);
    });
    xhr.set_onloadend(Some(done.as_ref().unchecked_ref()));
    done.forget();
    let _ = xhr.send();
}

fn examples_loaded(inst: usize, text: Option<String>) {
    update(inst, false, |app| {
        app.problems_at = "data";
        let parsed = text.map(|t| data::import_csv(app.base, t.as_bytes(), &[]));
        match parsed {
            Some(Ok(ex)) => {
                let mut next = app.data.clone();
                next.obs.extend(ex.obs);
                commit(app, next, Change::Examples);
            }
            Some(Err(ps)) => {
                app.problems = ps;
                app.flash = Some(Flash {
                    error: true,
                    text: t(app.lang, i18n::EXAMPLES_FAILED).into(),
                    undo: false,
                });
            }
            None => {
                app.flash = Some(Flash {
                    error: true,
                    text: t(app.lang, i18n::EXAMPLES_FAILED).into(),
                    undo: false,
                });
            }
        }
    });
}

/// Offer `text` as a file.
pub(crate) fn download(text: &str, mime: &str, name: &str) {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts) else {
        return;
    };
    download_blob(&blob, name);
}

fn download_blob(blob: &web_sys::Blob, name: &str) {
    let Ok(url) = web_sys::Url::create_object_url_with_blob(blob) else {
        return;
    };
    let a = h("a").a("href", &url).a("download", name);
    if let Some(a) = a.html() {
        let body = document().body();
        if let Some(b) = &body {
            let _ = b.append_child(&a);
        }
        a.click();
        a.remove();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// A table's text as CSV, header included.
fn table_csv(root: &Root, id: &str) -> Option<String> {
    let table = root.by_id(id)?;
    let table = if table.tag_name() == "TABLE" {
        table
    } else {
        table.query_selector("table").ok()??
    };
    let rows = table.query_selector_all("tr").ok()?;
    let mut out = String::new();
    for r in 0..rows.length() {
        let row = rows.item(r)?.dyn_into::<Element>().ok()?;
        let cells = row.query_selector_all("th, td").ok()?;
        for c in 0..cells.length() {
            if c > 0 {
                out.push(',');
            }
            let cell = cells.item(c)?.dyn_into::<Element>().ok()?;
            let text = match cell
                .query_selector("input")
                .ok()
                .flatten()
                .and_then(|i| i.dyn_into::<HtmlInputElement>().ok())
            {
                Some(i) if i.type_() == "checkbox" => i.checked().to_string(),
                Some(i) => i.value(),
                None => cell.text_content().unwrap_or_default(),
            };
            data::csv_field(text.trim(), &mut out);
        }
        out.push('\n');
    }
    Some(out)
}

/// Draw the SVG on a canvas at twice its size and offer it as PNG.
fn png(svg_text: &str, svg: &Element, id: &str) {
    let vb = svg.get_attribute("viewBox").unwrap_or_default();
    let mut dims = vb.split(' ').filter_map(|s| s.parse::<f64>().ok()).skip(2);
    let (w, h_) = (dims.next().unwrap_or(640.0), dims.next().unwrap_or(340.0));
    let Ok(img) = web_sys::HtmlImageElement::new() else {
        return;
    };
    let name = [id, ".png"].concat();
    let i2 = img.clone();
    let onload = Closure::once(move |_: Event| {
        let doc = document();
        let Some(canvas) = doc
            .create_element("canvas")
            .ok()
            .and_then(|c| c.dyn_into::<web_sys::HtmlCanvasElement>().ok())
        else {
            return;
        };
        canvas.set_width((w * 2.0) as u32);
        canvas.set_height((h_ * 2.0) as u32);
        let Some(ctx) = canvas
            .get_context("2d")
            .ok()
            .flatten()
            .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
        else {
            return;
        };
        let _ =
            ctx.draw_image_with_html_image_element_and_dw_and_dh(&i2, 0.0, 0.0, w * 2.0, h_ * 2.0);
        let cb = Closure::once(move |blob: Option<web_sys::Blob>| {
            if let Some(b) = blob {
                download_blob(&b, &name);
            }
        });
        let _ = canvas.to_blob(cb.as_ref().unchecked_ref());
        cb.forget();
    });
    img.set_onload(Some(onload.as_ref().unchecked_ref()));
    onload.forget();
    let encoded: String = js_sys::encode_uri_component(svg_text).into();
    img.set_src(&["data:image/svg+xml;charset=utf-8,", encoded.as_str()].concat());
}
