//! The vision as data: priorities, objectives, focus areas, targets, impact
//! indicators, investment windows, figures, observations and realised flows.
//!
//! Nothing here is specific to the Semicon Visie: any strategy with the same
//! shape loads into it. Tables are flat and linked by `id`, as in the JSON
//! format (`docs/data-format.md`), so every error can name `table[index].field`.
//! Text is borrowed from the JSON source as written ([`Text`]), so loading a
//! dataset copies no strings and needs no heap.

use heapless::Vec;
use serde::{Deserialize, Serialize};

use crate::config::*;
pub use crate::progress::Direction;

mod figures;
pub use figures::{Event, Observation, Series, Source, WindowFlow};
mod text;
pub use text::{Bilingual, Lang, SourceRef, Text};

/// The vision itself.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VisionInfo<'a> {
    /// Identifier, e.g. `semicon-visie-2035`.
    pub id: &'a str,
    /// Title.
    #[serde(borrow)]
    pub title: Bilingual<'a>,
    /// Publication, `YYYY-MM`.
    #[serde(borrow)]
    pub published: Text<'a>,
    /// Place of publication.
    #[serde(borrow, default)]
    pub place: Option<Text<'a>>,
    /// The year the vision looks toward.
    pub horizon_year: i32,
    /// Who published it.
    #[serde(borrow, default)]
    pub publisher: Option<Bilingual<'a>>,
}

/// A strategic priority ("strategische prioriteit").
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Priority<'a> {
    /// Identifier, e.g. `P1`.
    pub id: &'a str,
    /// Its number in the vision.
    pub number: u8,
    /// Title.
    #[serde(borrow)]
    pub title: Bilingual<'a>,
    /// One or two sentences.
    #[serde(borrow)]
    pub summary: Bilingual<'a>,
    /// Source.
    #[serde(borrow)]
    pub source: SourceRef<'a>,
}

/// Whether an objective is national or international ("Doelstellingen
/// Nationaal / Internationaal").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// National objective.
    National,
    /// International objective.
    International,
}

/// An objective ("doelstelling") of a priority, or a sub-item of one.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Objective<'a> {
    /// Identifier, e.g. `P2-N-a`.
    pub id: &'a str,
    /// The priority it belongs to.
    pub priority: &'a str,
    /// National or international.
    pub scope: Scope,
    /// Its letter (and numeral) in the vision, e.g. `a` or `a.i`.
    pub code: &'a str,
    /// The lettered objective this is a sub-item of.
    #[serde(default)]
    pub parent: Option<&'a str>,
    /// Title.
    #[serde(borrow)]
    pub title: Bilingual<'a>,
    /// Source.
    #[serde(borrow)]
    pub source: SourceRef<'a>,
}

/// The two kinds of focus area ("focusgebieden").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FocusKind {
    /// "Bestaande sterktes".
    ExistingStrength,
    /// "Nieuwe groeimarkten".
    NewGrowthMarket,
}

/// A focus area.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FocusArea<'a> {
    /// Identifier, e.g. `FA-S1`.
    pub id: &'a str,
    /// The priority it belongs to.
    pub priority: &'a str,
    /// Existing strength or new growth market.
    pub kind: FocusKind,
    /// Its number within its kind.
    pub number: u8,
    /// Title.
    #[serde(borrow)]
    pub title: Bilingual<'a>,
    /// Source.
    #[serde(borrow)]
    pub source: SourceRef<'a>,
}

/// What sort of quantity a target is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TargetKind {
    /// A stock reached by the target year (3 % of GDP on R&D).
    Level,
    /// A sum of yearly flows since the baseline (25,000 extra technicians).
    CumulativeFlow,
    /// An amount per year (EUR 500 M a year).
    Rate,
    /// A thing that must exist by the target year (value 1 = done).
    Milestone,
}

