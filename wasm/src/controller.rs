//! Events in, state changes out: one delegated listener per kind of event
//! on the document (clicks on `[data-act]`, edits of `[data-edit]`, the add
//! form), plus `hashchange`, `storage` and the keyboard shortcuts. These
//! listeners live as long as the page, so their closures are `forget()`-ed
//! once; one-shot callbacks (a file read, a PNG) are `Closure::once`.

use std::cell::RefCell;
use std::string::{String, ToString};

use koers_core::load::{self, ErrorKind};
use koers_core::model::Lang;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, HtmlElement, HtmlInputElement, KeyboardEvent};

use crate::app::{App, Change, Flash};
use crate::data::{self, escape, Obs, Problem};
use crate::dom::{document, h};
use crate::i18n::{self, t};
use crate::route::Route;
use crate::{store, view};

thread_local! {
    static APP: RefCell<Option<App>> = const { RefCell::new(None) };
}

fn window() -> web_sys::Window {
    web_sys::window().unwrap_or_else(|| wasm_bindgen::throw_str("no window"))
}

/// Run `f` on the state, then draw it; `focus_title` moves focus to the
/// page's heading (after a change of view).
fn update(focus_title: bool, f: impl FnOnce(&mut App)) {
    APP.with(|cell| {
        // An event raised while the state is being changed (a focused field
        // losing its place as the page is redrawn) is not a new change.
        let Ok(mut guard) = cell.try_borrow_mut() else {
            return;
        };
        let Some(app) = guard.as_mut() else { return };
        f(app);
        draw(app, focus_title);
    });
}

