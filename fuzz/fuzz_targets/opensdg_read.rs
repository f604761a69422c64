//! Any bytes into the Open SDG data file reader, with a selection picked by
//! the first byte: it never panics, rows it returns come from lines that
//! exist, in file order, with no year twice and no NaN value, and it never
//! writes past the buffer.
#![no_main]

use koers_core::opensdg::{self, Filter, Outcome, Row, Selection};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, file)) = data.split_first() else {
        return;
    };
    let sex = [Filter {
        field: "Sex",
        value: "F",
    }];
    let sel = Selection {
        unit: (pick & 1 != 0).then_some("Percent"),
        series: (pick & 2 != 0).then_some("S"),
        disaggregation: if pick & 4 != 0 { &sex } else { &[] },
    };
    let lines = 1 + file.iter().filter(|b| **b == b'\n' || **b == b'\r').count();
    let mut buf = [Row {
        year: 0,
        value: 0.0,
        line: 0,
    }; 16];
    let Ok(read) = opensdg::read_series(file, &sel, &mut buf) else {
        return;
    };
    if let Outcome::Rows { count, selected } = read.outcome {
        assert!(count <= buf.len() && count <= selected);
        let rows = &buf[..count];
        for (i, r) in rows.iter().enumerate() {
            assert!(r.line >= 2 && r.line as usize <= lines, "line {}", r.line);
            assert!(!r.value.is_nan());
            assert!(rows[..i].iter().all(|q| q.year != r.year && q.line < r.line));
        }
    }
});
