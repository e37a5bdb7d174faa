//! What generated operation methods call: check a request (once), then serialize it.

use std::future::Future;
use std::marker::PhantomData;
use std::pin::Pin;
use std::task::{Context, Poll};

use crate::client::Error;
use crate::params::{Location, Params, RpcParams};
use crate::validate::{Validate, Validator, Violations};

/// A boxed future that can be sent across threads: what the product traits' methods return,
/// so that `dyn <Product>Api` works.
pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// The answer of a product trait's operation that its implementation does not provide:
/// [`Error::NotImplemented`] naming the operation (`CreateVpnGateway`) and the trait (`VpcApi`),
/// nothing sent. One function for every operation's default body.
pub fn not_implemented<T: 'static, E: 'static>(
    operation: &'static str,
    api: &'static str,
) -> BoxFuture<'static, Result<T, Error<E>>> {
    Box::pin(Unimplemented {
        operation,
        api,
        output: PhantomData,
    })
}

/// The future of [`not_implemented`]: ready at once, and `Send` whatever `T` and `E` are, so
/// that a default body has nothing to prove about the operation's types.
struct Unimplemented<T, E> {
    operation: &'static str,
    api: &'static str,
    output: PhantomData<fn() -> (T, E)>,
}

impl<T, E> Future for Unimplemented<T, E> {
    type Output = Result<T, Error<E>>;

    fn poll(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Self::Output> {
        Poll::Ready(Err(Error::NotImplemented {
            operation: self.operation,
            api: self.api,
        }))
    }
}

/// The wire name of the region parameter a client fills in when a request leaves it unset.
pub const REGION_ID: &str = acs_wire::REGION_PARAMETER;

/// What is known of a request's validity.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Checked {
    /// Made field by field: the client validates it before sending.
    #[default]
    Unknown,
    /// Returned by `build()`, which validated it: the client does not check it again.
    Valid,
    /// Returned by `build()`, which found every rule met but `RegionId` left unset: the client
    /// fills its own region, and refuses the request when it has none.
    AwaitsRegion,
    /// Returned by `build_unchecked()`: the client sends it as is.
    Unchecked,
}

/// A generated request: serializable, checkable, and marked with what is known of its validity.
pub trait OperationRequest: RpcParams + Validate {
    /// Whether the request was validated, must be, or must not be.
    fn checked(&self) -> Checked;
}

/// What `build()` makes of `request`: [`Checked::Valid`], or [`Checked::AwaitsRegion`] when
/// its one violation is a `RegionId` left unset (a request built ahead of time may leave the
/// region to the client, as the fluent form does); every violation otherwise.
pub fn check_built(request: &dyn Validate) -> Result<Checked, Violations> {
    match Validator::check(request) {
        Ok(()) => Ok(Checked::Valid),
        Err(violations) if missing_region_only(&violations) => Ok(Checked::AwaitsRegion),
        Err(violations) => Err(violations),
    }
}

/// Whether the only violation is a `RegionId` without a value.
fn missing_region_only(violations: &Violations) -> bool {
    violations.get(REGION_ID).is_some_and(|v| v.value.is_none())
        && violations.without(REGION_ID).is_none()
}

/// Validates `request` unless `build()` already did, and serializes it for the wire.
///
/// A request that takes a `RegionId` but leaves it unset gets `region` (the client's), when
/// there is one. A request built unchecked is sent whatever its violations. Runs before any
/// I/O: an invalid request never leaves the process.
pub fn prepare(request: &dyn OperationRequest, region: Option<&str>) -> Result<Params, Violations> {
    let mut params = Params::of(request);
    match request.checked() {
        Checked::Valid => return Ok(params),
        Checked::AwaitsRegion => {
            if let Some(region) = region.filter(|_| !params.contains_key(REGION_ID)) {
                params.push(Location::Query, REGION_ID, region);
                return Ok(params);
            }
            // Without a region to fill, checked as a request made field by field: the
            // missing `RegionId` is reported.
        }
        Checked::Unknown | Checked::Unchecked => {}
    }
    let checked = match Validator::check(request) {
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
        Err(violations) if request.checked() != Checked::Unchecked => Err(violations),
        _ => Ok(params),
    }
}

#[cfg(test)]
mod tests {
    use std::task::Waker;

    use super::*;
    use crate::client::ServiceError;

    #[test]
    fn not_implemented_fails_at_once_naming_operation_and_trait() {
        let mut future = not_implemented::<(), ServiceError>("CreateVpnGateway", "VpcApi");
        let mut cx = Context::from_waker(Waker::noop());
        match future.as_mut().poll(&mut cx) {
            Poll::Ready(Err(error)) => assert_eq!(
                error.to_string(),
                "`CreateVpnGateway` is not implemented by this `VpcApi`"
            ),
            other => panic!("{other:?}"),
        }
        assert!(future.as_mut().poll(&mut cx).is_ready(), "ready again");
    }
}
