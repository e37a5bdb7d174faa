//! The `key=value` arguments of `--output`, `--pager` and `--waiter`, as the official CLI
//! takes them.

/// The fields given to one option.
#[derive(Debug)]
pub(crate) struct Fields {
    option: &'static str,
    pairs: Vec<(String, String)>,
}

impl Fields {
    /// The fields of `--<option>`: each argument `key=value`, no key twice.
    pub fn parse(option: &'static str, args: &[String]) -> Result<Self, String> {
        let mut pairs: Vec<(String, String)> = Vec::with_capacity(args.len());
        for arg in args {
            let (key, value) = arg
                .split_once('=')
                .filter(|(key, _)| !key.is_empty())
                .ok_or_else(|| format!("--{option}: {arg:?} is not key=value"))?;
            if pairs.iter().any(|(k, _)| k == key) {
                return Err(format!("--{option}: {key}= given twice"));
            }
            pairs.push((key.to_owned(), value.to_owned()));
        }
        Ok(Self { option, pairs })
    }

    /// The option's name, for messages.
    pub fn option(&self) -> &'static str {
        self.option
    }

    /// Takes the value of `key`, if given.
    pub fn take(&mut self, key: &str) -> Option<String> {
        let index = self.pairs.iter().position(|(k, _)| k == key)?;
        Some(self.pairs.remove(index).1)
    }

    /// Takes the value of `key`, which must be given.
    pub fn require(&mut self, key: &str) -> Result<String, String> {
        self.take(key)
            .ok_or_else(|| format!("--{} needs {key}=...", self.option))
    }

    /// Takes `key` as a positive number of seconds of at most [`MAX_SECONDS`], `default`
    /// when not given.
    pub fn seconds(&mut self, key: &str, default: f64) -> Result<f64, String> {
        match self.take(key) {
            None => Ok(default),
            Some(raw) => raw
                .parse::<f64>()
                .ok()
                .filter(|s| s.is_finite() && *s > 0.0 && *s <= MAX_SECONDS)
                .ok_or_else(|| {
                    format!(
                        "--{}: {key}= must be a positive number of seconds up to {MAX_SECONDS} \
                         (a week), got {raw:?}",
                        self.option
                    )
                }),
        }
    }

    /// Fails when a field other than `known` was given.
    pub fn finish(self, known: &[&str]) -> Result<(), String> {
        match self.pairs.first() {
            None => Ok(()),
            Some((key, _)) => Err(format!(
                "--{}: unknown field {key}= (known: {})",
                self.option,
                known
                    .iter()
                    .map(|k| format!("{k}="))
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
        }
    }
}

/// The longest time a field in seconds may give: a week.
pub(crate) const MAX_SECONDS: f64 = 7.0 * 24.0 * 3600.0;

/// The longest JMESPath expression `--output` and `--waiter` take, in bytes.
pub(crate) const MAX_EXPRESSION_BYTES: usize = 1024;
/// How deeply an expression may nest brackets, braces and parentheses plus how many
/// operators (`.`, `|`, `&`, `=`, `<`, `>`, `!`, each character counted) it may chain: the
/// parser and interpreter recurse on both.
pub(crate) const MAX_EXPRESSION_DEPTH: usize = 32;

/// A compiled JMESPath expression given to `--<option>` as `key=`; refused when longer than
/// [`MAX_EXPRESSION_BYTES`] or deeper than [`MAX_EXPRESSION_DEPTH`], which the recursive
/// parser and interpreter could not take.
pub(crate) fn expression(
    option: &str,
    key: &str,
    text: &str,
) -> Result<jmespath::Expression<'static>, String> {
    if text.len() > MAX_EXPRESSION_BYTES {
        return Err(format!(
            "--{option}: {key}= is {} bytes long; an expression has at most {MAX_EXPRESSION_BYTES}",
            text.len()
        ));
    }
    if nesting(text) > MAX_EXPRESSION_DEPTH {
        return Err(format!(
            "--{option}: {key}= nests or chains more than {MAX_EXPRESSION_DEPTH} operators"
        ));
    }
    jmespath::compile(text)
        .map_err(|e| format!("--{option}: {key}={text:?} is not a JMESPath expression: {e}"))
}

