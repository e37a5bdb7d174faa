//! What serialization produces: decoded pairs ([`Params`], [`Pairs`]) or ready-to-send strings ([`EncodedParams`]).

use std::cmp::Ordering;
use std::fmt;

use serde_json::Value;

use super::encode::{append_known, is_unreserved};
use super::{Location, ParamName, ParamWriter, Payload, RpcParams};

/// The parameters of one request: query pairs, form-body pairs, and for REST operations path
/// variables, headers and the JSON or raw body, decoded, in emission order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Params {
    query: Pairs,
    body: Pairs,
    rest: RestParts,
}

impl Params {
    /// An empty parameter set.
    pub fn new() -> Self {
        Self::default()
    }

    /// The decoded query and body pairs of `request`: [`RpcParams::to_params`], also for a
    /// request behind `dyn`.
    pub fn of(request: &dyn RpcParams) -> Self {
        let mut params = Self::new();
        request.write_params(&mut ParamWriter::pairs(&mut params));
        params
    }

    /// The query pairs, decoded, in emission order.
    pub fn query(&self) -> &Pairs {
        &self.query
    }

    /// The form-body pairs, decoded, in emission order.
    pub fn body(&self) -> &Pairs {
        &self.body
    }

    /// The values of the path template's variables, by wire name.
    pub fn path(&self) -> &Pairs {
        &self.rest.path
    }

    /// The header parameters, names in lower case.
    pub fn headers(&self) -> &Pairs {
        &self.rest.headers
    }

    /// The JSON members or whole body.
    pub fn payload(&self) -> &Payload {
        &self.rest.payload
    }

    /// The JSON members or whole body, to write.
    pub fn payload_mut(&mut self) -> &mut Payload {
        &mut self.rest.payload
    }

    /// Appends `key=value` to the pairs of `location`.
    pub fn push(&mut self, location: Location, key: impl AsRef<str>, value: impl AsRef<str>) {
        let value = value.as_ref();
        self.push_named(
            location,
            ParamName::of(key.as_ref()),
            value,
            is_unreserved(value),
        );
    }

    /// Appends `name=value` to the pairs of `location`, knowing whether `value` encodes to
    /// itself (`plain_value`).
    pub(crate) fn push_named(
        &mut self,
        location: Location,
        name: ParamName<'_>,
        value: &str,
        plain_value: bool,
    ) {
        match location {
            Location::Query => self.query.push_named(name, value, plain_value),
            Location::Form => self.body.push_named(name, value, plain_value),
            Location::Path | Location::Header | Location::Body => {
                self.rest.push(location, name, value, plain_value)
            }
        }
    }

    /// Whether `key` is present in the query, the form body or the JSON members.
    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// The value of the first `key`, in the query, the form body or (a string) the JSON
    /// members.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.query
            .iter()
            .chain(self.body.iter())
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v)
            .or_else(|| self.rest.payload.get(key).and_then(Value::as_str))
    }

    /// The value of the first `key` at `location` (a header by its name in any case, a JSON
    /// member when it is a string).
    pub fn value_at(&self, location: Location, key: &str) -> Option<&str> {
        match location {
            Location::Query => self.query.value(key),
            Location::Form => self.body.value(key),
            Location::Path => self.rest.path.value(key),
            Location::Header => self.rest.headers.value(&key.to_ascii_lowercase()),
            Location::Body => self.rest.payload.get(key).and_then(Value::as_str),
        }
    }

    /// Gives `key` at `location` the value `make()` when it is absent or empty there (an
    /// empty value is replaced, never sent beside the new one): how the client fills an
    /// idempotency token.
    pub fn fill(&mut self, location: Location, key: &str, make: impl FnOnce() -> String) {
        if self.value_at(location, key).is_some_and(|v| !v.is_empty()) {
            return;
        }
        match location {
            Location::Query => self.query.remove(key),
            Location::Form => self.body.remove(key),
            Location::Path => self.rest.path.remove(key),
            Location::Header => self.rest.headers.remove(&key.to_ascii_lowercase()),
            Location::Body => self.rest.payload.remove(key),
        }
        self.push(location, key, make());
    }

    /// Removes every `key`, from the query, the form body and the JSON members.
    pub fn remove(&mut self, key: &str) {
        self.query.remove(key);
        self.body.remove(key);
        self.rest.payload.remove(key);
    }

    /// The query string `k=v&k2=v2`, keys and values [`encode`](super::encode)d, in emission order.
    pub fn encoded_query(&self) -> String {
        self.query.encoded()
    }

    /// The `application/x-www-form-urlencoded` body, encoded like [`Params::encoded_query`].
    pub fn encoded_body(&self) -> String {
        self.body.encoded()
    }
}

