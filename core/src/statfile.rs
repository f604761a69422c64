//! Statistics as statisticians download them: **SDMX-CSV** (Eurostat, the
//! OECD, the ECB; plain and labelled) and **CBS StatLine CSV exports**.
//!
//! A file holds one or more *series*; each row gives one series' value in
//! one period. [`Layout::read`] recognises the format from the header,
//! [`list`] names the series the file holds (with their years, missing
//! values and skipped sub-annual periods), and [`rows`] yields every
//! observation with its series key, so a caller can take the series the
//! user mapped to a target or indicator. Nothing is guessed: a value that is
//! not a number, a period that is neither a year nor a recognised quarter,
//! month or half-year, a row of the wrong width or a second value for the
//! same series and year is an [`Error`] with its line and column, and
//! every error of the file is reported (up to [`MAX_ERRORS`]).
//!
//! - **SDMX-CSV** (1.0: `DATAFLOW` first; 2.0: `STRUCTURE`, `STRUCTURE_ID`,
//!   `ACTION`; the ECB's `KEY`; Eurostat's `LAST UPDATE`): the columns before
//!   `TIME_PERIOD` are the dimensions, and a series key is their codes
//!   joined by `.` (`A.CP_MEUR.B1GQ.NL`), as SDMX writes series keys.
//!   `OBS_VALUE` is a number with a decimal point; empty or `NaN` is a
//!   missing value. `OBS_FLAG` (Eurostat) and `OBS_STATUS` (SDMX) give the
//!   flags: `p` provisional, `e` estimated, others kept as codes. A
//!   `UNIT_MULT` of *n* multiplies the value by 10^n (exactly, in decimal).
//!   In the labelled variant headers and values read `CODE: Label`; the
//!   key is built from the codes and the labels name the series.
//! - **StatLine** (`;` between fields, decimal comma, quoted cells, a byte
//!   order mark, title lines before the header and a `© CBS` footer
//!   allowed): the header has a `Perioden` (or `Periods`) column; the
//!   columns before it (but `ID`) are the dimensions, the columns after it
//!   the topics, each a series per combination of dimension values (key:
//!   the dimension values and the topic, joined by ` | `). Periods are
//!   codes (`2023JJ00` a year, `2023KW01` a quarter, `2023MM01` a month,
//!   `2023HJ01` a half-year) or labels (`2023`, `2023*` provisional,
//!   `2023**` further provisional, `2023 1e kwartaal`). `.`, `x`, `?` and
//!   empty are missing values; `-` is CBS's *nihil*, zero.
//!
//! Sub-annual periods are skipped and counted (koers keeps yearly figures),
//! never averaged or summed into a year.

use core::fmt::{self, Write as _};

use heapless::{String, Vec};

use crate::load::{self, CsvRecord};
use crate::model::Lang;
use crate::numbers;

mod listing;
mod sdmx;
mod statline;

pub use listing::{list, Listing, SeriesInfo};
pub use sdmx::split_label;
use sdmx::{sdmx_layout, sdmx_period, sdmx_value};
use statline::{statline_layout, statline_period, statline_value};

/// Most series one file may hold.
pub const MAX_FILE_SERIES: usize = 64;
/// Errors reported for one file before the reader stops counting.
pub const MAX_ERRORS: usize = 16;
/// Longest series key, in bytes.
pub const KEY_BYTES: usize = 160;
/// Longest label kept for a series, in bytes (longer ones end in `…`).
pub const LABEL_BYTES: usize = 192;
/// Longest column name kept, in bytes.
pub const NAME_BYTES: usize = 64;

/// A series key: see the module's rules.
pub type Key = String<KEY_BYTES>;

/// The two families of files read here.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// SDMX-CSV with codes only.
    Sdmx,
    /// SDMX-CSV with `CODE: Label` headers and values.
    SdmxLabelled,
    /// A CBS StatLine CSV export.
    StatLine,
}

