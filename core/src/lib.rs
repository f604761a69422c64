//! # koers-core
//!
//! The Semicon Visie 2035 as data, and the calculations that say where each
//! ambition stands: progress toward targets (the Open SDG / Statistics Canada
//! method and distance travelled against time elapsed), projections, financial
//! leverage and mobilisation, the revolving-capital model and roll-ups from
//! objective to priority to the whole vision.
//!
//! `#![no_std]`, no heap: every collection is a `heapless` container with a
//! capacity named once in [`config`]; every calculation is a pure function of
//! numbers that returns a defined result for any input (NaN, infinities, zeros,
//! negatives, unordered years) and never panics.
//!
//! Data flows one way: a JSON file ([`load`]) becomes a [`model::Dataset`];
//! [`assess`] and [`finance`] compute from it with [`progress`] and
//! [`leverage`]; the CLI and the dashboard only present the results.
#![cfg_attr(not(test), no_std)]

pub mod assess;
pub mod builtin;
pub mod config;
pub mod csvcell;
pub mod dashboard;
pub mod finance;
pub mod inplace;
pub mod leverage;
pub mod load;
pub mod model;
pub mod monitor;
pub mod numbers;
pub mod opensdg;
pub mod present;
pub mod progress;
pub mod scenario;
pub mod statfile;
pub mod view;
