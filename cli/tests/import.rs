//! `koers import`, run as a user runs it on the SDMX-CSV and StatLine
//! fixtures in `tests/fixtures/import` (invented numbers in the publishers'
//! layouts): the listing, the mapping by flags and by file, and the
//! all-or-nothing rule with the file, line and column of every problem.
//!
//! Expected values are the fixtures' own cells, read off the files.

mod common;

use common::{Run, KOERS, ROOT};
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

const DIR: &str = "tests/fixtures/import";

/// `koers import ARGS`.
fn koers(args: &[&str]) -> Run {
    let mut all = vec!["import"];
    all.extend_from_slice(args);
    common::koers(&all)
}

fn fixture(name: &str) -> String {
    format!("{DIR}/{name}")
}

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("koers-import-tests")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// (subject, year, value, provisional, note) of a figures file.
fn figures(json: &str) -> Vec<(String, i64, f64, bool, String)> {
    let v: Value = serde_json::from_str(json).unwrap();
    assert_eq!(v["format"], "koers-figures");
    v["observations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| {
            (
                o["subject"].as_str().unwrap().to_string(),
                o["year"].as_i64().unwrap(),
                o["value"].as_f64().unwrap(),
                o["provisional"].as_bool().unwrap_or(false),
                o["note"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

#[test]
fn without_a_mapping_the_series_are_listed() {
    let r = koers(&[&fixture("eurostat-plain.csv")]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("SDMX-CSV, 2 series"), "{}", r.stdout);
    assert!(r.stdout.contains("  1  A.PC_GDP.TOTAL.NL\n"));
    assert!(r
        .stdout
        .contains("4 years 2019–2022; 1 provisional; 1 estimated; 1 without a value"));
    assert!(r.stdout.contains("  2  A.PC_GDP.BES.NL\n"));

    let r = koers(&[&fixture("oecd-labelled.csv")]);
    assert!(
        r.stdout.contains("SDMX-CSV (labelled), 3 series"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains(
        "NLD.A.B.EUR  (Netherlands, Annual, Business enterprise expenditure on R&D, Euro)"
    ));
    assert!(r
        .stdout
        .contains("no yearly values; 1 quarterly/monthly rows skipped"));

    let r = koers(&[&fixture("statline-codes.csv")]);
    assert!(
        r.stdout.contains("CBS StatLine CSV, 4 series"),
        "{}",
        r.stdout
    );
    assert!(r
        .stdout
        .contains("  2  T001081 | Werkzame personen (x 1 000)\n"));

    let r = koers(&[&fixture("statline-labels.csv")]);
    assert!(
        r.stdout.contains("4 years 2021–2024; 2 provisional"),
        "{}",
        r.stdout
    );
}

#[test]
fn a_mapped_sdmx_series_becomes_figures_with_its_flags() {
    let r = koers(&[
        &fixture("eurostat-plain.csv"),
        "--subject",
        "T-P2-rd-3pct-bbp-2030",
        "--series",
        "A.PC_GDP.TOTAL.NL",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let t = "T-P2-rd-3pct-bbp-2030".to_string();
    assert_eq!(
        figures(&r.stdout),
        [
            (t.clone(), 2019, 2.11, false, "".into()),
            (t.clone(), 2020, 2.24, false, "".into()),
            (t.clone(), 2021, 2.19, false, "estimated (flag e)".into()),
            (t.clone(), 2022, 2.27, true, "".into()),
        ]
    );
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(
        v["observations"][0]["source"],
        "Eurostat ESTAT:RD_E_GERDTOT(1.0), series A.PC_GDP.TOTAL.NL"
    );
}

#[test]
fn a_mapping_file_with_scales_and_the_output_loads_back() {
    let dir = scratch("mapping");
    let mapping = dir.join("mapping.json");
    std::fs::write(
        &mapping,
        r#"{"source": "CBS StatLine (fictief)", "series": [
  {"subject": "I-P5-vraag-naar-talent", "series": "T001081 | Vacatures (x 1 000)", "scale": 3},
  {"subject": "I-P5-llo-deelnemers", "series": "4", "scale": 3}
]}"#,
    )
    .unwrap();
    let out = dir.join("figures.json");
    let r = koers(&[
        &fixture("statline-codes.csv"),
        "--mapping",
        mapping.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let text = std::fs::read_to_string(&out).unwrap();
    let f = figures(&text);
    let v = |s: &str, y: i64| f.iter().find(|o| o.0 == s && o.1 == y).map(|o| o.2);
    assert_eq!(f.len(), 5);
    assert_eq!(v("I-P5-vraag-naar-talent", 2021), Some(92_500.0));
    assert_eq!(v("I-P5-vraag-naar-talent", 2023), Some(101_900.0));
    assert_eq!(v("I-P5-llo-deelnemers", 2023), Some(820_400.0));
    let o: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(o["observations"][0]["source"], "CBS StatLine (fictief)");
    // What import writes, check reads over the vision.
    let c = Command::new(KOERS)
        .args(["check", "data/semicon-visie-2035.json", "--figures"])
        .arg(&out)
        .current_dir(ROOT)
        .output()
        .unwrap();
    assert!(c.status.success(), "{}", String::from_utf8_lossy(&c.stderr));
}

#[test]
fn provisional_stars_carry_over() {
    let r = koers(&[
        &fixture("statline-labels.csv"),
        "--subject",
        "I-P5-vraag-naar-talent",
        "--series",
        "1",
        "--scale",
        "3",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let s = "I-P5-vraag-naar-talent".to_string();
    assert_eq!(
        figures(&r.stdout),
        [
            (s.clone(), 2021, 92_500.0, false, "".into()),
            (s.clone(), 2022, 108_400.0, false, "".into()),
            (s.clone(), 2023, 101_900.0, true, "".into()),
            (
                s.clone(),
                2024,
                97_000.0,
                true,
                "further provisional (**)".into()
            ),
        ]
    );
}

#[test]
fn broken_files_are_refused_with_line_and_column_and_nothing_written() {
    let dir = scratch("broken");
    let out = dir.join("figures.json");
    std::fs::write(&out, "old").unwrap();
    for (file, msg) in [
        (
            "sdmx-broken.csv",
            "sdmx-broken.csv:4: column OBS_VALUE: not a number",
        ),
        (
            "statline-broken.csv",
            "statline-broken.csv:4: column Perioden: not a year, quarter, month or half-year",
        ),
    ] {
        let r = koers(&[
            &fixture(file),
            "--subject",
            "T-P2-rd-3pct-bbp-2030",
            "--series",
            "1",
            "--out",
            out.to_str().unwrap(),
        ]);
        assert_eq!(r.code, 1, "{file}: {}", r.stderr);
        assert!(r.stderr.contains(msg), "{file}: {}", r.stderr);
        assert!(r.stderr.contains("nothing imported"));
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "old");
    }
}

#[test]
fn clashes_with_published_figures_and_the_vision_are_refused() {
    // The shipped figures have 2019..2022 for this target.
    let r = koers(&[
        &fixture("eurostat-plain.csv"),
        "--subject",
        "T-P2-rd-3pct-bbp-2030",
        "--series",
        "1",
        "--figures",
        "data/figures",
    ]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains(
            "eurostat-plain.csv:2: T-P2-rd-3pct-bbp-2030 2019: year: a second observation"
        ),
        "{}",
        r.stderr
    );
    assert!(r.stdout.is_empty());
    let r = koers(&[
        &fixture("eurostat-plain.csv"),
        "--subject",
        "T-nothing",
        "--series",
        "1",
    ]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr
            .contains("eurostat-plain.csv:2: T-nothing 2019: subject"),
        "{}",
        r.stderr
    );
    let r = koers(&[
        &fixture("eurostat-plain.csv"),
        "--subject",
        "T-P2-rd-3pct-bbp-2030",
        "--series",
        "A.X",
    ]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("no series 'A.X'"), "{}", r.stderr);
    let r = koers(&[
        &fixture("oecd-labelled.csv"),
        "--subject",
        "I-P2-rd-intensiteit",
        "--series",
        "2",
    ]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr
            .contains("oecd-labelled.csv:6: series 'NLD.Q.B.EUR'"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("has no yearly values"));
}

#[test]
fn unreadable_files_and_bad_mappings() {
    assert_eq!(koers(&["no/such/file.csv"]).code, 2);
    let r = koers(&["README.md"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("README.md:1: neither SDMX-CSV"));
    let dir = scratch("bad-mapping");
    let m = dir.join("m.json");
    std::fs::write(
        &m,
        "{\"series\": [\n {\"subject\": \"x\", \"serie\": \"1\"}]}",
    )
    .unwrap();
    let r = koers(&[
        &fixture("eurostat-plain.csv"),
        "--mapping",
        m.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("m.json:2:"), "{}", r.stderr);
    assert!(r.stderr.contains("unknown field `serie`"), "{}", r.stderr);
    let r = koers(&[&fixture("eurostat-plain.csv"), "--series", "1"]);
    assert_eq!(r.code, 2);
}

#[test]
fn a_series_mapped_as_a_breakdown_sits_beside_the_published_headline() {
    // The shipped figures have this target's headline for 2019..2021; a
    // breakdown of those years is no clash, and the report's latest figure
    // stays the headline's.
    let dir = scratch("breakdown");
    let out = dir.join("bes.json");
    let r = koers(&[
        &fixture("eurostat-plain.csv"),
        "--subject",
        "T-P2-rd-3pct-bbp-2030",
        "--series",
        "A.PC_GDP.BES.NL",
        "--breakdown",
        "sectperf: BES",
        "--figures",
        "data/figures",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let obs = v["observations"].as_array().unwrap();
    assert_eq!(obs.len(), 3);
    assert!(obs.iter().all(|o| o["breakdown"] == "sectperf: BES"));
    // The same breakdown twice is a clash, named by its line.
    let r = koers(&[
        &fixture("eurostat-plain.csv"),
        "--subject",
        "T-P2-rd-3pct-bbp-2030",
        "--series",
        "2",
        "--breakdown",
        "sectperf: BES",
        "--figures",
        "data/figures",
        "--figures",
        out.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains(
            "eurostat-plain.csv:7: T-P2-rd-3pct-bbp-2030 2019: year: a second observation"
        ),
        "{}",
        r.stderr
    );
    let report = Command::new(KOERS)
        .args([
            "report",
            "--lang",
            "en",
            "--year",
            "2025",
            "--figures",
            "data/figures",
            "--figures",
        ])
        .arg(&out)
        .current_dir(ROOT)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&report.stdout);
    assert!(report.status.success());
    assert!(
        text.contains("**T-P2-rd-3pct-bbp-2030** latest published figure: 2023"),
        "{text}"
    );
}
