//! The koers command line.
fn main() {}
