//! The docs of a field, shared by struct fields, builder setters and fluent calls.

use acs_rules::Markup;

use crate::ir::FieldIr;
use crate::spec::model::Location;

/// What an idempotency token parameter does, in the docs and the CLI help.
pub const IDEMPOTENCY_NOTE: &str = "Idempotency token: when left empty the client fills it with a fresh UUID and sends the same value on every retry of the call.";

/// Description, then wire name, rules (in the rule vocabulary's words), default, example.
pub fn field_doc(field: &FieldIr) -> String {
    let mut doc = field.doc.trim().to_owned();
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
