//! A tree as HTML text: the page baked ahead of time (`koers publish`
//! writes the overview so, for a first view without the wasm), as Our World
//! in Data bakes its charts. Text and attribute values are escaped, never
//! passed through as markup. Part of [`super`].

use super::*;

/// HTML's void elements: no closing tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

/// `h` and everything under it as HTML.
pub(super) fn html(h: &H) -> String {
    let mut out = String::new();
    write(h, &mut out);
    out
}

fn write(h: &H, out: &mut String) {
    let e = h.0.borrow();
    out.push('<');
    out.push_str(&e.tag);
    for (n, v) in &e.attrs {
        out.push(' ');
        out.push_str(n);
        out.push_str("=\"");
        escape(v, true, out);
        out.push('"');
    }
    if e.svg && e.kids.is_empty() {
        out.push_str("/>");
        return;
    }
    out.push('>');
    if !e.svg && VOID.contains(&e.tag.as_str()) {
        return;
    }
    for k in &e.kids {
        match k {
            Kid::El(c) => write(c, out),
            Kid::Text(t) => escape(&t.borrow().0, false, out),
        }
    }
    out.push_str("</");
    out.push_str(&e.tag);
    out.push('>');
}

/// `s` as HTML text (or, in `attr`, as a double-quoted attribute value).
fn escape(s: &str, attr: bool, out: &mut String) {
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attr => out.push_str("&quot;"),
            '\u{a0}' => out.push_str("&nbsp;"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_values_are_escaped_and_void_elements_not_closed() {
        let page = h("div")
            .a("title", "a \"b\" & <c>")
            .k(h("p").t("1 < 2 & 3 > 2"))
            .k(h("input").a("value", "x\"y"))
            .k(s("svg")
                .a("viewBox", "0 0 10 10")
                .k(s("rect").n("width", 4.25)));
        assert_eq!(
            page.html_text(),
            "<div title=\"a &quot;b&quot; &amp; &lt;c&gt;\"><p>1 &lt; 2 &amp; 3 &gt; 2</p>\
             <input value=\"x&quot;y\"><svg viewBox=\"0 0 10 10\"><rect width=\"4.3\"/></svg></div>"
        );
    }

    #[test]
    fn a_script_in_data_stays_text() {
        let page = h("p").t("</p><script>alert(1)</script>");
        assert_eq!(
            page.html_text(),
            "<p>&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;</p>"
        );
    }
}
