//! Messages built from values: what a change did, and what is wrong with a
//! file or a field (core's errors, worded in Dutch; English is core's own).

use std::string::{String, ToString};

use koers_core::load::ErrorKind;
use koers_core::model::Lang;

use super::t;
use crate::history::Change;

/// The message after a change.
pub fn change(lang: Lang, c: Change, n: usize) -> String {
    let what = t(
        lang,
        match c {
            Change::Added => ["Cijfer toegevoegd.", "Figure added."],
            Change::Edited => ["Cijfer gewijzigd.", "Figure changed."],
            Change::Deleted => ["Cijfer verwijderd.", "Figure deleted."],
            Change::Imported => ["Geïmporteerd.", "Imported."],
            Change::Examples => [
                "Verzonnen voorbeeldcijfers geladen (illustratief, niet echt).",
                "Invented example figures loaded (illustrative, not real).",
            ],
            Change::Reset => [
                "Terug naar de visie: alle cijfers gewist.",
                "Back to the vision: every figure cleared.",
            ],
        },
    );
    [
        what,
        " ",
        &n.to_string(),
        " ",
        t(lang, ["cijfers in totaal.", "figures in all."]),
    ]
    .concat()
}

/// The JSON parser's complaint in Dutch.
fn json_message(m: &koers_core::load::JsonMessage) -> &'static str {
    use serde_json_core::de::Error as E;
    match &m.0 {
        E::CustomError => "een waarde die hier niet mag",
        E::InvalidType => "een waarde van het verkeerde type",
        E::InvalidNumber => "een ongeldig getal",
        E::AnyIsUnsupported => "een onverwachte waarde",
        E::ExpectedSomeValue => "een waarde verwacht",
        E::ExpectedColon => "':' verwacht",
        E::ExpectedListCommaOrEnd => "',' of ']' verwacht",
        E::ExpectedObjectCommaOrEnd => "',' of '}' verwacht",
        E::ExpectedSomeIdent => "true, false of null verwacht",
        E::KeyMustBeAString => "een sleutel die geen tekst is",
        E::TrailingCharacters => "onverwachte tekens",
        E::TrailingComma => "een komma voor het sluithaakje",
        E::EofWhileParsingList
        | E::EofWhileParsingObject
        | E::EofWhileParsingString
        | E::EofWhileParsingNumber
        | E::EofWhileParsingValue => "het bestand houdt te vroeg op",
        E::InvalidUnicodeCodePoint | E::InvalidEscapeSequence => {
            "een ongeldige escape of ongeldig teken"
        }
        _ => "onleesbare JSON",
    }
}

