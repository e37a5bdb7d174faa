//! `--validate-only`: the signed request that would be sent, with the signature and token redacted.

use std::fmt::Write as _;

use acs_runtime::auth::{self, Credentials, SignatureVersion, SigningRequest};
use acs_runtime::client::{Endpoint, ProductInfo};
use acs_runtime::params::Params;

use crate::product::Operation;

/// What stands in for a redacted value.
pub(crate) const REDACTED: &str = "<redacted>";

/// Query parameters (signature V1) whose values are never shown.
const SECRET_QUERY_KEYS: [&str; 2] = ["Signature", "SecurityToken"];

/// The request `op` would send, signed exactly as the client signs it: method and URL with
/// query, headers, and the form body after a blank line. The signature and any security
/// token are replaced by [`REDACTED`]; the AccessKeyId is shown.
pub(crate) fn render(
    product: &ProductInfo,
    op: Operation,
    endpoint: &Endpoint,
    params: &Params,
    credentials: &Credentials,
    version: SignatureVersion,
) -> String {
    let (timestamp, nonce) = (auth::timestamp(), auth::nonce());
    let binding = op.info.binding;
    let request = SigningRequest {
        host: endpoint.host(),
        method: binding.method,
        path: binding.path,
        action: op.info.action,
        version: product.version,
        params,
        timestamp: &timestamp,
        nonce: &nonce,
    };
    let signed = version.sign(&request, credentials);
    let mut text = format!("{} {}{}", binding.method, endpoint.origin(), binding.path);
    if !signed.query.is_empty() {
        text.push('?');
        text.push_str(&redact_query(&signed.query));
    }
    text.push('\n');
    for (name, value) in &signed.headers {
        let _ = writeln!(text, "{name}: {}", redact_header(name, value));
    }
    if !signed.body.is_empty() {
        let _ = write!(text, "\n{}\n", signed.body);
    }
    text
}

fn redact_header(name: &str, value: &str) -> String {
    match name {
        "x-acs-security-token" => REDACTED.to_owned(),
        "authorization" => match value.split_once("Signature=") {
            Some((head, _)) => format!("{head}Signature={REDACTED}"),
            None => REDACTED.to_owned(),
        },
        _ => value.to_owned(),
    }
}

fn redact_query(query: &str) -> String {
    query
        .split('&')
        .map(|pair| match pair.split_once('=') {
            Some((key, _)) if SECRET_QUERY_KEYS.contains(&key) => format!("{key}={REDACTED}"),
            _ => pair.to_owned(),
        })
        .collect::<Vec<_>>()
        .join("&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signatures_and_tokens_are_redacted() {
        assert_eq!(
            redact_query("AccessKeyId=id&Signature=abc%3D&SecurityToken=t&X=1"),
            "AccessKeyId=id&Signature=<redacted>&SecurityToken=<redacted>&X=1"
        );
        assert_eq!(
            redact_header(
                "authorization",
                "ACS3-HMAC-SHA256 Credential=id,SignedHeaders=host,Signature=0af"
            ),
            "ACS3-HMAC-SHA256 Credential=id,SignedHeaders=host,Signature=<redacted>"
        );
        assert_eq!(redact_header("x-acs-security-token", "tok"), REDACTED);
        assert_eq!(redact_header("host", "h"), "h");
    }
}
