//! The wire parameters of a request: each given value written by the runtime's parameter
//! writer under its name, location and style, in parameter order, as the SDK writes them.

use acs_cli_data::{BodyKind, Field, Location, Style};
use acs_runtime::params::{Delimited, Json, ParamWriter, Params};

use crate::value::Arg;

/// The decoded parameters of the values of `fields`, for an operation whose body is `body`:
/// query, form, path and header pairs, and the JSON members or the whole body.
pub(crate) fn params(fields: &[Field], values: &[Option<Arg>], body: BodyKind) -> Params {
    let mut pairs = Params::new();
    let mut writer = ParamWriter::pairs(&mut pairs);
    for (field, value) in fields.iter().zip(values) {
        let Some(value) = value else { continue };
        let location = field.location;
        match (location, body, value, field.style.separator()) {
            (Location::Body, BodyKind::Text | BodyKind::Binary, Arg::Str(text), _) => {
                writer.whole_raw(text)
            }
            (Location::Body, BodyKind::Text | BodyKind::Binary, Arg::Bytes(bytes), _) => {
                writer.whole_raw(bytes)
            }
            (Location::Body, kind, value, _) if kind.is_whole() => writer.whole_json(value),
            (Location::Body, _, value, _) => writer.member(&field.name, value),
            _ if field.style == Style::Json => {
                writer.param(location, &field.name, &Json::new(value));
            }
            (_, _, Arg::List(items), Some(separator)) => {
                writer.param(location, &field.name, &Delimited::new(items, separator));
            }
            _ => writer.param(location, &field.name, value),
        }
    }
    pairs
}
