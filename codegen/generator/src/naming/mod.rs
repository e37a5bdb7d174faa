//! Rust names from wire names: heck casing, keyword escaping, reserved names of the generated
//! crates, and per-scope collision handling. Every Rust identifier, module and file name the
//! generator writes is decided here; the checks (which names are refused) and lowering (which
//! names are given) both ask this module, which depends on neither.

pub mod product;

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
const BUILDER_METHODS: &[&str] = &[
    "build",
    "build_unchecked",
    "customize",
    "default",
    "new",
    "send",
];

/// Methods of the generated `Client` (and the blocking one) that no operation's method may
/// take: an operation named like one gets a trailing `_` (`Send` -> `send_`).
const CLIENT_METHODS: &[&str] = &[
    "async_client",
    "delegate",
    "new",
    "rpc",
    "send",
    "send_with",
];

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
/// Keywords, the crate's own modules and the client's own methods get a trailing `_`
/// (`Type` -> `type_`, `Lib` -> `lib_`, `Send` -> `send_`), which no operation name can
/// produce otherwise.
pub fn module_name(operation: &str) -> String {
    let snake = snake(operation);
    if KEYWORDS.contains(&snake.as_str())
        || UNRAWABLE.contains(&snake.as_str())
        || RESERVED_MODULES.contains(&snake.as_str())
        || CLIENT_METHODS.contains(&snake.as_str())
    {
        format!("{snake}_")
    } else {
        snake
    }
}

/// The client method of a waiter: `VpnGatewayActive` -> `wait_until_vpn_gateway_active`.
pub fn wait_method(waiter: &str) -> String {
    format!("wait_until_{}", module_name(waiter))
}

/// The client methods of a listing operation's paginator, from its module: every page and
/// every item (`list_things` -> `list_things_pages`, `list_things_items`).
pub fn paginator_methods(module: &str) -> [String; 2] {
    [format!("{module}_pages"), format!("{module}_items")]
}

/// snake_case, never empty, never starting with a digit, never only underscores.
fn snake(wire: &str) -> String {
    let snake = one_words(wire).to_snake_case();
    if snake.chars().all(|c| c == '_') {
        "field".to_owned()
    } else if snake.starts_with(|c: char| c.is_ascii_digit()) {
        format!("n{snake}")
    } else {
        snake
    }
}

/// A snake_case Rust field or setter name: raw (`r#type`) when it is a keyword, so that no
/// other layer ever spells or strips an `r#`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FieldName {
    bare: String,
    raw: bool,
}

impl FieldName {
    /// The field name of a wire name: `VSwitchId` -> `v_switch_id`, `Type` -> `r#type`,
    /// `Self` -> `self_`, `Build` -> `build_` (the builder's own methods).
    pub fn of_wire(wire: &str) -> Self {
        let snake = snake(wire);
        if UNRAWABLE.contains(&snake.as_str()) || BUILDER_METHODS.contains(&snake.as_str()) {
            Self::plain(format!("{snake}_"))
        } else {
            let raw = KEYWORDS.contains(&snake.as_str());
            Self { bare: snake, raw }
        }
    }

    /// A name as a spec writes it (`rust_name: r#type`), if it is a snake_case identifier
    /// with keywords `r#`-escaped.
    pub fn parse(written: &str) -> Option<Self> {
        let bare = written.strip_prefix("r#").unwrap_or(written);
        let raw = bare.len() != written.len();
        let snake = bare
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_lowercase() || c == '_')
            && bare
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        let sound = snake
            && !bare.chars().all(|c| c == '_')
            && !UNRAWABLE.contains(&bare)
            && KEYWORDS.contains(&bare) == raw;
        sound.then(|| Self {
            bare: bare.to_owned(),
            raw,
        })
    }

    /// A name that is not a keyword.
    fn plain(bare: String) -> Self {
        Self { bare, raw: false }
    }

    /// The name without `r#`: what prose shows and what derived names start from.
    pub fn bare(&self) -> &str {
        &self.bare
    }

    /// Whether Rust code must write it `r#`-escaped.
    pub fn is_raw(&self) -> bool {
        self.raw
    }

    /// The name with its first free numeric suffix among `taken`: `name_2`, `name_3`, ...
    pub fn numbered(&self, taken: impl Fn(&FieldName) -> bool) -> Self {
        (2..)
            .map(|i| Self::plain(format!("{}_{i}", self.bare)))
            .find(|n| !taken(n))
            .expect("some suffix is free")
    }
}

/// The name as Rust code writes it: `r#type`.
impl std::fmt::Display for FieldName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.raw {
            f.write_str("r#")?;
        }
        f.write_str(&self.bare)
    }
}

/// The stem of an operation's own types: its name with the first letter upper-cased, so that
/// `createInstance` (sent as written) has `CreateInstanceRequest`, and the words of
/// [`ONE_WORD`] as one (`CreateVSwitch` has `CreateVswitchRequest`).
pub fn operation_type(operation: &str) -> String {
    let operation = one_words(operation);
    let mut chars = operation.chars();
    match chars.next() {
        Some(first) => first.to_ascii_uppercase().to_string() + chars.as_str(),
        None => String::new(),
    }
}

/// Words that mix cases inside themselves, as Alibaba writes them, and the one word a Rust
/// name makes of each (as `Ipv6Addr` in std): without this, casing splits them (`IPv6` ->
/// `i_pv6`, `VSwitch` -> `v_switch`). A name the list gets wrong is fixed where it is used,
/// with `rust_name` in the spec or its overlay.
pub const ONE_WORD: &[(&str, &str)] = &[
    ("ETag", "Etag"),
    ("IDaaS", "Idaas"),
    ("IPsec", "Ipsec"),
    ("IPv4", "Ipv4"),
    ("IPv6", "Ipv6"),
    ("QoS", "Qos"),
    ("VRouter", "Vrouter"),
    ("VServer", "Vserver"),
    ("VSwitch", "Vswitch"),
];

