//! Views by URL hash, so every view has an address and back/forward work.

use std::string::String;

/// A view.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// The six priorities and the headline figures.
    Overview,
    /// One priority, by id.
    Priority(String),
    /// One target, by id.
    Target(String),
    /// One impact indicator, by id.
    Indicator(String),
    /// Investment windows, leverage and revolving capital.
    Money,
    /// Every observation, editable; import and export.
    Data,
    /// How statuses are computed, and the vision's sections.
    Method,
}

impl Route {
    /// The route of a location hash (`#/target/T-1`); unknown is the overview.
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let (head, id) = path.split_once('/').unwrap_or((path, ""));
        let id = decode(id);
        match (head, id.is_empty()) {
            ("priority", false) => Route::Priority(id),
            ("target", false) => Route::Target(id),
            ("indicator", false) => Route::Indicator(id),
            ("money", _) => Route::Money,
            ("data", _) => Route::Data,
            ("method", _) => Route::Method,
            _ => Route::Overview,
        }
    }

    /// The hash of the route.
    pub fn hash(&self) -> String {
        match self {
            Route::Overview => "#/".into(),
            Route::Priority(id) => ["#/priority/", id].concat(),
            Route::Target(id) => ["#/target/", id].concat(),
            Route::Indicator(id) => ["#/indicator/", id].concat(),
            Route::Money => "#/money".into(),
            Route::Data => "#/data".into(),
            Route::Method => "#/method".into(),
        }
    }
}

/// Ids are `A-Z a-z 0-9 . _ -`: anything else (a %-escape, say) is dropped.
fn decode(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
        .take(48)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_round_trip() {
        for r in [
            Route::Overview,
            Route::Priority("P2".into()),
            Route::Target("T-P5-technici-25000".into()),
            Route::Indicator("I-P2-rd-intensiteit".into()),
            Route::Money,
            Route::Data,
            Route::Method,
        ] {
            assert_eq!(Route::parse(&r.hash()), r);
        }
        assert_eq!(Route::parse(""), Route::Overview);
        assert_eq!(Route::parse("#/target/"), Route::Overview);
        assert_eq!(Route::parse("#/target/<x>"), Route::Target("x".into()));
    }
}
