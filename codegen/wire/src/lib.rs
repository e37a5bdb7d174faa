//! The wire vocabulary: protocol, HTTP method, path template, where a parameter travels, how
//! a structured value is shaped, what a body and an answer are made of, which headers the
//! client owns, and an operation's HTTP binding.
//!
//! One definition for every layer: the spec format reads these names, the generator resolves
//! each operation's [`Binding`] once, `#[derive(RpcParams)]` takes [`Location`] and [`Style`]
//! by the same names, and the runtime and the `acs` command send what the binding says.

mod answer_kind;
mod binding;
mod body_kind;
mod header;
mod location;
mod method;
mod path_template;
mod protocol;
mod style;

pub use answer_kind::AnswerKind;
pub use binding::Binding;
pub use body_kind::BodyKind;
pub use header::{PROTOCOL_HEADER_PREFIX, RESERVED_HEADERS, is_header_token, is_reserved_header};
pub use location::Location;
pub use method::Method;
pub use path_template::{Part, PathTemplate, TemplateError};
pub use protocol::Protocol;
pub use style::Style;

/// The parameter naming the region a request is for, which a client fills with its own region
/// when a request leaves it unset.
pub const REGION_PARAMETER: &str = "RegionId";

/// The value of `name` among `all` by its wire spelling, for parsers of attribute strings.
fn by_name<T: Copy>(all: &[T], spelled: impl Fn(T) -> &'static str, name: &str) -> Option<T> {
    all.iter().copied().find(|item| spelled(*item) == name)
}
