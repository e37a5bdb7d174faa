//! Options of the official `aliyun` CLI: keys on the command line, timeouts, extra headers,
//! an API version override.

use std::fmt;
use std::time::Duration;

use acs_runtime::auth::{Credentials, ExtraHeaders};
use acs_runtime::client::ProductInfo;

/// The version `acs --version` and `acs version` print.
pub(crate) const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The profile modes whose keys can be given on the command line.
const LINE_MODES: [&str; 2] = ["AK", "StsToken"];

/// The largest timeout accepted, in seconds.
const MAX_TIMEOUT_SECONDS: u64 = 3600;

/// A secret given on the command line: never shown by `Debug`.
#[derive(Clone, Default, PartialEq, Eq)]
pub(crate) struct Secret(pub String);

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

/// The aliyun-compatible options of one command line.
#[derive(Debug, Default)]
pub(crate) struct Compat {
    /// `--access-key-id`.
    pub access_key_id: Option<String>,
    /// `--access-key-secret`.
    pub access_key_secret: Option<Secret>,
    /// `--sts-token`.
    pub sts_token: Option<Secret>,
    /// `--mode`, as given.
    pub mode: Option<String>,
    /// `--read-timeout`: the limit of each attempt.
    pub read_timeout: Option<Duration>,
    /// `--connect-timeout`: how long connecting may take.
    pub connect_timeout: Option<Duration>,
    /// `--header`, each one.
    pub headers: ExtraHeaders,
    /// `--version <API version>`.
    pub api_version: Option<String>,
    /// `--force`: send with an API version other than the data's.
    pub force: bool,
    /// `--version` without a value: print the version of `acs`.
    pub show_version: bool,
}

impl Compat {
    /// The credentials given on the command line, `None` without any; an error when they
    /// are incomplete or `--mode` asks for what keys on a command line cannot give.
    pub fn credentials(&self) -> Result<Option<Credentials>, String> {
        let id = self.access_key_id.as_deref();
        let secret = self.access_key_secret.as_ref().map(|s| s.0.as_str());
        let token = self.sts_token.as_ref().map(|s| s.0.as_str());
        let mode = match self.mode.as_deref() {
            None if id.is_none() && secret.is_none() && token.is_none() => return Ok(None),
            None if token.is_some() => "StsToken",
            None => "AK",
            Some(mode) => LINE_MODES
                .into_iter()
                .find(|m| m.eq_ignore_ascii_case(mode))
                .ok_or_else(|| {
                    format!(
                        "--mode {mode}: only AK and StsToken take their keys from the command line; \
                         configure a {mode} profile in ~/.aliyun/config.json and give --profile <name>"
                    )
                })?,
        };
        let needs = |what: &str| {
            format!(
                "--mode {mode} needs {what}: --access-key-id <id> --access-key-secret <secret>{}",
                if mode == "StsToken" {
                    " --sts-token <token>"
                } else {
                    ""
                }
            )
        };
        let (Some(id), Some(secret)) = (id, secret) else {
            return Err(needs("both keys"));
        };
        match (mode, token) {
            ("AK", None) => Ok(Some(Credentials::new(id, secret))),
            ("AK", Some(_)) => Err("--sts-token is for --mode StsToken, not AK".to_owned()),
            (_, Some(token)) => Ok(Some(Credentials::sts(id, secret, token))),
            (_, None) => Err(needs("an STS token")),
        }
    }

    /// `product` as the call sees it: with `--version --force`, its info with that version.
    pub fn product_info(
        &self,
        info: &'static ProductInfo,
        command: &str,
    ) -> Result<&'static ProductInfo, String> {
        let Some(version) = self.api_version.as_deref().filter(|v| *v != info.version) else {
            if self.force {
                return Err("--force is only used with --version <API version>".to_owned());
            }
            return Ok(info);
        };
        if !self.force {
            return Err(format!(
                "acs {command} knows API version {} only; add --force to send this call with \
                 version {version} (its parameters are still checked against {}, unless --no-validate)",
                info.version, info.version
            ));
        }
        // One per process, for its life, like the product data it is made from.
        let version: &'static str = Box::leak(version.to_owned().into_boxed_str());
        Ok(Box::leak(Box::new(ProductInfo { version, ..*info })))
    }
}

