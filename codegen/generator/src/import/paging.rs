//! Pagination read off a listing operation's shape: `NextToken` in and out, or else
//! `PageNumber`/`PageSize` in and `TotalCount` out, around exactly one list of items.

use crate::spec::model::{Member, Operation, Pagination, PaginationStyle, TypeName};

/// The pagination of a `Describe*`/`List*` operation, when its shape says how it pages.
pub(super) fn infer(op: &Operation) -> Option<Pagination> {
    if !(op.name.starts_with("Describe") || op.name.starts_with("List")) {
        return None;
    }
    let parameter = |name: &str, ty: TypeName| {
        op.parameters
            .iter()
            .any(|p| p.name.as_deref() == Some(name) && p.ty == ty)
    };
    let field = |name: &str, ty: TypeName| op.response.field(name).is_some_and(|m| m.ty == ty);
    let items = single_list(&op.response.fields)?;
    // Tokens first: where an operation takes both, the documentation keeps the token and
    // retires page numbers (as `aliyun` pages), and page numbers over a changing listing
    // repeat and skip items.
    if parameter("NextToken", TypeName::String) && field("NextToken", TypeName::String) {
        return Some(Pagination {
            style: PaginationStyle::NextToken,
            input: "NextToken".to_owned(),
            output: Some("NextToken".to_owned()),
            total: None,
            items,
        });
    }
    if parameter("PageNumber", TypeName::Integer) && field("TotalCount", TypeName::Integer) {
        return Some(Pagination {
            style: PaginationStyle::PageNumber,
            input: "PageNumber".to_owned(),
            output: None,
            total: Some("TotalCount".to_owned()),
            items,
        });
    }
    None
}

/// The dotted path of the only list among the top-level fields and the fields of top-level
/// objects (wrapped lists such as `VpnGateways.VpnGateway`); `None` when there is not exactly one.
fn single_list(fields: &[Member]) -> Option<String> {
    let mut lists = Vec::new();
    for field in fields {
        let name = field.name.as_deref()?;
        match field.ty {
            TypeName::Array => lists.push(name.to_owned()),
            TypeName::Object => lists.extend(
                field
                    .properties
                    .iter()
                    .filter(|p| p.ty == TypeName::Array)
                    .filter_map(|p| p.name.as_deref())
                    .map(|inner| format!("{name}.{inner}")),
            ),
            _ => {}
        }
    }
    match lists.as_slice() {
        [only] => Some(only.clone()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn op(yaml: &str) -> Operation {
        serde_yaml::from_str(yaml).unwrap()
    }

    const PAGED: &str = "name: DescribeThings\nsummary: s\nparameters:\n  - {name: PageNumber, type: integer}\n  - {name: PageSize, type: integer}\nresponse:\n  fields:\n    - {name: TotalCount, type: integer}\n    - name: Things\n      type: object\n      properties:\n        - {name: Thing, type: array, items: {type: string}}\n";

    #[test]
    fn page_number_listings_page_over_their_wrapped_list() {
        let p = infer(&op(PAGED)).unwrap();
        assert_eq!(p.style, PaginationStyle::PageNumber);
        assert_eq!(
            (p.input.as_str(), p.total.as_deref(), p.items.as_str()),
            ("PageNumber", Some("TotalCount"), "Things.Thing")
        );
    }

    #[test]
    fn token_listings_page_over_their_list() {
        let yaml = "name: ListThings\nsummary: s\nparameters:\n  - {name: NextToken, type: string}\nresponse:\n  fields:\n    - {name: NextToken, type: string}\n    - {name: Things, type: array, items: {type: string}}\n";
        let p = infer(&op(yaml)).unwrap();
        assert_eq!(
            (p.style, p.output.as_deref(), p.items.as_str()),
            (PaginationStyle::NextToken, Some("NextToken"), "Things")
        );
    }

    #[test]
    fn tokens_win_where_both_are_offered() {
        let both = PAGED
            .replace(
                "  - {name: PageSize, type: integer}\n",
                "  - {name: PageSize, type: integer}\n  - {name: NextToken, type: string}\n",
            )
            .replace(
                "    - {name: TotalCount, type: integer}\n",
                "    - {name: TotalCount, type: integer}\n    - {name: NextToken, type: string}\n",
            );
        let p = infer(&op(&both)).unwrap();
        assert_eq!(
            (p.style, p.input.as_str(), p.total),
            (PaginationStyle::NextToken, "NextToken", None)
        );
    }

    #[test]
    fn no_pagination_without_the_shape() {
        assert!(
            infer(&op(&PAGED.replace("DescribeThings", "CreateThings"))).is_none(),
            "not a listing"
        );
        assert!(
            infer(&op(&PAGED.replace("TotalCount", "Count"))).is_none(),
            "no total"
        );
        let two = PAGED.to_owned() + "    - {name: Others, type: array, items: {type: string}}\n";
        assert!(
            infer(&op(&two)).is_none(),
            "two lists: which one is ambiguous"
        );
    }
}
