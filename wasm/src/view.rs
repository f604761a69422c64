//! Writing the state into the DOM: one function per view. Everything shown
//! is either the vision's text, the user's text (always as text, never as
//! HTML) or a number core computed, formatted by the browser.

use std::string::{String, ToString};
use std::vec::Vec;

use koers_core::assess::{Missing, Rollup, TargetStatus};
use koers_core::dashboard;
use koers_core::model::{Basis, Dataset, Indicator, Lang, Qualifier, SourceRef, Target, Text};
use koers_core::present;
use koers_core::progress::Status;
use koers_core::view as words;

use crate::app::{App, Mode};
use crate::chart;
use crate::data::unescape;
use crate::dom::{button, h, link, H};
use crate::fmt::Fmt;
use crate::i18n::{self as i, t};
use crate::route::{Part, Route};
use wasm_bindgen::JsCast;

mod breakdowns;
mod entry;
mod figures;
mod import;
mod overview;
mod priority;
mod shell;
mod tabs;
mod target;

/// What every view function needs.
pub struct Ctx<'a> {
    /// The state.
    pub app: &'a App,
    /// Language.
    pub l: Lang,
    /// Formatters.
    pub f: Fmt,
}

impl Ctx<'_> {
    pub(crate) fn t(&self, s: i::S) -> &'static str {
        t(self.l, s)
    }
    pub(crate) fn ds(&self) -> &Dataset<'static> {
        self.app.base
    }
}

/// A text with the vision's own words put in, so that no vision is named in
/// code: `{vision}` its title, `{published}` its month of publication,
/// `{horizon}` its horizon year, `{first}` the earlier year outcomes are
/// shown for, `{total}` what its money should mobilise in all.
pub(crate) fn vision_words(c: &Ctx, s: &str) -> String {
    if !s.contains('{') {
        return s.into();
    }
    let ds = c.ds();
    let [first, horizon] = crate::scenario::years(ds).map(|y| y.to_string());
    let mut out = s
        .replace("{vision}", &txt(ds.vision.title.get(c.l)))
        .replace(
            "{published}",
            &i::month_year(c.l, ds.vision.published.raw()),
        )
        .replace("{horizon}", &horizon)
        .replace("{first}", &first);
    if out.contains("{total}") {
        out = out.replace("{total}", &c.f.money(crate::scenario::money_target(ds)));
    }
    out
}

pub(crate) fn txt(x: Text) -> String {
    unescape(x.raw())
}

fn status_index(s: Status) -> usize {
    words::STATUSES.iter().position(|x| *x == s).unwrap_or(5)
}

/// A status as symbol, word and colour (never colour alone).
fn badge(c: &Ctx, s: Status) -> H {
    h("span")
        .c(&["badge st", &status_index(s).to_string()].concat())
        .k(h("span")
            .a("aria-hidden", "true")
            .t(words::status_symbol(s)))
        .t(" ")
        .t(words::status(s, c.l))
}

fn counts(c: &Ctx, r: &Rollup) -> H {
    let ul = h("ul").c("counts").a("aria-label", c.t(i::PER_STATUS));
    for (s, n) in words::STATUSES.iter().zip(r.counts) {
        if n > 0 {
            ul.to(h("li")
                .c(&["st", &status_index(*s).to_string()].concat())
                .k(h("span")
                    .a("aria-hidden", "true")
                    .t(words::status_symbol(*s)))
                .t(" ")
                .t(words::status(*s, c.l))
                .t(": ")
                .k(h("strong").t(&n.to_string())));
        }
    }
    ul
}

fn score(c: &Ctx, v: Option<f64>) -> String {
    v.map(|v| c.f.num(v)).unwrap_or_else(|| "–".into())
}

/// A progress bar with its share in words.
fn bar(c: &Ctx, share: Option<f64>, s: Status) -> H {
    let wrap = h("div").c("progress");
    match share {
        Some(v) => {
            let pct = (v * 100.0).round();
            let label = [c.f.pct(v).as_str(), " ", c.t(i::OF_THE_WAY)].concat();
            wrap.k(h("div")
                .c("bar")
                .a("role", "img")
                .a("aria-label", &label)
                .k(h("span")
                    .c(&["fill st", &status_index(s).to_string()].concat())
                    .css("width", &[&crate::dom::num_attr(pct), "%"].concat())))
                .k(h("span").c("bar-text").t(&label))
        }
        None => wrap
            .k(h("div").c("bar empty").a("aria-hidden", "true"))
            .k(h("span").c("bar-text").t(c.t(i::NO_FIGURES_YET))),
    }
}

fn source(c: &Ctx, s: &SourceRef) -> H {
    let mut where_ = txt(s.chapter);
    if !s.section.is_blank() {
        where_.push_str(" · ");
        where_.push_str(&txt(s.section));
    }
    h("blockquote")
        .c("source")
        .k(h("p").t("“").t(&txt(s.quote)).t("”"))
        .k(h("footer").t(c.t(i::SOURCE)).t(": ").t(&where_))
}

