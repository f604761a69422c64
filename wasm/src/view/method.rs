//! The method page: how progress is assessed, the status key, and the
//! vision's sections with how many targets each holds.

use std::string::{String, ToString};
use std::vec::Vec;

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
    let mut chapters: Vec<String> = Vec::new();
    let ds = c.ds();
    let all = ds
        .priorities
        .iter()
        .map(|p| p.source.chapter)
        .chain(ds.objectives.iter().map(|x| x.source.chapter))
        .chain(ds.targets.iter().map(|x| x.source.chapter))
        .chain(ds.indicators.iter().map(|x| x.source.chapter))
        .chain(ds.windows.iter().map(|x| x.source.chapter));
    for ch in all {
        let s = txt(ch);
        if !chapters.contains(&s) {
            chapters.push(s);
        }
    }
    // Chapters are numbered ("1 Internationaal", ...): a small insertion
    // sort keeps the general sort out of the binary.
    for i in 1..chapters.len() {
        let mut j = i;
        while j > 0 && chapters[j - 1] > chapters[j] {
            chapters.swap(j - 1, j);
            j -= 1;
        }
    }
    let ol = h("ul");
    for ch in chapters {
        let n = ds
            .targets
            .iter()
            .filter(|x| txt(x.source.chapter) == ch)
            .count();
        ol.to(h("li").t(&ch).t(&[
            " — ".into(),
            n.to_string(),
            " ".into(),
            c.t(i::TARGETS_WORD).into(),
        ]
        .concat()));
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
