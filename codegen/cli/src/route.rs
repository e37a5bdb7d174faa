//! The route form of a REST call, `acs cs GET /clusters/c-1`: a method and a concrete path
//! resolved to the operation whose binding they fit, with the path's values by parameter name.

use acs_cli_data::{Method, OperationData, Part, PathTemplate, Protocol};

/// The values of a path's variables, by wire name.
type Values = Vec<(String, String)>;

/// The operation of `operations` that `method` and `path` address, with the value of each
/// path variable (percent-decoded) by its wire name.
///
/// Where several templates fit (`/clusters/{ClusterId}` and `/clusters/all`), the one with
/// the most literal text wins; a tie is refused with the candidates.
pub(crate) fn resolve<'a>(
    protocol: Protocol,
    operations: &'a [OperationData],
    method: Method,
    path: &str,
) -> Result<(&'a OperationData, Values), String> {
    if protocol != Protocol::Roa {
        return Err(
            "this product's operations are RPC: call them by name, `acs <product> <Operation> --Name value`"
                .to_owned(),
        );
    }
    let (path, query) = path.split_once('?').unwrap_or((path, ""));
    if !query.is_empty() {
        return Err(format!(
            "the path {path:?} is followed by a query: pass query parameters as --Name value"
        ));
    }
    let mut best: Vec<(usize, &OperationData, Values)> = Vec::new();
    for op in operations.iter().filter(|op| op.method == method) {
        let Ok(parts) = PathTemplate(&op.path).parts() else {
            continue;
        };
        let Some(values) = fit(&parts, path) else {
            continue;
        };
        let literal: usize = parts
            .iter()
            .map(|part| match part {
                Part::Literal(text) => text.len(),
                Part::Variable(_) => 0,
            })
            .sum();
        match best.first().map(|(most, ..)| *most) {
            Some(most) if most > literal => {}
            Some(most) if most == literal => best.push((literal, op, values)),
            _ => best = vec![(literal, op, values)],
        }
    }
    match best.len() {
        0 => Err(format!(
            "no operation of this product is `{method} {path}`; `acs <product> --help` lists each operation's method and path"
        )),
        1 => {
            let (_, op, values) = best.remove(0);
            let mut decoded = Vec::with_capacity(values.len());
            for (name, value) in values {
                let value = percent_encoding::percent_decode_str(&value)
                    .decode_utf8()
                    .map_err(|_| {
                        format!("the value of {name} in {path:?} is not UTF-8 once decoded")
                    })?;
                decoded.push((name, value.into_owned()));
            }
            Ok((op, decoded))
        }
        _ => {
            let names: Vec<&str> = best.iter().map(|(_, op, _)| op.name.as_str()).collect();
            Err(format!(
                "`{method} {path}` fits several operations ({}): call one by name",
                names.join(", ")
            ))
        }
    }
}

/// The values of the variables when `path` fits `parts` (a variable takes at least one
/// character and no `/`), else `None`.
fn fit(parts: &[Part<'_>], path: &str) -> Option<Values> {
    match parts.split_first() {
        None => path.is_empty().then(Vec::new),
        Some((Part::Literal(text), rest)) => fit(rest, path.strip_prefix(text)?),
        Some((Part::Variable(name), rest)) => {
            let segment_end = path.find('/').unwrap_or(path.len());
            // The shortest value that lets the rest fit, as a template reads left to right.
            (1..=segment_end).find_map(|end| {
                let mut values = fit(rest, &path[end..])?;
                values.insert(0, ((*name).to_owned(), path[..end].to_owned()));
                Some(values)
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn op(name: &str, method: Method, path: &str) -> OperationData {
        OperationData {
            name: name.to_owned(),
            summary: String::new(),
            description: String::new(),
            method,
            path: path.to_owned(),
            body: Default::default(),
            answer: Default::default(),
            idempotency_token: None,
            idempotency_token_location: Default::default(),
            idempotent: false,
            parameters: Vec::new(),
            wait: None,
            pager: None,
        }
    }

    fn operations() -> Vec<OperationData> {
        vec![
            op("DescribeClusters", Method::Get, "/clusters"),
            op(
                "DescribeClusterDetail",
                Method::Get,
                "/clusters/{ClusterId}",
            ),
            op("DeleteCluster", Method::Delete, "/clusters/{ClusterId}"),
            op("DescribeAll", Method::Get, "/clusters/all"),
            op(
                "ScaleNodePool",
                Method::Post,
                "/clusters/{ClusterId}/nodepools/{NodepoolId}",
            ),
            op("StopJob", Method::Post, "/jobs/{JobId}:stop"),
            op("SameA", Method::Put, "/same/{Id}"),
            op("SameB", Method::Put, "/same/{Name}"),
        ]
    }

    fn resolved(method: Method, path: &str) -> Result<(String, Vec<(String, String)>), String> {
        let ops = operations();
        resolve(Protocol::Roa, &ops, method, path).map(|(op, values)| (op.name.clone(), values))
    }

    fn values(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn the_method_and_the_template_select_the_operation() {
        assert_eq!(
            resolved(Method::Get, "/clusters/c-1").unwrap(),
            (
                "DescribeClusterDetail".to_owned(),
                values(&[("ClusterId", "c-1")])
            )
        );
        assert_eq!(
            resolved(Method::Delete, "/clusters/c-1").unwrap().0,
            "DeleteCluster"
        );
        assert_eq!(
            resolved(Method::Post, "/clusters/c 1/nodepools/np%2F2").unwrap(),
            (
                "ScaleNodePool".to_owned(),
                values(&[("ClusterId", "c 1"), ("NodepoolId", "np/2")])
            )
        );
        assert_eq!(
            resolved(Method::Post, "/jobs/j-1:stop").unwrap(),
            ("StopJob".to_owned(), values(&[("JobId", "j-1")]))
        );
    }

    #[test]
    fn literal_text_beats_a_variable_and_a_tie_is_refused() {
        assert_eq!(
            resolved(Method::Get, "/clusters/all").unwrap().0,
            "DescribeAll"
        );
        let error = resolved(Method::Put, "/same/x").unwrap_err();
        assert!(error.contains("SameA, SameB"), "{error}");
    }

    #[test]
    fn what_fits_nothing_is_refused() {
        for (method, path) in [
            (Method::Get, "/clusters/c-1/extra"),
            (Method::Get, "/clusters/"),
            (Method::Patch, "/clusters/c-1"),
            (Method::Get, "/nope"),
            (Method::Post, "/jobs/j-1:start"),
        ] {
            assert!(resolved(method, path).is_err(), "{method} {path}");
        }
        assert!(
            resolved(Method::Get, "/clusters/c-1?x=1")
                .unwrap_err()
                .contains("--Name value")
        );
        let ops = operations();
        assert!(resolve(Protocol::Rpc, &ops, Method::Get, "/clusters").is_err());
    }
}
