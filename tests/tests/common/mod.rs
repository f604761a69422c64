//! Helpers shared by the cross-crate tests: the built-in vision, the vision's
//! full text split into its chapters, and text normalisation for comparing
//! quotes with that text.
//!
//! Each test file is its own crate and uses only some of these.
#![allow(dead_code)]

use std::sync::OnceLock;

use koers_core::builtin;
use koers_core::load::{self, Issues};
use koers_core::model::{Dataset, SourceRef};

/// Where the tests look for the vision's full text: `shared/` beside the
/// repository, as on CI.
pub const VISION_TEXT_PATH: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../shared/source/semicon-visie-2035.txt"
);

/// Whether the vision's full text is beside the repository. The checks of
/// the data against the text call this first: without the text (a bare
/// clone) they say so on stderr and return, so `cargo test` passes with
/// nothing beside the repository; with `KOERS_REQUIRE_VISION_TEXT=1` (set by
/// `make test` whenever the text is there, see the Makefile) a missing text
/// fails them instead, so they can never be skipped by accident.
pub fn have_vision_text(test: &str) -> bool {
    if std::path::Path::new(VISION_TEXT_PATH).is_file() {
        return true;
    }
    let place = without_dots(VISION_TEXT_PATH);
    if std::env::var_os("KOERS_REQUIRE_VISION_TEXT").is_some_and(|v| v == "1") {
        panic!("{test}: the vision's full text is missing at {place}, and KOERS_REQUIRE_VISION_TEXT=1 requires it");
    }
    eprintln!(
        "SKIPPED {test}: the vision's full text is not at {place}; this check compares the data with the text and did not run"
    );
    false
}

/// The vision's full text. Panics with the place it looked when the file is
/// not there: these tests check the data against the vision itself and mean
/// nothing without it (tests call [`have_vision_text`] first).
pub fn vision_text() -> &'static str {
    static TEXT: OnceLock<String> = OnceLock::new();
    TEXT.get_or_init(|| match std::fs::read_to_string(VISION_TEXT_PATH) {
        Ok(t) => t,
        Err(e) => panic!(
            "the vision's full text is missing: looked for {} ({e}). \
             These tests compare the data with the vision itself; put \
             shared/source/semicon-visie-2035.txt beside the repository, as CI does.",
            without_dots(VISION_TEXT_PATH)
        ),
    })
}

/// `a/b/../c` → `a/c`, so that a message names the place plainly.
fn without_dots(path: &str) -> String {
    use std::path::{Component, PathBuf};
    let mut out = PathBuf::new();
    for c in std::path::Path::new(path).components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out.display().to_string()
}

/// The built-in vision, loaded; panics with every issue when it does not load.
pub fn builtin() -> Box<Dataset<'static>> {
    let mut ds = Box::<Dataset>::default();
    if let Err(issues) = builtin::load_into(&mut ds) {
        panic!(
            "the built-in vision does not load: {}",
            describe_issues(&issues)
        );
    }
    ds
}

/// Load a dataset into a fresh (boxed: it is large) [`Dataset`].
pub fn load(json: &str) -> Result<Box<Dataset<'_>>, Issues> {
    let mut ds = Box::<Dataset>::default();
    load::load_into(json, &mut ds).map(|()| ds)
}

/// Every issue on its own line, and the total.
pub fn describe_issues(issues: &Issues) -> String {
    let mut s = format!("{} issue(s)", issues.total);
    for e in &issues.errors {
        s.push_str(&format!("\n  {e}"));
    }
    s
}

