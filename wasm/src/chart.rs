//! Charts as SVG: a target or indicator over time, the investment windows
//! on a timeline with their money, and the revolving-capital model. Every
//! number comes from core (`koers_core::dashboard` for the series, paths and
//! axes); this module maps them to pixels. Colours are set as attributes so
//! a downloaded SVG looks the same as on the page. The money charts
//! (windows, revolving) are in `chart/money.rs`.

use koers_core::dashboard::{nice_scale, Scale};
use koers_core::model::Unit;
use koers_core::progress::Point;

use crate::dom::{num_attr, s, H};
use crate::fmt::Fmt;

mod money;
pub use money::{revolving, windows, WindowBar};

/// Colours, each at least 3:1 against white (WCAG 1.4.11).
pub mod colour {
    /// Observations.
    pub const OBS: &str = "#1d4ed8";
    /// Target.
    pub const TARGET: &str = "#7e22ce";
    /// Required path.
    pub const PATH: &str = "#b45309";
    /// Trend.
    pub const TREND: &str = "#374151";
    /// Axes, text.
    pub const INK: &str = "#1f2937";
    /// Grid.
    pub const GRID: &str = "#d1d5db";
    /// Public money.
    pub const PUBLIC: &str = "#1d4ed8";
    /// Private money.
    pub const PRIVATE: &str = "#0f766e";
    /// Total beyond what is split.
    pub const OPEN: &str = "#6b7280";
}

const FONT: &str = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";

fn root(id: &str, w: f64, h: f64, title: &str, desc: &str) -> H {
    let tid = [id, "-t"].concat();
    let did = [id, "-d"].concat();
    s("svg")
        .a("id", id)
        .a("xmlns", "http://www.w3.org/2000/svg")
        .a(
            "viewBox",
            &[
                "0 0 ",
                &(w as i32).to_string(),
                " ",
                &(h as i32).to_string(),
            ]
            .concat(),
        )
        .a("role", "img")
        .a(
            "aria-labelledby",
            &[tid.as_str(), " ", did.as_str()].concat(),
        )
        .a("font-family", FONT)
        .a("font-size", "12")
        .a("class", "chart")
        .k(s("title").a("id", &tid).t(title))
        .k(s("desc").a("id", &did).t(desc))
        .k(s("rect").n("width", w).n("height", h).a("fill", "#fff"))
}

fn text(x: f64, y: f64, anchor: &str, t: &str) -> H {
    s("text")
        .n("x", x)
        .n("y", y)
        .a("text-anchor", anchor)
        .a("fill", colour::INK)
        .t(t)
}

fn line(x1: f64, y1: f64, x2: f64, y2: f64, stroke: &str, width: f64) -> H {
    s("line")
        .n("x1", x1)
        .n("y1", y1)
        .n("x2", x2)
        .n("y2", y2)
        .a("stroke", stroke)
        .n("stroke-width", width)
}

/// Everything a series chart shows.
pub struct Series<'a> {
    /// Element id (for downloads and labels).
    pub id: &'a str,
    /// Chart title (also its accessible name).
    pub title: &'a str,
    /// A sentence describing what the chart shows.
    pub desc: &'a str,
    /// Unit of values.
    pub unit: Unit,
    /// Observed points as drawn, sorted.
    pub drawn: &'a [Point],
    /// The baseline, if any.
    pub baseline: Option<Point>,
    /// The target, if any.
    pub target: Option<Point>,
    /// The required path, if any.
    pub required: Option<[Point; 2]>,
    /// The trend line, if any.
    pub trend: Option<[Point; 2]>,
    /// The year the trend reaches the target.
    pub reached: Option<i32>,
    /// The earliest year to show, even without data there.
    pub start: i32,
    /// Legend labels: observations, baseline, target, required path, trend, reached.
    pub labels: [&'a str; 6],
}

