//! The error enum of a generated operation: the variant its code selects, and `Debug`, `Clone`
//! and `Display` exactly as an enum of the same shape with derived traits has them.

use acs_demo::ServiceError;
use acs_demo::operation::create_widget::CreateWidgetError;

/// The shape of `CreateWidgetError`, with `Clone` and `Debug` derived.
#[derive(Clone, Debug)]
enum Derived {
    QuotaExceeded(ServiceError),
    InvalidRegionIdNotFound(ServiceError),
    Unhandled(ServiceError),
}

impl Derived {
    fn service_error(&self) -> &ServiceError {
        match self {
            Self::QuotaExceeded(error)
            | Self::InvalidRegionIdNotFound(error)
            | Self::Unhandled(error) => error,
        }
    }
}

fn service_error(code: &str) -> ServiceError {
    ServiceError::new(400, code, "it failed")
}

/// Each variant of the generated enum beside its derived twin.
fn cases() -> Vec<(CreateWidgetError, Derived)> {
    let quota = service_error("Quota.Exceeded");
    let region = service_error("InvalidRegionId.NotFound");
    let other = service_error("Other.Code");
    vec![
        (
            CreateWidgetError::from(quota.clone()),
            Derived::QuotaExceeded(quota),
        ),
        (
            CreateWidgetError::from(region.clone()),
            Derived::InvalidRegionIdNotFound(region),
        ),
        (
            CreateWidgetError::from(other.clone()),
            Derived::Unhandled(other),
        ),
    ]
}

#[test]
fn debug_prints_what_a_derived_debug_prints() {
    for (error, derived) in cases() {
        assert_eq!(format!("{error:?}"), format!("{derived:?}"));
        assert_eq!(format!("{error:#?}"), format!("{derived:#?}"));
    }
    let (error, _) = &cases()[0];
    assert!(format!("{error:?}").starts_with("QuotaExceeded(ServiceError("));
}

#[test]
fn clones_keep_the_variant_and_the_service_error() {
    for (error, derived) in cases() {
        let clone = error.clone();
        assert_eq!(format!("{clone:?}"), format!("{:?}", derived.clone()));
        assert_eq!(clone.service_error(), error.service_error());
        assert_eq!(clone.service_error(), derived.service_error());
    }
    // A variant made by hand keeps its variant whatever the code says.
    let error = CreateWidgetError::QuotaExceeded(service_error("Other.Code"));
    assert!(matches!(error.clone(), CreateWidgetError::QuotaExceeded(_)));
}

#[test]
fn display_and_as_ref_are_the_service_error() {
    for (error, _) in cases() {
        assert_eq!(error.to_string(), error.service_error().to_string());
        let inner: &ServiceError = error.as_ref();
        assert_eq!(inner, error.service_error());
    }
}
