//! Progress toward quantified targets (methodology section 1), as pure
//! functions of numbers.
//!
//! Three views of one question, "are we getting there?":
//!
//! - [`open_sdg`] reproduces the Open SDG 2.4 / Statistics Canada progress
//!   measure (sdg-build `sdg/ProgressMeasure.py`) with its edge rules, in the
//!   order Open SDG applies them, so an Open SDG user gets the same status and
//!   score; [`aggregate`] is its indicator-level mean of scores.
//! - [`distance_travelled`] compares the share of the distance covered with the
//!   share of the time elapsed. It works from a zero baseline, where growth
//!   rates break down ("25,000 extra technicians").
//! - [`project`] extends the least-squares trend and the growth-rate path to
//!   the target year and says when, on that trend, the target is reached.
//!
//! Inputs may be unsorted and may hold NaN (a missing value: dropped, as Open
//! SDG drops rows without a value), infinities (refused:
//! [`Reason::NonFinite`]) and duplicate years (refused:
//! [`Reason::DuplicateYear`], where Open SDG raises an error). Nothing here
//! allocates, sorts or panics, and no `f64` in a result is ever NaN or
//! infinite: what cannot be computed is `None` or [`Status::NotAvailable`]
//! with a [`Reason`]. Observations are scanned rather than sorted, which is
//! quadratic in the number of years of one series: a few dozen at most.
//!
//! ```
//! use koers_core::progress::{open_sdg, Direction, OpenSdgConfig, Point, Status};
//!
//! let points = [Point::new(2020, 100.0), Point::new(2024, 120.0)];
//! let cfg = OpenSdgConfig {
//!     base_year: 2020,
//!     target: Some(150.0),
//!     direction: Direction::Increase,
//!     ..OpenSdgConfig::default()
//! };
//! let a = open_sdg(&points, &cfg);
//! assert_eq!(a.status, Status::SubstantialProgress);
//! assert!((a.score.unwrap_or(0.0) - 3.764).abs() < 5e-4);
//! ```

use serde::{Deserialize, Serialize};

/// What Open SDG puts in place of a base value or target of exactly zero,
/// which a growth rate cannot start from or aim at.
pub const ZERO_REPLACEMENT: f64 = 0.001;

/// Exponent of Open SDG's limit coefficient `C = 1 - (b / l)^4.44`.
pub const LIMIT_EXPONENT: f64 = 4.44;

/// Scores lie in `[-MAX_SCORE, MAX_SCORE]`; a target achieved scores the top.
pub const MAX_SCORE: f64 = 5.0;

/// The last year a projection looks at; later is "not before 2100".
pub const PROJECTION_HORIZON: i32 = 2100;

/// One observation of a series.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Point {
    /// The year the value refers to.
    pub year: i32,
    /// The value; NaN means missing.
    pub value: f64,
}

impl Point {
    /// A point from a year and a value.
    pub const fn new(year: i32, value: f64) -> Self {
        Self { year, value }
    }
}

/// Which way is better.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// Higher is better (Open SDG "positive").
    Increase,
    /// Lower is better (Open SDG "negative", its default).
    Decrease,
}

impl Direction {
    /// `d` in the formulas: +1 when higher is better, -1 when lower is better.
    pub const fn sign(self) -> f64 {
        match self {
            Self::Increase => 1.0,
            Self::Decrease => -1.0,
        }
    }

    /// Whether `value` is at or beyond `target` in this direction.
    pub fn reached(self, value: f64, target: f64) -> bool {
        match self {
            Self::Increase => value >= target,
            Self::Decrease => value <= target,
        }
    }
}

/// Open SDG status labels, exactly (serialize as `target_achieved`,
/// `substantial_progress`, `moderate_progress`, `limited_progress`,
/// `deterioration`, `not_available`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// The latest value is at or beyond the target.
    TargetAchieved,
    /// On track ("substantial progress").
    SubstantialProgress,
    /// Progress made, acceleration needed.
    ModerateProgress,
    /// Limited progress.
    LimitedProgress,
    /// Moving the wrong way.
    Deterioration,
    /// Cannot be assessed; a [`Reason`] says why.
    NotAvailable,
}

impl Status {
    /// The Open SDG label, as serialized.
    pub const fn label(self) -> &'static str {
        match self {
            Self::TargetAchieved => "target_achieved",
            Self::SubstantialProgress => "substantial_progress",
            Self::ModerateProgress => "moderate_progress",
            Self::LimitedProgress => "limited_progress",
            Self::Deterioration => "deterioration",
            Self::NotAvailable => "not_available",
        }
    }
}

/// Why a result is not available (every `NotAvailable` carries one).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// No observation with a value.
    NoData,
    /// Fewer than two distinct years in use.
    TooFewYears,
    /// Two observations for one year (Open SDG raises an error).
    DuplicateYear,
    /// No observation in or after the base year (Open SDG crashes there).
    NoBaseYear,
    /// Values of opposite sign, so no growth rate exists between them.
    OppositeSigns,
    /// An infinite input, or a result too large to represent.
    NonFinite,
    /// The target year is not after the base year.
    TargetYearNotAfterBase,
    /// A span of zero: target value equal to the baseline value, or two
    /// points in the same year.
    ZeroSpan,
    /// A growth rate from a value of zero.
    ZeroBase,
    /// The target lies behind the baseline in the direction that is better.
    WrongDirection,
    /// No observation after the baseline year.
    NoDataAfterBase,
    /// Open SDG would take the complex power of a target of the other sign
    /// than the base value, and this build of koers-core leaves that out
    /// (the `complex-power` feature is off, as in small firmware).
    NeedsComplexPower,
}

impl Reason {
    /// The reason as serialized (`snake_case`).
    pub const fn label(self) -> &'static str {
        match self {
            Self::NoData => "no_data",
            Self::TooFewYears => "too_few_years",
            Self::DuplicateYear => "duplicate_year",
            Self::NoBaseYear => "no_base_year",
            Self::OppositeSigns => "opposite_signs",
            Self::NonFinite => "non_finite",
            Self::TargetYearNotAfterBase => "target_year_not_after_base",
            Self::ZeroSpan => "zero_span",
            Self::ZeroBase => "zero_base",
            Self::WrongDirection => "wrong_direction",
            Self::NoDataAfterBase => "no_data_after_base",
            Self::NeedsComplexPower => "needs_complex_power",
        }
    }
}

/// Progress thresholds: `value >= high` substantial, `>= med` moderate,
/// `>= low` limited, below `low` deterioration.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Thresholds {
    /// Lowest value that counts as substantial progress.
    pub high: f64,
    /// Lowest value that counts as moderate progress.
    pub med: f64,
    /// Lowest value that counts as limited progress.
    pub low: f64,
}

impl Thresholds {
    /// For a ratio of growth rates or of shares (Open SDG method 2, and the
    /// pace ratio): 0.95, 0.60, 0.
    pub const WITH_TARGET: Self = Self {
        high: 0.95,
        med: 0.60,
        low: 0.0,
    };

    /// For a growth rate without a target (Open SDG method 1): 1.5 %, 0.5 %, 0.
    pub const WITHOUT_TARGET: Self = Self {
        high: 0.015,
        med: 0.005,
        low: 0.0,
    };

