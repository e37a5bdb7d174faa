//! Fuzzes the RFC 3986 encoder: any string encodes without panicking into unreserved
//! characters and `%XY` escapes only, and decodes back to itself.

#![no_main]

use acs_runtime::params::{encode, encode_into};
use libfuzzer_sys::fuzz_target;
use percent_encoding::percent_decode_str;

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    let encoded = encode(&input);

    let bytes = encoded.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let escape = bytes
                    .get(i + 1..i + 3)
                    .expect("`%` is followed by two digits");
                assert!(
                    escape
                        .iter()
                        .all(|h| h.is_ascii_digit() || (b'A'..=b'F').contains(h)),
                    "not an upper-case hex escape in {encoded:?}"
                );
                i += 3;
            }
            b if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) => i += 1,
            other => panic!("reserved byte {other:#04x} left in {encoded:?}"),
        }
    }

    let decoded = percent_decode_str(&encoded)
        .decode_utf8()
        .expect("decodes to UTF-8");
    assert_eq!(decoded, input);

    let mut appended = String::from("k=");
    encode_into(&mut appended, &input);
    assert_eq!(appended[2..], *encoded);
});
