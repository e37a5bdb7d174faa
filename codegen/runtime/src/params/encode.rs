//! RFC 3986 percent-encoding of keys and values, for the wire and for signing.

use std::borrow::Cow;

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

/// Every byte except the RFC 3986 unreserved characters `A-Z a-z 0-9 - _ . ~`.
const RESERVED: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// Percent-encodes `s` the RFC 3986 way: keeps `A-Z a-z 0-9 - _ . ~` and writes every other
/// UTF-8 byte as `%XY` with upper-case hex, so a space is `%20` (never `+`) and `*` is `%2A`.
///
/// Borrows `s` when nothing needs encoding.
///
/// ```
/// use acs_runtime::params::encode;
///
/// assert_eq!(encode(" ~/*-+"), "%20~%2F%2A-%2B");
/// assert_eq!(encode("é"), "%C3%A9");
/// ```
pub fn encode(s: &str) -> Cow<'_, str> {
    if is_unreserved(s) {
        Cow::Borrowed(s)
    } else {
        utf8_percent_encode(s, RESERVED).into()
    }
}

/// Appends the [`encode`]d form of `s` to `out`.
pub fn encode_into(out: &mut String, s: &str) {
    append_known(out, s, is_unreserved(s));
}

/// Appends `text` encoded, knowing whether it encodes to itself (`plain`).
pub(crate) fn append_known(out: &mut String, text: &str, plain: bool) {
    if plain {
        out.push_str(text);
    } else {
        out.extend(utf8_percent_encode(text, RESERVED));
    }
}

/// Whether `s` encodes to itself: the common case of parameter names, ids and numbers, which
/// is then copied whole instead of chunk by chunk.
///
/// Sixteen bytes at a time by comparisons only, which the compiler turns into vector
/// instructions, with no branch per byte. The bytes after the last whole chunk are checked as
/// the last sixteen bytes of `s`; a shorter `s` is gathered into one chunk of unreserved
/// padding by fixed-size copies that may overlap (every byte of `s` is checked, some twice).
pub(crate) fn is_unreserved(s: &str) -> bool {
    let bytes = s.as_bytes();
    match bytes.len().checked_sub(16) {
        Some(last) => {
            bytes
                .chunks_exact(16)
                .all(|chunk| all_unreserved(chunk.try_into().expect("sixteen bytes")))
                && all_unreserved(bytes[last..].try_into().expect("sixteen bytes"))
        }
        None => all_unreserved(&gathered(bytes)),
    }
}

/// The bytes of `short` (fewer than sixteen) in one chunk padded with an unreserved byte,
/// some of them twice: what matters is that each is there.
fn gathered(short: &[u8]) -> [u8; 16] {
    let mut chunk = [b'-'; 16];
    let len = short.len();
    if len >= 8 {
        chunk[..8].copy_from_slice(&short[..8]);
        chunk[8..].copy_from_slice(&short[len - 8..]);
    } else if len >= 4 {
        chunk[..4].copy_from_slice(&short[..4]);
        chunk[4..8].copy_from_slice(&short[len - 4..]);
    } else if len > 0 {
        chunk[..3].copy_from_slice(&[short[0], short[len / 2], short[len - 1]]);
    }
    chunk
}

/// Whether all sixteen bytes are unreserved.
#[inline]
fn all_unreserved(chunk: &[u8; 16]) -> bool {
    chunk
        .iter()
        .fold(true, |all, &b| all & is_unreserved_byte(b))
}

/// `A-Z a-z 0-9 - _ . ~`.
pub(super) const fn is_unreserved_byte(b: u8) -> bool {
    let letter = (b | 0x20).wrapping_sub(b'a') < 26;
    let digit = b.wrapping_sub(b'0') < 10;
    letter | digit | (b == b'-') | (b == b'_') | (b == b'.') | (b == b'~')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unreserved_bytes_are_exactly_rfc_3986s() {
        for b in 0..=u8::MAX {
            let rfc = b.is_ascii_alphanumeric() || b"-_.~".contains(&b);
            assert_eq!(is_unreserved_byte(b), rfc, "byte {b:#04x}");
            let one = [b];
            let alone = std::str::from_utf8(&one).is_ok_and(is_unreserved);
            assert_eq!(alone, rfc, "byte {b:#04x}");
        }
        assert!(is_unreserved("RegionId.1-a_b~c"));
        assert!(is_unreserved(
            "TunnelOptionsSpecification.1.TunnelBgpConfig.LocalBgpIp"
        ));
        assert!(!is_unreserved(
            "TunnelOptionsSpecification.1 TunnelBgpConfig"
        ));
        assert!(!is_unreserved(
            "TunnelOptionsSpecification.1.TunnelBgpConfig/"
        ));
        assert!(!is_unreserved("Tag Key"));
        assert!(!is_unreserved("é"));
        assert!(is_unreserved(""));
        // Each length up to two chunks, with a reserved byte at each place.
        for len in 1..=33 {
            let plain = "a".repeat(len);
            assert!(is_unreserved(&plain), "{len}");
            for at in 0..len {
                let mut text = plain.clone().into_bytes();
                text[at] = b'/';
                let text = String::from_utf8(text).unwrap();
                assert!(!is_unreserved(&text), "{text}");
            }
        }
    }
}
