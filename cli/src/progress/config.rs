//! Open SDG's indicator configuration for progress, from a YAML file or
//! the command line.
//!
//! The keys are those Open SDG reads from an indicator's configuration
//! (`indicator-config/*.yml`, or the front matter of `meta/*.md`):
//! `auto_progress_calculation`, `progress_status` (shown when the
//! calculation is off) and `progress_calculation_options`, a list with one
//! entry per series: `series`, `unit`, `disaggregation` (a list of `field`
//! and `value`), `base_year`, `target`, `target_year`, `direction`,
//! `limit` and `progress_thresholds` (`high`, `med`, `low`). Other keys of
//! the file are the indicator's other metadata and are left alone.
//!
//! Where Open SDG would quietly read a value otherwise than written, koers
//! refuses it: a `direction` other than `positive` or `negative` (Open SDG
//! takes it as negative), an unknown key in an entry (Open SDG ignores it),
//! `group` (grouped series, which this reader does not weigh yet).

use koers_core::progress::{Direction, OpenSdgConfig, ThresholdOverride};
use yaml_rust2::{Yaml, YamlLoader};

/// One entry of `progress_calculation_options`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Entry {
    /// `series`.
    pub series: Option<String>,
    /// `unit`.
    pub unit: Option<String>,
    /// `disaggregation`: (field, value) pairs.
    pub disaggregation: Vec<(String, String)>,
    /// The calculation settings.
    pub cfg: OpenSdgConfig,
}

/// An indicator's progress configuration.
#[derive(Clone, Debug, PartialEq)]
pub struct Indicator {
    /// `auto_progress_calculation` is `true`.
    pub auto: bool,
    /// `progress_status`, the status given by hand.
    pub manual_status: Option<String>,
    /// `progress_calculation_options` (one empty entry when absent, as
    /// Open SDG).
    pub entries: Vec<Entry>,
}

impl Default for Indicator {
    fn default() -> Self {
        Self {
            auto: true,
            manual_status: None,
            entries: vec![Entry::default()],
        }
    }
}

const ENTRY_KEYS: [&str; 9] = [
    "series",
    "unit",
    "disaggregation",
    "base_year",
    "target",
    "target_year",
    "direction",
    "limit",
    "progress_thresholds",
];

/// The YAML of an indicator configuration file: the whole file, or the
/// front matter between `---` lines of a Markdown metadata file.
fn yaml_text(text: &str) -> &str {
    let Some(rest) = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))
    else {
        return text;
    };
    let mut at = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "---" {
            return rest.get(..at).unwrap_or(rest);
        }
        at += line.len();
    }
    text
}

/// Parse an indicator configuration. Errors name the line and column (YAML
/// syntax) or the key path.
pub fn parse(text: &str) -> Result<Indicator, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let docs = YamlLoader::load_from_str(yaml_text(text)).map_err(|e| {
        let m = e.marker();
        format!("{}:{}: {}", m.line(), m.col() + 1, e.info())
    })?;
    let doc = docs.into_iter().next().unwrap_or(Yaml::Null);
    let Yaml::Hash(top) = doc else {
        return Err("the file is not a mapping of configuration keys".into());
    };
    let get = |k: &str| top.get(&Yaml::String(k.into()));
    let auto = match get("auto_progress_calculation") {
        None | Some(Yaml::Null) => false,
        Some(Yaml::Boolean(b)) => *b,
        Some(_) => return Err("auto_progress_calculation: not true or false".into()),
    };
    let manual_status = match get("progress_status") {
        None | Some(Yaml::Null) => None,
        Some(Yaml::String(s)) => Some(s.clone()),
        Some(_) => return Err("progress_status: not a text".into()),
    };
    let entries = match get("progress_calculation_options") {
        None | Some(Yaml::Null) => vec![Entry::default()],
        Some(Yaml::Array(a)) if a.is_empty() => vec![Entry::default()],
        Some(Yaml::Array(a)) => a
            .iter()
            .enumerate()
            .map(|(i, e)| entry(e, &format!("progress_calculation_options[{i}]")))
            .collect::<Result<_, _>>()?,
        Some(_) => return Err("progress_calculation_options: not a list".into()),
    };
    Ok(Indicator {
        auto,
        manual_status,
        entries,
    })
}

fn text_of(v: &Yaml, at: &str) -> Result<String, String> {
    match v {
        Yaml::String(s) => Ok(s.clone()),
        Yaml::Integer(n) => Ok(n.to_string()),
        Yaml::Real(r) => Ok(r.clone()),
        _ => Err(format!("{at}: not a text")),
    }
}

fn number_of(v: &Yaml, at: &str) -> Result<Option<f64>, String> {
    match v {
        Yaml::Null => Ok(None),
        Yaml::Integer(n) => Ok(Some(*n as f64)),
        Yaml::Real(_) => v
            .as_f64()
            .filter(|x| x.is_finite())
            .map(Some)
            .ok_or_else(|| format!("{at}: not a finite number")),
        _ => Err(format!("{at}: not a number")),
    }
}

