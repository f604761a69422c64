//! The firmware's answers are the host's: `semicon-64k` (embedded/), built
//! with its `answers` feature and run under QEMU's Cortex-M4 board by
//! `make embedded`, prints its 32 observations and every status, indicator
//! status and roll-up it computed on the chip (`{:?}`, which prints the
//! shortest text that reads back to the same bits). This test reads that
//! file, assesses the same observations on the host the way the CLI and the
//! dashboard do (the vision's JSON loaded into a `Dataset`,
//! `assess::assess_all`, `assess_indicator`, `rollup_priorities`) and
//! compares every line.
//!
//! The file is named by `KOERS_FIRMWARE_ANSWERS`. Without it (a bare
//! `cargo test`, which runs no emulator) the test says it was skipped;
//! `make embedded` sets it and `KOERS_REQUIRE_FIRMWARE_ANSWERS=1`, which
//! makes a missing file a failure.

use koers_core::assess;
use koers_core::builtin;
use koers_core::model::{Dataset, Observation, Text};

/// One observation as the firmware printed it.
struct Obs {
    subject: String,
    year: i32,
    value: f64,
}

/// The firmware's lines, split by kind.
#[derive(Default)]
struct Answers {
    obs: Vec<Obs>,
    targets: Vec<(String, String)>,
    indicators: Vec<(String, String)>,
    priorities: Vec<(String, String)>,
    whole: Option<String>,
    end: Option<(usize, usize, usize)>,
}

fn parse(text: &str) -> Result<Answers, String> {
    let mut a = Answers::default();
    for (n, line) in text.lines().enumerate() {
        let at = |what: &str| format!("line {}: {what}: {line:?}", n + 1);
        let f: Vec<&str> = line.split('\t').collect();
        match f.as_slice() {
            ["obs", subject, year, value] => a.obs.push(Obs {
                subject: (*subject).to_string(),
                year: year.parse().map_err(|_| at("year"))?,
                value: value.parse().map_err(|_| at("value"))?,
            }),
            ["target", id, s] => a.targets.push(((*id).into(), (*s).into())),
            ["indicator", id, s] => a.indicators.push(((*id).into(), (*s).into())),
            ["priority", id, s] => a.priorities.push(((*id).into(), (*s).into())),
            ["whole", s] => a.whole = Some((*s).into()),
            ["end", t, i, p] => {
                let n = |x: &str| x.parse::<usize>().map_err(|_| at("count"));
                a.end = Some((n(t)?, n(i)?, n(p)?));
            }
            _ => return Err(at("not a line of the firmware's report")),
        }
    }
    Ok(a)
}

/// `Err` with the first difference between the chip's and the host's
/// answers; `Ok` with a summary when every line is the same.
fn compare(text: &str) -> Result<String, String> {
    fn same(chip: &str, host: &str, what: &str) -> Result<(), String> {
        if chip == host {
            Ok(())
        } else {
            Err(format!(
                "{what}: the chip says\n  {chip}\nthe host\n  {host}"
            ))
        }
    }
    let a = parse(text)?;
    let (targets, indicators, priorities) =
        a.end.ok_or("the report is not whole: no `end` line")?;
    if a.obs.len() != 32 {
        return Err(format!(
            "{} observations, not the firmware's 32",
            a.obs.len()
        ));
    }

    let mut ds: Box<Dataset> = Box::default();
    builtin::load_into(&mut ds).map_err(|e| format!("the built-in vision: {e:?}"))?;
    for o in &a.obs {
        ds.add_observation(Observation::new(
            Box::leak(o.subject.clone().into_boxed_str()),
            o.year,
            o.value,
            Text("the firmware"),
        ))
        .map_err(|_| "no room for 32 observations".to_string())?;
    }
    let host = assess::assess_all(&ds);
    let (host_per, host_whole) = assess::rollup_priorities(&ds, &host);

    // Every target, indicator and priority of the vision, in its order.
    let counts =
        |t: usize, i: usize, p: usize| format!("{t} targets, {i} indicators, {p} priorities");
    same(
        &counts(targets, indicators, priorities),
        &counts(ds.targets.len(), ds.indicators.len(), ds.priorities.len()),
        "what was assessed",
    )?;
    same(
        &counts(a.targets.len(), a.indicators.len(), a.priorities.len()),
        &counts(ds.targets.len(), ds.indicators.len(), ds.priorities.len()),
        "lines in the report",
    )?;
    for ((id, chip), (t, s)) in a.targets.iter().zip(ds.targets.iter().zip(&host)) {
        same(id, t.id, "target id")?;
        same(chip, &format!("{s:?}"), &format!("target {id}"))?;
    }
    for ((id, chip), i) in a.indicators.iter().zip(&ds.indicators) {
        same(id, i.id, "indicator id")?;
        let s = assess::assess_indicator(&ds, i);
        same(chip, &format!("{s:?}"), &format!("indicator {id}"))?;
    }
    for ((id, chip), (p, r)) in a.priorities.iter().zip(ds.priorities.iter().zip(&host_per)) {
        same(id, p.id, "priority id")?;
        same(chip, &format!("{r:?}"), &format!("priority {id}"))?;
    }
    same(
        a.whole.as_deref().unwrap_or("(none)"),
        &format!("{host_whole:?}"),
        "the whole vision",
    )?;
    // The answers differ from target to target: the comparison means
    // something.
    if host.iter().all(|s| s.status == host[0].status) {
        return Err("every target has the same status: a weak comparison".into());
    }
    Ok(format!(
        "the firmware's answers are the host's: {targets} targets, {indicators} indicators, {priorities} priorities and the whole vision, from {} observations",
        a.obs.len()
    ))
}

