//! What serialization produces: decoded pairs ([`Params`]) or ready-to-send strings ([`EncodedParams`]).

use super::Location;
use super::encode::append_pair;

/// The parameters of one request: query pairs and form-body pairs, decoded, in emission order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Params {
    query: Vec<(String, String)>,
    body: Vec<(String, String)>,
}

impl Params {
    /// An empty parameter set.
    pub fn new() -> Self {
        Self::default()
    }

    /// The query pairs, decoded, in emission order.
    pub fn query(&self) -> &[(String, String)] {
        &self.query
    }

    /// The form-body pairs, decoded, in emission order.
    pub fn body(&self) -> &[(String, String)] {
        &self.body
    }

    /// Appends `key=value` to the pairs of `location`.
    pub fn push(&mut self, location: Location, key: impl Into<String>, value: impl Into<String>) {
        let pairs = match location {
            Location::Query => &mut self.query,
            Location::Body => &mut self.body,
        };
        pairs.push((key.into(), value.into()));
    }

    /// Whether `key` is present in the query or in the body.
    pub fn contains_key(&self, key: &str) -> bool {
        self.query.iter().chain(&self.body).any(|(k, _)| k == key)
    }

    /// The value of the first `key`, in the query or in the body.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.query
            .iter()
            .chain(&self.body)
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// Removes every `key`, from the query and from the body.
    pub fn remove(&mut self, key: &str) {
        self.query.retain(|(k, _)| k != key);
        self.body.retain(|(k, _)| k != key);
    }

    /// The query string `k=v&k2=v2`, keys and values [`encode`](super::encode)d, in emission order.
    pub fn encoded_query(&self) -> String {
        encode_pairs(&self.query)
    }

    /// The `application/x-www-form-urlencoded` body, encoded like [`Params::encoded_query`].
    pub fn encoded_body(&self) -> String {
        encode_pairs(&self.body)
    }
}

fn encode_pairs(pairs: &[(String, String)]) -> String {
    let mut out = String::new();
    for (key, value) in pairs {
        append_pair(&mut out, key, value);
    }
    out
}

/// The parameters of one request already encoded for the wire: the fast path when no
/// decoded pairs are needed.
///
/// `query()` equals [`Params::encoded_query`] and `body()` equals [`Params::encoded_body`]
/// for the same request.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EncodedParams {
    query: String,
    body: String,
}

impl EncodedParams {
    /// An empty parameter set.
    pub fn new() -> Self {
        Self::default()
    }

    /// The encoded query string, `k=v&k2=v2`.
    pub fn query(&self) -> &str {
        &self.query
    }

    /// The encoded form body, `k=v&k2=v2`.
    pub fn body(&self) -> &str {
        &self.body
    }

    /// Appends `key=value`, both encoded, to the string of `location`.
    pub fn push(&mut self, location: Location, key: &str, value: &str) {
        let out = match location {
            Location::Query => &mut self.query,
            Location::Body => &mut self.body,
        };
        append_pair(out, key, value);
    }
}
