//! The browser's copy of what the user entered: localStorage, key
//! [`KEY`], holding a koers-figures file with the user's own
//! `observations` and `window_flows` only ([`data::user_json`]; never the
//! published figures, which come from the host and may be updated). A
//! whole koers file stored by an earlier version is read too. The
//! language is under [`LANG`].
//!
//! Stored data that cannot be read is never dropped: it is moved to
//! [`UNREADABLE`] and the page says so.

use koers_core::model::{Dataset, Lang};
use web_sys::Storage;

use crate::data::{self, UserData};
use crate::scenario::{self, Scenario};

/// Where the user's data lives.
pub const KEY: &str = "koers.observations.v1";
/// Where unreadable stored data is set aside.
pub const UNREADABLE: &str = "koers.observations.v1.unreadable";
/// The chosen language, `nl` or `en`.
pub const LANG: &str = "koers.lang";
/// Saved scenarios: one query (as in a scenario link) per line.
pub const SCENARIOS: &str = "koers.scenarios.v1";

fn storage() -> Option<Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The remembered language; Dutch by default.
pub fn lang() -> Lang {
    match storage()
        .and_then(|s| s.get_item(LANG).ok().flatten())
        .as_deref()
    {
        Some("en") => Lang::En,
        _ => Lang::Nl,
    }
}

/// Remember the language.
pub fn set_lang(l: Lang) {
    if let Some(s) = storage() {
        let _ = s.set_item(LANG, if l == Lang::En { "en" } else { "nl" });
    }
}

/// Stored data that could not be read (and was set aside).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unreadable;

/// What was stored: the data, or `Err` when it could not be read (then it
/// has been set aside under [`UNREADABLE`]).
pub fn load(base: &Dataset<'static>) -> Result<UserData, Unreadable> {
    let Some(s) = storage() else {
        return Ok(UserData::default());
    };
    let Some(text) = s.get_item(KEY).ok().flatten() else {
        return Ok(UserData::default());
    };
    match data::import_json(base, &text) {
        Ok(d) => Ok(d),
        Err(_) => {
            if s.get_item(UNREADABLE).ok().flatten().is_none() {
                let _ = s.set_item(UNREADABLE, &text);
            }
            Err(Unreadable)
        }
    }
}

/// Store the data; `false` when the browser refused (full, or disabled).
pub fn save(d: &UserData) -> bool {
    let Some(s) = storage() else {
        return false;
    };
    if d.obs.is_empty() && d.flows.is_empty() {
        return s.remove_item(KEY).is_ok();
    }
    s.set_item(KEY, &data::user_json(d)).is_ok()
}

/// The scenarios saved in this browser.
pub fn scenarios() -> std::vec::Vec<Scenario> {
    storage()
        .and_then(|s| s.get_item(SCENARIOS).ok().flatten())
        .map(|t| scenario::parse_saved(&t))
        .unwrap_or_default()
}

/// Save the scenarios; `false` when the browser refused.
pub fn set_scenarios(list: &[Scenario]) -> bool {
    let Some(s) = storage() else {
        return false;
    };
    if list.is_empty() {
        return s.remove_item(SCENARIOS).is_ok();
    }
    s.set_item(SCENARIOS, &scenario::write_saved(list)).is_ok()
}