pub(crate) fn section(title: &str, id: &str) -> H {
    h("section")
        .a("aria-labelledby", id)
        .k(h("h2").a("id", id).t(title))
}

/// A figure: the chart, its text alternative as a table, downloads.
/// `embed` is the chart's Embed button (on the full page only).
pub(crate) fn figure(c: &Ctx, svg: H, id: &str, table: H, caption: &str, embed: Option<H>) -> H {
    let table_id = [id, "-table"].concat();
    h("figure")
        .c("chart-figure")
        .a("data-embed", "chart")
        // Wide charts scroll sideways on a phone: reachable by keyboard.
        .k(h("div")
            .c("chart-wrap")
            .a("tabindex", "0")
            .a("role", "group")
            .a("aria-label", caption)
            .k(svg))
        .k(h("figcaption").t(caption))
        .k(h("div")
            .c("downloads")
            .k(button("svg", c.t(i::DOWNLOAD_SVG)).a("data-target", id))
            .k(button("png", c.t(i::DOWNLOAD_PNG)).a("data-target", id))
            .k(button("csv", c.t(i::DOWNLOAD_CSV)).a("data-target", &table_id))
            .ko(embed))
        .k(h("details")
            .c("chart-data")
            .k(h("summary").t(c.t(i::DATA_TABLE)))
            .k(table.a("id", &table_id)))
}

/// A table from a header and rows of text.
pub(crate) fn table(caption: &str, head: &[&str], rows: Vec<Vec<String>>) -> H {
    let thead = h("tr");
    for col in head {
        thead.to(h("th").a("scope", "col").t(col));
    }
    let body = h("tbody");
    for row in rows {
        let tr = h("tr");
        for (k, cell) in row.iter().enumerate() {
            tr.to(if k == 0 {
                h("th").a("scope", "row")
            } else {
                h("td")
            }
            .t(cell));
        }
        body.to(tr);
    }
    h("div").c("table-wrap").k(h("table")
        .k(h("caption").t(caption))
        .k(h("thead").k(thead))
        .k(body))
}

fn target_index(ds: &Dataset, id: &str) -> Option<usize> {
    ds.targets.iter().position(|t| t.id == id)
}

fn target_value_text(c: &Ctx, t: &Target) -> String {
    match (t.target.value, t.target.year) {
        (Some(v), Some(y)) => {
            [c.f.value(v, t.unit), " (".into(), y.to_string(), ")".into()].concat()
        }
        (Some(v), None) => c.f.value(v, t.unit),
        (None, Some(y)) => y.to_string(),
        (None, None) => "–".into(),
    }
}

fn why(c: &Ctx, s: &TargetStatus) -> Option<String> {
    s.missing.map(|m| words::missing(m, c.l).to_string())
}

/// The whole page for the current state.
pub fn render(app: &App) -> H {
    let c = Ctx {
        app,
        l: app.lang,
        f: Fmt::cached(app.lang),
    };
    let main = h("main").a("id", "main").a("tabindex", "-1");
    main.too(tabs::notes(&c));
    main.too(shell::banner(&c));
    if let Some(fl) = &app.flash {
        main.to(shell::flash(&c, fl));
    }
    let body = match &app.route {
        Route::Overview => overview::overview(&c),
        Route::Priority(id) => priority::priority(&c, id),
        Route::Target(id) => target::target(&c, id),
        Route::Indicator(id) => indicator(&c, id),
        Route::Money => money(&c),
        Route::Data => data_view(&c),
        Route::Method => method(&c),
        Route::Scenario => crate::explore::page(&c),
        Route::NotFound(_) => shell::not_found(&c),
    };
    main.to(body);
    let root = h("div").a("id", "root");
    if let Some(d) = &app.embed {
        root.to(shell::embed_dialog(&c, d));
    }
    root.k(h("a")
        .c("skip")
        .a("href", "#main")
        .a("data-act", "skip")
        .t(c.t(i::SKIP)))
        .k(shell::header(&c))
        .k(main)
        .k(shell::footer(&c))
}

