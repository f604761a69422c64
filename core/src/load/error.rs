//! What went wrong and where: the tables and paths that locate an item,
//! the kinds of error, and the issues a validation collects. Part of
//! [`super`].

use super::*;

/// The top-level tables of a dataset file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum Table {
    Vision,
    Priorities,
    Objectives,
    FocusAreas,
    Targets,
    Indicators,
    Windows,
    Figures,
    Observations,
    WindowFlows,
    Sources,
    Series,
    Events,
}

impl Table {
    /// Every table, in file order.
    pub const ALL: [Table; 13] = [
        Table::Vision,
        Table::Priorities,
        Table::Objectives,
        Table::FocusAreas,
        Table::Targets,
        Table::Indicators,
        Table::Windows,
        Table::Figures,
        Table::Observations,
        Table::WindowFlows,
        Table::Sources,
        Table::Series,
        Table::Events,
    ];

    /// The tables of what happened (a figures file, [`parse_figures_into`]),
    /// as opposed to what the vision promises.
    pub const FIGURES: [Table; 5] = [
        Table::Sources,
        Table::Series,
        Table::Observations,
        Table::Events,
        Table::WindowFlows,
    ];

    /// The key of the table in the file.
    pub fn key(self) -> &'static str {
        match self {
            Table::Vision => "vision",
            Table::Priorities => "priorities",
            Table::Objectives => "objectives",
            Table::FocusAreas => "focus_areas",
            Table::Targets => "targets",
            Table::Indicators => "indicators",
            Table::Windows => "windows",
            Table::Figures => "figures",
            Table::Observations => "observations",
            Table::WindowFlows => "window_flows",
            Table::Sources => "sources",
            Table::Series => "series",
            Table::Events => "events",
        }
    }

    pub(super) fn from_key(key: &str) -> Option<Table> {
        Table::ALL.into_iter().find(|t| t.key() == key)
    }
}

/// Where in a file something is: a JSON path such as
/// `targets[3].baseline.year`, and the line when known.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Path {
    /// The top-level table, or `None` for the top level itself.
    pub table: Option<Table>,
    /// The item within the table.
    pub index: Option<usize>,
    /// The field within the item, dotted (`baseline.year`); empty for none.
    pub field: Field,
    /// The 1-based line where the item starts (or where the error is).
    pub line: Option<u32>,
}

impl Path {
    /// A path to an item of a table.
    pub fn item(table: Table, index: usize, field: &str) -> Path {
        Path {
            table: Some(table),
            index: Some(index),
            field: field_of(field),
            line: None,
        }
    }

    /// A path to a field of the top level or of a table as a whole.
    pub fn top(table: Option<Table>, field: &str) -> Path {
        Path {
            table,
            field: field_of(field),
            ..Path::default()
        }
    }
}

/// The name of a field, as written in the file (cut at 40 bytes).
pub type Field = heapless::String<40>;

pub(super) fn field_of(s: &str) -> Field {
    let mut f = Field::new();
    for c in s.chars() {
        if f.push(c).is_err() {
            break;
        }
    }
    f
}

impl From<&str> for Path {
    fn from(field: &str) -> Path {
        Path::top(None, field)
    }
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.table {
            None => f.write_str("$")?,
            Some(t) => f.write_str(t.key())?,
        }
        if let Some(i) = self.index {
            write!(f, "[{i}]")?;
        }
        if !self.field.is_empty() {
            write!(f, ".{}", self.field)?;
        }
        if let Some(line) = self.line {
            write!(f, " (line {line})")?;
        }
        Ok(())
    }
}

