//! The presentation model, computed once below every renderer: what the
//! `koers report` command and the dashboard both show of the whole vision
//! (each target's and indicator's assessment, the roll-ups per priority
//! and for the vision, leverage per investment window, the checks of the
//! vision's sums and the money counted once). The CLI lays it out as
//! Markdown, CSV or JSON; the dashboard as DOM and SVG; neither computes.

use heapless::Vec;

use crate::assess::{self, IndicatorStatus, Rollup, TargetStatus};
use crate::config::{
    MAX_CHAPTERS, MAX_INDICATORS, MAX_PRIORITIES, MAX_SERIES_POINTS, MAX_TARGETS, MAX_WINDOWS,
};
use crate::dashboard;
use crate::finance::{self, Finding, WindowRow};
use crate::leverage::{self, RevolvingParams, RevolvingResult, Totals};
use crate::model::{Dataset, Event, InvestmentWindow, Observation, Target, TargetKind, Text, Unit};
use crate::progress::{Point, YearReached};

/// Everything a report or a page of the whole vision shows, computed from
/// one dataset (the vision with its figures).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Overview {
    /// Every target's assessment, in dataset order.
    pub targets: Vec<TargetStatus, MAX_TARGETS>,
    /// Every indicator's assessment, in dataset order.
    pub indicators: Vec<IndicatorStatus, MAX_INDICATORS>,
    /// The roll-up of each priority, in dataset order.
    pub priorities: Vec<Rollup, MAX_PRIORITIES>,
    /// The roll-up of the whole vision.
    pub vision: Rollup,
    /// Leverage per investment window, in dataset order.
    pub windows: Vec<WindowRow, MAX_WINDOWS>,
    /// Whether the vision's sums add up (parts against their whole).
    pub findings: Vec<Finding, MAX_WINDOWS>,
    /// The money of every window, counted once.
    pub totals: Totals,
}

/// The first year counted in window totals: the year the vision was
/// published (its horizon when the date cannot be read).
pub fn first_year<const O: usize, const F: usize>(ds: &Dataset<'_, O, F>) -> i32 {
    ds.vision
        .published
        .raw()
        .get(..4)
        .and_then(|y| y.parse().ok())
        .unwrap_or(ds.vision.horizon_year)
}

/// Compute the [`Overview`] of `ds`.
pub fn overview<const O: usize, const F: usize>(ds: &Dataset<'_, O, F>) -> Overview {
    let targets = assess::assess_all(ds);
    let (priorities, vision) = assess::rollup_priorities(ds, &targets);
    let mut indicators = Vec::new();
    for i in &ds.indicators {
        // Capacities match: the dataset holds at most MAX_INDICATORS.
        let _ = indicators.push(assess::assess_indicator(ds, i));
    }
    Overview {
        indicators,
        priorities,
        vision,
        windows: finance::window_rows(ds),
        findings: finance::findings(ds),
        totals: finance::totals(ds, first_year(ds)),
        targets,
    }
}

/// The revolving-capital model of the vision's revolving window (the
/// first window marked revolving with a public amount), for the
/// parameters the reader chose: the public money spread evenly over the
/// vision's years, redeployed as it flows back.
#[derive(Clone, Debug, PartialEq)]
pub struct Revolving {
    /// Index into [`Dataset::windows`].
    pub window: usize,
    /// The window's public money.
    pub public: f64,
    /// The parameters the model ran with (rates as shares, not percents).
    pub params: RevolvingParams,
    /// What the model gives, year by year and in total.
    pub result: RevolvingResult,
    /// The multiplier the vision promises (total over public), if stated.
    pub multiplier: Option<f64>,
    /// The money mobilised at that multiplier from everything deployed.
    pub mobilised: Option<f64>,
}

/// The reader's choices for the revolving model, as a form takes them.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RevolvingChoice {
    /// Share of deployed capital lost, percent.
    pub loss_pct: f64,
    /// Yearly return, percent.
    pub return_pct: f64,
    /// Holding period, years.
    pub holding: u32,
    /// Lag before redeployment, years.
    pub lag: u32,
}