/// A line chart of a series with its baseline, target, required path,
/// trend and the year the target is reached on trend.
pub fn series(c: &Series, f: &Fmt) -> H {
    let (w, h) = (640.0, 340.0);
    let (l, r, t, b) = (78.0, 24.0, 16.0, 84.0);
    let mut years: std::vec::Vec<i32> = c.drawn.iter().map(|p| p.year).collect();
    let mut values: std::vec::Vec<f64> = c.drawn.iter().map(|p| p.value).collect();
    for p in [c.baseline, c.target].into_iter().flatten() {
        years.push(p.year);
        values.push(p.value);
    }
    for p in [c.required, c.trend].into_iter().flatten().flatten() {
        values.push(p.value);
        years.push(p.year);
    }
    let (mut x0, mut x1) = (
        years.iter().copied().min().unwrap_or(c.start).min(c.start),
        years.iter().copied().max().unwrap_or(c.start + 10),
    );
    if x1 - x0 < 2 {
        x0 -= 1;
        x1 += 1;
    }
    let lo = values.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let ys: Scale = nice_scale(lo.min(0.0), hi, 6);
    let px = |year: i32| l + (w - l - r) * f64::from(year - x0) / f64::from(x1 - x0);
    let py = |v: f64| t + (h - t - b) * (1.0 - ys.position(v));
    let svg = root(c.id, w, h, c.title, c.desc);
    // Grid and y axis.
    for i in 0..ys.tick_count() {
        let v = ys.tick(i);
        let y = py(v);
        svg.to(line(l, y, w - r, y, colour::GRID, 1.0));
        svg.to(text(l - 6.0, y + 4.0, "end", &f.axis(v, c.unit)));
    }
    // X axis: every year when few, else every 2 or 5.
    let span = x1 - x0;
    let step = if span <= 12 {
        1
    } else if span <= 24 {
        2
    } else {
        5
    };
    let mut year = x0;
    while year <= x1 {
        let x = px(year);
        svg.to(line(x, h - b, x, h - b + 4.0, colour::INK, 1.0));
        svg.to(text(x, h - b + 18.0, "middle", &year.to_string()));
        year += step;
    }
    svg.to(line(l, h - b, w - r, h - b, colour::INK, 1.0));
    // Required path and trend, behind the points.
    if let Some([a, z]) = c.required {
        svg.to(line(
            px(a.year),
            py(a.value),
            px(z.year),
            py(z.value),
            colour::PATH,
            2.0,
        )
        .a("stroke-dasharray", "6 4"));
    }
    if let Some([a, z]) = c.trend {
        svg.to(line(
            px(a.year),
            py(a.value),
            px(z.year),
            py(z.value),
            colour::TREND,
            2.0,
        )
        .a("stroke-dasharray", "2 3"));
    }
    if let Some(y) = c.reached.filter(|y| (x0..=x1).contains(y)) {
        svg.to(line(px(y), t, px(y), h - b, colour::TREND, 1.0).a("stroke-dasharray", "1 3"));
        svg.to(text(px(y) + 4.0, t + 10.0, "start", &y.to_string()));
    }
    // Observations.
    if c.drawn.len() > 1 {
        let mut d = std::string::String::new();
        for (i, p) in c.drawn.iter().enumerate() {
            d.push(if i == 0 { 'M' } else { 'L' });
            d.push_str(&num_attr(px(p.year)));
            d.push(' ');
            d.push_str(&num_attr(py(p.value)));
        }
        svg.to(s("path")
            .a("d", &d)
            .a("fill", "none")
            .a("stroke", colour::OBS)
            .a("stroke-width", "2.5"));
    }
    for p in c.drawn {
        svg.to(s("circle")
            .n("cx", px(p.year))
            .n("cy", py(p.value))
            .a("r", "4.5")
            .a("fill", colour::OBS)
            .k(s("title")
                .t(&[p.year.to_string().as_str(), ": ", &f.value(p.value, c.unit)].concat())));
    }
    if let Some(p) = c.baseline {
        svg.to(s("rect")
            .n("x", px(p.year) - 5.0)
            .n("y", py(p.value) - 5.0)
            .a("width", "10")
            .a("height", "10")
            .a("fill", "#fff")
            .a("stroke", colour::INK)
            .a("stroke-width", "2"));
    }
    if let Some(p) = c.target {
        let (x, y) = (px(p.year), py(p.value));
        svg.to(s("path")
            .a(
                "d",
                &[
                    "M",
                    &num_attr(x),
                    " ",
                    &num_attr(y - 8.0),
                    "l8 8l-8 8l-8-8z",
                ]
                .concat(),
            )
            .a("fill", colour::TARGET));
        svg.to(text(x - 12.0, y + 4.0, "end", &f.value(p.value, c.unit)).a("font-weight", "600"));
    }
    // Legend, inside the SVG so downloads keep it.
    let ly = h - 36.0;
    let items: [(&str, &str, &str); 5] = [
        (colour::OBS, "", c.labels[0]),
        (colour::INK, "", c.labels[1]),
        (colour::TARGET, "", c.labels[2]),
        (colour::PATH, "6 4", c.labels[3]),
        (colour::TREND, "2 3", c.labels[4]),
    ];
    let mut x = l - 60.0;
    for (i, (col, dash, label)) in items.iter().enumerate() {
        let row_y = ly + if i < 3 { 0.0 } else { 18.0 };
        if i == 3 {
            x = l - 60.0;
        }
        let mark = match i {
            1 => s("rect")
                .n("x", x)
                .n("y", row_y - 9.0)
                .a("width", "10")
                .a("height", "10")
                .a("fill", "#fff")
                .a("stroke", col)
                .a("stroke-width", "2"),
            2 => s("path")
                .a(
                    "d",
                    &[
                        "M",
                        &num_attr(x + 5.0),
                        " ",
                        &num_attr(row_y - 10.0),
                        "l6 6l-6 6l-6-6z",
                    ]
                    .concat(),
                )
                .a("fill", col),
            _ => line(x, row_y - 4.0, x + 22.0, row_y - 4.0, col, 2.5).a("stroke-dasharray", dash),
        };
        svg.to(mark);
        svg.to(text(x + 28.0, row_y, "start", label));
        x += 30.0 + 7.0 * label.chars().count() as f64 + 16.0;
    }
    svg
}

