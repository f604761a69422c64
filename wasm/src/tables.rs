//! The rows of the dashboard's data tables, as typed cells: a year is a
//! year, an amount a number in its unit, a status a status. The view
//! formats each cell for the reader ("€ 7 mld.", "3.000 personen"); the
//! CSV download writes the same rows with the numbers unformatted
//! (`7000000000`, `3000`), so a spreadsheet reads numbers, not text. Both
//! come from one builder per table, so what is downloaded is what is shown,
//! and `cargo test` checks every table of the shipped vision natively
//! (`tests/tables.rs`, its snapshot in `tests/snapshots/`).
//!
//! No arithmetic here: the numbers are koers-core's (`present`, the
//! roll-ups, the scenario and revolving models).

use std::string::{String, ToString};
use std::vec::Vec;

use koers_core::model::{Bilingual, Dataset, Lang, Observation, TargetKind, Unit};
use koers_core::present;
use koers_core::progress::Status;
use koers_core::view as words;
use koers_core::{dashboard, monitor};

use crate::app::{App, Mode};
use crate::data::{self, unescape, UserData};
use crate::i18n::{self as i, t};
use crate::route::{Part, Route};
use crate::scenario;

/// One cell of a table.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    /// A year.
    Year(i32),
    /// A value in a unit.
    Value(f64, Unit),
    /// An amount in euros.
    Money(f64),
    /// A multiplier (× times).
    Times(f64),
    /// A share from 0 to 1 (of a target's way, of a budget).
    Share(f64),
    /// A period: first and last year, either may be open.
    Period(Option<i32>, Option<i32>),
    /// A progress status.
    Status(Status),
    /// A fixed word of the interface.
    Word(i::S),
    /// Text: the vision's or the user's words.
    Text(String),
    /// Nothing to show ("–" on the page, an empty field in CSV).
    Nothing,
}

/// One column's header: a word, and the unit its numbers are in (said in
/// the CSV header, where the cells carry no unit).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Head {
    /// The column's name.
    pub word: i::S,
    /// The unit of the column's numbers, if it has one.
    pub unit: Option<Unit>,
}

impl Head {
    /// A column without a unit.
    pub const fn plain(word: i::S) -> Head {
        Head { word, unit: None }
    }

    /// A column of numbers in `unit`.
    pub const fn of(word: i::S, unit: Unit) -> Head {
        Head {
            word,
            unit: Some(unit),
        }
    }
}

/// A table: its element id (also the CSV file's name), columns and rows.
/// The caption is the view's.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    /// The table element's id.
    pub id: &'static str,
    /// The columns.
    pub head: Vec<Head>,
    /// The rows, each as long as `head`.
    pub rows: Vec<Vec<Cell>>,
}

impl Table {
    /// The table as CSV in `lang`: a header line (each number column names
    /// its unit), then one line per row, numbers unformatted (`.` as the
    /// decimal point, no grouping), statuses as Open SDG's labels, periods
    /// as ISO 8601 intervals (`2026/2035`, `../2035`), text guarded against
    /// spreadsheet formulas.
    pub fn csv(&self, lang: Lang) -> String {
        let mut out = String::new();
        for (k, h) in self.head.iter().enumerate() {
            if k > 0 {
                out.push(',');
            }
            let name = match h.unit {
                Some(u) => [t(lang, h.word), " (", words::unit(u, lang), ")"].concat(),
                None => t(lang, h.word).into(),
            };
            data::csv_field(&name, &mut out);
        }
        out.push('\n');
        for row in &self.rows {
            for (k, cell) in row.iter().enumerate() {
                if k > 0 {
                    out.push(',');
                }
                csv_cell(cell, lang, &mut out);
            }
            out.push('\n');
        }
        out
    }
}

/// One cell as CSV.
fn csv_cell(cell: &Cell, lang: Lang, out: &mut String) {
    match cell {
        Cell::Year(y) => out.push_str(&y.to_string()),
        Cell::Value(v, _) | Cell::Money(v) | Cell::Times(v) | Cell::Share(v) => {
            if v.is_finite() {
                out.push_str(&v.to_string());
            }
        }
        Cell::Period(a, z) => {
            let end = |y: &Option<i32>| y.map_or_else(|| "..".into(), |y| y.to_string());
            out.push_str(&[end(a), "/".into(), end(z)].concat());
        }
        Cell::Status(s) => out.push_str(s.label()),
        Cell::Word(w) => data::csv_field(t(lang, *w), out),
        Cell::Text(s) => data::csv_field(s, out),
        Cell::Nothing => {}
    }
}

