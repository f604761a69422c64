//! `koers progress`: Open SDG's progress measure of an Open SDG data file.
//!
//! The rows are read by `koers_core::opensdg` as sdg-build selects them,
//! the measure is `koers_core::progress`; this module reads the files and
//! the options and prints. Every "not available" is printed with its
//! reason; every refusal names the file, line and column.

mod config;

use koers_core::opensdg::{self, ErrorKind, Filter, Outcome, Row, Selection};
use koers_core::progress::{self, Assessment, Direction, Status};
use koers_core::{model::Lang, view};
use serde_json::{json, Value};

use super::{number, usage, value_of, year, Fail};
use config::{Entry, Indicator};

/// What the flags say about one series, applied over the defaults (or
/// refused beside `--config`).
#[derive(Default)]
struct Flags {
    any: bool,
    entry: Entry,
}

fn flags_entry(f: &mut Flags, name: &str, args: &mut lexopt::Parser) -> Result<bool, Fail> {
    let e = &mut f.entry;
    match name {
        "base-year" => e.cfg.base_year = year(args, "base-year")?,
        "target" => e.cfg.target = Some(number(args, "target")?),
        "target-year" => e.cfg.target_year = year(args, "target-year")?,
        "limit" => e.cfg.limit = Some(number(args, "limit")?),
        "threshold-high" => e.cfg.thresholds.high = Some(number(args, "threshold-high")?),
        "threshold-med" => e.cfg.thresholds.med = Some(number(args, "threshold-med")?),
        "threshold-low" => e.cfg.thresholds.low = Some(number(args, "threshold-low")?),
        "series" => e.series = Some(value_of(args, "series")?),
        "unit" => e.unit = Some(value_of(args, "unit")?),
        "disaggregation" => {
            let v = value_of(args, "disaggregation")?;
            let (field, value) = v
                .split_once('=')
                .ok_or_else(|| usage(format!("--disaggregation: '{v}' is not FIELD=VALUE")))?;
            e.disaggregation.push((field.into(), value.into()));
        }
        "direction" => {
            e.cfg.direction = match value_of(args, "direction")?.as_str() {
                // "increase"/"decrease" are koers' own words for the same.
                "increase" => Direction::Increase,
                "decrease" => Direction::Decrease,
                other => {
                    config::direction(other).map_err(|m| usage(format!("--direction: {m}")))?
                }
            }
        }
        _ => return Ok(false),
    }
    f.any = true;
    Ok(true)
}

/// `koers progress DATA.csv [options]`.
pub fn run(mut args: lexopt::Parser) -> Result<u8, Fail> {
    let (mut file, mut config_path) = (None, None);
    let mut flags = Flags::default();
    let mut text = false;
    while let Some(arg) = args.next().map_err(|e| usage(e.to_string()))? {
        let name = match arg {
            lexopt::Arg::Long(name) => name.to_string(),
            lexopt::Arg::Value(v) if file.is_none() => {
                file = Some(v.to_string_lossy().into_owned());
                continue;
            }
            other => return Err(usage(format!("progress: unexpected {other:?}"))),
        };
        if flags_entry(&mut flags, &name, &mut args)? {
            continue;
        }
        match name.as_str() {
            "config" => config_path = Some(value_of(&mut args, "config")?),
            "format" => {
                text = match value_of(&mut args, "format")?.as_str() {
                    "json" => false,
                    "text" => true,
                    other => return Err(usage(format!("--format: '{other}' is not json or text"))),
                }
            }
            other => return Err(usage(format!("progress: unexpected --{other}"))),
        }
    }
    let path = file.ok_or_else(|| usage("progress: which DATA.csv?"))?;
    let indicator = match &config_path {
        Some(_) if flags.any => {
            return Err(usage(
                "progress: give the options in --config or as flags, not both",
            ))
        }
        Some(c) => {
            let yaml = super::read_text(c)?;
            config::parse(&yaml).map_err(|m| Fail(1, format!("{c}:{m}")))?
        }
        None => Indicator {
            entries: vec![flags.entry],
            ..Indicator::default()
        },
    };
    let bytes = std::fs::read(&path).map_err(|e| Fail(2, format!("{path}: cannot read: {e}")))?;
    let out = measure(&path, &bytes, &indicator)?;
    let printed = if text {
        as_text(&path, &out)
    } else {
        format!("{out:#}\n")
    };
    // A closed pipe (`| head`) is not an error of the data.
    use std::io::Write;
    let _ = std::io::stdout().write_all(printed.as_bytes());
    Ok(0)
}

