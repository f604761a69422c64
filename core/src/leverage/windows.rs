//! Investment windows: nested envelopes rolled up so that each euro is
//! counted once, and a parent's amount checked against its parts. Part of
//! [`super`].

use super::*;

/// The money of one investment window, with its place among other windows.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct WindowMoney<'a> {
    /// Identifier, unique within the slice.
    pub id: &'a str,
    /// The window this one sits inside (its envelope), if any.
    pub parent: Option<&'a str>,
    /// The amounts: per year when `per_year`, else once for the whole window.
    pub money: Money,
    /// `true` for a structural amount per year (e.g. EUR 10 M a year),
    /// `false` for a one-off envelope.
    pub per_year: bool,
    /// First and last year, inclusive. Needed for per-year windows.
    pub years: Option<(i32, i32)>,
}

/// Sums over top-level windows (see [`total_once`]).
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Totals {
    /// Sum of the known public amounts, in euros.
    pub public: f64,
    /// Sum of the known private amounts, in euros.
    pub private: f64,
    /// Sum of the known totals (given or derived from all three parts).
    pub total: f64,
    /// Top-level windows that contributed nothing: a per-year window without
    /// a period (or with a reversed period or horizon), a window without any
    /// amount, or one with a NaN, infinite or negative amount.
    pub unknown: usize,
    /// Top-level windows that contributed at least one known amount.
    pub counted: usize,
    /// Of the counted windows, those converted from per-year amounts.
    pub per_year_converted: usize,
    /// Top-level windows whose public amount is not in `public`.
    pub public_unknown: usize,
    /// Top-level windows whose private amount is not in `private`.
    pub private_unknown: usize,
    /// Top-level windows whose total is not in `total`.
    pub total_unknown: usize,
    /// Windows left out because they sit inside another window of the slice.
    pub nested: usize,
    /// Windows left out because their parent links form a loop that never
    /// reaches a top-level window (a data error; their money is not counted).
    pub cyclic: usize,
}

/// Where a window sits among the others.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    Top,
    Nested,
    Cyclic,
}

fn find(windows: &[WindowMoney], id: &str) -> Option<usize> {
    windows.iter().position(|w| w.id == id)
}

/// Walks up the parent links from window `i`, at most `windows.len()` steps.
fn place(windows: &[WindowMoney], i: usize) -> Place {
    let mut cur = i;
    for _ in 0..=windows.len() {
        let parent = windows
            .get(cur)
            .and_then(|w| w.parent)
            .and_then(|p| find(windows, p));
        match parent {
            None if cur == i => return Place::Top,
            None => return Place::Nested,
            Some(j) => cur = j,
        }
    }
    Place::Cyclic
}

/// Years of `period` inside `horizon`, both inclusive; `None` when either is
/// reversed.
fn years_in(period: (i32, i32), horizon: (i32, i32)) -> Option<f64> {
    if period.0 > period.1 || horizon.0 > horizon.1 {
        return None;
    }
    let from = i64::from(period.0.max(horizon.0));
    let to = i64::from(period.1.min(horizon.1));
    // At most 2^32 years: exact in f64.
    Some((to - from + 1).max(0) as f64)
}

/// (public, private, total) of one window, each `None` when unknown.
type Amounts = (Option<f64>, Option<f64>, Option<f64>);

/// The amounts a window contributes: (public, private, total), each `None`
/// when unknown. `Err` when the whole window is unknown.
pub(super) fn window_amounts(w: &WindowMoney, horizon: (i32, i32)) -> Result<Amounts, Reason> {
    w.money.check()?;
    let factor = if w.per_year {
        let period = w.years.ok_or(Reason::MissingTotal)?;
        years_in(period, horizon).ok_or(Reason::ParametersOutOfRange)?
    } else {
        1.0
    };
    let scale = |x: Option<f64>| x.and_then(|v| finite(v * factor));
    let total = w.money.resolved_total().ok().map(|(t, _)| t);
    let amounts = (scale(w.money.public), scale(w.money.private), scale(total));
    if amounts == (None, None, None) {
        return Err(Reason::MissingTotal);
    }
    Ok(amounts)
}

/// Adds `x` to `sum` when known and the sum stays finite; returns whether it
/// was added.
fn add_known(sum: &mut f64, x: Option<f64>) -> bool {
    match x.map(|v| *sum + v) {
        Some(s) if s.is_finite() => {
            *sum = s;
            true
        }
        _ => false,
    }
}

