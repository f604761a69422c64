//! Any bytes into the CSV reader, and every field into `parse_number` and
//! `parse_year`: records come in line order with lines that exist, fields
//! never exceed the reader's limits, numbers are finite and years in range.
#![no_main]

use koers_core::load::{self, CSV_FIELDS, CSV_LINE_BYTES};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // Lines as csv-core ends records: at LF, CRLF (once) and a lone CR.
    let lines = 1
        + (0..data.len())
            .filter(|&i| data[i] == b'\n' || (data[i] == b'\r' && data.get(i + 1) != Some(&b'\n')))
            .count();
    let mut last_line = 0u32;
    let mut records = 0usize;
    let result = load::read_csv(
        data,
        |rec| {
            assert!(
                rec.line >= 1 && rec.line as usize <= lines,
                "line {}",
                rec.line
            );
            // Each record on a line of its own: LF, CRLF and a lone CR all end
            // a record (csv-core) and a line (read_csv, since aaf7842).
            assert!(rec.line > last_line, "line {} after {last_line}", rec.line);
            last_line = rec.line;
            records += 1;
            assert!(rec.len() <= CSV_FIELDS);
            let mut bytes = 0;
            for i in 0..=rec.len() {
                let Some(field) = rec.get(i) else {
                    continue;
                };
                assert!(i < rec.len());
                bytes += field.len();
                if let Some(v) = load::parse_number(field) {
                    assert!(v.is_finite());
                }
                if let Some(y) = load::parse_year(field) {
                    assert!((1900..=2200).contains(&y));
                }
            }
            assert!(bytes <= CSV_LINE_BYTES);
            // Stop early now and then, as a caller with an error does.
            if rec.len() == 7 {
                return Err(rec.line);
            }
            Ok(())
        },
        |line| line,
    );
    if let Err(line) = result {
        assert!(line >= 1 && line as usize <= lines, "error line {line}");
    }
    // The same functions on the whole input, as the CLI's flags use them.
    if let Ok(s) = std::str::from_utf8(data) {
        if let Some(v) = load::parse_number(s) {
            assert!(v.is_finite());
        }
        let _ = load::parse_year(s);
    }
});