/// One part alone, for an iframe or a custom element: minimal chrome, a
/// link to the full view, and every link opening the full dashboard.
pub fn render_part(app: &App) -> H {
    let c = Ctx {
        app,
        l: app.lang,
        f: Fmt::cached(app.lang),
    };
    let ds = c.ds();
    let not_found = || h("p").t(c.t(i::NOT_FOUND));
    let body = match &app.part {
        Part::Overview => h("div")
            .k(overview::vision_card(&c))
            .k(overview::headlines(&c))
            .k(overview::priorities(&c)),
        Part::Vision => overview::vision_card(&c),
        Part::Headlines => overview::headlines(&c),
        Part::Headline(id) => match target_index(ds, id) {
            Some(k) => overview::headline_card(&c, k),
            None => not_found(),
        },
        Part::Priorities => overview::priorities(&c),
        Part::Priority(id) => match ds.priorities.iter().position(|p| p.id == *id) {
            Some(k) => overview::priority_card(&c, k),
            None => not_found(),
        },
        Part::Target(id) => match target_index(ds, id) {
            Some(k) => h("div")
                .k(target::target_status(&c, k))
                .k(target::target_chart(&c, k)),
            None => not_found(),
        },
        Part::Chart(id) => match (
            target_index(ds, id),
            ds.indicators.iter().position(|x| x.id == *id),
        ) {
            (Some(k), _) => target::target_chart(&c, k),
            (None, Some(k)) => indicator_chart(&c, k),
            _ => not_found(),
        },
        Part::Indicator(id) => match ds.indicators.iter().position(|x| x.id == *id) {
            Some(k) => h("div")
                .k(indicator_status(&c, k))
                .k(indicator_chart(&c, k)),
            None => not_found(),
        },
        Part::Multipliers => multipliers(&c),
        Part::Windows => windows_timeline(&c),
        Part::Revolving => revolving(&c),
        Part::Scenario => crate::explore::page(&c),
    };
    let mut full = [app.home.as_str(), &app.part.route().hash()].concat();
    if app.part == Part::Scenario && !app.scenario.is_vision() {
        full.push('?');
        full.push_str(&app.scenario.to_query());
    }
    let root = h("div")
        .a("id", "root")
        .c("embed")
        .k(h("main").a("id", "main").a("tabindex", "-1").k(body))
        .k(h("p")
            .c("embed-foot")
            .k(link(&full, c.t(i::OPEN_FULL)).a("id", "open-full"))
            .t(" · koers · ")
            .t(&txt(ds.vision.title.get(c.l))));
    // Links to other views open the full dashboard, in a new tab.
    if let Ok(links) = root.0.query_selector_all("a[href^='#']") {
        for k in 0..links.length() {
            let Some(a) = links
                .item(k)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            else {
                continue;
            };
            let href = a.get_attribute("href").unwrap_or_default();
            let _ = a.set_attribute("href", &[app.home.as_str(), &href].concat());
        }
    }
    if let Ok(links) = root.0.query_selector_all("a[href]") {
        for k in 0..links.length() {
            if let Some(a) = links
                .item(k)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            {
                let _ = a.set_attribute("target", "_blank");
                // An external link keeps its own (stricter) rel.
                if !a.has_attribute("rel") {
                    let _ = a.set_attribute("rel", "noopener");
                }
            }
        }
    }
    root
}

/// The Embed button of a card or chart: on the full page only.
pub(crate) fn embed_button(c: &Ctx, part: &Part, name: &str) -> Option<H> {
    if c.app.mode != Mode::Page || !c.app.embedding {
        return None;
    }
    let view = part.view();
    let id: String = ["embed-", &view]
        .concat()
        .chars()
        .map(|ch| {
            if ch.is_ascii_alphanumeric() || ch == '-' {
                ch
            } else {
                '-'
            }
        })
        .collect();
    Some(
        button("embed", c.t(i::EMBED))
            .c("embed-button")
            .a("id", &id)
            .a("data-view", &view)
            .a("aria-label", &[c.t(i::EMBED), ": ", name].concat()),
    )
}

pub(crate) fn title(text: &str) -> H {
    h("h1").a("id", "page-title").a("tabindex", "-1").t(text)
}

// ---------------------------------------------------------------------------
// Overview

// ---------------------------------------------------------------------------
// Priority

/// "ongeveer", "minstens", "meer dan", "tot", or nothing for an exact amount.
fn qualifier_word(c: &Ctx, q: Qualifier) -> &'static str {
    match q {
        Qualifier::About => c.t(i::Q_ABOUT),
        Qualifier::AtLeast => c.t(i::Q_AT_LEAST),
        Qualifier::MoreThan => c.t(i::Q_MORE_THAN),
        Qualifier::UpTo => c.t(i::Q_UP_TO),
        Qualifier::Exact => "",
    }
}

fn crumbs(c: &Ctx, trail: &[(String, String)]) -> H {
    let ol = h("ol");
    ol.to(h("li").k(link("#/", c.t(i::OVERVIEW))));
    for (href, text) in trail {
        ol.to(h("li").k(link(href, text)));
    }
    h("nav")
        .c("crumbs")
        .a("aria-label", c.t(i::BREADCRUMB))
        .k(ol)
}

// ---------------------------------------------------------------------------
// Target and indicator

/// Whose figure a chart's year is, in words (published, or the user's own
/// in this browser; with the proxy's name when the series is one).
fn whose(c: &Ctx, subject: &str, year: i32) -> String {
    let Some(o) = figures::origin(c.ds(), &c.app.data, subject, year) else {
        return "–".into();
    };
    let mut w: String = c.t(o.words()).into();
    if o == figures::Origin::Yours
        && c.app
            .data
            .obs
            .iter()
            .any(|x| x.subject == subject && x.year == year && x.illustrative())
    {
        w.push_str("; ");
        w.push_str(c.t(i::ILLUSTRATIVE_TAG));
    }
    if o == figures::Origin::Published
        && c.ds().series_of(subject).is_some_and(|s| s.proxy.is_some())
    {
        w.push_str("; ");
        w.push_str(c.t(i::PUB_PROXY));
    }
    w
}

