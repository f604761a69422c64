//! What is (not) stored in this browser, said on every view until it is
//! settled: a failed save ("not saved in this browser", until a save
//! succeeds), figures this tab and another changed differently (the user
//! chooses which to keep), a figure being edited here that another tab
//! deleted (with what was typed), and every unreadable copy of stored data
//! kept aside (with its time, until the user removes it).

use crate::msg::Act;
use std::string::{String, ToString};

use super::{txt, Ctx};
use crate::dom::{button, h, H};
use crate::i18n::{self as i, S};
use crate::store::Kept;
use crate::sync::{Conflict, Key, Rec};

const NOT_SAVED: S = [
    "Niet opgeslagen in deze browser.",
    "Not saved in this browser.",
];
const NOT_SAVED_TEXT: S = [
    "De opslag van deze browser is vol of uitgeschakeld: wat u sinds de laatste opslag invoerde staat alleen in dit tabblad. Maak ruimte en sla opnieuw op, of exporteer uw cijfers.",
    "This browser's storage is full or disabled: what you entered since the last save is only in this tab. Make room and save again, or export your figures.",
];
const SAVE_AGAIN: S = ["Opnieuw opslaan", "Save again"];
const CONFLICTS: S = [
    "Een ander tabblad wijzigde dezelfde cijfers. Welke wilt u houden?",
    "Another tab changed the same figures. Which do you want to keep?",
];
const HERE: S = ["in dit tabblad", "in this tab"];
const THERE: S = [
    "in het andere tabblad (nu opgeslagen)",
    "in the other tab (stored now)",
];
const DELETED: S = ["verwijderd", "deleted"];
const KEEP_MINE: S = ["Houd die van dit tabblad", "Keep this tab's"];
const KEEP_THEIRS: S = ["Houd die van het andere tabblad", "Keep the other tab's"];
const EDIT_LOST: S = [
    "Het cijfer dat u bewerkte is in een ander tabblad verwijderd:",
    "The figure you were editing was deleted in another tab:",
];
const TYPED: S = [
    "Wat u typte is niet opgeslagen:",
    "What you typed was not saved:",
];
const CLOSE: S = ["Sluiten", "Close"];
const COPIES: S = ["kopie(ën) bewaard:", "copies kept:"];
const TIME_UNKNOWN: S = [
    "bewaard door een eerdere versie",
    "kept by an earlier version",
];
const CHARS: S = ["tekens", "characters"];
const DOWNLOAD: S = ["Downloaden", "Download"];
const REMOVE: S = ["Verwijderen", "Remove"];

/// Everything to say about storage and other tabs, most urgent first.
pub(crate) fn notes(c: &Ctx) -> Option<H> {
    let app = c.app;
    if !app.save_failed
        && app.conflicts.is_empty()
        && app.edit_lost.is_none()
        && app.unreadable.is_empty()
    {
        return None;
    }
    let out = h("div").c("tab-notes");
    if app.save_failed {
        out.to(h("div")
            .c("note warn")
            .a("id", "save-state")
            .a("role", "alert")
            .k(h("strong").t(c.t(NOT_SAVED)))
            .t(" ")
            .t(c.t(NOT_SAVED_TEXT))
            .k(h("span")
                .c("buttons")
                .k(button(Act::SaveRetry, c.t(SAVE_AGAIN)))
                .k(button(Act::ExportJson, c.t(i::EXPORT_JSON)))));
    }
    if !app.conflicts.is_empty() {
        let ul = h("ul");
        for k in &app.conflicts {
            ul.to(conflict(c, k));
        }
        out.to(h("div")
            .c("note warn")
            .a("id", "conflicts")
            .a("role", "alert")
            .k(h("strong").t(c.t(CONFLICTS)))
            .k(ul));
    }
    if let Some(lost) = &app.edit_lost {
        out.to(h("div")
            .c("note warn")
            .a("id", "edit-lost")
            .a("role", "alert")
            .t(c.t(EDIT_LOST))
            .t(" ")
            .k(h("strong").t(&name(c, &lost.key)))
            .t(". ")
            .t(c.t(TYPED))
            .t(" ")
            .k(h("code").t(&lost.typed))
            .t(" ")
            .k(button(Act::EditLostClose, c.t(CLOSE)).c("link")));
    }
    if !app.unreadable.is_empty() {
        out.to(unreadable(c, &app.unreadable));
    }
    Some(out)
}

