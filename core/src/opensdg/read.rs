//! The reader: a few passes over the bytes with `load::read_csv`.

use super::years::{int_chars, python_float, python_int, year_of, Years};
use super::{
    is_na, Error, ErrorKind, Outcome, Read, Row, Selection, Warning, DROPPED_COLUMNS, MAX_FILTERS,
    PROGRESS, SERIES, UNITS, VALUE, YEAR,
};
use crate::load::{self, CsvRecord, CSV_FIELDS};

/// How the reader treats a column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Year,
    Value,
    Progress,
    Series,
    Units,
    Dropped,
    Disaggregation,
}

/// FNV-1a of a field (or of "missing"): the rows measured must all have the
/// same value in a column, and the reader keeps no copy of the first.
fn fingerprint(field: Option<&str>) -> u64 {
    let Some(field) = field else {
        return 0;
    };
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in field.bytes().chain(core::iter::once(0xff)) {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h | 1
}

/// Everything learned from the header.
struct Header {
    kinds: [Kind; CSV_FIELDS],
    width: usize,
    year: usize,
    /// The column whose values are measured: `Progress` or `Value`.
    measured: usize,
    series: Option<usize>,
    units: Option<usize>,
}

fn classify(name: &str) -> Kind {
    match name {
        YEAR => Kind::Year,
        VALUE => Kind::Value,
        PROGRESS => Kind::Progress,
        SERIES => Kind::Series,
        UNITS => Kind::Units,
        n if DROPPED_COLUMNS.contains(&n) => Kind::Dropped,
        _ => Kind::Disaggregation,
    }
}

/// A field of a record, or `None` for a missing value (also when the line
/// is shorter than the header).
fn field<'r>(rec: &CsvRecord<'r>, i: usize) -> Option<&'r str> {
    rec.get(i).filter(|f| !is_na(f))
}

/// The input without a UTF-8 BOM, after checking it is UTF-8.
fn text(input: &[u8]) -> Result<&[u8], Error> {
    if let Err(e) = core::str::from_utf8(input) {
        let at = e.valid_up_to();
        let line = 1 + input
            .get(..at)
            .unwrap_or(input)
            .iter()
            .filter(|b| **b == b'\n')
            .count();
        return Err(Error::new(
            u32::try_from(line).unwrap_or(u32::MAX),
            None,
            ErrorKind::NotUtf8,
        ));
    }
    Ok(input.strip_prefix(b"\xef\xbb\xbf").unwrap_or(input))
}

/// Read every record after the header.
fn rows(
    input: &[u8],
    width: usize,
    mut each: impl FnMut(&CsvRecord) -> Result<(), Error>,
) -> Result<(), Error> {
    let mut first = true;
    load::read_csv(
        input,
        |rec| {
            if first {
                first = false;
                return Ok(());
            }
            if rec.len() > width {
                return Err(Error::new(rec.line, None, ErrorKind::TooManyFields));
            }
            each(rec)
        },
        |line| Error::new(line, None, ErrorKind::TooLong),
    )
}

/// Call `each` with every header name and its place; the header's line is
/// 1. Errors as [`read_series`]'s.
pub fn header(input: &[u8], mut each: impl FnMut(usize, &str)) -> Result<(), Error> {
    let input = text(input)?;
    let mut done = false;
    let r = load::read_csv(
        input,
        |rec| {
            if !done {
                for i in 0..rec.len() {
                    each(i, rec.get(i).unwrap_or(""));
                }
                done = true;
            }
            // Stop after the header: any error will do, it is discarded.
            Err(Error::new(0, None, ErrorKind::TooLong))
        },
        |line| Error::new(line, None, ErrorKind::TooLong),
    );
    match r {
        Err(e) if e.line != 0 => Err(e),
        _ => Ok(()),
    }
}

fn read_header(input: &[u8]) -> Result<Header, Error> {
    let mut h: Option<Header> = None;
    let r = load::read_csv(
        input,
        |rec| {
            let mut kinds = [Kind::Disaggregation; CSV_FIELDS];
            let (mut year, mut value, mut progress) = (None, None, None);
            let (mut series, mut units) = (None, None);
            for (i, slot) in kinds.iter_mut().enumerate().take(rec.len()) {
                let k = classify(rec.get(i).unwrap_or(""));
                *slot = k;
                // pandas keeps the first of two equal names and renames the
                // second ("Year.1"), which then is a disaggregation.
                let first = |o: &mut Option<usize>| {
                    if o.is_none() {
                        *o = Some(i);
                        true
                    } else {
                        false
                    }
                };
                let kept = match k {
                    Kind::Year => first(&mut year),
                    Kind::Value => first(&mut value),
                    Kind::Progress => first(&mut progress),
                    Kind::Series => first(&mut series),
                    Kind::Units => first(&mut units),
                    _ => true,
                };
                if !kept {
                    *slot = Kind::Disaggregation;
                }
            }
            let year = year.ok_or(Error::new(1, None, ErrorKind::MissingColumn(YEAR)))?;
            let value = value.ok_or(Error::new(1, None, ErrorKind::MissingColumn(VALUE)))?;
            h = Some(Header {
                kinds,
                width: rec.len(),
                year,
                measured: progress.unwrap_or(value),
                series,
                units,
            });
            Err(Error::new(0, None, ErrorKind::TooLong))
        },
        |line| Error::new(line, None, ErrorKind::TooLong),
    );
    match (r, h) {
        (Err(e), _) if e.line != 0 => Err(e),
        (_, Some(h)) => Ok(h),
        _ => Err(Error::new(1, None, ErrorKind::MissingColumn(YEAR))),
    }
}

