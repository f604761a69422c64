//! JSON and CSV in, errors out: every error names where (JSON path and line,
//! or CSV line and column), nothing panics, and a failed load leaves the
//! caller's data untouched (parse into a scratch [`Dataset`], then swap).
//!
//! JSON is read with `serde-json-core`, which reports *what* went wrong but not
//! *where*; the top level of the file is therefore walked here, table by table
//! and item by item, so that an error carries `targets[3]`, and the line of that
//! item is found afterwards by [`locate`].

use core::cell::Cell;
use core::fmt;

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

use crate::config::MAX_ISSUES;
use crate::model::*;

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

    fn from_key(key: &str) -> Option<Table> {
        Table::ALL.into_iter().find(|t| t.key() == key)
    }
}

const TOP_KEYS: &[&str] = &[
    "format",
    "format_version",
    "vision",
    "priorities",
    "objectives",
    "focus_areas",
    "targets",
    "indicators",
    "windows",
    "figures",
    "observations",
    "window_flows",
    "sources",
    "series",
    "events",
];

/// The `format` of a file of published figures.
pub const FIGURES_FORMAT: &str = "koers-figures";

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

fn field_of(s: &str) -> Field {
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

// ---------------------------------------------------------------------------
// JSON

/// What the reader was doing when it stopped: which table, item and key.
#[derive(Default)]
struct Progress<'de> {
    table: Cell<Option<Table>>,
    index: Cell<Option<usize>>,
    key: Cell<Option<&'de str>>,
    /// The error is ours, not the parser's.
    kind: Cell<Option<Known>>,
}

#[derive(Clone, Copy)]
enum Known {
    TooMany(usize),
    DuplicateKey(&'static str),
    Missing(&'static str),
    UnknownKey,
    /// A required key of an item is absent; the first absent one of its fields.
    MissingKey(&'static str),
    /// A vision table in a figures file.
    NotInThisFile,
}

impl<'de> Progress<'de> {
    fn fail<E: de::Error>(&self, known: Known) -> E {
        self.kind.set(Some(known));
        E::custom("")
    }
}

struct DatasetSeed<'p, 'o, 'de, const O: usize, const F: usize> {
    progress: &'p Progress<'de>,
    out: &'o mut Dataset<'de, O, F>,
    /// Reading a figures file: only [`Table::FIGURES`] allowed, the vision's
    /// tables left as they are.
    figures: bool,
}

impl<'de, const O: usize, const F: usize> DeserializeSeed<'de> for DatasetSeed<'_, '_, 'de, O, F> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> core::result::Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de, const O: usize, const F: usize> Visitor<'de> for DatasetSeed<'_, '_, 'de, O, F> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a koers dataset object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> core::result::Result<(), A::Error> {
        let p = self.progress;
        let out = self.out;
        let mut seen = [false; TOP_KEYS.len()];
        while let Some(key) = map.next_key::<&'de str>()? {
            p.table.set(None);
            p.index.set(None);
            p.key.set(Some(key));
            let Some(slot) = TOP_KEYS.iter().position(|k| *k == key) else {
                return Err(p.fail(Known::UnknownKey));
            };
            if seen[slot] {
                return Err(p.fail(Known::DuplicateKey(TOP_KEYS[slot])));
            }
            seen[slot] = true;
            let table = Table::from_key(key);
            if table.is_some() {
                p.key.set(None);
            }
            p.table.set(table);
            if let (true, Some(t)) = (self.figures, table) {
                if !Table::FIGURES.contains(&t) {
                    return Err(p.fail(Known::NotInThisFile));
                }
            }
            match table {
                None if key == "format" => out.format = map.next_value()?,
                None => out.format_version = map.next_value()?,
                Some(Table::Vision) => out.vision = map.next_value_seed(Item::new(p))?,
                Some(Table::Priorities) => map.next_value_seed(Rows(p, &mut out.priorities))?,
                Some(Table::Objectives) => map.next_value_seed(Rows(p, &mut out.objectives))?,
                Some(Table::FocusAreas) => map.next_value_seed(Rows(p, &mut out.focus_areas))?,
                Some(Table::Targets) => map.next_value_seed(Rows(p, &mut out.targets))?,
                Some(Table::Indicators) => map.next_value_seed(Rows(p, &mut out.indicators))?,
                Some(Table::Windows) => map.next_value_seed(Rows(p, &mut out.windows))?,
                Some(Table::Figures) => map.next_value_seed(Rows(p, &mut out.figures))?,
                Some(Table::Observations) => map.next_value_seed(Rows(p, &mut out.observations))?,
                Some(Table::WindowFlows) => map.next_value_seed(Rows(p, &mut out.window_flows))?,
                Some(Table::Sources) => map.next_value_seed(Rows(p, &mut out.sources))?,
                Some(Table::Series) => map.next_value_seed(Rows(p, &mut out.series))?,
                Some(Table::Events) => map.next_value_seed(Rows(p, &mut out.events))?,
            }
        }
        p.table.set(None);
        p.index.set(None);
        p.key.set(None);
        let required = if self.figures { 2 } else { 4 };
        for (slot, required) in TOP_KEYS.iter().enumerate().take(required) {
            if !seen[slot] {
                return Err(p.fail(Known::Missing(required)));
            }
        }
        Ok(())
    }
}

