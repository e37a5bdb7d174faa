//! Global options: region, profile, endpoint, signature version, validation switches, waiting,
//! output shaping.

use std::net::IpAddr;

use acs_runtime::auth::SignatureVersion;

/// One global option, for parsing, help, suggestions and completions.
pub(crate) struct GlobalOption {
    /// The long name, without `--`.
    pub name: &'static str,
    /// The value's placeholder; `None` for a switch.
    pub value: Option<&'static str>,
    /// Whether the option takes zero or more `key=value` arguments instead of one value.
    pub fields: bool,
    /// Possible values, for completions.
    pub values: &'static [&'static str],
    /// One line of help.
    pub help: &'static str,
}

/// Where the body of a REST call comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum BodySource {
    /// `--body`: the text on the command line.
    Text(String),
    /// `--body-file`: the bytes of a file.
    File(std::path::PathBuf),
}

/// Every global option, in help order. Each may appear anywhere after `acs`.
pub(crate) const GLOBAL_OPTIONS: &[GlobalOption] = &[
    GlobalOption {
        name: "region",
        value: Some("<RegionId>"),
        fields: false,
        values: &[],
        help: "Region to call; else --RegionId, else ALIBABA_CLOUD_REGION_ID, else the profile's region_id",
    },
    GlobalOption {
        name: "profile",
        value: Some("<name>"),
        fields: false,
        values: &[],
        help: "Profile of ~/.aliyun/config.json to use (like ALIBABA_CLOUD_PROFILE); also -p",
    },
    GlobalOption {
        name: "endpoint",
        value: Some("<URL>"),
        fields: false,
        values: &[],
        help: "Endpoint instead of the region's; http:// only for loopback addresses",
    },
    GlobalOption {
        name: "ca-file",
        value: Some("<PATH>"),
        fields: false,
        values: &[],
        help: "Trust the CA certificates of this PEM file too (SSL_CERT_FILE / SSL_CERT_DIR replace the system's)",
    },
    GlobalOption {
        name: "proxy",
        value: Some("<URL>"),
        fields: false,
        values: &[],
        help: "Send every request through this proxy, http://user:password@host:port (else HTTPS_PROXY for https)",
    },
    GlobalOption {
        name: "body",
        value: Some("<JSON or text>"),
        fields: false,
        values: &[],
        help: "The request body of a REST operation, as sent: its JSON object, array or text (instead of its body parameters)",
    },
    GlobalOption {
        name: "body-file",
        value: Some("<PATH>"),
        fields: false,
        values: &[],
        help: "The request body of a REST operation read from a file (bytes for a binary body)",
    },
    GlobalOption {
        name: "signature-version",
        value: Some("<v3|v1>"),
        fields: false,
        values: &["v3", "v1"],
        help: "Signature: ACS3-HMAC-SHA256 (v3, the default) or HMAC-SHA1 (v1)",
    },
    GlobalOption {
        name: "validate-only",
        value: None,
        fields: false,
        values: &[],
        help: "Validate and print the request that would be sent (signature redacted); send nothing",
    },
    GlobalOption {
        name: "dryrun",
        value: None,
        fields: false,
        values: &[],
        help: "Same as --validate-only (the official CLI's name); no credentials needed",
    },
    GlobalOption {
        name: "no-validate",
        value: None,
        fields: false,
        values: &[],
        help: "Skip the spec's checks and send values it does not know; the service decides",
    },
    GlobalOption {
        name: "retries",
        value: Some("<N>"),
        fields: false,
        values: &[],
        help: "Attempts after the first when a retry is safe (default 2; only idempotent calls after an ambiguous failure)",
    },
    GlobalOption {
        name: "no-retry",
        value: None,
        fields: false,
        values: &[],
        help: "Send once: no retry at all (same as --retries 0)",
    },
    GlobalOption {
        name: "wait",
        value: None,
        fields: false,
        values: &[],
        help: "After the call, poll until its work is done (every ACS_WAIT_INTERVAL_MS ms if set)",
    },
    GlobalOption {
        name: "waiter",
        value: Some("expr=<path> to=<value>"),
        fields: true,
        values: &[],
        help: "Call again until the JMESPath expression gives the value (also timeout=<s>, default 180, interval=<s>, default 5)",
    },
    GlobalOption {
        name: "pager",
        value: Some("[path=<items>]"),
        fields: true,
        values: &[],
        help: "Call page after page and print every item in one response (also PageNumber=, PageSize=, NextToken=: parameter names; defaults from the API; max-pages=, default 1000, max-items=, default 100000, max-bytes=, default 100 MiB)",
    },
    GlobalOption {
        name: "output",
        value: Some("cols=<A,B> [rows=<path>]"),
        fields: true,
        values: &[],
        help: "Print a table: columns by name, rows selected by a JMESPath expression (num=true numbers them)",
    },
    GlobalOption {
        name: "quiet",
        value: None,
        fields: false,
        values: &[],
        help: "Print nothing on success: the exit status says it",
    },
    GlobalOption {
        name: "cli-dry-run",
        value: None,
        fields: false,
        values: &[],
        help: "Same as --validate-only (the official CLI's name)",
    },
    GlobalOption {
        name: "access-key-id",
        value: Some("<id>"),
        fields: false,
        values: &[],
        help: "AccessKeyId to sign with instead of the credentials chain (with --access-key-secret)",
    },
    GlobalOption {
        name: "access-key-secret",
        value: Some("<secret>"),
        fields: false,
        values: &[],
        help: "AccessKeySecret of --access-key-id (visible to other users in the process list: prefer the environment)",
    },
    GlobalOption {
        name: "sts-token",
        value: Some("<token>"),
        fields: false,
        values: &[],
        help: "STS security token of the keys on the command line (mode StsToken)",
    },
    GlobalOption {
        name: "mode",
        value: Some("<AK|StsToken>"),
        fields: false,
        values: &["AK", "StsToken"],
        help: "Mode of the keys on the command line: AK, or StsToken with --sts-token; other modes need a profile",
    },
    GlobalOption {
        name: "read-timeout",
        value: Some("<seconds>"),
        fields: false,
        values: &[],
        help: "Limit of each attempt in seconds, connecting, sending and reading the answer (default 15)",
    },
    GlobalOption {
        name: "connect-timeout",
        value: Some("<seconds>"),
        fields: false,
        values: &[],
        help: "Checked for compatibility; connecting is bounded by --read-timeout",
    },
    GlobalOption {
        name: "retry-count",
        value: Some("<N>"),
        fields: false,
        values: &[],
        help: "Same as --retries (the official CLI's name)",
    },
    GlobalOption {
        name: "header",
        value: Some("<Name=value>"),
        fields: false,
        values: &[],
        help: "Extra header to send and sign; repeatable; not one the client writes (Host, Authorization, Date, Content-*, x-acs-*)",
    },
    GlobalOption {
        name: "version",
        value: Some("<API version>"),
        fields: false,
        values: &[],
        help: "With --force, call this API version instead of the product's; alone, print the version of acs",
    },
    GlobalOption {
        name: "force",
        value: None,
        fields: false,
        values: &[],
        help: "Allow --version to name an API version the command data was not made from",
    },
    GlobalOption {
        name: "skip-secure-verify",
        value: None,
        fields: false,
        values: &[],
        help: "Refused: certificates are always verified; trust a CA with SSL_CERT_FILE instead",
    },
];

