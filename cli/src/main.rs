//! `koers`: check koers data files and print reports of a vision.
//!
//! ```text
//! koers check FILE [--figures PATH ...]
//! koers publish --vision FILE --figures PATH [--figures PATH ...] --out DIR
//! koers report [FILE] [--figures PATH ...] [--year Y] [--lang nl|en] [--format md|csv|json]
//! koers static FILE [--name NAME]
//! koers progress DATA.csv [--config FILE] [--series S] [--unit U]
//!                [--disaggregation FIELD=VALUE ...] [--base-year Y] [--target V]
//!                [--target-year Y] [--direction positive|negative] [--limit L]
//!                [--threshold-high X] [--threshold-med X] [--threshold-low X]
//!                [--format json|text]
//! koers import FILE [--subject ID --series KEY ...] [--mapping FILE] [--out FILE]
//! koers revolve --budget EUR --from Y --to Y --horizon Y --loss L
//!               --return R --holding H --lag G [--multiplier M] [--format md|json]
//! ```
//!
//! Exit codes: 0 fine, 1 the data has errors, 2 the input could not be read or
//! the command line is wrong. Every calculation is koers-core's; this crate
//! only reads files, parses arguments and prints.

/// `println!`, except that a reader who has gone (`koers report | head`)
/// ends koers quietly instead of with a panic: a closed pipe is not an
/// error of koers. Any other failure to write is reported, exit code 2.
macro_rules! say {
    ($($t:tt)*) => {{
        use std::io::Write as _;
        if let Err(e) = writeln!(std::io::stdout().lock(), $($t)*) {
            crate::stdout_failed(e)
        }
    }};
}

/// `print!` as [`say!`] writes.
macro_rules! say_raw {
    ($($t:tt)*) => {{
        use std::io::Write as _;
        if let Err(e) = write!(std::io::stdout().lock(), $($t)*) {
            crate::stdout_failed(e)
        }
    }};
}

mod figures;
mod import;
mod progress;
mod publish;
mod report;
mod revolve;

use std::process::ExitCode;

use koers_core::load::{self, Issues};
use koers_core::model::{Dataset, Lang};

const USAGE: &str = "\
koers: follow a vision from promise to result

usage:
  koers check FILE [--figures PATH ...]
                                   validate a koers dataset (JSON) and, with
                                   --figures, the published figures over it
  koers publish --vision FILE --figures PATH [--figures PATH ...] --out DIR
                                   validate the vision and its published
                                   figures and write DIR/vision.json and
                                   DIR/figures.json (both or, on any error,
                                   neither)
  koers report [FILE] [--figures PATH ...] [--year Y] [--lang nl|en]
               [--format md|csv|json]
                                   status of every target and indicator,
                                   what the published figures cover (current
                                   as of year Y, default this year), roll-ups
                                   and the leverage table; with no FILE, the
                                   built-in vision
  koers static FILE [--name NAME]
                                   the vision in FILE as Rust source of a
                                   static for koers-core's in-place
                                   assessment (a firmware's flash), on
                                   standard output; NAME defaults to
                                   STATIC_VISION
  koers progress DATA.csv [--config FILE] [--series S] [--unit U]
                 [--disaggregation FIELD=VALUE ...] [--base-year Y]
                 [--target V] [--target-year Y] [--direction positive|negative]
                 [--limit L] [--threshold-high X] [--threshold-med X]
                 [--threshold-low X] [--format json|text]
                                   Open SDG's progress measure of an Open SDG
                                   data file, its rows read as Open SDG reads
                                   them (headline, or the series, unit and
                                   disaggregation chosen); --config reads an
                                   indicator's YAML configuration
                                   (auto_progress_calculation,
                                   progress_calculation_options) instead of
                                   the flags; every not-available says why
  koers revolve --budget EUR --from Y --to Y --horizon Y --loss L
                --return R --holding H --lag G [--multiplier M] [--format md|json]
                                   the revolving-capital model: EUR spread
                                   evenly over the years FROM..TO, reflows
                                   counted to HORIZON; every parameter is
                                   required, none is assumed

  koers import FILE [--subject ID --series KEY [--scale N] [--breakdown TEXT] ...]
               [--mapping FILE]
               [--vision FILE] [--figures PATH ...] [--source TEXT] [--out FILE]
                                   SDMX-CSV or CBS StatLine CSV: list the
                                   series FILE holds or, mapped to subjects,
                                   write them as a koers-figures file

A figures PATH is a directory of <SUBJECT>.json metadata files with their
<SUBJECT>.csv figures (Year,Value,Source,Quote,Provisional,Note), a
koers-figures JSON file, or a dataset exported by the dashboard (its figure
tables only).

exit codes: 0 fine, 1 data errors, 2 unreadable input or bad arguments";

/// A failure that ends the program with a message and an exit code.
struct Fail(u8, String);

/// Standard output could not be written: quietly done when the reader
/// closed the pipe, else said on standard error.
fn stdout_failed(e: std::io::Error) -> ! {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        std::process::exit(0);
    }
    eprintln!("koers: cannot write the output: {e}");
    std::process::exit(2);
}