/// A record's name: its subject's (or window's) title and the year.
fn name(c: &Ctx, key: &Key) -> String {
    let ds = c.ds();
    let title = if key.flow {
        ds.window(&key.id).map(|w| txt(w.name.get(c.l)))
    } else {
        ds.target(&key.id)
            .map(|t| txt(t.title.get(c.l)))
            .or_else(|| ds.indicator(&key.id).map(|x| txt(x.title.get(c.l))))
    };
    [
        title.unwrap_or_else(|| key.id.clone()),
        ", ".into(),
        key.year.to_string(),
    ]
    .concat()
}

/// A record's value in words: the value (or amounts) and its source.
fn value(c: &Ctx, r: &Option<Rec>) -> String {
    match r {
        None => c.t(DELETED).into(),
        Some(Rec::Obs(o)) => [
            c.f.num(o.value),
            " (".into(),
            crate::data::unescape(&o.source),
            ")".into(),
        ]
        .concat(),
        Some(Rec::Flow(f)) => {
            let m = |v: Option<f64>| v.map(|v| c.f.money(v)).unwrap_or_else(|| "–".into());
            [
                m(f.public_committed),
                " / ".into(),
                m(f.public_disbursed),
                " / ".into(),
                m(f.private_committed),
                " / ".into(),
                m(f.private_disbursed),
                " (".into(),
                crate::data::unescape(&f.source),
                ")".into(),
            ]
            .concat()
        }
    }
}

fn conflict(c: &Ctx, k: &Conflict) -> H {
    let key = k.key.attr();
    let flow = if k.key.flow { "true" } else { "false" };
    h("li")
        .k(h("strong").t(&name(c, &k.key)))
        .t(": ")
        .t(c.t(HERE))
        .t(" ")
        .k(h("span").c("mine").t(&value(c, &k.mine)))
        .t("; ")
        .t(c.t(THERE))
        .t(" ")
        .k(h("span").c("theirs").t(&value(c, &k.theirs)))
        .t(". ")
        .k(button(Act::ConflictMine, c.t(KEEP_MINE))
            .a("data-key", &key)
            .a("data-flow", flow))
        .t(" ")
        .k(button(Act::ConflictTheirs, c.t(KEEP_THEIRS))
            .a("data-key", &key)
            .a("data-flow", flow))
}

fn unreadable(c: &Ctx, copies: &[Kept]) -> H {
    let ul = h("ul");
    for k in copies {
        let when = match &k.time {
            Some(t) => {
                let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(t));
                let locale = if c.l == koers_core::model::Lang::En {
                    "en-GB"
                } else {
                    "nl-NL"
                };
                String::from(d.to_locale_string(locale, &wasm_bindgen::JsValue::UNDEFINED))
            }
            None => c.t(TIME_UNKNOWN).into(),
        };
        ul.to(h("li")
            .k(h("span").t(&when))
            .t(" · ")
            .t(&[k.len.to_string().as_str(), " ", c.t(CHARS)].concat())
            .t(" · ")
            .k(h("code").t(&k.key))
            .t(" ")
            .k(button(Act::UnreadableDownload, c.t(DOWNLOAD)).a("data-key", &k.key))
            .t(" ")
            .k(button(Act::UnreadableRemove, c.t(REMOVE)).a("data-key", &k.key)));
    }
    h("div")
        .c("note warn")
        .a("id", "unreadable")
        .a("role", "alert")
        .t(c.t(i::UNREADABLE))
        .t(" ")
        .t(&[copies.len().to_string().as_str(), " ", c.t(COPIES)].concat())
        .k(ul)
}