/// Decide how years are read (pandas types the whole column first), and
/// check that every row's year can be read so: sdg-build converts the
/// years of every row, before any filtering.
fn read_years(input: &[u8], h: &Header) -> Result<(Years, Option<Error>), Error> {
    let (mut all_int, mut long_int, mut long_text) = (true, false, false);
    let (mut first_na, mut first_text, mut any_year) = (None, None, false);
    rows(input, h.width, |rec| {
        let Some(y) = field(rec, h.year) else {
            first_na.get_or_insert(rec.line);
            return Ok(());
        };
        any_year = true;
        match python_int(y) {
            Some(n) => long_int |= int_chars(n) > 4,
            None => {
                all_int = false;
                first_text.get_or_insert(rec.line);
            }
        }
        long_text |= y.chars().count() > 4;
        Ok(())
    })?;
    let at = |line: u32, kind| Error::new(line, Some(h.year), kind);
    // pandas' column type decides: integers with a missing year are
    // floats ("2015.0", longer than four characters, so cut; the missing
    // "nan" then fails); text is cut only when some year is long.
    let years = match (
        all_int,
        long_int || (any_year && first_na.is_some()),
        long_text,
    ) {
        (true, false, _) => Years::Int,
        (true, true, _) => Years::IntCut,
        (false, _, true) => Years::TextCut,
        (false, _, false) => Years::Text,
    };
    // Nothing is cut when no year is long or every year is missing: Open
    // SDG fails only later, and only when some row is measured.
    let later = match (years, any_year) {
        (_, false) => first_na.map(|l| at(l, ErrorKind::MissingYear)),
        (Years::Text, true) => first_text.map(|l| at(l, ErrorKind::BadYear)),
        _ => None,
    };
    if later.is_none() {
        rows(input, h.width, |rec| match field(rec, h.year) {
            None => Err(at(rec.line, ErrorKind::MissingYear)),
            Some(y) if year_of(y, years).is_none() => Err(at(rec.line, ErrorKind::BadYear)),
            Some(_) => Ok(()),
        })?;
    }
    Ok((years, later))
}

/// One filter, resolved against the header.
#[derive(Clone, Copy)]
struct Applied<'s> {
    column: Option<usize>,
    value: &'s str,
    /// Whether Open SDG filters on it (some row matched).
    on: bool,
    which: Which,
}

/// Which configured filter.
#[derive(Clone, Copy)]
enum Which {
    Unit,
    Series,
    Disaggregation(usize),
}

impl Applied<'_> {
    fn keeps(&self, rec: &CsvRecord) -> bool {
        match (self.on, self.column) {
            (true, Some(c)) => field(rec, c) == Some(self.value),
            _ => true,
        }
    }
}

