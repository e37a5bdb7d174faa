//! [`BodyKind`]: what a request's body is made of.

/// What an operation's request body is made of.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum BodyKind {
    /// The `form` parameters as `application/x-www-form-urlencoded` pairs; no body when
    /// there are none. Every RPC operation, and REST operations without `body` parameters.
    #[default]
    Form,
    /// A JSON object whose members are the `body` parameters, by their wire names.
    Fields,
    /// The one `body` parameter is the whole body, as JSON (an array, an object, any value).
    Json,
    /// The one `body` parameter is the whole body, as text sent as it is.
    Text,
    /// The one `body` parameter is the whole body, as bytes (`application/octet-stream`).
    Binary,
}

impl BodyKind {
    /// Every kind.
    pub const ALL: [Self; 5] = [
        Self::Form,
        Self::Fields,
        Self::Json,
        Self::Text,
        Self::Binary,
    ];

    /// The kind as the spec spells it.
    pub const fn name(self) -> &'static str {
        match self {
            Self::Form => "form",
            Self::Fields => "fields",
            Self::Json => "json",
            Self::Text => "text",
            Self::Binary => "binary",
        }
    }

    /// The kind spelled `name`, if any.
    pub fn from_name(name: &str) -> Option<Self> {
        crate::by_name(&Self::ALL, Self::name, name)
    }

    /// Whether one `body` parameter is the whole body.
    pub const fn is_whole(self) -> bool {
        matches!(self, Self::Json | Self::Text | Self::Binary)
    }

    /// The `Content-Type` a non-empty body of this kind is sent with. The official SDKs send
    /// text bodies as JSON: the services that take them take JSON documents as text.
    pub const fn content_type(self) -> &'static str {
        match self {
            Self::Form => "application/x-www-form-urlencoded",
            Self::Fields | Self::Json | Self::Text => "application/json; charset=utf-8",
            Self::Binary => "application/octet-stream",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_reads_back_from_its_name() {
        for kind in BodyKind::ALL {
            assert_eq!(BodyKind::from_name(kind.name()), Some(kind));
        }
        assert_eq!(BodyKind::from_name("object"), None);
    }

    #[test]
    fn only_the_one_parameter_kinds_are_whole_bodies() {
        let whole: Vec<_> = BodyKind::ALL.into_iter().filter(|k| k.is_whole()).collect();
        assert_eq!(whole, [BodyKind::Json, BodyKind::Text, BodyKind::Binary]);
    }
}
