//! Pagination read off a listing operation's shape: a next token in and out, or else a page
//! number in and a total out, around exactly one list of items.
//!
//! RPC products name them one way (`NextToken`, `PageNumber`, `TotalCount`, top-level). REST
//! products each have their own spelling and nesting (cs `page_number` and
//! `page_info.total_count`, fc `nextToken`, sae `CurrentPage` and `Data.TotalSize`,
//! elasticsearch `page`): there a name matches whatever its case and separators, and the
//! response fields are also looked for one object deep.

use crate::spec::model::{Member, Operation, Pagination, PaginationStyle, Protocol, TypeName};

/// The names each protocol's listings use, compared as written (RPC) or folded (REST).
struct Names {
    token: &'static [&'static str],
    page: &'static [&'static str],
    total: &'static [&'static str],
    /// Names compared without case and separators, fields also one object deep.
    loose: bool,
}

const RPC: Names = Names {
    token: &["NextToken"],
    page: &["PageNumber"],
    total: &["TotalCount"],
    loose: false,
};

/// Folded spellings (lower case, no `_` or `-`).
const REST: Names = Names {
    token: &["nexttoken"],
    page: &["pagenumber", "currentpage", "pageno", "page"],
    total: &["totalcount", "totalsize", "total", "xtotalcount"],
    loose: true,
};

/// `name` folded: lower case, without `_` and `-`.
fn fold(name: &str) -> String {
    name.chars()
        .filter(|c| !matches!(c, '_' | '-'))
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

impl Names {
    fn matches(&self, wanted: &[&str], name: &str) -> bool {
        if self.loose {
            let folded = fold(name);
            wanted.contains(&folded.as_str())
        } else {
            wanted.contains(&name)
        }
    }

    /// The request parameter of type `ty` named as one of `wanted`, first by `wanted`'s order.
    fn parameter(&self, op: &Operation, wanted: &[&str], ty: TypeName) -> Option<String> {
        wanted.iter().find_map(|w| {
            op.parameters
                .iter()
                .filter(|p| p.ty == ty)
                .filter_map(|p| p.name.as_deref())
                .find(|name| self.matches(&[w], name))
                .map(str::to_owned)
        })
    }

    /// The dotted path of the one response field of type `ty` named as one of `wanted`:
    /// top-level, or (loose) one object deep; `None` when there is none or several.
    fn field(&self, fields: &[Member], wanted: &[&str], ty: TypeName) -> Option<String> {
        let mut found = Vec::new();
        for field in fields {
            let Some(name) = field.name.as_deref() else {
                continue;
            };
            if field.ty == ty && self.matches(wanted, name) {
                found.push(name.to_owned());
            } else if self.loose && field.ty == TypeName::Object {
                found.extend(
                    field
                        .properties
                        .iter()
                        .filter(|p| p.ty == ty)
                        .filter_map(|p| p.name.as_deref())
                        .filter(|inner| self.matches(wanted, inner))
                        .map(|inner| format!("{name}.{inner}")),
                );
            }
        }
        match found.as_slice() {
            [only] => Some(only.clone()),
            _ => None,
        }
    }
}

/// The pagination of a `Describe*`/`List*` operation, when its shape says how it pages.
pub(super) fn infer(op: &Operation, protocol: Protocol) -> Option<Pagination> {
    let listing = ["Describe", "List", "describe", "list"];
    if !listing.iter().any(|prefix| op.name.starts_with(prefix)) {
        return None;
    }
    let names = match protocol {
        Protocol::Rpc => &RPC,
        Protocol::Roa => &REST,
    };
    let fields = &op.response.fields;
    let items = single_list(fields)?;
    // Tokens first: where an operation takes both, the documentation keeps the token and
    // retires page numbers (as `aliyun` pages), and page numbers over a changing listing
    // repeat and skip items.
    if let (Some(input), Some(output)) = (
        names.parameter(op, names.token, TypeName::String),
        names.field(fields, names.token, TypeName::String),
    ) {
        return Some(Pagination {
            style: PaginationStyle::NextToken,
            input,
            output: Some(output),
            total: None,
            items,
        });
    }
    if let (Some(input), Some(total)) = (
        names.parameter(op, names.page, TypeName::Integer),
        names.field(fields, names.total, TypeName::Integer),
    ) {
        return Some(Pagination {
            style: PaginationStyle::PageNumber,
            input,
            output: None,
            total: Some(total),
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

    fn infer(op: &Operation) -> Option<Pagination> {
        super::infer(op, Protocol::Rpc)
    }

    fn infer_rest(yaml: &str) -> Option<Pagination> {
        super::infer(&op(yaml), Protocol::Roa)
    }

    #[test]
    fn rest_listings_page_whatever_their_spelling_and_nesting() {
        // cs: snake case, the total one object deep.
        let cs = "name: DescribeClustersV1\nsummary: s\nparameters:\n  - {name: page_size, type: integer}\n  - {name: page_number, type: integer}\nresponse:\n  fields:\n    - {name: clusters, type: array, items: {type: string}}\n    - name: page_info\n      type: object\n      properties:\n        - {name: page_number, type: integer}\n        - {name: total_count, type: integer}\n";
        let p = infer_rest(cs).unwrap();
        assert_eq!(
            (
                p.style,
                p.input.as_str(),
                p.total.as_deref(),
                p.items.as_str()
            ),
            (
                PaginationStyle::PageNumber,
                "page_number",
                Some("page_info.total_count"),
                "clusters"
            )
        );
        // fc: camel-case tokens.
        let fc = "name: ListFunctions\nsummary: s\nparameters:\n  - {name: limit, type: integer}\n  - {name: nextToken, type: string}\nresponse:\n  fields:\n    - {name: functions, type: array, items: {type: string}}\n    - {name: nextToken, type: string}\n";
        let p = infer_rest(fc).unwrap();
        assert_eq!(
            (p.style, p.input.as_str(), p.output.as_deref()),
            (PaginationStyle::NextToken, "nextToken", Some("nextToken"))
        );
        // sae: `CurrentPage`, the list and the total in `Data`.
        let sae = "name: ListApplications\nsummary: s\nparameters:\n  - {name: CurrentPage, type: integer}\n  - {name: PageSize, type: integer}\nresponse:\n  fields:\n    - name: Data\n      type: object\n      properties:\n        - {name: CurrentPage, type: integer}\n        - {name: TotalSize, type: integer}\n        - {name: Applications, type: array, items: {type: string}}\n";
        let p = infer_rest(sae).unwrap();
        assert_eq!(
            (p.input.as_str(), p.total.as_deref(), p.items.as_str()),
            ("CurrentPage", Some("Data.TotalSize"), "Data.Applications")
        );
        // The same shapes say nothing in an RPC product, whose names are fixed.
        assert!(infer(&op(cs)).is_none());
        assert!(infer(&op(fc)).is_none());
        assert!(infer(&op(sae)).is_none());
    }

    #[test]
    fn a_rest_total_found_twice_is_no_pagination() {
        let two = "name: ListThings\nsummary: s\nparameters:\n  - {name: page, type: integer}\nresponse:\n  fields:\n    - {name: things, type: array, items: {type: string}}\n    - {name: total, type: integer}\n    - name: page_info\n      type: object\n      properties:\n        - {name: total_count, type: integer}\n";
        assert!(
            infer_rest(two).is_none(),
            "which total is meant is ambiguous"
        );
        let one = two.replace("    - {name: total, type: integer}\n", "");
        assert_eq!(
            infer_rest(&one).unwrap().total.as_deref(),
            Some("page_info.total_count")
        );
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