/// Write the page for `app`.
pub fn draw(app: &App, focus_title: bool) {
    let doc = document();
    let Some(root) = doc.get_element_by_id("app") else {
        return;
    };
    let focused = doc
        .active_element()
        .map(|e| e.id())
        .filter(|id| !id.is_empty());
    let page = view::render(app);
    root.replace_children_with_node_1(&page.0);
    for (id, value) in &app.draft {
        let Some(el) = doc.get_element_by_id(id) else {
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
    if let Some(html) = doc.document_element() {
        let _ = html.set_attribute("lang", if app.lang == Lang::En { "en" } else { "nl" });
    }
    let heading = doc
        .get_element_by_id("page-title")
        .map(|e| e.text_content().unwrap_or_default())
        .unwrap_or_default();
    doc.set_title(&[heading.as_str(), " · koers"].concat());
    let target = if focus_title {
        Some("page-title".to_string())
    } else {
        focused
    };
    if let Some(el) = target
        .and_then(|id| doc.get_element_by_id(&id))
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

fn save(app: &mut App) {
    if !store::save(&app.base, &app.data) {
        app.flash = Some(Flash {
            error: true,
            text: t(app.lang, i18n::SAVE_FAILED).into(),
            undo: false,
        });
    }
}

fn commit(app: &mut App, next: data::UserData, change: Change) {
    if app.commit(next, change) {
        save(app);
    } else {
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
}

/// Start the dashboard: load the state, draw it, listen.
pub fn start() {
    let lang = store::lang();
    let route = Route::parse(&window().location().hash().unwrap_or_default());
    let mut app = App::new(lang, route, data::UserData::default());
    match store::load(&app.base) {
        Ok(d) => {
            app.data = d;
            app.computed = crate::app::compute(&app.base, &app.data);
        }
        Err(store::Unreadable) => app.unreadable = true,
    }
    draw(&app, false);
    APP.with(|cell| *cell.borrow_mut() = Some(app));
    listen();
}

fn on<E: wasm_bindgen::convert::FromWasmAbi + 'static>(
    target: &web_sys::EventTarget,
    kind: &str,
    f: impl Fn(E) + 'static,
) {
    // `Fn`, not `FnMut`: a handler may cause the same event again (a click
    // on a download link, or on the hidden file input) while it runs.
    let cb = Closure::<dyn Fn(E)>::new(f);
    let _ = target.add_event_listener_with_callback(kind, cb.as_ref().unchecked_ref());
    // Page-long listener: lives as long as the page.
    cb.forget();
}

fn listen() {
    let doc: web_sys::EventTarget = document().into();
    let win: web_sys::EventTarget = window().into();
    on(&win, "hashchange", |_: Event| {
        let route = Route::parse(&window().location().hash().unwrap_or_default());
        update(true, |app| {
            app.route = route;
            app.flash = None;
            app.problems.clear();
            app.draft.clear();
        });
    });
    on(&win, "storage", |e: web_sys::StorageEvent| {
        if e.key().as_deref() == Some(store::KEY) {
            update(false, |app| {
                if let Ok(d) = store::load(&app.base) {
                    app.data = d;
                    app.computed = crate::app::compute(&app.base, &app.data);
                }
            });
        }
    });
    on(&doc, "click", |e: Event| {
        let Some(el) = closest(&e, "[data-act]") else {
            return;
        };
        let act = el.get_attribute("data-act").unwrap_or_default();
        if act == "import" || act == "skip" {
            if act == "skip" {
                e.prevent_default();
                if let Some(m) = document()
                    .get_element_by_id("main")
                    .and_then(|m| m.dyn_into::<HtmlElement>().ok())
                {
                    let _ = m.focus();
                }
            }
            return;
        }
        click(&act, &el);
    });
    on(&doc, "change", |e: Event| {
        let Some(el) = e
            .target()
            .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
        else {
            return;
        };
        if let Some(field) = el.get_attribute("data-edit") {
            edit(&el, &field);
        } else if let Some(name) = el.get_attribute("data-revolve") {
            let v = el.value_as_number();
            update(false, |app| {
                let r = &mut app.revolve;
                if v.is_finite() {
                    match name.as_str() {
                        "loss" => r.loss_pct = v.clamp(0.0, 100.0),
                        "return" => r.return_pct = v.clamp(-50.0, 50.0),
                        "holding" => r.holding = v.clamp(0.0, 30.0) as u32,
                        "lag" => r.lag = v.clamp(0.0, 10.0) as u32,
                        _ => {}
                    }
                }
            });
        } else if el.id() == "import-file" {
            import(&el);
        }
    });
    on(&doc, "submit", |e: Event| {
        let Some(form) = e.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
            return;
        };
        e.prevent_default();
        match form.get_attribute("data-form").as_deref() {
            Some("add") => add(),
            Some("flow") => add_flow(),
            _ => {}
        }
    });
    on(&doc, "keydown", |e: KeyboardEvent| {
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
        if e.shift_key() || y {
            click(
                "redo",
                &document()
                    .create_element("i")
                    .unwrap_or_else(|_| wasm_bindgen::throw_str("i")),
            );
        } else {
            click(
                "undo",
                &document()
                    .create_element("i")
                    .unwrap_or_else(|_| wasm_bindgen::throw_str("i")),
            );
        }
    });
}

fn closest(e: &Event, selector: &str) -> Option<Element> {
    e.target()?
        .dyn_into::<Element>()
        .ok()?
        .closest(selector)
        .ok()
        .flatten()
}

fn input_value(id: &str) -> String {
    let doc = document();
    let Some(el) = doc.get_element_by_id(id) else {
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
fn draft(ids: &[&str]) -> std::vec::Vec<(String, String)> {
    ids.iter()
        .map(|id| ((*id).into(), input_value(id)))
        .collect()
}

fn problem(field: &str, kind: ErrorKind) -> Problem {
    Problem {
        line: None,
        field: field.into(),
        index: None,
        kind,
    }
}

fn add() {
    let subject = document()
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
    let year = input_value("f-year");
    let value = input_value("f-value");
    let source = input_value("f-source");
    let note = input_value("f-note");
    let provisional = !input_value("f-provisional").is_empty();
    let typed = draft(&[
        "f-subject",
        "f-year",
        "f-value",
        "f-source",
        "f-note",
        "f-provisional",
    ]);
    update(false, |app| {
        app.problems_at = "add";
        app.draft = typed;
        let mut ps = std::vec::Vec::new();
        let y = year.trim().parse::<i32>().ok();
        if y.is_none() {
            ps.push(problem("year", ErrorKind::NotANumber));
        }
        let v = load::parse_number(&value);
        if v.is_none() {
            ps.push(problem("value", ErrorKind::NotANumber));
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

fn add_flow() {
    let window = input_value("g-window");
    let year = input_value("g-year");
    let source = input_value("g-source");
    let amounts = ["g-pc", "g-pd", "g-vc", "g-vd"].map(input_value);
    let typed = draft(&[
        "g-window", "g-year", "g-pc", "g-pd", "g-vc", "g-vd", "g-source",
    ]);
    update(false, |app| {
        app.problems_at = "flow";
        app.draft = typed;
        let mut ps = std::vec::Vec::new();
        let y = year.trim().parse::<i32>().ok();
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
            match load::parse_number(a) {
                Some(x) => v[k] = Some(x),
                None => ps.push(problem(fields[k], ErrorKind::NotANumber)),
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

fn edit(el: &HtmlInputElement, field: &str) {
    let Some(k) = el
        .get_attribute("data-index")
        .and_then(|s| s.parse::<usize>().ok())
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
    update(false, |app| {
        app.problems_at = "data";
        let mut next = app.data.clone();
        let Some(o) = next.obs.get_mut(k) else { return };
        let ok = match field {
            "year" => raw.trim().parse::<i32>().map(|y| o.year = y).is_ok(),
            "value" => load::parse_number(&raw).map(|v| o.value = v).is_some(),
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
            commit(app, next, Change::Edited);
        } else {
            app.problems = std::vec![Problem {
                index: Some(k),
                ..problem(
                    &["observations[", &k.to_string(), "].", field].concat(),
                    ErrorKind::NotANumber
                )
            }];
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
    });
}

fn click(act: &str, el: &Element) {
    match act {
        "undo" | "redo" => update(false, |app| {
            let done = if act == "undo" {
                app.undo()
            } else {
                app.redo()
            };
            let l = app.lang;
            app.flash = Some(Flash {
                error: false,
                text: t(
                    l,
                    match (act, done) {
                        ("undo", true) => i18n::UNDONE,
                        ("undo", false) => i18n::NOTHING_TO_UNDO,
                        (_, true) => i18n::REDONE,
                        _ => i18n::NOTHING_TO_REDO,
                    },
                )
                .into(),
                undo: false,
            });
            if done {
                save(app);
            }
        }),
        "lang" => {
            let l = if el.get_attribute("data-lang").as_deref() == Some("en") {
                Lang::En
            } else {
                Lang::Nl
            };
            store::set_lang(l);
            update(false, |app| {
                app.lang = l;
                app.flash = None;
            });
            if let Some(b) = document()
                .get_element_by_id("lang-switch")
                .and_then(|e| e.dyn_into::<HtmlElement>().ok())
            {
                let _ = b.focus();
            }
        }
        "delete" => {
            let Some(k) = el
                .get_attribute("data-index")
                .and_then(|s| s.parse::<usize>().ok())
            else {
                return;
            };
            update(false, |app| {
                let mut next = app.data.clone();
                if k < next.obs.len() {
                    next.obs.remove(k);
                    commit(app, next, Change::Deleted);
                }
            });
        }
        "delete-flow" => {
            let Some(k) = el
                .get_attribute("data-index")
                .and_then(|s| s.parse::<usize>().ok())
            else {
                return;
            };
            update(false, |app| {
                let mut next = app.data.clone();
                if k < next.flows.len() {
                    next.flows.remove(k);
                    commit(app, next, Change::Deleted);
                }
            });
        }
        "reset" => {
            let lang = APP.with(|c| c.borrow().as_ref().map_or(Lang::Nl, |a| a.lang));
            if window()
                .confirm_with_message(t(lang, i18n::CONFIRM_RESET))
                .unwrap_or(false)
            {
                update(false, |app| {
                    commit(app, data::UserData::default(), Change::Reset)
                });
            }
        }
        "export-csv" => APP.with(|c| {
            if let Some(app) = c.borrow().as_ref() {
                download(
                    &data::export_csv(&app.data),
                    "text/csv",
                    "koers-observations.csv",
                );
            }
        }),
        "export-json" => APP.with(|c| {
            if let Some(app) = c.borrow().as_ref() {
                download(
                    &data::export_json(&app.base, &app.data),
                    "application/json",
                    "koers-dataset.json",
                );
            }
        }),
        "examples" => examples(),
        "choose-file" => {
            if let Some(i) = document()
                .get_element_by_id("import-file")
                .and_then(|e| e.dyn_into::<HtmlElement>().ok())
            {
                i.click();
            }
        }
        "csv" => {
            if let Some(id) = el.get_attribute("data-target") {
                if let Some(text) = table_csv(&id) {
                    download(&text, "text/csv", &[id.as_str(), ".csv"].concat());
                }
            }
        }
        "svg" | "png" => {
            let Some(id) = el.get_attribute("data-target") else {
                return;
            };
            let Some(svg) = document().get_element_by_id(&id) else {
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
        _ => {}
    }
}

fn import(input: &HtmlInputElement) {
    let Some(file) = input.files().and_then(|f| f.get(0)) else {
        return;
    };
    let name = file.name().to_ascii_lowercase();
    let Ok(reader) = web_sys::FileReader::new() else {
        return;
    };
    let r = reader.clone();
    let done = Closure::once(move |_: Event| {
        let text = r
            .result()
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default();
        update(false, |app| {
            app.problems_at = "data";
            let json = name.ends_with(".json") || text.trim_start().starts_with('{');
            let result = if json {
                data::import_json(&app.base, &text)
            } else {
                data::import_csv(&app.base, text.as_bytes(), &app.data.flows)
            };
            match result {
                Ok(next) => commit(app, next, Change::Imported),
                Err(ps) => {
                    app.problems = ps;
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
            }
        });
    });
    reader.set_onload(Some(done.as_ref().unchecked_ref()));
    done.forget();
    let _ = reader.read_as_text(&file);
    input.set_value("");
}

/// Load the invented example figures from their own file, on request only.
fn examples() {
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
        update(false, |app| {
            app.problems_at = "data";
            let parsed = text.map(|t| data::import_csv(&app.base, t.as_bytes(), &[]));
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
    });
    xhr.set_onloadend(Some(done.as_ref().unchecked_ref()));
    done.forget();
    let _ = xhr.send();
}

/// Offer `text` as a file.
fn download(text: &str, mime: &str, name: &str) {
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
fn table_csv(id: &str) -> Option<String> {
    let table = document().get_element_by_id(id)?;
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
