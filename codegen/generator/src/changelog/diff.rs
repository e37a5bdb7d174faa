//! What changed between two versions of a product's spec, as a user of the generated crate
//! sees it, each change with the bump it implies.

mod constraints;

use std::collections::BTreeMap;

use super::version::Bump;
use crate::spec::model::{Member, Operation};

/// One change a user of the generated crate can notice.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Change {
    /// How far it moves the version.
    pub bump: Bump,
    /// What changed, in words with the names in code spans, e.g.
    /// ``operation `CreateVpnGateway`: parameter `Bandwidth` removed``.
    pub text: String,
}

/// Every change from the operations `old` to the operations `new`, sorted by bump (breaking
/// first), then by text.
pub fn diff(old: &[Operation], new: &[Operation]) -> Vec<Change> {
    let mut out = Changes::default();
    let old_ops = by_name(old, |o| Some(&o.name));
    let new_ops = by_name(new, |o| Some(&o.name));
    for (name, before) in &old_ops {
        match new_ops.get(name) {
            None => out.push(Bump::Major, format!("operation `{name}` removed")),
            Some(after) => operation(before, after, &mut out),
        }
    }
    for name in new_ops.keys().filter(|n| !old_ops.contains_key(*n)) {
        out.push(Bump::Minor, format!("operation `{name}` added"));
    }
    let mut changes = out.0;
    changes.sort_by(|a, b| b.bump.cmp(&a.bump).then_with(|| a.text.cmp(&b.text)));
    changes
}

/// The bump a set of changes implies together: the largest, [`Bump::Patch`] for none.
pub fn bump(changes: &[Change]) -> Bump {
    changes.iter().map(|c| c.bump).max().unwrap_or(Bump::Patch)
}

#[derive(Default)]
struct Changes(Vec<Change>);

impl Changes {
    fn push(&mut self, bump: Bump, text: String) {
        self.0.push(Change { bump, text });
    }
}

/// Which side of the wire a member is on: it decides what a change means to the user.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Request,
    Response,
}

fn operation(before: &Operation, after: &Operation, out: &mut Changes) {
    let at = format!("operation `{}`", before.name);
    members(
        &before.parameters,
        &after.parameters,
        &format!("{at}: parameter"),
        Side::Request,
        out,
    );
    members(
        &before.response.fields,
        &after.response.fields,
        &format!("{at}: response field"),
        Side::Response,
        out,
    );
    let codes = |op: &Operation| op.errors.iter().map(|e| e.code.clone()).collect::<Vec<_>>();
    named_set(&codes(before), &codes(after), &format!("{at}: error"), out);
    let waiters = |op: &Operation| {
        op.waiters
            .iter()
            .map(|w| w.name.clone())
            .collect::<Vec<_>>()
    };
    named_set(
        &waiters(before),
        &waiters(after),
        &format!("{at}: waiter"),
        out,
    );
    match (&before.pagination, &after.pagination) {
        (Some(_), None) => out.push(Bump::Major, format!("{at}: paginator removed")),
        (None, Some(_)) => out.push(Bump::Minor, format!("{at}: paginator added")),
        (Some(b), Some(a)) if (b.style, &b.input) != (a.style, &a.input) => out.push(
            Bump::Minor,
            format!(
                "{at}: the paginator pages by `{}` instead of `{}`",
                a.input, b.input
            ),
        ),
        _ => {}
    }
    if !before.deprecated && after.deprecated {
        out.push(Bump::Minor, format!("{at} deprecated"));
    }
    if before.idempotent != after.idempotent {
        let what = match after.idempotent {
            true => {
                "became idempotent: the client now resends it after a failure the service may have processed"
            }
            false => {
                "is no longer idempotent: the client no longer resends it after a failure the service may have processed"
            }
        };
        out.push(Bump::Minor, format!("{at} {what}"));
    }
    if before.method != after.method {
        out.push(
            Bump::Minor,
            format!(
                "{at}: sent with {} instead of {}",
                after.method, before.method
            ),
        );
    }
}

/// Names removed (breaking: an enum variant or a method goes) and added (an addition).
fn named_set(before: &[String], after: &[String], what: &str, out: &mut Changes) {
    for name in before.iter().filter(|n| !after.contains(n)) {
        out.push(Bump::Major, format!("{what} `{name}` removed"));
    }
    for name in after.iter().filter(|n| !before.contains(n)) {
        out.push(Bump::Minor, format!("{what} `{name}` added"));
    }
}