    /// Every threshold multiplied by the limit coefficient `c`, as Open SDG
    /// does near a natural limit.
    pub fn scaled(self, c: f64) -> Self {
        Self {
            high: self.high * c,
            med: self.med * c,
            low: self.low * c,
        }
    }

    /// The status of a progress value, Open SDG's `get_progress_status`
    /// comparison by comparison (so thresholds out of order give what Open
    /// SDG gives); NaN is not available.
    pub fn status(self, value: f64) -> Status {
        if value >= self.high {
            Status::SubstantialProgress
        } else if self.med <= value && value < self.high {
            Status::ModerateProgress
        } else if self.low <= value && value < self.med {
            Status::LimitedProgress
        } else if value < self.low {
            Status::Deterioration
        } else {
            Status::NotAvailable
        }
    }

    /// These thresholds with the configured ones put in their place, as
    /// Open SDG's `progress_thresholds.update(user_thresholds)`.
    pub fn with(self, user: ThresholdOverride) -> Self {
        Self {
            high: user.high.unwrap_or(self.high),
            med: user.med.unwrap_or(self.med),
            low: user.low.unwrap_or(self.low),
        }
    }

    fn finite(self) -> bool {
        self.high.is_finite() && self.med.is_finite() && self.low.is_finite()
    }
}

/// Open SDG's configurable `progress_thresholds` (`high`, `med`, `low`) of
/// one series: each one given replaces the default of the method in use
/// (0.95 / 0.60 / 0 with a target, 0.015 / 0.005 / 0 without), before the
/// limit coefficient scales them. All `None` is Open SDG's defaults.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ThresholdOverride {
    /// Lowest value that counts as substantial progress.
    pub high: Option<f64>,
    /// Lowest value that counts as moderate progress.
    pub med: Option<f64>,
    /// Lowest value that counts as limited progress.
    pub low: Option<f64>,
}

impl ThresholdOverride {
    /// None configured: Open SDG's defaults.
    pub const NONE: Self = Self {
        high: None,
        med: None,
        low: None,
    };
}

/// Settings of one Open SDG progress calculation (its
/// `progress_calculation_options` for one series).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct OpenSdgConfig {
    /// Configured base year; the first observed year after it when it has no
    /// observation.
    pub base_year: i32,
    /// Target value; `None` selects method 1 (no quantitative target).
    pub target: Option<f64>,
    /// Year the target should be reached.
    pub target_year: i32,
    /// Which way is better.
    pub direction: Direction,
    /// Natural limit (such as 100 %), used only without a target.
    pub limit: Option<f64>,
    /// `progress_thresholds`: none given is Open SDG's defaults.
    #[serde(default)]
    pub thresholds: ThresholdOverride,
}

impl Default for OpenSdgConfig {
    /// Open SDG's defaults: base year 2015, target year 2030, direction
    /// negative (decrease), no target, no limit.
    fn default() -> Self {
        Self {
            base_year: 2015,
            target: None,
            target_year: 2030,
            direction: Direction::Decrease,
            limit: None,
            thresholds: ThresholdOverride::NONE,
        }
    }
}

/// The Open SDG progress assessment of one series.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Assessment {
    /// Status label.
    pub status: Status,
    /// Score in `[-5, 5]`; `None` when not available.
    pub score: Option<f64>,
    /// `R` (with a target) or the signed growth rate `v` (without); `None`
    /// when it cannot be computed or is infinite (a target equal to the base
    /// value makes `R` infinite: Open SDG still rates that, and so does koers).
    pub progress_value: Option<f64>,
    /// The base year used (after moving to the first observed year).
    pub base_year: Option<i32>,
    /// The latest observed year.
    pub current_year: Option<i32>,
    /// Whether the latest value is at or beyond the target.
    pub target_achieved: bool,
    /// Why the status is `NotAvailable`; `None` otherwise.
    pub reason: Option<Reason>,
}

impl Assessment {
    /// A not-available assessment with nothing known but the reason.
    pub const fn not_available(reason: Reason) -> Self {
        Self {
            status: Status::NotAvailable,
            score: None,
            progress_value: None,
            base_year: None,
            current_year: None,
            target_achieved: false,
            reason: Some(reason),
        }
    }
}

/// Several series' assessments rolled into one, as Open SDG does for an
/// indicator.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Aggregate {
    /// Status from the mean score.
    pub status: Status,
    /// Mean of the counted scores; `None` when none was counted.
    pub mean_score: Option<f64>,
    /// Series with a score.
    pub counted: usize,
    /// Series without a score (not available), skipped.
    pub missing: usize,
}

/// Whether a value is present (NaN marks a missing value).
fn present(p: &&Point) -> bool {
    !p.value.is_nan()
}

/// `x` when finite.
fn finite(x: f64) -> Option<f64> {
    x.is_finite().then_some(x)
}

/// Years from `from` to `to`, without overflow for any pair of `i32`.
fn span(from: i32, to: i32) -> i64 {
    i64::from(to) - i64::from(from)
}

/// [`span`] as a float, exactly: both years and their difference (under
/// 2^33) are exact in an `f64`. Open SDG's path uses it so that a firmware
/// converts no 64-bit integer to a float (a routine fewer in flash).
#[inline]
fn span_f64(from: i32, to: i32) -> f64 {
    f64::from(to) - f64::from(from)
}

fn clamp_score(s: f64) -> f64 {
    s.clamp(-MAX_SCORE, MAX_SCORE)
}

fn opposite_signs(a: f64, b: f64) -> bool {
    (a > 0.0 && b < 0.0) || (a < 0.0 && b > 0.0)
}

/// Open SDG's `growth_calculation`: `(current / base)^(1 / years) - 1`, raw.
fn growth(current: f64, base: f64, years: f64) -> f64 {
    libm::pow(current / base, 1.0 / years) - 1.0
}

