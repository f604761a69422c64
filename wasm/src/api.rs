//! The calculations behind the ES module API (`www/koers.mjs`, typed in
//! `www/koers.d.ts`): plain JavaScript objects in and out (through
//! serde-wasm-bindgen, absent values as `null` as in JSON), computed by
//! koers-core exactly as the dashboard computes them. A value that cannot
//! be read throws an `Error` naming what is wrong; the JavaScript wrapper
//! only passes values through.

use std::string::{String, ToString};

use heapless::Vec;
use koers_core::assess::{self, TargetStatus};
use koers_core::config::MAX_SERIES_POINTS;
use koers_core::leverage::{self, Money};
use koers_core::model::{Target, TargetKind, TargetValue, Unit, YearValue};
use koers_core::progress::{Direction, Point};
use serde::{Deserialize, Serialize};
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

/// The target a series is assessed against, as the dashboard assesses a
/// target of the vision; or why it cannot be.
fn assess_series(s: &SeriesIn, loaded_horizon: Option<i32>) -> Result<TargetStatus, String> {
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
        window: None,
        note: None,
        source: Default::default(),
        also: Vec::new(),
    };
    // The horizon: stated, else the target's year, else the loaded vision's.
    let horizon = s
        .horizon_year
        .or(s.target.year)
        .or(loaded_horizon)
        .ok_or_else(|| "horizon_year is required when the target has no year".to_string())?;
    Ok(assess::assess_points(&t, &s.points, horizon, None))
}

/// A Rust value as a plain JavaScript object: absent values `null`, maps
/// as objects, as `JSON.parse` of koers's JSON would give.
fn to_js<T: Serialize>(v: &T) -> Result<JsValue, JsError> {
    v.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()))
}

/// Assess one series against its target, as the dashboard assesses a
/// target: `{kind, direction, baseline?, target: {year?, value?}, limit?,
/// horizon_year?, points: [{year, value}]}` in, core's `TargetStatus` out;
/// throws an `Error` saying what could not be read.
#[wasm_bindgen(js_name = assessSeries)]
pub fn assess_series_js(input: JsValue) -> Result<JsValue, JsError> {
    let s: SeriesIn =
        serde_wasm_bindgen::from_value(input).map_err(|e| JsError::new(&e.to_string()))?;
    let status = assess_series(&s, crate::controller::horizon()).map_err(|e| JsError::new(&e))?;
    to_js(&status)
}

/// Leverage and mobilisation of one programme (EFSI/InvestEU multiplier,
/// OECD private mobilisation): `{money: {public, other_public, private,
/// total}, target_multiplier?}` in, core's `Leverage` out; throws an
/// `Error` saying what could not be read.
#[wasm_bindgen(js_name = leverageOf)]
pub fn leverage_js(input: JsValue) -> Result<JsValue, JsError> {
    let l: LeverageIn =
        serde_wasm_bindgen::from_value(input).map_err(|e| JsError::new(&e.to_string()))?;
    to_js(&leverage::leverage(&l.money, l.target_multiplier))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn series(json: &str) -> SeriesIn {
        serde_json_core::from_str(json).unwrap().0
    }

    #[test]
    fn a_series_is_assessed_as_the_dashboard_does() {
        let s = series(
            r#"{"kind":"cumulative_flow","direction":"increase","target":{"year":2030,"value":25000},"points":[{"year":2026,"value":3000}]}"#,
        );
        let out = assess_series(&s, None).unwrap();
        let mut json = String::new();
        crate::data::json_value(&out, &mut json);
        assert!(json.contains("\"status\":\"moderate_progress\""), "{json}");
        assert!(json.contains("\"method\":\"distance_travelled\""), "{json}");
        // No year and no loaded vision: the horizon must be stated.
        let s =
            series(r#"{"kind":"level","direction":"increase","target":{"value":3},"points":[]}"#);
        assert!(assess_series(&s, None)
            .unwrap_err()
            .contains("horizon_year"));
        assert!(assess_series(&s, Some(2035)).is_ok());
    }

    #[test]
    fn leverage_of_invest_nl() {
        let l: LeverageIn = serde_json_core::from_str(
            r#"{"money":{"public":4e9,"other_public":0,"private":null,"total":16e9},"target_multiplier":4}"#,
        )
        .unwrap()
        .0;
        let r = leverage::leverage(&l.money, l.target_multiplier);
        assert_eq!(r.multiplier, Some(4.0));
        assert_eq!(r.private_share, Some(0.75));
    }
}
