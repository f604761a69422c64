//! The method page: how progress is assessed, the status key, and the
//! vision's sections with how many targets each holds.

use std::string::ToString;

use koers_core::present;
use koers_core::view as words;

use super::{badge, title, txt, vision_words, Ctx};
use crate::dom::{h, H};
use crate::i18n::{self as i, t};

/// The method page.
pub(super) fn method(c: &Ctx) -> H {
    let page = h("div").c("method-page prose");
    page.to(title(c.t(i::METHOD_TITLE)));
    for (head, body) in i::METHOD_TEXT {
        page.to(h("h2").t(t(c.l, *head)));
        for para in vision_words(c, t(c.l, *body)).split("\n\n") {
            page.to(h("p").t(para));
        }
    }
    let ul = h("ul").c("status-key");
    for s in words::STATUSES {
        ul.to(h("li").k(badge(c, s)));
    }
    page.to(h("h2").t(c.t(i::STATUS_KEY)));
    page.to(ul);
    // The vision's sections, as its sources name them.
    page.to(h("h2").t(c.t(i::VISION_SECTIONS)));
    let ds = c.ds();
    let chapters = present::chapters(ds);
    let ol = h("ul");
    for ch in &chapters.list {
        ol.to(h("li").t(&txt(ch.name)).t(&[
            " — ".into(),
            ch.targets.to_string(),
            " ".into(),
            c.t(i::TARGETS_WORD).into(),
        ]
        .concat()));
    }
    if chapters.more > 0 {
        ol.to(h("li").t(&c
            .t(i::MORE_CHAPTERS)
            .replace("{n}", &chapters.more.to_string())));
    }
    page.to(ol);
    page.to(h("p").c("muted").t(&[
        c.t(i::PUBLISHED),
        " ",
        &txt(ds.vision.published),
        ", ",
        &ds.vision.place.map(txt).unwrap_or_default(),
    ]
    .concat()));
    page
}
