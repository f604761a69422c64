//! `koers`: check koers data files and print reports of a vision.
//!
//! ```text
//! koers check FILE
//! koers report [FILE] [--lang nl|en] [--format md|csv|json]
//! koers progress DATA.csv [--base-year Y] [--target V] [--target-year Y]
//!                [--direction positive|negative] [--limit L] [--format json]
//! ```
//!
//! Exit codes: 0 fine, 1 the data has errors, 2 the input could not be read or
//! the command line is wrong. Every calculation is koers-core's; this crate
//! only reads files, parses arguments and prints.

mod report;

use std::process::ExitCode;

use koers_core::load::{self, Issues};
use koers_core::model::{Dataset, Lang};
use koers_core::progress::{self, Direction, OpenSdgConfig, Point};

const USAGE: &str = "\
koers: follow the Semicon Visie 2035 from promise to result

usage:
  koers check FILE                 validate a koers dataset (JSON)
  koers report [FILE] [--lang nl|en] [--format md|csv|json]
                                   status of every target and indicator,
                                   roll-ups and the leverage table; with no
                                   FILE, the built-in vision
  koers progress DATA.csv [--base-year Y] [--target V] [--target-year Y]
                 [--direction positive|negative] [--limit L] [--format json]
                                   Open SDG progress of one series (CSV with
                                   columns Year,Value; rows with other
                                   columns empty are the headline)
  koers revolve --budget EUR --from Y --to Y --horizon Y --loss L
                --return R --holding H --lag G [--multiplier M] [--format md|json]
                                   the revolving-capital model: EUR spread
                                   evenly over the years FROM..TO, reflows
                                   counted to HORIZON; every parameter is
                                   required, none is assumed

exit codes: 0 fine, 1 data errors, 2 unreadable input or bad arguments";

