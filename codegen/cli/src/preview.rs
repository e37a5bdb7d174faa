//! `--validate-only`: the signed request that would be sent, with the signature and token redacted.

use std::fmt::Write as _;

use acs_runtime::auth::{self, Credentials, SignatureVersion, SigningRequest};
use acs_runtime::client::{Endpoint, ProductInfo, path_and_body};
use acs_runtime::params::Params;

use crate::product::Operation;

/// What stands in for a redacted value.
pub(crate) const REDACTED: &str = "<redacted>";

/// Query parameters (signature V1) whose values are never shown.
const SECRET_QUERY_KEYS: [&str; 2] = ["Signature", "SecurityToken"];

/// The request `op` would send, signed exactly as the client signs it: method and URL with
/// query, headers, and the body after a blank line (bytes that are not UTF-8 shown replaced).
/// The signature and any security token are replaced by [`REDACTED`]; the AccessKeyId is
/// shown. Fails as the client would when the path or the body cannot be sent.
pub(crate) fn render(
    product: &ProductInfo,
    op: Operation,
    endpoint: &Endpoint,
    params: &Params,
    credentials: &Credentials,
    version: SignatureVersion,
) -> Result<String, String> {
    let (timestamp, nonce) = (auth::timestamp(), auth::nonce());
    let binding = op.info.binding;
    let (path, body) = path_and_body(op.info, params).map_err(|e| e.to_string())?;
    let request = SigningRequest {
        host: endpoint.host(),
        method: binding.method,
        path: &path,
        protocol: binding.protocol,
        action: op.info.action,
        version: product.version,
        params,
        body: &body,
        timestamp: &timestamp,
        nonce: &nonce,
    };
    let signed = version.sign(&request, credentials);
    let mut text = format!("{} {}{}", binding.method, endpoint.origin(), path);
    if !signed.query.is_empty() {
        text.push('?');
        text.push_str(&redact_query(&signed.query));
    }
    text.push('\n');
    for (name, value) in &signed.headers {
        let _ = writeln!(text, "{name}: {}", redact_header(name, value));
    }
    if !signed.body.is_empty() {
        let _ = write!(text, "\n{}\n", String::from_utf8_lossy(&signed.body));
    }
    Ok(text)
}

fn redact_header(name: &str, value: &str) -> String {
    match name {
        "x-acs-security-token" => REDACTED.to_owned(),
        "authorization" => match (value.split_once("Signature="), value.split_once(':')) {
            (Some((head, _)), _) => format!("{head}Signature={REDACTED}"),
            // The ROA signature: `acs <AccessKeyId>:<signature>`.
            (None, Some((head, _))) if head.starts_with("acs ") => format!("{head}:{REDACTED}"),
            _ => REDACTED.to_owned(),
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
        assert_eq!(
            redact_header("authorization", "acs id:c2lnbmF0dXJl"),
            "acs id:<redacted>"
        );
        assert_eq!(redact_header("x-acs-security-token", "tok"), REDACTED);
        assert_eq!(redact_header("host", "h"), "h");
    }
}
