//! The bindings in a real browser (headless Chromium through chromedriver):
//! `make test` runs these with wasm-bindgen-test-runner.
#![cfg(target_arch = "wasm32")]

use koers_core::model::Lang;
use koers_wasm::data::{self, escape, Obs, UserData};
use koers_wasm::{dom, fmt::Fmt, store};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The vision with no published figures (the page reads both from files).
fn base() -> &'static koers_core::model::Dataset<'static> {
    let figures = r#"{"format": "koers-figures", "format_version": 1}"#;
    Box::leak(data::load_base(Some(koers_core::builtin::VISION_JSON), Some(figures)).unwrap())
}

/// What the browser's `Intl.NumberFormat` writes for `v` in `locale`:
/// number, euros (compact), percent, as the dashboard asks for them.
fn intl(locale: &str, v: f64) -> [String; 3] {
    use js_sys::{Array, Intl, Object, Reflect};
    use wasm_bindgen::JsValue;
    let make = |opts: &[(&str, JsValue)]| {
        let o = Object::new();
        for (k, x) in opts {
            Reflect::set(&o, &JsValue::from_str(k), x).unwrap();
        }
        Intl::NumberFormat::new(&Array::of1(&JsValue::from_str(locale)), &o).format()
    };
    let n = |x: f64| JsValue::from_f64(x);
    let fs = [
        make(&[("maximumFractionDigits", n(2.0))]),
        make(&[
            ("style", "currency".into()),
            ("currency", "EUR".into()),
            ("notation", "compact".into()),
            ("minimumFractionDigits", n(0.0)),
            ("maximumFractionDigits", n(2.0)),
        ]),
        make(&[
            ("style", "percent".into()),
            ("maximumFractionDigits", n(0.0)),
        ]),
    ];
    fs.map(|f| f.call1(&JsValue::NULL, &n(v)).unwrap().as_string().unwrap())
}

/// koers-core writes numbers as this browser's `Intl.NumberFormat` does:
/// for round numbers, halves at every place (`0.015`, `2.345e6`), the
/// edges of thousands, millions and billions, negatives, and 3,000
/// numbers of every size from a fixed sequence.
#[wasm_bindgen_test]
fn numbers_are_written_as_intl_writes_them() {
    let mut values = std::vec![
        0.0, 1.0, 0.5, 0.005, 0.015, 0.125, 999.995, 999999.0, 2.345e6, 999.5e6, 1.15e9, 7e9, 25e9,
        1.5e12, 1e15
    ];
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    for k in 0..3000 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        // A mantissa of 1 to 6 digits with up to 3 decimals, at a power of
        // ten from 10^-3 to 10^13, half of them negative.
        let digits = (x % 1_000_000) as f64;
        let scale = 10f64.powi(k % 17 - 6);
        let v = digits * scale;
        values.push(if k % 2 == 0 { v } else { -v });
    }
    for v in values {
        for (locale, lang) in [("nl-NL", Lang::Nl), ("en-GB", Lang::En)] {
            let f = Fmt::new(lang);
            let ours = [f.num(v), f.money(v), f.pct(v)];
            assert_eq!(ours, intl(locale, v), "{v} in {locale}");
        }
    }
}

#[wasm_bindgen_test]
fn money_and_numbers_come_from_intl() {
    let nl = Fmt::new(Lang::Nl);
    let en = Fmt::new(Lang::En);
    assert_eq!(nl.num(25000.0), "25.000");
    assert_eq!(en.num(25000.0), "25,000");
    // Intl puts a no-break space between the sign and the amount.
    let nl7 = nl.money(7e9).replace(['\u{a0}', '\u{202f}'], " ");
    assert_eq!(nl7, "€ 7 mld.");
    assert_eq!(en.money(7e9), "€7bn");
    assert_eq!(en.money(25e9), "€25bn");
    assert_eq!(en.times(3.5714), "3.57×");
}

