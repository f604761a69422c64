//! Numbers as people type them and as the dashboard writes them, in Dutch
//! (`25.000`, `1.234,5`) and in English (`25,000`, `1,234.5`).
//!
//! A typed number is read the way the page writes numbers in its language,
//! or refused with both readings: never silently a thousand times smaller.
//! Dutch groups thousands with `.` and writes decimals after `,`; English
//! the other way round. Both also group with a space, a non-breaking space
//! (U+00A0), a narrow non-breaking space (U+202F) or a thin space (U+2009).
//! A leading or trailing `€` and a trailing `%` are allowed; whether the
//! value's unit has them is for [`symbol_fits`] to say (a `%` on a number
//! of persons is refused, not dropped); a sign may be `-`, `+` or `−`
//! (U+2212), before or after a leading `€`. An exponent (`1e9`, `1,5e9`)
//! is allowed without group separators.
//!
//! - [`parse_localised`]: a form in one language. When both readings are
//!   valid and differ (`2,600` in Dutch is 2.6 or, the English way, 2600),
//!   the language's reading is taken only if it is the larger (`25.000`
//!   in Dutch: 25000, never 25); otherwise the number is refused with both.
//!   A number valid only the other language's way (`2.5` in Dutch) is
//!   refused with that reading.
//! - [`parse_in_file`] with [`convention`]: a CSV file, which has no
//!   language. A value with one valid reading is read that way; a value with
//!   two (`2.600`) is read by the file's convention when its other values
//!   show one, else refused with both readings.
//! - [`Plain`] writes a number so that both read it back exactly: no
//!   groups, every digit, and a fourth decimal `0` where three decimals
//!   would be ambiguous (`2,3750`).
//! - [`Grouped`], [`Euros`] and [`Percent`] write a number for a reader,
//!   as the browser's `Intl.NumberFormat` does (`25.000`, `€ 7 mld.`,
//!   `12%`).

use core::fmt::{self, Write};

mod shown;
pub use shown::{Euros, Grouped, Percent};

use crate::model::{Lang, Unit};

/// The largest plausible size of a value of `unit`: a value beyond it is
/// a typing error (or an attempt to overflow sums), refused at entry. Far
/// beyond anything real, so no true figure is refused, and small enough
/// that a thousand of them add up without overflow.
///
/// | unit | bound |
/// |---|---|
/// | eur, eur_per_year | 1e15 (a million billion euros) |
/// | persons | 1e10 (more than everyone alive) |
/// | count, count_per_year | 1e12 |
/// | percent, percent_of_gdp | 1e4 (10,000 %) |
/// | ratio, index, rank | 1e9 |
/// | milestone | 1e3 |
pub const fn plausible(unit: Unit) -> f64 {
    match unit {
        Unit::Eur | Unit::EurPerYear => 1e15,
        Unit::Persons => 1e10,
        Unit::Count | Unit::CountPerYear => 1e12,
        Unit::Percent | Unit::PercentOfGdp => 1e4,
        Unit::Ratio | Unit::Index | Unit::Rank => 1e9,
        Unit::Milestone => 1e3,
    }
}

/// Whether `v` is no value a figure in `unit` can be: not a number, or
/// larger (either sign) than [`plausible`]. Such a value is refused at entry,
/// so no sum overflows to infinity.
pub fn implausible(v: f64, unit: Unit) -> bool {
    v.is_nan() || libm::fabs(v) > plausible(unit)
}

/// The unit symbol written with a number (`€` or `%`), if any.
pub fn symbol(s: &str) -> Option<char> {
    s.chars().find(|c| matches!(c, '€' | '%'))
}

