//! Any bytes into the JSON loader: `parse_into` and `load_into` must return,
//! never panic, agree with each other, and point at a line that exists; a
//! dataset that loads must assess without a NaN or an infinity.
#![no_main]

use std::fmt::Write;

use koers_core::assess;
use koers_core::load::{self, Path};
use koers_core::model::Dataset;
use libfuzzer_sys::fuzz_target;

fn line_exists(json: &str, path: &Path) {
    if let Some(line) = path.line {
        let lines = json.bytes().filter(|b| *b == b'\n').count() + 1;
        assert!(
            line >= 1 && line as usize <= lines,
            "line {line} of {lines} for {path}"
        );
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(json) = std::str::from_utf8(data) else {
        return;
    };
    // A Dataset is a few hundred KB: on the heap, as the CLI keeps it.
    let mut parsed: Box<Dataset> = Box::default();
    let parse = load::parse_into(json, &mut parsed);
    let mut loaded: Box<Dataset> = Box::default();
    let load = load::load_into(json, &mut loaded);
    let mut text = String::new();
    match (&parse, &load) {
        (Err(e), Err(issues)) => {
            // A parse error is the load's first and only issue.
            assert_eq!(issues.errors.first(), Some(e));
            line_exists(json, &e.path);
            let _ = write!(text, "{e}");
        }
        (Err(e), Ok(())) => panic!("parse failed ({e}) but load succeeded"),
        (Ok(()), Err(issues)) => {
            assert!(issues.total >= issues.errors.len());
            assert!(!issues.errors.is_empty());
            for e in &issues.errors {
                line_exists(json, &e.path);
                let _ = write!(text, "{e}");
            }
        }
        (Ok(()), Ok(())) => {
            assert_eq!(parsed, loaded);
            for t in assess::assess_all(&loaded) {
                for v in [t.score, t.open_sdg.score, t.open_sdg.progress_value]
                    .into_iter()
                    .flatten()
                {
                    assert!(v.is_finite(), "{} in {t:?}", v);
                }
            }
        }
    }
});
