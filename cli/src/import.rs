//! `koers import`: figures from SDMX-CSV (Eurostat, the OECD, the ECB) and
//! CBS StatLine exports into a `koers-figures` file.
//!
//! Without a mapping it lists the series the file holds. With one
//! (`--subject ID --series KEY` pairs, or `--mapping FILE`) it takes the
//! yearly values of each mapped series as observations of its subject,
//! checks them over the vision (and the published figures, with
//! `--figures`) with koers-core, and writes them all or, on any error,
//! nothing. Reading the file is koers-core's [`statfile`]; this module only
//! parses arguments, prints and writes.

use std::fmt::Write as _;

use koers_core::load::{self, Table};
use koers_core::statfile::{self, Format, Listing, Period, SeriesInfo};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use crate::{load_dataset, read_figures, read_text, usage, value_of, Fail};

/// The vision read when `--vision` is not given.
const DEFAULT_VISION: &str = "data/semicon-visie-2035.json";

/// One series of the file taken as the figures of one subject.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Pair {
    /// The target or indicator.
    subject: String,
    /// The series: its key, or its number in the listing.
    series: String,
    /// Multiply every value by 10^scale (3 for a series in thousands).
    #[serde(default)]
    scale: i32,
    /// The breakdown of the subject this series is (`sectperf: BES`):
    /// none for its headline.
    #[serde(default)]
    breakdown: Option<String>,
}

/// A mapping file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Mapping {
    /// The source text of every figure (default: the publisher, dataflow
    /// and series key).
    #[serde(default)]
    source: Option<String>,
    /// Which series go to which subject.
    series: Vec<Pair>,
}

/// An imported figure, its keys in the format's order.
#[derive(Serialize)]
struct Imported<'a> {
    subject: &'a str,
    year: i32,
    value: Value,
    source: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    provisional: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    breakdown: Option<&'a str>,
}

