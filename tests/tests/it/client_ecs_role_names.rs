//! ECS role names, configured or listed by the metadata service, are checked before they go
//! into a metadata URL: no other metadata path is ever asked for.

use acs_runtime::auth::{EcsRamRole, Env, ProvideCredentials};
use acs_tests::{PlainServer, Reply};

const HOSTILE: &[&str] = &[
    "../../latest/user-data",
    "..",
    ".",
    "a/b",
    "role?x=1",
    "role#x",
    "role%2F..",
    "rôle",
    "",
];

/// A metadata service listing `listed` as the instance's role.
async fn metadata(listed: &'static str) -> PlainServer {
    PlainServer::start(
        move |_, request| match (request.method.as_str(), request.path.as_str()) {
            ("PUT", "/latest/api/token") => Reply::with_type(200, "text/plain", "md-token"),
            ("GET", "/latest/meta-data/ram/security-credentials/") => {
                Reply::with_type(200, "text/plain", listed)
            }
            _ => Reply::with_type(200, "text/plain", "user-data: secrets"),
        },
    )
    .await
}

fn paths(md: &PlainServer) -> Vec<String> {
    md.received().iter().map(|r| r.path.clone()).collect()
}

fn env() -> Env {
    Env::from_vars([("HOME", "/nonexistent")])
}

#[tokio::test]
async fn a_configured_role_name_that_is_no_ram_role_name_is_refused_before_any_url() {
    let too_long = "r".repeat(65);
    for name in HOSTILE.iter().copied().chain([too_long.as_str()]) {
        let md = metadata("EcsRole\n").await;
        let error = EcsRamRole::new(&env())
            .with_role_name(name)
            .with_base_url(md.url())
            .provide_credentials()
            .await
            .unwrap_err()
            .to_string();
        assert!(
            error.contains("is not a RAM role name"),
            "{name:?}: {error}"
        );
        assert_eq!(paths(&md), ["/latest/api/token"], "{name:?}");
    }
}

#[tokio::test]
async fn a_listed_role_name_that_is_no_ram_role_name_is_refused_before_any_url() {
    for name in ["../../latest/user-data", "..", "a/b"] {
        let md = metadata(name).await;
        let error = EcsRamRole::new(&env())
            .with_base_url(md.url())
            .provide_credentials()
            .await
            .unwrap_err()
            .to_string();
        assert!(
            error.contains("is not a RAM role name"),
            "{name:?}: {error}"
        );
        assert_eq!(
            paths(&md),
            [
                "/latest/api/token",
                "/latest/meta-data/ram/security-credentials/"
            ],
            "{name:?}"
        );
    }
}
