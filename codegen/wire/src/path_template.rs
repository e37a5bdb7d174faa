//! [`PathTemplate`]: a REST operation's path with `{Name}` variables.

/// A path template such as `/clusters/{ClusterId}/nodepools/{NodepoolId}` or
/// `/jobs/{jobId}:stop`: literal text and `{Name}` variables, where `Name` is the wire name
/// of a path parameter. A variable need not be a whole segment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PathTemplate<'a>(pub &'a str);

/// One piece of a [`PathTemplate`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part<'a> {
    /// Text sent as it is.
    Literal(&'a str),
    /// `{Name}`: the value of the path parameter `Name`.
    Variable(&'a str),
}

/// Why a path template is not one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TemplateError {
    /// It does not start with `/`.
    NotAbsolute,
    /// A `{` without its `}`, a `}` without its `{`, or `{}`.
    Unbalanced(usize),
}

impl std::fmt::Display for TemplateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::NotAbsolute => f.write_str("a path template starts with `/`"),
            Self::Unbalanced(at) => write!(
                f,
                "unbalanced or empty `{{}}` at byte {at}: a variable is `{{Name}}`"
            ),
        }
    }
}

impl std::error::Error for TemplateError {}

impl<'a> PathTemplate<'a> {
    /// The pieces of the template, in order, or why it is not a template.
    pub fn parts(self) -> Result<Vec<Part<'a>>, TemplateError> {
        let text = self.0;
        if !text.starts_with('/') {
            return Err(TemplateError::NotAbsolute);
        }
        let mut parts = Vec::new();
        let mut rest = text;
        let mut offset = 0;
        while !rest.is_empty() {
            match (rest.find('{'), rest.find('}')) {
                (None, None) => {
                    parts.push(Part::Literal(rest));
                    break;
                }
                (Some(open), Some(close)) if open < close => {
                    let name = &rest[open + 1..close];
                    if name.is_empty() || name.contains('{') {
                        return Err(TemplateError::Unbalanced(offset + open));
                    }
                    if open > 0 {
                        parts.push(Part::Literal(&rest[..open]));
                    }
                    parts.push(Part::Variable(name));
                    offset += close + 1;
                    rest = &rest[close + 1..];
                }
                (Some(at), None) | (None, Some(at)) => {
                    return Err(TemplateError::Unbalanced(offset + at));
                }
                (Some(_), Some(close)) => return Err(TemplateError::Unbalanced(offset + close)),
            }
        }
        Ok(parts)
    }

    /// The names of the template's variables, in order (empty when it is not a template).
    pub fn variables(self) -> Vec<&'a str> {
        self.parts()
            .unwrap_or_default()
            .into_iter()
            .filter_map(|part| match part {
                Part::Variable(name) => Some(name),
                Part::Literal(_) => None,
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variables_are_found_whole_segments_or_not() {
        let template = PathTemplate("/clusters/{ClusterId}/nodepools/{NodepoolId}");
        assert_eq!(template.variables(), ["ClusterId", "NodepoolId"]);
        assert_eq!(
            PathTemplate("/jobs/{jobId}:stop").parts().unwrap(),
            [
                Part::Literal("/jobs/"),
                Part::Variable("jobId"),
                Part::Literal(":stop")
            ]
        );
        assert_eq!(PathTemplate("/").parts().unwrap(), [Part::Literal("/")]);
    }

    #[test]
    fn broken_templates_say_where() {
        assert_eq!(
            PathTemplate("clusters").parts(),
            Err(TemplateError::NotAbsolute)
        );
        assert_eq!(
            PathTemplate("/a/{b").parts(),
            Err(TemplateError::Unbalanced(3))
        );
        assert_eq!(
            PathTemplate("/a/b}").parts(),
            Err(TemplateError::Unbalanced(4))
        );
        assert_eq!(
            PathTemplate("/a/{}").parts(),
            Err(TemplateError::Unbalanced(3))
        );
        assert_eq!(
            PathTemplate("/a/}{b}").parts(),
            Err(TemplateError::Unbalanced(3))
        );
        assert_eq!(
            PathTemplate("/{a{b}}").parts(),
            Err(TemplateError::Unbalanced(1))
        );
    }
}