#[test]
fn firmware_answers_are_the_hosts() {
    let Some(path) = std::env::var_os("KOERS_FIRMWARE_ANSWERS") else {
        assert!(
            std::env::var_os("KOERS_REQUIRE_FIRMWARE_ANSWERS").is_none(),
            "KOERS_REQUIRE_FIRMWARE_ANSWERS is set but KOERS_FIRMWARE_ANSWERS names no file"
        );
        println!(
            "SKIPPED: no firmware answers (KOERS_FIRMWARE_ANSWERS unset); `make embedded` runs the firmware under QEMU and this comparison"
        );
        return;
    };
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e}", std::path::Path::new(&path).display()));
    match compare(&text) {
        Ok(summary) => println!("{summary}"),
        Err(e) => panic!("{}: {e}", std::path::Path::new(&path).display()),
    }
}

#[test]
fn a_changed_answer_is_caught() {
    // A report as the firmware would print it, from the host's own
    // answers, passes; the same with one score changed by one bit fails.
    let mut ds: Box<Dataset> = Box::default();
    builtin::load_into(&mut ds).expect("the built-in vision loads");
    let mut lines = Vec::new();
    let subjects: Vec<&str> = ds
        .targets
        .iter()
        .map(|t| t.id)
        .chain(ds.indicators.iter().map(|i| i.id))
        .collect();
    for k in 0..32 {
        let s = subjects[k % subjects.len()];
        let year = 2022 + (k / subjects.len()) as i32 * 2;
        let value = 10.0 + (k % subjects.len()) as f64 + k as f64 * 0.5;
        lines.push(format!("obs\t{s}\t{year}\t{value:?}"));
        ds.add_observation(Observation::new(s, year, value, Text("test")))
            .expect("room");
    }
    let host = assess::assess_all(&ds);
    let (per, whole) = assess::rollup_priorities(&ds, &host);
    for (t, s) in ds.targets.iter().zip(&host) {
        lines.push(format!("target\t{}\t{s:?}", t.id));
    }
    for i in &ds.indicators {
        lines.push(format!(
            "indicator\t{}\t{:?}",
            i.id,
            assess::assess_indicator(&ds, i)
        ));
    }
    for (p, r) in ds.priorities.iter().zip(&per) {
        lines.push(format!("priority\t{}\t{r:?}", p.id));
    }
    lines.push(format!("whole\t{whole:?}"));
    lines.push(format!(
        "end\t{}\t{}\t{}",
        ds.targets.len(),
        ds.indicators.len(),
        ds.priorities.len()
    ));
    let good = lines.join("\n");
    compare(&good).expect("the host's own answers pass");

    let scored = host
        .iter()
        .find_map(|s| s.score)
        .expect("some target has a score");
    let nudged = f64::from_bits(scored.to_bits() + 1);
    let bad = good.replacen(&format!("{scored:?}"), &format!("{nudged:?}"), 1);
    assert_ne!(bad, good);
    let e = compare(&bad).expect_err("one bit changed is caught");
    assert!(e.contains(&format!("{nudged:?}")), "{e}");
    // A report cut short is refused, not passed.
    let cut = good.lines().take(40).collect::<Vec<_>>().join("\n");
    assert!(compare(&cut).is_err());
}
