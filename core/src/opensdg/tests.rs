//! Each fixture's answer is worked out from sdg-build's rules in the
//! module docs (and its reading checked against pandas 3.1's
//! `read_csv`); the numbers beside each file are in
//! tests/fixtures/opensdg/README.md.
use super::*;
use crate::progress::{open_sdg, Direction, OpenSdgConfig, Reason, Status};
use proptest::prelude::*;

macro_rules! fixture {
    ($name:literal) => {
        include_bytes!(concat!("../../../tests/fixtures/opensdg/", $name)).as_slice()
    };
}

fn read(input: &[u8], sel: &Selection) -> Result<(Vec<Row>, Read), Error> {
    let mut buf = [Row {
        year: 0,
        value: 0.0,
        line: 0,
    }; 64];
    let r = read_series(input, sel, &mut buf)?;
    let n = match r.outcome {
        Outcome::Rows { count, .. } => count,
        Outcome::NoHeadline { .. } => 0,
    };
    Ok((buf[..n].to_vec(), r))
}

fn years_values(rows: &[Row]) -> Vec<(i32, f64)> {
    rows.iter().map(|r| (r.year, r.value)).collect()
}

fn points(rows: &[Row]) -> Vec<Point> {
    rows.iter().map(|r| r.point()).collect()
}

const ALL: Selection = Selection {
    series: None,
    unit: None,
    disaggregation: &[],
};

#[test]
fn filled_geocode_units_series_status_do_not_stop_the_headline() {
    let (rows, r) = read(fixture!("filled-columns.csv"), &ALL).unwrap();
    assert_eq!(
        years_values(&rows),
        [(2014, 52.0), (2015, 50.0), (2017, 49.0), (2020, 47.0)]
    );
    assert!(r.warnings.is_empty());
    // Base 2015 = 50, current 2020 = 47, direction negative, no target:
    // v = -((47/50)^(1/5) - 1) = 0.012299: moderate, 250 v - 1.25.
    let a = open_sdg(&points(&rows), &OpenSdgConfig::default());
    assert_eq!(a.status, Status::ModerateProgress);
    assert!((a.score.unwrap() - 1.8247).abs() < 5e-4);
}

#[test]
fn pandas_missing_value_tokens_are_missing_in_every_column() {
    for t in NA_VALUES {
        assert!(is_na(t), "{t}");
    }
    assert!(!is_na(" NA") && !is_na("na") && !is_na("0"));
    let (rows, _) = read(fixture!("na-tokens.csv"), &ALL).unwrap();
    // Headline: Sex is NA, N/A, null, <NA>, None, nan or n/a; " NA" is
    // text (the 999 row is a breakdown). Values NA, empty, #N/A and
    // NULL are dropped.
    assert_eq!(
        years_values(&rows),
        [(2015, 100.0), (2018, 104.0), (2020, 110.0)]
    );
    let cfg = OpenSdgConfig {
        target: Some(150.0),
        direction: Direction::Increase,
        ..OpenSdgConfig::default()
    };
    let a = open_sdg(&points(&rows), &cfg);
    // R = (1.1^(1/5) - 1) / (1.5^(1/15) - 1) = 0.70238: moderate.
    assert_eq!(a.status, Status::ModerateProgress);
    assert!((a.progress_value.unwrap() - 0.70238).abs() < 5e-5);
    assert!((a.score.unwrap() - 0.7313).abs() < 5e-4);
}

#[test]
fn fiscal_years_are_their_first_four_characters() {
    for f in [
        fixture!("fiscal-years.csv"),
        fixture!("fiscal-years-dash.csv"),
    ] {
        let (rows, r) = read(f, &ALL).unwrap();
        assert_eq!(
            years_values(&rows),
            [(2013, 79.0), (2014, 80.0), (2015, 82.0), (2019, 84.0)]
        );
        assert_eq!(r.warnings.as_slice(), [Warning::YearsCut]);
        // Base 2015 (2015/2016) = 82, current 2019 = 84, negative:
        // v = -((84/82)^(1/4) - 1) = -0.006043: deterioration.
        let a = open_sdg(&points(&rows), &OpenSdgConfig::default());
        assert_eq!(a.status, Status::Deterioration);
        assert!((a.score.unwrap() + 3.2553).abs() < 5e-4);
    }
    // FY2016: "FY20" is not an integer; sdg-build stops.
    let e = read(fixture!("fiscal-years-fy.csv"), &ALL).unwrap_err();
    assert_eq!((e.line, e.column, e.kind), (3, Some(0), ErrorKind::BadYear));
    // A missing year anywhere stops it too; 2015.0 (a float column) is
    // 2015.
    let e = read(b"Year,Sex,Value\n2015,,1\nNA,F,2\n", &ALL).unwrap_err();
    assert_eq!((e.line, e.kind), (3, ErrorKind::MissingYear));
    let (rows, _) = read(b"Year,Value\n2015.0,1\n2016,2\n", &ALL).unwrap();
    assert_eq!(years_values(&rows), [(2015, 1.0), (2016, 2.0)]);
}