/// The deepest nesting of `(`, `[`, `{` in `text` outside its quoted parts plus the number
/// of operator characters before it.
fn nesting(text: &str) -> usize {
    let (mut depth, mut deepest, mut operators) = (0usize, 0usize, 0usize);
    let mut quote = None;
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match (quote, c) {
            (Some(_), '\\') => {
                chars.next();
            }
            (Some(open), c) if c == open => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'' | '`') => quote = Some(c),
            (None, '(' | '[' | '{') => depth += 1,
            (None, ')' | ']' | '}') => depth = depth.saturating_sub(1),
            (None, '.' | '|' | '&' | '=' | '<' | '>' | '!') => operators += 1,
            _ => {}
        }
        deepest = deepest.max(depth + operators);
    }
    deepest
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(args: &[&str]) -> Result<Fields, String> {
        let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
        Fields::parse("output", &args)
    }

    #[test]
    fn pairs_are_taken_once_and_leftovers_refused() {
        let mut f = fields(&["cols=A,B", "rows=X[]", "num=true"]).unwrap();
        assert_eq!(f.take("rows").as_deref(), Some("X[]"));
        assert_eq!(f.take("rows"), None);
        assert_eq!(f.require("cols").unwrap(), "A,B");
        let error = f.finish(&["cols", "rows"]).unwrap_err();
        assert_eq!(error, "--output: unknown field num= (known: cols=, rows=)");
        assert!(
            fields(&["cols"])
                .unwrap_err()
                .contains("\"cols\" is not key=value")
        );
        assert!(
            fields(&["a=1", "a=2"])
                .unwrap_err()
                .contains("a= given twice")
        );
        for bad in ["soon", "0", "-1", "inf", "NaN", "1e20", "604801"] {
            let mut f = fields(&[&format!("timeout={bad}")]).unwrap();
            let error = f.seconds("timeout", 1.0).unwrap_err();
            assert!(
                error.contains("positive number of seconds up to"),
                "{error}"
            );
        }
        let mut f = fields(&["timeout=604800"]).unwrap();
        assert_eq!(f.seconds("timeout", 1.0), Ok(MAX_SECONDS));
        assert_eq!(f.seconds("interval", 5.0), Ok(5.0));
    }

    #[test]
    fn expressions_are_bounded_in_length_and_nesting() {
        let long = "a".repeat(MAX_EXPRESSION_BYTES + 1);
        let error = expression("output", "rows", &long).unwrap_err();
        assert!(error.contains("at most 1024"), "{error}");
        for deep in [
            "[".repeat(33) + &"]".repeat(33),
            "!".repeat(40) + "a",
            "a.".repeat(33) + "a",
            "a&&".repeat(17) + "a",
            "(".repeat(20) + &"!".repeat(20) + "a" + &")".repeat(20),
        ] {
            let error = expression("waiter", "expr", &deep).unwrap_err();
            assert!(error.contains("more than 32 operators"), "{error}");
        }
        let usual = "Vpcs.Vpc[?Status=='Available' && Tags.Tag[?Key=='[[[[']].VpcId";
        assert!(expression("output", "rows", usual).is_ok());
        assert_eq!(nesting("a[`[[[`].b"), 1);
        assert_eq!(nesting("a[0].b.c"), 2);
        assert_eq!(nesting("\"a\\\"[\"[0]"), 1);
    }

    #[test]
    fn the_deepest_expressions_allowed_run_on_a_small_stack() {
        let value = serde_json::json!({"a": {"a": [1, 2]}});
        let limit = MAX_EXPRESSION_DEPTH;
        let within = [
            "a.".repeat(limit) + "a",
            "a|".repeat(limit) + "a",
            "a==".repeat(limit / 2) + "a",
            "[".repeat(limit) + "a" + &"]".repeat(limit),
            "{a:".repeat(limit) + "a" + &"}".repeat(limit),
            "a[?".repeat(limit) + "a" + &"]".repeat(limit),
            "length(".repeat(limit) + "a" + &")".repeat(limit),
            "!".repeat(limit) + "a",
        ];
        // 1 MiB: an eighth of the main thread's stack, which the command runs on.
        std::thread::Builder::new()
            .stack_size(1 << 20)
            .spawn(move || {
                for text in within {
                    let expr = expression("output", "rows", &text).unwrap();
                    let _ = expr.search(&value);
                }
            })
            .unwrap()
            .join()
            .unwrap();
    }
}