fn indicator(c: &Ctx, id: &str) -> H {
    let ds = c.ds();
    let Some(k) = ds.indicators.iter().position(|x| x.id == id) else {
        return shell::not_found(c);
    };
    let x: &Indicator = &ds.indicators[k];
    let p = ds.priority(x.priority);
    let page = h("div").c("indicator-page");
    page.to(crumbs(
        c,
        &p.map(|p| {
            vec![(
                Route::Priority(p.id.into()).hash(),
                [p.number.to_string(), ". ".into(), txt(p.title.get(c.l))].concat(),
            )]
        })
        .unwrap_or_default(),
    ));
    page.to(title(&txt(x.title.get(c.l))));
    page.to(h("p")
        .c("lede")
        .t(c.t(i::MEASURES))
        .t(": ")
        .t(&txt(x.measures.get(c.l))));
    page.to(indicator_status(c, k));
    page.to(section(c.t(i::CHART), "chart-h").k(indicator_chart(c, k)));
    page.to(figures::series_section(c, id));
    page.too(breakdowns::section_of(
        c,
        id,
        figures::drawn_unit(c.ds(), id, x.unit),
    ));
    page.too(figures::events_section(c, id));
    page.to(entry::add_form(c, Some(id)));
    page.to(entry::obs_list(c, id, x.unit));
    let about = section(c.t(i::FROM_THE_VISION), "vision-h");
    about.to(h("dl")
        .c("facts")
        .k(h("dt").t(c.t(i::UNIT)))
        .k(h("dd").t(words::unit(x.unit, c.l)))
        .k(h("dt").t(c.t(i::DIRECTION)))
        .k(h("dd").t(words::indicator_direction(x.direction, c.l))));
    about.to(source(c, &x.source));
    page.to(about);
    page
}

/// An impact indicator's status.
fn indicator_status(c: &Ctx, k: usize) -> H {
    let x: &Indicator = &c.ds().indicators[k];
    let s = &c.app.computed.indicators[k];
    let st = h("section")
        .c("card status-card")
        .a("aria-labelledby", "status-h")
        .a("id", "status")
        .a("data-embed", "indicator");
    st.to(h("h2").a("id", "status-h").t(c.t(i::STATUS)));
    st.to(h("p").k(badge(c, s.open_sdg.status)).t(" ").k(h("span")
        .c("muted")
        .t(c.t(i::METHOD_WORD))
        .t(": ")
        .t(c.t(i::OPEN_SDG_NO_TARGET))));
    if let Some(m) = s.missing.or(s.open_sdg.reason.map(Missing::Progress)) {
        st.to(h("p")
            .c("words")
            .t(c.t(i::NOT_AVAILABLE_BECAUSE))
            .t(" ")
            .t(words::missing(m, c.l))
            .t("."));
    }
    if let Some(v) = s.open_sdg.progress_value {
        st.to(h("p")
            .c("words")
            .t(c.t(i::GROWTH_A_YEAR))
            .t(": ")
            .t(&c.f.pct(v))
            .t(" · ")
            .t(c.t(i::SCORE))
            .t(": ")
            .t(&score(c, s.open_sdg.score)));
    }
    st.too(figures::proxy_line(c, x.id));
    st.too(embed_button(
        c,
        &Part::Indicator(x.id.into()),
        &txt(x.title.get(c.l)),
    ));
    st
}

/// An impact indicator's chart with its data table.
fn indicator_chart(c: &Ctx, k: usize) -> H {
    let ds = c.ds();
    let x: &Indicator = &ds.indicators[k];
    let s = &c.app.computed.indicators[k];
    let id = x.id;
    let points = c.app.points(id);
    let mut drawn = heapless::Vec::new();
    dashboard::drawn_series(
        koers_core::model::TargetKind::Level,
        None,
        &points,
        &mut drawn,
    );
    let chart_title = [
        txt(x.title.get(c.l)),
        " — ".into(),
        c.t(i::OVER_TIME).into(),
    ]
    .concat();
    let mut desc = [
        drawn.len().to_string(),
        " ".into(),
        c.t(i::OBS_WORD).into(),
        "; ".into(),
        c.t(i::STATUS).into(),
        ": ".into(),
        words::status(s.open_sdg.status, c.l).into(),
        ".".into(),
    ]
    .concat();
    if let Some(p) = figures::proxy_words(ds, c.l, id) {
        desc.push(' ');
        desc.push_str(&p);
    }
    let unit = figures::drawn_unit(ds, id, x.unit);
    let svg = chart::series(
        &chart::Series {
            id: "indicator-chart",
            start: crate::app::first_year(ds) - 1,
            title: &chart_title,
            desc: &desc,
            unit,
            drawn: &drawn,
            baseline: None,
            target: None,
            required: None,
            trend: None,
            reached: None,
            labels: [
                c.t(i::OBSERVED),
                c.t(i::BASELINE),
                c.t(i::TARGET),
                c.t(i::REQUIRED_PATH),
                c.t(i::TREND),
                "",
            ],
        },
        &c.f,
    );
    let rows = drawn
        .iter()
        .map(|p| {
            vec![
                p.year.to_string(),
                c.f.value(p.value, unit),
                whose(c, id, p.year),
            ]
        })
        .collect();
    let tbl = table(
        &chart_title,
        &[c.t(i::YEAR), c.t(i::VALUE), c.t(i::PUB_WHOSE)],
        rows,
    );
    let embed = embed_button(c, &Part::Chart(x.id.into()), &chart_title);
    figure(c, svg, "indicator-chart", tbl, &desc, embed)
}

