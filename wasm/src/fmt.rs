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
    num: Function,
    money: Function,
    pct: Function,
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
        let n = |v: f64| JsValue::from_f64(v);
        Fmt {
            lang,
            num: formatter(locale, &[("maximumFractionDigits", n(2.0))]),
            money: formatter(
                locale,
                &[
                    ("style", "currency".into()),
                    ("currency", "EUR".into()),
                    ("notation", "compact".into()),
                    ("minimumFractionDigits", n(0.0)),
                    ("maximumFractionDigits", n(2.0)),
                ],
            ),
            pct: formatter(
                locale,
                &[
                    ("style", "percent".into()),
                    ("maximumFractionDigits", n(0.0)),
                ],
            ),
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
        Fmt::call(&self.num, v)
    }

    /// Euros, compact: "€ 7 mld." / "€7bn".
    pub fn money(&self, v: f64) -> String {
        Fmt::call(&self.money, v)
    }

    /// A share as a percentage: 0.12 → "12%".
    pub fn pct(&self, v: f64) -> String {
        Fmt::call(&self.pct, v)
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