/// Text of the vision, unescaped.
fn text(s: &Bilingual, l: Lang) -> String {
    unescape(s.get(l).raw())
}

/// The subject (target, indicator or priority id) the dashboard shows: the
/// page's in the whole dashboard, the part's in an embedded one.
fn shown(app: &App) -> Option<&str> {
    match app.mode {
        Mode::Page => match &app.route {
            Route::Target(id) | Route::Indicator(id) | Route::Priority(id) => Some(id),
            _ => None,
        },
        _ => match &app.part {
            Part::Target(id) | Part::Chart(id) | Part::Indicator(id) | Part::Priority(id) => {
                Some(id)
            }
            _ => None,
        },
    }
}

/// The table with element id `id` as the dashboard shows it now, for its
/// CSV download. `None` when no such table is shown.
pub fn shown_table(app: &App, id: &str) -> Option<Table> {
    let ds = app.base;
    let l = app.lang;
    let subject = shown(app);
    let target = || subject.and_then(|s| ds.targets.iter().position(|t| t.id == s));
    match id {
        TARGET_FIGURES => target().map(|k| target_figures(app, l, k)),
        INDICATOR_FIGURES => subject
            .and_then(|s| ds.indicators.iter().position(|x| x.id == s))
            .map(|k| indicator_figures(app, l, k)),
        PRIORITY_TARGETS => subject
            .filter(|s| ds.priorities.iter().any(|p| p.id == *s))
            .map(|s| priority_targets(app, l, s)),
        WINDOWS => Some(windows(app, l)),
        REVOLVING => revolving(app),
        SCENARIO_MONEY => Some(scenario_money(app)),
        _ => None,
    }
}

/// A target's figures: [`target_figures`].
pub const TARGET_FIGURES: &str = "target-chart-table";
/// An indicator's figures: [`indicator_figures`].
pub const INDICATOR_FIGURES: &str = "indicator-chart-table";
/// A priority's targets: [`priority_targets`].
pub const PRIORITY_TARGETS: &str = "targets-table";
/// The investment windows: [`windows`].
pub const WINDOWS: &str = "windows-chart-table";
/// The revolving model by year: [`revolving`].
pub const REVOLVING: &str = "revolve-chart-table";
/// The explorer's money by year: [`scenario_money`].
pub const SCENARIO_MONEY: &str = "sc-money-chart-table";

/// Where a figure shown for a subject and year comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Origin {
    /// From a publication: in the base dataset, naming its document.
    Published,
    /// Typed in or imported by the user: kept in this browser.
    Yours,
}

impl Origin {
    /// The origin in words.
    pub(crate) fn words(self) -> i::S {
        match self {
            Origin::Published => i::PUB_TAG,
            Origin::Yours => i::PUB_YOURS_TAG,
        }
    }
}

/// Whose figure a subject's value in `year` is: the user's layer lies on
/// top of the published figures.
pub(crate) fn origin(base: &Dataset, user: &UserData, subject: &str, year: i32) -> Option<Origin> {
    if user
        .obs
        .iter()
        .any(|o| o.subject == subject && o.year == year)
    {
        Some(Origin::Yours)
    } else if base.observations.iter().any(|o: &Observation| {
        o.subject == subject && o.year == year && o.is_headline() && monitor::is_published(o)
    }) {
        Some(Origin::Published)
    } else {
        None
    }
}

/// The unit a subject's figures are drawn in: its published series' when it
/// has published figures (the series may be a proxy in another unit), else
/// its own.
pub(crate) fn drawn_unit(ds: &Dataset, subject: &str, own: Unit) -> Unit {
    match ds.series_of(subject) {
        Some(s) if ds.observations_of(subject).any(monitor::is_published) => s.unit,
        _ => own,
    }
}

/// Whose a subject's figure of `year` is, in words: published or yours,
/// invented, a proxy. Nothing when there is no such figure.
fn whose(app: &App, l: Lang, subject: &str, year: i32) -> Cell {
    let Some(o) = origin(app.base, &app.data, subject, year) else {
        return Cell::Nothing;
    };
    let mut w: String = t(l, o.words()).into();
    if o == Origin::Yours
        && app
            .data
            .obs
            .iter()
            .any(|x| x.subject == subject && x.year == year && x.illustrative())
    {
        w.push_str("; ");
        w.push_str(t(l, i::ILLUSTRATIVE_TAG));
    }
    if o == Origin::Published
        && app
            .base
            .series_of(subject)
            .is_some_and(|s| s.proxy.is_some())
    {
        w.push_str("; ");
        w.push_str(t(l, i::PUB_PROXY));
    }
    Cell::Text(w)
}

