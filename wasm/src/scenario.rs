//! The scenario explorer's state: what the user changed from the vision
//! (overrides only, so a scenario follows new observations), the starting
//! values the vision and the observations give, the settings as a short
//! query for links and local saves, and the outcomes computed by koers-core
//! (`koers_core::scenario`) for the scenario and for the vision, side by
//! side. Nothing here is invented: a course without observations has no
//! pace until the user sets one, and the revolving model's parameters are
//! the dashboard's stated assumptions ([`Revolve`]).

use std::string::{String, ToString};
use std::vec::Vec;

use koers_core::config::MAX_TARGETS;
use koers_core::leverage::RevolvingParams;
use koers_core::model::Dataset;
use koers_core::present::Overview;
use koers_core::scenario::{self as core_scenario, Course, WindowOverride};
mod export;
pub use export::export_json;
pub use koers_core::scenario::{
    money_target, money_windows, years, CourseRow, Eval, MoneyEval, MoneyWindow,
};

use crate::data::{number, UserData};

/// Parameters of the revolving-capital model, as the reader set them.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Revolve {
    /// Share of deployed capital lost, percent.
    pub loss_pct: f64,
    /// Yearly return, percent.
    pub return_pct: f64,
    /// Holding period, years.
    pub holding: u32,
    /// Lag before redeployment, years.
    pub lag: u32,
}

impl Default for Revolve {
    fn default() -> Self {
        // Assumptions, not the vision's: shown and editable on the page.
        Revolve {
            loss_pct: 20.0,
            return_pct: 3.0,
            holding: 5,
            lag: 1,
        }
    }
}

impl Revolve {
    /// The parameters as koers-core's revolving model takes them.
    pub fn choice(self) -> koers_core::present::RevolvingChoice {
        koers_core::present::RevolvingChoice {
            loss_pct: self.loss_pct,
            return_pct: self.return_pct,
            holding: self.holding,
            lag: self.lag,
        }
    }
}

/// One of the revolving model's parameters, as the page names them
/// (`data-revolve`, the explorer's `data-id`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RevolveParam {
    /// [`Revolve::loss_pct`].
    Loss,
    /// [`Revolve::return_pct`].
    Return,
    /// [`Revolve::holding`].
    Holding,
    /// [`Revolve::lag`].
    Lag,
}

impl RevolveParam {
    /// Every parameter, in the order the page shows them.
    pub const ALL: [RevolveParam; 4] = [
        RevolveParam::Loss,
        RevolveParam::Return,
        RevolveParam::Holding,
        RevolveParam::Lag,
    ];

    /// Its name on the page (`loss`, `return`, `holding`, `lag`).
    pub fn name(self) -> &'static str {
        match self {
            RevolveParam::Loss => "loss",
            RevolveParam::Return => "return",
            RevolveParam::Holding => "holding",
            RevolveParam::Lag => "lag",
        }
    }

    /// Read back what [`RevolveParam::name`] gives.
    pub fn parse(s: &str) -> Option<RevolveParam> {
        RevolveParam::ALL.into_iter().find(|p| p.name() == s)
    }
}

impl Revolve {
    /// Set one parameter, kept within what the model takes (a share of
    /// 0–100 %, a return of −50–50 %, whole years of 0–30 and 0–10); a
    /// value that is not a number changes nothing.
    pub fn set(&mut self, p: RevolveParam, v: f64) {
        if !v.is_finite() {
            return;
        }
        match p {
            RevolveParam::Loss => self.loss_pct = v.clamp(0.0, 100.0),
            RevolveParam::Return => self.return_pct = v.clamp(-50.0, 50.0),
            RevolveParam::Holding => self.holding = v.clamp(0.0, 30.0) as u32,
            RevolveParam::Lag => self.lag = v.clamp(0.0, 10.0) as u32,
        }
    }
}

/// A course the user chose for one target.
#[derive(Clone, Debug, PartialEq)]
pub struct CourseSet {
    /// Target id.
    pub target: String,
    /// A growth rate (fraction a year) rather than a fixed yearly amount.
    pub growth: bool,
    /// The yearly amount, or the growth rate (0.05 = 5 %).
    pub value: f64,
}

