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

/// A compiled JMESPath expression given to `--<option>` as `key=`.
pub(crate) fn expression(
    option: &str,
    key: &str,
    text: &str,
) -> Result<jmespath::Expression<'static>, String> {
    jmespath::compile(text)
        .map_err(|e| format!("--{option}: {key}={text:?} is not a JMESPath expression: {e}"))
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
}
