//! Numbers as the dashboard shows them to a reader, exactly as the
//! browser's `Intl.NumberFormat` writes them for `nl-NL` and `en-GB`
//! (CLDR's patterns): [`Grouped`] `25.000` / `25,000` (at most two
//! decimals), [`Euros`] compact `€ 7 mld.` / `€7bn`, [`Percent`] `12%`.
//! Written here, not by the browser, so that a page reads the same in a
//! native test or a snapshot as in the browser (the dashboard's browser
//! tests compare them with `Intl.NumberFormat` there). Part of
//! [`super`].
//!
//! Rounding is half away from zero on the number's shortest decimal form
//! (`0.015` → `0.02`, as `Intl` does, not on its binary value); scaling to
//! thousands, millions or a percentage moves the decimal point, exactly.
//! No heap: the digits live in a buffer on the stack.

use core::fmt::{self, Write};

use crate::model::Lang;

/// Digits kept at most on either side of the point (an `f64` has at most
/// 309 before it; beyond this the number is written plainly).
const ROOM: usize = 400;

/// A number as decimal digits: `int` before the point, `frac` after.
struct Digits {
    int: [u8; ROOM],
    ni: usize,
    frac: [u8; ROOM],
    nf: usize,
}

/// `fmt::Write` into a fixed buffer; too long is an error.
struct Buf {
    b: [u8; ROOM],
    n: usize,
}

impl Write for Buf {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let end = self.n + s.len();
        let slot = self.b.get_mut(self.n..end).ok_or(fmt::Error)?;
        slot.copy_from_slice(s.as_bytes());
        self.n = end;
        Ok(())
    }
}

impl Digits {
    /// The digits of `|v|` (finite), from Rust's shortest form.
    fn of(v: f64) -> Option<Digits> {
        let mut buf = Buf { b: [0; ROOM], n: 0 };
        write!(buf, "{}", libm::fabs(v)).ok()?;
        let text = buf.b.get(..buf.n)?;
        let mut d = Digits {
            int: [0; ROOM],
            ni: 0,
            frac: [0; ROOM],
            nf: 0,
        };
        let mut after = false;
        for &c in text {
            match c {
                b'.' => after = true,
                b'0'..=b'9' if after => {
                    *d.frac.get_mut(d.nf)? = c - b'0';
                    d.nf += 1;
                }
                b'0'..=b'9' => {
                    *d.int.get_mut(d.ni)? = c - b'0';
                    d.ni += 1;
                }
                _ => return None,
            }
        }
        Some(d)
    }

    /// Multiply by `10^k` (`k > 0`) or divide by `10^-k`: move the point.
    fn shift(&mut self, k: i32) -> Option<()> {
        let mut int = [0u8; ROOM];
        let mut frac = [0u8; ROOM];
        // All the digits in one row, and where the point falls in it.
        let mut all = [0u8; 2 * ROOM];
        let n = self.ni + self.nf;
        all.get_mut(..self.ni)?
            .copy_from_slice(self.int.get(..self.ni)?);
        all.get_mut(self.ni..n)?
            .copy_from_slice(self.frac.get(..self.nf)?);
        let point = self.ni as i64 + i64::from(k);
        let (mut ni, mut nf) = (0usize, 0usize);
        if point <= 0 {
            // Zeros after the point first.
            for _ in 0..(-point) {
                *frac.get_mut(nf)? = 0;
                nf += 1;
            }
            for &x in all.get(..n)? {
                *frac.get_mut(nf)? = x;
                nf += 1;
            }
        } else {
            let point = point as usize;
            for i in 0..point.max(n) {
                let x = all.get(i).copied().filter(|_| i < n).unwrap_or(0);
                if i < point {
                    *int.get_mut(ni)? = x;
                    ni += 1;
                } else {
                    *frac.get_mut(nf)? = x;
                    nf += 1;
                }
            }
        }
        self.int = int;
        self.ni = ni;
        self.frac = frac;
        self.nf = nf;
        self.trim();
        Some(())
    }

