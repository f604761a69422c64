//! The data page: import and export, the form to add a figure, every own
//! figure editable in place, the published figures, and the realised money
//! per window and year.

use crate::msg::{Act, Field};
use std::string::ToString;

use super::{entry, figures, import, section, title, txt, Ctx};
use crate::data::unescape;
use crate::dom::{button, h, link, H};
use crate::i18n as i;
use crate::route::Route;

/// The data page.
pub(super) fn data_view(c: &Ctx) -> H {
    let page = h("div").c("data-page");
    page.to(title(c.t(i::DATA_TITLE)));
    page.to(h("p").c("lede").t(c.t(i::DATA_LEDE)));
    let tools = section(c.t(i::IMPORT_EXPORT), "io-h");
    tools.to(h("div")
        .c("buttons")
        .k(button(Act::ExportCsv, c.t(i::EXPORT_CSV)))
        .k(button(Act::ExportJson, c.t(i::EXPORT_JSON)))
        .k({
            let b = button(Act::ChooseFile, c.t(i::IMPORT)).a("id", "import-button");
            // One import at a time.
            if c.app.importing.is_some() {
                b.a("disabled", "")
            } else {
                b
            }
        })
        .k(h("input")
            .a("type", "file")
            .a("id", "import-file")
            .a("accept", ".csv,.json,text/csv,application/json")
            .c("visually-hidden")
            .a("tabindex", "-1")
            .a("aria-hidden", "true")
            .a("data-act", Act::Import.code()))
        .k(button(Act::Examples, c.t(i::LOAD_EXAMPLES)))
        .k(button(Act::Reset, c.t(i::RESET)).c("danger")));
    tools.to(h("p").c("muted small").t(c.t(i::IO_HINT)));
    tools.too(entry::problems(c, "data"));
    tools.too(c.app.importing.as_ref().map(|im| entry::importing(c, im)));
    page.to(tools);
    page.too(import::pending(c));
    page.to(entry::add_form(c, None).a("id", "add-any"));

    let sec = section(c.t(i::ALL_OBS), "all-h");
    let ds = c.ds();
    if c.app.data.obs.is_empty() {
        sec.to(h("p").c("muted").a("id", "no-obs").t(c.t(
            if c.ds()
                .observations
                .iter()
                .any(koers_core::monitor::is_published)
            {
                i::PUB_NO_OWN
            } else {
                i::NO_OBS_TABLE
            },
        )));
    } else {
        let tb = h("tbody");
        // One row per figure, reused from the last draw when nothing it
        // shows changed (the table of 900 figures redraws in a fraction of
        // the time after one edit: docs/bench-redraw.md).
        let mut rows: super::keyed::Rows<(koers_core::model::Lang, u64, crate::data::Obs)> =
            super::keyed::Rows::start(["obs-table@", &c.app.serial.to_string()].concat());
        for (k, o) in c.app.data.obs.iter().enumerate() {
            // Everything the row shows (its place, the language, the figure;
            // the subject's name follows from its id and the language).
            let bits = o.value.to_bits();
            tb.to(rows.row(
                |(l, b, was)| *l == c.l && *b == bits && was == o,
                || (c.l, bits, o.clone()),
                || {
                    let ks = k.to_string();
                    // Fields are named by the figure, not its row: a redraw after
                    // another tab's change keeps focus and typing on the same
                    // figure.
                    let key = crate::sync::Key::obs(&o.subject, o.year).attr();
                    let id = [o.subject.as_str(), "-", &o.year.to_string()].concat();
                    let name = ds
                        .target(&o.subject)
                        .map(|t| txt(t.title.get(c.l)))
                        .or_else(|| ds.indicator(&o.subject).map(|x| txt(x.title.get(c.l))))
                        .unwrap_or_else(|| o.subject.clone());
                    let cell = |field: Field, kind: &str, value: &str, label: &str| {
                        let field = field.name();
                        h("td").k(h("input")
                            .a("type", kind)
                            .a("value", value)
                            .a("data-edit", field)
                            .a("data-index", &ks)
                            .a("data-key", &key)
                            .a("id", &["e-", field, "-", &id].concat())
                            .a(
                                "aria-label",
                                &[label, " (", &name, ", ", &o.year.to_string(), ")"].concat(),
                            ))
                    };
                    let subj = h("th").a("scope", "row").k(link(
                        &if ds.target(&o.subject).is_some() {
                            Route::Target(o.subject.clone())
                        } else {
                            Route::Indicator(o.subject.clone())
                        }
                        .hash(),
                        &name,
                    ));
                    subj.to(figures::origin_tag(c, figures::Origin::Yours));
                    if o.illustrative() {
                        subj.to(h("span").c("tag illustrative").t(c.t(i::ILLUSTRATIVE_TAG)));
                    }
                    let prov = h("input")
                        .a("type", "checkbox")
                        .a("data-edit", Field::Provisional.name())
                        .a("data-index", &ks)
                        .a("data-key", &key)
                        .a("id", &["e-", Field::Provisional.name(), "-", &id].concat())
                        .a(
                            "aria-label",
                            &[
                                c.t(i::PROVISIONAL),
                                " (",
                                &name,
                                ", ",
                                &o.year.to_string(),
                                ")",
                            ]
                            .concat(),
                        );
                    let prov = if o.provisional {
                        prov.a("checked", "")
                    } else {
                        prov
                    };
                    h("tr")
                        .k(subj)
                        .k(cell(
                            Field::Year,
                            "number",
                            &o.year.to_string(),
                            c.t(i::YEAR),
                        ))
                        .k(cell(
                            Field::Value,
                            "text",
                            &crate::data::number_in(o.value, c.l),
                            c.t(i::VALUE),
                        ))
                        .k(cell(
                            Field::Source,
                            "text",
                            &unescape(&o.source),
                            c.t(i::SOURCE),
                        ))
                        .k(cell(
                            Field::Note,
                            "text",
                            &o.note.as_deref().map(unescape).unwrap_or_default(),
                            c.t(i::NOTE),
                        ))
                        .k(h("td").c("center").k(prov))
                        .k(h("td").k(button(Act::Delete, c.t(i::DELETE))
                            .a("data-index", &ks)
                            .a("data-key", &key)
                            .a(
                                "aria-label",
                                &[c.t(i::DELETE), ": ", &name, ", ", &o.year.to_string()].concat(),
                            )))
                },
            ));
        }
        rows.finish();
        sec.to(h("div").c("table-wrap").k(h("table")
            .a("id", "obs-table")
            .c("edit")
            .k(h("caption").t(c.t(i::ALL_OBS)))
            .k(h("thead").k(h("tr")
                .k(h("th").a("scope", "col").t(c.t(i::SUBJECT)))
                .k(h("th").a("scope", "col").t(c.t(i::YEAR)))
                .k(h("th").a("scope", "col").t(c.t(i::VALUE)))
                .k(h("th").a("scope", "col").t(c.t(i::SOURCE)))
                .k(h("th").a("scope", "col").t(c.t(i::NOTE)))
                .k(h("th").a("scope", "col").t(c.t(i::PROVISIONAL)))
                .k(h("th").a("scope", "col").t(c.t(i::ACTIONS)))))
            .k(tb)));
    }
    page.to(sec);
    page.too(figures::published_all(c));
    page.to(flows_section(c));
    page
}

