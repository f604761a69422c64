//! Assessment and roll-up on the built-in vision with observations added, and
//! property tests of the invariants every assessment must keep.
//!
//! Expected values are worked out by hand from `methodology.md` (the
//! formulas are written out next to each number), not taken from koers.

mod common;

use common::*;
use koers_core::assess::{self, Method, Missing, TargetStatus};
use koers_core::model::{Dataset, Target, YearValue};
use koers_core::progress::{Direction, Point, Status};
use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;

/// The built-in vision's JSON with these observations added, built with
/// serde_json from the shipped file so that everything else stays as shipped.
fn vision_with(observations: &[(&str, i32, f64)]) -> String {
    let mut v: serde_json::Value =
        serde_json::from_str(koers_core::builtin::VISION_JSON).expect("the shipped file is JSON");
    v["observations"] = observations
        .iter()
        .map(|(subject, year, value)| {
            serde_json::json!({
                "subject": subject,
                "year": year,
                "value": value,
                "source": "koers tests: invented for this test",
                "provisional": true,
            })
        })
        .collect();
    serde_json::to_string_pretty(&v).unwrap()
}

fn loaded(json: &str) -> Box<Dataset<'_>> {
    load(json).unwrap_or_else(|e| panic!("does not load: {}", describe_issues(&e)))
}

fn status_of<'d>(ds: &'d Dataset, statuses: &'d [TargetStatus], id: &str) -> &'d TargetStatus {
    let i = ds
        .targets
        .iter()
        .position(|t| t.id == id)
        .unwrap_or_else(|| panic!("no target {id}"));
    &statuses[i]
}

/// Methodology 1a, the score with a target, written out: `R >= 0.60` →
/// `min(7.1429 R - 4.2857, 5)`, else `max(4.1667 R - 2.5, -5)`. 1b gives the
/// pace ratio the same formula.
fn score_with_target(r: f64) -> f64 {
    if r >= 0.60 {
        (7.1429 * r - 4.2857).min(5.0)
    } else {
        (4.1667 * r - 2.5).max(-5.0)
    }
}

fn close(a: f64, b: f64, tol: f64) -> bool {
    (a - b).abs() <= tol
}

// ---------------------------------------------------------------------------
// Known answers.

#[test]
fn technicians_with_two_years_of_flows_make_moderate_progress() {
    // 25,000 extra technicians by 2030, no baseline in the vision. Flows:
    // 2025: 2,500 and 2026: 3,000 people.
    let json = vision_with(&[
        ("T-P5-technici-25000", 2025, 2500.0),
        ("T-P5-technici-25000", 2026, 3000.0),
    ]);
    let ds = loaded(&json);
    let s = assess::assess_target(&ds, ds.target("T-P5-technici-25000").unwrap());

    // A cumulative flow from no baseline: distance travelled, counting from
    // zero in the year before the first flow (2024, assumed and said so).
    assert_eq!(s.method, Method::DistanceTravelled);
    assert!(s.baseline_assumed);
    assert_eq!(s.baseline, Some(Point::new(2024, 0.0)));
    assert_eq!(s.target_year, Some(2030));
    let d = s.distance.expect("distance travelled");
    // Running total 2,500 + 3,000 = 5,500 of 25,000: D = 0.22.
    assert_eq!(d.current, Some(Point::new(2026, 5500.0)));
    assert!(close(d.distance_share.unwrap(), 0.22, 1e-12));
    // E = (2026 - 2024) / (2030 - 2024) = 1/3.
    assert!(close(d.time_share.unwrap(), 1.0 / 3.0, 1e-12));
    // Pace D / E = 0.66: at least 0.60, below 0.95.
    assert!(close(d.pace_ratio.unwrap(), 0.66, 1e-12));
    assert_eq!(s.status, Status::ModerateProgress);
    // Score 7.1429 × 0.66 − 4.2857 = 0.428614.
    assert!(close(s.score.unwrap(), 0.428614, 1e-6), "{:?}", s.score);
    // Still needed: (25,000 − 5,500) / (2030 − 2026) = 4,875 a year.
    let needed = s.projection.and_then(|p| p.required_pace);
    assert!(needed.is_some_and(|v| close(v, 4875.0, 1e-9)), "{needed:?}");
}

#[test]
fn a_milestone_with_an_observation_of_one_is_achieved() {
    let json = vision_with(&[("T-P3-pic-fabriek-2032", 2031, 1.0)]);
    let ds = loaded(&json);
    let s = assess::assess_target(&ds, ds.target("T-P3-pic-fabriek-2032").unwrap());
    assert_eq!(s.method, Method::Milestone);
    assert_eq!(s.status, Status::TargetAchieved);
    assert_eq!(s.score, Some(5.0));

    // Not done yet, and 2032 still ahead: not available, not a score of 0.
    let json = vision_with(&[("T-P3-pic-fabriek-2032", 2027, 0.0)]);
    let ds = loaded(&json);
    let s = assess::assess_target(&ds, ds.target("T-P3-pic-fabriek-2032").unwrap());
    assert_eq!(s.status, Status::NotAvailable);
    assert_eq!(s.score, None);
    assert_eq!(s.missing, Some(Missing::MilestonePending));
}

