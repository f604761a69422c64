//! The import of an SDMX-CSV or StatLine file on the data page: the series
//! the file holds, where each goes (a target or indicator, and a power of
//! ten), a preview of every figure that would be added, and the buttons to
//! import or cancel. See [`crate::statimport`].

use crate::msg::Act;
use std::string::{String, ToString};

use koers_core::numbers::Plain;
use koers_core::statfile::SeriesInfo;

use super::{section, txt, Ctx};
use crate::dom::{button, h, H};
use crate::i18n as i;
use crate::statimport::Pending;

/// The powers of ten offered, with how they are written.
const SCALES: [(i32, &str); 5] = [
    (0, "1"),
    (3, "1 000"),
    (6, "1 000 000"),
    (9, "1 000 000 000"),
    (-2, "0,01"),
];

/// The pending import, when there is one.
pub(super) fn pending(c: &Ctx) -> Option<H> {
    let p = c.app.pending.as_deref()?;
    let sec = section(c.t(i::IM_TITLE), "import-map-h").a("id", "import-map");
    sec.to(h("p").k(h("strong").t(&p.name)).t(": ").t(&[
        p.listing.format.name(),
        ", ",
        &p.listing.series.len().to_string(),
        " ",
        // ASCII in both languages (no Unicode case tables in the wasm).
        &c.t(i::IM_SERIES).to_ascii_lowercase(),
    ]
    .concat()));
    sec.to(h("p").c("muted small").t(c.t(i::IM_LEDE)));
    sec.to(series_table(c, p));
    sec.to(preview(c, p));
    Some(sec)
}

fn counts(c: &Ctx, s: &SeriesInfo) -> String {
    let mut parts = std::vec::Vec::new();
    for (n, w) in [
        (s.provisional, i::PROVISIONAL),
        (s.estimated, i::IM_ESTIMATED),
        (s.missing, i::IM_MISSING),
        (s.sub_annual, i::IM_SKIPPED),
    ] {
        if n > 0 {
            parts.push([n.to_string(), " ".into(), c.t(w).into()].concat());
        }
    }
    if !s.flow.is_empty() {
        parts.push(s.flow.as_str().into());
    }
    parts.join("; ")
}

fn series_table(c: &Ctx, p: &Pending) -> H {
    let head = h("tr");
    for w in [
        i::IM_SERIES,
        i::IM_YEARS,
        i::IM_FLAGS,
        i::IM_TO,
        i::IM_SCALE,
    ] {
        head.to(h("th").a("scope", "col").t(c.t(w)));
    }
    let body = h("tbody");
    for (k, s) in p.listing.series.iter().enumerate() {
        let ks = k.to_string();
        let tr = h("tr").a("data-series", &s.key);
        let name = h("th")
            .a("scope", "row")
            .k(h("span").t(&[&(k + 1).to_string(), ". "].concat()))
            .k(h("code").t(&s.key));
        if !s.label.is_empty() {
            name.to(h("br"));
            name.to(h("span").c("muted small").t(&s.label));
        }
        tr.to(name);
        tr.to(h("td").t(&match s.years {
            0 => c.t(i::IM_NO_YEARS).into(),
            _ if s.first_year == s.last_year => s.first_year.to_string(),
            n => [
                s.first_year.to_string(),
                "–".into(),
                s.last_year.to_string(),
                " (".into(),
                n.to_string(),
                ")".into(),
            ]
            .concat(),
        }));
        tr.to(h("td").t(&counts(c, s)));
        let chosen = p.subject.get(k).cloned().flatten().unwrap_or_default();
        let id = ["im-to-", &ks].concat();
        let sel = h("select")
            .a("id", &id)
            .a("data-imap", &ks)
            .a("aria-label", &[c.t(i::IM_TO), " ", &s.key].concat());
        sel.to(h("option").a("value", "").t(c.t(i::IM_NONE)));
        let ds = c.ds();
        let opt = |id: &str, title: String| {
            let o = h("option").a("value", id).t(&[id, " — ", &title].concat());
            if id == chosen {
                o.a("selected", "")
            } else {
                o
            }
        };
        let g = h("optgroup").a("label", c.t(i::TARGETS));
        for t in &ds.targets {
            g.to(opt(t.id, txt(t.title.get(c.l))));
        }
        sel.to(g);
        let g = h("optgroup").a("label", c.t(i::INDICATORS));
        for x in &ds.indicators {
            g.to(opt(x.id, txt(x.title.get(c.l))));
        }
        sel.to(g);
        tr.to(h("td").k(sel));
        let scale = p.scale.get(k).copied().unwrap_or(0);
        let sel = h("select")
            .a("data-iscale", &ks)
            .a("aria-label", &[c.t(i::IM_SCALE), " ", &s.key].concat());
        for (n, w) in SCALES {
            let o = h("option")
                .a("value", &n.to_string())
                .t(&["× ", w].concat());
            sel.to(if n == scale { o.a("selected", "") } else { o });
        }
        tr.to(h("td").k(sel));
        body.to(tr);
    }
    h("div").c("table-wrap").k(h("table")
        .a("id", "import-series")
        .k(h("caption").t(c.t(i::IM_SERIES)))
        .k(h("thead").k(head))
        .k(body))
}

fn preview(c: &Ctx, p: &Pending) -> H {
    let rows = p.preview();
    let out = h("div").a("id", "import-preview");
    if rows.is_empty() {
        out.to(h("p").c("muted").t(c.t(i::IM_CHOOSE)));
    } else {
        let head = h("tr");
        for w in [i::SUBJECT, i::YEAR, i::VALUE, i::NOTE, i::LINE] {
            head.to(h("th").a("scope", "col").t(c.t(w)));
        }
        let body = h("tbody");
        for r in &rows {
            let mut note = String::new();
            if r.provisional {
                note.push_str(c.t(i::PROVISIONAL));
            }
            if !r.note.is_empty() {
                if !note.is_empty() {
                    note.push_str("; ");
                }
                note.push_str(&r.note);
            }
            body.to(h("tr")
                .k(h("th").a("scope", "row").t(&r.subject))
                .k(h("td").t(&r.year.to_string()))
                .k(h("td").c("num").t(&Plain(r.value, c.l).to_string()))
                .k(h("td").t(&note))
                .k(h("td").t(&r.line.to_string())));
        }
        out.to(h("div").c("table-wrap").k(h("table")
            .k(h("caption").t(&[c.t(i::IM_PREVIEW), " (", &rows.len().to_string(), ")"].concat()))
            .k(h("thead").k(head))
            .k(body)));
    }
    let confirm = button(Act::ImportConfirm, c.t(i::IM_CONFIRM))
        .c("primary")
        .a("id", "import-confirm");
    out.to(h("div")
        .c("buttons")
        .k(if rows.is_empty() {
            confirm.a("disabled", "")
        } else {
            confirm
        })
        .k(button(Act::ImportCancel, c.t(i::IM_CANCEL)).a("id", "import-cancel")));
    out
}
