//! The dashboard's import of statistics as their publishers hand them out:
//! SDMX-CSV (Eurostat, the OECD, the ECB) and CBS StatLine exports, read by
//! core's [`statfile`].
//!
//! A recognised file is not imported at once: it becomes a [`Pending`]
//! import that shows the series the file holds; the user maps series to
//! targets or indicators (with a power of ten for series in thousands or
//! millions), sees a preview of every figure, and confirms. Only then are
//! the figures added to the user's, checked with core's validation over
//! the published figures: all of them or, with any problem (each with its
//! line in the file), none. A file with a bad row is refused as a whole
//! before any mapping, with every bad row's line and column.

use std::boxed::Box;
use std::string::{String, ToString};
use std::vec::Vec;

use koers_core::load::{ErrorKind, Table};
use koers_core::model::Dataset;
use koers_core::statfile::{self, Format, Layout, Listing, Period, SeriesInfo};

use crate::data::{self, escape, Obs, Problem, UserData};

/// A file read and listed, waiting for the user's mapping and confirmation.
pub struct Pending {
    /// The file's name, as chosen.
    pub name: String,
    /// Its bytes.
    pub bytes: Vec<u8>,
    layout: Box<Layout>,
    /// What it holds.
    pub listing: Box<Listing>,
    /// Per series: the target or indicator it goes to, if any.
    pub subject: Vec<Option<String>>,
    /// Per series: the power of ten its values are multiplied by.
    pub scale: Vec<i32>,
}

/// One figure the confirmed import would add.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// The target or indicator.
    pub subject: String,
    /// The series' number in the listing (0-based).
    pub series: usize,
    /// Year.
    pub year: i32,
    /// Value, scaled.
    pub value: f64,
    /// Flagged provisional.
    pub provisional: bool,
    /// What the other flags say.
    pub note: String,
    /// Its line in the file.
    pub line: u32,
}

fn problem(line: u32, field: &str, kind: ErrorKind) -> Problem {
    Problem {
        line: Some(line),
        field: field.into(),
        index: None,
        table: None,
        kind,
        published: false,
    }
}

/// `bytes` as an SDMX-CSV or StatLine file: `None` when it is neither (the
/// dashboard's own CSV then reads it), else the listing or every problem.
pub fn recognise(name: &str, bytes: &[u8]) -> Option<Result<Pending, Vec<Problem>>> {
    match Layout::read(bytes) {
        Err(e) if e.kind == statfile::ErrorKind::NotRecognised => return None,
        _ => {}
    }
    Some(match statfile::list(bytes) {
        Ok((layout, listing)) => {
            let n = listing.series.len();
            Ok(Pending {
                name: name.into(),
                bytes: bytes.to_vec(),
                layout: Box::new(layout),
                listing: Box::new(listing),
                subject: std::vec![None; n],
                scale: std::vec![0; n],
            })
        }
        Err(errs) => Err(errs
            .errors
            .iter()
            .map(|e| problem(e.line, &e.column, ErrorKind::Statfile(e.kind)))
            .collect()),
    })
}

impl Pending {
    /// Map series `i` to `subject` (empty: not imported).
    pub fn choose(&mut self, i: usize, subject: &str) {
        if let Some(s) = self.subject.get_mut(i) {
            *s = (!subject.is_empty()).then(|| subject.to_string());
        }
    }

    /// Set series `i`'s power of ten.
    pub fn set_scale(&mut self, i: usize, n: i32) {
        if let Some(s) = self.scale.get_mut(i) {
            *s = n.clamp(-12, 12);
        }
    }

    /// Every figure of the mapped series, in the file's order per series.
    pub fn preview(&self) -> Vec<Row> {
        let mut out = Vec::new();
        for (i, s) in self.listing.series.iter().enumerate() {
            let Some(Some(subject)) = self.subject.get(i) else {
                continue;
            };
            let scale = self.scale.get(i).copied().unwrap_or(0);
            let _ = statfile::rows(&self.bytes, &self.layout, |r| {
                if let (true, Period::Year(year), Some(v)) = (r.key == s.key, r.period, r.value) {
                    if let Some(value) = statfile::times_ten_to(v, scale) {
                        out.push(Row {
                            subject: subject.clone(),
                            series: i,
                            year,
                            value,
                            provisional: r.flags.provisional,
                            note: r.flags.note().as_str().into(),
                            line: r.line,
                        });
                    }
                }
                Ok(())
            });
        }
        out
    }

