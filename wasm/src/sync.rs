//! What the user entered, record by record: every figure has a stable
//! identity (a [`Key`]: its subject and year, or its window and year, which
//! core's validation keeps unique), so two tabs of one browser can merge
//! their changes and undo can take back one tab's own change without
//! touching anyone else's.
//!
//! - [`diff`] turns a change into a [`Patch`]: per record, what it was and
//!   what it became (added, edited, deleted; a changed year is a delete and
//!   an add).
//! - [`apply`] applies a patch (or its inverse, for undo) to the data as it
//!   is *now*: a record someone else changed since is left alone and counted
//!   as skipped, never overwritten.
//! - [`merge`] merges another tab's data with this tab's, three-way against
//!   what both started from: a record only one side changed takes that
//!   change; a record both changed to different values is a [`Conflict`],
//!   kept as the other tab has it here and offered to the user with this
//!   tab's version beside it, so nothing is dropped without a word.
//!
//! Pure Rust, no browser: tested natively.

use std::collections::BTreeMap;
use std::string::{String, ToString};
use std::vec::Vec;

use crate::data::{Flow, Obs, UserData};

/// A record's identity: an observation's subject and year, or a window
/// flow's window and year.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Key {
    /// A window flow (else an observation).
    pub flow: bool,
    /// The subject (target or indicator id) or the window id.
    pub id: String,
    /// The year.
    pub year: i32,
}

impl Key {
    /// An observation's key.
    pub fn obs(subject: &str, year: i32) -> Key {
        Key {
            flow: false,
            id: subject.into(),
            year,
        }
    }

    /// A window flow's key.
    pub fn flow(window: &str, year: i32) -> Key {
        Key {
            flow: true,
            id: window.into(),
            year,
        }
    }

    /// As text for a page attribute: `id@year` (ids hold no `@`).
    pub fn attr(&self) -> String {
        let mut s = self.id.clone();
        s.push('@');
        s.push_str(&self.year.to_string());
        s
    }

    /// Read back what [`Key::attr`] wrote.
    pub fn parse(s: &str, flow: bool) -> Option<Key> {
        let (id, year) = s.rsplit_once('@')?;
        Some(Key {
            flow,
            id: id.into(),
            year: year.parse().ok()?,
        })
    }
}

/// One record: an observation or a window flow.
#[derive(Clone, Debug, PartialEq)]
pub enum Rec {
    /// An observation.
    Obs(Obs),
    /// A window flow.
    Flow(Flow),
}

impl Rec {
    /// Its identity.
    pub fn key(&self) -> Key {
        match self {
            Rec::Obs(o) => Key::obs(&o.subject, o.year),
            Rec::Flow(f) => Key::flow(&f.window, f.year),
        }
    }
}

/// The records of one table (observations, or flows when `flow`).
fn records(d: &UserData, flow: bool) -> Vec<Rec> {
    if flow {
        d.flows.iter().cloned().map(Rec::Flow).collect()
    } else {
        d.obs.iter().cloned().map(Rec::Obs).collect()
    }
}

/// Put one table's records back.
fn set_records(d: &mut UserData, flow: bool, recs: Vec<Rec>) {
    if flow {
        d.flows = recs
            .into_iter()
            .filter_map(|r| match r {
                Rec::Flow(f) => Some(f),
                Rec::Obs(_) => None,
            })
            .collect();
    } else {
        d.obs = recs
            .into_iter()
            .filter_map(|r| match r {
                Rec::Obs(o) => Some(o),
                Rec::Flow(_) => None,
            })
            .collect();
    }
}

/// Each record of a table by key, with its position.
fn by_key(recs: &[Rec]) -> BTreeMap<Key, usize> {
    recs.iter().enumerate().map(|(i, r)| (r.key(), i)).collect()
}

/// The record with `key` in `d`, if any.
pub fn find(d: &UserData, key: &Key) -> Option<Rec> {
    if key.flow {
        d.flows
            .iter()
            .find(|f| f.window == key.id && f.year == key.year)
            .cloned()
            .map(Rec::Flow)
    } else {
        d.obs
            .iter()
            .find(|o| o.subject == key.id && o.year == key.year)
            .cloned()
            .map(Rec::Obs)
    }
}

/// One record's change: what it was and what it became (`None`: absent),
/// and where it stood in its table before and after.
#[derive(Clone, Debug, PartialEq)]
pub struct Delta {
    /// The record's identity.
    pub key: Key,
    /// Before the change.
    pub before: Option<Rec>,
    /// After the change.
    pub after: Option<Rec>,
    /// Its position before (for an undo that puts it back where it was).
    pub at_before: usize,
    /// Its position after.
    pub at_after: usize,
}

/// One change, record by record.
pub type Patch = Vec<Delta>;