/// Global options whose value may be missing: `--version` alone prints the version.
pub(crate) const OPTIONAL_VALUE: &[&str] = &["version"];

/// Global options that may be given more than once.
const REPEATABLE: &[&str] = &["header"];

/// The global options of one command line.
#[derive(Debug, Default)]
pub(crate) struct Options {
    /// `--region`.
    pub region: Option<String>,
    /// `--profile`.
    pub profile: Option<String>,
    /// `--endpoint`, checked: plain `http://` only to a loopback host.
    pub endpoint: Option<String>,
    /// `--ca-file`.
    pub ca_file: Option<String>,
    /// `--proxy`.
    pub proxy: Option<String>,
    /// `--body` or `--body-file`.
    pub body: Option<BodySource>,
    /// `--signature-version`.
    pub signature_version: SignatureVersion,
    /// `--validate-only`.
    pub validate_only: bool,
    /// `--no-validate`.
    pub no_validate: bool,
    /// `--retries N` (`Some(0)` for `--no-retry`): attempts after the first.
    pub retries: Option<u32>,
    /// `--wait`.
    pub wait: bool,
    /// `--waiter`.
    pub waiter: Option<crate::poll::Poll>,
    /// `--pager`.
    pub pager: Option<crate::pager::PagerSpec>,
    /// `--output`.
    pub output: Option<crate::table::Table>,
    /// `--quiet`.
    pub quiet: bool,
    /// The official CLI's options.
    pub compat: crate::compat::Compat,
    given: Vec<&'static str>,
}