    /// The source text of series `i`'s figures.
    pub fn source(&self, s: &SeriesInfo) -> String {
        let publisher = match self.listing.format {
            Format::StatLine => "CBS StatLine",
            _ => match s.flow.split([':', '.']).next().unwrap_or("") {
                "ESTAT" => "Eurostat",
                "ECB" => "ECB",
                "" => "SDMX",
                a if a.starts_with("OECD") => "OECD",
                a => a,
            },
        };
        let mut t = String::from(publisher);
        if !s.flow.is_empty() {
            t.push(' ');
            t.push_str(&s.flow);
        }
        t.push_str(", ");
        t.push_str(&s.key);
        t.push_str(" (");
        t.push_str(&self.name);
        t.push(')');
        t
    }

    /// The user's figures with the mapped series' added, checked over the
    /// published figures; or every problem, each with its line in the file.
    pub fn apply(
        &self,
        base: &Dataset<'static>,
        data: &UserData,
    ) -> Result<UserData, Vec<Problem>> {
        let rows = self.preview();
        if rows.is_empty() {
            return Err(std::vec![problem(1, "", ErrorKind::Empty)]);
        }
        let mut next = data.clone();
        let first = next.obs.len();
        for r in &rows {
            let source = self
                .listing
                .series
                .get(r.series)
                .map(|s| self.source(s))
                .unwrap_or_default();
            next.obs.push(Obs {
                subject: r.subject.clone(),
                year: r.year,
                value: r.value,
                source: escape(&source),
                note: (!r.note.is_empty()).then(|| escape(&r.note)),
                provisional: r.provisional,
            });
        }
        match data::check(base, &next) {
            Ok(()) => Ok(next),
            Err(issues) => {
                let mut ps: Vec<Problem> = issues
                    .errors
                    .iter()
                    .map(|e| {
                        let row = (e.path.table == Some(Table::Observations))
                            .then_some(e.path.index)
                            .flatten();
                        let mine = row.and_then(|i| i.checked_sub(first));
                        Problem {
                            line: mine.and_then(|i| rows.get(i)).map(|r| r.line),
                            field: e.path.field.as_str().into(),
                            index: row,
                            table: e.path.table,
                            kind: e.kind.clone(),
                            published: false,
                        }
                    })
                    .collect();
                data::mark_published(base, &next, &mut ps);
                Err(ps)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const EUROSTAT: &[u8] = include_bytes!("../../tests/fixtures/import/eurostat-plain.csv");
    const BROKEN: &[u8] = include_bytes!("../../tests/fixtures/import/sdmx-broken.csv");

    #[test]
    fn recognised_listed_mapped_and_previewed() {
        assert!(recognise("a.csv", b"subject,year,value,source\n").is_none());
        let mut p = recognise("e.csv", EUROSTAT).unwrap().unwrap();
        assert_eq!(p.listing.series.len(), 2);
        assert!(p.preview().is_empty());
        p.choose(1, "T-P5-techkwadraat-alle-leerlingen");
        p.set_scale(1, 1);
        let rows = p.preview();
        let got: Vec<(i32, f64, bool, u32)> = rows
            .iter()
            .map(|r| (r.year, r.value, r.provisional, r.line))
            .collect();
        assert_eq!(
            got,
            [
                (2019, 14.8, false, 7),
                (2020, 15.5, false, 8),
                (2021, 15.2, true, 9)
            ]
        );
        assert_eq!(rows[2].note, "estimated (flag ep)");
        assert_eq!(
            p.source(&p.listing.series[1]),
            "Eurostat ESTAT:RD_E_GERDTOT(1.0), A.PC_GDP.BES.NL (e.csv)"
        );
    }

    #[test]
    fn a_broken_file_names_its_line_and_column() {
        let ps = recognise("b.csv", BROKEN).unwrap().err().unwrap();
        assert_eq!(ps.len(), 1);
        assert_eq!(ps[0].line, Some(4));
        assert_eq!(ps[0].field, "OBS_VALUE");
        assert_eq!(
            ps[0].kind,
            ErrorKind::Statfile(statfile::ErrorKind::NotANumber)
        );
    }
}