/// `koers import FILE …`.
pub fn run(mut args: lexopt::Parser) -> Result<u8, Fail> {
    let (mut file, mut mapping, mut out, mut source) = (None, None, None, None);
    let mut vision = DEFAULT_VISION.to_string();
    let mut figure_paths = Vec::new();
    let mut pairs: Vec<Pair> = Vec::new();
    let mut subject: Option<String> = None;
    while let Some(arg) = args.next().map_err(|e| usage(e.to_string()))? {
        match arg {
            lexopt::Arg::Long("subject") => {
                if let Some(s) = subject.replace(value_of(&mut args, "subject")?) {
                    return Err(usage(format!("import: --subject {s} has no --series")));
                }
            }
            lexopt::Arg::Long("series") => {
                let series = value_of(&mut args, "series")?;
                let subject = subject
                    .take()
                    .ok_or_else(|| usage("import: --series KEY must follow --subject ID"))?;
                pairs.push(Pair {
                    subject,
                    series,
                    scale: 0,
                    breakdown: None,
                });
            }
            lexopt::Arg::Long("scale") => {
                let v = value_of(&mut args, "scale")?;
                let n = v
                    .parse::<i32>()
                    .ok()
                    .filter(|n| (-12..=12).contains(n))
                    .ok_or_else(|| {
                        usage(format!(
                            "--scale: '{v}' is not a whole number from -12 to 12"
                        ))
                    })?;
                let last = pairs
                    .last_mut()
                    .ok_or_else(|| usage("import: --scale N must follow --series KEY"))?;
                last.scale = n;
            }
            lexopt::Arg::Long("breakdown") => {
                let b = value_of(&mut args, "breakdown")?;
                let last = pairs
                    .last_mut()
                    .ok_or_else(|| usage("import: --breakdown TEXT must follow --series KEY"))?;
                last.breakdown = Some(b);
            }
            lexopt::Arg::Long("mapping") => mapping = Some(value_of(&mut args, "mapping")?),
            lexopt::Arg::Long("vision") => vision = value_of(&mut args, "vision")?,
            lexopt::Arg::Long("figures") => figure_paths.push(value_of(&mut args, "figures")?),
            lexopt::Arg::Long("source") => source = Some(value_of(&mut args, "source")?),
            lexopt::Arg::Long("out") => out = Some(value_of(&mut args, "out")?),
            lexopt::Arg::Value(v) if file.is_none() => {
                file = Some(v.to_string_lossy().into_owned())
            }
            other => return Err(usage(format!("import: unexpected {other:?}"))),
        }
    }
    if let Some(s) = subject {
        return Err(usage(format!("import: --subject {s} has no --series")));
    }
    let path = file.ok_or_else(|| usage("import: which FILE?"))?;
    if let Some(m) = &mapping {
        if !pairs.is_empty() {
            return Err(usage(
                "import: --mapping FILE or --subject/--series, not both",
            ));
        }
        let text = read_text(m)?;
        let read: Mapping = serde_json::from_str(&text)
            .map_err(|e| Fail(1, format!("{m}:{}:{}: {e}", e.line(), e.column())))?;
        pairs = read.series;
        source = source.or(read.source);
    }
    let bytes = std::fs::read(&path).map_err(|e| Fail(2, format!("{path}: cannot read: {e}")))?;
    let (layout, listing) = statfile::list(&bytes).map_err(|errs| {
        for e in &errs.errors {
            eprintln!("{}", at(&path, e.line, &e.column, &e.kind.to_string()));
        }
        let whole = errs.errors.first().is_some_and(|e| {
            matches!(
                e.kind,
                statfile::ErrorKind::NotUtf8 | statfile::ErrorKind::NotRecognised
            )
        });
        let n = errs.total;
        Fail(
            if whole { 2 } else { 1 },
            format!("{path}: {n} error{}, nothing imported", plural(n)),
        )
    })?;
    if pairs.is_empty() {
        print!("{}", describe(&path, &listing));
        return Ok(0);
    }
    // Every pair's figures, with the line each came from.
    let mut obs = Vec::new();
    let mut texts = Vec::new();
    let mut lines = Vec::new();
    let mut problems = Vec::new();
    for pair in &pairs {
        let Some(at_series) = listing.find(&pair.series) else {
            problems.push(format!(
                "{path}: no series '{}' (for {}); run `koers import {path}` to list the {} it holds",
                pair.series,
                pair.subject,
                listing.series.len()
            ));
            continue;
        };
        let info = &listing.series[at_series];
        if info.years == 0 {
            problems.push(format!(
                "{path}:{}: series '{}' (for {}) has no yearly values",
                info.line, info.key, pair.subject
            ));
            continue;
        }
        let text = source
            .clone()
            .unwrap_or_else(|| source_text(listing.format, info));
        let read = statfile::rows(&bytes, &layout, |row| {
            let (Period::Year(year), Some(v), true) = (row.period, row.value, row.key == info.key)
            else {
                return Ok(());
            };
            let value =
                statfile::times_ten_to(v, pair.scale).ok_or(statfile::ErrorKind::NotANumber)?;
            let note = row.flags.note();
            let o = Imported {
                subject: &pair.subject,
                year,
                value: number(value),
                source: &text,
                note: (!note.is_empty()).then(|| note.as_str()),
                provisional: row.flags.provisional,
                breakdown: pair.breakdown.as_deref(),
            };
            texts.push(serde_json::to_string(&o).map_err(|_| statfile::ErrorKind::NotANumber)?);
            let o = serde_json::to_value(&o).map_err(|_| statfile::ErrorKind::NotANumber)?;
            obs.push(o);
            lines.push(row.line);
            Ok(())
        });
        if let Err(errs) = read {
            for e in &errs.errors {
                problems.push(at(&path, e.line, &e.column, &e.kind.to_string()));
            }
        }
    }
    if !problems.is_empty() {
        return Err(refuse(&path, &problems));
    }
    let figures_json = figures_file(&texts);
    // Checked over the vision and, with --figures, the published figures:
    // every reference, every unit, one figure per subject and year.
    let vision_text = read_text(&vision)?;
    let figures = read_figures(&figure_paths)?;
    drop(crate::load_with_figures(
        &vision,
        &vision_text,
        figures.as_ref(),
    )?);
    let mut combined: Value = match &figures {
        Some((_, j)) => {
            serde_json::from_str(j).map_err(|e| Fail(1, format!("the published figures: {e}")))?
        }
        None => json!({"format": "koers-figures", "format_version": 1}),
    };
    let before = combined["observations"].as_array().map_or(0, Vec::len);
    match combined["observations"].as_array_mut() {
        Some(a) => a.extend(obs.iter().cloned()),
        None => combined["observations"] = Value::Array(obs.clone()),
    }
    let combined = combined.to_string();
    let mut ds = load_dataset(&vision, &vision_text)?;
    if let Err(issues) = load::load_figures_into(&combined, &mut ds) {
        for e in &issues.errors {
            let row = (e.path.table == Some(Table::Observations))
                .then_some(e.path.index)
                .flatten();
            // Published figures come first; the imported after them.
            let mine = row.and_then(|i| i.checked_sub(before));
            let line = mine.and_then(|i| lines.get(i).copied());
            let what = mine
                .and_then(|i| obs.get(i))
                .map(|o| format!("{} {}: ", o["subject"].as_str().unwrap_or(""), o["year"]))
                .unwrap_or_default();
            let msg = format!("{what}{}: {}", e.path.field.as_str(), e.kind);
            problems.push(match line {
                Some(l) => at(&path, l, "", &msg),
                None => format!("{path}: {msg}"),
            });
        }
        return Err(refuse(&path, &problems));
    }
    for pair in &pairs {
        let mine: Vec<&Value> = obs
            .iter()
            .filter(|o| {
                o["subject"] == pair.subject.as_str()
                    && o["breakdown"].as_str() == pair.breakdown.as_deref()
            })
            .collect();
        let years: Vec<i64> = mine.iter().filter_map(|o| o["year"].as_i64()).collect();
        eprintln!(
            "{}{}: {} figure{} ({}) from series {}",
            pair.subject,
            pair.breakdown
                .as_deref()
                .map(|b| format!(" ({b})"))
                .unwrap_or_default(),
            mine.len(),
            plural(mine.len()),
            match (years.iter().min(), years.iter().max()) {
                (Some(a), Some(b)) => format!("{a}–{b}"),
                _ => "no years".into(),
            },
            pair.series
        );
    }
    match out {
        Some(o) => {
            write_atomic(&o, figures_json.as_bytes())?;
            eprintln!("{o}: {} figures written", obs.len());
        }
        None => print!("{figures_json}"),
    }
    Ok(0)
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// `FILE:LINE: column C: what`.
fn at(path: &str, line: u32, column: &str, what: &str) -> String {
    if column.is_empty() {
        format!("{path}:{line}: {what}")
    } else {
        format!("{path}:{line}: column {column}: {what}")
    }
}

fn refuse(path: &str, problems: &[String]) -> Fail {
    for p in problems {
        eprintln!("{p}");
    }
    let n = problems.len();
    Fail(
        1,
        format!("{path}: {n} error{}, nothing imported", plural(n)),
    )
}

/// A number as JSON writes it: whole numbers without `.0`.
fn number(v: f64) -> Value {
    if v.fract() == 0.0 && v.abs() < 9e15 {
        Value::from(v as i64)
    } else {
        Value::from(v)
    }
}

/// Who publishes a series: the agency of an SDMX dataflow, or CBS.
fn publisher(format: Format, flow: &str) -> &str {
    match format {
        Format::StatLine => "CBS StatLine",
        _ => match flow.split([':', '.']).next().unwrap_or("") {
            "ESTAT" => "Eurostat",
            "ECB" => "ECB",
            "" => "SDMX",
            a if a.starts_with("OECD") => "OECD",
            a => a,
        },
    }
}

/// The source text of an imported figure.
fn source_text(format: Format, s: &SeriesInfo) -> String {
    let mut t = publisher(format, &s.flow).to_string();
    if !s.flow.is_empty() {
        let _ = write!(t, " {}", s.flow);
    }
    let _ = write!(t, ", series {}", s.key);
    t
}

/// The listing a user sees without a mapping.
fn describe(path: &str, l: &Listing) -> String {
    let mut out = format!("{path}: {}, {} series\n", l.format.name(), l.series.len());
    for (i, s) in l.series.iter().enumerate() {
        let _ = write!(out, "{:>3}  {}", i + 1, s.key);
        if !s.label.is_empty() {
            let _ = write!(out, "  ({})", s.label);
        }
        out.push('\n');
        let _ = write!(out, "     ");
        if s.years == 0 {
            out.push_str("no yearly values");
        } else {
            let _ = write!(
                out,
                "{} year{} {}",
                s.years,
                plural(s.years.into()),
                s.first_year
            );
            if s.last_year != s.first_year {
                let _ = write!(out, "–{}", s.last_year);
            }
        }
        for (n, what) in [
            (s.provisional, "provisional"),
            (s.estimated, "estimated"),
            (s.missing, "without a value"),
            (s.sub_annual, "quarterly/monthly rows skipped"),
        ] {
            if n > 0 {
                let _ = write!(out, "; {n} {what}");
            }
        }
        if !s.flow.is_empty() {
            let _ = write!(out, "; {}", s.flow);
        }
        let _ = writeln!(out, "; from line {}", s.line);
    }
    out.push_str(
        "import with: --subject ID --series KEY (or its number) [--scale N], repeated, or --mapping FILE\n",
    );
    out
}

/// A `koers-figures` file holding only `obs`.
fn figures_file(obs: &[String]) -> String {
    let mut out = String::from(
        "{\n  \"format\": \"koers-figures\",\n  \"format_version\": 1,\n  \"observations\": [",
    );
    for (i, o) in obs.iter().enumerate() {
        out.push_str(if i == 0 { "\n    " } else { ",\n    " });
        out.push_str(o);
    }
    out.push_str(if obs.is_empty() {
        "]\n}\n"
    } else {
        "\n  ]\n}\n"
    });
    out
}

/// Write `bytes` to `path` through a temporary file beside it and a rename.
fn write_atomic(path: &str, bytes: &[u8]) -> Result<(), Fail> {
    let p = std::path::Path::new(path);
    let tmp = p.with_file_name(format!(
        ".{}.{}.tmp",
        p.file_name().map_or("out".into(), |n| n.to_string_lossy()),
        std::process::id()
    ));
    let written = std::fs::write(&tmp, bytes).and_then(|()| std::fs::rename(&tmp, p));
    written.map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        Fail(2, format!("{path}: cannot write: {e}"))
    })
}
