//! Rust names from wire names: heck casing, keyword escaping, and per-scope collision handling.

use std::collections::BTreeSet;

use heck::{ToSnakeCase, ToUpperCamelCase};

/// Rust keywords that `r#` cannot escape, or that read badly escaped.
const UNRAWABLE: &[&str] = &["crate", "self", "super", "Self"];

/// Strict and reserved keywords of Rust 2024.
const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "do", "dyn",
    "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl", "in", "let",
    "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref", "return",
    "static", "struct", "trait", "true", "try", "type", "typeof", "union", "unsafe", "unsized",
    "use", "virtual", "where", "while", "yield",
];

/// Builder methods a field setter must not shadow.
const BUILDER_METHODS: &[&str] = &["build", "build_unchecked"];

/// The generated crate of a product: `Vpc` -> `acs-vpc`.
pub fn crate_name(product: &str) -> String {
    format!("acs-{}", product.to_lowercase())
}

/// The snake_case field name of a wire name: `VSwitchId` -> `v_switch_id`, `Type` -> `r#type`.
pub fn field_name(wire: &str) -> String {
    let snake = wire.to_snake_case();
    let snake = if snake.starts_with(|c: char| c.is_ascii_digit()) {
        format!("n{snake}")
    } else {
        snake
    };
    if UNRAWABLE.contains(&snake.as_str()) || BUILDER_METHODS.contains(&snake.as_str()) {
        format!("{snake}_")
    } else if KEYWORDS.contains(&snake.as_str()) {
        format!("r#{snake}")
    } else {
        snake
    }
}

/// The module (and client method) name of an operation or a waiter: `CreateVpnGateway` ->
/// `create_vpn_gateway`, never `r#`-escaped.
pub fn module_name(name: &str) -> String {
    field_name(name).trim_start_matches("r#").to_owned()
}

/// The UpperCamelCase type or variant name of a wire name: `Resource.QuotaFull` -> `ResourceQuotaFull`.
pub fn type_name(wire: &str) -> String {
    let camel = wire.to_upper_camel_case();
    if camel.starts_with(|c: char| c.is_ascii_digit()) {
        format!("V{camel}")
    } else if UNRAWABLE.contains(&camel.as_str()) {
        format!("{camel}Value")
    } else {
        camel
    }
}

/// The item type name of a list: a plain English plural loses its `s` (`Tags` -> `Tag`).
pub fn singular(name: &str) -> String {
    let keeps = ["ss", "us", "is", "ies"];
    match name.strip_suffix('s') {
        Some(stem) if stem.len() > 1 && !keeps.iter().any(|k| name.ends_with(k)) => stem.to_owned(),
        _ => name.to_owned(),
    }
}

/// Whether `name` is a snake_case Rust identifier (optionally `r#`-escaped).
pub fn is_snake_identifier(name: &str) -> bool {
    let bare = name.strip_prefix("r#").unwrap_or(name);
    bare.chars()
        .next()
        .is_some_and(|c| c.is_ascii_lowercase() || c == '_')
        && bare
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// Whether a value has a character a variant name can be built from.
pub fn has_identifier_char(value: &str) -> bool {
    value.chars().any(|c| c.is_ascii_alphanumeric())
}

/// Names already taken in one Rust namespace; hands out unique ones.
#[derive(Debug, Default)]
pub struct Namespace {
    taken: BTreeSet<String>,
}

impl Namespace {
    /// Whether `name` is still free.
    pub fn is_free(&self, name: &str) -> bool {
        !self.taken.contains(name)
    }

    /// A namespace where `reserved` names are already taken.
    pub fn with_reserved(reserved: &[&str]) -> Self {
        Self {
            taken: reserved.iter().map(|s| (*s).to_owned()).collect(),
        }
    }

    /// `wanted` if free; else `fallback` if free; else `fallback` with the first free number.
    pub fn claim(&mut self, wanted: &str, fallback: &str) -> String {
        let name = [wanted, fallback]
            .into_iter()
            .find(|n| !self.taken.contains(*n))
            .map(str::to_owned)
            .unwrap_or_else(|| {
                (2..)
                    .map(|i| format!("{fallback}{i}"))
                    .find(|n| !self.taken.contains(n))
                    .unwrap()
            });
        self.taken.insert(name.clone());
        name
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_names_follow_rust_conventions() {
        assert_eq!(field_name("VSwitchId"), "v_switch_id");
        assert_eq!(field_name("RegionId"), "region_id");
        assert_eq!(field_name("Type"), "r#type");
        assert_eq!(field_name("Self"), "self_");
        assert_eq!(field_name("Build"), "build_");
        assert_eq!(field_name("IPv6CidrBlock"), "i_pv6_cidr_block");
    }

    #[test]
    fn type_names_follow_rust_conventions() {
        assert_eq!(type_name("Resource.QuotaFull"), "ResourceQuotaFull");
        assert_eq!(type_name("PREPAY"), "Prepay");
        assert_eq!(type_name("public"), "Public");
        assert_eq!(type_name("100M"), "V100m");
        assert_eq!(singular("Tags"), "Tag");
        assert_eq!(singular("Status"), "Status");
        assert_eq!(singular("Address"), "Address");
    }

    #[test]
    fn namespace_never_hands_out_a_name_twice() {
        let mut ns = Namespace::with_reserved(&["Option"]);
        assert_eq!(ns.claim("Option", "TagOption"), "TagOption");
        assert_eq!(ns.claim("Tag", "RequestTag"), "Tag");
        assert_eq!(ns.claim("Tag", "RequestTag"), "RequestTag");
        assert_eq!(ns.claim("Tag", "RequestTag"), "RequestTag2");
    }
}
