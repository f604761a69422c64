//! The Semicon Visie 2035, compiled in: nothing needs loading to start.

use crate::load::{self, Issues};
use crate::model::Dataset;

#[rustfmt::skip]
mod vision_static;

/// The vision as static data ([`crate::inplace`]): what assessing, rolling
/// up and naming its targets and indicators needs, in flash, read in place.
/// Generated from [`VISION_JSON`] by `koers static`; a test checks that it
/// is up to date.
pub use vision_static::{
    STATIC_VISION, STATIC_VISION_INDICATORS, STATIC_VISION_PRIORITIES, STATIC_VISION_TARGETS,
};

/// The vision as published (January 2026), in the koers data format: every
/// value with its source, and no observations.
pub const VISION_JSON: &str = include_str!("../../data/semicon-visie-2035.json");

/// Load the built-in vision into `out` (any capacities: the vision holds
/// no observations or window flows).
pub fn load_into<const O: usize, const F: usize>(
    out: &mut Dataset<'static, O, F>,
) -> Result<(), Issues> {
    load::load_into(VISION_JSON, out)
}
