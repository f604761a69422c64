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
    /// "What if?": the scenario explorer (its settings travel in the query
    /// after the hash, see [`crate::scenario`]).
    Scenario,
    /// An address that names no view (`#/nope`): "not found", with the
    /// path as given.
    NotFound(String),
}

impl Route {
    /// The route of a location hash (`#/target/T-1`). No hash, `#` and
    /// `#/` are the overview; a hash that is not a path (`#main`, the skip
    /// link's target) too; a path that names no view is [`Route::NotFound`].
    pub fn parse(hash: &str) -> Route {
        let after = hash.trim_start_matches('#');
        if !after.starts_with('/') {
            return Route::Overview;
        }
        let path = after.trim_start_matches('/');
        let path = path.split_once('?').map_or(path, |(p, _)| p);
        let (head, id) = path.split_once('/').unwrap_or((path, ""));
        let id = decode(id);
        match (head, id.is_empty()) {
            ("priority", false) => Route::Priority(id),
            ("target", false) => Route::Target(id),
            ("indicator", false) => Route::Indicator(id),
            ("money", _) => Route::Money,
            ("data", _) => Route::Data,
            ("method", _) => Route::Method,
            ("scenario", _) => Route::Scenario,
            ("", true) => Route::Overview,
            _ => Route::NotFound(path.into()),
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
            Route::Scenario => "#/scenario".into(),
            Route::NotFound(path) => ["#/", path].concat(),
        }
    }
}

/// The query after a hash (`#/scenario?n=…` → `n=…`), if any.
pub fn query(hash: &str) -> Option<&str> {
    hash.split_once('?').map(|(_, q)| q)
}

/// One card or chart on its own, for embedding (`embed.html?view=…`, the
/// `view` attribute of `<koers-dashboard>`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Part {
    /// The whole vision, the headline figures and the six priorities.
    Overview,
    /// The whole-vision card.
    Vision,
    /// The headline figures.
    Headlines,
    /// One headline figure, by target id.
    Headline(String),
    /// The six priority cards.
    Priorities,
    /// One priority's card.
    Priority(String),
    /// A target's status and chart.
    Target(String),
    /// A target's or indicator's chart alone.
    Chart(String),
    /// An impact indicator's status and chart.
    Indicator(String),
    /// Multipliers against their targets.
    Multipliers,
    /// The investment windows on a timeline.
    Windows,
    /// The revolving-capital model.
    Revolving,
    /// The scenario explorer.
    Scenario,
}

impl Part {
    /// The part named by `view` (`priority/P3`, `chart/T-…`, `scenario`);
    /// unknown names are the overview.
    pub fn parse(view: &str) -> Part {
        let view = view.trim().trim_start_matches('#').trim_start_matches('/');
        let (head, id) = view.split_once('/').unwrap_or((view, ""));
        let id = decode(id);
        match (head, id.is_empty()) {
            ("vision", _) => Part::Vision,
            ("headlines", _) => Part::Headlines,
            ("headline", false) => Part::Headline(id),
            ("priorities", _) => Part::Priorities,
            ("priority", false) => Part::Priority(id),
            ("target", false) => Part::Target(id),
            ("chart", false) => Part::Chart(id),
            ("indicator", false) => Part::Indicator(id),
            ("multipliers", _) => Part::Multipliers,
            ("windows", _) => Part::Windows,
            ("revolving", _) => Part::Revolving,
            ("scenario", _) => Part::Scenario,
            _ => Part::Overview,
        }
    }

    /// The name [`Part::parse`] reads back.
    pub fn view(&self) -> String {
        match self {
            Part::Overview => "overview".into(),
            Part::Vision => "vision".into(),
            Part::Headlines => "headlines".into(),
            Part::Headline(id) => ["headline/", id].concat(),
            Part::Priorities => "priorities".into(),
            Part::Priority(id) => ["priority/", id].concat(),
            Part::Target(id) => ["target/", id].concat(),
            Part::Chart(id) => ["chart/", id].concat(),
            Part::Indicator(id) => ["indicator/", id].concat(),
            Part::Multipliers => "multipliers".into(),
            Part::Windows => "windows".into(),
            Part::Revolving => "revolving".into(),
            Part::Scenario => "scenario".into(),
        }
    }

    /// The full view this part sits in.
    pub fn route(&self) -> Route {
        match self {
            Part::Overview | Part::Vision | Part::Headlines | Part::Priorities => Route::Overview,
            Part::Headline(id) | Part::Target(id) => Route::Target(id.clone()),
            Part::Chart(id) if id.starts_with("I-") => Route::Indicator(id.clone()),
            Part::Chart(id) => Route::Target(id.clone()),
            Part::Priority(id) => Route::Priority(id.clone()),
            Part::Indicator(id) => Route::Indicator(id.clone()),
            Part::Multipliers | Part::Windows | Part::Revolving => Route::Money,
            Part::Scenario => Route::Scenario,
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
            Route::Scenario,
        ] {
            assert_eq!(Route::parse(&r.hash()), r);
        }
        assert_eq!(Route::parse("#/scenario?n=a%2Fb&w=x"), Route::Scenario);
        assert_eq!(query("#/scenario?n=a"), Some("n=a"));
        assert_eq!(query("#/money"), None);
        assert_eq!(Route::parse(""), Route::Overview);
        assert_eq!(Route::parse("#/target/"), Route::NotFound("target/".into()));
        assert_eq!(Route::parse("#/nope"), Route::NotFound("nope".into()));
        assert_eq!(Route::parse("#/nope").hash(), "#/nope");
        assert_eq!(Route::parse("#/"), Route::Overview);
        assert_eq!(Route::parse("#"), Route::Overview);
        assert_eq!(Route::parse("#main"), Route::Overview);
        assert_eq!(Route::parse("#/target/<x>"), Route::Target("x".into()));
    }

    #[test]
    fn parts_round_trip_and_know_their_view() {
        for p in [
            Part::Overview,
            Part::Vision,
            Part::Headlines,
            Part::Headline("T-P5-technici-25000".into()),
            Part::Priorities,
            Part::Priority("P3".into()),
            Part::Target("T-P5-technici-25000".into()),
            Part::Chart("I-P2-rd-intensiteit".into()),
            Part::Indicator("I-P2-rd-intensiteit".into()),
            Part::Multipliers,
            Part::Windows,
            Part::Revolving,
            Part::Scenario,
        ] {
            assert_eq!(Part::parse(&p.view()), p);
        }
        assert_eq!(Part::parse("nonsense"), Part::Overview);
        assert_eq!(Part::parse("priority/"), Part::Overview);
        assert_eq!(
            Part::parse("chart/I-P2-rd-intensiteit").route(),
            Route::Indicator("I-P2-rd-intensiteit".into())
        );
        assert_eq!(Part::parse("revolving").route(), Route::Money);
    }
}
