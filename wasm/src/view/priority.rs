//! A priority's page: its status, targets, objectives, focus areas,
//! investment windows and impact indicators.

use crate::msg::Act;
use std::string::{String, ToString};
use std::vec::Vec;

use koers_core::assess::TargetStatus;
use koers_core::dashboard;
use koers_core::model::{Basis, InvestmentWindow, Scope};
use koers_core::progress::Status;
use koers_core::view as words;

use super::{
    badge, bar, counts, crumbs, embed_button, qualifier_word, score, section, shell, source,
    target_value_text, title, txt, Ctx,
};
use crate::dom::{button, h, link, H};
use crate::i18n as i;
use crate::route::{Part, Route};

/// The page of the priority `id`.
pub(super) fn priority(c: &Ctx, id: &str) -> H {
    let ds = c.ds();
    let Some((k, p)) = ds.priorities.iter().enumerate().find(|(_, p)| p.id == id) else {
        return shell::not_found(c);
    };
    let comp = &c.app.computed;
    let page = h("div").c("priority-page");
    page.to(crumbs(c, &[]));
    page.to(title(
        &[p.number.to_string(), ". ".into(), txt(p.title.get(c.l))].concat(),
    ));
    page.to(h("p").c("lede").t(&txt(p.summary.get(c.l))));
    page.to(source(c, &p.source));
    let r = &comp.priorities[k];
    page.to(h("div")
        .c("card")
        .k(h("p")
            .c("meta")
            .k(match r.status {
                Some(s) => badge(c, s),
                None => badge(c, Status::NotAvailable),
            })
            .t(" · ")
            .t(c.t(i::MEAN_SCORE))
            .t(": ")
            .t(&score(c, r.mean_score)))
        .k(counts(c, r))
        .ko(embed_button(
            c,
            &Part::Priority(p.id.into()),
            &txt(p.title.get(c.l)),
        )));

    // Targets.
    let sec = section(c.t(i::TARGETS), "targets");
    let rows: Vec<_> = ds
        .targets
        .iter()
        .enumerate()
        .filter(|(_, t)| t.priority == id)
        .collect();
    if rows.is_empty() {
        sec.to(h("p").c("muted").t(c.t(i::NO_TARGETS)));
    } else {
        let tb = h("tbody");
        for (k, tg) in rows {
            let s = &comp.targets[k];
            tb.to(h("tr")
                .k(h("th").a("scope", "row").k(link(
                    &Route::Target(tg.id.into()).hash(),
                    &txt(tg.title.get(c.l)),
                )))
                .k(h("td").t(&target_value_text(c, tg)))
                .k(h("td")
                    .k(badge(c, s.status))
                    .ko(why(c, s).map(|w| h("div").c("muted small").t(&w))))
                .k(h("td").k(bar(
                    c,
                    s.distance.as_ref().and_then(dashboard::progress_share),
                    s.status,
                ))));
        }
        sec.to(h("div").c("table-wrap").k(h("table")
            .a("id", "targets-table")
            .k(h("caption").t(c.t(i::TARGETS)))
            .k(h("thead").k(h("tr")
                .k(h("th").a("scope", "col").t(c.t(i::AMBITION)))
                .k(h("th").a("scope", "col").t(c.t(i::TARGET)))
                .k(h("th").a("scope", "col").t(c.t(i::STATUS)))
                .k(h("th").a("scope", "col").t(c.t(i::PROGRESS)))))
            .k(tb)));
        sec.to(h("div")
            .c("downloads")
            .k(button(Act::Csv, c.t(i::DOWNLOAD_CSV)).a("data-target", "targets-table")));
    }
    page.to(sec);

    // Objectives.
    for (scope, label, sid) in [
        (Scope::National, i::NATIONAL, "obj-n"),
        (Scope::International, i::INTERNATIONAL, "obj-i"),
    ] {
        let objs: Vec<_> = ds
            .objectives
            .iter()
            .filter(|o| o.priority == id && o.scope == scope)
            .collect();
        if objs.is_empty() {
            continue;
        }
        let sec = section(c.t(label), sid);
        let ul = h("ul").c("objectives");
        for o in objs.iter().filter(|o| o.parent.is_none()) {
            let li = h("li")
                .k(h("span").c("code").t(o.code))
                .t(" ")
                .t(&txt(o.title.get(c.l)));
            let subs: Vec<_> = objs.iter().filter(|x| x.parent == Some(o.id)).collect();
            if !subs.is_empty() {
                let sub = h("ul");
                for x in subs {
                    sub.to(h("li")
                        .k(h("span").c("code").t(x.code))
                        .t(" ")
                        .t(&txt(x.title.get(c.l))));
                }
                li.to(sub);
            }
            ul.to(li);
        }
        sec.to(ul);
        page.to(sec);
    }

    // Focus areas.
    let areas: Vec<_> = ds.focus_areas.iter().filter(|a| a.priority == id).collect();
    if !areas.is_empty() {
        let sec = section(c.t(i::FOCUS_AREAS), "focus");
        let ul = h("ul").c("chips");
        for a in areas {
            ul.to(h("li").t(&txt(a.title.get(c.l))).t(" ").k(h("span")
                .c("muted")
                .t("(")
                .t(words::focus_kind(a.kind, c.l))
                .t(")")));
        }
        sec.to(ul);
        page.to(sec);
    }

    // Investment windows.
    let wins: Vec<_> = ds
        .windows
        .iter()
        .enumerate()
        .filter(|(_, w)| w.priority == id)
        .collect();
    if !wins.is_empty() {
        let sec = section(c.t(i::WINDOWS), "windows");
        let ul = h("ul").c("windows");
        for (k, w) in wins {
            let row = &comp.windows[k];
            // Indented by its depth (`.d0` … `.d4` in style.css).
            let li = h("li").c(&["d", &row.depth.min(4).to_string()].concat());
            li.to(h("strong").t(&txt(w.name.get(c.l))));
            li.to(h("span").t(": ").t(&window_amount(c, w)));
            ul.to(li);
        }
        sec.to(ul);
        sec.to(h("p").k(link(&Route::Money.hash(), c.t(i::SEE_MONEY))));
        page.to(sec);
    }

    // Indicators.
    let inds: Vec<_> = ds
        .indicators
        .iter()
        .enumerate()
        .filter(|(_, x)| x.priority == id)
        .collect();
    if !inds.is_empty() {
        let sec = section(c.t(i::INDICATORS), "indicators");
        let ul = h("ul").c("indicators");
        for (k, x) in inds {
            let s = &comp.indicators[k];
            ul.to(h("li")
                .k(link(
                    &Route::Indicator(x.id.into()).hash(),
                    &txt(x.title.get(c.l)),
                ))
                .t(" ")
                .k(badge(c, s.open_sdg.status))
                .t(" ")
                .k(h("span")
                    .c("muted")
                    .t("(")
                    .t(words::indicator_direction(x.direction, c.l))
                    .t(")")));
        }
        sec.to(ul);
        page.to(sec);
    }
    page
}

