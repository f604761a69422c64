//! Where each ambition stands, and the roll-up from objective to priority to
//! the whole vision (methodology 1d).
//!
//! One status per target, from the method that fits it: Open SDG's for levels
//! and rates with a non-zero baseline, or a non-zero first observation when
//! the vision gives no baseline (so an Open SDG user gets the same answer),
//! distance travelled against time elapsed for cumulative flows and zero
//! baselines (where growth rates break down), and done / not done for
//! milestones. Both progress views are always computed and kept, so
//! they can be shown side by side.

use heapless::Vec;
use serde::Serialize;

use crate::config::{MAX_PRIORITIES, MAX_SERIES_POINTS};
use crate::model::{
    Dataset, Indicator, IndicatorDirection, Target, TargetKind, TargetValue, YearValue,
};
use crate::progress::{
    self, Assessment, Direction, Distance, DistanceConfig, OpenSdgConfig, Point, Projection,
    Reason, SeriesKind, Status,
};

/// Which method gave a target its headline status.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    /// Open SDG 2.4 / Statistics Canada (methodology 1a).
    OpenSdg,
    /// Distance travelled against time elapsed (methodology 1b).
    DistanceTravelled,
    /// A milestone: done (an observation of 1 or more) or not.
    Milestone,
}

/// Why a headline status is missing, beyond the progress module's reasons.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Missing {
    /// A reason from the progress calculation.
    Progress(Reason),
    /// The vision gives no target value.
    NoTargetValue,
    /// More observations of one subject than a series holds.
    TooManyPoints,
    /// The indicator has no better direction, so it is monitored only.
    NoDirection,
    /// A milestone not reached yet, with its year still ahead.
    MilestonePending,
}

/// The assessment of one target.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct TargetStatus {
    /// Headline status.
    pub status: Status,
    /// Score in `[-5, 5]` used in roll-ups (Open SDG's score, or the same
    /// formula applied to the pace ratio for distance travelled).
    pub score: Option<f64>,
    /// The method behind the headline status.
    pub method: Method,
    /// Why the status is not available.
    pub missing: Option<Missing>,
    /// Open SDG's view.
    pub open_sdg: Assessment,
    /// Distance travelled against time elapsed.
    pub distance: Option<Distance>,
    /// Trend, projection and required pace.
    pub projection: Option<Projection>,
    /// How many observations there are.
    pub observations: usize,
    /// The latest observation (for cumulative flows: that year's flow).
    pub latest: Option<Point>,
    /// The year the target is measured against (stated, or the horizon).
    pub target_year: Option<i32>,
    /// The baseline used: the vision's, or, when it gives none, the first
    /// observation (levels) or zero the year before the first flow
    /// (cumulative flows).
    pub baseline: Option<Point>,
    /// True when [`Self::baseline`] is not the vision's own.
    pub baseline_assumed: bool,
}

/// The observations of one subject as points, into `out`; more than
/// [`MAX_SERIES_POINTS`] is an error and leaves `out` holding the first ones.
pub fn series<const O: usize, const F: usize>(
    ds: &Dataset<'_, O, F>,
    subject: &str,
    out: &mut Vec<Point, MAX_SERIES_POINTS>,
) -> Result<(), Missing> {
    out.clear();
    for o in ds.observations_of(subject) {
        out.push(Point {
            year: o.year,
            value: o.value,
        })
        .map_err(|_| Missing::TooManyPoints)?;
    }
    Ok(())
}

fn latest(points: &[Point]) -> Option<Point> {
    points
        .iter()
        .copied()
        .filter(|p| p.value.is_finite())
        .max_by_key(|p| p.year)
}

/// Assess one target against its observations in `ds`.
pub fn assess_target<const O: usize, const F: usize>(
    ds: &Dataset<'_, O, F>,
    t: &Target,
) -> TargetStatus {
    let mut points = Vec::new();
    let too_many = series(ds, t.id, &mut points).err();
    assess_points(t, &points, ds.vision.horizon_year, too_many)
}

