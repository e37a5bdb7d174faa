//! What the command prints: the response JSON pretty-printed to stdout once it is whole, and
//! failures with their exit codes.

use std::fmt::Write as _;
use std::io::{self, Write};

use acs_runtime::client::Error;
use acs_runtime::validate::Violations;
use acs_runtime::wire::AnswerKind;

use crate::answer::Answer;
use crate::inert;

/// Exit status of a failed call: a service, transport or credentials error, or a successful
/// status whose body is not JSON.
pub(crate) const EXIT_FAILED: i32 = 1;
/// Exit status of a usage or validation error: nothing was sent.
pub(crate) const EXIT_USAGE: i32 = 2;
/// Exit status of a call that succeeded but whose answer `--output` could not shape: the
/// answer is printed as JSON instead.
pub(crate) const EXIT_UNSHAPED: i32 = 3;

/// What goes to stdout on success.
#[derive(Debug)]
pub(crate) enum Printed {
    /// Text written as it is (help, a preview, a completion script).
    Text(Vec<u8>),
    /// A JSON answer, pretty-printed in its own key order.
    Json(Answer),
}

impl Printed {
    /// `body` as JSON output, or a failure naming the status and content type with the first
    /// bytes when it is not one JSON document (see [`Answer::parse`]).
    pub fn json(body: Vec<u8>, status: u16, content_type: Option<&str>) -> Result<Self, Failure> {
        Answer::parse(body, status, content_type).map(Self::Json)
    }

    /// The answer of an operation whose answer is of `kind`: a JSON object or array as
    /// [`Printed::json`] reads it; text or bytes written as they came; for an operation that
    /// documents no answer, nothing when the body is empty, JSON when it is JSON, else the
    /// body as it came.
    pub fn answer(
        kind: AnswerKind,
        body: Vec<u8>,
        status: u16,
        content_type: Option<&str>,
    ) -> Result<Self, Failure> {
        match kind {
            AnswerKind::Object | AnswerKind::Array => Self::json(body, status, content_type),
            AnswerKind::Text | AnswerKind::Binary => Ok(Self::Text(body)),
            AnswerKind::None => match Answer::parse(body.clone(), status, content_type) {
                Ok(answer) => Ok(Self::Json(answer)),
                Err(_) => Ok(Self::Text(body)),
            },
        }
    }

    /// Writes the output to `out`, all of it at once: nothing is written when it cannot be
    /// rendered whole.
    pub fn write_to(&self, out: &mut dyn Write) -> io::Result<()> {
        match self {
            Self::Text(text) => out.write_all(text)?,
            Self::Json(answer) => {
                let mut input = serde_json::Deserializer::from_slice(&answer.body);
                let mut text = Vec::with_capacity(answer.body.len() * 2);
                let mut output = serde_json::Serializer::pretty(&mut text);
                serde_transcode::transcode(&mut input, &mut output).map_err(io::Error::other)?;
                text.push(b'\n');
                out.write_all(&text)?;
            }
        }
        out.flush()
    }
}

/// Why the command did not succeed.
#[derive(Debug)]
pub(crate) enum Failure {
    /// The command line is wrong; the message names the argument.
    Usage(String),
    /// The command line is incomplete; the text is the help to show.
    Help(String),
    /// The request breaks the spec's constraints.
    Invalid(Violations),
    /// The call was made and failed.
    Call(Error),
    /// Something needed for the call is missing or broken (credentials, profile file), or the
    /// answer is not what the contract promises.
    Failed(String),
    /// The call succeeded, but its answer could not be shaped as asked: the answer, printed
    /// as JSON, and why.
    Unshaped(Answer, String),
}

impl Failure {
    /// The exit status: 2 when nothing could be sent because of the command line, 3 when a
    /// successful answer could not be shaped, else 1.
    pub fn exit_code(&self) -> i32 {
        match self {
            Self::Usage(_) | Self::Help(_) | Self::Invalid(_) => EXIT_USAGE,
            Self::Call(Error::Config(_)) => EXIT_USAGE,
            Self::Call(_) | Self::Failed(_) => EXIT_FAILED,
            Self::Unshaped(..) => EXIT_UNSHAPED,
        }
    }

    /// What goes to stdout despite the failure: the answer a successful call gave.
    pub fn printed(&self) -> Option<Printed> {
        match self {
            Self::Unshaped(answer, _) => Some(Printed::Json(answer.clone())),
            _ => None,
        }
    }

