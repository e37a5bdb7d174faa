//! `acs completion <shell>`: a completion script from a clap command tree built from the
//! command data of every product.

use std::str::FromStr;

use acs_cli_data::Shape;
use clap::builder::PossibleValuesParser;
use clap::{Arg, ArgAction, Command};
use clap_complete::Shell;

use crate::help::{flat_names, type_name};
use crate::options::GLOBAL_OPTIONS;
use crate::product::Product;
use crate::suggest;

/// The shells a script can be made for.
const SHELLS: &str = "bash, zsh, fish, powershell or elvish";

/// The completion script for `shell` (`bash`, `zsh`, `fish`, `powershell`, `elvish`).
pub(crate) fn script(products: &[&'static Product], shell: &str) -> Result<Vec<u8>, String> {
    let Ok(shell) = Shell::from_str(&shell.to_ascii_lowercase()) else {
        let names = ["bash", "zsh", "fish", "powershell", "elvish"];
        let hint = suggest::hint(shell, "", names);
        return Err(format!(
            "no completions for shell {shell:?}{hint}; choose {SHELLS}"
        ));
    };
    let mut command = tree(products)?;
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, "acs", &mut script);
    Ok(script)
}

/// `acs` with the global options, `completion`, and one subcommand per product and operation
/// whose options are the operations' flat parameter names (list items numbered `1`).
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
    for product in products {
        let loaded = product.load()?;
        let mut command = Command::new(product.command).about(product.title);
        for op in &loaded.data.operations {
            let summary = op.summary.trim().lines().next().unwrap_or_default();
            let mut action = Command::new(op.name.as_str()).about(summary);
            for param in &op.parameters {
                // Map keys are free-form: there is no name to complete.
                let names = flat_names(loaded, param);
                for (name, shape, style) in
                    names.into_iter().filter(|(n, ..)| !n.contains(".<key>"))
                {
                    let name = name.replace(".N", ".1");
                    let mut arg = Arg::new(name.clone())
                        .long(name)
                        .value_name(type_name(loaded, shape, style))
                        .action(ArgAction::Set);
                    match shape {
                        Shape::Enum(values) => {
                            arg = arg.value_parser(PossibleValuesParser::new(values))
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
