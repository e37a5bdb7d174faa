//! `--body` and `--body-file`: the body of a REST call given whole, read into the operation's
//! body parameters so that it is validated like parameters given one by one.

use std::borrow::Cow;

use acs_cli_data::{BodyKind, Location};

use crate::json_value;
use crate::options::BodySource;
use crate::product::{Loaded, Operation};
use crate::value::Arg;

/// Sets the body parameters of `values` (aligned with the operation's parameters) from
/// `source`: the members of a JSON object body, or the one whole body (JSON, text, bytes).
pub(crate) fn apply(
    product: &Loaded,
    op: Operation,
    values: &mut [Option<Arg>],
    source: &BodySource,
) -> Result<(), String> {
    let kind = op.data.body;
    let bytes: Cow<'_, [u8]> = match source {
        BodySource::Text(text) => Cow::Borrowed(text.as_bytes()),
        BodySource::File(path) => Cow::Owned(
            std::fs::read(path).map_err(|e| format!("--body-file {}: {e}", path.display()))?,
        ),
    };
    let body: Vec<usize> = op
        .data
        .parameters
        .iter()
        .enumerate()
        .filter(|(_, p)| p.location == Location::Body)
        .map(|(i, _)| i)
        .collect();
    if body.is_empty() {
        return Err(format!(
            "{} has no body parameter: its parameters are given as --Name value",
            op.data.name
        ));
    }
    let given = body.iter().find(|&&i| values[i].is_some());
    if let Some(&i) = given {
        return Err(format!(
            "--{} and --body both give the body: give one of them",
            op.data.parameters[i].name
        ));
    }
    let text = || std::str::from_utf8(&bytes).map_err(|_| "the body is not UTF-8 text".to_owned());
    let json = || -> Result<serde_json::Value, String> {
        serde_json::from_str(text()?).map_err(|e| format!("the body is not JSON: {e}"))
    };
    match kind {
        BodyKind::Fields => {
            let object = json()?;
            let Some(object) = object.as_object() else {
                return Err("the body must be a JSON object of the body parameters".to_owned());
            };
            for (key, value) in object {
                let Some(&i) = body.iter().find(|&&i| op.data.parameters[i].name == *key) else {
                    let names: Vec<&str> = body
                        .iter()
                        .map(|&i| op.data.parameters[i].name.as_str())
                        .collect();
                    return Err(format!(
                        "the body has {key:?}, which is no body parameter of {} ({})",
                        op.data.name,
                        names.join(", ")
                    ));
                };
                let shape = &op.data.parameters[i].shape;
                values[i] = json_value::from_json(product, shape, value, key)?;
            }
        }
        BodyKind::Json => {
            let i = body[0];
            let shape = &op.data.parameters[i].shape;
            let name = &op.data.parameters[i].name;
            values[i] = json_value::from_json(product, shape, &json()?, name)?;
        }
        BodyKind::Text => values[body[0]] = Some(Arg::Str(text()?.to_owned())),
        BodyKind::Binary => values[body[0]] = Some(Arg::Bytes(bytes.into_owned())),
        BodyKind::Form => {
            return Err(format!(
                "{} sends a form: its parameters are given as --Name value",
                op.data.name
            ));
        }
    }
    Ok(())
}
