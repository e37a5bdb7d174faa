//! What generated operation methods call: check a request, then serialize it.

use crate::params::{Params, RpcParams};
use crate::validate::{Validate, Violations};

/// A generated request: serializable, checkable, and marked when built unchecked.
pub trait OperationRequest: RpcParams + Validate {
    /// Whether the request was built with `build_unchecked` (the client then skips validation).
    fn is_unchecked(&self) -> bool;
}

/// Validates `request` (unless it was built unchecked) and serializes it for the wire.
///
/// Runs before any I/O: an invalid request never leaves the process.
pub fn prepare(request: &dyn OperationRequest) -> Result<Params, Violations> {
    if !request.is_unchecked() {
        request.validate()?;
    }
    Ok(request.to_params())
}
