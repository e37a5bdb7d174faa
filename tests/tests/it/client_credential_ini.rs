//! The credentials libraries' INI file `~/.alibabacloud/credentials` as a source of the
//! default chain: each section type against loopback fakes, section selection, its place in
//! the chain, and the files it refuses.

use std::path::{Path, PathBuf};

use acs_runtime::auth::{DefaultChain, Env, ProvideCredentials};
use acs_tests::{PlainServer, Reply, TestServer};
use serde_json::json;

/// Temporary credentials expiring in an hour, as STS and the metadata service answer them.
fn temporary(id: &str) -> serde_json::Value {
    let expiration = time::OffsetDateTime::now_utc() + time::Duration::hours(1);
    json!({
        "AccessKeyId": id,
        "AccessKeySecret": format!("{id}-secret"),
        "SecurityToken": format!("{id}-token"),
        "Expiration": expiration
            .replace_nanosecond(0)
            .unwrap()
            .format(&time::format_description::well_known::Rfc3339)
            .unwrap(),
    })
}

/// Writes `~/.alibabacloud/credentials` under `home`; its path.
fn write_ini(home: &Path, body: &str) -> PathBuf {
    let dir = home.join(".alibabacloud");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("credentials");
    std::fs::write(&path, body).unwrap();
    path
}

/// The chain over `vars` plus `HOME`, with the instance metadata service switched off.
fn chain(home: &Path, vars: &[(&str, &str)]) -> DefaultChain {
    let mut all = vec![
        ("HOME".to_owned(), home.to_str().unwrap().to_owned()),
        (
            "ALIBABA_CLOUD_ECS_METADATA_DISABLED".to_owned(),
            "true".to_owned(),
        ),
    ];
    all.extend(vars.iter().map(|(k, v)| (k.to_string(), v.to_string())));
    DefaultChain::with_env(Env::from_vars(all))
}

async fn error_of(chain: DefaultChain) -> String {
    chain.provide_credentials().await.unwrap_err().to_string()
}

const SECTIONS: &str = "\
# written by hand
[default]
type = access_key
access_key_id = ak-default
access_key_secret = sk-default

[sts]
enable = true
type = sts
access_key_id = ak-sts
access_key_secret = sk-sts
security_token = token-sts

[off]
enable = false
type = access_key
access_key_id = ak-off
access_key_secret = sk-off
";

#[tokio::test]
async fn access_key_and_sts_sections_chosen_by_the_profile_variable() {
    let home = tempfile::tempdir().unwrap();
    write_ini(home.path(), SECTIONS);
    let found = chain(home.path(), &[]).provide_credentials().await.unwrap();
    assert_eq!(found.access_key_id(), "ak-default");
    assert_eq!(found.security_token(), None);
    let sts = chain(home.path(), &[("ALIBABA_CLOUD_PROFILE", "sts")]);
    let found = sts.provide_credentials().await.unwrap();
    assert_eq!(found.access_key_id(), "ak-sts");
    assert_eq!(found.security_token(), Some("token-sts"));
    let error = error_of(chain(home.path(), &[("ALIBABA_CLOUD_PROFILE", "off")])).await;
    assert!(
        error.contains("section [off] has enable = false"),
        "{error}"
    );
    let error = error_of(chain(home.path(), &[("ALIBABA_CLOUD_PROFILE", "nope")])).await;
    assert!(error.contains("no section [nope]"), "{error}");
}

#[tokio::test]
async fn the_file_variable_overrides_the_home_directory() {
    let home = tempfile::tempdir().unwrap();
    write_ini(home.path(), SECTIONS);
    let elsewhere = tempfile::tempdir().unwrap();
    let path = elsewhere.path().join("creds.ini");
    std::fs::write(
        &path,
        "[default]\ntype=access_key\naccess_key_id=ak-var\naccess_key_secret=s\n",
    )
    .unwrap();
    let vars = [("ALIBABA_CLOUD_CREDENTIALS_FILE", path.to_str().unwrap())];
    let found = chain(home.path(), &vars)
        .provide_credentials()
        .await
        .unwrap();
    assert_eq!(found.access_key_id(), "ak-var");
}