/// What the user changed of one investment window.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WindowSet {
    /// Window id.
    pub window: String,
    /// Public money, euros.
    pub public: Option<f64>,
    /// Multiplier (on the part outside child windows).
    pub multiplier: Option<f64>,
    /// Count reflows redeployed (top-level windows only).
    pub revolving: Option<bool>,
}

/// A scenario: a name and what differs from the vision.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Scenario {
    /// The name the user gave it (may be empty).
    pub name: String,
    /// Courses set, per target.
    pub courses: Vec<CourseSet>,
    /// Windows changed.
    pub windows: Vec<WindowSet>,
    /// The revolving model's parameters (assumptions, editable): the one
    /// state of them, which the money view shows and changes too.
    pub revolve: Revolve,
    /// Last year of new budget, when changed.
    pub deploy_until: Option<i32>,
}

impl Scenario {
    /// The user's window settings, created on first change.
    pub fn window_mut(&mut self, id: &str) -> &mut WindowSet {
        let k = match self.windows.iter().position(|w| w.window == id) {
            Some(k) => k,
            None => {
                self.windows.push(WindowSet {
                    window: id.into(),
                    ..WindowSet::default()
                });
                self.windows.len() - 1
            }
        };
        &mut self.windows[k]
    }

    /// The window settings for `id`, if changed.
    pub fn window(&self, id: &str) -> Option<&WindowSet> {
        self.windows.iter().find(|w| w.window == id)
    }

    /// The course set for `id`, if any.
    pub fn course(&self, id: &str) -> Option<&CourseSet> {
        self.courses.iter().find(|c| c.target == id)
    }

    /// Set the course of `id`.
    pub fn set_course(&mut self, id: &str, growth: bool, value: f64) {
        match self.courses.iter_mut().find(|c| c.target == id) {
            Some(c) => {
                c.growth = growth;
                c.value = value;
            }
            None => self.courses.push(CourseSet {
                target: id.into(),
                growth,
                value,
            }),
        }
    }

    /// Whether anything differs from the vision.
    pub fn is_vision(&self) -> bool {
        self.courses.is_empty()
            && self
                .windows
                .iter()
                .all(|w| w.public.is_none() && w.multiplier.is_none() && w.revolving.is_none())
            && self.revolve == Revolve::default()
            && self.deploy_until.is_none()
    }

    /// The settings as a query (`n=…&w=…&c=…&r=…`): what a link after
    /// `#/scenario?` and a local save hold. Only what differs is written.
    pub fn to_query(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        if !self.name.is_empty() {
            parts.push(["n=", &encode(&self.name)].concat());
        }
        let opt = |v: Option<f64>| v.map(number).unwrap_or_default();
        let ws: Vec<String> = self
            .windows
            .iter()
            .filter(|w| w.public.is_some() || w.multiplier.is_some() || w.revolving.is_some())
            .map(|w| {
                [
                    w.window.as_str(),
                    "~",
                    &opt(w.public),
                    "~",
                    &opt(w.multiplier),
                    "~",
                    match w.revolving {
                        Some(true) => "1",
                        Some(false) => "0",
                        None => "",
                    },
                ]
                .concat()
            })
            .collect();
        if !ws.is_empty() {
            parts.push(["w=", &ws.join(";")].concat());
        }
        let cs: Vec<String> = self
            .courses
            .iter()
            .map(|c| {
                [
                    c.target.as_str(),
                    if c.growth { "~g~" } else { "~i~" },
                    &number(c.value),
                ]
                .concat()
            })
            .collect();
        if !cs.is_empty() {
            parts.push(["c=", &cs.join(";")].concat());
        }
        if self.revolve != Revolve::default() || self.deploy_until.is_some() {
            let r = self.revolve;
            parts.push(
                [
                    "r=",
                    &number(r.loss_pct),
                    "~",
                    &number(r.return_pct),
                    "~",
                    &r.holding.to_string(),
                    "~",
                    &r.lag.to_string(),
                    "~",
                    &self.deploy_until.map(|y| y.to_string()).unwrap_or_default(),
                ]
                .concat(),
            );
        }
        parts.join("&")
    }

