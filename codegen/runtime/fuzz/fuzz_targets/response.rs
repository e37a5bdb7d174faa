//! Fuzzes response handling: any status, headers and body become the body of a success or a
//! typed error, never a panic, and the error keeps the status it came with.

#![no_main]

use acs_runtime::client::reqwest::header::{HeaderMap, HeaderName, HeaderValue};
use acs_runtime::client::{Error, parse_response};
use libfuzzer_sys::fuzz_target;

/// Splits off a length-prefixed field (one length byte).
fn field<'a>(data: &mut &'a [u8]) -> &'a [u8] {
    let Some((&len, rest)) = data.split_first() else {
        return &[];
    };
    let (taken, rest) = rest.split_at(usize::from(len).min(rest.len()));
    *data = rest;
    taken
}

fuzz_target!(|input: &[u8]| {
    let (status, count, mut data) = match input {
        [lo, hi, count, rest @ ..] => (u16::from_le_bytes([*lo, *hi]), count % 4, rest),
        _ => return,
    };
    let mut headers = HeaderMap::new();
    for _ in 0..count {
        let name = field(&mut data);
        let value = field(&mut data);
        // Mostly the headers the parser reads; otherwise whatever name the bytes make.
        let name = match name.first().map(|b| b % 3) {
            Some(0) => HeaderName::from_static("content-type"),
            Some(1) => HeaderName::from_static("x-acs-request-id"),
            _ => match HeaderName::from_bytes(name) {
                Ok(name) => name,
                Err(_) => continue,
            },
        };
        if let Ok(value) = HeaderValue::from_bytes(value) {
            headers.append(name, value);
        }
    }
    let body = data.to_vec();
    match parse_response(status, &headers, body.clone().into()) {
        Ok(returned) => {
            assert!((200..300).contains(&status));
            assert_eq!(returned, body);
        }
        Err(error) => {
            assert!(!(200..300).contains(&status));
            match &error {
                Error::Service(e) => assert_eq!(e.status(), status),
                Error::ResponseParse { status: s, .. } => assert_eq!(*s, status),
                other => panic!("unexpected error kind: {other:?}"),
            }
            let _ = (
                error.to_string(),
                format!("{error:?}"),
                error.is_retryable(),
            );
        }
    }
});
