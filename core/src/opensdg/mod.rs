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
//! 2. Years, decided over the whole column as pandas types it: when any
//!    year, as pandas holds it, is longer than four characters (`2014/2015`,
//!    `2014-2015`, `2014-15`, or `2015.0` because some year is missing and
//!    the column is read as floats), every year becomes the integer of its
//!    first four characters (`str.slice(0, 4).astype(int)`): `2014/2015` is
//!    2014. A year whose first four characters are no integer (`FY2014`) or
//!    a missing year then makes sdg-build raise: koers refuses the file at
//!    that line. A column of text without a long year (`FY20`) or of
//!    missing years only is not cut; Open SDG fails later, comparing it with
//!    the base year, and only when some row is measured: so does koers.
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
//!    (The reader compares 64-bit FNV-1a fingerprints of the values, not
//!    copies: two different values would pass only on a hash collision.)
//! 7. Rows without a value are dropped; a value that is not a number is an
//!    error, and so are two values for one year.
//!
//! The reader makes a few passes over the bytes and keeps nothing but the
//! caller's buffer of [`Row`]s: no heap, and no panic whatever the input.

use core::fmt;

use crate::load::CSV_FIELDS;
use crate::progress::Point;

mod read;
mod years;

pub use read::{header, read_series};

/// pandas' default missing-value tokens (`pandas/_libs/parsers.pyx`,
/// `STR_NA_VALUES`, as listed by pandas 3.1): a field that is exactly one of these is
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

#[cfg(test)]
mod tests;
