//! [`ParamWriter`]: where serialized pairs go, under which location, with one reused key buffer.

use std::mem;

use bytes::Bytes;
use serde::Serialize;

use super::encode::is_unreserved;
use super::payload::json_value;
use super::{EncodedParams, Location, ParamName, Params, Payload, RawBody, RpcValue};

/// The destination of serialized parameters, handed to [`RpcParams::write_params`](super::RpcParams::write_params)
/// and [`RpcValue::write_value`].
///
/// It carries the [`Location`] of the top-level parameter being written (nested values inherit
/// it) and writes either decoded pairs into a [`Params`] or encoded text into an
/// [`EncodedParams`]. Keys are built in one buffer that each level extends and truncates again,
/// so a nested path such as `Tags.1.Key` costs no allocation of its own.
#[derive(Debug)]
pub struct ParamWriter<'a> {
    sink: Sink<'a>,
    location: Location,
    key: String,
}

/// Reserved by the first nested value: enough for the longest wire paths of the Vpc API
/// (`TunnelOptionsSpecification.1.TunnelBgpConfig.LocalBgpIp` is 52 bytes).
const KEY_CAPACITY: usize = 64;

#[derive(Debug)]
enum Sink<'a> {
    Pairs(&'a mut Params),
    Encoded(&'a mut EncodedParams),
}

impl<'a> ParamWriter<'a> {
    /// A writer appending decoded pairs to `params`.
    pub fn pairs(params: &'a mut Params) -> Self {
        Self::with_sink(Sink::Pairs(params))
    }

    /// A writer appending encoded `k=v` text to `encoded`.
    pub fn encoded(encoded: &'a mut EncodedParams) -> Self {
        Self::with_sink(Sink::Encoded(encoded))
    }

    fn with_sink(sink: Sink<'a>) -> Self {
        Self {
            sink,
            location: Location::Query,
            key: String::new(),
        }
    }

    /// The location of the top-level parameter being written.
    pub fn location(&self) -> Location {
        self.location
    }

    /// Writes the top-level parameter `name` to `location`: `value` is written under the key
    /// `name`, and everything nested in it goes to the same location.
    pub fn param(&mut self, location: Location, name: &str, value: &dyn RpcValue) {
        self.param_named(location, ParamName::of(name), value);
    }

    /// [`param`](Self::param) for a name whose facts are already worked out, such as a
    /// constant: how `#[derive(RpcParams)]` writes each field.
    pub fn param_named(&mut self, location: Location, name: ParamName<'_>, value: &dyn RpcValue) {
        self.location = location;
        value.write_param(self, name);
    }

    /// Calls `write` with the key buffer holding `name`: how a value that is not one pair
    /// (a list, a map, a nested struct) is written as a top-level parameter.
    pub(super) fn keyed(&mut self, name: &str, write: impl FnOnce(&mut Self, &mut String)) {
        let mut key = mem::take(&mut self.key);
        if key.capacity() == 0 {
            key.reserve(KEY_CAPACITY);
        }
        key.clear();
        key.push_str(name);
        write(self, &mut key);
        self.key = key;
    }

    /// Writes `value` under `key.name` (under `name` alone when `key` is empty), then restores
    /// `key`. Nested struct fields, list indices and map keys all go through here.
    pub fn child(&mut self, key: &mut String, name: &str, value: &dyn RpcValue) {
        let len = key.len();
        if len != 0 {
            key.push('.');
        }
        key.push_str(name);
        value.write_value(self, key);
        key.truncate(len);
    }

    /// Writes the member `name` of the JSON object body: `value` as JSON (`null`, an unset
    /// `Option`, writes nothing).
    pub fn member<T: Serialize + ?Sized>(&mut self, name: &str, value: &T) {
        let value = json_value(value);
        self.payload().member(name, value);
    }

    /// Writes `value` as the whole JSON body (`null` writes nothing).
    pub fn whole_json<T: Serialize + ?Sized>(&mut self, value: &T) {
        let value = json_value(value);
        if !value.is_null() {
            *self.payload() = Payload::Whole(Bytes::from(value.to_string()));
        }
    }

    /// Writes `value` as the whole body, text or bytes sent as they are (`None` writes
    /// nothing).
    pub fn whole_raw(&mut self, value: &dyn RawBody) {
        if let Some(bytes) = value.raw_body() {
            *self.payload() = Payload::Whole(bytes);
        }
    }

    fn payload(&mut self) -> &mut Payload {
        match &mut self.sink {
            Sink::Pairs(params) => params.payload_mut(),
            Sink::Encoded(encoded) => encoded.payload_mut(),
        }
    }

    /// Writes one pair, `key=value`, to the current location.
    pub fn write_str(&mut self, key: &str, value: &str) {
        self.write_named(ParamName::of(key), value);
    }

    /// Writes one pair, `name=value`, to the current location.
    pub(crate) fn write_named(&mut self, name: ParamName<'_>, value: &str) {
        self.write_known(name, value, is_unreserved(value));
    }

    /// Writes one pair, `key=value`, knowing whether `value` encodes to itself
    /// (`plain_value`): a number or a boolean always does.
    pub(crate) fn write_known(&mut self, key: ParamName<'_>, value: &str, plain_value: bool) {
        match &mut self.sink {
            Sink::Pairs(params) => params.push_named(self.location, key, value, plain_value),
            Sink::Encoded(encoded) => encoded.push_named(self.location, key, value, plain_value),
        }
    }
}
