//! [`Location`]: where a request parameter travels.

/// Where a request parameter travels.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum Location {
    /// The URL query (`in: query` in Alibaba's metadata).
    #[default]
    Query,
    /// The `application/x-www-form-urlencoded` body (`in: formData` in Alibaba's metadata).
    Form,
}

impl Location {
    /// Every location.
    pub const ALL: [Self; 2] = [Self::Query, Self::Form];

    /// The location as the spec and `#[rpc(location = "...")]` spell it.
    pub const fn name(self) -> &'static str {
        match self {
            Self::Query => "query",
            Self::Form => "form",
        }
    }

    /// The location spelled `name`, if any.
    pub fn from_name(name: &str) -> Option<Self> {
        crate::by_name(&Self::ALL, Self::name, name)
    }

    /// Whether this is the URL query.
    pub const fn is_query(self) -> bool {
        matches!(self, Self::Query)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_location_reads_back_from_its_name() {
        for location in Location::ALL {
            assert_eq!(Location::from_name(location.name()), Some(location));
        }
        assert_eq!(Location::from_name("body"), None);
    }
}
