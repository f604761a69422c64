//! SDMX-CSV: the header's roles, periods and values (see [`super`]).

use super::*;

/// The code of a `CODE: Label` cell (the whole cell when there is no
/// label) and its label.
pub fn split_label(cell: &str) -> (&str, &str) {
    match cell.split_once(": ") {
        Some((code, label)) => (code.trim(), label.trim()),
        None => (cell.trim(), ""),
    }
}

pub(super) fn sdmx_layout(rec: &CsvRecord) -> Option<Layout> {
    let names = header_of(rec);
    let code = |i: usize| split_label(names.get(i).map_or("", |n| n.as_str())).0;
    let find = |c: &str| (0..names.len()).find(|i| code(*i).eq_ignore_ascii_case(c));
    let (time, value) = (find("TIME_PERIOD")?, find("OBS_VALUE")?);
    let first = time.min(value);
    let mut roles = Vec::new();
    let mut labelled = false;
    for i in 0..names.len() {
        let c = code(i);
        labelled |= names.get(i).is_some_and(|n| n.contains(": "));
        let is = |k: &str| c.eq_ignore_ascii_case(k);
        let role = if i == time {
            Role::Time
        } else if i == value {
            Role::Value
        } else if is("DATAFLOW") || is("STRUCTURE_ID") {
            Role::Flow
        } else if is("OBS_FLAG") || is("OBS_STATUS") {
            Role::Flag
        } else if is("UNIT_MULT") {
            Role::UnitMult
        } else if is("STRUCTURE")
            || is("ACTION")
            || is("KEY")
            || is("LAST UPDATE")
            || is("STRUCTURE_NAME")
            || i > first
        {
            Role::Ignore
        } else {
            Role::Dim
        };
        roles.push(role).ok()?;
    }
    Some(Layout {
        format: if labelled {
            Format::SdmxLabelled
        } else {
            Format::Sdmx
        },
        delimiter: b',',
        header_line: rec.line,
        roles,
        names,
    })
}

pub(super) fn sdmx_period(s: &str) -> Result<Period, ErrorKind> {
    let s = split_label(s).0;
    let year = s
        .get(..4)
        .filter(|y| y.bytes().all(|b| b.is_ascii_digit()))
        .and_then(|y| y.parse::<i32>().ok())
        .ok_or(ErrorKind::BadPeriod)?;
    let rest = s.get(4..).unwrap_or("");
    let digits = |t: &str, n: core::ops::RangeInclusive<usize>| {
        n.contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit())
    };
    let period = match rest.strip_prefix('-') {
        None if rest.is_empty() => Period::Year(year),
        Some("A1") | Some("A") => Period::Year(year),
        Some(r) => {
            let (head, tail) = r.split_at(r.find(|c: char| c.is_ascii_digit()).unwrap_or(r.len()));
            let ok = match head {
                "Q" | "S" | "T" | "M" | "W" | "D" => digits(tail, 1..=3),
                // 2023-01 (a month) or 2023-01-31 (a day)
                "" => {
                    digits(tail, 2..=2)
                        || (tail.len() == 5
                            && tail.get(2..3) == Some("-")
                            && digits(tail.get(..2).unwrap_or(""), 2..=2)
                            && digits(tail.get(3..).unwrap_or(""), 2..=2))
                }
                _ => false,
            };
            if !ok {
                return Err(ErrorKind::BadPeriod);
            }
            Period::SubAnnual(year)
        }
        None => return Err(ErrorKind::BadPeriod),
    };
    match period {
        Period::Year(y) | Period::SubAnnual(y) if !(1900..=2200).contains(&y) => {
            Err(ErrorKind::YearOutOfRange)
        }
        p => Ok(p),
    }
}

pub(super) fn sdmx_value(s: &str) -> Result<Option<f64>, ErrorKind> {
    let t = s.trim();
    if t.is_empty() || t.eq_ignore_ascii_case("nan") || t == ":" {
        return Ok(None);
    }
    load::parse_number(t).map(Some).ok_or(ErrorKind::NotANumber)
}