#[test]
fn without_observations_every_target_is_not_available() {
    let ds = builtin();
    let statuses = assess::assess_all(&ds);
    assert_eq!(statuses.len(), ds.targets.len());
    for (t, s) in ds.targets.iter().zip(&statuses) {
        assert_eq!(s.status, Status::NotAvailable, "{}", t.id);
        assert_eq!(s.score, None, "{}", t.id);
    }
    let (per, vision) = assess::rollup_priorities(&ds, &statuses);
    assert_eq!(per.len(), 6);
    assert_eq!(vision.targets, ds.targets.len());
    assert_eq!(vision.missing, ds.targets.len());
    assert_eq!(vision.mean_score, None, "no data is no score, not 0");
    assert_eq!(vision.status, None);
    assert_eq!(vision.weakest_score, None);
}

/// Three of priority 5's four targets observed, by hand:
///
/// | target | flows | running total | D | E | D/E | status | score |
/// |---|---|---|---|---|---|---|---|
/// | 25,000 by 2030 | 2025: 2,500, 2026: 3,000 | 5,500 | 0.22 | 2/6 | 0.66 | moderate | 7.1429·0.66 − 4.2857 = 0.428614 |
/// | 38,000 by 2030 | 2025: 2,000, 2026: 2,000 | 4,000 | 0.105263 | 2/6 | 0.315789 | limited | 4.1667·0.315789 − 2.5 = −1.184200 |
/// | 15,000 by 2035 | 2030: 1,000, 2031: 1,000 | 2,000 | 0.133333 | 2/6 | 0.4 | limited | 4.1667·0.4 − 2.5 = −0.833320 |
/// | Techkwadraat 100 % | none | | | | | not available | |
fn priority_5_observed() -> String {
    vision_with(&[
        ("T-P5-technici-25000", 2025, 2500.0),
        ("T-P5-technici-25000", 2026, 3000.0),
        ("T-P5-technici-38000-2030", 2025, 2000.0),
        ("T-P5-technici-38000-2030", 2026, 2000.0),
        ("T-P5-studenten-15000-2030-2035", 2030, 1000.0),
        ("T-P5-studenten-15000-2030-2035", 2031, 1000.0),
    ])
}

#[test]
fn a_roll_up_never_counts_missing_as_zero() {
    let json = priority_5_observed();
    let ds = loaded(&json);
    let statuses = assess::assess_all(&ds);

    let s25 = score_with_target(0.66);
    let s38 = score_with_target((4000.0 / 38000.0) / (2.0 / 6.0));
    let s15 = score_with_target((2000.0 / 15000.0) / (2.0 / 6.0));
    for (id, want, status) in [
        ("T-P5-technici-25000", s25, Status::ModerateProgress),
        ("T-P5-technici-38000-2030", s38, Status::LimitedProgress),
        (
            "T-P5-studenten-15000-2030-2035",
            s15,
            Status::LimitedProgress,
        ),
    ] {
        let s = status_of(&ds, &statuses, id);
        assert_eq!(s.status, status, "{id}");
        assert!(
            close(s.score.unwrap(), want, 1e-3),
            "{id}: {:?} vs {want}",
            s.score
        );
    }
    assert_eq!(
        status_of(&ds, &statuses, "T-P5-techkwadraat-alle-leerlingen").status,
        Status::NotAvailable
    );

    let (per, vision) = assess::rollup_priorities(&ds, &statuses);
    let p5 = per[ds.priorities.iter().position(|p| p.id == "P5").unwrap()];
    assert_eq!(p5.targets, 4);
    assert_eq!(
        p5.missing, 1,
        "Techkwadraat has no data: counted as missing"
    );
    // Mean over the three assessed: (0.428614 − 1.184200 − 0.833320) / 3
    // = −0.529635. Counting the missing one as 0 would give −0.397227.
    let mean = (s25 + s38 + s15) / 3.0;
    assert!(
        close(p5.mean_score.unwrap(), mean, 1e-9),
        "{:?}",
        p5.mean_score
    );
    assert!(!close(
        p5.mean_score.unwrap(),
        (s25 + s38 + s15) / 4.0,
        1e-3
    ));
    // −2.5 <= mean < 0: limited progress (Open SDG's aggregate rule).
    assert_eq!(p5.status, Some(Status::LimitedProgress));
    // Counts: target achieved, substantial, moderate, limited,
    // deterioration, not available.
    assert_eq!(p5.counts, [0, 0, 1, 2, 0, 1]);
    // Weakest link: the mean of the two lowest, (−1.184200 − 0.833320) / 2.
    assert!(close(p5.weakest_score.unwrap(), (s38 + s15) / 2.0, 1e-9));
    // `weakest` indexes the rolled-up targets: here priority 5's, in order.
    let p5_targets: Vec<_> = ds.targets.iter().filter(|t| t.priority == "P5").collect();
    assert_eq!(
        p5_targets[p5.weakest.unwrap()].id,
        "T-P5-technici-38000-2030"
    );

    // The whole vision: ten targets, the same three assessed, seven missing.
    assert_eq!(vision.targets, ds.targets.len());
    assert_eq!(vision.missing, ds.targets.len() - 3);
    assert!(close(vision.mean_score.unwrap(), mean, 1e-9));
    assert_eq!(
        ds.targets[vision.weakest.unwrap()].id,
        "T-P5-technici-38000-2030"
    );

    // Priorities without targets roll up to nothing, not to zero.
    let p1 = per[0];
    assert_eq!((p1.targets, p1.mean_score), (0, None));

    // Objective 5 a takes in its sub-item a.i (25,000, 15,000, Techkwadraat);
    // the 38,000 belong to 5 b.
    let a = assess::rollup_objective(&ds, &statuses, "P5-N-a");
    assert_eq!((a.targets, a.missing), (3, 1));
    assert!(close(a.mean_score.unwrap(), (s25 + s15) / 2.0, 1e-9));
    let b = assess::rollup_objective(&ds, &statuses, "P5-N-b");
    assert_eq!((b.targets, b.missing), (1, 0));
    assert!(
        close(b.weakest_score.unwrap(), s38, 1e-9),
        "one score: itself"
    );
}