/// A Year column of text with no year longer than four characters is not
/// cut; Open SDG then fails comparing text with the base year, so only
/// when some row is measured. Likewise a column of missing years only.
#[test]
fn a_text_year_column_fails_only_when_a_row_is_measured() {
    let e = read(b"Year,Sex,Value\nFY20,,\n2017,,1\n", &ALL).unwrap_err();
    assert_eq!((e.line, e.kind), (2, ErrorKind::BadYear));
    let (rows, _) = read(b"Year,Sex,Value\nFY20,F,1\n2017,,\n", &ALL).unwrap();
    assert!(rows.is_empty());
    let (rows, _) = read(b"Year,Value\nNA,\n", &ALL).unwrap();
    assert!(rows.is_empty());
    let e = read(b"Year,Value\nNA,1\n", &ALL).unwrap_err();
    assert_eq!((e.line, e.kind), (2, ErrorKind::MissingYear));
}

#[test]
fn several_units_or_series_among_the_headline_are_refused() {
    let e = read(fixture!("several-units.csv"), &ALL).unwrap_err();
    assert_eq!(
        (e.line, e.column, e.kind),
        (2, Some(1), ErrorKind::ManySubSeries { other_line: 3 })
    );
    let e = read(fixture!("several-series.csv"), &ALL).unwrap_err();
    assert_eq!(e.column, Some(1));
    // One unit chosen: 20 -> 20.5, positive: v = 0.0049507, limited.
    let sel = Selection {
        unit: Some("Percent"),
        ..ALL
    };
    let (rows, r) = read(fixture!("several-units.csv"), &sel).unwrap();
    assert!(r.warnings.is_empty());
    assert_eq!(years_values(&rows), [(2015, 20.0), (2020, 20.5)]);
    let cfg = OpenSdgConfig {
        direction: Direction::Increase,
        ..OpenSdgConfig::default()
    };
    let a = open_sdg(&points(&rows), &cfg);
    assert_eq!(a.status, Status::LimitedProgress);
    assert!((a.score.unwrap() + 0.0246).abs() < 5e-4);
    // A unit no row has: Open SDG warns and keeps every unit, so the
    // headline still holds two.
    let sel = Selection {
        unit: Some("percent"),
        ..ALL
    };
    let e = read(fixture!("several-units.csv"), &sel).unwrap_err();
    assert!(matches!(e.kind, ErrorKind::ManySubSeries { .. }));
}

#[test]
fn disaggregations_only_has_no_headline_until_one_is_chosen() {
    let (_, r) = read(fixture!("disaggregations-only.csv"), &ALL).unwrap();
    assert_eq!(r.outcome, Outcome::NoHeadline { line: 2, column: 1 });
    // Sex = Male keeps one Age (15-24): 14 -> 13.5, negative:
    // v = 0.0072471, moderate, 250 v - 1.25 = 0.5618.
    let only_sex = [Filter {
        field: "Sex",
        value: "Male",
    }];
    let sel = Selection {
        disaggregation: &only_sex,
        ..ALL
    };
    let (rows, _) = read(fixture!("disaggregations-only.csv"), &sel).unwrap();
    let a = open_sdg(&points(&rows), &OpenSdgConfig::default());
    assert_eq!(a.status, Status::ModerateProgress);
    assert!((a.score.unwrap() - 0.5618).abs() < 5e-4);
    // A field that is no column: a warning, no filter, so both sexes
    // remain: many sub-series.
    let nope = [Filter {
        field: "Gender",
        value: "Male",
    }];
    let sel = Selection {
        disaggregation: &nope,
        ..ALL
    };
    let e = read(fixture!("disaggregations-only.csv"), &sel).unwrap_err();
    assert!(matches!(e.kind, ErrorKind::ManySubSeries { .. }));
}

