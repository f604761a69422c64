//! A vision as static data, assessed in place: for a microcontroller, where
//! the vision lives in flash, only the observations live in RAM, and every
//! capacity is the caller's.
//!
//! A [`StaticVision`] holds what assessing, rolling up and naming the
//! targets and indicators needs (ids, links, titles, kinds, units,
//! directions, baselines, targets, limits) as plain `&'static` slices:
//! nothing is parsed at start-up and nothing is copied. Sources, quotes,
//! notes, windows and figures stay in the JSON, which the CLI and the
//! dashboard read. [`write_rust`] turns a loaded [`Dataset`] into the Rust
//! source of such a static (`koers static`); the built-in vision's is
//! [`crate::builtin::STATIC_VISION`].
//!
//! The assessment reads the static vision and the caller's observations
//! (any [`Reading`]: a full [`Observation`] or a 24-byte [`Obs`]), uses the
//! caller's scratch series and writes into the caller's buffers
//! ([`assess_targets`], [`assess_indicators`], [`rollup_priorities`]). It is
//! [`crate::assess`]'s own calculation ([`assess::assess_goal`],
//! [`assess::assess_indicator_points`]), so the answers are the same.

use core::fmt::{self, Write};

use heapless::Vec;

use crate::assess::{self, Goal, IndicatorStatus, Missing, Rollup, TargetStatus};
use crate::model::{Bilingual, Dataset, IndicatorDirection, Observation, Unit};
use crate::progress::Point;

/// A priority: its id and title.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StaticPriority<'a> {
    /// Identifier, e.g. `P1`.
    pub id: &'a str,
    /// Title.
    pub title: Bilingual<'a>,
}

/// An objective: where it sits (for the roll-up by objective).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StaticObjective<'a> {
    /// Identifier, e.g. `P2-N-a`.
    pub id: &'a str,
    /// The priority it belongs to.
    pub priority: &'a str,
    /// The lettered objective this is a sub-item of.
    pub parent: Option<&'a str>,
}

/// A target: its links, title and unit, and what assessing it needs.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StaticTarget<'a> {
    /// Identifier, e.g. `T-talent-technici`.
    pub id: &'a str,
    /// The priority it belongs to.
    pub priority: &'a str,
    /// The objective it belongs to, if any.
    pub objective: Option<&'a str>,
    /// Title.
    pub title: Bilingual<'a>,
    /// Unit of baseline, target and observations.
    pub unit: Unit,
    /// One of the vision's headline ambitions.
    pub headline: bool,
    /// Kind, direction, baseline, target and limit.
    pub goal: Goal,
}

/// An impact indicator: its links, title and unit, and which way it runs.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StaticIndicator<'a> {
    /// Identifier, e.g. `I-5-1`.
    pub id: &'a str,
    /// The priority it belongs to.
    pub priority: &'a str,
    /// Title.
    pub title: Bilingual<'a>,
    /// Unit.
    pub unit: Unit,
    /// Which way is better: the published series' own when it has one (a
    /// rank standing in for a score), else the indicator's.
    pub direction: IndicatorDirection,
}

/// A vision as static data.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StaticVision<'a> {
    /// Identifier, e.g. `semicon-visie-2035`.
    pub id: &'a str,
    /// The year the vision looks toward.
    pub horizon_year: i32,
    /// Strategic priorities.
    pub priorities: &'a [StaticPriority<'a>],
    /// Objectives and their sub-items.
    pub objectives: &'a [StaticObjective<'a>],
    /// Quantified ambitions.
    pub targets: &'a [StaticTarget<'a>],
    /// Impact indicators.
    pub indicators: &'a [StaticIndicator<'a>],
}

/// One observed value of a target or indicator.
pub trait Reading {
    /// The target or indicator.
    fn subject(&self) -> &str;
    /// The year and the value (for cumulative flows the year's flow).
    fn point(&self) -> Point;
    /// False for a breakdown (region, sector, …): progress is computed on
    /// the headline only.
    fn headline(&self) -> bool {
        true
    }
}

impl Reading for Observation<'_> {
    fn subject(&self) -> &str {
        self.subject
    }
    fn point(&self) -> Point {
        Point::new(self.year, self.value)
    }
    fn headline(&self) -> bool {
        self.is_headline()
    }
}

