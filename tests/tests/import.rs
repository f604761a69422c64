//! Import safety: a failed load never damages the data already loaded.
//!
//! `load_into` clears its output first and, on error, leaves a partial or
//! invalid dataset there (documented in `koers_core::load`). So the
//! dashboard imports into a scratch [`Dataset`] and swaps only on success;
//! these tests hold that pattern to its promise, with data broken in every
//! way the loader distinguishes.

mod common;

use common::*;
use koers_core::config::{MAX_OBSERVATIONS, MAX_TARGETS};
use koers_core::load::{self, ErrorKind, Issues, Table};
use koers_core::model::{Dataset, Observation, Text};

/// The dashboard's import: load into a scratch dataset, swap only on success.
fn import<'a>(current: &mut Box<Dataset<'a>>, json: &'a str) -> Result<(), Issues> {
    let mut scratch = Box::<Dataset>::default();
    load::load_into(json, &mut scratch)?;
    *current = scratch;
    Ok(())
}

fn edited(f: impl FnOnce(&mut serde_json::Value)) -> String {
    let mut v: serde_json::Value = serde_json::from_str(koers_core::builtin::VISION_JSON).unwrap();
    f(&mut v);
    serde_json::to_string_pretty(&v).unwrap()
}

/// Broken files, each with the first problem the loader must name.
fn broken() -> Vec<(&'static str, String, Table)> {
    let vision = koers_core::builtin::VISION_JSON;
    vec![
        (
            "truncated",
            vision[..vision.find("\"windows\"").unwrap() + 40].to_string(),
            Table::Windows,
        ),
        (
            "wrong type",
            edited(|v| v["targets"][3]["headline"] = "yes".into()),
            Table::Targets,
        ),
        (
            "duplicate id",
            edited(|v| {
                let id = v["targets"][2]["id"].clone();
                v["targets"][4]["id"] = id;
            }),
            Table::Targets,
        ),
        (
            "observation of nothing",
            edited(|v| {
                v["observations"] = serde_json::json!([
                    {"subject": "T-P5-technici-25000", "year": 2025, "value": 2500, "source": "t"},
                    {"subject": "no-such-target", "year": 2025, "value": 1, "source": "t"}
                ])
            }),
            Table::Observations,
        ),
        (
            "too many targets",
            edited(|v| {
                let t = v["targets"][0].clone();
                let targets = v["targets"].as_array_mut().unwrap();
                while targets.len() <= MAX_TARGETS {
                    let mut t = t.clone();
                    t["id"] = format!("T-extra-{}", targets.len()).into();
                    targets.push(t);
                }
            }),
            Table::Targets,
        ),
    ]
}

#[test]
fn a_failed_import_leaves_the_loaded_dataset_unchanged() {
    let old_json = edited(|v| {
        v["observations"] = serde_json::json!([
            {"subject": "T-P5-technici-25000", "year": 2025, "value": 2500, "source": "CBS"}
        ])
    });
    let cases = broken();
    let mut current = load(&old_json).expect("the starting dataset loads");
    let before = current.clone();
    for (what, json, table) in &cases {
        let issues = import(&mut current, json).expect_err(what);
        assert_eq!(
            issues.errors[0].path.table,
            Some(*table),
            "{what}: {}",
            describe_issues(&issues)
        );
        assert!(current == before, "{what}: the loaded dataset changed");
        assert_eq!(current.observations.len(), 1, "{what}");
    }

    // Why the scratch is needed: loading straight into the live dataset
    // leaves it holding the broken file's partial or invalid contents.
    for (what, json, _) in &cases {
        let mut live = before.clone();
        assert!(load::load_into(json, &mut live).is_err(), "{what}");
        assert!(
            live != before,
            "{what}: load_into left its output as it was"
        );
    }

    // And a good file does replace it.
    let new_json = koers_core::builtin::VISION_JSON;
    let mut current = load(&old_json).unwrap();
    import(&mut current, new_json).expect("the built-in vision imports");
    assert!(current.observations.is_empty());
}

#[test]
fn a_full_table_refuses_one_more_and_changes_nothing() {
    let mut ds = builtin();
    let obs = |year| Observation {
        breakdown: None,
        subject: "T-P5-technici-25000",
        year,
        value: 1.0,
        source: Text("t"),
        document: None,
        quote: None,
        note: None,
        provisional: false,
    };
    for i in 0..MAX_OBSERVATIONS {
        ds.add_observation(obs(i as i32)).expect("room for it");
    }
    let full = ds.clone();
    let back = ds.add_observation(obs(-1)).expect_err("the table is full");
    assert_eq!(back, obs(-1), "the refused observation comes back");
    assert!(ds == full);
}

#[test]
fn too_many_items_is_named_as_such() {
    let (_, json, _) = broken()
        .into_iter()
        .find(|(w, _, _)| *w == "too many targets")
        .unwrap();
    let issues = load(&json).expect_err("65 targets");
    assert_eq!(
        issues.errors[0].kind,
        ErrorKind::TooMany {
            capacity: MAX_TARGETS
        }
    );
    assert_eq!(issues.errors[0].path.index, Some(MAX_TARGETS));
}
