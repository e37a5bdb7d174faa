//! [`Rule`]: one constraint, its test and its words.

use crate::bounds::{inclusive_words, limit_words};
use crate::{Limit, Span, char_len, in_ranges};

/// One constraint on a value.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Rule {
    /// The value must be present.
    Required,
    /// A string's length in characters.
    Length(Span<u64>),
    /// A regular expression the whole string must match, with its reading in words.
    Pattern {
        /// The regular expression.
        regex: String,
        /// What it means, e.g. "starts with a letter".
        #[cfg_attr(
            feature = "serde",
            serde(default, skip_serializing_if = "Option::is_none")
        )]
        description: Option<String>,
    },
    /// ASCII characters only.
    Ascii,
    /// The only valid strings.
    OneOf(Vec<Choice>),
    /// The only valid integers: inclusive ranges, a single value being a range of one.
    /// Open ends are `i64::MIN` and `i64::MAX`.
    Integers(Vec<(i64, i64)>),
    /// Bounds of a number, inclusive or exclusive.
    Numbers(Span<Limit>),
    /// The number of items of a list.
    Items(Span<u64>),
}

/// One valid string of an enumeration and what it means.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Choice {
    /// The wire value.
    pub value: String,
    /// Its meaning, shown after the value in docs and help.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub meaning: Option<String>,
}

impl Choice {
    /// A value without a meaning.
    pub fn new(value: impl Into<String>) -> Self {
        Self {
            value: value.into(),
            meaning: None,
        }
    }
}

/// A value to test against a rule.
#[derive(Clone, Copy, Debug)]
pub enum Value<'a> {
    /// A string.
    Str(&'a str),
    /// A whole number.
    Int(i64),
    /// A fractional number.
    Float(f64),
    /// A list, by its number of items.
    Count(usize),
}

/// How values and patterns are set off in the words of a rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Markup {
    /// As they are: for messages on a terminal.
    Plain,
    /// In Markdown code spans: for rustdoc and reference pages.
    Markdown,
}

impl Markup {
    /// `text` set off as a value: as it is, or in a Markdown code span (even when it holds
    /// backticks).
    pub fn code(self, text: &str) -> String {
        match self {
            Self::Plain => text.to_owned(),
            Self::Markdown if text.contains('`') => format!("`` {text} ``"),
            Self::Markdown => format!("`{text}`"),
        }
    }
}

impl Rule {
    /// Whether `value` obeys the rule. A rule says nothing of values of another kind (a
    /// length rule of an integer) nor of presence, which [`Rule::Required`] states.
    pub fn admits(&self, value: Value<'_>) -> bool {
        match (self, value) {
            (Self::Length(span), Value::Str(s)) => span.contains(char_len(s)),
            (Self::Pattern { regex, .. }, Value::Str(s)) => {
                regex::Regex::new(regex).is_ok_and(|re| re.is_match(s))
            }
            (Self::Ascii, Value::Str(s)) => s.is_ascii(),
            (Self::OneOf(choices), Value::Str(s)) => choices.iter().any(|c| c.value == s),
            (Self::Integers(ranges), Value::Int(n)) => in_ranges(ranges, n),
            (Self::Integers(ranges), Value::Float(x)) => {
                x.fract() == 0.0 && in_ranges(ranges, x as i64)
            }
            (Self::Numbers(span), Value::Int(n)) => span.contains(n as f64),
            (Self::Numbers(span), Value::Float(x)) => span.contains(x),
            (Self::Items(span), Value::Count(n)) => span.contains(n as u64),
            _ => true,
        }
    }

    /// What a value must be to obey the rule, as a predicate: "must be 2 to 100 characters
    /// long". Run-time violations say this after the parameter name.
    pub fn requirement(&self, markup: Markup) -> String {
        match self {
            Self::Required => "is required".to_owned(),
            Self::Length(span) => format!(
                "must be {} characters long",
                inclusive_words(span.min, span.max)
            ),
            Self::Pattern { regex, description } => match description {
                Some(d) => format!(
                    "must match the pattern {} ({})",
                    markup.code(regex),
                    d.trim().trim_end_matches('.')
                ),
                None => format!("must match the pattern {}", markup.code(regex)),
            },
            Self::Ascii => "must contain only ASCII characters".to_owned(),
            Self::OneOf(choices) => {
                let values: Vec<String> = choices
                    .iter()
                    .map(|c| match &c.meaning {
                        Some(m) => format!("{} ({})", markup.code(&c.value), m.trim()),
                        None => markup.code(&c.value),
                    })
                    .collect();
                format!("must be one of {}", values.join(", "))
            }
            Self::Integers(ranges) => match ranges.as_slice() {
                [(lo, hi)] if lo != hi => format!("must be {}", integer_span(*lo, *hi)),
                _ => {
                    let values: Vec<String> = ranges
                        .iter()
                        .map(|&(lo, hi)| integer_span(lo, hi))
                        .collect();
                    format!("must be one of {}", values.join(", "))
                }
            },
            Self::Numbers(span) => format!("must be {}", limit_words(span)),
            Self::Items(span) => format!("must have {} items", inclusive_words(span.min, span.max)),
        }
    }

