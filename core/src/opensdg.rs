//! Open SDG data files, read as Open SDG reads them for its progress measure.
//!
//! An Open SDG data repository holds one CSV per indicator: columns `Year`
//! and `Value`, and any number of others. sdg-build (`sdg/ProgressMeasure.py`,
//! `SeriesProgress.filter_data`, the version with scores and
//! `progress_calculation_options`) picks the rows it measures like this, and
//! so does [`read_series`]:
//!
//! 1. The file is read by `pandas.read_csv` with its defaults: UTF-8 (a BOM
//!    is dropped; anything else that is not UTF-8 is an error), and every
//!    field that is exactly one of pandas' missing-value tokens
//!    ([`NA_VALUES`]) is missing, in every column.
//! 2. Years: when any year, as pandas holds it, is longer than four
//!    characters (`2014/2015`, `2014-2015`, `2014-15`, or `2015.0` because a
//!    year is missing), every year becomes the integer of its first four
//!    characters (`str.slice(0, 4).astype(int)`): `2014/2015` is 2014. A year
//!    whose first four characters are not an integer (`FY2014`), or a
//!    missing year, makes that step raise: koers refuses the file there.
//! 3. The columns Open SDG does not treat as disaggregations are dropped
//!    ([`DROPPED_COLUMNS`]: sdg-build `open_sdg_indicator_options_defaults`,
//!    its `non_disaggregation_columns` and `observation_attributes`, less
//!    `Year`, `Value`, `Series` and `Units`, which stay). A `Progress` column,
//!    when there is one, replaces `Value`.
//! 4. `unit` and `series`, when configured, keep the rows whose `Units` /
//!    `Series` equal them; so does each configured `disaggregation`
//!    (`field`, `value`). A column or value that is not in the data leaves the
//!    rows as they were, with a warning ([`Warning`]), as Open SDG does.
//! 5. Without a configured disaggregation the rows kept are the headline:
//!    those where every remaining column other than `Year`, `Value`, `Series`
//!    and `Units` is missing. Open SDG raises when no row is the headline;
//!    koers reports [`Outcome::NoHeadline`], a "not available" with a reason.
//! 6. Every remaining column other than `Year` and `Value` must then hold a
//!    single value (a missing value counts as one): several units or series
//!    among the headline rows are an error ([`ErrorKind::ManySubSeries`]).
//! 7. Rows without a value are dropped; a value that is not a number is an
//!    error, and so are two values for one year.
//!
//! The reader makes a few passes over the bytes and keeps nothing but the
//! caller's buffer of [`Row`]s: no heap, and no panic whatever the input.

use core::fmt;

use crate::load::{self, CsvRecord, CSV_FIELDS};
use crate::progress::Point;

/// pandas' default missing-value tokens (`pandas/_libs/parsers.pyx`,
/// `STR_NA_VALUES`, pandas 2): a field that is exactly one of these is
/// missing. No trimming: `" NA"` is text.
pub const NA_VALUES: [&str; 19] = [
    "", "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN", "-NaN", "-nan", "1.#IND", "1.#QNAN",
    "<NA>", "N/A", "NA", "NULL", "NaN", "None", "n/a", "nan", "null",
];

/// Columns sdg-build drops before it looks for the headline
/// (`open_sdg_indicator_options_defaults` in `sdg/open_sdg.py`: the
/// `non_disaggregation_columns` other than Year, Units, Series and Value,
/// then the `observation_attributes`).
pub const DROPPED_COLUMNS: [&str; 10] = [
    "GeoCode",
    "Observation status",
    "Unit multiplier",
    "Unit measure",
    "UNIT_MEASURE",
    "SERIES",
    "COMMENT_TS",
    "DATA_LAST_UPDATE",
    "COMMENT_OBS",
    "SOURCE_DETAIL",
];

/// The year column.
pub const YEAR: &str = "Year";
/// The value column.
pub const VALUE: &str = "Value";
/// The series column (sdg-build's `series_column`).
pub const SERIES: &str = "Series";
/// The unit column (sdg-build's `unit_column`).
pub const UNITS: &str = "Units";
/// The column whose values replace `Value` for the progress measure.
pub const PROGRESS: &str = "Progress";

/// Most `disaggregation` filters of one series.
pub const MAX_FILTERS: usize = 8;

/// Whether pandas reads this field as missing.
pub fn is_na(field: &str) -> bool {
    NA_VALUES.contains(&field)
}