/// What changed from `before` to `after`, record by record; records equal
/// in both are left out.
pub fn diff(before: &UserData, after: &UserData) -> Patch {
    let mut out = Patch::new();
    for flow in [false, true] {
        let (b, a) = (records(before, flow), records(after, flow));
        let (bk, ak) = (by_key(&b), by_key(&a));
        for (i, r) in b.iter().enumerate() {
            let key = r.key();
            match ak.get(&key) {
                Some(&j) if a[j] == *r => {}
                Some(&j) => out.push(Delta {
                    key,
                    before: Some(r.clone()),
                    after: Some(a[j].clone()),
                    at_before: i,
                    at_after: j,
                }),
                None => out.push(Delta {
                    key,
                    before: Some(r.clone()),
                    after: None,
                    at_before: i,
                    at_after: i,
                }),
            }
        }
        for (j, r) in a.iter().enumerate() {
            let key = r.key();
            if !bk.contains_key(&key) {
                out.push(Delta {
                    key,
                    before: None,
                    after: Some(r.clone()),
                    at_before: j,
                    at_after: j,
                });
            }
        }
    }
    out
}

/// Apply `patch` to `data` as it is now: forward (redo) or backward (undo).
/// A record whose present state is not what the patch expects (someone
/// else changed or removed it since) is left as it is. Returns the data,
/// the deltas that were applied, and the keys that were skipped.
pub fn apply(data: &UserData, patch: &[Delta], forward: bool) -> (UserData, Patch, Vec<Key>) {
    let mut out = data.clone();
    let mut applied = Patch::new();
    let mut skipped = Vec::new();
    for flow in [false, true] {
        let mut recs = records(&out, flow);
        // Removals and replacements first, then insertions in the order of
        // their positions, so records come back where they were.
        let mut inserts: Vec<(usize, Rec)> = Vec::new();
        for d in patch.iter().filter(|d| d.key.flow == flow) {
            let (from, to, at) = if forward {
                (&d.before, &d.after, d.at_after)
            } else {
                (&d.after, &d.before, d.at_before)
            };
            let now = recs.iter().position(|r| r.key() == d.key);
            let matches = match (now, from) {
                (Some(i), Some(f)) => recs[i] == *f,
                (None, None) => true,
                _ => false,
            };
            if !matches {
                skipped.push(d.key.clone());
                continue;
            }
            applied.push(d.clone());
            match (now, to) {
                (Some(i), Some(t)) => recs[i] = t.clone(),
                (Some(i), None) => {
                    recs.remove(i);
                }
                (None, Some(t)) => inserts.push((at, t.clone())),
                (None, None) => {}
            }
        }
        inserts.sort_by_key(|(at, _)| *at);
        for (at, r) in inserts {
            recs.insert(at.min(recs.len()), r);
        }
        set_records(&mut out, flow, recs);
    }
    (out, applied, skipped)
}

/// A record both tabs changed, to different values: `theirs` is what the
/// other tab stored (and what this tab now shows), `mine` what this tab had.
#[derive(Clone, Debug, PartialEq)]
pub struct Conflict {
    /// The record's identity.
    pub key: Key,
    /// This tab's version (`None`: deleted here).
    pub mine: Option<Rec>,
    /// The other tab's version (`None`: deleted there).
    pub theirs: Option<Rec>,
}

/// Merge `theirs` (another tab's data) into `ours`, both changed from
/// `ancestor`: per record, the side that changed it wins; when both changed
/// it differently, theirs is kept and the pair is returned as a
/// [`Conflict`] (the caller asks the user). This tab's order is kept, with
/// the other tab's new records after it.
pub fn merge(ancestor: &UserData, theirs: &UserData, ours: &UserData) -> (UserData, Vec<Conflict>) {
    let mut out = UserData::default();
    let mut conflicts = Vec::new();
    for flow in [false, true] {
        let (a, t, o) = (
            records(ancestor, flow),
            records(theirs, flow),
            records(ours, flow),
        );
        let (ak, tk, ok) = (by_key(&a), by_key(&t), by_key(&o));
        let mut recs = Vec::new();
        let mut pick = |key: Key, recs: &mut Vec<Rec>| {
            let get = |m: &BTreeMap<Key, usize>, v: &[Rec]| m.get(&key).map(|&i| v[i].clone());
            let (a, t, o) = (get(&ak, &a), get(&tk, &t), get(&ok, &o));
            let r = if t == o || o == a {
                t
            } else if t == a {
                o
            } else {
                conflicts.push(Conflict {
                    key,
                    mine: o,
                    theirs: t.clone(),
                });
                t
            };
            recs.extend(r);
        };
        for r in &o {
            pick(r.key(), &mut recs);
        }
        for r in &t {
            if !ok.contains_key(&r.key()) {
                pick(r.key(), &mut recs);
            }
        }
        set_records(&mut out, flow, recs);
    }
    (out, conflicts)
}