/// Whether `s` carries no unit symbol, or one that fits `unit`: `%` on a
/// percentage, `€` on an amount in euros. `5 %` typed for a number of
/// persons is not 5 persons: the user meant something else, so the caller
/// refuses it ([`crate::load::ErrorKind::WrongSymbol`]).
pub fn symbol_fits(s: &str, unit: Unit) -> bool {
    match symbol(s) {
        None => true,
        Some('%') => matches!(unit, Unit::Percent | Unit::PercentOfGdp),
        Some(_) => matches!(unit, Unit::Eur | Unit::EurPerYear),
    }
}

/// The two readings of a text: the Dutch way and the English way.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Readings {
    /// `.` groups, `,` decimals.
    pub nl: Option<f64>,
    /// `,` groups, `.` decimals.
    pub en: Option<f64>,
}

impl Readings {
    /// The reading in `lang`.
    pub fn get(&self, lang: Lang) -> Option<f64> {
        match lang {
            Lang::Nl => self.nl,
            Lang::En => self.en,
        }
    }
}

/// Why a text is not taken as a number.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum NumberError {
    /// Not a number in either language.
    NotANumber,
    /// Two readings (or only the other language's): the user must say
    /// which, by writing it without doubt.
    Ambiguous {
        /// The Dutch reading, if valid.
        nl: Option<f64>,
        /// The English reading, if valid.
        en: Option<f64>,
    },
}

const MAX_LEN: usize = 512;

fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}')
}

fn sign(s: &str) -> (Option<bool>, &str) {
    if let Some(r) = s.strip_prefix('-').or_else(|| s.strip_prefix('\u{2212}')) {
        (Some(true), r)
    } else if let Some(r) = s.strip_prefix('+') {
        (Some(false), r)
    } else {
        (None, s)
    }
}

/// The sign and the digits with their separators, without `€`, `%` and
/// surrounding space.
fn split(s: &str) -> Option<(bool, &str)> {
    let mut s = s.trim();
    let mut symbol = false;
    if let Some(r) = s.strip_suffix('%').or_else(|| s.strip_suffix('€')) {
        s = r.trim_end();
        symbol = true;
    }
    let (first, rest) = sign(s);
    let mut neg = first == Some(true);
    s = rest;
    if let Some(r) = s.strip_prefix('€') {
        if symbol {
            return None;
        }
        s = r.trim_start();
        if first.is_none() {
            let (second, rest) = sign(s);
            neg = second == Some(true);
            s = rest;
        }
    }
    if !s.starts_with(|c: char| c.is_ascii_digit()) && !s.starts_with(['.', ',']) {
        return None;
    }
    Some((neg, s))
}

struct Buf {
    b: [u8; MAX_LEN],
    n: usize,
}

impl Buf {
    fn push(&mut self, c: u8) -> Option<()> {
        *self.b.get_mut(self.n)? = c;
        self.n += 1;
        Some(())
    }
    fn push_digits(&mut self, s: &str) -> Option<()> {
        for c in s.bytes() {
            if !c.is_ascii_digit() {
                return None;
            }
            self.push(c)?;
        }
        Some(())
    }
}

