//! Scalars: [`RpcScalar`], and both value traits for strings, integers, booleans and floats.

use std::borrow::Cow;
use std::fmt::Write as _;

use super::{ParamName, ParamWriter, RpcValue};

/// A value that is one piece of wire text: the element type of the delimited styles
/// (`simple`, `spaceDelimited`, `pipeDelimited`), whose elements are joined into one value.
///
/// Implemented for strings, integers, booleans and floats. A type that implements
/// [`RpcValue`] by delegating to `str` (such as an open enum) implements this the same way:
///
/// ```
/// use acs_runtime::params::RpcScalar;
///
/// struct Zone(String);
///
/// impl RpcScalar for Zone {
///     fn write_text(&self, out: &mut String) {
///         self.0.write_text(out);
///     }
/// }
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be an element of a delimited RPC parameter",
    label = "not a scalar with one wire text",
    note = "the `simple`, `spaceDelimited` and `pipeDelimited` styles join strings, integers, booleans, floats or types implementing `RpcScalar`"
)]
pub trait RpcScalar {
    /// Appends this value's wire text, not yet encoded, to `out`.
    fn write_text(&self, out: &mut String);
}

impl RpcScalar for str {
    fn write_text(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl RpcValue for str {
    fn write_value(&self, w: &mut ParamWriter<'_>, key: &mut String) {
        w.write_str(key, self);
    }

    fn write_param(&self, w: &mut ParamWriter<'_>, name: ParamName<'_>) {
        w.write_named(name, self);
    }
}

impl RpcScalar for String {
    fn write_text(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl RpcValue for String {
    fn write_value(&self, w: &mut ParamWriter<'_>, key: &mut String) {
        w.write_str(key, self);
    }

    fn write_param(&self, w: &mut ParamWriter<'_>, name: ParamName<'_>) {
        w.write_named(name, self);
    }
}

impl<T: RpcScalar + ToOwned + ?Sized> RpcScalar for Cow<'_, T> {
    fn write_text(&self, out: &mut String) {
        (**self).write_text(out);
    }
}

impl<T: RpcScalar + ?Sized> RpcScalar for &T {
    fn write_text(&self, out: &mut String) {
        (**self).write_text(out);
    }
}

impl<T: RpcScalar + ?Sized> RpcScalar for Box<T> {
    fn write_text(&self, out: &mut String) {
        (**self).write_text(out);
    }
}

impl RpcScalar for bool {
    fn write_text(&self, out: &mut String) {
        out.push_str(bool_text(*self));
    }
}

/// Booleans are `true` / `false`, lower case.
impl RpcValue for bool {
    fn write_value(&self, w: &mut ParamWriter<'_>, key: &mut String) {
        w.write_known(ParamName::of(key), bool_text(*self), true);
    }

    fn write_param(&self, w: &mut ParamWriter<'_>, name: ParamName<'_>) {
        w.write_known(name, bool_text(*self), true);
    }
}

fn bool_text(b: bool) -> &'static str {
    if b { "true" } else { "false" }
}

macro_rules! integers {
    ($($t:ty)*) => {$(
        impl RpcScalar for $t {
            fn write_text(&self, out: &mut String) {
                out.push_str(itoa::Buffer::new().format(*self));
            }
        }

        /// Integers are written in decimal.
        impl RpcValue for $t {
            // Decimal digits and a minus sign encode to themselves.
            fn write_value(&self, w: &mut ParamWriter<'_>, key: &mut String) {
                w.write_known(ParamName::of(key), itoa::Buffer::new().format(*self), true);
            }

            fn write_param(&self, w: &mut ParamWriter<'_>, name: ParamName<'_>) {
                w.write_known(name, itoa::Buffer::new().format(*self), true);
            }
        }
    )*};
}

integers!(i8 i16 i32 i64 i128 isize u8 u16 u32 u64 u128 usize);

macro_rules! floats {
    ($($t:ty)*) => {$(
        impl RpcScalar for $t {
            fn write_text(&self, out: &mut String) {
                write!(out, "{self}").expect("formatting into a String cannot fail");
            }
        }

        /// Floats are written the way `Display` writes them: shortest round-trip decimal,
        /// never in exponent notation.
        impl RpcValue for $t {
            fn write_value(&self, w: &mut ParamWriter<'_>, key: &mut String) {
                let mut text = String::new();
                self.write_text(&mut text);
                w.write_str(key, &text);
            }
        }
    )*};
}

floats!(f32 f64);