#[tokio::test]
async fn a_ram_role_arn_section_assumes_the_role_with_its_keys() {
    let sts = TestServer::start(&[("ak-src", "sk-src")], |exchange| {
        assert_eq!(exchange.verified.action, "AssumeRole");
        Reply::json(
            200,
            json!({"RequestId": "s", "Credentials": temporary("STS.role")}).to_string(),
        )
    })
    .await;
    let home = tempfile::tempdir().unwrap();
    write_ini(
        home.path(),
        "[default]\ntype = ram_role_arn\naccess_key_id = ak-src\naccess_key_secret = sk-src\n\
         role_arn = acs:ram::1:role/deploy\nrole_session_name = ini-session\n",
    );
    let endpoint = sts.endpoint();
    let found = chain(home.path(), &[("ALIBABA_CLOUD_STS_ENDPOINT", &endpoint)])
        .provide_credentials()
        .await
        .unwrap();
    assert_eq!(found.access_key_id(), "STS.role");
    assert_eq!(found.security_token(), Some("STS.role-token"));
    let assumed = sts.verified();
    assert_eq!(assumed.len(), 1);
    assert_eq!(assumed[0].access_key_id, "ak-src");
    assert_eq!(assumed[0].param("RoleArn"), Some("acs:ram::1:role/deploy"));
    assert_eq!(assumed[0].param("RoleSessionName"), Some("ini-session"));
}

#[tokio::test]
async fn an_ecs_ram_role_section_asks_the_metadata_service_for_its_role() {
    let md =
        PlainServer::start(
            |_, request| match (request.method.as_str(), request.path.as_str()) {
                ("PUT", "/latest/api/token") => Reply::with_type(200, "text/plain", "md-token"),
                ("GET", "/latest/meta-data/ram/security-credentials/IniRole") => {
                    let mut body = temporary("STS.ecs");
                    body["Code"] = json!("Success");
                    Reply::json(200, body.to_string())
                }
                _ => Reply::with_type(404, "text/plain", "not found"),
            },
        )
        .await;
    let home = tempfile::tempdir().unwrap();
    write_ini(
        home.path(),
        "[default]\ntype = ecs_ram_role\nrole_name = IniRole\n",
    );
    let found = chain(home.path(), &[])
        .with_metadata_base_url(md.url())
        .provide_credentials()
        .await
        .unwrap();
    assert_eq!(found.access_key_id(), "STS.ecs");
    let paths: Vec<String> = md.received().iter().map(|r| r.path.clone()).collect();
    assert_eq!(
        paths,
        [
            "/latest/api/token",
            "/latest/meta-data/ram/security-credentials/IniRole"
        ]
    );
}

#[tokio::test]
async fn an_oidc_role_arn_section_assumes_the_role_with_its_token_file() {
    let sts = PlainServer::start(|_, _| {
        Reply::json(
            200,
            json!({"Credentials": temporary("STS.oidc")}).to_string(),
        )
    })
    .await;
    let home = tempfile::tempdir().unwrap();
    let token = home.path().join("token");
    std::fs::write(&token, "eyJ.ini.token").unwrap();
    write_ini(
        home.path(),
        &format!(
            "[default]\ntype = oidc_role_arn\nrole_arn = acs:ram::1:role/pod\n\
             oidc_provider_arn = acs:ram::1:oidc-provider/ack\noidc_token_file_path = {}\n",
            token.display()
        ),
    );
    let url = sts.url();
    let found = chain(home.path(), &[("ALIBABA_CLOUD_STS_ENDPOINT", &url)])
        .provide_credentials()
        .await
        .unwrap();
    assert_eq!(found.access_key_id(), "STS.oidc");
    let request = &sts.received()[0];
    assert!(
        request.raw_query.contains("Action=AssumeRoleWithOIDC"),
        "{}",
        request.raw_query
    );
    let body = std::str::from_utf8(&request.body).unwrap();
    let form = acs_tests::verify::form_decode(body).unwrap();
    assert!(
        form.contains(&("OIDCToken".to_owned(), "eyJ.ini.token".to_owned())),
        "{form:?}"
    );
}

