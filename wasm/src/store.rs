//! The browser's copy of what the user entered: localStorage, key
//! [`KEY`], holding a koers-figures file with the user's own
//! `observations` and `window_flows` only ([`data::user_json`]; never the
//! published figures, which come from the host and may be updated). A
//! whole koers file stored by an earlier version is read too. The
//! language is under [`LANG`].
//!
//! Stored data that cannot be read is never dropped: each unreadable text
//! is kept under its own key, [`UNREADABLE`] followed by `.` and the time it
//! was set aside, until the user removes it ([`copies`], [`remove_copy`]),
//! and the page lists them.
//!
//! Several tabs share this storage: the controller merges what another tab
//! stored into this tab's data before each save and on each `storage` event
//! (see [`crate::sync`]); this module only reads and writes.

use std::string::{String, ToString};
use std::vec::Vec;

use koers_core::model::{Dataset, Lang};
use web_sys::Storage;

use crate::data::{self, UserData};
use crate::scenario::{self, Scenario};
use crate::sync::{Conflict, Key, Rec};

/// Where the user's data lives.
pub const KEY: &str = "koers.observations.v1";
/// Where unreadable stored data is set aside: each copy under this key,
/// `.`, and the time (an earlier version kept one copy under the key
/// itself).
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

/// The stored text under [`KEY`], if any.
pub fn text() -> Option<String> {
    storage()?.get_item(KEY).ok().flatten()
}

std::thread_local! {
    /// The text this tab last wrote, and the data it holds: a save reads
    /// storage first (another tab may have written), and when storage still
    /// holds this text it need not be read and checked again.
    static WRITTEN: std::cell::RefCell<Option<(String, UserData)>> =
        const { std::cell::RefCell::new(None) };
}

/// Read a stored text (`None`: nothing stored, no figures).
pub fn parse(base: &Dataset<'static>, text: Option<&str>) -> Result<UserData, Unreadable> {
    match text {
        None => Ok(UserData::default()),
        Some(t) => {
            let known = WRITTEN.with(|w| {
                w.borrow()
                    .as_ref()
                    .filter(|(written, _)| written == t)
                    .map(|(_, d)| d.clone())
            });
            match known {
                Some(d) => Ok(d),
                None => data::import_json(base, t).map_err(|_| Unreadable),
            }
        }
    }
}

/// What is stored: the data, or `Err` when it could not be read (then it
/// has been set aside, [`set_aside`]).
pub fn load(base: &Dataset<'static>) -> Result<UserData, Unreadable> {
    let text = text();
    let read = parse(base, text.as_deref());
    if let (Err(_), Some(t)) = (&read, &text) {
        set_aside(t);
    }
    read
}

/// One unreadable copy set aside: its key in localStorage, when it was set
/// aside (an ISO 8601 time; `None` for the single copy an earlier version
/// kept under [`UNREADABLE`]), and its length in characters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Kept {
    /// Its key in localStorage.
    pub key: String,
    /// When it was set aside.
    pub time: Option<String>,
    /// Its length, characters.
    pub len: usize,
}

/// Every unreadable copy kept in this browser, oldest first.
pub fn copies() -> Vec<Kept> {
    let Some(s) = storage() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for i in 0..s.length().unwrap_or(0) {
        let Some(key) = s.key(i).ok().flatten() else {
            continue;
        };
        let time = match key.strip_prefix(UNREADABLE) {
            Some("") => None,
            Some(rest) => match rest.strip_prefix('.') {
                Some(t) => Some(t.to_string()),
                None => continue,
            },
            None => continue,
        };
        let len = s
            .get_item(&key)
            .ok()
            .flatten()
            .map_or(0, |t| t.chars().count());
        out.push(Kept { key, time, len });
    }
    // The earlier version's copy first, then by time.
    out.sort_by(|a, b| a.time.cmp(&b.time).then(a.key.cmp(&b.key)));
    out
}

/// The text of one copy.
pub fn copy_text(key: &str) -> Option<String> {
    if !key.starts_with(UNREADABLE) {
        return None;
    }
    storage()?.get_item(key).ok().flatten()
}

