//! A request value's constraints compared: tighter ones refuse requests that passed before
//! (breaking), looser ones accept more (an addition).

use super::{Bump, Changes};
use crate::spec::model::Constraints;

/// Which way a limit moved.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Moved {
    Tighter,
    Looser,
}

/// Each limit of `before` and `after` that moved, with its bump.
pub(super) fn compare(before: &Constraints, after: &Constraints, at: &str, out: &mut Changes) {
    let count = |n: Option<u64>| n.map(|n| n as f64);
    let limits = [
        (
            "max_length",
            count(before.max_length),
            count(after.max_length),
            Side::Upper,
        ),
        (
            "min_length",
            count(before.min_length),
            count(after.min_length),
            Side::Lower,
        ),
        ("maximum", before.maximum, after.maximum, Side::Upper),
        ("minimum", before.minimum, after.minimum, Side::Lower),
        (
            "max_items",
            count(before.max_items),
            count(after.max_items),
            Side::Upper,
        ),
        (
            "min_items",
            count(before.min_items),
            count(after.min_items),
            Side::Lower,
        ),
    ];
    for (name, old, new, side) in limits {
        if let Some(moved) = limit(old, new, side) {
            let shown = |v: Option<f64>| v.map_or_else(|| "none".to_owned(), |v| v.to_string());
            push(
                out,
                moved,
                format!("{at}: {name} {} to {}", shown(old), shown(new)),
            );
        }
    }
    for (name, old, new) in [
        (
            "exclusive_minimum",
            before.exclusive_minimum,
            after.exclusive_minimum,
        ),
        (
            "exclusive_maximum",
            before.exclusive_maximum,
            after.exclusive_maximum,
        ),
        ("ascii_only", before.ascii_only, after.ascii_only),
    ] {
        if old != new {
            let moved = if new { Moved::Tighter } else { Moved::Looser };
            push(out, moved, format!("{at}: {name} {old} to {new}"));
        }
    }
    match (&before.pattern, &after.pattern) {
        (old, new) if old == new => {}
        // A pattern removed accepts more; a new or changed one may refuse what passed.
        (Some(_), None) => push(out, Moved::Looser, format!("{at}: pattern removed")),
        (_, Some(new)) => push(out, Moved::Tighter, format!("{at}: pattern now `{new}`")),
        (None, None) => {}
    }
}

/// An upper or a lower limit.
#[derive(Clone, Copy)]
enum Side {
    Upper,
    Lower,
}

/// How a limit moved from `old` to `new` (absent: no limit), if it did.
fn limit(old: Option<f64>, new: Option<f64>, side: Side) -> Option<Moved> {
    match (old, new) {
        (None, None) => None,
        (None, Some(_)) => Some(Moved::Tighter),
        (Some(_), None) => Some(Moved::Looser),
        (Some(old), Some(new)) if old == new => None,
        (Some(old), Some(new)) => Some(match (side, new < old) {
            (Side::Upper, true) | (Side::Lower, false) => Moved::Tighter,
            (Side::Upper, false) | (Side::Lower, true) => Moved::Looser,
        }),
    }
}

fn push(out: &mut Changes, moved: Moved, text: String) {
    let (bump, word) = match moved {
        Moved::Tighter => (Bump::Major, "tightened"),
        Moved::Looser => (Bump::Minor, "loosened"),
    };
    out.push(bump, format!("{text} ({word})"));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::changelog::diff::Change;

    fn changes(before: Constraints, after: Constraints) -> Vec<Change> {
        let mut out = Changes(Vec::new());
        compare(&before, &after, "`Name`", &mut out);
        out.0
    }

    #[test]
    fn a_tighter_limit_is_breaking_and_a_looser_one_an_addition() {
        let with = |max_length, minimum| Constraints {
            max_length,
            minimum,
            ..Constraints::default()
        };
        let tightened = changes(with(Some(128), Some(1.0)), with(Some(64), Some(2.0)));
        assert_eq!(tightened.len(), 2);
        assert!(
            tightened.iter().all(|c| c.bump == Bump::Major),
            "{tightened:?}"
        );
        assert!(
            tightened[0]
                .text
                .contains("max_length 128 to 64 (tightened)")
        );
        let loosened = changes(with(Some(64), Some(2.0)), with(None, Some(1.0)));
        assert!(
            loosened.iter().all(|c| c.bump == Bump::Minor),
            "{loosened:?}"
        );
        assert!(
            loosened[0]
                .text
                .contains("max_length 64 to none (loosened)")
        );
        assert!(changes(with(Some(64), None), with(Some(64), None)).is_empty());
        let added = changes(with(None, None), with(Some(10), None));
        assert_eq!(added[0].bump, Bump::Major);
    }

    #[test]
    fn a_new_pattern_or_ascii_rule_is_breaking_and_removing_one_an_addition() {
        let pattern = |p: Option<&str>, ascii_only| Constraints {
            pattern: p.map(str::to_owned),
            ascii_only,
            ..Constraints::default()
        };
        let bumps = |c: Vec<Change>| c.into_iter().map(|c| c.bump).collect::<Vec<_>>();
        assert_eq!(
            bumps(changes(pattern(None, false), pattern(Some("^a$"), true))),
            [Bump::Major, Bump::Major]
        );
        assert_eq!(
            bumps(changes(pattern(Some("^a$"), true), pattern(None, false))),
            [Bump::Minor, Bump::Minor]
        );
    }
}
