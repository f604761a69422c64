//! CSV cells that a spreadsheet will not run: OWASP's guidance on CSV
//! injection. A text cell that starts with `=`, `+`, `-`, `@`, a tab or a
//! carriage return (after any number of `'`) gets one `'` in front, so a
//! spreadsheet shows it as text instead of running it as a formula
//! (`=HYPERLINK(…)` is written `'=HYPERLINK(…)`). A number is never
//! touched: a cell that is a plain number (`-3`, `+1,5`, `-2.600`) cannot
//! be a formula, so `-3` stays `-3`.
//!
//! koers's own CSV import undoes it with [`unguard`]: exactly one leading
//! `'` is removed where [`guard`] would have put it, so every text
//! round-trips (`'=x` is written `''=x` and read back as `'=x`).

use core::fmt;

/// Whether a spreadsheet could take `s` as a formula.
fn risky(s: &str) -> bool {
    s.trim_start_matches('\'')
        .starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// A cell that is a plain number: a sign, then digits with `.`, `,` and
/// spaces between them, and nothing else.
fn is_number(s: &str) -> bool {
    let body = s.strip_prefix(['-', '+']).unwrap_or(s);
    body.starts_with(|c: char| c.is_ascii_digit())
        && body
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | ' ' | '\u{a0}' | '\u{202f}'))
}

/// Whether [`guard`] puts a `'` in front of `s`.
pub fn needs_guard(s: &str) -> bool {
    risky(s) && !is_number(s)
}

/// `s` as a cell a spreadsheet will not run (before CSV quoting).
pub struct Guarded<'a>(pub &'a str);

impl fmt::Display for Guarded<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if needs_guard(self.0) {
            f.write_str("'")?;
        }
        f.write_str(self.0)
    }
}

/// `s` guarded: see [`Guarded`].
pub fn guard(s: &str) -> Guarded<'_> {
    Guarded(s)
}

/// A cell as koers wrote it, unguarded: one leading `'` removed where
/// [`guard`] put it.
pub fn unguard(s: &str) -> &str {
    match s.strip_prefix('\'') {
        Some(rest) if needs_guard(rest) => rest,
        _ => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::string::ToString;

    #[test]
    fn formulas_are_text_and_numbers_numbers() {
        for (s, out) in [
            ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
            ("+1+1", "'+1+1"),
            ("-2+3", "'-2+3"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("\rx", "'\rx"),
            ("'=x", "''=x"),
            ("-3", "-3"),
            ("-2.600", "-2.600"),
            ("+1,5", "+1,5"),
            ("CBS", "CBS"),
            ("'quoted'", "'quoted'"),
            ("", ""),
        ] {
            assert_eq!(guard(s).to_string(), out);
            assert_eq!(unguard(out), s);
        }
    }

    proptest! {
        #[test]
        fn every_text_round_trips(s in "['=+@\\-\t\r a-z0-9]{0,12}") {
            let g = guard(&s).to_string();
            prop_assert_eq!(unguard(&g), s.as_str());
            prop_assert!(!risky(&g) || is_number(&g) || g.starts_with('\''));
            if g.starts_with(['=', '+', '-', '@', '\t', '\r']) {
                prop_assert!(is_number(&g));
            }
        }
    }
}
