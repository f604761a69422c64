//! Numbers and money in the reader's language, formatted by the browser's
//! `Intl.NumberFormat` ("€ 7 mld." / "€7bn", "25.000" / "25,000"): no
//! number formatting code in the wasm binary.

use js_sys::{Array, Function, Intl, Object, Reflect};
use koers_core::model::{Lang, Unit};
use wasm_bindgen::JsValue;

use crate::i18n::{self, t};

/// Formatters for one language.
#[derive(Clone)]
pub struct Fmt {
    lang: Lang,
    /// The browser's formatters; `None` outside a browser (native tests),
    /// where numbers are written plainly ([`plain`]).
    intl: Option<[Function; 3]>,
}

/// A number as written outside a browser (in native tests and snapshots):
/// rounded to `decimals`, `.` as the decimal point, no grouping. Not what
/// the page shows (the browser's `Intl.NumberFormat` writes that), but the
/// same number.
pub fn plain(v: f64, decimals: i32) -> String {
    let scale = 10f64.powi(decimals);
    let r = (v * scale).round() / scale;
    // No "-0".
    let r = if r == 0.0 { 0.0 } else { r };
    r.to_string()
}

fn formatter(locale: &str, opts: &[(&str, JsValue)]) -> Function {
    let o = Object::new();
    for (k, v) in opts {
        let _ = Reflect::set(&o, &JsValue::from_str(k), v);
    }
    let locales = Array::of1(&JsValue::from_str(locale));
    Intl::NumberFormat::new(&locales, &o).format()
}

impl Fmt {
    /// Formatters for `lang`.
    pub fn new(lang: Lang) -> Fmt {
        let locale = match lang {
            Lang::Nl => "nl-NL",
            Lang::En => "en-GB",
        };
        if cfg!(not(target_arch = "wasm32")) {
            return Fmt { lang, intl: None };
        }
        let n = |v: f64| JsValue::from_f64(v);
        let intl = [
            formatter(locale, &[("maximumFractionDigits", n(2.0))]),
            formatter(
                locale,
                &[
                    ("style", "currency".into()),
                    ("currency", "EUR".into()),
                    ("notation", "compact".into()),
                    ("minimumFractionDigits", n(0.0)),
                    ("maximumFractionDigits", n(2.0)),
                ],
            ),
            formatter(
                locale,
                &[
                    ("style", "percent".into()),
                    ("maximumFractionDigits", n(0.0)),
                ],
            ),
        ];
        Fmt {
            lang,
            intl: Some(intl),
        }
    }

    /// The formatters for `lang`, made once: an `Intl.NumberFormat` costs
    /// more to make than a whole redraw of the scenario's outcome.
    pub fn cached(lang: Lang) -> Fmt {
        thread_local! {
            static CACHE: core::cell::RefCell<Option<Fmt>> = const { core::cell::RefCell::new(None) };
        }
        CACHE.with(|c| {
            let mut c = c.borrow_mut();
            match c.as_ref() {
                Some(f) if f.lang == lang => f.clone(),
                _ => {
                    let f = Fmt::new(lang);
                    *c = Some(f.clone());
                    f
                }
            }
        })
    }

    fn call(f: &Function, v: f64) -> String {
        f.call1(&JsValue::NULL, &JsValue::from_f64(v))
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_default()
    }

    /// A plain number, grouped, up to two decimals.
    pub fn num(&self, v: f64) -> String {
        match &self.intl {
            Some(f) => Fmt::call(&f[0], v),
            None => plain(v, 2),
        }
    }

    /// Euros, compact: "€ 7 mld." / "€7bn".
    pub fn money(&self, v: f64) -> String {
        match &self.intl {
            Some(f) => Fmt::call(&f[1], v),
            None => ["€ ", &plain(v, 2)].concat(),
        }
    }

    /// A share as a percentage: 0.12 → "12%".
    pub fn pct(&self, v: f64) -> String {
        match &self.intl {
            Some(f) => Fmt::call(&f[2], v),
            None => [plain(v * 100.0, 0), "%".into()].concat(),
        }
    }

    /// A multiplier: "3,57×".
    pub fn times(&self, v: f64) -> String {
        let mut s = self.num(v);
        s.push('×');
        s
    }

    /// A value in its unit.
    pub fn value(&self, v: f64, unit: Unit) -> String {
        let l = self.lang;
        match unit {
            Unit::Eur => self.money(v),
            Unit::EurPerYear => [self.money(v).as_str(), t(l, i18n::PER_YEAR)].join(" "),
            Unit::Percent => [self.num(v).as_str(), "%"].join(" "),
            Unit::PercentOfGdp => [self.num(v).as_str(), koers_core::view::unit(unit, l)].join(" "),
            Unit::Ratio => self.times(v),
            Unit::Milestone => {
                if v >= 1.0 {
                    t(l, i18n::DONE).into()
                } else {
                    t(l, i18n::NOT_DONE).into()
                }
            }
            Unit::Rank => ["#", self.num(v).as_str()].concat(),
            _ => [self.num(v).as_str(), koers_core::view::unit(unit, l)].join(" "),
        }
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
