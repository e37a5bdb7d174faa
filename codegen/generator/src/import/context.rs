//! Where the importer is (product, version, operation, shared schemas being expanded) and
//! what every stage records on the way: the context `convert`, `shape` and `quirks` share.

use std::collections::BTreeMap;

use super::metadata::{Other, Schema};
use super::report::{Kind, Report};
use crate::spec::model::Protocol;

/// How deep values may nest, each `$ref` hop counted as a level, before the rest is imported
/// as `any`: far beyond real metadata, and within what the spec loader's YAML parser reads back.
pub(super) const MAX_DEPTH: usize = 32;

/// How many bytes an operation's values may take (a lower bound of their YAML) before further
/// `$ref`s are imported as `any`: a spec file holds no more than this anyway.
pub(super) const MAX_SIZE: usize = crate::spec::load::MAX_FILE_BYTES as usize;

/// Where the importer is: operation name and report.
pub(super) struct Cx<'a> {
    /// Product code of the file.
    pub product: &'a str,
    /// API version of the file.
    pub version: &'a str,
    /// How the product's operations are sent.
    pub protocol: Protocol,
    /// Operation being converted (empty for the product).
    pub operation: String,
    /// Findings.
    pub report: &'a mut Report,
    /// Shared schemas of the file, by name.
    pub schemas: &'a BTreeMap<String, Schema>,
    /// Shared schemas being expanded, outermost first (a `$ref` cycle stops here).
    pub expanding: Vec<String>,
    /// How deep the value being converted is, `$ref` hops included (stops at [`MAX_DEPTH`]).
    pub depth: usize,
    /// A lower bound of the bytes the operation's values take so far (see [`MAX_SIZE`]).
    pub size: usize,
}

impl Cx<'_> {
    pub(super) fn add(&mut self, kind: Kind, path: &str, detail: impl Into<String>) {
        self.report.add(kind, &self.operation, path, detail);
    }

    pub(super) fn others(&mut self, other: &Other, ignored: &[&str], path: &str) {
        for key in other.keys() {
            if ignored.contains(&key.as_str()) {
                self.report.ignore(key);
            } else {
                self.add(
                    Kind::Unrepresented,
                    path,
                    format!("unknown metadata key `{key}`"),
                );
            }
        }
    }
}

/// Upstream prose: documentation links `[text](~~123~~)` become links to the documentation site.
pub(super) fn text(prose: &str, path: &str, cx: &mut Cx<'_>) -> String {
    if !prose.contains("(~~") {
        return prose.to_owned();
    }
    let links = regex::Regex::new(r"\(~~(\d+)~~\)").expect("a valid pattern");
    let found = links.find_iter(prose).count();
    if found > 0 {
        cx.add(Kind::DocLinks, path, format!("{found} link(s)"));
    }
    links
        .replace_all(
            prose,
            "(https://www.alibabacloud.com/help/doc-detail/$1.htm)",
        )
        .into_owned()
}
