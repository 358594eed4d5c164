//! `cargo xtask regen`.

/// Runs `cargo xtask regen` with the given arguments.
pub fn run(_arguments: &[String]) -> Result<(), String> {
    Err("regen is not written yet".to_string())
}
