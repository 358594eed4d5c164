//! The account service's operations, each called once with values like the spec's
//! `x-example`s.

use crate::{Data, Sweep};
use appwrite::Client;
use appwrite::enums::{AuthenticationFactor, AuthenticatorType, OAuthProvider};

const EMAIL: &str = "email@example.com";
const PASSWORD: &str = "password";
const PHONE: &str = "+12065550100";
const URL: &str = "https://example.com";

/// Calls every account operation once.
pub async fn sweep(client: &Client, sweep: &mut Sweep) {
    profile(client, sweep).await;
    mfa(client, sweep).await;
    sessions(client, sweep).await;
    tokens(client, sweep).await;
    web_auth(client, sweep).await;
}

/// The account itself: create, read and update it.
async fn profile(client: &Client, sweep: &mut Sweep) {
    let account = client.account();
    sweep.record("accountGet", account.get().await);
    let created = account
        .create("<USER_ID>", EMAIL, PASSWORD)
        .name("<NAME>")
        .await;
    sweep.record("accountCreate", created);
    sweep.record(
        "accountUpdateEmail",
        account.update_email(EMAIL, PASSWORD).await,
    );
    let identities = account.list_identities().queries(["limit(25)"]).await;
    sweep.record("accountListIdentities", identities);
    let deleted = account.delete_identity("<IDENTITY_ID>").await;
    sweep.record("accountDeleteIdentity", deleted);
    sweep.record("accountCreateJWT", account.create_jwt().await);
    sweep.record("accountListLogs", account.list_logs().await);
    sweep.record("accountUpdateName", account.update_name("<NAME>").await);
    let password = account
        .update_password(PASSWORD)
        .old_password(PASSWORD)
        .await;
    sweep.record("accountUpdatePassword", password);
    sweep.record(
        "accountUpdatePhone",
        account.update_phone(PHONE, PASSWORD).await,
    );
    sweep.record("accountGetPrefs", account.get_prefs::<Data>().await);
    let prefs = serde_json::json!({ "theme": "pink" });
    sweep.record("accountUpdatePrefs", account.update_prefs(prefs).await);
    sweep.record("accountUpdateStatus", account.update_status().await);
    let target = account.create_push_target("<TARGET_ID>", "<IDENTIFIER>");
    let target = target.provider_id("<PROVIDER_ID>").await;
    sweep.record("accountCreatePushTarget", target);
    let target = account
        .update_push_target("<TARGET_ID>", "<IDENTIFIER>")
        .await;
    sweep.record("accountUpdatePushTarget", target);
    let deleted = account.delete_push_target("<TARGET_ID>").await;
    sweep.record("accountDeletePushTarget", deleted);
}

/// Multi-factor authentication.
async fn mfa(client: &Client, sweep: &mut Sweep) {
    let account = client.account();
    sweep.record("accountUpdateMFA", account.update_mfa(false).await);
    let totp = || AuthenticatorType::Totp;
    let created = account.create_mfa_authenticator(totp()).await;
    sweep.record("accountCreateMfaAuthenticator", created);
    let updated = account.update_mfa_authenticator(totp(), "<OTP>").await;
    sweep.record("accountUpdateMfaAuthenticator", updated);
    let deleted = account.delete_mfa_authenticator(totp()).await;
    sweep.record("accountDeleteMfaAuthenticator", deleted);
    let challenge = account
        .create_mfa_challenge(AuthenticationFactor::Email)
        .await;
    sweep.record("accountCreateMfaChallenge", challenge);
    let challenge = account
        .update_mfa_challenge("<CHALLENGE_ID>", "<OTP>")
        .await;
    sweep.record("accountUpdateMfaChallenge", challenge);
    sweep.record("accountListMfaFactors", account.list_mfa_factors().await);
    let codes = account.get_mfa_recovery_codes().await;
    sweep.record("accountGetMfaRecoveryCodes", codes);
    let codes = account.create_mfa_recovery_codes().await;
    sweep.record("accountCreateMfaRecoveryCodes", codes);
    let codes = account.update_mfa_recovery_codes().await;
    sweep.record("accountUpdateMfaRecoveryCodes", codes);
}

/// Sessions: list, create in every way, read, update and delete.
// The sweep calls every operation, the deprecated ones included.
#[allow(deprecated)]
async fn sessions(client: &Client, sweep: &mut Sweep) {
    let account = client.account();
    sweep.record("accountListSessions", account.list_sessions().await);
    sweep.record("accountDeleteSessions", account.delete_sessions().await);
    let anonymous = account.create_anonymous_session().await;
    sweep.record("accountCreateAnonymousSession", anonymous);
    let session = account.create_email_password_session(EMAIL, PASSWORD).await;
    sweep.record("accountCreateEmailPasswordSession", session);
    let session = account
        .update_magic_url_session("<USER_ID>", "<SECRET>")
        .await;
    sweep.record("accountUpdateMagicURLSession", session);
    let session = account.update_phone_session("<USER_ID>", "<SECRET>").await;
    sweep.record("accountUpdatePhoneSession", session);
    let session = account.create_session("<USER_ID>", "<SECRET>").await;
    sweep.record("accountCreateSession", session);
    sweep.record(
        "accountGetSession",
        account.get_session("<SESSION_ID>").await,
    );
    let session = account.update_session("<SESSION_ID>").await;
    sweep.record("accountUpdateSession", session);
    let deleted = account.delete_session("<SESSION_ID>").await;
    sweep.record("accountDeleteSession", deleted);
}

/// Tokens, recovery and verification.
async fn tokens(client: &Client, sweep: &mut Sweep) {
    let account = client.account();
    let recovery = account.create_recovery(EMAIL, URL).await;
    sweep.record("accountCreateRecovery", recovery);
    let recovery = account
        .update_recovery("<USER_ID>", "<SECRET>", PASSWORD)
        .await;
    sweep.record("accountUpdateRecovery", recovery);
    let token = account
        .create_email_token("<USER_ID>", EMAIL)
        .phrase(false)
        .await;
    sweep.record("accountCreateEmailToken", token);
    let token = account
        .create_magic_url_token("<USER_ID>", EMAIL)
        .url_value(URL);
    sweep.record("accountCreateMagicURLToken", token.phrase(true).await);
    let token = account.create_phone_token("<USER_ID>", PHONE).await;
    sweep.record("accountCreatePhoneToken", token);
    let verification = account.create_verification(URL).await;
    sweep.record("accountCreateVerification", verification);
    let verification = account.update_verification("<USER_ID>", "<SECRET>").await;
    sweep.record("accountUpdateVerification", verification);
    let verification = account.create_phone_verification().await;
    sweep.record("accountCreatePhoneVerification", verification);
    let verification = account
        .update_phone_verification("<USER_ID>", "<SECRET>")
        .await;
    sweep.record("accountUpdatePhoneVerification", verification);
}

/// The two OAuth2 operations: the SDK builds the URL, and Prism must accept a GET of it.
async fn web_auth(client: &Client, sweep: &mut Sweep) {
    let account = client.account();
    let session = account.create_o_auth2_session(OAuthProvider::Github);
    let session = session
        .success(URL)
        .failure(URL)
        .scopes(["read:user", "user:email"]);
    let outcome = crate::check_web_auth(session.await).await;
    sweep.record_outcome("accountCreateOAuth2Session", outcome);
    let token = account
        .create_o_auth2_token(OAuthProvider::Amazon)
        .success(URL);
    let outcome = crate::check_web_auth(token.await).await;
    sweep.record_outcome("accountCreateOAuth2Token", outcome);
}