/// What assessing a target needs of it: its kind, direction, baseline,
/// target and natural limit (no text). [`crate::inplace`] keeps one per
/// target in a static vision.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Goal {
    /// Level, cumulative flow, rate or milestone.
    pub kind: TargetKind,
    /// Which way is better.
    pub direction: Direction,
    /// Baseline, when the vision gives one.
    pub baseline: Option<YearValue>,
    /// The target.
    pub target: TargetValue,
    /// Natural limit.
    pub limit: Option<f64>,
}

impl Goal {
    /// The goal of a target.
    pub fn of(t: &Target) -> Self {
        Self {
            kind: t.kind,
            direction: t.direction,
            baseline: t.baseline,
            target: t.target,
            limit: t.limit,
        }
    }

    /// The baseline as a point when no observation of its year exists:
    /// Open SDG then counts it as an observation of that year.
    pub fn missing_base_point(&self, points: &[Point]) -> Option<Point> {
        let b = self.baseline?;
        points.iter().all(|p| p.year != b.year).then_some(Point {
            year: b.year,
            value: b.value,
        })
    }
}

/// Assess a target against a given series (the dashboard's scenario
/// explorer passes a projected one).
pub fn assess_points(
    t: &Target,
    points: &[Point],
    horizon_year: i32,
    too_many: Option<Missing>,
) -> TargetStatus {
    let goal = Goal::of(t);
    let mut with_base: Vec<Point, { MAX_SERIES_POINTS + 1 }> = Vec::new();
    for p in points {
        let _ = with_base.push(*p);
    }
    if let Some(b) = goal.missing_base_point(points) {
        let _ = with_base.push(b);
    }
    assess_goal(&goal, points, &with_base, horizon_year, too_many)
}

/// Assess a goal against its series `points` and the same series with the
/// baseline added where no observation of its year exists (`with_base`,
/// Open SDG's input).
pub fn assess_goal(
    t: &Goal,
    points: &[Point],
    with_base: &[Point],
    horizon_year: i32,
    too_many: Option<Missing>,
) -> TargetStatus {
    let target_year = t.target.year.or(Some(horizon_year));
    let kind = match t.kind {
        TargetKind::CumulativeFlow => SeriesKind::CumulativeFlow,
        _ => SeriesKind::Level,
    };
    let cfg = OpenSdgConfig {
        base_year: t.baseline.map_or(i32::MIN, |b| b.year),
        target: t.target.value,
        target_year: target_year.unwrap_or(horizon_year),
        direction: t.direction,
        limit: t.limit,
        thresholds: Default::default(),
    };
    let open_sdg = progress::open_sdg(with_base, &cfg);

    let target_point = t
        .target
        .value
        .zip(target_year)
        .map(|(value, year)| Point { year, value });
    let first = points
        .iter()
        .filter(|p| p.value.is_finite())
        .min_by_key(|p| p.year)
        .copied();
    let (baseline, baseline_assumed) = match (t.baseline, first) {
        (Some(b), _) => (
            Some(Point {
                year: b.year,
                value: b.value,
            }),
            false,
        ),
        (None, Some(f)) if kind == SeriesKind::CumulativeFlow => (
            Some(Point {
                year: f.year.saturating_sub(1),
                value: 0.0,
            }),
            true,
        ),
        (None, Some(f)) => (Some(f), true),
        (None, None) => (None, false),
    };
    let distance = target_point.and_then(|target| {
        let baseline = baseline?;
        Some(progress::distance_travelled(
            points,
            &DistanceConfig {
                baseline,
                target,
                direction: t.direction,
                kind,
            },
        ))
    });
    let projection =
        target_point.map(|target| progress::project(points, baseline, target, t.direction, kind));

    let mut s = TargetStatus {
        status: Status::NotAvailable,
        score: None,
        method: Method::OpenSdg,
        missing: None,
        open_sdg,
        distance,
        projection,
        observations: points.len(),
        latest: latest(points),
        target_year,
        baseline,
        baseline_assumed,
    };

    if let Some(m) = too_many {
        s.missing = Some(m);
        return s;
    }
    if t.kind == TargetKind::Milestone {
        s.method = Method::Milestone;
        let done = s
            .latest
            .is_some_and(|p| p.value >= t.target.value.unwrap_or(1.0));
        let last_year = s.latest.map(|p| p.year);
        if done {
            s.status = Status::TargetAchieved;
            s.score = Some(5.0);
        } else if let (Some(y), Some(ty)) = (last_year, target_year) {
            if y >= ty {
                s.status = Status::Deterioration;
                s.score = Some(-5.0);
            } else {
                s.missing = Some(Missing::MilestonePending);
            }
        } else {
            s.missing = Some(Missing::Progress(Reason::NoData));
        }
        return s;
    }
    // Growth rates break down from zero: flows and zero or absent baselines
    // are judged by distance travelled.
    // Without the vision's baseline, Open SDG starts from the first observed
    // year, as it does itself.
    let zero_base = match t.baseline {
        Some(b) => b.value == 0.0,
        None => first.is_some_and(|f| f.value == 0.0),
    };
    if kind == SeriesKind::CumulativeFlow || zero_base {
        s.method = Method::DistanceTravelled;
    }
    if t.target.value.is_none() {
        s.missing = Some(Missing::NoTargetValue);
        return s;
    }
    if points.is_empty() {
        s.missing = Some(Missing::Progress(Reason::NoData));
        return s;
    }
    if s.method == Method::DistanceTravelled {
        match distance {
            Some(d) if d.status != Status::NotAvailable => {
                s.status = d.status;
                s.score = if d.status == Status::TargetAchieved {
                    Some(5.0)
                } else {
                    d.pace_ratio.and_then(progress::score_with_target)
                };
            }
            Some(d) => s.missing = Some(Missing::Progress(d.reason.unwrap_or(Reason::NoData))),
            None => s.missing = Some(Missing::Progress(Reason::NoBaseYear)),
        }
        return s;
    }
    s.status = open_sdg.status;
    s.score = open_sdg.score;
    s.missing = open_sdg.reason.map(Missing::Progress);
    s
}

