//! Credential sources: environment variables, the CLI profile file, the default chain, redaction.

use std::path::Path;

use acs_runtime::auth::{
    Credentials, CredentialsError, DefaultChain, Env, EnvProvider, Profile, ProfileFile,
    ProvideCredentials,
};

const SECRET: &str = "s3cr3t-never-shown";
const TOKEN: &str = "t0k3n-never-shown";

fn write_profiles(home: &Path, json: &str) {
    let dir = home.join(".aliyun");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("config.json"), json).unwrap();
}

fn profiles_file() -> String {
    format!(
        r#"{{
  "current": "main",
  "profiles": [
    {{"name": "main", "mode": "AK", "access_key_id": "ak-main", "access_key_secret": "{SECRET}",
      "region_id": "cn-shanghai", "output_format": "json"}},
    {{"name": "sts", "mode": "StsToken", "access_key_id": "ak-sts", "access_key_secret": "{SECRET}",
      "sts_token": "{TOKEN}", "region_id": "eu-central-1"}},
    {{"name": "role", "mode": "RamRoleArn", "access_key_id": "ak-role",
      "access_key_secret": "{SECRET}", "ram_role_arn": "acs:ram::1:role/x"}}
  ],
  "meta_path": ""
}}"#
    )
}

fn home_env(home: &Path, extra: &[(&str, &str)]) -> Env {
    let mut vars = vec![("HOME".to_owned(), home.display().to_string())];
    vars.extend(extra.iter().map(|(k, v)| (k.to_string(), v.to_string())));
    Env::from_vars(vars)
}

#[test]
fn env_provider_reads_keys_and_optional_token() {
    let env = Env::from_vars([
        ("ALIBABA_CLOUD_ACCESS_KEY_ID", "ak-env"),
        ("ALIBABA_CLOUD_ACCESS_KEY_SECRET", SECRET),
    ]);
    let credentials = EnvProvider::new(env).load().unwrap();
    assert_eq!(credentials, Credentials::new("ak-env", SECRET));

    let env = Env::from_vars([
        ("ALIBABA_CLOUD_ACCESS_KEY_ID", "ak-env"),
        ("ALIBABA_CLOUD_ACCESS_KEY_SECRET", SECRET),
        ("ALIBABA_CLOUD_SECURITY_TOKEN", TOKEN),
    ]);
    let credentials = EnvProvider::new(env).load().unwrap();
    assert_eq!(credentials.security_token(), Some(TOKEN));

    let half = Env::from_vars([("ALIBABA_CLOUD_ACCESS_KEY_ID", "ak-env")]);
    assert!(EnvProvider::new(half).load().is_none());
    let empty = Env::from_vars([
        ("ALIBABA_CLOUD_ACCESS_KEY_ID", "ak-env"),
        ("ALIBABA_CLOUD_ACCESS_KEY_SECRET", ""),
    ]);
    assert!(EnvProvider::new(empty).load().is_none(), "empty is unset");
}

/// The credentials a profile's provider gives.
async fn credentials_of(profile: &Profile) -> Credentials {
    let provider = profile.credentials_provider().unwrap();
    provider.provide_credentials().await.unwrap()
}

#[tokio::test]
async fn profile_file_current_named_and_sts_profiles() {
    let home = tempfile::tempdir().unwrap();
    write_profiles(home.path(), &profiles_file());

    let current = ProfileFile::from_env(&home_env(home.path(), &[]))
        .load()
        .unwrap()
        .unwrap();
    assert_eq!(
        credentials_of(&current).await,
        Credentials::new("ak-main", SECRET)
    );
    assert_eq!(current.region_id(), Some("cn-shanghai"));

    let env = home_env(home.path(), &[("ALIBABA_CLOUD_PROFILE", "sts")]);
    let sts = ProfileFile::from_env(&env).load().unwrap().unwrap();
    assert_eq!(
        credentials_of(&sts).await,
        Credentials::sts("ak-sts", SECRET, TOKEN)
    );
    assert_eq!(sts.region_id(), Some("eu-central-1"));
    assert_eq!(sts.mode(), "StsToken");

    let path = home.path().join(".aliyun/config.json");
    let named = ProfileFile::new(&path)
        .with_profile("sts")
        .load()
        .unwrap()
        .unwrap();
    assert_eq!(credentials_of(&named).await.access_key_id(), "ak-sts");
}

