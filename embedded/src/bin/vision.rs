//! The whole Semicon Visie 2035 on a Cortex-M4F: the built-in JSON (in
//! flash) loaded and validated with `builtin::load_into`, every target
//! assessed and rolled up by priority. What `load-assess` costs, plus the
//! vision's own text.
#![no_std]
#![no_main]

use core::hint::black_box;

use cortex_m_rt::entry;
use koers_core::model::Dataset;
use koers_core::{assess, builtin};
use panic_halt as _;

#[path = "../board.rs"]
mod board;

#[entry]
fn main() -> ! {
    // The vision holds no observations: room for 32, and no window flows.
    let mut ds: Dataset<'static, 32, 0> = Dataset::default();
    loop {
        match builtin::load_into(black_box(&mut ds)) {
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
