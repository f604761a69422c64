//! No two modules of the dashboard import each other, directly or round
//! about (issue 11: "no cycles among the wasm crate's modules"). Every
//! `crate::name` a top-level module's files mention (their tests aside) is
//! an edge; the graph must have no cycle. Reads the sources, so it runs
//! natively in `cargo test` (not in the browser, which has no files).
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

type Graph = BTreeMap<String, BTreeSet<String>>;

/// Every `.rs` file under `dir` with the top-level module it belongs to.
fn files(dir: &Path, top: Option<&str>, out: &mut Vec<(String, String)>) {
    let mut entries: Vec<_> = fs::read_dir(dir).expect("read src").flatten().collect();
    entries.sort_by_key(|e| e.path());
    for e in entries {
        let path = e.path();
        let name = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("")
            .to_string();
        let module = top.map_or(name.clone(), str::to_string);
        if path.is_dir() {
            files(&path, Some(&module), out);
        } else if path.extension().is_some_and(|x| x == "rs") && name != "tests" {
            let text = fs::read_to_string(&path).expect("read a source file");
            // The module's own code, not its tests.
            let code = text
                .split("\n#[cfg(test)]")
                .next()
                .unwrap_or("")
                .to_string();
            out.push((module, code));
        }
    }
}

/// The names after `crate::` in `code`, and those of `use crate::{a, b::c}`.
fn references(code: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let word = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    for (i, _) in code.match_indices("crate::") {
        let rest = &code[i + "crate::".len()..];
        if let Some(list) = rest.strip_prefix('{') {
            let list = &list[..list.find('}').unwrap_or(list.len())];
            for item in list.split(',') {
                let w = word(item.trim());
                if !w.is_empty() {
                    out.insert(w);
                }
            }
        } else {
            let w = word(rest);
            if !w.is_empty() {
                out.insert(w);
            }
        }
    }
    out
}

fn graph(src: &Path) -> Graph {
    let mut all = Vec::new();
    files(src, None, &mut all);
    let modules: BTreeSet<String> = all.iter().map(|(m, _)| m.clone()).collect();
    let mut g = Graph::new();
    for (m, code) in &all {
        if m == "lib" {
            continue;
        }
        let edges = g.entry(m.clone()).or_default();
        for r in references(code) {
            if r != *m && r != "lib" && modules.contains(&r) {
                edges.insert(r);
            }
        }
    }
    g
}

/// A cycle, as the modules on it, if the graph has one.
fn cycle(g: &Graph) -> Option<Vec<String>> {
    fn visit(
        g: &Graph,
        m: &str,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|p| p == m) {
            let mut c = path[at..].to_vec();
            c.push(m.to_string());
            return Some(c);
        }
        if done.contains(m) {
            return None;
        }
        path.push(m.to_string());
        for n in g.get(m).into_iter().flatten() {
            if let Some(c) = visit(g, n, path, done) {
                return Some(c);
            }
        }
        path.pop();
        done.insert(m.to_string());
        None
    }
    let mut done = BTreeSet::new();
    for m in g.keys() {
        if let Some(c) = visit(g, m, &mut Vec::new(), &mut done) {
            return Some(c);
        }
    }
    None
}

#[test]
fn no_module_imports_one_that_imports_it_back() {
    let g = graph(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"));
    assert!(g.len() > 10, "the modules were found: {g:?}");
    assert!(g["update"].contains("msg"), "edges are read: {g:?}");
    if let Some(c) = cycle(&g) {
        panic!("a cycle among the dashboard's modules: {}", c.join(" -> "));
    }
}

#[test]
fn a_cycle_is_found() {
    let mut g = Graph::new();
    g.entry("view".into()).or_default().insert("explore".into());
    g.entry("explore".into()).or_default().insert("app".into());
    g.entry("app".into()).or_default().insert("view".into());
    let c = cycle(&g).expect("the cycle is found");
    assert_eq!(c.len(), 4, "{c:?}");
    assert_eq!(c.first(), c.last());
    for m in ["view", "explore", "app"] {
        assert!(c.iter().any(|x| x == m), "{c:?}");
    }
    g.get_mut("app").unwrap().clear();
    assert_eq!(cycle(&g), None);
    assert_eq!(
        references("use crate::{app::App, dom};\n let x = crate::view::render(a);"),
        ["app", "dom", "view"]
            .iter()
            .map(|s| s.to_string())
            .collect()
    );
}
