//! Turns a response (status, headers, body) into the body of a success or a typed error.

use std::borrow::Cow;

use bytes::Bytes;
use reqwest::header::CONTENT_TYPE;
use serde_json::{Map, Value};

use super::transport::RawResponse;
use super::{Error, RawBody, ServiceError};

/// The header carrying the request id.
pub const REQUEST_ID_HEADER: &str = "x-acs-request-id";

/// How many bytes of a body an error quotes.
const EXCERPT_BYTES: usize = 256;

/// The body of a 2xx response; otherwise the error the response describes.
///
/// Error bodies are JSON with PascalCase (`Code`, `Message`, `RequestId`, `HostId`,
/// `Recommend`, `AccessDeniedDetail`) or lower-case keys, or XML: they become
/// [`Error::Service`]. A body with no error code (an HTML page from a gateway, say) becomes
/// [`Error::ResponseParse`]. Pure and total: any input gives a value, never a panic.
///
/// `content_type` and `request_id` are the values of the `content-type` and
/// `x-acs-request-id` headers, when present.
pub fn parse_response(
    status: u16,
    content_type: Option<&str>,
    request_id: Option<&str>,
    body: Bytes,
) -> Result<Bytes, Error> {
    if (200..300).contains(&status) {
        return Ok(body);
    }
    let xml = content_type.is_some_and(|v| v.to_ascii_lowercase().contains("xml"));
    let parsed = if xml {
        from_xml(status, &body)
    } else {
        from_json(status, &body).or_else(|| from_xml(status, &body))
    };
    match parsed {
        Some(mut error) => {
            let details = error.details_mut();
            if details.request_id.is_none() {
                details.request_id = request_id.map(str::to_owned);
            }
            Err(Error::Service(error))
        }
        None => Err(unparsable(
            status,
            "error response without an error code",
            &body,
        )),
    }
}

/// [`parse_response`] of a response as read off the wire; a service error keeps the wait its
/// `x-acs-retry-after` asks for.
pub(crate) fn parse_raw(raw: &RawResponse) -> Result<Bytes, Error> {
    let header = |name| raw.headers.get(name).and_then(|v| v.to_str().ok());
    parse_response(
        raw.status,
        header(CONTENT_TYPE.as_str()),
        header(REQUEST_ID_HEADER),
        raw.body.clone(),
    )
    .map_err(|error| match error {
        Error::Service(mut service) => {
            service.details_mut().retry_after = super::retry::retry_after(&raw.headers);
            Error::Service(service)
        }
        other => other,
    })
}

/// The error of a body that is not what was expected: status, why, the body's start, and
/// the whole body.
pub(crate) fn unparsable(status: u16, reason: impl ToString, body: &Bytes) -> Error {
    Error::ResponseParse {
        status,
        reason: reason.to_string(),
        excerpt: excerpt(body),
        body: RawBody(body.clone()),
    }
}

/// The start of a body, lossily decoded, for error messages.
fn excerpt(body: &[u8]) -> String {
    let end = body.len().min(EXCERPT_BYTES);
    let mut text = String::from_utf8_lossy(&body[..end]).into_owned();
    if body.len() > end {
        text.push('…');
    }
    text
}

fn from_json(status: u16, body: &[u8]) -> Option<ServiceError> {
    let value: Value = serde_json::from_slice(body).ok()?;
    let object = value.as_object()?;
    let mut error = ServiceError::new(
        status,
        json_text(object, &["Code", "code"])?,
        json_text(object, &["Message", "message"]).unwrap_or_default(),
    );
    let details = error.details_mut();
    details.request_id = json_text(object, &["RequestId", "requestId"]);
    details.host_id = json_text(object, &["HostId", "hostId"]);
    details.recommend = json_text(object, &["Recommend", "recommend"]);
    details.access_denied_detail = ["AccessDeniedDetail", "accessDeniedDetail"]
        .iter()
        .find_map(|key| object.get(*key))
        .filter(|v| !v.is_null())
        .map(|v| match v {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        });
    Some(error)
}

/// The first of `keys` holding a string or a number.
fn json_text(object: &Map<String, Value>, keys: &[&str]) -> Option<String> {
    keys.iter().find_map(|key| match object.get(*key)? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    })
}

fn from_xml(status: u16, body: &[u8]) -> Option<ServiceError> {
    let text = String::from_utf8_lossy(body);
    let mut error = ServiceError::new(
        status,
        xml_text(&text, &["Code", "code"])?,
        xml_text(&text, &["Message", "message"]).unwrap_or_default(),
    );
    let details = error.details_mut();
    details.request_id = xml_text(&text, &["RequestId", "requestId"]);
    details.host_id = xml_text(&text, &["HostId", "hostId"]);
    details.recommend = xml_text(&text, &["Recommend", "recommend"]);
    details.access_denied_detail = xml_text(&text, &["AccessDeniedDetail", "accessDeniedDetail"]);
    Some(error)
}

/// The text of the first element named by one of `tags` (tried in order), as [`xml_element`]
/// reads it.
fn xml_text(text: &str, tags: &[&str]) -> Option<String> {
    tags.iter().find_map(|tag| xml_element(text, tag))
}

