//! [`AnswerKind`]: what a successful response's body is.

/// What the body of an operation's successful response is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum AnswerKind {
    /// A JSON object (every RPC operation).
    #[default]
    Object,
    /// A JSON array.
    Array,
    /// Text.
    Text,
    /// Bytes.
    Binary,
    /// Nothing worth reading: the status says it all.
    None,
}

impl AnswerKind {
    /// Every kind.
    pub const ALL: [Self; 5] = [
        Self::Object,
        Self::Array,
        Self::Text,
        Self::Binary,
        Self::None,
    ];

    /// The kind as the spec spells it.
    pub const fn name(self) -> &'static str {
        match self {
            Self::Object => "object",
            Self::Array => "array",
            Self::Text => "text",
            Self::Binary => "binary",
            Self::None => "none",
        }
    }

    /// The kind spelled `name`, if any.
    pub fn from_name(name: &str) -> Option<Self> {
        crate::by_name(&Self::ALL, Self::name, name)
    }

    /// Whether the body is JSON.
    pub const fn is_json(self) -> bool {
        matches!(self, Self::Object | Self::Array)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_reads_back_from_its_name() {
        for kind in AnswerKind::ALL {
            assert_eq!(AnswerKind::from_name(kind.name()), Some(kind));
        }
        assert!(AnswerKind::Array.is_json() && !AnswerKind::Text.is_json());
    }
}
