//! `koers publish`: the published figures combined and checked with the
//! vision, written beside it with what the dashboard bakes from them (its
//! first view and the parts an iframe shows), all or none. Part of the
//! command line (`main.rs`).

use crate::{load_dataset, load_with_figures, read_figures, read_text, usage, value_of, Fail};

pub(crate) fn publish_cmd(mut args: lexopt::Parser) -> Result<u8, Fail> {
    let (mut vision, mut out) = (None, None);
    let mut figure_paths = Vec::new();
    while let Some(arg) = args.next().map_err(|e| usage(e.to_string()))? {
        match arg {
            lexopt::Arg::Long("vision") => vision = Some(value_of(&mut args, "vision")?),
            lexopt::Arg::Long("figures") => figure_paths.push(value_of(&mut args, "figures")?),
            lexopt::Arg::Long("out") => out = Some(value_of(&mut args, "out")?),
            other => return Err(usage(format!("publish: unexpected {other:?}"))),
        }
    }
    let vision = vision.ok_or_else(|| usage("publish: --vision FILE is required"))?;
    let out = out.ok_or_else(|| usage("publish: --out DIR is required"))?;
    if figure_paths.is_empty() {
        return Err(usage("publish: at least one --figures PATH is required"));
    }
    let bytes =
        std::fs::read(&vision).map_err(|e| Fail(2, format!("{vision}: cannot read: {e}")))?;
    let json = read_text(&vision)?;
    load_dataset(&vision, &json)?;
    let figures = read_figures(&figure_paths)?;
    let ds = load_with_figures(&vision, &json, figures.as_ref())?;
    let Some((f, combined)) = &figures else {
        return Err(usage("publish: at least one --figures PATH is required"));
    };
    // Figures typed into the dashboard name no publication: they are
    // published with their source text only, and said to be so.
    for o in ds.observations.iter().filter(|o| o.document.is_none()) {
        eprintln!(
            "publish: warning: {} {}: names no publication (no URL, no release date); published with its source text \"{}\" only",
            o.subject, o.year, o.source
        );
    }
    drop(ds);
    let (first, parts) = baked(&vision, &bytes, combined)?;
    let mut files: Vec<(String, &[u8])> = vec![
        ("vision.json".into(), &bytes[..]),
        ("figures.json".into(), combined.as_bytes()),
        ("first-view.html".into(), first.as_bytes()),
    ];
    files.extend(
        parts
            .iter()
            .map(|(name, html)| (format!("parts/{name}"), html.as_bytes())),
    );
    write_all(&out, &files)?;
    // Parts of an earlier publication that this one has not (a target
    // taken out): an iframe asking for one gets the live part instead.
    if let Ok(old) = std::fs::read_dir(std::path::Path::new(&out).join("parts")) {
        for e in old.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            if !parts.iter().any(|(n, _)| *n == name) {
                let _ = std::fs::remove_file(e.path());
            }
        }
    }
    say!(
        "{out}: vision.json, figures.json, first-view.html and {} baked parts written: {}",
        parts.len() - 1,
        f.counts()
    );
    Ok(0)
}

/// The dashboard's first view and its baked parts over the files being
/// published, read as the dashboard reads them (`first-view.html`: the
/// overview a new visitor sees before the wasm loads; `parts/*.html`: what
/// an iframe shows before it does), each naming the two files by SHA-256.
#[allow(clippy::type_complexity)]
fn baked(
    vision: &str,
    bytes: &[u8],
    figures: &str,
) -> Result<(String, Vec<(String, String)>), Fail> {
    let leak = |s: &str| -> &'static str { Box::leak(s.to_owned().into_boxed_str()) };
    let text =
        std::str::from_utf8(bytes).map_err(|e| Fail(1, format!("{vision}: not UTF-8: {e}")))?;
    // Checked above as core reads it; the dashboard reads it the same way,
    // so this is not expected to fail, and says where if it does.
    let base = koers_wasm::data::load_base(Some(leak(text)), Some(leak(figures))).map_err(|e| {
        let mut msg = format!(
            "publish: the dashboard cannot read what would be published as {}",
            e.file
        );
        for p in &e.problems {
            let line = p.line.map(|l| format!(":{l}")).unwrap_or_default();
            msg.push_str(&format!("\n{}{line}: {}: {}", e.file, p.field, p.kind));
        }
        Fail(1, msg)
    })?;
    let base = Box::leak(base);
    let sha256 = |b: &[u8]| -> String {
        use sha2::Digest;
        sha2::Sha256::digest(b)
            .iter()
            .map(|x| format!("{x:02x}"))
            .collect()
    };
    let (v, f) = (sha256(bytes), sha256(figures.as_bytes()));
    let meta = [
        ("koers-vision-sha256", &v[..]),
        ("koers-figures-sha256", &f[..]),
    ];
    Ok((
        koers_wasm::first_view(base, meta),
        koers_wasm::baked_parts(base, meta),
    ))
}

/// Write the files into `dir` (created when missing, as are folders in
/// the names) all or none: each to a temporary file beside it first, then
/// renamed over the old one.
fn write_all(dir: &str, files: &[(String, &[u8])]) -> Result<(), Fail> {
    let fail = |what: &str, e: std::io::Error| Fail(2, format!("{what}: cannot write: {e}"));
    let dir = std::path::Path::new(dir);
    let tmp: Vec<_> = files
        .iter()
        .map(|(name, _)| {
            let to = dir.join(name);
            let file = to.file_name().map(|n| n.to_string_lossy().into_owned());
            to.with_file_name(format!(
                ".{}.{}.tmp",
                file.unwrap_or_default(),
                std::process::id()
            ))
        })
        .collect();
    let cleanup = || {
        for t in &tmp {
            let _ = std::fs::remove_file(t);
        }
    };
    for ((_, bytes), t) in files.iter().zip(&tmp) {
        let written = t
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| std::fs::File::create(t))
            .and_then(|mut file| {
                use std::io::Write;
                file.write_all(bytes)?;
                file.sync_all()
            });
        if let Err(e) = written {
            cleanup();
            return Err(fail(&t.to_string_lossy(), e));
        }
    }
    for ((name, _), t) in files.iter().zip(&tmp) {
        let to = dir.join(name);
        if let Err(e) = std::fs::rename(t, &to) {
            cleanup();
            return Err(fail(&to.to_string_lossy(), e));
        }
    }
    Ok(())
}
