//! The Open SDG assessment of one small series, forever: the smallest
//! useful koers on a Cortex-M4F. `black_box` keeps the compiler from
//! computing the answer at build time or dropping it.
#![no_std]
#![no_main]

use core::hint::black_box;

use cortex_m_rt::entry;
use koers_core::progress::{open_sdg, Direction, OpenSdgConfig, Point};
use panic_halt as _;

#[path = "../board.rs"]
mod board;

#[entry]
fn main() -> ! {
    let points = [
        Point::new(2020, 2.2),
        Point::new(2021, 2.25),
        Point::new(2022, 2.3),
        Point::new(2024, 2.5),
    ];
    let cfg = OpenSdgConfig {
        base_year: 2020,
        target: Some(3.0),
        target_year: 2030,
        direction: Direction::Increase,
        limit: None,
        thresholds: Default::default(),
    };
    loop {
        black_box(open_sdg(black_box(&points), black_box(&cfg)));
    }
}
