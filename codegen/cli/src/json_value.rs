//! JSON given for a json-style parameter (or found in a response) read as a typed [`Arg`]:
//! keys are wire names, every value must fit its shape, and an unknown key is refused.

use acs_cli_data::Shape;
use serde_json::Value;

use crate::product::Loaded;
use crate::value::Arg;

/// The value of shape `shape` held by `json` at `path` (the flat name, e.g. `AccessMode`);
/// `None` for JSON `null`, which sends nothing.
pub(crate) fn from_json(
    product: &Loaded,
    shape: &Shape,
    json: &Value,
    path: &str,
) -> Result<Option<Arg>, String> {
    if json.is_null() {
        return Ok(None);
    }
    let wrong = |expected: &str| format!("{path}: expected {expected}, got {json}");
    let arg = match shape {
        Shape::String | Shape::Enum(_) => {
            Arg::Str(json.as_str().ok_or_else(|| wrong("a string"))?.to_owned())
        }
        Shape::Int32 => {
            let n = json.as_i64().ok_or_else(|| wrong("an integer"))?;
            i32::try_from(n).map_err(|_| wrong("an integer of 32 bits"))?;
            Arg::Int(n)
        }
        Shape::Int64 => Arg::Int(json.as_i64().ok_or_else(|| wrong("an integer"))?),
        Shape::Float32 => Arg::F32(json.as_f64().ok_or_else(|| wrong("a number"))? as f32),
        Shape::Float64 => Arg::F64(json.as_f64().ok_or_else(|| wrong("a number"))?),
        Shape::Boolean => Arg::Bool(json.as_bool().ok_or_else(|| wrong("true or false"))?),
        Shape::Json => Arg::Json(json.clone()),
        Shape::Binary => Arg::Bytes(
            json.as_str()
                .ok_or_else(|| wrong("a string"))?
                .as_bytes()
                .to_vec(),
        ),
        Shape::List { item, .. } => {
            let items = json.as_array().ok_or_else(|| wrong("a list"))?;
            let mut list = Vec::with_capacity(items.len());
            for (i, value) in items.iter().enumerate() {
                let item_path = format!("{path}.{}", i + 1);
                let value = from_json(product, item, value, &item_path)?
                    .ok_or_else(|| format!("{item_path}: a list item cannot be null"))?;
                list.push(value);
            }
            Arg::List(list)
        }
        Shape::Map(value_shape) => {
            let object = json.as_object().ok_or_else(|| wrong("an object"))?;
            let mut map = std::collections::BTreeMap::new();
            for (key, value) in object {
                if let Some(value) =
                    from_json(product, value_shape, value, &format!("{path}.{key}"))?
                {
                    map.insert(key.clone(), value);
                }
            }
            Arg::Map(map)
        }
        Shape::Struct(index) => {
            let object = json.as_object().ok_or_else(|| wrong("an object"))?;
            let fields = &product.structure(*index).fields;
            if let Some(unknown) = object
                .keys()
                .find(|k| !fields.iter().any(|f| &f.name == *k))
            {
                let names: Vec<&str> = fields.iter().map(|f| f.name.as_str()).collect();
                return Err(format!(
                    "{path}: no field {unknown:?} (fields: {})",
                    names.join(", ")
                ));
            }
            let mut given = Vec::new();
            for field in fields {
                if let Some(value) = object.get(&field.name) {
                    let field_path = format!("{path}.{}", field.name);
                    if let Some(value) = from_json(product, &field.shape, value, &field_path)? {
                        given.push((field.name.as_str(), value));
                    }
                }
            }
            Arg::Struct(given)
        }
    };
    Ok(Some(arg))
}
