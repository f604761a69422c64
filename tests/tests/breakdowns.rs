//! Breakdowns (disaggregations) of a subject are kept beside its headline
//! figures: they load, are checked (one figure per subject, year and
//! breakdown), are written back out, and leave progress to the headline.
//!
//! The observations are invented for the test; expected statuses compare an
//! assessment with and without the breakdown rows, never a number from koers.

mod common;

use common::*;
use koers_core::assess;
use koers_core::load::{self, ErrorKind, Table};
use koers_core::model::Dataset;

const T: &str = "T-P2-rd-3pct-bbp-2030";

/// The built-in vision with these observations: (year, value, breakdown).
fn vision_with(rows: &[(i32, f64, Option<&str>)]) -> String {
    let mut v: serde_json::Value =
        serde_json::from_str(koers_core::builtin::VISION_JSON).expect("the shipped file is JSON");
    v["observations"] = rows
        .iter()
        .map(|(year, value, b)| {
            let mut o = serde_json::json!({
                "subject": T, "year": year, "value": value,
                "source": "koers tests: invented for this test",
            });
            if let Some(b) = b {
                o["breakdown"] = (*b).into();
            }
            o
        })
        .collect();
    serde_json::to_string(&v).unwrap()
}

fn status(ds: &Dataset) -> assess::TargetStatus {
    let t = ds.targets.iter().find(|t| t.id == T).unwrap();
    assess::assess_target(ds, t)
}

#[test]
fn breakdowns_load_beside_the_headline_and_progress_ignores_them() {
    let headline = [(2020, 2.2, None), (2021, 2.3, None), (2022, 2.4, None)];
    let mut with = headline.to_vec();
    with.extend([
        (2020, 1.4, Some("sectperf: BES")),
        (2021, 0.1, Some("sectperf: BES")),
        (2022, 9.0, Some("sectperf: GOV")),
    ]);
    let plain = vision_with(&headline);
    let both = vision_with(&with);
    let a = load(&plain).unwrap_or_else(|e| panic!("{}", describe_issues(&e)));
    let b = load(&both).unwrap_or_else(|e| panic!("{}", describe_issues(&e)));
    assert_eq!(b.observations_of(T).count(), 3);
    let kept: Vec<(i32, f64, &str)> = b
        .breakdowns_of(T)
        .map(|o| (o.year, o.value, o.breakdown.unwrap().raw()))
        .collect();
    assert_eq!(
        kept,
        [
            (2020, 1.4, "sectperf: BES"),
            (2021, 0.1, "sectperf: BES"),
            (2022, 9.0, "sectperf: GOV")
        ]
    );
    // The in-place path (firmware) reads the same headline.
    let mut out = [koers_core::progress::Point::new(0, 0.0); 8];
    let (n, _) = koers_core::inplace::series(&b.observations, T, &mut out);
    assert_eq!(n, 3);
    let (sa, sb) = (status(&a), status(&b));
    assert_eq!(sa.open_sdg, sb.open_sdg);
    assert_eq!(sa, sb);
    assert_eq!(sb.observations, 3);
    // The breakdowns survive a write and a read.
    let written = serde_json::to_string(&b.observations.as_slice()).unwrap();
    assert_eq!(
        written.matches("\"breakdown\":\"sectperf: BES\"").count(),
        2
    );
    assert!(!written.contains("\"breakdown\":null"));
}

#[test]
fn one_figure_per_subject_year_and_breakdown() {
    let json = vision_with(&[
        (2021, 2.3, None),
        (2021, 1.4, Some("sectperf: BES")),
        (2021, 1.5, Some("sectperf: BES")),
    ]);
    let e = load(&json).unwrap_err();
    let dup = e
        .errors
        .iter()
        .find(|e| e.kind == ErrorKind::DuplicateYear)
        .unwrap();
    assert_eq!(
        (dup.path.table, dup.path.index),
        (Some(Table::Observations), Some(2))
    );
    let json = vision_with(&[(2021, 1.4, Some(" "))]);
    let e = load(&json).unwrap_err();
    assert!(e
        .errors
        .iter()
        .any(|e| e.kind == ErrorKind::Empty && e.path.field.as_str() == "breakdown"));
    let json = vision_with(&[(2021, 1.4, Some("sex: F"))]);
    let mut ds = Box::<Dataset>::default();
    assert!(load::load_into(&json, &mut ds).is_ok());
    assert_eq!(ds.observations_of(T).count(), 0);
}
