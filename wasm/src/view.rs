//! Writing the state into the DOM: one function per view. Everything shown
//! is either the vision's text, the user's text (always as text, never as
//! HTML) or a number core computed, formatted by the browser.
//!
//! This module holds the context ([`Ctx`]), the two entry points
//! ([`render`] for the full page, [`render_part`] for one embedded part)
//! and the builders every page shares (status badge, counts, progress bar,
//! quoted source, section, figure, table, title, breadcrumbs). Each page
//! is a module of its own: `shell` (header, footer, notes, Embed dialog),
//! `overview`, `priority`, `target`, `indicator`, `entry` (entering
//! figures), `money`, `data` and `method`; `figures`, `coverage`,
//! `breakdowns`, `import` and `tabs` are sections several pages show.
//! Pages use the builders here and `shell`/`entry`, never each other.

use crate::msg::Act;
use std::string::{String, ToString};
use std::vec::Vec;

use koers_core::assess::Rollup;
use koers_core::model::{Dataset, Lang, Qualifier, SourceRef, Target, Text};
use koers_core::progress::Status;
use koers_core::view as words;

use crate::app::{App, Mode};
use crate::data::unescape;
use crate::dom::{button, h, link, H};
use crate::fmt::Fmt;
use crate::i18n::{self as i, t};
use crate::route::{Part, Route};
use crate::tables;

mod breakdowns;
mod coverage;
mod data;
mod entry;
pub(crate) mod explore;
mod figures;
mod import;
mod indicator;
pub(crate) mod keyed;
mod method;
mod money;
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
            let pct = koers_core::present::bar_percent(v);
            let label = [c.f.pct(v).as_str(), " ", c.t(i::OF_THE_WAY)].concat();
            wrap.k(h("div")
                .c("bar")
                .a("role", "img")
                .a("aria-label", &label)
                .k(h("span").c(&[
                    "fill st",
                    &status_index(s).to_string(),
                    " w",
                    // Whole percent as a class (`.w0` … `.w100` in
                    // style.css): a page baked by `koers publish` carries no
                    // style attribute, which the CSP would refuse.
                    &pct.to_string(),
                ]
                .concat())))
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
            .k(button(Act::Svg, c.t(i::DOWNLOAD_SVG)).a("data-target", id))
            .k(button(Act::Png, c.t(i::DOWNLOAD_PNG)).a("data-target", id))
            .k(button(Act::Csv, c.t(i::DOWNLOAD_CSV)).a("data-target", &table_id))
            .ko(embed))
        .k(h("details")
            .c("chart-data")
            .k(h("summary").t(c.t(i::DATA_TABLE)))
            .k(table.a("id", &table_id)))
}

/// A table of the presentation model ([`crate::tables`]), each cell
/// formatted for the reader in the page's language.
pub(crate) fn data_table(c: &Ctx, caption: &str, t: &tables::Table) -> H {
    let head: Vec<&str> = t.head.iter().map(|h| c.t(h.word)).collect();
    let rows = t
        .rows
        .iter()
        .map(|row| row.iter().map(|cell| cell_text(c, cell)).collect())
        .collect();
    table(caption, &head, rows)
}

/// A cell of the presentation model as the reader sees it.
fn cell_text(c: &Ctx, cell: &tables::Cell) -> String {
    use tables::Cell;
    match cell {
        Cell::Year(y) => y.to_string(),
        Cell::Value(v, unit) => c.f.value(*v, *unit),
        Cell::Money(v) => c.f.money(*v),
        Cell::Times(v) => c.f.times(*v),
        Cell::Share(v) => c.f.pct(*v),
        Cell::Period(Some(a), Some(z)) => [a.to_string(), "–".into(), z.to_string()].concat(),
        Cell::Period(None, Some(z)) => [c.t(i::UNTIL), " ", &z.to_string()].concat(),
        Cell::Period(Some(a), None) => [c.t(i::FROM), " ", &a.to_string()].concat(),
        Cell::Status(s) => words::status(*s, c.l).into(),
        Cell::Word(w) => c.t(*w).into(),
        Cell::Text(s) => s.clone(),
        Cell::Period(None, None) | Cell::Nothing => "–".into(),
    }
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

/// The document's title for a page whose heading is `heading`.
pub(crate) fn page_title(heading: &str) -> String {
    [heading, " · koers"].concat()
}

/// The whole page for `app`'s state.
pub fn render(app: &App) -> H {
    let c = Ctx {
        app,
        l: app.lang,
        f: Fmt::new(app.lang),
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
        Route::Indicator(id) => indicator::indicator(&c, id),
        Route::Money => money::money(&c),
        Route::Data => data::data_view(&c),
        Route::Method => method::method(&c),
        Route::Scenario => explore::page(&c),
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
        .a("data-act", Act::Skip.code())
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
        f: Fmt::new(app.lang),
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
            (None, Some(k)) => indicator::indicator_chart(&c, k),
            _ => not_found(),
        },
        Part::Indicator(id) => match ds.indicators.iter().position(|x| x.id == *id) {
            Some(k) => h("div")
                .k(indicator::indicator_status(&c, k))
                .k(indicator::indicator_chart(&c, k)),
            None => not_found(),
        },
        Part::Multipliers => money::multipliers(&c),
        Part::Windows => money::windows_timeline(&c),
        Part::Revolving => money::revolving(&c),
        Part::Scenario => explore::page(&c),
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
    root.each(&mut |tag, attrs| {
        if tag != "a" {
            return;
        }
        let Some(k) = attrs.iter().position(|(n, _)| n == "href") else {
            return;
        };
        if attrs[k].1.starts_with('#') {
            attrs[k].1 = [app.home.as_str(), &attrs[k].1].concat();
        }
        match attrs.iter_mut().find(|(n, _)| n == "target") {
            Some((_, v)) => *v = "_blank".into(),
            None => attrs.push(("target".into(), "_blank".into())),
        }
        // An external link keeps its own (stricter) rel.
        if !attrs.iter().any(|(n, _)| n == "rel") {
            attrs.push(("rel".into(), "noopener".into()));
        }
    });
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
        button(Act::Embed, c.t(i::EMBED))
            .c("embed-button")
            .a("id", &id)
            .a("data-view", &view)
            .a("aria-label", &[c.t(i::EMBED), ": ", name].concat()),
    )
}

/// A page's title: the heading focus moves to on a new view.
pub(crate) fn title(text: &str) -> H {
    h("h1").a("id", "page-title").a("tabindex", "-1").t(text)
}

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

/// The breadcrumb trail from the overview through `trail` (link, text).
/// The breadcrumbs of a page under priority `id`: the overview, then the
/// priority (only the overview when there is no such priority).
fn priority_crumbs(c: &Ctx, id: &str) -> H {
    let trail: Vec<(String, String)> = c
        .ds()
        .priority(id)
        .map(|p| {
            std::vec![(
                Route::Priority(p.id.into()).hash(),
                [p.number.to_string(), ". ".into(), txt(p.title.get(c.l))].concat(),
            )]
        })
        .unwrap_or_default();
    crumbs(c, &trail)
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