/// The assessment of one impact indicator: Open SDG without a target, from
/// its first observed year.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct IndicatorStatus {
    /// Open SDG's view (method 1).
    pub open_sdg: Assessment,
    /// Why there is no status beyond Open SDG's reasons.
    pub missing: Option<Missing>,
    /// How many observations there are.
    pub observations: usize,
    /// The latest observation.
    pub latest: Option<Point>,
}

/// Assess one indicator against its observations in `ds`.
pub fn assess_indicator<const O: usize, const F: usize>(
    ds: &Dataset<'_, O, F>,
    i: &Indicator,
) -> IndicatorStatus {
    let mut points = Vec::new();
    let too_many = series(ds, i.id, &mut points).err();
    // A proxy series may run the other way (a rank: lower is better).
    let direction = ds
        .series_of(i.id)
        .and_then(|s| s.direction)
        .unwrap_or(i.direction);
    assess_indicator_points(direction, &points, too_many)
}

/// Assess an indicator that runs in `direction` against its series.
pub fn assess_indicator_points(
    direction: IndicatorDirection,
    points: &[Point],
    too_many: Option<Missing>,
) -> IndicatorStatus {
    let mut s = IndicatorStatus {
        open_sdg: Assessment::not_available(Reason::NoData),
        missing: too_many,
        observations: points.len(),
        latest: latest(points),
    };
    if too_many.is_some() {
        return s;
    }
    let Some(direction) = direction.direction() else {
        s.missing = Some(Missing::NoDirection);
        return s;
    };
    s.open_sdg = progress::open_sdg(
        points,
        &OpenSdgConfig {
            base_year: i32::MIN,
            target: None,
            direction,
            ..OpenSdgConfig::default()
        },
    );
    s
}

/// Counts per status, in [`Status`] order.
pub type StatusCounts = [usize; 6];

fn status_index(s: Status) -> usize {
    match s {
        Status::TargetAchieved => 0,
        Status::SubstantialProgress => 1,
        Status::ModerateProgress => 2,
        Status::LimitedProgress => 3,
        Status::Deterioration => 4,
        Status::NotAvailable => 5,
    }
}

