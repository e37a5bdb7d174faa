//! Rust names from wire names: heck casing, keyword escaping, reserved names of the generated
//! crates, and per-scope collision handling. Every Rust identifier, module and file name the
//! generator writes is decided here.

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

/// Names a generated type must not take: the prelude and the derives the generated code
/// names bare, and the types every generated module or the crate root imports.
pub const RESERVED_TYPES: &[&str] = &[
    "Option",
    "Result",
    "String",
    "Vec",
    "Box",
    "Some",
    "None",
    "Ok",
    "Err",
    "BTreeMap",
    "Clone",
    "Copy",
    "Debug",
    "Default",
    "Eq",
    "PartialEq",
    "Ord",
    "PartialOrd",
    "Hash",
    "Send",
    "Sync",
    "Sized",
    "Unpin",
    "Drop",
    "Fn",
    "FnMut",
    "FnOnce",
    "From",
    "Into",
    "TryFrom",
    "TryInto",
    "AsRef",
    "AsMut",
    "Iterator",
    "IntoIterator",
    "Extend",
    "ToString",
    "ToOwned",
];

/// Root modules and crates the generated code refers to: an operation module must not take
/// one of these names (`lib` and `main` would also overwrite the crate's own files).
const RESERVED_MODULES: &[&str] = &[
    "acs_runtime",
    "alloc",
    "cli",
    "client",
    "core",
    "futures_util",
    "lib",
    "main",
    "serde",
    "serde_json",
    "std",
    "tests",
    "tokio",
    "types",
];

/// Types re-exported at the crate root: `<Operation>Error` must not be one of them.
const RESERVED_ROOT_TYPES: &[&str] = &[
    "Client",
    "Config",
    "Credentials",
    "Error",
    "RetryPolicy",
    "ServiceError",
    "SignatureVersion",
    "Violation",
    "Violations",
];

/// Folders and packages of the workspace a product's crate must not take.
const RESERVED_CRATES: &[&str] = &[
    "acs",
    "acs-acs",
    "acs-cli",
    "acs-codegen",
    "acs-derive",
    "acs-runtime",
    "acs-tests",
    "acs-xtask",
];

/// The longest operation name: it becomes file names, which file systems bound (255 bytes).
pub const MAX_OPERATION_NAME: usize = 80;

/// Builder methods a field setter must not shadow.
const BUILDER_METHODS: &[&str] = &["build", "build_unchecked", "default"];

/// The generated crate of a product: `Vpc` -> `acs-vpc`.
pub fn crate_name(product: &str) -> String {
    format!("acs-{}", product.to_lowercase())
}

/// Why a product code cannot be generated, if it cannot: its crate or folder would clobber
/// one of the workspace's own.
pub fn product_problem(product: &str) -> Option<String> {
    let krate = crate_name(product);
    RESERVED_CRATES.contains(&krate.as_str()).then(|| {
        format!("product `{product}` would generate crate `{krate}`, which clobbers the workspace's own crate or folder; rename the product")
    })
}

/// Why an operation name cannot be generated, if it cannot.
pub fn operation_problem(operation: &str) -> Option<String> {
    if operation.len() > MAX_OPERATION_NAME {
        return Some(format!(
            "operation name is {} characters long; at most {MAX_OPERATION_NAME} fit in file names",
            operation.len()
        ));
    }
    let error = format!("{operation}Error");
    RESERVED_ROOT_TYPES.contains(&error.as_str()).then(|| {
        format!(
            "operation `{operation}` would define `{error}`, a type the crate root already exports"
        )
    })
}

/// The module (and file, and client method) of an operation: `CreateVpc` -> `create_vpc`.
/// Keywords and the crate's own modules get a trailing `_` (`Type` -> `type_`, `Lib` -> `lib_`),
/// which no operation name can produce otherwise.
pub fn module_name(operation: &str) -> String {
    let snake = snake(operation);
    if KEYWORDS.contains(&snake.as_str())
        || UNRAWABLE.contains(&snake.as_str())
        || RESERVED_MODULES.contains(&snake.as_str())
    {
        format!("{snake}_")
    } else {
        snake
    }
}

/// snake_case, never empty, never starting with a digit, never only underscores.
fn snake(wire: &str) -> String {
    let snake = wire.to_snake_case();
    if snake.chars().all(|c| c == '_') {
        "field".to_owned()
    } else if snake.starts_with(|c: char| c.is_ascii_digit()) {
        format!("n{snake}")
    } else {
        snake
    }
}

/// The snake_case field name of a wire name: `VSwitchId` -> `v_switch_id`, `Type` -> `r#type`.
pub fn field_name(wire: &str) -> String {
    let snake = snake(wire);
    if UNRAWABLE.contains(&snake.as_str()) || BUILDER_METHODS.contains(&snake.as_str()) {
        format!("{snake}_")
    } else if KEYWORDS.contains(&snake.as_str()) {
        format!("r#{snake}")
    } else {
        snake
    }
}

/// The UpperCamelCase type or variant name of a wire name: `Resource.QuotaFull` -> `ResourceQuotaFull`.
pub fn type_name(wire: &str) -> String {
    let camel = wire.to_upper_camel_case();
    if camel.is_empty() {
        "Unnamed".to_owned()
    } else if camel.starts_with(|c: char| c.is_ascii_digit()) {
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

/// Whether `name` is a snake_case Rust identifier usable as a field (keywords `r#`-escaped).
pub fn is_snake_identifier(name: &str) -> bool {
    let bare = name.strip_prefix("r#").unwrap_or(name);
    let escaped = bare.len() != name.len();
    if bare.chars().all(|c| c == '_')
        || UNRAWABLE.contains(&bare)
        || KEYWORDS.contains(&bare) != escaped
    {
        return false;
    }
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
    fn odd_names_become_identifiers() {
        assert_eq!(field_name("_"), "field");
        assert_eq!(field_name("__"), "field");
        assert_eq!(field_name("!!!"), "field");
        assert_eq!(type_name("!!!"), "Unnamed");
        assert_eq!(module_name("Type"), "type_");
        assert_eq!(module_name("Lib"), "lib_");
        assert_eq!(module_name("Gen"), "gen_");
        assert_eq!(module_name("CreateVPC"), module_name("CreateVpc"));
        assert!(!is_snake_identifier("_"));
        assert!(!is_snake_identifier("type"));
        assert!(is_snake_identifier("r#type"));
        assert!(!is_snake_identifier("r#self"));
    }

    #[test]
    fn workspace_crates_and_root_types_are_not_taken() {
        assert!(product_problem("Runtime").is_some());
        assert!(product_problem("Cli").is_some());
        assert!(product_problem("Acs").is_some());
        assert!(product_problem("Vpc").is_none());
        assert!(operation_problem("Service").is_some());
        assert!(operation_problem(&"A".repeat(250)).is_some());
        assert!(operation_problem("CreateVpc").is_none());
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
