//! The static PowerShell and elvish scripts: a clap command tree of every product in which
//! only plain words (ASCII letters, digits, `.`, `_`, `-`) appear, and no text from the data.

use acs_cli_data::Shape;
use clap::builder::PossibleValuesParser;
use clap::{Arg, ArgAction, Command};
use clap_complete::Shell;

use crate::help::flat_names;
use crate::options::GLOBAL_OPTIONS;
use crate::product::Product;

/// The script of `shell` from the command tree.
pub(crate) fn script(products: &[&'static Product], shell: Shell) -> Result<Vec<u8>, String> {
    let mut command = tree(products)?;
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, "acs", &mut script);
    Ok(script)
}

/// Whether `word` can appear in any shell's script as it is: nothing a shell would read as
/// syntax, a quote or an expansion.
pub(crate) fn plain(word: &str) -> bool {
    !word.is_empty()
        && !word.starts_with('-')
        && word
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'))
}

/// `acs` with the global options, `completion`, and one subcommand per product and operation
/// whose options are the operations' flat parameter names (list items numbered `1`); words
/// that are not [`plain`] are left out.
fn tree(products: &[&'static Product]) -> Result<Command, String> {
    let mut root = Command::new("acs")
        .about("Call Alibaba Cloud APIs from the shell")
        .subcommand(
            Command::new("completion")
                .about("Print a shell completion script")
                .arg(Arg::new("shell").value_parser([
                    "bash",
                    "zsh",
                    "fish",
                    "powershell",
                    "elvish",
                ])),
        );
    for option in GLOBAL_OPTIONS {
        let mut arg = Arg::new(option.name)
            .long(option.name)
            .help(option.help)
            .global(true);
        arg = match option.value {
            Some(value) => arg
                .value_name(value.trim_matches(['<', '>']))
                .action(ArgAction::Set),
            None => arg.action(ArgAction::SetTrue),
        };
        if !option.values.is_empty() {
            arg = arg.value_parser(PossibleValuesParser::new(option.values));
        }
        root = root.arg(arg);
    }
    for product in products.iter().filter(|p| plain(p.command)) {
        let loaded = product.load()?;
        let mut command = Command::new(product.command);
        for op in loaded.data.operations.iter().filter(|o| plain(&o.name)) {
            let mut action = Command::new(op.name.as_str());
            for param in &op.parameters {
                for (name, shape, _) in flat_names(loaded, param) {
                    let name = name.replace(".N", ".1");
                    if !plain(&name) {
                        continue;
                    }
                    let mut arg = Arg::new(name.clone())
                        .long(name)
                        .value_name("value")
                        .action(ArgAction::Set);
                    match shape {
                        Shape::Enum(values) => {
                            let values: Vec<&str> = values
                                .iter()
                                .map(String::as_str)
                                .filter(|v| plain(v))
                                .collect();
                            arg = arg.value_parser(PossibleValuesParser::new(values));
                        }
                        Shape::Boolean => arg = arg.value_parser(["true", "false"]),
                        _ => {}
                    }
                    action = action.arg(arg);
                }
            }
            command = command.subcommand(action);
        }
        root = root.subcommand(command);
    }
    Ok(root)
}

#[cfg(test)]
mod tests {
    use super::plain;

    #[test]
    fn only_plain_words_reach_a_static_script() {
        for word in ["PREPAY", "cn-hangzhou", "Tag.1.Key", "ecs.g7_large"] {
            assert!(plain(word), "{word}");
        }
        for word in [
            "",
            "$(touch x)",
            "`id`",
            "a b",
            "it's",
            "a\"b",
            "a;b",
            "a|b",
            "--x",
            "é",
            "a\nb",
            "{x}",
            "a$b",
            "'",
        ] {
            assert!(!plain(word), "{word:?}");
        }
    }
}