/// One `disaggregation` entry of `progress_calculation_options`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Filter<'s> {
    /// The column.
    pub field: &'s str,
    /// The value rows must have in it.
    pub value: &'s str,
}

/// Which rows a series is: Open SDG's `series`, `unit` and `disaggregation`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Selection<'s> {
    /// `series`: a value of the `Series` column.
    pub series: Option<&'s str>,
    /// `unit`: a value of the `Units` column.
    pub unit: Option<&'s str>,
    /// `disaggregation`: when not empty, these rows instead of the headline.
    pub disaggregation: &'s [Filter<'s>],
}

/// A row kept for the measure.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Row {
    /// The year (after Open SDG's four-character rule).
    pub year: i32,
    /// The value.
    pub value: f64,
    /// The line of the file it came from.
    pub line: u32,
}

impl Row {
    /// The row as a progress point.
    pub const fn point(self) -> Point {
        Point::new(self.year, self.value)
    }
}

/// A filter that Open SDG would skip, with a warning, leaving the rows as
/// they were.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Warning {
    /// The `unit` is configured but there is no `Units` column, or no row
    /// has that unit.
    UnitNotFound {
        /// Whether the column exists.
        column: bool,
    },
    /// The `series` is configured but there is no `Series` column, or no
    /// row has that series.
    SeriesNotFound {
        /// Whether the column exists.
        column: bool,
    },
    /// `disaggregation[index]` names no column, or no row has its value.
    DisaggregationNotFound {
        /// Its place in the list.
        index: usize,
        /// Whether the column exists.
        column: bool,
    },
    /// Years were cut to their first four characters (`2014/2015` is
    /// 2014), as sdg-build does.
    YearsCut,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = |column: bool| {
            if column {
                "no row has"
            } else {
                "no such column for"
            }
        };
        match self {
            Self::UnitNotFound { column } => write!(
                f,
                "{} the configured unit: Open SDG keeps every unit",
                what(*column)
            ),
            Self::SeriesNotFound { column } => write!(
                f,
                "{} the configured series: Open SDG keeps every series",
                what(*column)
            ),
            Self::DisaggregationNotFound { index, column } => write!(
                f,
                "{} disaggregation[{index}]: Open SDG does not filter on it",
                what(*column)
            ),
            Self::YearsCut => write!(
                f,
                "years longer than four characters: each year is its first four characters, as Open SDG reads them"
            ),
        }
    }
}

/// What the reader found.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// The rows of the series, in file order; this many of the caller's
    /// buffer are filled.
    Rows {
        /// Rows with a value written to the buffer.
        count: usize,
        /// Rows selected, with or without a value.
        selected: usize,
    },
    /// No row is the headline (Open SDG raises "No headline found"): every
    /// row has a disaggregation; a `disaggregation` must be chosen.
    NoHeadline {
        /// A row and the column of its disaggregation.
        line: u32,
        /// That column.
        column: usize,
    },
}

/// The result of [`read_series`].
#[derive(Clone, Debug, PartialEq)]
pub struct Read {
    /// What was found.
    pub outcome: Outcome,
    /// Filters Open SDG would skip, and the year rule when it applied.
    pub warnings: heapless::Vec<Warning, { MAX_FILTERS + 3 }>,
}

/// What is wrong with the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// Bytes that are not UTF-8 (pandas raises `UnicodeDecodeError`).
    NotUtf8,
    /// No header, or no column of this name (pandas raises `KeyError`).
    MissingColumn(&'static str),
    /// More fields than the header (pandas: "Expected n fields").
    TooManyFields,
    /// A line longer than the reader's buffer.
    TooLong,
    /// A year that is missing.
    MissingYear,
    /// A year that is not an integer (after the four-character rule).
    BadYear,
    /// A value that is not a number.
    BadValue,
    /// Several values of one column among the rows measured (Open SDG:
    /// "Detected many sub-series").
    ManySubSeries {
        /// The line of a row with another value.
        other_line: u32,
    },
    /// Two values for one year (Open SDG: "Duplicate value for year").
    DuplicateYear {
        /// The line of the other value.
        other_line: u32,
    },
    /// More rows than the caller's buffer holds.
    TooManyRows {
        /// The buffer's length.
        capacity: usize,
    },
    /// More `disaggregation` filters than [`MAX_FILTERS`].
    TooManyFilters,
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotUtf8 => write!(f, "not UTF-8 text"),
            Self::MissingColumn(c) => write!(f, "no column {c}"),
            Self::TooManyFields => write!(f, "more fields than the header"),
            Self::TooLong => write!(f, "line too long (or more than {CSV_FIELDS} fields)"),
            Self::MissingYear => write!(f, "the year is missing (Open SDG stops here)"),
            Self::BadYear => write!(f, "not a year (Open SDG stops here)"),
            Self::BadValue => write!(f, "not a number"),
            Self::ManySubSeries { other_line } => write!(
                f,
                "several values among the rows measured (another on line {other_line}): Open SDG refuses many sub-series; choose one unit, series or disaggregation"
            ),
            Self::DuplicateYear { other_line } => {
                write!(f, "a second value for this year (the other on line {other_line})")
            }
            Self::TooManyRows { capacity } => write!(f, "more than {capacity} rows"),
            Self::TooManyFilters => write!(f, "more than {MAX_FILTERS} disaggregation filters"),
        }
    }
}