/// Two running totals over the years (a scenario's and the vision's) with
/// a target line: whether and when the target is reached, at a glance.
/// `labels`: scenario, vision, target.
#[allow(clippy::too_many_arguments)]
pub fn running(
    id: &str,
    title: &str,
    desc: &str,
    scenario: &[Point],
    vision: &[Point],
    target: Option<f64>,
    labels: [&str; 3],
    f: &Fmt,
) -> H {
    let (w, h) = (640.0, 300.0);
    let (l, r, t, b) = (78.0, 24.0, 16.0, 64.0);
    let all = || scenario.iter().chain(vision);
    // Nothing to draw gives an empty frame (no year is assumed).
    let x0 = all().map(|p| p.year).min().unwrap_or(0);
    let x1 = all().map(|p| p.year).max().unwrap_or(x0).max(x0 + 1);
    let hi = all()
        .map(|p| p.value)
        .chain(target)
        .fold(0.0, f64::max)
        .max(1.0);
    let ys = nice_scale(0.0, hi, 5);
    let px = |year: i32| l + (w - l - r) * f64::from(year - x0) / f64::from(x1 - x0);
    let py = |v: f64| t + (h - t - b) * (1.0 - ys.position(v));
    let svg = root(id, w, h, title, desc);
    for i in 0..ys.tick_count() {
        let v = ys.tick(i);
        svg.to(line(l, py(v), w - r, py(v), colour::GRID, 1.0));
        svg.to(text(l - 6.0, py(v) + 4.0, "end", &f.money(v)));
    }
    for year in x0..=x1 {
        let x = px(year);
        svg.to(line(x, h - b, x, h - b + 4.0, colour::INK, 1.0));
        svg.to(text(
            x,
            h - b + 18.0,
            "middle",
            &["’", &year.to_string()[2..]].concat(),
        ));
    }
    svg.to(line(l, h - b, w - r, h - b, colour::INK, 1.0));
    if let Some(v) = target {
        svg.to(line(l, py(v), w - r, py(v), colour::TARGET, 2.0).a("stroke-dasharray", "6 4"));
        svg.to(text(w - r, py(v) - 6.0, "end", &f.money(v)).a("font-weight", "600"));
    }
    let path = |pts: &[Point], colour: &str, width: &str, dash: &str| {
        let mut d = std::string::String::new();
        for (i, p) in pts.iter().enumerate() {
            d.push(if i == 0 { 'M' } else { 'L' });
            d.push_str(&num_attr(px(p.year)));
            d.push(' ');
            d.push_str(&num_attr(py(p.value)));
        }
        let el = s("path")
            .a("d", &d)
            .a("fill", "none")
            .a("stroke", colour)
            .a("stroke-width", width);
        if dash.is_empty() {
            el
        } else {
            el.a("stroke-dasharray", dash)
        }
    };
    svg.to(path(vision, colour::TREND, "2", "2 3"));
    svg.to(path(scenario, colour::OBS, "3", ""));
    if let Some(p) = scenario.last() {
        svg.to(s("circle")
            .n("cx", px(p.year))
            .n("cy", py(p.value))
            .a("r", "4.5")
            .a("fill", colour::OBS));
    }
    let ly = h - 18.0;
    let mut x = l;
    for (col, dash, label) in [
        (colour::OBS, "", labels[0]),
        (colour::TREND, "2 3", labels[1]),
        (colour::TARGET, "6 4", labels[2]),
    ] {
        let mark = line(x, ly - 4.0, x + 22.0, ly - 4.0, col, 2.5);
        svg.to(if dash.is_empty() {
            mark
        } else {
            mark.a("stroke-dasharray", dash)
        });
        svg.to(text(x + 28.0, ly, "start", label));
        x += 48.0 + 6.5 * label.chars().count() as f64;
    }
    svg
}
