//! Entering figures: the list of a subject's own figures, the form to add
//! one, an import under way, and the problems of the last import or entry.

use crate::msg::Act;
use std::string::ToString;
use std::vec::Vec;

use koers_core::model::Unit;
use koers_core::view as words;

use super::{figures, section, txt, Ctx};
use crate::data::{unescape, Obs};
use crate::dom::{button, h, H};
use crate::i18n as i;

/// The figures entered for one subject.
pub(super) fn obs_list(c: &Ctx, id: &str, unit: Unit) -> H {
    let sec = section(c.t(i::FIGURES_ENTERED), "entered-h");
    let rows: Vec<(usize, &Obs)> = c
        .app
        .data
        .obs
        .iter()
        .enumerate()
        .filter(|(_, o)| o.subject == id)
        .collect();
    if rows.is_empty() {
        sec.to(h("p").c("muted").t(c.t(i::NONE_YET)));
        return sec;
    }
    let tb = h("tbody");
    for (k, o) in rows {
        let src = h("td")
            .t(&unescape(&o.source))
            .k(figures::origin_tag(c, figures::Origin::Yours));
        if o.illustrative() {
            src.to(h("span").c("tag illustrative").t(c.t(i::ILLUSTRATIVE_TAG)));
        }
        if o.provisional {
            src.to(h("span").c("tag").t(c.t(i::PROVISIONAL)));
        }
        tb.to(h("tr")
            .k(h("th").a("scope", "row").t(&o.year.to_string()))
            .k(h("td").t(&c.f.value(o.value, unit)))
            .k(src)
            .k(h("td").k(button(Act::Delete, c.t(i::DELETE))
                .a("data-index", &k.to_string())
                .a(
                    "data-key",
                    &crate::sync::Key::obs(&o.subject, o.year).attr(),
                )
                .a(
                    "aria-label",
                    &[c.t(i::DELETE), " ", &o.year.to_string()].concat(),
                ))));
    }
    sec.to(h("div").c("table-wrap").k(h("table")
        .a("id", "entered-table")
        .k(h("caption").t(c.t(i::FIGURES_ENTERED)))
        .k(h("thead").k(h("tr")
            .k(h("th").a("scope", "col").t(c.t(i::YEAR)))
            .k(h("th").a("scope", "col").t(c.t(i::VALUE)))
            .k(h("th").a("scope", "col").t(c.t(i::SOURCE)))
            .k(h("th").a("scope", "col").t(c.t(i::ACTIONS)))))
        .k(tb)));
    sec
}