/// Realised money per window and year: a form to add, a table to delete.
fn flows_section(c: &Ctx) -> H {
    let ds = c.ds();
    let sec = section(c.t(i::FLOWS_TITLE), "flows-h");
    sec.to(h("p").c("muted small").t(c.t(i::FLOWS_HINT)));
    let form = h("form")
        .a("id", "flow-form")
        .a("data-form", "flow")
        .a("novalidate", "");
    let sel = h("select").a("name", "window").a("id", "g-window");
    for w in &ds.windows {
        sel.to(h("option").a("value", w.id).t(&txt(w.name.get(c.l))));
    }
    form.to(h("div")
        .c("field wide")
        .k(h("label").a("for", "g-window").t(c.t(i::WINDOW)))
        .k(sel));
    let field = |id: &str, label: i::S, kind: &str, value: &str| {
        let input = h("input")
            .a("type", kind)
            .a("id", id)
            .a("value", value)
            .a("autocomplete", "off");
        let input = if kind == "text" {
            input.a("inputmode", "decimal")
        } else {
            input.a("min", "1900").a("max", "2200").a("step", "1")
        };
        h("div")
            .c("field")
            .k(h("label").a("for", id).t(c.t(label)))
            .k(input)
    };
    form.to(field("g-year", i::YEAR, "number", "2026"));
    form.to(field("g-pc", i::PUB_COMMITTED, "text", ""));
    form.to(field("g-pd", i::PUB_DISBURSED, "text", ""));
    form.to(field("g-vc", i::PRIV_COMMITTED, "text", ""));
    form.to(field("g-vd", i::PRIV_DISBURSED, "text", ""));
    form.to(h("div")
        .c("field wide")
        .k(h("label").a("for", "g-source").t(c.t(i::SOURCE)))
        .k(h("input").a("type", "text").a("id", "g-source")));
    form.to(h("div").c("field").k(h("button")
        .a("type", "submit")
        .a("id", "g-add")
        .c("primary")
        .t(c.t(i::ADD))));
    sec.to(form);
    sec.too(entry::problems(c, "flow"));
    if c.app.data.flows.is_empty() {
        return sec;
    }
    let tb = h("tbody");
    for (k, fl) in c.app.data.flows.iter().enumerate() {
        let name = ds
            .window(&fl.window)
            .map(|w| txt(w.name.get(c.l)))
            .unwrap_or_else(|| fl.window.clone());
        let d = |v: Option<f64>| v.map(|v| c.f.money(v)).unwrap_or_else(|| "–".into());
        tb.to(h("tr")
            .k(h("th").a("scope", "row").t(&name))
            .k(h("td").t(&fl.year.to_string()))
            .k(h("td").t(&d(fl.public_committed)))
            .k(h("td").t(&d(fl.public_disbursed)))
            .k(h("td").t(&d(fl.private_committed)))
            .k(h("td").t(&d(fl.private_disbursed)))
            .k(h("td").t(&unescape(&fl.source)))
            .k(h("td").k(button(Act::DeleteFlow, c.t(i::DELETE))
                .a("data-index", &k.to_string())
                .a(
                    "data-key",
                    &crate::sync::Key::flow(&fl.window, fl.year).attr(),
                )
                .a(
                    "aria-label",
                    &[c.t(i::DELETE), ": ", &name, ", ", &fl.year.to_string()].concat(),
                ))));
    }
    let head = h("tr");
    for col in [
        i::WINDOW,
        i::YEAR,
        i::PUB_COMMITTED,
        i::PUB_DISBURSED,
        i::PRIV_COMMITTED,
        i::PRIV_DISBURSED,
        i::SOURCE,
        i::ACTIONS,
    ] {
        head.to(h("th").a("scope", "col").t(c.t(col)));
    }
    sec.to(h("div").c("table-wrap").k(h("table")
        .a("id", "flows-table")
        .k(h("caption").t(c.t(i::FLOWS_TITLE)))
        .k(h("thead").k(head))
        .k(tb)));
    sec
}
