//! `acs completion <shell>` and `acs __complete`, the candidates its scripts ask for.

use crate::support::*;

#[tokio::test]
async fn bash_zsh_and_fish_scripts_are_small_and_hold_no_data() {
    for shell in ["bash", "zsh", "fish"] {
        let outcome = acs(&["completion", shell], &[]).await;
        assert_eq!(outcome.status, 0, "{shell}: {}", outcome.stderr);
        let script = outcome.stdout;
        assert!(script.contains("acs __complete"), "{shell}: {script}");
        assert!(script.len() < 1024, "{shell}: {} bytes", script.len());
        for word in ["vpc", "CreateVpnGateway", "PREPAY"] {
            assert!(!script.contains(word), "{shell} script holds {word}");
        }
    }
}

#[tokio::test]
async fn powershell_and_elvish_scripts_name_products_operations_and_parameters() {
    for shell in ["powershell", "elvish"] {
        let outcome = acs(&["completion", shell], &[]).await;
        assert_eq!(outcome.status, 0, "{shell}: {}", outcome.stderr);
        for word in ["vpc", "CreateVpnGateway", "region", "VpcId", "Tag.1.Key"] {
            assert!(outcome.stdout.contains(word), "{shell} script lacks {word}");
        }
    }
}

/// The candidates of `acs __complete <shell>` for the last of `words`.
async fn complete(shell: &str, words: &[&str]) -> Vec<String> {
    let index = (words.len() - 1).to_string();
    let mut args = vec!["__complete", shell, &index];
    args.extend_from_slice(words);
    let outcome = acs(&args, &[]).await;
    assert_eq!(outcome.status, 0, "{}", outcome.stderr);
    assert_eq!(outcome.stderr, "");
    outcome.stdout.lines().map(str::to_owned).collect()
}

#[tokio::test]
async fn candidates_follow_the_words_before_the_cursor() {
    let cases: [(&[&str], &[&str]); 9] = [
        (&["acs", ""], &["vpc", "completion"]),
        (&["acs", "completion", "f"], &["fish"]),
        (&["acs", "vpc", "CreateVpnGate"], &["CreateVpnGateway"]),
        (
            &["acs", "vpc", "ListTagResources", "--Ta"],
            &["--Tag.1.Key", "--Tag.1.Value"],
        ),
        (
            &[
                "acs",
                "--region",
                "cn-hangzhou",
                "vpc",
                "CreateVpnGateway",
                "--InstanceChargeType",
                "PO",
            ],
            &["POSTPAY"],
        ),
        (
            &["acs", "vpc", "CreateVpnGateway", "--AutoPay", ""],
            &["true", "false"],
        ),
        (&["acs", "vpc", "CreateVpnGateway", "--VpcId", ""], &[]),
        (
            &["acs", "-p", "prod", "--signature-version", "v"],
            &["v3", "v1"],
        ),
        (&["acs", "--pager", "path=Vpcs.Vpc", "--qui"], &["--quiet"]),
    ];
    for (words, expected) in cases {
        assert_eq!(complete("zsh", words).await, expected, "{words:?}");
    }
}

#[tokio::test]
async fn malformed_requests_give_no_candidates() {
    for args in [
        &["__complete"][..],
        &["__complete", "bash"],
        &["__complete", "bash", "x", "acs", ""],
        &["__complete", "tcsh", "1", "acs", ""],
        &["__complete", "bash", "3", "acs", "vpc"],
    ] {
        let outcome = acs(args, &[]).await;
        assert_eq!(
            (outcome.status, outcome.stdout.as_str()),
            (0, ""),
            "{args:?}"
        );
    }
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
