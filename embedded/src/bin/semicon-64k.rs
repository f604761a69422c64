//! The whole Semicon Visie 2035 on a Cortex-M4F with 64 KiB of RAM: every
//! target and indicator assessed against 32 observations and rolled up by
//! priority and for the whole vision. The vision is static data in flash
//! (`builtin::STATIC_VISION`, read in place: no JSON, no `Dataset`); the
//! observations, the scratch series and the statuses are this program's,
//! on its stack, with the capacities it chooses (`inplace`).
#![no_std]
#![no_main]

use core::hint::black_box;

use cortex_m_rt::entry;
use heapless::Vec;
use koers_core::assess::{IndicatorStatus, Rollup, TargetStatus};
use koers_core::builtin::{
    STATIC_VISION, STATIC_VISION_INDICATORS, STATIC_VISION_PRIORITIES, STATIC_VISION_TARGETS,
};
use koers_core::inplace::{self, Obs, StaticVision};
use koers_core::progress::Point;
use panic_halt as _;

#[path = "../board.rs"]
mod board;

/// Observations held: what a device collects between two assessments.
const OBSERVATIONS: usize = 32;
/// Points of one series (observations of one subject) plus the baseline.
const SCRATCH: usize = OBSERVATIONS + 1;

/// 32 observations over the vision's 25 subjects (the first seven twice),
/// as a sensor or a radio would deliver them: in RAM, not known when
/// compiling (`black_box`).
fn observe(v: &StaticVision<'static>, round: u32, out: &mut [Obs<'static>; OBSERVATIONS]) {
    let subjects = v.targets.len() + v.indicators.len();
    for (k, slot) in out.iter_mut().enumerate() {
        let s = k % subjects.max(1);
        let subject = match v.targets.get(s) {
            Some(t) => t.id,
            None => v.indicators.get(s - v.targets.len()).map_or("", |i| i.id),
        };
        let year = 2022 + (k / subjects.max(1)) as i32 * 2;
        let value = black_box(10.0 + s as f64 + (k as f64) * 0.5 + f64::from(round % 4));
        *slot = Obs {
            subject,
            year,
            value,
        };
    }
}

#[entry]
fn main() -> ! {
    let v = black_box(&STATIC_VISION);
    let mut observations = [Obs {
        subject: "",
        year: 0,
        value: 0.0,
    }; OBSERVATIONS];
    let mut scratch = [Point::new(0, 0.0); SCRATCH];
    // Room for exactly the vision's targets, indicators and priorities.
    let mut targets: Vec<TargetStatus, STATIC_VISION_TARGETS> = Vec::new();
    let mut indicators: Vec<IndicatorStatus, STATIC_VISION_INDICATORS> = Vec::new();
    let mut priorities = [Rollup::default(); STATIC_VISION_PRIORITIES];
    let mut round = 0u32;
    loop {
        observe(v, round, &mut observations);
        let t = inplace::assess_targets(v, &observations, &mut scratch, &mut targets);
        let i = inplace::assess_indicators(v, &observations, &mut scratch, &mut indicators);
        let whole = inplace::rollup_priorities(v, &targets, &mut priorities);
        // The capacities are the vision's own, so each is Ok; were one
        // short, the program would stop here (panic-halt), not go on with
        // part of the vision.
        let (Ok(()), Ok(()), Ok(whole)) = (t, i, whole) else {
            panic!("a buffer is smaller than the vision")
        };
        #[cfg(feature = "answers")]
        if round == 0 {
            answers::report(v, &observations, &targets, &indicators, &priorities, &whole);
        }
        black_box((whole, &targets, &indicators, &priorities));
        round = round.wrapping_add(1);
    }
}

/// The first round's inputs and answers, a line each, through semihosting
/// (QEMU's `-semihosting`), then the end of the program: what
/// `core/tests/firmware_answers.rs` recomputes on the host and compares.
/// Numbers are printed with `{:?}`, which gives the shortest text that
/// reads back to the same bits, so equal text is equal answers.
#[cfg(feature = "answers")]
mod answers {
    use cortex_m_semihosting::{debug, hprintln};
    use koers_core::assess::{IndicatorStatus, Rollup, TargetStatus};
    use koers_core::inplace::{Obs, StaticVision};

    pub fn report(
        v: &StaticVision,
        observations: &[Obs],
        targets: &[TargetStatus],
        indicators: &[IndicatorStatus],
        priorities: &[Rollup],
        whole: &Rollup,
    ) -> ! {
        for o in observations {
            hprintln!("obs\t{}\t{}\t{:?}", o.subject, o.year, o.value);
        }
        for (t, s) in v.targets.iter().zip(targets) {
            hprintln!("target\t{}\t{:?}", t.id, s);
        }
        for (i, s) in v.indicators.iter().zip(indicators) {
            hprintln!("indicator\t{}\t{:?}", i.id, s);
        }
        for (p, r) in v.priorities.iter().zip(priorities) {
            hprintln!("priority\t{}\t{:?}", p.id, r);
        }
        hprintln!("whole\t{:?}", whole);
        hprintln!(
            "end\t{}\t{}\t{}",
            targets.len(),
            indicators.len(),
            priorities.len()
        );
        debug::exit(debug::EXIT_SUCCESS);
        #[allow(clippy::empty_loop)]
        loop {}
    }
}