// ---------------------------------------------------------------------------
// Properties.

/// Years the model may see.
fn year() -> impl Strategy<Value = i32> {
    1990..=2100i32
}

/// Values a series may hold: zeros, negatives, huge and tiny ones, and now
/// and then anything at all (NaN, infinities, subnormals).
fn value() -> impl Strategy<Value = f64> {
    prop_oneof![
        4 => -1e6..1e6f64,
        1 => Just(0.0),
        1 => Just(-0.0),
        1 => 1e-300..1e-200f64,
        1 => -1e-200..-1e-300f64,
        1 => 1e200..f64::MAX,
        1 => f64::MIN..-1e200,
        1 => Just(f64::MIN_POSITIVE),
        1 => proptest::num::f64::ANY,
    ]
}

/// Finite values only: what a loaded dataset can hold (the loader refuses
/// NaN and infinities in baselines and targets).
fn finite_value() -> impl Strategy<Value = f64> {
    value().prop_filter("finite", |v| v.is_finite())
}

/// A built-in target, sometimes with its baseline or target changed.
fn target() -> impl Strategy<Value = Target<'static>> {
    let n = builtin_targets().len();
    (
        0..n,
        proptest::option::weighted(0.5, (year(), finite_value())),
        proptest::option::weighted(
            0.3,
            (
                proptest::option::of(year()),
                proptest::option::of(finite_value()),
            ),
        ),
        proptest::bool::ANY,
    )
        .prop_map(|(i, baseline, target, flip)| {
            let mut t = builtin_targets()[i].clone();
            if let Some((year, value)) = baseline {
                t.baseline = Some(YearValue { year, value });
            }
            if let Some((year, value)) = target {
                t.target.year = year;
                t.target.value = value;
            }
            if flip {
                t.direction = match t.direction {
                    Direction::Increase => Direction::Decrease,
                    Direction::Decrease => Direction::Increase,
                };
            }
            t
        })
}

fn builtin_targets() -> &'static [Target<'static>] {
    static T: std::sync::OnceLock<Vec<Target<'static>>> = std::sync::OnceLock::new();
    T.get_or_init(|| builtin().targets.iter().cloned().collect())
}

fn points() -> impl Strategy<Value = Vec<Point>> {
    proptest::collection::vec((year(), value()).prop_map(|(y, v)| Point::new(y, v)), 0..16)
}

/// Every f64 anywhere in a status, through its `Debug` form, where NaN
/// prints as `NaN` and infinities as `inf`.
fn non_finite_in(s: &TargetStatus) -> Option<String> {
    let text = format!("{s:?}");
    text.split(|c: char| !c.is_alphanumeric())
        .any(|w| w == "NaN" || w == "inf")
        .then_some(text)
}