// ---------------------------------------------------------------------------
// Money

fn money(c: &Ctx) -> H {
    let ds = c.ds();
    let comp = &c.app.computed;
    let page = h("div").c("money-page");
    page.to(title(c.t(i::MONEY_TITLE)));
    page.to(h("p").c("lede").t(&vision_words(c, c.t(i::MONEY_LEDE))));

    page.to(multipliers(c));
    page.to(windows_timeline(c));

    let t = &comp.totals;
    page.to(h("p")
        .c("card")
        .k(h("strong").t(c.t(i::COUNTED_ONCE)))
        .t(" ")
        .t(&[
            c.f.money(t.public),
            " ".into(),
            c.t(i::PUBLIC).into(),
            ", ".into(),
            c.f.money(t.private),
            " ".into(),
            c.t(i::PRIVATE_STATED).into(),
            ", ".into(),
            c.f.money(t.total),
            " ".into(),
            c.t(i::TOTAL_STATED).into(),
            "; ".into(),
            t.nested.to_string(),
            " ".into(),
            c.t(i::NESTED_NOT_TWICE).into(),
            "; ".into(),
            t.unknown.to_string(),
            " ".into(),
            c.t(i::WITHOUT_AMOUNT).into(),
            ".".into(),
        ]
        .concat()));

    // Realised per year.
    let sec = section(c.t(i::REALISED), "realised-h");
    if c.app.data.flows.is_empty() {
        sec.to(h("p").c("muted").t(c.t(i::NO_FLOWS_TEXT)));
    } else {
        let rows = c
            .app
            .data
            .flows
            .iter()
            .map(|fl| {
                let w = ds.window(&fl.window);
                let name = w
                    .map(|w| txt(w.name.get(c.l)))
                    .unwrap_or_else(|| fl.window.clone());
                let share = w.and_then(|w| present::committed_share(w, fl.public_committed));
                let d = |v: Option<f64>| v.map(|v| c.f.money(v)).unwrap_or_else(|| "–".into());
                vec![
                    name,
                    fl.year.to_string(),
                    d(fl.public_committed),
                    d(fl.public_disbursed),
                    d(fl.private_committed),
                    d(fl.private_disbursed),
                    share.map(|s| c.f.pct(s)).unwrap_or_else(|| "–".into()),
                    unescape(&fl.source),
                ]
            })
            .collect();
        sec.to(table(
            c.t(i::REALISED),
            &[
                c.t(i::WINDOW),
                c.t(i::YEAR),
                c.t(i::PUB_COMMITTED),
                c.t(i::PUB_DISBURSED),
                c.t(i::PRIV_COMMITTED),
                c.t(i::PRIV_DISBURSED),
                c.t(i::SHARE_OF_WINDOW),
                c.t(i::SOURCE),
            ],
            rows,
        )
        .a("id", "flows-wrap"));
    }
    page.to(sec);

    // Revolving capital.
    page.to(revolving(c));

    // The vision's own sums.
    let sec = section(c.t(i::OWN_SUMS), "sums-h");
    let ul = h("ul").c("findings");
    for fi in &comp.findings {
        let w = &ds.windows[fi.window];
        let (verdict, cls) = match fi.holds {
            Some(true) => (c.t(i::ADDS_UP), "ok"),
            Some(false) => (c.t(i::DOES_NOT_ADD_UP), "bad"),
            None => (c.t(i::CANNOT_TELL), "unknown"),
        };
        let sym = match fi.holds {
            Some(true) => "✔",
            Some(false) => "✖",
            None => "?",
        };
        let li = h("li")
            .k(h("strong").t(&txt(w.name.get(c.l))))
            .t(": ")
            .t(&fi
                .sum
                .parent_public
                .map(|v| c.f.money(v))
                .unwrap_or_else(|| "–".into()))
            .t(" ")
            .t(c.t(i::AGAINST))
            .t(" ")
            .t(&c.f.money(fi.sum.children_public))
            .t(" ")
            .t(c.t(i::IN_PARTS))
            .t(" (")
            .t(&fi.sum.children_count.to_string())
            .t(")");
        if fi.sum.unknown_children > 0 {
            li.to(h("span")
                .t(", ")
                .t(&fi.sum.unknown_children.to_string())
                .t(" ")
                .t(c.t(i::UNKNOWN_PARTS)));
        }
        li.to(h("span").t(" — "));
        li.to(h("span")
            .c(&["verdict ", cls].concat())
            .k(h("span").a("aria-hidden", "true").t(sym))
            .t(" ")
            .t(verdict));
        ul.to(li);
    }
    sec.to(ul);
    page.to(sec);
    page
}