impl Format {
    /// A short name for messages.
    pub fn name(self) -> &'static str {
        match self {
            Format::Sdmx => "SDMX-CSV",
            Format::SdmxLabelled => "SDMX-CSV (labelled)",
            Format::StatLine => "CBS StatLine CSV",
        }
    }
}

/// What is wrong with a file or a row.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// Not UTF-8 text.
    NotUtf8,
    /// Neither SDMX-CSV (`TIME_PERIOD` and `OBS_VALUE`) nor a StatLine
    /// export (a `Perioden` column and topics after it).
    NotRecognised,
    /// A line longer than the reader's buffer or with too many fields.
    TooLong,
    /// A row with another number of fields than the header.
    FieldCount,
    /// A period that is neither a year nor a recognised sub-annual period.
    BadPeriod,
    /// A year outside 1900..=2200.
    YearOutOfRange,
    /// A value that is not a number (nor a missing-value symbol).
    NotANumber,
    /// A `UNIT_MULT` that is not a whole number from -12 to 12.
    BadUnitMult,
    /// A second value for the same series and year.
    DuplicateYear,
    /// More than [`MAX_FILE_SERIES`] series.
    TooManySeries,
    /// A series key longer than [`KEY_BYTES`].
    KeyTooLong,
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ErrorKind::NotUtf8 => "not UTF-8 text",
            ErrorKind::NotRecognised => {
                "neither SDMX-CSV (columns TIME_PERIOD and OBS_VALUE) nor a CBS StatLine export (a column Perioden with topics after it)"
            }
            ErrorKind::TooLong => "line too long or too many fields",
            ErrorKind::FieldCount => "another number of fields than the header",
            ErrorKind::BadPeriod => "not a year, quarter, month or half-year",
            ErrorKind::YearOutOfRange => "year outside 1900..2200",
            ErrorKind::NotANumber => "not a number",
            ErrorKind::BadUnitMult => "not a whole power of ten from -12 to 12",
            ErrorKind::DuplicateYear => "a second value for this series and year",
            ErrorKind::TooManySeries => "more than 64 series in one file",
            ErrorKind::KeyTooLong => "series key too long",
        })
    }
}

/// One problem, with its line (1-based) and the column's header.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Error {
    /// 1-based line.
    pub line: u32,
    /// The column's name in the header, empty for the whole line.
    pub column: String<NAME_BYTES>,
    /// What.
    pub kind: ErrorKind,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}", self.line)?;
        if !self.column.is_empty() {
            write!(f, ", column {}", self.column)?;
        }
        write!(f, ": {}", self.kind)
    }
}

/// Every error found in a file, in order (the first [`MAX_ERRORS`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Errors {
    /// The errors kept.
    pub errors: Vec<Error, MAX_ERRORS>,
    /// How many there were in all.
    pub total: usize,
}

impl Errors {
    fn push(&mut self, line: u32, column: &str, kind: ErrorKind) {
        self.total += 1;
        let _ = self.errors.push(Error {
            line,
            column: truncated(column),
            kind,
        });
    }

    /// True when there is none.
    pub fn is_empty(&self) -> bool {
        self.total == 0
    }
}

/// `s`, cut (on a character boundary, ending in `…`) to fit.
fn truncated<const N: usize>(s: &str) -> String<N> {
    let mut out = String::new();
    for c in s.chars() {
        if out.len() + c.len_utf8() + '…'.len_utf8() > N {
            let _ = out.push('…');
            break;
        }
        let _ = out.push(c);
    }
    out
}

/// What a column of the file is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Ignore,
    Flow,
    Dim,
    Time,
    Value,
    Flag,
    UnitMult,
}

/// How a file is laid out: its format and what each column is.
#[derive(Clone, Debug)]
pub struct Layout {
    /// The format.
    pub format: Format,
    delimiter: u8,
    header_line: u32,
    roles: Vec<Role, { load::CSV_FIELDS }>,
    names: Vec<String<NAME_BYTES>, { load::CSV_FIELDS }>,
}

fn strip_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes)
}