/// Units of values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// Euros.
    Eur,
    /// Euros per year.
    EurPerYear,
    /// People.
    Persons,
    /// Percent.
    Percent,
    /// Percent of gross domestic product.
    PercentOfGdp,
    /// A count of things.
    Count,
    /// A count of things per year.
    CountPerYear,
    /// A ratio (times).
    Ratio,
    /// A rank (1 = first).
    Rank,
    /// An index number.
    Index,
    /// Done (1) or not (0).
    Milestone,
}

impl Unit {
    /// The unit's name in the data format (`eur_per_year`).
    pub const fn key(self) -> &'static str {
        match self {
            Unit::Eur => "eur",
            Unit::EurPerYear => "eur_per_year",
            Unit::Persons => "persons",
            Unit::Percent => "percent",
            Unit::PercentOfGdp => "percent_of_gdp",
            Unit::Count => "count",
            Unit::CountPerYear => "count_per_year",
            Unit::Ratio => "ratio",
            Unit::Rank => "rank",
            Unit::Index => "index",
            Unit::Milestone => "milestone",
        }
    }
}

/// A year and a value.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct YearValue {
    /// Year.
    pub year: i32,
    /// Value.
    pub value: f64,
}

/// A target whose year or value the vision may leave open.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TargetValue {
    /// Target year, if stated.
    #[serde(default)]
    pub year: Option<i32>,
    /// Target value, if stated.
    #[serde(default)]
    pub value: Option<f64>,
}

/// A quantified ambition.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Target<'a> {
    /// Identifier, e.g. `T-talent-technici`.
    pub id: &'a str,
    /// The priority it belongs to.
    pub priority: &'a str,
    /// The objective it belongs to, if any.
    #[serde(default)]
    pub objective: Option<&'a str>,
    /// Title.
    #[serde(borrow)]
    pub title: Bilingual<'a>,
    /// Level, cumulative flow, rate or milestone.
    pub kind: TargetKind,
    /// Unit of baseline, target and observations.
    pub unit: Unit,
    /// Which way is better.
    pub direction: Direction,
    /// Baseline, when the vision gives one.
    #[serde(default)]
    pub baseline: Option<YearValue>,
    /// The target.
    pub target: TargetValue,
    /// Natural limit (a ceiling such as 100 %).
    #[serde(default)]
    pub limit: Option<f64>,
    /// How the text qualifies the target ("minstens", "ongeveer", "tot").
    #[serde(default)]
    pub qualifier: Qualifier,
    /// One of the vision's headline ambitions.
    #[serde(default)]
    pub headline: bool,
    /// The investment window whose public money this amount is to be
    /// reached from, where the vision ties them ("met € 7 miljard publieke
    /// revolverende middelen … tot € 25 miljard mobiliseren"): the overview
    /// shows it as "€ 7 mld. → tot € 25 mld.".
    #[serde(default)]
    pub window: Option<&'a str>,
    /// A note, e.g. where the vision contradicts itself.
    #[serde(borrow, default)]
    pub note: Option<Bilingual<'a>>,
    /// Source.
    #[serde(borrow)]
    pub source: SourceRef<'a>,
    /// Other places that state the same ambition.
    #[serde(borrow, default)]
    pub also: Vec<SourceRef<'a>, MAX_ALSO>,
}

/// Which way an impact indicator should move.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IndicatorDirection {
    /// Higher is better.
    Increase,
    /// Lower is better.
    Decrease,
    /// Monitored, with no better side.
    None,
}

impl IndicatorDirection {
    /// As a progress direction, if it has one.
    pub fn direction(self) -> Option<Direction> {
        match self {
            Self::Increase => Some(Direction::Increase),
            Self::Decrease => Some(Direction::Decrease),
            Self::None => None,
        }
    }
}

