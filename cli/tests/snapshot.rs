//! Snapshots of the presentation model as the CLI lays it out: the report
//! of the shipped vision with its shipped figures, as of 2026, in Markdown
//! (Dutch) and in JSON. A changed number, status or sentence anywhere in
//! the report shows here as a diff to read and accept:
//! `KOERS_UPDATE_SNAPSHOTS=1 cargo test -p koers-cli --test snapshot`
//! writes the new text; review it with `git diff cli/tests/snapshots`.
//!
//! The dashboard's data tables come from the same presentation model: they
//! are snapshotted here too, as the CSV the dashboard downloads, over the
//! files `koers publish` writes for it (`tables-2026.nl.csv.txt`).

use std::path::Path;
use std::process::Command;

const KOERS: &str = env!("CARGO_BIN_EXE_koers");
const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/..");

/// What `koers ARGS` prints, run from the repository's root.
fn run(args: &[&str]) -> String {
    let out = Command::new(KOERS)
        .args(args)
        .current_dir(ROOT)
        .output()
        .expect("koers runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

fn check(name: &str, args: &[&str]) {
    compare(name, &run(args));
}

/// `got` against the snapshot `name` (or written there, when updating).
fn compare(name: &str, got: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(name);
    if std::env::var_os("KOERS_UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, got).unwrap();
        return;
    }
    let want = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; write it with KOERS_UPDATE_SNAPSHOTS=1",
            path.display()
        )
    });
    if got != want {
        let line = got
            .lines()
            .zip(want.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(got.lines().count().min(want.lines().count()));
        panic!(
            "{} differs from the report, first at line {}:\n  now:      {:?}\n  snapshot: {:?}\n\
             if the change is meant, run KOERS_UPDATE_SNAPSHOTS=1 cargo test -p koers-cli --test snapshot",
            path.display(),
            line + 1,
            got.lines().nth(line),
            want.lines().nth(line)
        );
    }
}

#[test]
fn the_report_in_dutch() {
    check(
        "report-2026.nl.md",
        &[
            "report",
            "--figures",
            "data/figures",
            "--year",
            "2026",
            "--lang",
            "nl",
        ],
    );
}

#[test]
fn the_report_as_json() {
    check(
        "report-2026.json",
        &[
            "report",
            "--figures",
            "data/figures",
            "--year",
            "2026",
            "--format",
            "json",
        ],
    );
}

/// Every data table of the dashboard (each target's and indicator's
/// figures, each priority's targets, the investment windows, the revolving
/// model, the explorer's money), as the dashboard builds them over the
/// published files and downloads them as CSV: numbers unformatted.
#[test]
fn the_dashboards_tables() {
    use koers_wasm::{app::App, data, route::Route, tables};
    let out = std::env::temp_dir().join(format!("koers-tables-{}", std::process::id()));
    let out_s = out.to_str().expect("a UTF-8 temporary path");
    run(&[
        "publish",
        "--vision",
        "data/semicon-visie-2035.json",
        "--figures",
        "data/figures",
        "--out",
        out_s,
    ]);
    let read = |f: &str| -> &'static str {
        Box::leak(
            std::fs::read_to_string(out.join(f))
                .expect("published")
                .into_boxed_str(),
        )
    };
    let (vision, figures) = (read("vision.json"), read("figures.json"));
    std::fs::remove_dir_all(&out).ok();
    let base =
        Box::leak(data::load_base(Some(vision), Some(figures)).expect("the published files load"));
    let lang = koers_core::model::Lang::Nl;
    let app = App::new(base, lang, Route::Overview, data::UserData::default());
    let mut got = String::new();
    let mut put = |what: &str, t: &tables::Table| {
        got.push_str(&format!("## {} {what}\n{}\n", t.id, t.csv(lang)));
    };
    for p in base.priorities.iter() {
        put(p.id, &tables::priority_targets(&app, lang, p.id));
    }
    for (k, t) in base.targets.iter().enumerate() {
        put(t.id, &tables::target_figures(&app, lang, k));
    }
    for (k, x) in base.indicators.iter().enumerate() {
        put(x.id, &tables::indicator_figures(&app, lang, k));
    }
    put("", &tables::windows(&app, lang));
    put(
        "",
        &tables::revolving(&app).expect("the vision has a revolving window"),
    );
    put("", &tables::scenario_money(&app));
    compare("tables-2026.nl.csv.txt", &got);
}