fn year_of(v: &Yaml, at: &str) -> Result<i32, String> {
    match v {
        Yaml::Integer(n) => i32::try_from(*n).map_err(|_| format!("{at}: not a year")),
        _ => Err(format!("{at}: not a year (a whole number)")),
    }
}

/// `direction` as Open SDG reads it, refusing what it would take as
/// "negative" without saying so.
pub fn direction(s: &str) -> Result<Direction, String> {
    match s {
        "positive" => Ok(Direction::Increase),
        "negative" => Ok(Direction::Decrease),
        other => Err(format!(
            "'{other}' is not positive or negative (Open SDG would take it as negative)"
        )),
    }
}

fn entry(v: &Yaml, at: &str) -> Result<Entry, String> {
    let Yaml::Hash(h) = v else {
        return Err(format!("{at}: not a mapping"));
    };
    let mut e = Entry::default();
    for (k, v) in h {
        let key = k.as_str().unwrap_or("");
        let here = format!("{at}.{key}");
        match key {
            "series" => e.series = Some(text_of(v, &here)?),
            "unit" => e.unit = Some(text_of(v, &here)?),
            "base_year" => e.cfg.base_year = year_of(v, &here)?,
            "target_year" => e.cfg.target_year = year_of(v, &here)?,
            "target" => e.cfg.target = number_of(v, &here)?,
            "limit" => e.cfg.limit = number_of(v, &here)?,
            "direction" => {
                let s = text_of(v, &here)?;
                e.cfg.direction = direction(&s).map_err(|m| format!("{here}: {m}"))?;
            }
            "progress_thresholds" => e.cfg.thresholds = thresholds(v, &here)?,
            "disaggregation" => {
                let Yaml::Array(list) = v else {
                    return Err(format!("{here}: not a list"));
                };
                for (i, d) in list.iter().enumerate() {
                    let here = format!("{here}[{i}]");
                    let field = text_of(&d["field"], &format!("{here}.field"))?;
                    let value = text_of(&d["value"], &format!("{here}.value"))?;
                    e.disaggregation.push((field, value));
                }
            }
            "group" => {
                return Err(format!(
                    "{here}: grouped series are not supported by koers yet; list each series as its own entry"
                ))
            }
            _ => {
                return Err(format!(
                    "{here}: not a key Open SDG reads here (it would ignore it): {}",
                    ENTRY_KEYS.join(", ")
                ))
            }
        }
    }
    Ok(e)
}

fn thresholds(v: &Yaml, at: &str) -> Result<ThresholdOverride, String> {
    let mut t = ThresholdOverride::NONE;
    match v {
        Yaml::Null => {}
        Yaml::Hash(h) => {
            for (k, v) in h {
                let key = k.as_str().unwrap_or("");
                let here = format!("{at}.{key}");
                let n = number_of(v, &here)?;
                match key {
                    "high" => t.high = n,
                    "med" => t.med = n,
                    "low" => t.low = n,
                    _ => return Err(format!("{here}: not high, med or low")),
                }
            }
        }
        _ => return Err(format!("{at}: not a mapping of high, med and low")),
    }
    Ok(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn open_sdgs_documented_example_reads() {
        let yaml = "auto_progress_calculation: true\nprogress_calculation_options:\n- series: Fatality claims\n  disaggregation:\n  - field: Geography\n    value: Canada\n  direction: negative\n  unit: percentage\n  limit: 0\n- unit: persons per thousand\n  target: 85\n  progress_thresholds: {high: 0.9}\n";
        let c = parse(yaml).unwrap();
        assert!(c.auto);
        assert_eq!(c.entries.len(), 2);
        assert_eq!(c.entries[0].series.as_deref(), Some("Fatality claims"));
        assert_eq!(
            c.entries[0].disaggregation,
            [("Geography".into(), "Canada".into())]
        );
        assert_eq!(c.entries[0].cfg.limit, Some(0.0));
        assert_eq!(c.entries[1].cfg.target, Some(85.0));
        assert_eq!(c.entries[1].cfg.thresholds.high, Some(0.9));
        assert_eq!(c.entries[1].cfg.base_year, 2015);
    }

    #[test]
    fn front_matter_unknown_keys_and_bad_yaml() {
        let md = "---\nauto_progress_calculation: false\nprogress_status: target_achieved\n---\n# text\n";
        let c = parse(md).unwrap();
        assert!(!c.auto);
        assert_eq!(c.manual_status.as_deref(), Some("target_achieved"));
        let e = parse("progress_calculation_options:\n- taget: 5\n").unwrap_err();
        assert!(
            e.starts_with("progress_calculation_options[0].taget"),
            "{e}"
        );
        let e = parse("progress_calculation_options:\n- direction: up\n").unwrap_err();
        assert!(e.contains("take it as negative"), "{e}");
        let e = parse("a: [1\n").unwrap_err();
        assert!(e.starts_with("2:"), "{e}");
    }
}