    /// No leading zeros before the point (one `0` for none), no trailing
    /// zeros after it.
    fn trim(&mut self) {
        let lead = self
            .int
            .iter()
            .take(self.ni)
            .take_while(|&&x| x == 0)
            .count();
        if lead > 0 {
            self.int.copy_within(lead..self.ni, 0);
            self.ni -= lead;
        }
        while self.nf > 0 && self.frac.get(self.nf - 1) == Some(&0) {
            self.nf -= 1;
        }
    }

    /// Round half away from zero to at most `decimals` after the point.
    fn round(&mut self, decimals: usize) {
        if self.nf <= decimals {
            return;
        }
        let up = self.frac.get(decimals).is_some_and(|&x| x >= 5);
        self.nf = decimals;
        if up {
            // Add one at the last place kept, carrying leftwards.
            let mut carry = true;
            for x in self.frac.iter_mut().take(self.nf).rev() {
                if !carry {
                    break;
                }
                *x += 1;
                carry = *x == 10;
                if carry {
                    *x = 0;
                }
            }
            for x in self.int.iter_mut().take(self.ni).rev() {
                if !carry {
                    break;
                }
                *x += 1;
                carry = *x == 10;
                if carry {
                    *x = 0;
                }
            }
            if carry {
                // 9.99 → 10: a new first digit.
                if self.ni < ROOM {
                    self.int.copy_within(0..self.ni, 1);
                    self.int[0] = 1;
                    self.ni += 1;
                }
            }
        }
        self.trim();
    }

    /// Whether no digit is left (the number rounded to 0).
    fn is_zero(&self) -> bool {
        self.int.iter().take(self.ni).all(|&x| x == 0) && self.nf == 0
    }

    /// Write the digits, the integer part grouped by threes with `group`
    /// (none when `None`), `dec` before the decimals.
    fn write(&self, f: &mut impl Write, group: Option<char>, dec: char) -> fmt::Result {
        if self.ni == 0 {
            f.write_char('0')?;
        }
        for (i, &x) in self.int.iter().take(self.ni).enumerate() {
            if i > 0 && (self.ni - i).is_multiple_of(3) {
                if let Some(g) = group {
                    f.write_char(g)?;
                }
            }
            f.write_char(char::from(b'0' + x))?;
        }
        if self.nf > 0 {
            f.write_char(dec)?;
            for &x in self.frac.iter().take(self.nf) {
                f.write_char(char::from(b'0' + x))?;
            }
        }
        Ok(())
    }
}

/// The group and decimal separators of `lang`.
fn separators(lang: Lang) -> (char, char) {
    match lang {
        Lang::Nl => ('.', ','),
        Lang::En => (',', '.'),
    }
}

/// What `Intl` writes for a number that is not finite.
fn not_finite(f: &mut fmt::Formatter<'_>, v: f64) -> fmt::Result {
    if v.is_nan() {
        f.write_str("NaN")
    } else if v < 0.0 {
        f.write_str("-∞")
    } else {
        f.write_str("∞")
    }
}

/// A number grouped by thousands, at most two decimals: `25.000`,
/// `1.234,5` (nl), `25,000`, `1,234.5` (en); `Intl.NumberFormat(locale,
/// {maximumFractionDigits: 2})`.
pub struct Grouped(pub f64, pub Lang);

impl fmt::Display for Grouped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Grouped(v, lang) = *self;
        if !v.is_finite() {
            return not_finite(f, v);
        }
        let Some(mut d) = Digits::of(v) else {
            return write!(f, "{v}");
        };
        d.round(2);
        if v < 0.0 {
            f.write_char('-')?;
        }
        let (group, dec) = separators(lang);
        d.write(f, Some(group), dec)
    }
}

/// A share as a whole percentage: 0.125 → `13%`; `Intl.NumberFormat(locale,
/// {style: "percent", maximumFractionDigits: 0})`.
pub struct Percent(pub f64, pub Lang);