/// An error: the line, the column (its place in the header) and what.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Error {
    /// 1-based line.
    pub line: u32,
    /// 0-based column, when one is to blame.
    pub column: Option<usize>,
    /// What.
    pub kind: ErrorKind,
}

impl Error {
    const fn new(line: u32, column: Option<usize>, kind: ErrorKind) -> Self {
        Self { line, column, kind }
    }
}

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

/// How years are read, decided over the whole column as pandas does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Years {
    /// Every year is an integer of at most four digits.
    Int,
    /// Every year is an integer, some longer than four characters: each is
    /// cut to its first four.
    IntCut,
    /// Some year is text and some longer than four characters: each raw
    /// text is cut to its first four characters.
    TextCut,
    /// Some year is text, none longer than four characters: Open SDG fails.
    Text,
}

/// Python's `int()` of a text: whitespace around, an optional sign, digits.
fn python_int(s: &str) -> Option<i64> {
    let s = s.trim_matches(|c: char| c.is_whitespace());
    let digits = s.strip_prefix(['+', '-']).unwrap_or(s);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse::<i64>().ok()
}

/// The first four characters of a text.
fn first_four(s: &str) -> &str {
    match s.char_indices().nth(4) {
        Some((i, _)) => s.get(..i).unwrap_or(s),
        None => s,
    }
}

/// Decimal digits of `n` (with its sign), as Python's `str(int)` counts
/// characters.
fn int_chars(n: i64) -> usize {
    let mut len = usize::from(n < 0);
    let mut m = n.unsigned_abs();
    loop {
        len += 1;
        m /= 10;
        if m == 0 {
            return len;
        }
    }
}

/// The year of a field under the column's rule.
fn year_of(field: &str, years: Years) -> Option<i32> {
    let n = match years {
        Years::Int => python_int(field)?,
        Years::IntCut => {
            let n = python_int(field)?;
            // str(n)[:4]: the sign counts as a character.
            let mut buf = [0u8; 24];
            let text = fmt_int(n, &mut buf)?;
            python_int(first_four(text))?
        }
        Years::TextCut => python_int(first_four(field))?,
        // Some year is not an integer, so the check of every row fails at
        // the first such year, the one to blame.
        Years::Text => python_int(field)?,
    };
    i32::try_from(n).ok()
}

/// `n` in decimal into `buf`.
fn fmt_int(n: i64, buf: &mut [u8; 24]) -> Option<&str> {
    let mut i = buf.len();
    let mut m = n.unsigned_abs();
    loop {
        i -= 1;
        *buf.get_mut(i)? = b'0' + (m % 10) as u8;
        m /= 10;
        if m == 0 {
            break;
        }
    }
    if n < 0 {
        i -= 1;
        *buf.get_mut(i)? = b'-';
    }
    core::str::from_utf8(buf.get(i..)?).ok()
}