/// Reads one table into its fixed-capacity vector, keeping track of the item
/// being read so that an error can say which.
struct Rows<'p, 'v, 'de, T, const N: usize>(&'p Progress<'de>, &'v mut heapless::Vec<T, N>);

impl<'de, T: Deserialize<'de>, const N: usize> DeserializeSeed<'de> for Rows<'_, '_, 'de, T, N> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> core::result::Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de, T: Deserialize<'de>, const N: usize> Visitor<'de> for Rows<'_, '_, 'de, T, N> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an array")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> core::result::Result<(), A::Error> {
        let Rows(p, out) = self;
        out.clear();
        let mut i = 0;
        loop {
            p.index.set(Some(i));
            p.key.set(None);
            let Some(item) = seq.next_element_seed(Item::new(p))? else {
                break;
            };
            if out.push(item).is_err() {
                return Err(p.fail(Known::TooMany(N)));
            }
            i += 1;
        }
        p.index.set(None);
        Ok(())
    }
}

/// Reads one item (an object), noting each key before its value is read,
/// and telling an unknown or a missing key from other errors. `serde-json-core`
/// gives no position and no message, so this is how an error gets its field.
struct Item<'p, 'de, T>(&'p Progress<'de>, core::marker::PhantomData<T>);

impl<'p, 'de, T> Item<'p, 'de, T> {
    fn new(p: &'p Progress<'de>) -> Self {
        Item(p, core::marker::PhantomData)
    }
}

impl<'de, T: Deserialize<'de>> DeserializeSeed<'de> for Item<'_, 'de, T> {
    type Value = T;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> core::result::Result<T, D::Error> {
        T::deserialize(Tracked(self.0, d)).map_err(|e| e.into_inner(self.0))
    }
}

/// The error inside an item: the parser's, or a required key that is absent
/// (which serde reports through the error type, so it is caught here).
#[derive(Debug)]
enum Caught<E> {
    Inner(E),
    MissingKey(&'static str),
}

impl<E: de::Error> Caught<E> {
    fn into_inner(self, p: &Progress) -> E {
        match self {
            Caught::Inner(e) => e,
            Caught::MissingKey(k) => {
                p.key.set(None);
                p.fail(Known::MissingKey(k))
            }
        }
    }
}

impl<E: fmt::Display> fmt::Display for Caught<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Caught::Inner(e) => e.fmt(f),
            Caught::MissingKey(k) => write!(f, "missing {k}"),
        }
    }
}

impl<E: de::Error> de::StdError for Caught<E> {}

impl<E: de::Error> de::Error for Caught<E> {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Caught::Inner(E::custom(msg))
    }
    fn missing_field(field: &'static str) -> Self {
        Caught::MissingKey(field)
    }
}

/// A deserializer that passes everything through, except that a struct's map
/// is read through [`Keys`].
struct Tracked<'p, 'de, D>(&'p Progress<'de>, D);

macro_rules! pass {
    ($($method:ident),*) => {$(
        fn $method<V: Visitor<'de>>(self, v: V) -> core::result::Result<V::Value, Self::Error> {
            self.1.$method(v).map_err(Caught::Inner)
        }
    )*};
}

impl<'de, D: de::Deserializer<'de>> de::Deserializer<'de> for Tracked<'_, 'de, D> {
    type Error = Caught<D::Error>;

    pass!(
        deserialize_any,
        deserialize_bool,
        deserialize_i8,
        deserialize_i16,
        deserialize_i32,
        deserialize_i64,
        deserialize_u8,
        deserialize_u16,
        deserialize_u32,
        deserialize_u64,
        deserialize_f32,
        deserialize_f64,
        deserialize_char,
        deserialize_str,
        deserialize_string,
        deserialize_bytes,
        deserialize_byte_buf,
        deserialize_option,
        deserialize_unit,
        deserialize_seq,
        deserialize_map,
        deserialize_identifier,
        deserialize_ignored_any
    );

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        v: V,
    ) -> core::result::Result<V::Value, Self::Error> {
        self.1
            .deserialize_unit_struct(name, v)
            .map_err(Caught::Inner)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        v: V,
    ) -> core::result::Result<V::Value, Self::Error> {
        self.1
            .deserialize_newtype_struct(name, v)
            .map_err(Caught::Inner)
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        len: usize,
        v: V,
    ) -> core::result::Result<V::Value, Self::Error> {
        self.1.deserialize_tuple(len, v).map_err(Caught::Inner)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        len: usize,
        v: V,
    ) -> core::result::Result<V::Value, Self::Error> {
        self.1
            .deserialize_tuple_struct(name, len, v)
            .map_err(Caught::Inner)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        v: V,
    ) -> core::result::Result<V::Value, Self::Error> {
        self.1
            .deserialize_enum(name, variants, v)
            .map_err(Caught::Inner)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        v: V,
    ) -> core::result::Result<V::Value, Self::Error> {
        self.1
            .deserialize_struct(name, fields, StructVisitor(self.0, fields, v))
            .map_err(Caught::Inner)
    }
}

