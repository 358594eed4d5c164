//! The operations of every service but account, each called once with values like the
//! spec's `x-example`s.

use crate::{Data, Sweep};
use appwrite::enums::{Browser, CreditCard, ExecutionMethod, Flag, ImageFormat, ImageGravity};
use appwrite::{Client, InputFile};

const DATABASE: &str = "<DATABASE_ID>";
const COLLECTION: &str = "<COLLECTION_ID>";
const BUCKET: &str = "<BUCKET_ID>";
const TEAM: &str = "<TEAM_ID>";
const MEMBERSHIP: &str = "<MEMBERSHIP_ID>";

/// Calls every operation outside the account service once.
pub async fn sweep(client: &Client, sweep: &mut Sweep) {
    avatars(client, sweep).await;
    databases(client, sweep).await;
    functions_graphql_messaging(client, sweep).await;
    locale(client, sweep).await;
    storage(client, sweep).await;
    teams(client, sweep).await;
    memberships(client, sweep).await;
}

/// Avatars: each returns the image bytes (Prism's are empty: the spec has no body).
async fn avatars(client: &Client, sweep: &mut Sweep) {
    let avatars = client.avatars();
    let browser = avatars
        .get_browser(Browser::GoogleChrome)
        .width(100)
        .height(100);
    sweep.record("avatarsGetBrowser", browser.quality(90).await);
    let card = avatars.get_credit_card(CreditCard::Visa).width(64).await;
    sweep.record("avatarsGetCreditCard", card);
    let favicon = avatars.get_favicon("https://example.com").await;
    sweep.record("avatarsGetFavicon", favicon);
    let flag = avatars.get_flag(Flag::Germany).height(32).await;
    sweep.record("avatarsGetFlag", flag);
    let image = avatars
        .get_image("https://example.com/logo.png")
        .width(10)
        .await;
    sweep.record("avatarsGetImage", image);
    let initials = avatars
        .get_initials()
        .name("Ann Lee")
        .background("ff0000")
        .await;
    sweep.record("avatarsGetInitials", initials);
    let qr = avatars
        .get_qr("hello")
        .size(100)
        .margin(1)
        .download(true)
        .await;
    sweep.record("avatarsGetQR", qr);
}

/// Documents: list, create, read, update, delete.
async fn databases(client: &Client, sweep: &mut Sweep) {
    let databases = client.databases();
    let list = databases.list_documents::<Data>(DATABASE, COLLECTION);
    sweep.record("databasesListDocuments", list.queries(["limit(5)"]).await);
    let data = serde_json::json!({ "title": "Hello", "done": false });
    let created = databases.create_document::<Data>(DATABASE, COLLECTION, "<DOCUMENT_ID>", data);
    let created = created.permissions(["read(\"any\")"]).await;
    sweep.record("databasesCreateDocument", created);
    let document = databases
        .get_document::<Data>(DATABASE, COLLECTION, "<DOCUMENT_ID>")
        .await;
    sweep.record("databasesGetDocument", document);
    let updated = databases.update_document::<Data>(DATABASE, COLLECTION, "<DOCUMENT_ID>");
    let updated = updated.data(serde_json::json!({ "done": true })).await;
    sweep.record("databasesUpdateDocument", updated);
    let deleted = databases
        .delete_document(DATABASE, COLLECTION, "<DOCUMENT_ID>")
        .await;
    sweep.record("databasesDeleteDocument", deleted);
}

/// Function executions, the two GraphQL endpoints, and topic subscribers.
async fn functions_graphql_messaging(client: &Client, sweep: &mut Sweep) {
    let functions = client.functions();
    let list = functions
        .list_executions("<FUNCTION_ID>")
        .search("<SEARCH>")
        .await;
    sweep.record("functionsListExecutions", list);
    let execution = functions
        .create_execution("<FUNCTION_ID>")
        .body("{}")
        .path("/");
    let execution = execution.method(ExecutionMethod::Post).r#async(false).await;
    sweep.record("functionsCreateExecution", execution);
    let execution = functions
        .get_execution("<FUNCTION_ID>", "<EXECUTION_ID>")
        .await;
    sweep.record("functionsGetExecution", execution);

    let query = serde_json::json!({ "query": "query { localeGet { ip } }" });
    sweep.record("graphqlQuery", client.graphql().query(query).await);
    let mutation = serde_json::json!({ "query": "mutation { accountCreateJWT { jwt } }" });
    sweep.record("graphqlMutation", client.graphql().mutation(mutation).await);

    let messaging = client.messaging();
    let subscriber = messaging.create_subscriber("<TOPIC_ID>", "<SUBSCRIBER_ID>", "<TARGET_ID>");
    sweep.record("messagingCreateSubscriber", subscriber.await);
    let deleted = messaging
        .delete_subscriber("<TOPIC_ID>", "<SUBSCRIBER_ID>")
        .await;
    sweep.record("messagingDeleteSubscriber", deleted);
}

