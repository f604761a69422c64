//! The money of a vision: leverage per investment window (promised and
//! realised), the total counted once over nested windows, and whether the
//! vision's own sums add up. Calculations are [`crate::leverage`]'s; this
//! module applies them to a [`Dataset`].

use heapless::Vec;
use serde::Serialize;

use crate::config::MAX_WINDOWS;
use crate::leverage::{self, ChildrenSum, Leverage, Money, Totals, WindowMoney};
use crate::model::{Basis, Dataset, InvestmentWindow, Qualifier};

/// Money realised by one window, summed over its window flows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Realised {
    /// Years with a flow.
    pub years: usize,
    /// Public money committed, euros.
    pub public_committed: f64,
    /// Public money disbursed, euros.
    pub public_disbursed: f64,
    /// Private money committed, euros.
    pub private_committed: f64,
    /// Private money disbursed, euros.
    pub private_disbursed: f64,
    /// Realised leverage on committed money (no other public money assumed).
    pub leverage: Option<Leverage>,
}

/// One investment window with its place and its figures.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct WindowRow {
    /// Index into [`Dataset::windows`].
    pub index: usize,
    /// Nesting depth: 0 for a top-level window.
    pub depth: u8,
    /// Promised leverage: public against total, assuming no other public
    /// co-funding (the vision does not state any; the assumption is shown).
    pub promised: Leverage,
    /// Target multiplier, `total / public`, when both are stated.
    pub target_multiplier: Option<f64>,
    /// What was realised.
    pub realised: Realised,
}

fn money(w: &InvestmentWindow) -> Money {
    Money {
        public: w.public_eur,
        // The vision names no other public co-funding per window; 0 makes
        // "private" mean "everything beyond this public money", which the
        // report states next to the figure.
        other_public: Some(0.0),
        private: w.private_eur,
        total: w.total_eur,
    }
}

/// The windows as the leverage module sees them.
pub fn window_money<'a, const O: usize, const F: usize>(
    ds: &Dataset<'a, O, F>,
) -> Vec<WindowMoney<'a>, MAX_WINDOWS> {
    let mut out = Vec::new();
    for w in &ds.windows {
        let _ = out.push(WindowMoney {
            id: w.id,
            parent: w.parent,
            money: money(w),
            per_year: w.basis == Basis::PerYear,
            years: w.start_year.zip(w.end_year),
        });
    }
    out
}

fn depth<const O: usize, const F: usize>(ds: &Dataset<'_, O, F>, w: &InvestmentWindow) -> u8 {
    let mut d = 0u8;
    let mut at = w.parent;
    while let Some(p) = at {
        d = d.saturating_add(1);
        if usize::from(d) > MAX_WINDOWS {
            break;
        }
        at = ds.window(p).and_then(|x| x.parent);
    }
    d
}

/// Sum the realised flows of one window.
pub fn realised<const O: usize, const F: usize>(ds: &Dataset<'_, O, F>, window: &str) -> Realised {
    let mut r = Realised::default();
    for f in ds.window_flows.iter().filter(|f| f.window == window) {
        r.years += 1;
        let add = |acc: &mut f64, v: Option<f64>| {
            if let Some(v) = v.filter(|v| v.is_finite() && *v >= 0.0) {
                *acc += v;
            }
        };
        add(&mut r.public_committed, f.public_committed);
        add(&mut r.public_disbursed, f.public_disbursed);
        add(&mut r.private_committed, f.private_committed);
        add(&mut r.private_disbursed, f.private_disbursed);
    }
    if r.years > 0 {
        r.leverage = Some(leverage::leverage(
            &Money {
                public: Some(r.public_committed),
                other_public: Some(0.0),
                private: Some(r.private_committed),
                total: None,
            },
            None,
        ));
    }
    r
}

/// Every window, in dataset order, with its leverage promised and realised.
pub fn window_rows<const O: usize, const F: usize>(
    ds: &Dataset<'_, O, F>,
) -> Vec<WindowRow, MAX_WINDOWS> {
    let mut out = Vec::new();
    for (index, w) in ds.windows.iter().enumerate() {
        let promised = leverage::leverage(&money(w), None);
        let target_multiplier = promised.multiplier.filter(|_| w.total_eur.is_some());
        let realised = realised(ds, w.id);
        let realised = Realised {
            leverage: realised.leverage.map(|_| {
                leverage::leverage(
                    &Money {
                        public: Some(realised.public_committed),
                        other_public: Some(0.0),
                        private: Some(realised.private_committed),
                        total: None,
                    },
                    target_multiplier,
                )
            }),
            ..realised
        };
        let _ = out.push(WindowRow {
            index,
            depth: depth(ds, w),
            promised,
            target_multiplier,
            realised,
        });
    }
    out
}