#[test]
fn unusable_profiles_are_errors_that_quote_no_secret() {
    let home = tempfile::tempdir().unwrap();
    write_profiles(home.path(), &profiles_file());
    let path = home.path().join(".aliyun/config.json");
    let error = ProfileFile::new(&path)
        .with_profile("missing")
        .load()
        .unwrap_err();
    assert!(error.to_string().contains("missing"), "{error}");
    write_profiles(
        home.path(),
        &format!(
            r#"{{"profiles":[{{"name":"sso","mode":"CloudSSO","access_key_secret":"{SECRET}"}},
                {{"name":"cut","mode":"RamRoleArn","access_key_id":"a","access_key_secret":"{SECRET}"}}]}}"#
        ),
    );
    for (name, why) in [("sso", "mode \"CloudSSO\""), ("cut", "has no ram_role_arn")] {
        let profile = ProfileFile::new(&path)
            .with_profile(name)
            .load()
            .unwrap()
            .unwrap();
        let Err(error) = profile.credentials_provider() else {
            panic!("{name} has no credentials")
        };
        assert!(
            matches!(error, CredentialsError::InvalidProfile { .. }),
            "{error}"
        );
        assert!(error.to_string().contains(why), "{error}");
        assert!(!format!("{error} {error:?} {profile:?}").contains(SECRET));
    }
    // A file cut short right after the secret.
    let text = profiles_file();
    let cut = text.find(SECRET).unwrap() + SECRET.len() + 2;
    write_profiles(home.path(), &text[..cut]);
    let error = ProfileFile::new(&path).load().unwrap_err();
    assert!(error.to_string().contains("not valid JSON"), "{error}");
    assert!(!format!("{error} {error:?}").contains(SECRET));
    // An AK profile without its secret.
    write_profiles(
        home.path(),
        r#"{"current":"a","profiles":[{"name":"a","mode":"AK","access_key_id":"x"}]}"#,
    );
    let profile = ProfileFile::new(&path).load().unwrap().unwrap();
    let Err(error) = profile.credentials_provider() else {
        panic!("an AK profile without a secret")
    };
    assert!(
        error.to_string().contains("has no access_key_secret"),
        "{error}"
    );
}

#[test]
fn missing_profile_file_is_not_an_error() {
    let home = tempfile::tempdir().unwrap();
    assert!(
        ProfileFile::from_env(&home_env(home.path(), &[]))
            .load()
            .unwrap()
            .is_none()
    );
    assert!(
        ProfileFile::from_env(&Env::from_vars::<&str, &str>([]))
            .load()
            .unwrap()
            .is_none()
    );
}

#[tokio::test]
async fn default_chain_prefers_env_then_profile_and_keeps_what_it_found() {
    let home = tempfile::tempdir().unwrap();
    write_profiles(home.path(), &profiles_file());

    let env = home_env(
        home.path(),
        &[
            ("ALIBABA_CLOUD_ACCESS_KEY_ID", "ak-env"),
            ("ALIBABA_CLOUD_ACCESS_KEY_SECRET", SECRET),
        ],
    );
    let from_env = DefaultChain::with_env(env)
        .provide_credentials()
        .await
        .unwrap();
    assert_eq!(from_env.access_key_id(), "ak-env");

    let chain = DefaultChain::with_env(home_env(home.path(), &[]));
    let from_profile = chain.provide_credentials().await.unwrap();
    assert_eq!(from_profile.access_key_id(), "ak-main");
    std::fs::remove_file(home.path().join(".aliyun/config.json")).unwrap();
    let again = chain.provide_credentials().await.unwrap();
    assert_eq!(again, from_profile, "the file is read once");

    let nowhere = DefaultChain::with_env(home_env(
        home.path(),
        &[("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "true")],
    ));
    let error = nowhere.provide_credentials().await.unwrap_err();
    let text = error.to_string();
    assert!(
        text.contains("ALIBABA_CLOUD_ACCESS_KEY_ID") && text.contains("config.json"),
        "{text}"
    );
}

#[tokio::test]
async fn debug_never_shows_secrets_or_tokens() {
    let credentials = Credentials::sts("ak-visible", SECRET, TOKEN);
    let env = Env::from_vars([
        ("ALIBABA_CLOUD_ACCESS_KEY_ID", "ak-visible"),
        ("ALIBABA_CLOUD_ACCESS_KEY_SECRET", SECRET),
        ("ALIBABA_CLOUD_SECURITY_TOKEN", TOKEN),
    ]);
    let chain = DefaultChain::with_env(env.clone());
    chain.provide_credentials().await.unwrap();
    for shown in [
        format!("{credentials:?}"),
        format!("{credentials:#?}"),
        format!("{env:?}"),
        format!("{chain:?}"),
        format!("{:?}", EnvProvider::new(env.clone())),
    ] {
        assert!(!shown.contains(SECRET) && !shown.contains(TOKEN), "{shown}");
    }
    assert!(format!("{credentials:?}").contains("ak-visible"));
    assert!(format!("{env:?}").contains("ALIBABA_CLOUD_ACCESS_KEY_SECRET"));
}