/// Multipliers against their targets, one card per window with a target.
fn multipliers(c: &Ctx) -> H {
    let ds = c.ds();
    let comp = &c.app.computed;
    let sec = section(c.t(i::MULTIPLIERS), "mult-h").a("data-embed", "multipliers");
    let grid = h("div").c("grid two");
    for row in comp
        .windows
        .iter()
        .filter(|r| r.target_multiplier.is_some())
    {
        let w = &ds.windows[row.index];
        let card = h("article").c("card");
        card.to(h("h3").t(&txt(w.name.get(c.l))));
        card.to(h("p").c("big").t(&[
            c.f.money(w.public_eur.unwrap_or(0.0)),
            " → ".into(),
            c.f.money(w.total_eur.unwrap_or(0.0)),
        ]
        .concat()));
        let dl = h("dl").c("facts");
        dl.to(h("dt").t(c.t(i::TARGET_MULTIPLIER)));
        dl.to(h("dd").t(&row
            .target_multiplier
            .map(|m| c.f.times(m))
            .unwrap_or_default()));
        dl.to(h("dt").t(c.t(i::PRIVATE_TO_MOBILISE)));
        dl.to(h("dd").t(&row
            .promised
            .private_mobilised
            .map(|v| c.f.money(v))
            .unwrap_or_else(|| "–".into())));
        dl.to(h("dt").t(c.t(i::REALISED_MULTIPLIER)));
        match row.realised.leverage.and_then(|l| l.multiplier) {
            Some(m) => {
                dl.to(h("dd").t(&c.f.times(m)));
            }
            None => {
                dl.to(h("dd").t(c.t(i::NO_FLOWS_YET)));
            }
        }
        card.to(dl);
        let share = present::multiplier_share(row);
        card.to(bar(
            c,
            share,
            if share.is_some() {
                Status::ModerateProgress
            } else {
                Status::NotAvailable
            },
        ));
        grid.to(card);
    }
    sec.to(grid);
    sec.to(h("p").c("muted small").t(c.t(i::MULTIPLIER_NOTE)));
    sec.too(embed_button(c, &Part::Multipliers, c.t(i::MULTIPLIERS)));
    sec
}

/// Every investment window on a timeline to the horizon.
fn windows_timeline(c: &Ctx) -> H {
    let ds = c.ds();
    let comp = &c.app.computed;
    let first = crate::app::first_year(ds);
    let span = (first.min(2025), ds.vision.horizon_year);
    let bars: Vec<chart::WindowBar> = comp
        .windows
        .iter()
        .map(|r| {
            let w = &ds.windows[r.index];
            chart::WindowBar {
                name: "",
                depth: r.depth,
                years: (w.start_year, w.end_year),
                public: w.public_eur,
                private: w.private_eur,
                total: w.total_eur,
                per_year: w.basis == Basis::PerYear,
            }
        })
        .collect();
    let names: Vec<String> = comp
        .windows
        .iter()
        .map(|r| txt(ds.windows[r.index].name.get(c.l)))
        .collect();
    let bars: Vec<chart::WindowBar> = bars
        .into_iter()
        .zip(&names)
        .map(|(b, n)| chart::WindowBar { name: n, ..b })
        .collect();
    let title_s = &vision_words(c, c.t(i::TIMELINE_TITLE));
    let desc = &vision_words(c, c.t(i::TIMELINE_DESC));
    let svg = chart::windows(
        "windows-chart",
        title_s,
        desc,
        &bars,
        span,
        [
            c.t(i::PERIOD),
            c.t(i::AMOUNT),
            c.t(i::PERIOD_OPEN),
            c.t(i::PER_YEAR_SHORT),
            c.t(i::PUBLIC),
            c.t(i::PRIVATE),
            c.t(i::TOTAL_UNSPLIT),
        ],
        &c.f,
    );
    let rows = comp
        .windows
        .iter()
        .map(|r| {
            let w = &ds.windows[r.index];
            vec![
                ["↳ ".repeat(usize::from(r.depth)), txt(w.name.get(c.l))].concat(),
                w.public_eur
                    .map(|v| c.f.money(v))
                    .unwrap_or_else(|| "–".into()),
                w.private_eur
                    .map(|v| c.f.money(v))
                    .unwrap_or_else(|| "–".into()),
                w.total_eur
                    .map(|v| c.f.money(v))
                    .unwrap_or_else(|| "–".into()),
                words::basis(w.basis, c.l).into(),
                match (w.start_year, w.end_year) {
                    (Some(a), Some(z)) => [a.to_string(), "–".into(), z.to_string()].concat(),
                    (None, Some(z)) => {
                        [c.t(i::UNTIL).to_string(), " ".into(), z.to_string()].concat()
                    }
                    (Some(a), None) => {
                        [c.t(i::FROM).to_string(), " ".into(), a.to_string()].concat()
                    }
                    _ => "–".into(),
                },
                r.promised
                    .multiplier
                    .filter(|_| w.total_eur.is_some() || w.private_eur.is_some())
                    .map(|m| c.f.times(m))
                    .unwrap_or_else(|| "–".into()),
                if r.realised.years == 0 {
                    "–".into()
                } else {
                    [
                        c.f.money(r.realised.public_committed),
                        " + ".into(),
                        c.f.money(r.realised.private_committed),
                    ]
                    .concat()
                },
            ]
        })
        .collect();
    let tbl = table(
        title_s,
        &[
            c.t(i::WINDOW),
            c.t(i::PUBLIC),
            c.t(i::PRIVATE),
            c.t(i::TOTAL),
            c.t(i::BASIS),
            c.t(i::PERIOD),
            c.t(i::MULTIPLIER),
            c.t(i::REALISED_COMMITTED),
        ],
        rows,
    );
    let embed = embed_button(c, &Part::Windows, title_s);
    section(title_s, "timeline-h").k(figure(c, svg, "windows-chart", tbl, desc, embed))
}

