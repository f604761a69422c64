//! Snapshots of the presentation model as the CLI lays it out: the report
//! of the shipped vision with its shipped figures, as of 2026, in Markdown
//! (Dutch) and in JSON. A changed number, status or sentence anywhere in
//! the report shows here as a diff to read and accept:
//! `KOERS_UPDATE_SNAPSHOTS=1 cargo test -p koers-cli --test snapshot`
//! writes the new text; review it with `git diff cli/tests/snapshots`.

use std::path::Path;
use std::process::Command;

const KOERS: &str = env!("CARGO_BIN_EXE_koers");
const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/..");

fn check(name: &str, args: &[&str]) {
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
    let got = String::from_utf8(out.stdout).expect("UTF-8");
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(name);
    if std::env::var_os("KOERS_UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, &got).unwrap();
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