/// What is wrong, in words.
pub fn error_kind(lang: Lang, k: &ErrorKind) -> String {
    if lang == Lang::En {
        return k.to_string();
    }
    match k {
        ErrorKind::Json(m) => ["ongeldige JSON (", json_message(m), ")"].concat(),
        ErrorKind::TooMany { capacity } => [
            "meer dan de ",
            &capacity.to_string(),
            " regels die deze tabel kan bevatten",
        ]
        .concat(),
        ErrorKind::NotKoers => {
            "\"format\" moet \"koers\" (een visie) of \"koers-figures\" (gepubliceerde cijfers) zijn".into()
        }
        ErrorKind::UnsupportedVersion(_) => "deze format_version wordt niet ondersteund".into(),
        ErrorKind::Missing(w) => ["\"", w, "\" ontbreekt"].concat(),
        ErrorKind::DuplicateKey(w) => ["\"", w, "\" staat er twee keer"].concat(),
        ErrorKind::UnknownKey => "deze sleutel hoort niet bij het formaat".into(),
        ErrorKind::MissingKey => "een verplichte sleutel ontbreekt".into(),
        ErrorKind::BadId => "een id is 1 tot 48 tekens A-Z a-z 0-9 . _ -".into(),
        ErrorKind::DuplicateId => "dit id is al gebruikt".into(),
        ErrorKind::UnknownReference => "verwijst naar een id dat niet bestaat".into(),
        ErrorKind::Cycle => "een onderdeel kan niet zijn eigen ouder zijn".into(),
        ErrorKind::NotFinite => "het getal is niet eindig".into(),
        ErrorKind::Negative => "een bedrag kan niet negatief zijn".into(),
        ErrorKind::YearOutOfRange => "het jaar ligt buiten 1900–2200".into(),
        ErrorKind::YearsOutOfOrder => "het eindjaar ligt voor het beginjaar".into(),
        ErrorKind::Empty => "mag niet leeg zijn".into(),
        ErrorKind::BadEscape => "een ongeldige escape".into(),
        ErrorKind::DuplicateYear => "een tweede waarde voor hetzelfde onderwerp en jaar".into(),
        ErrorKind::MissingColumn(c) => ["geen kolom \"", c, "\""].concat(),
        ErrorKind::NotANumber => "geen (geldig) getal".into(),
        ErrorKind::TooManyFields => "meer velden dan de kopregel".into(),
        ErrorKind::TooLong => "een veld of regel is te lang".into(),
        ErrorKind::BadDate => "een datum is JJJJ, JJJJ-MM of JJJJ-MM-DD".into(),
        ErrorKind::BadUrl => "een URL begint met https:// of http://".into(),
        ErrorKind::UnitMismatch => "de eenheid van de reeks verschilt van die van het doel".into(),
        ErrorKind::NotInThisFile => {
            "een cijferbestand bevat alleen sources, series, observations, events en window_flows"
                .into()
        }
        ErrorKind::AmbiguousNumber { nl, en } => {
            let mut s = String::new();
            let _ = koers_core::numbers::ambiguous(&mut s, *nl, *en, Lang::Nl);
            s
        }
        ErrorKind::WrongSymbol(c) => [
            "geschreven met '",
            c.encode_utf8(&mut [0; 4]),
            "', maar de eenheid van dit cijfer heeft dat niet: typ alleen het getal",
        ]
        .concat(),
        ErrorKind::Implausible { bound } => [
            "groter dan ",
            &std::format!("{bound:e}"),
            ", meer dan deze eenheid redelijkerwijs kan zijn",
        ]
        .concat(),
        ErrorKind::Separator(c) => [
            "de kolommen zijn gescheiden door '",
            &c.to_string(),
            "', niet door ',': sla het bestand op als CSV met komma's",
        ]
        .concat(),
        ErrorKind::NotUtf8 => "geen geldige UTF-8-tekst: sla het bestand op als UTF-8".into(),
        ErrorKind::Unreadable => "het bestand kon niet worden gelezen".into(),
        ErrorKind::FileTooLarge { limit } => [
            "het bestand is groter dan elk geldig bestand (hooguit ",
            &(limit / 1024).to_string(),
            " KiB)",
        ]
        .concat(),
        ErrorKind::Statfile(k) => statfile_kind(*k).into(),
        ErrorKind::BreakdownNotPublished => "een uitsplitsing wordt alleen bij gepubliceerde cijfers bewaard: importeer ze met koers import en publiceer ze".into(),
        other => other.to_string(),
    }
}

/// A problem in an SDMX-CSV or StatLine file, in Dutch.
fn statfile_kind(k: koers_core::statfile::ErrorKind) -> &'static str {
    use koers_core::statfile::ErrorKind as K;
    match k {
        K::NotUtf8 => "geen geldige UTF-8-tekst",
        K::NotRecognised => "geen SDMX-CSV en geen CBS StatLine-export",
        K::TooLong => "een regel is te lang of heeft te veel velden",
        K::FieldCount => "een ander aantal velden dan de kopregel",
        K::BadPeriod => "geen jaar, kwartaal, maand of halfjaar",
        K::YearOutOfRange => "het jaar ligt buiten 1900–2200",
        K::NotANumber => "geen (geldig) getal",
        K::BadUnitMult => "geen hele macht van tien van -12 tot 12",
        K::DuplicateYear => "een tweede waarde voor deze reeks en dit jaar",
        K::TooManySeries => "meer dan 64 reeksen in één bestand",
        K::KeyTooLong => "de sleutel van de reeks is te lang",
    }
}