/// Read the rows of one series of an Open SDG data file into `out`, as
/// sdg-build selects them for the progress measure (module docs).
pub fn read_series(input: &[u8], sel: &Selection, out: &mut [Row]) -> Result<Read, Error> {
    let input = text(input)?;
    let h = read_header(input)?;
    let (years, later) = read_years(input, &h)?;
    let mut warnings = heapless::Vec::new();
    if matches!(years, Years::IntCut | Years::TextCut) {
        let _ = warnings.push(Warning::YearsCut);
    }
    if sel.disaggregation.len() > MAX_FILTERS {
        return Err(Error::new(1, None, ErrorKind::TooManyFilters));
    }
    // The filters in Open SDG's order: unit, series, then each
    // disaggregation; only with more than two columns.
    let mut filters: heapless::Vec<Applied, { MAX_FILTERS + 2 }> = heapless::Vec::new();
    let filtering = h.width > 2;
    let kept = |c: &usize| !matches!(h.kinds.get(*c), Some(Kind::Dropped | Kind::Progress));
    if filtering {
        // The first kept column of that name (the header read once more).
        let find = |name: &str| {
            let mut at = None;
            let _ = header(input, |i, n| {
                if at.is_none() && n == name && kept(&i) {
                    at = Some(i);
                }
            });
            at
        };
        let wanted = [
            (sel.unit, h.units, Which::Unit),
            (sel.series, h.series, Which::Series),
        ];
        for (value, column, which) in wanted {
            if let Some(value) = value {
                let _ = filters.push(Applied {
                    column,
                    value,
                    on: false,
                    which,
                });
            }
        }
        for (index, f) in sel.disaggregation.iter().enumerate() {
            let _ = filters.push(Applied {
                column: find(f.field),
                value: f.value,
                on: false,
                which: Which::Disaggregation(index),
            });
        }
        // Each filter applies when some row left by the ones before it
        // matches (sdg-build `filter_column`).
        for k in 0..filters.len() {
            let mut any = false;
            let (before, rest) = filters.split_at_mut(k);
            let Some(this) = rest.first_mut() else { break };
            if let Some(c) = this.column {
                rows(input, h.width, |rec| {
                    any |= before.iter().all(|f| f.keeps(rec)) && field(rec, c) == Some(this.value);
                    Ok(())
                })?;
            }
            this.on = any;
        }
        for f in filters.iter().filter(|f| !f.on) {
            let column = f.column.is_some();
            let _ = warnings.push(match f.which {
                Which::Unit => Warning::UnitNotFound { column },
                Which::Series => Warning::SeriesNotFound { column },
                Which::Disaggregation(index) => Warning::DisaggregationNotFound { index, column },
            });
        }
    }
    let headline = filtering && sel.disaggregation.is_empty();
    let disaggregated = |rec: &CsvRecord| {
        (0..h.width).find(|c| {
            matches!(h.kinds.get(*c), Some(Kind::Disaggregation)) && field(rec, *c).is_some()
        })
    };
    let selected = |rec: &CsvRecord| {
        filters.iter().all(|f| f.keeps(rec)) && !(headline && disaggregated(rec).is_some())
    };

    // No headline: Open SDG raises when rows are left after unit and series
    // but none is the headline.
    if headline {
        let (mut any_row, mut any_headline) = (None, false);
        rows(input, h.width, |rec| {
            if filters
                .iter()
                .filter(|f| !matches!(f.which, Which::Disaggregation(_)))
                .all(|f| f.keeps(rec))
            {
                if let Some(c) = disaggregated(rec) {
                    any_row.get_or_insert((rec.line, c));
                } else {
                    any_headline = true;
                }
            }
            Ok(())
        })?;
        if let (Some((line, column)), false) = (any_row, any_headline) {
            return Ok(Read {
                outcome: Outcome::NoHeadline { line, column },
                warnings,
            });
        }
    }

    // One value per grouping column (Series, Units, disaggregations).
    if filtering {
        let mut first: [Option<(u64, u32)>; CSV_FIELDS] = [None; CSV_FIELDS];
        rows(input, h.width, |rec| {
            if !selected(rec) {
                return Ok(());
            }
            for (c, slot) in first.iter_mut().enumerate().take(h.width) {
                if !matches!(
                    h.kinds.get(c),
                    Some(Kind::Series | Kind::Units | Kind::Disaggregation)
                ) {
                    continue;
                }
                let fp = fingerprint(field(rec, c));
                match slot {
                    None => *slot = Some((fp, rec.line)),
                    Some((seen, line)) if *seen != fp => {
                        return Err(Error::new(
                            *line,
                            Some(c),
                            ErrorKind::ManySubSeries {
                                other_line: rec.line,
                            },
                        ));
                    }
                    Some(_) => {}
                }
            }
            Ok(())
        })?;
    }

    // The values: missing ones dropped, then numbers, then duplicate years.
    let (mut count, mut n_selected) = (0usize, 0usize);
    let capacity = out.len();
    rows(input, h.width, |rec| {
        if filtering && !selected(rec) {
            return Ok(());
        }
        n_selected += 1;
        let Some(v) = field(rec, h.measured) else {
            return Ok(());
        };
        let value =
            python_float(v).ok_or(Error::new(rec.line, Some(h.measured), ErrorKind::BadValue))?;
        if value.is_nan() {
            return Ok(());
        }
        if let Some(e) = later {
            return Err(e);
        }
        let year = field(rec, h.year)
            .and_then(|y| year_of(y, years))
            .ok_or(Error::new(rec.line, Some(h.year), ErrorKind::BadYear))?;
        if let Some(other) = out.iter().take(count).find(|r| r.year == year) {
            return Err(Error::new(
                rec.line,
                Some(h.year),
                ErrorKind::DuplicateYear {
                    other_line: other.line,
                },
            ));
        }
        let slot = out.get_mut(count).ok_or(Error::new(
            rec.line,
            None,
            ErrorKind::TooManyRows { capacity },
        ))?;
        *slot = Row {
            year,
            value,
            line: rec.line,
        };
        count += 1;
        Ok(())
    })?;
    Ok(Read {
        outcome: Outcome::Rows {
            count,
            selected: n_selected,
        },
        warnings,
    })
}