impl Options {
    /// Records `--<option.name> [value]`; `value` is `Some` exactly when the option takes one.
    pub fn set(
        &mut self,
        option: &'static GlobalOption,
        value: Option<String>,
    ) -> Result<(), String> {
        if self.given.contains(&option.name) && !REPEATABLE.contains(&option.name) {
            return Err(format!("--{} given twice", option.name));
        }
        self.given.push(option.name);
        if crate::compat::set(&mut self.compat, option.name, value.clone())? {
            return Ok(());
        }
        match (option.name, value) {
            ("region", Some(v)) => self.region = Some(v),
            ("profile", Some(v)) => self.profile = Some(v),
            ("endpoint", Some(v)) => {
                check_endpoint(&v)?;
                self.endpoint = Some(v);
            }
            ("ca-file", Some(v)) => self.ca_file = Some(v),
            ("body" | "body-file", Some(v)) => {
                if self.body.is_some() {
                    return Err("--body and --body-file are one body: give one of them".to_owned());
                }
                self.body = Some(match option.name {
                    "body" => BodySource::Text(v),
                    _ => BodySource::File(v.into()),
                });
            }
            ("proxy", Some(v)) => self.proxy = Some(v),
            ("signature-version", Some(v)) => {
                self.signature_version = match v.to_ascii_lowercase().as_str() {
                    "v3" => SignatureVersion::V3,
                    "v1" => SignatureVersion::V1,
                    _ => return Err(format!("--signature-version must be v3 or v1, got {v:?}")),
                }
            }
            ("validate-only" | "dryrun" | "cli-dry-run", None) => self.validate_only = true,
            ("quiet", None) => self.quiet = true,
            ("no-validate", None) => self.no_validate = true,
            ("retries" | "retry-count", Some(v)) => {
                let n = v.parse::<u32>().ok().filter(|n| *n <= 10).ok_or_else(|| {
                    format!(
                        "--{} must be a whole number from 0 to 10, got {v:?}",
                        option.name
                    )
                })?;
                self.set_retries(n)?;
            }
            ("no-retry", None) => self.set_retries(0)?,
            ("wait", None) => self.wait = true,
            (name, _) => unreachable!("global option --{name} parsed against its table entry"),
        }
        Ok(())
    }
}

impl Options {
    /// Records `--<option.name> key=value...`, an option taking fields.
    pub fn set_fields(
        &mut self,
        option: &'static GlobalOption,
        fields: &[String],
    ) -> Result<(), String> {
        if self.given.contains(&option.name) {
            return Err(format!("--{} given twice", option.name));
        }
        self.given.push(option.name);
        let fields = crate::fields::Fields::parse(option.name, fields)?;
        match option.name {
            "waiter" => self.waiter = Some(crate::poll::Poll::from_fields(fields)?),
            "pager" => self.pager = Some(crate::pager::PagerSpec::from_fields(fields)?),
            "output" => self.output = Some(crate::table::Table::from_fields(fields)?),
            name => unreachable!("--{name} takes no fields"),
        }
        Ok(())
    }

    fn set_retries(&mut self, n: u32) -> Result<(), String> {
        if self.retries.is_some() {
            // --retry-count is --retries under the official CLI's name.
            return Err("--retries and --no-retry exclude each other".to_owned());
        }
        self.retries = Some(n);
        Ok(())
    }
}

/// The global option called `name`.
pub(crate) fn global_option(name: &str) -> Option<&'static GlobalOption> {
    GLOBAL_OPTIONS.iter().find(|o| o.name == name)
}

/// Refuses a plain-HTTP endpoint unless its host is on this machine, so that requests and
/// their signatures never cross a network unencrypted.
fn check_endpoint(endpoint: &str) -> Result<(), String> {
    let Some(rest) = strip_prefix_ignore_case(endpoint, "http://") else {
        return Ok(());
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host = match authority.strip_prefix('[') {
        Some(bracketed) => bracketed.split(']').next().unwrap_or_default(),
        None => authority
            .rsplit_once(':')
            .map_or(authority, |(host, _)| host),
    };
    let loopback = host.eq_ignore_ascii_case("localhost")
        || host.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback());
    if loopback {
        Ok(())
    } else {
        Err(format!(
            "--endpoint {endpoint}: plain http is only allowed to this machine \
             (127.0.0.0/8, ::1, localhost); use https://"
        ))
    }
}

fn strip_prefix_ignore_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &text[prefix.len()..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_http_only_to_loopback_hosts() {
        for ok in [
            "https://vpc.example.com",
            "vpc.example.com",
            "http://127.0.0.1:8080",
            "http://127.9.8.7",
            "HTTP://localhost:80/",
            "http://[::1]:9000",
        ] {
            assert_eq!(check_endpoint(ok), Ok(()), "{ok}");
        }
        for refused in [
            "http://vpc.example.com",
            "http://10.0.0.1:8080",
            "http://[::2]:80",
            "http://localhost.example.com",
            "http://127.0.0.1.example.com",
        ] {
            let error = check_endpoint(refused).unwrap_err();
            assert!(error.contains("plain http"), "{refused}: {error}");
        }
    }

    #[test]
    fn signature_version_and_duplicates() {
        let mut options = Options::default();
        let version = global_option("signature-version").unwrap();
        options.set(version, Some("V1".into())).unwrap();
        assert_eq!(options.signature_version, SignatureVersion::V1);
        assert!(
            options
                .set(version, Some("v3".into()))
                .unwrap_err()
                .contains("twice")
        );
        let mut options = Options::default();
        let error = options.set(version, Some("v2".into())).unwrap_err();
        assert!(error.contains("v3 or v1"), "{error}");
    }
}
