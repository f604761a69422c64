//! # koers-wasm
//!
//! The koers dashboard: koers-core compiled to WebAssembly behind a static
//! page. State lives here, in Rust; the DOM is written with web-sys.
//!
//! Modules by role (as wasm-bindgen's todomvc example): [`data`] holds what
//! the user entered and reads and writes it as koers JSON and CSV; `history`
//! keeps undo and redo; `route` maps URL hashes to views; `i18n` has the
//! interface's words in Dutch and English; `app` keeps the state, `store`
//! the localStorage copy (`persist` merges it with other tabs'). As in Elm:
//! `events` reads DOM events into typed messages ([`msg::Msg`]),
//! [`update::update`] changes the state and returns its effects (pure, tested
//! natively), `controller` runs the instances and performs the effects
//! (`effects` the page's: downloads, clipboard, files), `view` writes the
//! DOM and `chart` the SVG; `scenario` keeps the scenario explorer's state
//! and `view::explore` (a page of the view, like the others) draws it; `api`
//! is the calculations for the ES module API (`www/koers.mjs`).
//!
//! Entry points, called by the few lines of JavaScript that start the wasm:
//! [`start_page`] (index.html, koers.html), [`start_embed`] (embed.html),
//! [`mount_part`] (the `<koers-dashboard>` element and `mount()` of the ES module
//! API), and the calculations in [`api`].
#![cfg_attr(not(test), deny(clippy::unwrap_used))]

pub mod data;
pub mod history;
pub mod route;

pub mod api;
pub mod app;
mod chart;
mod controller;
pub mod dom;
mod effects;
mod events;
pub mod fmt;
mod i18n;
pub mod msg;
mod persist;
pub mod scenario;
pub mod statimport;
pub mod store;
pub mod sync;
pub mod tables;
pub mod update;
mod view;

use wasm_bindgen::prelude::*;

/// The words of the page the dashboard draws for `app` (its route, its
/// language), one block to a line, numbers as the page writes them: the
/// views checked without a browser, in native tests and snapshots
/// (`cli/tests/snapshot.rs`).
pub fn page_text(app: &app::App) -> std::string::String {
    view::render(app).text()
}

/// The overview a new visitor is first shown (Dutch, nothing of their own,
/// as [`start_page`] draws it over `base`), baked ahead of time as a small
/// HTML document: `koers publish` writes it as `first-view.html` beside the
/// data, and `www/main.js` shows it at once, loading the wasm only when the
/// visitor does something (as Our World in Data bakes its pages). The same
/// view code draws it, so the page the wasm draws later is the same.
///
/// `meta` goes into the head as `<meta name content>`: `koers publish` names
/// the data files it was drawn from by their SHA-256, so that the page can
/// tell them from files replaced since (and then start the dashboard on them).
pub fn first_view(
    base: &'static koers_core::model::Dataset<'static>,
    meta: [(&str, &str); 2],
) -> std::string::String {
    use koers_core::model::Lang;
    let app = app::App::new(
        base,
        Lang::Nl,
        route::Route::Overview,
        data::UserData::default(),
    );
    baked(view::render(&app), &meta, "nl", None)
}

