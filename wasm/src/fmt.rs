//! Numbers and money in the reader's language ("€ 7 mld." / "€7bn",
//! "25.000" / "25,000"), as the browser's `Intl.NumberFormat` writes them,
//! by koers-core ([`koers_core::numbers`]): the same in the browser, in a
//! native test and in a snapshot.

use std::string::{String, ToString};

use koers_core::model::{Lang, Unit};
use koers_core::numbers::{Euros, Grouped, Percent};

/// Formatters for one language: koers-core's, which write numbers as the
/// browser's `Intl.NumberFormat` does for `nl-NL` and `en-GB` (the
/// browser tests compare them there), so a page reads the same in a
/// native test as in the browser.
#[derive(Clone, Copy)]
pub struct Fmt {
    lang: Lang,
}

impl Fmt {
    /// Formatters for `lang`.
    pub fn new(lang: Lang) -> Fmt {
        Fmt { lang }
    }

    /// A plain number, grouped, up to two decimals.
    pub fn num(&self, v: f64) -> String {
        Grouped(v, self.lang).to_string()
    }

    /// Euros, compact: "€ 7 mld." / "€7bn".
    pub fn money(&self, v: f64) -> String {
        Euros(v, self.lang).to_string()
    }

    /// A share as a percentage: 0.12 → "12%".
    pub fn pct(&self, v: f64) -> String {
        Percent(v, self.lang).to_string()
    }

    /// A multiplier: "3,57×".
    pub fn times(&self, v: f64) -> String {
        let mut s = self.num(v);
        s.push('×');
        s
    }

    /// A value in its unit (koers-core's [`koers_core::view::Value`], as
    /// the report writes it too).
    pub fn value(&self, v: f64, unit: Unit) -> String {
        koers_core::view::Value(v, unit, self.lang).to_string()
    }

    /// A value for an axis label: short, money compact.
    pub fn axis(&self, v: f64, unit: Unit) -> String {
        match unit {
            Unit::Eur | Unit::EurPerYear => self.money(v),
            Unit::Percent | Unit::PercentOfGdp => [self.num(v).as_str(), "%"].concat(),
            _ => self.num(v),
        }
    }
}
