//! What has happened since a vision was published: the publications that
//! report figures ([`Source`]), what each published series measures
//! ([`Series`]), dated facts ([`Event`]), yearly values ([`Observation`])
//! and realised money per window ([`WindowFlow`]). Re-exported from
//! [`crate::model`].

use serde::{Deserialize, Serialize};

use super::{Bilingual, IndicatorDirection, Text, Unit};

/// A publication that figures or references cite: who published what, where
/// and when (the vintage of the figures it holds).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source<'a> {
    /// Identifier, e.g. `cbs-rd-2025`.
    pub id: &'a str,
    /// Who published it (CBS, OECD, IND, a ministry, …).
    #[serde(borrow)]
    pub publisher: Text<'a>,
    /// The document's or web page's title.
    #[serde(borrow)]
    pub title: Text<'a>,
    /// The table, figure or page within it, if any.
    #[serde(borrow, default)]
    pub table: Option<Text<'a>>,
    /// Where it can be read (`https://…`).
    #[serde(borrow)]
    pub url: Text<'a>,
    /// When it was released: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    #[serde(borrow)]
    pub released: Text<'a>,
}

/// What a published series of figures is: its own title and unit, and, when
/// it measures something broader than the subject, that it is a proxy.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Series<'a> {
    /// The target or indicator the figures are for.
    pub subject: &'a str,
    /// What the published series measures.
    #[serde(borrow)]
    pub title: Bilingual<'a>,
    /// The series' unit: a target's own; an indicator's own or, for a
    /// proxy, the unit of the series that stands in for it.
    pub unit: Unit,
    /// The series' own better side, when it differs from the subject's (a
    /// rank standing in for a score: lower is better).
    #[serde(default)]
    pub direction: Option<IndicatorDirection>,
    /// When the series measures something broader or other than the
    /// subject: its definition and how it differs.
    #[serde(borrow, default)]
    pub proxy: Option<Bilingual<'a>>,
    /// Which publisher's series is kept, other readings, breaks.
    #[serde(borrow, default)]
    pub note: Option<Bilingual<'a>>,
    /// What was searched, found and not found.
    #[serde(borrow)]
    pub searched: Bilingual<'a>,
}

/// A dated fact about a subject, such as a step toward a milestone; it
/// counts as the milestone reached only with `achieved`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event<'a> {
    /// The target or indicator.
    pub subject: &'a str,
    /// When: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    #[serde(borrow)]
    pub date: Text<'a>,
    /// What happened.
    #[serde(borrow)]
    pub title: Bilingual<'a>,
    /// The publication that reports it, an id in [`Dataset::sources`](super::Dataset::sources).
    pub source: &'a str,
    /// The publication's own words.
    #[serde(borrow)]
    pub quote: Text<'a>,
    /// The source says the milestone itself is reached.
    #[serde(default)]
    pub achieved: bool,
}

/// One value of a target or indicator in one year.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Observation<'a> {
    /// The target or indicator.
    pub subject: &'a str,
    /// Year.
    pub year: i32,
    /// Value; for cumulative flows the flow in that year.
    pub value: f64,
    /// Where the figure comes from, in words (required unless `document`
    /// names the publication).
    #[serde(borrow, default)]
    pub source: Text<'a>,
    /// The publication that states the figure, an id in
    /// [`Dataset::sources`](super::Dataset::sources): a published figure has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<&'a str>,
    /// The figure as the publication writes it, with its words.
    #[serde(borrow, default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<Text<'a>>,
    /// A note.
    #[serde(borrow, default)]
    pub note: Option<Text<'a>>,
    /// Provisional figure.
    #[serde(default)]
    pub provisional: bool,
    /// The breakdown (disaggregation) this figure is for, in words
    /// (`sectperf: BES`, `sex: F`), or none for the headline figure.
    /// Breakdowns are kept and shown beside the headline; progress is
    /// computed on the headline only ([`Dataset::observations_of`](super::Dataset::observations_of)).
    #[serde(borrow, default, skip_serializing_if = "Option::is_none")]
    pub breakdown: Option<Text<'a>>,
}

impl<'a> Observation<'a> {
    /// A headline figure of `subject` in `year`, from `source` (in words),
    /// final, with no publication, quote or note.
    pub fn new(subject: &'a str, year: i32, value: f64, source: Text<'a>) -> Self {
        Observation {
            subject,
            year,
            value,
            source,
            document: None,
            quote: None,
            note: None,
            provisional: false,
            breakdown: None,
        }
    }

    /// True for a headline figure (no breakdown).
    pub fn is_headline(&self) -> bool {
        self.breakdown.is_none()
    }
}

/// Realised money of one window in one year.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WindowFlow<'a> {
    /// The window.
    pub window: &'a str,
    /// Year.
    pub year: i32,
    /// Public money committed (signed), euros.
    #[serde(default)]
    pub public_committed: Option<f64>,
    /// Public money disbursed, euros.
    #[serde(default)]
    pub public_disbursed: Option<f64>,
    /// Private money committed, euros.
    #[serde(default)]
    pub private_committed: Option<f64>,
    /// Private money disbursed, euros.
    #[serde(default)]
    pub private_disbursed: Option<f64>,
    /// Where the figures come from.
    #[serde(borrow)]
    pub source: Text<'a>,
}
