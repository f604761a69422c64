//! Every capacity of the model, named once, with the reason for its size.
//!
//! The vision itself needs far less than these limits; the headroom is for
//! users who add their own targets, indicators and yearly observations.