/// Run the revolving model of `ds`'s revolving window for `choice`; `None`
/// when the vision has no revolving window with a public amount.
pub fn revolving<const O: usize, const F: usize>(
    ds: &Dataset<'_, O, F>,
    choice: RevolvingChoice,
) -> Option<Revolving> {
    let (window, w) = ds
        .windows
        .iter()
        .enumerate()
        .find(|(_, w)| w.revolving && w.public_eur.is_some())?;
    let public = w.public_eur.unwrap_or(0.0);
    let start = first_year(ds);
    let horizon = w.end_year.unwrap_or(ds.vision.horizon_year);
    let years = usize::try_from(horizon - start + 1).unwrap_or(1).max(1);
    let params = RevolvingParams {
        start_year: start,
        horizon_year: horizon,
        loss_rate: choice.loss_pct / 100.0,
        annual_return: choice.return_pct / 100.0,
        holding_years: choice.holding,
        reflow_lag_years: choice.lag,
    };
    let result = leverage::revolve(&leverage::even_budget(public, years), &params);
    let multiplier = w.total_eur.map(|t| t / public).filter(|m| m.is_finite());
    let mobilised = multiplier.and_then(|m| leverage::revolving_mobilised_total(&result, m));
    Some(Revolving {
        window,
        public,
        params,
        result,
        multiplier,
        mobilised,
    })
}

/// The share of a window's money that a yearly flow's public commitment
/// (`committed`) is: over the window's public amount (its total when it
/// states no public part); `None` without both or for a window of no
/// money.
pub fn committed_share(w: &InvestmentWindow, committed: Option<f64>) -> Option<f64> {
    let whole = w.public_eur.or(w.total_eur).filter(|v| *v > 0.0)?;
    committed.map(|p| p / whole).filter(|s| s.is_finite())
}

/// How far a window's realised multiplier has come toward the one it
/// should reach, as a bar shows it: `0..=1`, or `None` without both.
pub fn multiplier_share(row: &WindowRow) -> Option<f64> {
    let m = row.realised.leverage.and_then(|l| l.multiplier)?;
    let target = row.target_multiplier.filter(|t| *t > 0.0)?;
    let s = m / target;
    s.is_finite().then(|| s.clamp(0.0, 1.0))
}

/// A target's chart as geometry in data units: what is drawn, and the
/// lines and points beside it. The renderer only maps these to pixels.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TargetChart {
    /// The observed series as drawn (running totals for a cumulative
    /// flow), by year.
    pub drawn: Vec<Point, MAX_SERIES_POINTS>,
    /// The target: its value in its year.
    pub target: Option<Point>,
    /// The straight path from the latest drawn point (or the baseline) to
    /// the target.
    pub required: Option<[Point; 2]>,
    /// The fitted trend from the first observation to the target year.
    pub trend: Option<[Point; 2]>,
    /// The year the trend reaches the target (or reached it).
    pub reached: Option<i32>,
}

/// The chart of a target with value `target_value`, kind `kind`, assessed
/// as `s`, from its observations `points`.
pub fn target_chart(
    kind: TargetKind,
    target_value: Option<f64>,
    s: &TargetStatus,
    points: &[Point],
) -> TargetChart {
    let mut drawn = Vec::new();
    dashboard::drawn_series(kind, s.baseline, points, &mut drawn);
    let target = target_value
        .zip(s.target_year)
        .map(|(v, y)| Point::new(y, v));
    let current = drawn.last().copied().or(s.baseline);
    let required = target.and_then(|tp| current.and_then(|cur| dashboard::required_path(cur, tp)));
    let first = drawn.first().map(|p| p.year).or(s.baseline.map(|b| b.year));
    // From the first observation: before it the line says nothing.
    let trend = s
        .projection
        .and_then(|p| p.trend)
        .and_then(|tr| dashboard::trend_path(&tr, first?, s.target_year?));
    let reached = match s.projection.map(|p| p.year_reached) {
        Some(YearReached::Year(y)) | Some(YearReached::Already(y)) => Some(y),
        _ => None,
    };
    TargetChart {
        drawn,
        target,
        required,
        trend,
        reached,
    }
}