/// The text of the first `<tag>…</tag>`, CDATA unwrapped or entities decoded.
fn xml_element(text: &str, tag: &str) -> Option<String> {
    let open = format!("<{tag}>");
    let close = format!("</{tag}>");
    let start = text.find(&open)? + open.len();
    let len = text[start..].find(&close)?;
    let inner = text[start..start + len].trim();
    let value: Cow<'_, str> = match inner
        .strip_prefix("<![CDATA[")
        .and_then(|s| s.strip_suffix("]]>"))
    {
        Some(cdata) => cdata.into(),
        None if inner.contains('&') => inner
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&apos;", "'")
            .replace("&amp;", "&")
            .into(),
        None => inner.into(),
    };
    Some(value.into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn service(status: u16, ct: &str, body: &str) -> ServiceError {
        match parse_response(status, Some(ct), None, Bytes::from(body.to_owned())) {
            Err(Error::Service(e)) => e,
            other => panic!("expected a service error, got {other:?}"),
        }
    }

    #[test]
    fn success_returns_the_body_untouched() {
        let body = Bytes::from_static(b"{\"RequestId\":\"r\"}");
        assert_eq!(parse_response(200, None, None, body.clone()).unwrap(), body);
    }

    #[test]
    fn pascal_case_json_error() {
        let e = service(
            400,
            "application/json",
            r#"{"RequestId":"EB2C","HostId":"vpc.aliyuncs.com","Code":"Resource.QuotaFull",
                "Message":"The quota of resource is full","Recommend":"https://diag",
                "AccessDeniedDetail":{"PolicyType":"AccountLevelIdentityBasedPolicy"}}"#,
        );
        assert_eq!(e.code(), "Resource.QuotaFull");
        assert_eq!(e.request_id(), Some("EB2C"));
        assert_eq!(e.host_id(), Some("vpc.aliyuncs.com"));
        assert_eq!(e.recommend(), Some("https://diag"));
        assert_eq!(
            e.access_denied_detail(),
            Some(r#"{"PolicyType":"AccountLevelIdentityBasedPolicy"}"#)
        );
        assert_eq!(
            e.to_string(),
            "Resource.QuotaFull: The quota of resource is full (request id EB2C)"
        );
    }

    #[test]
    fn lower_case_json_error_and_header_request_id() {
        let body = Bytes::from_static(br#"{"code":"Throttling.User","message":"slow down"}"#);
        let Err(Error::Service(e)) =
            parse_response(429, Some("application/json"), Some("from-header"), body)
        else {
            panic!("expected a service error")
        };
        assert_eq!(e.code(), "Throttling.User");
        assert_eq!(e.message(), "slow down");
        assert_eq!(e.request_id(), Some("from-header"));
        assert!(e.is_retryable());
    }

    #[test]
    fn xml_error_with_cdata_and_entities() {
        let e = service(
            403,
            "text/xml;charset=utf-8",
            "<?xml version='1.0' encoding='UTF-8'?><Error><RequestId>R1</RequestId>\
             <Code>Forbidden.RAM</Code><Message>a &lt;b&gt; &amp; c</Message>\
             <Recommend><![CDATA[https://x?a=1&b=2]]></Recommend></Error>",
        );
        assert_eq!(e.code(), "Forbidden.RAM");
        assert_eq!(e.message(), "a <b> & c");
        assert_eq!(e.recommend(), Some("https://x?a=1&b=2"));
        assert!(!e.is_retryable());
    }

    #[test]
    fn xml_error_with_lower_case_names_as_rest_products_write_them() {
        let e = service(
            404,
            "application/xml",
            "<Error><requestId>R2</requestId><code>NotFound.Cluster</code>\
             <message>no such cluster</message></Error>",
        );
        assert_eq!(e.code(), "NotFound.Cluster");
        assert_eq!(e.message(), "no such cluster");
        assert_eq!(e.request_id(), Some("R2"));
    }

    #[test]
    fn html_gateway_error_is_a_parse_error_with_an_excerpt() {
        let page = format!(
            "<html><body>502 Bad Gateway{}</body></html>",
            "x".repeat(400)
        );
        let Err(error) = parse_response(502, Some("text/html"), None, Bytes::from(page)) else {
            panic!("expected an error")
        };
        assert!(error.is_retryable());
        let Error::ResponseParse {
            status, excerpt, ..
        } = error
        else {
            panic!("expected a parse error")
        };
        assert_eq!(status, 502);
        assert!(excerpt.starts_with("<html><body>502 Bad Gateway"));
        assert!(excerpt.ends_with('…') && excerpt.len() < 300);
    }

    #[test]
    fn json_without_code_and_binary_garbage_are_parse_errors() {
        for body in [&b"{\"Message\":\"no code\"}"[..], b"\xff\xfe<Code>", b""] {
            let r = parse_response(500, None, None, Bytes::copy_from_slice(body));
            assert!(
                matches!(r, Err(Error::ResponseParse { status: 500, .. })),
                "{r:?}"
            );
        }
    }
}
