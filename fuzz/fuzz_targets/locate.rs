//! `load::locate` on any text, table, index and key: it must return, never
//! panic, and any line it gives must exist.
//!
//! Input: byte 0 picks the table, byte 1 the item (255: none), byte 2 the
//! key (a known one, none, or the next byte's length of the input); the rest
//! is the JSON text.
#![no_main]

use koers_core::load::{self, Table};
use libfuzzer_sys::fuzz_target;

const KEYS: &[&str] = &[
    "id", "title", "nl", "year", "value", "baseline", "target", "source", "priority", "subject",
];

fuzz_target!(|data: &[u8]| {
    let [t, i, k, rest @ ..] = data else {
        return;
    };
    let table = Table::ALL[usize::from(*t) % Table::ALL.len()];
    let index = (*i != 255).then_some(usize::from(*i));
    let (key, rest) = match usize::from(*k) {
        k if k < KEYS.len() => (Some(KEYS[k]), rest),
        k if k < 128 => (None, rest),
        _ => match rest.split_first() {
            Some((n, rest)) => {
                let n = usize::from(*n).min(rest.len());
                match std::str::from_utf8(&rest[..n]) {
                    Ok(key) => (Some(key), &rest[n..]),
                    Err(_) => return,
                }
            }
            None => return,
        },
    };
    let Ok(json) = std::str::from_utf8(rest) else {
        return;
    };
    if let Some(line) = load::locate(json, table, index, key) {
        let lines = json.bytes().filter(|b| *b == b'\n').count() + 1;
        assert!(
            line >= 1 && line as usize <= lines,
            "line {line} of {lines}"
        );
    }
});
