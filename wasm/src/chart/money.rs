//! The money charts: every investment window on a timeline with its money
//! stacked, and the revolving-capital model per year.

use koers_core::dashboard::nice_scale;

use super::{colour, line, root, text};
use crate::dom::{s, H};
use crate::fmt::Fmt;

/// One row of the windows chart.
pub struct WindowBar<'a> {
    /// Name, with nesting shown by indentation.
    pub name: &'a str,
    /// Nesting depth.
    pub depth: u8,
    /// First and last year (`None` where the vision states none).
    pub years: (Option<i32>, Option<i32>),
    /// Public, private and total (euros); per-year windows as one year's.
    pub public: Option<f64>,
    /// Private money.
    pub private: Option<f64>,
    /// Total.
    pub total: Option<f64>,
    /// Per year.
    pub per_year: bool,
}

/// Every window on a timeline to the horizon, with its money stacked:
/// public, private, and the rest of the total whose payer is not split.
pub fn windows(
    id: &str,
    title: &str,
    desc: &str,
    rows: &[WindowBar],
    span: (i32, i32),
    labels: [&str; 7],
    f: &Fmt,
) -> H {
    let row_h = 24.0;
    let (w, top) = (900.0, 30.0);
    let h = top + row_h * rows.len() as f64 + 40.0;
    let (tl, tr) = (330.0, 560.0);
    let (ml, mr) = (580.0, 880.0);
    let max = rows
        .iter()
        .map(|r| {
            r.total
                .unwrap_or(0.0)
                .max(r.public.unwrap_or(0.0) + r.private.unwrap_or(0.0))
        })
        .fold(0.0, f64::max)
        .max(1.0);
    let ys = nice_scale(0.0, max, 4);
    let (y0, y1) = span;
    let px = |y: i32| tl + (tr - tl) * f64::from(y - y0) / f64::from((y1 - y0).max(1));
    let mx = |v: f64| ml + (mr - ml) * ys.position(v);
    let svg = root(id, w, h, title, desc);
    svg.to(text(tl, 14.0, "start", labels[0]).a("font-weight", "600"));
    svg.to(text(ml, 14.0, "start", labels[1]).a("font-weight", "600"));
    let bottom = top + row_h * rows.len() as f64;
    for y in (y0..=y1).step_by(if y1 - y0 > 12 { 2 } else { 1 }) {
        svg.to(line(px(y), top, px(y), bottom, colour::GRID, 1.0));
        let short = ["’", &y.to_string()[2..]].concat();
        svg.to(text(px(y), bottom + 16.0, "middle", &short));
    }
    for i in 0..ys.tick_count() {
        let v = ys.tick(i);
        svg.to(line(mx(v), top, mx(v), bottom, colour::GRID, 1.0));
        svg.to(text(mx(v), bottom + 16.0, "middle", &f.money(v)));
    }
    for (i, r) in rows.iter().enumerate() {
        let y = top + row_h * i as f64;
        let indent = f64::from(r.depth) * 14.0;
        let mut name: std::string::String =
            r.name.chars().take(44 - usize::from(r.depth) * 2).collect();
        if name.chars().count() < r.name.chars().count() {
            name.push('…');
        }
        if r.depth > 0 {
            name.insert_str(0, "↳ ");
        }
        svg.to(text(4.0 + indent, y + 16.0, "start", &name).k(s("title").t(r.name)));
        // Period: stated, or dashed to the horizon where open.
        let stated = r.years.0.is_some() || r.years.1.is_some();
        let a = r.years.0.unwrap_or(y0).clamp(y0, y1);
        let z = r.years.1.unwrap_or(y1).clamp(y0, y1);
        let bar = s("rect")
            .n("x", px(a))
            .n("y", y + 6.0)
            .n("width", (px(z) - px(a)).max(4.0))
            .a("height", "12")
            .a("rx", "2");
        svg.to(if stated {
            bar.a("fill", colour::OPEN)
        } else {
            bar.a("fill", "#fff")
                .a("stroke", colour::OPEN)
                .a("stroke-dasharray", "3 2")
        });
        // Money stacked.
        let mut x = ml;
        let public = r.public.unwrap_or(0.0);
        let private = r.private.unwrap_or(0.0);
        let rest = (r.total.unwrap_or(0.0) - public - private).max(0.0);
        for (v, col) in [
            (public, colour::PUBLIC),
            (private, colour::PRIVATE),
            (rest, colour::OPEN),
        ] {
            if v > 0.0 {
                let wd = (mx(v) - ml).max(2.0);
                let rect = s("rect")
                    .n("x", x)
                    .n("y", y + 5.0)
                    .n("width", wd)
                    .a("height", "14")
                    .a("fill", col);
                svg.to(if col == colour::OPEN {
                    rect.a("fill-opacity", "0.45").a("stroke", col)
                } else {
                    rect
                });
                x += wd;
            }
        }
        let amount = r.total.or(r.public.map(|p| p + private));
        if let Some(v) = amount {
            let mut label = f.money(v);
            if r.per_year {
                label.push_str(labels[3]);
            }
            svg.to(text(x + 4.0, y + 16.0, "start", &label));
        }
    }
    // Legend.
    let ly = h - 8.0;
    let mut x = 4.0;
    for (col, label) in [
        (colour::PUBLIC, labels[4]),
        (colour::PRIVATE, labels[5]),
        (colour::OPEN, labels[6]),
    ] {
        svg.to(s("rect")
            .n("x", x)
            .n("y", ly - 10.0)
            .a("width", "12")
            .a("height", "12")
            .a("fill", col));
        svg.to(text(x + 18.0, ly, "start", label));
        x += 40.0 + 6.5 * label.chars().count() as f64;
    }
    svg.to(s("rect")
        .n("x", x)
        .n("y", ly - 10.0)
        .a("width", "22")
        .a("height", "12")
        .a("fill", "#fff")
        .a("stroke", colour::OPEN)
        .a("stroke-dasharray", "3 2"));
    svg.to(text(x + 28.0, ly, "start", labels[2]));
    svg
}

