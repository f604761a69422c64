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
#![cfg_attr(not(test), no_std)]

pub mod config;
pub mod leverage;
pub mod progress;
