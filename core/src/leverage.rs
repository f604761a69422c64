//! Financial leverage, mobilisation and the revolving-capital model
//! (methodology section 2).
//!
//! The vision states money as "EUR 7 bn public brings 25 bn", "Invest-NL's 4 bn
//! mobilises 16 bn", "EUR 10 M a year". This module turns such figures into the
//! EU (EFSI/InvestEU multiplier) and OECD (amounts mobilised from the private
//! sector) measures, rolls nested envelopes up so that each euro is counted
//! once, and models revolving capital with every parameter explicit.
//!
//! Every function is pure and never panics. No output `f64` is ever NaN or
//! infinite: a figure that cannot be computed is `None`, and a [`Reason`] says
//! why. Unknown amounts are reported as unknown, never silently taken as zero,
//! and public co-funding (regional, EU, public banks) is never counted as
//! private.

use serde::{Deserialize, Serialize};

/// Relative tolerance when comparing euro amounts that should be equal.
pub const REL_TOLERANCE: f64 = 1e-9;

/// Absolute tolerance, in euros, when comparing euro amounts that should be
/// equal: half a euro, so amounts rounded to the euro still agree.
pub const ABS_TOLERANCE_EUR: f64 = 0.5;

/// Absolute tolerance for dimensionless ratios (multipliers, shares).
const ABS_TOLERANCE_RATIO: f64 = 1e-12;

/// Why a figure is missing (`None`) or a calculation was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Reason {
    /// The public amount (the programme's own or a child window's) is unknown.
    MissingPublic,
    /// The public amount is zero, so a ratio over it is undefined.
    ZeroPublic,
    /// Other public money (regional, EU, public banks) is unknown, so the
    /// private part cannot be told apart from public co-funding.
    MissingOtherPublic,
    /// The total reaching final recipients is unknown and cannot be derived
    /// from its parts.
    MissingTotal,
    /// The total is zero, so a share of it is undefined.
    ZeroTotal,
    /// The total is smaller than all public money: the figures disagree
    /// (for instance a "mobilises X" figure that excludes the public part).
    TotalBelowPublic,
    /// An input was NaN or infinite.
    NonFinite,
    /// An amount was negative.
    Negative,
    /// A result would not fit in an `f64` (overflow to infinity).
    Overflow,
    /// A parameter is outside its range (loss rate outside `0..=1`, annual
    /// return at or below -100 %, or money redeployed in the year it was
    /// deployed).
    ParametersOutOfRange,
    /// The horizon year lies before the start year.
    HorizonBeforeStart,
    /// More years than [`MAX_REVOLVING_YEARS`].
    TooManyYears,
    /// The named parent window is not in the slice.
    UnknownParent,
    /// The parent window has no children to compare with.
    NoChildren,
    /// Parent and child mix per-year and one-off amounts, which cannot be
    /// compared without a horizon.
    MixedPeriods,
    /// `q >= 1`: capital does not shrink from one cycle to the next, so the
    /// revolving model has no finite long-run ceiling.
    NoCeiling,
}

impl Reason {
    /// The reason as a short snake_case code, the same as its serde name.
    pub const fn as_str(self) -> &'static str {
        match self {
            Reason::MissingPublic => "missing_public",
            Reason::ZeroPublic => "zero_public",
            Reason::MissingOtherPublic => "missing_other_public",
            Reason::MissingTotal => "missing_total",
            Reason::ZeroTotal => "zero_total",
            Reason::TotalBelowPublic => "total_below_public",
            Reason::NonFinite => "non_finite",
            Reason::Negative => "negative",
            Reason::Overflow => "overflow",
            Reason::ParametersOutOfRange => "parameters_out_of_range",
            Reason::HorizonBeforeStart => "horizon_before_start",
            Reason::TooManyYears => "too_many_years",
            Reason::UnknownParent => "unknown_parent",
            Reason::NoChildren => "no_children",
            Reason::MixedPeriods => "mixed_periods",
            Reason::NoCeiling => "no_ceiling",
        }
    }
}

impl core::fmt::Display for Reason {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.as_str())
    }
}

// ---------------------------------------------------------------------------
// Small numeric helpers
// ---------------------------------------------------------------------------

/// `Some(x)` when `x` is finite.
fn finite(x: f64) -> Option<f64> {
    if x.is_finite() {
        Some(x)
    } else {
        None
    }
}

/// `a` and `b` agree within `max(abs, rel * max(|a|, |b|))`.
fn close(a: f64, b: f64, rel: f64, abs: f64) -> bool {
    let scale = libm::fmax(libm::fabs(a), libm::fabs(b));
    libm::fabs(a - b) <= libm::fmax(abs, rel * scale)
}

/// Tolerance for comparing two euro amounts.
fn euro_tolerance(a: f64, b: f64) -> f64 {
    libm::fmax(
        ABS_TOLERANCE_EUR,
        REL_TOLERANCE * libm::fmax(libm::fabs(a), libm::fabs(b)),
    )
}

/// Checks one optional amount: unknown is fine, NaN/infinity and negatives
/// are not.
fn check_amount(x: Option<f64>) -> Result<(), Reason> {
    match x {
        Some(v) if !v.is_finite() => Err(Reason::NonFinite),
        Some(v) if v < 0.0 => Err(Reason::Negative),
        _ => Ok(()),
    }
}

// ---------------------------------------------------------------------------
// Money and leverage
// ---------------------------------------------------------------------------

