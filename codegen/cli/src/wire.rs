//! The wire parameters of a request: each given value written by the runtime's parameter
//! writer under its name, location and style, in parameter order, as the SDK writes them.

use acs_cli_data::{Field, Location, Style};
use acs_runtime::params::{self, Delimited, Json, ParamWriter, Params};

use crate::value::Arg;

/// The decoded query and body pairs of the values of `fields`.
pub(crate) fn params(fields: &[Field], values: &[Option<Arg>]) -> Params {
    let mut pairs = Params::new();
    let mut writer = ParamWriter::pairs(&mut pairs);
    for (field, value) in fields.iter().zip(values) {
        let Some(value) = value else { continue };
        let location = match field.location {
            Location::Query => params::Location::Query,
            Location::Form => params::Location::Form,
        };
        match (field.style.separator(), value) {
            _ if field.style == Style::Json => {
                writer.param(location, &field.name, &Json::new(value));
            }
            (Some(separator), Arg::List(items)) => {
                writer.param(location, &field.name, &Delimited::new(items, separator));
            }
            _ => writer.param(location, &field.name, value),
        }
    }
    pairs
}
