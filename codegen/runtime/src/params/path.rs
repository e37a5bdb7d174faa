//! A REST operation's path: its template with each variable's value percent-encoded.

use super::{Pairs, encode_into};
use crate::wire::{Part, PathTemplate};

/// `template` with each `{Name}` replaced by the value of `Name` in `values`, encoded with
/// nothing but the unreserved characters kept (a `/` in a value is `%2F`), as the official
/// SDKs send it and the signature covers it.
///
/// Fails, naming the variable, when a value is missing, empty, `.` or `..` (which a server
/// would read as another path), or when the template is not one.
pub fn render(template: &str, values: &Pairs) -> Result<String, PathError> {
    let parts = PathTemplate(template)
        .parts()
        .map_err(|e| PathError::Template {
            template: template.to_owned(),
            reason: e.to_string(),
        })?;
    let mut path = String::with_capacity(template.len() + 16);
    for part in parts {
        match part {
            Part::Literal(text) => path.push_str(text),
            Part::Variable(name) => {
                let value = values
                    .iter()
                    .find(|(key, _)| *key == name)
                    .map(|(_, value)| value)
                    .ok_or_else(|| PathError::Missing {
                        name: name.to_owned(),
                    })?;
                if matches!(value, "" | "." | "..") {
                    return Err(PathError::Climbing {
                        name: name.to_owned(),
                        value: value.to_owned(),
                    });
                }
                encode_into(&mut path, value);
            }
        }
    }
    Ok(path)
}

/// Why a path cannot be rendered; nothing is sent.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PathError {
    /// The template is not one (a spec the generator would have refused).
    #[error("the path template {template:?} is broken: {reason}")]
    Template {
        /// The template as written.
        template: String,
        /// What is wrong with it.
        reason: String,
    },
    /// A variable has no value.
    #[error("the path parameter {name} is not set")]
    Missing {
        /// The variable's name.
        name: String,
    },
    /// A value that would address another path: empty, `.` or `..`.
    #[error("the path parameter {name} is {value:?}, which would address another path")]
    Climbing {
        /// The variable's name.
        name: String,
        /// Its value.
        value: String,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(pairs: &[(&str, &str)]) -> Pairs {
        let mut out = Pairs::default();
        for (k, v) in pairs {
            out.push(k, v);
        }
        out
    }

    #[test]
    fn values_are_encoded_with_only_unreserved_characters_kept() {
        let path = render(
            "/clusters/{ClusterId}/nodepools/{NodepoolId}",
            &values(&[("NodepoolId", "np 1/x*y+z~é"), ("ClusterId", "c-1")]),
        );
        assert_eq!(
            path.unwrap(),
            "/clusters/c-1/nodepools/np%201%2Fx%2Ay%2Bz~%C3%A9"
        );
        assert_eq!(
            render("/jobs/{JobId}:stop", &values(&[("JobId", "j")])).unwrap(),
            "/jobs/j:stop"
        );
    }

    #[test]
    fn a_missing_or_climbing_value_is_refused_by_name() {
        for (value, what) in [("..", "\"..\""), (".", "\".\""), ("", "\"\"")] {
            let error = render("/a/{Id}", &values(&[("Id", value)])).unwrap_err();
            assert_eq!(
                error,
                PathError::Climbing {
                    name: "Id".to_owned(),
                    value: value.to_owned()
                }
            );
            let text = error.to_string();
            assert!(text.contains("Id") && text.contains(what), "{text}");
        }
        let error = render("/a/{Id}", &values(&[])).unwrap_err();
        assert_eq!(error.to_string(), "the path parameter Id is not set");
        assert!(matches!(
            render("/a/{Id", &values(&[])),
            Err(PathError::Template { .. })
        ));
        // A value that holds `..` among other characters is one encoded segment.
        assert_eq!(
            render("/a/{Id}", &values(&[("Id", "../x")])).unwrap(),
            "/a/..%2Fx"
        );
    }
}