/// Money of one programme or window. All amounts in euros; `None` = unknown.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Money {
    /// The programme's own (national) public money `P`.
    pub public: Option<f64>,
    /// Other public money: regional, EU, public banks. Counted in `P_all`,
    /// never as private.
    pub other_public: Option<f64>,
    /// Private money, as stated by the source.
    pub private: Option<f64>,
    /// Total `T` reaching final recipients, including the public part.
    pub total: Option<f64>,
}

impl Money {
    /// Every known amount is finite and not negative.
    fn check(&self) -> Result<(), Reason> {
        // NaN/infinity first, so a record with both faults reports the worse.
        for x in [self.public, self.other_public, self.private, self.total] {
            if matches!(x, Some(v) if !v.is_finite()) {
                return Err(Reason::NonFinite);
            }
        }
        for x in [self.public, self.other_public, self.private, self.total] {
            check_amount(x)?;
        }
        Ok(())
    }

    /// All public money `P_all = public + other_public`, when both are known.
    fn public_all(&self) -> Option<f64> {
        match (self.public, self.other_public) {
            (Some(p), Some(o)) => finite(p + o),
            _ => None,
        }
    }

    /// The sum of the three parts, when all three are known.
    fn parts_sum(&self) -> Option<f64> {
        match (self.public, self.other_public, self.private) {
            (Some(p), Some(o), Some(q)) => Some(p + o + q),
            _ => None,
        }
    }

    /// The total `T` and whether it was derived from its parts. Assumes
    /// [`Money::check`] passed.
    fn resolved_total(&self) -> Result<(f64, bool), Reason> {
        match self.total {
            Some(t) => Ok((t, false)),
            None => match self.parts_sum() {
                Some(s) => finite(s).map(|s| (s, true)).ok_or(Reason::Overflow),
                None => Err(Reason::MissingTotal),
            },
        }
    }
}

/// Leverage and mobilisation of one programme (methodology section 2).
///
/// Every ratio is `None` when it cannot be computed; `reason` then gives the
/// first cause met, in the order the fields are listed.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Leverage {
    /// The total `T` used: as given, or derived from its parts (see
    /// `total_derived`).
    pub total: Option<f64>,
    /// `true` when `total` was not given and was derived as
    /// `public + other_public + private` (only when all three are known).
    pub total_derived: bool,
    /// When the total was given and all three parts are known too: do the
    /// parts add up to it (within [`REL_TOLERANCE`] / [`ABS_TOLERANCE_EUR`])?
    /// `Some(false)` often means the stated total excludes the public part.
    pub parts_consistent: Option<bool>,
    /// Multiplier `T / P`, the EFSI/InvestEU figure.
    pub multiplier: Option<f64>,
    /// Private money mobilised, `T - P_all`, in euros.
    pub private_mobilised: Option<f64>,
    /// Private mobilisation per public euro, `(T - P_all) / P`.
    pub private_mobilisation_ratio: Option<f64>,
    /// Private share of the total, `(T - P_all) / T`.
    pub private_share: Option<f64>,
    /// Private euros still to mobilise to reach the target multiplier:
    /// `max(0, target * P - T)`. Assumes every extra euro is private (new
    /// public money would raise `P` as well). `None` when no target was given.
    pub gap_to_target: Option<f64>,
    /// Does `T / P == 1 + private_mobilised / P` hold (relative tolerance
    /// [`REL_TOLERANCE`])? It holds only when all money besides `P` is
    /// private, so `Some(false)` flags other public co-funding.
    pub identity_holds: Option<bool>,
    /// Why something is missing.
    pub reason: Option<Reason>,
}

/// Leverage and mobilisation of one programme, with the private money still
/// to mobilise to reach `target_multiplier` (if given).
///
/// Rules: the total `T` is taken as given, or derived as
/// `public + other_public + private` only when all three parts are known.
/// `P_all = public + other_public` needs both known: an unknown
/// `other_public` leaves the private figures `None`
/// ([`Reason::MissingOtherPublic`]) rather than counting possible public
/// co-funding as private; write `Some(0.0)` when there is none. Any NaN,
/// infinite or negative amount makes every figure `None`.
///
/// ```
/// use koers_core::leverage::{leverage, Money};
/// // Invest-NL: EUR 4 bn should bring 16 bn to final recipients.
/// let m = Money { public: Some(4e9), other_public: Some(0.0), total: Some(16e9), ..Money::default() };
/// let l = leverage(&m, None);
/// assert_eq!(l.multiplier, Some(4.0));
/// assert_eq!(l.private_mobilised, Some(12e9));
/// assert_eq!(l.private_share, Some(0.75));
/// ```
pub fn leverage(money: &Money, target_multiplier: Option<f64>) -> Leverage {
    let mut out = Leverage::default();
    if let Err(r) = money.check() {
        out.reason = Some(r);
        return out;
    }
    let mut reason: Option<Reason> = None;
    let mut note = |r: Reason| {
        if reason.is_none() {
            reason = Some(r);
        }
    };

    let total = match money.resolved_total() {
        Ok((t, derived)) => {
            out.total = Some(t);
            out.total_derived = derived;
            Some(t)
        }
        Err(r) => {
            note(r);
            None
        }
    };
    if let (Some(t), false, Some(s)) = (total, out.total_derived, money.parts_sum()) {
        out.parts_consistent = Some(s.is_finite() && libm::fabs(t - s) <= euro_tolerance(t, s));
    }

    // Multiplier T / P.
    let public = match money.public {
        None => {
            note(Reason::MissingPublic);
            None
        }
        Some(p) => {
            // Zero (or -0.0): a ratio over it is undefined.
            if p == 0.0 {
                note(Reason::ZeroPublic);
            }
            Some(p).filter(|&p| p != 0.0)
        }
    };
    if let (Some(t), Some(p)) = (total, public) {
        out.multiplier = finite(t / p);
        if out.multiplier.is_none() {
            note(Reason::Overflow);
        }
    }

    // Private mobilised T - P_all: public co-funding is never private.
    if let Some(t) = total {
        match money.public_all() {
            Some(pa) => {
                let d = t - pa;
                if d < -euro_tolerance(t, pa) {
                    note(Reason::TotalBelowPublic);
                } else {
                    out.private_mobilised = Some(libm::fmax(d, 0.0));
                }
            }
            None if money.public.is_none() => note(Reason::MissingPublic),
            None if money.other_public.is_none() => note(Reason::MissingOtherPublic),
            None => note(Reason::Overflow),
        }
    }

    if let Some(pm) = out.private_mobilised {
        if let Some(p) = public {
            out.private_mobilisation_ratio = finite(pm / p);
            if out.private_mobilisation_ratio.is_none() {
                note(Reason::Overflow);
            }
        }
        match total {
            Some(t) if t > 0.0 => out.private_share = finite(pm / t),
            _ => note(Reason::ZeroTotal),
        }
    }

    // Gap to the target multiplier.
    if let Some(m) = target_multiplier {
        if !m.is_finite() {
            note(Reason::NonFinite);
        } else if m < 0.0 {
            note(Reason::Negative);
        } else if let (Some(t), Some(p)) = (total, money.public) {
            match finite(m * p) {
                Some(required) => out.gap_to_target = Some(libm::fmax(required - t, 0.0)),
                None => note(Reason::Overflow),
            }
        }
    }

    if let (Some(m), Some(r)) = (out.multiplier, out.private_mobilisation_ratio) {
        out.identity_holds = Some(close(m, 1.0 + r, REL_TOLERANCE, ABS_TOLERANCE_RATIO));
    }

    out.reason = reason;
    out
}

