//! A strict INI reader: sections of `key = value` lines, every mistake reported with its line.

/// One section: its name, the line it starts on, and its entries (keys in lower case).
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Section {
    pub name: String,
    pub line: usize,
    pub entries: Vec<(String, String)>,
}

impl Section {
    /// The value of `key` (lower case), unless empty.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.entries
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
            .filter(|v| !v.is_empty())
    }
}

/// The sections of `text`, or the first mistake as `line N: ...` (never quoting a value).
///
/// Blank lines and lines starting with `#` or `;` are comments; `key = value` (or
/// `key: value`) belongs to the section above it; a value ends before ` #` or ` ;`. A key
/// outside any section, a line that is neither, an empty or repeated section name and a
/// repeated key in a section are errors, not guesses.
pub(crate) fn parse(text: &str) -> Result<Vec<Section>, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut sections: Vec<Section> = Vec::new();
    for (index, raw) in text.lines().enumerate() {
        let number = index + 1;
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') || line.starts_with(';') {
            continue;
        }
        if let Some(rest) = line.strip_prefix('[') {
            let name = rest
                .strip_suffix(']')
                .map(str::trim)
                .filter(|n| !n.is_empty() && !n.contains(['[', ']']))
                .ok_or_else(|| format!("line {number}: a section header is written [name]"))?;
            if let Some(first) = sections.iter().find(|s| s.name == name) {
                return Err(format!(
                    "line {number}: section [{name}] appears again (first on line {})",
                    first.line
                ));
            }
            sections.push(Section {
                name: name.to_owned(),
                line: number,
                entries: Vec::new(),
            });
            continue;
        }
        let at = line
            .find(['=', ':'])
            .ok_or_else(|| format!("line {number}: expected [section] or key = value"))?;
        let key = line[..at].trim().to_ascii_lowercase();
        if key.is_empty() || key.contains(char::is_whitespace) {
            return Err(format!(
                "line {number}: expected key = value, with a one-word key"
            ));
        }
        let section = sections
            .last_mut()
            .ok_or_else(|| format!("line {number}: key {key} comes before any [section]"))?;
        if section.entries.iter().any(|(k, _)| *k == key) {
            return Err(format!(
                "line {number}: key {key} appears twice in section [{}]",
                section.name
            ));
        }
        let value = without_comment(line[at + 1..].trim());
        section.entries.push((key, value.to_owned()));
    }
    Ok(sections)
}

/// `value` without a trailing ` # comment` or ` ; comment`.
fn without_comment(value: &str) -> &str {
    let cut = value
        .char_indices()
        .find(|&(i, c)| (c == '#' || c == ';') && value[..i].ends_with([' ', '\t']))
        .map_or(value.len(), |(i, _)| i);
    value[..cut].trim_end()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_keys_and_comments() {
        let text = "\u{feff}# file\n[default]\ntype = access_key ; inline\nAccess_Key_Id=a#b\n\n[other]\nrole_arn: acs:ram::1:role/x\n";
        let sections = parse(text).unwrap();
        assert_eq!(sections.len(), 2);
        assert_eq!(sections[0].get("type"), Some("access_key"));
        assert_eq!(sections[0].get("access_key_id"), Some("a#b"));
        assert_eq!(sections[1].line, 6);
        assert_eq!(sections[1].get("role_arn"), Some("acs:ram::1:role/x"));
    }

    #[test]
    fn mistakes_name_their_line_and_no_value() {
        for (text, said) in [
            (
                "type = sts\n",
                "line 1: key type comes before any [section]",
            ),
            (
                "[a]\n\nsecret-without-equals\n",
                "line 3: expected [section] or key = value",
            ),
            ("[a\n", "line 1: a section header is written [name]"),
            ("[]\n", "line 1: a section header is written [name]"),
            (
                "[a]\nx = 1\n[a]\n",
                "line 3: section [a] appears again (first on line 1)",
            ),
            (
                "[a]\nx = 1\nX = 2\n",
                "line 3: key x appears twice in section [a]",
            ),
            (
                "[a]\nmy key = v\n",
                "line 2: expected key = value, with a one-word key",
            ),
        ] {
            assert_eq!(parse(text).unwrap_err(), said, "{text:?}");
        }
    }
}