#[tokio::test]
async fn the_file_comes_after_the_cli_profile_and_before_the_instance_role() {
    let home = tempfile::tempdir().unwrap();
    write_ini(home.path(), SECTIONS);
    // The environment first.
    let env_keys = [
        ("ALIBABA_CLOUD_ACCESS_KEY_ID", "ak-env"),
        ("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "sk-env"),
    ];
    let found = chain(home.path(), &env_keys)
        .provide_credentials()
        .await
        .unwrap();
    assert_eq!(found.access_key_id(), "ak-env");
    // The CLI's profile file before the INI file.
    std::fs::create_dir_all(home.path().join(".aliyun")).unwrap();
    std::fs::write(
        home.path().join(".aliyun/config.json"),
        json!({"current": "default", "profiles": [{"name": "default", "mode": "AK",
            "access_key_id": "ak-cli", "access_key_secret": "sk-cli"}]})
        .to_string(),
    )
    .unwrap();
    let found = chain(home.path(), &[]).provide_credentials().await.unwrap();
    assert_eq!(found.access_key_id(), "ak-cli");
    std::fs::remove_file(home.path().join(".aliyun/config.json")).unwrap();
    // The INI file before the instance metadata service, which is never asked.
    let md = PlainServer::start(|_, _| Reply::with_type(500, "text/plain", "not me")).await;
    let both = DefaultChain::with_env(Env::from_vars([("HOME", home.path().to_str().unwrap())]))
        .with_metadata_base_url(md.url());
    assert_eq!(
        both.provide_credentials().await.unwrap().access_key_id(),
        "ak-default"
    );
    assert_eq!(md.connections(), 0);
}

#[tokio::test]
async fn a_malformed_file_is_an_error_naming_the_file_and_line() {
    let home = tempfile::tempdir().unwrap();
    let path = write_ini(
        home.path(),
        "[default]\ntype = access_key\naccess_key_id = ak\naccess_key_secret sk-SECRET\n",
    );
    let error = error_of(chain(home.path(), &[])).await;
    let expected = format!(
        "profile file {}: line 4: expected [section] or key = value",
        path.display()
    );
    assert!(error.contains(&expected), "{error}");
    assert!(!error.contains("sk-SECRET"), "{error}");
    for (body, said) in [
        (
            "[default]\ntype = rsa_key_pair\n",
            "type \"rsa_key_pair\", which this client does not support",
        ),
        (
            "[default]\ntype = sts\naccess_key_id = a\naccess_key_secret = b\n",
            "line 1: section [default] has no security_token",
        ),
        (
            "[default]\naccess_key_id = a\n",
            "section [default] has no type",
        ),
        (
            "[default]\nenable = maybe\ntype = sts\n",
            "enable is true or false",
        ),
    ] {
        write_ini(home.path(), body);
        let error = error_of(chain(home.path(), &[])).await;
        assert!(error.contains(said), "{body:?}: {error}");
    }
}

#[cfg(unix)]
#[tokio::test]
async fn a_fifo_or_an_oversized_file_is_refused_without_being_read() {
    let home = tempfile::tempdir().unwrap();
    let path = write_ini(home.path(), "");
    std::fs::write(&path, vec![b'#'; (1 << 20) + 1]).unwrap();
    let error = error_of(chain(home.path(), &[])).await;
    assert!(error.contains("at most 1048576 are read"), "{error}");
    std::fs::remove_file(&path).unwrap();
    let made = std::process::Command::new("mkfifo")
        .arg(&path)
        .status()
        .unwrap();
    assert!(made.success());
    // A FIFO with no writer would block a reader forever: the test ends only if it is not opened.
    let error = error_of(chain(home.path(), &[])).await;
    assert!(error.contains("not a regular file"), "{error}");
}
