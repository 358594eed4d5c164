//! Benchmarks of the generator and the SDK, run by `cargo xtask bench`.
//!
//! Each benchmark returns [`Row`]s of raw samples; the binary prints them one per
//! line and `cargo xtask bench` gathers the lines of every run into one table of
//! medians, minimums and maximums.
//!
//! - [`regen`]: the generator's stages on the bundled spec and on a large spec made
//!   by [`fixture`];
//! - [`calls`]: per-call overhead of the SDK against hand-written reqwest + serde,
//!   both talking to the canned [`server`];
//! - [`decode`]: decoding a large document list into `DocumentList<T>` against
//!   plain serde structs;
//! - [`transfer`]: plain reqwest streaming of a large file, the baseline of the SDK's
//!   upload and download figures.

pub mod calls;
pub mod decode;
pub mod documents;
pub mod fixture;
pub mod regen;
pub mod row;
pub mod server;
pub mod suite;
pub mod transfer;

pub use row::{Row, Target};
