//! The dashboard instances and the loop that runs them: an event becomes a
//! [`Msg`] (`events`), [`update`] changes the state and says what else must
//! happen, and [`dispatch`] performs it (store, download, address, focus)
//! and draws (`view`). Each dashboard drawn on a page is an instance with
//! its own state and root: the whole page (index.html), one part in an
//! iframe (embed.html), or one part in a shadow root (`<koers-dashboard>`,
//! the ES module API), several on one page.

use std::boxed::Box;
use std::cell::RefCell;
use std::string::{String, ToString};
use std::vec::Vec;

use koers_core::model::{Dataset, Lang};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement};

use crate::app::{App, Mode};
use crate::data::{self, BaseError};
use crate::dom::{document, h, Root};
use crate::events::{self, Listener};
use crate::i18n::{self, t};
use crate::msg::{Act, Msg};
use crate::route::{self, Part, Route};
use crate::scenario::Scenario;
use crate::update::{update, Effect};
use crate::{effects, persist, store, view};

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
    el.replace_children_with_node_1(&page.element());
}

fn window() -> web_sys::Window {
    web_sys::window().unwrap_or_else(|| wasm_bindgen::throw_str("no window"))
}

/// Send `msg` to instance `id`: change its state ([`update`]), then do
/// what that asks. Storage comes first (a failed save is said in the view
/// drawn next), then the view, then what acts on the page as drawn
/// (focus, downloads) or starts something that answers later with another
/// message.
pub fn dispatch(id: usize, msg: Msg) {
    let done = INSTANCES.with(|cell| {
        // An event raised while the state is being changed (a focused field
        // losing its place as the page is redrawn) is not a new change.
        let mut guard = cell.try_borrow_mut().ok()?;
        let inst = guard.get_mut(id)?.as_mut()?;
        let fx = update(&mut inst.app, msg);
        let app = &mut inst.app;
        let root = &inst.root;
        let remote = fx
            .iter()
            .any(|e| matches!(e, Effect::MergeStored(..) | Effect::Resync));
        // What is typed here and not entered yet survives another tab's
        // change.
        let typed = remote.then(|| persist::typed_fields(root));
        let mut later = false;
        for e in &fx {
            match e {
                Effect::Save => persist::save(app),
                Effect::SaveConflicts => store::save_conflicts(&app.conflicts),
                Effect::SaveScenarios if !store::set_scenarios(&app.saved) => {
                    app.flash = Some(crate::app::Flash {
                        error: true,
                        text: t(app.lang, i18n::SAVE_FAILED).into(),
                        undo: false,
                    });
                }
                Effect::SaveLang(l) => store::set_lang(*l),
                Effect::MergeStored(old, new) => {
                    let was = app.resync;
                    persist::merge_stored(app, old.clone(), new.clone());
                    later = app.resync && !was;
                }
                Effect::Resync => persist::resync(app),
                Effect::RemoveCopy(key) => {
                    store::remove_copy(key);
                    app.unreadable = store::copies();
                }
                _ => {}
            }
        }
        if remote {
            draw(app, root);
            if let Some(lost) = typed.and_then(|t| persist::put_back(root, &t)) {
                app.edit_lost = Some(lost);
                draw(app, root);
            }
        } else if fx.contains(&Effect::Draw) {
            draw(app, root);
        } else if fx.contains(&Effect::DrawOutcome) {
            view::explore::redraw_outcome(app, root);
        }
        Some((fx, root.clone(), app.lang, later))
    });
    let Some((fx, root, lang, later)) = done else {
        return;
    };
    if later {
        after(id, Msg::Resync, 120);
    }
    for e in fx {
        perform(id, &root, lang, e);
    }
}

