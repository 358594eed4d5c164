//! [`Permission`]: an action granted to a [`Role`], as in `read("any")`.

use std::fmt;

use crate::role::Role;

/// A permission such as `read("any")` or `update("user:u1/verified")`.
///
/// Methods taking `permissions` accept it directly (it converts into the
/// `String` the server expects).
///
/// ```
/// use appwrite::{Permission, Role};
///
/// let permission = Permission::delete(Role::team_with_role("t1", "owner"));
/// assert_eq!(permission.to_string(), r#"delete("team:t1/owner")"#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Permission(String);

impl Permission {
    fn new(action: &str, role: Role) -> Self {
        Permission(format!("{action}(\"{}\")", role.as_str()))
    }

    /// Read access.
    pub fn read(role: Role) -> Self {
        Permission::new("read", role)
    }

    /// Write access: create, update and delete together.
    pub fn write(role: Role) -> Self {
        Permission::new("write", role)
    }

    /// Create access.
    pub fn create(role: Role) -> Self {
        Permission::new("create", role)
    }

    /// Update access.
    pub fn update(role: Role) -> Self {
        Permission::new("update", role)
    }

    /// Delete access.
    pub fn delete(role: Role) -> Self {
        Permission::new("delete", role)
    }

    /// The permission as the server writes it.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Permission {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<Permission> for String {
    fn from(permission: Permission) -> Self {
        permission.0
    }
}

impl From<&Permission> for String {
    fn from(permission: &Permission) -> Self {
        permission.0.clone()
    }
}
