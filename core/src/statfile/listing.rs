//! The series a file holds, with their years, missing values and skipped
//! periods (see [`super`]).

use super::*;

/// One series of a file, as [`list`] found it.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct SeriesInfo {
    /// The key (see the module's rules).
    pub key: Key,
    /// The labels of its dimensions (labelled SDMX-CSV), or empty.
    pub label: String<LABEL_BYTES>,
    /// Its dataflow (SDMX), or empty.
    pub flow: String<NAME_BYTES>,
    /// The line of its first row.
    pub line: u32,
    /// Years with a value.
    pub years: u16,
    /// The first and last year with a value (0 when none).
    pub first_year: i32,
    /// See `first_year`.
    pub last_year: i32,
    /// Yearly rows with no value (empty, `.`, `NaN`, …).
    pub missing: u16,
    /// Rows of quarters, months, half-years, weeks or days, skipped.
    pub sub_annual: u16,
    /// Years with a value flagged provisional.
    pub provisional: u16,
    /// Years with a value flagged estimated.
    pub estimated: u16,
    #[serde(skip)]
    seen: [u64; 5],
}

/// Everything a file holds: its format and its series.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Listing {
    /// The format.
    pub format: Format,
    /// Every series, in the order of their first row.
    pub series: Vec<SeriesInfo, MAX_FILE_SERIES>,
}

impl Listing {
    /// The series a user names: by its key exactly, or by its 1-based
    /// number in the listing (`3` or `#3`).
    pub fn find(&self, wanted: &str) -> Option<usize> {
        let w = wanted.trim();
        self.series.iter().position(|s| s.key == w).or_else(|| {
            let n = w.strip_prefix('#').unwrap_or(w).parse::<usize>().ok()?;
            (1..=self.series.len()).contains(&n).then(|| n - 1)
        })
    }
}

/// Read the whole file: its layout and every series it holds, or every
/// error in it (a second value for a series and year included).
pub fn list(bytes: &[u8]) -> Result<(Layout, Listing), Errors> {
    let layout = Layout::read(bytes).map_err(|e| {
        let mut errs = Errors::default();
        errs.push(e.line, &e.column, e.kind);
        errs
    })?;
    let mut listing = Listing {
        format: layout.format,
        series: Vec::new(),
    };
    rows(bytes, &layout, |row| {
        let at = match listing.series.iter().position(|s| s.key == row.key) {
            Some(at) => at,
            None => {
                listing
                    .series
                    .push(SeriesInfo {
                        key: Key::try_from(row.key).map_err(|_| ErrorKind::KeyTooLong)?,
                        label: truncated(row.label),
                        flow: truncated(row.flow),
                        line: row.line,
                        years: 0,
                        first_year: 0,
                        last_year: 0,
                        missing: 0,
                        sub_annual: 0,
                        provisional: 0,
                        estimated: 0,
                        seen: [0; 5],
                    })
                    .map_err(|_| ErrorKind::TooManySeries)?;
                listing.series.len() - 1
            }
        };
        let Some(s) = listing.series.get_mut(at) else {
            return Ok(());
        };
        match (row.period, row.value) {
            (Period::SubAnnual(_), _) => s.sub_annual = s.sub_annual.saturating_add(1),
            (Period::Year(y), v) => {
                let bit = (y - 1900) as usize;
                let word = s.seen.get_mut(bit / 64).ok_or(ErrorKind::YearOutOfRange)?;
                if *word & (1 << (bit % 64)) != 0 {
                    return Err(ErrorKind::DuplicateYear);
                }
                *word |= 1 << (bit % 64);
                if v.is_none() {
                    s.missing = s.missing.saturating_add(1);
                    return Ok(());
                }
                s.first_year = if s.years == 0 { y } else { s.first_year.min(y) };
                s.last_year = if s.years == 0 { y } else { s.last_year.max(y) };
                s.years = s.years.saturating_add(1);
                s.provisional += u16::from(row.flags.provisional);
                s.estimated += u16::from(row.flags.estimated);
            }
        }
        Ok(())
    })?;
    Ok((layout, listing))
}
