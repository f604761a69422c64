//! A tree's words as a reader meets them, one block to a line: what a page
//! says, without its markup, for snapshots in native tests (as
//! embedded-graphics tests draw on a mock display). Part of [`super`].

use super::*;

/// Elements that start a line of their own.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "caption",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "header",
    "legend",
    "li",
    "main",
    "nav",
    "ol",
    "option",
    "p",
    "section",
    "select",
    "summary",
    "table",
    "tbody",
    "thead",
    "tr",
    "ul",
    // SVG: a chart's title, description and labels.
    "desc",
    "text",
    "title",
];

/// The words of `h`, one block to a line, table cells separated by ` | `,
/// a form field as `[its value]`, an element with no words but a label
/// (a bar, an icon) as `[its label]`.
pub(super) fn text(h: &H) -> String {
    let mut lines = Vec::new();
    let mut line = String::new();
    walk(h, &mut lines, &mut line);
    end(&mut lines, &mut line);
    lines.join("\n")
}

fn end(lines: &mut Vec<String>, line: &mut String) {
    let t = line.split_whitespace().collect::<Vec<_>>().join(" ");
    if !t.is_empty() {
        lines.push(t);
    }
    line.clear();
}

fn walk(h: &H, lines: &mut Vec<String>, line: &mut String) {
    let e = h.0.borrow();
    let attr = |n: &str| {
        e.attrs
            .iter()
            .find(|(k, _)| k == n)
            .map(|(_, v)| v.as_str())
    };
    if attr("hidden").is_some() || attr("aria-hidden") == Some("true") {
        return;
    }
    let tag = e.tag.as_str();
    let block = BLOCKS.contains(&tag);
    if block {
        end(lines, line);
    }
    if matches!(tag, "td" | "th") && !line.trim().is_empty() {
        line.push_str(" | ");
    }
    // A button or link is a word of its own.
    let apart = matches!(tag, "a" | "button");
    if apart {
        line.push(' ');
    }
    match tag {
        "input" | "textarea" => {
            let value = match attr("type") {
                Some("checkbox") | Some("radio") => {
                    if attr("checked").is_some() {
                        "x"
                    } else {
                        " "
                    }
                }
                _ => attr("value").unwrap_or(""),
            };
            line.push_str(&[" [", value, "] "].concat());
        }
        _ => {
            let before = (lines.len(), line.len());
            for k in &e.kids {
                match k {
                    Kid::El(c) => walk(c, lines, line),
                    Kid::Text(t) => line.push_str(&t.borrow().0),
                }
            }
            if (lines.len(), line.len()) == before {
                if let Some(label) = attr("aria-label") {
                    line.push_str(&[" [", label, "] "].concat());
                }
            }
        }
    }
    if apart {
        line.push(' ');
    }
    if block {
        end(lines, line);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_are_lines_cells_are_separated_fields_show_their_value() {
        let page = h("main")
            .k(h("h1").t("Ambities"))
            .k(h("p")
                .t("Eerst ")
                .k(h("strong").t("vet"))
                .t(", dan ")
                .k(link("#/x", "een link"))
                .t("."))
            .k(h("table").k(h("tr")
                .k(h("th").t("Jaar"))
                .k(h("td").t("2026"))
                .k(h("td").t("3000"))))
            .k(h("label")
                .t("Waarde")
                .k(h("input").a("type", "text").a("value", "3,5")))
            .k(h("input").a("type", "checkbox").a("checked", ""))
            .k(h("div").a("role", "img").a("aria-label", "17% van de weg"))
            .k(h("p").a("hidden", "").t("verborgen"))
            .k(h("span").a("aria-hidden", "true").t("✔"));
        assert_eq!(
            page.text(),
            "Ambities\nEerst vet, dan een link .\nJaar | 2026 | 3000\nWaarde [3,5] [x]\n[17% van de weg]"
        );
    }
}
