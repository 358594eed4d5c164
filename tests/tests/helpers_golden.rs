//! Golden strings for the `Query`, `Permission`, `Role` and `ID` helpers.

use appwrite::{ID, Permission, Query, Role};

fn text(query: Query) -> String {
    query.into()
}

#[test]
fn comparison_queries() {
    assert_eq!(
        text(Query::equal("title", "Hello \"world\"")),
        r#"{"method":"equal","attribute":"title","values":["Hello \"world\""]}"#
    );
    assert_eq!(
        text(Query::equal("tags", ["a", "b"])),
        r#"{"method":"equal","attribute":"tags","values":["a","b"]}"#
    );
    assert_eq!(
        text(Query::not_equal("n", 5)),
        r#"{"method":"notEqual","attribute":"n","values":[5]}"#
    );
    assert_eq!(
        text(Query::less_than("n", 9_007_199_254_740_993_i64)),
        r#"{"method":"lessThan","attribute":"n","values":[9007199254740993]}"#
    );
    assert_eq!(
        text(Query::less_than_equal("n", 1.5)),
        r#"{"method":"lessThanEqual","attribute":"n","values":[1.5]}"#
    );
    assert_eq!(
        text(Query::greater_than("n", 1)),
        r#"{"method":"greaterThan","attribute":"n","values":[1]}"#
    );
    assert_eq!(
        text(Query::greater_than_equal("ok", true)),
        r#"{"method":"greaterThanEqual","attribute":"ok","values":[true]}"#
    );
    assert_eq!(
        text(Query::between("age", 18, 65)),
        r#"{"method":"between","attribute":"age","values":[18,65]}"#
    );
}

#[test]
fn text_and_null_queries() {
    assert_eq!(
        text(Query::is_null("a")),
        r#"{"method":"isNull","attribute":"a"}"#
    );
    assert_eq!(
        text(Query::is_not_null("a")),
        r#"{"method":"isNotNull","attribute":"a"}"#
    );
    assert_eq!(
        text(Query::starts_with("name", "Jo")),
        r#"{"method":"startsWith","attribute":"name","values":["Jo"]}"#
    );
    assert_eq!(
        text(Query::ends_with("name", "hn")),
        r#"{"method":"endsWith","attribute":"name","values":["hn"]}"#
    );
    assert_eq!(
        text(Query::search("body", "a\\b")),
        r#"{"method":"search","attribute":"body","values":["a\\b"]}"#
    );
    assert_eq!(
        text(Query::contains("tags", vec!["x".to_owned()])),
        r#"{"method":"contains","attribute":"tags","values":["x"]}"#
    );
}

#[test]
fn select_order_cursor_and_page_queries() {
    assert_eq!(
        text(Query::select(["name", "age"])),
        r#"{"method":"select","values":["name","age"]}"#
    );
    assert_eq!(
        text(Query::order_asc("name")),
        r#"{"method":"orderAsc","attribute":"name"}"#
    );
    assert_eq!(
        text(Query::order_desc("name")),
        r#"{"method":"orderDesc","attribute":"name"}"#
    );
    assert_eq!(
        text(Query::cursor_before("d1")),
        r#"{"method":"cursorBefore","values":["d1"]}"#
    );
    assert_eq!(
        text(Query::cursor_after("d2")),
        r#"{"method":"cursorAfter","values":["d2"]}"#
    );
    assert_eq!(
        text(Query::limit(25)),
        r#"{"method":"limit","values":[25]}"#
    );
    assert_eq!(
        text(Query::offset(0)),
        r#"{"method":"offset","values":[0]}"#
    );
}

#[test]
fn nested_queries_are_objects() {
    let query = Query::and([
        Query::equal("a", 1),
        Query::or([Query::is_null("b"), Query::greater_than("c", 2)]),
    ]);
    assert_eq!(
        query.to_string(),
        concat!(
            r#"{"method":"and","values":[{"method":"equal","attribute":"a","values":[1]},"#,
            r#"{"method":"or","values":[{"method":"isNull","attribute":"b"},"#,
            r#"{"method":"greaterThan","attribute":"c","values":[2]}]}]}"#
        )
    );
}

#[test]
fn queries_convert_into_strings() {
    fn takes(queries: impl IntoIterator<Item = impl Into<String>>) -> Vec<String> {
        queries.into_iter().map(Into::into).collect()
    }
    let strings = takes([Query::limit(1), Query::offset(2)]);
    assert_eq!(strings.len(), 2);
    assert_eq!(strings[0], r#"{"method":"limit","values":[1]}"#);
}

#[test]
fn roles() {
    assert_eq!(Role::any().to_string(), "any");
    assert_eq!(Role::guests().to_string(), "guests");
    assert_eq!(Role::users().to_string(), "users");
    assert_eq!(Role::verified_users().to_string(), "users/verified");
    assert_eq!(Role::unverified_users().to_string(), "users/unverified");
    assert_eq!(Role::users_with_status("").to_string(), "users");
    assert_eq!(Role::user("u1").to_string(), "user:u1");
    assert_eq!(
        Role::user_with_status("u1", "verified").to_string(),
        "user:u1/verified"
    );
    assert_eq!(Role::team("t1").to_string(), "team:t1");
    assert_eq!(
        Role::team_with_role("t1", "owner").to_string(),
        "team:t1/owner"
    );
    assert_eq!(Role::member("m1").to_string(), "member:m1");
    assert_eq!(Role::label("vip").to_string(), "label:vip");
}

#[test]
fn permissions() {
    assert_eq!(Permission::read(Role::any()).to_string(), r#"read("any")"#);
    assert_eq!(
        Permission::write(Role::users()).to_string(),
        r#"write("users")"#
    );
    assert_eq!(
        Permission::create(Role::guests()).to_string(),
        r#"create("guests")"#
    );
    assert_eq!(
        String::from(Permission::update(Role::user_with_status("u1", "verified"))),
        r#"update("user:u1/verified")"#
    );
    assert_eq!(
        String::from(Permission::delete(Role::team_with_role("t1", "owner"))),
        r#"delete("team:t1/owner")"#
    );
}

#[test]
fn unique_ids_are_twenty_hex_digits_and_differ() {
    let first = ID::unique();
    let second = ID::unique();
    assert_eq!(first.len(), 20, "{first}");
    assert!(
        first.bytes().all(|byte| byte.is_ascii_hexdigit()),
        "{first}"
    );
    assert_ne!(first, "unique()");
    assert_ne!(first, second);

    let seconds = u64::from_str_radix(&first[..8], 16).unwrap();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    assert!(
        now.abs_diff(seconds) < 60,
        "timestamp part {seconds} vs {now}"
    );
}

#[test]
fn custom_ids_are_kept() {
    assert_eq!(ID::custom("my-id"), "my-id");
}
