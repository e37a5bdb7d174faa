//! `acs completion <shell>`: scripts for bash, zsh and fish over the products and operations.

mod support;

use support::*;

#[tokio::test]
async fn scripts_for_bash_zsh_and_fish_name_products_operations_and_parameters() {
    for shell in ["bash", "zsh", "fish"] {
        let outcome = acs(&["completion", shell], &[]).await;
        assert_eq!(outcome.status, 0, "{shell}: {}", outcome.stderr);
        let script = outcome.stdout;
        for word in [
            "acs",
            "vpc",
            "CreateVpnGateway",
            "region",
            "VpcId",
            "Tag.1.Key",
        ] {
            assert!(script.contains(word), "{shell} script lacks {word}");
        }
    }
}

#[tokio::test]
async fn fish_script_completes_enum_values() {
    let outcome = acs(&["completion", "fish"], &[]).await;
    let script = outcome.stdout;
    let start = script
        .find("__fish_seen_subcommand_from CreateVpnGateway\" -l InstanceChargeType")
        .expect("a completion for --InstanceChargeType");
    let values = &script[start..start + 200];
    assert!(
        values.contains("PREPAY") && values.contains("POSTPAY"),
        "{values}"
    );
}

#[tokio::test]
async fn unknown_shell_is_a_usage_error() {
    let outcome = acs(&["completion", "bsh"], &[]).await;
    assert_eq!(outcome.status, 2);
    assert!(
        outcome
            .stderr
            .contains("no completions for shell \"bsh\" (did you mean bash?)"),
        "{}",
        outcome.stderr
    );
}

/// Completes the last of `words` with the bash script loaded; the candidates.
fn bash_complete(script: &std::path::Path, words: &[&str]) -> Vec<String> {
    let program = format!(
        "source {}; COMP_WORDS=({}); COMP_CWORD={}; _acs acs \"${{COMP_WORDS[COMP_CWORD]}}\" \
         \"${{COMP_WORDS[COMP_CWORD-1]}}\"; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
        script.display(),
        words
            .iter()
            .map(|w| format!("'{w}'"))
            .collect::<Vec<_>>()
            .join(" "),
        words.len() - 1
    );
    let output = std::process::Command::new("bash")
        .args(["--norc", "--noprofile", "-c", &program])
        .output()
        .expect("bash runs");
    assert!(output.status.success(), "{output:?}");
    String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

#[tokio::test]
async fn bash_script_completes_operations_parameters_and_values() {
    let outcome = acs(&["completion", "bash"], &[]).await;
    let file = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(file.path(), outcome.stdout).unwrap();
    let cases: [(&[&str], &[&str]); 4] = [
        (&["acs", "vp"], &["vpc"]),
        (&["acs", "vpc", "CreateVpnGate"], &["CreateVpnGateway"]),
        (
            &["acs", "vpc", "ListTagResources", "--Ta"],
            &["--Tag.1.Key", "--Tag.1.Value"],
        ),
        (
            &["acs", "vpc", "CreateVpnGateway", "--InstanceChargeType", ""],
            &["PREPAY", "POSTPAY"],
        ),
    ];
    for (words, expected) in cases {
        assert_eq!(bash_complete(file.path(), words), expected, "{words:?}");
    }
}
