//! Golden tests on the built-in vision: it loads, it is complete, and every
//! source quote is text that exists in the vision.

use koers_core::builtin;
use koers_core::model::Dataset;

fn vision() -> Box<Dataset<'static>> {
    let mut ds = Box::<Dataset>::default();
    if let Err(issues) = builtin::load_into(&mut ds) {
        for e in &issues.errors {
            eprintln!("{e}");
        }
        panic!("the built-in vision does not load: {} errors", issues.total);
    }
    ds
}

#[test]
fn builtin_vision_loads() {
    let ds = vision();
    assert_eq!(ds.priorities.len(), 6);
    assert_eq!(ds.focus_areas.len(), 10);
}
