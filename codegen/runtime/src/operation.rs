//! What generated operation methods call: check a request, then serialize it.

use crate::params::{Location, Params, RpcParams};
use crate::validate::{Validate, Violations};

/// The wire name of the region parameter a client fills in when a request leaves it unset.
pub const REGION_ID: &str = "RegionId";

/// A generated request: serializable, checkable, and marked when built unchecked.
pub trait OperationRequest: RpcParams + Validate {
    /// Whether the request was built with `build_unchecked` (the client then skips validation).
    fn is_unchecked(&self) -> bool;
}

/// Validates `request` (unless it was built unchecked) and serializes it for the wire.
///
/// A request that takes a `RegionId` but leaves it unset gets `region` (the client's), when
/// there is one. Runs before any I/O: an invalid request never leaves the process.
pub fn prepare(request: &dyn OperationRequest, region: Option<&str>) -> Result<Params, Violations> {
    let mut params = request.to_params();
    let checked = match request.validate() {
        Ok(()) => Ok(()),
        Err(violations) => {
            let missing_region = violations.get(REGION_ID).is_some_and(|v| v.value.is_none());
            match region.filter(|_| missing_region && !params.contains_key(REGION_ID)) {
                Some(region) => {
                    params.push(Location::Query, REGION_ID, region);
                    violations.without(REGION_ID).map_or(Ok(()), Err)
                }
                None => Err(violations),
            }
        }
    };
    match checked {
        Err(violations) if !request.is_unchecked() => Err(violations),
        _ => Ok(params),
    }
}
