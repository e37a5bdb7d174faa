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
    /// A variable of the path template (`{ClusterId}` in `/clusters/{ClusterId}`): one
    /// scalar, percent-encoded with only the unreserved characters kept, so a `/` in the
    /// value is `%2F` (REST operations only).
    Path,
    /// An HTTP header named by the parameter's wire name: one scalar (REST operations only).
    Header,
    /// The body: a member of the JSON object body, or the whole body when the operation's
    /// [`BodyKind`](crate::BodyKind) says so (REST operations only).
    Body,
}

impl Location {
    /// Every location.
    pub const ALL: [Self; 5] = [
        Self::Query,
        Self::Form,
        Self::Path,
        Self::Header,
        Self::Body,
    ];

    /// The location as the spec and `#[rpc(location = "...")]` spell it.
    pub const fn name(self) -> &'static str {
        match self {
            Self::Query => "query",
            Self::Form => "form",
            Self::Path => "path",
            Self::Header => "header",
            Self::Body => "body",
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

    /// Whether a value here is flattened into `key=value` pairs (the query and the form
    /// body), rather than being one scalar (a path variable, a header) or JSON (the body).
    pub const fn is_flattened(self) -> bool {
        matches!(self, Self::Query | Self::Form)
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
        assert_eq!(Location::from_name("formData"), None);
        assert_eq!(Location::from_name("Body"), None);
    }
}