/// An impact indicator ("impactindicator").
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Indicator<'a> {
    /// Identifier, e.g. `I-5-1`.
    pub id: &'a str,
    /// The priority it belongs to.
    pub priority: &'a str,
    /// Title.
    #[serde(borrow)]
    pub title: Bilingual<'a>,
    /// What is measured.
    #[serde(borrow)]
    pub measures: Bilingual<'a>,
    /// Unit.
    pub unit: Unit,
    /// Which way is better.
    pub direction: IndicatorDirection,
    /// Source.
    #[serde(borrow)]
    pub source: SourceRef<'a>,
}

/// Whether a window's amounts are one-off or per year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// One amount over the whole period.
    OneOff,
    /// Amounts per year.
    PerYear,
}

/// An investment window ("investeringsvenster").
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InvestmentWindow<'a> {
    /// Identifier, e.g. `W-invest-nl`.
    pub id: &'a str,
    /// The priority it belongs to.
    pub priority: &'a str,
    /// The window this one is part of.
    #[serde(default)]
    pub parent: Option<&'a str>,
    /// Name.
    #[serde(borrow)]
    pub name: Bilingual<'a>,
    /// Public money, euros.
    #[serde(default)]
    pub public_eur: Option<f64>,
    /// Private money, euros, where stated.
    #[serde(default)]
    pub private_eur: Option<f64>,
    /// Total investment the public money should reach, including it.
    #[serde(default)]
    pub total_eur: Option<f64>,
    /// One-off or per year.
    pub basis: Basis,
    /// First year, inclusive.
    #[serde(default)]
    pub start_year: Option<i32>,
    /// Last year, inclusive.
    #[serde(default)]
    pub end_year: Option<i32>,
    /// Money that returns is invested again.
    #[serde(default)]
    pub revolving: bool,
    /// How the text qualifies the amount ("meer dan € 1 miljard").
    #[serde(default)]
    pub qualifier: Qualifier,
    /// The vision names only some of the window's parts: whether they add
    /// up to the whole is then not asked.
    #[serde(default)]
    pub parts_incomplete: bool,
    /// A note.
    #[serde(borrow, default)]
    pub note: Option<Bilingual<'a>>,
    /// Source.
    #[serde(borrow)]
    pub source: SourceRef<'a>,
}

/// How a figure is qualified in the text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// "ongeveer", "circa".
    About,
    /// "minstens", "ten minste".
    AtLeast,
    /// "meer dan", "ruim".
    MoreThan,
    /// "tot", "tot wel".
    UpTo,
    /// As stated.
    #[default]
    Exact,
}

/// Another number the vision states (a market size, a share, a date).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Figure<'a> {
    /// Identifier, e.g. `F-markt-2030`.
    pub id: &'a str,
    /// The priority it belongs to, if any.
    #[serde(default)]
    pub priority: Option<&'a str>,
    /// Title.
    #[serde(borrow)]
    pub title: Bilingual<'a>,
    /// Value.
    pub value: f64,
    /// Unit.
    pub unit: Unit,
    /// The year it refers to.
    #[serde(default)]
    pub year: Option<i32>,
    /// How the text qualifies it.
    #[serde(default)]
    pub qualifier: Qualifier,
    /// Source.
    #[serde(borrow)]
    pub source: SourceRef<'a>,
}

/// A whole vision: what it promises and what has happened since.
///
/// The two tables that grow with use, observations and realised window
/// flows, have capacities chosen by whoever holds the dataset:
/// `Dataset<'a>` is `Dataset<'a, MAX_OBSERVATIONS, MAX_WINDOW_FLOWS>`
/// (what the CLI and the dashboard hold); a firmware that keeps 64
/// observations and no flows holds a `Dataset<'a, 64, 0>` and pays for 64
/// (heapless's habit: the caller picks `N`). Every function of this crate
/// that reads a dataset takes any capacities.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Dataset<
    'a,
    const OBSERVATIONS: usize = MAX_OBSERVATIONS,
    const FLOWS: usize = MAX_WINDOW_FLOWS,
