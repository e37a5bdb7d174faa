//! Request validation: the violations a request can have and the checks generated validators call.
//!
//! Generated `validate()` methods walk their fields once, calling the methods of [`Validator`]
//! with the wire name of each parameter; every problem is collected, none stops the walk.

use std::fmt;
use std::sync::OnceLock;

pub use acs_rules::Limit;
use acs_rules::{Choice, Markup, Rule, Span};

/// One broken rule: which wire parameter, which rule, and the offending value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Violation {
    /// Wire path of the parameter, e.g. `Name` or `Tags.2.Key`.
    pub parameter: String,
    /// The rule the value breaks, in words, e.g. `must be 2 to 100 characters long`.
    pub rule: String,
    /// The offending value as it would be sent; `None` when the parameter is missing.
    pub value: Option<String>,
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.value {
            Some(value) => write!(f, "{}: {} (got {value:?})", self.parameter, self.rule),
            None => write!(f, "{}: {}", self.parameter, self.rule),
        }
    }
}

/// Every violation found in one request; never empty.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Violations(Vec<Violation>);

impl Violations {
    /// The violations, in field order.
    pub fn iter(&self) -> std::slice::Iter<'_, Violation> {
        self.0.iter()
    }

    /// How many rules are broken.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Always false: a `Violations` value holds at least one violation.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// These violations less those of `parameter`; `None` when no other is left.
    pub fn without(&self, parameter: &str) -> Option<Self> {
        let rest: Vec<Violation> = self
            .0
            .iter()
            .filter(|v| v.parameter != parameter)
            .cloned()
            .collect();
        (!rest.is_empty()).then_some(Self(rest))
    }

    /// The violation of one wire parameter, if any.
    pub fn get(&self, parameter: &str) -> Option<&Violation> {
        self.0.iter().find(|v| v.parameter == parameter)
    }
}