/// Do what acts on the page as drawn, or answers later.
fn perform(id: usize, root: &Root, lang: Lang, e: Effect) {
    match e {
        Effect::Focus(el) => {
            if let Some(f) = root
                .by_id(&el)
                .and_then(|e| e.dyn_into::<HtmlElement>().ok())
            {
                let _ = f.focus();
            }
        }
        Effect::ReplaceUrl(hash) => {
            if let Ok(hist) = window().history() {
                let _ = hist.replace_state_with_url(&JsValue::NULL, "", Some(&hash));
            }
        }
        Effect::Download { name, mime, text } => effects::download(&text, mime, &name),
        Effect::DownloadCopy(key) => {
            if let Some(text) = store::copy_text(&key) {
                effects::download(&text, "text/plain", &[key.as_str(), ".txt"].concat());
            }
        }
        Effect::DownloadSvg(target) => effects::download_chart(root, &target, false),
        Effect::DownloadPng(target) => effects::download_chart(root, &target, true),
        Effect::Copy(target) => {
            effects::copy_field(root, &target, Act::Copy.code());
        }
        Effect::ConfirmReset => {
            if effects::confirm(t(lang, i18n::CONFIRM_RESET)) {
                dispatch(id, Msg::ResetConfirmed);
            }
        }
        Effect::ChooseFile => {
            if let Some(i) = root
                .by_id("import-file")
                .and_then(|e| e.dyn_into::<HtmlElement>().ok())
            {
                i.click();
            }
        }
        Effect::ReadFile => match events::take_chosen(id) {
            Some(file) => effects::read_file(id, file, dispatch),
            None => dispatch(id, Msg::ImportFailed),
        },
        Effect::FetchExamples => effects::fetch_examples(id, dispatch),
        Effect::CloseEmbed => {
            if let Some(d) = root
                .by_id("embed-dialog")
                .and_then(|d| d.dyn_into::<web_sys::HtmlDialogElement>().ok())
            {
                // The dialog's `close` event does the rest.
                d.close();
            }
        }
        Effect::AfterPaint(msg) => effects::after_paint(move || dispatch(id, *msg)),
        // Done in `dispatch`.
        Effect::Draw
        | Effect::DrawOutcome
        | Effect::Save
        | Effect::SaveConflicts
        | Effect::SaveScenarios
        | Effect::SaveLang(_)
        | Effect::MergeStored(..)
        | Effect::Resync
        | Effect::RemoveCopy(_) => {}
    }
}

/// Send `msg` to instance `id` in `ms` milliseconds.
fn after(id: usize, msg: Msg, ms: i32) {
    let cb = Closure::once(move || dispatch(id, msg));
    let _ = window()
        .set_timeout_with_callback_and_timeout_and_arguments_0(cb.as_ref().unchecked_ref(), ms);
    cb.forget();
}

/// Read instance `id`'s state.
fn read<R>(id: usize, f: impl FnOnce(&App) -> R) -> Option<R> {
    INSTANCES.with(|cell| {
        let guard = cell.try_borrow().ok()?;
        let inst = guard.get(id)?.as_ref()?;
        Some(f(&inst.app))
    })
}

/// Write the view of `app` into `root`; focus stays where it was (by id).
fn draw(app: &App, root: &Root) {
    let doc = document();
    let active = root.active();
    let focused = active.as_ref().map(|e| e.id()).filter(|id| !id.is_empty());
    let page = match app.mode {
        Mode::Page => view::render(app),
        Mode::Frame | Mode::Element => view::render_part(app),
    };
    // The page changed in place: what is the same stays the same node.
    root.show(page);
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
    // Set only when changed: a new `lang` on the document restyles all of
    // it, even when it is the same.
    let set_lang = |el: &Element| {
        if el.get_attribute("lang").as_deref() != Some(lang) {
            let _ = el.set_attribute("lang", lang);
        }
    };
    if app.mode == Mode::Page {
        if let Some(html) = doc.document_element() {
            set_lang(&html);
        }
        let heading = root
            .by_id("page-title")
            .map(|e| e.text_content().unwrap_or_default())
            .unwrap_or_default();
        let title = view::page_title(&heading);
        if doc.title() != title {
            doc.set_title(&title);
        }
    } else {
        set_lang(&root.el);
    }
    if let Some(el) = focused
        .and_then(|id| root.by_id(&id))
        .filter(|e| !active.as_ref().is_some_and(|a| a.is_same_node(Some(e))))
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
    {
        // Only a field drawn anew takes focus again (which makes the
        // browser lay the page out at once).
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

/// Add a new instance drawn into `root`, listening there.
fn add_instance(app: App, root: Root) -> usize {
    draw(&app, &root);
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
    let listeners = events::listen(id, &root, mode, dispatch);
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
        Err(store::Unreadable) => app.save_failed = persist::current(&mut app).is_none(),
    }
    app.conflicts = store::conflicts(app.base, &app.data);
    app.unreadable = store::copies();
    add_instance(app, Root::new(el, None));
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
        Root::new(el.clone(), None),
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
        let view = read(id, |app| app.part.view()).unwrap_or_default();
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
    mount_in(Root::new(el, Some(shadow)), Mode::Element, view, lang, home)
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
        view::keyed::forget(inst.app.serial);
    }
}

/// Show another part in instance `id`.
pub fn set_view(id: usize, view: &str) {
    dispatch(id, Msg::ShowPart(Part::parse(view)));
}

/// Switch instance `id`'s language.
pub fn set_lang(id: usize, lang: &str) {
    dispatch(id, Msg::PartLang(lang_of(lang)));
}