    /// Read a query written by [`Scenario::to_query`]; what cannot be read
    /// is left at the vision's value (a link never fails to open).
    pub fn from_query(q: &str) -> Scenario {
        let mut s = Scenario::default();
        let num = |t: &str| -> Option<f64> {
            let v: f64 = t.trim().parse().ok()?;
            v.is_finite().then_some(v)
        };
        for pair in q.split('&') {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            match k {
                "n" => s.name = decode(v).chars().take(80).collect(),
                "w" => {
                    for item in v.split(';').filter(|i| !i.is_empty()).take(64) {
                        let mut f = item.split('~');
                        let Some(id) = f.next().filter(|id| valid_id(id)) else {
                            continue;
                        };
                        let public = f.next().and_then(num).filter(|v| *v >= 0.0);
                        let multiplier = f.next().and_then(num).filter(|v| *v >= 0.0);
                        let revolving = match f.next() {
                            Some("1") => Some(true),
                            Some("0") => Some(false),
                            _ => None,
                        };
                        s.windows.push(WindowSet {
                            window: id.into(),
                            public,
                            multiplier,
                            revolving,
                        });
                    }
                }
                "c" => {
                    for item in v.split(';').filter(|i| !i.is_empty()).take(64) {
                        let mut f = item.split('~');
                        let (Some(id), Some(kind), Some(value)) =
                            (f.next(), f.next(), f.next().and_then(num))
                        else {
                            continue;
                        };
                        if valid_id(id) && (kind == "g" || kind == "i") {
                            s.set_course(id, kind == "g", value);
                        }
                    }
                }
                "r" => {
                    let mut f = v.split('~');
                    let mut r = Revolve::default();
                    for p in RevolveParam::ALL {
                        if let Some(v) = f.next().and_then(num) {
                            r.set(p, v);
                        }
                    }
                    s.revolve = r;
                    s.deploy_until = f
                        .next()
                        .and_then(|t| t.parse::<i32>().ok())
                        .filter(|y| (1900..=2200).contains(y));
                }
                _ => {}
            }
        }
        s
    }
}

fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 48
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
}

/// Percent-encode all but `A-Z a-z 0-9 - _ .` (a name in a link).
pub fn encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.') {
            out.push(char::from(b));
        } else {
            out.push('%');
            for d in [b >> 4, b & 15] {
                out.push(char::from_digit(u32::from(d), 16).unwrap_or('0'));
            }
        }
    }
    out
}