impl fmt::Display for Percent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Percent(v, lang) = *self;
        if !v.is_finite() {
            not_finite(f, v)?;
            return f.write_char('%');
        }
        let Some(mut d) = Digits::of(v).and_then(|mut d| d.shift(2).map(|_| d)) else {
            return write!(f, "{}%", v * 100.0);
        };
        d.round(0);
        if v < 0.0 {
            f.write_char('-')?;
        }
        let (group, dec) = separators(lang);
        d.write(f, Some(group), dec)?;
        f.write_char('%')
    }
}

/// Euros, compact, at most two decimals: `€ 7 mld.`, `€ 450 mln.`,
/// `€ 2,5K`, `€ 999` (nl; a no-break space after `€` and before the word);
/// `€7bn`, `€450m`, `€2.5k` (en); `Intl.NumberFormat(locale, {style:
/// "currency", currency: "EUR", notation: "compact",
/// minimumFractionDigits: 0, maximumFractionDigits: 2})`.
pub struct Euros(pub f64, pub Lang);

impl fmt::Display for Euros {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const NL: [&str; 5] = ["", "K", "\u{a0}mln.", "\u{a0}mld.", "\u{a0}bln."];
        const EN: [&str; 5] = ["", "k", "m", "bn", "tn"];
        let Euros(v, lang) = *self;
        let euro = match lang {
            Lang::Nl => "€\u{a0}",
            Lang::En => "€",
        };
        if !v.is_finite() {
            f.write_str(euro)?;
            return not_finite(f, v);
        }
        let Some(whole) = Digits::of(v) else {
            return write!(f, "{euro}{v}");
        };
        // Thousands, millions, … from the digits before the point; one
        // step up when rounding reaches a thousand (999.999 → 1 mln.).
        let mut step = if whole.ni >= 4 {
            ((whole.ni - 1) / 3).min(4)
        } else {
            0
        };
        let mut d = loop {
            let mut d = whole_copy(&whole);
            if step > 0 && d.shift(-3 * step as i32).is_none() {
                return write!(f, "{euro}{v}");
            }
            d.round(2);
            if d.ni >= 4 && step < 4 {
                step += 1;
                continue;
            }
            break d;
        };
        let negative = v < 0.0;
        if d.is_zero() {
            d.ni = 1;
        }
        let (_, dec) = separators(lang);
        let word = match lang {
            Lang::Nl => NL[step],
            Lang::En => EN[step],
        };
        // nl writes `€ -3` but `-€ 7 mld.` (CLDR's patterns), en `-€3`.
        if negative && (lang == Lang::En || step > 0) {
            f.write_char('-')?;
        }
        f.write_str(euro)?;
        if negative && lang == Lang::Nl && step == 0 {
            f.write_char('-')?;
        }
        d.write(f, None, dec)?;
        f.write_str(word)
    }
}

