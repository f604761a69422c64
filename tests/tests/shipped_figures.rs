//! The published figures shipped in `data/figures`, read directly (not
//! through koers): every figure names a publication that has a URL and a
//! release date, quotes it, and none is invented. These tests fail the day
//! a figure without a traceable source is added.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use serde_json::Value;

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../data/figures")
}

/// Every metadata file, by subject (its file name).
fn metadata() -> Vec<(String, Value)> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir()).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "json") {
            let text = std::fs::read_to_string(&p).unwrap();
            let v: Value =
                serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            out.push((p.file_stem().unwrap().to_string_lossy().into_owned(), v));
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    assert!(!out.is_empty());
    out
}

/// A CSV line split into fields (RFC 4180 quoting).
fn fields(line: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                out.last_mut().unwrap().push('"');
                chars.next();
            }
            (true, '"') => quoted = false,
            (false, '"') => quoted = true,
            (false, ',') => out.push(String::new()),
            (_, c) => out.last_mut().unwrap().push(c),
        }
    }
    out
}

/// Every CSV row of a subject: (line, Year, Value, Source, Quote).
fn rows(stem: &str) -> Vec<(usize, Vec<String>)> {
    let p = dir().join(format!("{stem}.csv"));
    let Ok(text) = std::fs::read_to_string(&p) else {
        return Vec::new();
    };
    let mut lines = text.lines().enumerate();
    let (_, header) = lines.next().unwrap();
    assert_eq!(
        header, "Year,Value,Source,Quote,Provisional,Note",
        "{stem}.csv"
    );
    lines
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| (i + 1, fields(l)))
        .collect()
}

fn date_ok(d: &str) -> bool {
    let parts: Vec<&str> = d.split('-').collect();
    let num = |s: &str, len: usize| s.len() == len && s.bytes().all(|b| b.is_ascii_digit());
    match parts.as_slice() {
        [y] => num(y, 4),
        [y, m] => num(y, 4) && num(m, 2),
        [y, m, d] => num(y, 4) && num(m, 2) && num(d, 2),
        _ => false,
    }
}

#[test]
fn every_shipped_source_has_an_https_url_and_a_release_date() {
    let mut ids = HashMap::new();
    for (stem, m) in metadata() {
        for s in m["sources"].as_array().expect("sources is a list") {
            let id = s["id"].as_str().unwrap_or_default();
            let url = s["url"].as_str().unwrap_or_default();
            let released = s["released"].as_str().unwrap_or_default();
            assert!(
                url.starts_with("https://") && url.len() > "https://".len(),
                "{stem}.json: source {id} has no https URL: {url:?}"
            );
            assert!(
                date_ok(released),
                "{stem}.json: source {id} has no release date (YYYY, YYYY-MM or YYYY-MM-DD): {released:?}"
            );
            for key in ["publisher", "title"] {
                assert!(
                    s[key].as_str().is_some_and(|t| !t.trim().is_empty()),
                    "{stem}.json: source {id} has no {key}"
                );
            }
            // One id, one publication, over all files.
            if let Some(first) = ids.insert(id.to_string(), s.clone()) {
                assert_eq!(&first, s, "{stem}.json: source {id} differs from its twin");
            }
        }
    }
}

#[test]
fn every_shipped_figure_names_a_source_of_its_file_and_quotes_it() {
    let mut figures = 0;
    for (stem, m) in metadata() {
        let own: HashSet<&str> = m["sources"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|s| s["id"].as_str())
            .collect();
        let mut years = HashSet::new();
        for (line, f) in rows(&stem) {
            figures += 1;
            let at = format!("{stem}.csv:{line}");
            assert!(f.len() == 6, "{at}: {} fields", f.len());
            assert!(f[0].parse::<i32>().is_ok(), "{at}: Year {:?}", f[0]);
            assert!(f[1].parse::<f64>().is_ok(), "{at}: Value {:?}", f[1]);
            assert!(
                own.contains(f[2].as_str()),
                "{at}: Source {:?} is not a source of {stem}.json",
                f[2]
            );
            assert!(!f[3].trim().is_empty(), "{at}: no Quote");
            assert!(
                matches!(f[4].as_str(), "true" | "false"),
                "{at}: Provisional {:?}",
                f[4]
            );
            assert!(years.insert(f[0].clone()), "{at}: year {} twice", f[0]);
        }
        // Events cite a source of the file too.
        for e in m["events"].as_array().unwrap() {
            let src = e["source"].as_str().unwrap_or_default();
            assert!(own.contains(src), "{stem}.json: event cites {src:?}");
            assert!(
                date_ok(e["date"].as_str().unwrap_or_default()),
                "{stem}.json: event date"
            );
        }
        // What was searched is always said.
        for lang in ["nl", "en"] {
            assert!(
                m["searched"][lang]
                    .as_str()
                    .is_some_and(|t| !t.trim().is_empty()),
                "{stem}.json: searched.{lang}"
            );
        }
        assert_eq!(
            m["subject"].as_str(),
            Some(stem.as_str()),
            "{stem}.json: subject"
        );
    }
    assert!(figures > 0, "no figures shipped at all");
}

#[test]
fn no_shipped_figure_is_illustrative() {
    for (stem, m) in metadata() {
        let text = serde_json::to_string(&m).unwrap().to_uppercase();
        assert!(
            !text.contains("ILLUSTRATIEF") && !text.contains("ILLUSTRATIVE"),
            "{stem}.json"
        );
        for (line, f) in rows(&stem) {
            for v in &f {
                let v = v.to_uppercase();
                assert!(
                    !v.contains("ILLUSTRATIEF") && !v.contains("ILLUSTRATIVE"),
                    "{stem}.csv:{line}"
                );
            }
        }
    }
}

#[test]
fn every_shipped_csv_has_its_metadata_file() {
    let stems: HashSet<String> = metadata().into_iter().map(|(s, _)| s).collect();
    for e in std::fs::read_dir(dir()).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "csv") {
            let stem = p.file_stem().unwrap().to_string_lossy().into_owned();
            assert!(stems.contains(&stem), "{stem}.csv has no {stem}.json");
        }
    }
}