fn revolving(c: &Ctx) -> H {
    let ds = c.ds();
    let rv = c.app.revolve;
    let sec = section(c.t(i::REVOLVING_TITLE), "revolve-h")
        .a("id", "revolving")
        .a("data-embed", "revolving");
    sec.too(embed_button(c, &Part::Revolving, c.t(i::REVOLVING_TITLE)));
    let choice = present::RevolvingChoice {
        loss_pct: rv.loss_pct,
        return_pct: rv.return_pct,
        holding: rv.holding,
        lag: rv.lag,
    };
    let Some(model) = present::revolving(ds, choice) else {
        return sec.k(h("p").t(c.t(i::NONE_YET)));
    };
    let (public, res, multiplier) = (model.public, &model.result, model.multiplier);
    let (start, horizon) = (model.params.start_year, model.params.horizon_year);
    sec.to(h("p").t(c.t(i::REVOLVING_LEDE)).t(" ").t(&[
        c.f.money(public),
        " ".into(),
        c.t(i::SPREAD_EVENLY).into(),
        " ".into(),
        start.to_string(),
        "–".into(),
        horizon.to_string(),
        ".".into(),
    ]
    .concat()));
    let form = h("form")
        .a("data-form", "revolve")
        .c("params")
        .a("id", "revolve-form");
    let field = |name: &str, label: i::S, v: String, min: &str, max: &str, step: &str| {
        let id = ["rv-", name].concat();
        h("div")
            .c("field")
            .k(h("label").a("for", &id).t(c.t(label)))
            .k(h("input")
                .a("type", "number")
                .a("id", &id)
                .a("name", name)
                .a("value", &v)
                .a("min", min)
                .a("max", max)
                .a("step", step)
                .a("data-revolve", name))
    };
    form.to(field(
        "loss",
        i::LOSS_RATE,
        crate::dom::num_attr(rv.loss_pct),
        "0",
        "100",
        "1",
    ));
    form.to(field(
        "return",
        i::ANNUAL_RETURN,
        crate::dom::num_attr(rv.return_pct),
        "-50",
        "50",
        "0.5",
    ));
    form.to(field(
        "holding",
        i::HOLDING_YEARS,
        rv.holding.to_string(),
        "0",
        "30",
        "1",
    ));
    form.to(field(
        "lag",
        i::LAG_YEARS,
        rv.lag.to_string(),
        "0",
        "10",
        "1",
    ));
    sec.to(form);
    sec.to(h("p").c("muted small").t(c.t(i::ASSUMPTIONS_NOTE)));
    let out = h("div").a("aria-live", "polite").a("id", "revolve-out");
    if let Some(r) = res.reason.filter(|_| res.years.is_empty()) {
        out.to(h("p")
            .c("problems")
            .t(c.t(i::CANNOT_COMPUTE))
            .t(": ")
            .t(r.as_str()));
        sec.to(out);
        return sec;
    }
    let dl = h("dl").c("facts");
    let fact = |k: i::S, v: String| {
        dl.to(h("dt").t(c.t(k)));
        dl.to(h("dd").t(&v));
    };
    fact(i::BUDGET_TOTAL, c.f.money(res.budget_total));
    fact(i::DEPLOYED_TOTAL, c.f.money(res.deployed_total));
    fact(i::REFLOWS_TOTAL, c.f.money(res.reflows_total));
    fact(
        i::REVOLVING_FACTOR,
        res.revolving_factor
            .map(|v| c.f.times(v))
            .unwrap_or_else(|| "–".into()),
    );
    fact(
        i::LONG_RUN_CEILING,
        res.long_run_ceiling
            .map(|v| c.f.money(v))
            .unwrap_or_else(|| c.t(i::NO_CEILING).into()),
    );
    if let Some(m) = multiplier {
        fact(
            i::MOBILISED_AT,
            model
                .mobilised
                .map(|v| [c.f.money(v), " (".into(), c.f.times(m), ")".into()].concat())
                .unwrap_or_else(|| "–".into()),
        );
    }
    out.to(dl);
    let years: Vec<(i32, f64, f64)> = res
        .years
        .iter()
        .map(|y| (y.year, y.budget, y.redeployed))
        .collect();
    let svg = chart::revolving(
        "revolve-chart",
        c.t(i::REVOLVING_TITLE),
        c.t(i::REVOLVING_DESC),
        &years,
        [c.t(i::NEW_BUDGET), c.t(i::REDEPLOYED)],
        &c.f,
    );
    let rows = res
        .years
        .iter()
        .map(|y| {
            vec![
                y.year.to_string(),
                c.f.money(y.budget),
                c.f.money(y.reflow),
                c.f.money(y.redeployed),
                c.f.money(y.deployed),
            ]
        })
        .collect();
    let tbl = table(
        c.t(i::REVOLVING_TITLE),
        &[
            c.t(i::YEAR),
            c.t(i::NEW_BUDGET),
            c.t(i::REFLOW),
            c.t(i::REDEPLOYED),
            c.t(i::DEPLOYED),
        ],
        rows,
    );
    out.to(figure(
        c,
        svg,
        "revolve-chart",
        tbl,
        c.t(i::REVOLVING_DESC),
        None,
    ));
    sec.to(out);
    sec
}

