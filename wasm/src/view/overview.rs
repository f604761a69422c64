//! The overview: the whole vision, the headline figures and the
//! priorities, each as cards (and each embeddable on its own).

use std::string::{String, ToString};

use koers_core::assess::TargetStatus;
use koers_core::dashboard;
use koers_core::model::Target;
use koers_core::present;
use koers_core::progress::Status;

use super::{
    badge, bar, counts, coverage, embed_button, figures, qualifier_word, score, section,
    status_index, title, txt, vision_words, Ctx,
};
use crate::dom::{h, link, H};
use crate::i18n as i;
use crate::route::{Part, Route};

pub(super) fn overview(c: &Ctx) -> H {
    let page = h("div").c("overview");
    page.to(title(&txt(c.ds().vision.title.get(c.l))));
    page.to(h("p").c("lede").t(&vision_words(c, c.t(i::LEDE))));
    page.to(vision_card(c));
    page.to(headlines(c));
    page.to(priorities(c));
    page.to(coverage::coverage_panel(c));
    page
}

/// The whole vision: status, mean score, counts, weakest link.
pub(super) fn vision_card(c: &Ctx) -> H {
    let ds = c.ds();
    let r = &c.app.computed.vision;
    let whole = section(c.t(i::WHOLE_VISION), "whole")
        .c("card whole")
        .a("data-embed", "vision");
    let dl = h("dl").c("facts");
    dl.to(h("dt").t(c.t(i::STATUS)));
    dl.to(h("dd").k(match r.status {
        Some(s) => badge(c, s),
        None => badge(c, Status::NotAvailable),
    }));
    dl.to(h("dt").t(c.t(i::MEAN_SCORE)));
    dl.to(h("dd")
        .t(&score(c, r.mean_score))
        .t(" ")
        .t(c.t(i::SCORE_RANGE)));
    dl.to(h("dt").t(c.t(i::ASSESSED)));
    dl.to(h("dd").t(&[
        present::assessed(r).to_string().as_str(),
        " / ",
        &r.targets.to_string(),
        " ",
        c.t(i::TARGETS_WORD),
    ]
    .concat()));
    whole.to(dl);
    whole.to(counts(c, r));
    whole.to(h("p")
        .c("weakest")
        .k(h("strong").t(c.t(i::WEAKEST)))
        .t(" ")
        .t(&match (r.weakest, r.weakest_score) {
            (Some(w), Some(s)) => [
                txt(ds.targets[w].title.get(c.l)),
                " (".into(),
                c.t(i::SCORE).into(),
                " ".into(),
                score(c, Some(s)),
                ")".into(),
            ]
            .concat(),
            _ => c.t(i::WEAKEST_NONE).into(),
        }));
    whole.too(embed_button(c, &Part::Vision, c.t(i::WHOLE_VISION)));
    whole
}

/// Whether a target is one of the headline figures.
fn is_headline(tg: &Target) -> bool {
    tg.headline || (tg.kind == koers_core::model::TargetKind::Milestone && tg.target.year.is_some())
}

/// The headline figures, each as a card.
pub(super) fn headlines(c: &Ctx) -> H {
    let heads = section(c.t(i::HEADLINES), "headlines").a("data-embed", "headlines");
    let grid = h("div").c("grid heads");
    for (k, tg) in c.ds().targets.iter().enumerate() {
        if is_headline(tg) {
            grid.to(headline_card(c, k));
        }
    }
    heads.to(grid);
    heads.too(embed_button(c, &Part::Headlines, c.t(i::HEADLINES)));
    heads
}

/// One headline figure: the target, its status and how far it is.
pub(super) fn headline_card(c: &Ctx, k: usize) -> H {
    let ds = c.ds();
    let tg = &ds.targets[k];
    let s = &c.app.computed.targets[k];
    let big = match (tg.kind, tg.target.value) {
        (koers_core::model::TargetKind::Milestone, _) => {
            tg.target.year.map(|y| y.to_string()).unwrap_or_default()
        }
        (_, Some(v)) => {
            // The vision's own qualifier: "minstens € 500 mln.", "tot € 25 mld.".
            let q = qualifier_word(c, tg.qualifier);
            let v = c.f.value(v, tg.unit);
            if q.is_empty() {
                v
            } else {
                [q, " ", &v].concat()
            }
        }
        _ => "–".into(),
    };
    // Money mobilised from public money: "€ 7 mld. → € 25 mld.".
    let big = match present::mobilised_from(ds, tg) {
        Some(public) => [c.f.money(public), " → ".into(), big].concat(),
        None => big,
    };
    let card = h("article")
        .c("card head")
        .a("aria-labelledby", &["h-", tg.id].concat())
        .a("data-embed", "headline");
    card.to(h("p").c("big").t(&big));
    card.to(h("h3").a("id", &["h-", tg.id].concat()).k(link(
        &Route::Target(tg.id.into()).hash(),
        &txt(tg.title.get(c.l)),
    )));
    card.to(badge(c, s.status));
    card.to(bar(
        c,
        s.distance.as_ref().and_then(dashboard::progress_share),
        s.status,
    ));
    card.to(h("p").c("stand").t(&stand(c, tg, s)));
    card.too(figures::proxy_line(c, tg.id).map(|p| p.c("small")));
    card.too(embed_button(
        c,
        &Part::Headline(tg.id.into()),
        &txt(tg.title.get(c.l)),
    ));
    card
}

