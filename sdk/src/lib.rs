//! Placeholder: the SDK core is being written.
#![deny(missing_docs)]

#[rustfmt::skip]
pub mod enums;
#[rustfmt::skip]
pub mod models;
#[rustfmt::skip]
pub mod services;
