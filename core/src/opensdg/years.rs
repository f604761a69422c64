//! Years and numbers as pandas and Python read them.

/// How years are read, decided over the whole column as pandas does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Years {
    /// Every year is an integer of at most four digits.
    Int,
    /// Every year is an integer, some longer than four characters: each is
    /// cut to its first four.
    IntCut,
    /// Some year is text and some longer than four characters: each raw
    /// text is cut to its first four characters.
    TextCut,
    /// Some year is text, none longer than four characters: Open SDG fails.
    Text,
}

/// Python's `int()` of a text: whitespace around, an optional sign, digits.
pub(super) fn python_int(s: &str) -> Option<i64> {
    let s = s.trim_matches(|c: char| c.is_whitespace());
    let digits = s.strip_prefix(['+', '-']).unwrap_or(s);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse::<i64>().ok()
}

/// The first four characters of a text.
fn first_four(s: &str) -> &str {
    match s.char_indices().nth(4) {
        Some((i, _)) => s.get(..i).unwrap_or(s),
        None => s,
    }
}

/// Decimal digits of `n` (with its sign), as Python's `str(int)` counts
/// characters.
pub(super) fn int_chars(n: i64) -> usize {
    let mut len = usize::from(n < 0);
    let mut m = n.unsigned_abs();
    loop {
        len += 1;
        m /= 10;
        if m == 0 {
            return len;
        }
    }
}

/// The year of a field under the column's rule.
pub(super) fn year_of(field: &str, years: Years) -> Option<i32> {
    let n = match years {
        Years::Int => python_int(field)?,
        Years::IntCut => {
            let n = python_int(field)?;
            // str(n)[:4]: the sign counts as a character.
            let mut buf = [0u8; 24];
            let text = fmt_int(n, &mut buf)?;
            python_int(first_four(text))?
        }
        Years::TextCut => python_int(first_four(field))?,
        // Some year is not an integer, so the check of every row fails at
        // the first such year, the one to blame.
        Years::Text => python_int(field)?,
    };
    i32::try_from(n).ok()
}

/// `n` in decimal into `buf`.
fn fmt_int(n: i64, buf: &mut [u8; 24]) -> Option<&str> {
    let mut i = buf.len();
    let mut m = n.unsigned_abs();
    loop {
        i -= 1;
        *buf.get_mut(i)? = b'0' + (m % 10) as u8;
        m /= 10;
        if m == 0 {
            break;
        }
    }
    if n < 0 {
        i -= 1;
        *buf.get_mut(i)? = b'-';
    }
    core::str::from_utf8(buf.get(i..)?).ok()
}

/// A number as Python's `float()` reads it (whitespace around allowed).
/// NaN counts as missing.
pub(super) fn python_float(s: &str) -> Option<f64> {
    s.trim_matches(|c: char| c.is_whitespace())
        .parse::<f64>()
        .ok()
}
