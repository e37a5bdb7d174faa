//! The non-default parameter styles: [`Json`], [`Delimited`] lists, and [`With`] a custom function.

use serde::Serialize;

use super::{ParamWriter, RpcScalar, RpcValue};

/// The `json` style: the whole value as one compact JSON string, `AccessMode={"ModeValue":"route"}`.
///
/// A value that serializes to JSON `null` (`None`, `serde_json::Value::Null`) sends nothing.
///
/// # Panics
///
/// When the value's `Serialize` implementation fails (such as a map with keys that are not
/// strings); types that the code generator emits never do.
#[derive(Debug, Clone, Copy)]
pub struct Json<'a, T: ?Sized>(pub &'a T);

impl<T: Serialize + ?Sized> RpcValue for Json<'_, T> {
    fn write_value(&self, w: &mut ParamWriter<'_>, key: &mut String) {
        let text = serde_json::to_string(self.0)
            .unwrap_or_else(|err| panic!("parameter `{key}` cannot be written as JSON: {err}"));
        if text != "null" {
            w.write_str(key, &text);
        }
    }
}

/// The delimited styles: a list joined into one value by a separator, `,` for `simple`
/// (`VbrInstanceIds=vbr-1,vbr-2`), ` ` for `space_delimited`, `|` for `pipe_delimited`.
///
/// An empty list and `None` send nothing.
#[derive(Debug, Clone, Copy)]
pub struct Delimited<'a, L: ?Sized>(pub &'a L, pub char);

impl<L: DelimitedList + ?Sized> RpcValue for Delimited<'_, L> {
    fn write_value(&self, w: &mut ParamWriter<'_>, key: &mut String) {
        let mut text = String::new();
        if self.0.join_into(self.1, &mut text) {
            w.write_str(key, &text);
        }
    }
}

/// A field type usable with the delimited styles: a list of [`RpcScalar`]s, possibly optional.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be sent as a delimited list",
    label = "not a list of scalars",
    note = "the `simple`, `space_delimited` and `pipe_delimited` styles need a `Vec`, slice or array of scalars, possibly in an `Option`"
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

/// A field written by a custom function, `#[rpc(with = path::to_fn)]`: the derive passes a
/// closure calling `path::to_fn(&self.field, w, key)`.
///
/// The function gets the field (or anything it derefs to, such as `&[T]` for a `Vec<T>`), the
/// writer and the field's complete key (`Name` at top level, `Prefix.Name` when nested). It
/// writes any number of pairs, usually under keys that extend the given one (see
/// [`ParamWriter::child`]), with [`ParamWriter::write_str`] at the leaves.
pub struct With<'a>(pub &'a dyn Fn(&mut ParamWriter<'_>, &mut String));

impl RpcValue for With<'_> {
    fn write_value(&self, w: &mut ParamWriter<'_>, key: &mut String) {
        (self.0)(w, key);
    }
}
