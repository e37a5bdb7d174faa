//! `#[derive(RpcParams)]`: serialization of request structs for the Alibaba Cloud RPC wire.

mod attr;
mod check;
mod ctxt;
mod expand;

use proc_macro::TokenStream;

/// Derives `RpcParams` and `RpcValue` (from `acs_runtime::params`) for a struct with named
/// fields, one field per RPC parameter.
///
/// `RpcParams` writes the fields at top level (`RegionId=...`), each to its location;
/// `RpcValue` writes them under a prefix (`Tags.1.Key=...`), so the struct can be nested in
/// another at any depth. `RpcParams` writes the query fields in the byte order of their wire
/// names, the order the signature sorts the query in, and the body fields in declaration order;
/// `RpcValue` writes the fields in declaration order.
///
/// Container attributes, `#[rpc(...)]` on the struct:
/// - `rename_all = "PascalCase" | "camelCase" | "snake_case"`: the wire name of a field
///   without `name` (default `PascalCase`: `region_id` is sent as `RegionId`);
/// - `location = "query" | "form"`: the default location of the fields (default `query`);
/// - `crate = "path"`: where the runtime is, when it is not `::acs_runtime`.
///
/// Field attributes, `#[rpc(...)]` on a field:
/// - `name = "VSwitchId"`: the wire name;
/// - `location = "query" | "form"`: URL query or form body; values nested in the field go
///   with it;
/// - `style = "..."`: `repeatList` and `flat` are the default shape (lists 1-based,
///   `Key.1`, nested structs dotted, `Key.Field`); `json` sends the whole value (any
///   `serde::Serialize`) as one JSON string, nothing when it is `null`; `simple`,
///   `spaceDelimited` and `pipeDelimited` join a list of scalars with `,`, ` ` or `|`;
/// - `skip`: the field is not sent;
/// - `with = path::to_fn`: the field is written by calling
///   `path::to_fn(&self.field, w: &mut ParamWriter<'_>, key: &mut String)`, so the function
///   takes `&FieldType` or what it derefs to (`&[T]` for a `Vec<T>`) and gets the field's
///   complete key.
///
/// Misuse (unknown or repeated attributes, wrong values, a list style on a scalar, field types
/// that can never be parameters, two fields with one wire name, enums, unions, tuple and unit
/// structs) is a compile error at the offending tokens; all of an item's errors are reported
/// at once.
#[proc_macro_derive(RpcParams, attributes(rpc))]
pub fn derive_rpc_params(input: TokenStream) -> TokenStream {
    let input = syn::parse_macro_input!(input as syn::DeriveInput);
    expand::derive(&input)
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}