/// Target `k`'s chart as a table: the baseline, every figure drawn (for a
/// cumulative target, the running total), the trend's end and the target.
pub fn target_figures(app: &App, l: Lang, k: usize) -> Table {
    let ds = app.base;
    let tg = &ds.targets[k];
    let s = &app.computed.targets[k];
    let points = app.points(tg.id);
    let chart = present::target_chart(tg.kind, tg.target.value, s, &points);
    let mut rows = Vec::new();
    if let Some(b) = s.baseline {
        rows.push(std::vec![
            Cell::Year(b.year),
            Cell::Value(b.value, tg.unit),
            Cell::Word(if s.baseline_assumed {
                i::BASELINE_ASSUMED
            } else {
                i::BASELINE
            }),
            Cell::Nothing,
        ]);
    }
    let drawn_word = if tg.kind == TargetKind::CumulativeFlow {
        i::RUNNING_TOTAL
    } else {
        i::OBSERVED
    };
    for p in &chart.drawn {
        rows.push(std::vec![
            Cell::Year(p.year),
            Cell::Value(p.value, tg.unit),
            Cell::Word(drawn_word),
            whose(app, l, tg.id, p.year),
        ]);
    }
    if let Some([_, z]) = chart.trend {
        rows.push(std::vec![
            Cell::Year(z.year),
            Cell::Value(z.value, tg.unit),
            Cell::Word(i::TREND),
            Cell::Nothing,
        ]);
    }
    if let Some(p) = chart.target {
        rows.push(std::vec![
            Cell::Year(p.year),
            Cell::Value(p.value, tg.unit),
            Cell::Word(i::TARGET),
            Cell::Nothing,
        ]);
    }
    Table {
        id: TARGET_FIGURES,
        head: std::vec![
            Head::plain(i::YEAR),
            Head::of(i::VALUE, tg.unit),
            Head::plain(i::WHAT),
            Head::plain(i::PUB_WHOSE),
        ],
        rows,
    }
}

/// Indicator `k`'s figures as drawn, with whose each is.
pub fn indicator_figures(app: &App, l: Lang, k: usize) -> Table {
    let ds = app.base;
    let x = &ds.indicators[k];
    let points = app.points(x.id);
    let mut drawn = heapless::Vec::new();
    dashboard::drawn_series(TargetKind::Level, None, &points, &mut drawn);
    let unit = drawn_unit(ds, x.id, x.unit);
    Table {
        id: INDICATOR_FIGURES,
        head: std::vec![
            Head::plain(i::YEAR),
            Head::of(i::VALUE, unit),
            Head::plain(i::PUB_WHOSE),
        ],
        rows: drawn
            .iter()
            .map(|p| {
                std::vec![
                    Cell::Year(p.year),
                    Cell::Value(p.value, unit),
                    whose(app, l, x.id, p.year),
                ]
            })
            .collect(),
    }
}

/// The targets of priority `id`: each one's ambition, target value, unit
/// and year, status and share of the way travelled. (The page shows them
/// with badges and bars; this is what its CSV download holds.)
pub fn priority_targets(app: &App, l: Lang, id: &str) -> Table {
    let ds = app.base;
    let rows = ds
        .targets
        .iter()
        .zip(app.computed.targets.iter())
        .filter(|(tg, _)| tg.priority == id)
        .map(|(tg, s)| {
            std::vec![
                Cell::Text(text(&tg.title, l)),
                tg.target
                    .value
                    .map_or(Cell::Nothing, |v| Cell::Value(v, tg.unit)),
                Cell::Text(words::unit(tg.unit, l).into()),
                tg.target.year.map_or(Cell::Nothing, Cell::Year),
                Cell::Status(s.status),
                s.distance
                    .as_ref()
                    .and_then(dashboard::progress_share)
                    .map_or(Cell::Nothing, Cell::Share),
            ]
        })
        .collect();
    Table {
        id: PRIORITY_TARGETS,
        head: std::vec![
            Head::plain(i::AMBITION),
            Head::plain(i::TARGET),
            Head::plain(i::UNIT),
            Head::plain(i::TARGET_YEAR),
            Head::plain(i::STATUS),
            Head::plain(i::PROGRESS),
        ],
        rows,
    }
}