fn usage(msg: impl Into<String>) -> Fail {
    Fail(2, format!("{}\n\n{USAGE}", msg.into()))
}

fn main() -> ExitCode {
    match run() {
        Ok(code) => ExitCode::from(code),
        Err(Fail(code, msg)) => {
            eprintln!("koers: {msg}");
            ExitCode::from(code)
        }
    }
}

fn run() -> Result<u8, Fail> {
    let mut args = lexopt::Parser::from_env();
    let command = match args.next().map_err(|e| usage(e.to_string()))? {
        Some(lexopt::Arg::Value(v)) => v.to_string_lossy().into_owned(),
        Some(lexopt::Arg::Long("help")) | Some(lexopt::Arg::Short('h')) | None => {
            say!("{USAGE}");
            return Ok(0);
        }
        Some(other) => return Err(usage(format!("unexpected {other:?}"))),
    };
    match command.as_str() {
        "check" => check(args),
        "publish" => publish::publish_cmd(args),
        "report" => report_cmd(args),
        "static" => static_cmd(args),
        "progress" => progress::run(args),
        "revolve" => revolve::run(args),
        "import" => import::run(args),
        "help" => {
            say!("{USAGE}");
            Ok(0)
        }
        other => Err(usage(format!("unknown command '{other}'"))),
    }
}

/// Read a whole file as UTF-8; exit code 2 when that cannot be done.
fn read_text(path: &str) -> Result<String, Fail> {
    let bytes = std::fs::read(path).map_err(|e| Fail(2, format!("{path}: cannot read: {e}")))?;
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let line = 1 + e.as_bytes()[..at].iter().filter(|b| **b == b'\n').count();
        Fail(2, format!("{path}:{line}: not UTF-8 text"))
    })
}

fn print_issues(path: &str, issues: &Issues) {
    for e in &issues.errors {
        match e.path.line {
            Some(line) => {
                let mut p = e.path.clone();
                p.line = None;
                eprintln!("{path}:{line}: {p}: {}", e.kind);
            }
            None => eprintln!("{path}: {e}"),
        }
    }
    let shown = issues.errors.len();
    if issues.total > shown {
        eprintln!(
            "{path}: … and {} more (first {shown} shown)",
            issues.total - shown
        );
    }
}

/// Load a dataset into a heap-allocated [`Dataset`] (it is large).
fn load_dataset<'a>(path: &str, json: &'a str) -> Result<Box<Dataset<'a>>, Fail> {
    let mut ds = Box::<Dataset>::default();
    if let Err(issues) = load::load_into(json, &mut ds) {
        print_issues(path, &issues);
        let n = issues.total;
        return Err(Fail(
            1,
            format!("{path}: {n} error{}", if n == 1 { "" } else { "s" }),
        ));
    }
    Ok(ds)
}

