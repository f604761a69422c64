//! The `koers` command line, run as a user runs it: exit codes, messages
//! that name the file, line and JSON path, and reports that hold the whole
//! vision (`koers progress`: tests/progress.rs).
//!
//! Expected values come from the data file read here with serde_json, from
//! hand-made broken copies whose faulty line is known, and from the
//! methodology's formulas written out below: never from koers's own output.

mod common;

use common::{koers, KOERS, ROOT};
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

const DATA: &str = "data/semicon-visie-2035.json";

/// A scratch file for one test.
fn scratch(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("koers-cli-tests");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn data_json() -> Value {
    let text = std::fs::read_to_string(Path::new(ROOT).join(DATA)).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn pretty(v: &Value) -> String {
    serde_json::to_string_pretty(v).unwrap()
}

/// The 1-based line of the `n`th (0-based) line containing `needle`.
fn line_of(text: &str, needle: &str, n: usize) -> usize {
    text.lines()
        .enumerate()
        .filter(|(_, l)| l.contains(needle))
        .nth(n)
        .map(|(i, _)| i + 1)
        .unwrap_or_else(|| panic!("{needle:?} not found {n} times"))
}

// ---------------------------------------------------------------------------
// koers check

#[test]
fn check_accepts_the_shipped_vision() {
    let r = koers(&["check", DATA]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.starts_with(&format!("{DATA}: ok")), "{}", r.stdout);
    let v = data_json();
    for (table, words) in [
        ("priorities", "priorities"),
        ("objectives", "objectives"),
        ("focus_areas", "focus areas"),
        ("targets", "targets"),
        ("indicators", "indicators"),
        ("windows", "investment windows"),
        ("figures", "figures"),
    ] {
        let n = v[table].as_array().map_or(0, Vec::len);
        assert!(
            r.stdout.contains(&format!(" {n} {words}")),
            "{n} {words} not in {}",
            r.stdout
        );
    }
}

/// Exit code 1 (the data has errors) and one message naming the file, the
/// line and the JSON path.
fn assert_data_error(name: &str, text: &str, line: usize, path: &str) {
    let file = scratch(name, text.as_bytes());
    let file = file.to_str().unwrap();
    let r = koers(&["check", file]);
    assert_eq!(r.code, 1, "{name}: {}", r.stderr);
    let want = format!("{file}:{line}: {path}");
    assert!(
        r.stderr.contains(&want),
        "{name}: expected {want:?} in:\n{}",
        r.stderr
    );
    assert!(!r.stdout.contains("ok"), "{name}: {}", r.stdout);
}

#[test]
fn check_names_file_line_and_path_of_a_wrong_type() {
    let mut v = data_json();
    v["targets"][3]["headline"] = "yes".into();
    let text = pretty(&v);
    let line = line_of(&text, "\"headline\": \"yes\"", 0);
    assert_data_error("wrong-type.json", &text, line, "targets[3].headline");
}

#[test]
fn check_names_a_duplicate_id() {
    let mut v = data_json();
    let id = v["targets"][2]["id"].as_str().unwrap().to_string();
    v["targets"][4]["id"] = id.clone().into();
    let text = pretty(&v);
    // The second item with that id is the duplicate.
    let line = line_of(&text, &format!("\"id\": \"{id}\""), 1);
    assert_data_error("duplicate-id.json", &text, line, "targets[4].id");
}

#[test]
fn check_names_an_unknown_key() {
    let mut v = data_json();
    v["targets"][1]["colour"] = "red".into();
    let text = pretty(&v);
    let line = line_of(&text, "\"colour\"", 0);
    assert_data_error("unknown-key.json", &text, line, "targets[1].colour");
}

#[test]
fn check_names_where_a_truncated_file_ends() {
    let text = pretty(&data_json());
    // Cut inside the third window, after its name.
    let third = line_of(&text, "\"id\": \"W-", 2);
    let keep: Vec<&str> = text.lines().take(third + 3).collect();
    let cut = keep.join("\n");
    let file = scratch("truncated.json", cut.as_bytes());
    let file = file.to_str().unwrap();
    let r = koers(&["check", file]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("windows[2]"), "{}", r.stderr);
    assert!(r.stderr.contains("ends too early"), "{}", r.stderr);
    // The line is within the cut window.
    let at = r
        .stderr
        .lines()
        .find_map(|l| {
            l.strip_prefix(&format!("{file}:"))?
                .split(':')
                .next()?
                .parse::<usize>()
                .ok()
        })
        .unwrap_or_else(|| panic!("no {file}:LINE: in {}", r.stderr));
    assert!(
        (third - 1..=keep.len()).contains(&at),
        "line {at}, window starts at {third}"
    );
}

#[test]
fn check_refuses_a_file_that_is_not_utf8_and_says_which_line() {
    let text = pretty(&data_json());
    let line = 40;
    let mut bytes = Vec::new();
    for (i, l) in text.lines().enumerate() {
        bytes.extend_from_slice(l.as_bytes());
        if i + 1 == line {
            bytes.extend_from_slice(b" \xff\xfe");
        }
        bytes.push(b'\n');
    }
    let file = scratch("latin1.json", &bytes);
    let file = file.to_str().unwrap();
    let r = koers(&["check", file]);
    assert_eq!(r.code, 2, "cannot be read as text: {}", r.stderr);
    assert!(
        r.stderr.contains(&format!("{file}:{line}: not UTF-8")),
        "{}",
        r.stderr
    );
}

#[test]
fn check_of_a_missing_file_exits_2_and_names_it() {
    let r = koers(&["check", "data/no-such-file.json"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("data/no-such-file.json: cannot read"),
        "{}",
        r.stderr
    );
}

#[test]
fn check_without_a_file_is_a_usage_error() {
    let r = koers(&["check"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("usage"), "{}", r.stderr);
}

// ---------------------------------------------------------------------------
// koers static

#[test]
fn static_writes_the_checked_in_static_vision() {
    let r = koers(&["static", DATA]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let checked_in =
        std::fs::read_to_string(Path::new(ROOT).join("core/src/builtin/vision_static.rs")).unwrap();
    assert!(
        r.stdout == checked_in,
        "koers static differs from core/src/builtin/vision_static.rs"
    );
    // Every target and indicator of the file is in it, by id.
    let data = data_json();
    for table in ["targets", "indicators", "priorities", "objectives"] {
        for item in data[table].as_array().unwrap() {
            let id = item["id"].as_str().unwrap();
            assert!(
                r.stdout.contains(&format!("id: \"{id}\"")),
                "{table} {id} missing"
            );
        }
    }
}

#[test]
fn static_refuses_a_bad_name_and_a_broken_file() {
    let r = koers(&["static", DATA, "--name", "not-an-identifier"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("--name 'not-an-identifier'"),
        "{}",
        r.stderr
    );
    assert!(r.stdout.is_empty());
    let broken = scratch(
        "static-broken.json",
        b"{\"format\": \"koers\",\n  \"format_version\": \"one\"}",
    );
    let r = koers(&["static", broken.to_str().unwrap()]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("static-broken.json:2:"), "{}", r.stderr);
    assert!(r.stdout.is_empty());
}

// ---------------------------------------------------------------------------
// koers report

#[test]
fn report_prints_all_six_priorities_in_dutch_by_default_and_in_english() {
    let v = data_json();
    let priorities = v["priorities"].as_array().unwrap();
    assert_eq!(priorities.len(), 6);
    for (args, lang, other) in [
        (&["report"][..], "nl", "en"),
        (&["report", "--lang", "en"][..], "en", "nl"),
        (&["report", DATA, "--lang", "nl"][..], "nl", "en"),
    ] {
        let r = koers(args);
        assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
        for p in priorities {
            let heading = format!(
                "### {}. {}",
                p["number"],
                p["title"][lang].as_str().unwrap()
            );
            assert!(r.stdout.contains(&heading), "{args:?}: no {heading:?}");
            let wrong = format!(
                "### {}. {}",
                p["number"],
                p["title"][other].as_str().unwrap()
            );
            assert!(
                !r.stdout.contains(&wrong),
                "{args:?}: {wrong:?} in the wrong language"
            );
        }
    }
}

#[test]
fn report_json_holds_every_item_with_its_source() {
    let data = data_json();
    for lang in ["nl", "en"] {
        let r = koers(&["report", "--format", "json", "--lang", lang]);
        assert_eq!(r.code, 0, "{}", r.stderr);
        let out: Value = serde_json::from_str(&r.stdout).expect("the report is valid JSON");
        let ds = &out["dataset"];
        for table in [
            "priorities",
            "objectives",
            "focus_areas",
            "targets",
            "windows",
            "indicators",
        ] {
            let want = data[table].as_array().unwrap();
            let got = ds[table].as_array().unwrap_or_else(|| panic!("no {table}"));
            let ids = |items: &[Value]| items.iter().map(|x| x["id"].clone()).collect::<Vec<_>>();
            assert_eq!(ids(got), ids(want), "{table}");
            for (g, w) in got.iter().zip(want) {
                let s = &g["source"];
                for key in ["chapter", "section", "quote"] {
                    assert!(
                        s[key].is_string(),
                        "{table} {}: source.{key} missing",
                        g["id"]
                    );
                    assert_eq!(s[key], w["source"][key], "{table} {} source.{key}", g["id"]);
                }
                assert!(!s["chapter"].as_str().unwrap().is_empty());
                assert!(!s["quote"].as_str().unwrap().is_empty());
            }
        }
        assert_eq!(ds["priorities"].as_array().unwrap().len(), 6);
        assert_eq!(ds["focus_areas"].as_array().unwrap().len(), 10);
        // Every target and indicator is assessed, every priority rolled up.
        let a = &out["assessment"];
        for (table, key) in [
            ("targets", "targets"),
            ("indicators", "indicators"),
            ("priorities", "priorities"),
        ] {
            let ids: Vec<_> = a[key]
                .as_array()
                .unwrap()
                .iter()
                .map(|x| &x["id"])
                .collect();
            let want: Vec<_> = data[table]
                .as_array()
                .unwrap()
                .iter()
                .map(|x| &x["id"])
                .collect();
            assert_eq!(ids, want, "assessment.{key}");
        }
    }
}

/// RFC 4180, enough for the report: quoted fields with `""` and commas.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field.is_empty() => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}

fn report_csv() -> (Vec<String>, Vec<Vec<String>>) {
    let r = koers(&["report", "--format", "csv"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let mut rows = parse_csv(&r.stdout);
    let header = rows.remove(0);
    (header, rows)
}

#[test]
fn report_csv_has_one_row_per_target_and_indicator() {
    let data = data_json();
    let (header, rows) = report_csv();
    let col = |name: &str| {
        header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no column {name}"))
    };
    for (i, row) in rows.iter().enumerate() {
        assert_eq!(
            row.len(),
            header.len(),
            "row {} has {} fields: {row:?}",
            i + 2,
            row.len()
        );
    }
    for (kind, table) in [("target", "targets"), ("indicator", "indicators")] {
        let ids: Vec<&str> = rows
            .iter()
            .filter(|r| r[col("type")] == kind)
            .map(|r| r[col("id")].as_str())
            .collect();
        let want: Vec<&str> = data[table]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x["id"].as_str().unwrap())
            .collect();
        assert_eq!(ids, want, "{table}");
        // Quotes survive the CSV quoting intact.
        for x in data[table].as_array().unwrap() {
            let row = rows
                .iter()
                .find(|r| r[col("id")] == x["id"].as_str().unwrap())
                .unwrap();
            assert_eq!(
                row[col("source_quote")],
                x["source"]["quote"].as_str().unwrap()
            );
            assert_eq!(
                row[col("source_chapter")],
                x["source"]["chapter"].as_str().unwrap()
            );
        }
    }
    assert_eq!(
        rows.len(),
        data["targets"].as_array().unwrap().len() + data["indicators"].as_array().unwrap().len()
    );
}

#[test]
fn report_csv_units_are_the_data_formats_names() {
    let data = data_json();
    let (header, rows) = report_csv();
    let unit = header.iter().position(|h| h == "unit").unwrap();
    for x in data["targets"]
        .as_array()
        .unwrap()
        .iter()
        .chain(data["indicators"].as_array().unwrap())
    {
        let row = rows
            .iter()
            .find(|r| r[1] == x["id"].as_str().unwrap())
            .unwrap();
        assert_eq!(row[unit], x["unit"].as_str().unwrap(), "{}", x["id"]);
    }
}

#[test]
fn report_json_gives_the_verdict_on_the_visions_sums() {
    let r = koers(&["report", "--format", "json"]);
    let out: Value = serde_json::from_str(&r.stdout).unwrap();
    let find = |id: &str| {
        out["findings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["window"] == id)
            .unwrap_or_else(|| panic!("no finding for {id}"))
            .clone()
    };
    // 450 + 310 + 145.8 + 205.8 = 1,111.6 M: "meer dan € 1 miljard" holds.
    assert_eq!(find("W-P5-talent-meer-dan-1mld")["holds"], true);
    // The vision does not say which windows make up the € 7 miljard: the
    // 6.9 bn of listed parts neither confirm nor break it.
    let seven = find("W-P3-kapitaal-7mld");
    assert_eq!(seven["incomplete"], true);
    assert_eq!(seven["holds"], Value::Null);
    // Like with like: the € 4 miljard is public money, so are its parts.
    assert_eq!(find("W-P3-investnl-4mld")["measure"], "public");
    assert_eq!(find("W-P5-talent-meer-dan-1mld")["measure"], "total");
}

/// The same injection test as the dashboard's CSV downloads
/// (tests/e2e/safety.test.mjs): a title, section or quote that starts with
/// `=`, `+`, `-`, `@`, a tab or a CR is written with one `'` in front, and
/// numbers (a negative baseline) stay numbers.
#[test]
fn report_csv_cells_are_never_formulas() {
    let mut data = data_json();
    let evil = [
        "=HYPERLINK(\"https://evil.example\",\"x\")",
        "+1+1",
        "-2+3",
        "@SUM(A1)",
        "\tx",
        "\rx",
    ];
    for (k, e) in evil.iter().enumerate() {
        data["targets"][k]["title"]["nl"] = Value::String((*e).into());
        data["targets"][k]["source"]["quote"] = Value::String((*e).into());
    }
    let file = scratch("evil-vision.json", pretty(&data).as_bytes());
    let r = koers(&[
        "report",
        file.to_str().unwrap(),
        "--format",
        "csv",
        "--lang",
        "nl",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let rows = parse_csv(&r.stdout);
    let mut guarded = 0;
    for row in &rows[1..] {
        for cell in row {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']) || cell.parse::<f64>().is_ok(),
                "a formula in the report's CSV: {cell:?}"
            );
            if let Some(rest) = cell.strip_prefix('\'') {
                assert!(evil.contains(&rest), "{cell:?}");
                guarded += 1;
            }
        }
    }
    assert_eq!(guarded, evil.len() * 2);
}

/// `koers report | head`: the reader closes the pipe early; koers ends
/// quietly (exit 0, nothing on standard error), never with a panic.
#[test]
fn a_reader_that_goes_away_early_is_no_error() {
    use std::io::Read;
    use std::process::Stdio;
    let mut child = Command::new(KOERS)
        .args(["report", "--figures", "data/figures", "--format", "json"])
        .current_dir(ROOT)
        .env("RUST_BACKTRACE", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("koers runs");
    // Read a little (the report is far larger than a pipe's buffer), then go.
    let mut first = [0u8; 16];
    child
        .stdout
        .as_mut()
        .unwrap()
        .read_exact(&mut first)
        .unwrap();
    drop(child.stdout.take());
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(0), "{err}");
    assert!(err.is_empty(), "{err}");
}
