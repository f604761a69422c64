//! The effects that touch the page outside the view: files offered for
//! download (text, a chart as SVG or PNG), the clipboard,
//! reading a chosen file, fetching the example figures, a confirmation.
//! Whatever comes back is sent as a [`Msg`] to the dispatcher given.

use std::string::String;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, HtmlInputElement};

use crate::dom::{document, h, Root};
use crate::events::Dispatch;
use crate::msg::Msg;

fn window() -> web_sys::Window {
    web_sys::window().unwrap_or_else(|| wasm_bindgen::throw_str("no window"))
}

/// Ask the user `question`; true if confirmed.
pub fn confirm(question: &str) -> bool {
    window().confirm_with_message(question).unwrap_or(false)
}

/// Read `file` for instance `inst`: [`Msg::ImportRead`] with its bytes, or
/// [`Msg::ImportFailed`].
pub fn read_file(inst: usize, file: web_sys::File, send: Dispatch) {
    let Ok(reader) = web_sys::FileReader::new() else {
        return send(inst, Msg::ImportFailed);
    };
    let name = file.name();
    let r = reader.clone();
    let done = Closure::once(move |_: Event| {
        // The bytes, so text that is not UTF-8 is refused with its line
        // instead of read with U+FFFD in it.
        let bytes = r
            .result()
            .ok()
            .map(|v| js_sys::Uint8Array::new(&v).to_vec())
            .unwrap_or_default();
        send(inst, Msg::ImportRead { name, bytes });
    });
    reader.set_onload(Some(done.as_ref().unchecked_ref()));
    done.forget();
    let failed = Closure::once(move |_: Event| send(inst, Msg::ImportFailed));
    reader.set_onerror(Some(failed.as_ref().unchecked_ref()));
    failed.forget();
    let _ = reader.read_as_array_buffer(&file);
}

/// Fetch the invented example figures from their own file, on request
/// only: [`Msg::ExamplesLoaded`].
pub fn fetch_examples(inst: usize, send: Dispatch) {
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
        send(inst, Msg::ExamplesLoaded(text));
    });
    xhr.set_onloadend(Some(done.as_ref().unchecked_ref()));
    done.forget();
    let _ = xhr.send();
}

/// Offer the chart with id `id` as SVG, or as PNG.
pub fn download_chart(root: &Root, id: &str, as_png: bool) {
    let Some(svg) = root.by_id(id) else {
        return;
    };
    let text = web_sys::XmlSerializer::new()
        .and_then(|s| s.serialize_to_string(&svg))
        .unwrap_or_default();
    if as_png {
        png(&text, &svg, id);
    } else {
        download(&text, "image/svg+xml", &[id, ".svg"].concat());
    }
}

/// Copy the field with id `target`; its copy button says so.
pub fn copy_field(root: &Root, target: &str, act: &str) {
    let Some(src) = root.by_id(target) else {
        return;
    };
    let selector = ["[data-act=\"", act, "\"][data-target=\"", target, "\"]"].concat();
    if let Some(button) = root.el.query_selector(&selector).ok().flatten() {
        copy(&src, &button);
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

/// Run `f` once the browser has painted what is on the page now (the next
/// animation frame, then a task), so a long step starts after its
/// announcement is visible.
pub fn after_paint(f: impl FnOnce() + 'static) {
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

/// Offer `text` as a file.
pub fn download(text: &str, mime: &str, name: &str) {
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