fn check_status(s: &TargetStatus) -> Result<(), TestCaseError> {
    if let Some(text) = non_finite_in(s) {
        return Err(TestCaseError::fail(format!("NaN or infinity in {text}")));
    }
    for (what, v) in [("score", s.score), ("open_sdg.score", s.open_sdg.score)] {
        if let Some(v) = v {
            prop_assert!((-5.0..=5.0).contains(&v), "{what} {v} out of [-5, 5]");
        }
    }
    // A status has a score; "not available" has none (it is never a 0).
    prop_assert_eq!(
        s.status == Status::NotAvailable,
        s.score.is_none(),
        "status {:?} with score {:?}",
        s.status,
        s.score
    );
    Ok(())
}

proptest! {
    // Failing cases are kept beside this file (assess.proptest-regressions),
    // not at the workspace root.
    #![proptest_config(ProptestConfig {
        cases: 2000,
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource("proptest-regressions"))),
        ..ProptestConfig::default()
    })]

    #[test]
    fn no_assessment_holds_nan_or_infinity_and_scores_stay_in_range(
        t in target(),
        points in points(),
    ) {
        let s = assess::assess_points(&t, &points, 2035, None);
        check_status(&s)?;
    }

    #[test]
    fn a_roll_up_mean_lies_between_the_lowest_and_highest_score(
        cases in proptest::collection::vec((target(), points()), 0..12),
    ) {
        let statuses: Vec<TargetStatus> = cases
            .iter()
            .map(|(t, p)| assess::assess_points(t, p, 2035, None))
            .collect();
        let r = assess::rollup(&statuses);
        let mut scores: Vec<f64> = statuses
            .iter()
            .filter(|s| s.status != Status::NotAvailable)
            .filter_map(|s| s.score)
            .collect();
        scores.sort_by(f64::total_cmp);
        prop_assert_eq!(r.targets, statuses.len());
        prop_assert_eq!(r.counts.iter().sum::<usize>(), statuses.len());
        prop_assert_eq!(r.missing, statuses.len() - scores.len());
        match (scores.first(), scores.last()) {
            (Some(&lo), Some(&hi)) => {
                let mean = r.mean_score.expect("a mean when something is scored");
                prop_assert!(lo - 1e-9 <= mean && mean <= hi + 1e-9, "{} not in [{}, {}]", mean, lo, hi);
                let weakest = if scores.len() >= 2 { (scores[0] + scores[1]) / 2.0 } else { lo };
                let got = r.weakest_score.expect("a weakest link");
                prop_assert!((got - weakest).abs() <= 1e-9, "weakest {} vs {}", got, weakest);
                prop_assert!(got <= mean + 1e-9);
                let w = r.weakest.expect("the weakest target");
                prop_assert_eq!(statuses[w].score, Some(lo));
            }
            _ => {
                prop_assert_eq!(r.mean_score, None);
                prop_assert_eq!(r.status, None);
                prop_assert_eq!(r.weakest_score, None);
            }
        }
    }

    /// A better latest value never lowers the score, for the Open SDG method
    /// (a level with a positive baseline and "higher is better").
    #[test]
    fn a_better_latest_observation_never_lowers_the_score(
        base_year in 2000..2020i32,
        base in prop_oneof![1e-3..1.0f64, 1.0..1e6f64, 1e6..1e12f64],
        factor in 1.001..1e3f64,
        target_year in 2021..2040i32,
        // Values as multiples of the base, so that most cases fall short of
        // the target (where the score is more than "achieved: 5").
        earlier in proptest::collection::btree_map(1..40i32, 0.0..2.0f64, 0..5),
        gap in 1..40i32,
        latest in prop_oneof![Just(0.0), 0.0..1.0f64, 1.0..2.0f64],
        better in prop_oneof![1e-9..1e-3f64, 1e-3..1.0f64],
    ) {
        // Shares of the way from 0 to the target.
        let (latest, better) = (latest * factor * base, better * factor * base);
        let mut t = builtin_targets()
            .iter()
            .find(|t| t.id == "T-P2-rd-3pct-bbp-2030")
            .expect("the R&D target, a level")
            .clone();
        t.baseline = Some(YearValue { year: base_year, value: base });
        t.target.value = Some(base * factor);
        t.target.year = Some(target_year);
        t.direction = Direction::Increase;
        let mut series: Vec<Point> = earlier
            .iter()
            .map(|(dy, share)| Point::new(base_year + dy, share * factor * base))
            .collect();
        let last_year = series.iter().map(|p| p.year).max().unwrap_or(base_year) + gap;
        series.push(Point::new(last_year, latest));
        let before = assess::assess_points(&t, &series, 2035, None);
        prop_assert_eq!(before.method, Method::OpenSdg);
        series.last_mut().unwrap().value = latest + better;
        let after = assess::assess_points(&t, &series, 2035, None);
        prop_assume!(before.score.is_some());
        if let Some(a) = before.score {
            let b = after.score;
            prop_assert!(
                b.is_some_and(|b| b >= a - 1e-9),
                "score fell from {} to {:?} when the latest value rose from {} to {}",
                a, b, latest, latest + better
            );
        }
    }
}
