//! A target's page: its status with the numbers behind it in plain words,
//! its chart, both methods side by side, the figures entered, and what the
//! vision says.

use std::string::{String, ToString};
use std::vec::Vec;

use koers_core::assess::{Method, Missing, TargetStatus};
use koers_core::dashboard;
use koers_core::model::{Target, TargetKind};
use koers_core::present;
use koers_core::progress::{Point, Status, YearReached};
use koers_core::view as words;

use super::{
    badge, bar, breakdowns, data_table, embed_button, entry, figure, figures, priority_crumbs,
    score, section, shell, source, target_index, target_value_text, title, txt, Ctx,
};
use crate::app::Mode;
use crate::chart;
use crate::dom::{h, H};
use crate::i18n as i;
use crate::route::Part;
use crate::tables;

/// The page of the target `id`.
pub(super) fn target(c: &Ctx, id: &str) -> H {
    let ds = c.ds();
    let Some(k) = target_index(ds, id) else {
        return shell::not_found(c);
    };
    let tg = &ds.targets[k];
    let s = &c.app.computed.targets[k];
    let page = h("div").c("target-page");
    page.to(priority_crumbs(c, tg.priority));
    page.to(title(&txt(tg.title.get(c.l))));
    if c.app.illustrative(Some(id)) {
        page.to(h("p")
            .c("note illustrative")
            .k(h("strong").t(c.t(i::ILLUSTRATIVE_TITLE)))
            .t(" ")
            .t(c.t(i::ILLUSTRATIVE_HERE)));
    }

    page.to(target_status(c, k));
    page.to(section(c.t(i::CHART), "chart-h").k(target_chart(c, k)));
    page.to(figures::series_section(c, id));
    page.too(breakdowns::section_of(
        c,
        id,
        figures::drawn_unit(c.ds(), id, tg.unit),
    ));
    page.too(figures::events_section(c, id));

    // Both methods side by side.
    let both = section(c.t(i::BOTH_METHODS), "methods-h");
    let grid = h("div").c("grid two");
    let o = &s.open_sdg;
    let osdg = h("article")
        .c("card")
        .k(h("h3").t(words::method(Method::OpenSdg, c.l)));
    let dl = h("dl").c("facts");
    dl.to(h("dt").t(c.t(i::STATUS)));
    dl.to(h("dd").k(badge(c, o.status)));
    dl.to(h("dt").t(c.t(i::PROGRESS_VALUE)));
    dl.to(h("dd").t(&o
        .progress_value
        .map(|v| c.f.num(present::progress_value_shown(v)))
        .unwrap_or_else(|| "–".into())));
    dl.to(h("dt").t(c.t(i::SCORE)));
    dl.to(h("dd").t(&score(c, o.score)));
    if let Some(r) = o.reason {
        dl.to(h("dt").t(c.t(i::WHY_NOT)));
        dl.to(h("dd").t(words::reason(r, c.l)));
    }
    osdg.to(dl);
    grid.to(osdg);
    let dist = h("article")
        .c("card")
        .k(h("h3").t(words::method(Method::DistanceTravelled, c.l)));
    let dl = h("dl").c("facts");
    match &s.distance {
        Some(d) => {
            dl.to(h("dt").t(c.t(i::STATUS)));
            dl.to(h("dd").k(badge(c, d.status)));
            dl.to(h("dt").t(c.t(i::DISTANCE_SHARE)));
            dl.to(h("dd").t(&d
                .distance_share
                .map(|v| c.f.pct(v))
                .unwrap_or_else(|| "–".into())));
            dl.to(h("dt").t(c.t(i::TIME_SHARE)));
            dl.to(h("dd").t(&d
                .time_share
                .map(|v| c.f.pct(v))
                .unwrap_or_else(|| "–".into())));
            dl.to(h("dt").t(c.t(i::PACE_RATIO)));
            dl.to(h("dd").t(&d
                .pace_ratio
                .map(|v| c.f.num(v))
                .unwrap_or_else(|| "–".into())));
            if let Some(r) = d.reason {
                dl.to(h("dt").t(c.t(i::WHY_NOT)));
                dl.to(h("dd").t(words::reason(r, c.l)));
            }
        }
        None => {
            dl.to(h("dt").t(c.t(i::STATUS)));
            dl.to(h("dd").k(badge(c, Status::NotAvailable)));
        }
    }
    if let Some(pr) = &s.projection {
        if let Some(r) = pr.unsd_ratio {
            dl.to(h("dt").t(c.t(i::UNSD_RATIO)));
            dl.to(h("dd").t(&c.f.num(r)));
        }
    }
    dist.to(dl);
    grid.to(dist);
    both.to(grid);
    both.to(h("p")
        .c("muted small")
        .t(c.t(i::HEADLINE_METHOD_NOTE))
        .t(" ")
        .t(words::method(s.method, c.l))
        .t("."));
    page.to(both);

    // Add a figure here.
    page.to(entry::add_form(c, Some(id)));
    page.to(entry::obs_list(c, id, tg.unit));

    // What the vision says.
    let about = section(c.t(i::FROM_THE_VISION), "vision-h");
    let dl = h("dl").c("facts");
    for (k, v) in [
        (i::KIND, words::target_kind(tg.kind, c.l).to_string()),
        (i::UNIT, words::unit(tg.unit, c.l).to_string()),
        (
            i::DIRECTION,
            words::direction(tg.direction, c.l).to_string(),
        ),
        (
            i::BASELINE,
            tg.baseline
                .map(|b| [b.year.to_string(), ": ".into(), c.f.value(b.value, tg.unit)].concat())
                .unwrap_or_else(|| c.t(i::NONE_STATED).into()),
        ),
        (i::TARGET, target_value_text(c, tg)),
    ] {
        dl.to(h("dt").t(c.t(k)));
        dl.to(h("dd").t(&v));
    }
    about.to(dl);
    about.to(source(c, &tg.source));
    for a in &tg.also {
        about.to(source(c, a));
    }
    if let Some(n) = &tg.note {
        about.to(h("p")
            .c("note")
            .k(h("strong").t(c.t(i::NOTE)))
            .t(" ")
            .t(&txt(n.get(c.l))));
    }
    page.to(about);
    page
}