/// What a REST request holds beside its query and form: path values, headers and the JSON
/// or whole body; the same for decoded and encoded parameters.
#[derive(Debug, Clone, Default, PartialEq)]
struct RestParts {
    path: Pairs,
    headers: Pairs,
    payload: Payload,
}

impl RestParts {
    /// Writes `name=value` to the part of `location`: a path or header pair (header names in
    /// lower case), or a string member of the JSON body.
    fn push(&mut self, location: Location, name: ParamName<'_>, value: &str, plain_value: bool) {
        match location {
            Location::Path => self.path.push_named(name, value, plain_value),
            Location::Header => self
                .headers
                .push(&name.as_str().to_ascii_lowercase(), value),
            Location::Body => self
                .payload
                .member(name.as_str(), Value::String(value.to_owned())),
            Location::Query | Location::Form => {
                unreachable!("the query and the form are written beside the REST parts")
            }
        }
    }
}

/// Decoded `key=value` pairs in emission order, held in one string: writing a pair allocates
/// nothing once the string has grown to the request's size.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Pairs {
    /// Every pair as `key=value`, joined by `&`: the pairs encoded, where they encode to
    /// themselves.
    text: String,
    /// Where each pair lies in `text`.
    spans: Vec<Span>,
}

/// One pair in [`Pairs::text`]: its key is `text[start..eq]`, its value `text[eq + 1..end]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Span {
    start: usize,
    eq: usize,
    end: usize,
    /// The key's first eight bytes as a number, what the canonical query sorts by first.
    prefix: u64,
    /// Whether the key encodes to itself.
    plain_key: bool,
    /// Whether the value encodes to itself: then `text[start..end]` is the pair encoded.
    plain_value: bool,
}

/// Room for a typical request's pairs, reserved by the first pair.
const INITIAL_TEXT: usize = 512;
const INITIAL_PAIRS: usize = 16;

impl Pairs {
    /// Appends `key=value`.
    pub fn push(&mut self, key: &str, value: &str) {
        self.push_named(ParamName::of(key), value, is_unreserved(value));
    }

    /// Appends `name=value`, knowing whether `value` encodes to itself (`plain_value`).
    fn push_named(&mut self, name: ParamName<'_>, value: &str, plain_value: bool) {
        debug_assert_eq!(plain_value, is_unreserved(value));
        if self.spans.is_empty() {
            self.text.reserve(INITIAL_TEXT);
            self.spans.reserve(INITIAL_PAIRS);
        } else {
            self.text.push('&');
        }
        let start = self.text.len();
        self.text.push_str(name.as_str());
        let eq = self.text.len();
        self.text.push('=');
        self.text.push_str(value);
        self.spans.push(Span {
            start,
            eq,
            end: self.text.len(),
            prefix: name.prefix(),
            plain_key: name.is_plain(),
            plain_value,
        });
    }

    /// The pairs, in emission order.
    pub fn iter(
        &self,
    ) -> impl DoubleEndedIterator<Item = (&str, &str)> + ExactSizeIterator + Clone {
        self.spans.iter().map(|span| self.pair(span))
    }

    /// The `index`th pair.
    pub fn get(&self, index: usize) -> Option<(&str, &str)> {
        self.spans.get(index).map(|span| self.pair(span))
    }

    fn pair(&self, span: &Span) -> (&str, &str) {
        (
            &self.text[span.start..span.eq],
            &self.text[span.eq + 1..span.end],
        )
    }

    /// Whether `key=value` is one of the pairs.
    pub fn contains(&self, (key, value): (&str, &str)) -> bool {
        self.iter().any(|pair| pair == (key, value))
    }

