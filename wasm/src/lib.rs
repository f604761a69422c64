//! # koers-wasm
//!
//! The koers dashboard: koers-core compiled to WebAssembly behind a static
//! page. State lives here, in Rust; the DOM is written with web-sys.
//!
//! Modules by role (as wasm-bindgen's todomvc example): [`data`] holds what
//! the user entered and reads and writes it as koers JSON and CSV; `history`
//! keeps undo and redo; `route` maps URL hashes to views; `i18n` has the
//! interface's words in Dutch and English; `app` keeps the state, `store`
//! the localStorage copy, `controller` turns events into state changes,
//! `view` writes the DOM and `chart` the SVG.
#![cfg_attr(not(test), deny(clippy::unwrap_used))]

pub mod data;
pub mod history;
pub mod route;

pub mod app;
mod chart;
mod controller;
pub mod dom;
pub mod fmt;
mod i18n;
pub mod store;
mod view;

/// Start the dashboard: called once when the module loads (in a browser;
/// natively it compiles, for tests and lints, but has no page to draw).
#[cfg_attr(target_arch = "wasm32", wasm_bindgen::prelude::wasm_bindgen(start))]
pub fn start() {
    controller::start();
}