/// Remove one copy (the user asked).
pub fn remove_copy(key: &str) -> bool {
    match storage() {
        Some(s) if key.starts_with(UNREADABLE) => s.remove_item(key).is_ok(),
        _ => false,
    }
}

/// Keep `text` (stored data that could not be read) under its own key,
/// [`UNREADABLE`] `.` the time, beside every copy kept before; the same
/// text is kept once. `false` when it could not be kept (storage full).
pub fn set_aside(text: &str) -> bool {
    let Some(s) = storage() else {
        return false;
    };
    let kept = copies()
        .iter()
        .any(|c| s.get_item(&c.key).ok().flatten().as_deref() == Some(text));
    if kept {
        return true;
    }
    let time: String = js_sys::Date::new_0().to_iso_string().into();
    let mut key = [UNREADABLE, ".", time.as_str()].concat();
    // Two copies in one millisecond: each its own key.
    while s.get_item(&key).ok().flatten().is_some() {
        key.push('+');
    }
    s.set_item(&key, text).is_ok()
}

/// Store the data; `false` when the browser refused (full, or disabled).
pub fn save(d: &UserData) -> bool {
    let Some(s) = storage() else {
        return false;
    };
    if d.obs.is_empty() && d.flows.is_empty() {
        return s.remove_item(KEY).is_ok();
    }
    let text = data::user_json(d);
    let ok = s.set_item(KEY, &text).is_ok();
    WRITTEN.with(|w| *w.borrow_mut() = ok.then(|| (text, d.clone())));
    ok
}

/// This tab's versions of figures another tab changed differently, while
/// the user has not chosen (sessionStorage: this tab only, kept across a
/// reload): a koers-figures file of this tab's records, and under
/// [`CONFLICTS_DELETED`] the figures deleted here, one `id@year` a line
/// (`flow ` before a window flow's).
pub const CONFLICTS: &str = "koers.conflicts.v1";
/// See [`CONFLICTS`].
pub const CONFLICTS_DELETED: &str = "koers.conflicts.v1.deleted";

fn session() -> Option<Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// Keep this tab's open questions across a reload.
pub fn save_conflicts(list: &[Conflict]) {
    let Some(s) = session() else { return };
    let mut mine = UserData::default();
    let mut deleted = String::new();
    for c in list {
        match &c.mine {
            Some(Rec::Obs(o)) => mine.obs.push(o.clone()),
            Some(Rec::Flow(f)) => mine.flows.push(f.clone()),
            None => {
                if c.key.flow {
                    deleted.push_str("flow ");
                }
                deleted.push_str(&c.key.attr());
                deleted.push('\n');
            }
        }
    }
    if list.is_empty() {
        let _ = s.remove_item(CONFLICTS);
        let _ = s.remove_item(CONFLICTS_DELETED);
        return;
    }
    let _ = s.set_item(CONFLICTS, &data::user_json(&mine));
    let _ = s.set_item(CONFLICTS_DELETED, &deleted);
}

/// This tab's open questions, kept before a reload: those still open
/// against `data` (what is stored now).
pub fn conflicts(base: &Dataset<'static>, data: &UserData) -> Vec<Conflict> {
    let Some(s) = session() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mine = s
        .get_item(CONFLICTS)
        .ok()
        .flatten()
        .and_then(|t| data::import_json(base, &t).ok())
        .unwrap_or_default();
    let recs = mine
        .obs
        .into_iter()
        .map(Rec::Obs)
        .chain(mine.flows.into_iter().map(Rec::Flow));
    for r in recs {
        let key = r.key();
        let theirs = crate::sync::find(data, &key);
        if theirs.as_ref() != Some(&r) {
            out.push(Conflict {
                key,
                mine: Some(r),
                theirs,
            });
        }
    }
    let deleted = s
        .get_item(CONFLICTS_DELETED)
        .ok()
        .flatten()
        .unwrap_or_default();
    for line in deleted.lines() {
        let (flow, k) = match line.strip_prefix("flow ") {
            Some(k) => (true, k),
            None => (false, line),
        };
        let Some(key) = Key::parse(k, flow) else {
            continue;
        };
        if let Some(theirs) = crate::sync::find(data, &key) {
            out.push(Conflict {
                key,
                mine: None,
                theirs: Some(theirs),
            });
        }
    }
    out
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