/// Read `body` with `dec` as the decimal separator and `grp` (or a space)
/// as the group separator.
fn read(neg: bool, body: &str, dec: char, grp: char) -> Option<f64> {
    let (mant, exp) = match body.find(['e', 'E']) {
        Some(i) => (body.get(..i)?, Some(body.get(i + 1..)?)),
        None => (body, None),
    };
    let (int, frac) = match mant.split_once(dec) {
        Some((a, b)) => (a, Some(b)),
        None => (mant, None),
    };
    let mut buf = Buf {
        b: [0; MAX_LEN],
        n: 0,
    };
    if neg {
        buf.push(b'-')?;
    }
    let grouped = int.contains(|c: char| c == grp || is_group_space(c));
    if grouped {
        if exp.is_some() {
            return None;
        }
        // One kind of separator; the first group 1 to 3 digits (not a lone
        // leading zero), every other exactly 3.
        let uses_grp = int.contains(grp);
        let uses_space = int.contains(is_group_space);
        if uses_grp && uses_space {
            return None;
        }
        for (k, g) in int
            .split(|c: char| c == grp || is_group_space(c))
            .enumerate()
        {
            let ok = if k == 0 {
                (1..=3).contains(&g.len()) && !g.starts_with('0')
            } else {
                g.len() == 3
            };
            if !ok {
                return None;
            }
            buf.push_digits(g)?;
        }
    } else {
        if int.is_empty() && frac.is_none() {
            return None;
        }
        buf.push_digits(int)?;
        if int.is_empty() {
            buf.push(b'0')?;
        }
    }
    if let Some(f) = frac {
        if f.is_empty() {
            return None;
        }
        buf.push(b'.')?;
        buf.push_digits(f)?;
    }
    if let Some(e) = exp {
        buf.push(b'e')?;
        let (s, digits) = sign(e);
        if s == Some(true) {
            buf.push(b'-')?;
        }
        if digits.is_empty() {
            return None;
        }
        buf.push_digits(digits)?;
    }
    let text = core::str::from_utf8(buf.b.get(..buf.n)?).ok()?;
    text.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// Both readings of `s`.
pub fn readings(s: &str) -> Readings {
    let Some((neg, body)) = split(s).filter(|(_, b)| b.len() < MAX_LEN) else {
        return Readings { nl: None, en: None };
    };
    Readings {
        nl: read(neg, body, ',', '.'),
        en: read(neg, body, '.', ','),
    }
}

/// A number typed in a form in `lang` (see the module's rules).
pub fn parse_localised(s: &str, lang: Lang) -> Result<f64, NumberError> {
    let r = readings(s);
    let other = match lang {
        Lang::Nl => r.en,
        Lang::En => r.nl,
    };
    match (r.get(lang), other) {
        (Some(a), Some(b)) if a == b || a.abs() > b.abs() => Ok(a),
        (Some(a), None) => Ok(a),
        (None, None) => Err(NumberError::NotANumber),
        _ => Err(NumberError::Ambiguous { nl: r.nl, en: r.en }),
    }
}

/// The convention a value shows without doubt: Dutch when only its Dutch
/// reading is valid (`2,6`, `1.234,5`, `3.000.000`), English when only its
/// English one is (`2.6`, `1,234.5`), none otherwise (`2600`, `2.600`).
pub fn convention(s: &str) -> Option<Lang> {
    match readings(s) {
        Readings {
            nl: Some(_),
            en: None,
        } => Some(Lang::Nl),
        Readings {
            nl: None,
            en: Some(_),
        } => Some(Lang::En),
        _ => None,
    }
}

/// A number in a file whose values show `file` as their convention (the
/// only one [`convention`] finds among them), or none.
pub fn parse_in_file(s: &str, file: Option<Lang>) -> Result<f64, NumberError> {
    let r = readings(s);
    match (r.nl, r.en) {
        (Some(a), Some(b)) if a == b => Ok(a),
        (Some(a), Some(b)) => match file {
            Some(Lang::Nl) => Ok(a),
            Some(Lang::En) => Ok(b),
            None => Err(NumberError::Ambiguous { nl: r.nl, en: r.en }),
        },
        (Some(a), None) | (None, Some(a)) => Ok(a),
        (None, None) => Err(NumberError::NotANumber),
    }
}

/// A number written so that [`parse_localised`] in `lang` and
/// [`parse_in_file`] read it back exactly: every digit, no groups, the
/// language's decimal separator, and a fourth decimal `0` where there
/// would be exactly three (`2,3750`, so it cannot be taken for 2375).
pub struct Plain(pub f64, pub Lang);

struct Swap<'a, 'b> {
    f: &'a mut fmt::Formatter<'b>,
    dec: char,
    frac: Option<usize>,
}

impl Write for Swap<'_, '_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        for c in s.chars() {
            if c == '.' {
                self.f.write_char(self.dec)?;
                self.frac = Some(0);
            } else {
                self.f.write_char(c)?;
                if let Some(n) = self.frac.as_mut() {
                    *n += 1;
                }
            }
        }
        Ok(())
    }
}