/// A window's money in words: qualifier, public, private and total
/// amounts, per year or not, its years, and whether it revolves.
fn window_amount(c: &Ctx, w: &InvestmentWindow) -> String {
    let q = qualifier_word(c, w.qualifier);
    let mut parts = Vec::new();
    if let Some(v) = w.public_eur {
        parts.push([c.f.money(v), " ".into(), c.t(i::PUBLIC).into()].concat());
    }
    if let Some(v) = w.private_eur {
        parts.push([c.f.money(v), " ".into(), c.t(i::PRIVATE).into()].concat());
    }
    if let Some(v) = w.total_eur {
        parts.push([c.f.money(v), " ".into(), c.t(i::TOTAL).into()].concat());
    }
    let mut s = [q, if q.is_empty() { "" } else { " " }].concat();
    s.push_str(&parts.join(", "));
    if w.basis == Basis::PerYear {
        s.push(' ');
        s.push_str(c.t(i::PER_YEAR));
    }
    if let (a, Some(z)) = (w.start_year, w.end_year) {
        s.push_str(" (");
        if let Some(a) = a {
            s.push_str(&a.to_string());
            s.push('–');
        } else {
            s.push_str(c.t(i::UNTIL));
            s.push(' ');
        }
        s.push_str(&z.to_string());
        s.push(')');
    } else if let Some(a) = w.start_year {
        s.push_str(" (");
        s.push_str(c.t(i::FROM));
        s.push(' ');
        s.push_str(&a.to_string());
        s.push(')');
    }
    if w.revolving {
        s.push_str(", ");
        s.push_str(c.t(i::REVOLVING));
    }
    s
}

/// Why a target's status is not available, in words.
fn why(c: &Ctx, s: &TargetStatus) -> Option<String> {
    s.missing.map(|m| words::missing(m, c.l).to_string())
}
