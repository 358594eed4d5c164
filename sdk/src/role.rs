//! [`Role`]: who a permission is given to, in the server's own notation.

use std::fmt;

/// A role such as `any`, `users/verified`, `user:u1` or `team:t1/owner`.
///
/// ```
/// use appwrite::Role;
///
/// assert_eq!(Role::any().to_string(), "any");
/// assert_eq!(Role::user_with_status("u1", "verified").to_string(), "user:u1/verified");
/// assert_eq!(Role::team_with_role("t1", "owner").to_string(), "team:t1/owner");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Role(String);

impl Role {
    /// Anyone, signed in or not.
    pub fn any() -> Self {
        Role("any".to_owned())
    }

    /// Anyone who is not signed in.
    pub fn guests() -> Self {
        Role("guests".to_owned())
    }

    /// Any signed-in user.
    pub fn users() -> Self {
        Role("users".to_owned())
    }

    /// Any signed-in user with this status (`verified` or `unverified`).
    pub fn users_with_status(status: impl AsRef<str>) -> Self {
        Role(with_suffix("users".to_owned(), status.as_ref()))
    }

    /// Signed-in users whose email is verified.
    pub fn verified_users() -> Self {
        Role::users_with_status("verified")
    }

    /// Signed-in users whose email is not verified.
    pub fn unverified_users() -> Self {
        Role::users_with_status("unverified")
    }

    /// One user.
    pub fn user(id: impl AsRef<str>) -> Self {
        Role(format!("user:{}", id.as_ref()))
    }

    /// One user, only while they have this status (`verified` or
    /// `unverified`).
    pub fn user_with_status(id: impl AsRef<str>, status: impl AsRef<str>) -> Self {
        Role(with_suffix(
            format!("user:{}", id.as_ref()),
            status.as_ref(),
        ))
    }

    /// Every member of a team.
    pub fn team(id: impl AsRef<str>) -> Self {
        Role(format!("team:{}", id.as_ref()))
    }

    /// The members of a team who have this team role.
    pub fn team_with_role(id: impl AsRef<str>, role: impl AsRef<str>) -> Self {
        Role(with_suffix(format!("team:{}", id.as_ref()), role.as_ref()))
    }

    /// One membership of a team.
    pub fn member(id: impl AsRef<str>) -> Self {
        Role(format!("member:{}", id.as_ref()))
    }

    /// Every user with this label.
    pub fn label(name: impl AsRef<str>) -> Self {
        Role(format!("label:{}", name.as_ref()))
    }

    /// The role as the server writes it.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

fn with_suffix(base: String, suffix: &str) -> String {
    if suffix.is_empty() {
        base
    } else {
        format!("{base}/{suffix}")
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<Role> for String {
    fn from(role: Role) -> Self {
        role.0
    }
}