/// The investment windows, nested ones after their parent: amounts, basis,
/// period, the promised multiplier and what was realised (committed).
pub fn windows(app: &App, l: Lang) -> Table {
    let ds = app.base;
    let money = |v: Option<f64>| v.map_or(Cell::Nothing, Cell::Money);
    let rows = app
        .computed
        .windows
        .iter()
        .map(|r| {
            let w = &ds.windows[r.index];
            let realised = r.realised.years > 0;
            std::vec![
                Cell::Text(["↳ ".repeat(usize::from(r.depth)), text(&w.name, l)].concat()),
                money(w.public_eur),
                money(w.private_eur),
                money(w.total_eur),
                Cell::Text(words::basis(w.basis, l).into()),
                match (w.start_year, w.end_year) {
                    (None, None) => Cell::Nothing,
                    (a, z) => Cell::Period(a, z),
                },
                r.promised
                    .multiplier
                    .filter(|_| w.total_eur.is_some() || w.private_eur.is_some())
                    .map_or(Cell::Nothing, Cell::Times),
                money(Some(r.realised.public_committed).filter(|_| realised)),
                money(Some(r.realised.private_committed).filter(|_| realised)),
            ]
        })
        .collect();
    Table {
        id: WINDOWS,
        head: std::vec![
            Head::plain(i::WINDOW),
            Head::of(i::PUBLIC, Unit::Eur),
            Head::of(i::PRIVATE, Unit::Eur),
            Head::of(i::TOTAL, Unit::Eur),
            Head::plain(i::BASIS),
            Head::plain(i::PERIOD),
            Head::of(i::MULTIPLIER, Unit::Ratio),
            Head::of(i::REALISED_PUBLIC, Unit::Eur),
            Head::of(i::REALISED_PRIVATE, Unit::Eur),
        ],
        rows,
    }
}

/// The revolving model by year, with the reader's parameters: new budget,
/// reflow, redeployed and deployed. `None` when the vision has no
/// revolving window.
pub fn revolving(app: &App) -> Option<Table> {
    present::revolving(app.base, app.scenario.revolve.choice()).map(|m| table_of_revolving(&m))
}

/// [`revolving`] from a model already run (the money page has one).
pub fn table_of_revolving(model: &present::Revolving) -> Table {
    let rows = model
        .result
        .years
        .iter()
        .map(|y| {
            std::vec![
                Cell::Year(y.year),
                Cell::Money(y.budget),
                Cell::Money(y.reflow),
                Cell::Money(y.redeployed),
                Cell::Money(y.deployed),
            ]
        })
        .collect();
    Table {
        id: REVOLVING,
        head: std::vec![
            Head::plain(i::YEAR),
            Head::of(i::NEW_BUDGET, Unit::Eur),
            Head::of(i::REFLOW, Unit::Eur),
            Head::of(i::REDEPLOYED, Unit::Eur),
            Head::of(i::DEPLOYED, Unit::Eur),
        ],
        rows,
    }
}

/// The explorer's money mobilised by year: the scenario's and the vision's.
pub fn scenario_money(app: &App) -> Table {
    table_of_money(&scenario::money(app.base, &app.scenario))
}