/// How many of a roll-up's targets have a status (the rest are missing).
pub fn assessed(r: &Rollup) -> usize {
    r.targets.saturating_sub(r.missing)
}

/// The public money a money target is mobilised from, as a headline shows
/// it ("€ 7 mld. → € 25 mld."): the public part of the window the target
/// names ([`Target::window`]); `None` for a target not in euros, naming no
/// window, or whose window states no public amount.
pub fn mobilised_from(ds: &Dataset, t: &Target) -> Option<f64> {
    if t.unit != Unit::Eur {
        return None;
    }
    ds.window(t.window?)?.public_eur
}

/// A share as the width of a progress bar: whole percent, `0..=100` (a
/// share past the target fills the bar; NaN or below zero, none of it).
pub fn bar_percent(share: f64) -> u8 {
    // `as` saturates, and NaN becomes 0.
    libm::round(share * 100.0).clamp(0.0, 100.0) as u8
}

/// Open SDG's progress value as shown: to three decimals.
pub fn progress_value_shown(v: f64) -> f64 {
    libm::round(v * 1000.0) / 1000.0
}

/// A pace as it is said in words: whole units for amounts of a hundred or
/// more ("3.033", not "3.033,33"); smaller amounts as they are.
pub fn round_big(v: f64) -> f64 {
    if v.abs() >= 100.0 {
        libm::round(v)
    } else {
        v
    }
}

/// How many years "the last years" of a target's recent pace spans
/// ([`crate::progress::Projection::recent_pace`]): from the first to the
/// last point of [`dashboard::recent_window`] over the series as drawn
/// (the baseline first when it comes before the drawn points); 0 with
/// fewer than two points.
pub fn recent_years(kind: TargetKind, baseline: Option<Point>, points: &[Point]) -> i32 {
    let mut drawn = Vec::new();
    dashboard::drawn_series(kind, baseline, points, &mut drawn);
    let mut all: Vec<Point, { MAX_SERIES_POINTS + 1 }> = Vec::new();
    if let Some(b) = baseline {
        if drawn.first().is_none_or(|p| p.year > b.year) {
            let _ = all.push(b);
        }
    }
    let _ = all.extend_from_slice(&drawn);
    dashboard::recent_window(&all).map_or(0, |(a, z)| z.year - a.year)
}

/// The years the windows timeline spans: from the vision's first year (no
/// later than 2025, so windows under way before it show) to its horizon.
pub fn timeline_span(ds: &Dataset) -> (i32, i32) {
    (first_year(ds).min(2025), ds.vision.horizon_year)
}

/// A file's size in kilobytes (of 1024 bytes), rounded up.
pub fn kilobytes(bytes: f64) -> f64 {
    libm::ceil(bytes / 1024.0)
}

/// One chapter of the vision and how many of its targets it states.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Chapter<'a> {
    /// The chapter, as the sources name it ("2 Innovatie").
    pub name: Text<'a>,
    /// The targets whose source is this chapter.
    pub targets: usize,
}

/// The vision's chapters as the method page lists them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Chapters<'a> {
    /// The chapters, each once, in order of their names (numbered
    /// chapters first: "1 Internationaal" before "Inleiding").
    pub list: Vec<Chapter<'a>, MAX_CHAPTERS>,
    /// How many more chapters the sources name than `list` holds: beyond
    /// [`MAX_CHAPTERS`] the list keeps the first ones in order and the
    /// page says how many more there are.
    pub more: usize,
}