/// The revolving model per year: new budget and redeployed reflows, stacked.
pub fn revolving(
    id: &str,
    title: &str,
    desc: &str,
    years: &[(i32, f64, f64)],
    labels: [&str; 2],
    f: &Fmt,
) -> H {
    let (w, h) = (640.0, 280.0);
    let (l, r, t, b) = (78.0, 16.0, 16.0, 60.0);
    let max = years.iter().map(|(_, a, b)| a + b).fold(0.0, f64::max);
    let ys = nice_scale(0.0, max.max(1.0), 5);
    let py = |v: f64| t + (h - t - b) * (1.0 - ys.position(v));
    let svg = root(id, w, h, title, desc);
    for i in 0..ys.tick_count() {
        let v = ys.tick(i);
        svg.to(line(l, py(v), w - r, py(v), colour::GRID, 1.0));
        svg.to(text(l - 6.0, py(v) + 4.0, "end", &f.money(v)));
    }
    let n = years.len().max(1) as f64;
    let slot = (w - l - r) / n;
    for (i, (year, budget, redeployed)) in years.iter().enumerate() {
        let x = l + slot * i as f64 + slot * 0.15;
        let bw = slot * 0.7;
        svg.to(s("rect")
            .n("x", x)
            .n("y", py(*budget))
            .n("width", bw)
            .n("height", py(0.0) - py(*budget))
            .a("fill", colour::PUBLIC));
        svg.to(s("rect")
            .n("x", x)
            .n("y", py(budget + redeployed))
            .n("width", bw)
            .n("height", py(*budget) - py(budget + redeployed))
            .a("fill", colour::PRIVATE));
        svg.to(text(
            x + bw / 2.0,
            h - b + 16.0,
            "middle",
            &["’", &year.to_string()[2..]].concat(),
        ));
    }
    svg.to(line(l, py(0.0), w - r, py(0.0), colour::INK, 1.0));
    let ly = h - 16.0;
    svg.to(s("rect")
        .n("x", l)
        .n("y", ly - 10.0)
        .a("width", "12")
        .a("height", "12")
        .a("fill", colour::PUBLIC));
    svg.to(text(l + 18.0, ly, "start", labels[0]));
    let x2 = l + 40.0 + 7.0 * labels[0].chars().count() as f64;
    svg.to(s("rect")
        .n("x", x2)
        .n("y", ly - 10.0)
        .a("width", "12")
        .a("height", "12")
        .a("fill", colour::PRIVATE));
    svg.to(text(x2 + 18.0, ly, "start", labels[1]));
    svg
}
