//! `statfile::list` and `statfile::rows` on any bytes: SDMX-CSV and StatLine
//! must be read or refused with a line, never panic; every series listed
//! has its key, and its years lie in range.
#![no_main]

use koers_core::statfile::{self, Period};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok((layout, listing)) = statfile::list(data) else {
        return;
    };
    for s in &listing.series {
        if s.years > 0 {
            assert!((1900..=2200).contains(&s.first_year) && s.first_year <= s.last_year);
        }
        assert_eq!(listing.find(&s.key).map(|i| &listing.series[i].key), Some(&s.key));
    }
    let _ = statfile::rows(data, &layout, |r| {
        if let Period::Year(y) = r.period {
            assert!((1900..=2200).contains(&y));
        }
        Ok(())
    });
});