/// A target's status with the numbers behind it in words.
pub(super) fn target_status(c: &Ctx, k: usize) -> H {
    let tg = &c.ds().targets[k];
    let s = &c.app.computed.targets[k];
    let st = h("section")
        .c("card status-card")
        .a("aria-labelledby", "status-h")
        .a("id", "status")
        .a("data-embed", "target");
    st.to(h("h2").a("id", "status-h").t(c.t(i::STATUS)));
    st.to(h("p")
        .c("status-line")
        .k(badge(c, s.status))
        .t(" ")
        .k(h("span")
            .c("muted")
            .t(c.t(i::METHOD_WORD))
            .t(": ")
            .t(words::method(s.method, c.l))));
    st.to(bar(
        c,
        s.distance.as_ref().and_then(dashboard::progress_share),
        s.status,
    ));
    for line in plain_words(c, tg, s) {
        st.to(h("p").c("words").t(&line));
    }
    st.too(figures::proxy_line(c, tg.id));
    st.too(embed_button(
        c,
        &Part::Target(tg.id.into()),
        &txt(tg.title.get(c.l)),
    ));
    st
}

/// A target's chart with its data table.
pub(super) fn target_chart(c: &Ctx, k: usize) -> H {
    let ds = c.ds();
    let tg = &ds.targets[k];
    let s = &c.app.computed.targets[k];
    let id = tg.id;
    let points = c.app.points(id);
    let present::TargetChart {
        drawn,
        target: target_point,
        required,
        trend,
        reached,
    } = present::target_chart(tg.kind, tg.target.value, s, &points);
    let chart_title = [
        txt(tg.title.get(c.l)),
        " — ".into(),
        c.t(i::OVER_TIME).into(),
    ]
    .concat();
    let mut desc = chart_desc(c, tg, s, &drawn, target_point);
    if let Some(p) = figures::proxy_words(ds, c.l, id) {
        desc.push(' ');
        desc.push_str(&p);
    }
    let svg = chart::series(
        &chart::Series {
            id: "target-chart",
            start: present::first_year(ds) - 1,
            title: &chart_title,
            desc: &desc,
            unit: tg.unit,
            drawn: &drawn,
            baseline: s.baseline.filter(|_| true),
            target: target_point,
            required,
            trend,
            reached,
            labels: [
                if tg.kind == TargetKind::CumulativeFlow {
                    c.t(i::RUNNING_TOTAL)
                } else {
                    c.t(i::OBSERVED)
                },
                if s.baseline_assumed {
                    c.t(i::BASELINE_ASSUMED)
                } else {
                    c.t(i::BASELINE)
                },
                c.t(i::TARGET),
                c.t(i::REQUIRED_PATH),
                c.t(i::TREND),
                c.t(i::REACHED_ON_TREND),
            ],
        },
        &c.f,
    );
    let tbl = data_table(c, &chart_title, &tables::target_figures(c.app, c.l, k));
    let embed = embed_button(c, &Part::Chart(tg.id.into()), &chart_title);
    figure(c, svg, "target-chart", tbl, &desc, embed)
}

