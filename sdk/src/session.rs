//! The session a client captured from the server's answers.
//!
//! Appwrite hands out a session in two ways: a `Set-Cookie` header named
//! `a_session_<project>` (plus a `_legacy` twin), and an `X-Fallback-Cookies`
//! header holding the same cookies as JSON, for clients without a cookie
//! jar. A client keeps both and sends them back on later calls: the cookies in
//! a `Cookie` header, the JSON as it came in `X-Fallback-Cookies`.
//!
//! One store is shared by a client and all its clones (services and request
//! builders hold clones), so a session created through `client.account()` is
//! seen by every later call. A client derived with other credentials
//! (`Client::with_jwt` and friends) starts from a copy of the store and then
//! keeps its own, so it never changes the client it came from.

use std::sync::{Arc, Mutex, PoisonError};

use reqwest::header::{HeaderMap, HeaderValue, SET_COOKIE};

/// The header Appwrite uses to carry session cookies as JSON.
pub(crate) const FALLBACK_COOKIES: &str = "x-fallback-cookies";

/// Captured session cookies and fallback header, shared between clones.
#[derive(Clone, Default)]
pub(crate) struct SessionStore {
    state: Arc<Mutex<Captured>>,
}

#[derive(Clone, Default)]
struct Captured {
    cookies: Vec<(String, String)>,
    fallback: Option<String>,
}

impl SessionStore {
    /// A new store holding a copy of this one's current state.
    pub(crate) fn snapshot(&self) -> Self {
        let captured = self.with_state(|state| state.clone());
        SessionStore {
            state: Arc::new(Mutex::new(captured)),
        }
    }

    fn with_state<R>(&self, action: impl FnOnce(&mut Captured) -> R) -> R {
        let mut guard = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        action(&mut guard)
    }

    /// Keeps the session cookies and fallback header of an answer.
    pub(crate) fn capture(&self, headers: &HeaderMap, project: &str) {
        let prefix = format!("a_session_{project}");
        let cookies: Vec<(String, String, bool)> = headers
            .get_all(SET_COOKIE)
            .iter()
            .filter_map(|value| parse_set_cookie(value.to_str().ok()?))
            .filter(|(name, _, _)| name.starts_with(&prefix))
            .collect();
        let fallback = headers
            .get(FALLBACK_COOKIES)
            .and_then(|value| value.to_str().ok())
            .map(str::trim);

        self.with_state(|state| {
            for (name, value, expired) in cookies {
                state.cookies.retain(|(kept, _)| *kept != name);
                if !expired {
                    state.cookies.push((name, value));
                }
            }
            if let Some(fallback) = fallback {
                state.fallback = (!is_empty_fallback(fallback)).then(|| fallback.to_owned());
            }
        });
    }

    /// Forgets the captured session, after the current session was deleted.
    pub(crate) fn forget(&self) {
        self.with_state(|state| *state = Captured::default());
    }

    /// The `Cookie` header value for the captured cookies, if any.
    pub(crate) fn cookie_header(&self) -> Option<HeaderValue> {
        let text = self.with_state(|state| {
            let pairs: Vec<String> = state
                .cookies
                .iter()
                .map(|(name, value)| format!("{name}={value}"))
                .collect();
            pairs.join("; ")
        });
        sensitive_value(&text)
    }

    /// The `X-Fallback-Cookies` header value captured, if any (never empty).
    pub(crate) fn fallback_header(&self) -> Option<HeaderValue> {
        let text = self.with_state(|state| state.fallback.clone())?;
        sensitive_value(&text)
    }

    /// Whether a session cookie or fallback header is held.
    #[cfg(test)]
    pub(crate) fn is_empty(&self) -> bool {
        self.with_state(|state| state.cookies.is_empty() && state.fallback.is_none())
    }
}

fn sensitive_value(text: &str) -> Option<HeaderValue> {
    if text.is_empty() {
        return None;
    }
    let mut value = HeaderValue::from_str(text).ok()?;
    value.set_sensitive(true);
    Some(value)
}

/// Whether a fallback header says "no session": empty, `[]`, `{}` or `null`.
fn is_empty_fallback(text: &str) -> bool {
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    matches!(compact.as_str(), "" | "[]" | "{}" | "null")
}

/// Name, value and whether the cookie is being removed (an empty value, or
/// `Max-Age` of zero or less).
fn parse_set_cookie(header: &str) -> Option<(String, String, bool)> {
    let mut parts = header.split(';');
    let (name, value) = parts.next()?.split_once('=')?;
    let (name, value) = (name.trim(), value.trim().trim_matches('"'));
    let max_age_gone = parts.any(|attribute| {
        let attribute = attribute.trim();
        let Some((key, age)) = attribute.split_once('=') else {
            return false;
        };
        key.trim().eq_ignore_ascii_case("max-age")
            && age.trim().parse::<i64>().is_ok_and(|age| age <= 0)
    });
    let expired = value.is_empty() || value == "deleted" || max_age_gone;
    Some((name.to_owned(), value.to_owned(), expired))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            if let Ok(value) = HeaderValue::from_str(value) {
                map.append(*name, value);
            }
        }
        map
    }

    #[test]
    fn captures_and_removes_cookies() {
        let store = SessionStore::default();
        let set = "a_session_p1=abc; expires=Wed, 01 Jan 2031 00:00:00 GMT; path=/; httponly";
        store.capture(
            &headers(&[("set-cookie", set), ("set-cookie", "other=1")]),
            "p1",
        );
        let cookie = store.cookie_header().map(|value| value.as_bytes().to_vec());
        assert_eq!(cookie.as_deref(), Some(&b"a_session_p1=abc"[..]));

        store.capture(
            &headers(&[("set-cookie", "a_session_p1=; Max-Age=0")]),
            "p1",
        );
        assert!(store.cookie_header().is_none());
    }

    #[test]
    fn empty_fallback_is_never_kept() {
        let store = SessionStore::default();
        store.capture(
            &headers(&[(FALLBACK_COOKIES, r#"{"a_session_p1":"s"}"#)]),
            "p1",
        );
        assert!(store.fallback_header().is_some());
        store.capture(&headers(&[(FALLBACK_COOKIES, "[]")]), "p1");
        assert!(store.fallback_header().is_none());
    }

    #[test]
    fn snapshot_is_independent() {
        let store = SessionStore::default();
        store.capture(&headers(&[(FALLBACK_COOKIES, r#"{"a":"b"}"#)]), "p1");
        let copy = store.snapshot();
        copy.forget();
        assert!(copy.is_empty());
        assert!(!store.is_empty());
    }
}
