//! What the command prints: the response pretty-printed, and failures with their exit codes.

use std::fmt::Write as _;

use acs_runtime::client::Error;
use acs_runtime::validate::Violations;

/// Exit status of a failed call: a service, transport or credentials error.
pub(crate) const EXIT_FAILED: i32 = 1;
/// Exit status of a usage or validation error: nothing was sent.
pub(crate) const EXIT_USAGE: i32 = 2;

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
    /// Something needed for the call is missing or broken (credentials, profile file).
    Failed(String),
}

impl Failure {
    /// The exit status: 2 when nothing could be sent because of the command line, else 1.
    pub fn exit_code(&self) -> i32 {
        match self {
            Self::Usage(_) | Self::Help(_) | Self::Invalid(_) => EXIT_USAGE,
            Self::Call(Error::Config(_)) => EXIT_USAGE,
            Self::Call(_) | Self::Failed(_) => EXIT_FAILED,
        }
    }

    /// The text for stderr, ending with a newline. Never contains a secret: credentials
    /// errors quote no value from the profile file, service errors only what the service said.
    pub fn render(&self) -> String {
        match self {
            Self::Usage(message) | Self::Failed(message) => format!("error: {message}\n"),
            Self::Help(text) => text.clone(),
            Self::Invalid(violations) => invalid(violations),
            Self::Call(Error::Service(e)) => {
                let mut text = format!("error: {}", e.code());
                if !e.message().is_empty() {
                    let _ = write!(text, ": {}", e.message());
                }
                let _ = write!(
                    text,
                    "\n  request id: {}\n  HTTP status: {}\n",
                    e.request_id().unwrap_or("(none)"),
                    e.status()
                );
                if let Some(recommend) = e.recommend() {
                    let _ = writeln!(text, "  diagnosis: {recommend}");
                }
                if let Some(detail) = e.access_denied_detail() {
                    let _ = writeln!(text, "  access denied detail: {detail}");
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

/// The response body for stdout: JSON pretty-printed in the service's key order, else as is.
pub(crate) fn response(body: &[u8]) -> Vec<u8> {
    let mut pretty = Vec::with_capacity(body.len() * 2);
    let mut input = serde_json::Deserializer::from_slice(body);
    let mut output = serde_json::Serializer::pretty(&mut pretty);
    let transcoded = serde_transcode::transcode(&mut input, &mut output).and_then(|()| input.end());
    let mut text = match transcoded {
        Ok(()) => pretty,
        Err(_) => body.to_vec(),
    };
    if !text.ends_with(b"\n") {
        text.push(b'\n');
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn responses_keep_key_order_and_non_json_passes_through() {
        let body = br#"{"RequestId":"R","B":1,"A":{"Z":[1,"\u00e9"],"Y":null}}"#;
        let text = String::from_utf8(response(body)).unwrap();
        assert_eq!(
            text,
            "{\n  \"RequestId\": \"R\",\n  \"B\": 1,\n  \"A\": {\n    \"Z\": [\n      1,\n      \"é\"\n    ],\n    \"Y\": null\n  }\n}\n"
        );
        assert_eq!(response(b"<xml/>"), b"<xml/>\n");
        assert_eq!(response(b"{} trailing"), b"{} trailing\n");
    }
}
