//! Writing the user's figures: as a koers-figures JSON file (exported and
//! stored) and as CSV, every CSV field guarded against formulas.

use std::string::{String, ToString};

use koers_core::csvcell;
use koers_core::model::{Dataset, Lang};

use super::{number_in, unescape, Flow, Obs, UserData, CSV_COLUMNS};

pub(crate) fn json_value<T: serde::Serialize>(v: &T, out: &mut String) {
    let mut buf = std::vec![0u8; 256];
    loop {
        match serde_json_core::to_slice(v, &mut buf) {
            Ok(n) => {
                out.push_str(core::str::from_utf8(&buf[..n]).unwrap_or("null"));
                return;
            }
            Err(_) if buf.len() < 1 << 24 => {
                let n = buf.len() * 2;
                buf.resize(n, 0);
            }
            Err(_) => {
                out.push_str("null");
                return;
            }
        }
    }
}

/// A number as JSON and CSV write it (shortest form that reads back).
pub fn number(v: f64) -> String {
    let mut s = String::new();
    json_value(&v, &mut s);
    s.strip_suffix(".0").map(String::from).unwrap_or(s)
}

fn json_table<T: serde::Serialize>(key: &str, items: impl Iterator<Item = T>, out: &mut String) {
    out.push_str("  \"");
    out.push_str(key);
    out.push_str("\": [");
    let mut empty = true;
    for (i, item) in items.enumerate() {
        out.push_str(if i == 0 { "\n    " } else { ",\n    " });
        json_value(&item, out);
        empty = false;
    }
    out.push_str(if empty { "]" } else { "\n  ]" });
}

fn figures_file(base: Option<&Dataset<'static>>, data: &UserData) -> String {
    let mut out = String::from("{\n  \"format\": \"koers-figures\",\n  \"format_version\": 1,\n");
    json_table(
        "sources",
        base.into_iter().flat_map(|b| b.sources.iter()),
        &mut out,
    );
    out.push_str(",\n");
    json_table(
        "series",
        base.into_iter().flat_map(|b| b.series.iter()),
        &mut out,
    );
    out.push_str(",\n");
    json_table(
        "observations",
        base.into_iter()
            .flat_map(|b| b.observations.iter().copied())
            .chain(data.obs.iter().map(Obs::as_model)),
        &mut out,
    );
    out.push_str(",\n");
    json_table(
        "events",
        base.into_iter().flat_map(|b| b.events.iter()),
        &mut out,
    );
    out.push_str(",\n");
    json_table(
        "window_flows",
        base.into_iter()
            .flat_map(|b| b.window_flows.iter().copied())
            .chain(data.flows.iter().map(Flow::as_model)),
        &mut out,
    );
    out.push_str("\n}\n");
    out
}

/// Export JSON: a koers-figures file (the format `koers publish --figures`
/// reads) with the published figures (their sources, series and events)
/// and then the user's observations and window flows, one per line.
/// Importing it gives the user's data back (the published rows are
/// recognised and left out); `koers publish` takes all of it.
pub fn export_json(base: &Dataset<'static>, data: &UserData) -> String {
    figures_file(Some(base), data)
}

/// What this browser stores: a koers-figures file with the user's
/// observations and window flows only, so a later edition of the published
/// figures is never shadowed by a stored copy of an older one.
pub fn user_json(data: &UserData) -> String {
    figures_file(None, data)
}

/// A CSV field, guarded against spreadsheet formulas (core's
/// [`csvcell::guard`]: `=…` is written `'=…`; a number stays a number) and
/// quoted when it must be. Every CSV the dashboard writes goes through it.
pub fn csv_field(s: &str, out: &mut String) {
    let guarded = csvcell::guard(s).to_string();
    let s = guarded.as_str();
    if s.contains([',', '"', '\n', '\r']) || s.starts_with(' ') || s.ends_with(' ') {
        out.push('"');
        out.push_str(&s.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(s);
    }
}

/// The observations as CSV, the columns of [`CSV_COLUMNS`].
pub fn export_csv(data: &UserData) -> String {
    let mut out = CSV_COLUMNS.join(",");
    out.push('\n');
    for o in &data.obs {
        csv_field(&o.subject, &mut out);
        out.push(',');
        out.push_str(&o.year.to_string());
        out.push(',');
        out.push_str(&number_in(o.value, Lang::En));
        out.push(',');
        csv_field(&unescape(&o.source), &mut out);
        out.push(',');
        if let Some(n) = &o.note {
            csv_field(&unescape(n), &mut out);
        }
        out.push(',');
        out.push_str(if o.provisional { "true" } else { "false" });
        out.push('\n');
    }
    out
}
