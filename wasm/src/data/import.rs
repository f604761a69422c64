//! Reading the user's figures from a file: a koers JSON file or a CSV of
//! observations, as bytes decoded to text, each problem with its line.

use std::boxed::Box;
use std::string::{String, ToString};
use std::vec::Vec;

use koers_core::csvcell;
use koers_core::load::{self, ErrorKind, Issues, Table};
use koers_core::model::{Dataset, Lang};
use koers_core::numbers::{self, NumberError};

use super::{
    check, escape, mark_published, problems, problems_of, unit_of, Flow, Obs, Problem, UserData,
};

/// Read a JSON file of figures: a koers-figures file (as Export JSON writes
/// it and as this browser stores it) or a whole koers file (as exported
/// before). Its observations and window flows that are published already
/// (the same figure from the same publication, or the same flow) are left
/// out; the rest are the user's, checked on top of the published figures.
/// Every problem comes with its JSON path and line in `text`.
pub fn import_json(base: &Dataset<'static>, text: &str) -> Result<UserData, Vec<Problem>> {
    let mut scratch = Box::<Dataset>::default();
    let read = match load::parse_figures_into(text, &mut scratch) {
        Err(e) if e.kind == ErrorKind::NotInThisFile => load::load_into(text, &mut scratch),
        other => other.map_err(Issues::from),
    };
    if let Err(issues) = read {
        return Err(problems(&issues));
    }
    let mut data = UserData::default();
    let (mut obs_at, mut flows_at) = (Vec::new(), Vec::new());
    for (j, o) in scratch.observations.iter().enumerate() {
        let published = o.document.is_some()
            && base.observations.iter().any(|b| {
                b.subject == o.subject
                    && b.year == o.year
                    && b.value == o.value
                    && b.document == o.document
                    && b.breakdown == o.breakdown
            });
        if !published && !o.is_headline() {
            // The user's layer holds headline figures only.
            let line = load::locate(text, Table::Observations, Some(j), Some("breakdown"));
            return Err(std::vec![Problem {
                line,
                field: ["observations[", &j.to_string(), "].breakdown"].concat(),
                index: Some(j),
                table: Some(Table::Observations),
                kind: ErrorKind::BreakdownNotPublished,
                published: false,
            }]);
        }
        if !published {
            data.obs.push(Obs::from_model(o));
            obs_at.push(j);
        }
    }
    for (j, f) in scratch.window_flows.iter().enumerate() {
        if !base.window_flows.iter().any(|b| b == f) {
            data.flows.push(Flow::from_model(f));
            flows_at.push(j);
        }
    }
    match check(base, &data) {
        Ok(()) => Ok(data),
        Err(issues) => {
            let mut ps = problems_of(&issues, |p| {
                let key = p.field.split('.').next().filter(|k| !k.is_empty());
                let at = match p.table? {
                    Table::Observations => &obs_at,
                    Table::WindowFlows => &flows_at,
                    _ => return load::locate(text, p.table?, p.index, key),
                };
                load::locate(text, p.table?, Some(*at.get(p.index?)?), key)
            });
            mark_published(base, &data, &mut ps);
            Err(ps)
        }
    }
}

/// The largest file the dashboard reads: larger than any valid one, so a
/// bigger file is refused before it is read. A CSV holds at most
/// [`MAX_OBSERVATIONS`](koers_core::config::MAX_OBSERVATIONS) rows and a
/// header of [`load::CSV_LINE_BYTES`] each; a JSON file at most every table
/// of a figures file at capacity (observations, window flows, sources,
/// series, events) at two such lines an item, and a vision's 512 KiB.
pub const MAX_IMPORT_BYTES: usize = {
    use koers_core::config::*;
    let csv = (MAX_OBSERVATIONS + 1) * load::CSV_LINE_BYTES;
    let json = (MAX_OBSERVATIONS + MAX_WINDOW_FLOWS + MAX_SOURCES + MAX_SERIES + MAX_EVENTS)
        * 2
        * load::CSV_LINE_BYTES
        + 512 * 1024;
    if csv > json {
        csv
    } else {
        json
    }
};

/// A file's bytes as text: UTF-8 (a byte-order mark is dropped), or the
/// line of the first byte that is not.
pub fn decode(bytes: &[u8]) -> Result<&str, Problem> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    core::str::from_utf8(bytes).map_err(|e| {
        let at = bytes.get(..e.valid_up_to()).unwrap_or(bytes);
        Problem {
            line: Some(at.iter().filter(|b| **b == b'\n').count() as u32 + 1),
            field: String::new(),
            index: None,
            table: None,
            kind: ErrorKind::NotUtf8,
            published: false,
        }
    })
}

/// The number convention a CSV file's values show without doubt (Dutch
/// `2,6`, English `2.6`), when they show only one.
fn file_convention(bytes: &[u8]) -> Option<Lang> {
    let mut col = None;
    let (mut nl, mut en) = (false, false);
    let _ = load::read_csv(
        bytes,
        |rec| {
            let Some(c) = col else {
                col = Some((0..rec.len()).find(|i| {
                    rec.get(*i)
                        .is_some_and(|h| h.trim().eq_ignore_ascii_case("value"))
                }));
                return Ok::<(), ()>(());
            };
            match c.and_then(|i| rec.get(i)).and_then(numbers::convention) {
                Some(Lang::Nl) => nl = true,
                Some(Lang::En) => en = true,
                None => {}
            }
            Ok(())
        },
        |_| (),
    );
    match (nl, en) {
        (true, false) => Some(Lang::Nl),
        (false, true) => Some(Lang::En),
        _ => None,
    }
}

/// The CSV columns of observations, in export order.
pub const CSV_COLUMNS: [&str; 6] = ["subject", "year", "value", "source", "note", "provisional"];

