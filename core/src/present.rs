//! The presentation model, computed once below every renderer: what the
//! `koers report` command and the dashboard both show of the whole vision
//! (each target's and indicator's assessment, the roll-ups per priority
//! and for the vision, leverage per investment window, the checks of the
//! vision's sums and the money counted once). The CLI lays it out as
//! Markdown, CSV or JSON; the dashboard as DOM and SVG; neither computes.

use heapless::Vec;

use crate::assess::{self, IndicatorStatus, Rollup, TargetStatus};
use crate::config::{MAX_INDICATORS, MAX_PRIORITIES, MAX_TARGETS, MAX_WINDOWS};
use crate::finance::{self, Finding, WindowRow};
use crate::leverage::Totals;
use crate::model::Dataset;

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
pub fn first_year(ds: &Dataset) -> i32 {
    ds.vision
        .published
        .raw()
        .get(..4)
        .and_then(|y| y.parse().ok())
        .unwrap_or(ds.vision.horizon_year)
}

/// Compute the [`Overview`] of `ds`.
pub fn overview(ds: &Dataset) -> Overview {
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
}
