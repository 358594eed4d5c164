//! [`ID`]: document, user and file IDs made on the client.

use std::time::{SystemTime, UNIX_EPOCH};

/// Makes IDs for create calls.
///
/// ```
/// use appwrite::ID;
///
/// let id = ID::unique();
/// assert_eq!(id.len(), 20);
/// assert!(id.chars().all(|c| c.is_ascii_hexdigit()));
/// assert_eq!(ID::custom("note-1"), "note-1");
/// ```
#[derive(Debug, Clone, Copy)]
pub struct ID;

/// Random hex digits after the timestamp.
const PADDING: usize = 7;

impl ID {
    /// A new unique ID in Appwrite's form: the seconds since 1970 in hex,
    /// the microseconds in five hex digits, and seven random hex digits
    /// (20 characters today).
    pub fn unique() -> String {
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap_or_default();
        let mut id = format!("{:x}{:05x}", now.as_secs(), now.subsec_micros());
        for _ in 0..PADDING {
            id.push(char::from(b"0123456789abcdef"[fastrand::usize(..16)]));
        }
        id
    }

    /// An ID chosen by the caller, sent as it is.
    pub fn custom(id: impl Into<String>) -> String {
        id.into()
    }
}
