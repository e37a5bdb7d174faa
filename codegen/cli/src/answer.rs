//! A successful answer: its body parsed once, which decides whether it is one JSON document
//! within [`MAX_DEPTH`], before anything of it is printed or read.

use serde_json::Value;

use crate::output::Failure;

/// How deeply an answer may nest objects and arrays. Deeper is refused like a body that is
/// not JSON, so that every later step (printing, JMESPath, the `--wait` wrapper one level
/// up) stays within serde_json's own limit of 128.
pub(crate) const MAX_DEPTH: usize = 100;

/// How many bytes of a body that is not JSON are shown.
pub(crate) const EXCERPT_BYTES: usize = 200;

/// A JSON answer: the body as received (printed in its own key order) and its value.
#[derive(Debug, Clone)]
pub(crate) struct Answer {
    /// The body, one JSON document of valid UTF-8 nesting at most [`MAX_DEPTH`] deep.
    pub body: Vec<u8>,
    /// The same document, parsed.
    pub json: Value,
}

impl Answer {
    /// `body` as an answer, or a failure naming the status and content type with the first
    /// bytes when it is not one JSON document (invalid UTF-8, a lone surrogate escape,
    /// trailing data) or nests deeper than [`MAX_DEPTH`].
    pub fn parse(body: Vec<u8>, status: u16, content_type: Option<&str>) -> Result<Self, Failure> {
        let refuse = |why: String| Failure::Failed(not_json(&body, status, content_type, &why));
        let json: Value = match serde_json::from_slice(&body) {
            Ok(json) => json,
            Err(e) => return Err(refuse(e.to_string())),
        };
        if depth(&json) > MAX_DEPTH {
            return Err(refuse(format!("it nests deeper than {MAX_DEPTH} levels")));
        }
        Ok(Self { body, json })
    }

    /// The answer of a document made here (pages merged, a wait's two answers).
    pub fn made(json: Value) -> Self {
        let body = serde_json::to_vec(&json).expect("a JSON value serializes");
        Self { body, json }
    }
}

/// How deeply `json` nests: 0 for a scalar, 1 for a flat object or array.
fn depth(json: &Value) -> usize {
    let mut deepest = 0;
    let mut stack = vec![(json, 0)];
    while let Some((value, level)) = stack.pop() {
        let children: Box<dyn Iterator<Item = &Value>> = match value {
            Value::Array(items) => Box::new(items.iter()),
            Value::Object(map) => Box::new(map.values()),
            _ => continue,
        };
        deepest = deepest.max(level + 1);
        stack.extend(children.map(|child| (child, level + 1)));
    }
    deepest
}

fn not_json(body: &[u8], status: u16, content_type: Option<&str>, why: &str) -> String {
    let end = body.len().min(EXCERPT_BYTES);
    let excerpt = String::from_utf8_lossy(&body[..end]);
    let more = if body.len() > end { "..." } else { "" };
    format!(
        "the service answered HTTP {status} ({}, {} bytes) with a body that is not JSON ({why}); \
         it begins: {excerpt:?}{more}",
        content_type.unwrap_or("no content type"),
        body.len()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::EXIT_FAILED;

    fn nested(levels: usize) -> Vec<u8> {
        format!("{}1{}", "[".repeat(levels), "]".repeat(levels)).into_bytes()
    }

    #[test]
    fn depth_counts_levels_of_objects_and_arrays() {
        assert_eq!(depth(&serde_json::json!(1)), 0);
        assert_eq!(depth(&serde_json::json!({"a": [1, {"b": []}], "c": 2})), 4);
    }

    #[test]
    fn bodies_serde_would_skip_are_refused() {
        for (body, why) in [
            (b"{\"a\":\"\xff\"}".to_vec(), "invalid unicode code point"),
            (br#"{"a":"\ud800"}"#.to_vec(), "hex escape"),
            (br#"{"a":"\udc00"}"#.to_vec(), "lone leading surrogate"),
            (nested(MAX_DEPTH + 1), "nests deeper than 100 levels"),
            (nested(129), "recursion limit"),
            (nested(100_000), "recursion limit"),
        ] {
            let error = Answer::parse(body, 200, Some("application/json")).unwrap_err();
            assert_eq!(error.exit_code(), EXIT_FAILED);
            let text = error.render();
            assert!(text.contains("not JSON") && text.contains(why), "{text}");
        }
        assert!(Answer::parse(nested(MAX_DEPTH), 200, None).is_ok());
    }
}
