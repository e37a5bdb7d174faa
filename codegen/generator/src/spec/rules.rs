//! The meaning of a member's `constraints`: the rules of the shared vocabulary they lower to.
//!
//! This is the one place where spec keys become [`Rule`]s; the checks, the intermediate
//! model and every emitter read rules, never the raw keys.

use acs_rules::{Choice, Limit, Markup, Rule, Span, Value};

use super::model::{Constraints, Format, Member, Scalar, TypeName};

/// Every rule `member` states, `Required` first, in a fixed order.
///
/// Integer sets and bounds are intersected into one [`Rule::Integers`]; keys that do not fit
/// the member's type (reported by the checks) state nothing.
pub fn rules(member: &Member) -> Vec<Rule> {
    let c = &member.constraints;
    let mut rules = Vec::new();
    if member.required {
        rules.push(Rule::Required);
    }
    match member.ty {
        TypeName::String => string_rules(c, &mut rules),
        TypeName::Integer => rules.extend(integer_rule(c)),
        TypeName::Number => rules.extend(number_rule(c)),
        TypeName::Array => {
            let span = Span::new(c.min_items, c.max_items);
            if !span.is_open() {
                rules.push(Rule::Items(span));
            }
        }
        _ => {}
    }
    rules
}

fn string_rules(c: &Constraints, rules: &mut Vec<Rule>) {
    if !c.enumeration.is_empty() {
        rules.push(Rule::OneOf(
            c.enumeration
                .iter()
                .map(|v| Choice {
                    value: v.value.clone(),
                    meaning: v.description.clone(),
                })
                .collect(),
        ));
    }
    let length = Span::new(c.min_length, c.max_length);
    if !length.is_open() {
        rules.push(Rule::Length(length));
    }
    if let Some(regex) = &c.pattern {
        rules.push(Rule::Pattern {
            regex: regex.clone(),
            description: c.pattern_description.clone(),
        });
    }
    if c.ascii_only {
        rules.push(Rule::Ascii);
    }
}

/// Allowed values and bounds of an integer as one set of inclusive ranges.
fn integer_rule(c: &Constraints) -> Option<Rule> {
    let lo = c.minimum.map_or(i64::MIN, |m| {
        let m = if c.exclusive_minimum {
            m.floor() + 1.0
        } else {
            m.ceil()
        };
        m as i64
    });
    let hi = c.maximum.map_or(i64::MAX, |m| {
        let m = if c.exclusive_maximum {
            m.ceil() - 1.0
        } else {
            m.floor()
        };
        m as i64
    });
    let bounded = c.minimum.is_some() || c.maximum.is_some();
    let ranges: Vec<(i64, i64)> = if c.allowed.is_empty() {
        if !bounded {
            return None;
        }
        vec![(lo, hi)]
    } else {
        c.allowed
            .iter()
            .map(|a| a.bounds())
            .map(|(a, b)| (a.max(lo), b.min(hi)))
            .filter(|(a, b)| a <= b)
            .collect()
    };
    Some(Rule::Integers(ranges))
}

fn number_rule(c: &Constraints) -> Option<Rule> {
    let limit = |value: Option<f64>, exclusive: bool| value.map(|value| Limit { value, exclusive });
    let span = Span::new(
        limit(c.minimum, c.exclusive_minimum),
        limit(c.maximum, c.exclusive_maximum),
    );
    (!span.is_open()).then_some(Rule::Numbers(span))
}

/// Why a default or an example written in the spec does not fit `member`, if it does not:
/// either it is not a value of the member's type, or it breaks one of its rules (said in the
/// rule's own words).
pub fn problem(member: &Member, scalar: &Scalar) -> Option<String> {
    let text;
    let value = match (member.ty, scalar) {
        (TypeName::String, _) => {
            text = scalar.to_string();
            Value::Str(&text)
        }
        (TypeName::Integer, _) => match scalar.as_integer() {
            Some(n) if member.format == Some(Format::Int64) || i32::try_from(n).is_ok() => {
                Value::Int(n)
            }
            Some(_) => return Some("does not fit a 32-bit integer".to_owned()),
            None => return Some("is not an integer".to_owned()),
        },
        (TypeName::Number, _) => match scalar.as_number() {
            Some(x) if member.format == Some(Format::Float) && x.abs() > f64::from(f32::MAX) => {
                return Some("does not fit a 32-bit float".to_owned());
            }
            Some(x) => Value::Float(x),
            None => return Some("is not a finite number".to_owned()),
        },
        (TypeName::Boolean, Scalar::Bool(_)) => return None,
        (TypeName::Boolean, Scalar::Str(s)) if s == "true" || s == "false" => return None,
        (TypeName::Boolean, _) => return Some("is not a boolean".to_owned()),
        // Examples of structured values are prose; nothing to check.
        _ => return None,
    };
    rules(member)
        .iter()
        .find(|rule| !rule.admits(value))
        .map(|rule| rule.requirement(Markup::Plain))
}
