//! RPC parameter serialization: the traits `#[derive(RpcParams)]` implements and the wire encoder.
//!
//! A request struct deriving [`RpcParams`](macro@crate::RpcParams) writes each field as one
//! or more `key=value` pairs through a [`ParamWriter`], to the URL query or to the form body:
//! scalars as `Name=value`, lists as `Name.1`, `Name.2`, nested structs as `Name.Field`, at any
//! depth. A request's query fields are written in the order of their wire names (the order the
//! signature sorts them in, so signing has nothing to sort), its body fields and the fields of
//! nested structs in declaration order. [`encode`] is the RFC 3986 encoding used for the wire
//! and for signing.

mod encode;
mod name;
mod output;
mod path;
mod payload;
mod scalar;
mod style;
mod value;
mod writer;

pub(crate) use encode::is_unreserved;
pub use encode::{encode, encode_into};
pub use name::ParamName;
pub(crate) use name::key_prefix;
pub use output::{EncodedParams, Pairs, Params};
pub use path::{PathError, render as render_path};
pub use payload::{Body, Payload, RawBody};
pub use scalar::RpcScalar;
pub use style::{Delimited, DelimitedList, Json, With};
pub use writer::ParamWriter;

pub use acs_wire::{Location, Style};

/// A request: a struct whose fields are the RPC parameters of one operation.
///
/// Derive it; the derive also implements [`RpcValue`], so the same struct can be nested in
/// another request, where its fields are written under the field's key:
///
/// ```
/// use acs_runtime::RpcParams;
///
/// #[derive(RpcParams)]
/// struct Tag {
///     #[rpc(name = "Key")]
///     key: String,
///     #[rpc(name = "Value")]
///     value: Option<String>,
/// }
///
/// #[derive(RpcParams)]
/// struct DescribeVpnGateways {
///     #[rpc(name = "RegionId")]
///     region_id: String,
///     #[rpc(name = "PageSize")]
///     page_size: Option<i32>,
///     #[rpc(name = "Tag")]
///     tag: Vec<Tag>,
///     #[rpc(name = "VpcIds", style = "simple", location = "form")]
///     vpc_ids: Vec<String>,
/// }
///
/// use acs_runtime::params::RpcParams as _;
///
/// let request = DescribeVpnGateways {
///     region_id: "cn-hangzhou".into(),
///     page_size: None,
///     tag: vec![Tag { key: "team".into(), value: Some("net ops".into()) }],
///     vpc_ids: vec!["vpc-1".into(), "vpc-2".into()],
/// };
/// let params = request.to_params();
/// assert_eq!(params.encoded_query(), "RegionId=cn-hangzhou&Tag.1.Key=team&Tag.1.Value=net%20ops");
/// assert_eq!(params.encoded_body(), "VpcIds=vpc-1%2Cvpc-2");
/// assert_eq!(request.to_encoded().query(), params.encoded_query());
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not an RPC request",
    label = "does not implement `RpcParams`",
    note = "add `#[derive(acs_runtime::RpcParams)]` to the request struct"
)]
pub trait RpcParams {
    /// Writes every field, each to its own location.
    fn write_params(&self, w: &mut ParamWriter<'_>);

    /// The decoded query and body pairs of this request.
    fn to_params(&self) -> Params
    where
        Self: Sized,
    {
        Params::of(self)
    }

    /// The encoded query string and form body of this request, built without decoded pairs.
    fn to_encoded(&self) -> EncodedParams
    where
        Self: Sized,
    {
        EncodedParams::of(self)
    }
}

/// A value that can be sent as (part of) one parameter.
///
/// Scalars write one pair under `key`; lists, maps and nested structs write one pair per leaf
/// under keys that extend `key` (see [`ParamWriter::child`]). Implemented for strings,
/// integers, booleans (`true` / `false`), floats, `Option` (`None` sends nothing), `Vec`,
/// slices and arrays, `BTreeMap` and `HashMap` with string keys, `Box`, `&T` and `Cow`, and by
/// `#[derive(RpcParams)]`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be sent as an RPC parameter",
    label = "does not implement `RpcValue`",
    note = "parameters are strings, integers, booleans, floats, `Option`, `Vec`, maps with string keys, structs deriving `RpcParams`, or any type with `#[rpc(with = ...)]` or `#[rpc(style = \"json\")]`"
)]
pub trait RpcValue {
    /// Writes this value under `key` (the complete wire path so far, e.g. "Tags.1") to `w`.
    ///
    /// `key` must be as it was given when this returns.
    fn write_value(&self, w: &mut ParamWriter<'_>, key: &mut String);

    /// Writes this value as the top-level parameter `name`.
    ///
    /// The default puts `name` in the writer's key buffer and calls
    /// [`write_value`](Self::write_value); a value that is one pair (a scalar) writes it under
    /// `name` directly, with nothing copied and the name's facts as they were worked out.
    fn write_param(&self, w: &mut ParamWriter<'_>, name: ParamName<'_>) {
        w.keyed(name.as_str(), |w, key| self.write_value(w, key));
    }
}
