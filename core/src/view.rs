//! Renderer-neutral words for what core computes: status names, methods,
//! reasons and units in Dutch and English, shared by the command line and
//! the dashboard so both say the same thing.

use crate::assess::{Method, Missing};
use crate::model::{Basis, FocusKind, IndicatorDirection, Lang, Scope, TargetKind, Unit};
use crate::progress::{Direction, Reason, Status};

/// Pick the Dutch or the English word.
const fn pick(lang: Lang, nl: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Nl => nl,
        Lang::En => en,
    }
}

/// Every status, in order from best to not available.
pub const STATUSES: [Status; 6] = [
    Status::TargetAchieved,
    Status::SubstantialProgress,
    Status::ModerateProgress,
    Status::LimitedProgress,
    Status::Deterioration,
    Status::NotAvailable,
];

/// The name of a status.
pub const fn status(s: Status, lang: Lang) -> &'static str {
    match s {
        Status::TargetAchieved => pick(lang, "Doel bereikt", "Target achieved"),
        Status::SubstantialProgress => pick(lang, "Op koers", "Substantial progress"),
        Status::ModerateProgress => pick(lang, "Matige voortgang", "Moderate progress"),
        Status::LimitedProgress => pick(lang, "Beperkte voortgang", "Limited progress"),
        Status::Deterioration => pick(lang, "Achteruitgang", "Deterioration"),
        Status::NotAvailable => pick(lang, "Geen gegevens", "Not available"),
    }
}

/// A symbol per status, so that status is never shown by colour alone.
pub const fn status_symbol(s: Status) -> &'static str {
    match s {
        Status::TargetAchieved => "★",
        Status::SubstantialProgress => "▲",
        Status::ModerateProgress => "►",
        Status::LimitedProgress => "▼",
        Status::Deterioration => "✖",
        Status::NotAvailable => "○",
    }
}

/// The name of a method.
pub const fn method(m: Method, lang: Lang) -> &'static str {
    match m {
        Method::OpenSdg => pick(
            lang,
            "Open SDG-methode (groeivoet)",
            "Open SDG method (growth rate)",
        ),
        Method::DistanceTravelled => pick(
            lang,
            "Afgelegde afstand tegen verstreken tijd",
            "Distance travelled against time elapsed",
        ),
        Method::Milestone => pick(lang, "Mijlpaal", "Milestone"),
    }
}

/// Why something is not available, in words.
pub const fn missing(m: Missing, lang: Lang) -> &'static str {
    match m {
        Missing::Progress(r) => reason(r, lang),
        Missing::NoTargetValue => pick(
            lang,
            "de visie noemt geen streefwaarde",
            "the vision gives no target value",
        ),
        Missing::TooManyPoints => pick(
            lang,
            "te veel waarnemingen voor één reeks",
            "too many observations for one series",
        ),
        Missing::NoDirection => pick(
            lang,
            "alleen monitoren: geen gewenste richting",
            "monitored only: no desired direction",
        ),
        Missing::MilestonePending => pick(
            lang,
            "nog niet gereed; het doeljaar komt nog",
            "not done yet; the target year is still ahead",
        ),
    }
}

/// A progress reason in words.
pub const fn reason(r: Reason, lang: Lang) -> &'static str {
    match r {
        Reason::NoData => pick(lang, "nog geen waarnemingen", "no observations yet"),
        Reason::TooFewYears => pick(
            lang,
            "minder dan twee jaren met gegevens",
            "fewer than two years of data",
        ),
        Reason::DuplicateYear => pick(
            lang,
            "twee waarden voor één jaar",
            "two values for one year",
        ),
        Reason::NoBaseYear => pick(
            lang,
            "geen gegevens in of na het basisjaar",
            "no data in or after the base year",
        ),
        Reason::OppositeSigns => pick(
            lang,
            "basis- en actuele waarde hebben een tegengesteld teken",
            "base and current value have opposite signs",
        ),
        Reason::NonFinite => pick(lang, "een getal is niet eindig", "a number is not finite"),
        Reason::TargetYearNotAfterBase => pick(
            lang,
            "het doeljaar ligt niet na het basisjaar",
            "the target year is not after the base year",
        ),
        Reason::ZeroSpan => pick(
            lang,
            "streefwaarde gelijk aan de basiswaarde",
            "target equals the baseline",
        ),
        Reason::ZeroBase => pick(
            lang,
            "groeivoet vanaf nul bestaat niet",
            "no growth rate from zero",
        ),
        Reason::WrongDirection => pick(
            lang,
            "het doel ligt aan de verkeerde kant van de basis",
            "the target lies on the wrong side of the baseline",
        ),
        Reason::NoDataAfterBase => pick(
            lang,
            "geen waarnemingen na het basisjaar",
            "no observations after the base year",
        ),
        Reason::NeedsComplexPower => pick(
            lang,
            "het doel heeft een ander teken dan de basis, en deze versie rekent die macht niet uit",
            "the target has the other sign than the base, and this build leaves that power out",
        ),
    }
}

