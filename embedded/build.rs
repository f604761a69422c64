//! Give each firmware its memory layout, where cortex-m-rt's `link.x`
//! finds it (`INCLUDE memory.x`): `layout/256k/memory.x` for the four that
//! hold a `Dataset`, `layout/64k/memory.x` for `semicon-64k`; and link the
//! firmware with `link.x` (only for the ARM target: the host and wasm
//! builds need neither). No `memory.x` may lie in this directory: the
//! linker looks in the working directory first.
use std::{env, path::PathBuf};

/// The firmware that need a part with 256 KiB of RAM.
const LARGE: [&str; 4] = ["open-sdg", "parse", "load-assess", "vision"];
/// The firmware that fit 64 KiB of RAM.
const SMALL: [&str; 1] = ["semicon-64k"];

fn main() {
    println!("cargo:rerun-if-changed=layout");
    println!("cargo:rerun-if-changed=build.rs");
    if env::var("CARGO_CFG_TARGET_ARCH").as_deref() != Ok("arm") {
        return;
    }
    let root = PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR"));
    for (dir, bins) in [("256k", &LARGE[..]), ("64k", &SMALL[..])] {
        let dir = root.join("layout").join(dir);
        for bin in bins {
            println!("cargo:rustc-link-arg-bin={bin}=-L{}", dir.display());
        }
    }
    // cortex-m-rt's `device` feature makes `link.x` include `device.x`,
    // where a device crate names its interrupt handlers. Every interrupt of
    // `src/board.rs` goes to `DefaultHandler`, so it names none.
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("OUT_DIR"));
    std::fs::write(
        out.join("device.x"),
        "/* src/board.rs: every interrupt goes to DefaultHandler */\n",
    )
    .expect("write device.x");
    println!("cargo:rustc-link-search={}", out.display());
    println!("cargo:rustc-link-arg-bins=-Tlink.x");
}