struct StructVisitor<'p, 'de, V>(&'p Progress<'de>, &'static [&'static str], V);

impl<'de, V: Visitor<'de>> Visitor<'de> for StructVisitor<'_, 'de, V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        self.2.expecting(f)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> core::result::Result<V::Value, A::Error> {
        let StructVisitor(p, fields, inner) = self;
        inner
            .visit_map(Keys { p, fields, map })
            .map_err(|e| e.into_inner(p))
    }
}

struct Keys<'p, 'de, A> {
    p: &'p Progress<'de>,
    fields: &'static [&'static str],
    map: A,
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for Keys<'_, 'de, A> {
    type Error = Caught<A::Error>;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> core::result::Result<Option<K::Value>, Self::Error> {
        let Some(key) = self.map.next_key::<&'de str>().map_err(Caught::Inner)? else {
            return Ok(None);
        };
        self.p.key.set(Some(key));
        if !self.fields.contains(&key) {
            return Err(Caught::Inner(self.p.fail(Known::UnknownKey)));
        }
        seed.deserialize(de::value::BorrowedStrDeserializer::new(key))
            .map(Some)
    }

    fn next_value_seed<S: DeserializeSeed<'de>>(
        &mut self,
        seed: S,
    ) -> core::result::Result<S::Value, Self::Error> {
        self.map.next_value_seed(seed).map_err(Caught::Inner)
    }
}

/// Parse a dataset: structure and types only (see [`validate`] for the
/// rest). `out` is cleared first and, on error, holds what was read before the
/// error: parse into a scratch dataset when the old data must survive.
pub fn parse_into<'a, const O: usize, const F: usize>(
    json: &'a str,
    out: &mut Dataset<'a, O, F>,
) -> Result<()> {
    *out = Dataset::default();
    parse(json, out, false)?;
    check_format(out.format, out.format_version, "koers")
}

/// Parse a file of published figures (`"format": "koers-figures"`: the
/// tables [`Table::FIGURES`] only) into `out`, which holds a vision: those
/// tables are replaced, the vision's are kept. See [`load_figures_into`] for
/// parsing and validating together. On error `out`'s figure tables hold what
/// was read before the error.
pub fn parse_figures_into<'a, const O: usize, const F: usize>(
    json: &'a str,
    out: &mut Dataset<'a, O, F>,
) -> Result<()> {
    out.sources.clear();
    out.series.clear();
    out.observations.clear();
    out.events.clear();
    out.window_flows.clear();
    let (format, version) = (out.format, out.format_version);
    let parsed = parse(json, out, true);
    let found = (out.format, out.format_version);
    (out.format, out.format_version) = (format, version);
    parsed?;
    check_format(found.0, found.1, FIGURES_FORMAT)
}

/// Parse and validate a figures file against the vision in `out` (see
/// [`parse_figures_into`]): every problem found, with lines in `json` for
/// the figures' tables. On error `out` holds the figures as far as read:
/// load into a copy when the old figures must survive.
pub fn load_figures_into<'a, const O: usize, const F: usize>(
    json: &'a str,
    out: &mut Dataset<'a, O, F>,
) -> core::result::Result<(), Issues> {
    parse_figures_into(json, out)?;
    validated(json, out, &Table::FIGURES)
}

/// Validate `ds`, giving each problem in one of `tables` its line in `json`.
fn validated<const O: usize, const F: usize>(
    json: &str,
    ds: &Dataset<'_, O, F>,
    tables: &[Table],
) -> core::result::Result<(), Issues> {
    let mut issues = validate(ds);
    for e in issues.errors.iter_mut() {
        if e.path.table.is_none_or(|t| tables.contains(&t)) {
            let first = e.path.field.split('.').next().unwrap_or("");
            let key = if first.is_empty() { None } else { Some(first) };
            e.path.line = line_of(json, &e.path, key);
        }
    }
    if issues.is_empty() {
        Ok(())
    } else {
        Err(issues)
    }
}