/// All windows' money counted once: top-level windows only, per-year windows
/// over their period clipped to `[first, horizon]`.
pub fn totals<const O: usize, const F: usize>(ds: &Dataset<'_, O, F>, first_year: i32) -> Totals {
    leverage::total_once(&window_money(ds), (first_year, ds.vision.horizon_year))
}

/// Which amounts of a parent window and its parts are compared.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// Public money: the parent states its public amount.
    Public,
    /// Total investment: the parent states no public amount, only a total.
    Total,
}

/// Does one parent window's money equal the sum of its children's?
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Finding {
    /// Index of the parent window.
    pub window: usize,
    /// Which amounts are compared: like with like, the parent's public money
    /// with its parts' public money, or totals with totals.
    pub measure: Measure,
    /// The vision lists only some of the parts: equality is not asked, only
    /// whether the listed parts already exceed the whole.
    pub incomplete: bool,
    /// The comparison (parts without the compared amount are unknown).
    pub sum: ChildrenSum,
    /// How the text qualifies the parent's amount.
    pub qualifier: Qualifier,
    /// The verdict with the qualifier applied: "more than € 1 bn" holds when
    /// the parts exceed it. `None` when it cannot be told.
    pub holds: Option<bool>,
}

/// One amount of every window, public or total, for [`findings`].
fn amounts<'a, const O: usize, const F: usize>(
    ds: &'a Dataset<'a, O, F>,
    measure: Measure,
) -> Vec<WindowMoney<'a>, MAX_WINDOWS> {
    let mut money = Vec::new();
    for w in &ds.windows {
        let amount = match measure {
            Measure::Public => w.public_eur,
            // A part that states public money only (no private, no
            // total) is, as far as the vision says, that much in total.
            Measure::Total => w
                .total_eur
                .or(w.public_eur.filter(|_| w.private_eur.is_none())),
        };
        let _ = money.push(WindowMoney {
            id: w.id,
            parent: w.parent,
            money: Money {
                public: amount,
                ..Money::default()
            },
            per_year: w.basis == Basis::PerYear,
            years: w.start_year.zip(w.end_year),
        });
    }
    money
}

/// Check every window that has children: do its parts add up to it? Like
/// is compared with like: a parent's public money with its parts' public
/// money; a parent that states only a total, with its parts' totals. Where
/// the vision lists only some parts (`parts_incomplete`), only "do the
/// listed parts already exceed the whole" is asked.
pub fn findings<const O: usize, const F: usize>(
    ds: &Dataset<'_, O, F>,
) -> Vec<Finding, MAX_WINDOWS> {
    let public = amounts(ds, Measure::Public);
    let total = amounts(ds, Measure::Total);
    let mut out = Vec::new();
    for (i, w) in ds.windows.iter().enumerate() {
        if !ds.windows.iter().any(|c| c.parent == Some(w.id)) {
            continue;
        }
        let (measure, money) = if w.public_eur.is_some() || w.total_eur.is_none() {
            (Measure::Public, &public)
        } else {
            (Measure::Total, &total)
        };
        let sum = leverage::children_sum(money, w.id);
        let all_known = sum.unknown_children == 0 && !w.parts_incomplete;
        let holds = match (w.qualifier, sum.parent_public) {
            (Qualifier::Exact | Qualifier::About, Some(p)) if w.parts_incomplete => {
                (sum.children_public > p * 1.05).then_some(false)
            }
            (_, None) => None,
            (Qualifier::Exact, _) => sum.consistent,
            (Qualifier::About, Some(p)) if all_known => {
                Some((sum.children_public - p).abs() <= 0.05 * p.abs())
            }
            (Qualifier::MoreThan, Some(p)) if all_known => Some(sum.children_public > p),
            (Qualifier::AtLeast, Some(p)) if all_known => Some(sum.children_public >= p),
            (Qualifier::UpTo, Some(p)) => {
                // Amounts are never negative, so known parts over the bound
                // already break it.
                if sum.children_public > p {
                    Some(false)
                } else if all_known {
                    Some(true)
                } else {
                    None
                }
            }
            _ => None,
        };
        let _ = out.push(Finding {
            window: i,
            measure,
            incomplete: w.parts_incomplete,
            sum,
            qualifier: w.qualifier,
            holds,
        });
    }
    out
}
