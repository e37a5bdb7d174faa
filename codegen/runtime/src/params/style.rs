//! The non-default parameter styles: [`Json`], [`Delimited`] lists, and [`With`] a custom function.

use serde::Serialize;

use super::{ParamWriter, RpcScalar, RpcValue};

/// The `json` style: the whole value as one compact JSON string, `AccessMode={"ModeValue":"route"}`.
///
/// A value that serializes to JSON `null` (`None`, `serde_json::Value::Null`) sends nothing.
#[derive(Debug)]
pub struct Json {
    text: Result<String, serde_json::Error>,
}

impl Json {
    /// Serializes `value` for the `json` style.
    pub fn new<T: Serialize + ?Sized>(value: &T) -> Self {
        Self {
            text: serde_json::to_string(value),
        }
    }
}

/// # Panics
///
/// When the value's `Serialize` implementation failed (such as a map with keys that are not
/// strings); types that the code generator emits never do.
impl RpcValue for Json {
    fn write_value(&self, w: &mut ParamWriter<'_>, key: &mut String) {
        match &self.text {
            Ok(text) if text == "null" => {}
            Ok(text) => w.write_str(key, text),
            Err(err) => panic!("parameter `{key}` cannot be written as JSON: {err}"),
        }
    }
}

/// A free-form value nested in a parameter sent flat travels as its compact JSON text, as
/// the `json` style sends a whole value (`ExtendedConfig.CustomData={"Port":"3306"}`);
/// `null` sends nothing.
impl RpcValue for serde_json::Value {
    fn write_value(&self, w: &mut ParamWriter<'_>, key: &mut String) {
        if !self.is_null() {
            w.write_str(key, &self.to_string());
        }
    }
}

/// The delimited styles: a list joined into one value by a separator, `,` for `simple`
/// (`VbrInstanceIds=vbr-1,vbr-2`), ` ` for `spaceDelimited`, `|` for `pipeDelimited`.
///
/// An empty list and `None` send nothing.
#[derive(Debug, Clone)]
pub struct Delimited {
    text: Option<String>,
}

impl Delimited {
    /// Joins the elements of `list` with `separator`.
    pub fn new<L: DelimitedList + ?Sized>(list: &L, separator: char) -> Self {
        let mut text = String::new();
        let any = list.join_into(separator, &mut text);
        Self {
            text: any.then_some(text),
        }
    }
}

impl RpcValue for Delimited {
    fn write_value(&self, w: &mut ParamWriter<'_>, key: &mut String) {
        if let Some(text) = &self.text {
            w.write_str(key, text);
        }
    }
}

/// A field type usable with the delimited styles: a list of [`RpcScalar`]s, possibly optional.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be sent as a delimited list",
    label = "not a list of scalars",
    note = "the `simple`, `spaceDelimited` and `pipeDelimited` styles need a `Vec`, slice or array of scalars, possibly in an `Option`"
)]
pub trait DelimitedList {
    /// Appends the elements' text, separated by `separator`, to `out`; returns whether there
    /// was any element.
    fn join_into(&self, separator: char, out: &mut String) -> bool;
}

impl<T: RpcScalar> DelimitedList for [T] {
    fn join_into(&self, separator: char, out: &mut String) -> bool {
        for (i, item) in self.iter().enumerate() {
            if i != 0 {
                out.push(separator);
            }
            item.write_text(out);
        }
        !self.is_empty()
    }
}

impl<T: RpcScalar> DelimitedList for Vec<T> {
    fn join_into(&self, separator: char, out: &mut String) -> bool {
        self.as_slice().join_into(separator, out)
    }
}

impl<T: RpcScalar, const N: usize> DelimitedList for [T; N] {
    fn join_into(&self, separator: char, out: &mut String) -> bool {
        self.as_slice().join_into(separator, out)
    }
}

impl<L: DelimitedList> DelimitedList for Option<L> {
    fn join_into(&self, separator: char, out: &mut String) -> bool {
        self.as_ref()
            .is_some_and(|list| list.join_into(separator, out))
    }
}

impl<L: DelimitedList + ?Sized> DelimitedList for &L {
    fn join_into(&self, separator: char, out: &mut String) -> bool {
        (**self).join_into(separator, out)
    }
}

impl<L: DelimitedList + ?Sized> DelimitedList for Box<L> {
    fn join_into(&self, separator: char, out: &mut String) -> bool {
        (**self).join_into(separator, out)
    }
}

/// A field written by a custom function, `#[rpc(with = path::to_fn)]`.
///
/// The function gets the field, the writer and the field's complete key (`Name` at top level,
/// `Prefix.Name` when nested). It writes any number of pairs, usually under keys that extend
/// the given one (see [`ParamWriter::child`]), with [`ParamWriter::write_str`] at the leaves.
pub struct With<'a, T: ?Sized>(pub &'a T, pub fn(&T, &mut ParamWriter<'_>, &mut String));

impl<T: ?Sized> RpcValue for With<'_, T> {
    fn write_value(&self, w: &mut ParamWriter<'_>, key: &mut String) {
        (self.1)(self.0, w, key);
    }
}