impl fmt::Display for Plain {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let dec = match self.1 {
            Lang::Nl => ',',
            Lang::En => '.',
        };
        let mut w = Swap { f, dec, frac: None };
        write!(w, "{}", self.0)?;
        if w.frac == Some(3) {
            w.f.write_char('0')?;
        }
        Ok(())
    }
}

impl fmt::Display for NumberError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            NumberError::NotANumber => f.write_str("not a number"),
            NumberError::Ambiguous { nl, en } => ambiguous(f, nl, en, Lang::En),
        }
    }
}

/// The message for a number with two readings (or only the other
/// language's), in `lang`: both readings, and how to type it.
pub fn ambiguous(
    out: &mut impl Write,
    nl: Option<f64>,
    en: Option<f64>,
    lang: Lang,
) -> fmt::Result {
    let p = |v: f64| Plain(v, lang);
    match (nl, en, lang) {
        (Some(a), Some(b), Lang::En) => write!(
            out,
            "could be {} (the Dutch way: . groups thousands) or {} (the English way: . is the decimal point); type {} or {} without doubt",
            p(a), p(b), p(a), p(b)
        ),
        (Some(a), Some(b), Lang::Nl) => write!(
            out,
            "kan {} zijn (Nederlands: . scheidt duizendtallen) of {} (Engels: , scheidt duizendtallen); typ {} of {} zonder twijfel",
            p(a), p(b), p(a), p(b)
        ),
        (Some(a), None, Lang::En) => write!(
            out,
            "is written the Dutch way ({} in Dutch); in English type {}",
            Plain(a, Lang::Nl), p(a)
        ),
        (None, Some(b), Lang::Nl) => write!(
            out,
            "is op z'n Engels geschreven ({} in het Engels); typ in het Nederlands {}",
            Plain(b, Lang::En), p(b)
        ),
        (Some(v), None, Lang::Nl) | (None, Some(v), Lang::En) => write!(out, "{}", p(v)),
        (None, None, Lang::En) => out.write_str("not a number"),
        (None, None, Lang::Nl) => out.write_str("geen getal"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::string::{String, ToString};

    const NL: Lang = Lang::Nl;
    const EN: Lang = Lang::En;

    #[test]
    fn implausible_values_of_a_unit() {
        assert!(!implausible(1e15, Unit::Eur));
        assert!(implausible(1.1e15, Unit::Eur));
        assert!(implausible(-1.1e15, Unit::Eur));
        assert!(implausible(f64::INFINITY, Unit::Eur));
        assert!(implausible(f64::NAN, Unit::Count));
        assert!(!implausible(-100.0, Unit::Percent));
        assert!(implausible(1e4 + 1.0, Unit::Percent));
        assert!(!implausible(1e3, Unit::Milestone));
        assert!(implausible(1001.0, Unit::Milestone));
    }

    #[test]
    fn the_issues_examples() {
        assert_eq!(parse_localised("25.000", NL), Ok(25000.0));
        assert_eq!(parse_localised("3.000", NL), Ok(3000.0));
        assert_eq!(parse_localised("1.234,5", NL), Ok(1234.5));
        assert_eq!(parse_localised("25\u{a0}000", NL), Ok(25000.0));
        assert_eq!(parse_localised("25\u{2009}000", EN), Ok(25000.0));
        assert_eq!(parse_localised("25\u{202f}000,5", NL), Ok(25000.5));
        assert_eq!(parse_localised("2,5%", NL), Ok(2.5));
        assert_eq!(parse_localised("€ 1.500", NL), Ok(1500.0));
        assert_eq!(parse_localised("€ -7,25", NL), Ok(-7.25));
        assert_eq!(parse_localised("-€7.25", EN), Ok(-7.25));
        assert_eq!(parse_localised("1.500 €", NL), Ok(1500.0));
        assert_eq!(parse_localised("\u{2212}3", NL), Ok(-3.0));
        assert_eq!(parse_localised("25,000", EN), Ok(25000.0));
        assert_eq!(parse_localised("1,234.5", EN), Ok(1234.5));
        assert_eq!(parse_localised("2.27", EN), Ok(2.27));
        assert_eq!(parse_localised("2,27", NL), Ok(2.27));
        assert_eq!(parse_localised("1e9", NL), Ok(1e9));
        assert_eq!(parse_localised("1,5e9", NL), Ok(1.5e9));
        assert_eq!(parse_localised("0,125", NL), Ok(0.125));
        // Never a thousand times smaller: refused with both readings.
        let both = |nl, en| Err(NumberError::Ambiguous { nl, en });
        assert_eq!(
            parse_localised("25.000", EN),
            both(Some(25000.0), Some(25.0))
        );
        assert_eq!(parse_localised("2,600", NL), both(Some(2.6), Some(2600.0)));
        // The other language's way alone: refused, with that reading.
        assert_eq!(parse_localised("2.5", NL), both(None, Some(2.5)));
        assert_eq!(parse_localised("1.234,5", EN), both(Some(1234.5), None));
        for bad in [
            "",
            "abc",
            "2,5,5",
            "1.23.4",
            "12.34.567",
            "€",
            "%",
            "1e",
            "NaN",
            "inf",
            "1e999",
            "5 mld.",
            "€ 5 %",
            "1 2",
            "--1",
            "1.000 000",
        ] {
            assert!(parse_localised(bad, NL).is_err(), "{bad}");
            assert!(parse_localised(bad, EN).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_table_in_docs_number_entry() {
        let both = |nl, en| Err(NumberError::Ambiguous { nl, en });
        assert_eq!(parse_localised("3.000.000", EN), both(Some(3e6), None));
        assert_eq!(parse_localised("3,000,000", NL), both(None, Some(3e6)));
        assert_eq!(parse_localised("3,000,000", EN), Ok(3e6));
        assert_eq!(parse_localised("0,125", EN), both(Some(0.125), None));
        assert_eq!(parse_localised("€1,500", EN), Ok(1500.0));
        assert_eq!(parse_localised("12,5 %", NL), Ok(12.5));
        assert!(symbol_fits("12,5 %", Unit::PercentOfGdp));
        assert!(symbol_fits("12,5", Unit::Persons));
        assert!(!symbol_fits("12,5 %", Unit::Persons));
        assert!(!symbol_fits("€ 12", Unit::Percent));
        assert!(symbol_fits("€ 12", Unit::EurPerYear));
        assert!(!symbol_fits("12 €", Unit::Count));
        assert_eq!(parse_localised("12,5%", EN), both(Some(12.5), None));
        assert_eq!(parse_localised("+3", EN), Ok(3.0));
        assert_eq!(Plain(2.375, NL).to_string(), "2,3750");
        assert_eq!(Plain(2.27, NL).to_string(), "2,27");
        assert_eq!(Plain(3100.0, EN).to_string(), "3100");
    }

    #[test]
    fn a_file_is_read_by_its_own_convention() {
        assert_eq!(
            parse_in_file("2.600", None),
            Err(NumberError::Ambiguous {
                nl: Some(2600.0),
                en: Some(2.6)
            })
        );
        assert_eq!(parse_in_file("2.600", Some(NL)), Ok(2600.0));
        assert_eq!(parse_in_file("2.600", Some(EN)), Ok(2.6));
        assert_eq!(parse_in_file("2.27", None), Ok(2.27));
        assert_eq!(parse_in_file("1.234,5", None), Ok(1234.5));
        assert_eq!(parse_in_file("3100", None), Ok(3100.0));
        assert_eq!(convention("2,6"), Some(NL));
        assert_eq!(convention("2.6"), Some(EN));
        assert_eq!(convention("3.000.000"), Some(NL));
        assert_eq!(convention("2.600"), None);
        assert_eq!(convention("2600"), None);
    }

    #[test]
    fn messages_show_both_readings() {
        let e = parse_localised("2,600", NL).unwrap_err();
        let NumberError::Ambiguous { nl, en } = e else {
            panic!()
        };
        let mut s = String::new();
        ambiguous(&mut s, nl, en, NL).unwrap();
        assert!(s.contains("2,6 ") && s.contains("2600"), "{s}");
        assert!(e.to_string().contains("2.6 ") && e.to_string().contains("2600"));
    }

    /// What `Intl.NumberFormat` writes for nl-NL and en-GB with at most two
    /// decimals: groups of three, trailing zeros dropped.
    fn intl(v: f64, lang: Lang, group: &str) -> String {
        let (dec, grp) = match lang {
            Lang::Nl => (",", "."),
            Lang::En => (".", ","),
        };
        let grp = if group.is_empty() { grp } else { group };
        let r = (v.abs() * 100.0).round() as u64;
        let (int, frac) = (r / 100, r % 100);
        let digits = int.to_string();
        let mut out = String::new();
        if v < 0.0 && r != 0 {
            out.push('-');
        }
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push_str(grp);
            }
            out.push(c);
        }
        if frac != 0 {
            out.push_str(dec);
            let f = std::format!("{frac:02}");
            out.push_str(f.trim_end_matches('0'));
        }
        out
    }

    fn value_of(v: f64) -> f64 {
        let r = (v.abs() * 100.0).round();
        let s = std::format!(
            "{}{}.{:02}",
            if v < 0.0 && r != 0.0 { "-" } else { "" },
            (r / 100.0).trunc(),
            (r % 100.0) as u64
        );
        s.parse().unwrap()
    }

    proptest! {
        #[test]
        fn what_intl_writes_reads_back(v in -1e12f64..1e12, nl in any::<bool>(), g in 0usize..4, symbol in 0usize..4) {
            let lang = if nl { NL } else { EN };
            let group = ["", "\u{a0}", "\u{202f}", " "][g];
            let mut s = intl(v, lang, group);
            match symbol {
                1 => s.push('%'),
                2 => s.insert_str(0, "€ "),
                3 => s.push_str("\u{a0}€"),
                _ => {}
            }
            prop_assert_eq!(parse_localised(&s, lang), Ok(value_of(v)), "{}", s);
        }

        #[test]
        fn plain_reads_back_exactly(v in any::<f64>().prop_filter("finite", |v| v.is_finite()), nl in any::<bool>()) {
            let lang = if nl { NL } else { EN };
            let s = Plain(v, lang).to_string();
            prop_assert_eq!(parse_localised(&s, lang), Ok(v), "{}", s);
            prop_assert_eq!(parse_in_file(&Plain(v, EN).to_string(), None), Ok(v));
        }

        #[test]
        fn nothing_is_read_a_thousand_times_smaller(int in 1u32..1000, frac in 0u32..1000, nl in any::<bool>()) {
            // "2.600" / "2,600": the groups the page writes, or refused.
            let lang = if nl { NL } else { EN };
            let (dec, grp) = if nl { (",", ".") } else { (".", ",") };
            let grouped = std::format!("{int}{grp}{frac:03}");
            prop_assert_eq!(parse_localised(&grouped, lang), Ok(int as f64 * 1000.0 + frac as f64));
            let decimal = std::format!("{int}{dec}{frac:03}");
            prop_assert!(parse_localised(&decimal, lang).is_err(), "{}", decimal);
        }

        #[test]
        fn never_panics(s in ".{0,40}", nl in any::<bool>()) {
            let _ = parse_localised(&s, if nl { NL } else { EN });
            let _ = parse_in_file(&s, None);
        }
    }
}
