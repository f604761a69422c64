//! koers-core in a bare `wasm32-unknown-unknown` module, without
//! wasm-bindgen or the DOM code: what the core itself adds to a page.
//! Two exports, the same work as the firmware's `open-sdg` and `load-assess`.
#![no_std]

use koers_core::model::Dataset;
use koers_core::progress::{open_sdg, Direction, OpenSdgConfig, Point};
use koers_core::{assess, load};

const JSON: &str = include_str!("../../src/small.json");

/// The Open SDG score of a series of `len` (year, value) pairs at `points`,
/// aiming at `target` in 2030 from base year `base`; NaN when not available.
///
/// # Safety
/// `points` must point at `len` readable `(i32, f64)` pairs laid out as
/// `Point`.
#[no_mangle]
pub unsafe extern "C" fn koers_open_sdg(
    points: *const Point,
    len: usize,
    base: i32,
    target: f64,
) -> f64 {
    // SAFETY: the caller passes a valid slice.
    let points = unsafe { core::slice::from_raw_parts(points, len) };
    let cfg = OpenSdgConfig {
        base_year: base,
        target: Some(target),
        target_year: 2030,
        direction: Direction::Increase,
        limit: None,
        thresholds: Default::default(),
    };
    open_sdg(points, &cfg).score.unwrap_or(f64::NAN)
}

/// Load and validate the built-in small dataset, assess every target and
/// return how many have a status (or `-1` when the file does not load).
#[no_mangle]
pub extern "C" fn koers_load_assess() -> i32 {
    let mut ds: Dataset = Dataset::default();
    match load::load_into(core::hint::black_box(JSON), &mut ds) {
        Ok(()) => {
            let statuses = assess::assess_all(&ds);
            let counted = assess::rollup_priorities(&ds, &statuses);
            core::hint::black_box(counted);
            statuses.iter().filter(|s| s.score.is_some()).count() as i32
        }
        Err(_) => -1,
    }
}

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    core::arch::wasm32::unreachable()
}
