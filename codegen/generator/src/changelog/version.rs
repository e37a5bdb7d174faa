//! The crate version of a product and how a change moves it, by Cargo's semver rules.

use semver::Version;

use crate::error::VersionError;
use crate::spec::model::Product;

/// The version of a product crate whose spec records none: its first release.
pub const FIRST_VERSION: Version = Version::new(0, 1, 0);

/// How far a change moves the version.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Bump {
    /// Nothing a user can see changes in the generated API (descriptions, examples).
    Patch,
    /// Something is added; code written against the old crate still compiles and behaves.
    Minor,
    /// Something is removed or tightened; code written against the old crate may break.
    Major,
}

impl Bump {
    /// The word used in changelogs.
    pub fn word(self) -> &'static str {
        match self {
            Self::Patch => "patch",
            Self::Minor => "minor",
            Self::Major => "breaking",
        }
    }

    /// `version` moved by this bump. Before 1.0 Cargo treats the minor number as the major
    /// one: a breaking change moves `0.y` to `0.(y+1)`, an addition moves the patch number.
    pub fn apply(self, version: &Version) -> Version {
        let pre_one = version.major == 0;
        match (self, pre_one) {
            (Self::Major, false) => Version::new(version.major + 1, 0, 0),
            (Self::Major, true) | (Self::Minor, false) => {
                Version::new(version.major, version.minor + 1, 0)
            }
            (Self::Minor, true) | (Self::Patch, _) => {
                Version::new(version.major, version.minor, version.patch + 1)
            }
        }
    }
}

/// The crate version a product's spec records, or [`FIRST_VERSION`]; `Err` names a value that
/// is not a semver version.
pub fn crate_version(product: &Product) -> Result<Version, VersionError> {
    match &product.crate_version {
        None => Ok(FIRST_VERSION),
        Some(text) => Version::parse(text).map_err(|source| VersionError {
            text: text.clone(),
            source,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(text: &str) -> Version {
        Version::parse(text).unwrap()
    }

    #[test]
    fn before_one_a_breaking_change_moves_the_minor_number() {
        assert_eq!(Bump::Major.apply(&v("0.1.3")), v("0.2.0"));
        assert_eq!(Bump::Minor.apply(&v("0.1.3")), v("0.1.4"));
        assert_eq!(Bump::Patch.apply(&v("0.1.3")), v("0.1.4"));
    }

    #[test]
    fn from_one_on_each_bump_moves_its_own_number() {
        assert_eq!(Bump::Major.apply(&v("1.4.2")), v("2.0.0"));
        assert_eq!(Bump::Minor.apply(&v("1.4.2")), v("1.5.0"));
        assert_eq!(Bump::Patch.apply(&v("1.4.2")), v("1.4.3"));
    }
}