impl Layout {
    /// Recognise the format from the header: SDMX-CSV when the first line,
    /// read with `,`, has `TIME_PERIOD` and `OBS_VALUE`; a StatLine export
    /// when a line among the first ten, read with `;`, has a `Perioden`
    /// column with topics after it. A byte order mark is allowed.
    pub fn read(bytes: &[u8]) -> Result<Layout, Error> {
        let bytes = strip_bom(bytes);
        if let Err(e) = core::str::from_utf8(bytes) {
            let at = bytes.get(..e.valid_up_to()).unwrap_or(bytes);
            let line = at.iter().filter(|b| **b == b'\n').count() as u32 + 1;
            return Err(Error {
                line,
                column: String::new(),
                kind: ErrorKind::NotUtf8,
            });
        }
        let mut found = None;
        let _ = load::read_csv(
            bytes,
            |rec| {
                found = sdmx_layout(rec);
                Err(())
            },
            |_| (),
        );
        if let Some(l) = found {
            return Ok(l);
        }
        let mut seen = 0;
        let _ = load::read_csv_with(
            bytes,
            b';',
            |rec| {
                seen += 1;
                found = statline_layout(rec);
                if found.is_some() || seen >= 10 {
                    Err(())
                } else {
                    Ok(())
                }
            },
            |_| (),
        );
        found.ok_or(Error {
            line: 1,
            column: String::new(),
            kind: ErrorKind::NotRecognised,
        })
    }

    /// The column names of the header, as written.
    pub fn columns(&self) -> impl Iterator<Item = &str> {
        self.names.iter().map(|n| n.as_str())
    }

    fn name(&self, i: usize) -> &str {
        self.names.get(i).map_or("", |n| n.as_str())
    }
}

fn header_of(rec: &CsvRecord) -> Vec<String<NAME_BYTES>, { load::CSV_FIELDS }> {
    (0..rec.len())
        .map(|i| {
            truncated(
                rec.get(i)
                    .unwrap_or("")
                    .trim()
                    .trim_start_matches('\u{feff}'),
            )
        })
        .collect()
}

/// The period of a row.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Period {
    /// A calendar year.
    Year(i32),
    /// A quarter, month, half-year, week or day of this year: skipped.
    SubAnnual(i32),
}

/// The flags of an observation.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Flags {
    /// The publisher calls the value provisional (`p`, `P`, StatLine `*`).
    pub provisional: bool,
    /// StatLine's `**`: further provisional (nader voorlopig).
    pub further: bool,
    /// The publisher calls the value estimated (`e`, `E`).
    pub estimated: bool,
    /// Every flag code as the file gives it (`bp`, `E`, `*`).
    pub codes: String<16>,
}

impl Flags {
    fn add_sdmx(&mut self, cell: &str) {
        let code = split_label(cell).0;
        // SDMX's `A`: a normal value, nothing to say.
        if code.eq_ignore_ascii_case("A") {
            return;
        }
        for c in code.chars().filter(|c| c.is_alphanumeric()) {
            match c.to_ascii_lowercase() {
                'p' => self.provisional = true,
                'e' => self.estimated = true,
                _ => {}
            }
        }
        if !code.is_empty() {
            if !self.codes.is_empty() {
                let _ = self.codes.push(' ');
            }
            let _ = self.codes.push_str(code);
        }
    }

    /// A note for the observation saying what the flags say, or empty:
    /// `estimated (flag e)`, `flag b`, `further provisional (**)`.
    pub fn note(&self) -> String<64> {
        let mut out = String::new();
        if self.estimated {
            let _ = write!(out, "estimated (flag {})", self.codes);
        } else if self.further {
            let _ = out.push_str("further provisional (**)");
        } else if !(self.codes.is_empty() || self.provisional && is_only_p(&self.codes)) {
            let _ = write!(out, "flag {}", self.codes);
        }
        out
    }
}

fn is_only_p(codes: &str) -> bool {
    codes.chars().all(|c| matches!(c, 'p' | 'P' | '*' | ' '))
}