fn parse<'a, const O: usize, const F: usize>(
    json: &'a str,
    out: &mut Dataset<'a, O, F>,
    figures: bool,
) -> Result<()> {
    let progress = Progress::default();
    let mut de = serde_json_core::de::Deserializer::new(json.as_bytes(), None);
    let parsed = DatasetSeed {
        progress: &progress,
        out,
        figures,
    }
    .deserialize(&mut de)
    .and_then(|()| de.end().map(|_| ()));
    let Err(e) = parsed else {
        return Ok(());
    };
    let key = progress.key.get();
    let mut path = Path {
        table: progress.table.get(),
        index: progress.index.get(),
        field: field_of(key.unwrap_or("")),
        line: None,
    };
    let kind = match progress.kind.get() {
        Some(Known::TooMany(capacity)) => ErrorKind::TooMany { capacity },
        Some(Known::DuplicateKey(k)) => ErrorKind::DuplicateKey(k),
        Some(Known::Missing(k)) => ErrorKind::Missing(k),
        Some(Known::UnknownKey) => ErrorKind::UnknownKey,
        Some(Known::NotInThisFile) => ErrorKind::NotInThisFile,
        Some(Known::MissingKey(k)) => {
            path.field = field_of(k);
            ErrorKind::MissingKey
        }
        None => ErrorKind::Json(JsonMessage(e)),
    };
    path.line = line_of(json, &path, key);
    Err(Error { path, kind })
}

/// The line of a path's item, and of its key within the item when known.
fn line_of(json: &str, path: &Path, key: Option<&str>) -> Option<u32> {
    match path.table {
        Some(t) => locate(json, t, path.index, key),
        None => key.and_then(|k| locate_key(json, 0, 1, 1, k)),
    }
}

fn check_format(format: &str, version: u32, want: &str) -> Result<()> {
    if format != want {
        return Err(Error {
            path: Path::from("format"),
            kind: ErrorKind::NotKoers,
        });
    }
    if version != FORMAT_VERSION {
        return Err(Error {
            path: Path::from("format_version"),
            kind: ErrorKind::UnsupportedVersion(version),
        });
    }
    Ok(())
}

/// Parse and validate a dataset into `out`: every problem found, or none.
/// On error `out` holds a partial or invalid dataset: load into a scratch
/// dataset and keep the old one when the data must survive a failed import.
pub fn load_into<'a, const O: usize, const F: usize>(
    json: &'a str,
    out: &mut Dataset<'a, O, F>,
) -> core::result::Result<(), Issues> {
    parse_into(json, out)?;
    validated(json, out, &Table::ALL)
}

/// The 1-based line where item `index` of `table` starts in `json` (or where
/// the table's key is, with no index), or where `key` is within that item.
/// A plain scan that knows strings and brackets; `None` when the text is too
/// broken to tell.
pub fn locate(json: &str, table: Table, index: Option<usize>, key: Option<&str>) -> Option<u32> {
    let bytes = json.as_bytes();
    let (at, line) = find_key(bytes, 0, 1, 1, table.key())?;
    let Some(index) = index else {
        return Some(line);
    };
    // The opening bracket of the table, then item `index`.
    let mut i = at;
    let mut line = line;
    while i < bytes.len() && bytes[i] != b'[' {
        if bytes[i] == b'\n' {
            line += 1;
        }
        i += 1;
    }
    i += 1;
    let mut depth = 0usize;
    let mut item = 0usize;
    let mut at_item_start = true;
    while i < bytes.len() {
        let b = bytes[i];
        if at_item_start && !b.is_ascii_whitespace() {
            if item == index {
                return Some(match key {
                    Some(k) if b == b'{' => locate_key(json, i, 1, line, k).unwrap_or(line),
                    _ => line,
                });
            }
            at_item_start = false;
        }
        match b {
            b'\n' => line += 1,
            b'{' | b'[' => depth += 1,
            b'}' | b']' => {
                if depth == 0 {
                    return None;
                }
                depth -= 1;
            }
            b',' if depth == 0 => {
                item += 1;
                at_item_start = true;
            }
            b'"' => i = skip_string(bytes, i, &mut line)?,
            _ => {}
        }
        i += 1;
    }
    None
}

/// The line of `key` at depth `depth` of the object starting at `from`.
fn locate_key(json: &str, from: usize, depth: usize, line: u32, key: &str) -> Option<u32> {
    find_key(json.as_bytes(), from, depth, line, key).map(|(_, l)| l)
}