/// Read observations from CSV (`subject,year,value,source,note,provisional`;
/// `note` and `provisional` may be absent): every problem with its line and
/// column, or the observations, checked against the vision. Window flows
/// are kept from `keep`.
pub fn import_csv(
    base: &Dataset<'static>,
    bytes: &[u8],
    keep: &[Flow],
) -> Result<UserData, Vec<Problem>> {
    let mut cols: Option<[Option<usize>; 6]> = None;
    let mut width = 0usize;
    let mut obs = Vec::new();
    let mut lines = Vec::new();
    let mut problems = Vec::new();
    let problem = |line: u32, field: &str, kind: ErrorKind| Problem {
        line: Some(line),
        field: field.into(),
        index: None,
        table: None,
        kind,
        published: false,
    };
    let text = match decode(bytes) {
        Ok(t) => t,
        Err(p) => return Err(std::vec![p]),
    };
    let bytes = text.as_bytes();
    let convention = file_convention(bytes);
    let read = load::read_csv(
        bytes,
        |rec| {
            let Some(c) = cols else {
                // A file of one column holding ';' or tabs: another separator.
                if let (1, Some(sep)) = (
                    rec.len(),
                    rec.get(0)
                        .and_then(|h| h.chars().find(|c| matches!(c, ';' | '\t' | '|'))),
                ) {
                    problems.push(problem(rec.line, "", ErrorKind::Separator(sep)));
                    return Err(());
                }
                let mut found = [None; 6];
                for (k, name) in CSV_COLUMNS.iter().enumerate() {
                    found[k] = (0..rec.len()).find(|i| {
                        rec.get(*i).is_some_and(|h| {
                            h.trim()
                                .trim_start_matches('\u{feff}')
                                .eq_ignore_ascii_case(name)
                        })
                    });
                    if found[k].is_none() && k < 4 {
                        problems.push(problem(rec.line, name, ErrorKind::MissingColumn(name)));
                    }
                }
                width = rec.len();
                cols = Some(found);
                return if problems.is_empty() { Ok(()) } else { Err(()) };
            };
            if rec.len() > width {
                problems.push(problem(rec.line, "", ErrorKind::TooManyFields));
                return Ok(());
            }
            // Text cells as koers writes them: one guarding `'` removed.
            let field =
                |k: usize| csvcell::unguard(c[k].and_then(|i| rec.get(i)).unwrap_or("").trim());
            let before = problems.len();
            let subject = field(0);
            if subject.is_empty() {
                problems.push(problem(rec.line, "subject", ErrorKind::Empty));
            }
            let year = load::parse_year(field(1));
            if year.is_none() {
                let kind = if field(1).trim().parse::<i32>().is_ok() {
                    ErrorKind::YearOutOfRange
                } else {
                    ErrorKind::NotANumber
                };
                problems.push(problem(rec.line, "year", kind));
            }
            let value = match numbers::parse_in_file(field(2), convention) {
                Ok(_)
                    if !unit_of(base, subject)
                        .is_none_or(|u| numbers::symbol_fits(field(2), u)) =>
                {
                    let c = numbers::symbol(field(2)).unwrap_or('%');
                    problems.push(problem(rec.line, "value", ErrorKind::WrongSymbol(c)));
                    None
                }
                Ok(v) => Some(v),
                Err(NumberError::NotANumber) => {
                    problems.push(problem(rec.line, "value", ErrorKind::NotANumber));
                    None
                }
                Err(NumberError::Ambiguous { nl, en }) => {
                    problems.push(problem(
                        rec.line,
                        "value",
                        ErrorKind::AmbiguousNumber { nl, en },
                    ));
                    None
                }
            };
            let source = field(3);
            if source.is_empty() {
                problems.push(problem(rec.line, "source", ErrorKind::Empty));
            }
            let provisional = match field(5).to_ascii_lowercase().as_str() {
                "" | "false" | "0" | "no" | "nee" => Some(false),
                "true" | "1" | "yes" | "ja" => Some(true),
                _ => None,
            };
            if provisional.is_none() {
                problems.push(problem(rec.line, "provisional", ErrorKind::NotANumber));
            }
            if problems.len() == before {
                let note = field(4);
                obs.push(Obs {
                    subject: subject.into(),
                    year: year.unwrap_or_default(),
                    value: value.unwrap_or_default(),
                    source: escape(source),
                    note: (!note.is_empty()).then(|| escape(note)),
                    provisional: provisional.unwrap_or_default(),
                });
                lines.push(rec.line);
            }
            Ok(())
        },
        |_| (),
    );
    if read.is_err() && problems.is_empty() {
        // The reader stopped: a line longer than its buffer.
        let line = lines.last().map_or(1, |l| l + 1);
        problems.push(problem(line, "", ErrorKind::TooLong));
    }
    if cols.is_none() && problems.is_empty() {
        problems.push(problem(1, "subject", ErrorKind::MissingColumn("subject")));
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let data = UserData {
        obs,
        flows: keep.to_vec(),
    };
    match check(base, &data) {
        Ok(()) => Ok(data),
        Err(issues) => Err(issues
            .errors
            .iter()
            .map(|e| {
                let row = (e.path.table == Some(Table::Observations))
                    .then_some(e.path.index)
                    .flatten();
                Problem {
                    line: row.and_then(|i| lines.get(i).copied()),
                    field: e.path.field.as_str().into(),
                    index: row,
                    table: e.path.table,
                    kind: e.kind.clone(),
                    published: false,
                }
            })
            .collect::<Vec<_>>())
        .map_err(|mut ps| {
            mark_published(base, &data, &mut ps);
            ps
        }),
    }
}