/// Load the vision and, when there are any, the published figures over it.
/// Every problem with the figures is told, each named by the file, line and
/// field (or CSV column) it came from: those found while reading them and
/// those koers-core finds in the combined figures.
fn load_with_figures<'a>(
    path: &str,
    json: &'a str,
    figures: Option<&'a (figures::Figures, String)>,
) -> Result<Box<Dataset<'a>>, Fail> {
    let mut ds = load_dataset(path, json)?;
    if let Some((f, combined)) = figures {
        let mut msgs = f.errors().to_vec();
        let mut total = msgs.len();
        if let Err(issues) = load::load_figures_into(combined, &mut ds) {
            msgs.extend(f.explain(&issues));
            total += issues.total;
        }
        if total > 0 {
            for m in &msgs {
                eprintln!("{m}");
            }
            return Err(Fail(
                1,
                format!(
                    "the published figures: {total} error{}",
                    if total == 1 { "" } else { "s" }
                ),
            ));
        }
    }
    Ok(ds)
}

/// Read every `--figures PATH` and combine them; exit code 2 when a path
/// cannot be read. Errors in the data are told by [`load_with_figures`].
fn read_figures(paths: &[String]) -> Result<Option<(figures::Figures, String)>, Fail> {
    if paths.is_empty() {
        return Ok(None);
    }
    let f = figures::read(paths)?;
    let json = f.to_json();
    Ok(Some((f, json)))
}

fn check(mut args: lexopt::Parser) -> Result<u8, Fail> {
    let mut file = None;
    let mut figure_paths = Vec::new();
    while let Some(arg) = args.next().map_err(|e| usage(e.to_string()))? {
        match arg {
            lexopt::Arg::Long("figures") => figure_paths.push(value_of(&mut args, "figures")?),
            lexopt::Arg::Value(v) if file.is_none() => {
                file = Some(v.to_string_lossy().into_owned())
            }
            other => return Err(usage(format!("check: unexpected {other:?}"))),
        }
    }
    let path = file.ok_or_else(|| usage("check: which FILE?"))?;
    let json = read_text(&path)?;
    // The vision first: its errors are told even when the figures cannot
    // be read.
    load_dataset(&path, &json)?;
    let figures = read_figures(&figure_paths)?;
    let ds = load_with_figures(&path, &json, figures.as_ref())?;
    say!(
        "{path}: ok: {} priorities, {} objectives, {} focus areas, {} targets, {} indicators, {} investment windows, {} figures, {} observations, {} window flows",
        ds.priorities.len(),
        ds.objectives.len(),
        ds.focus_areas.len(),
        ds.targets.len(),
        ds.indicators.len(),
        ds.windows.len(),
        ds.figures.len(),
        ds.observations.len(),
        ds.window_flows.len()
    );
    if let Some((f, _)) = &figures {
        say!("{}: ok: {}", figure_paths.join(", "), f.counts());
    }
    Ok(0)
}

/// `koers static FILE [--name NAME]`: the vision as Rust statics.
fn static_cmd(mut args: lexopt::Parser) -> Result<u8, Fail> {
    let mut file = None;
    let mut name = String::from("STATIC_VISION");
    while let Some(arg) = args.next().map_err(|e| usage(e.to_string()))? {
        match arg {
            lexopt::Arg::Long("name") => name = value_of(&mut args, "name")?,
            lexopt::Arg::Value(v) if file.is_none() => {
                file = Some(v.to_string_lossy().into_owned())
            }
            other => return Err(usage(format!("static: unexpected {other:?}"))),
        }
    }
    let path = file.ok_or_else(|| usage("static: which FILE?"))?;
    let identifier = name
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_uppercase() || c == '_')
        && name
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_');
    if !identifier {
        return Err(usage(format!(
            "static: --name '{name}' is not an upper-case Rust identifier (A-Z, 0-9, _)"
        )));
    }
    let json = read_text(&path)?;
    let ds = load_dataset(&path, &json)?;
    let mut text = String::new();
    koers_core::inplace::write_rust(&ds, &path, &name, &mut text)
        .map_err(|_| Fail(2, format!("{path}: cannot write the Rust source")))?;
    print!("{text}");
    Ok(0)
}