#[test]
fn not_utf8_is_refused_with_its_line_and_bom_crlf_read_as_plain() {
    let e = read(fixture!("not-utf8.csv"), &ALL).unwrap_err();
    assert_eq!((e.line, e.kind), (3, ErrorKind::NotUtf8));
    let (rows, _) = read(fixture!("bom-crlf.csv"), &ALL).unwrap();
    assert_eq!(years_values(&rows), [(2018, 50.0), (2024, 47.0)]);
    assert_eq!(rows[1].line, 4);
    let a = open_sdg(&points(&rows), &OpenSdgConfig::default());
    assert!((a.score.unwrap() - 1.315).abs() < 5e-4);
}

#[test]
fn bad_values_duplicates_and_missing_columns_name_line_and_column() {
    let e = read(b"Year,Value\n2015,1\n2016,x\n", &ALL).unwrap_err();
    assert_eq!(
        (e.line, e.column, e.kind),
        (3, Some(1), ErrorKind::BadValue)
    );
    // A bad value outside the rows measured is not read (pandas keeps
    // it as text; sdg-build converts only the rows it measures).
    let (rows, _) = read(b"Year,Sex,Value\n2015,,1\n2016,F,x\n", &ALL).unwrap();
    assert_eq!(rows.len(), 1);
    let e = read(b"Year,Value\n2015,1\n2015,2\n", &ALL).unwrap_err();
    assert_eq!(
        (e.line, e.kind),
        (3, ErrorKind::DuplicateYear { other_line: 2 })
    );
    let e = read(b"Jaar,Value\n2015,1\n", &ALL).unwrap_err();
    assert_eq!(e.kind, ErrorKind::MissingColumn(YEAR));
    let e = read(b"Year,Value\n2015,1,3\n", &ALL).unwrap_err();
    assert_eq!((e.line, e.kind), (2, ErrorKind::TooManyFields));
    let mut one = [Row {
        year: 0,
        value: 0.0,
        line: 0,
    }; 1];
    let e = read_series(b"Year,Value\n2015,1\n2016,2\n", &ALL, &mut one).unwrap_err();
    assert_eq!(e.kind, ErrorKind::TooManyRows { capacity: 1 });
    // A Progress column replaces Value.
    let (rows, _) = read(b"Year,Value,Progress\n2015,1,10\n2016,2,NA\n", &ALL).unwrap();
    assert_eq!(years_values(&rows), [(2015, 10.0)]);
    // No rows: no data, an ordinary not available.
    let (rows, _) = read(b"Year,Sex,Value\n", &ALL).unwrap();
    assert_eq!(
        open_sdg(&points(&rows), &OpenSdgConfig::default()).reason,
        Some(Reason::NoData)
    );
}

#[test]
fn the_header_is_told_as_written() {
    let mut names = Vec::new();
    header(fixture!("bom-crlf.csv"), |i, n| {
        names.push((i, n.to_string()))
    })
    .unwrap();
    assert_eq!(
        names,
        [(0, "Year".into()), (1, "Sex".into()), (2, "Value".into())]
    );
}

proptest! {
    #[test]
    fn the_reader_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        let _ = read(&bytes, &ALL);
        let f = [Filter { field: "Sex", value: "F" }];
        let sel = Selection { series: Some("S"), unit: Some("U"), disaggregation: &f };
        let _ = read(&bytes, &sel);
    }

    #[test]
    fn the_reader_never_panics_on_csv_like_text(
        lines in proptest::collection::vec(
            proptest::collection::vec(
                prop_oneof![
                    Just(String::new()), Just("NA".to_string()), Just("2015".to_string()),
                    Just("2014/2015".to_string()), Just("F".to_string()), Just("1.5".to_string()),
                    Just("\"a,b\"".to_string()), "[ -~]{0,6}",
                ],
                1..5,
            ),
            0..8,
        )
    ) {
        let mut text = String::from("Year,Sex,Units,Value\n");
        for l in &lines {
            text.push_str(&l.join(","));
            text.push('\n');
        }
        let _ = read(text.as_bytes(), &ALL);
        let sel = Selection { unit: Some("F"), ..ALL };
        let _ = read(text.as_bytes(), &sel);
    }
}