/// An observation with nothing but its subject, year and value: 24 bytes
/// on a 32-bit microcontroller (a full [`Observation`] is 64).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Obs<'a> {
    /// The target or indicator.
    pub subject: &'a str,
    /// Year.
    pub year: i32,
    /// Value; for cumulative flows the flow in that year.
    pub value: f64,
}

impl Reading for Obs<'_> {
    fn subject(&self) -> &str {
        self.subject
    }
    fn point(&self) -> Point {
        Point::new(self.year, self.value)
    }
}

/// The points of one subject, in observation order, into `out`: how many,
/// and [`Missing::TooManyPoints`] when there are more than `out` holds (it
/// then holds the first ones).
pub fn series<R: Reading>(
    observations: &[R],
    subject: &str,
    out: &mut [Point],
) -> (usize, Option<Missing>) {
    let mut n = 0;
    for o in observations
        .iter()
        .filter(|o| o.subject() == subject && o.headline())
    {
        match out.get_mut(n) {
            Some(slot) => *slot = o.point(),
            None => return (n, Some(Missing::TooManyPoints)),
        }
        n += 1;
    }
    (n, None)
}

/// Assess one target against the caller's observations. `scratch` holds
/// its series and the baseline: a scratch of `n + 1` points takes series
/// of up to `n` observations (more is [`Missing::TooManyPoints`], as in
/// [`assess::series`]).
pub fn assess_target<R: Reading>(
    t: &StaticTarget,
    horizon_year: i32,
    observations: &[R],
    scratch: &mut [Point],
) -> TargetStatus {
    let room = scratch.len().saturating_sub(1);
    let (n, too_many) = series(observations, t.id, &mut scratch[..room]);
    let mut with_base = n;
    if let Some(b) = t.goal.missing_base_point(&scratch[..n]) {
        if let Some(slot) = scratch.get_mut(n) {
            *slot = b;
            with_base += 1;
        }
    }
    let (points, with_base) = (&scratch[..n], &scratch[..with_base]);
    assess::assess_goal(&t.goal, points, with_base, horizon_year, too_many)
}

/// Every target's status, in the vision's order, into `out` (cleared
/// first). `Err` gives the capacity `out` needs when it is too small; it
/// then holds the first targets' statuses.
pub fn assess_targets<R: Reading, const N: usize>(
    vision: &StaticVision,
    observations: &[R],
    scratch: &mut [Point],
    out: &mut Vec<TargetStatus, N>,
) -> Result<(), usize> {
    out.clear();
    for t in vision.targets {
        let s = assess_target(t, vision.horizon_year, observations, scratch);
        out.push(s).map_err(|_| vision.targets.len())?;
    }
    Ok(())
}

/// Every indicator's status, in the vision's order, into `out` (cleared
/// first); `scratch` and `Err` as for [`assess_targets`].
pub fn assess_indicators<R: Reading, const N: usize>(
    vision: &StaticVision,
    observations: &[R],
    scratch: &mut [Point],
    out: &mut Vec<IndicatorStatus, N>,
) -> Result<(), usize> {
    out.clear();
    let room = scratch.len().saturating_sub(1);
    for i in vision.indicators {
        let (n, too_many) = series(observations, i.id, &mut scratch[..room]);
        let s = assess::assess_indicator_points(i.direction, &scratch[..n], too_many);
        out.push(s).map_err(|_| vision.indicators.len())?;
    }
    Ok(())
}

/// Roll-up per priority (the vision's order) into `out`, and for the whole
/// vision, from the targets' statuses in the vision's order. `Err` gives
/// the length `out` needs when it is shorter than the priorities (it then
/// holds the first ones).
pub fn rollup_priorities(
    vision: &StaticVision,
    statuses: &[TargetStatus],
    out: &mut [Rollup],
) -> Result<Rollup, usize> {
    for (p, slot) in vision.priorities.iter().zip(out.iter_mut()) {
        *slot = assess::rollup(
            vision
                .targets
                .iter()
                .zip(statuses)
                .filter(|(t, _)| t.priority == p.id)
                .map(|(_, s)| s),
        );
    }
    if out.len() < vision.priorities.len() {
        return Err(vision.priorities.len());
    }
    Ok(assess::rollup(statuses))
}

/// Roll-up of one objective: its own targets and its sub-items' targets.
pub fn rollup_objective(
    vision: &StaticVision,
    statuses: &[TargetStatus],
    objective: &str,
) -> Rollup {
    assess::rollup(
        vision
            .targets
            .iter()
            .zip(statuses)
            .filter(|(t, _)| {
                t.objective.is_some_and(|o| {
                    o == objective
                        || vision
                            .objectives
                            .iter()
                            .any(|x| x.id == o && x.parent == Some(objective))
                })
            })
            .map(|(_, s)| s),
    )
}

