//! Runs `acs` in-process over the command data of Vpc and of the REST products, with an injected environment and captured output.

use std::path::Path;

mod rest_products;
pub use rest_products::{CS, ELASTICSEARCH, FC, REST_PRODUCTS, SAE};

use acs_cli::Product;
use acs_runtime::auth::{ACCESS_KEY_ID_VAR, ACCESS_KEY_SECRET_VAR, Env, SECURITY_TOKEN_VAR};
use acs_tests::{Reply, TestServer};

/// Vpc, from the command data the generator wrote for the `acs` crate.
pub static VPC: Product = Product::new(
    "vpc",
    "Alibaba Cloud Virtual Private Cloud (VPC)",
    "2016-04-28",
    include_str!("../../../../../generated/acs/data/vpc.json"),
);

/// The products the tests' `acs` knows.
pub static PRODUCTS: [&Product; 1] = [&VPC];

/// The key pair in the environment.
pub const ENV_KEY: (&str, &str) = ("ak-env", "sk-env-SECRET");
/// The key pair in the profile file.
pub const FILE_KEY: (&str, &str) = ("ak-file", "sk-file-SECRET");
/// An STS token.
pub const TOKEN: &str = "sts-TOKEN-SECRET";

/// What a run of `acs` gave.
#[derive(Debug)]
pub struct Outcome {
    /// The exit status.
    pub status: i32,
    /// Everything written to stdout.
    pub stdout: String,
    /// Everything written to stderr.
    pub stderr: String,
}

/// Runs `acs args...` with exactly the variables `env`.
pub async fn acs(args: &[&str], env: &[(&str, &str)]) -> Outcome {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let args = args.iter().map(|a| a.to_string()).collect();
    let env = Env::from_vars(env.iter().copied());
    let status = acs_cli::run(&PRODUCTS, args, env, &mut out, &mut err).await;
    let outcome = Outcome {
        status,
        stdout: String::from_utf8(out).expect("stdout is UTF-8"),
        stderr: String::from_utf8(err).expect("stderr is UTF-8"),
    };
    for secret in [ENV_KEY.1, FILE_KEY.1, TOKEN] {
        assert!(
            !outcome.stdout.contains(secret) && !outcome.stderr.contains(secret),
            "a secret was printed: {outcome:#?}"
        );
    }
    outcome
}

/// The environment with the key pair [`ENV_KEY`].
pub fn env_keys() -> Vec<(&'static str, &'static str)> {
    vec![
        (ACCESS_KEY_ID_VAR, ENV_KEY.0),
        (ACCESS_KEY_SECRET_VAR, ENV_KEY.1),
    ]
}

/// The environment with [`ENV_KEY`] and [`TOKEN`].
pub fn env_sts() -> Vec<(&'static str, &'static str)> {
    let mut env = env_keys();
    env.push((SECURITY_TOKEN_VAR, TOKEN));
    env
}

/// A server that knows both key pairs and answers every request with `reply`.
pub async fn server(reply: Reply) -> TestServer {
    TestServer::start(&[ENV_KEY, FILE_KEY], move |_| reply.clone()).await
}

/// A server answering `{"RequestId": "R-1", "Done": true}`.
pub async fn ok_server() -> TestServer {
    server(Reply::json(200, r#"{"RequestId":"R-1","Done":true}"#)).await
}

/// Writes `~/.aliyun/config.json` under `home`.
pub fn write_profiles(home: &Path, body: &str) {
    std::fs::create_dir_all(home.join(".aliyun")).unwrap();
    std::fs::write(home.join(".aliyun/config.json"), body).unwrap();
}

/// Decoded pairs sorted, without the generated `ClientToken`.
pub fn sorted_without_token(pairs: &[(String, String)]) -> Vec<(String, String)> {
    let mut pairs: Vec<_> = pairs
        .iter()
        .filter(|(k, _)| k != "ClientToken")
        .cloned()
        .collect();
    pairs.sort();
    pairs
}

/// Owned pairs from string pairs.
pub fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}
