//! What each signing makes anew: the nonce and the timestamp, held inline without allocating.

use std::fmt;
use std::ops::Deref;

/// ASCII text of a fixed length held inline: a [`nonce`] or a [`timestamp`]. Reads as a `str`.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct InlineStr<const N: usize>([u8; N]);

impl<const N: usize> InlineStr<N> {
    /// The text.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).expect("made of ASCII only")
    }
}

impl<const N: usize> Deref for InlineStr<N> {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl<const N: usize> fmt::Display for InlineStr<N> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl<const N: usize> fmt::Debug for InlineStr<N> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

/// A fresh signature nonce: 128 random bits in lower-case hex.
pub fn nonce() -> InlineStr<32> {
    let mut hex = [0u8; 32];
    const_hex::encode_to_slice(rand::random::<[u8; 16]>(), &mut hex)
        .expect("two hex digits per byte");
    InlineStr(hex)
}

/// The current UTC time as `YYYY-MM-DDThh:mm:ssZ`.
pub fn timestamp() -> InlineStr<20> {
    format_timestamp(time::OffsetDateTime::now_utc())
}

fn format_timestamp(now: time::OffsetDateTime) -> InlineStr<20> {
    let mut ts = *b"0000-00-00T00:00:00Z";
    let year = now.year().unsigned_abs();
    for (at, place) in [(0, 1000), (1, 100), (2, 10), (3, 1)] {
        ts[at] = digit(year / place);
    }
    for (at, value) in [
        (5, u8::from(now.month())),
        (8, now.day()),
        (11, now.hour()),
        (14, now.minute()),
        (17, now.second()),
    ] {
        ts[at] = digit(u32::from(value / 10));
        ts[at + 1] = digit(u32::from(value));
    }
    InlineStr(ts)
}

/// The ASCII digit of `value`'s last decimal place.
fn digit(value: u32) -> u8 {
    // The remainder is below ten.
    b'0' + (value % 10) as u8
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_are_zero_padded_utc() {
        let t = time::macros::datetime!(2023-01-02 03:04:05 UTC);
        assert_eq!(format_timestamp(t).as_str(), "2023-01-02T03:04:05Z");
        let t = time::macros::datetime!(0999-12-31 23:59:59 UTC);
        assert_eq!(format_timestamp(t).as_str(), "0999-12-31T23:59:59Z");
        let t = time::macros::datetime!(2023-10-26 10:22:32 +08:00);
        assert_eq!(
            format_timestamp(t.to_offset(time::UtcOffset::UTC)).as_str(),
            "2023-10-26T02:22:32Z"
        );
    }

    #[test]
    fn timestamp_and_nonce_have_the_wire_shape() {
        let ts = timestamp();
        assert_eq!(ts.len(), 20, "{ts}");
        assert!(ts.ends_with('Z') && &ts[10..11] == "T", "{ts}");
        let (a, b) = (nonce(), nonce());
        assert_eq!(a.len(), 32);
        assert!(
            a.bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        );
        assert_ne!(a, b);
        assert_eq!(format!("{a:?}"), format!("\"{a}\""));
    }
}