#[wasm_bindgen_test]
fn user_text_is_text_never_html() {
    let evil = "<img src=x onerror=alert(1)>";
    let p = dom::h("p").a("title", evil).t(evil).element();
    assert_eq!(p.children().length(), 0);
    assert_eq!(p.text_content().as_deref(), Some(evil));
    assert!(p.inner_html().starts_with("&lt;img"));
}

#[wasm_bindgen_test]
fn stored_data_survives_a_round_trip_through_local_storage() {
    let base = base();
    let mut d = UserData::default();
    d.obs.push(Obs {
        subject: "T-P5-technici-25000".into(),
        year: 2026,
        value: 3100.5,
        source: escape("CBS \"test\""),
        note: None,
        provisional: true,
    });
    assert!(store::save(&d));
    assert_eq!(store::load(base), Ok(d));
    assert!(store::save(&UserData::default()));
    assert_eq!(store::load(base), Ok(UserData::default()));
}

#[wasm_bindgen_test]
fn unreadable_storage_is_set_aside_not_dropped() {
    let s = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    for c in store::copies() {
        store::remove_copy(&c.key);
    }
    let base = base();
    // Each unreadable text is kept under its own key with its time, once.
    for text in ["{ not json", "second", "second"] {
        s.set_item(store::KEY, text).unwrap();
        assert!(store::load(base).is_err());
    }
    let kept = store::copies();
    assert_eq!(kept.len(), 2);
    let texts: std::vec::Vec<_> = kept
        .iter()
        .map(|c| store::copy_text(&c.key).unwrap())
        .collect();
    assert_eq!(texts, ["{ not json", "second"]);
    assert!(kept.iter().all(|c| c.time.is_some()));
    s.remove_item(store::KEY).unwrap();
    for c in kept {
        assert!(store::remove_copy(&c.key));
    }
    assert!(store::copies().is_empty());
}

#[wasm_bindgen_test]
fn the_language_is_remembered() {
    store::set_lang(Lang::En);
    assert_eq!(store::lang(), Lang::En);
    store::set_lang(Lang::Nl);
    assert_eq!(store::lang(), Lang::Nl);
}

/// The ES module API takes and gives plain objects (serde-wasm-bindgen):
/// absent values are `null` as in JSON, and what cannot be read throws an
/// Error saying what.
#[wasm_bindgen_test]
fn the_api_takes_and_gives_plain_objects() {
    use js_sys::{Reflect, JSON};
    use koers_wasm::api;
    let get = |v: &wasm_bindgen::JsValue, k: &str| Reflect::get(v, &k.into()).unwrap();
    let input = JSON::parse(
        r#"{"kind":"cumulative_flow","direction":"increase","target":{"year":2030,"value":25000},"points":[{"year":2026,"value":3000}]}"#,
    )
    .unwrap();
    let s = api::assess_series_js(input).unwrap();
    assert!(s.is_object());
    assert_eq!(
        get(&s, "status").as_string().as_deref(),
        Some("moderate_progress")
    );
    assert_eq!(
        get(&s, "method").as_string().as_deref(),
        Some("distance_travelled")
    );
    let l = api::leverage_js(
        JSON::parse(r#"{"money":{"public":4e9,"other_public":0,"private":null,"total":16e9},"target_multiplier":4}"#)
            .unwrap(),
    )
    .unwrap();
    assert_eq!(get(&l, "multiplier").as_f64(), Some(4.0));
    assert_eq!(get(&l, "private_share").as_f64(), Some(0.75));
    // No reason: null, not undefined.
    assert!(get(&l, "reason").is_null());
    let bad = api::assess_series_js(JSON::parse(r#"{"kind":"nonsense"}"#).unwrap()).unwrap_err();
    let message = get(&wasm_bindgen::JsValue::from(bad), "message")
        .as_string()
        .unwrap();
    assert!(message.contains("nonsense"), "{message}");
}
