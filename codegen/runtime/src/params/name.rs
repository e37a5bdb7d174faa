//! [`ParamName`]: a parameter's wire name with what the canonical query needs of it (its sort
//! prefix, whether it encodes to itself), worked out once.

use super::encode::{is_unreserved, is_unreserved_byte};

/// A parameter's wire name with its sort prefix and whether it encodes to itself, worked out
/// when it is made: at compile time for a constant, which is how `#[derive(RpcParams)]` makes
/// the name of each field.
///
/// ```
/// use acs_runtime::params::ParamName;
///
/// const REGION_ID: ParamName<'static> = ParamName::new("RegionId");
/// assert_eq!(REGION_ID.as_str(), "RegionId");
/// assert_eq!(REGION_ID, ParamName::new(&"RegionId".to_owned()));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ParamName<'a> {
    text: &'a str,
    prefix: u64,
    plain: bool,
}

impl<'a> ParamName<'a> {
    /// `text` with its facts, found byte by byte (a pass that also runs at compile time).
    pub const fn new(text: &'a str) -> Self {
        let bytes = text.as_bytes();
        let mut prefix = [0u8; 8];
        let mut plain = true;
        let mut at = 0;
        while at < bytes.len() {
            if at < prefix.len() {
                prefix[at] = bytes[at];
            }
            plain &= is_unreserved_byte(bytes[at]);
            at += 1;
        }
        Self {
            text,
            prefix: u64::from_be_bytes(prefix),
            plain,
        }
    }

    /// `text` with its facts, found by the checks that read many bytes at once: for a name
    /// made at run time, such as a nested key.
    pub(crate) fn of(text: &'a str) -> Self {
        Self {
            text,
            prefix: key_prefix(text),
            plain: is_unreserved(text),
        }
    }

    /// The name as it goes on the wire (before encoding).
    pub const fn as_str(&self) -> &'a str {
        self.text
    }

    /// The name's first eight bytes as a number ([`key_prefix`]).
    pub(crate) fn prefix(&self) -> u64 {
        self.prefix
    }

    /// Whether the name encodes to itself.
    pub(crate) fn is_plain(&self) -> bool {
        self.plain
    }
}

/// The first eight bytes of `key`, zero-padded, as a number ordered like the bytes: most
/// parameter names differ in them, so sorting by it first compares integers only.
///
/// A key shorter than eight bytes is placed by fixed-size copies that may overlap (each byte
/// lands where it belongs), not by a copy of variable length.
pub(crate) fn key_prefix(key: &str) -> u64 {
    let bytes = key.as_bytes();
    if let Some(head) = bytes.first_chunk::<8>() {
        return u64::from_be_bytes(*head);
    }
    let mut head = [0u8; 8];
    let len = bytes.len();
    if len >= 4 {
        head[..4].copy_from_slice(&bytes[..4]);
        head[len - 4..len].copy_from_slice(&bytes[len - 4..]);
    } else if len > 0 {
        for at in [0, len / 2, len - 1] {
            head[at] = bytes[at];
        }
    }
    u64::from_be_bytes(head)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the prefix is: the first eight bytes, zero-padded, big-endian.
    fn first_eight(key: &str) -> u64 {
        let mut head = [0u8; 8];
        for (slot, b) in head.iter_mut().zip(key.bytes()) {
            *slot = b;
        }
        u64::from_be_bytes(head)
    }

    #[test]
    fn each_key_prefix_is_its_first_eight_bytes_zero_padded_whatever_follows() {
        for len in 0..=9 {
            let key = &"KeyPrefix"[..len];
            assert_eq!(key_prefix(key), first_eight(key), "{key:?}");
        }
        assert_eq!(key_prefix("Key"), u64::from_be_bytes(*b"Key\0\0\0\0\0"));
        assert_eq!(key_prefix("KeyPrefix"), u64::from_be_bytes(*b"KeyPrefi"));
    }

    /// Names of every length up to three chunks, plain or with a reserved or non-ASCII byte
    /// at each place: the compile-time pass and the run-time checks agree, and both say what
    /// the definitions say.
    #[test]
    fn a_name_made_at_compile_time_has_the_facts_of_one_made_at_run_time() {
        const CONSTANT: ParamName<'static> = ParamName::new("Tag.1.Key");
        assert_eq!(CONSTANT, ParamName::of("Tag.1.Key"));
        for len in 0..=48 {
            let plain: String = (0..len).map(|i| (b'A' + (i % 26) as u8) as char).collect();
            let mut names = vec![plain.clone()];
            for at in 0..len {
                for odd in [" ", "=", "é", "~", "."] {
                    let mut name = plain.clone();
                    name.replace_range(at..at + 1, odd);
                    names.push(name);
                }
            }
            for name in &names {
                let made = ParamName::new(name);
                assert_eq!(made, ParamName::of(name), "{name:?}");
                assert_eq!(made.prefix(), first_eight(name), "{name:?}");
                let rfc = name
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"-_.~".contains(&b));
                assert_eq!(made.is_plain(), rfc, "{name:?}");
                assert_eq!(made.as_str(), name);
            }
        }
    }
}