    /// How many pairs there are.
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    /// Whether there is no pair.
    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// Whether every key encodes to itself (API parameter names do).
    pub(crate) fn plain_keys(&self) -> bool {
        self.spans.iter().all(|span| span.plain_key)
    }

    /// Whether the keys came in canonical order, each at least the one before it byte by
    /// byte (as a derived request writes its query): then, when they encode to themselves,
    /// the canonical query is [`Pairs::encoded`].
    pub(crate) fn sorted(&self) -> bool {
        self.spans
            .windows(2)
            .all(|pair| match pair[0].prefix.cmp(&pair[1].prefix) {
                Ordering::Less => true,
                Ordering::Equal => self.pair(&pair[0]).0 <= self.pair(&pair[1]).0,
                Ordering::Greater => false,
            })
    }

    /// Each key's first eight bytes as a number ([`key_prefix`]), in emission order.
    pub(crate) fn key_prefixes(&self) -> impl ExactSizeIterator<Item = u64> + '_ {
        self.spans.iter().map(|span| span.prefix)
    }

    /// The `index`th key.
    pub(crate) fn key(&self, index: usize) -> &str {
        self.pair(&self.spans[index]).0
    }

    /// The length of every pair as `key=value`, joined by `&`, before encoding.
    pub(crate) fn plain_len(&self) -> usize {
        self.text.len()
    }

    /// Appends the `index`th pair, `enc(key)=enc(value)`, to `out`: copied whole when it
    /// encodes to itself.
    pub(crate) fn append_encoded(&self, out: &mut String, index: usize) {
        let span = &self.spans[index];
        if span.plain_key && span.plain_value {
            out.push_str(&self.text[span.start..span.end]);
        } else {
            let (key, value) = self.pair(span);
            append_known(out, key, span.plain_key);
            out.push('=');
            append_known(out, value, span.plain_value);
        }
    }

    /// The value of the first pair whose key is `key`.
    fn value(&self, key: &str) -> Option<&str> {
        self.iter().find(|(k, _)| *k == key).map(|(_, v)| v)
    }

    /// Removes every pair whose key is `key`.
    fn remove(&mut self, key: &str) {
        if self.iter().any(|(k, _)| k == key) {
            let kept = Pairs::default();
            *self = self
                .iter()
                .filter(|(k, _)| *k != key)
                .fold(kept, |mut kept, (k, v)| {
                    kept.push(k, v);
                    kept
                });
        }
    }

    /// `k=v&k2=v2`, keys and values encoded, in emission order: each run of pairs that encode
    /// to themselves copied at once.
    pub(crate) fn encoded(&self) -> String {
        let mut out = String::with_capacity(self.text.len() + self.text.len() / 2);
        // Where the run of pairs not yet copied starts in `text`.
        let mut run = 0;
        for (index, span) in self.spans.iter().enumerate() {
            if !(span.plain_key && span.plain_value) {
                out.push_str(&self.text[run..span.start]);
                self.append_encoded(&mut out, index);
                run = span.end;
            }
        }
        out.push_str(&self.text[run..]);
        out
    }
}

impl fmt::Debug for Pairs {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl<K: AsRef<str>, V: AsRef<str>> PartialEq<[(K, V)]> for Pairs {
    fn eq(&self, other: &[(K, V)]) -> bool {
        self.len() == other.len()
            && self
                .iter()
                .zip(other)
                .all(|((k, v), (ok, ov))| k == ok.as_ref() && v == ov.as_ref())
    }
}

impl<K: AsRef<str>, V: AsRef<str>, const N: usize> PartialEq<[(K, V); N]> for Pairs {
    fn eq(&self, other: &[(K, V); N]) -> bool {
        *self == other[..]
    }
}

impl<K: AsRef<str>, V: AsRef<str>> PartialEq<&[(K, V)]> for Pairs {
    fn eq(&self, other: &&[(K, V)]) -> bool {
        *self == **other
    }
}

/// The parameters of one request already encoded for the wire: the fast path when no
/// decoded pairs are needed.
///
/// `query()` equals [`Params::encoded_query`] and `body()` equals [`Params::encoded_body`]
/// for the same request.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EncodedParams {
    query: String,
    body: String,
    rest: RestParts,
}

impl EncodedParams {
    /// An empty parameter set.
    pub fn new() -> Self {
        Self::default()
    }

