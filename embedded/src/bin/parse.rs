//! Read a small koers JSON file with `load::parse_into` (structure and types
//! only), then assess its first target with Open SDG: the JSON reader's cost
//! on a Cortex-M4F. The `Dataset` lives on the stack.
#![no_std]
#![no_main]

use core::hint::black_box;

use cortex_m_rt::entry;
use koers_core::load;
use koers_core::model::Dataset;
use koers_core::progress::{open_sdg, OpenSdgConfig, Point};
use panic_halt as _;

#[path = "../board.rs"]
mod board;

const JSON: &str = include_str!("../small.json");

#[entry]
fn main() -> ! {
    // Room for 32 observations and no window flows: this device's choice.
    let mut ds: Dataset<'static, 32, 0> = Dataset::default();
    loop {
        if load::parse_into(black_box(JSON), &mut ds).is_ok() {
            if let Some(t) = ds.targets.first() {
                let mut points = [Point::new(0, f64::NAN); 8];
                for (p, o) in points.iter_mut().zip(ds.observations_of(t.id)) {
                    *p = Point::new(o.year, o.value);
                }
                let cfg = OpenSdgConfig {
                    base_year: t.baseline.map_or(i32::MIN, |b| b.year),
                    target: t.target.value,
                    target_year: t.target.year.unwrap_or(ds.vision.horizon_year),
                    direction: t.direction,
                    limit: t.limit,
                    thresholds: Default::default(),
                };
                black_box(open_sdg(&points, &cfg));
            }
        }
        black_box(&ds);
    }
}
