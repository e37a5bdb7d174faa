//! `acs completion <shell>` and the candidates the scripts ask `acs __complete` for.
//!
//! The bash, zsh and fish scripts hold no data: at TAB time they run `acs __complete <shell>
//! <index> <words>...`, which answers one candidate a line, so no value from the command data
//! is ever parsed by a shell as code. bash inserts a candidate as it is, so its candidates are
//! quoted for bash; zsh and fish quote what they insert, so theirs are given as they are. A
//! value with a control character (a line break would split it) is left out. PowerShell and
//! elvish get a static script in which only plain words appear (see [`tree`]).

mod candidates;
mod scripts;
mod tree;

use std::str::FromStr;

use clap_complete::Shell;

use crate::product::Product;
use crate::suggest;

/// The hidden command the scripts run at TAB time.
pub(crate) const COMPLETE_COMMAND: &str = "__complete";

/// The shells a script can be made for.
const SHELLS: &str = "bash, zsh, fish, powershell or elvish";

/// The completion script for `shell` (`bash`, `zsh`, `fish`, `powershell`, `elvish`).
pub(crate) fn script(products: &[&'static Product], shell: &str) -> Result<Vec<u8>, String> {
    let Ok(parsed) = Shell::from_str(&shell.to_ascii_lowercase()) else {
        let names = ["bash", "zsh", "fish", "powershell", "elvish"];
        let hint = suggest::hint(shell, "", names);
        return Err(format!(
            "no completions for shell {shell:?}{hint}; choose {SHELLS}"
        ));
    };
    Ok(match parsed {
        Shell::Bash => scripts::BASH.as_bytes().to_vec(),
        Shell::Zsh => scripts::ZSH.as_bytes().to_vec(),
        Shell::Fish => scripts::FISH.as_bytes().to_vec(),
        other => tree::script(products, other)?,
    })
}

/// The answer to `acs __complete <shell> <index> <words>...`: the candidates for word
/// `index` of `words` (the command line, `acs` first; the word may be missing when empty),
/// one a line, written for `shell`.
/// Anything malformed gives no candidate: completion never fails loudly.
pub(crate) fn answer(products: &[&'static Product], args: &[String]) -> Vec<u8> {
    let [shell, index, words @ ..] = args else {
        return Vec::new();
    };
    let Some(index) = index.parse::<usize>().ok().filter(|i| *i <= words.len()) else {
        return Vec::new();
    };
    let quote_for_bash = match shell.as_str() {
        "bash" => true,
        "zsh" | "fish" => false,
        _ => return Vec::new(),
    };
    let before = words.get(1..index).unwrap_or_default();
    let current = words.get(index).map_or("", String::as_str);
    let prefix = if quote_for_bash {
        candidates::unquoted_prefix(current)
    } else {
        current.to_owned()
    };
    let mut text = String::new();
    for candidate in candidates::candidates(products, before, &prefix) {
        if candidate.chars().any(char::is_control) {
            continue;
        }
        if quote_for_bash {
            match shlex::try_quote(&candidate) {
                Ok(quoted) => text.push_str(&quoted),
                Err(_) => continue,
            }
        } else {
            text.push_str(&candidate);
        }
        text.push('\n');
    }
    text.into_bytes()
}