/// One observation of one series, as the file gives it.
#[derive(Clone, Debug, PartialEq)]
pub struct Row<'r> {
    /// 1-based line.
    pub line: u32,
    /// The series key (see the module's rules).
    pub key: &'r str,
    /// The series' labels (labelled SDMX-CSV), or empty.
    pub label: &'r str,
    /// The dataflow (SDMX) or empty.
    pub flow: &'r str,
    /// The period.
    pub period: Period,
    /// The value (already times 10^`UNIT_MULT`), or `None` when missing.
    pub value: Option<f64>,
    /// The flags.
    pub flags: Flags,
}

/// `v` times 10^`n`, exactly as the decimal `{v}e{n}` reads.
pub fn times_ten_to(v: f64, n: i32) -> Option<f64> {
    if n == 0 {
        return Some(v);
    }
    let mut s = String::<48>::new();
    write!(s, "{v}e{n}").ok()?;
    s.parse::<f64>().ok().filter(|x| x.is_finite())
}

/// Call `each` for every observation of the file (missing values and
/// sub-annual periods included, so the caller can count them). Every error
/// of the file (and every error `each` returns) is collected; with any,
/// the result is `Err` with all of them.
pub fn rows(
    bytes: &[u8],
    layout: &Layout,
    mut each: impl FnMut(&Row) -> Result<(), ErrorKind>,
) -> Result<(), Errors> {
    let bytes = strip_bom(bytes);
    let mut errors = Errors::default();
    let width = layout.roles.len();
    let mut ended = false;
    let mut last_line = layout.header_line;
    let read = load::read_csv_with(
        bytes,
        layout.delimiter,
        |rec| {
            if rec.line <= layout.header_line || ended {
                return Ok(());
            }
            last_line = rec.line;
            let first = rec.get(0).unwrap_or("").trim();
            if layout.format == Format::StatLine
                && rec.len() < width
                && (first.starts_with('©')
                    || first.starts_with("Bron")
                    || first.starts_with("Source"))
            {
                ended = true;
                return Ok(());
            }
            if rec.len() != width {
                errors.push(rec.line, "", ErrorKind::FieldCount);
                return Ok(());
            }
            row_of(rec, layout, &mut errors, &mut each);
            Ok(())
        },
        |_| (),
    );
    if read.is_err() {
        errors.push(last_line + 1, "", ErrorKind::TooLong);
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

fn row_of(
    rec: &CsvRecord,
    layout: &Layout,
    errors: &mut Errors,
    each: &mut impl FnMut(&Row) -> Result<(), ErrorKind>,
) {
    let sdmx = layout.format != Format::StatLine;
    let (mut key, mut label) = (Key::new(), String::<LABEL_BYTES>::new());
    let (mut flow, mut flags, mut mult) = ("", Flags::default(), 0i32);
    let mut period = None;
    let mut too_long = false;
    let before = errors.total;
    for (i, role) in layout.roles.iter().enumerate() {
        let cell = rec.get(i).unwrap_or("");
        match role {
            Role::Dim => {
                let (code, name) = if sdmx {
                    split_label(cell)
                } else {
                    (cell.trim(), "")
                };
                let sep = if sdmx { "." } else { " | " };
                if !key.is_empty() {
                    too_long |= key.push_str(sep).is_err();
                }
                too_long |= key.push_str(code).is_err();
                if !name.is_empty() {
                    if !label.is_empty() {
                        let _ = label.push_str(", ");
                    }
                    let _ = label.push_str(name);
                }
            }
            Role::Flow => flow = split_label(cell).0,
            Role::Flag => flags.add_sdmx(cell),
            Role::UnitMult => match split_label(cell).0 {
                "" => {}
                m => match m.parse::<i32>() {
                    Ok(n) if (-12..=12).contains(&n) => mult = n,
                    _ => errors.push(rec.line, layout.name(i), ErrorKind::BadUnitMult),
                },
            },
            Role::Time if sdmx => match sdmx_period(cell) {
                Ok(p) => period = Some(p),
                Err(k) => errors.push(rec.line, layout.name(i), k),
            },
            Role::Time => match statline_period(cell) {
                Ok((p, stars)) => {
                    period = Some(p);
                    if stars > 0 {
                        flags.provisional = true;
                        flags.further = stars > 1;
                        let _ = flags.codes.push_str(if stars > 1 { "**" } else { "*" });
                    }
                }
                Err(k) => errors.push(rec.line, layout.name(i), k),
            },
            Role::Value | Role::Ignore => {}
        }
    }
    if too_long {
        errors.push(rec.line, "", ErrorKind::KeyTooLong);
    }
    let Some(period) = period.filter(|_| errors.total == before) else {
        return;
    };
    for (i, role) in layout.roles.iter().enumerate() {
        if *role != Role::Value {
            continue;
        }
        let cell = rec.get(i).unwrap_or("");
        let (value, star) = if sdmx {
            (
                sdmx_value(cell).map(|v| v.and_then(|v| times_ten_to(v, mult))),
                false,
            )
        } else {
            match statline_value(cell) {
                Ok((v, s)) => (Ok(v), s),
                Err(k) => (Err(k), false),
            }
        };
        let value = match value {
            Ok(v) => v,
            Err(k) => {
                errors.push(rec.line, layout.name(i), k);
                continue;
            }
        };
        let mut flags = flags.clone();
        if star && !flags.provisional {
            flags.provisional = true;
            let _ = flags.codes.push_str("*");
        }
        let mut k = key.clone();
        if !sdmx {
            if !k.is_empty() && k.push_str(" | ").is_err() {
                errors.push(rec.line, "", ErrorKind::KeyTooLong);
                continue;
            }
            if k.push_str(layout.name(i)).is_err() {
                errors.push(rec.line, "", ErrorKind::KeyTooLong);
                continue;
            }
        }
        let row = Row {
            line: rec.line,
            key: &k,
            label: &label,
            flow,
            period,
            value,
            flags,
        };
        if let Err(kind) = each(&row) {
            errors.push(rec.line, layout.name(i), kind);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::vec::Vec as StdVec;

    fn fixture(name: &str) -> StdVec<u8> {
        std::fs::read(std::format!(
            "{}/../tests/fixtures/import/{name}",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap()
    }

    /// (year, value, provisional, note) of the series `key`.
    fn series(bytes: &[u8], key: &str) -> StdVec<(i32, f64, bool, std::string::String)> {
        let layout = Layout::read(bytes).unwrap();
        let mut out = StdVec::new();
        rows(bytes, &layout, |r| {
            if let (true, Period::Year(y), Some(v)) = (r.key == key, r.period, r.value) {
                out.push((y, v, r.flags.provisional, r.flags.note().as_str().into()));
            }
            Ok(())
        })
        .unwrap();
        out
    }

    #[test]
    fn eurostat_plain_series_keys_values_and_flags() {
        let bytes = fixture("eurostat-plain.csv");
        let (layout, listing) = list(&bytes).unwrap();
        assert_eq!(layout.format, Format::Sdmx);
        let keys: StdVec<&str> = listing.series.iter().map(|s| s.key.as_str()).collect();
        assert_eq!(keys, ["A.PC_GDP.TOTAL.NL", "A.PC_GDP.BES.NL"]);
        let total = &listing.series[0];
        assert_eq!(total.flow.as_str(), "ESTAT:RD_E_GERDTOT(1.0)");
        assert_eq!(
            (total.years, total.first_year, total.last_year),
            (4, 2019, 2022)
        );
        assert_eq!(
            (total.missing, total.provisional, total.estimated),
            (1, 1, 1)
        );
        assert_eq!(total.line, 2);
        let s = series(&bytes, "A.PC_GDP.TOTAL.NL");
        assert_eq!(s[2], (2021, 2.19, false, "estimated (flag e)".into()));
        assert_eq!(s[3], (2022, 2.27, true, "".into()));
        let bes = series(&bytes, "A.PC_GDP.BES.NL");
        assert_eq!(bes[1], (2020, 1.55, false, "flag b".into()));
        assert_eq!(bes[2], (2021, 1.52, true, "estimated (flag ep)".into()));
        assert_eq!(listing.find("2"), Some(1));
        assert_eq!(listing.find("#1"), Some(0));
        assert_eq!(listing.find("A.PC_GDP.BES.NL"), Some(1));
        assert_eq!(listing.find("3"), None);
        assert_eq!(listing.find("A.PC_GDP"), None);
    }

    #[test]
    fn oecd_labelled_codes_labels_unit_mult_and_quarters() {
        let bytes = fixture("oecd-labelled.csv");
        let (layout, listing) = list(&bytes).unwrap();
        assert_eq!(layout.format, Format::SdmxLabelled);
        let s = &listing.series[0];
        assert_eq!(s.key.as_str(), "NLD.A.B.EUR");
        assert_eq!(
            s.label.as_str(),
            "Netherlands, Annual, Business enterprise expenditure on R&D, Euro"
        );
        assert_eq!(s.flow.as_str(), "OECD.STI.STP:DSD_MSTI@DF_MSTI(1.3)");
        assert_eq!(listing.series[1].key.as_str(), "NLD.Q.B.EUR");
        assert_eq!(
            (listing.series[1].years, listing.series[1].sub_annual),
            (0, 1)
        );
        assert_eq!(listing.series[2].key.as_str(), "DEU.A.B.EUR");
        let v = series(&bytes, "NLD.A.B.EUR");
        // UNIT_MULT 6, applied in decimal: no 10312249999.999998.
        assert_eq!(v[1], (2021, 10_312_250_000.0, false, "".into()));
        assert_eq!(
            v[2],
            (2022, 11_020_000_000.0, false, "estimated (flag E)".into())
        );
        assert_eq!(v[3], (2023, 11_655_750_000.0, true, "".into()));
    }

    #[test]
    fn statline_codes_bom_decimal_comma_missing_and_quarters() {
        let bytes = fixture("statline-codes.csv");
        let (layout, listing) = list(&bytes).unwrap();
        assert_eq!(layout.format, Format::StatLine);
        let keys: StdVec<&str> = listing.series.iter().map(|s| s.key.as_str()).collect();
        assert_eq!(
            keys,
            [
                "T001081 | Vacatures (x 1 000)",
                "T001081 | Werkzame personen (x 1 000)",
                "C | Vacatures (x 1 000)",
                "C | Werkzame personen (x 1 000)"
            ]
        );
        let work = &listing.series[1];
        assert_eq!((work.years, work.missing, work.sub_annual), (2, 1, 1));
        assert_eq!(
            series(&bytes, "T001081 | Werkzame personen (x 1 000)"),
            [
                (2021, 8911.3, false, "".into()),
                (2022, 9102.7, false, "".into())
            ]
        );
    }

    #[test]
    fn statline_labels_title_stars_footer_crlf() {
        let bytes = fixture("statline-labels.csv");
        let (_, listing) = list(&bytes).unwrap();
        assert_eq!(listing.series.len(), 1);
        assert_eq!(listing.series[0].line, 3);
        assert_eq!(
            series(&bytes, "Openstaande vacatures (x 1 000)"),
            [
                (2021, 92.5, false, "".into()),
                (2022, 108.4, false, "".into()),
                (2023, 101.9, true, "".into()),
                (2024, 97.0, true, "further provisional (**)".into()),
            ]
        );
    }

    #[test]
    fn broken_files_name_line_and_column() {
        let e = list(&fixture("sdmx-broken.csv")).unwrap_err();
        assert_eq!(e.total, 1);
        assert_eq!(
            std::format!("{}", e.errors[0]),
            "line 4, column OBS_VALUE: not a number"
        );
        let e = list(&fixture("statline-broken.csv")).unwrap_err();
        assert_eq!(
            std::format!("{}", e.errors[0]),
            "line 4, column Perioden: not a year, quarter, month or half-year"
        );
    }

    #[test]
    fn whole_file_problems() {
        let kind = |s: &[u8]| list(s).unwrap_err().errors[0].clone();
        let e = kind(b"Year,Value\n2020,1\n");
        assert_eq!(e.kind, ErrorKind::NotRecognised);
        let e = kind(b"TIME_PERIOD,OBS_VALUE\n2020,1\n2021,\xff\n");
        assert_eq!((e.line, e.kind), (3, ErrorKind::NotUtf8));
        let e = kind(b"geo,TIME_PERIOD,OBS_VALUE\nNL,2020,1\nNL,2020,2\n");
        assert_eq!((e.line, e.kind), (3, ErrorKind::DuplicateYear));
        let e = kind(b"geo,TIME_PERIOD,OBS_VALUE\nNL,2020,1,x\n");
        assert_eq!((e.line, e.kind), (2, ErrorKind::FieldCount));
        let e = kind(b"geo,TIME_PERIOD,OBS_VALUE\nNL,1850,1\n");
        assert_eq!(e.kind, ErrorKind::YearOutOfRange);
        let e = kind(b"geo,TIME_PERIOD,OBS_VALUE,UNIT_MULT\nNL,2020,1,x\n");
        assert_eq!(e.kind, ErrorKind::BadUnitMult);
        let mut many = std::string::String::from("geo,TIME_PERIOD,OBS_VALUE\n");
        for i in 0..70 {
            many.push_str(&std::format!("G{i},2020,1\n"));
        }
        assert_eq!(kind(many.as_bytes()).kind, ErrorKind::TooManySeries);
    }

    #[test]
    fn periods() {
        for (s, p) in [
            ("2023", Ok(Period::Year(2023))),
            ("2023-A1", Ok(Period::Year(2023))),
            ("2023-Q4", Ok(Period::SubAnnual(2023))),
            ("2023-01", Ok(Period::SubAnnual(2023))),
            ("2023-M01", Ok(Period::SubAnnual(2023))),
            ("2023-12-31", Ok(Period::SubAnnual(2023))),
            ("2023: 2023", Ok(Period::Year(2023))),
            ("2014/2015", Err(ErrorKind::BadPeriod)),
            ("2014-2015", Err(ErrorKind::BadPeriod)),
            ("23", Err(ErrorKind::BadPeriod)),
        ] {
            assert_eq!(sdmx_period(s), p, "{s}");
        }
        for (s, p) in [
            ("2023JJ00", Ok((Period::Year(2023), 0))),
            ("2023*", Ok((Period::Year(2023), 1))),
            ("2023 **", Ok((Period::Year(2023), 2))),
            ("2023KW01", Ok((Period::SubAnnual(2023), 0))),
            ("2023MM12", Ok((Period::SubAnnual(2023), 0))),
            ("2023 1e kwartaal", Ok((Period::SubAnnual(2023), 0))),
            ("2019/2020", Err(ErrorKind::BadPeriod)),
            ("2019-2020", Err(ErrorKind::BadPeriod)),
            ("2023XX", Err(ErrorKind::BadPeriod)),
        ] {
            assert_eq!(statline_period(s), p, "{s}");
        }
        assert_eq!(statline_value("1.234,5"), Ok((Some(1234.5), false)));
        assert_eq!(statline_value("12,5*"), Ok((Some(12.5), true)));
        assert_eq!(statline_value("-"), Ok((Some(0.0), false)));
        assert_eq!(statline_value("x"), Ok((None, false)));
        assert_eq!(statline_value("abc"), Err(ErrorKind::NotANumber));
        assert_eq!(times_ten_to(1.1, 6), Some(1_100_000.0));
        assert_eq!(times_ten_to(1.1, -1), Some(0.11));
    }

    proptest::proptest! {
        #[test]
        fn never_panics(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..400)) {
            let _ = list(&bytes);
        }

        #[test]
        fn never_panics_on_csvish(s in "[A-Z_:;, \"0-9*.\n-]{0,300}") {
            let _ = list(s.as_bytes());
            let _ = list(std::format!("TIME_PERIOD,OBS_VALUE\n{s}").as_bytes());
            let _ = list(std::format!("\"Perioden\";\"V\"\n{s}").as_bytes());
        }
    }
}