/// The six priorities as cards.
pub(super) fn priorities(c: &Ctx) -> H {
    let pri = section(c.t(i::PRIORITIES), "priorities").a("data-embed", "priorities");
    let grid = h("div").c("grid priorities").a("id", "priority-cards");
    for k in 0..c.ds().priorities.len() {
        grid.to(priority_card(c, k));
    }
    pri.to(grid);
    pri.too(embed_button(c, &Part::Priorities, c.t(i::PRIORITIES)));
    pri
}

/// One priority: status, mean score, counts and its ambitions.
pub(super) fn priority_card(c: &Ctx, k: usize) -> H {
    let ds = c.ds();
    let p = &ds.priorities[k];
    let r = &c.app.computed.priorities[k];
    let card = h("article")
        .c("card priority")
        .a("aria-labelledby", &["p-", p.id].concat())
        .a("data-priority", p.id)
        .a("data-embed", "priority");
    let name = [p.number.to_string(), ". ".into(), txt(p.title.get(c.l))].concat();
    card.to(h("h3")
        .a("id", &["p-", p.id].concat())
        .k(link(&Route::Priority(p.id.into()).hash(), &name)));
    let facts = h("p").c("meta");
    facts.to(match r.status {
        Some(s) => badge(c, s),
        None => badge(c, Status::NotAvailable),
    });
    facts.to(h("span")
        .t(" · ")
        .t(c.t(i::MEAN_SCORE))
        .t(": ")
        .t(&score(c, r.mean_score)));
    card.to(facts);
    if r.targets > 0 {
        card.to(counts(c, r));
        let ul = h("ul").c("ambitions");
        for (k, tg) in ds
            .targets
            .iter()
            .enumerate()
            .filter(|(_, t)| t.priority == p.id)
        {
            let s = &c.app.computed.targets[k];
            ul.to(h("li")
                .k(link(
                    &Route::Target(tg.id.into()).hash(),
                    &txt(tg.title.get(c.l)),
                ))
                .t(" ")
                .k(badge(c, s.status)
                    .c(&["badge small st", &status_index(s.status).to_string()].concat()))
                .k(bar(
                    c,
                    s.distance.as_ref().and_then(dashboard::progress_share),
                    s.status,
                )));
        }
        card.to(ul);
    } else {
        let n = present::indicator_count(ds, p.id);
        card.to(h("p")
            .c("muted")
            .t(c.t(i::NO_TARGETS))
            .t(" ")
            .t(&n.to_string())
            .t(" ")
            .t(c.t(i::INDICATORS_WORD)));
    }
    card.too(embed_button(c, &Part::Priority(p.id.into()), &name));
    card
}

/// Where a headline stands, in words.
fn stand(c: &Ctx, tg: &Target, s: &TargetStatus) -> String {
    match (s.latest, s.missing) {
        // Searched for and not found is not the same as not yet entered.
        (None, _) if c.ds().series_of(tg.id).is_some() => {
            let mut t = c.t(i::PUB_NOT_FOUND).to_string();
            if let Some(first) = t.get(..1) {
                // The text is ASCII in both languages: the ASCII case
                // keeps Unicode's case tables (14 KB gzip) out of the wasm.
                t = [first.to_ascii_uppercase().as_str(), &t[1..], "."].concat();
            }
            t
        }
        (None, _) => c.t(i::NOT_AVAILABLE_UNTIL).into(),
        (Some(p), _) => {
            let cur = s
                .distance
                .and_then(|d| d.current)
                .or(s.projection.and_then(|p| p.current))
                .unwrap_or(p);
            [
                c.t(i::LATEST).to_string(),
                " ".into(),
                cur.year.to_string(),
                ": ".into(),
                c.f.value(cur.value, tg.unit),
                figures::origin(c.ds(), &c.app.data, tg.id, cur.year)
                    .map(|o| [" (", c.t(o.words()), ")"].concat())
                    .unwrap_or_default(),
            ]
            .concat()
        }
    }
}