/// Output formats of `report`.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Markdown,
    Csv,
    Json,
}

fn value_of(args: &mut lexopt::Parser, name: &str) -> Result<String, Fail> {
    args.value()
        .map_err(|e| usage(format!("--{name}: {e}")))
        .map(|v| v.to_string_lossy().into_owned())
}

/// The current calendar year (UTC), from the system clock.
fn this_year() -> i32 {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    year_of_day(i64::try_from(secs / 86_400).unwrap_or(0))
}

/// The year of a day counted from 1970-01-01 (the proleptic Gregorian
/// calendar; Howard Hinnant's civil_from_days).
fn year_of_day(days: i64) -> i32 {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    i32::try_from(year).unwrap_or(i32::MAX)
}

fn report_cmd(mut args: lexopt::Parser) -> Result<u8, Fail> {
    let mut file = None;
    let mut lang = Lang::Nl;
    let mut format = Format::Markdown;
    let mut figure_paths = Vec::new();
    let mut year_now = None;
    while let Some(arg) = args.next().map_err(|e| usage(e.to_string()))? {
        match arg {
            lexopt::Arg::Long("figures") => figure_paths.push(value_of(&mut args, "figures")?),
            lexopt::Arg::Long("year") => year_now = Some(year(&mut args, "year")?),
            lexopt::Arg::Long("lang") => {
                lang = match value_of(&mut args, "lang")?.as_str() {
                    "nl" => Lang::Nl,
                    "en" => Lang::En,
                    other => return Err(usage(format!("--lang: '{other}' is not nl or en"))),
                }
            }
            lexopt::Arg::Long("format") => {
                format = match value_of(&mut args, "format")?.as_str() {
                    "md" | "markdown" => Format::Markdown,
                    "csv" => Format::Csv,
                    "json" => Format::Json,
                    other => {
                        return Err(usage(format!("--format: '{other}' is not md, csv or json")))
                    }
                }
            }
            lexopt::Arg::Value(v) if file.is_none() => {
                file = Some(v.to_string_lossy().into_owned())
            }
            other => return Err(usage(format!("report: unexpected {other:?}"))),
        }
    }
    let (path, text) = match &file {
        Some(path) => (path.as_str(), read_text(path)?),
        None => (
            "built-in vision",
            koers_core::builtin::VISION_JSON.to_string(),
        ),
    };
    load_dataset(path, &text)?;
    let figures = read_figures(&figure_paths)?;
    let ds = load_with_figures(path, &text, figures.as_ref())?;
    let this_year = year_now.unwrap_or_else(this_year);
    let out = match format {
        Format::Markdown => report::markdown(&ds, lang, this_year),
        Format::Csv => report::csv(&ds, lang, this_year),
        Format::Json => report::json(&ds, lang, this_year),
    };
    say_raw!("{out}");
    Ok(0)
}

fn number(args: &mut lexopt::Parser, name: &str) -> Result<f64, Fail> {
    let v = value_of(args, name)?;
    load::parse_number(&v).ok_or_else(|| usage(format!("--{name}: '{v}' is not a finite number")))
}

fn year(args: &mut lexopt::Parser, name: &str) -> Result<i32, Fail> {
    let v = value_of(args, name)?;
    load::parse_year(&v).ok_or_else(|| usage(format!("--{name}: '{v}' is not a year")))
}

#[cfg(test)]
mod tests {
    use super::year_of_day;

    #[test]
    fn the_year_of_a_day_since_1970() {
        for (days, year) in [
            (0, 1970),
            (364, 1970),
            (365, 1971),
            (10_956, 1999), // 1999-12-31
            (10_957, 2000), // 2000-01-01
            (20_453, 2025), // 2025-12-31
            (20_454, 2026), // 2026-01-01
            (-1, 1969),
        ] {
            assert_eq!(year_of_day(days), year, "day {days}");
        }
    }
}
