//! [`Method`]: the HTTP method of an operation.

use std::fmt;

/// The HTTP method an operation is sent with.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "serde", serde(rename_all = "UPPERCASE"))]
pub enum Method {
    /// `GET`: no body.
    Get,
    /// `POST` (what RPC operations take unless their documentation says `GET`).
    #[default]
    Post,
    /// `PUT`.
    Put,
    /// `DELETE`: no body.
    Delete,
    /// `PATCH`.
    Patch,
}

impl Method {
    /// Every method.
    pub const ALL: [Self; 5] = [Self::Get, Self::Post, Self::Put, Self::Delete, Self::Patch];

    /// The method as sent, e.g. `GET`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Get => "GET",
            Self::Post => "POST",
            Self::Put => "PUT",
            Self::Delete => "DELETE",
            Self::Patch => "PATCH",
        }
    }

    /// The method spelled `name` (upper case, as sent), if any.
    pub fn from_name(name: &str) -> Option<Self> {
        crate::by_name(&Self::ALL, Self::as_str, name)
    }

    /// Whether a request with this method carries a body. `GET` and `DELETE` never do: their
    /// parameters all travel in the URL.
    pub const fn has_body(self) -> bool {
        !matches!(self, Self::Get | Self::Delete)
    }
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_method_reads_back_from_its_name() {
        for method in Method::ALL {
            assert_eq!(Method::from_name(method.as_str()), Some(method));
        }
        assert_eq!(Method::from_name("get"), None);
        assert!(!Method::Get.has_body() && !Method::Delete.has_body());
        assert!(Method::Post.has_body() && Method::Put.has_body() && Method::Patch.has_body());
    }
}