/// Undo [`encode`] (and `+` for a space); bad escapes are kept as text.
pub fn decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| char::from(c).to_digit(16);
        match b[i] {
            b'%' if i + 2 < b.len() => match (hex(b[i + 1]), hex(b[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push((h * 16 + l) as u8);
                    i += 3;
                    continue;
                }
                _ => out.push(b'%'),
            },
            b'+' => out.push(b' '),
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The revolving model's parameters for the scenario's assumptions.
pub fn revolving_params(ds: &Dataset<'static>, rv: Revolve) -> RevolvingParams {
    core_scenario::revolving_params(ds, rv.loss_pct, rv.return_pct, rv.holding, rv.lag)
}

/// Compute the money scenario and the vision's (in koers-core).
pub fn money(ds: &Dataset<'static>, sc: &Scenario) -> MoneyEval {
    let overrides = |id: &str| {
        sc.window(id)
            .map_or_else(WindowOverride::default, |w| WindowOverride {
                public: w.public,
                multiplier: w.multiplier,
                revolving: w.revolving,
            })
    };
    core_scenario::money_eval(
        ds,
        overrides,
        revolving_params(ds, sc.revolve),
        sc.deploy_until,
    )
}

/// The course the user set for target `id`, as koers-core takes it.
fn course_set(sc: &Scenario, id: &str) -> Option<Course> {
    sc.course(id).map(|c| {
        if c.growth {
            Course::Growth(c.value)
        } else {
            Course::Inflow(c.value)
        }
    })
}

/// Compute every course: the scenario's and the vision's path (in
/// koers-core), on the published figures and the user's.
pub fn courses(
    ds: &Dataset<'static>,
    computed: &Overview,
    data: &UserData,
    sc: &Scenario,
) -> heapless::Vec<CourseRow, MAX_TARGETS> {
    core_scenario::courses(
        ds,
        computed,
        |id| crate::data::published_and_users(ds, data, id),
        |id| course_set(sc, id),
    )
}

/// Everything the explorer shows, for `sc`.
pub fn evaluate(
    ds: &Dataset<'static>,
    computed: &Overview,
    data: &UserData,
    sc: &Scenario,
) -> Eval {
    Eval {
        money: money(ds, sc),
        courses: courses(ds, computed, data, sc),
    }
}

/// The most scenarios saved in one browser: a save beyond it is refused
/// (the explorer says so), so none is ever dropped on reading.
pub const MAX_SAVED: usize = 100;

/// Saved scenarios as stored: one query per line.
pub fn parse_saved(text: &str) -> Vec<Scenario> {
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .take(MAX_SAVED)
        .map(Scenario::from_query)
        .collect()
}

/// Saved scenarios as stored: one query per line.
pub fn write_saved(list: &[Scenario]) -> String {
    let mut out = String::new();
    for s in list {
        out.push_str(&s.to_query());
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{self, escape, Obs};
    use koers_core::model::TargetKind;

    fn vision() -> (&'static Dataset<'static>, Overview) {
        let ds = data::test_base(None);
        let c = koers_core::present::overview(ds);
        (ds, c)
    }

    #[test]
    fn the_vision_reaches_25_billion_in_2035_and_a_lower_multiplier_does_not() {
        let (ds, _) = vision();
        let m = money(ds, &Scenario::default());
        assert!((m.target - 25e9).abs() < 1.0);
        assert!((m.vision.mobilised - 25e9).abs() < 1e3);
        assert_eq!(m.vision.reached, Some(true));
        assert_eq!(m.vision.year_reached, Some(2035));
        assert_eq!(m.scenario, m.vision);
        let mut sc = Scenario::default();
        sc.window_mut("W-P3-kapitaal-7mld").multiplier = Some(2.0);
        let m = money(ds, &sc);
        assert_eq!(m.scenario.reached, Some(false));
        assert!(m.scenario.gap.unwrap() > 1e9);
        assert_eq!(m.vision.reached, Some(true), "the vision stays as it is");
        // Counting reflows, at the stated assumptions, mobilises more.
        sc.window_mut("W-P3-kapitaal-7mld").revolving = Some(true);
        let r = money(ds, &sc);
        assert!(r.scenario.mobilised > m.scenario.mobilised);
        assert!(r.scenario.revolving.is_some());
    }

    #[test]
    fn technicians_without_figures_have_no_pace_until_one_is_set() {
        let (ds, c) = vision();
        let rows = courses(ds, &c, &UserData::default(), &Scenario::default());
        let k = ds
            .targets
            .iter()
            .position(|t| t.id == "T-P5-technici-25000")
            .unwrap();
        let row = rows.iter().find(|r| r.target == k).unwrap();
        assert_eq!(row.today, None);
        assert_eq!(row.course, None);
        assert!(row.start_assumed);
        // From zero in 2025: 5,000 a year to reach 25,000 in 2030.
        assert_eq!(row.required, Some(5000.0));
        assert_eq!(row.vision.year_reached, Some(2030));
        let mut sc = Scenario::default();
        sc.set_course("T-P5-technici-25000", false, 3000.0);
        let rows = courses(ds, &c, &UserData::default(), &sc);
        let row = rows.iter().find(|r| r.target == k).unwrap();
        assert_eq!(row.scenario.values[0], Some(15_000.0));
        assert_eq!(row.scenario.year_reached, Some(2034));
        assert_eq!(row.scenario.gap, Some(10_000.0));
        assert!(rows
            .iter()
            .all(|r| ds.targets[r.target].kind != TargetKind::Milestone));
    }

    #[test]
    fn with_figures_the_course_starts_at_todays_pace() {
        let ds = data::test_base(None);
        let mut d = UserData::default();
        for (y, v) in [(2025, 2500.0), (2026, 3000.0)] {
            d.obs.push(Obs {
                subject: "T-P5-technici-25000".into(),
                year: y,
                value: v,
                source: escape("test"),
                note: None,
                provisional: false,
            });
        }
        let merged = data::merged(ds, &d).expect("the figures fit the vision");
        let c = koers_core::present::overview(&*merged);
        let rows = courses(ds, &c, &d, &Scenario::default());
        let row = rows
            .iter()
            .find(|r| ds.targets[r.target].id == "T-P5-technici-25000")
            .unwrap();
        assert!(row.today.is_some());
        assert!(matches!(row.course, Some(Course::Inflow(_))));
        assert!(!row.set);
        assert!(row.scenario.values[0].is_some());
    }

    #[test]
    fn a_scenario_survives_its_query() {
        let mut sc = Scenario {
            name: "Minder privaat & 3% / jaar".into(),
            ..Scenario::default()
        };
        sc.window_mut("W-P3-kapitaal-7mld").multiplier = Some(2.5);
        sc.window_mut("W-P3-investnl-4mld").public = Some(3.5e9);
        sc.window_mut("W-P3-investnl-4mld").revolving = Some(true);
        sc.set_course("T-P5-technici-25000", false, 3000.0);
        sc.set_course("T-P2-rd-3pct-bbp-2030", true, 0.025);
        sc.revolve.loss_pct = 35.0;
        sc.deploy_until = Some(2030);
        let q = sc.to_query();
        assert!(!q.contains(' ') && !q.contains('#'), "{q}");
        assert_eq!(Scenario::from_query(&q), sc);
        assert_eq!(Scenario::from_query(""), Scenario::default());
        assert!(Scenario::default().is_vision());
        assert_eq!(Scenario::default().to_query(), "");
        // Rubbish is ignored, not fatal.
        let s = Scenario::from_query("w=<script>~1~2;ok~x~3~1&c=T~q~1;T2~i~NaN&r=x~y&zz=1");
        assert_eq!(s.windows.len(), 1);
        assert_eq!(s.windows[0].multiplier, Some(3.0));
        assert!(s.courses.is_empty());
        assert_eq!(s.revolve, Revolve::default());
        let saved = write_saved(&[sc.clone(), Scenario::default()]);
        assert_eq!(parse_saved(&saved), std::vec![sc]);
    }

    #[test]
    fn a_scenario_exports_as_json_core_reads_back_as_numbers() {
        let (ds, c) = vision();
        let mut sc = Scenario {
            name: "Minder \"privaat\"".into(),
            ..Scenario::default()
        };
        sc.window_mut("W-P3-kapitaal-7mld").multiplier = Some(2.0);
        let ev = evaluate(ds, &c, &UserData::default(), &sc);
        let text = export_json(ds, &sc, &ev, true);
        assert!(text.contains("\"format\":\"koers-scenario\""));
        assert!(text.contains("\"name\":\"Minder \\\"privaat\\\"\""));
        assert!(text.contains("\"reached\":false"));
        assert!(text.contains("\"id\":\"T-P5-technici-25000\",\"course\":null"));
        // Well-formed: brackets balance outside strings.
        let mut depth = 0i32;
        let mut in_str = false;
        let mut esc = false;
        for ch in text.chars() {
            match (in_str, esc, ch) {
                (true, true, _) => esc = false,
                (true, false, '\\') => esc = true,
                (_, false, '"') => in_str = !in_str,
                (false, _, '{' | '[') => depth += 1,
                (false, _, '}' | ']') => depth -= 1,
                _ => {}
            }
            assert!(depth >= 0);
        }
        assert_eq!(depth, 0);
    }

    #[test]
    fn names_are_encoded_for_links() {
        for s in ["", "a b", "é/€%&#?", "100%", "%zz"] {
            assert_eq!(decode(&encode(s)), s);
        }
        assert_eq!(decode("a+b%2"), "a b%2");
    }
}
