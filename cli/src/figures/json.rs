//! A `koers-figures` file, or a dataset exported by the dashboard: its
//! figure tables. Part of [`super`].

use koers_core::load::{self, Table};
use serde_json::Value;

use super::*;

impl Figures {
    /// A `koers-figures` file, or a dataset exported by the dashboard: its
    /// figure tables.
    pub(super) fn read_json_file(&mut self, path: String, text: String) {
        let file = self.add_file(path, text);
        let Some(m) = self.parse_json(file) else {
            return;
        };
        let format = m.get("format").and_then(Value::as_str).unwrap_or("");
        if format != load::FIGURES_FORMAT && format != "koers" {
            let line = top_key_line(&self.files[file].1, "format");
            let msg = format!(
                "{}format: a --figures file is a \"{}\" file or a \"koers\" dataset (a directory holds <SUBJECT>.json and .csv files)",
                self.at(file, line),
                load::FIGURES_FORMAT
            );
            self.err(msg);
            return;
        }
        if m.get("format_version").and_then(Value::as_u64)
            != Some(u64::from(koers_core::model::FORMAT_VERSION))
        {
            let line = top_key_line(&self.files[file].1, "format_version");
            let msg = format!(
                "{}format_version: must be {}",
                self.at(file, line),
                koers_core::model::FORMAT_VERSION
            );
            self.err(msg);
            return;
        }
        if format == load::FIGURES_FORMAT {
            for key in m.keys() {
                let known = ["format", "format_version"].contains(&key.as_str())
                    || Table::FIGURES.iter().any(|t| t.key() == key);
                if !known {
                    let line = top_key_line(&self.files[file].1, key);
                    let msg = format!(
                        "{}{key}: {}",
                        self.at(file, line),
                        load::ErrorKind::NotInThisFile
                    );
                    self.err(msg);
                }
            }
        }
        // A dataset's vision tables are the vision's business: only what
        // happened is taken from it.
        let mut tables = Vec::new();
        for t in Table::FIGURES {
            match self.table(file, &m, t, false) {
                Some(items) => tables.push((t, items)),
                None => return,
            }
        }
        for (t, items) in tables {
            match t {
                Table::Sources => self.add_sources(items),
                Table::Series => self.series.extend(items),
                Table::Observations => {
                    for (o, origin) in items {
                        if self.refuse_illustrative(
                            &o,
                            &origin,
                            &["source", "document", "quote", "note"],
                        ) {
                            self.observations.push((o, origin));
                        }
                    }
                }
                Table::Events => self.events.extend(items),
                _ => {
                    for (o, origin) in items {
                        if self.refuse_illustrative(&o, &origin, &["source"]) {
                            self.window_flows.push((o, origin));
                        }
                    }
                }
            }
        }
    }
}
