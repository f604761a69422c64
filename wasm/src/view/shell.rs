//! The page around every view: the header with its navigation and tools,
//! the footer, the note when there are no (or only illustrative) figures,
//! the flash after an action, the Embed dialog, and the page for a route
//! that does not exist.

use crate::msg::Act;
use std::string::ToString;

use koers_core::model::Lang;

use super::{title, txt, vision_words, Ctx};
use crate::app::{EmbedDialog, Flash};
use crate::dom::{button, h, link, H};
use crate::i18n as i;
use crate::route::Route;

/// The Embed dialog: the snippets to put one part on another site.
pub(super) fn embed_dialog(c: &Ctx, d: &EmbedDialog) -> H {
    let view = d.part.view();
    let lang = if c.l == Lang::En { "en" } else { "nl" };
    let dialog = h("dialog")
        .a("id", "embed-dialog")
        .a("aria-labelledby", "embed-title")
        .c("embed-dialog");
    dialog.to(h("h2").a("id", "embed-title").t(c.t(i::EMBED_TITLE)));
    dialog.to(h("p").k(h("code").t(&view)));
    match &d.base {
        None => {
            dialog.to(h("p")
                .c("note")
                .a("id", "embed-offline")
                .t(c.t(i::EMBED_OFFLINE)));
        }
        Some(base) => {
            let src = [
                base.as_str(),
                "embed.html?view=",
                &crate::scenario::encode(&view).replace("%2f", "/"),
                "&amp;lang=",
                lang,
            ]
            .concat();
            let iframe = [
                "<iframe src=\"",
                &src,
                "\" title=\"koers: ",
                &view,
                "\" width=\"100%\" height=\"",
                &d.height.to_string(),
                "\" loading=\"lazy\" data-koers-embed></iframe>\n<script src=\"",
                base,
                "embed-resize.js\" defer></script>",
            ]
            .concat();
            let element = [
                "<script type=\"module\" src=\"",
                base.as_str(),
                "pkg/koers-element.js\"></script>\n<koers-dashboard view=\"",
                &view,
                "\" lang=\"",
                lang,
                "\"></koers-dashboard>",
            ]
            .concat();
            for (id, label, hint, text) in [
                (
                    "embed-iframe",
                    i::EMBED_IFRAME,
                    i::EMBED_IFRAME_HINT,
                    iframe,
                ),
                (
                    "embed-element",
                    i::EMBED_ELEMENT,
                    i::EMBED_ELEMENT_HINT,
                    element,
                ),
            ] {
                dialog.to(h("div")
                    .c("snippet")
                    .k(h("label").a("for", id).t(c.t(label)))
                    .k(h("p")
                        .c("muted small")
                        .a("id", &[id, "-hint"].concat())
                        .t(c.t(hint)))
                    .k(h("textarea")
                        .a("id", id)
                        .a("readonly", "")
                        .a("rows", "4")
                        .a("spellcheck", "false")
                        .a("aria-describedby", &[id, "-hint"].concat())
                        .t(&text))
                    .k(button(Act::Copy, c.t(i::COPY))
                        .a("data-target", id)
                        .a("data-done", c.t(i::COPIED))));
            }
            dialog.to(h("p").c("muted small").t(c.t(i::EMBED_CSP)));
            dialog.to(h("p").k(link(
                &[base.as_str(), "embed.html?view=", &view, "&lang=", lang].concat(),
                c.t(i::EMBED_PREVIEW),
            )
            .a("target", "_blank")
            .a("rel", "noopener")
            .a("id", "embed-preview")));
        }
    }
    dialog.to(h("div")
        .c("buttons")
        .k(button(Act::EmbedClose, c.t(i::CLOSE)).a("id", "embed-close")));
    dialog
}