/// The chapters the vision's sources name (of every priority, objective,
/// target, indicator and investment window), each once and in order, with
/// how many targets each states. Names compare as their text reads (escapes
/// resolved). Beyond [`MAX_CHAPTERS`] the first ones in order are kept and
/// [`Chapters::more`] counts the rest; nothing is dropped silently.
pub fn chapters<'a, const O: usize, const F: usize>(ds: &Dataset<'a, O, F>) -> Chapters<'a> {
    let all = || {
        ds.priorities
            .iter()
            .map(|p| p.source.chapter)
            .chain(ds.objectives.iter().map(|x| x.source.chapter))
            .chain(ds.targets.iter().map(|x| x.source.chapter))
            .chain(ds.indicators.iter().map(|x| x.source.chapter))
            .chain(ds.windows.iter().map(|x| x.source.chapter))
    };
    let mut out = Chapters::default();
    for (k, name) in all().enumerate() {
        if all().take(k).any(|seen| same_text(seen, name)) {
            continue;
        }
        // Each chapter comes here once: keep the list sorted.
        let at = out
            .list
            .iter()
            .position(|c| resolved(c.name).gt(resolved(name)))
            .unwrap_or(out.list.len());
        if at == MAX_CHAPTERS {
            out.more += 1;
            continue;
        }
        if out.list.is_full() {
            out.list.pop();
            out.more += 1;
        }
        let targets = ds
            .targets
            .iter()
            .filter(|t| same_text(t.source.chapter, name))
            .count();
        // Room was made above.
        let _ = out.list.insert(at, Chapter { name, targets });
    }
    out
}

