//! Lower and upper bounds, their test and their wording ("2 to 100", "at least 1").

use std::fmt;

/// Optional inclusive bounds on a count or a length.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(bound(deserialize = "T: serde::Deserialize<'de>"))
)]
pub struct Span<T> {
    /// Smallest valid value.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub min: Option<T>,
    /// Largest valid value.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub max: Option<T>,
}

impl<T> Span<T> {
    /// Bounds from an optional minimum and maximum.
    pub const fn new(min: Option<T>, max: Option<T>) -> Self {
        Self { min, max }
    }

    /// Whether neither bound is set.
    pub const fn is_open(&self) -> bool {
        self.min.is_none() && self.max.is_none()
    }
}

impl Span<u64> {
    /// Whether `n` lies within the bounds.
    pub fn contains(&self, n: u64) -> bool {
        self.min.is_none_or(|m| n >= m) && self.max.is_none_or(|m| n <= m)
    }
}

impl Span<Limit> {
    /// Whether `n` lies within the bounds.
    pub fn contains(&self, n: f64) -> bool {
        self.min.is_none_or(|m| m.below(n)) && self.max.is_none_or(|m| m.above(n))
    }
}

/// A bound on a number, inclusive unless `exclusive`.
#[derive(Clone, Copy, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Limit {
    /// The bound.
    pub value: f64,
    /// Whether the bound itself is outside the valid values.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "std::ops::Not::not")
    )]
    pub exclusive: bool,
}

impl Limit {
    /// An inclusive bound.
    pub const fn inclusive(value: f64) -> Self {
        Self {
            value,
            exclusive: false,
        }
    }

    /// An exclusive bound.
    pub const fn exclusive(value: f64) -> Self {
        Self {
            value,
            exclusive: true,
        }
    }

    /// As a lower bound: whether `n` is above it.
    fn below(self, n: f64) -> bool {
        if self.exclusive {
            n > self.value
        } else {
            n >= self.value
        }
    }

    /// As an upper bound: whether `n` is under it.
    fn above(self, n: f64) -> bool {
        if self.exclusive {
            n < self.value
        } else {
            n <= self.value
        }
    }
}

/// "2 to 100", "at least 2", "at most 100": the words of inclusive bounds.
pub(crate) fn inclusive_words<T: fmt::Display>(min: Option<T>, max: Option<T>) -> String {
    match (min, max) {
        (Some(min), Some(max)) => format!("{min} to {max}"),
        (Some(min), None) => format!("at least {min}"),
        (None, Some(max)) => format!("at most {max}"),
        (None, None) => "any value".to_owned(),
    }
}

/// The words of number bounds, exclusive ones included: "greater than 0 and at most 1.5".
pub(crate) fn limit_words(span: &Span<Limit>) -> String {
    let exclusive = span.min.is_some_and(|m| m.exclusive) || span.max.is_some_and(|m| m.exclusive);
    if !exclusive {
        return inclusive_words(span.min.map(|m| m.value), span.max.map(|m| m.value));
    }
    let lower = span.min.map(|m| {
        let relation = if m.exclusive {
            "greater than"
        } else {
            "at least"
        };
        format!("{relation} {}", m.value)
    });
    let upper = span.max.map(|m| {
        let relation = if m.exclusive { "less than" } else { "at most" };
        format!("{relation} {}", m.value)
    });
    match (lower, upper) {
        (Some(lower), Some(upper)) => format!("{lower} and {upper}"),
        (Some(one), None) | (None, Some(one)) => one,
        (None, None) => unreachable!("an exclusive span has a bound"),
    }
}
