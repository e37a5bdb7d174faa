//! [`Protocol`]: the two ways Alibaba Cloud products take requests.

/// How a product's operations are addressed and, with signature V1, signed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum Protocol {
    /// Every operation at `/`, named by its action; parameters in the query or a form body.
    /// Signature V1 signs the query (`Signature=`).
    #[default]
    Rpc,
    /// REST: each operation at its own method and path template; parameters in the path,
    /// query, headers or body. Signature V1 is the ROA HMAC-SHA1 header
    /// (`Authorization: acs <id>:<signature>`).
    Roa,
}

impl Protocol {
    /// Every protocol.
    pub const ALL: [Self; 2] = [Self::Rpc, Self::Roa];

    /// The protocol as the spec spells it.
    pub const fn name(self) -> &'static str {
        match self {
            Self::Rpc => "rpc",
            Self::Roa => "roa",
        }
    }

    /// The protocol spelled `name`, if any.
    pub fn from_name(name: &str) -> Option<Self> {
        crate::by_name(&Self::ALL, Self::name, name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_protocol_reads_back_from_its_name() {
        for protocol in Protocol::ALL {
            assert_eq!(Protocol::from_name(protocol.name()), Some(protocol));
        }
    }
}