/// The characters of a text with its escapes resolved.
fn resolved(t: Text<'_>) -> impl Iterator<Item = char> + '_ {
    use serde_json_core::str::{EscapedStr, EscapedStringFragment};
    EscapedStr(t.raw()).fragments().flat_map(|f| {
        let (s, c) = match f {
            Ok(EscapedStringFragment::NotEscaped(s)) => (s, None),
            Ok(EscapedStringFragment::Escaped(c)) => ("", Some(c)),
            Err(_) => ("", None),
        };
        s.chars().chain(c)
    })
}

fn same_text(a: Text<'_>, b: Text<'_>) -> bool {
    a == b || resolved(a).eq(resolved(b))
}

/// How many impact indicators a priority has (`priority` is its id).
pub fn indicator_count<const O: usize, const F: usize>(
    ds: &Dataset<'_, O, F>,
    priority: &str,
) -> usize {
    ds.indicators
        .iter()
        .filter(|x| x.priority == priority)
        .count()
}

/// Sort `v` by `key`, keeping the order of equal keys. An insertion sort:
/// the lists are short, and it keeps the general sort out of the binary.
fn sort_stable<T, K: PartialOrd>(v: &mut [T], key: impl Fn(&T) -> K) {
    for k in 1..v.len() {
        let mut j = k;
        while j > 0 && key(&v[j - 1]) > key(&v[j]) {
            v.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// Put a subject's figures in order of year, oldest first; figures of the
/// same year keep their order.
pub fn by_year(figures: &mut [&Observation<'_>]) {
    sort_stable(figures, |o| o.year);
}

/// Put a subject's events in order of date, oldest first (dates are
/// `YYYY[-MM[-DD]]`, so their text sorts by time); events of the same date
/// keep their order.
pub fn by_date(events: &mut [&Event<'_>]) {
    sort_stable(events, |e| e.date.raw());
}

/// `v` rounded to `digits` decimals (0 to 15), as a form field shows it.
/// Fewer than 0 digits round to whole units; more than 15 leave `v` as it
/// is (an `f64` holds no more).
pub fn round_to(v: f64, digits: i32) -> f64 {
    if digits > 15 {
        return v;
    }
    let mut f = 1.0;
    for _ in 0..digits {
        f *= 10.0;
    }
    libm::round(v * f) / f
}

/// A scenario's gap to its target as the page shows it: a gap below zero
/// (the target passed) is no gap, 0.
pub fn gap_shown(gap: f64) -> f64 {
    gap.max(0.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_vision_in_one_overview() {
        let mut ds = std::boxed::Box::<Dataset<'static>>::default();
        crate::builtin::load_into(&mut ds).unwrap();
        let ds = &*ds;
        let o = overview(ds);
        assert_eq!(o.targets.len(), ds.targets.len());
        assert_eq!(o.indicators.len(), ds.indicators.len());
        assert_eq!(o.priorities.len(), ds.priorities.len());
        assert_eq!(o.windows.len(), ds.windows.len());
        // Published in January 2026: totals count from 2026.
        assert_eq!(first_year(ds), 2026);
        // The same numbers as the parts computed one by one.
        assert_eq!(o.targets[0], assess::assess_all(ds)[0]);
        assert_eq!(o.totals, finance::totals(ds, 2026));
    }

    #[test]
    fn the_revolving_window_and_the_shares() {
        let mut ds = std::boxed::Box::<Dataset<'static>>::default();
        crate::builtin::load_into(&mut ds).unwrap();
        let choice = RevolvingChoice {
            loss_pct: 0.0,
            return_pct: 0.0,
            holding: 3,
            lag: 0,
        };
        let r = revolving(&ds, choice).unwrap();
        let w = &ds.windows[r.window];
        assert!(w.revolving);
        // EUR 7 bn over 2026-2035, should mobilise up to 25 bn: 25/7.
        assert_eq!(r.public, 7e9);
        assert_eq!((r.params.start_year, r.params.horizon_year), (2026, 2035));
        assert_eq!(r.multiplier, Some(25e9 / 7e9));
        // Nothing lost, money back after three years: more deployed than budgeted.
        assert!(r.result.deployed_total > r.result.budget_total);
        assert_eq!(
            r.mobilised,
            leverage::revolving_mobilised_total(&r.result, 25e9 / 7e9)
        );
        // A flow of 700 M against 7 bn public: a tenth.
        assert_eq!(committed_share(w, Some(7e8)), Some(0.1));
        assert_eq!(committed_share(w, None), None);
        // A multiplier share is capped at the whole bar.
        let o = overview(&ds);
        for row in &o.windows {
            assert_eq!(multiplier_share(row), None, "no realised flows yet");
        }
    }

    #[test]
    fn a_target_chart_in_data_units() {
        let mut ds = std::boxed::Box::<Dataset<'static>>::default();
        crate::builtin::load_into(&mut ds).unwrap();
        let k = ds
            .targets
            .iter()
            .position(|t| t.id == "T-P5-technici-25000")
            .unwrap();
        let t = &ds.targets[k];
        // 25,000 extra technicians, a cumulative flow: 3,000 and 4,000 drawn as 3,000 and 7,000.
        let points = [Point::new(2026, 3000.0), Point::new(2027, 4000.0)];
        let s = assess::assess_points(t, &points, ds.vision.horizon_year, None);
        let c = target_chart(t.kind, t.target.value, &s, &points);
        assert_eq!(
            c.drawn
                .iter()
                .map(|p| p.value)
                .collect::<std::vec::Vec<_>>(),
            [3000.0, 7000.0]
        );
        let tp = c.target.unwrap();
        assert_eq!(tp.value, 25000.0);
        assert_eq!(c.required, Some([Point::new(2027, 7000.0), tp]));
        assert!(c.trend.is_some());
        // Nothing observed: no drawn points, no trend; the target stays.
        let s = assess::assess_points(t, &[], ds.vision.horizon_year, None);
        let c = target_chart(t.kind, t.target.value, &s, &[]);
        assert!(c.drawn.is_empty() && c.trend.is_none() && c.reached.is_none());
        assert_eq!(c.target, Some(tp));
    }

    #[test]
    fn small_sums_the_pages_show() {
        let mut ds = std::boxed::Box::<Dataset<'static>>::default();
        crate::builtin::load_into(&mut ds).unwrap();
        let o = overview(&ds);
        let r = &o.vision;
        assert_eq!(assessed(r), r.targets - r.missing);
        let broken = Rollup {
            targets: 1,
            missing: 2,
            ..Rollup::default()
        };
        assert_eq!(assessed(&broken), 0, "never below zero");
        // The 25 bn to mobilise comes from 7 bn of public money.
        let money = ds
            .targets
            .iter()
            .find(|t| t.unit == Unit::Eur && t.target.value == Some(25e9))
            .unwrap();
        assert_eq!(mobilised_from(&ds, money), Some(7e9));
        let other = ds.targets.iter().find(|t| t.unit != Unit::Eur).unwrap();
        assert_eq!(mobilised_from(&ds, other), None);
        // The window is named, not found by an equal amount: a window
        // whose total is the target's amount but which the target does not
        // name gives nothing, and a named one gives its public part
        // whatever its total.
        let mut unnamed = money.clone();
        unnamed.window = None;
        assert_eq!(mobilised_from(&ds, &unnamed), None);
        let mut ds2 = ds.clone();
        let k = ds2
            .windows
            .iter()
            .position(|w| Some(w.id) == money.window)
            .unwrap();
        ds2.windows[k].total_eur = Some(24.9e9);
        assert_eq!(mobilised_from(&ds2, money), Some(7e9));
        assert_eq!(bar_percent(0.123), 12);
        assert_eq!(bar_percent(0.125), 13);
        assert_eq!(bar_percent(1.0), 100);
        assert_eq!(bar_percent(1.7), 100);
        assert_eq!(bar_percent(-0.2), 0);
        assert_eq!(bar_percent(f64::NAN), 0);
        assert_eq!(progress_value_shown(0.123456), 0.123);
        assert_eq!(progress_value_shown(-0.0126), -0.013);
        assert_eq!(round_big(3033.33), 3033.0);
        assert_eq!(round_big(-150.6), -151.0);
        assert_eq!(round_big(99.5), 99.5);
        assert_eq!(timeline_span(&ds), (2025, ds.vision.horizon_year));
        assert_eq!(kilobytes(1.0), 1.0);
        assert_eq!(kilobytes(2048.0), 2.0);
        assert_eq!(kilobytes(2049.0), 3.0);
        assert_eq!(kilobytes(0.0), 0.0);
    }

    #[test]
    fn the_last_years_of_the_recent_pace() {
        let p = |y, v| Point::new(y, v);
        // Four or more points: the last four, three years apart.
        let pts = [
            p(2020, 1.0),
            p(2021, 2.0),
            p(2022, 3.0),
            p(2023, 4.0),
            p(2024, 5.0),
        ];
        assert_eq!(recent_years(TargetKind::Level, None, &pts), 3);
        // Two points two years apart.
        assert_eq!(
            recent_years(TargetKind::Level, None, &[p(2022, 1.0), p(2024, 2.0)]),
            2
        );
        // A baseline before the first point counts as a point.
        assert_eq!(
            recent_years(TargetKind::Level, Some(p(2019, 0.0)), &[p(2022, 1.0)]),
            3
        );
        // A baseline in the same year as the first point does not.
        assert_eq!(
            recent_years(TargetKind::Level, Some(p(2022, 0.0)), &[p(2022, 1.0)]),
            0
        );
        // Nothing observed: no years.
        assert_eq!(recent_years(TargetKind::CumulativeFlow, None, &[]), 0);
    }

    #[test]
    fn the_vision_s_chapters_in_order_with_their_targets() {
        let mut ds = std::boxed::Box::<Dataset<'static>>::default();
        crate::builtin::load_into(&mut ds).unwrap();
        let c = chapters(&*ds);
        let names: std::vec::Vec<&str> = c.list.iter().map(|c| c.name.raw()).collect();
        assert_eq!(
            names,
            [
                "1 Internationaal",
                "2 Innovatie",
                "3 Venture Development en Kapitaal",
                "4 Economische Weerbaarheid",
                "5 Talent",
                "6 Randvoorwaarden",
                "Samenvatting",
            ]
        );
        assert_eq!(c.more, 0);
        for ch in &c.list {
            let n = ds.targets.iter().filter(|t| t.source.chapter == ch.name);
            assert_eq!(ch.targets, n.count(), "{}", ch.name);
        }
        let counted: usize = c.list.iter().map(|c| c.targets).sum();
        assert_eq!(counted, ds.targets.len());
        assert!(c.list.iter().any(|c| c.targets > 0));
    }

    #[test]
    fn chapters_beyond_the_capacity_are_counted_and_escapes_resolved() {
        let mut ds = std::boxed::Box::<Dataset<'static>>::default();
        crate::builtin::load_into(&mut ds).unwrap();
        for p in ds.priorities.iter_mut() {
            p.source.chapter = Text("z");
        }
        for x in ds.objectives.iter_mut() {
            x.source.chapter = Text("z");
        }
        for x in ds.targets.iter_mut() {
            x.source.chapter = Text("z");
        }
        for x in ds.indicators.iter_mut() {
            x.source.chapter = Text("z");
        }
        for x in ds.windows.iter_mut() {
            x.source.chapter = Text("z");
        }
        // 20 more chapters, named in reverse, one of them twice.
        for k in 0..20 {
            let name = std::format!("c{:02}", 19 - k);
            ds.objectives[k].source.chapter = Text(std::boxed::Box::leak(name.into_boxed_str()));
        }
        ds.objectives[20].source.chapter = Text("c07");
        ds.targets[0].source.chapter = Text("c03");
        let c = chapters(&*ds);
        assert_eq!(c.list.len(), MAX_CHAPTERS);
        for (k, ch) in c.list.iter().enumerate() {
            assert_eq!(ch.name.raw(), std::format!("c{k:02}"));
            assert_eq!(ch.targets, usize::from(k == 3));
        }
        // c16 to c19 and z.
        assert_eq!(c.more, 5);
        // One chapter written with an escape and without.
        ds.objectives[0].source.chapter = Text("\\u00e9tude");
        ds.objectives[1].source.chapter = Text("étude");
        let c = chapters(&*ds);
        let n = c.list.iter().filter(|c| c.name.raw().ends_with("tude"));
        assert_eq!(n.count(), 0, "after every c: beyond the list");
        assert_eq!(c.more, 4, "c16, c17, étude once, z");
    }

    #[test]
    fn indicators_of_a_priority() {
        let mut ds = std::boxed::Box::<Dataset<'static>>::default();
        crate::builtin::load_into(&mut ds).unwrap();
        let total: usize = ds
            .priorities
            .iter()
            .map(|p| indicator_count(&*ds, p.id))
            .sum();
        assert_eq!(total, ds.indicators.len());
        let p = ds.indicators[0].priority;
        assert!(indicator_count(&*ds, p) >= 1);
        assert_eq!(indicator_count(&*ds, "no such priority"), 0);
    }

    #[test]
    fn figures_by_year_and_events_by_date_keep_ties_in_order() {
        let a = Observation::new("s", 2024, 1.0, Text("a"));
        let b = Observation::new("s", 2020, 2.0, Text("b"));
        let c = Observation::new("s", 2024, 3.0, Text("c"));
        let d = Observation::new("s", 2022, 4.0, Text("d"));
        let mut v = [&a, &b, &c, &d];
        by_year(&mut v);
        assert_eq!(v.map(|o| o.value), [2.0, 4.0, 1.0, 3.0]);
        let event = |date, source| Event {
            subject: "s",
            date: Text(date),
            title: Default::default(),
            source,
            quote: Text(""),
            achieved: false,
        };
        let (e1, e2, e3, e4) = (
            event("2025-03", "1"),
            event("2024", "2"),
            event("2025-03", "3"),
            event("2024-11-02", "4"),
        );
        let mut v = [&e1, &e2, &e3, &e4];
        by_date(&mut v);
        assert_eq!(v.map(|e| e.source), ["2", "4", "1", "3"]);
        let mut none: [&Event; 0] = [];
        by_date(&mut none);
    }

    #[test]
    fn form_fields_round_and_gaps_below_zero() {
        assert_eq!(round_to(1.23456, 2), 1.23);
        assert_eq!(round_to(1.235, 1), 1.2);
        assert_eq!(round_to(-2.5, 0), -3.0);
        assert_eq!(round_to(2.5, -1), 3.0);
        assert_eq!(round_to(0.1 + 0.2, 4), 0.3);
        assert_eq!(round_to(1.0 / 3.0, 20), 1.0 / 3.0);
        assert_eq!(gap_shown(-4.0), 0.0);
        assert_eq!(gap_shown(4.5), 4.5);
        assert_eq!(gap_shown(0.0), 0.0);
    }
}