pub(super) fn header(c: &Ctx) -> H {
    let nav = h("ul");
    let here = &c.app.route;
    let items: [(Route, i::S); 5] = [
        (Route::Overview, i::OVERVIEW),
        (Route::Money, i::MONEY),
        (Route::Scenario, i::SCENARIO),
        (Route::Data, i::DATA),
        (Route::Method, i::METHOD),
    ];
    for (r, label) in items {
        let a = link(&r.hash(), c.t(label));
        let current = *here == r
            || (r == Route::Overview
                && matches!(
                    here,
                    Route::Priority(_) | Route::Target(_) | Route::Indicator(_)
                ));
        nav.to(h("li").k(if current {
            a.a("aria-current", "page")
        } else {
            a
        }));
    }
    let other = match c.l {
        Lang::Nl => ("en", "English", "EN"),
        Lang::En => ("nl", "Nederlands", "NL"),
    };
    // A tool's name, and a short sign that stands for it where the screen
    // is narrow (the name stays its accessible name).
    let tool = |act: Act, sign: &str, name: &str| {
        h("button")
            .a("type", "button")
            .a("data-act", act.code())
            .k(h("span").c("sign").a("aria-hidden", "true").t(sign))
            .k(h("span").c("name").t(name))
    };
    h("header")
        .c("top")
        .k(h("div")
            .c("brand")
            .k(link("#/", "koers").c("logo"))
            .k(h("span").c("vision").t(&txt(c.ds().vision.title.get(c.l)))))
        .k(h("nav").a("aria-label", c.t(i::MAIN_NAV)).k(nav))
        .k(h("div")
            .c("tools")
            .k(tool(Act::Undo, "\u{21b6}", c.t(i::UNDO))
                .a("title", "Ctrl+Z")
                .a("aria-keyshortcuts", "Control+Z"))
            .k(tool(Act::Redo, "\u{21b7}", c.t(i::REDO))
                .a("title", "Ctrl+Shift+Z")
                .a("aria-keyshortcuts", "Control+Shift+Z"))
            .k(tool(Act::Embedding, "</>", c.t(i::EMBED_PARTS))
                .a("id", "embed-switch")
                .a(
                    "aria-pressed",
                    if c.app.embedding { "true" } else { "false" },
                ))
            .k(tool(Act::Lang, other.2, other.1)
                .a("lang", other.0)
                .a("data-lang", other.0)
                .a("id", "lang-switch")))
}

pub(super) fn footer(c: &Ctx) -> H {
    h("footer")
        .c("bottom")
        .k(h("p").t(&vision_words(c, c.t(i::FOOTER))))
}

pub(super) fn banner(c: &Ctx) -> Option<H> {
    let app = c.app;
    if app.data.obs.is_empty() && app.published_count() == 0 {
        return Some(
            h("div")
                .c("note")
                .a("id", "no-data-note")
                .k(h("strong").t(c.t(i::NO_OBS_TITLE)))
                .t(" ")
                .t(c.t(i::NO_OBS_TEXT))
                .t(" ")
                .k(link("#/data", c.t(i::ENTER_FIGURES))),
        );
    }
    if app.illustrative(None) {
        return Some(
            h("div")
                .c("note illustrative")
                .a("id", "illustrative-note")
                .k(h("strong").t(c.t(i::ILLUSTRATIVE_TITLE)))
                .t(" ")
                .t(c.t(i::ILLUSTRATIVE_TEXT)),
        );
    }
    None
}

pub(super) fn flash(c: &Ctx, fl: &Flash) -> H {
    let div = h("div")
        .c(if fl.error { "flash error" } else { "flash" })
        .a("role", "status")
        .a("id", "flash")
        .k(h("span").t(&fl.text));
    if fl.undo && c.app.history.can_undo() {
        div.to(button(Act::Undo, c.t(i::UNDO)).c("link"));
    }
    div
}

pub(super) fn not_found(c: &Ctx) -> H {
    h("div")
        .k(title(c.t(i::NOT_FOUND)))
        .k(h("p").k(link("#/", c.t(i::OVERVIEW))))
}
