//! [`Style`]: how a structured parameter is written as flat wire pairs.

/// How a list, map or nested value is written as flat `key=value` pairs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub enum Style {
    /// `Name.1=a&Name.2=b`, nested fields joined with dots (the default).
    #[default]
    RepeatList,
    /// The same flattening as `repeatList`, under the name some metadata gives it.
    Flat,
    /// The whole value as one JSON string.
    Json,
    /// A list joined with commas.
    Simple,
    /// A list joined with spaces.
    SpaceDelimited,
    /// A list joined with `|`.
    PipeDelimited,
}

impl Style {
    /// Every style.
    pub const ALL: [Self; 6] = [
        Self::RepeatList,
        Self::Flat,
        Self::Json,
        Self::Simple,
        Self::SpaceDelimited,
        Self::PipeDelimited,
    ];

    /// The style as the spec, Alibaba's metadata and `#[rpc(style = "...")]` spell it.
    pub const fn name(self) -> &'static str {
        match self {
            Self::RepeatList => "repeatList",
            Self::Flat => "flat",
            Self::Json => "json",
            Self::Simple => "simple",
            Self::SpaceDelimited => "spaceDelimited",
            Self::PipeDelimited => "pipeDelimited",
        }
    }

    /// The style spelled `name`, if any.
    pub fn from_name(name: &str) -> Option<Self> {
        crate::by_name(&Self::ALL, Self::name, name)
    }

    /// Whether lists and nested values are flattened into dotted, 1-based keys.
    pub const fn is_dotted(self) -> bool {
        matches!(self, Self::RepeatList | Self::Flat)
    }

    /// The separator of a joined list, for the delimited styles.
    pub const fn separator(self) -> Option<char> {
        match self {
            Self::Simple => Some(','),
            Self::SpaceDelimited => Some(' '),
            Self::PipeDelimited => Some('|'),
            Self::RepeatList | Self::Flat | Self::Json => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_style_reads_back_from_its_name() {
        for style in Style::ALL {
            assert_eq!(Style::from_name(style.name()), Some(style));
        }
        assert_eq!(Style::from_name("space_delimited"), None);
    }

    #[test]
    fn only_the_delimited_styles_join_with_a_separator() {
        let joined: Vec<_> = Style::ALL.iter().filter_map(|s| s.separator()).collect();
        assert_eq!(joined, [',', ' ', '|']);
        assert!(Style::RepeatList.is_dotted() && Style::Flat.is_dotted());
        assert!(!Style::Json.is_dotted() && !Style::Simple.is_dotted());
    }
}
