//! The words that may follow a command line: products, operations, options and values.

use acs_cli_data::Shape;

use crate::help::flat_names;
use crate::options::{GLOBAL_OPTIONS, GlobalOption, global_option};
use crate::product::{Loaded, Operation, Product};

/// The shells `acs completion` writes scripts for.
const SHELLS: [&str; 5] = ["bash", "zsh", "fish", "powershell", "elvish"];

/// What the word under the cursor is, given the words before it.
enum Expect<'a> {
    /// A product, an operation or an option.
    Word,
    /// The value of a global option.
    Global(&'static GlobalOption),
    /// A `key=value` field of a global option, or an option.
    Field,
    /// The value of the parameter of this name.
    Param(&'a str),
}

/// The candidates starting with `prefix` for the word after `before` (the words after `acs`).
pub(crate) fn candidates(
    products: &[&'static Product],
    before: &[String],
    prefix: &str,
) -> Vec<String> {
    let mut positional: Vec<&str> = Vec::new();
    let mut expect = Expect::Word;
    for word in before {
        expect = match expect {
            Expect::Param(_) => Expect::Word,
            Expect::Global(_) if !word.starts_with("--") => Expect::Word,
            Expect::Field if !word.starts_with("--") && word.contains('=') => Expect::Field,
            _ => after(word, &mut positional),
        };
    }
    let operation = match positional.as_slice() {
        [product, action, ..] => {
            find(products, product).and_then(|p| Some((p, p.operation(action)?)))
        }
        _ => None,
    };
    let found: Vec<String> = match expect {
        Expect::Param(name) => operation
            .map(|(product, op)| values(product, op, name))
            .unwrap_or_default(),
        Expect::Global(option) if !prefix.starts_with("--") => {
            option.values.iter().map(|v| (*v).to_owned()).collect()
        }
        _ if prefix.starts_with('-') => options(operation),
        Expect::Field => Vec::new(),
        _ => words(products, &positional),
    };
    found
        .into_iter()
        .filter(|c| c.starts_with(prefix))
        .collect()
}

/// What follows `word`, a word that is not a value; records it when it is positional.
fn after<'a>(word: &'a str, positional: &mut Vec<&'a str>) -> Expect<'a> {
    if word == "-p" {
        return global_option("profile").map_or(Expect::Word, Expect::Global);
    }
    let Some(option) = word.strip_prefix("--") else {
        positional.push(word);
        return Expect::Word;
    };
    let (name, inline) = match option.split_once('=') {
        Some((name, _)) => (name, true),
        None => (option, false),
    };
    match global_option(name) {
        Some(global) if global.fields => Expect::Field,
        Some(global) if global.value.is_some() && !inline => Expect::Global(global),
        Some(_) => Expect::Word,
        None if inline || name == "help" => Expect::Word,
        None => Expect::Param(name),
    }
}

/// The product called `command`, loaded; `None` when there is none or its data is broken.
fn find(products: &[&'static Product], command: &str) -> Option<&'static Loaded> {
    let product = products
        .iter()
        .find(|p| p.command.eq_ignore_ascii_case(command))?;
    product.load().ok()
}

/// The positional word after `positional`: a product, an operation or a shell.
fn words(products: &[&'static Product], positional: &[&str]) -> Vec<String> {
    match positional {
        [] => products
            .iter()
            .map(|p| p.command.to_owned())
            .chain(std::iter::once("completion".to_owned()))
            .collect(),
        ["completion"] => SHELLS.iter().map(|s| (*s).to_owned()).collect(),
        [product] => find(products, product)
            .map(|p| p.data.operations.iter().map(|o| o.name.clone()).collect())
            .unwrap_or_default(),
        _ => Vec::new(),
    }
}

/// Every option: the global ones, then the operation's parameters by flat name (list items
/// numbered `1`; map keys are free-form and left out).
fn options(operation: Option<(&'static Loaded, Operation)>) -> Vec<String> {
    let mut names: Vec<String> = GLOBAL_OPTIONS
        .iter()
        .map(|o| format!("--{}", o.name))
        .collect();
    if let Some((product, op)) = operation {
        for param in &op.data.parameters {
            for (name, ..) in flat_names(product, param) {
                if !name.contains(".<key>") {
                    names.push(format!("--{}", name.replace(".N", ".1")));
                }
            }
        }
    }
    names
}

/// The values the parameter of flat name `name` takes: its enum's, or `true` and `false`.
fn values(product: &'static Loaded, op: Operation, name: &str) -> Vec<String> {
    for param in &op.data.parameters {
        for (flat, shape, _) in flat_names(product, param) {
            if flat.replace(".N", ".1") != name && flat != name {
                continue;
            }
            return match shape {
                Shape::Enum(values) => values.clone(),
                Shape::Boolean => vec!["true".to_owned(), "false".to_owned()],
                _ => Vec::new(),
            };
        }
    }
    Vec::new()
}

/// The text a bash word stands for so far: quotes removed (an open quote too), a backslash
/// taken as escaping the next character. Enough to match candidates by prefix.
pub(crate) fn unquoted_prefix(word: &str) -> String {
    let mut text = String::new();
    let mut quote = None;
    let mut chars = word.chars();
    while let Some(c) = chars.next() {
        match (quote, c) {
            (None, '\'' | '"') => quote = Some(c),
            (Some(open), c) if c == open => quote = None,
            (None | Some('"'), '\\') => text.extend(chars.next()),
            (_, c) => text.push(c),
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::unquoted_prefix;

    #[test]
    fn bash_words_lose_their_quotes() {
        assert_eq!(unquoted_prefix("PRE"), "PRE");
        assert_eq!(unquoted_prefix("'$(to"), "$(to");
        assert_eq!(unquoted_prefix("'a'\\''b'"), "a'b");
        assert_eq!(unquoted_prefix("\"x\\\"y"), "x\"y");
        assert_eq!(unquoted_prefix("a\\ b"), "a b");
    }
}
