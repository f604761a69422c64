//! Running `koers` as a user runs it, shared by the CLI's test files.

#![allow(dead_code)]

use std::process::Command;

/// The `koers` binary cargo built for these tests.
pub const KOERS: &str = env!("CARGO_BIN_EXE_koers");
/// The repository root: every command runs from there, so paths such as
/// `data/figures` read as in the README.
pub const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/..");

/// What a run of `koers` gave.
pub struct Run {
    /// The exit code.
    pub code: i32,
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
}

/// Run `koers` from the repository root, with backtraces on so that a panic
/// could not hide; a panic fails the test.
pub fn koers(args: &[&str]) -> Run {
    let out = Command::new(KOERS)
        .args(args)
        .current_dir(ROOT)
        .env("RUST_BACKTRACE", "1")
        .output()
        .expect("koers runs");
    let run = Run {
        code: out.status.code().expect("koers exits, it is not killed"),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    };
    for s in [&run.stdout, &run.stderr] {
        assert!(
            !s.contains("panicked")
                && !s.contains("stack backtrace")
                && !s.contains("RUST_BACKTRACE"),
            "koers {args:?} panicked:\n{s}"
        );
    }
    run
}