mod distance;
mod open_sdg;
mod projection;
pub use distance::*;
pub use open_sdg::*;
pub use projection::*;

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn pts(v: &[(i32, f64)]) -> Vec<Point> {
        v.iter().map(|&(y, x)| Point::new(y, x)).collect()
    }

    fn cfg(base_year: i32, target: Option<f64>, direction: Direction) -> OpenSdgConfig {
        OpenSdgConfig {
            base_year,
            target,
            direction,
            ..OpenSdgConfig::default()
        }
    }

    /// Open SDG's `progress_thresholds`: a configured threshold replaces
    /// the default before the limit scales it, the status compares with
    /// it, and `get_score` picks its formula with it (the formulas stay
    /// those of the default thresholds, so score and status can disagree,
    /// as in Open SDG).
    #[test]
    fn configured_thresholds_as_open_sdg_applies_them() {
        let t = |high, med, low| ThresholdOverride { high, med, low };
        // Case B, v = -(0.94^(1/6) - 1) = 0.010260: moderate by default;
        // with high = 0.01 substantial, score 500 v - 5 = 0.130.
        let b = [Point::new(2018, 50.0), Point::new(2024, 47.0)];
        let v = -(libm::pow(47.0 / 50.0, 1.0 / 6.0) - 1.0);
        let cfg = OpenSdgConfig {
            base_year: 2018,
            thresholds: t(Some(0.01), None, None),
            ..OpenSdgConfig::default()
        };
        let a = open_sdg(&b, &cfg);
        assert_eq!(a.status, Status::SubstantialProgress);
        close(a.score, 500.0 * v - 5.0, 1e-12);
        close(a.score, 0.130, 5e-4);

        // Case A, R = 1.12700: high 1.2 makes it moderate, same score; med
        // 1.5 and high 2 make it limited and the second formula
        // 4.1667 R - 2.5 = 2.196.
        let pa = [Point::new(2020, 100.0), Point::new(2024, 120.0)];
        let mut cfg = OpenSdgConfig {
            base_year: 2020,
            target: Some(150.0),
            direction: Direction::Increase,
            thresholds: t(Some(1.2), None, None),
            ..OpenSdgConfig::default()
        };
        let a = open_sdg(&pa, &cfg);
        assert_eq!(a.status, Status::ModerateProgress);
        close(a.score, 3.764, 5e-4);
        cfg.thresholds = t(Some(2.0), Some(1.5), None);
        let a = open_sdg(&pa, &cfg);
        assert_eq!(a.status, Status::LimitedProgress);
        let r = a.progress_value.unwrap_or(f64::NAN);
        close(a.score, 4.1667 * r - 2.5, 1e-12);
        close(a.score, 2.196, 5e-4);

        // Case C (limit 100, C = 0.20367): high 0.01 is scaled to 0.0020367,
        // v = 0.0026213 passes it: substantial, 500 v / C - 5 = 1.435.
        let pc = [Point::new(2020, 95.0), Point::new(2024, 96.0)];
        let cfg = OpenSdgConfig {
            base_year: 2020,
            direction: Direction::Increase,
            limit: Some(100.0),
            thresholds: t(Some(0.01), None, None),
            ..OpenSdgConfig::default()
        };
        let a = open_sdg(&pc, &cfg);
        assert_eq!(a.status, Status::SubstantialProgress);
        close(a.score, 1.435, 5e-4);

        // Not finite: not available, with the reason.
        let cfg = OpenSdgConfig {
            thresholds: t(None, Some(f64::NAN), None),
            ..cfg
        };
        let a = open_sdg(&pc, &cfg);
        assert_eq!(
            (a.status, a.reason),
            (Status::NotAvailable, Some(Reason::NonFinite))
        );
        // None configured: exactly the defaults.
        assert_eq!(
            open_sdg(
                &b,
                &OpenSdgConfig {
                    base_year: 2018,
                    ..OpenSdgConfig::default()
                }
            )
            .status,
            Status::ModerateProgress
        );
    }

    #[track_caller]
    fn close(got: Option<f64>, want: f64, tol: f64) {
        match got {
            Some(g) => assert!((g - want).abs() <= tol, "got {g}, want {want} ± {tol}"),
            None => panic!("got None, want {want}"),
        }
    }

    /// One Open SDG case: data, config, expected progress value, score,
    /// status and base year, with tolerances.
    struct Case {
        name: &'static str,
        data: &'static [(i32, f64)],
        cfg: OpenSdgConfig,
        value: Option<(f64, f64)>,
        score: Option<(f64, f64)>,
        status: Status,
    }

    const INC: Direction = Direction::Increase;
    const DEC: Direction = Direction::Decrease;

    const fn c(
        base_year: i32,
        target: Option<f64>,
        target_year: i32,
        direction: Direction,
        limit: Option<f64>,
    ) -> OpenSdgConfig {
        OpenSdgConfig {
            base_year,
            target,
            target_year,
            direction,
            limit,
            thresholds: ThresholdOverride::NONE,
        }
    }

    // Expected values of the hand-computed rows were checked against a line
    // by line port of sdg-build's SeriesProgress in Python.
    const CASES: &[Case] = &[
        // The three known answers of methodology.md 1a, to the printed digits.
        Case {
            name: "A: target, positive",
            data: &[(2020, 100.0), (2024, 120.0)],
            cfg: c(2020, Some(150.0), 2030, INC, None),
            value: Some((1.12700, 5e-6)),
            score: Some((3.764, 5e-4)),
            status: Status::SubstantialProgress,
        },
        Case {
            name: "B: no target, negative",
            data: &[(2018, 50.0), (2024, 47.0)],
            cfg: c(2018, None, 2030, DEC, None),
            value: Some((0.010260, 5e-7)),
            score: Some((1.315, 5e-4)),
            status: Status::ModerateProgress,
        },
        Case {
            name: "C: no target, positive, limit 100",
            data: &[(2020, 95.0), (2024, 96.0)],
            cfg: c(2020, None, 2030, INC, Some(100.0)),
            value: Some((0.0026213, 5e-8)),
            score: Some((1.968, 5e-4)),
            status: Status::ModerateProgress,
        },
        // Method 2, every band: base 2015: 100, target 200 in 2030.
        Case {
            name: "m2 moderate",
            data: &[(2015, 100.0), (2020, 120.0)],
            cfg: c(2015, Some(200.0), 2030, INC, None),
            value: Some((0.785_241_106_542_972_3, 1e-12)),
            score: Some((1.323_198_699_925_797, 1e-12)),
            status: Status::ModerateProgress,
        },
        Case {
            name: "m2 substantial just above 0.95",
            data: &[(2015, 100.0), (2020, 125.0)],
            cfg: c(2015, Some(200.0), 2030, INC, None),
            value: Some((0.965_015_309_922_781, 1e-12)),
            score: Some((2.607_307_857_247_431_7, 1e-12)),
            status: Status::SubstantialProgress,
        },
        Case {
            name: "m2 limited",
            data: &[(2015, 100.0), (2020, 105.0)],
            cfg: c(2015, Some(200.0), 2030, INC, None),
            value: Some((0.207_336_495_290_883_27, 1e-12)),
            score: Some((-1.636_091_025_071_476_9, 1e-12)),
            status: Status::LimitedProgress,
        },
        Case {
            name: "m2 just under 0.60 is limited, score from the lower line",
            data: &[(2015, 100.0), (2020, 115.0)],
            cfg: c(2015, Some(200.0), 2030, INC, None),
            value: Some((0.599_370_924_115_132_3, 1e-12)),
            score: Some((-0.002_601_170_489_478_832_3, 1e-12)),
            status: Status::LimitedProgress,
        },
        Case {
            name: "m2 deterioration",
            data: &[(2015, 100.0), (2020, 97.0)],
            cfg: c(2015, Some(200.0), 2030, INC, None),
            value: Some((-0.128_416_037_545_123_07, 1e-12)),
            score: Some((-3.035_071_103_639_264, 1e-12)),
            status: Status::Deterioration,
        },
        Case {
            name: "m2 score capped at 5",
            data: &[(2015, 100.0), (2020, 135.0)],
            cfg: c(2015, Some(200.0), 2030, INC, None),
            value: Some((1.307_958_687_161_774, 1e-12)),
            score: Some((5.0, 0.0)),
            status: Status::SubstantialProgress,
        },
        Case {
            name: "m2 score floored at -5",
            data: &[(2015, 100.0), (2020, 85.0)],
            cfg: c(2015, Some(200.0), 2030, INC, None),
            value: Some((-0.676_219_646_124_198_8, 1e-12)),
            score: Some((-5.0, 0.0)),
            status: Status::Deterioration,
        },
        Case {
            name: "m2 negative direction",
            data: &[(2015, 40.0), (2021, 30.0)],
            cfg: c(2015, Some(20.0), 2030, DEC, None),
            value: Some((1.036_699_950_773_102_5, 1e-12)),
            score: Some((3.119_344_078_377_193_5, 1e-12)),
            status: Status::SubstantialProgress,
        },
        Case {
            name: "m2 limit ignored with a target",
            data: &[(2020, 95.0), (2024, 96.0)],
            cfg: c(2020, Some(100.0), 2030, INC, Some(100.0)),
            value: Some((0.509_723_074_338_591_2, 1e-12)),
            score: Some((-0.376_136_866_153_392_37, 1e-12)),
            status: Status::LimitedProgress,
        },
        Case {
            name: "m2 base year moved to the first later observation",
            data: &[(2017, 80.0), (2013, 10.0), (2020, 90.0)],
            cfg: c(2015, Some(120.0), 2030, INC, None),
            value: Some((1.263_904_682_371_886_7, 1e-12)),
            score: Some((4.742_244_755_714_148_5, 1e-12)),
            status: Status::SubstantialProgress,
        },
        Case {
            name: "m2 target equal to base, falling: R = -inf",
            data: &[(2015, 100.0), (2020, 90.0)],
            cfg: c(2015, Some(100.0), 2030, INC, None),
            value: None,
            score: Some((-5.0, 0.0)),
            status: Status::Deterioration,
        },
        Case {
            // Python takes a negative number to the power 1/15: complex, and
            // Open SDG uses its modulus.
            name: "m2 negative base, zero target (0.001)",
            data: &[(2015, -5.0), (2024, -3.0)],
            cfg: c(2015, Some(0.0), 2030, INC, None),
            value: Some((0.119_707_355_447_230_32, 1e-12)),
            score: Some((-2.001_215_362_058_025_5, 1e-12)),
            status: Status::LimitedProgress,
        },
        Case {
            name: "m2 negative base, zero target, one year to go (real power)",
            data: &[(2015, -5.0), (2016, -3.0)],
            cfg: c(2015, Some(0.0), 2016, INC, None),
            value: Some((0.399_920_015_996_800_66, 1e-12)),
            score: Some((-0.833_653_269_346_130_9, 1e-12)),
            status: Status::LimitedProgress,
        },
        // Method 1, every band: base 2015: 100, positive, no limit.
        Case {
            name: "m1 substantial",
            data: &[(2015, 100.0), (2020, 109.329_884_676_956_81)],
            cfg: c(2015, None, 2030, INC, None),
            value: Some((0.018, 1e-9)),
            score: Some((4.0, 1e-6)),
            status: Status::SubstantialProgress,
        },
        Case {
            name: "m1 score capped at 5",
            data: &[(2015, 100.0), (2020, 115.927_407_43)],
            cfg: c(2015, None, 2030, INC, None),
            value: Some((0.03, 1e-9)),
            score: Some((5.0, 0.0)),
            status: Status::SubstantialProgress,
        },
        Case {
            name: "m1 limited",
            data: &[(2015, 100.0), (2020, 101.509_027_040_524_24)],
            cfg: c(2015, None, 2030, INC, None),
            value: Some((0.003, 1e-9)),
            score: Some((-1.0, 1e-6)),
            status: Status::LimitedProgress,
        },
        Case {
            name: "m1 deterioration",
            data: &[(2015, 100.0), (2020, 95.099_004_99)],
            cfg: c(2015, None, 2030, INC, None),
            value: Some((-0.01, 1e-9)),
            score: Some((-3.75, 1e-6)),
            status: Status::Deterioration,
        },
        Case {
            name: "m1 score floored at -5",
            data: &[(2015, 100.0), (2020, 77.378_093_749_999_98)],
            cfg: c(2015, None, 2030, INC, None),
            value: Some((-0.05, 1e-9)),
            score: Some((-5.0, 0.0)),
            status: Status::Deterioration,
        },
        Case {
            name: "m1 negative values flip the sign",
            data: &[(2015, -100.0), (2017, -98.0)],
            cfg: c(2015, None, 2030, INC, None),
            value: Some((0.010_050_506_338_833_42, 1e-12)),
            score: Some((1.262_626_584_708_355, 1e-12)),
            status: Status::ModerateProgress,
        },
        Case {
            name: "m1 C = 0 (base at the limit), holding: 5",
            data: &[(2015, 100.0), (2020, 100.5)],
            cfg: c(2015, None, 2030, INC, Some(100.0)),
            value: Some((0.000_998_005_979_079_508_2, 1e-15)),
            score: Some((5.0, 0.0)),
            status: Status::SubstantialProgress,
        },
        Case {
            name: "m1 C = 0, falling: 125 v - 2.5, not scaled",
            data: &[(2015, 100.0), (2020, 99.0)],
            cfg: c(2015, None, 2030, INC, Some(100.0)),
            value: Some((-0.002_008_048_338_574_153, 1e-15)),
            score: Some((-2.751_006_042_321_769, 1e-12)),
            status: Status::Deterioration,
        },
        Case {
            name: "m1 minimum limit between l and 2l",
            data: &[(2015, 150.0), (2020, 147.0)],
            cfg: c(2015, None, 2030, DEC, Some(100.0)),
            value: Some((0.004_032_389_459_044_716, 1e-15)),
            score: Some((-0.386_431_227_347_998_6, 1e-12)),
            status: Status::LimitedProgress,
        },
        Case {
            name: "m1 base at least twice the limit: C = 1",
            data: &[(2015, 300.0), (2020, 297.0)],
            cfg: c(2015, None, 2030, DEC, Some(100.0)),
            value: Some((0.002_008_048_338_574_153, 1e-15)),
            score: Some((-1.495_975_830_712_923_4, 1e-12)),
            status: Status::LimitedProgress,
        },
        Case {
            // Raw base 0 <= l gives C = 1; the replaced 0.001 would give C = 0
            // and a score of 5.
            name: "m1 zero base: coefficient from the base before 0.001",
            data: &[(2015, 0.0), (2016, 0.00101)],
            cfg: c(2015, None, 2030, INC, Some(0.001)),
            value: Some((0.01, 1e-12)),
            score: Some((1.25, 1e-9)),
            status: Status::ModerateProgress,
        },
    ];

    /// The cases whose answer needs Open SDG's complex power.
    const COMPLEX_POWER: &[&str] = &["m2 negative base, zero target (0.001)"];

    #[test]
    fn progress_open_sdg_known_answers() {
        for case in CASES {
            let a = open_sdg(&pts(case.data), &case.cfg);
            if !cfg!(feature = "complex-power") && COMPLEX_POWER.contains(&case.name) {
                // Without the feature: not available, with the reason; never
                // another number.
                assert_eq!(a.status, Status::NotAvailable, "{}", case.name);
                assert_eq!(a.reason, Some(Reason::NeedsComplexPower), "{}", case.name);
                assert_eq!((a.score, a.progress_value), (None, None), "{}", case.name);
                continue;
            }
            assert_eq!(a.status, case.status, "{}", case.name);
            assert_eq!(a.reason, None, "{}", case.name);
            match case.value {
                Some((v, tol)) => close(a.progress_value, v, tol),
                None => assert_eq!(a.progress_value, None, "{}", case.name),
            }
            match case.score {
                Some((s, tol)) => close(a.score, s, tol),
                None => assert_eq!(a.score, None, "{}", case.name),
            }
        }
    }

    #[test]
    fn progress_complex_power_only_with_the_feature() {
        // A target of the other sign than an observed base value: Open SDG's
        // complex power with the feature, a reason without it.
        let data = pts(&[(2015, -5.0), (2020, -4.0)]);
        let a = open_sdg(&data, &cfg(2015, Some(2.0), INC));
        if cfg!(feature = "complex-power") {
            assert_eq!(a.reason, None);
            assert!(a.score.is_some() && a.progress_value.is_some());
        } else {
            assert_eq!(a.status, Status::NotAvailable);
            assert_eq!(a.reason, Some(Reason::NeedsComplexPower));
            assert_eq!((a.score, a.progress_value), (None, None));
        }
        // The same target with the base year moved to a later observed year
        // is not available either way (Open SDG's NumPy power gives NaN);
        // a whole-number exponent (one year to go) is a real power either way.
        let moved = open_sdg(
            &pts(&[(2016, -5.0), (2020, -4.0)]),
            &cfg(2015, Some(2.0), INC),
        );
        assert_eq!(moved.reason, Some(Reason::OppositeSigns));
        let mut one_year = cfg(2015, Some(2.0), INC);
        one_year.target_year = 2016;
        let real = open_sdg(&pts(&[(2015, -5.0), (2016, -4.0)]), &one_year);
        assert_eq!(real.reason, None);
    }

    #[test]
    fn progress_case_c_coefficient_and_thresholds() {
        let c = limit_coefficient(95.0, 100.0);
        close(c, 0.20367, 5e-6);
        let t = Thresholds::WITHOUT_TARGET.scaled(c.unwrap_or(0.0));
        assert!((t.high - 0.003055).abs() < 5e-7);
        assert!((t.med - 0.001018).abs() < 5e-7);
        assert_eq!(limit_coefficient(0.0, 0.0), Some(1.0));
        assert_eq!(limit_coefficient(100.0, 100.0), Some(0.0));
        assert_eq!(limit_coefficient(f64::NAN, 1.0), None);
    }

    #[test]
    fn progress_open_sdg_defaults() {
        let d = OpenSdgConfig::default();
        assert_eq!(
            (d.base_year, d.target_year, d.direction, d.target, d.limit),
            (2015, 2030, Direction::Decrease, None, None)
        );
    }

    #[test]
    fn progress_target_achieved_single_observation() {
        let a = open_sdg(&pts(&[(2024, 160.0)]), &cfg(2015, Some(150.0), INC));
        assert_eq!(a.status, Status::TargetAchieved);
        assert_eq!(a.score, Some(5.0));
        assert!(a.target_achieved);
        assert_eq!(a.reason, None);
        assert_eq!(a.progress_value, None);
        assert_eq!((a.base_year, a.current_year), (Some(2024), Some(2024)));
    }

    #[test]
    fn progress_target_achieved_beats_opposite_signs() {
        let a = open_sdg(
            &pts(&[(2015, 10.0), (2020, -1.0)]),
            &cfg(2015, Some(0.0), DEC),
        );
        assert_eq!((a.status, a.score), (Status::TargetAchieved, Some(5.0)));
    }

    #[test]
    fn progress_zero_target_is_0_001() {
        let data = pts(&[(2015, 1.0), (2020, 0.0005)]);
        let a = open_sdg(&data, &cfg(2015, Some(0.0), DEC));
        assert_eq!(a.status, Status::TargetAchieved);
        let b = open_sdg(
            &pts(&[(2015, 1.0), (2020, 0.002)]),
            &cfg(2015, Some(0.0), DEC),
        );
        assert_ne!(b.status, Status::TargetAchieved);
    }

    #[test]
    fn progress_not_available_edges() {
        let na = |data: &[(i32, f64)], c: OpenSdgConfig| {
            let a = open_sdg(&pts(data), &c);
            assert_eq!(a.status, Status::NotAvailable);
            assert_eq!(a.score, None);
            a.reason
        };
        let neg = cfg(2015, None, DEC);
        assert_eq!(na(&[], neg), Some(Reason::NoData));
        assert_eq!(na(&[(2016, f64::NAN)], neg), Some(Reason::NoData));
        assert_eq!(
            na(&[(2010, 5.0), (2014, 6.0)], neg),
            Some(Reason::NoBaseYear)
        );
        assert_eq!(
            na(&[(2016, 5.0), (2018, 6.0), (2016, 7.0)], neg),
            Some(Reason::DuplicateYear)
        );
        // A duplicate before the base year is still an error, as in Open SDG.
        assert_eq!(
            na(&[(2010, 5.0), (2010, 5.0), (2018, 6.0)], neg),
            Some(Reason::DuplicateYear)
        );
        assert_eq!(na(&[(2016, 5.0)], neg), Some(Reason::TooFewYears));
        assert_eq!(
            na(&[(2015, 10.0), (2020, -3.0)], neg),
            Some(Reason::OppositeSigns)
        );
        // Sign taken before the zero base becomes 0.001 (positive), so a
        // negative current value is of the opposite sign.
        assert_eq!(
            na(&[(2015, 0.0), (2020, -3.0)], neg),
            Some(Reason::OppositeSigns)
        );
        assert_eq!(
            na(&[(2015, 1.0), (2020, f64::INFINITY)], neg),
            Some(Reason::NonFinite)
        );
        assert_eq!(
            na(&[(2015, 1.0), (2020, 2.0)], cfg(2015, Some(f64::NAN), INC)),
            Some(Reason::NonFinite)
        );
        assert_eq!(
            na(
                &[(2015, 1.0), (2020, 2.0)],
                c(2015, None, 2030, INC, Some(f64::INFINITY))
            ),
            Some(Reason::NonFinite)
        );
        assert_eq!(
            na(
                &[(2015, 1.0), (2020, 2.0)],
                c(2015, Some(5.0), 2015, INC, None)
            ),
            Some(Reason::TargetYearNotAfterBase)
        );
        // Opposite-signed target with a moved base year: NumPy's power is NaN.
        assert_eq!(
            na(&[(2016, -5.0), (2024, -3.0)], cfg(2015, Some(0.0), INC)),
            Some(Reason::OppositeSigns)
        );
    }

    #[test]
    fn progress_missing_values_dropped_and_order_free() {
        let sorted = open_sdg(
            &pts(&[(2020, 100.0), (2024, 120.0)]),
            &cfg(2020, Some(150.0), INC),
        );
        let messy = open_sdg(
            &pts(&[
                (2025, f64::NAN),
                (2024, 120.0),
                (2020, f64::NAN),
                (2019, 7.0),
                (2020, 100.0),
            ]),
            &cfg(2020, Some(150.0), INC),
        );
        assert_eq!(sorted, messy);
        assert_eq!(messy.current_year, Some(2024));
    }

    #[test]
    fn progress_score_functions() {
        assert_eq!(score_with_target(f64::INFINITY), Some(5.0));
        assert_eq!(score_with_target(f64::NEG_INFINITY), Some(-5.0));
        assert_eq!(score_with_target(f64::NAN), None);
        close(score_with_target(0.6), 7.1429 * 0.6 - 4.2857, 1e-12);
        close(score_with_target(0.0), -2.5, 1e-12);
        close(score_without_target(0.015, 1.0), 2.5, 1e-12);
        close(score_without_target(0.005, 1.0), 0.0, 1e-12);
        close(score_without_target(0.0, 1.0), -2.5, 1e-12);
        assert_eq!(score_without_target(0.0, 0.0), Some(5.0));
        assert_eq!(score_without_target(f64::NAN, 1.0), None);
    }

    #[test]
    fn progress_status_from_score_bands() {
        assert_eq!(status_from_score(5.0, true), Status::TargetAchieved);
        assert_eq!(status_from_score(2.5, false), Status::SubstantialProgress);
        assert_eq!(status_from_score(0.0, false), Status::ModerateProgress);
        assert_eq!(status_from_score(-0.1, false), Status::LimitedProgress);
        assert_eq!(status_from_score(-2.5, false), Status::LimitedProgress);
        assert_eq!(status_from_score(-2.6, false), Status::Deterioration);
        assert_eq!(status_from_score(f64::NAN, false), Status::NotAvailable);
    }

    fn scored(score: Option<f64>, achieved: bool) -> Assessment {
        Assessment {
            status: Status::ModerateProgress,
            score,
            target_achieved: achieved,
            reason: None,
            ..Assessment::not_available(Reason::NoData)
        }
    }

    #[test]
    fn progress_aggregate() {
        let g = aggregate(&[
            scored(Some(5.0), true),
            scored(Some(1.0), false),
            Assessment::not_available(Reason::NoData),
            scored(Some(f64::NAN), false),
        ]);
        assert_eq!(g.status, Status::SubstantialProgress);
        assert_eq!(g.mean_score, Some(3.0));
        assert_eq!((g.counted, g.missing), (2, 2));

        let all = aggregate(&[scored(Some(5.0), true), scored(Some(5.0), true)]);
        assert_eq!(all.status, Status::TargetAchieved);

        let low = aggregate(&[scored(Some(-5.0), false), scored(Some(-1.0), false)]);
        assert_eq!(low.status, Status::Deterioration);

        let none = aggregate(&[Assessment::not_available(Reason::NoData)]);
        assert_eq!(
            none,
            Aggregate {
                status: Status::NotAvailable,
                mean_score: None,
                counted: 0,
                missing: 1
            }
        );
        assert_eq!(aggregate(&[]).status, Status::NotAvailable);
    }

    #[test]
    fn progress_labels_match_serde() {
        assert_eq!(Status::SubstantialProgress.label(), "substantial_progress");
        assert_eq!(
            Reason::TargetYearNotAfterBase.label(),
            "target_year_not_after_base"
        );
        let mut buf = [0u8; 64];
        let n = serde_json_core::to_slice(&Status::TargetAchieved, &mut buf).unwrap_or(0);
        assert_eq!(&buf[..n], b"\"target_achieved\"");
        let n = serde_json_core::to_slice(&Reason::NoDataAfterBase, &mut buf).unwrap_or(0);
        assert_eq!(&buf[..n], b"\"no_data_after_base\"");
        let n = serde_json_core::to_slice(&YearReached::NotBefore2100, &mut buf).unwrap_or(0);
        assert_eq!(&buf[..n], b"\"not_before_2100\"");
    }

    // ---- 1b distance travelled ----

    fn dist(
        base: (i32, f64),
        target: (i32, f64),
        d: Direction,
        kind: SeriesKind,
    ) -> DistanceConfig {
        DistanceConfig {
            baseline: Point::new(base.0, base.1),
            target: Point::new(target.0, target.1),
            direction: d,
            kind,
        }
    }

    #[test]
    fn progress_distance_level() {
        let c = dist((2020, 0.0), (2030, 25_000.0), INC, SeriesKind::Level);
        let r = distance_travelled(&pts(&[(2024, 8_000.0), (2020, 0.0)]), &c);
        close(r.distance_share, 0.32, 1e-12);
        close(r.time_share, 0.4, 1e-12);
        close(r.pace_ratio, 0.8, 1e-12);
        assert_eq!(r.status, Status::ModerateProgress);
        assert_eq!(r.current, Some(Point::new(2024, 8_000.0)));
    }

    #[test]
    fn progress_distance_cumulative() {
        // Flows in and before the baseline year do not count; NaN is missing.
        let c = dist(
            (2020, 0.0),
            (2030, 25_000.0),
            INC,
            SeriesKind::CumulativeFlow,
        );
        let data = pts(&[
            (2024, 3_000.0),
            (2019, 999.0),
            (2022, 3_000.0),
            (2020, 500.0),
            (2021, 2_000.0),
            (2023, 2_500.0),
            (2025, f64::NAN),
        ]);
        let r = distance_travelled(&data, &c);
        assert_eq!(r.current, Some(Point::new(2024, 10_500.0)));
        close(r.distance_share, 0.42, 1e-12);
        close(r.pace_ratio, 1.05, 1e-12);
        assert_eq!(r.status, Status::SubstantialProgress);
    }

    #[test]
    fn progress_distance_decrease_bands() {
        let c = dist((2019, 100.0), (2030, 50.0), DEC, SeriesKind::Level);
        let at = |v: f64| distance_travelled(&pts(&[(2024, v)]), &c);
        let r = at(90.0);
        close(r.distance_share, 0.2, 1e-12);
        close(r.time_share, 5.0 / 11.0, 1e-12);
        close(r.pace_ratio, 0.44, 1e-12);
        assert_eq!(r.status, Status::LimitedProgress);
        assert_eq!(at(110.0).status, Status::Deterioration);
        let done = at(45.0);
        assert_eq!(done.status, Status::TargetAchieved);
        close(done.distance_share, 1.1, 1e-12);
    }

    #[test]
    fn progress_distance_not_available() {
        let na = |data: &[(i32, f64)], c: DistanceConfig| {
            let r = distance_travelled(&pts(data), &c);
            assert_eq!(r.status, Status::NotAvailable);
            r.reason
        };
        let ok = dist((2020, 0.0), (2030, 10.0), INC, SeriesKind::Level);
        assert_eq!(na(&[], ok), Some(Reason::NoData));
        assert_eq!(
            na(&[(2019, 1.0), (2020, 0.0)], ok),
            Some(Reason::NoDataAfterBase)
        );
        assert_eq!(
            na(&[(2022, 1.0), (2022, 2.0)], ok),
            Some(Reason::DuplicateYear)
        );
        assert_eq!(
            na(&[(2022, f64::NEG_INFINITY)], ok),
            Some(Reason::NonFinite)
        );
        let flat = dist((2020, 5.0), (2030, 5.0), INC, SeriesKind::Level);
        assert_eq!(na(&[(2022, 6.0)], flat), Some(Reason::ZeroSpan));
        let same_year = dist((2020, 0.0), (2020, 5.0), INC, SeriesKind::Level);
        assert_eq!(
            na(&[(2022, 6.0)], same_year),
            Some(Reason::TargetYearNotAfterBase)
        );
        let backwards = dist((2020, 100.0), (2030, 80.0), INC, SeriesKind::Level);
        assert_eq!(na(&[(2022, 70.0)], backwards), Some(Reason::WrongDirection));
        // ... but a value at or beyond such a target has achieved it.
        let r = distance_travelled(&pts(&[(2022, 90.0)]), &backwards);
        assert_eq!(r.status, Status::TargetAchieved);
        let bad = dist((2020, f64::NAN), (2030, 5.0), INC, SeriesKind::Level);
        assert_eq!(na(&[(2022, 6.0)], bad), Some(Reason::NonFinite));
    }

    // ---- 1c projection ----

    #[test]
    fn progress_linear_trend_and_cagr() {
        let t = linear_trend(&pts(&[(2022, 2.0), (2020, 1.0), (2021, 3.0)]));
        let t = t.unwrap_or(Trend {
            slope: f64::NAN,
            intercept: f64::NAN,
        });
        assert!((t.slope - 0.5).abs() < 1e-12);
        close(t.value_at(2021), 2.0, 1e-9);
        assert!((t.intercept - (-1008.5)).abs() < 1e-9);
        assert_eq!(linear_trend(&pts(&[(2020, 1.0)])), Err(Reason::TooFewYears));
        assert_eq!(linear_trend(&[]), Err(Reason::NoData));
        assert_eq!(
            linear_trend(&pts(&[(2020, 1.0), (2020, 2.0)])),
            Err(Reason::DuplicateYear)
        );

        close(
            cagr(Point::new(2020, 100.0), Point::new(2022, 121.0)).ok(),
            0.1,
            1e-12,
        );
        close(
            cagr(Point::new(2020, -100.0), Point::new(2022, -121.0)).ok(),
            0.1,
            1e-12,
        );
        close(
            cagr(Point::new(2022, 121.0), Point::new(2020, 100.0)).ok(),
            0.1,
            1e-12,
        );
        assert_eq!(
            cagr(Point::new(2020, 1.0), Point::new(2020, 2.0)),
            Err(Reason::ZeroSpan)
        );
        assert_eq!(
            cagr(Point::new(2020, 0.0), Point::new(2021, 2.0)),
            Err(Reason::ZeroBase)
        );
        assert_eq!(
            cagr(Point::new(2020, 1.0), Point::new(2021, -2.0)),
            Err(Reason::OppositeSigns)
        );
        assert_eq!(
            cagr(Point::new(2020, 1.0), Point::new(2021, f64::NAN)),
            Err(Reason::NonFinite)
        );
    }

    #[test]
    fn progress_project_level() {
        let data = pts(&[(2023, 16.0), (2020, 10.0), (2022, 14.0), (2021, 12.0)]);
        let p = project(&data, None, Point::new(2030, 29.0), INC, SeriesKind::Level);
        close(p.trend_value_at_target, 30.0, 1e-9);
        close(p.cagr_value_at_target, 47.907_106_622_879_61, 1e-9);
        assert_eq!(p.year_reached, YearReached::Year(2030));
        close(p.required_pace, 13.0 / 7.0, 1e-12);
        close(p.recent_pace, 2.0, 1e-12);
        close(p.unsd_ratio, 20.0 / 19.0, 1e-9);
        assert_eq!(p.unsd_status, Some(UnsdStatus::OnTrack));
        assert_eq!(p.current, Some(Point::new(2023, 16.0)));
        assert_eq!(p.reason, None);
    }

    #[test]
    fn progress_project_recent_pace_uneven_years() {
        let data = pts(&[
            (2016, 5.0),
            (2018, 9.0),
            (2019, 10.0),
            (2021, 16.0),
            (2022, 20.0),
        ]);
        let p = project(&data, None, Point::new(2030, 50.0), INC, SeriesKind::Level);
        close(p.recent_pace, 11.0 / 4.0, 1e-12);
    }

    #[test]
    fn progress_project_cumulative() {
        let flows = pts(&[
            (2021, 1000.0),
            (2024, 1000.0),
            (2022, 1000.0),
            (2023, 1000.0),
        ]);
        let p = project(
            &flows,
            Some(Point::new(2020, 0.0)),
            Point::new(2030, 9_500.0),
            INC,
            SeriesKind::CumulativeFlow,
        );
        assert_eq!(p.current, Some(Point::new(2024, 4_000.0)));
        close(p.trend_value_at_target, 10_000.0, 1e-6);
        assert_eq!(p.year_reached, YearReached::Year(2030));
        close(p.required_pace, 5_500.0 / 6.0, 1e-9);
        close(p.recent_pace, 1_000.0, 1e-9);
        close(p.unsd_ratio, 10_000.0 / 9_500.0, 1e-9);
        // Growth from zero has no rate.
        assert_eq!(p.cagr_value_at_target, None);
    }

    #[test]
    fn progress_project_year_reached_cases() {
        let target = Point::new(2030, 50.0);
        let level = SeriesKind::Level;
        let away = project(&pts(&[(2020, 10.0), (2021, 9.0)]), None, target, INC, level);
        assert_eq!(away.year_reached, YearReached::Never);
        assert_eq!(away.unsd_status, Some(UnsdStatus::StagnationOrRegression));
        let slow = project(
            &pts(&[(2020, 10.0), (2021, 10.1)]),
            None,
            target,
            INC,
            level,
        );
        assert_eq!(slow.year_reached, YearReached::NotBefore2100);
        let dip = pts(&[(2020, 50.0), (2021, 40.0), (2022, 55.0), (2023, 60.0)]);
        let already = project(&dip, None, target, INC, level);
        assert_eq!(already.year_reached, YearReached::Already(2022));
        let fair = project(
            &pts(&[(2020, 10.0), (2024, 12.0)]),
            None,
            Point::new(2030, 30.0),
            INC,
            level,
        );
        close(fair.unsd_ratio, 0.25, 1e-9);
        assert_eq!(fair.unsd_status, Some(UnsdStatus::FairProgress));
        let down = project(
            &pts(&[(2020, 90.0), (2022, 80.0)]),
            None,
            target,
            DEC,
            level,
        );
        // 90 - 5t reaches 50 at t = 8: 2028.
        assert_eq!(down.year_reached, YearReached::Year(2028));
    }

    #[test]
    fn progress_project_not_available() {
        let target = Point::new(2030, 50.0);
        let only_base = project(
            &[],
            Some(Point::new(2020, 10.0)),
            target,
            INC,
            SeriesKind::Level,
        );
        assert_eq!(only_base.reason, Some(Reason::TooFewYears));
        assert_eq!(only_base.year_reached, YearReached::NotAvailable);
        close(only_base.required_pace, 4.0, 1e-12);
        assert_eq!(only_base.trend_value_at_target, None);

        let dup = project(
            &pts(&[(2020, 1.0), (2020, 2.0)]),
            None,
            target,
            INC,
            SeriesKind::Level,
        );
        assert_eq!(dup, Projection::not_available(Reason::DuplicateYear));
        let empty = project(&[], None, target, INC, SeriesKind::Level);
        assert_eq!(empty.reason, Some(Reason::NoData));
        let inf = project(
            &pts(&[(2020, 1.0)]),
            None,
            Point::new(2030, f64::INFINITY),
            INC,
            SeriesKind::Level,
        );
        assert_eq!(inf.reason, Some(Reason::NonFinite));
    }

    // ---- properties ----

    fn year() -> impl Strategy<Value = i32> {
        prop_oneof![4 => 2000i32..2040, 1 => any::<i32>()]
    }

    fn value() -> impl Strategy<Value = f64> {
        prop_oneof![
            4 => -1e3f64..1e3,
            1 => Just(0.0),
            2 => proptest::num::f64::ANY,
        ]
    }

    fn points() -> impl Strategy<Value = Vec<Point>> {
        proptest::collection::vec((year(), value()).prop_map(|(y, v)| Point::new(y, v)), 0..8)
    }

    fn direction() -> impl Strategy<Value = Direction> {
        prop_oneof![Just(Direction::Increase), Just(Direction::Decrease)]
    }

    fn kind() -> impl Strategy<Value = SeriesKind> {
        prop_oneof![Just(SeriesKind::Level), Just(SeriesKind::CumulativeFlow)]
    }

    fn ok(x: Option<f64>) -> bool {
        x.is_none_or(f64::is_finite)
    }

    fn point_ok(p: Option<Point>) -> bool {
        p.is_none_or(|p| p.value.is_finite())
    }

    proptest! {
        #[test]
        fn progress_prop_open_sdg_finite_and_bounded(
            data in points(),
            base_year in year(),
            target_year in year(),
            target in proptest::option::of(value()),
            limit in proptest::option::of(value()),
            d in direction(),
        ) {
            let a = open_sdg(&data, &OpenSdgConfig { base_year, target, target_year, direction: d, limit, thresholds: ThresholdOverride::NONE });
            prop_assert!(ok(a.score) && ok(a.progress_value));
            prop_assert!(a.score.is_none_or(|s| (-5.0..=5.0).contains(&s)));
            prop_assert_eq!(a.reason.is_some(), a.status == Status::NotAvailable);
            prop_assert_eq!(a.score.is_none(), a.status == Status::NotAvailable);
            prop_assert_eq!(a.target_achieved, a.status == Status::TargetAchieved);
        }

        #[test]
        fn progress_prop_distance_and_projection_finite(
            data in points(),
            base in (year(), value()),
            target in (year(), value()),
            with_base in any::<bool>(),
            d in direction(),
            k in kind(),
        ) {
            let (b, t) = (Point::new(base.0, base.1), Point::new(target.0, target.1));
            let r = distance_travelled(&data, &DistanceConfig { baseline: b, target: t, direction: d, kind: k });
            prop_assert!(ok(r.distance_share) && ok(r.time_share) && ok(r.pace_ratio) && point_ok(r.current));
            prop_assert_eq!(r.reason.is_some(), r.status == Status::NotAvailable);

            let p = project(&data, with_base.then_some(b), t, d, k);
            prop_assert!(ok(p.trend_value_at_target) && ok(p.cagr_value_at_target));
            prop_assert!(ok(p.required_pace) && ok(p.recent_pace) && ok(p.unsd_ratio));
            prop_assert!(point_ok(p.current));
            prop_assert!(p.trend.is_none_or(|t| t.slope.is_finite() && t.intercept.is_finite()));
            prop_assert_eq!(p.unsd_ratio.is_some(), p.unsd_status.is_some());

            if let Ok(t) = linear_trend(&data) {
                prop_assert!(t.slope.is_finite() && t.intercept.is_finite());
            }
            if let Ok(g) = cagr(b, t) {
                prop_assert!(g.is_finite());
            }
        }

        #[test]
        fn progress_prop_score_functions_bounded(v in proptest::num::f64::ANY, c in proptest::num::f64::ANY) {
            for s in [score_with_target(v), score_without_target(v, c)] {
                prop_assert!(s.is_none_or(|s| (-5.0..=5.0).contains(&s)));
            }
            prop_assert!(ok(limit_coefficient(v, c)));
        }

        #[test]
        fn progress_prop_monotone_in_current_value(
            base in prop_oneof![-1e4f64..1e4, Just(0.0)],
            a in -1e4f64..1e4,
            b in -1e4f64..1e4,
            target in -1e4f64..1e4,
            years in 1i32..20,
            target_year in 2016i32..2060,
            mid in proptest::option::of(-1e4f64..1e4),
            d in direction(),
        ) {
            let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
            // Better and worse latest value in the direction that is better.
            let (worse, better) = match d {
                Direction::Increase => (lo, hi),
                Direction::Decrease => (hi, lo),
            };
            let cfg = OpenSdgConfig { base_year: 2015, target: Some(target), target_year, direction: d, limit: None, thresholds: ThresholdOverride::NONE };
            let series = |last: f64| {
                let mut v = vec![Point::new(2015, base), Point::new(2015 + years, last)];
                if let (Some(m), true) = (mid, years > 1) {
                    v.push(Point::new(2016, m));
                }
                v
            };
            let sw = open_sdg(&series(worse), &cfg).score;
            let sb = open_sdg(&series(better), &cfg).score;
            if let (Some(sw), Some(sb)) = (sw, sb) {
                prop_assert!(sb >= sw, "score fell from {} to {}", sw, sb);
            }
        }

        #[test]
        fn progress_prop_aggregate_mean_within_inputs(
            scores in proptest::collection::vec(proptest::option::of(-5.0f64..=5.0), 0..10),
            achieved in any::<bool>(),
        ) {
            let list: Vec<Assessment> = scores.iter().map(|&s| scored(s, achieved)).collect();
            let g = aggregate(&list);
            let present: Vec<f64> = scores.iter().flatten().copied().collect();
            prop_assert_eq!(g.counted, present.len());
            prop_assert_eq!(g.missing, scores.len() - present.len());
            match g.mean_score {
                Some(m) => {
                    let lo = present.iter().copied().fold(f64::INFINITY, f64::min);
                    let hi = present.iter().copied().fold(f64::NEG_INFINITY, f64::max);
                    prop_assert!(lo <= m && m <= hi);
                }
                None => prop_assert!(present.is_empty()),
            }
        }

        #[test]
        fn progress_prop_aggregate_any_scores_finite(
            scores in proptest::collection::vec(proptest::option::of(proptest::num::f64::ANY), 0..10),
        ) {
            let list: Vec<Assessment> = scores.iter().map(|&s| scored(s, false)).collect();
            let g = aggregate(&list);
            prop_assert!(ok(g.mean_score));
            prop_assert!(g.mean_score.is_none_or(|m| (-5.0..=5.0).contains(&m)));
        }
    }
}
