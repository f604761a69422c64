//! The progress calculations fed arbitrary series and settings: Open SDG,
//! distance travelled, projection, trend, growth rate, aggregate and the
//! per-target assessment. None may panic, and no `f64` in any result may be
//! NaN or infinite (what cannot be computed is `None` with a reason).
#![no_main]

use arbitrary::Arbitrary;
use koers_core::assess::{self, TargetStatus};
use koers_core::model::{Target, TargetKind, TargetValue, Unit, YearValue};
use koers_core::progress::{
    self, Assessment, Direction, Distance, DistanceConfig, OpenSdgConfig, Point, Projection,
    SeriesKind,
};
use libfuzzer_sys::fuzz_target;

/// A value: mostly ordinary numbers, sometimes the awkward ones.
#[derive(Arbitrary, Debug, Clone, Copy)]
enum Num {
    /// Any bit pattern: NaN, infinities, subnormals, huge.
    Raw(f64),
    /// Quarters from -8192 to 8192: where real series live.
    Small(i16),
    /// A power of ten, either sign, up to the edge of `f64`.
    Power(i16),
    Zero,
    Missing,
}

impl Num {
    fn get(self) -> f64 {
        match self {
            Num::Raw(x) => x,
            Num::Small(n) => f64::from(n) / 4.0,
            Num::Power(e) => {
                let v = 10f64.powi(i32::from(e % 320));
                if e < 0 {
                    -v
                } else {
                    v
                }
            }
            Num::Zero => 0.0,
            Num::Missing => f64::NAN,
        }
    }

    /// A finite value, as a validated dataset has.
    fn finite(self) -> f64 {
        let v = self.get();
        if v.is_finite() {
            v
        } else {
            1.0
        }
    }
}

/// A year: mostly near the vision's, sometimes anywhere in `i32`.
#[derive(Arbitrary, Debug, Clone, Copy)]
enum Year {
    Near(i8),
    Raw(i32),
}

impl Year {
    fn get(self) -> i32 {
        match self {
            Year::Near(n) => 2015 + i32::from(n) / 4,
            Year::Raw(y) => y,
        }
    }
}

#[derive(Arbitrary, Debug)]
struct Input {
    points: Vec<(Year, Num)>,
    base_year: Year,
    target: Option<Num>,
    target_year: Year,
    increase: bool,
    limit: Option<Num>,
    baseline: Option<(Year, Num)>,
    target_point: (Year, Num),
    cumulative: bool,
    kind: u8,
    stated_year: Option<Year>,
}

fn ok(v: f64, what: &str) {
    assert!(v.is_finite(), "{what} = {v}");
}

fn ok_opt(v: Option<f64>, what: &str) {
    if let Some(v) = v {
        ok(v, what);
    }
}

fn ok_point(p: Option<Point>, what: &str) {
    ok_opt(p.map(|p| p.value), what);
}

fn check_assessment(a: &Assessment) {
    ok_opt(a.score, "open_sdg.score");
    ok_opt(a.progress_value, "open_sdg.progress_value");
    if let Some(s) = a.score {
        assert!((-5.0..=5.0).contains(&s), "score {s}");
    }
}

fn check_distance(d: &Distance) {
    ok_opt(d.distance_share, "distance_share");
    ok_opt(d.time_share, "time_share");
    ok_opt(d.pace_ratio, "pace_ratio");
    ok_point(d.current, "distance.current");
}

fn check_projection(p: &Projection) {
    ok_opt(p.trend_value_at_target, "trend_value_at_target");
    ok_opt(p.cagr_value_at_target, "cagr_value_at_target");
    ok_opt(p.required_pace, "required_pace");
    ok_opt(p.recent_pace, "recent_pace");
    ok_opt(p.unsd_ratio, "unsd_ratio");
    ok_opt(p.trend.map(|t| t.slope), "trend.slope");
    ok_opt(p.trend.map(|t| t.intercept), "trend.intercept");
    ok_point(p.current, "projection.current");
}

fn check_status(s: &TargetStatus) {
    ok_opt(s.score, "status.score");
    check_assessment(&s.open_sdg);
    if let Some(d) = &s.distance {
        check_distance(d);
    }
    if let Some(p) = &s.projection {
        check_projection(p);
    }
    ok_point(s.latest, "status.latest");
    ok_point(s.baseline, "status.baseline");
}

fuzz_target!(|input: Input| {
    let points: Vec<Point> = input
        .points
        .iter()
        .map(|(y, v)| Point::new(y.get(), v.get()))
        .collect();
    let direction = if input.increase {
        Direction::Increase
    } else {
        Direction::Decrease
    };
    let kind = if input.cumulative {
        SeriesKind::CumulativeFlow
    } else {
        SeriesKind::Level
    };

    let cfg = OpenSdgConfig {
        base_year: input.base_year.get(),
        target: input.target.map(Num::get),
        target_year: input.target_year.get(),
        direction,
        limit: input.limit.map(Num::get),
        thresholds: Default::default(),
    };
    let a = progress::open_sdg(&points, &cfg);
    check_assessment(&a);
    let without = progress::open_sdg(
        &points,
        &OpenSdgConfig {
            target: None,
            ..cfg
        },
    );
    check_assessment(&without);
    let agg = progress::aggregate(&[a, without]);
    ok_opt(agg.mean_score, "aggregate.mean_score");

    let baseline = input.baseline.map(|(y, v)| Point::new(y.get(), v.get()));
    let target = Point::new(input.target_point.0.get(), input.target_point.1.get());
    if let Some(b) = baseline {
        let d = progress::distance_travelled(
            &points,
            &DistanceConfig {
                baseline: b,
                target,
                direction,
                kind,
            },
        );
        check_distance(&d);
    }
    let p = progress::project(&points, baseline, target, direction, kind);
    check_projection(&p);
    if let Ok(t) = progress::linear_trend(&points) {
        ok(t.slope, "linear_trend.slope");
        ok(t.intercept, "linear_trend.intercept");
        ok_opt(t.value_at(target.year), "trend.value_at");
    }
    if let [first, .., last] = points.as_slice() {
        if let Ok(g) = progress::cagr(*first, *last) {
            ok(g, "cagr");
        }
    }
    if let (Some(b), Some(l)) = (baseline, cfg.limit) {
        ok_opt(progress::limit_coefficient(b.value, l), "limit_coefficient");
    }

    // The per-target assessment, with settings as a validated dataset has
    // them (finite) and the series as the scenario explorer may pass it.
    let target = Target {
        id: "T",
        priority: "P",
        objective: None,
        title: Default::default(),
        kind: match input.kind % 4 {
            0 => TargetKind::Level,
            1 => TargetKind::CumulativeFlow,
            2 => TargetKind::Rate,
            _ => TargetKind::Milestone,
        },
        unit: Unit::Count,
        direction,
        baseline: input.baseline.map(|(y, v)| YearValue {
            year: y.get(),
            value: v.finite(),
        }),
        target: TargetValue {
            year: input.stated_year.map(Year::get),
            value: input.target.map(Num::finite),
        },
        limit: input.limit.map(Num::finite),
        qualifier: Default::default(),
        headline: false,
        window: None,
        note: None,
        source: Default::default(),
        also: Default::default(),
    };
    let s = assess::assess_points(&target, &points, input.target_year.get(), None);
    check_status(&s);
});