impl<'a> IntoIterator for &'a Violations {
    type Item = &'a Violation;
    type IntoIter = std::slice::Iter<'a, Violation>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl fmt::Display for Violations {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid request: {} problem(s)", self.0.len())?;
        for violation in &self.0 {
            write!(f, "\n  - {violation}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Violations {}

/// A request type whose fields can be checked against the constraints of its spec.
pub trait Validate {
    /// Checks every field, reporting violations under `prefix` (empty at the top level).
    fn validate_into(&self, v: &mut Validator, prefix: &str);

    /// Checks every field and returns all violations at once.
    fn validate(&self) -> Result<(), Violations>
    where
        Self: Sized,
    {
        Validator::check(self)
    }
}

impl<T: Validate> Validate for Option<T> {
    fn validate_into(&self, v: &mut Validator, prefix: &str) {
        if let Some(value) = self {
            value.validate_into(v, prefix);
        }
    }
}

impl<T: Validate> Validate for Vec<T> {
    fn validate_into(&self, v: &mut Validator, prefix: &str) {
        for (i, item) in self.iter().enumerate() {
            item.validate_into(v, &format!("{prefix}.{}", i + 1));
        }
    }
}

/// A regular expression from the spec, compiled on first use.
pub struct Pattern {
    source: &'static str,
    description: Option<&'static str>,
    compiled: OnceLock<regex::Regex>,
}

impl Pattern {
    /// A pattern for `source`, read in words as `description`; the generator has already
    /// checked that it compiles.
    pub const fn new(source: &'static str, description: Option<&'static str>) -> Self {
        Self {
            source,
            description,
            compiled: OnceLock::new(),
        }
    }

    /// The pattern as written in the spec.
    pub fn as_str(&self) -> &'static str {
        self.source
    }

    /// Whether `value` matches.
    pub fn is_match(&self, value: &str) -> bool {
        self.compiled
            .get_or_init(|| {
                regex::Regex::new(self.source).expect("pattern checked by the generator")
            })
            .is_match(value)
    }
}

/// A scalar the validator can show in a violation.
pub trait Shown {
    /// The value as it would go on the wire.
    fn shown(&self) -> String;
}

macro_rules! shown_via_display {
    ($($t:ty),*) => {$(
        impl Shown for $t {
            fn shown(&self) -> String {
                self.to_string()
            }
        }
    )*};
}
shown_via_display!(
    i8, i16, i32, i64, u8, u16, u32, u64, f32, f64, bool, str, String
);

/// Collects violations while a request is walked.
#[derive(Debug, Default)]
pub struct Validator {
    violations: Vec<Violation>,
}

/// Joins a nested wire name onto its parent path.
fn path(prefix: &str, name: &str) -> String {
    if prefix.is_empty() {
        name.to_owned()
    } else {
        format!("{prefix}.{name}")
    }
}

impl Validator {
    /// Checks every field of `value` and returns all violations at once:
    /// [`Validate::validate`], also for a value behind `dyn`.
    pub fn check(value: &dyn Validate) -> Result<(), Violations> {
        let mut v = Self::default();
        value.validate_into(&mut v, "");
        v.finish()
    }

    /// Records a violation of `rule` by `parameter`.
    pub fn report(
        &mut self,
        prefix: &str,
        parameter: &str,
        rule: impl Into<String>,
        value: Option<String>,
    ) {
        self.violations.push(Violation {
            parameter: path(prefix, parameter),
            rule: rule.into(),
            value,
        });
    }

    /// Records that `value` breaks `rule`.
    fn broken(&mut self, prefix: &str, parameter: &str, rule: Rule, value: Option<String>) {
        self.report(prefix, parameter, rule.requirement(Markup::Plain), value);
    }

    /// A required parameter must be present.
    pub fn required<T>(&mut self, prefix: &str, parameter: &str, value: &Option<T>) {
        if value.is_none() {
            self.broken(prefix, parameter, Rule::Required, None);
        }
    }

    /// A string must be `min..=max` characters (Unicode scalar values) long.
    pub fn length(
        &mut self,
        prefix: &str,
        parameter: &str,
        value: Option<&str>,
        min: Option<u64>,
        max: Option<u64>,
    ) {
        let Some(value) = value else { return };
        let span = Span::new(min, max);
        if !span.contains(acs_rules::char_len(value)) {
            self.broken(
                prefix,
                parameter,
                Rule::Length(span),
                Some(value.to_owned()),
            );
        }
    }

    /// A string must match a regular expression.
    pub fn pattern(
        &mut self,
        prefix: &str,
        parameter: &str,
        value: Option<&str>,
        pattern: &Pattern,
    ) {
        if let Some(value) = value {
            if !pattern.is_match(value) {
                let rule = Rule::Pattern {
                    regex: pattern.source.to_owned(),
                    description: pattern.description.map(str::to_owned),
                };
                self.broken(prefix, parameter, rule, Some(value.to_owned()));
            }
        }
    }

    /// A string may hold ASCII characters only.
    pub fn ascii(&mut self, prefix: &str, parameter: &str, value: Option<&str>) {
        if let Some(value) = value {
            if !value.is_ascii() {
                self.broken(prefix, parameter, Rule::Ascii, Some(value.to_owned()));
            }
        }
    }

    /// An enumerated string must be one the spec knows (an `Unknown` value is a violation).
    pub fn known(&mut self, prefix: &str, parameter: &str, value: Option<&str>, known: &[&str]) {
        if let Some(value) = value {
            if !known.contains(&value) {
                let rule = Rule::OneOf(known.iter().map(|k| Choice::new(*k)).collect());
                self.broken(prefix, parameter, rule, Some(value.to_owned()));
            }
        }
    }

    /// An integer must lie in one of the inclusive ranges (a single value is a range of one;
    /// open ends are `i64::MIN` and `i64::MAX`).
    pub fn one_of_ranges<T>(
        &mut self,
        prefix: &str,
        parameter: &str,
        value: Option<T>,
        ranges: &[(i64, i64)],
    ) where
        T: Into<i64> + Copy + Shown,
    {
        let Some(value) = value else { return };
        if !acs_rules::in_ranges(ranges, value.into()) {
            let rule = Rule::Integers(ranges.to_vec());
            self.broken(prefix, parameter, rule, Some(value.shown()));
        }
    }

    /// A number must lie within `min` and `max`, each inclusive or exclusive.
    pub fn bounds<T>(
        &mut self,
        prefix: &str,
        parameter: &str,
        value: Option<T>,
        min: Option<Limit>,
        max: Option<Limit>,
    ) where
        T: Into<f64> + Copy + Shown,
    {
        let Some(value) = value else { return };
        let span = Span::new(min, max);
        if !span.contains(value.into()) {
            self.broken(prefix, parameter, Rule::Numbers(span), Some(value.shown()));
        }
    }

    /// A list must have `min..=max` items.
    pub fn items<T>(
        &mut self,
        prefix: &str,
        parameter: &str,
        value: Option<&[T]>,
        min: Option<u64>,
        max: Option<u64>,
    ) {
        let Some(value) = value else { return };
        let span = Span::new(min, max);
        if !span.contains(value.len() as u64) {
            let shown = format!("{} items", value.len());
            self.broken(prefix, parameter, Rule::Items(span), Some(shown));
        }
    }

    /// Checks a nested value under `prefix.parameter`.
    pub fn nested<T: Validate + ?Sized>(&mut self, prefix: &str, parameter: &str, value: &T) {
        value.validate_into(self, &path(prefix, parameter));
    }

    /// `Ok` when nothing was reported, else every violation.
    pub fn finish(self) -> Result<(), Violations> {
        if self.violations.is_empty() {
            Ok(())
        } else {
            Err(Violations(self.violations))
        }
    }
}
