//! An impact indicator's page: its status (Open SDG's, without a target),
//! its chart, the figures entered, and what the vision says.

use std::string::ToString;

use koers_core::assess::Missing;
use koers_core::dashboard;
use koers_core::model::{Indicator, TargetKind};
use koers_core::view as words;

use super::{
    badge, breakdowns, data_table, embed_button, entry, figure, figures, priority_crumbs, score,
    section, shell, source, title, txt, Ctx,
};
use crate::chart;
use crate::dom::{h, H};
use crate::i18n as i;
use crate::route::Part;
use crate::tables;

/// The page of the impact indicator `id`.
pub(super) fn indicator(c: &Ctx, id: &str) -> H {
    let ds = c.ds();
    let Some(k) = ds.indicators.iter().position(|x| x.id == id) else {
        return shell::not_found(c);
    };
    let x: &Indicator = &ds.indicators[k];
    let page = h("div").c("indicator-page");
    page.to(priority_crumbs(c, x.priority));
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
pub(super) fn indicator_status(c: &Ctx, k: usize) -> H {
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
pub(super) fn indicator_chart(c: &Ctx, k: usize) -> H {
    let ds = c.ds();
    let x: &Indicator = &ds.indicators[k];
    let s = &c.app.computed.indicators[k];
    let id = x.id;
    let points = c.app.points(id);
    let mut drawn = heapless::Vec::new();
    dashboard::drawn_series(TargetKind::Level, None, &points, &mut drawn);
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
            start: koers_core::present::first_year(ds) - 1,
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
    let tbl = data_table(c, &chart_title, &tables::indicator_figures(c.app, c.l, k));
    let embed = embed_button(c, &Part::Chart(x.id.into()), &chart_title);
    figure(c, svg, "indicator-chart", tbl, &desc, embed)
}
