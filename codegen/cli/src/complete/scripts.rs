//! The bash, zsh and fish completion scripts: constant text that asks `acs __complete`.

/// bash: `source <(acs completion bash)`. Reads the candidates line by line, never evaluates
/// them; each comes quoted for bash.
pub(crate) const BASH: &str = r#"# bash completion for acs: the candidates come from `acs __complete` at TAB time.
_acs() {
    local line
    COMPREPLY=()
    while IFS= read -r line; do
        COMPREPLY+=("$line")
    done < <(command acs __complete bash "$COMP_CWORD" "${COMP_WORDS[@]}" 2>/dev/null)
}
complete -F _acs acs
"#;

/// zsh: `source <(acs completion zsh)` after `compinit`, or the file `_acs` in `$fpath`.
/// `compadd` quotes what it inserts.
pub(crate) const ZSH: &str = r#"#compdef acs
# zsh completion for acs: the candidates come from `acs __complete` at TAB time.
_acs() {
    local -a candidates
    candidates=("${(@f)$(command acs __complete zsh $((CURRENT - 1)) "${words[@]}" 2>/dev/null)}")
    candidates=("${(@)candidates:#}")
    compadd -a candidates
}
if [[ $zsh_eval_context[-1] == loadautofunc ]]; then
    _acs "$@"
else
    compdef _acs acs
fi
"#;

/// fish: `acs completion fish > ~/.config/fish/completions/acs.fish`. fish escapes what it
/// inserts.
pub(crate) const FISH: &str = r#"# fish completion for acs: the candidates come from `acs __complete` at TAB time.
function __acs_complete
    set -l before (commandline -opc)
    command acs __complete fish (count $before) $before (commandline -ct) 2>/dev/null
end
complete -c acs -f -a '(__acs_complete)'
"#;