/// `wire` with each word of [`ONE_WORD`] written as one word, ready for casing.
fn one_words(wire: &str) -> std::borrow::Cow<'_, str> {
    let mut out = std::borrow::Cow::Borrowed(wire);
    for (mixed, word) in ONE_WORD {
        if out.contains(mixed) {
            out = std::borrow::Cow::Owned(out.replace(mixed, word));
        }
    }
    out
}

/// The file and module of a shared type under `types/`: `VpnGatewayTag` -> `vpn_gateway_tag`
/// (keywords get a trailing `_`). Unique among the crate's types through a [`Namespace`].
pub fn type_module(type_name: &str) -> String {
    let snake = snake(type_name);
    if KEYWORDS.contains(&snake.as_str()) || UNRAWABLE.contains(&snake.as_str()) {
        format!("{snake}_")
    } else {
        snake
    }
}

/// The UpperCamelCase type or variant name of a wire name: `Resource.QuotaFull` -> `ResourceQuotaFull`.
pub fn type_name(wire: &str) -> String {
    let camel = one_words(wire).to_upper_camel_case();
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

/// The cargo feature of a resource family: `VPN gateway` -> `vpn-gateway`. Lower-case ASCII
/// letters, digits and `-` only, starting with a letter; `family` when the title has none of them.
pub fn feature_name(family: &str) -> String {
    let words: String = family
        .chars()
        .filter(char::is_ascii)
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let kebab = words
        .split('-')
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    match kebab.chars().next() {
        None => "family".to_owned(),
        Some(c) if c.is_ascii_digit() => format!("f-{kebab}"),
        Some(_) => kebab,
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

/// Whether a value has a character a variant name can be built from.
pub fn has_identifier_char(value: &str) -> bool {
    value.chars().any(|c| c.is_ascii_alphanumeric())
}

/// Whether `name` can be a member's wire name: letters, digits, `_` and `-`, not empty.
pub fn is_wire_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
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
        let code = |wire: &str| FieldName::of_wire(wire).to_string();
        assert_eq!(code("VSwitchId"), "vswitch_id");
        assert_eq!(code("RegionId"), "region_id");
        assert_eq!(code("Type"), "r#type");
        assert_eq!(code("Self"), "self_");
        assert_eq!(code("Build"), "build_");
        assert_eq!(code("IPv6CidrBlock"), "ipv6_cidr_block");
        assert_eq!(code("VSwitchIds"), "vswitch_ids");
        assert_eq!(code("IDaaSInstanceId"), "idaas_instance_id");
        assert_eq!(code("SSLVpnServerId"), "ssl_vpn_server_id");
        assert_eq!(FieldName::of_wire("Type").bare(), "type");
        assert!(FieldName::of_wire("Type").is_raw());
    }

    #[test]
    fn feature_names_are_cargo_feature_names() {
        assert_eq!(feature_name("VPN gateway"), "vpn-gateway");
        assert_eq!(
            feature_name("SSL-VPN client certificate"),
            "ssl-vpn-client-certificate"
        );
        assert_eq!(feature_name("IPv4 gateway"), "ipv4-gateway");
        assert_eq!(feature_name("NatIp Management"), "natip-management");
        assert_eq!(feature_name("Regions and zones"), "regions-and-zones");
        assert_eq!(feature_name("网络 (ACL)"), "acl");
        assert_eq!(feature_name("实例"), "family");
        assert_eq!(feature_name("3rd party"), "f-3rd-party");
        assert_eq!(feature_name("a -- b"), "a-b");
    }

    #[test]
    fn type_names_follow_rust_conventions() {
        assert_eq!(type_name("Resource.QuotaFull"), "ResourceQuotaFull");
        assert_eq!(type_name("PREPAY"), "Prepay");
        assert_eq!(type_name("public"), "Public");
        assert_eq!(type_name("100M"), "V100m");
        assert_eq!(type_name("IPv6Translator"), "Ipv6Translator");
        assert_eq!(type_name("QoSPolicy"), "QosPolicy");
        assert_eq!(operation_type("CreateVSwitch"), "CreateVswitch");
        assert_eq!(module_name("CreateVSwitch"), "create_vswitch");
        assert_eq!(
            module_name("AddIPv6TranslatorAclListEntry"),
            "add_ipv6_translator_acl_list_entry"
        );
        assert_eq!(operation_type("createInstance"), "CreateInstance");
        assert_eq!(singular("Tags"), "Tag");
        assert_eq!(singular("Status"), "Status");
        assert_eq!(singular("Address"), "Address");
    }

    #[test]
    fn odd_names_become_identifiers() {
        for odd in ["_", "__", "!!!"] {
            assert_eq!(FieldName::of_wire(odd).to_string(), "field");
        }
        assert_eq!(type_name("!!!"), "Unnamed");
        assert_eq!(module_name("Type"), "type_");
        assert_eq!(module_name("Lib"), "lib_");
        assert_eq!(module_name("Gen"), "gen_");
        assert_eq!(module_name("CreateVPC"), module_name("CreateVpc"));
        assert_eq!(FieldName::parse("_"), None);
        assert_eq!(FieldName::parse("type"), None);
        assert_eq!(FieldName::parse("r#type"), Some(FieldName::of_wire("Type")));
        assert_eq!(FieldName::parse("r#self"), None);
        assert_eq!(FieldName::parse("r#name"), None);
        assert_eq!(FieldName::parse("Name"), None);
        assert_eq!(
            FieldName::parse("vswitch_id"),
            Some(FieldName::of_wire("VSwitchId"))
        );
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