/// Records one aliyun-compatible option; `false` when `name` is not one of them.
pub(crate) fn set(compat: &mut Compat, name: &str, value: Option<String>) -> Result<bool, String> {
    match (name, value) {
        ("access-key-id", Some(v)) => compat.access_key_id = Some(v),
        ("access-key-secret", Some(v)) => compat.access_key_secret = Some(Secret(v)),
        ("sts-token", Some(v)) => compat.sts_token = Some(Secret(v)),
        ("mode", Some(v)) => compat.mode = Some(v),
        ("read-timeout", Some(v)) => compat.read_timeout = Some(seconds(name, &v)?),
        ("connect-timeout", Some(v)) => compat.connect_timeout = Some(seconds(name, &v)?),
        ("header", Some(v)) => compat.headers = header(std::mem::take(&mut compat.headers), &v)?,
        ("version", Some(v)) => compat.api_version = Some(api_version(&v)?),
        ("version", None) => compat.show_version = true,
        ("force", None) => compat.force = true,
        ("skip-secure-verify", None) => {
            return Err(
                "--skip-secure-verify is refused: acs always verifies TLS certificates. \
                 To trust a private CA or a TLS-inspecting proxy, add its certificate instead: \
                 set SSL_CERT_FILE=<file.pem> (or give --ca-file <file.pem>)"
                    .to_owned(),
            );
        }
        _ => return Ok(false),
    }
    Ok(true)
}

/// A whole number of seconds from 1 to [`MAX_TIMEOUT_SECONDS`].
fn seconds(name: &str, value: &str) -> Result<Duration, String> {
    value
        .parse::<u64>()
        .ok()
        .filter(|s| (1..=MAX_TIMEOUT_SECONDS).contains(s))
        .map(Duration::from_secs)
        .ok_or_else(|| {
            format!("--{name} is a whole number of seconds from 1 to {MAX_TIMEOUT_SECONDS}, got {value:?}")
        })
}

/// `headers` and the header of `--header Name=value`.
fn header(headers: ExtraHeaders, field: &str) -> Result<ExtraHeaders, String> {
    let Some((name, value)) = field.split_once('=') else {
        return Err(format!("--header takes Name=value, got {field:?}"));
    };
    let name = name.trim().to_ascii_lowercase();
    acs_runtime::auth::check_header_name(&name).map_err(|e| format!("--header: {e}"))?;
    // Checked: a few names per process, kept for its life like the command line.
    let name: &'static str = Box::leak(name.into_boxed_str());
    headers
        .with(name, value)
        .map_err(|e| format!("--header: {e}"))
}

/// An API version: `YYYY-MM-DD` as the products name theirs.
fn api_version(value: &str) -> Result<String, String> {
    let b = value.as_bytes();
    let shaped = b.len() == 10
        && b.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        });
    if shaped {
        Ok(value.to_owned())
    } else {
        Err(format!(
            "--version takes an API version such as 2016-04-28, got {value:?}"
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn compat(pairs: &[(&str, Option<&str>)]) -> Result<Compat, String> {
        let mut compat = Compat::default();
        for (name, value) in pairs {
            assert!(set(&mut compat, name, value.map(str::to_owned))?, "{name}");
        }
        Ok(compat)
    }

    #[test]
    fn keys_and_modes() {
        let sts = compat(&[
            ("access-key-id", Some("id")),
            ("access-key-secret", Some("s")),
            ("sts-token", Some("t")),
        ])
        .unwrap();
        let credentials = sts.credentials().unwrap().unwrap();
        assert_eq!(credentials.security_token(), Some("t"));
        assert!(!format!("{sts:?}").contains("\"s\""), "{sts:?}");
        let ak = compat(&[
            ("mode", Some("ak")),
            ("access-key-id", Some("id")),
            ("access-key-secret", Some("s")),
        ]);
        assert_eq!(
            ak.unwrap().credentials().unwrap().unwrap().security_token(),
            None
        );
        let missing = compat(&[
            ("mode", Some("StsToken")),
            ("access-key-id", Some("id")),
            ("access-key-secret", Some("s")),
        ]);
        assert!(
            missing
                .unwrap()
                .credentials()
                .unwrap_err()
                .contains("needs an STS token")
        );
        let role = compat(&[("mode", Some("RamRoleArn"))])
            .unwrap()
            .credentials()
            .unwrap_err();
        assert!(role.contains("only AK and StsToken"), "{role}");
        assert!(Compat::default().credentials().unwrap().is_none());
    }

    #[test]
    fn values_are_checked() {
        for (name, value, said) in [
            ("read-timeout", "0", "from 1 to 3600"),
            ("connect-timeout", "2.5", "whole number"),
            ("header", "novalue", "Name=value"),
            ("header", "Host=h", "written by the client"),
            ("header", "X-Acs-Date=d", "x-acs-*"),
            ("version", "latest", "such as 2016-04-28"),
        ] {
            let error = compat(&[(name, Some(value))]).unwrap_err();
            assert!(error.contains(said), "{name} {value}: {error}");
        }
        let error = compat(&[("skip-secure-verify", None)]).unwrap_err();
        assert!(error.contains("SSL_CERT_FILE"), "{error}");
    }
}
