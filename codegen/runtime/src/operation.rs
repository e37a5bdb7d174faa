//! What generated operation methods call: check a request (once), then serialize it.

use std::future::Future;
use std::pin::Pin;

use crate::params::{Params, RpcParams};
use crate::validate::{Validate, Violations};

/// A boxed future that can be sent across threads: what the product traits' methods return,
/// so that `dyn <Product>Api` works.
pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// What is known of a request's validity.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Checked {
    /// Made field by field: the client validates it before sending.
    #[default]
    Unknown,
    /// Returned by `build()`, which validated it: the client does not check it again.
    Valid,
    /// Returned by `build_unchecked()`: the client sends it as is.
    Unchecked,
}

/// A generated request: serializable, checkable, and marked with what is known of its validity.
pub trait OperationRequest: RpcParams + Validate {
    /// Whether the request was validated, must be, or must not be.
    fn checked(&self) -> Checked;
}

/// Validates `request` unless `build()` already did or it was built unchecked, and
/// serializes it for the wire.
///
/// Runs before any I/O: an invalid request never leaves the process.
pub fn prepare(request: &dyn OperationRequest) -> Result<Params, Violations> {
    if let Checked::Unknown = request.checked() {
        request.validate()?;
    }
    Ok(request.to_params())
}
