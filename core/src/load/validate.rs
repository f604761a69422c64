//! Validation: everything the types cannot check (ids, references,
//! cycles, numbers, years, required texts, one figure per subject and
//! year), into a report of the caller's size. Part of [`super`].

use super::*;

fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 48
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'))
}

pub(super) fn year_ok(y: i32) -> bool {
    (1900..=2200).contains(&y)
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, with a year in range, a month 1..=12
/// and a day 1..=31.
pub fn date_ok(d: &str) -> bool {
    let mut parts = d.split('-');
    let num = |p: Option<&str>, len: usize| -> Option<i32> {
        let p = p?;
        (p.len() == len && p.bytes().all(|b| b.is_ascii_digit())).then(|| p.parse().ok())?
    };
    let Some(y) = num(parts.next(), 4) else {
        return false;
    };
    if !year_ok(y) {
        return false;
    }
    match parts.next() {
        None => return true,
        Some(m) => match num(Some(m), 2) {
            Some(m) if (1..=12).contains(&m) => {}
            _ => return false,
        },
    }
    match parts.next() {
        None => true,
        Some(dd) => {
            matches!(num(Some(dd), 2), Some(x) if (1..=31).contains(&x)) && parts.next().is_none()
        }
    }
}

fn url_ok(u: &str) -> bool {
    let rest = u
        .strip_prefix("https://")
        .or_else(|| u.strip_prefix("http://"));
    rest.is_some_and(|r| !r.is_empty() && !r.contains(char::is_whitespace))
}

struct Checker<'d, 'a, 'i, const O: usize, const F: usize, const N: usize> {
    ds: &'d Dataset<'a, O, F>,
    issues: &'i mut Issues<N>,
}

impl<'a, const O: usize, const F: usize, const N: usize> Checker<'_, 'a, '_, O, F, N> {
    fn at(&mut self, t: Table, i: usize, field: &'static str, kind: ErrorKind) {
        self.issues.push(Path::item(t, i, field), kind);
    }

    fn text(&mut self, t: Table, i: usize, field: &'static str, text: Text, required: bool) {
        if required && text.is_blank() {
            self.at(t, i, field, ErrorKind::Empty);
        } else if !text.is_well_escaped() {
            self.at(t, i, field, ErrorKind::BadEscape);
        }
    }