/// From byte `from` (at `line`), find `"key"` as a key at `depth` levels below
/// `from`'s level: the index just after it and its line.
fn find_key(bytes: &[u8], from: usize, depth: usize, line: u32, key: &str) -> Option<(usize, u32)> {
    let key = key.as_bytes();
    let mut level = 0usize;
    let mut i = from;
    let mut line = line;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => line += 1,
            b'{' | b'[' => level += 1,
            b'}' | b']' => {
                if level == 0 {
                    return None;
                }
                level -= 1;
                if level < depth && from > 0 {
                    return None;
                }
            }
            b'"' => {
                let start = i + 1;
                let start_line = line;
                i = skip_string(bytes, i, &mut line)?;
                if level == depth && bytes.get(start..i) == Some(key) {
                    let rest = bytes.get(i + 1..).unwrap_or(&[]);
                    if rest.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b':') {
                        return Some((i + 1, start_line));
                    }
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// From the opening quote at `i`, the index of the closing quote.
fn skip_string(bytes: &[u8], mut i: usize, line: &mut u32) -> Option<usize> {
    i += 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 1,
            b'"' => return Some(i),
            b'\n' => *line += 1,
            _ => {}
        }
        i += 1;
    }
    None
}

// ---------------------------------------------------------------------------
// Validation

fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 48
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'))
}

fn year_ok(y: i32) -> bool {
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
        if ds.observations[..i]
            .iter()
            .any(|p| p.subject == o.subject && p.year == o.year && p.breakdown == o.breakdown)
        {
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

// ---------------------------------------------------------------------------
// CSV

/// One record of a CSV file, as fields of the current line.
pub struct CsvRecord<'r> {
    /// 1-based line number in the file.
    pub line: u32,
    fields: &'r [u8],
    ends: &'r [usize],
}

impl<'r> CsvRecord<'r> {
    /// Field `i`, or `None` past the end of the line or when not UTF-8.
    pub fn get(&self, i: usize) -> Option<&'r str> {
        let end = *self.ends.get(i)?;
        let start = if i == 0 { 0 } else { *self.ends.get(i - 1)? };
        core::str::from_utf8(self.fields.get(start..end)?).ok()
    }

    /// How many fields the line has.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// True when the line has no fields.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }
}

/// Longest CSV line, in bytes, after unquoting.
pub const CSV_LINE_BYTES: usize = 1024;
/// Most fields on a CSV line.
pub const CSV_FIELDS: usize = 32;

/// Read CSV (RFC 4180, with `csv-core`), calling `each` for every record,
/// the header first. Blank lines are skipped. Stops at the first error,
/// `each`'s or the reader's (`too_long` makes the error for a line longer than
/// [`CSV_LINE_BYTES`] or with more than [`CSV_FIELDS`] fields).
pub fn read_csv<E>(
    input: &[u8],
    each: impl FnMut(&CsvRecord) -> core::result::Result<(), E>,
    too_long: impl Fn(u32) -> E,
) -> core::result::Result<(), E> {
    read_csv_with(input, b',', each, too_long)
}

/// [`read_csv`] with another field separator (`;` in CBS StatLine exports).
pub fn read_csv_with<E>(
    input: &[u8],
    delimiter: u8,
    mut each: impl FnMut(&CsvRecord) -> core::result::Result<(), E>,
    too_long: impl Fn(u32) -> E,
) -> core::result::Result<(), E> {
    let mut reader = csv_core::ReaderBuilder::new().delimiter(delimiter).build();
    let mut out = [0u8; CSV_LINE_BYTES];
    let mut ends = [0usize; CSV_FIELDS];
    let (mut outlen, mut endlen) = (0usize, 0usize);
    let mut input = input;
    let mut line = 1u32;
    let mut record_line = 1u32;
    loop {
        if outlen == 0 && endlen == 0 {
            // csv-core skips blank lines before a record: count them first.
            let blank = input
                .iter()
                .take_while(|b| matches!(b, b'\n' | b'\r' | b' ' | b'\t'))
                .count();
            record_line = line + line_breaks(input, blank);
        }
        let (result, nin, nout, nend) = reader.read_record(
            input,
            out.get_mut(outlen..).unwrap_or(&mut []),
            ends.get_mut(endlen..).unwrap_or(&mut []),
        );
        line += line_breaks(input, nin);
        input = input.get(nin..).unwrap_or(&[]);
        outlen += nout;
        endlen += nend;
        match result {
            // Input used up: go round once more with empty input, which
            // tells the reader the file has ended.
            csv_core::ReadRecordResult::InputEmpty => {}
            csv_core::ReadRecordResult::OutputFull | csv_core::ReadRecordResult::OutputEndsFull => {
                return Err(too_long(record_line));
            }
            csv_core::ReadRecordResult::Record => {
                let rec = CsvRecord {
                    line: record_line,
                    fields: out.get(..outlen).unwrap_or(&[]),
                    ends: ends.get(..endlen).unwrap_or(&[]),
                };
                if !(rec.len() == 1 && rec.get(0).is_some_and(|f| f.trim().is_empty())) {
                    each(&rec)?;
                }
                outlen = 0;
                endlen = 0;
            }
            csv_core::ReadRecordResult::End => return Ok(()),
        }
    }
}