/// The form to add a figure; with a subject, fixed to it.
pub(super) fn add_form(c: &Ctx, subject: Option<&str>) -> H {
    let sec = section(c.t(i::ADD_FIGURE), "add-h");
    let form = h("form")
        .a("id", "add-form")
        .a("data-form", "add")
        .a("novalidate", "");
    let ds = c.ds();
    // What a value means here: its unit, and 1/0 for a milestone.
    let unit = subject.and_then(|id| {
        ds.target(id)
            .map(|t| (t.unit, t.kind == koers_core::model::TargetKind::Milestone))
            .or_else(|| ds.indicator(id).map(|x| (x.unit, false)))
    });
    if let Some((u, milestone)) = unit {
        let line = h("p")
            .c("small")
            .a("id", "unit-hint")
            .t(c.t(i::UNIT))
            .t(": ")
            .t(words::unit(u, c.l));
        sec.to(if milestone {
            line.t(". ").t(c.t(i::MILESTONE_HINT))
        } else {
            line
        });
    }
    match subject {
        Some(id) => form.to(h("input")
            .a("type", "hidden")
            .a("name", "subject")
            .a("value", id)),
        None => {
            let sel = h("select")
                .a("name", "subject")
                .a("id", "f-subject")
                .a("required", "");
            let g = h("optgroup").a("label", c.t(i::TARGETS));
            for tg in &ds.targets {
                g.to(h("option").a("value", tg.id).t(&txt(tg.title.get(c.l))));
            }
            sel.to(g);
            let g = h("optgroup").a("label", c.t(i::INDICATORS));
            for x in &ds.indicators {
                g.to(h("option").a("value", x.id).t(&txt(x.title.get(c.l))));
            }
            sel.to(g);
            form.to(h("div")
                .c("field wide")
                .k(h("label").a("for", "f-subject").t(c.t(i::SUBJECT)))
                .k(sel));
        }
    }
    let field = |name: &str, label: i::S, kind: &str, extra: &[(&str, &str)]| {
        let id = ["f-", name].concat();
        let mut input = h("input").a("type", kind).a("name", name).a("id", &id);
        for (k, v) in extra {
            input = input.a(k, v);
        }
        h("div")
            .c("field")
            .k(h("label").a("for", &id).t(c.t(label)))
            .k(input)
    };
    form.to(field(
        "year",
        i::YEAR,
        "number",
        &[
            ("min", "1900"),
            ("max", "2200"),
            ("step", "1"),
            ("required", ""),
            ("value", "2026"),
        ],
    ));
    form.to(field(
        "value",
        i::VALUE,
        "text",
        &[
            ("inputmode", "decimal"),
            ("required", ""),
            ("autocomplete", "off"),
        ],
    ));
    form.to(field(
        "source",
        i::SOURCE,
        "text",
        &[("required", ""), ("placeholder", c.t(i::SOURCE_HINT))],
    )
    .c("field wide"));
    form.to(field("note", i::NOTE, "text", &[]).c("field wide"));
    form.to(h("div")
        .c("field check")
        .k(h("input")
            .a("type", "checkbox")
            .a("name", "provisional")
            .a("id", "f-provisional"))
        .k(h("label").a("for", "f-provisional").t(c.t(i::PROVISIONAL))));
    form.to(h("div").c("field").k(h("button")
        .a("type", "submit")
        .a("id", "f-add")
        .c("primary")
        .t(c.t(i::ADD))));
    sec.to(h("p").c("muted small").t(c.t(i::ADD_HINT)));
    sec.to(form);
    sec.too(problems(c, "add"));
    sec
}

/// An import under way: the file, what is being done, and a progress bar
/// (indeterminate: reading and checking are one step each).
pub(super) fn importing(c: &Ctx, im: &crate::app::Importing) -> H {
    let kb = koers_core::present::kilobytes(im.bytes).to_string();
    let what = match im.lines {
        None => [c.t(i::IMPORT_READING), " ", &im.name, " (", &kb, " KB)"].concat(),
        Some(n) => [&im.name, ": ", &n.to_string(), " ", c.t(i::IMPORT_CHECKING)].concat(),
    };
    h("div")
        .a("id", "import-progress")
        .a("role", "status")
        .a("aria-live", "polite")
        .k(h("p").t(&what))
        .k(h("progress").a("aria-label", c.t(i::IMPORT_BUSY)))
}

/// The problems of the last import or entry, with line and field.
pub(super) fn problems(c: &Ctx, at: &str) -> Option<H> {
    let ps = &c.app.problems;
    if ps.is_empty() || c.app.problems_at != at {
        return None;
    }
    let ul = h("ul");
    for p in ps.iter().take(64) {
        let li = h("li");
        if let Some(line) = p.line {
            li.to(h("strong").t(c.t(i::LINE)).t(" ").t(&line.to_string()));
            li.to(h("span").t(", "));
        }
        if !p.field.is_empty() {
            li.to(h("code").t(&p.field));
            li.to(h("span").t(": "));
        }
        li.to(h("span").t(&if p.published {
            c.t(i::PUBLISHED_EXISTS).into()
        } else {
            i::error_kind(c.l, &p.kind)
        }));
        ul.to(li);
    }
    Some(
        h("div")
            .c("problems")
            .a("role", "alert")
            .a("id", "problems")
            .k(h("p")
                .k(h("strong").t(c.t(i::PROBLEMS_TITLE)))
                .t(" ")
                .t(c.t(i::NOTHING_CHANGED)))
            .k(ul),
    )
}
