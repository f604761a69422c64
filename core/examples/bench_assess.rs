//! Assessments per second on 10,000 synthetic series (`make bench`).
//!
//! The series are pseudo-random but fixed (SplitMix64 from one seed): 5 to
//! 20 yearly points between 2015 and 2034, rising, falling or flat, with an
//! occasional gap or missing value, with and without a baseline, target or
//! natural limit. Each run assesses every series with
//! `progress::open_sdg` and, separately, with `assess::assess_points` (Open
//! SDG plus distance travelled plus projection); the median of several runs
//! is printed as `key=value` lines for `scripts/bench.sh`. Never fails on a
//! time: the numbers are for reading, not for a threshold.
//!
//! `cargo run --release -p koers-core --example bench_assess [-- RUNS]`

use std::hint::black_box;
use std::time::Instant;

use koers_core::assess;
use koers_core::model::{Dataset, Target, TargetKind, TargetValue, Unit, YearValue};
use koers_core::progress::{self, Direction, OpenSdgConfig, Point, Status};

const SERIES: usize = 10_000;
const SEED: u64 = 2035;

/// SplitMix64: small, fast and the same on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `[0, 1)`.
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: i32, hi: i32) -> i32 {
        lo + (self.next() % (hi - lo + 1) as u64) as i32
    }

    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }
}

/// One synthetic series with the settings of both calculations.
struct Case {
    points: Vec<Point>,
    cfg: OpenSdgConfig,
    target: Target<'static>,
}

fn make_case(rng: &mut Rng) -> Case {
    let n = rng.range(5, 20);
    let first = rng.range(2015, 2035 - n);
    // Levels from 0 (a new programme) to billions (euros).
    let scale = [0.0, 1.0, 100.0, 25_000.0, 1e9][rng.range(0, 4) as usize];
    let base = scale * (0.5 + rng.unit());
    let slope = base.max(1.0) * (rng.unit() * 0.2 - 0.08);
    let mut points = Vec::with_capacity(n as usize);
    let mut year = first;
    while points.len() < n as usize && year <= 2034 {
        let noise = base.max(1.0) * (rng.unit() - 0.5) * 0.02;
        let value = if rng.chance(0.02) {
            f64::NAN // a missing value, as Open SDG drops it
        } else {
            base + slope * f64::from(year - first) + noise
        };
        points.push(Point::new(year, value));
        year += if rng.chance(0.1) { 2 } else { 1 };
    }
    let direction = if rng.chance(0.7) {
        Direction::Increase
    } else {
        Direction::Decrease
    };
    let with_target = rng.chance(0.7);
    let target_value = base + direction.sign() * base.max(1.0) * (0.2 + rng.unit());
    let target_year = rng.range(2030, 2035);
    let limit = (!with_target && rng.chance(0.3)).then(|| base.max(1.0) * 1.5);
    let baseline = rng.chance(0.7).then(|| YearValue {
        year: first,
        value: points[0].value.max(0.0),
    });
    let kind = match rng.range(0, 9) {
        0..=5 => TargetKind::Level,
        6 | 7 => TargetKind::CumulativeFlow,
        8 => TargetKind::Rate,
        _ => TargetKind::Milestone,
    };
    Case {
        cfg: OpenSdgConfig {
            base_year: first,
            target: with_target.then_some(target_value),
            target_year,
            direction,
            limit,
            thresholds: Default::default(),
        },
        target: Target {
            id: "T-bench",
            priority: "P1",
            objective: None,
            title: Default::default(),
            kind,
            unit: Unit::Count,
            direction,
            baseline,
            target: TargetValue {
                year: Some(target_year),
                value: with_target.then_some(target_value),
            },
            limit,
            qualifier: Default::default(),
            headline: false,
            window: None,
            note: None,
            source: Default::default(),
            also: Default::default(),
        },
        points,
    }
}

/// Assessments per second of `f` over every case, median of `runs` runs of
/// at least 0.2 s each; also min and max.
fn measure(cases: &[Case], runs: usize, f: impl Fn(&Case) -> f64) -> (f64, f64, f64) {
    // Warm up, and find how many passes make a run of about 0.2 s.
    let start = Instant::now();
    let mut passes = 0usize;
    while start.elapsed().as_secs_f64() < 0.2 {
        for c in cases {
            black_box(f(black_box(c)));
        }
        passes += 1;
    }
    let mut rates: Vec<f64> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            for _ in 0..passes {
                for c in cases {
                    black_box(f(black_box(c)));
                }
            }
            (passes * cases.len()) as f64 / t.elapsed().as_secs_f64()
        })
        .collect();
    rates.sort_by(f64::total_cmp);
    (rates[rates.len() / 2], rates[0], rates[rates.len() - 1])
}

fn main() {
    let runs: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(9)
        .max(1);
    let mut rng = Rng(SEED);
    let cases: Vec<Case> = (0..SERIES).map(|_| make_case(&mut rng)).collect();
    let points: usize = cases.iter().map(|c| c.points.len()).sum();

    // What the series give, so a change in the mix shows.
    let mut statuses = [0usize; 6];
    for c in &cases {
        statuses[progress::open_sdg(&c.points, &c.cfg).status as usize] += 1;
    }
    let labels = [
        Status::TargetAchieved,
        Status::SubstantialProgress,
        Status::ModerateProgress,
        Status::LimitedProgress,
        Status::Deterioration,
        Status::NotAvailable,
    ];

    let (sdg, sdg_lo, sdg_hi) = measure(&cases, runs, |c| {
        progress::open_sdg(&c.points, &c.cfg).score.unwrap_or(0.0)
    });
    let (full, full_lo, full_hi) = measure(&cases, runs, |c| {
        assess::assess_points(&c.target, &c.points, 2035, None)
            .score
            .unwrap_or(0.0)
    });

    println!("series={SERIES}");
    println!("points={points}");
    println!("runs={runs}");
    for (label, n) in labels.iter().zip(statuses) {
        println!("open_sdg_status_{}={n}", label.label());
    }
    println!("open_sdg_per_s={sdg:.0}");
    println!("open_sdg_per_s_min={sdg_lo:.0}");
    println!("open_sdg_per_s_max={sdg_hi:.0}");
    println!("assess_points_per_s={full:.0}");
    println!("assess_points_per_s_min={full_lo:.0}");
    println!("assess_points_per_s_max={full_hi:.0}");
    println!(
        "size_of_dataset={}",
        core::mem::size_of::<Dataset<'static>>()
    );
    println!(
        "size_of_target_status={}",
        core::mem::size_of::<assess::TargetStatus>()
    );
}