/// What is wrong.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "detail")]
#[non_exhaustive]
pub enum ErrorKind {
    /// The JSON is malformed or a value has the wrong type or name; the
    /// message is the parser's.
    Json(JsonMessage),
    /// More items than the table can hold.
    TooMany {
        /// The capacity of the table.
        capacity: usize,
    },
    /// `format` is not `koers` (or, for a figures file, `koers-figures`).
    NotKoers,
    /// `format_version` is one this build cannot read.
    UnsupportedVersion(u32),
    /// A required table or key is missing.
    Missing(&'static str),
    /// A key appears twice at the top level.
    DuplicateKey(&'static str),
    /// A key this format does not have (a typo?).
    UnknownKey,
    /// A required key is absent (the path names the first absent key).
    MissingKey,
    /// An id is not 1 to 48 of `A-Z a-z 0-9 . _ -`.
    BadId,
    /// An id is used twice.
    DuplicateId,
    /// A reference names no item of the right table.
    UnknownReference,
    /// An item is its own ancestor.
    Cycle,
    /// A number is NaN or infinite.
    NotFinite,
    /// An amount is negative.
    Negative,
    /// A year outside 1900..=2200.
    YearOutOfRange,
    /// A period or baseline that ends before it starts.
    YearsOutOfOrder,
    /// A text that must not be empty is.
    Empty,
    /// A text has an invalid JSON escape.
    BadEscape,
    /// Two observations of one subject in one year.
    DuplicateYear,
    /// A date that is not `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    BadDate,
    /// A URL that is not `https://` or `http://`.
    BadUrl,
    /// A published series' unit differs from its target's.
    UnitMismatch,
    /// A table that a file of this kind does not have (a vision table in a
    /// figures file).
    NotInThisFile,
    /// A CSV file has no column of this name.
    MissingColumn(&'static str),
    /// A CSV field is not a number or year.
    NotANumber,
    /// A CSV line has more fields than the header.
    TooManyFields,
    /// A CSV field or line is longer than the reader's buffer.
    TooLong,
    /// A number with two readings, the Dutch and the English way (`2.600`),
    /// or written only the other language's way (`2.5` in a Dutch form):
    /// see [`crate::numbers`].
    AmbiguousNumber {
        /// The Dutch reading, if valid.
        nl: Option<f64>,
        /// The English reading, if valid.
        en: Option<f64>,
    },
    /// A number written with a unit symbol its unit does not have (`%` on
    /// a number of persons, `€` on a percentage):
    /// [`crate::numbers::symbol_fits`].
    WrongSymbol(char),
    /// A value larger (in size) than any plausible one of its unit
    /// ([`crate::numbers::plausible`]).
    Implausible {
        /// The largest plausible size.
        bound: f64,
    },
    /// A CSV file whose columns are separated by this character, not `,`.
    Separator(char),
    /// A file that is not valid UTF-8 (at the error's line).
    NotUtf8,
    /// A file the system could not read (removed or unreadable after it
    /// was chosen).
    Unreadable,
    /// A file larger than any valid one.
    FileTooLarge {
        /// The largest valid size, in bytes.
        limit: usize,
    },
    /// A problem in an SDMX-CSV or StatLine file ([`crate::statfile`]).
    Statfile(crate::statfile::ErrorKind),
    /// A figure with a breakdown among a user's own figures: breakdowns
    /// are kept with published figures only.
    BreakdownNotPublished,
}

/// The parser's message, as `serde-json-core` gives it.
#[derive(Clone, Debug, PartialEq)]
pub struct JsonMessage(pub serde_json_core::de::Error);

impl serde::Serialize for JsonMessage {
    fn serialize<S: serde::Serializer>(&self, s: S) -> core::result::Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl fmt::Display for JsonMessage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use serde_json_core::de::Error as E;
        match &self.0 {
            E::CustomError => f.write_str("a value that is not allowed here"),
            E::InvalidType => f.write_str("a value of the wrong type"),
            E::InvalidNumber => f.write_str("an invalid number"),
            E::AnyIsUnsupported => f.write_str("an unexpected value"),
            E::ExpectedSomeValue => f.write_str("expected a value"),
            E::ExpectedColon => f.write_str("expected ':'"),
            E::ExpectedListCommaOrEnd => f.write_str("expected ',' or ']'"),
            E::ExpectedObjectCommaOrEnd => f.write_str("expected ',' or '}'"),
            E::ExpectedSomeIdent => f.write_str("expected true, false or null"),
            E::KeyMustBeAString => f.write_str("an object key that is not a string"),
            E::TrailingCharacters => f.write_str("unexpected characters"),
            E::TrailingComma => f.write_str("a comma before the closing bracket"),
            E::EofWhileParsingList
            | E::EofWhileParsingObject
            | E::EofWhileParsingString
            | E::EofWhileParsingNumber
            | E::EofWhileParsingValue => f.write_str("the file ends too early"),
            E::InvalidUnicodeCodePoint | E::InvalidEscapeSequence => {
                f.write_str("an invalid escape or character")
            }
            other => write!(f, "{other:?}"),
        }
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ErrorKind::Json(m) => write!(f, "{m}"),
            ErrorKind::TooMany { capacity } => {
                write!(f, "more items than the {capacity} this table can hold")
            }
            ErrorKind::NotKoers => f.write_str(
                "\"format\" must be \"koers\" (a vision) or \"koers-figures\" (published figures)",
            ),
            ErrorKind::UnsupportedVersion(v) => write!(
                f,
                "format_version {v} is not supported (this build reads {FORMAT_VERSION})"
            ),
            ErrorKind::Missing(what) => write!(f, "\"{what}\" is missing"),
            ErrorKind::DuplicateKey(k) => write!(f, "\"{k}\" appears twice"),
            ErrorKind::UnknownKey => f.write_str("this key is not part of the format"),
            ErrorKind::MissingKey => f.write_str("a required key is missing"),
            ErrorKind::BadId => f.write_str("an id must be 1 to 48 of A-Z a-z 0-9 . _ -"),
            ErrorKind::DuplicateId => f.write_str("this id is already used"),
            ErrorKind::UnknownReference => f.write_str("refers to an id that does not exist"),
            ErrorKind::Cycle => f.write_str("an item cannot be its own parent"),
            ErrorKind::NotFinite => f.write_str("the number is not finite"),
            ErrorKind::Negative => f.write_str("an amount cannot be negative"),
            ErrorKind::YearOutOfRange => f.write_str("the year is outside 1900..2200"),
            ErrorKind::YearsOutOfOrder => f.write_str("the end year is before the start year"),
            ErrorKind::Empty => f.write_str("must not be empty"),
            ErrorKind::BadEscape => f.write_str("an invalid escape sequence"),
            ErrorKind::DuplicateYear => {
                f.write_str("a second observation of the same subject and year")
            }
            ErrorKind::BadDate => f.write_str("a date must be YYYY, YYYY-MM or YYYY-MM-DD"),
            ErrorKind::BadUrl => f.write_str("a URL must start with https:// or http://"),
            ErrorKind::UnitMismatch => {
                f.write_str("the series' unit differs from the target's unit")
            }
            ErrorKind::NotInThisFile => f.write_str(
                "a figures file holds only sources, series, observations, events and window_flows",
            ),
            ErrorKind::MissingColumn(c) => write!(f, "no column \"{c}\""),
            ErrorKind::NotANumber => f.write_str("not a number"),
            ErrorKind::TooManyFields => f.write_str("more fields than the header"),
            ErrorKind::TooLong => f.write_str("a field or line is too long"),
            ErrorKind::AmbiguousNumber { nl, en } => {
                crate::numbers::ambiguous(f, *nl, *en, crate::model::Lang::En)
            }
            ErrorKind::WrongSymbol(c) => write!(
                f,
                "written with '{c}', which this figure's unit does not have: type the number alone"
            ),
            ErrorKind::Implausible { bound } => write!(
                f,
                "larger than {bound:e}, more than this unit can plausibly be"
            ),
            ErrorKind::Separator(c) => write!(
                f,
                "the columns are separated by '{c}', not by ',': save the file as CSV with commas"
            ),
            ErrorKind::NotUtf8 => f.write_str("not valid UTF-8 text: save the file as UTF-8"),
            ErrorKind::Unreadable => f.write_str("the file could not be read"),
            ErrorKind::FileTooLarge { limit } => write!(
                f,
                "the file is larger than any valid one ({} KiB at most)",
                limit / 1024
            ),
            ErrorKind::Statfile(k) => write!(f, "{k}"),
            ErrorKind::BreakdownNotPublished => f.write_str(
                "a breakdown is kept with published figures only: import it with koers import and publish it",
            ),
        }
    }
}

/// An error with where it is.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Error {
    /// Where.
    pub path: Path,
    /// What.
    pub kind: ErrorKind,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.kind)
    }
}

impl core::error::Error for Error {}

/// The result type of this module.
pub type Result<T> = core::result::Result<T, Error>;

/// Every problem one validation found (up to `N`, [`MAX_ISSUES`] unless the
/// caller chooses: see [`validate_into`]), and how many there were in all.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize)]
pub struct Issues<const N: usize = MAX_ISSUES> {
    /// The problems, in file order.
    pub errors: heapless::Vec<Error, N>,
    /// How many there were, including those not kept.
    pub total: usize,
}

impl<const N: usize> Issues<N> {
    /// Record one problem.
    pub fn push(&mut self, path: Path, kind: ErrorKind) {
        self.total += 1;
        // Beyond capacity only the count grows; `total` says so.
        let _ = self.errors.push(Error { path, kind });
    }

    /// True when nothing was found.
    pub fn is_empty(&self) -> bool {
        self.total == 0
    }
}

impl From<Error> for Issues {
    fn from(e: Error) -> Issues {
        let mut issues = Issues::default();
        issues.push(e.path, e.kind);
        issues
    }
}
