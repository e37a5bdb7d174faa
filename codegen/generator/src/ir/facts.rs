//! The constraint facts of a member in plain words, shared by rustdoc and the Markdown pages.

use crate::spec::model::{Constraints, Member};

/// One sentence per rule the member carries, e.g. "Valid values: 1 to 9, 12, 24, 36."
pub fn constraint_facts(member: &Member) -> Vec<String> {
    let c: &Constraints = &member.constraints;
    let mut facts = Vec::new();
    if !c.enumeration.is_empty() {
        let values: Vec<String> = c
            .enumeration
            .iter()
            .map(|v| match &v.description {
                Some(d) => format!("`{}` ({})", v.value, d.trim()),
                None => format!("`{}`", v.value),
            })
            .collect();
        facts.push(format!("Valid values: {}.", values.join(", ")));
    }
    if !c.allowed.is_empty() {
        let values: Vec<String> = c
            .allowed
            .iter()
            .map(|a| match a.bounds() {
                (lo, hi) if lo == hi => lo.to_string(),
                (lo, hi) => format!("{lo} to {hi}"),
            })
            .collect();
        facts.push(format!("Valid values: {}.", values.join(", ")));
    }
    if let Some(fact) = bounds("Value", c.minimum, c.maximum, "") {
        facts.push(fact);
    }
    if let Some(fact) = bounds(
        "Length",
        c.min_length.map(|v| v as f64),
        c.max_length.map(|v| v as f64),
        " characters",
    ) {
        facts.push(fact);
    }
    if let Some(pattern) = &c.pattern {
        let pattern = code(pattern);
        match &c.pattern_description {
            Some(d) => facts.push(format!(
                "Format: {} (pattern {pattern}).",
                d.trim().trim_end_matches('.')
            )),
            None => facts.push(format!("Pattern: {pattern}.")),
        }
    }
    if c.ascii_only {
        facts.push("ASCII characters only.".to_owned());
    }
    if let Some(fact) = bounds(
        "Items",
        c.min_items.map(|v| v as f64),
        c.max_items.map(|v| v as f64),
        "",
    ) {
        facts.push(fact);
    }
    if member.idempotency_token {
        facts.push(
            "Idempotency token: when left empty the client fills it with a fresh UUID and sends the same value on every retry of the call."
                .to_owned(),
        );
    }
    facts
}

/// A Markdown code span holding `text`, even when it contains backticks.
fn code(text: &str) -> String {
    if text.contains('`') {
        format!("`` {text} ``")
    } else {
        format!("`{text}`")
    }
}

fn bounds(what: &str, min: Option<f64>, max: Option<f64>, unit: &str) -> Option<String> {
    match (min, max) {
        (Some(min), Some(max)) => Some(format!("{what}: {min} to {max}{unit}.")),
        (Some(min), None) => Some(format!("{what}: at least {min}{unit}.")),
        (None, Some(max)) => Some(format!("{what}: at most {max}{unit}.")),
        (None, None) => None,
    }
}