> {
    /// Always `koers`.
    pub format: &'a str,
    /// Always [`FORMAT_VERSION`].
    pub format_version: u32,
    /// The vision.
    pub vision: VisionInfo<'a>,
    /// Strategic priorities.
    pub priorities: Vec<Priority<'a>, MAX_PRIORITIES>,
    /// Objectives and their sub-items.
    pub objectives: Vec<Objective<'a>, MAX_OBJECTIVES>,
    /// Focus areas.
    pub focus_areas: Vec<FocusArea<'a>, MAX_FOCUS_AREAS>,
    /// Quantified ambitions.
    pub targets: Vec<Target<'a>, MAX_TARGETS>,
    /// Impact indicators.
    pub indicators: Vec<Indicator<'a>, MAX_INDICATORS>,
    /// Investment windows.
    pub windows: Vec<InvestmentWindow<'a>, MAX_WINDOWS>,
    /// Other figures the vision states.
    pub figures: Vec<Figure<'a>, MAX_FIGURES>,
    /// Observations.
    pub observations: Vec<Observation<'a>, OBSERVATIONS>,
    /// Realised window flows.
    pub window_flows: Vec<WindowFlow<'a>, FLOWS>,
    /// Publications that figures and references cite.
    pub sources: Vec<Source<'a>, MAX_SOURCES>,
    /// What each published series of figures is (one per subject).
    pub series: Vec<Series<'a>, MAX_SERIES>,
    /// Dated facts, such as steps toward a milestone.
    pub events: Vec<Event<'a>, MAX_EVENTS>,
}

/// The version of the data format this crate reads and writes.
pub const FORMAT_VERSION: u32 = 1;

impl<'a, const O: usize, const F: usize> Dataset<'a, O, F> {
    /// The priority with this id.
    pub fn priority(&self, id: &str) -> Option<&Priority<'a>> {
        self.priorities.iter().find(|p| p.id == id)
    }

    /// The target with this id.
    pub fn target(&self, id: &str) -> Option<&Target<'a>> {
        self.targets.iter().find(|t| t.id == id)
    }

    /// The indicator with this id.
    pub fn indicator(&self, id: &str) -> Option<&Indicator<'a>> {
        self.indicators.iter().find(|i| i.id == id)
    }

    /// The window with this id.
    pub fn window(&self, id: &str) -> Option<&InvestmentWindow<'a>> {
        self.windows.iter().find(|w| w.id == id)
    }

    /// The publication with this id.
    pub fn source(&self, id: &str) -> Option<&Source<'a>> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// What the published figures of a subject are, if it has any.
    pub fn series_of(&self, subject: &str) -> Option<&Series<'a>> {
        self.series.iter().find(|s| s.subject == subject)
    }

    /// The dated facts about one subject, in file order.
    pub fn events_of<'s>(&'s self, subject: &'s str) -> impl Iterator<Item = &'s Event<'a>> + 's {
        self.events.iter().filter(move |e| e.subject == subject)
    }

    /// The headline observations of one target or indicator (its
    /// breakdowns left out), in file order: what progress is computed on.
    pub fn observations_of<'s>(
        &'s self,
        subject: &'s str,
    ) -> impl Iterator<Item = &'s Observation<'a>> + 's {
        self.observations
            .iter()
            .filter(move |o| o.subject == subject && o.is_headline())
    }

    /// The observations of one target or indicator that are breakdowns
    /// (region, sex, sector, …), in file order.
    pub fn breakdowns_of<'s>(
        &'s self,
        subject: &'s str,
    ) -> impl Iterator<Item = &'s Observation<'a>> + 's {
        self.observations
            .iter()
            .filter(move |o| o.subject == subject && !o.is_headline())
    }

    /// Add an observation; at capacity the dataset is left unchanged and the
    /// observation comes back in the error.
    pub fn add_observation(&mut self, o: Observation<'a>) -> Result<(), Observation<'a>> {
        self.observations.push(o)
    }
}
