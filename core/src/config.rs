//! Every capacity of the model, named once, with the reason for its size.
//!
//! The vision itself needs far less than these limits; the headroom is for
//! users who add their own targets, indicators and yearly observations.

/// Strategic priorities. The vision has six; room for a strategy with eight.
pub const MAX_PRIORITIES: usize = 8;
/// Objectives and their sub-items. The vision has about 60.
pub const MAX_OBJECTIVES: usize = 128;
/// Focus areas. The vision has ten.
pub const MAX_FOCUS_AREAS: usize = 16;
/// Quantified ambitions. The vision has a few dozen; users add their own.
pub const MAX_TARGETS: usize = 64;
/// Impact indicators. The vision lists thirteen; users add their own.
pub const MAX_INDICATORS: usize = 48;
/// Investment windows, nested ones included. The vision names about 25.
pub const MAX_WINDOWS: usize = 48;
/// Other figures the vision states. It gives a few dozen.
pub const MAX_FIGURES: usize = 64;
/// Extra source references per target (where an ambition is stated twice).
pub const MAX_ALSO: usize = 4;
/// Chapters of the vision listed on the method page. The vision has
/// eight; a dataset with more lists the first sixteen in order and says
/// how many more there are ([`crate::present::chapters`]).
pub const MAX_CHAPTERS: usize = 16;
/// Observations over all subjects: the vision's 25 targets and indicators
/// with a yearly value from 2000 to 2035 need 900; the published figures
/// use 70. 1,024 holds that with room for users' own series while keeping a
/// dataset at 175 KiB of RAM on 32-bit targets now that an observation names
/// its publication, quotes it and may name a breakdown (64 bytes each on
/// thumbv7em and wasm32; twice the pointers on a 64-bit host), so the
/// load-and-assess firmware still fits a part with 256 KiB of RAM.
pub const MAX_OBSERVATIONS: usize = 1024;
/// Publications cited by published figures: a few per subject. The shipped
/// figures cite 67 (up to 8 for one subject); 128 leaves room for the next
/// releases at 48 bytes each on 32-bit targets.
pub const MAX_SOURCES: usize = 128;
/// Published series: one per target or indicator that has figures.
pub const MAX_SERIES: usize = 64;
/// Dated facts (steps toward milestones and the like).
pub const MAX_EVENTS: usize = 48;
/// Realised window flows: 48 windows over 2025..2035.
pub const MAX_WINDOW_FLOWS: usize = 528;
/// Points in one series handed to a progress calculation: one a year from
/// 1990 to 2100.
pub const MAX_SERIES_POINTS: usize = 111;
/// Problems one validation run reports before it stops counting.
pub const MAX_ISSUES: usize = 64;
