//! `koers publish`, `koers check --figures` and `koers report --figures`, run
//! as a user runs them: the shipped figures publish, load back and report
//! real statuses; broken figures are refused with the file, line and column
//! to fix, and a failed publish leaves the old publication untouched.
//!
//! Expected values come from the shipped files read here with serde_json and
//! from hand-broken copies whose faulty line is known: never from koers's
//! own output.

mod common;

use common::{koers, ROOT};
use std::path::{Path, PathBuf};

use serde_json::Value;

const VISION: &str = "data/semicon-visie-2035.json";
const FIGURES: &str = "data/figures";
const OTHER: &str = "tests/fixtures/other-vision";

/// A fresh, empty scratch directory for one test.
fn scratch_dir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("koers-publish-tests")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A copy of the shipped figures directory to break.
fn copy_of_figures(name: &str) -> PathBuf {
    let dir = scratch_dir(name).join("figures");
    std::fs::create_dir_all(&dir).unwrap();
    for e in std::fs::read_dir(Path::new(ROOT).join(FIGURES)).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), dir.join(e.file_name())).unwrap();
    }
    dir
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// The shipped metadata files, by subject.
fn shipped_meta() -> Vec<(String, Value)> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(Path::new(ROOT).join(FIGURES)).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "json") {
            let v: Value = serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
            let stem = p.file_stem().unwrap().to_string_lossy().into_owned();
            out.push((stem, v));
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// Rows of the shipped CSV files (header excluded).
fn shipped_rows() -> usize {
    shipped_meta()
        .iter()
        .map(|(stem, _)| {
            let p = Path::new(ROOT).join(FIGURES).join(format!("{stem}.csv"));
            std::fs::read_to_string(p).map_or(0, |t| t.lines().skip(1).count())
        })
        .sum()
}

// ---------------------------------------------------------------------------
// publish

#[test]
fn publish_of_the_shipped_figures_writes_the_vision_unchanged_and_figures_that_load_back() {
    let out = scratch_dir("shipped").join("site");
    let r = koers(&[
        "publish",
        "--vision",
        VISION,
        "--figures",
        FIGURES,
        "--out",
        s(&out),
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let vision = std::fs::read(Path::new(ROOT).join(VISION)).unwrap();
    assert_eq!(std::fs::read(out.join("vision.json")).unwrap(), vision);
    let names: Vec<_> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let mut names = names;
    names.sort();
    assert_eq!(
        names,
        ["figures.json", "first-view.html", "parts", "vision.json"],
        "no leftovers"
    );

    // The first view: the overview baked, naming the two files it was drawn
    // from by their SHA-256, with no style attribute (the CSP refuses one).
    let first = std::fs::read_to_string(out.join("first-view.html")).unwrap();
    let sha256 = |p: &str| -> String {
        use sha2::Digest;
        let d = sha2::Sha256::digest(std::fs::read(out.join(p)).unwrap());
        d.iter().map(|x| format!("{x:02x}")).collect()
    };
    for (name, file) in [
        ("koers-vision-sha256", "vision.json"),
        ("koers-figures-sha256", "figures.json"),
    ] {
        let meta = format!("<meta name=\"{name}\" content=\"{}\">", sha256(file));
        assert!(first.contains(&meta), "{meta} in first-view.html");
    }
    assert!(first.starts_with("<!doctype html>"));
    assert!(first.contains("<title>Semicon Visie 2035 · koers</title>"));
    assert!(first.contains("<div id=\"root\">") && first.contains("id=\"priority-cards\""));
    assert!(first.matches("href=\"#/priority/P").count() >= 6);
    assert!(!first.contains(" style="), "no style attribute");
    assert!(!first.contains("<script"), "no script");

    // The parts an iframe shows, baked likewise: every one the index names,
    // in both languages, each naming its view; none with fields (the
    // revolving model's settings need the wasm); nothing else in the folder.
    let parts = out.join("parts");
    let index: Vec<String> =
        serde_json::from_str(&std::fs::read_to_string(parts.join("index.json")).unwrap()).unwrap();
    assert!(index.contains(&"priority/P5".to_string()) && index.contains(&"overview".to_string()));
    assert!(!index.iter().any(|v| v == "revolving" || v == "scenario"));
    let mut files = 1;
    for view in &index {
        for lang in ["nl", "en"] {
            let name = format!("{}.{lang}.html", view.replace('/', "."));
            let html = std::fs::read_to_string(parts.join(&name))
                .unwrap_or_else(|e| panic!("{name}: {e}"));
            assert!(
                html.contains(&format!("<meta name=\"koers-view\" content=\"{view}\">")),
                "{name}"
            );
            assert!(html.contains(&format!("<html lang=\"{lang}\">")), "{name}");
            assert!(
                html.contains("koers-figures-sha256")
                    && !html.contains(" style=")
                    && !html.contains("<script"),
                "{name}"
            );
            files += 1;
        }
    }
    assert_eq!(std::fs::read_dir(&parts).unwrap().count(), files);

    let figures = std::fs::read_to_string(out.join("figures.json")).unwrap();
    // koers-core reads it back over the vision.
    let vision_text = String::from_utf8(vision).unwrap();
    let mut ds = Box::<koers_core::model::Dataset>::default();
    koers_core::load::load_into(&vision_text, &mut ds).unwrap();
    koers_core::load::load_figures_into(&figures, &mut ds)
        .unwrap_or_else(|e| panic!("figures.json does not load back: {e:?}"));

    // Everything shipped is in it: every metadata file a series, every CSV
    // row a figure naming its publication, every source once.
    let meta = shipped_meta();
    assert_eq!(ds.series.len(), meta.len());
    assert_eq!(ds.observations.len(), shipped_rows());
    assert!(ds.observations.iter().all(|o| o.document.is_some()));
    let sources: usize = meta
        .iter()
        .map(|(_, m)| m["sources"].as_array().unwrap().len())
        .sum();
    assert_eq!(ds.sources.len(), sources);
    let events: usize = meta
        .iter()
        .map(|(_, m)| m["events"].as_array().unwrap().len())
        .sum();
    assert_eq!(ds.events.len(), events);
    // Subjects in file-name order, each one's rows by year.
    let subjects: Vec<&str> = ds.series.iter().map(|x| x.subject).collect();
    let stems: Vec<&str> = meta.iter().map(|(s, _)| s.as_str()).collect();
    assert_eq!(subjects, stems);
    for w in ds.observations.windows(2) {
        if w[0].subject == w[1].subject {
            assert!(w[0].year < w[1].year, "{} {}", w[0].subject, w[1].year);
        }
    }
    // The one-line summary says what was published.
    assert!(
        r.stdout.contains(&format!("{} figures", shipped_rows()))
            && r.stdout.contains(&format!("{sources} sources"))
            && r.stdout.contains(&format!("{events} events")),
        "{}",
        r.stdout
    );
}

#[test]
fn publish_is_deterministic_and_a_publication_publishes_again_as_itself() {
    let dir = scratch_dir("twice");
    let (a, b, c) = (dir.join("a"), dir.join("b"), dir.join("c"));
    for out in [&a, &b] {
        let r = koers(&[
            "publish",
            "--vision",
            VISION,
            "--figures",
            FIGURES,
            "--out",
            s(out),
        ]);
        assert_eq!(r.code, 0, "{}", r.stderr);
    }
    let first = std::fs::read(a.join("figures.json")).unwrap();
    assert_eq!(first, std::fs::read(b.join("figures.json")).unwrap());
    // A koers-figures file is itself a --figures PATH.
    let r = koers(&[
        "publish",
        "--vision",
        VISION,
        "--figures",
        s(&a.join("figures.json")),
        "--out",
        s(&c),
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(first, std::fs::read(c.join("figures.json")).unwrap());
}

/// Break one line of a CSV of a copy of the shipped figures; publish over an
/// existing publication; the error names the file, line and column, exit 1,
/// and the old publication is byte for byte what it was.
fn refused(name: &str, breaks: impl FnOnce(&Path) -> (String, usize, &'static str), want: &str) {
    let figures = copy_of_figures(name);
    let (file, line, column) = breaks(&figures);
    let out = figures.parent().unwrap().join("site");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(out.join("figures.json"), b"the old figures\n").unwrap();
    std::fs::write(out.join("vision.json"), b"the old vision\n").unwrap();
    let r = koers(&[
        "publish",
        "--vision",
        VISION,
        "--figures",
        s(&figures),
        "--out",
        s(&out),
    ]);
    assert_eq!(r.code, 1, "{name}: {}", r.stderr);
    let at = format!("{}:{line}: {column}", s(&figures.join(&file)));
    assert!(
        r.stderr.contains(&at) && r.stderr.contains(want),
        "{name}: expected {at:?} … {want:?} in:\n{}",
        r.stderr
    );
    assert_eq!(
        std::fs::read(out.join("figures.json")).unwrap(),
        b"the old figures\n"
    );
    assert_eq!(
        std::fs::read(out.join("vision.json")).unwrap(),
        b"the old vision\n"
    );
    assert_eq!(
        std::fs::read_dir(&out).unwrap().count(),
        2,
        "{name}: no leftovers"
    );
    assert!(r.stdout.is_empty(), "{name}: {}", r.stdout);
}

/// Replace the `n`th (1-based) line of a file.
fn edit_line(path: &Path, n: usize, f: impl FnOnce(&str) -> String) {
    let text = std::fs::read_to_string(path).unwrap();
    let mut lines: Vec<String> = text.lines().map(String::from).collect();
    lines[n - 1] = f(&lines[n - 1]);
    std::fs::write(path, lines.join("\n") + "\n").unwrap();
}

const RD: &str = "T-P2-rd-3pct-bbp-2030";

#[test]
fn publish_refuses_a_value_that_is_not_a_number() {
    refused(
        "bad-number",
        |dir| {
            let csv = dir.join(format!("{RD}.csv"));
            edit_line(&csv, 4, |l| {
                let mut f: Vec<&str> = l.splitn(3, ',').collect();
                f[1] = "2,15";
                f.join(",").replacen("2,15", "\"2,15\"", 1)
            });
            (format!("{RD}.csv"), 4, "column Value")
        },
        "not a number",
    );
}

#[test]
fn publish_refuses_a_source_id_the_metadata_does_not_have() {
    refused(
        "unknown-source",
        |dir| {
            let csv = dir.join(format!("{RD}.csv"));
            edit_line(&csv, 6, |l| {
                let f: Vec<&str> = l.splitn(4, ',').collect();
                format!("{},{},no-such-source,{}", f[0], f[1], f[3])
            });
            (format!("{RD}.csv"), 6, "column Source")
        },
        "no-such-source",
    );
}

#[test]
fn publish_refuses_a_second_figure_for_one_year() {
    refused(
        "duplicate-year",
        |dir| {
            let csv = dir.join(format!("{RD}.csv"));
            let text = std::fs::read_to_string(&csv).unwrap();
            let year = text.lines().nth(2).unwrap().split(',').next().unwrap();
            let year = year.to_string();
            // Line 4 claims the year of line 3.
            edit_line(&csv, 4, |l| {
                let rest = l.split_once(',').unwrap().1;
                format!("{year},{rest}")
            });
            (format!("{RD}.csv"), 4, "column Year")
        },
        "same subject and year",
    );
}

#[test]
fn publish_refuses_figures_of_a_subject_the_vision_does_not_have() {
    refused(
        "unknown-subject",
        |dir| {
            let stem = "T-no-such-subject";
            let meta = std::fs::read_to_string(dir.join(format!("{RD}.json")))
                .unwrap()
                .replace(RD, stem)
                // Its sources are the R&D target's too; ids stay unique
                // only when they are the same publication, as they are.
                ;
            std::fs::write(dir.join(format!("{stem}.json")), &meta).unwrap();
            std::fs::copy(
                dir.join(format!("{RD}.csv")),
                dir.join(format!("{stem}.csv")),
            )
            .unwrap();
            let line = meta
                .lines()
                .position(|l| l.contains("\"subject\""))
                .unwrap()
                + 1;
            (format!("{stem}.json"), line, "subject")
        },
        "does not exist",
    );
}

#[test]
fn publish_refuses_a_csv_without_its_metadata_file() {
    let figures = copy_of_figures("orphan-csv");
    std::fs::copy(
        figures.join(format!("{RD}.csv")),
        figures.join("T-orphan.csv"),
    )
    .unwrap();
    let out = figures.parent().unwrap().join("site");
    let r = koers(&[
        "publish",
        "--vision",
        VISION,
        "--figures",
        s(&figures),
        "--out",
        s(&out),
    ]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains(&format!(
            "{}: no metadata file T-orphan.json",
            s(&figures.join("T-orphan.csv"))
        )),
        "{}",
        r.stderr
    );
    assert!(!out.exists(), "nothing written, not even the directory");
}

#[test]
fn publish_refuses_a_bad_release_date_naming_the_metadata_file_and_line() {
    let figures = copy_of_figures("bad-date");
    let meta = figures.join(format!("{RD}.json"));
    let text = std::fs::read_to_string(&meta).unwrap();
    let line = text
        .lines()
        .position(|l| l.contains("\"released\""))
        .unwrap()
        + 1;
    let released = text.lines().nth(line - 1).unwrap().to_string();
    let date = released.split('"').nth(3).unwrap();
    let broken = released.replace(date, "9 januari 2020");
    std::fs::write(&meta, text.replacen(&released, &broken, 1)).unwrap();
    let out = figures.parent().unwrap().join("site");
    let r = koers(&[
        "publish",
        "--vision",
        VISION,
        "--figures",
        s(&figures),
        "--out",
        s(&out),
    ]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let want = format!("{}:{line}: sources[0].released", s(&meta));
    assert!(r.stderr.contains(&want), "{want:?} not in {}", r.stderr);
}

#[test]
fn publish_refuses_one_source_id_with_two_descriptions() {
    let figures = copy_of_figures("source-twice");
    let meta: Value =
        serde_json::from_str(&std::fs::read_to_string(figures.join(format!("{RD}.json"))).unwrap())
            .unwrap();
    let id = meta["sources"][0]["id"].as_str().unwrap().to_string();
    // Another subject cites the same id for another publication.
    let other = figures.join("T-P2-osat.json");
    let mut v: Value = serde_json::from_str(&std::fs::read_to_string(&other).unwrap()).unwrap();
    let mut src = meta["sources"][0].clone();
    src["title"] = "another publication".into();
    v["sources"].as_array_mut().unwrap().push(src);
    std::fs::write(&other, serde_json::to_string_pretty(&v).unwrap()).unwrap();
    let r = koers(&["check", VISION, "--figures", s(&figures)]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains(&id) && r.stderr.contains("described differently"),
        "{}",
        r.stderr
    );
}

#[test]
fn publish_refuses_the_illustrative_figures() {
    // The dashboard's invented example figures, as a dataset export.
    let dir = scratch_dir("illustrative");
    let mut data: Value =
        serde_json::from_str(&std::fs::read_to_string(Path::new(ROOT).join(VISION)).unwrap())
            .unwrap();
    let csv = std::fs::read_to_string(Path::new(ROOT).join("data/illustrative-observations.csv"))
        .unwrap();
    let mut obs = Vec::new();
    for l in csv.lines().skip(1) {
        let f: Vec<&str> = l.split(',').collect();
        let source = l.split('"').nth(1).unwrap();
        assert!(source.starts_with("ILLUSTRATIEF"));
        obs.push(serde_json::json!({
            "subject": f[0], "year": f[1].parse::<i32>().unwrap(),
            "value": f[2].parse::<f64>().unwrap(), "source": source,
        }));
    }
    data["observations"] = Value::Array(obs);
    let export = dir.join("export.json");
    std::fs::write(&export, serde_json::to_string_pretty(&data).unwrap()).unwrap();
    let out = dir.join("site");
    let r = koers(&[
        "publish",
        "--vision",
        VISION,
        "--figures",
        FIGURES,
        "--figures",
        s(&export),
        "--out",
        s(&out),
    ]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains(&format!("{}:", s(&export)))
            && r.stderr.contains("observations[0].source")
            && r.stderr.contains("ILLUSTRATIEF"),
        "{}",
        r.stderr
    );
    assert!(!out.exists());

    // And as a row of a figures directory.
    let figures = copy_of_figures("illustrative-csv");
    edit_line(&figures.join(format!("{RD}.csv")), 2, |l| {
        let f: Vec<&str> = l.splitn(4, ',').collect();
        format!("{},{},ILLUSTRATIEF,{}", f[0], f[1], f[3])
    });
    let r = koers(&["check", VISION, "--figures", s(&figures)]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let want = format!("{}:2: column Source", s(&figures.join(format!("{RD}.csv"))));
    assert!(
        r.stderr.contains(&want) && r.stderr.contains("never be published"),
        "{}",
        r.stderr
    );
}

#[test]
fn publish_of_an_unreadable_path_exits_2_and_writes_nothing() {
    let dir = scratch_dir("unreadable");
    let out = dir.join("site");
    let r = koers(&[
        "publish",
        "--vision",
        VISION,
        "--figures",
        "data/no-such-figures",
        "--out",
        s(&out),
    ]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr.contains("data/no-such-figures: cannot read"),
        "{}",
        r.stderr
    );
    assert!(!out.exists());

    // A CSV that is not UTF-8: exit 2, its line named.
    let figures = copy_of_figures("latin1");
    let csv = figures.join(format!("{RD}.csv"));
    let mut bytes = std::fs::read(&csv).unwrap();
    let third = bytes
        .iter()
        .enumerate()
        .filter(|(_, b)| **b == b'\n')
        .nth(1)
        .unwrap()
        .0;
    bytes.insert(third + 1, 0xff);
    std::fs::write(&csv, bytes).unwrap();
    let r = koers(&[
        "publish",
        "--vision",
        VISION,
        "--figures",
        s(&figures),
        "--out",
        s(&out),
    ]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr.contains(&format!("{}:3: not UTF-8", s(&csv))),
        "{}",
        r.stderr
    );
    assert!(!out.exists());

    // A missing vision.
    let r = koers(&[
        "publish",
        "--vision",
        "data/no-such-vision.json",
        "--figures",
        FIGURES,
        "--out",
        s(&out),
    ]);
    assert_eq!(r.code, 2, "{}", r.stderr);
}

#[test]
fn publish_without_its_arguments_is_a_usage_error() {
    for args in [
        &["publish"][..],
        &["publish", "--vision", VISION, "--out", "x"][..],
        &["publish", "--vision", VISION, "--figures", FIGURES][..],
    ] {
        let r = koers(args);
        assert_eq!(r.code, 2, "{args:?}");
        assert!(r.stderr.contains("usage"), "{args:?}: {}", r.stderr);
    }
}

// ---------------------------------------------------------------------------
// check --figures

#[test]
fn check_with_figures_accepts_the_shipped_figures() {
    let r = koers(&["check", VISION, "--figures", FIGURES]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.contains(&format!("{FIGURES}: ok: ")),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains(&format!("{} figures", shipped_rows())));
    // check writes nothing: no figures.json appears anywhere it could.
    assert!(!Path::new(ROOT).join("figures.json").exists());
}

// ---------------------------------------------------------------------------
// report --figures

/// The Markdown lines of the report about one subject.
fn lines_about<'r>(report: &'r str, id: &str) -> Vec<&'r str> {
    report
        .lines()
        .filter(|l| l.contains(&format!("| {id} |")) || l.contains(&format!("**{id}**")))
        .collect()
}

#[test]
fn report_on_the_shipped_figures_gives_real_statuses_and_says_what_is_a_proxy() {
    let r = koers(&[
        "report",
        "--figures",
        FIGURES,
        "--lang",
        "en",
        "--year",
        "2026",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let rd = lines_about(&r.stdout, RD);
    let row = rd.iter().find(|l| l.starts_with("| ")).unwrap();
    assert!(!row.contains("Not available"), "{row}");
    // The latest figure, with its year, publisher and release date.
    let meta: Value = serde_json::from_str(
        &std::fs::read_to_string(Path::new(ROOT).join(FIGURES).join(format!("{RD}.json"))).unwrap(),
    )
    .unwrap();
    let csv =
        std::fs::read_to_string(Path::new(ROOT).join(FIGURES).join(format!("{RD}.csv"))).unwrap();
    let last = csv.lines().last().unwrap();
    let (year, source) = {
        let f: Vec<&str> = last.split(',').collect();
        (f[0].to_string(), f[2].to_string())
    };
    let src = meta["sources"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == source.as_str())
        .unwrap();
    let latest = rd
        .iter()
        .find(|l| l.contains("latest published figure"))
        .unwrap_or_else(|| panic!("no latest published figure for {RD}: {rd:?}"));
    for want in [
        format!(": {year}: "),
        src["publisher"].as_str().unwrap().to_string(),
        src["released"].as_str().unwrap().to_string(),
    ] {
        assert!(latest.contains(&want), "{want:?} not in {latest}");
    }

    // Every proxy series says so in words, with its definition.
    for (stem, m) in shipped_meta() {
        if let Some(p) = m["proxy"]["en"].as_str() {
            assert!(
                r.stdout.contains(&format!("  - proxy: {p}")),
                "{stem}: proxy not said"
            );
        }
        // A subject with no figure says what was searched.
        let has_csv = Path::new(ROOT)
            .join(FIGURES)
            .join(format!("{stem}.csv"))
            .exists();
        if !has_csv {
            let want = format!(
                "**{stem}** no public statistic found: {}",
                m["searched"]["en"].as_str().unwrap()
            );
            assert!(r.stdout.contains(&want), "{stem}: {want:?}");
        }
    }
    // Dutch says proxy too.
    let nl = koers(&["report", "--figures", FIGURES, "--year", "2026"]);
    assert_eq!(nl.code, 0);
    assert!(nl.stdout.contains("  - proxy: "), "{}", nl.stdout);
}

#[test]
fn report_says_why_whenever_a_status_is_not_available() {
    for figures in [&["--figures", FIGURES][..], &[][..]] {
        let mut args = vec!["report", "--lang", "en", "--year", "2026"];
        args.extend_from_slice(figures);
        let r = koers(&args);
        assert_eq!(r.code, 0, "{}", r.stderr);
        let rows: Vec<&str> = r
            .stdout
            .lines()
            .filter(|l| l.starts_with("| T-") || l.starts_with("| I-"))
            .filter(|l| l.contains("Not available"))
            .collect();
        assert!(!rows.is_empty());
        for l in rows {
            assert!(l.contains("○ Not available ("), "no reason: {l}");
        }
    }
}

#[test]
fn report_counts_current_figures_as_of_the_year_given() {
    let summary = |year: &str| {
        let r = koers(&[
            "report",
            "--figures",
            FIGURES,
            "--format",
            "json",
            "--year",
            year,
        ]);
        assert_eq!(r.code, 0, "{}", r.stderr);
        let v: Value = serde_json::from_str(&r.stdout).unwrap();
        v["published"]["summary"].clone()
    };
    let now = summary("2026");
    let later = summary("2040");
    assert_eq!(now["with_figures"], later["with_figures"]);
    assert!(now["current"].as_u64().unwrap() > 0);
    assert_eq!(later["current"], 0, "nothing shipped is current in 2040");
    // The out-of-date section lists every subject then.
    let r = koers(&[
        "report",
        "--figures",
        FIGURES,
        "--lang",
        "en",
        "--year",
        "2040",
    ]);
    let section = r
        .stdout
        .split("## Figures out of date or missing")
        .nth(1)
        .expect("the section is there");
    for (stem, _) in shipped_meta() {
        assert!(section.contains(&format!("**{stem}**")), "{stem}");
    }
}

#[test]
fn report_lists_events_and_says_reached_only_when_achieved() {
    let subject = "T-P3-pic-fabriek-2032";
    let r = koers(&[
        "report",
        "--figures",
        FIGURES,
        "--lang",
        "en",
        "--year",
        "2026",
    ]);
    let meta = shipped_meta();
    let (_, m) = meta.iter().find(|(s, _)| s == subject).unwrap();
    for e in m["events"].as_array().unwrap() {
        let want = format!(
            "  - {}: {}",
            e["date"].as_str().unwrap(),
            e["title"]["en"].as_str().unwrap()
        );
        assert!(r.stdout.contains(&want), "{want:?}");
    }
    assert!(
        !r.stdout.contains("**reached**"),
        "nothing shipped is achieved"
    );

    let figures = copy_of_figures("achieved");
    let path = figures.join(format!("{subject}.json"));
    let mut v: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    v["events"][0]["achieved"] = true.into();
    std::fs::write(&path, serde_json::to_string_pretty(&v).unwrap()).unwrap();
    let r = koers(&[
        "report",
        "--figures",
        s(&figures),
        "--lang",
        "en",
        "--year",
        "2026",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout.matches("**reached**").count(), 1);
}

#[test]
fn report_findings_say_which_amounts_were_compared_and_when_parts_are_incomplete() {
    let r = koers(&["report", "--lang", "en"]);
    let data: Value =
        serde_json::from_str(&std::fs::read_to_string(Path::new(ROOT).join(VISION)).unwrap())
            .unwrap();
    let windows = data["windows"].as_array().unwrap();
    for w in windows {
        let id = w["id"].as_str().unwrap();
        let has_parts = windows.iter().any(|c| c["parent"] == id);
        if !has_parts {
            continue;
        }
        let line = r
            .stdout
            .lines()
            .find(|l| l.starts_with("- ") && l.contains(&format!("({id})")))
            .unwrap_or_else(|| panic!("no finding for {id}"));
        assert!(
            line.contains("public money") || line.contains("total investment"),
            "{line}"
        );
        if w["parts_incomplete"] == true {
            assert!(
                line.contains("the vision lists only some parts: not asked whether they add up")
                    || line.contains("the listed parts alone exceed the whole"),
                "{line}"
            );
            assert!(!line.contains("cannot tell"), "{line}");
        }
    }
}

#[test]
fn report_csv_has_the_published_figures_columns() {
    let r = koers(&[
        "report",
        "--figures",
        FIGURES,
        "--format",
        "csv",
        "--year",
        "2026",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let header: Vec<&str> = r.stdout.lines().next().unwrap().split(',').collect();
    for col in [
        "latest_year",
        "published_latest_year",
        "released",
        "publisher",
        "proxy",
        "freshness",
    ] {
        assert!(header.contains(&col), "{col} not in {header:?}");
    }
    let rd = r
        .stdout
        .lines()
        .find(|l| l.starts_with(&format!("target,{RD},")))
        .unwrap();
    assert!(rd.ends_with(",stale") || rd.ends_with(",current"), "{rd}");
}

#[test]
fn report_of_another_vision_holds_nothing_of_the_semicon_visie() {
    let vision = format!("{OTHER}/vision.json");
    let figures = format!("{OTHER}/figures");
    for (lang, title) in [
        ("nl", "Testvisie Waterwegen 2040"),
        ("en", "Test Vision Waterways 2040"),
    ] {
        for format in ["md", "csv", "json"] {
            let r = koers(&[
                "report",
                &vision,
                "--figures",
                &figures,
                "--lang",
                lang,
                "--format",
                format,
                "--year",
                "2041",
            ]);
            assert_eq!(r.code, 0, "{lang} {format}: {}", r.stderr);
            for word in ["Semicon", "semicon", "halfgeleider", "2035", "ASML"] {
                assert!(
                    !r.stdout.contains(word),
                    "{lang} {format}: {word:?} in the report of another vision"
                );
            }
            if format != "csv" {
                assert!(r.stdout.contains(title), "{lang} {format}: no {title:?}");
            }
        }
    }
    // Its figures count: a real status and its own publisher.
    let r = koers(&[
        "report",
        &vision,
        "--figures",
        &figures,
        "--lang",
        "en",
        "--year",
        "2034",
    ]);
    assert!(r.stdout.contains("Testbureau (verzonnen)"), "{}", r.stdout);
    let row = r
        .stdout
        .lines()
        .find(|l| l.starts_with("| T-Q1-afval |"))
        .unwrap();
    assert!(!row.contains("Not available"), "{row}");
    // The usage names no vision either.
    let help = koers(&["--help"]);
    assert!(!help.stdout.contains("Semicon") && !help.stdout.contains("2035"));
}