/// A Rust string literal of a text as it stands in the JSON (escapes
/// kept: [`crate::model::Text`] resolves them when shown).
struct Lit<'s>(&'s str);

impl fmt::Display for Lit<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.0)
    }
}

/// `Some(x)` or `None`, with `x` written by `each`.
fn opt<W: Write, T>(
    out: &mut W,
    v: Option<T>,
    each: impl FnOnce(&mut W, T) -> fmt::Result,
) -> fmt::Result {
    match v {
        Some(x) => {
            out.write_str("Some(")?;
            each(out, x)?;
            out.write_str(")")
        }
        None => out.write_str("None"),
    }
}

fn bilingual<W: Write>(out: &mut W, b: &Bilingual) -> fmt::Result {
    write!(
        out,
        "Bilingual {{ nl: Text({}), en: Text({}) }}",
        Lit(b.nl.raw()),
        Lit(b.en.raw())
    )
}

/// Write `ds` as the Rust source of a module holding `pub static NAME:
/// StaticVision<'static>`, for a firmware or library to compile in.
/// `from` names the file it was made from, in the module's header. The
/// output is formatted as `rustfmt` would leave most of it; the module
/// that includes it should carry `#[rustfmt::skip]`.
pub fn write_rust<W: Write, const O: usize, const F: usize>(
    ds: &Dataset<'_, O, F>,
    from: &str,
    name: &str,
    out: &mut W,
) -> fmt::Result {
    writeln!(
        out,
        "//! {} as static data for [`crate::inplace`], generated by\n\
         //! `koers static {from}`: do not edit (a test checks it is up to date).\n",
        ds.vision.id
    )?;
    // A vision without baselines, say, leaves an import unused.
    writeln!(out, "#![allow(unused_imports)]\n")?;
    writeln!(out, "use crate::assess::Goal;")?;
    writeln!(
        out,
        "use crate::inplace::{{StaticIndicator, StaticObjective, StaticPriority, StaticTarget, StaticVision}};"
    )?;
    writeln!(
        out,
        "use crate::model::{{Bilingual, IndicatorDirection, TargetKind, TargetValue, Text, Unit, YearValue}};"
    )?;
    writeln!(out, "use crate::progress::Direction;\n")?;
    writeln!(out, "/// {}.", ds.vision.title.en)?;
    writeln!(
        out,
        "pub static {name}: StaticVision<'static> = StaticVision {{"
    )?;
    writeln!(out, "    id: {},", Lit(ds.vision.id))?;
    writeln!(out, "    horizon_year: {},", ds.vision.horizon_year)?;
    writeln!(out, "    priorities: &[")?;
    for p in &ds.priorities {
        write!(out, "        StaticPriority {{ id: {}, title: ", Lit(p.id))?;
        bilingual(out, &p.title)?;
        writeln!(out, " }},")?;
    }
    writeln!(out, "    ],\n    objectives: &[")?;
    for o in &ds.objectives {
        write!(
            out,
            "        StaticObjective {{ id: {}, priority: {}, parent: ",
            Lit(o.id),
            Lit(o.priority)
        )?;
        opt(out, o.parent, |out, p| write!(out, "{}", Lit(p)))?;
        writeln!(out, " }},")?;
    }
    writeln!(out, "    ],\n    targets: &[")?;
    for t in &ds.targets {
        write!(
            out,
            "        StaticTarget {{\n            id: {},\n            priority: {},\n            objective: ",
            Lit(t.id),
            Lit(t.priority)
        )?;
        opt(out, t.objective, |out, o| write!(out, "{}", Lit(o)))?;
        write!(out, ",\n            title: ")?;
        bilingual(out, &t.title)?;
        write!(
            out,
            ",\n            unit: Unit::{:?},\n            headline: {},\n            goal: Goal {{\n                kind: TargetKind::{:?},\n                direction: Direction::{:?},\n                baseline: ",
            t.unit, t.headline, t.kind, t.direction
        )?;
        opt(out, t.baseline, |out, b| {
            write!(
                out,
                "YearValue {{ year: {}, value: {:?} }}",
                b.year, b.value
            )
        })?;
        write!(out, ",\n                target: TargetValue {{ year: ")?;
        opt(out, t.target.year, |out, y| write!(out, "{y}"))?;
        write!(out, ", value: ")?;
        opt(out, t.target.value, |out, v| write!(out, "{v:?}"))?;
        write!(out, " }},\n                limit: ")?;
        opt(out, t.limit, |out, l| write!(out, "{l:?}"))?;
        writeln!(out, ",\n            }},\n        }},")?;
    }
    writeln!(out, "    ],\n    indicators: &[")?;
    for i in &ds.indicators {
        let direction = ds
            .series_of(i.id)
            .and_then(|s| s.direction)
            .unwrap_or(i.direction);
        write!(
            out,
            "        StaticIndicator {{\n            id: {},\n            priority: {},\n            title: ",
            Lit(i.id),
            Lit(i.priority)
        )?;
        bilingual(out, &i.title)?;
        writeln!(
            out,
            ",\n            unit: Unit::{:?},\n            direction: IndicatorDirection::{:?},\n        }},",
            i.unit, direction
        )?;
    }
    writeln!(out, "    ],\n}};")?;
    for (what, words, n) in [
        ("PRIORITIES", "priorities", ds.priorities.len()),
        ("TARGETS", "targets", ds.targets.len()),
        ("INDICATORS", "indicators", ds.indicators.len()),
    ] {
        writeln!(
            out,
            "\n/// How many {words} [`{name}`] has: the capacity a buffer of them needs.\npub const {name}_{what}: usize = {n};",
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builtin::{self, STATIC_VISION};
    use crate::model::YearValue;
    use crate::progress::Status;

    fn vision() -> Box<Dataset<'static>> {
        let mut ds = Box::<Dataset>::default();
        builtin::load_into(&mut ds).expect("the built-in vision loads");
        ds
    }

    #[test]
    fn inplace_static_vision_is_up_to_date() {
        let ds = vision();
        let mut text = String::new();
        write_rust(
            &ds,
            "data/semicon-visie-2035.json",
            "STATIC_VISION",
            &mut text,
        )
        .expect("writing to a String");
        let checked_in = include_str!("builtin/vision_static.rs");
        assert!(
            text == checked_in,
            "core/src/builtin/vision_static.rs is out of date: run \
             `cargo run -p koers-cli -- static data/semicon-visie-2035.json > core/src/builtin/vision_static.rs`"
        );
    }

    #[test]
    fn inplace_static_vision_holds_the_json_vision() {
        let ds = vision();
        let v = &STATIC_VISION;
        assert_eq!(v.id, ds.vision.id);
        assert_eq!(v.horizon_year, ds.vision.horizon_year);
        assert_eq!(v.priorities.len(), ds.priorities.len());
        assert_eq!(v.objectives.len(), ds.objectives.len());
        assert_eq!(v.targets.len(), ds.targets.len());
        assert_eq!(v.indicators.len(), ds.indicators.len());
        assert_eq!(builtin::STATIC_VISION_PRIORITIES, v.priorities.len());
        assert_eq!(builtin::STATIC_VISION_TARGETS, v.targets.len());
        assert_eq!(builtin::STATIC_VISION_INDICATORS, v.indicators.len());
        for (s, t) in v.targets.iter().zip(&ds.targets) {
            assert_eq!(
                (s.id, s.priority, s.objective),
                (t.id, t.priority, t.objective)
            );
            assert_eq!((s.title, s.unit, s.headline), (t.title, t.unit, t.headline));
            assert_eq!(s.goal, Goal::of(t));
        }
        for (s, i) in v.indicators.iter().zip(&ds.indicators) {
            assert_eq!(
                (s.id, s.priority, s.title, s.unit),
                (i.id, i.priority, i.title, i.unit)
            );
            assert_eq!(s.direction, i.direction);
        }
    }

    /// Observations of every target and indicator of the vision, as a
    /// device would collect them: rising, falling, with and without the
    /// baseline's year, so the statuses differ.
    fn readings(v: &StaticVision<'static>) -> std::vec::Vec<Obs<'static>> {
        let mut out = std::vec::Vec::new();
        let subjects = v
            .targets
            .iter()
            .map(|t| t.id)
            .chain(v.indicators.iter().map(|i| i.id));
        for (k, subject) in subjects.enumerate() {
            let base = 10.0 + k as f64;
            let step = [1.5, -0.7, 0.0, 4.0][k % 4];
            for (j, year) in [2022, 2023, 2025].into_iter().enumerate().take(1 + k % 3) {
                out.push(Obs {
                    subject,
                    year,
                    value: base + step * j as f64,
                });
            }
        }
        out
    }

    /// The dataset's assessment (`assess_all`, `assess_indicator`, the
    /// roll-ups) and the in-place one of `v` agree on `obs`, which are
    /// added to `ds` as full observations.
    fn compare(ds: &mut Dataset<'static>, v: &StaticVision, obs: &[Obs<'static>]) {
        for o in obs {
            ds.add_observation(Observation::new(
                o.subject,
                o.year,
                o.value,
                crate::model::Text("test"),
            ))
            .expect("room");
        }
        let host = assess::assess_all(ds);
        let (host_per, host_all) = assess::rollup_priorities(ds, &host);

        let mut scratch = [Point::new(0, 0.0); 8];
        let mut statuses: Vec<TargetStatus, 16> = Vec::new();
        assess_targets(v, obs, &mut scratch, &mut statuses).expect("16 targets fit");
        assert_eq!(statuses.as_slice(), host.as_slice());
        // Not all the same answer: the comparison means something.
        assert!(statuses.iter().any(|s| s.status != statuses[0].status));
        assert!(statuses.iter().any(|s| s.score.is_some()));

        let mut indicators: Vec<IndicatorStatus, 16> = Vec::new();
        assess_indicators(v, obs, &mut scratch, &mut indicators).expect("16 indicators fit");
        assert_eq!(indicators.len(), ds.indicators.len());
        for (s, i) in indicators.iter().zip(&ds.indicators) {
            assert_eq!(*s, assess::assess_indicator(ds, i), "{}", i.id);
        }
        assert!(indicators
            .iter()
            .any(|s| s.open_sdg.status != Status::NotAvailable));

        let mut per = [Rollup::default(); 8];
        let all = rollup_priorities(v, &statuses, &mut per).expect("8 priorities fit");
        assert_eq!(all, host_all);
        assert_eq!(&per[..host_per.len()], host_per.as_slice());
        for o in &ds.objectives {
            assert_eq!(
                rollup_objective(v, &statuses, o.id),
                assess::rollup_objective(ds, &host, o.id),
                "{}",
                o.id
            );
        }

        // The full observations give the same as the lean ones.
        let mut again: Vec<TargetStatus, 16> = Vec::new();
        assess_targets(v, &ds.observations, &mut scratch, &mut again).expect("fits");
        assert_eq!(again, statuses);
    }

    #[test]
    fn inplace_assessment_matches_the_dataset_assessment() {
        let mut ds = vision();
        let obs = readings(&STATIC_VISION);
        compare(&mut ds, &STATIC_VISION, &obs);
    }

    #[test]
    fn inplace_assessment_matches_with_baselines_and_limits() {
        // The vision gives no baseline; give some targets one (in a year
        // with an observation and in one without) and a limit, and build
        // the static form of that dataset at run time.
        let mut ds = vision();
        for (k, t) in ds.targets.iter_mut().enumerate() {
            match k % 3 {
                0 => {
                    t.baseline = Some(YearValue {
                        year: 2020,
                        value: 9.0,
                    })
                }
                1 => {
                    t.baseline = Some(YearValue {
                        year: 2022,
                        value: 11.0,
                    })
                }
                _ => t.limit = Some(40.0),
            }
        }
        let priorities: std::vec::Vec<_> = ds
            .priorities
            .iter()
            .map(|p| StaticPriority {
                id: p.id,
                title: p.title,
            })
            .collect();
        let objectives: std::vec::Vec<_> = ds
            .objectives
            .iter()
            .map(|o| StaticObjective {
                id: o.id,
                priority: o.priority,
                parent: o.parent,
            })
            .collect();
        let targets: std::vec::Vec<_> = ds
            .targets
            .iter()
            .map(|t| StaticTarget {
                id: t.id,
                priority: t.priority,
                objective: t.objective,
                title: t.title,
                unit: t.unit,
                headline: t.headline,
                goal: Goal::of(t),
            })
            .collect();
        let indicators: std::vec::Vec<_> = ds
            .indicators
            .iter()
            .map(|i| StaticIndicator {
                id: i.id,
                priority: i.priority,
                title: i.title,
                unit: i.unit,
                direction: i.direction,
            })
            .collect();
        let v = StaticVision {
            id: ds.vision.id,
            horizon_year: ds.vision.horizon_year,
            priorities: &priorities,
            objectives: &objectives,
            targets: &targets,
            indicators: &indicators,
        };
        let obs = readings(&STATIC_VISION);
        compare(&mut ds, &v, &obs);
    }

    #[test]
    fn inplace_capacities_are_the_callers() {
        let v = &STATIC_VISION;
        let obs = readings(v);
        let mut scratch = [Point::new(0, 0.0); 8];
        let mut few: Vec<TargetStatus, 2> = Vec::new();
        assert_eq!(
            assess_targets(v, &obs, &mut scratch, &mut few),
            Err(v.targets.len())
        );
        assert_eq!(few.len(), 2);
        let mut per = [Rollup::default(); 2];
        assert_eq!(rollup_priorities(v, &[], &mut per), Err(v.priorities.len()));
        // A scratch of two points takes series of one observation: longer
        // ones are too many, as in the dataset's own series.
        let mut small = [Point::new(0, 0.0); 2];
        let t = v.targets.first().expect("a target");
        let many: std::vec::Vec<Obs> = (0..3)
            .map(|k| Obs {
                subject: t.id,
                year: 2020 + k,
                value: 1.0,
            })
            .collect();
        let s = assess_target(t, v.horizon_year, &many, &mut small);
        assert_eq!(s.missing, Some(Missing::TooManyPoints));
        let s = assess_target(t, v.horizon_year, &many[..1], &mut small);
        assert_ne!(s.missing, Some(Missing::TooManyPoints));
        // No scratch at all: nothing is read, nothing panics.
        let s = assess_target(t, v.horizon_year, &many, &mut []);
        assert_eq!(s.missing, Some(Missing::TooManyPoints));
    }

    proptest::proptest! {
        /// Any observations of the vision's subjects, in any order, with
        /// any values (NaN, infinities, duplicates): the in-place
        /// assessment never panics and, with a scratch as large as the
        /// dataset's series, gives the dataset's answers.
        #[test]
        fn inplace_prop_matches_the_dataset_and_never_panics(
            raw in proptest::collection::vec(
                (0usize..64, 2010i32..2040, proptest::prop_oneof![
                    4 => -1e3f64..1e3,
                    1 => proptest::strategy::Just(0.0),
                    1 => proptest::num::f64::ANY,
                ]),
                0..40,
            ),
            small in 0usize..6,
        ) {
            let v = &STATIC_VISION;
            let subjects: std::vec::Vec<&'static str> =
                v.targets.iter().map(|t| t.id).chain(v.indicators.iter().map(|i| i.id)).collect();
            let obs: std::vec::Vec<Obs<'static>> = raw
                .iter()
                .map(|&(s, year, value)| Obs { subject: subjects[s % subjects.len()], year, value })
                .collect();
            let mut ds = vision();
            for o in &obs {
                ds.add_observation(Observation::new(o.subject, o.year, o.value, crate::model::Text("test")))
                .expect("room");
            }
            let host = assess::assess_all(&ds);
            let mut scratch = [Point::new(0, 0.0); crate::config::MAX_SERIES_POINTS + 1];
            let mut statuses: Vec<TargetStatus, 16> = Vec::new();
            assess_targets(v, &obs, &mut scratch, &mut statuses).expect("fits");
            // Debug text, so that a NaN equals a NaN.
            proptest::prop_assert_eq!(format!("{statuses:?}"), format!("{:?}", host.as_slice()));
            let mut indicators: Vec<IndicatorStatus, 16> = Vec::new();
            assess_indicators(v, &obs, &mut scratch, &mut indicators).expect("fits");
            for (s, i) in indicators.iter().zip(&ds.indicators) {
                proptest::prop_assert_eq!(format!("{s:?}"), format!("{:?}", assess::assess_indicator(&ds, i)));
            }
            let mut per = [Rollup::default(); 8];
            let all = rollup_priorities(v, &statuses, &mut per).expect("fits");
            proptest::prop_assert_eq!(format!("{all:?}"), format!("{:?}", assess::rollup_priorities(&ds, &host).1));
            // A small scratch: too many points for some, never a panic.
            let mut tiny = [Point::new(0, 0.0); 6];
            assess_targets(v, &obs, &mut tiny[..small], &mut statuses).expect("fits");
            assess_indicators(v, &obs, &mut tiny[..small], &mut indicators).expect("fits");
        }
    }
}