/// Line breaks in the first `n` bytes of `input`: LF, CRLF and, as csv-core
/// also ends a record there, a lone CR (classic Mac files).
fn line_breaks(input: &[u8], n: usize) -> u32 {
    let head = input.get(..n).unwrap_or(input);
    let mut count = 0u32;
    for (i, b) in head.iter().enumerate() {
        match b {
            b'\n' => count += 1,
            b'\r' if input.get(i + 1) != Some(&b'\n') => count += 1,
            _ => {}
        }
    }
    count
}

/// An error in a CSV file: line, column and what.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct CsvError {
    /// 1-based line.
    pub line: u32,
    /// The column's header name, when known.
    pub column: Option<&'static str>,
    /// What.
    pub kind: ErrorKind,
}

impl fmt::Display for CsvError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}", self.line)?;
        if let Some(c) = self.column {
            write!(f, ", column {c}")?;
        }
        write!(f, ": {}", self.kind)
    }
}

/// Parse a number as written in data files: `1234.5`, `-3`, `1e9`; also
/// `1 234,5`-free forms only: a comma is refused rather than guessed.
pub fn parse_number(s: &str) -> Option<f64> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    s.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// Parse a year.
pub fn parse_year(s: &str) -> Option<i32> {
    s.trim().parse::<i32>().ok().filter(|y| year_ok(*y))
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = r#"{
  "format": "koers",
  "format_version": 1,
  "vision": {"id": "v", "title": {"nl": "Visie", "en": "Vision"}, "published": "2026-01", "horizon_year": 2035},
  "priorities": [
    {"id": "P1", "number": 1, "title": {"nl": "Een", "en": "One"}, "summary": {"nl": "s", "en": "s"},
     "source": {"chapter": "1", "section": "a", "quote": "q"}}
  ],
  "targets": [
    {"id": "T1", "priority": "P1", "title": {"nl": "Doel \"een\"", "en": "Target"}, "kind": "level",
     "unit": "percent", "direction": "increase", "target": {"year": 2030, "value": 3},
     "source": {"chapter": "1", "section": "a", "quote": "q"}},
    {"id": "T2", "priority": "P1", "title": {"nl": "Doel", "en": "Target"}, "kind": "rate",
     "unit": "eur_per_year", "direction": "increase", "baseline": {"year": 2024, "value": 1},
     "target": {"year": 2030, "value": 2},
     "source": {"chapter": "1", "section": "a", "quote": "q"}}
  ],
  "observations": [
    {"subject": "T1", "year": 2024, "value": 1.5, "source": "CBS"}
  ]
}"#;

    fn load(json: &str) -> core::result::Result<Dataset<'_>, Issues> {
        let mut ds = Dataset::default();
        load_into(json, &mut ds).map(|()| ds)
    }

    #[test]
    fn capacities_are_the_callers() {
        // Room for two observations and no window flows: two load; a third
        // is refused with that capacity and the item that did not fit.
        let two = MINIMAL.replace(
            r#"{"subject": "T1", "year": 2024, "value": 1.5, "source": "CBS"}"#,
            r#"{"subject": "T1", "year": 2024, "value": 1.5, "source": "CBS"},
    {"subject": "T1", "year": 2025, "value": 1.75, "source": "CBS"}"#,
        );
        let mut small: Dataset<'_, 2, 0> = Dataset::default();
        load_into(&two, &mut small).expect("two observations fit");
        assert_eq!(small.observations.len(), 2);
        // The same answers as the default dataset's.
        let big = load(&two).expect("loads");
        assert_eq!(
            crate::assess::assess_all(&small),
            crate::assess::assess_all(&big)
        );
        let three = two.replace(
            r#""value": 1.75, "source": "CBS"}"#,
            r#""value": 1.75, "source": "CBS"},
    {"subject": "T2", "year": 2025, "value": 1.5, "source": "CBS"}"#,
        );
        let mut small: Dataset<'_, 2, 0> = Dataset::default();
        let e = load_into(&three, &mut small).unwrap_err();
        assert_eq!(e.errors[0].kind, ErrorKind::TooMany { capacity: 2 });
        assert_eq!(e.errors[0].path.table, Some(Table::Observations));
        assert_eq!(e.errors[0].path.index, Some(2));
        assert!(load(&three).is_ok(), "the default dataset holds three");
        // It pays for what it holds: 1,022 observations and every window
        // flow less than the default.
        use crate::model::{Observation, WindowFlow};
        let saved = core::mem::size_of::<Dataset>() - core::mem::size_of::<Dataset<'_, 2, 0>>();
        assert_eq!(
            saved,
            (crate::config::MAX_OBSERVATIONS - 2) * core::mem::size_of::<Observation>()
                + crate::config::MAX_WINDOW_FLOWS * core::mem::size_of::<WindowFlow>()
        );
    }

    #[test]
    fn a_report_of_the_callers_size_counts_every_problem() {
        let bad = MINIMAL
            .replace(r#""id": "T1""#, r#""id": "t 1""#)
            .replace(r#""id": "T2""#, r#""id": "t 2""#);
        let mut ds: Dataset = Dataset::default();
        parse_into(&bad, &mut ds).expect("parses");
        let all = validate(&ds);
        assert!(all.total >= 2, "{all:?}");
        let mut one = Issues::<1>::default();
        validate_into(&ds, &mut one);
        assert_eq!(one.errors.len(), 1);
        assert_eq!(one.total, all.total);
        assert_eq!(one.errors[0], all.errors[0]);
    }

    #[test]
    fn minimal_dataset_loads_and_unescapes() {
        let ds = load(MINIMAL).expect("loads");
        assert_eq!(ds.priorities.len(), 1);
        assert_eq!(ds.targets.len(), 2);
        assert_eq!(ds.targets[1].baseline.map(|b| b.year), Some(2024));
        let title = ds.targets[0].title.nl;
        assert_eq!(title.raw(), r#"Doel \"een\""#);
        let mut buf = heapless::String::<32>::new();
        fmt::write(&mut buf, format_args!("{title}")).unwrap();
        assert_eq!(buf.as_str(), "Doel \"een\"");
        assert_eq!(ds.observations_of("T1").count(), 1);
    }

    #[test]
    fn wrong_type_names_table_item_and_line() {
        let bad = MINIMAL.replace(
            r#""baseline": {"year": 2024"#,
            r#""baseline": {"year": "2024""#,
        );
        let e = load(&bad).unwrap_err();
        let e = &e.errors[0];
        assert_eq!(e.path.table, Some(Table::Targets));
        assert_eq!(e.path.index, Some(1));
        assert_eq!(e.path.line, Some(14));
        assert_eq!(e.path.field.as_str(), "baseline");
        assert!(matches!(e.kind, ErrorKind::Json(_)));
    }

    #[test]
    fn missing_field_is_named() {
        let bad = MINIMAL.replace(r#""kind": "rate","#, "");
        let e = load(&bad).unwrap_err();
        let mut s = heapless::String::<160>::new();
        fmt::write(&mut s, format_args!("{}", e.errors[0])).unwrap();
        assert!(s.contains("targets[1]"), "{s}");
        assert!(s.contains("kind"), "{s}");
    }

    #[test]
    fn unknown_top_level_key_and_duplicates() {
        let bad = MINIMAL.replacen(
            "\"format\": \"koers\",",
            "\"formaat\": 1, \"format\": \"koers\",",
            1,
        );
        let e = load(&bad).unwrap_err();
        assert_eq!(e.errors[0].path.table, None);
        let dup = MINIMAL.replacen(
            "\"format_version\": 1,",
            "\"format_version\": 1, \"format_version\": 1,",
            1,
        );
        assert_eq!(
            load(&dup).unwrap_err().errors[0].kind,
            ErrorKind::DuplicateKey("format_version")
        );
    }

    #[test]
    fn semantic_errors_are_all_reported_with_paths() {
        let bad = MINIMAL
            .replace(r#""id": "T2""#, r#""id": "T1""#)
            .replace(
                r#""subject": "T1", "year": 2024"#,
                r#""subject": "T9", "year": 1800"#,
            )
            .replace(
                r#""target": {"year": 2030, "value": 2}"#,
                r#""target": {"year": 2020, "value": 2}"#,
            );
        let issues = load(&bad).unwrap_err();
        let kinds: heapless::Vec<(Option<Table>, Option<usize>, &str, ErrorKind), 8> = issues
            .errors
            .iter()
            .map(|e| {
                (
                    e.path.table,
                    e.path.index,
                    e.path.field.as_str(),
                    e.kind.clone(),
                )
            })
            .collect();
        assert!(kinds.contains(&(Some(Table::Targets), Some(1), "id", ErrorKind::DuplicateId)));
        assert!(kinds.contains(&(
            Some(Table::Targets),
            Some(1),
            "target.year",
            ErrorKind::YearsOutOfOrder
        )));
        assert!(kinds.contains(&(
            Some(Table::Observations),
            Some(0),
            "subject",
            ErrorKind::UnknownReference
        )));
        assert!(kinds.contains(&(
            Some(Table::Observations),
            Some(0),
            "year",
            ErrorKind::YearOutOfRange
        )));
        assert!(issues.errors[0].path.line.is_some());
    }

    #[test]
    fn wrong_format_and_version() {
        let bad = MINIMAL.replace("\"koers\"", "\"other\"");
        assert_eq!(load(&bad).unwrap_err().errors[0].kind, ErrorKind::NotKoers);
        let bad = MINIMAL.replace("\"format_version\": 1", "\"format_version\": 2");
        assert_eq!(
            load(&bad).unwrap_err().errors[0].kind,
            ErrorKind::UnsupportedVersion(2)
        );
    }

    #[test]
    fn too_many_items_is_an_error_not_a_truncation() {
        use core::fmt::Write;
        let mut json = heapless::String::<8192>::new();
        json.push_str(&MINIMAL[..MINIMAL.find("\"priorities\"").unwrap()])
            .unwrap();
        json.push_str("\"priorities\": [").unwrap();
        for i in 0..=crate::config::MAX_PRIORITIES {
            if i > 0 {
                json.push(',').unwrap();
            }
            write!(json, r#"{{"id": "P{i}", "number": 1, "title": {{"nl": "a", "en": "a"}}, "summary": {{"nl": "s", "en": "s"}}, "source": {{"chapter": "1", "section": "a", "quote": "q"}}}}"#).unwrap();
        }
        json.push_str("]}").unwrap();
        let e = load(&json).unwrap_err();
        assert_eq!(
            e.errors[0].kind,
            ErrorKind::TooMany {
                capacity: crate::config::MAX_PRIORITIES
            }
        );
        assert_eq!(e.errors[0].path.index, Some(crate::config::MAX_PRIORITIES));
    }

    #[test]
    fn truncated_and_garbage_input_never_panics() {
        for end in 0..MINIMAL.len() {
            if MINIMAL.is_char_boundary(end) {
                let _ = load(&MINIMAL[..end]);
            }
        }
        for s in [
            "",
            "null",
            "[]",
            "{",
            "{}",
            "\"",
            "{\"targets\": [",
            "{\"targets\": 5}",
        ] {
            assert!(load(s).is_err(), "{s}");
        }
    }

    #[test]
    fn bad_escape_is_reported() {
        let bad = MINIMAL.replace(r#"Doel \"een\""#, r#"Doel \q"#);
        let issues = load(&bad).unwrap_err();
        assert_eq!(issues.errors[0].kind, ErrorKind::BadEscape);
        assert_eq!(issues.errors[0].path.field.as_str(), "title.nl");
    }

    #[test]
    fn csv_records_have_lines_and_fields() {
        let csv = b"Year,Value,Sex\n2015,1.5,\n\n2016,\"2,5\",F\n2017,3";
        let mut seen: heapless::Vec<(u32, heapless::String<16>), 8> = heapless::Vec::new();
        read_csv::<()>(
            csv,
            |r| {
                let mut s = heapless::String::new();
                s.push_str(r.get(1).unwrap_or("-")).unwrap();
                seen.push((r.line, s)).unwrap();
                Ok(())
            },
            |_| (),
        )
        .unwrap();
        let lines: heapless::Vec<u32, 8> = seen.iter().map(|(l, _)| *l).collect();
        assert_eq!(lines.as_slice(), &[1, 2, 4, 5]);
        assert_eq!(seen[2].1.as_str(), "2,5");
        assert_eq!(seen[3].1.as_str(), "3");
    }

    #[test]
    fn csv_lines_count_lf_crlf_and_lone_cr() {
        for (csv, want) in [
            (&b"a\n1\n2"[..], [1, 2, 3]),
            (&b"a\r\n1\r\n2\r\n"[..], [1, 2, 3]),
            (&b"a\r1\r2\r"[..], [1, 2, 3]),
            (&b"a\r\n\r\n1\r2"[..], [1, 3, 4]),
        ] {
            let mut lines: heapless::Vec<u32, 8> = heapless::Vec::new();
            read_csv::<()>(csv, |r| lines.push(r.line).map_err(|_| ()), |_| ()).unwrap();
            assert_eq!(lines.as_slice(), &want, "{:?}", core::str::from_utf8(csv));
        }
    }

    #[test]
    fn numbers_and_years() {
        assert_eq!(parse_number(" 1e3 "), Some(1000.0));
        assert_eq!(parse_number("NaN"), None);
        assert_eq!(parse_number("inf"), None);
        assert_eq!(parse_number("2,5"), None);
        assert_eq!(parse_year("2024"), Some(2024));
        assert_eq!(parse_year("99999"), None);
    }
}