/// [`scenario_money`] from a money evaluation already made (the explorer
/// has one).
pub fn table_of_money(m: &scenario::MoneyEval) -> Table {
    let rows = m
        .scenario
        .by_year
        .iter()
        .zip(&m.vision.by_year)
        .map(|(s, v)| {
            std::vec![
                Cell::Year(s.year),
                Cell::Money(s.value),
                Cell::Money(v.value),
            ]
        })
        .collect();
    Table {
        id: SCENARIO_MONEY,
        head: std::vec![
            Head::plain(i::YEAR),
            Head::of(i::SC_SCENARIO, Unit::Eur),
            Head::of(i::SC_VISION, Unit::Eur),
        ],
        rows,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{test_obs as obs, Obs};
    use crate::update::{update, Effect};

    const T: &str = "T-P5-technici-25000";

    fn app_with(obs: Vec<Obs>, route: Route) -> App {
        App::new(
            data::test_base(None),
            Lang::Nl,
            route,
            UserData {
                obs,
                ..UserData::default()
            },
        )
    }

    #[test]
    fn a_targets_figures_download_as_numbers_not_as_the_page_writes_them() {
        let app = app_with(
            std::vec![obs(T, 2026, 3000.0, "CBS")],
            Route::Target(T.into()),
        );
        let k = app.base.targets.iter().position(|t| t.id == T).unwrap();
        let table = target_figures(&app, Lang::Nl, k);
        let csv = table.csv(Lang::Nl);
        let mut lines = csv.lines();
        assert_eq!(lines.next(), Some("Jaar,Waarde (personen),Wat,Herkomst"));
        assert_eq!(lines.next(), Some("2025,0,Basis (aangenomen),"));
        assert_eq!(
            lines.next(),
            Some("2026,3000,Lopend totaal,van jou (in deze browser)")
        );
        // The target row: 25,000 extra technicians by 2030, unformatted.
        assert!(csv.lines().any(|l| l == "2030,25000,Doel,"), "{csv}");
        // In English, the words change and the numbers do not.
        let en = table.csv(Lang::En);
        assert!(en.starts_with("Year,Value (people),What,"), "{en}");
        assert!(en.contains("\n2026,3000,"), "{en}");
    }

    #[test]
    fn the_download_is_the_table_shown_and_only_when_it_is_shown() {
        let mut app = app_with(
            std::vec![obs(T, 2026, 3000.0, "CBS")],
            Route::Target(T.into()),
        );
        let fx = update(&mut app, crate::msg::Msg::TableCsv(TARGET_FIGURES.into()));
        let [Effect::Download { name, mime, text }] = fx.as_slice() else {
            panic!("{fx:?}");
        };
        assert_eq!(
            (name.as_str(), *mime),
            ("target-chart-table.csv", "text/csv")
        );
        assert!(text.contains("\n2026,3000,"), "{text}");
        // On the overview no target's figures are shown: nothing to offer.
        let mut app = app_with(Vec::new(), Route::Overview);
        assert!(shown_table(&app, TARGET_FIGURES).is_none());
        let fx = update(&mut app, crate::msg::Msg::TableCsv(TARGET_FIGURES.into()));
        assert!(fx.is_empty(), "{fx:?}");
        assert!(shown_table(&app, "no-such-table").is_none());
        // The money page's tables need no subject.
        assert!(shown_table(&app, WINDOWS).is_some());
        assert!(shown_table(&app, REVOLVING).is_some());
    }

    #[test]
    fn csv_cells_say_what_they_are() {
        let table = Table {
            id: "t",
            head: std::vec![Head::plain(i::WINDOW), Head::of(i::TOTAL, Unit::Eur)],
            rows: std::vec![
                std::vec![Cell::Text("=HYPERLINK(\"x\")".into()), Cell::Money(7e9)],
                std::vec![Cell::Period(Some(2026), Some(2035)), Cell::Money(f64::NAN)],
                std::vec![Cell::Period(None, Some(2030)), Cell::Times(3.57)],
                std::vec![Cell::Status(Status::ModerateProgress), Cell::Share(0.25)],
                std::vec![Cell::Word(i::TARGET), Cell::Nothing],
            ],
        };
        assert_eq!(
            table.csv(Lang::En),
            "Window,total (€)\n\
             \"'=HYPERLINK(\"\"x\"\")\",7000000000\n\
             2026/2035,\n\
             ../2030,3.57\n\
             moderate_progress,0.25\n\
             Target,\n"
        );
    }

    #[test]
    fn every_table_has_as_many_cells_in_a_row_as_columns() {
        let app = app_with(std::vec![obs(T, 2026, 3000.0, "CBS")], Route::Overview);
        let ds = app.base;
        let mut all = Vec::new();
        for k in 0..ds.targets.len() {
            all.push(target_figures(&app, Lang::Nl, k));
        }
        for k in 0..ds.indicators.len() {
            all.push(indicator_figures(&app, Lang::Nl, k));
        }
        for p in ds.priorities.iter() {
            all.push(priority_targets(&app, Lang::Nl, p.id));
        }
        all.push(windows(&app, Lang::Nl));
        all.extend(revolving(&app));
        all.push(scenario_money(&app));
        for t in &all {
            assert!(!t.head.is_empty(), "{}", t.id);
            for row in &t.rows {
                assert_eq!(row.len(), t.head.len(), "{}: {row:?}", t.id);
            }
        }
        assert!(all.iter().any(|t| t.rows.len() > 3));
    }
}