/// Whether `a` and `b` hold the same records, whatever their order.
pub fn same(a: &UserData, b: &UserData) -> bool {
    [false, true].into_iter().all(|flow| {
        let (x, y) = (records(a, flow), records(b, flow));
        let yk = by_key(&y);
        x.len() == y.len()
            && x.iter()
                .all(|r| yk.get(&r.key()).is_some_and(|&i| y[i] == *r))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::escape;

    fn o(subject: &str, year: i32, value: f64) -> Obs {
        Obs {
            subject: subject.into(),
            year,
            value,
            source: escape("s"),
            note: None,
            provisional: false,
        }
    }

    fn data(obs: &[Obs]) -> UserData {
        UserData {
            obs: obs.to_vec(),
            flows: Vec::new(),
        }
    }

    const T: &str = "T-P5-technici-25000";

    #[test]
    fn undo_takes_back_only_this_tabs_change() {
        // Tab A adds 2026; tab B adds 2027 (merged in); A undoes.
        let empty = UserData::default();
        let a1 = data(&[o(T, 2026, 3000.0)]);
        let p = diff(&empty, &a1);
        assert_eq!(p.len(), 1);
        let now = data(&[o(T, 2026, 3000.0), o(T, 2027, 4000.0)]);
        let (undone, applied, skipped) = apply(&now, &p, false);
        assert_eq!(undone, data(&[o(T, 2027, 4000.0)]));
        assert_eq!(applied, p);
        assert!(skipped.is_empty());
        // Redo puts it back, B's figure untouched.
        let (redone, _, _) = apply(&undone, &applied, true);
        assert!(same(&redone, &now));
    }

    #[test]
    fn undo_leaves_a_record_changed_elsewhere() {
        let before = data(&[o(T, 2026, 3000.0)]);
        let after = data(&[o(T, 2026, 3500.0)]);
        let p = diff(&before, &after);
        // Another tab has since set it to 4000: undo does not overwrite that.
        let now = data(&[o(T, 2026, 4000.0)]);
        let (undone, applied, skipped) = apply(&now, &p, false);
        assert_eq!(undone, now);
        assert!(applied.is_empty());
        assert_eq!(skipped, [Key::obs(T, 2026)]);
    }

    #[test]
    fn undo_of_a_delete_puts_the_record_back_in_place() {
        let before = data(&[o(T, 2026, 1.0), o(T, 2027, 2.0), o(T, 2028, 3.0)]);
        let after = data(&[o(T, 2026, 1.0), o(T, 2028, 3.0)]);
        let (undone, _, _) = apply(&after, &diff(&before, &after), false);
        assert_eq!(undone, before);
        // A changed year is a delete and an add; undo restores the old year.
        let moved = data(&[o(T, 2026, 1.0), o(T, 2030, 2.0), o(T, 2028, 3.0)]);
        let p = diff(&before, &moved);
        assert_eq!(p.len(), 2);
        assert_eq!(apply(&moved, &p, false).0, before);
        assert_eq!(apply(&before, &p, true).0, moved);
    }

    #[test]
    fn merge_keeps_both_tabs_additions() {
        // Both tabs started from the same data and added at the same time.
        let base = data(&[o(T, 2025, 1.0)]);
        let a = data(&[o(T, 2025, 1.0), o(T, 2026, 2.0)]);
        let b = data(&[o(T, 2025, 1.0), o("I-P5-uitstroom-naar-sector", 2026, 3.0)]);
        let (m, c) = merge(&base, &b, &a);
        assert!(c.is_empty());
        assert_eq!(m.obs.len(), 3);
        assert_eq!(m.obs[1], o(T, 2026, 2.0), "this tab's order first");
        let (m2, _) = merge(&base, &a, &b);
        assert!(same(&m, &m2));
    }

    #[test]
    fn merge_takes_the_other_tabs_edits_and_deletes() {
        let base = data(&[o(T, 2025, 1.0), o(T, 2026, 2.0)]);
        let theirs = data(&[o(T, 2025, 9.0)]);
        let ours = data(&[o(T, 2025, 1.0), o(T, 2026, 2.0), o(T, 2027, 5.0)]);
        let (m, c) = merge(&base, &theirs, &ours);
        assert!(c.is_empty());
        assert_eq!(m, data(&[o(T, 2025, 9.0), o(T, 2027, 5.0)]));
    }

    #[test]
    fn a_true_conflict_keeps_theirs_and_reports_mine() {
        let base = UserData::default();
        let theirs = data(&[o(T, 2026, 4000.0)]);
        let ours = data(&[o(T, 2026, 3000.0)]);
        let (m, c) = merge(&base, &theirs, &ours);
        assert_eq!(m, theirs);
        assert_eq!(
            c,
            [Conflict {
                key: Key::obs(T, 2026),
                mine: Some(Rec::Obs(o(T, 2026, 3000.0))),
                theirs: Some(Rec::Obs(o(T, 2026, 4000.0))),
            }]
        );
        // Edited here, deleted there: the same, nothing dropped.
        let base = data(&[o(T, 2026, 1.0)]);
        let (m, c) = merge(&base, &UserData::default(), &data(&[o(T, 2026, 2.0)]));
        assert!(m.obs.is_empty());
        assert_eq!(c[0].mine, Some(Rec::Obs(o(T, 2026, 2.0))));
        assert_eq!(c[0].theirs, None);
    }

    #[test]
    fn keys_round_trip_as_attributes() {
        let k = Key::obs(T, 2026);
        assert_eq!(k.attr(), "T-P5-technici-25000@2026");
        assert_eq!(Key::parse(&k.attr(), false), Some(k));
        assert_eq!(Key::parse("nope", false), None);
    }
}