/// A target chart's description: how many figures over which years, the
/// latest, the target and the status.
fn chart_desc(
    c: &Ctx,
    tg: &Target,
    s: &TargetStatus,
    drawn: &[Point],
    target: Option<Point>,
) -> String {
    let mut d = String::new();
    d.push_str(&drawn.len().to_string());
    d.push(' ');
    d.push_str(c.t(i::OBS_WORD));
    if let (Some(a), Some(z)) = (drawn.first(), drawn.last()) {
        d.push_str(" (");
        d.push_str(&a.year.to_string());
        d.push('–');
        d.push_str(&z.year.to_string());
        d.push_str(", ");
        d.push_str(c.t(i::LATEST));
        d.push(' ');
        d.push_str(&c.f.value(z.value, tg.unit));
        d.push(')');
    }
    if let Some(tp) = target {
        d.push_str("; ");
        d.push_str(c.t(i::TARGET));
        d.push(' ');
        d.push_str(&c.f.value(tp.value, tg.unit));
        d.push_str(" (");
        d.push_str(&tp.year.to_string());
        d.push(')');
    }
    d.push_str("; ");
    d.push_str(c.t(i::STATUS));
    d.push_str(": ");
    d.push_str(words::status(s.status, c.l));
    d.push('.');
    d
}

/// The status with the numbers behind it, in plain words.
fn plain_words(c: &Ctx, tg: &Target, s: &TargetStatus) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(m) = s.missing {
        let mut w = [
            c.t(i::NOT_AVAILABLE_BECAUSE),
            " ",
            words::missing(m, c.l),
            ".",
        ]
        .concat();
        // Only the full page has the form below; an embedded part does not.
        if c.app.mode == Mode::Page
            && matches!(m, Missing::Progress(koers_core::progress::Reason::NoData))
        {
            w.push(' ');
            w.push_str(c.t(i::ADD_BELOW));
        }
        out.push(w);
    }
    if s.baseline_assumed {
        if let Some(b) = s.baseline {
            out.push(
                [
                    c.t(i::BASELINE_ASSUMED_WORDS).to_string(),
                    " ".into(),
                    b.year.to_string(),
                    ": ".into(),
                    c.f.value(b.value, tg.unit),
                    ".".into(),
                ]
                .concat(),
            );
        }
    }
    if let Some(p) = &s.projection {
        let unit_rate = tg.unit;
        let mut line = String::new();
        if let Some(cur) = p.current.filter(|_| s.observations > 0) {
            line.push_str(
                &[
                    c.t(i::NOW_AT),
                    " ",
                    &c.f.value(cur.value, tg.unit),
                    " (",
                    &cur.year.to_string(),
                    ")",
                ]
                .concat(),
            );
            if let (Some(v), Some(ty)) = (tg.target.value, s.target_year) {
                line.push_str(
                    &[
                        " ",
                        c.t(i::AGAINST),
                        " ",
                        &c.f.value(v, tg.unit),
                        " ",
                        c.t(i::IN),
                        " ",
                        &ty.to_string(),
                    ]
                    .concat(),
                );
            }
            line.push_str(". ");
        }
        if let Some(need) = p.required_pace.filter(|_| s.observations > 0) {
            line.push_str(
                &[
                    c.t(i::NEEDS),
                    " ",
                    &c.f.value(present::round_big(need), unit_rate),
                    " ",
                    c.t(i::A_YEAR_FROM_NOW),
                ]
                .concat(),
            );
            if let Some(rec) = p.recent_pace {
                let years = present::recent_years(tg.kind, s.baseline, &c.app.points(tg.id));
                line.push_str(
                    &[
                        "; ",
                        c.t(i::THE_LAST),
                        " ",
                        &years.to_string(),
                        " ",
                        c.t(if years == 1 {
                            i::YEAR_WORD
                        } else {
                            i::YEARS_WORD
                        }),
                        " ",
                        c.t(i::AVERAGED),
                        " ",
                        &c.f.value(present::round_big(rec), unit_rate),
                    ]
                    .concat(),
                );
            }
            line.push('.');
        }
        if s.observations > 0 {
            let reached = match p.year_reached {
                YearReached::Already(y) => {
                    Some([c.t(i::REACHED_SINCE), " ", &y.to_string(), "."].concat())
                }
                YearReached::Year(y) => {
                    Some([c.t(i::ON_TREND_REACHED_IN), " ", &y.to_string(), "."].concat())
                }
                YearReached::NotBefore2100 => Some(c.t(i::ON_TREND_AFTER_2100).into()),
                YearReached::Never => Some(c.t(i::ON_TREND_NEVER).into()),
                YearReached::NotAvailable => None,
            };
            if let Some(r) = reached {
                line.push(' ');
                line.push_str(&r);
            }
        }
        if !line.is_empty() {
            out.push(line.trim().into());
        }
    }
    out
}