    /// The text for stderr, ending with a newline. Never contains a secret: credentials
    /// errors quote no value from the profile file, service errors only what the service said.
    pub fn render(&self) -> String {
        match self {
            Self::Usage(message) | Self::Failed(message) => format!("error: {message}\n"),
            Self::Unshaped(_, why) => {
                format!("error: the call succeeded, but {why}; its answer is printed as JSON\n")
            }
            Self::Help(text) => text.clone(),
            Self::Invalid(violations) => invalid(violations),
            Self::Call(Error::Service(e)) => {
                let mut text = format!("error: {}", inert::text(e.code()));
                if !e.message().is_empty() {
                    let _ = write!(text, ": {}", inert::text(e.message()));
                }
                let _ = write!(
                    text,
                    "\n  request id: {}\n  HTTP status: {}\n",
                    inert::text(e.request_id().unwrap_or("(none)")),
                    e.status()
                );
                if let Some(recommend) = e.recommend() {
                    let _ = writeln!(text, "  diagnosis: {}", inert::text(recommend));
                }
                if let Some(detail) = e.access_denied_detail() {
                    let _ = writeln!(text, "  access denied detail: {}", inert::text(detail));
                }
                text
            }
            Self::Call(error) => format!("error: {error}\n"),
        }
    }
}

/// Every violation, one a line, by flat argument name.
fn invalid(violations: &Violations) -> String {
    let mut text = format!(
        "error: the request breaks {} rule(s) of the API; nothing was sent\n",
        violations.len()
    );
    for violation in violations.iter() {
        let _ = writeln!(text, "  --{violation}");
    }
    text.push_str("(--no-validate sends it anyway)\n");
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answered(kind: AnswerKind, body: &[u8]) -> Result<String, String> {
        let printed = Printed::answer(kind, body.to_vec(), 200, None).map_err(|f| f.render())?;
        let mut out = Vec::new();
        printed.write_to(&mut out).unwrap();
        Ok(String::from_utf8_lossy(&out).into_owned())
    }

    #[test]
    fn each_kind_of_answer_is_printed_as_it_is_documented() {
        assert_eq!(
            answered(AnswerKind::Object, b"{\"a\":1}").unwrap(),
            "{\n  \"a\": 1\n}\n"
        );
        assert!(answered(AnswerKind::Object, b"plain").is_err());
        assert_eq!(answered(AnswerKind::Array, b"[1]").unwrap(), "[\n  1\n]\n");
        assert_eq!(answered(AnswerKind::Text, b"plain {").unwrap(), "plain {");
        assert_eq!(
            answered(AnswerKind::Binary, b"\x00\x01").unwrap(),
            "\u{0}\u{1}"
        );
        assert_eq!(answered(AnswerKind::None, b"").unwrap(), "");
        assert_eq!(answered(AnswerKind::None, b"{}").unwrap(), "{}\n");
        assert_eq!(answered(AnswerKind::None, b"ok").unwrap(), "ok");
    }

    fn printed(body: &[u8]) -> Result<String, String> {
        let printed =
            Printed::json(body.to_vec(), 200, Some("application/json")).map_err(|f| f.render())?;
        let mut out = Vec::new();
        printed.write_to(&mut out).unwrap();
        Ok(String::from_utf8(out).unwrap())
    }

    #[test]
    fn responses_keep_key_order() {
        let body = br#"{"RequestId":"R","B":1,"A":{"Z":[1,"\u00e9"],"Y":null}}"#;
        assert_eq!(
            printed(body).unwrap(),
            "{\n  \"RequestId\": \"R\",\n  \"B\": 1,\n  \"A\": {\n    \"Z\": [\n      1,\n      \"é\"\n    ],\n    \"Y\": null\n  }\n}\n"
        );
    }

    #[test]
    fn bodies_that_are_not_one_json_document_fail_with_status_type_and_first_bytes() {
        for body in [
            &b"<html>oops</html>"[..],
            b"{} trailing",
            b"{\"truncated\": [1,",
        ] {
            let error = Printed::json(body.to_vec(), 203, Some("text/html")).unwrap_err();
            assert_eq!(error.exit_code(), EXIT_FAILED);
            let text = error.render();
            assert!(text.contains("HTTP 203 (text/html"), "{text}");
            assert!(
                text.contains(&format!("{:?}", String::from_utf8_lossy(body))),
                "{text}"
            );
        }
        let long = vec![b'x'; 1000];
        let text = Printed::json(long, 200, None).unwrap_err().render();
        assert!(text.contains("no content type, 1000 bytes"), "{text}");
        assert!(
            text.contains(&format!(
                "{:?}...",
                "x".repeat(crate::answer::EXCERPT_BYTES)
            )),
            "{text}"
        );
    }
}
