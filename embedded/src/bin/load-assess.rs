//! Everything a device showing a vision would do: read and validate a koers
//! JSON file (`load::parse_into`, `load::validate_into`), then assess every
//! target (Open SDG, distance travelled, projection) and roll them up by
//! priority. The capacities are this device's: room for 32 observations
//! and no window flows in its `Dataset`, the first 4 problems in its
//! validation report (the count still counts them all).
#![no_std]
#![no_main]

use core::hint::black_box;

use cortex_m_rt::entry;
use koers_core::model::Dataset;
use koers_core::{assess, load};
use panic_halt as _;

#[path = "../board.rs"]
mod board;

const JSON: &str = include_str!("../small.json");
/// Observations this device keeps.
const OBSERVATIONS: usize = 32;
/// Problems its validation report keeps.
const PROBLEMS: usize = 4;

#[entry]
fn main() -> ! {
    let mut ds: Dataset<'static, OBSERVATIONS, 0> = Dataset::default();
    let mut issues = load::Issues::<PROBLEMS>::default();
    loop {
        let read = load::parse_into(black_box(JSON), &mut ds);
        if read.is_ok() {
            load::validate_into(&ds, &mut issues);
        }
        match read {
            Ok(()) if issues.is_empty() => {
                let statuses = assess::assess_all(&ds);
                black_box(assess::rollup_priorities(&ds, &statuses));
                black_box(statuses);
            }
            Ok(()) => {
                black_box(&issues);
            }
            Err(e) => {
                black_box(e);
            }
        }
    }
}