    /// The rule as a sentence for documentation: "Must be 2 to 100 characters long.", or
    /// "Required." for [`Rule::Required`].
    pub fn sentence(&self, markup: Markup) -> String {
        if *self == Self::Required {
            return "Required.".to_owned();
        }
        let requirement = self.requirement(markup);
        let mut chars = requirement.chars();
        let first = chars.next().map(|c| c.to_ascii_uppercase());
        format!(
            "{}{}.",
            first.into_iter().collect::<String>(),
            chars.as_str()
        )
    }
}

/// "1 to 9", "12", "at least 1", "at most 9".
fn integer_span(lo: i64, hi: i64) -> String {
    let min = (lo != i64::MIN).then_some(lo);
    let max = (hi != i64::MAX).then_some(hi);
    if lo == hi {
        lo.to_string()
    } else {
        inclusive_words(min, max)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_count_characters_not_bytes() {
        let rule = Rule::Length(Span::new(Some(2), Some(3)));
        assert!(rule.admits(Value::Str("éé")));
        assert!(!rule.admits(Value::Str("é")));
        assert!(!rule.admits(Value::Str("abcd")));
        assert_eq!(
            rule.requirement(Markup::Plain),
            "must be 2 to 3 characters long"
        );
        assert_eq!(
            rule.sentence(Markup::Plain),
            "Must be 2 to 3 characters long."
        );
    }

    #[test]
    fn integer_sets_mix_values_and_ranges() {
        let rule = Rule::Integers(vec![(1, 9), (12, 12), (24, 24)]);
        for n in [1, 5, 9, 12, 24] {
            assert!(rule.admits(Value::Int(n)), "{n}");
        }
        for n in [0, 10, 13, 25] {
            assert!(!rule.admits(Value::Int(n)), "{n}");
        }
        assert!(!rule.admits(Value::Float(1.5)));
        assert_eq!(
            rule.requirement(Markup::Plain),
            "must be one of 1 to 9, 12, 24"
        );
    }

    #[test]
    fn open_integer_ends_read_as_at_least_and_at_most() {
        let at_least = Rule::Integers(vec![(1, i64::MAX)]);
        assert_eq!(at_least.requirement(Markup::Plain), "must be at least 1");
        let at_most = Rule::Integers(vec![(i64::MIN, 9)]);
        assert_eq!(at_most.requirement(Markup::Plain), "must be at most 9");
        assert!(at_most.admits(Value::Int(i64::MIN)));
        let single = Rule::Integers(vec![(5, 5)]);
        assert_eq!(single.requirement(Markup::Plain), "must be one of 5");
    }

    #[test]
    fn exclusive_bounds_exclude_themselves() {
        let rule = Rule::Numbers(Span::new(
            Some(Limit::exclusive(0.0)),
            Some(Limit::inclusive(1.5)),
        ));
        assert!(!rule.admits(Value::Float(0.0)));
        assert!(rule.admits(Value::Float(0.1)));
        assert!(rule.admits(Value::Int(1)));
        assert!(rule.admits(Value::Float(1.5)));
        assert!(!rule.admits(Value::Float(1.6)));
        assert_eq!(
            rule.requirement(Markup::Plain),
            "must be greater than 0 and at most 1.5"
        );
        let inclusive = Rule::Numbers(Span::new(Some(Limit::inclusive(0.0)), None));
        assert_eq!(inclusive.requirement(Markup::Plain), "must be at least 0");
    }

    #[test]
    fn choices_show_their_meanings() {
        let rule = Rule::OneOf(vec![
            Choice {
                value: "small".into(),
                meaning: Some("a small one".into()),
            },
            Choice::new("LARGE"),
        ]);
        assert!(rule.admits(Value::Str("LARGE")));
        assert!(!rule.admits(Value::Str("large")));
        assert_eq!(
            rule.requirement(Markup::Plain),
            "must be one of small (a small one), LARGE"
        );
        assert_eq!(
            rule.sentence(Markup::Markdown),
            "Must be one of `small` (a small one), `LARGE`."
        );
    }

    #[test]
    fn patterns_and_ascii() {
        let rule = Rule::Pattern {
            regex: "^[a-z]+$".into(),
            description: Some("lower-case letters.".into()),
        };
        assert!(rule.admits(Value::Str("abc")));
        assert!(!rule.admits(Value::Str("Abc")));
        assert_eq!(
            rule.requirement(Markup::Markdown),
            "must match the pattern `^[a-z]+$` (lower-case letters)"
        );
        let tick = Rule::Pattern {
            regex: "^`$".into(),
            description: None,
        };
        assert_eq!(
            tick.requirement(Markup::Markdown),
            "must match the pattern `` ^`$ ``"
        );
        assert!(!Rule::Ascii.admits(Value::Str("é")));
        assert!(
            Rule::Ascii.admits(Value::Int(3)),
            "other kinds are not judged"
        );
    }

    #[test]
    fn items_and_required() {
        let rule = Rule::Items(Span::new(None, Some(3)));
        assert!(rule.admits(Value::Count(3)));
        assert!(!rule.admits(Value::Count(4)));
        assert_eq!(rule.requirement(Markup::Plain), "must have at most 3 items");
        assert_eq!(Rule::Required.sentence(Markup::Markdown), "Required.");
        assert_eq!(Rule::Required.requirement(Markup::Plain), "is required");
    }
}
