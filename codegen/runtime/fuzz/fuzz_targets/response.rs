//! Fuzzes response handling: any status, header values and body become the body of a success or a
//! typed error, never a panic, and the error keeps the status it came with.

#![no_main]

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
    // Mostly the headers the parser reads, with whatever text the bytes make (or none).
    let mut content_type = None;
    let mut request_id = None;
    for _ in 0..count {
        let name = field(&mut data);
        let value = String::from_utf8_lossy(field(&mut data)).into_owned();
        match name.first().map(|b| b % 3) {
            Some(0) => content_type = Some(value),
            Some(1) => request_id = Some(value),
            _ => {}
        }
    }
    let body = data.to_vec();
    match parse_response(
        status,
        content_type.as_deref(),
        request_id.as_deref(),
        body.clone().into(),
    ) {
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