/// A number as Python's `float()` reads it (whitespace around allowed).
/// NaN counts as missing.
fn python_float(s: &str) -> Option<f64> {
    s.trim_matches(|c: char| c.is_whitespace())
        .parse::<f64>()
        .ok()
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
fn read_years(input: &[u8], h: &Header) -> Result<Years, Error> {
    let (mut all_int, mut long_int, mut long_text) = (true, false, false);
    rows(input, h.width, |rec| {
        let Some(y) = field(rec, h.year) else {
            return Err(Error::new(rec.line, Some(h.year), ErrorKind::MissingYear));
        };
        match python_int(y) {
            Some(n) => long_int |= int_chars(n) > 4,
            None => all_int = false,
        }
        long_text |= y.chars().count() > 4;
        Ok(())
    })?;
    let years = match (all_int, long_int, long_text) {
        (true, false, _) => Years::Int,
        (true, true, _) => Years::IntCut,
        (false, _, true) => Years::TextCut,
        (false, _, false) => Years::Text,
    };
    rows(input, h.width, |rec| {
        match field(rec, h.year).and_then(|y| year_of(y, years)) {
            Some(_) => Ok(()),
            None => Err(Error::new(rec.line, Some(h.year), ErrorKind::BadYear)),
        }
    })?;
    Ok(years)
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
    let years = read_years(input, &h)?;
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
        let find = |name: &str| {
            (0..h.width).filter(kept).find(|i| {
                // Compare against the header's own text, read once more.
                header_is(input, *i, name)
            })
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

/// Whether header field `i` is `name`.
fn header_is(input: &[u8], i: usize, name: &str) -> bool {
    let mut yes = false;
    let _ = header(input, |j, h| yes |= j == i && h == name);
    yes
}

#[cfg(test)]
mod tests {
    //! Each fixture's answer is worked out from sdg-build's rules in the
    //! module docs (and its reading checked against pandas 3.1's
    //! `read_csv`); the numbers beside each file are in
    //! tests/fixtures/opensdg/README.md.
    use super::*;
    use crate::progress::{open_sdg, Direction, OpenSdgConfig, Reason, Status};
    use proptest::prelude::*;

    macro_rules! fixture {
        ($name:literal) => {
            include_bytes!(concat!("../../tests/fixtures/opensdg/", $name)).as_slice()
        };
    }

    fn read(input: &[u8], sel: &Selection) -> Result<(Vec<Row>, Read), Error> {
        let mut buf = [Row {
            year: 0,
            value: 0.0,
            line: 0,
        }; 64];
        let r = read_series(input, sel, &mut buf)?;
        let n = match r.outcome {
            Outcome::Rows { count, .. } => count,
            Outcome::NoHeadline { .. } => 0,
        };
        Ok((buf[..n].to_vec(), r))
    }

    fn years_values(rows: &[Row]) -> Vec<(i32, f64)> {
        rows.iter().map(|r| (r.year, r.value)).collect()
    }

    fn points(rows: &[Row]) -> Vec<Point> {
        rows.iter().map(|r| r.point()).collect()
    }

    const ALL: Selection = Selection {
        series: None,
        unit: None,
        disaggregation: &[],
    };

    #[test]
    fn filled_geocode_units_series_status_do_not_stop_the_headline() {
        let (rows, r) = read(fixture!("filled-columns.csv"), &ALL).unwrap();
        assert_eq!(
            years_values(&rows),
            [(2014, 52.0), (2015, 50.0), (2017, 49.0), (2020, 47.0)]
        );
        assert!(r.warnings.is_empty());
        // Base 2015 = 50, current 2020 = 47, direction negative, no target:
        // v = -((47/50)^(1/5) - 1) = 0.012299: moderate, 250 v - 1.25.
        let a = open_sdg(&points(&rows), &OpenSdgConfig::default());
        assert_eq!(a.status, Status::ModerateProgress);
        assert!((a.score.unwrap() - 1.8247).abs() < 5e-4);
    }

    #[test]
    fn pandas_missing_value_tokens_are_missing_in_every_column() {
        for t in NA_VALUES {
            assert!(is_na(t), "{t}");
        }
        assert!(!is_na(" NA") && !is_na("na") && !is_na("0"));
        let (rows, _) = read(fixture!("na-tokens.csv"), &ALL).unwrap();
        // Headline: Sex is NA, N/A, null, <NA>, None, nan or n/a; " NA" is
        // text (the 999 row is a breakdown). Values NA, empty, #N/A and
        // NULL are dropped.
        assert_eq!(
            years_values(&rows),
            [(2015, 100.0), (2018, 104.0), (2020, 110.0)]
        );
        let cfg = OpenSdgConfig {
            target: Some(150.0),
            direction: Direction::Increase,
            ..OpenSdgConfig::default()
        };
        let a = open_sdg(&points(&rows), &cfg);
        // R = (1.1^(1/5) - 1) / (1.5^(1/15) - 1) = 0.70238: moderate.
        assert_eq!(a.status, Status::ModerateProgress);
        assert!((a.progress_value.unwrap() - 0.70238).abs() < 5e-5);
        assert!((a.score.unwrap() - 0.7313).abs() < 5e-4);
    }

    #[test]
    fn fiscal_years_are_their_first_four_characters() {
        for f in [
            fixture!("fiscal-years.csv"),
            fixture!("fiscal-years-dash.csv"),
        ] {
            let (rows, r) = read(f, &ALL).unwrap();
            assert_eq!(
                years_values(&rows),
                [(2013, 79.0), (2014, 80.0), (2015, 82.0), (2019, 84.0)]
            );
            assert_eq!(r.warnings.as_slice(), [Warning::YearsCut]);
            // Base 2015 (2015/2016) = 82, current 2019 = 84, negative:
            // v = -((84/82)^(1/4) - 1) = -0.006043: deterioration.
            let a = open_sdg(&points(&rows), &OpenSdgConfig::default());
            assert_eq!(a.status, Status::Deterioration);
            assert!((a.score.unwrap() + 3.2553).abs() < 5e-4);
        }
        // FY2016: "FY20" is not an integer; sdg-build stops.
        let e = read(fixture!("fiscal-years-fy.csv"), &ALL).unwrap_err();
        assert_eq!((e.line, e.column, e.kind), (3, Some(0), ErrorKind::BadYear));
        // A missing year anywhere stops it too; 2015.0 (a float column) is
        // 2015.
        let e = read(b"Year,Sex,Value\n2015,,1\nNA,F,2\n", &ALL).unwrap_err();
        assert_eq!((e.line, e.kind), (3, ErrorKind::MissingYear));
        let (rows, _) = read(b"Year,Value\n2015.0,1\n2016,2\n", &ALL).unwrap();
        assert_eq!(years_values(&rows), [(2015, 1.0), (2016, 2.0)]);
    }

    #[test]
    fn several_units_or_series_among_the_headline_are_refused() {
        let e = read(fixture!("several-units.csv"), &ALL).unwrap_err();
        assert_eq!(
            (e.line, e.column, e.kind),
            (2, Some(1), ErrorKind::ManySubSeries { other_line: 3 })
        );
        let e = read(fixture!("several-series.csv"), &ALL).unwrap_err();
        assert_eq!(e.column, Some(1));
        // One unit chosen: 20 -> 20.5, positive: v = 0.0049507, limited.
        let sel = Selection {
            unit: Some("Percent"),
            ..ALL
        };
        let (rows, r) = read(fixture!("several-units.csv"), &sel).unwrap();
        assert!(r.warnings.is_empty());
        assert_eq!(years_values(&rows), [(2015, 20.0), (2020, 20.5)]);
        let cfg = OpenSdgConfig {
            direction: Direction::Increase,
            ..OpenSdgConfig::default()
        };
        let a = open_sdg(&points(&rows), &cfg);
        assert_eq!(a.status, Status::LimitedProgress);
        assert!((a.score.unwrap() + 0.0246).abs() < 5e-4);
        // A unit no row has: Open SDG warns and keeps every unit, so the
        // headline still holds two.
        let sel = Selection {
            unit: Some("percent"),
            ..ALL
        };
        let e = read(fixture!("several-units.csv"), &sel).unwrap_err();
        assert!(matches!(e.kind, ErrorKind::ManySubSeries { .. }));
    }

    #[test]
    fn disaggregations_only_has_no_headline_until_one_is_chosen() {
        let (_, r) = read(fixture!("disaggregations-only.csv"), &ALL).unwrap();
        assert_eq!(r.outcome, Outcome::NoHeadline { line: 2, column: 1 });
        // Sex = Male keeps one Age (15-24): 14 -> 13.5, negative:
        // v = 0.0072471, moderate, 250 v - 1.25 = 0.5618.
        let only_sex = [Filter {
            field: "Sex",
            value: "Male",
        }];
        let sel = Selection {
            disaggregation: &only_sex,
            ..ALL
        };
        let (rows, _) = read(fixture!("disaggregations-only.csv"), &sel).unwrap();
        let a = open_sdg(&points(&rows), &OpenSdgConfig::default());
        assert_eq!(a.status, Status::ModerateProgress);
        assert!((a.score.unwrap() - 0.5618).abs() < 5e-4);
        // A field that is no column: a warning, no filter, so both sexes
        // remain: many sub-series.
        let nope = [Filter {
            field: "Gender",
            value: "Male",
        }];
        let sel = Selection {
            disaggregation: &nope,
            ..ALL
        };
        let e = read(fixture!("disaggregations-only.csv"), &sel).unwrap_err();
        assert!(matches!(e.kind, ErrorKind::ManySubSeries { .. }));
    }

    #[test]
    fn not_utf8_is_refused_with_its_line_and_bom_crlf_read_as_plain() {
        let e = read(fixture!("not-utf8.csv"), &ALL).unwrap_err();
        assert_eq!((e.line, e.kind), (3, ErrorKind::NotUtf8));
        let (rows, _) = read(fixture!("bom-crlf.csv"), &ALL).unwrap();
        assert_eq!(years_values(&rows), [(2018, 50.0), (2024, 47.0)]);
        assert_eq!(rows[1].line, 4);
        let a = open_sdg(&points(&rows), &OpenSdgConfig::default());
        assert!((a.score.unwrap() - 1.315).abs() < 5e-4);
    }

    #[test]
    fn bad_values_duplicates_and_missing_columns_name_line_and_column() {
        let e = read(b"Year,Value\n2015,1\n2016,x\n", &ALL).unwrap_err();
        assert_eq!(
            (e.line, e.column, e.kind),
            (3, Some(1), ErrorKind::BadValue)
        );
        // A bad value outside the rows measured is not read (pandas keeps
        // it as text; sdg-build converts only the rows it measures).
        let (rows, _) = read(b"Year,Sex,Value\n2015,,1\n2016,F,x\n", &ALL).unwrap();
        assert_eq!(rows.len(), 1);
        let e = read(b"Year,Value\n2015,1\n2015,2\n", &ALL).unwrap_err();
        assert_eq!(
            (e.line, e.kind),
            (3, ErrorKind::DuplicateYear { other_line: 2 })
        );
        let e = read(b"Jaar,Value\n2015,1\n", &ALL).unwrap_err();
        assert_eq!(e.kind, ErrorKind::MissingColumn(YEAR));
        let e = read(b"Year,Value\n2015,1,3\n", &ALL).unwrap_err();
        assert_eq!((e.line, e.kind), (2, ErrorKind::TooManyFields));
        let mut one = [Row {
            year: 0,
            value: 0.0,
            line: 0,
        }; 1];
        let e = read_series(b"Year,Value\n2015,1\n2016,2\n", &ALL, &mut one).unwrap_err();
        assert_eq!(e.kind, ErrorKind::TooManyRows { capacity: 1 });
        // A Progress column replaces Value.
        let (rows, _) = read(b"Year,Value,Progress\n2015,1,10\n2016,2,NA\n", &ALL).unwrap();
        assert_eq!(years_values(&rows), [(2015, 10.0)]);
        // No rows: no data, an ordinary not available.
        let (rows, _) = read(b"Year,Sex,Value\n", &ALL).unwrap();
        assert_eq!(
            open_sdg(&points(&rows), &OpenSdgConfig::default()).reason,
            Some(Reason::NoData)
        );
    }

    #[test]
    fn the_header_is_told_as_written() {
        let mut names = Vec::new();
        header(fixture!("bom-crlf.csv"), |i, n| {
            names.push((i, n.to_string()))
        })
        .unwrap();
        assert_eq!(
            names,
            [(0, "Year".into()), (1, "Sex".into()), (2, "Value".into())]
        );
    }

    proptest! {
        #[test]
        fn the_reader_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
            let _ = read(&bytes, &ALL);
            let f = [Filter { field: "Sex", value: "F" }];
            let sel = Selection { series: Some("S"), unit: Some("U"), disaggregation: &f };
            let _ = read(&bytes, &sel);
        }

        #[test]
        fn the_reader_never_panics_on_csv_like_text(
            lines in proptest::collection::vec(
                proptest::collection::vec(
                    prop_oneof![
                        Just(String::new()), Just("NA".to_string()), Just("2015".to_string()),
                        Just("2014/2015".to_string()), Just("F".to_string()), Just("1.5".to_string()),
                        Just("\"a,b\"".to_string()), "[ -~]{0,6}",
                    ],
                    1..5,
                ),
                0..8,
            )
        ) {
            let mut text = String::from("Year,Sex,Units,Value\n");
            for l in &lines {
                text.push_str(&l.join(","));
                text.push('\n');
            }
            let _ = read(text.as_bytes(), &ALL);
            let sel = Selection { unit: Some("F"), ..ALL };
            let _ = read(text.as_bytes(), &sel);
        }
    }
}