/// Every part an iframe can show (`embed.html?view=…&lang=…`), baked as
/// [`first_view`] is, in Dutch and English: `(file name, HTML)`, the name
/// `VIEW.LANG.html` with the view's `/` as `.` (`priority.P3.nl.html`), and
/// `index.json`, the views baked (so that a page asks only for those).
/// `www/embed.js` shows one at once and loads the wasm only when the reader
/// acts or the data files are not the ones baked. Parts with form fields
/// (the scenario explorer, the revolving model's settings) are left out:
/// they are nothing without the wasm. Links go to `index.html` beside
/// `embed.html`, as the live part's do.
pub fn baked_parts(
    base: &'static koers_core::model::Dataset<'static>,
    meta: [(&str, &str); 2],
) -> std::vec::Vec<(std::string::String, std::string::String)> {
    use koers_core::model::Lang;
    use route::Part;
    let mut parts = std::vec![
        Part::Overview,
        Part::Vision,
        Part::Headlines,
        Part::Priorities,
        Part::Multipliers,
        Part::Windows,
        Part::Revolving,
    ];
    for t in &base.targets {
        parts.push(Part::Headline(t.id.into()));
        parts.push(Part::Target(t.id.into()));
        parts.push(Part::Chart(t.id.into()));
    }
    for p in &base.priorities {
        parts.push(Part::Priority(p.id.into()));
    }
    for x in &base.indicators {
        parts.push(Part::Indicator(x.id.into()));
        parts.push(Part::Chart(x.id.into()));
    }
    let mut out = std::vec::Vec::new();
    let mut index = std::vec::Vec::new();
    for part in parts {
        let view = part.view();
        // A file name of the view: ids are letters, digits and dashes.
        if !view
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '/')
        {
            continue;
        }
        for (lang, code) in [(Lang::Nl, "nl"), (Lang::En, "en")] {
            let mut app = app::App::new(base, lang, part.route(), data::UserData::default());
            app.mode = app::Mode::Frame;
            app.part = part.clone();
            app.home = "index.html".into();
            let tree = view::render_part(&app);
            let mut fields = false;
            tree.each(&mut |tag, _| fields |= matches!(tag, "input" | "select" | "textarea"));
            if fields {
                continue;
            }
            let name = [&view.replace('/', "."), ".", code, ".html"].concat();
            out.push((name, baked(tree, &meta, code, Some(&view))));
            if !index.contains(&view) {
                index.push(view.clone());
            }
        }
    }
    let quoted: std::vec::Vec<_> = index.iter().map(|v| ["\"", v, "\""].concat()).collect();
    out.push((
        "index.json".into(),
        ["[", &quoted.join(","), "]\n"].concat(),
    ));
    out
}

/// A baked page: `page` in a small HTML document, titled by its heading,
/// with `meta` (and the part's view, if any) in its head.
fn baked(
    page: dom::H,
    meta: &[(&str, &str)],
    lang: &str,
    part: Option<&str>,
) -> std::string::String {
    let heading = page
        .by_id("page-title")
        .map(|h| h.text())
        .unwrap_or_default();
    let title = dom::h("title").t(&view::page_title(heading.trim()));
    let metas: std::string::String = meta
        .iter()
        .copied()
        .chain(part.map(|v| ("koers-view", v)))
        .map(|(name, content)| {
            dom::h("meta")
                .a("name", name)
                .a("content", content)
                .html_text()
        })
        .collect();
    [
        "<!doctype html>\n<html lang=\"",
        lang,
        "\"><head><meta charset=\"utf-8\">",
        &title.html_text(),
        &metas,
        "</head><body>",
        &page.html_text(),
        "</body></html>\n",
    ]
    .concat()
}

/// Load the vision (`data/vision.json`) and its published figures
/// (`data/figures.json`) from their texts, once for the page, before any
/// dashboard starts; `undefined` for a file that could not be fetched. The
/// JavaScript that starts the wasm fetches the two files (relative to the
/// page, or to the module for the element and the ES module API) and hands
/// them over; if either is missing or invalid, every dashboard started
/// afterwards says so (file, line, field) instead of drawing half the data.
#[wasm_bindgen]
pub fn load_data(vision: Option<String>, figures: Option<String>) {
    controller::load_data(vision, figures);
}

/// Start the whole dashboard in the page's `#app` (index.html and the
/// single-file koers.html). `examples` is the example figures' CSV when the
/// page carries it (a file cannot fetch), else `undefined`.
#[wasm_bindgen]
pub fn start_page(examples: Option<String>) {
    controller::start_page(examples);
}

/// Start one part in an iframe (embed.html?view=…&lang=…).
#[wasm_bindgen]
pub fn start_embed() {
    controller::start_frame();
}

/// Draw one part (`view`, as in `embed.html?view=`) into a shadow root, in
/// `lang` (`nl`, `en`), its links opening the dashboard at `home`. Returns
/// an id for [`set_part_view`], [`set_part_lang`] and [`unmount_part`].
#[wasm_bindgen]
pub fn mount_part(shadow: web_sys::ShadowRoot, view: &str, lang: &str, home: &str) -> u32 {
    u32::try_from(controller::mount(shadow, view, lang, home)).unwrap_or(u32::MAX)
}

/// Show another part in a mounted dashboard.
#[wasm_bindgen]
pub fn set_part_view(id: u32, view: &str) {
    controller::set_view(id as usize, view);
}

/// Switch a mounted dashboard's language.
#[wasm_bindgen]
pub fn set_part_lang(id: u32, lang: &str) {
    controller::set_lang(id as usize, lang);
}

/// Remove a mounted dashboard and its listeners.
#[wasm_bindgen]
pub fn unmount_part(id: u32) {
    controller::unmount(id as usize);
}