/// A failure that ends the program with a message and an exit code.
struct Fail(u8, String);

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
            println!("{USAGE}");
            return Ok(0);
        }
        Some(other) => return Err(usage(format!("unexpected {other:?}"))),
    };
    match command.as_str() {
        "check" => check(args),
        "report" => report_cmd(args),
        "progress" => progress_cmd(args),
        "revolve" => revolve_cmd(args),
        "help" => {
            println!("{USAGE}");
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

fn check(mut args: lexopt::Parser) -> Result<u8, Fail> {
    let mut file = None;
    while let Some(arg) = args.next().map_err(|e| usage(e.to_string()))? {
        match arg {
            lexopt::Arg::Value(v) if file.is_none() => {
                file = Some(v.to_string_lossy().into_owned())
            }
            other => return Err(usage(format!("check: unexpected {other:?}"))),
        }
    }
    let path = file.ok_or_else(|| usage("check: which FILE?"))?;
    let json = read_text(&path)?;
    let ds = load_dataset(&path, &json)?;
    println!(
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

fn report_cmd(mut args: lexopt::Parser) -> Result<u8, Fail> {
    let mut file = None;
    let mut lang = Lang::Nl;
    let mut format = Format::Markdown;
    while let Some(arg) = args.next().map_err(|e| usage(e.to_string()))? {
        match arg {
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
    let text;
    let ds = match &file {
        Some(path) => {
            text = read_text(path)?;
            load_dataset(path, &text)?
        }
        None => load_dataset("built-in vision", koers_core::builtin::VISION_JSON)?,
    };
    let out = match format {
        Format::Markdown => report::markdown(&ds, lang),
        Format::Csv => report::csv(&ds, lang),
        Format::Json => report::json(&ds, lang),
    };
    print!("{out}");
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

fn progress_cmd(mut args: lexopt::Parser) -> Result<u8, Fail> {
    let mut file = None;
    let mut cfg = OpenSdgConfig::default();
    while let Some(arg) = args.next().map_err(|e| usage(e.to_string()))? {
        match arg {
            lexopt::Arg::Long("base-year") => cfg.base_year = year(&mut args, "base-year")?,
            lexopt::Arg::Long("target") => cfg.target = Some(number(&mut args, "target")?),
            lexopt::Arg::Long("target-year") => cfg.target_year = year(&mut args, "target-year")?,
            lexopt::Arg::Long("limit") => cfg.limit = Some(number(&mut args, "limit")?),
            lexopt::Arg::Long("direction") => {
                cfg.direction = match value_of(&mut args, "direction")?.as_str() {
                    "positive" | "increase" => Direction::Increase,
                    "negative" | "decrease" => Direction::Decrease,
                    other => {
                        return Err(usage(format!(
                            "--direction: '{other}' is not positive or negative"
                        )))
                    }
                }
            }
            lexopt::Arg::Long("format") => {
                let f = value_of(&mut args, "format")?;
                if f != "json" {
                    return Err(usage(format!("--format: '{f}': progress prints json")));
                }
            }
            lexopt::Arg::Value(v) if file.is_none() => {
                file = Some(v.to_string_lossy().into_owned())
            }
            other => return Err(usage(format!("progress: unexpected {other:?}"))),
        }
    }
    let path = file.ok_or_else(|| usage("progress: which DATA.csv?"))?;
    let bytes = std::fs::read(&path).map_err(|e| Fail(2, format!("{path}: cannot read: {e}")))?;
    let points = headline_series(&bytes).map_err(|e| Fail(2, format!("{path}: {e}")))?;
    let a = progress::open_sdg(&points, &cfg);
    let out = serde_json::json!({
        "status": a.status,
        "score": a.score,
        "progress_value": a.progress_value,
        "base_year": a.base_year,
        "current_year": a.current_year,
        "target_achieved": a.target_achieved,
    });
    println!("{out:#}");
    Ok(0)
}

/// The headline series of an Open SDG-style CSV: columns `Year` and `Value`;
/// rows whose other columns are all empty. Rows without a value are dropped,
/// as Open SDG drops them.
fn headline_series(bytes: &[u8]) -> Result<Vec<Point>, load::CsvError> {
    use load::{CsvError, ErrorKind};
    let mut cols: Option<(usize, usize, usize)> = None;
    let mut points = Vec::new();
    load::read_csv(
        bytes,
        |rec| {
            let Some((year_col, value_col, width)) = cols else {
                let find = |name: &'static str| {
                    (0..rec.len())
                        .find(|i| {
                            rec.get(*i).is_some_and(|h| {
                                h.trim()
                                    .trim_start_matches('\u{feff}')
                                    .eq_ignore_ascii_case(name)
                            })
                        })
                        .ok_or(CsvError {
                            line: rec.line,
                            column: None,
                            kind: ErrorKind::MissingColumn(name),
                        })
                };
                cols = Some((find("Year")?, find("Value")?, rec.len()));
                return Ok(());
            };
            if rec.len() > width {
                return Err(CsvError {
                    line: rec.line,
                    column: None,
                    kind: ErrorKind::TooManyFields,
                });
            }
            let headline = (0..rec.len())
                .filter(|i| *i != year_col && *i != value_col)
                .all(|i| rec.get(i).is_none_or(|f| f.trim().is_empty()));
            if !headline {
                return Ok(());
            }
            let value = rec.get(value_col).unwrap_or("").trim();
            if value.is_empty() {
                return Ok(());
            }
            let bad = |column| CsvError {
                line: rec.line,
                column: Some(column),
                kind: ErrorKind::NotANumber,
            };
            let year = rec
                .get(year_col)
                .and_then(load::parse_year)
                .ok_or_else(|| bad("Year"))?;
            let value = load::parse_number(value).ok_or_else(|| bad("Value"))?;
            // Open SDG refuses two headline values for one year; so do we,
            // naming the line.
            if points.iter().any(|p: &Point| p.year == year) {
                return Err(CsvError {
                    line: rec.line,
                    column: Some("Year"),
                    kind: ErrorKind::DuplicateYear,
                });
            }
            points.push(Point { year, value });
            Ok(())
        },
        |line| CsvError {
            line,
            column: None,
            kind: ErrorKind::TooLong,
        },
    )?;
    if cols.is_none() {
        return Err(CsvError {
            line: 1,
            column: None,
            kind: ErrorKind::MissingColumn("Year"),
        });
    }
    Ok(points)
}

fn revolve_cmd(mut args: lexopt::Parser) -> Result<u8, Fail> {
    use koers_core::leverage::{self, RevolvingParams};
    let (mut budget, mut from, mut to, mut horizon) = (None, None, None, None);
    let (mut loss, mut ret, mut holding, mut lag, mut multiplier) = (None, None, None, None, None);
    let mut json = false;
    while let Some(arg) = args.next().map_err(|e| usage(e.to_string()))? {
        match arg {
            lexopt::Arg::Long("budget") => budget = Some(number(&mut args, "budget")?),
            lexopt::Arg::Long("from") => from = Some(year(&mut args, "from")?),
            lexopt::Arg::Long("to") => to = Some(year(&mut args, "to")?),
            lexopt::Arg::Long("horizon") => horizon = Some(year(&mut args, "horizon")?),
            lexopt::Arg::Long("loss") => loss = Some(number(&mut args, "loss")?),
            lexopt::Arg::Long("return") => ret = Some(number(&mut args, "return")?),
            lexopt::Arg::Long("multiplier") => multiplier = Some(number(&mut args, "multiplier")?),
            lexopt::Arg::Long("holding") | lexopt::Arg::Long("lag") => {
                let name = if matches!(arg, lexopt::Arg::Long("holding")) {
                    "holding"
                } else {
                    "lag"
                };
                let v = value_of(&mut args, name)?;
                let n: u32 = v.trim().parse().map_err(|_| {
                    usage(format!("--{name}: '{v}' is not a whole number of years"))
                })?;
                if name == "holding" {
                    holding = Some(n);
                } else {
                    lag = Some(n);
                }
            }
            lexopt::Arg::Long("format") => {
                json = match value_of(&mut args, "format")?.as_str() {
                    "json" => true,
                    "md" | "markdown" => false,
                    other => return Err(usage(format!("--format: '{other}' is not md or json"))),
                }
            }
            other => return Err(usage(format!("revolve: unexpected {other:?}"))),
        }
    }
    let need = |name: &str| {
        usage(format!(
            "revolve: --{name} is required (the model assumes nothing)"
        ))
    };
    let budget = budget.ok_or_else(|| need("budget"))?;
    let from = from.ok_or_else(|| need("from"))?;
    let to = to.ok_or_else(|| need("to"))?;
    let params = RevolvingParams {
        start_year: from,
        horizon_year: horizon.ok_or_else(|| need("horizon"))?,
        loss_rate: loss.ok_or_else(|| need("loss"))?,
        annual_return: ret.ok_or_else(|| need("return"))?,
        holding_years: holding.ok_or_else(|| need("holding"))?,
        reflow_lag_years: lag.ok_or_else(|| need("lag"))?,
    };
    if to < from {
        return Err(usage("revolve: --to is before --from"));
    }
    let years = usize::try_from(i64::from(to) - i64::from(from) + 1).unwrap_or(usize::MAX);
    if years > leverage::MAX_REVOLVING_YEARS {
        return Err(usage(format!(
            "revolve: at most {} budget years",
            leverage::MAX_REVOLVING_YEARS
        )));
    }
    let spread = leverage::even_budget(budget, years);
    if spread.is_empty() {
        return Err(usage(
            "revolve: --budget must be a finite amount of at least 0",
        ));
    }
    let r = leverage::revolve(&spread, &params);
    if let Some(reason) = r.reason.filter(|_| r.years.is_empty()) {
        return Err(Fail(1, format!("revolve: {reason}")));
    }
    let mobilised = multiplier.and_then(|m| leverage::revolving_mobilised_total(&r, m));
    if json {
        let out =
            serde_json::json!({ "params": params, "result": r, "mobilised_total": mobilised });
        println!("{out:#}");
        return Ok(0);
    }
    println!("| year | budget | reflow | redeployed | deployed |\n|---|---|---|---|---|");
    for y in &r.years {
        println!(
            "| {} | {:.0} | {:.0} | {:.0} | {:.0} |",
            y.year, y.budget, y.reflow, y.redeployed, y.deployed
        );
    }
    println!();
    println!("budget total:     {:.0}", r.budget_total);
    println!("deployed total:   {:.0}", r.deployed_total);
    println!(
        "reflows by {}:  {:.0}",
        params.horizon_year, r.reflows_total
    );
    let show = |v: Option<f64>| v.map_or_else(|| "–".to_string(), |v| format!("{v:.4}"));
    println!("revolving factor: {}", show(r.revolving_factor));
    println!("q per cycle:      {}", show(r.q));
    println!(
        "long-run ceiling: {}",
        r.long_run_ceiling
            .map_or_else(|| "none (q >= 1)".to_string(), |v| format!("{v:.0}"))
    );
    if let Some(m) = mobilised {
        println!(
            "mobilised total at {}x per deployment: {m:.0}",
            multiplier.unwrap_or(0.0)
        );
    }
    Ok(0)
}
