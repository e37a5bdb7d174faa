//! [`Unhandled`]: the opaque payload of an error enum's catch-all variant.

use std::fmt;

use super::ServiceError;

/// A service error whose code the operation's spec does not document.
///
/// The payload of every generated error enum's `Unhandled` variant. That variant is
/// deprecated for matching: a later spec may document the code, and the error then arrives
/// as its own variant, so a `match` arm on `Unhandled` would silently stop matching. Match
/// the documented variants and a wildcard, and read the code, message and request id through
/// the enum's `code()`, `message()` and `request_id()`, which stay the same either way.
#[derive(Clone)]
pub struct Unhandled(ServiceError);

impl Unhandled {
    /// Wraps `error`; what generated code does for an undocumented code.
    #[doc(hidden)]
    pub fn new(error: ServiceError) -> Self {
        Self(error)
    }

    /// The service error.
    pub fn service_error(&self) -> &ServiceError {
        &self.0
    }
}

impl fmt::Debug for Unhandled {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}