/// A roll-up of target statuses.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Rollup {
    /// How many targets, assessed or not.
    pub targets: usize,
    /// Mean score of the assessed targets.
    pub mean_score: Option<f64>,
    /// Status from the mean score (Open SDG's aggregate rule).
    pub status: Option<Status>,
    /// Targets per status, in the order target achieved, substantial,
    /// moderate, limited, deterioration, not available.
    pub counts: StatusCounts,
    /// Targets without a status: counted and shown, never scored as zero.
    pub missing: usize,
    /// Weakest link: the mean of the two lowest scores (one, if only one).
    pub weakest_score: Option<f64>,
    /// The index (into the rolled-up slice) of the lowest-scoring target.
    pub weakest: Option<usize>,
}

/// Roll up a set of target statuses.
pub fn rollup<'s>(statuses: impl IntoIterator<Item = &'s TargetStatus>) -> Rollup {
    let mut r = Rollup::default();
    let mut sum = 0.0;
    let mut scored = 0usize;
    let mut all_achieved = true;
    let mut lowest: [Option<(f64, usize)>; 2] = [None, None];
    for (i, s) in statuses.into_iter().enumerate() {
        r.targets += 1;
        r.counts[status_index(s.status)] += 1;
        match s.score.filter(|v| v.is_finite()) {
            Some(v) if s.status != Status::NotAvailable => {
                let v = v.clamp(-5.0, 5.0);
                sum += v;
                scored += 1;
                all_achieved &= s.status == Status::TargetAchieved;
                if lowest[0].is_none_or(|(l, _)| v < l) {
                    lowest[1] = lowest[0];
                    lowest[0] = Some((v, i));
                } else if lowest[1].is_none_or(|(l, _)| v < l) {
                    lowest[1] = Some((v, i));
                }
            }
            _ => r.missing += 1,
        }
    }
    if scored > 0 {
        let mean = (sum / scored as f64).clamp(-5.0, 5.0);
        r.mean_score = Some(mean);
        r.status = Some(progress::status_from_score(mean, all_achieved));
        r.weakest = lowest[0].map(|(_, i)| i);
        r.weakest_score = match lowest {
            [Some((a, _)), Some((b, _))] => Some((a + b) / 2.0),
            [Some((a, _)), None] => Some(a),
            _ => None,
        };
    }
    r
}

/// Every target's status, in dataset order.
pub fn assess_all<const O: usize, const F: usize>(
    ds: &Dataset<'_, O, F>,
) -> Vec<TargetStatus, { crate::config::MAX_TARGETS }> {
    let mut out = Vec::new();
    for t in &ds.targets {
        // Capacities match: the dataset cannot hold more targets than this.
        let _ = out.push(assess_target(ds, t));
    }
    out
}

/// Roll-up per priority (dataset order) and for the whole vision.
pub fn rollup_priorities<const O: usize, const F: usize>(
    ds: &Dataset<'_, O, F>,
    statuses: &[TargetStatus],
) -> (Vec<Rollup, MAX_PRIORITIES>, Rollup) {
    let mut per = Vec::new();
    for p in &ds.priorities {
        let r = rollup(
            ds.targets
                .iter()
                .zip(statuses)
                .filter(|(t, _)| t.priority == p.id)
                .map(|(_, s)| s),
        );
        let _ = per.push(r);
    }
    (per, rollup(statuses))
}

/// Roll-up of one objective: its own targets and its sub-items' targets.
pub fn rollup_objective<const O: usize, const F: usize>(
    ds: &Dataset<'_, O, F>,
    statuses: &[TargetStatus],
    objective: &str,
) -> Rollup {
    rollup(
        ds.targets
            .iter()
            .zip(statuses)
            .filter(|(t, _)| {
                t.objective.is_some_and(|o| {
                    o == objective
                        || ds
                            .objectives
                            .iter()
                            .any(|x| x.id == o && x.parent == Some(objective))
                })
            })
            .map(|(_, s)| s),
    )
}