/// Locale lists.
async fn locale(client: &Client, sweep: &mut Sweep) {
    let locale = client.locale();
    sweep.record("localeGet", locale.get().await);
    sweep.record("localeListCodes", locale.list_codes().await);
    sweep.record("localeListContinents", locale.list_continents().await);
    sweep.record("localeListCountries", locale.list_countries().await);
    sweep.record("localeListCountriesEU", locale.list_countries_eu().await);
    sweep.record(
        "localeListCountriesPhones",
        locale.list_countries_phones().await,
    );
    sweep.record("localeListCurrencies", locale.list_currencies().await);
    sweep.record("localeListLanguages", locale.list_languages().await);
}

/// Files: a small upload (Prism parses multipart slowly), reads, updates, downloads.
async fn storage(client: &Client, sweep: &mut Sweep) {
    let storage = client.storage();
    let list = storage.list_files(BUCKET).queries(["limit(5)"]).await;
    sweep.record("storageListFiles", list);
    let file = InputFile::from_bytes("hello.txt", &b"hello, prism\n"[..]);
    let created = storage.create_file(BUCKET, "<FILE_ID>", file);
    let created = created.permissions(["read(\"any\")"]).await;
    sweep.record("storageCreateFile", created);
    sweep.record(
        "storageGetFile",
        storage.get_file(BUCKET, "<FILE_ID>").await,
    );
    let updated = storage
        .update_file(BUCKET, "<FILE_ID>")
        .name("notes.txt")
        .await;
    sweep.record("storageUpdateFile", updated);
    sweep.record(
        "storageDeleteFile",
        storage.delete_file(BUCKET, "<FILE_ID>").await,
    );
    let download = storage.get_file_download(BUCKET, "<FILE_ID>").await;
    sweep.record("storageGetFileDownload", download);
    let preview = storage
        .get_file_preview(BUCKET, "<FILE_ID>")
        .width(100)
        .height(100);
    let preview = preview
        .gravity(ImageGravity::Center)
        .quality(80)
        .opacity(0.5);
    let preview = preview.rotation(90).output(ImageFormat::Png).await;
    sweep.record("storageGetFilePreview", preview);
    let view = storage.get_file_view(BUCKET, "<FILE_ID>").await;
    sweep.record("storageGetFileView", view);
}

/// Teams.
async fn teams(client: &Client, sweep: &mut Sweep) {
    let teams = client.teams();
    sweep.record("teamsList", teams.list().search("<SEARCH>").await);
    let created = teams.create(TEAM, "<NAME>").roles(["owner"]).await;
    sweep.record("teamsCreate", created);
    sweep.record("teamsGet", teams.get(TEAM).await);
    sweep.record("teamsUpdateName", teams.update_name(TEAM, "<NAME>").await);
    sweep.record("teamsDelete", teams.delete(TEAM).await);
    sweep.record("teamsGetPrefs", teams.get_prefs::<Data>(TEAM).await);
    let prefs = serde_json::json!({ "theme": "pink" });
    sweep.record(
        "teamsUpdatePrefs",
        teams.update_prefs::<Data>(TEAM, prefs).await,
    );
}

/// Team memberships.
async fn memberships(client: &Client, sweep: &mut Sweep) {
    let teams = client.teams();
    let list = teams.list_memberships(TEAM).queries(["limit(5)"]).await;
    sweep.record("teamsListMemberships", list);
    let created = teams
        .create_membership(TEAM, ["developer"])
        .email("email@example.com");
    let created = created
        .url_value("https://example.com")
        .name("<NAME>")
        .await;
    sweep.record("teamsCreateMembership", created);
    let membership = teams.get_membership(TEAM, MEMBERSHIP).await;
    sweep.record("teamsGetMembership", membership);
    let updated = teams.update_membership(TEAM, MEMBERSHIP, ["owner"]).await;
    sweep.record("teamsUpdateMembership", updated);
    let deleted = teams.delete_membership(TEAM, MEMBERSHIP).await;
    sweep.record("teamsDeleteMembership", deleted);
    let status = teams.update_membership_status(TEAM, MEMBERSHIP, "<USER_ID>", "<SECRET>");
    sweep.record("teamsUpdateMembershipStatus", status.await);
}
