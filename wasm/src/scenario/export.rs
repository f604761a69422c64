//! The scenario as a JSON file (`koers-scenario`): its settings and what
//! it gives beside the vision, every number as koers-core computed it.

use std::string::String;
use std::vec::Vec;

use koers_core::model::Dataset;
use koers_core::scenario::{years, Course, Eval, MoneyOutcome, Outcome};

use super::Scenario;

/// The scenario file as exported: its settings (as a link holds them and
/// in full) and what it gives beside the vision. Written by serde, as every
/// other JSON koers writes.
#[derive(serde::Serialize)]
struct ScenarioFile<'a> {
    format: &'static str,
    format_version: u32,
    name: &'a str,
    query: String,
    lang: &'static str,
    revolving: RevolvingOut,
    money: MoneyOut<'a>,
    targets: Vec<TargetOut<'a>>,
}

#[derive(serde::Serialize)]
struct RevolvingOut {
    loss_rate: f64,
    annual_return: f64,
    holding_years: u32,
    reflow_lag_years: u32,
    start_year: i32,
    deploy_until: i32,
    horizon_year: i32,
    /// The parameters are the dashboard's assumptions, not the vision's.
    assumptions: bool,
}

#[derive(serde::Serialize)]
struct MoneyOut<'a> {
    target: f64,
    scenario: MoneyOutcomeOut,
    vision: MoneyOutcomeOut,
    windows: Vec<WindowOut<'a>>,
}

/// Keys `by_<year>` for the two [`years`] every outcome is shown for
/// (`by_2030`, `by_2035` for the Semicon Visie).
struct MoneyOutcomeOut {
    public: f64,
    mobilised: f64,
    reached: Option<bool>,
    year_reached: Option<i32>,
    gap: Option<f64>,
    years: [i32; 2],
    values: [Option<f64>; 2],
}

impl serde::Serialize for MoneyOutcomeOut {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(7))?;
        m.serialize_entry("public", &self.public)?;
        m.serialize_entry("mobilised", &self.mobilised)?;
        m.serialize_entry("reached", &self.reached)?;
        m.serialize_entry("year_reached", &self.year_reached)?;
        m.serialize_entry("gap", &self.gap)?;
        for (y, v) in self.years.iter().zip(&self.values) {
            m.serialize_entry(&["by_", &y.to_string()].concat(), v)?;
        }
        m.end()
    }
}

#[derive(serde::Serialize)]
struct WindowOut<'a> {
    id: &'a str,
    public: f64,
    multiplier: f64,
    reflows: bool,
    mobilised: f64,
    target: f64,
    reached: Option<bool>,
    vision_public: f64,
    vision_multiplier: f64,
}

#[derive(serde::Serialize)]
struct GoalOut {
    year: i32,
    value: f64,
}

/// Keys `<year>` for the two [`years`] every outcome is shown for (`2030`,
/// `2035` for the Semicon Visie).
struct OutcomeOut {
    years: [i32; 2],
    values: [Option<f64>; 2],
    year_reached: Option<i32>,
    gap: Option<f64>,
}

impl serde::Serialize for OutcomeOut {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(4))?;
        for (y, v) in self.years.iter().zip(&self.values) {
            m.serialize_entry(&y.to_string(), v)?;
        }
        m.serialize_entry("year_reached", &self.year_reached)?;
        m.serialize_entry("gap", &self.gap)?;
        m.end()
    }
}

#[derive(serde::Serialize)]
struct TargetOut<'a> {
    id: &'a str,
    course: Option<&'static str>,
    value: Option<f64>,
    set_by_user: bool,
    target: GoalOut,
    scenario: Option<OutcomeOut>,
    vision: OutcomeOut,
}

fn outcome_out(years: [i32; 2], o: &Outcome) -> OutcomeOut {
    OutcomeOut {
        years,
        values: o.values,
        year_reached: o.year_reached,
        gap: o.gap,
    }
}

fn money_out(years: [i32; 2], o: &MoneyOutcome) -> MoneyOutcomeOut {
    MoneyOutcomeOut {
        public: o.public,
        mobilised: o.mobilised,
        reached: o.reached,
        year_reached: o.year_reached,
        gap: o.gap,
        years,
        values: o.values,
    }
}

/// The scenario as a JSON file: its settings (as a link holds them and in
/// full) and what it gives beside the vision.
pub fn export_json(ds: &Dataset<'static>, sc: &Scenario, ev: &Eval, en: bool) -> String {
    let m = &ev.money;
    let at = years(ds);
    let file = ScenarioFile {
        format: "koers-scenario",
        format_version: 1,
        name: &sc.name,
        query: sc.to_query(),
        lang: if en { "en" } else { "nl" },
        revolving: RevolvingOut {
            loss_rate: m.params.loss_rate,
            annual_return: m.params.annual_return,
            holding_years: m.params.holding_years,
            reflow_lag_years: m.params.reflow_lag_years,
            start_year: m.params.start_year,
            deploy_until: m.deploy_until,
            horizon_year: m.params.horizon_year,
            assumptions: true,
        },
        money: MoneyOut {
            target: m.target,
            scenario: money_out(at, &m.scenario),
            vision: money_out(at, &m.vision),
            windows: m
                .windows
                .iter()
                .enumerate()
                .map(|(k, w)| {
                    let (public, multiplier, reflows) = m.settings[k];
                    let o = m.scenario.windows.get(k);
                    WindowOut {
                        id: ds.windows[w.index].id,
                        public,
                        multiplier,
                        reflows,
                        mobilised: o.map_or(0.0, |o| o.mobilised),
                        target: w.total,
                        reached: o.and_then(|o| o.reached),
                        vision_public: w.public,
                        vision_multiplier: w.multiplier,
                    }
                })
                .collect(),
        },
        targets: ev
            .courses
            .iter()
            .map(|r| {
                let (course, value) = match r.course {
                    Some(Course::Inflow(v)) => (Some("inflow"), Some(v)),
                    Some(Course::Growth(g)) => (Some("growth"), Some(g)),
                    None => (None, None),
                };
                TargetOut {
                    id: ds.targets[r.target].id,
                    course,
                    value,
                    set_by_user: r.set,
                    target: GoalOut {
                        year: r.goal.year,
                        value: r.goal.value,
                    },
                    scenario: r.course.map(|_| outcome_out(at, &r.scenario)),
                    vision: outcome_out(at, &r.vision),
                }
            })
            .collect(),
    };
    let mut out = String::new();
    crate::data::json_value(&file, &mut out);
    out.push('\n');
    out
}