/// Members compared by wire name, nested fields by dotted path.
fn members(before: &[Member], after: &[Member], what: &str, side: Side, out: &mut Changes) {
    let old = by_name(before, |m| m.name.as_ref());
    let new = by_name(after, |m| m.name.as_ref());
    for (name, b) in &old {
        match new.get(name) {
            None => out.push(Bump::Major, format!("{what} `{name}` removed")),
            Some(a) => member(b, a, &format!("{what} `{name}`"), side, out),
        }
    }
    for (name, a) in new.iter().filter(|(n, _)| !old.contains_key(*n)) {
        let bump = if side == Side::Request && a.required {
            (Bump::Major, "added, required")
        } else {
            (Bump::Minor, "added")
        };
        out.push(bump.0, format!("{what} `{name}` {}", bump.1));
    }
}

fn member(before: &Member, after: &Member, at: &str, side: Side, out: &mut Changes) {
    if before.ty != after.ty || before.format != after.format {
        let ty = |m: &Member| match m.format {
            Some(f) => format!("{} ({f:?})", m.ty).to_lowercase(),
            None => m.ty.to_string(),
        };
        out.push(
            Bump::Major,
            format!("{at}: type {} became {}", ty(before), ty(after)),
        );
        return;
    }
    if side == Side::Request && before.required != after.required {
        match after.required {
            true => out.push(Bump::Major, format!("{at} became required")),
            false => out.push(Bump::Minor, format!("{at} became optional")),
        }
    }
    let values = |m: &Member| {
        m.constraints
            .enumeration
            .iter()
            .map(|v| v.value.clone())
            .collect::<Vec<_>>()
    };
    enum_values(&values(before), &values(after), at, out);
    if before.constraints.allowed != after.constraints.allowed {
        out.push(Bump::Minor, format!("{at}: valid values changed"));
    }
    if side == Side::Request {
        constraints::compare(&before.constraints, &after.constraints, at, out);
        if before.idempotency_token != after.idempotency_token {
            out.push(
                Bump::Minor,
                format!(
                    "{at}: {} an idempotency token the client fills",
                    if after.idempotency_token {
                        "became"
                    } else {
                        "is no longer"
                    }
                ),
            );
        }
    }
    members(
        &before.properties,
        &after.properties,
        &format!("{at} field"),
        side,
        out,
    );
    for (b, a, suffix) in [
        (&before.items, &after.items, "item"),
        (&before.values, &after.values, "map value"),
    ] {
        if let (Some(b), Some(a)) = (b, a) {
            member(b, a, &format!("{at} {suffix}"), side, out);
        }
    }
}

/// Enumerated values: one removed takes a variant away (breaking); one added widens the enum,
/// an addition (generated enums are `#[non_exhaustive]`).
fn enum_values(before: &[String], after: &[String], at: &str, out: &mut Changes) {
    for value in before.iter().filter(|v| !after.contains(v)) {
        out.push(Bump::Major, format!("{at}: value `{value}` removed"));
    }
    for value in after.iter().filter(|v| !before.contains(v)) {
        out.push(Bump::Minor, format!("{at}: value `{value}` added"));
    }
}

/// Items keyed by name; unnamed ones (which the checks refuse) are skipped.
fn by_name<'a, T>(
    items: &'a [T],
    name: impl Fn(&'a T) -> Option<&'a String>,
) -> BTreeMap<&'a str, &'a T> {
    items
        .iter()
        .filter_map(|item| name(item).map(|n| (n.as_str(), item)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn operation(yaml: &str) -> Operation {
        serde_yaml::from_str(yaml).expect("a valid operation")
    }

    const BEFORE: &str = "
name: DescribeThings
summary: Describes things.
parameters:
  - name: Name
    type: string
    constraints:
      max_length: 128
response:
  fields: []
";

    #[test]
    fn idempotency_method_and_a_tighter_request_constraint_are_changes_of_their_kind() {
        let after = BEFORE.replace("max_length: 128", "max_length: 64").replace(
            "summary: Describes things.",
            "summary: Describes things.\nidempotent: true\nmethod: GET",
        );
        let changes = diff(&[operation(BEFORE)], &[operation(&after)]);
        let texts: Vec<(Bump, &str)> = changes.iter().map(|c| (c.bump, c.text.as_str())).collect();
        assert_eq!(texts.len(), 3, "{texts:?}");
        assert_eq!(texts[0].0, Bump::Major);
        assert!(
            texts[0]
                .1
                .contains("parameter `Name`: max_length 128 to 64 (tightened)")
        );
        assert!(texts[1..].iter().all(|(bump, _)| *bump == Bump::Minor));
        assert!(texts.iter().any(|(_, t)| t.contains("became idempotent")));
        assert!(
            texts
                .iter()
                .any(|(_, t)| t.contains("sent with GET instead of POST"))
        );
        assert_eq!(bump(&changes), Bump::Major);
    }
}