    fn bilingual(&mut self, t: Table, i: usize, field: [&'static str; 2], b: &Bilingual) {
        self.text(t, i, field[0], b.nl, true);
        self.text(t, i, field[1], b.en, true);
    }

    fn source(&mut self, t: Table, i: usize, s: &SourceRef) {
        self.source_at(
            t,
            i,
            [
                "source.document",
                "source.chapter",
                "source.section",
                "source.page",
                "source.quote",
            ],
            s,
        );
    }

    /// A reference: into the vision (a chapter is required) or into a
    /// publication of the sources table (which must exist).
    fn source_at(&mut self, t: Table, i: usize, f: [&'static str; 5], s: &SourceRef) {
        match s.document {
            Some(d) if self.ds.source(d).is_none() => {
                self.at(t, i, f[0], ErrorKind::UnknownReference)
            }
            Some(_) => self.text(t, i, f[1], s.chapter, false),
            None => self.text(t, i, f[1], s.chapter, true),
        }
        self.text(t, i, f[2], s.section, false);
        if let Some(page) = s.page {
            self.text(t, i, f[3], page, true);
        }
        self.text(t, i, f[4], s.quote, true);
    }

    fn date(&mut self, t: Table, i: usize, field: &'static str, d: Text) {
        if !date_ok(d.raw()) {
            self.at(t, i, field, ErrorKind::BadDate);
        }
    }

    /// The subject of a figure, an event or a series: a target or indicator.
    fn subject(&mut self, t: Table, i: usize, id: &str) {
        if self.ds.target(id).is_none() && self.ds.indicator(id).is_none() {
            self.at(t, i, "subject", ErrorKind::UnknownReference);
        }
    }

    fn number(&mut self, t: Table, i: usize, field: &'static str, v: f64, amount: bool) {
        if !v.is_finite() {
            self.at(t, i, field, ErrorKind::NotFinite);
        } else if amount && v < 0.0 {
            self.at(t, i, field, ErrorKind::Negative);
        }
    }

    fn year(&mut self, t: Table, i: usize, field: &'static str, y: i32) {
        if !year_ok(y) {
            self.at(t, i, field, ErrorKind::YearOutOfRange);
        }
    }

    /// Is `id` the id of any item, in any table? Ids are unique file-wide.
    fn id_count(&self, id: &str) -> usize {
        let d = self.ds;
        d.priorities.iter().filter(|x| x.id == id).count()
            + d.objectives.iter().filter(|x| x.id == id).count()
            + d.focus_areas.iter().filter(|x| x.id == id).count()
            + d.targets.iter().filter(|x| x.id == id).count()
            + d.indicators.iter().filter(|x| x.id == id).count()
            + d.windows.iter().filter(|x| x.id == id).count()
            + d.figures.iter().filter(|x| x.id == id).count()
            + d.sources.iter().filter(|x| x.id == id).count()
    }

    fn own_id(&mut self, t: Table, i: usize, id: &str) {
        if !valid_id(id) {
            self.at(t, i, "id", ErrorKind::BadId);
        } else if self.id_count(id) > 1 && self.first_of(id) != Some((t, i)) {
            self.at(t, i, "id", ErrorKind::DuplicateId);
        }
    }

    /// The first item carrying `id`, in file order.
    fn first_of(&self, id: &str) -> Option<(Table, usize)> {
        let d = self.ds;
        macro_rules! find {
            ($field:ident, $table:expr) => {
                if let Some(i) = d.$field.iter().position(|x| x.id == id) {
                    return Some(($table, i));
                }
            };
        }
        find!(priorities, Table::Priorities);
        find!(objectives, Table::Objectives);
        find!(focus_areas, Table::FocusAreas);
        find!(targets, Table::Targets);
        find!(indicators, Table::Indicators);
        find!(windows, Table::Windows);
        find!(figures, Table::Figures);
        find!(sources, Table::Sources);
        None
    }

    fn priority_ref(&mut self, t: Table, i: usize, id: &str) {
        if self.ds.priority(id).is_none() {
            self.at(t, i, "priority", ErrorKind::UnknownReference);
        }
    }
}

/// Check everything the types cannot: ids unique and well-formed, references
/// resolve, no cycles, numbers finite, amounts not negative, years in range
/// and in order, required texts present, one observation per subject and year.
pub fn validate<const O: usize, const F: usize>(ds: &Dataset<'_, O, F>) -> Issues {
    let mut issues = Issues::default();
    validate_into(ds, &mut issues);
    issues
}

/// [`validate`] into a report of the caller's size: a firmware that
/// keeps the first 4 problems holds an `Issues<4>` (the count in
/// [`Issues::total`] still counts them all). `out` is cleared first.
pub fn validate_into<const O: usize, const F: usize, const N: usize>(
    ds: &Dataset<'_, O, F>,
    out: &mut Issues<N>,
) {
    *out = Issues::default();
    let mut c = Checker { ds, issues: out };
    let v = &ds.vision;
    if !valid_id(v.id) {
        c.issues
            .push(Path::top(Some(Table::Vision), "id"), ErrorKind::BadId);
    }
    if !year_ok(v.horizon_year) {
        c.issues.push(
            Path::top(Some(Table::Vision), "horizon_year"),
            ErrorKind::YearOutOfRange,
        );
    }
    if ds.priorities.is_empty() {
        c.issues.push(
            Path::top(Some(Table::Priorities), ""),
            ErrorKind::Missing("priorities"),
        );
    }

    const T: Table = Table::Priorities;
    for (i, p) in ds.priorities.iter().enumerate() {
        c.own_id(T, i, p.id);
        c.bilingual(T, i, ["title.nl", "title.en"], &p.title);
        c.bilingual(T, i, ["summary.nl", "summary.en"], &p.summary);
        c.source(T, i, &p.source);
    }

    const O: Table = Table::Objectives;
    for (i, o) in ds.objectives.iter().enumerate() {
        c.own_id(O, i, o.id);
        c.priority_ref(O, i, o.priority);
        c.bilingual(O, i, ["title.nl", "title.en"], &o.title);
        c.source(O, i, &o.source);
        if let Some(parent) = o.parent {
            if ds.objectives.iter().all(|x| x.id != parent) {
                c.at(O, i, "parent", ErrorKind::UnknownReference);
            } else if has_cycle(o.id, |id| {
                ds.objectives
                    .iter()
                    .find(|x| x.id == id)
                    .and_then(|x| x.parent)
            }) {
                c.at(O, i, "parent", ErrorKind::Cycle);
            }
        }
    }

    const F: Table = Table::FocusAreas;
    for (i, a) in ds.focus_areas.iter().enumerate() {
        c.own_id(F, i, a.id);
        c.priority_ref(F, i, a.priority);
        c.bilingual(F, i, ["title.nl", "title.en"], &a.title);
        c.source(F, i, &a.source);
    }

    const TG: Table = Table::Targets;
    for (i, t) in ds.targets.iter().enumerate() {
        c.own_id(TG, i, t.id);
        c.priority_ref(TG, i, t.priority);
        if let Some(o) = t.objective {
            if ds.objectives.iter().all(|x| x.id != o) {
                c.at(TG, i, "objective", ErrorKind::UnknownReference);
            }
        }
        c.bilingual(TG, i, ["title.nl", "title.en"], &t.title);
        if let Some(b) = t.baseline {
            c.year(TG, i, "baseline.year", b.year);
            c.number(TG, i, "baseline.value", b.value, false);
        }
        if let Some(y) = t.target.year {
            c.year(TG, i, "target.year", y);
            if let Some(b) = t.baseline {
                if year_ok(y) && year_ok(b.year) && y <= b.year {
                    c.at(TG, i, "target.year", ErrorKind::YearsOutOfOrder);
                }
            }
        }
        if let Some(v) = t.target.value {
            c.number(TG, i, "target.value", v, false);
        }
        if let Some(l) = t.limit {
            c.number(TG, i, "limit", l, false);
        }
        if t.window.is_some_and(|w| ds.window(w).is_none()) {
            c.at(TG, i, "window", ErrorKind::UnknownReference);
        }
        if let Some(n) = &t.note {
            c.bilingual(TG, i, ["note.nl", "note.en"], n);
        }
        c.source(TG, i, &t.source);
        for s in &t.also {
            c.source_at(
                TG,
                i,
                [
                    "also.document",
                    "also.chapter",
                    "also.section",
                    "also.page",
                    "also.quote",
                ],
                s,
            );
        }
    }

    const I: Table = Table::Indicators;
    for (i, x) in ds.indicators.iter().enumerate() {
        c.own_id(I, i, x.id);
        c.priority_ref(I, i, x.priority);
        c.bilingual(I, i, ["title.nl", "title.en"], &x.title);
        c.bilingual(I, i, ["measures.nl", "measures.en"], &x.measures);
        c.source(I, i, &x.source);
    }

    const W: Table = Table::Windows;
    for (i, w) in ds.windows.iter().enumerate() {
        c.own_id(W, i, w.id);
        c.priority_ref(W, i, w.priority);
        c.bilingual(W, i, ["name.nl", "name.en"], &w.name);
        for (field, v) in [
            ("public_eur", w.public_eur),
            ("private_eur", w.private_eur),
            ("total_eur", w.total_eur),
        ] {
            if let Some(v) = v {
                c.number(W, i, field, v, true);
            }
        }
        if let Some(y) = w.start_year {
            c.year(W, i, "start_year", y);
        }
        if let Some(y) = w.end_year {
            c.year(W, i, "end_year", y);
        }
        if let (Some(a), Some(b)) = (w.start_year, w.end_year) {
            if b < a {
                c.at(W, i, "end_year", ErrorKind::YearsOutOfOrder);
            }
        }
        if let Some(parent) = w.parent {
            if ds.window(parent).is_none() {
                c.at(W, i, "parent", ErrorKind::UnknownReference);
            } else if has_cycle(w.id, |id| ds.window(id).and_then(|x| x.parent)) {
                c.at(W, i, "parent", ErrorKind::Cycle);
            }
        }
        if let Some(n) = &w.note {
            c.bilingual(W, i, ["note.nl", "note.en"], n);
        }
        c.source(W, i, &w.source);
    }

    const FG: Table = Table::Figures;
    for (i, f) in ds.figures.iter().enumerate() {
        c.own_id(FG, i, f.id);
        if let Some(p) = f.priority {
            c.priority_ref(FG, i, p);
        }
        c.bilingual(FG, i, ["title.nl", "title.en"], &f.title);
        c.number(FG, i, "value", f.value, false);
        if let Some(y) = f.year {
            c.year(FG, i, "year", y);
        }
        c.source(FG, i, &f.source);
    }

    const SR: Table = Table::Sources;
    for (i, s) in ds.sources.iter().enumerate() {
        c.own_id(SR, i, s.id);
        c.text(SR, i, "publisher", s.publisher, true);
        c.text(SR, i, "title", s.title, true);
        if let Some(t) = s.table {
            c.text(SR, i, "table", t, true);
        }
        c.text(SR, i, "url", s.url, true);
        if !url_ok(s.url.raw()) {
            c.at(SR, i, "url", ErrorKind::BadUrl);
        }
        c.date(SR, i, "released", s.released);
    }

    const SE: Table = Table::Series;
    for (i, s) in ds.series.iter().enumerate() {
        c.subject(SE, i, s.subject);
        if ds.series[..i].iter().any(|x| x.subject == s.subject) {
            c.at(SE, i, "subject", ErrorKind::DuplicateId);
        }
        if ds.target(s.subject).is_some_and(|t| t.unit != s.unit) {
            c.at(SE, i, "unit", ErrorKind::UnitMismatch);
        }
        c.bilingual(SE, i, ["title.nl", "title.en"], &s.title);
        if let Some(p) = &s.proxy {
            c.bilingual(SE, i, ["proxy.nl", "proxy.en"], p);
        }
        if let Some(n) = &s.note {
            c.bilingual(SE, i, ["note.nl", "note.en"], n);
        }
        c.bilingual(SE, i, ["searched.nl", "searched.en"], &s.searched);
    }

    const EV: Table = Table::Events;
    for (i, e) in ds.events.iter().enumerate() {
        c.subject(EV, i, e.subject);
        c.date(EV, i, "date", e.date);
        c.bilingual(EV, i, ["title.nl", "title.en"], &e.title);
        if ds.source(e.source).is_none() {
            c.at(EV, i, "source", ErrorKind::UnknownReference);
        }
        c.text(EV, i, "quote", e.quote, true);
    }

    const OB: Table = Table::Observations;
    let repeated = repeated_observations(ds);
    for (i, o) in ds.observations.iter().enumerate() {
        c.subject(OB, i, o.subject);
        c.year(OB, i, "year", o.year);
        c.number(OB, i, "value", o.value, false);
        match o.document {
            Some(d) if ds.source(d).is_none() => {
                c.at(OB, i, "document", ErrorKind::UnknownReference)
            }
            Some(_) => c.text(OB, i, "source", o.source, false),
            None => c.text(OB, i, "source", o.source, true),
        }
        if let Some(q) = o.quote {
            c.text(OB, i, "quote", q, true);
        }
        if let Some(n) = o.note {
            c.text(OB, i, "note", n, false);
        }
        if let Some(b) = o.breakdown {
            c.text(OB, i, "breakdown", b, true);
        }
        if repeated.get(i).copied().unwrap_or(false) {
            c.at(OB, i, "year", ErrorKind::DuplicateYear);
        }
    }

    const WF: Table = Table::WindowFlows;
    for (i, f) in ds.window_flows.iter().enumerate() {
        if ds.window(f.window).is_none() {
            c.at(WF, i, "window", ErrorKind::UnknownReference);
        }
        c.year(WF, i, "year", f.year);
        for (field, v) in [
            ("public_committed", f.public_committed),
            ("public_disbursed", f.public_disbursed),
            ("private_committed", f.private_committed),
            ("private_disbursed", f.private_disbursed),
        ] {
            if let Some(v) = v {
                c.number(WF, i, field, v, true);
            }
        }
        c.text(WF, i, "source", f.source, true);
        if ds.window_flows[..i]
            .iter()
            .any(|p| p.window == f.window && p.year == f.year)
        {
            c.at(WF, i, "year", ErrorKind::DuplicateYear);
        }
    }
}

/// For each observation, whether an earlier one has its subject, year and
/// breakdown: the observations' positions sorted by those (in the caller's
/// capacity, on the stack), so a dataset of a thousand figures is checked in
/// about ten thousand comparisons, not half a million.
fn repeated_observations<const O: usize, const F: usize>(ds: &Dataset<'_, O, F>) -> [bool; O] {
    let obs = &ds.observations;
    let mut order = [0usize; O];
    let n = obs.len().min(O);
    for (k, slot) in order.iter_mut().enumerate().take(n) {
        *slot = k;
    }
    // The year first: most pairs differ there, without comparing text.
    let key = |k: usize| obs.get(k).map(|o| (o.year, o.subject, o.breakdown));
    order[..n].sort_unstable_by(|a, b| key(*a).cmp(&key(*b)).then(a.cmp(b)));
    let mut repeated = [false; O];
    for pair in order[..n].windows(2) {
        // Equal keys lie together, the earliest position first.
        if key(pair[0]) == key(pair[1]) {
            if let Some(r) = repeated.get_mut(pair[1]) {
                *r = true;
            }
        }
    }
    repeated
}

/// Walk parents from `start`; true when the walk comes back to `start` or
/// goes on longer than any acyclic chain could.
fn has_cycle<'a>(start: &'a str, parent_of: impl Fn(&'a str) -> Option<&'a str>) -> bool {
    let mut at = start;
    for _ in 0..=crate::config::MAX_OBJECTIVES.max(crate::config::MAX_WINDOWS) {
        match parent_of(at) {
            None => return false,
            Some(p) if p == start => return true,
            Some(p) => at = p,
        }
    }
    true
}