/// Total over the top-level windows (no parent, or parent not in the slice),
/// so that nested envelopes are not counted twice; per-year windows are
/// converted to an amount over their stated period clipped to `[from, to]`
/// (the horizon, inclusive), and windows without a period or amount are
/// counted as unknown (reported, not zero).
///
/// One-off amounts are taken whole: their period is not clipped, as an
/// envelope is not spent evenly over its years. A top-level window with an
/// unknown amount is not replaced by the sum of its children. Cost is
/// `O(n^2 * depth)` comparisons of ids, with no allocation.
///
/// ```
/// use koers_core::leverage::{total_once, Money, WindowMoney};
/// let bn = |x: f64| Money { public: Some(x * 1e9), ..Money::default() };
/// let windows = [
///     WindowMoney { id: "fund", parent: None, money: bn(7.0), per_year: false, years: None },
///     WindowMoney { id: "bank", parent: Some("fund"), money: bn(4.0), per_year: false, years: None },
/// ];
/// assert_eq!(total_once(&windows, (2026, 2035)).public, 7e9);
/// ```
pub fn total_once(windows: &[WindowMoney], horizon: (i32, i32)) -> Totals {
    let mut out = Totals::default();
    for (i, w) in windows.iter().enumerate() {
        match place(windows, i) {
            Place::Nested => {
                out.nested += 1;
                continue;
            }
            Place::Cyclic => {
                out.cyclic += 1;
                continue;
            }
            Place::Top => {}
        }
        let Ok((public, private, total)) = window_amounts(w, horizon) else {
            out.unknown += 1;
            out.public_unknown += 1;
            out.private_unknown += 1;
            out.total_unknown += 1;
            continue;
        };
        let added_public = add_known(&mut out.public, public);
        let added_private = add_known(&mut out.private, private);
        let added_total = add_known(&mut out.total, total);
        out.public_unknown += usize::from(!added_public);
        out.private_unknown += usize::from(!added_private);
        out.total_unknown += usize::from(!added_total);
        if added_public || added_private || added_total {
            out.counted += 1;
            out.per_year_converted += usize::from(w.per_year);
        } else {
            out.unknown += 1;
        }
    }
    out
}

/// Do the children of a parent window add up to it? (See [`children_sum`].)
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct ChildrenSum {
    /// The parent's public amount, when the parent is found and known.
    pub parent_public: Option<f64>,
    /// Sum of the known public amounts of the direct children.
    pub children_public: f64,
    /// Number of direct children.
    pub children_count: usize,
    /// Children whose public amount is unknown, invalid, or not comparable
    /// (per-year against one-off).
    pub unknown_children: usize,
    /// `parent_public - children_public`: with unknown children, the room
    /// left for them.
    pub difference: Option<f64>,
    /// `Some(true)` when all children are known and add up to the parent
    /// within the tolerance; `Some(false)` when they do not, or when the
    /// known children alone already exceed the parent; `None` otherwise.
    pub consistent: Option<bool>,
    /// Why `consistent` is `None` or something is missing.
    pub reason: Option<Reason>,
}

/// Consistency: do the public amounts of the direct children of `parent`
/// add up to the parent's? (e.g. 1.8 + 1.2 + 1.0 = 4.0 bn;
/// 800 + 150 + 200 = 1,150 M). Tolerance: relative [`REL_TOLERANCE`],
/// absolute [`ABS_TOLERANCE_EUR`].
///
/// ```
/// use koers_core::leverage::{children_sum, Money, WindowMoney};
/// let w = |id, parent, bn: f64| WindowMoney {
///     id, parent, money: Money { public: Some(bn * 1e9), ..Money::default() }, per_year: false, years: None,
/// };
/// let windows = [w("nl", None, 4.0), w("risk", Some("nl"), 1.8), w("work", Some("nl"), 1.2), w("sec", Some("nl"), 1.0)];
/// assert_eq!(children_sum(&windows, "nl").consistent, Some(true));
/// ```
pub fn children_sum(windows: &[WindowMoney], parent: &str) -> ChildrenSum {
    let mut out = ChildrenSum::default();
    let mut reason: Option<Reason> = None;
    let mut note = |r: Reason| {
        if reason.is_none() {
            reason = Some(r);
        }
    };

    let parent_window = find(windows, parent).and_then(|i| windows.get(i));
    match parent_window {
        None => note(Reason::UnknownParent),
        Some(pw) => match check_amount(pw.money.public) {
            Err(r) => note(r),
            Ok(()) if pw.money.public.is_none() => note(Reason::MissingPublic),
            Ok(()) => out.parent_public = pw.money.public,
        },
    }

    for c in windows
        .iter()
        .filter(|c| c.parent == Some(parent) && c.id != parent)
    {
        out.children_count += 1;
        if let Some(pw) = parent_window {
            if pw.per_year != c.per_year {
                out.unknown_children += 1;
                note(Reason::MixedPeriods);
                continue;
            }
        }
        match (check_amount(c.money.public), c.money.public) {
            (Err(r), _) => {
                out.unknown_children += 1;
                note(r);
            }
            (Ok(()), None) => {
                out.unknown_children += 1;
                note(Reason::MissingPublic);
            }
            (Ok(()), Some(_)) => {
                if !add_known(&mut out.children_public, c.money.public) {
                    out.unknown_children += 1;
                    note(Reason::Overflow);
                }
            }
        }
    }
    if out.children_count == 0 {
        note(Reason::NoChildren);
    }

    if let Some(p) = out.parent_public {
        let kids = out.children_public;
        out.difference = finite(p - kids);
        let tol = euro_tolerance(p, kids);
        if out.children_count > 0 && out.unknown_children == 0 {
            out.consistent = Some(libm::fabs(p - kids) <= tol);
        } else if kids > p + tol {
            // Amounts are never negative: unknown children cannot mend this.
            out.consistent = Some(false);
        }
    }
    out.reason = reason;
    out
}