// ---------------------------------------------------------------------------
// Data

fn data_view(c: &Ctx) -> H {
    let page = h("div").c("data-page");
    page.to(title(c.t(i::DATA_TITLE)));
    page.to(h("p").c("lede").t(c.t(i::DATA_LEDE)));
    let tools = section(c.t(i::IMPORT_EXPORT), "io-h");
    tools.to(h("div")
        .c("buttons")
        .k(button("export-csv", c.t(i::EXPORT_CSV)))
        .k(button("export-json", c.t(i::EXPORT_JSON)))
        .k({
            let b = button("choose-file", c.t(i::IMPORT)).a("id", "import-button");
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
            .a("data-act", "import"))
        .k(button("examples", c.t(i::LOAD_EXAMPLES)))
        .k(button("reset", c.t(i::RESET)).c("danger")));
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
        for (k, o) in c.app.data.obs.iter().enumerate() {
            let ks = k.to_string();
            // Fields are named by the figure, not its row: a redraw after
            // another tab's change keeps focus and typing on the same figure.
            let key = crate::sync::Key::obs(&o.subject, o.year);
            let (key, id) = (
                key.attr(),
                [o.subject.as_str(), "-", &o.year.to_string()].concat(),
            );
            let name = ds
                .target(&o.subject)
                .map(|t| txt(t.title.get(c.l)))
                .or_else(|| ds.indicator(&o.subject).map(|x| txt(x.title.get(c.l))))
                .unwrap_or_else(|| o.subject.clone());
            let cell = |field: &str, kind: &str, value: &str, label: &str| {
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
                .a("data-edit", "provisional")
                .a("data-index", &ks)
                .a("data-key", &key)
                .a("id", &["e-provisional-", &id].concat())
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
            tb.to(h("tr")
                .k(subj)
                .k(cell("year", "number", &o.year.to_string(), c.t(i::YEAR)))
                .k(cell(
                    "value",
                    "text",
                    &crate::data::number_in(o.value, c.l),
                    c.t(i::VALUE),
                ))
                .k(cell("source", "text", &unescape(&o.source), c.t(i::SOURCE)))
                .k(cell(
                    "note",
                    "text",
                    &o.note.as_deref().map(unescape).unwrap_or_default(),
                    c.t(i::NOTE),
                ))
                .k(h("td").c("center").k(prov))
                .k(h("td").k(button("delete", c.t(i::DELETE))
                    .a("data-index", &ks)
                    .a("data-key", &key)
                    .a(
                        "aria-label",
                        &[c.t(i::DELETE), ": ", &name, ", ", &o.year.to_string()].concat(),
                    ))));
        }
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
            .k(h("td").k(button("delete-flow", c.t(i::DELETE))
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

// ---------------------------------------------------------------------------
// Method

fn method(c: &Ctx) -> H {
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
