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

/// The shipped vision over the files `koers publish` writes for the
/// dashboard, loaded as the dashboard loads them.
fn published_base() -> &'static koers_core::model::Dataset<'static> {
    let out = std::env::temp_dir().join(format!(
        "koers-published-{}-{:?}",
        std::process::id(),
        std::thread::current().id()
    ));
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
    Box::leak(
        koers_wasm::data::load_base(Some(vision), Some(figures)).expect("the published files load"),
    )
}

/// Every page of the dashboard for the shipped vision and its published
/// figures, as its words (one block to a line, numbers as the page writes
/// them): the overview in both languages, each
/// priority, target and indicator, the money, method, data and scenario
/// pages. A number, status or sentence changed on any page shows here.
#[test]
fn the_dashboards_pages() {
    use koers_core::model::Lang;
    use koers_wasm::{app::App, data::UserData, route::Route};
    let base = published_base();
    let mut routes = vec![(Route::Overview, Lang::Nl), (Route::Overview, Lang::En)];
    routes.extend(
        base.priorities
            .iter()
            .map(|p| (Route::Priority(p.id.into()), Lang::Nl)),
    );
    routes.extend(
        base.targets
            .iter()
            .map(|t| (Route::Target(t.id.into()), Lang::Nl)),
    );
    routes.extend(
        base.indicators
            .iter()
            .map(|x| (Route::Indicator(x.id.into()), Lang::Nl)),
    );
    for r in [Route::Money, Route::Method, Route::Data, Route::Scenario] {
        routes.push((r, Lang::Nl));
    }
    let mut got = String::new();
    for (route, lang) in routes {
        let heading = format!("## {} ({lang:?})\n", route.hash());
        let app = App::new(base, lang, route, UserData::default());
        got.push_str(&heading);
        got.push_str(&koers_wasm::page_text(&app));
        got.push_str("\n\n");
    }
    compare("pages-2026.txt", &got);
}

/// Every data table of the dashboard (each target's and indicator's
/// figures, each priority's targets, the investment windows, the revolving
/// model, the explorer's money), as the dashboard builds them over the
/// published files and downloads them as CSV: numbers unformatted.
#[test]
fn the_dashboards_tables() {
    use koers_wasm::{app::App, data, route::Route, tables};
    let base = published_base();
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
