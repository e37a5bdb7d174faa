//! Extra headers for the requests signed within a scope: sent with each, and signed by V3.

use std::fmt;
use std::future::Future;
use std::sync::Arc;

/// Headers added to every request [`SignatureVersion::sign`](super::SignatureVersion::sign)
/// signs inside [`with_extra_headers`]: V3 signs them (they are listed in `SignedHeaders`),
/// V1 sends them as they are (it signs no header).
///
/// Names are lower-case HTTP tokens; the headers the client writes itself
/// ([`acs_wire::RESERVED_HEADERS`]: `host`, `authorization`, `date`, the framing headers, ...)
/// and every `x-acs-*` header (the signature's own) are refused, as are values that are not
/// visible ASCII.
///
/// ```
/// use acs_runtime::auth::ExtraHeaders;
///
/// let headers = ExtraHeaders::new().with("x-trace-id", "t-1")?;
/// assert!(ExtraHeaders::new().with("x-acs-version", "2014-05-26").is_err());
/// # Ok::<(), acs_runtime::auth::InvalidHeader>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ExtraHeaders(Arc<Vec<(&'static str, String)>>);

/// Why a header cannot be an extra header.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InvalidHeader(String);

impl fmt::Display for InvalidHeader {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for InvalidHeader {}

impl ExtraHeaders {
    /// No header.
    pub fn new() -> Self {
        Self::default()
    }

    /// These headers and `name: value` (surrounding spaces trimmed, as signing trims them).
    pub fn with(
        mut self,
        name: &'static str,
        value: impl Into<String>,
    ) -> Result<Self, InvalidHeader> {
        check_name(name)?;
        if self.0.iter().any(|(n, _)| *n == name) {
            return Err(InvalidHeader(format!("header {name} is given twice")));
        }
        let value = value.into();
        let value = value.trim_matches([' ', '\t']);
        if !value
            .bytes()
            .all(|b| b == b'\t' || (b' '..=b'~').contains(&b))
        {
            return Err(InvalidHeader(format!(
                "header {name}: the value must be visible ASCII (no control character or line break)"
            )));
        }
        let list = Arc::make_mut(&mut self.0);
        list.push((name, value.to_owned()));
        list.sort_unstable_by_key(|(n, _)| *n);
        Ok(self)
    }

    /// Whether there is no header.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The headers, sorted by name.
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, &str)> {
        self.0.iter().map(|(n, v)| (*n, v.as_str()))
    }
}

/// Checks that `name` may be an extra header: a lower-case HTTP token that the client does
/// not write itself and that is not an `x-acs-*` header.
pub fn check_name(name: &str) -> Result<(), InvalidHeader> {
    if !acs_wire::is_header_token(name) || name.bytes().any(|b| b.is_ascii_uppercase()) {
        return Err(InvalidHeader(format!(
            "header name {name:?} must be a lower-case HTTP token (letters, digits, - and _)"
        )));
    }
    if name.starts_with(acs_wire::PROTOCOL_HEADER_PREFIX) {
        return Err(InvalidHeader(format!(
            "header {name}: x-acs-* headers are written by the signature and cannot be overridden"
        )));
    }
    if acs_wire::is_reserved_header(name) {
        return Err(InvalidHeader(format!(
            "header {name} is written by the client and cannot be overridden"
        )));
    }
    Ok(())
}

tokio::task_local! {
    static SCOPE: ExtraHeaders;
}

/// Runs `calls` with `headers` added to every request signed inside it (not to the calls
/// that fetch credentials, such as STS `AssumeRole`).
pub async fn with_extra_headers<F: Future>(headers: ExtraHeaders, calls: F) -> F::Output {
    SCOPE.scope(headers, calls).await
}

/// The extra headers of the current scope, if any.
pub(crate) fn scoped() -> Option<ExtraHeaders> {
    SCOPE.try_with(Clone::clone).ok().filter(|h| !h.is_empty())
}

/// The headers of the current scope with `call`'s added, each replacing one of the same name.
pub(crate) fn over_scope(call: &ExtraHeaders) -> ExtraHeaders {
    let Some(scope) = scoped() else {
        return call.clone();
    };
    let mut list: Vec<_> = scope
        .0
        .iter()
        .filter(|(name, _)| call.iter().all(|(n, _)| n != *name))
        .cloned()
        .collect();
    list.extend(call.0.iter().cloned());
    list.sort_unstable_by_key(|(n, _)| *n);
    ExtraHeaders(Arc::new(list))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_values_are_checked() {
        let headers = ExtraHeaders::new()
            .with("x-b", " two ")
            .and_then(|h| h.with("x-a", "one"))
            .unwrap();
        assert_eq!(
            headers.iter().collect::<Vec<_>>(),
            [("x-a", "one"), ("x-b", "two")]
        );
        for (name, said) in [
            ("host", "written by the client"),
            ("authorization", "written by the client"),
            ("date", "written by the client"),
            ("content-md5", "written by the client"),
            ("x-acs-action", "x-acs-*"),
            ("X-Upper", "lower-case"),
            ("a b", "lower-case"),
            ("", "lower-case"),
        ] {
            let error = ExtraHeaders::new().with(name, "v").unwrap_err().to_string();
            assert!(error.contains(said), "{name}: {error}");
        }
        let error = ExtraHeaders::new().with("x-a", "1\r\nx-b: 2").unwrap_err();
        assert!(error.to_string().contains("visible ASCII"), "{error}");
        let twice = headers.with("x-a", "again").unwrap_err();
        assert!(twice.to_string().contains("twice"), "{twice}");
    }
}
