//! CSV: a streaming reader over csv-core with line numbers, and the number
//! and year readers the importers share. Part of [`super`].

use super::*;

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