/// A copy of `d` (the digits are plain arrays).
fn whole_copy(d: &Digits) -> Digits {
    Digits {
        int: d.int,
        ni: d.ni,
        frac: d.frac,
        nf: d.nf,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::string::{String, ToString};

    fn s(x: impl fmt::Display) -> String {
        x.to_string().replace(['\u{a0}'], "⍽")
    }

    // Each row: the value, then what Chromium's Intl.NumberFormat writes
    // for nl-NL and en-GB (no-break spaces shown as ⍽): number, euros,
    // percent. Printed from Chromium (Debian's, 2026-12-03).
    const ROWS: &[(f64, [&str; 6])] = &[
        (0.0, ["0", "€⍽0", "0%", "0", "€0", "0%"]),
        (0.5, ["0,5", "€⍽0,5", "50%", "0.5", "€0.5", "50%"]),
        (2.27, ["2,27", "€⍽2,27", "227%", "2.27", "€2.27", "227%"]),
        (
            12.345,
            ["12,35", "€⍽12,35", "1.235%", "12.35", "€12.35", "1,235%"],
        ),
        (
            999.995,
            ["1.000", "€⍽1K", "100.000%", "1,000", "€1k", "100,000%"],
        ),
        (
            1234.5,
            [
                "1.234,5",
                "€⍽1,23K",
                "123.450%",
                "1,234.5",
                "€1.23k",
                "123,450%",
            ],
        ),
        (
            9999.0,
            ["9.999", "€⍽10K", "999.900%", "9,999", "€10k", "999,900%"],
        ),
        (
            999999.0,
            [
                "999.999",
                "€⍽1⍽mln.",
                "99.999.900%",
                "999,999",
                "€1m",
                "99,999,900%",
            ],
        ),
        (
            2345000.0,
            [
                "2.345.000",
                "€⍽2,35⍽mln.",
                "234.500.000%",
                "2,345,000",
                "€2.35m",
                "234,500,000%",
            ],
        ),
        (
            999.5e6,
            [
                "999.500.000",
                "€⍽999,5⍽mln.",
                "99.950.000.000%",
                "999,500,000",
                "€999.5m",
                "99,950,000,000%",
            ],
        ),
        (
            1.15e9,
            [
                "1.150.000.000",
                "€⍽1,15⍽mld.",
                "115.000.000.000%",
                "1,150,000,000",
                "€1.15bn",
                "115,000,000,000%",
            ],
        ),
        (
            7e9,
            [
                "7.000.000.000",
                "€⍽7⍽mld.",
                "700.000.000.000%",
                "7,000,000,000",
                "€7bn",
                "700,000,000,000%",
            ],
        ),
        (
            1.5e12,
            [
                "1.500.000.000.000",
                "€⍽1,5⍽bln.",
                "150.000.000.000.000%",
                "1,500,000,000,000",
                "€1.5tn",
                "150,000,000,000,000%",
            ],
        ),
        (
            1e15,
            [
                "1.000.000.000.000.000",
                "€⍽1000⍽bln.",
                "100.000.000.000.000.000%",
                "1,000,000,000,000,000",
                "€1000tn",
                "100,000,000,000,000,000%",
            ],
        ),
        (-3.0, ["-3", "€⍽-3", "-300%", "-3", "-€3", "-300%"]),
        (
            -7e9,
            [
                "-7.000.000.000",
                "-€⍽7⍽mld.",
                "-700.000.000.000%",
                "-7,000,000,000",
                "-€7bn",
                "-700,000,000,000%",
            ],
        ),
        (
            -1234.5,
            [
                "-1.234,5",
                "-€⍽1,23K",
                "-123.450%",
                "-1,234.5",
                "-€1.23k",
                "-123,450%",
            ],
        ),
        (0.004, ["0", "€⍽0", "0%", "0", "€0", "0%"]),
        (0.005, ["0,01", "€⍽0,01", "1%", "0.01", "€0.01", "1%"]),
        (0.015, ["0,02", "€⍽0,02", "2%", "0.02", "€0.02", "2%"]),
        (0.125, ["0,13", "€⍽0,13", "13%", "0.13", "€0.13", "13%"]),
        (
            123456789.123,
            [
                "123.456.789,12",
                "€⍽123,46⍽mln.",
                "12.345.678.912%",
                "123,456,789.12",
                "€123.46m",
                "12,345,678,912%",
            ],
        ),
    ];

    #[test]
    fn as_chromiums_intl_number_format_writes_them() {
        for (v, want) in ROWS {
            let got = [
                s(Grouped(*v, Lang::Nl)),
                s(Euros(*v, Lang::Nl)),
                s(Percent(*v, Lang::Nl)),
                s(Grouped(*v, Lang::En)),
                s(Euros(*v, Lang::En)),
                s(Percent(*v, Lang::En)),
            ];
            assert_eq!(got, want.map(String::from), "{v}");
        }
    }

    #[test]
    fn any_number_is_written_without_a_panic() {
        for v in [
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::MAX,
            f64::MIN,
            f64::MIN_POSITIVE,
            5e-324,
            -0.0,
            1e300,
        ] {
            let _ = (
                Grouped(v, Lang::Nl).to_string(),
                Euros(v, Lang::En).to_string(),
            );
            let _ = Percent(v, Lang::Nl).to_string();
        }
        assert_eq!(Grouped(f64::NAN, Lang::Nl).to_string(), "NaN");
        assert_eq!(Euros(f64::INFINITY, Lang::En).to_string(), "€∞");
    }
}