/// The header's names, for messages.
fn header(bytes: &[u8]) -> Vec<String> {
    let mut names = Vec::new();
    let _ = opensdg::header(bytes, |_, n| names.push(n.to_string()));
    names
}

/// A reader error as `FILE:LINE: column NAME: what`; exit code 2 for a file
/// that is not UTF-8 text, 1 for invalid data.
fn refuse(path: &str, bytes: &[u8], e: opensdg::Error) -> Fail {
    let code = if e.kind == ErrorKind::NotUtf8 { 2 } else { 1 };
    let column = e
        .column
        .and_then(|c| header(bytes).get(c).cloned())
        .map_or_else(String::new, |c| format!(" column {c}:"));
    Fail(code, format!("{path}:{}:{column} {}", e.line, e.kind))
}

/// Open SDG's series tag: series, unit and disaggregation values.
fn tag(e: &Entry) -> String {
    let mut parts: Vec<&str> = Vec::new();
    parts.extend(e.series.as_deref());
    parts.extend(e.unit.as_deref());
    parts.extend(e.disaggregation.iter().map(|(_, v)| v.as_str()));
    if parts.is_empty() {
        "headline".into()
    } else {
        parts.join(" / ")
    }
}

fn reason_text(r: progress::Reason) -> &'static str {
    view::reason(r, Lang::En)
}

