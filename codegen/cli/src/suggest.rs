//! "Did you mean": the valid name closest to a mistyped one.

/// The candidate closest to `given`: one equal ignoring case, else the one fewest edits away
/// (Damerau-Levenshtein distance of the lower-cased names, at most a third of the length of
/// `given` and at least 1), else `None`.
pub(crate) fn closest<'a>(
    given: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let given = given.to_lowercase();
    let limit = (given.chars().count() / 3).max(1);
    let mut best: Option<(usize, &str)> = None;
    for candidate in candidates {
        let distance = strsim::damerau_levenshtein(&given, &candidate.to_lowercase());
        if distance == 0 {
            return Some(candidate);
        }
        if distance <= limit && best.is_none_or(|(top, _)| distance < top) {
            best = Some((distance, candidate));
        }
    }
    best.map(|(_, candidate)| candidate)
}

/// ` (did you mean {prefix}{name}?)`, or nothing without a close name.
pub(crate) fn hint<'a>(
    given: &str,
    prefix: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> String {
    closest(given, candidates)
        .map(|name| format!(" (did you mean {prefix}{name}?)"))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_first_then_similarity_then_nothing() {
        let names = ["VpcId", "VSwitchId", "Bandwidth", "Name"];
        assert_eq!(closest("vswitchid", names), Some("VSwitchId"));
        assert_eq!(closest("VpcID", names), Some("VpcId"));
        assert_eq!(closest("Bandwith", names), Some("Bandwidth"));
        assert_eq!(closest("Tga", ["Tag", "ResourceType"]), Some("Tag"));
        assert_eq!(closest("Zebra", names), None);
        assert_eq!(hint("Nmae", "--", names), " (did you mean --Name?)");
        assert_eq!(hint("Zebra", "--", names), "");
    }
}
