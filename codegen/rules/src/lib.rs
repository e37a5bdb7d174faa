//! The rule vocabulary: what each constraint of a spec means, how a value is checked against
//! it and how it is said.
//!
//! One [`Rule`] type serves every reader of a constraint: the generator's checks of defaults
//! and examples, the rustdoc and Markdown of each field, the CLI's help and validation, and
//! the violations a request reports at run time. A rule is worded once, by
//! [`Rule::requirement`], so the same words appear everywhere: a field documented with
//! "Must be 2 to 100 characters long." reports `Name: must be 2 to 100 characters long`.

mod bounds;
mod rule;

pub use bounds::{Limit, Span};
pub use rule::{Choice, Markup, Rule, Value};

/// The length of a string as every rule counts it: in Unicode scalar values.
pub fn char_len(text: &str) -> u64 {
    text.chars().count() as u64
}

/// Whether `n` lies in one of the inclusive ranges (a single value is a range of one).
pub fn in_ranges(ranges: &[(i64, i64)], n: i64) -> bool {
    ranges.iter().any(|&(lo, hi)| lo <= n && n <= hi)
}
