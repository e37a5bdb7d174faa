//! Validation of a request from its command data: every rule of every given value, in the
//! order and with the words of the SDK's generated validators.

use acs_cli_data::{Field, Shape};
use acs_rules::{Choice, Markup, Rule, Value};
use acs_runtime::validate::{Validator, Violations};

use crate::product::Loaded;
use crate::value::Arg;

/// Every violation of the values of `fields` (`values[i]` is the value of `fields[i]`).
pub(crate) fn check(
    product: &Loaded,
    fields: &[Field],
    values: &[Option<Arg>],
) -> Result<(), Violations> {
    let mut v = Validator::default();
    walk(product, &mut v, "", fields, |i, _| values[i].as_ref());
    v.finish()
}

/// Checks each field of `fields` under `prefix`, its value given by `value_of(index, field)`.
fn walk<'a>(
    product: &Loaded,
    v: &mut Validator,
    prefix: &str,
    fields: &[Field],
    value_of: impl Fn(usize, &Field) -> Option<&'a Arg>,
) {
    for (i, field) in fields.iter().enumerate() {
        let value = value_of(i, field);
        for rule in &field.rules {
            match value {
                None if *rule == Rule::Required => {
                    v.report(prefix, &field.name, rule.requirement(Markup::Plain), None);
                }
                None => {}
                Some(value) => obey(v, prefix, &field.name, rule, value),
            }
        }
        if let Some(value) = value {
            nested(product, v, &path(prefix, &field.name), &field.shape, value);
        }
    }
}

/// Checks below a value: a struct's fields, a list's items.
fn nested(product: &Loaded, v: &mut Validator, at: &str, shape: &Shape, value: &Arg) {
    match (shape, value) {
        (Shape::Struct(index), Arg::Struct(given)) => {
            let fields = &product.structure(*index).fields;
            walk(product, v, at, fields, |_, field| {
                given
                    .iter()
                    .find(|(name, _)| *name == field.name)
                    .map(|(_, value)| value)
            });
        }
        (Shape::List { item, rules }, Arg::List(items)) => {
            for (i, value) in items.iter().enumerate() {
                let key = format!("{at}.{}", i + 1);
                if matches!(**item, Shape::Struct(_)) {
                    nested(product, v, &key, item, value);
                } else {
                    for rule in rules.iter().filter(|r| **r != Rule::Required) {
                        obey(v, "", &key, rule, value);
                    }
                }
            }
        }
        _ => {}
    }
}

/// Reports `value` of `parameter` under `prefix` when it breaks `rule`.
fn obey(v: &mut Validator, prefix: &str, parameter: &str, rule: &Rule, value: &Arg) {
    let (tested, shown) = match value {
        Arg::Str(s) => (Value::Str(s), value.shown()),
        Arg::Int(n) => (Value::Int(*n), value.shown()),
        Arg::F32(x) => (Value::Float(f64::from(*x)), value.shown()),
        Arg::F64(x) => (Value::Float(*x), value.shown()),
        Arg::List(items) => (
            Value::Count(items.len()),
            Some(format!("{} items", items.len())),
        ),
        Arg::Bool(_) | Arg::Json(_) | Arg::Struct(_) | Arg::Map(_) | Arg::Bytes(_) => return,
    };
    if !rule.admits(tested) {
        v.report(
            prefix,
            parameter,
            worded(rule).requirement(Markup::Plain),
            shown,
        );
    }
}

/// The rule as violations word it: the valid values of an enumeration without their meanings.
fn worded(rule: &Rule) -> Rule {
    match rule {
        Rule::OneOf(choices) => {
            Rule::OneOf(choices.iter().map(|c| Choice::new(&c.value)).collect())
        }
        other => other.clone(),
    }
}

/// `name` under `prefix`.
fn path(prefix: &str, name: &str) -> String {
    if prefix.is_empty() {
        name.to_owned()
    } else {
        format!("{prefix}.{name}")
    }
}