    /// The encoded query string and form body of `request`: [`RpcParams::to_encoded`], also
    /// for a request behind `dyn`.
    pub fn of(request: &dyn RpcParams) -> Self {
        let mut encoded = Self::new();
        request.write_params(&mut ParamWriter::encoded(&mut encoded));
        encoded
    }

    /// The encoded query string, `k=v&k2=v2`.
    pub fn query(&self) -> &str {
        &self.query
    }

    /// The encoded form body, `k=v&k2=v2`.
    pub fn body(&self) -> &str {
        &self.body
    }

    /// The values of the path template's variables, decoded, by wire name.
    pub fn path(&self) -> &Pairs {
        &self.rest.path
    }

    /// The header parameters, names in lower case.
    pub fn headers(&self) -> &Pairs {
        &self.rest.headers
    }

    /// The JSON members or whole body.
    pub fn payload(&self) -> &Payload {
        &self.rest.payload
    }

    /// The JSON members or whole body, to write.
    pub(crate) fn payload_mut(&mut self) -> &mut Payload {
        &mut self.rest.payload
    }

    /// Appends `key=value`, both encoded, to the string of `location`.
    pub fn push(&mut self, location: Location, key: &str, value: &str) {
        self.push_named(location, ParamName::of(key), value, is_unreserved(value));
    }

    /// Appends `name=value`, both encoded, to the string of `location`, knowing whether
    /// `value` encodes to itself (`plain_value`).
    pub(crate) fn push_named(
        &mut self,
        location: Location,
        name: ParamName<'_>,
        value: &str,
        plain_value: bool,
    ) {
        let out = match location {
            Location::Query => &mut self.query,
            Location::Form => &mut self.body,
            Location::Path | Location::Header | Location::Body => {
                return self.rest.push(location, name, value, plain_value);
            }
        };
        if out.is_empty() {
            out.reserve(INITIAL_TEXT);
        } else {
            out.push('&');
        }
        append_known(out, name.as_str(), name.is_plain());
        out.push('=');
        append_known(out, value, plain_value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_equals_sign_in_a_key_or_a_value_is_encoded() {
        let mut pairs = Pairs::default();
        for (key, value) in [("a=b", "c"), ("k", "v=w"), ("=", "="), ("p", "q"), ("", "")] {
            pairs.push(key, value);
        }
        assert_eq!(pairs.encoded(), "a%3Db=c&k=v%3Dw&%3D=%3D&p=q&=");
        assert_eq!(
            pairs.iter().collect::<Vec<_>>(),
            [("a=b", "c"), ("k", "v=w"), ("=", "="), ("p", "q"), ("", "")]
        );
        assert!(!pairs.plain_keys());
    }

    #[test]
    fn fill_sets_an_absent_or_empty_value_at_its_location_only() {
        let mut calls = 0;
        let mut make = || {
            calls += 1;
            format!("t{calls}")
        };
        for location in Location::ALL {
            let mut params = Params::new();
            params.push(Location::Query, "Other", "x");
            params.fill(location, "Token", &mut make);
            let filled = params.value_at(location, "Token").map(str::to_owned);
            assert!(filled.is_some(), "{location:?}");
            // Nowhere else.
            for elsewhere in Location::ALL.into_iter().filter(|l| *l != location) {
                assert_eq!(params.value_at(elsewhere, "Token"), None, "{location:?}");
            }
            // Given: kept, and `make` not called.
            let before = filled.clone();
            params.fill(location, "Token", &mut make);
            assert_eq!(
                params.value_at(location, "Token").map(str::to_owned),
                before
            );
        }
        assert_eq!(calls, Location::ALL.len());

        // Given empty: replaced, not sent beside the new value.
        let mut params = Params::new();
        params.push(Location::Form, "ClientToken", "");
        params.fill(Location::Form, "ClientToken", || "u".to_owned());
        assert_eq!(params.encoded_body(), "ClientToken=u");
        // A header is found by its name in any case.
        let mut params = Params::new();
        params.push(Location::Header, "X-Key", "mine");
        params.fill(Location::Header, "x-key", || "u".to_owned());
        assert_eq!(
            params.headers().iter().collect::<Vec<_>>(),
            [("x-key", "mine")]
        );
    }
}
