//! The calculations behind the ES module API (`www/koers.mjs`, typed in
//! `www/koers.d.ts`): JSON in, JSON out, computed by koers-core exactly as
//! the dashboard computes them. The JavaScript wrapper only parses and
//! stringifies.

use std::string::String;

use heapless::Vec;
use koers_core::assess;
use koers_core::config::MAX_SERIES_POINTS;
use koers_core::leverage::{self, Money};
use koers_core::model::{Target, TargetKind, TargetValue, Unit, YearValue};
use koers_core::progress::{Direction, Point};
use serde::Deserialize;
use wasm_bindgen::prelude::*;

/// A series to assess, as `assess()` takes it.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SeriesIn {
    /// `level`, `cumulative_flow`, `rate` or `milestone`.
    kind: TargetKind,
    /// `increase` or `decrease`.
    direction: Direction,
    #[serde(default)]
    baseline: Option<YearValue>,
    target: TargetValue,
    #[serde(default)]
    limit: Option<f64>,
    /// The year counted as the horizon when the target has none (default:
    /// the loaded vision's horizon).
    #[serde(default)]
    horizon_year: Option<i32>,
    points: Vec<Point, MAX_SERIES_POINTS>,
}

/// Money of one programme, as `leverage()` takes it.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LeverageIn {
    money: Money,
    #[serde(default)]
    target_multiplier: Option<f64>,
}

fn error(message: &str) -> String {
    ["{\"error\":\"", &crate::data::escape(message), "\"}"].concat()
}

/// Assess one series against its target, as the dashboard assesses a
/// target: JSON `{kind, direction, baseline?, target: {year?, value?},
/// limit?, horizon_year?, points: [{year, value}]}` in, core's
/// `TargetStatus` out (or `{"error": …}`).
#[wasm_bindgen]
pub fn assess_json(input: &str) -> String {
    let s: SeriesIn = match serde_json_core::from_str(input) {
        Ok((s, _)) => s,
        Err(e) => return error(&e.to_string()),
    };
    let t = Target {
        id: "series",
        priority: "",
        objective: None,
        title: Default::default(),
        kind: s.kind,
        unit: Unit::Count,
        direction: s.direction,
        baseline: s.baseline,
        target: s.target,
        limit: s.limit,
        qualifier: Default::default(),
        headline: false,
        note: None,
        source: Default::default(),
        also: Vec::new(),
    };
    // The horizon: stated, else the target's year, else the loaded vision's.
    let Some(horizon) = s
        .horizon_year
        .or(s.target.year)
        .or_else(crate::controller::horizon)
    else {
        return error("horizon_year is required when the target has no year");
    };
    let status = assess::assess_points(&t, &s.points, horizon, None);
    let mut out = String::new();
    crate::data::json_value(&status, &mut out);
    out
}

/// Leverage and mobilisation of one programme (EFSI/InvestEU multiplier,
/// OECD private mobilisation): JSON `{money: {public, other_public,
/// private, total}, target_multiplier?}` in, core's `Leverage` out (or
/// `{"error": …}`).
#[wasm_bindgen]
pub fn leverage_json(input: &str) -> String {
    let l: LeverageIn = match serde_json_core::from_str(input) {
        Ok((l, _)) => l,
        Err(e) => return error(&e.to_string()),
    };
    let r = leverage::leverage(&l.money, l.target_multiplier);
    let mut out = String::new();
    crate::data::json_value(&r, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_series_is_assessed_as_the_dashboard_does() {
        let out = assess_json(
            r#"{"kind":"cumulative_flow","direction":"increase","target":{"year":2030,"value":25000},"points":[{"year":2026,"value":3000}]}"#,
        );
        assert!(out.contains("\"status\":\"moderate_progress\""), "{out}");
        assert!(out.contains("\"method\":\"distance_travelled\""), "{out}");
        assert!(assess_json("{").starts_with("{\"error\":"));
        assert!(assess_json(r#"{"kind":"x"}"#).starts_with("{\"error\":"));
    }

    #[test]
    fn leverage_of_invest_nl() {
        let out = leverage_json(
            r#"{"money":{"public":4e9,"other_public":0,"private":null,"total":16e9},"target_multiplier":4}"#,
        );
        assert!(out.contains("\"multiplier\":4.0"), "{out}");
        assert!(out.contains("\"private_share\":0.75"), "{out}");
    }
}
