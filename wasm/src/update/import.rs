//! Taking figures in: a file chosen, read, checked and imported (all or
//! nothing), or the example figures.

use std::boxed::Box;
use std::string::String;
use std::vec::Vec;

use koers_core::load::ErrorKind;

use super::{commit, problem, refused, Effect};
use crate::app::{App, Flash, Importing};
use crate::data;
use crate::history::Change;
use crate::i18n::{self, t};

/// A file chosen: refused at once when too large, else read.
pub(super) fn import_chosen(app: &mut App, name: String, size: f64, fx: &mut Vec<Effect>) {
    if app.importing.is_some() {
        return;
    }
    fx.push(Effect::Draw);
    // Larger than any valid file: refused before it is read.
    if size > data::MAX_IMPORT_BYTES as f64 {
        app.problems_at = "data";
        app.problems = std::vec![problem(
            "",
            ErrorKind::FileTooLarge {
                limit: data::MAX_IMPORT_BYTES
            }
        )];
        refused(app);
        return;
    }
    // Said at once, and kept until the figures are in or refused.
    app.problems = Vec::new();
    app.importing = Some(Importing {
        name,
        bytes: size,
        lines: None,
    });
    fx.push(Effect::ReadFile);
}

/// Check an imported file's bytes and take its figures in (all or nothing).
pub(super) fn take_in(app: &mut App, file_name: &str, bytes: &[u8], fx: &mut Vec<Effect>) {
    fx.push(Effect::Draw);
    let name = file_name.to_ascii_lowercase();
    app.importing = None;
    app.problems_at = "data";
    app.pending = None;
    let result = data::decode(bytes)
        .map_err(|p| std::vec![p])
        .and_then(|text| {
            let json = name.ends_with(".json") || text.trim_start().starts_with('{');
            if json {
                return data::import_json(app.base, text).map(Some);
            }
            // SDMX-CSV or StatLine: listed, mapped and confirmed before
            // anything is imported.
            match crate::statimport::recognise(file_name, text.as_bytes()) {
                Some(Ok(p)) => {
                    app.pending = Some(Box::new(p));
                    Ok(None)
                }
                Some(Err(ps)) => Err(ps),
                None => data::import_csv(app.base, text.as_bytes(), &app.data.flows).map(Some),
            }
        });
    match result {
        Ok(Some(next)) => commit(app, next, Change::Imported, fx),
        Ok(None) => {
            app.problems.clear();
            app.flash = None;
        }
        Err(ps) => {
            app.problems = ps;
            refused(app);
        }
    }
}

/// The example figures' CSV arrived (`None`: it could not be fetched).
pub(super) fn examples_loaded(app: &mut App, text: Option<String>, fx: &mut Vec<Effect>) {
    fx.push(Effect::Draw);
    app.problems_at = "data";
    let parsed = text.map(|t| data::import_csv(app.base, t.as_bytes(), &[]));
    let failed = |app: &mut App| {
        app.flash = Some(Flash {
            error: true,
            text: t(app.lang, i18n::EXAMPLES_FAILED).into(),
            undo: false,
        });
    };
    match parsed {
        Some(Ok(ex)) => {
            let mut next = app.data.clone();
            next.obs.extend(ex.obs);
            commit(app, next, Change::Examples, fx);
        }
        Some(Err(ps)) => {
            app.problems = ps;
            failed(app);
        }
        None => failed(app),
    }
}
