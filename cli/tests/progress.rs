//! `koers progress` as a user runs it: the methodology's known answers, and
//! Open SDG data files (tests/fixtures/opensdg/) read as Open SDG reads
//! them, each with the answer Open SDG's published method gives, worked out
//! in the comments from its rules (never from koers's own output).

mod common;

use common::koers;
use std::path::{Path, PathBuf};

use serde_json::Value;

const FIXTURES: &str = "tests/fixtures/opensdg";

/// A scratch file for one test.
fn scratch(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("koers-progress-tests");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

// ---------------------------------------------------------------------------
// koers progress: Open SDG's known answers (methodology 1a), by hand.

/// Open SDG's score with a target, as the methodology writes it.
fn score_with_target(r: f64) -> f64 {
    if r >= 0.60 {
        (7.1429 * r - 4.2857).min(5.0)
    } else {
        (4.1667 * r - 2.5).max(-5.0)
    }
}

/// Open SDG's score without a target, thresholds scaled by `c`.
fn score_without_target(v: f64, c: f64) -> f64 {
    let (high, med, low) = (0.015 * c, 0.005 * c, 0.0);
    if v < low {
        (125.0 * v - 2.5).max(-5.0)
    } else if v >= high {
        (500.0 * v / c - 5.0).min(5.0)
    } else if v >= med {
        250.0 * v / c - 1.25
    } else {
        500.0 * v / c - 2.5
    }
}

fn cagr(y0: f64, t0: i32, y1: f64, t1: i32) -> f64 {
    (y1 / y0).powf(1.0 / f64::from(t1 - t0)) - 1.0
}

/// `koers progress` on a CSV, its JSON output.
fn progress(name: &str, csv: &str, flags: &[&str]) -> Value {
    let file = scratch(name, csv.as_bytes());
    let mut args = vec!["progress", file.to_str().unwrap()];
    args.extend_from_slice(flags);
    let r = koers(&args);
    assert_eq!(r.code, 0, "{name}: {}", r.stderr);
    let v: Value = serde_json::from_str(&r.stdout).expect("progress prints JSON");
    // One series: Open SDG's keys at the top, with the reason beside them.
    for key in [
        "base_year",
        "current_year",
        "progress_value",
        "score",
        "status",
        "target_achieved",
        "reason",
    ] {
        assert!(v.get(key).is_some(), "{name}: no {key}: {v}");
    }
    v
}

fn num(v: &Value, key: &str) -> f64 {
    v[key]
        .as_f64()
        .unwrap_or_else(|| panic!("{key} is not a number: {v}"))
}

#[test]
fn progress_case_a_with_a_target() {
    let v = progress(
        "case-a.csv",
        "Year,Value\n2020,100\n2024,120\n",
        &[
            "--base-year",
            "2020",
            "--target",
            "150",
            "--target-year",
            "2030",
            "--direction",
            "positive",
            "--format",
            "json",
        ],
    );
    // R = CAGR_o / |CAGR_T| = (1.2^(1/4) − 1) / (1.5^(1/10) − 1).
    let r = cagr(100.0, 2020, 120.0, 2024) / cagr(100.0, 2020, 150.0, 2030).abs();
    assert!((num(&v, "progress_value") - r).abs() < 1e-9);
    assert!(
        (num(&v, "progress_value") - 1.12700).abs() < 5e-6,
        "table: 1.12700"
    );
    assert!((num(&v, "score") - score_with_target(r)).abs() < 1e-9);
    assert!((num(&v, "score") - 3.764).abs() < 5e-4, "table: 3.764");
    assert_eq!(v["status"], "substantial_progress");
    assert_eq!(
        (num(&v, "base_year"), num(&v, "current_year")),
        (2020.0, 2024.0)
    );
    assert_eq!(v["target_achieved"], false);
}

#[test]
fn progress_case_b_without_a_target_lower_is_better() {
    let flags: &[&[&str]] = &[&["--base-year", "2018", "--direction", "negative"], &[]];
    for (i, flags) in flags.iter().enumerate() {
        // With no flags at all Open SDG's defaults apply: base year 2015 (so
        // the first year after it, 2018) and direction negative.
        let v = progress(
            &format!("case-b-{i}.csv"),
            "Year,Value\n2018,50\n2024,47\n",
            flags,
        );
        // v = sign · d · CAGR_o = −(0.94^(1/6) − 1).
        let pv = -cagr(50.0, 2018, 47.0, 2024);
        assert!((num(&v, "progress_value") - pv).abs() < 1e-12);
        assert!(
            (num(&v, "progress_value") - 0.010260).abs() < 5e-7,
            "table: 0.010260"
        );
        // 0.005 <= v < 0.015: 250 v − 1.25.
        assert!((num(&v, "score") - (250.0 * pv - 1.25)).abs() < 1e-9);
        assert!((num(&v, "score") - 1.315).abs() < 5e-4, "table: 1.315");
        assert_eq!(v["status"], "moderate_progress");
        assert_eq!(num(&v, "base_year"), 2018.0);
    }
}

#[test]
fn progress_case_c_with_a_natural_limit() {
    let v = progress(
        "case-c.csv",
        "Year,Value\n2020,95\n2024,96\n",
        &[
            "--base-year",
            "2020",
            "--direction",
            "positive",
            "--limit",
            "100",
        ],
    );
    // b = 95 <= l = 100: C = 1 − 0.95^4.44 = 0.20367; thresholds 0.015 C =
    // 0.3055 % and 0.005 C = 0.1018 %.
    let c = 1.0 - 0.95f64.powf(4.44);
    assert!((c - 0.20367).abs() < 5e-6);
    let pv = cagr(95.0, 2020, 96.0, 2024);
    assert!((num(&v, "progress_value") - pv).abs() < 1e-12);
    assert!(
        (num(&v, "progress_value") - 0.0026213).abs() < 5e-8,
        "table: 0.0026213"
    );
    assert!(pv >= 0.005 * c && pv < 0.015 * c);
    assert!((num(&v, "score") - score_without_target(pv, c)).abs() < 1e-9);
    assert!((num(&v, "score") - 1.968).abs() < 5e-4, "table: 1.968");
    assert_eq!(v["status"], "moderate_progress");
}

#[test]
fn progress_defaults_are_open_sdgs() {
    // Base year 2015 by default: 2015 has no value, so the first year after
    // it (2016), not the first year of the file (2010). Direction negative:
    // a rise is deterioration. v = −(1.02^(1/4) − 1) < 0 → max(125 v − 2.5, −5).
    let v = progress(
        "defaults-base.csv",
        "Year,Value\n2010,30\n2016,20\n2020,20.4\n",
        &[],
    );
    assert_eq!(num(&v, "base_year"), 2016.0);
    let pv = -cagr(20.0, 2016, 20.4, 2020);
    assert!((num(&v, "progress_value") - pv).abs() < 1e-12);
    assert!((num(&v, "score") - (125.0 * pv - 2.5)).abs() < 1e-9);
    assert_eq!(v["status"], "deterioration");

    // Target year 2030 by default: R = −CAGR_o / |CAGR_T| with CAGR_T over
    // 2015..2030 = 0.4617 (with 2035 it would be 0.612, moderate).
    let v = progress(
        "defaults-target-year.csv",
        "Year,Value\n2015,100\n2020,90\n",
        &["--target", "50"],
    );
    let r = -cagr(100.0, 2015, 90.0, 2020) / cagr(100.0, 2015, 50.0, 2030).abs();
    assert!((num(&v, "progress_value") - r).abs() < 1e-12, "{v}");
    assert!((num(&v, "score") - score_with_target(r)).abs() < 1e-9);
    assert_eq!(v["status"], "limited_progress");
}

#[test]
fn progress_ignores_disaggregated_rows_and_drops_rows_without_a_value() {
    // Case C again, with a breakdown by sex (not the headline: ignored) and
    // headline rows without a value (dropped). Were the 2025 "M" row used,
    // the current year would be 2025; were the empty 2026 row kept, there
    // would be no number to read.
    let csv = "Year,Sex,Value\n2020,,95\n2021,F,1\n2022,,\n2024,,96\n2025,M,300\n2026,,\n";
    let v = progress(
        "disaggregated.csv",
        csv,
        &[
            "--base-year",
            "2020",
            "--direction",
            "positive",
            "--limit",
            "100",
        ],
    );
    assert_eq!(num(&v, "current_year"), 2024.0);
    assert!((num(&v, "progress_value") - cagr(95.0, 2020, 96.0, 2024)).abs() < 1e-12);
    assert_eq!(v["status"], "moderate_progress");
}

#[test]
fn progress_names_the_line_and_column_of_a_bad_number() {
    for (name, csv, column) in [
        ("bad-value.csv", "Year,Value\n2020,95\n2024,9x6\n", "Value"),
        ("bad-year.csv", "Year,Value\n2020,95\n20x4,96\n", "Year"),
    ] {
        let file = scratch(name, csv.as_bytes());
        let file = file.to_str().unwrap();
        let r = koers(&["progress", file]);
        // Invalid data: exit code 1 (2 is for what cannot be read).
        assert_eq!(r.code, 1, "{name}: {}", r.stderr);
        assert!(
            r.stderr.contains(&format!("{file}:3: column {column}:")),
            "{name}: {}",
            r.stderr
        );
        assert!(r.stdout.is_empty(), "{name}: {}", r.stdout);
    }
}

// ---------------------------------------------------------------------------
// Open SDG data files, in the layouts Open SDG data repositories use. Each
// answer is Open SDG's (sdg-build `SeriesProgress`): the rows it selects,
// then methodology 1a's formulas, written out here.

fn fixture(name: &str) -> String {
    format!("{FIXTURES}/{name}")
}

/// `koers progress` on a fixture: exit 0 and its JSON.
fn run_fixture(name: &str, flags: &[&str]) -> Value {
    let file = fixture(name);
    let mut args = vec!["progress", file.as_str()];
    args.extend_from_slice(flags);
    let r = koers(&args);
    assert_eq!(r.code, 0, "{name}: {}", r.stderr);
    serde_json::from_str(&r.stdout).expect("progress prints JSON")
}

/// `koers progress` on a fixture that must be refused: its exit code and
/// message.
fn refused(name: &str, flags: &[&str]) -> (i32, String) {
    let file = fixture(name);
    let mut args = vec!["progress", file.as_str()];
    args.extend_from_slice(flags);
    let r = koers(&args);
    assert_ne!(r.code, 0, "{name}: {}", r.stdout);
    assert!(r.stdout.is_empty(), "{name}: {}", r.stdout);
    (r.code, r.stderr)
}

#[test]
fn filled_geocode_units_series_and_observation_status_keep_the_headline() {
    // GeoCode, Observation status, Unit multiplier and COMMENT_OBS are
    // dropped; Series and Units hold one value each; the headline is the
    // rows without Sex: 2014 52, 2015 50, 2017 49, 2020 47. Base 2015,
    // direction negative, no target: v = -((47/50)^(1/5) - 1) = 0.012299,
    // moderate (0.005 <= v < 0.015), score 250 v - 1.25 = 1.8247.
    let v = run_fixture("filled-columns.csv", &[]);
    let pv = -(cagr(50.0, 2015, 47.0, 2020));
    assert!((num(&v, "progress_value") - pv).abs() < 1e-12);
    assert!((num(&v, "score") - (250.0 * pv - 1.25)).abs() < 1e-9);
    assert!((num(&v, "score") - 1.8247).abs() < 5e-4);
    assert_eq!(v["status"], "moderate_progress");
    assert_eq!(v["reason"], Value::Null);
    assert_eq!(v["series"][0]["rows"], 4);
}

#[test]
fn na_tokens_are_missing_in_every_column() {
    // Sex NA, N/A, null, <NA>, None, nan, n/a: headline; " NA" is text (the
    // 999 row is a breakdown). Values NA, empty, #N/A, NULL: dropped. So
    // 2015 100, 2018 104, 2020 110. Target 150 in 2030, positive:
    // R = (1.1^(1/5) - 1) / (1.5^(1/15) - 1) = 0.70238, moderate,
    // score 7.1429 R - 4.2857 = 0.7313.
    let v = run_fixture(
        "na-tokens.csv",
        &["--target", "150", "--direction", "positive"],
    );
    let r = cagr(100.0, 2015, 110.0, 2020) / cagr(100.0, 2015, 150.0, 2030).abs();
    assert!((num(&v, "progress_value") - r).abs() < 1e-12);
    assert!((num(&v, "score") - score_with_target(r)).abs() < 1e-9);
    assert!((num(&v, "score") - 0.7313).abs() < 5e-4);
    assert_eq!(v["status"], "moderate_progress");
    assert_eq!(num(&v, "current_year"), 2020.0);
}

#[test]
fn fiscal_years_are_read_as_their_first_year_and_said_so() {
    // sdg-build: any year longer than four characters, so every year is its
    // first four: 2013, 2014, 2015, (2017 without a value), 2019. Base 2015
    // = 82, current 2019 = 84, negative: v = -((84/82)^(1/4) - 1) =
    // -0.006043 < 0: deterioration, score 125 v - 2.5 = -3.2553.
    for name in ["fiscal-years.csv", "fiscal-years-dash.csv"] {
        let v = run_fixture(name, &[]);
        let pv = -cagr(82.0, 2015, 84.0, 2019);
        assert!(
            (num(&v, "score") - (125.0 * pv - 2.5)).abs() < 1e-9,
            "{name}"
        );
        assert_eq!(v["status"], "deterioration", "{name}");
        assert_eq!(
            (num(&v, "base_year"), num(&v, "current_year")),
            (2015.0, 2019.0)
        );
        let w = v["series"][0]["warnings"].to_string();
        assert!(w.contains("first four characters"), "{name}: {w}");
    }
    // FY2016: "FY20" is no integer; Open SDG stops, koers refuses there.
    let (code, msg) = refused("fiscal-years-fy.csv", &[]);
    assert_eq!(code, 1);
    assert!(msg.contains("fiscal-years-fy.csv:3: column Year:"), "{msg}");
}

#[test]
fn several_units_or_series_are_refused_until_one_is_chosen() {
    let (code, msg) = refused("several-units.csv", &[]);
    assert_eq!(code, 1);
    assert!(msg.contains("several-units.csv:2: column Units:"), "{msg}");
    assert!(
        msg.contains("line 3") && msg.contains("sub-series"),
        "{msg}"
    );
    let (code, msg) = refused("several-series.csv", &[]);
    assert_eq!(code, 1);
    assert!(msg.contains("column Series:"), "{msg}");
    // --unit Percent: 20 -> 20.5, positive: v = 1.025^(1/5) - 1 =
    // 0.0049507 < 0.005: limited, score 500 v - 2.5 = -0.0246.
    let v = run_fixture(
        "several-units.csv",
        &["--unit", "Percent", "--direction", "positive"],
    );
    let pv = cagr(20.0, 2015, 20.5, 2020);
    assert!((num(&v, "score") - (500.0 * pv - 2.5)).abs() < 1e-9);
    assert_eq!(v["status"], "limited_progress");
    // --series SL_TLF_UEM: 6.9 -> 3.8, negative: v = 0.11246 >= 0.015,
    // score min(500 v - 5, 5) = 5.
    let v = run_fixture("several-series.csv", &["--series", "SL_TLF_UEM"]);
    assert_eq!(v["status"], "substantial_progress");
    assert_eq!(num(&v, "score"), 5.0);
}

#[test]
fn disaggregations_only_is_not_available_with_the_reason() {
    let v = run_fixture("disaggregations-only.csv", &[]);
    assert_eq!(v["status"], "not_available");
    assert_eq!(v["reason"], "no_headline");
    assert!(v["reason_text"]
        .as_str()
        .unwrap()
        .contains("line 2, column Sex"));
    assert_eq!(v["indicator"]["status"], "not_available");
    let r = koers(&[
        "progress",
        &fixture("disaggregations-only.csv"),
        "--format",
        "text",
    ]);
    assert_eq!(r.code, 0);
    assert!(
        r.stdout.contains("not_available: no headline rows"),
        "{}",
        r.stdout
    );
    // Sex = Male (one Age): 14 -> 13.5, negative: v = 0.0072471,
    // moderate, 250 v - 1.25 = 0.5618.
    let v = run_fixture(
        "disaggregations-only.csv",
        &["--disaggregation", "Sex=Male"],
    );
    let pv = -cagr(14.0, 2015, 13.5, 2020);
    assert!((num(&v, "score") - (250.0 * pv - 1.25)).abs() < 1e-9);
    assert_eq!(v["series"][0]["tag"], "Male");
}

#[test]
fn not_utf8_is_refused_with_its_line_and_bom_crlf_are_read() {
    let (code, msg) = refused("not-utf8.csv", &[]);
    assert_eq!(code, 2);
    assert!(
        msg.contains("not-utf8.csv:3:") && msg.contains("UTF-8"),
        "{msg}"
    );
    // Case B's numbers behind a BOM, with CRLF line ends.
    let v = run_fixture("bom-crlf.csv", &[]);
    assert!((num(&v, "score") - 1.315).abs() < 5e-4);
    assert_eq!(v["status"], "moderate_progress");
}

#[test]
fn an_indicator_config_gives_each_series_and_the_mean() {
    // Percent: target 80 in 2030, positive: R = (1.1^(1/5) - 1) /
    // ((80/60)^(1/15) - 1) = 0.99385 >= 0.95: substantial, score
    // 7.1429 R - 4.2857 = 2.8133. Number: negative, no target, high 0.008:
    // v = -((1150/1200)^(1/5) - 1) = 0.0084758 >= 0.008: substantial (it
    // would be moderate by default), score 500 v - 5 = -0.7621. The
    // indicator: mean 1.0256, moderate; target achieved by neither.
    let v = run_fixture(
        "indicator-two-series.csv",
        &["--config", &fixture("indicator-two-series.yml")],
    );
    let r = cagr(60.0, 2015, 66.0, 2020) / cagr(60.0, 2015, 80.0, 2030).abs();
    let s1 = score_with_target(r);
    let pv = -cagr(1200.0, 2015, 1150.0, 2020);
    let s2 = 500.0 * pv - 5.0;
    let series = v["series"].as_array().unwrap();
    assert_eq!(series.len(), 2);
    assert_eq!(series[0]["tag"], "Percent");
    assert!((num(&series[0], "score") - s1).abs() < 1e-9);
    assert_eq!(series[1]["status"], "substantial_progress");
    assert!((num(&series[1], "score") - s2).abs() < 1e-9);
    let ind = &v["indicator"];
    assert!((num(ind, "score") - (s1 + s2) / 2.0).abs() < 1e-9);
    assert!((num(ind, "score") - 1.0256).abs() < 5e-4);
    assert_eq!(ind["status"], "moderate_progress");
    assert_eq!(ind["target_achieved"], false);
    // Several series: no single series at the top level.
    assert!(v.get("progress_value").is_none());

    // The calculation switched off: the status given by hand, or none.
    let off = scratch(
        "off.yml",
        b"auto_progress_calculation: false\nprogress_status: target_achieved\n",
    );
    let v = run_fixture(
        "indicator-two-series.csv",
        &["--config", off.to_str().unwrap()],
    );
    assert_eq!(v["indicator"]["status"], "target_achieved");
    assert_eq!(v["indicator"]["reason"], "progress_status_given");
    let off = scratch("off-none.yml", b"reporting_status: complete\n");
    let v = run_fixture(
        "indicator-two-series.csv",
        &["--config", off.to_str().unwrap()],
    );
    assert_eq!(v["indicator"]["status"], "not_available");
    assert_eq!(v["indicator"]["reason"], "auto_progress_calculation_off");
}

#[test]
fn bad_configs_and_flags_are_refused_with_where() {
    let data = fixture("indicator-two-series.csv");
    let bad = scratch(
        "bad.yml",
        b"auto_progress_calculation: true\nprogress_calculation_options:\n- unit: Percent\n  direction: up\n",
    );
    let r = koers(&["progress", &data, "--config", bad.to_str().unwrap()]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains(
            "progress_calculation_options[0].direction: 'up' is not positive or negative"
        ),
        "{}",
        r.stderr
    );
    let broken = scratch("broken.yml", b"auto_progress_calculation: [true\n");
    let r = koers(&["progress", &data, "--config", broken.to_str().unwrap()]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("broken.yml:2:"), "{}", r.stderr);
    let r = koers(&["progress", &data, "--config", "no/such.yml"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    let r = koers(&[
        "progress",
        &data,
        "--config",
        &fixture("indicator-two-series.yml"),
        "--target",
        "3",
    ]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    let r = koers(&["progress", &data, "--disaggregation", "Sex"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    // Thresholds from the flags: case B with high 0.01 is substantial.
    let b = scratch("case-b-thr.csv", b"Year,Value\n2018,50\n2024,47\n");
    let r = koers(&["progress", b.to_str().unwrap(), "--threshold-high", "0.01"]);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["status"], "substantial_progress");
}

#[test]
fn every_not_available_says_why() {
    // Base year after the last observation; one year only.
    for (name, csv, flags, reason) in [
        (
            "late-base.csv",
            "Year,Value\n2010,5\n2012,6\n",
            &[][..],
            "no_base_year",
        ),
        (
            "one-year.csv",
            "Year,Value\n2016,5\n",
            &[][..],
            "too_few_years",
        ),
        ("no-rows.csv", "Year,Sex,Value\n", &[][..], "no_data"),
    ] {
        let f = scratch(name, csv.as_bytes());
        let mut args = vec!["progress", f.to_str().unwrap()];
        args.extend_from_slice(flags);
        let r = koers(&args);
        assert_eq!(r.code, 0, "{name}: {}", r.stderr);
        let v: Value = serde_json::from_str(&r.stdout).unwrap();
        assert_eq!(v["status"], "not_available", "{name}");
        assert_eq!(v["reason"], reason, "{name}");
        assert!(v["reason_text"].is_string(), "{name}");
        args.extend_from_slice(&["--format", "text"]);
        let r = koers(&args);
        let text = v["reason_text"].as_str().unwrap();
        assert!(r.stdout.contains(text), "{name}: {}", r.stdout);
    }
}
