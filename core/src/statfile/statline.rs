//! CBS StatLine CSV exports: the header's roles, periods and values (see
//! [`super`]).

use super::*;

pub(super) fn is_period_header(h: &str) -> bool {
    let h = h.trim().trim_start_matches('\u{feff}');
    h.eq_ignore_ascii_case("perioden") || h.eq_ignore_ascii_case("periods")
}

pub(super) fn statline_layout(rec: &CsvRecord) -> Option<Layout> {
    let names = header_of(rec);
    let period = (0..names.len()).find(|i| names.get(*i).is_some_and(|n| is_period_header(n)))?;
    if period + 1 >= names.len() {
        return None;
    }
    let roles = (0..names.len())
        .map(|i| match i {
            _ if i == period => Role::Time,
            _ if i > period => Role::Value,
            _ if names.get(i).is_some_and(|n| n.eq_ignore_ascii_case("ID")) => Role::Ignore,
            _ => Role::Dim,
        })
        .collect();
    Some(Layout {
        format: Format::StatLine,
        delimiter: b';',
        header_line: rec.line,
        roles,
        names,
    })
}

/// A StatLine period, and whether it is marked provisional (`*`) or
/// further provisional (`**`).
pub(super) fn statline_period(s: &str) -> Result<(Period, u8), ErrorKind> {
    let s = s.trim();
    let year = s
        .get(..4)
        .filter(|y| y.bytes().all(|b| b.is_ascii_digit()))
        .and_then(|y| y.parse::<i32>().ok())
        .ok_or(ErrorKind::BadPeriod)?;
    if !(1900..=2200).contains(&year) {
        return Err(ErrorKind::YearOutOfRange);
    }
    let rest = s.get(4..).unwrap_or("");
    let stars = rest.trim_end().len() - rest.trim_end().trim_end_matches('*').len();
    let body = rest.trim_end().trim_end_matches('*').trim();
    let code = |p: &str| {
        body.strip_prefix(p)
            .is_some_and(|t| t.len() == 2 && t.bytes().all(|b| b.is_ascii_digit()))
    };
    let period = if body.is_empty() || body == "JJ00" {
        Period::Year(year)
    } else if code("KW") || code("MM") || code("HJ") || code("X0") {
        Period::SubAnnual(year)
    } else if rest.starts_with(' ')
        && body.chars().next().is_some_and(|c| c.is_alphanumeric())
        && !body.contains(['/', '-'])
    {
        // A label: "2023 1e kwartaal", "2023 januari", "2023 1st quarter".
        Period::SubAnnual(year)
    } else {
        return Err(ErrorKind::BadPeriod);
    };
    Ok((period, stars.min(2) as u8))
}

/// A StatLine value: a number (decimal comma; a decimal point is read
/// where it cannot be a thousands separator), a missing-value symbol, or
/// `-` for zero. A trailing `*` marks it provisional.
pub(super) fn statline_value(s: &str) -> Result<(Option<f64>, bool), ErrorKind> {
    let t = s.trim();
    let star = t.ends_with('*');
    let t = t.trim_end_matches('*').trim();
    match t {
        "" | "." | "x" | "X" | "?" => Ok((None, star)),
        "-" | "\u{2013}" => Ok((Some(0.0), star)),
        _ => numbers::parse_in_file(t, Some(Lang::Nl))
            .map(|v| (Some(v), star))
            .map_err(|_| ErrorKind::NotANumber),
    }
}
