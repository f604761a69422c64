//! Where an item came from: the file, line and field (or CSV column) named
//! in every error, including the errors koers-core finds in the combined
//! file. Part of [`super`].

use std::collections::HashSet;

use koers_core::load::{self, Issues, Table};

use super::*;

impl Figures {
    pub(super) fn origin_file(&self, o: &Origin) -> &str {
        match o {
            Origin::Csv { file, .. } | Origin::Item { file, .. } | Origin::Meta { file } => {
                self.name(*file)
            }
        }
    }

    /// `file:line: path.field` for an item and one of its fields (dotted).
    pub(super) fn locate(&self, o: &Origin, field: &str) -> String {
        let first = field.split('.').next().filter(|k| !k.is_empty());
        match o {
            Origin::Csv { file, line } => {
                let column = match first {
                    Some("year") => "Year",
                    Some("value") => "Value",
                    Some("document") | Some("source") => "Source",
                    Some("quote") => "Quote",
                    Some("provisional") => "Provisional",
                    Some("note") => "Note",
                    Some("subject") => "(subject: the file's name)",
                    _ => "",
                };
                let column = if column.is_empty() {
                    String::new()
                } else {
                    format!("column {column}")
                };
                format!("{}{column}", self.at(*file, Some(*line)))
                    .trim_end_matches([' ', ':'])
                    .to_string()
            }
            Origin::Item { file, table, index } => {
                let line = load::locate(&self.files[*file].1, *table, Some(*index), first);
                let field = if field.is_empty() {
                    String::new()
                } else {
                    format!(".{field}")
                };
                format!("{}{}[{index}]{field}", self.at(*file, line), table.key())
            }
            Origin::Meta { file } => {
                let line = first.and_then(|k| top_key_line(&self.files[*file].1, k));
                format!("{}{field}", self.at(*file, line))
                    .trim_end_matches([' ', ':'])
                    .to_string()
            }
        }
    }

    /// Errors koers-core found in the combined file, each named by the file,
    /// line and field it came from.
    pub fn explain(&self, issues: &Issues) -> Vec<String> {
        let mut out = Vec::new();
        let mut seen = HashSet::new();
        for e in &issues.errors {
            let origin = e.path.table.zip(e.path.index).and_then(|(t, i)| {
                let table = match t {
                    Table::Sources => &self.sources,
                    Table::Series => &self.series,
                    Table::Observations => &self.observations,
                    Table::Events => &self.events,
                    Table::WindowFlows => &self.window_flows,
                    _ => return None,
                };
                table.get(i).map(|(_, o)| o)
            });
            let msg = match origin {
                Some(o) => format!("{}: {}", self.locate(o, &e.path.field), e.kind),
                None => {
                    let mut p = e.path.clone();
                    p.line = None;
                    format!("the combined figures: {p}: {}", e.kind)
                }
            };
            // A subject unknown to the vision is said once per file, not
            // once per row.
            if matches!(origin, Some(Origin::Csv { .. })) && e.path.field.as_str() == "subject" {
                let file = origin.map(|o| self.origin_file(o).to_string());
                if !seen.insert(file) {
                    continue;
                }
            }
            out.push(msg);
        }
        if issues.total > issues.errors.len() {
            out.push(format!(
                "… and {} more (first {} shown)",
                issues.total - issues.errors.len(),
                issues.errors.len()
            ));
        }
        out
    }
}
