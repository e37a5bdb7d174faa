//! Header names: which ones the client writes itself, so that neither a parameter nor a
//! caller may set them, and which spellings are HTTP header names at all.

/// The prefix of the protocol's own headers (`x-acs-action`, `x-acs-signature-nonce`, ...).
pub const PROTOCOL_HEADER_PREFIX: &str = "x-acs-";

/// Headers the client writes itself, in lower case: the signature's (`authorization`,
/// `date` and `content-md5`, which the ROA signature signs), the host, and the headers that
/// frame the message or the connection.
pub const RESERVED_HEADERS: [&str; 14] = [
    "authorization",
    "proxy-authorization",
    "host",
    "date",
    "content-md5",
    "content-type",
    "content-length",
    "transfer-encoding",
    "connection",
    "keep-alive",
    "te",
    "trailer",
    "upgrade",
    "expect",
];

/// Whether the client writes the header `name` (any case) itself: one of
/// [`RESERVED_HEADERS`] or a protocol header ([`PROTOCOL_HEADER_PREFIX`]).
pub fn is_reserved_header(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.starts_with(PROTOCOL_HEADER_PREFIX) || RESERVED_HEADERS.contains(&lower.as_str())
}

/// Whether `name` is an HTTP header name: a non-empty token of letters, digits and
/// ``!#$%&'*+-.^_`|~`` (RFC 9110).
pub fn is_header_token(name: &str) -> bool {
    !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reserved_in_any_case_and_every_protocol_header() {
        assert!(is_reserved_header("Authorization"));
        assert!(is_reserved_header("HOST"));
        assert!(is_reserved_header("Content-MD5"));
        assert!(is_reserved_header("x-acs-signature-nonce"));
        assert!(is_reserved_header("X-Acs-Anything"));
        assert!(!is_reserved_header("x-trace-id"));
        assert!(!is_reserved_header("If-Match"));
        assert!(!is_reserved_header("x-acs"));
    }

    #[test]
    fn tokens() {
        assert!(is_header_token("x-fc-invocation-type"));
        assert!(is_header_token("If-Match"));
        assert!(!is_header_token(""));
        assert!(!is_header_token("a b"));
        assert!(!is_header_token("a:b"));
        assert!(!is_header_token("é"));
    }
}
