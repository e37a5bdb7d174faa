//! The docs of a field and of its builder setter.

use acs_rules::Markup;

use crate::ir::FieldIr;
use crate::spec::model::Location;

/// What an idempotency token parameter does, in the docs and the CLI help.
pub const IDEMPOTENCY_NOTE: &str = "Idempotency token: when left empty the client fills it with a fresh UUID and sends the same value on every retry of the call.";

/// Description, then wire name, rules (in the rule vocabulary's words), default, example.
pub fn field_doc(field: &FieldIr) -> String {
    with_facts(field.doc.trim().to_owned(), field)
}

/// The docs of a builder's setter: the first paragraph of the description, and a link to the
/// request's field for the rest (rules, default, example).
pub fn setter_doc(field: &FieldIr, request: &str) -> String {
    let first = field.doc.trim().split("\n\n").next().unwrap_or_default();
    let mut doc = format!("Sets `{}`.", field.wire);
    if !first.is_empty() {
        doc.push_str(&format!("\n\n{first}"));
    }
    doc.push_str(&format!(
        "\n\nIts description, rules and example: [`{request}::{name}`]({request}::{name}).",
        name = field.rust.bare()
    ));
    doc
}

/// `doc`, then the field's wire name, rules, default and example as a list.
fn with_facts(mut doc: String, field: &FieldIr) -> String {
    let place = match field.location {
        Some(Location::Form) => " (form body)",
        Some(Location::Path) => " (path)",
        Some(Location::Header) => " (header)",
        Some(Location::Body) => " (body)",
        Some(Location::Query) | None => "",
    };
    let mut facts = vec![format!("Wire name: `{}`{place}.", field.wire)];
    facts.extend(field.rules.iter().map(|r| r.sentence(Markup::Markdown)));
    if let Some(default) = &field.default {
        facts.push(format!("Default: {}.", Markup::Markdown.code(default)));
    }
    if let Some(example) = &field.example {
        facts.push(format!("Example: {}.", Markup::Markdown.code(example)));
    }
    if field.idempotency_token {
        facts.push(IDEMPOTENCY_NOTE.to_owned());
    }
    if field.deprecated {
        facts.push("Deprecated.".to_owned());
    }
    if !doc.is_empty() {
        doc.push_str("\n\n");
    }
    for fact in facts {
        doc.push_str(&format!("- {fact}\n"));
    }
    doc
}