/// Whitespace runs (line breaks, tabs, non-breaking spaces) become one space;
/// ends trimmed. The data format allows quotes to differ from the text in
/// whitespace only.
pub fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Join words that the layout broke with a hyphen at the end of a line
/// ("eco-\n\nnomie"), putting `joiner` where the hyphen and the line break
/// were: "" for a layout hyphen, "-" for a real one ("state-of-\nthe-art").
pub fn join_broken_words(s: &str, joiner: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('-') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let trimmed = after.trim_start_matches([' ', '\t']);
        if trimmed.starts_with('\n') || trimmed.starts_with("\r\n") {
            out.push_str(joiner);
            rest = trimmed.trim_start();
        } else {
            out.push('-');
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

/// A piece of the vision in the three readings a quote is looked up in:
/// whitespace collapsed; and with words broken at line ends joined without
/// and with their hyphen.
pub struct Readings(pub [String; 3]);

impl Readings {
    pub fn of(text: &str) -> Readings {
        Readings([
            collapse(text),
            collapse(&join_broken_words(text, "")),
            collapse(&join_broken_words(text, "-")),
        ])
    }

    /// Does `quote` (whitespace collapsed) occur in any reading?
    pub fn contains(&self, quote: &str) -> bool {
        let q = collapse(quote);
        !q.is_empty() && self.0.iter().any(|r| r.contains(&q))
    }

    /// The text around every occurrence of `quote`, `radius` bytes (rounded
    /// out to characters) on either side.
    pub fn around(&self, quote: &str, radius: usize) -> Vec<&str> {
        let q = collapse(quote);
        let mut out = Vec::new();
        if q.is_empty() {
            return out;
        }
        for r in &self.0 {
            for (at, _) in r.match_indices(&q) {
                let mut start = at.saturating_sub(radius);
                while !r.is_char_boundary(start) {
                    start -= 1;
                }
                let mut end = (at + q.len() + radius).min(r.len());
                while !r.is_char_boundary(end) {
                    end += 1;
                }
                out.push(&r[start..end]);
            }
        }
        out
    }
}

/// The chapters of the vision as the data format names them, in order.
pub const CHAPTERS: [&str; 8] = [
    "Samenvatting",
    "Inleiding",
    "1 Internationaal",
    "2 Innovatie",
    "3 Venture Development en Kapitaal",
    "4 Economische Weerbaarheid",
    "5 Talent",
    "6 Randvoorwaarden",
];

/// The start of the numbered chapter `n` in the text: a line " n\t…"
/// (footnotes are "n\t…" without the leading space).
fn is_chapter_heading(line: &str) -> Option<u8> {
    let b = line.as_bytes();
    (b.len() >= 3 && b[0] == b' ' && (b'1'..=b'6').contains(&b[1]) && b[2] == b'\t')
        .then(|| b[1] - b'0')
}

/// The vision's text cut into its chapters: the summary up to the
/// introduction (" 1.\t Het speciale belang van halfgeleiders"), the
/// introduction up to chapter 1, chapters 1 to 6, and the colophon left out.
/// Raw text, line breaks kept.
pub fn chapter_texts() -> &'static [(&'static str, String); 8] {
    static CH: OnceLock<[(&'static str, String); 8]> = OnceLock::new();
    CH.get_or_init(|| {
        let mut parts: [(&'static str, String); 8] = CHAPTERS.map(|c| (c, String::new()));
        let mut at = 0usize; // index into CHAPTERS
        let mut done = false;
        for line in vision_text().split('\n') {
            if line
                .trim_start()
                .starts_with("1.\t Het speciale belang van halfgeleiders")
            {
                at = 1;
            } else if let Some(n) = is_chapter_heading(line) {
                at = usize::from(n) + 1;
            } else if line.trim() == "Colofon" {
                done = true;
            }
            if !done {
                parts[at].1.push_str(line);
                parts[at].1.push('\n');
            }
        }
        for (name, text) in &parts {
            assert!(
                text.trim().len() > 500,
                "could not find chapter {name:?} in {VISION_TEXT_PATH}: has the text changed shape?"
            );
        }
        parts
    })
}

/// The readings of one chapter, by the name the data format uses.
pub fn chapter(name: &str) -> &'static Readings {
    static R: OnceLock<Vec<(&'static str, Readings)>> = OnceLock::new();
    let all = R.get_or_init(|| {
        chapter_texts()
            .iter()
            .map(|(n, t)| (*n, Readings::of(t)))
            .collect()
    });
    all.iter()
        .find(|(n, _)| *n == name)
        .map(|(_, r)| r)
        .unwrap_or_else(|| panic!("no chapter {name:?}; the chapters are {CHAPTERS:?}"))
}

/// The readings of the whole vision.
pub fn whole() -> &'static Readings {
    static R: OnceLock<Readings> = OnceLock::new();
    R.get_or_init(|| Readings::of(vision_text()))
}

/// Every source reference of the dataset, with the item it belongs to:
/// `(table, id, "source" | "also[i]", reference)`.
pub fn all_sources<'d, 'a>(
    ds: &'d Dataset<'a>,
) -> Vec<(&'static str, &'a str, String, &'d SourceRef<'a>)> {
    let mut out = Vec::new();
    for x in &ds.priorities {
        out.push(("priorities", x.id, "source".into(), &x.source));
    }
    for x in &ds.objectives {
        out.push(("objectives", x.id, "source".into(), &x.source));
    }
    for x in &ds.focus_areas {
        out.push(("focus_areas", x.id, "source".into(), &x.source));
    }
    for x in &ds.targets {
        out.push(("targets", x.id, "source".into(), &x.source));
        for (i, a) in x.also.iter().enumerate() {
            out.push(("targets", x.id, format!("also[{i}]"), a));
        }
    }
    for x in &ds.indicators {
        out.push(("indicators", x.id, "source".into(), &x.source));
    }
    for x in &ds.windows {
        out.push(("windows", x.id, "source".into(), &x.source));
    }
    for x in &ds.figures {
        out.push(("figures", x.id, "source".into(), &x.source));
    }
    out
}

/// `a` and `b` equal to a relative `1e-9` (amounts in euros reach 1e12).
pub fn same(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}