/// Every series of the indicator, measured, and the indicator's status.
fn measure(path: &str, bytes: &[u8], ind: &Indicator) -> Result<Value, Fail> {
    if !ind.auto {
        // Open SDG shows the status given by hand, or none.
        let status = ind.manual_status.clone();
        return Ok(json!({
            "indicator": {
                "status": status.as_deref().unwrap_or(Status::NotAvailable.label()),
                "score": null,
                "target_achieved": status.as_deref() == Some("target_achieved"),
                "reason": if status.is_some() { "progress_status_given" } else { "auto_progress_calculation_off" },
                "reason_text": if status.is_some() {
                    "auto_progress_calculation is not true: the progress_status given in the configuration"
                } else {
                    "auto_progress_calculation is not true and no progress_status is given: Open SDG calculates nothing"
                },
            },
            "series": [],
        }));
    }
    let lines = 2 + bytes
        .iter()
        .filter(|b| **b == b'\n' || **b == b'\r')
        .count();
    let mut buf = vec![
        Row {
            year: 0,
            value: 0.0,
            line: 0
        };
        lines
    ];
    let mut series = Vec::new();
    let mut assessments = Vec::new();
    for e in &ind.entries {
        let filters: Vec<Filter> = e
            .disaggregation
            .iter()
            .map(|(field, value)| Filter { field, value })
            .collect();
        let sel = Selection {
            series: e.series.as_deref(),
            unit: e.unit.as_deref(),
            disaggregation: &filters,
        };
        let read = opensdg::read_series(bytes, &sel, &mut buf).map_err(|err| {
            let f = refuse(path, bytes, err);
            Fail(
                f.0,
                format!(
                    "{}{}",
                    f.1,
                    if ind.entries.len() > 1 {
                        format!(" (series {})", tag(e))
                    } else {
                        String::new()
                    }
                ),
            )
        })?;
        let warnings: Vec<String> = read.warnings.iter().map(|w| w.to_string()).collect();
        let mut s = json!({
            "tag": tag(e),
            "series": e.series,
            "unit": e.unit,
            "disaggregation": e.disaggregation.iter().map(|(f, v)| json!({"field": f, "value": v})).collect::<Vec<_>>(),
            "options": e.cfg,
            "warnings": warnings,
        });
        let a = match read.outcome {
            Outcome::NoHeadline { line, column } => {
                let col = header(bytes).get(column).cloned().unwrap_or_default();
                s["rows"] = json!(0);
                s["points"] = json!([]);
                s["reason"] = json!("no_headline");
                s["reason_text"] = json!(format!(
                    "no headline rows: every row has a disaggregation (line {line}, column {col}); Open SDG stops here; choose one with --disaggregation FIELD=VALUE or disaggregation: in the configuration"
                ));
                Assessment::not_available(progress::Reason::NoData)
            }
            Outcome::Rows { count, .. } => {
                let rows = buf.get(..count).unwrap_or(&[]);
                let points: Vec<_> = rows.iter().map(|r| r.point()).collect();
                let a = progress::open_sdg(&points, &e.cfg);
                s["rows"] = json!(count);
                // What was measured, each with its line in the file.
                s["points"] = rows
                    .iter()
                    .map(|r| json!({"year": r.year, "value": r.value, "line": r.line}))
                    .collect();
                s["reason"] = json!(a.reason.map(|r| r.label()));
                s["reason_text"] = json!(a.reason.map(reason_text));
                a
            }
        };
        for k in [
            "status",
            "score",
            "progress_value",
            "base_year",
            "current_year",
            "target_achieved",
        ] {
            s[k] = serde_json::to_value(a)
                .ok()
                .and_then(|v| v.get(k).cloned())
                .unwrap_or(Value::Null);
        }
        assessments.push(a);
        series.push(s);
    }
    let g = progress::aggregate(&assessments);
    let all_achieved = g.counted > 0 && g.status == Status::TargetAchieved;
    let mut out = json!({
        "indicator": {
            "status": g.status,
            "score": g.mean_score,
            "target_achieved": all_achieved,
            "counted": g.counted,
            "missing": g.missing,
            "reason": if g.counted == 0 { json!("no_series_with_a_score") } else { Value::Null },
            "reason_text": if g.counted == 0 { json!("no series has a score (see each series' reason)") } else { Value::Null },
        },
    });
    // One series: its result is also the top level, as before.
    if let [only] = series.as_slice() {
        for k in [
            "status",
            "score",
            "progress_value",
            "base_year",
            "current_year",
            "target_achieved",
            "reason",
            "reason_text",
        ] {
            out[k] = only[k].clone();
        }
    }
    out["series"] = Value::Array(series);
    Ok(out)
}

fn show(v: &Value, digits: usize) -> String {
    v.as_f64()
        .map_or_else(|| "–".into(), |x| format!("{x:.digits$}"))
}

/// The text output: the indicator, then each series; a not-available
/// status always with its reason.
fn as_text(path: &str, out: &Value) -> String {
    let mut s = String::new();
    let ind = &out["indicator"];
    let status = ind["status"].as_str().unwrap_or("");
    s += &format!("{path}: indicator: {status}");
    if let Some(m) = ind["score"].as_f64() {
        s += &format!(" (mean score {m:.3} of {} series)", ind["counted"]);
    }
    if let Some(r) = ind["reason_text"].as_str() {
        s += &format!(": {r}");
    }
    s.push('\n');
    for x in out["series"].as_array().into_iter().flatten() {
        s += &format!(
            "  {}: {}",
            x["tag"].as_str().unwrap_or(""),
            x["status"].as_str().unwrap_or("")
        );
        match x["reason_text"].as_str() {
            Some(r) => s += &format!(": {r}"),
            None => {
                s += &format!(
                    ", score {}, progress value {}, base year {}, current year {}",
                    show(&x["score"], 3),
                    show(&x["progress_value"], 6),
                    x["base_year"],
                    x["current_year"]
                );
                if x["target_achieved"] == true {
                    s += ", target achieved";
                }
            }
        }
        s.push('\n');
        for w in x["warnings"].as_array().into_iter().flatten() {
            s += &format!("    warning: {}\n", w.as_str().unwrap_or(""));
        }
    }
    s
}
