//! Placeholder until `cargo xtask regen` writes this folder.
