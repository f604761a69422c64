//! Everything a device showing a vision would do: load and validate a koers
//! JSON file (`load::load_into`), then assess every target (Open SDG,
//! distance travelled, projection) and roll them up by priority.
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

#[entry]
fn main() -> ! {
    let mut ds = Dataset::default();
    loop {
        match load::load_into(black_box(JSON), &mut ds) {
            Ok(()) => {
                let statuses = assess::assess_all(&ds);
                black_box(assess::rollup_priorities(&ds, &statuses));
                black_box(statuses);
            }
            Err(issues) => {
                black_box(issues);
            }
        }
    }
}