/// The name of a target kind.
pub const fn target_kind(k: TargetKind, lang: Lang) -> &'static str {
    match k {
        TargetKind::Level => pick(lang, "niveau", "level"),
        TargetKind::CumulativeFlow => pick(lang, "cumulatieve stroom", "cumulative flow"),
        TargetKind::Rate => pick(lang, "per jaar", "rate per year"),
        TargetKind::Milestone => pick(lang, "mijlpaal", "milestone"),
    }
}

/// Which way is better, in words.
pub const fn direction(d: Direction, lang: Lang) -> &'static str {
    match d {
        Direction::Increase => pick(lang, "hoger is beter", "higher is better"),
        Direction::Decrease => pick(lang, "lager is beter", "lower is better"),
    }
}

/// An indicator's direction in words.
pub const fn indicator_direction(d: IndicatorDirection, lang: Lang) -> &'static str {
    match d {
        IndicatorDirection::Increase => direction(Direction::Increase, lang),
        IndicatorDirection::Decrease => direction(Direction::Decrease, lang),
        IndicatorDirection::None => pick(lang, "monitoren", "monitor"),
    }
}

/// National or international.
pub const fn scope(s: Scope, lang: Lang) -> &'static str {
    match s {
        Scope::National => pick(lang, "nationaal", "national"),
        Scope::International => pick(lang, "internationaal", "international"),
    }
}

/// Existing strength or new growth market.
pub const fn focus_kind(k: FocusKind, lang: Lang) -> &'static str {
    match k {
        FocusKind::ExistingStrength => pick(lang, "bestaande sterkte", "existing strength"),
        FocusKind::NewGrowthMarket => pick(lang, "nieuwe groeimarkt", "new growth market"),
    }
}

/// One-off or per year.
pub const fn basis(b: Basis, lang: Lang) -> &'static str {
    match b {
        Basis::OneOff => pick(lang, "eenmalig", "one-off"),
        Basis::PerYear => pick(lang, "per jaar", "per year"),
    }
}

/// A unit's short name (money units are formatted by the presenter).
pub const fn unit(u: Unit, lang: Lang) -> &'static str {
    match u {
        Unit::Eur => "€",
        Unit::EurPerYear => pick(lang, "€ per jaar", "€ per year"),
        Unit::Persons => pick(lang, "personen", "people"),
        Unit::Percent => "%",
        Unit::PercentOfGdp => pick(lang, "% van het bbp", "% of GDP"),
        Unit::Count => pick(lang, "aantal", "count"),
        Unit::CountPerYear => pick(lang, "aantal per jaar", "count per year"),
        Unit::Ratio => "×",
        Unit::Rank => pick(lang, "positie", "rank"),
        Unit::Index => "index",
        Unit::Milestone => pick(lang, "gereed", "done"),
    }
}

/// A value in its unit as a reader sees it, the same in the dashboard and
/// the report: `€ 7 mld.`, `€ 500 mln. per jaar`, `2,27 % van het bbp`,
/// `25.000 personen`, `3,57×`, `#4`, `gereed` (nl); `€7bn`,
/// `25,000 people` (en). Numbers as [`crate::numbers::Grouped`] and
/// [`crate::numbers::Euros`] write them.
pub struct Value(pub f64, pub Unit, pub Lang);

impl core::fmt::Display for Value {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        use crate::numbers::{Euros, Grouped};
        let Value(v, u, lang) = *self;
        match u {
            Unit::Eur => write!(f, "{}", Euros(v, lang)),
            Unit::EurPerYear => {
                write!(f, "{} {}", Euros(v, lang), pick(lang, "per jaar", "a year"))
            }
            Unit::Percent => write!(f, "{} %", Grouped(v, lang)),
            Unit::Ratio => write!(f, "{}×", Grouped(v, lang)),
            Unit::Milestone if v >= 1.0 => f.write_str(pick(lang, "gereed", "done")),
            Unit::Milestone => f.write_str(pick(lang, "niet gereed", "not done")),
            Unit::Rank => write!(f, "#{}", Grouped(v, lang)),
            _ => write!(f, "{} {}", Grouped(v, lang), unit(u, lang)),
        }
    }
}