mod revolving;
mod windows;
pub use revolving::*;
pub use windows::*;

// ---------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const BN: f64 = 1e9;
    const M: f64 = 1e6;

    fn approx(a: f64, b: f64) -> bool {
        close(a, b, 1e-12, 1e-9)
    }

    fn money(public: f64, other: Option<f64>, private: Option<f64>, total: Option<f64>) -> Money {
        Money {
            public: Some(public),
            other_public: other,
            private,
            total,
        }
    }

    fn win<'a>(id: &'a str, parent: Option<&'a str>, public: Option<f64>) -> WindowMoney<'a> {
        WindowMoney {
            id,
            parent,
            money: Money {
                public,
                ..Money::default()
            },
            per_year: false,
            years: None,
        }
    }

    fn params(start: i32, horizon: i32, loss: f64, ret: f64, h: u32, lag: u32) -> RevolvingParams {
        RevolvingParams {
            start_year: start,
            horizon_year: horizon,
            loss_rate: loss,
            annual_return: ret,
            holding_years: h,
            reflow_lag_years: lag,
        }
    }

    // -- leverage: known answers -------------------------------------------

    #[test]
    fn leverage_known_answers() {
        struct Case {
            name: &'static str,
            money: Money,
            target: Option<f64>,
            multiplier: Option<f64>,
            private: Option<f64>,
            ratio: Option<f64>,
            share: Option<f64>,
            gap: Option<f64>,
            identity: Option<bool>,
        }
        let cases = [
            Case {
                name: "vision 7 -> 25 bn",
                money: money(7.0 * BN, Some(0.0), None, Some(25.0 * BN)),
                target: None,
                multiplier: Some(25.0 / 7.0),
                private: Some(18.0 * BN),
                ratio: Some(18.0 / 7.0),
                share: Some(18.0 / 25.0),
                gap: None,
                identity: Some(true),
            },
            Case {
                name: "Invest-NL 4 -> 16 bn",
                money: money(4.0 * BN, Some(0.0), None, Some(16.0 * BN)),
                target: None,
                multiplier: Some(4.0),
                private: Some(12.0 * BN),
                ratio: Some(3.0),
                share: Some(0.75),
                gap: None,
                identity: Some(true),
            },
            Case {
                name: "other public 1 bn is not private",
                money: money(4.0 * BN, Some(1.0 * BN), None, Some(16.0 * BN)),
                target: None,
                multiplier: Some(4.0),
                private: Some(11.0 * BN),
                ratio: Some(11.0 / 4.0),
                share: Some(11.0 / 16.0),
                gap: None,
                identity: Some(false),
            },
            Case {
                name: "gap to target 25/7: 7 bn public, 20 bn realised",
                money: money(7.0 * BN, Some(0.0), None, Some(20.0 * BN)),
                target: Some(25.0 / 7.0),
                multiplier: Some(20.0 / 7.0),
                private: Some(13.0 * BN),
                ratio: Some(13.0 / 7.0),
                share: Some(13.0 / 20.0),
                gap: Some(5.0 * BN),
                identity: Some(true),
            },
            Case {
                name: "target already reached: gap 0",
                money: money(4.0 * BN, Some(0.0), None, Some(16.0 * BN)),
                target: Some(3.0),
                multiplier: Some(4.0),
                private: Some(12.0 * BN),
                ratio: Some(3.0),
                share: Some(0.75),
                gap: Some(0.0),
                identity: Some(true),
            },
        ];
        for c in &cases {
            let l = leverage(&c.money, c.target);
            let check = |what: &str, got: Option<f64>, want: Option<f64>| match (got, want) {
                (Some(g), Some(w)) => assert!(approx(g, w), "{}: {what} {g} != {w}", c.name),
                (g, w) => assert_eq!(g, w, "{}: {what}", c.name),
            };
            check("multiplier", l.multiplier, c.multiplier);
            check("private", l.private_mobilised, c.private);
            check("ratio", l.private_mobilisation_ratio, c.ratio);
            check("share", l.private_share, c.share);
            check("gap", l.gap_to_target, c.gap);
            assert_eq!(l.identity_holds, c.identity, "{}: identity", c.name);
            assert_eq!(l.reason, None, "{}: reason", c.name);
            assert!(!l.total_derived, "{}", c.name);
        }
    }

    #[test]
    fn multiplier_rounds_to_published_figure() {
        let l = leverage(&money(7.0 * BN, None, None, Some(25.0 * BN)), None);
        let m = l.multiplier.unwrap();
        assert!((m - 3.5714).abs() < 1e-4);
        assert_eq!(l.reason, Some(Reason::MissingOtherPublic));
    }

    #[test]
    fn unknown_other_public_is_not_counted_as_private() {
        let l = leverage(&money(4.0 * BN, None, None, Some(16.0 * BN)), None);
        assert_eq!(l.multiplier, Some(4.0));
        assert_eq!(l.private_mobilised, None);
        assert_eq!(l.private_share, None);
        assert_eq!(l.identity_holds, None);
        assert_eq!(l.reason, Some(Reason::MissingOtherPublic));
    }

    #[test]
    fn total_derived_only_from_all_parts() {
        let l = leverage(
            &money(4.0 * BN, Some(1.0 * BN), Some(11.0 * BN), None),
            None,
        );
        assert!(l.total_derived);
        assert_eq!(l.total, Some(16.0 * BN));
        assert_eq!(l.private_mobilised, Some(11.0 * BN));
        assert_eq!(l.parts_consistent, None);

        let l = leverage(&money(4.0 * BN, None, Some(12.0 * BN), None), None);
        assert!(!l.total_derived);
        assert_eq!(l.total, None);
        assert_eq!(l.multiplier, None);
        assert_eq!(l.reason, Some(Reason::MissingTotal));
    }

    #[test]
    fn parts_consistency_flags_total_without_public() {
        // "Mobilises 12 bn" stated as total, but that was the private part only.
        let l = leverage(
            &money(4.0 * BN, Some(0.0), Some(12.0 * BN), Some(12.0 * BN)),
            None,
        );
        assert_eq!(l.parts_consistent, Some(false));
        let l = leverage(
            &money(4.0 * BN, Some(0.0), Some(12.0 * BN), Some(16.0 * BN)),
            None,
        );
        assert_eq!(l.parts_consistent, Some(true));
    }

    #[test]
    fn leverage_reasons() {
        let cases: [(Money, Option<f64>, Reason); 9] = [
            (Money::default(), None, Reason::MissingTotal),
            (
                Money {
                    total: Some(BN),
                    ..Money::default()
                },
                None,
                Reason::MissingPublic,
            ),
            (
                money(0.0, Some(0.0), None, Some(BN)),
                None,
                Reason::ZeroPublic,
            ),
            (
                money(f64::NAN, None, None, Some(BN)),
                None,
                Reason::NonFinite,
            ),
            (
                money(1.0, None, None, Some(f64::INFINITY)),
                None,
                Reason::NonFinite,
            ),
            (money(-1.0, None, None, Some(BN)), None, Reason::Negative),
            (
                money(5.0 * BN, Some(0.0), None, Some(BN)),
                None,
                Reason::TotalBelowPublic,
            ),
            (
                money(BN, Some(0.0), None, Some(2.0 * BN)),
                Some(f64::NAN),
                Reason::NonFinite,
            ),
            (
                money(BN, Some(0.0), None, Some(2.0 * BN)),
                Some(-2.0),
                Reason::Negative,
            ),
        ];
        for (i, (m, target, want)) in cases.iter().enumerate() {
            assert_eq!(leverage(m, *target).reason, Some(*want), "case {i}");
        }
        // Invalid input: every figure None.
        let l = leverage(&money(f64::NAN, None, None, Some(BN)), Some(2.0));
        assert_eq!(
            l,
            Leverage {
                reason: Some(Reason::NonFinite),
                ..Leverage::default()
            }
        );
        // Zero total with zero public money.
        let l = leverage(&money(0.0, Some(0.0), None, Some(0.0)), None);
        assert_eq!(l.private_mobilised, Some(0.0));
        assert_eq!(l.private_share, None);
    }

    #[test]
    fn leverage_overflow_is_none() {
        let l = leverage(&money(1e-300, Some(0.0), None, Some(1e300)), Some(1e300));
        assert_eq!(l.multiplier, None);
        assert_eq!(l.reason, Some(Reason::Overflow));
        assert!(l.private_mobilised.is_some_and(f64::is_finite));
        let l = leverage(&money(f64::MAX, Some(f64::MAX), Some(f64::MAX), None), None);
        assert_eq!(l.total, None);
        assert_eq!(l.reason, Some(Reason::Overflow));
    }

    #[test]
    fn reason_codes_match_serde_names() {
        let all = [
            Reason::MissingPublic,
            Reason::ZeroPublic,
            Reason::MissingOtherPublic,
            Reason::MissingTotal,
            Reason::ZeroTotal,
            Reason::TotalBelowPublic,
            Reason::NonFinite,
            Reason::Negative,
            Reason::Overflow,
            Reason::ParametersOutOfRange,
            Reason::HorizonBeforeStart,
            Reason::TooManyYears,
            Reason::UnknownParent,
            Reason::NoChildren,
            Reason::MixedPeriods,
            Reason::NoCeiling,
        ];
        for r in all {
            let mut buf = [0u8; 64];
            let n = serde_json_core::to_slice(&r, &mut buf).unwrap();
            let json = core::str::from_utf8(&buf[..n]).unwrap();
            assert_eq!(json.trim_matches('"'), r.as_str());
            let (back, _): (Reason, usize) = serde_json_core::from_str(json).unwrap();
            assert_eq!(back, r);
        }
    }

    // -- windows -------------------------------------------------------------

    #[test]
    fn children_sums() {
        let invest_nl = [
            win("invest-nl", None, Some(4.0 * BN)),
            win("risk", Some("invest-nl"), Some(1.8 * BN)),
            win("working", Some("invest-nl"), Some(1.2 * BN)),
            win("security", Some("invest-nl"), Some(1.0 * BN)),
        ];
        let millions = [
            win("parent", None, Some(1150.0 * M)),
            win("a", Some("parent"), Some(800.0 * M)),
            win("b", Some("parent"), Some(150.0 * M)),
            win("c", Some("parent"), Some(200.0 * M)),
        ];
        let inconsistent = [
            win("parent", None, Some(1000.0 * M)),
            win("a", Some("parent"), Some(800.0 * M)),
            win("b", Some("parent"), Some(150.0 * M)),
        ];
        // (windows, parent, consistent, children's public, reason)
        type Case<'a> = (
            &'a [WindowMoney<'a>],
            &'a str,
            Option<bool>,
            f64,
            Option<Reason>,
        );
        let cases: [Case; 3] = [
            (&invest_nl, "invest-nl", Some(true), 4.0 * BN, None),
            (&millions, "parent", Some(true), 1150.0 * M, None),
            (&inconsistent, "parent", Some(false), 950.0 * M, None),
        ];
        for (windows, parent, consistent, kids, reason) in cases {
            let s = children_sum(windows, parent);
            assert_eq!(s.consistent, consistent, "{parent}");
            assert!(approx(s.children_public, kids), "{parent}");
            assert_eq!(s.reason, reason);
            assert_eq!(s.unknown_children, 0);
        }
        let s = children_sum(&inconsistent, "parent");
        assert!(approx(s.difference.unwrap(), 50.0 * M));
        assert_eq!(s.children_count, 2);
    }

    #[test]
    fn children_sum_edge_cases() {
        // Within half a euro: consistent.
        let w = [win("p", None, Some(100.0)), win("a", Some("p"), Some(99.6))];
        assert_eq!(children_sum(&w, "p").consistent, Some(true));
        // Unknown child: undecided, unless the known ones already exceed.
        let w = [
            win("p", None, Some(100.0)),
            win("a", Some("p"), Some(60.0)),
            win("b", Some("p"), None),
        ];
        let s = children_sum(&w, "p");
        assert_eq!((s.consistent, s.unknown_children), (None, 1));
        assert_eq!(s.reason, Some(Reason::MissingPublic));
        assert_eq!(s.difference, Some(40.0));
        let w = [
            win("p", None, Some(100.0)),
            win("a", Some("p"), Some(160.0)),
            win("b", Some("p"), None),
        ];
        assert_eq!(children_sum(&w, "p").consistent, Some(false));
        // Unknown parent, no children, NaN child, mixed periods.
        let w = [
            win("p", None, Some(100.0)),
            win("a", Some("p"), Some(f64::NAN)),
        ];
        assert_eq!(children_sum(&w, "x").reason, Some(Reason::UnknownParent));
        assert_eq!(children_sum(&w, "a").reason, Some(Reason::NonFinite));
        let s = children_sum(&w[..1], "p");
        assert_eq!((s.consistent, s.reason), (None, Some(Reason::NoChildren)));
        let s = children_sum(&w, "p");
        assert_eq!((s.consistent, s.reason), (None, Some(Reason::NonFinite)));
        let mut per_year = win("a", Some("p"), Some(10.0));
        per_year.per_year = true;
        let s = children_sum(&[win("p", None, Some(100.0)), per_year], "p");
        assert_eq!((s.consistent, s.reason), (None, Some(Reason::MixedPeriods)));
    }

    #[test]
    fn nested_windows_counted_once() {
        let w = [
            win("fund", None, Some(7.0 * BN)),
            win("invest-nl", Some("fund"), Some(4.0 * BN)),
            win("blended", Some("invest-nl"), Some(250.0 * M)),
        ];
        let t = total_once(&w, (2026, 2035));
        assert_eq!(t.public, 7.0 * BN);
        assert_eq!((t.counted, t.nested, t.unknown, t.cyclic), (1, 2, 0, 0));
        // Parent not in the slice: the child is top-level.
        let t = total_once(&w[1..], (2026, 2035));
        assert_eq!(t.public, 4.0 * BN);
    }

    #[test]
    fn per_year_windows() {
        let mut incubator = win("pre-seed", None, Some(10.0 * M));
        incubator.per_year = true;
        incubator.years = Some((2026, 2035));
        let mut talent = win("talent", None, Some(80.0 * M));
        talent.per_year = true;
        talent.years = Some((2031, 2040));
        let mut no_period = win("innovation", None, Some(500.0 * M));
        no_period.per_year = true;
        // (windows, horizon, public, per-year converted, unknown)
        type Case<'a> = (&'a [WindowMoney<'a>], (i32, i32), f64, usize, usize);
        let cases: [Case; 4] = [
            (&[incubator], (2026, 2035), 100.0 * M, 1, 0),
            (&[talent], (2026, 2035), 400.0 * M, 1, 0),
            (
                &[incubator, talent, no_period],
                (2026, 2035),
                500.0 * M,
                2,
                1,
            ),
            (&[incubator], (2035, 2026), 0.0, 0, 1),
        ];
        for (windows, horizon, public, converted, unknown) in cases {
            let t = total_once(windows, horizon);
            assert!(approx(t.public, public), "{} != {public}", t.public);
            assert_eq!(t.per_year_converted, converted);
            assert_eq!(t.unknown, unknown);
        }
    }

    #[test]
    fn total_once_reports_unknowns_and_cycles() {
        let w = [
            win("a", None, None),
            win("b", None, Some(-1.0)),
            win("c", Some("d"), Some(5.0)),
            win("d", Some("c"), Some(5.0)),
            win("e", Some("e"), Some(5.0)),
            WindowMoney {
                money: Money {
                    public: Some(1.0),
                    other_public: Some(0.0),
                    private: Some(3.0),
                    total: None,
                },
                ..win("f", None, None)
            },
        ];
        let t = total_once(&w, (2026, 2035));
        assert_eq!((t.unknown, t.counted, t.cyclic, t.nested), (2, 1, 3, 0));
        assert_eq!((t.public, t.private, t.total), (1.0, 3.0, 4.0));
        assert_eq!(
            (t.public_unknown, t.private_unknown, t.total_unknown),
            (2, 2, 2)
        );
    }

    // -- revolving capital ---------------------------------------------------

    #[test]
    fn revolve_hand_computed() {
        let r = revolve(
            &[100.0, 0.0, 0.0, 0.0, 0.0],
            &params(2026, 2030, 0.0, 0.0, 2, 0),
        );
        let deployed: Vec<f64> = r.years.iter().map(|y| y.deployed).collect();
        assert_eq!(deployed, [100.0, 0.0, 100.0, 0.0, 100.0]);
        let years: Vec<i32> = r.years.iter().map(|y| y.year).collect();
        assert_eq!(years, [2026, 2027, 2028, 2029, 2030]);
        assert_eq!(r.deployed_total, 300.0);
        assert_eq!(r.budget_total, 100.0);
        assert_eq!(r.reflows_total, 200.0); // the reflow of 2032 is past the horizon
        assert_eq!(r.revolving_factor, Some(3.0));
        assert_eq!(r.q, Some(1.0));
        assert_eq!(r.long_run_ceiling, None);
        assert_eq!(r.reason, Some(Reason::NoCeiling));
    }

    #[test]
    fn revolve_with_loss_return_and_lag() {
        // q = 0.8 * 1.1^2 = 0.968. I_0 = 100, R_2 = 96.8, I_3 = 96.8 (lag 1),
        // R_5 = 93.7024; I_6 falls after the horizon.
        let r = revolve(&[100.0], &params(2026, 2031, 0.2, 0.1, 2, 1));
        let q = 0.8 * 1.21;
        assert!(approx(r.q.unwrap(), q));
        let want_deployed = [100.0, 0.0, 0.0, 96.8, 0.0, 0.0];
        let want_reflow = [0.0, 0.0, 96.8, 0.0, 0.0, 93.7024];
        for (i, y) in r.years.iter().enumerate() {
            assert!(approx(y.deployed, want_deployed[i]), "year {i}");
            assert!(approx(y.reflow, want_reflow[i]), "year {i}");
            assert!(approx(y.deployed, y.budget + y.redeployed), "year {i}");
        }
        assert!(approx(r.deployed_total, 196.8));
        assert!(approx(r.reflows_total, 190.5024));
        assert!(approx(r.revolving_factor.unwrap(), 1.968));
        assert!(approx(r.long_run_ceiling.unwrap(), 100.0 / (1.0 - q)));
        assert!(approx(r.long_run_ceiling.unwrap(), 3125.0));
        assert_eq!(r.reason, None);
    }

    #[test]
    fn revolve_ceiling_formula() {
        // q = 0.9: 7 bn over endless yearly cycles deploys 70 bn.
        let p = params(2026, 2089, 0.1, 0.0, 1, 0);
        let r = revolve(&[7.0 * BN], &p);
        assert!(approx(r.q.unwrap(), 0.9));
        let ceiling = r.long_run_ceiling.unwrap();
        assert!(approx(ceiling, 70.0 * BN));
        // Geometric series over 64 years: 7 bn (1 - 0.9^64) / 0.1, below the ceiling.
        let want = 7.0 * BN * (1.0 - libm::pow(0.9, 64.0)) / 0.1;
        assert!(close(r.deployed_total, want, 1e-12, 1e-3));
        assert!(r.deployed_total < ceiling);
        // q >= 1: no ceiling.
        let r = revolve(&[7.0 * BN], &params(2026, 2035, 0.0, 0.05, 3, 0));
        assert!(r.q.unwrap() > 1.0);
        assert_eq!(r.long_run_ceiling, None);
        assert_eq!(r.reason, Some(Reason::NoCeiling));
    }

    #[test]
    fn revolve_refusals() {
        let ok = params(2026, 2035, 0.1, 0.05, 3, 1);
        let cases: [(&[f64], RevolvingParams, Reason); 9] = [
            (&[f64::NAN], ok, Reason::NonFinite),
            (&[1.0, f64::INFINITY], ok, Reason::NonFinite),
            (&[-1.0], ok, Reason::Negative),
            (
                &[1.0],
                RevolvingParams {
                    loss_rate: 1.5,
                    ..ok
                },
                Reason::ParametersOutOfRange,
            ),
            (
                &[1.0],
                RevolvingParams {
                    loss_rate: -0.1,
                    ..ok
                },
                Reason::ParametersOutOfRange,
            ),
            (
                &[1.0],
                RevolvingParams {
                    annual_return: -1.0,
                    ..ok
                },
                Reason::ParametersOutOfRange,
            ),
            (
                &[1.0],
                params(2026, 2035, 0.1, 0.0, 0, 0),
                Reason::ParametersOutOfRange,
            ),
            (
                &[1.0],
                params(2035, 2026, 0.1, 0.0, 1, 0),
                Reason::HorizonBeforeStart,
            ),
            (
                &[1.0],
                params(2026, 2090, 0.1, 0.0, 1, 0),
                Reason::TooManyYears,
            ),
        ];
        for (i, (budget, p, reason)) in cases.iter().enumerate() {
            let r = revolve(budget, p);
            assert_eq!(r.reason, Some(*reason), "case {i}");
            assert!(r.years.is_empty(), "case {i}");
            assert_eq!(
                (r.deployed_total, r.revolving_factor),
                (0.0, None),
                "case {i}"
            );
            assert_eq!(revolving_mobilised_total(&r, 2.0), None);
        }
        // 64 years fit exactly; extreme years do not overflow.
        assert_eq!(
            revolve(&[1.0], &params(2026, 2089, 0.0, 0.0, 1, 0))
                .years
                .len(),
            64
        );
        let r = revolve(&[1.0], &params(i32::MIN, i32::MAX, 0.0, 0.0, 1, 0));
        assert_eq!(r.reason, Some(Reason::TooManyYears));
        let r = revolve(&[1.0], &params(i32::MAX - 1, i32::MAX, 0.0, 0.0, 1, 0));
        assert_eq!(r.years.last().map(|y| y.year), Some(i32::MAX));
    }

    #[test]
    fn revolve_edges() {
        // Huge H: pow overflows, but no reflow falls inside the horizon.
        let r = revolve(&[5.0], &params(2026, 2035, 0.0, 1.0, u32::MAX, 0));
        assert_eq!((r.q, r.deployed_total), (None, 5.0));
        assert_eq!(r.reason, Some(Reason::Overflow));
        // Total loss: q = 0 even when growth overflows.
        let r = revolve(&[5.0], &params(2026, 2035, 1.0, 1e300, 2, 0));
        assert_eq!(
            (r.q, r.long_run_ceiling, r.revolving_factor),
            (Some(0.0), Some(5.0), Some(1.0))
        );
        // Growth overflowing inside the horizon is refused, not infinite.
        let r = revolve(&[1e300], &params(2026, 2089, 0.0, 1e10, 1, 0));
        assert_eq!(r.reason, Some(Reason::Overflow));
        assert!(r.years.is_empty());
        // Zero budget: no factor. Budget past the horizon is ignored and reported.
        let r = revolve(&[], &params(2026, 2035, 0.0, 0.0, 1, 0));
        assert_eq!(
            (r.revolving_factor, r.reason),
            (None, Some(Reason::ZeroPublic))
        );
        assert_eq!(r.years.len(), 10);
        let r = revolve(&[1.0, 1.0, 1.0], &params(2026, 2026, 0.0, 0.0, 1, 0));
        assert_eq!((r.budget_total, r.budget_years_ignored), (1.0, 2));
        // H = 0 with a lag: returned in the year, redeployed the next.
        let r = revolve(&[100.0], &params(2026, 2028, 0.5, 0.0, 0, 1));
        let deployed: Vec<f64> = r.years.iter().map(|y| y.deployed).collect();
        assert_eq!(deployed, [100.0, 50.0, 25.0]);
    }

    #[test]
    fn even_budget_and_mobilised_total() {
        let b = even_budget(7.0 * BN, 10);
        assert_eq!(b.len(), 10);
        assert!(b.iter().all(|&x| approx(x, 0.7 * BN)));
        assert!(approx(b.iter().sum::<f64>(), 7.0 * BN));
        for (total, years) in [
            (f64::NAN, 10),
            (-1.0, 10),
            (1.0, 0),
            (1.0, 65),
            (f64::INFINITY, 3),
        ] {
            assert!(even_budget(total, years).is_empty());
        }
        assert_eq!(even_budget(64.0, 64).len(), 64);

        let r = revolve(&b, &params(2026, 2035, 0.0, 0.0, 5, 0));
        // 0.7 bn a year; the first five years flow back once each by 2035.
        assert!(approx(r.deployed_total, 10.5 * BN));
        let mobilised = revolving_mobilised_total(&r, 25.0 / 7.0).unwrap();
        assert!(approx(mobilised, 37.5 * BN));
        assert_eq!(revolving_mobilised_total(&r, f64::NAN), None);
        assert_eq!(revolving_mobilised_total(&r, -1.0), None);
    }

    // -- properties ----------------------------------------------------------

    fn any_amount() -> impl Strategy<Value = Option<f64>> {
        prop::option::of(prop_oneof![
            prop::num::f64::ANY,
            0.0..1e12f64,
            Just(0.0),
            Just(f64::MAX),
            Just(f64::MIN_POSITIVE),
        ])
    }

    fn any_money() -> impl Strategy<Value = Money> {
        (any_amount(), any_amount(), any_amount(), any_amount()).prop_map(|(a, b, c, d)| Money {
            public: a,
            other_public: b,
            private: c,
            total: d,
        })
    }

    fn leverage_floats(l: &Leverage) -> [Option<f64>; 6] {
        [
            l.total,
            l.multiplier,
            l.private_mobilised,
            l.private_mobilisation_ratio,
            l.private_share,
            l.gap_to_target,
        ]
    }

    const IDS: [&str; 5] = ["a", "b", "c", "d", "e"];

    fn any_windows() -> impl Strategy<Value = Vec<WindowMoney<'static>>> {
        let one = (
            0..IDS.len(),
            prop::option::of(0..IDS.len() + 1),
            any_money(),
            any::<bool>(),
            prop::option::of((2000..2050i32, 2000..2050i32)),
        )
            .prop_map(|(id, parent, money, per_year, years)| WindowMoney {
                id: IDS[id],
                // Index IDS.len() names a parent outside the slice.
                parent: parent.map(|p| IDS.get(p).copied().unwrap_or("outside")),
                money,
                per_year,
                years,
            });
        prop::collection::vec(one, 0..8)
    }

    proptest! {
        #[test]
        fn leverage_never_leaks_nan_or_inf(m in any_money(), target in any_amount()) {
            let l = leverage(&m, target);
            for x in leverage_floats(&l).into_iter().flatten() {
                prop_assert!(x.is_finite());
            }
            if let Some(s) = l.private_share {
                prop_assert!((0.0..=1.0).contains(&s));
            }
            if let Some(g) = l.gap_to_target {
                prop_assert!(g >= 0.0);
            }
        }

        #[test]
        fn multiplier_at_least_one(p in 1e-6..1e13f64, extra in 0.0..1e13f64) {
            let m = Money { public: Some(p), total: Some(p + extra), ..Money::default() };
            let l = leverage(&m, None);
            prop_assert!(l.multiplier.is_some_and(|x| x >= 1.0));
        }

        #[test]
        fn revolve_never_leaks_nan_or_inf(
            budget in prop::collection::vec(prop_oneof![prop::num::f64::ANY, 0.0..1e10f64], 0..70),
            start in prop_oneof![2000..2040i32, any::<i32>()],
            span in prop_oneof![-2..70i32, any::<i32>()],
            loss in prop_oneof![prop::num::f64::ANY, 0.0..=1.0f64],
            ret in prop_oneof![prop::num::f64::ANY, -1.0..2.0f64],
            h in prop_oneof![0..10u32, any::<u32>()],
            lag in prop_oneof![0..4u32, any::<u32>()],
        ) {
            let p = RevolvingParams {
                start_year: start,
                horizon_year: start.saturating_add(span),
                loss_rate: loss,
                annual_return: ret,
                holding_years: h,
                reflow_lag_years: lag,
            };
            let r = revolve(&budget, &p);
            let floats = [r.budget_total, r.deployed_total, r.reflows_total];
            prop_assert!(floats.iter().all(|x| x.is_finite()));
            for x in [r.revolving_factor, r.q, r.long_run_ceiling].into_iter().flatten() {
                prop_assert!(x.is_finite());
            }
            for y in &r.years {
                prop_assert!([y.budget, y.reflow, y.redeployed, y.deployed].iter().all(|x| x.is_finite()));
            }
            prop_assert!(r.years.is_empty() || r.reason.is_none() || !matches!(
                r.reason,
                Some(Reason::NonFinite | Reason::Negative | Reason::ParametersOutOfRange
                    | Reason::HorizonBeforeStart | Reason::TooManyYears)
            ));
            if let Some(m) = revolving_mobilised_total(&r, 25.0 / 7.0) {
                prop_assert!(m.is_finite());
            }
        }

        #[test]
        fn deployed_at_least_budget_without_loss(
            budget in prop::collection::vec(0.0..1e10f64, 0..40),
            ret in 0.0..0.5f64,
            h in 0..8u32,
            lag in 0..3u32,
            span in 0..64i32,
        ) {
            let lag = if h == 0 { lag.max(1) } else { lag };
            let r = revolve(&budget, &params(2026, 2026 + span, 0.0, ret, h, lag));
            prop_assert!(r.reason != Some(Reason::Overflow) || r.years.is_empty());
            if !r.years.is_empty() {
                prop_assert!(r.deployed_total >= r.budget_total);
            }
        }

        #[test]
        fn total_once_never_exceeds_naive_sum(windows in any_windows(), from in 2000..2050i32, len in -3..40i32) {
            let horizon = (from, from + len);
            let t = total_once(&windows, horizon);
            // Naive: every window's own known (converted) public amount, same
            // order, overflow allowed (infinity bounds everything).
            let mut naive = 0.0;
            for w in &windows {
                if let Ok((Some(p), _, _)) = window_amounts(w, horizon) {
                    naive += p;
                }
            }
            prop_assert!(t.public <= naive);
            prop_assert!(t.public.is_finite() && t.private.is_finite() && t.total.is_finite());
            prop_assert_eq!(t.counted + t.unknown + t.nested + t.cyclic, windows.len());
            let s = children_sum(&windows, "a");
            for x in [s.parent_public, s.difference].into_iter().flatten() {
                prop_assert!(x.is_finite());
            }
            prop_assert!(s.children_public.is_finite());
        }

        #[test]
        fn one_off_total_once_never_exceeds_raw_sum(windows in any_windows()) {
            let windows: Vec<WindowMoney> =
                windows.into_iter().map(|w| WindowMoney { per_year: false, ..w }).collect();
            let t = total_once(&windows, (2026, 2035));
            let raw: f64 = windows
                .iter()
                .filter_map(|w| w.money.public)
                .filter(|p| p.is_finite() && *p >= 0.0)
                .sum();
            prop_assert!(t.public <= raw || !raw.is_finite());
        }
    }
}
