//! The bash, zsh and fish completion scripts run in the real shells against an `acs` whose
//! command data holds hostile enum values: nothing runs, and each value is offered so that
//! the shell inserts it as one literal word.
//!
//! The scripts call `acs` from `PATH`; this test binary is that `acs` (through a link named
//! `acs`) when the variable [`AS_ACS`] is set, which is why it has its own `main`.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Output};

use acs_cli::Product;

/// Set in the environment of the shells: this binary then runs as `acs`.
const AS_ACS: &str = "ACS_SHELLS_TEST_AS_ACS";
/// The file a value that ran as code would create, in the shell's working directory.
const MARKER: &str = "pwned";
/// Enum values that are shell code, added to `--InstanceChargeType` of `CreateVpnGateway`.
const HOSTILE: [&str; 7] = [
    "$(touch pwned)",
    "`touch pwned`",
    "'; touch pwned; '",
    "\"; touch pwned; \"",
    "a b;touch pwned",
    "(touch pwned)",
    "x\\ $HOME !! {a,b} *",
];
/// A value with a line break: it cannot be one candidate line, so it is left out.
const MULTILINE: &str = "two\nlines";

/// Set (as CI does, after installing them) to fail instead of skipping when zsh or fish is
/// missing.
const ALL_SHELLS: &str = "ACS_TEST_ALL_SHELLS";

/// Whether `shell` runs here.
fn installed(shell: &str) -> bool {
    Command::new(shell)
        .args(["-c", "exit 0"])
        .output()
        .is_ok_and(|out| out.status.success())
}

fn main() -> ExitCode {
    if std::env::var_os(AS_ACS).is_some() {
        let product: &'static Product = Box::leak(Box::new(Product::new(
            "vpc",
            "Alibaba Cloud Virtual Private Cloud (VPC)",
            "2016-04-28",
            Box::leak(hostile_data().into_boxed_str()),
        )));
        return acs_cli::main(&[product]);
    }
    // Each test with the shell it runs in: bash is everywhere; zsh and fish are tested where
    // installed, and must be where `ALL_SHELLS` is set (CI installs them and sets it).
    let tests: [(&str, &str, fn()); 4] = [
        ("bash_offers_quoted_values_and_runs_none", "bash", bash),
        (
            "bash_completes_products_operations_and_parameters",
            "bash",
            bash_words,
        ),
        ("zsh_offers_values_as_they_are_and_runs_none", "zsh", zsh),
        ("fish_offers_values_as_they_are_and_runs_none", "fish", fish),
    ];
    let all_shells = std::env::var_os(ALL_SHELLS).is_some();
    let filters: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let mut failed = Vec::new();
    for (name, shell, test) in tests {
        if !filters.is_empty() && !filters.iter().any(|f| name.contains(f.as_str())) {
            continue;
        }
        if !all_shells && !installed(shell) {
            println!(
                "test {name} ... skipped: {shell} is not installed (set {ALL_SHELLS} to require it)"
            );
            continue;
        }
        let ok = std::panic::catch_unwind(test).is_ok();
        println!("test {name} ... {}", if ok { "ok" } else { "FAILED" });
        if !ok {
            failed.push(name);
        }
    }
    if failed.is_empty() {
        println!("test result: ok");
        ExitCode::SUCCESS
    } else {
        println!("test result: FAILED: {failed:?}");
        ExitCode::FAILURE
    }
}

/// The Vpc command data with [`HOSTILE`] and [`MULTILINE`] among the values of
/// `CreateVpnGateway --InstanceChargeType`.
fn hostile_data() -> String {
    let text = include_str!("../../../generated/acs/data/vpc.json");
    let mut data: serde_json::Value = serde_json::from_str(text).unwrap();
    let operations = data["product"]["operations"].as_array_mut().unwrap();
    let op = operations
        .iter_mut()
        .find(|o| o["name"] == "CreateVpnGateway")
        .unwrap();
    let parameters = op["parameters"].as_array_mut().unwrap();
    let param = parameters
        .iter_mut()
        .find(|p| p["name"] == "InstanceChargeType")
        .unwrap();
    let values = param["shape"]["enum"].as_array_mut().unwrap();
    values.extend(HOSTILE.iter().chain([&MULTILINE]).map(|v| (*v).into()));
    data.to_string()
}

/// A directory to run a shell in, with `bin/acs` linked to this binary and the script of
/// `shell` written to `acs.<shell>`.
struct Sandbox {
    dir: tempfile::TempDir,
    script: PathBuf,
}

impl Sandbox {
    fn new(shell: &str) -> Self {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("bin")).unwrap();
        let me = std::env::current_exe().unwrap();
        std::os::unix::fs::symlink(me, dir.path().join("bin/acs")).unwrap();
        let sandbox = Self {
            script: dir.path().join(format!("acs.{shell}")),
            dir,
        };
        let output = sandbox.run("acs", &["completion", shell]);
        assert!(output.status.success(), "{output:?}");
        std::fs::write(&sandbox.script, &output.stdout).unwrap();
        sandbox
    }

    /// Runs `program args...` in the sandbox, `acs` on its `PATH`, its home the sandbox.
    fn run(&self, program: &str, args: &[&str]) -> Output {
        let path = format!(
            "{}:{}",
            self.dir.path().join("bin").display(),
            std::env::var("PATH").unwrap_or_default()
        );
        Command::new(program)
            .args(args)
            .current_dir(self.dir.path())
            .env_clear()
            .env("PATH", path)
            .env("HOME", self.dir.path())
            .env("XDG_CONFIG_HOME", self.dir.path())
            .env("XDG_DATA_HOME", self.dir.path())
            .env(AS_ACS, "1")
            .output()
            .unwrap_or_else(|e| {
                panic!("{program} runs (install it: apt-get install {program}): {e}")
            })
    }

    /// Runs `program args...` and asserts it succeeded and created no [`MARKER`]; its stdout
    /// lines.
    fn lines(&self, program: &str, args: &[&str]) -> Vec<String> {
        let output = self.run(program, args);
        assert!(output.status.success(), "{program}: {output:?}");
        assert!(output.stderr.is_empty(), "{program}: {output:?}");
        self.assert_nothing_ran();
        String::from_utf8(output.stdout)
            .unwrap()
            .lines()
            .map(str::to_owned)
            .collect()
    }

    fn assert_nothing_ran(&self) {
        assert!(!marker(self.dir.path()).exists(), "a value ran as code");
    }

    fn script(&self) -> &str {
        self.script.to_str().unwrap()
    }
}

fn marker(dir: &Path) -> PathBuf {
    dir.join(MARKER)
}

/// Every value of `--InstanceChargeType`, in order, but the one with a line break.
fn expected_values() -> Vec<String> {
    ["PREPAY", "POSTPAY"]
        .into_iter()
        .chain(HOSTILE)
        .map(str::to_owned)
        .collect()
}

/// Completes the last of `words` with the bash script; each candidate, then what bash reads
/// it as when it is inserted into a command line (`eval` of an assignment, which runs any
/// code the candidate holds).
fn bash_complete(sandbox: &Sandbox, words: &[&str]) -> Vec<(String, String)> {
    let program = format!(
        "source {script}; COMP_WORDS=({words}); COMP_CWORD={cword}; _acs; \
         for c in \"${{COMPREPLY[@]}}\"; do eval \"v=$c\"; printf '%s\\0%s\\0' \"$c\" \"$v\"; done",
        script = shlex::try_quote(sandbox.script()).unwrap(),
        words = shlex::try_join(words.iter().copied()).unwrap(),
        cword = words.len() - 1,
    );
    let output = sandbox.run("bash", &["--norc", "--noprofile", "-c", &program]);
    assert!(output.status.success(), "{output:?}");
    assert!(output.stderr.is_empty(), "{output:?}");
    sandbox.assert_nothing_ran();
    let text = String::from_utf8(output.stdout).unwrap();
    let fields: Vec<&str> = text.split('\0').collect();
    fields
        .chunks_exact(2)
        .map(|pair| (pair[0].to_owned(), pair[1].to_owned()))
        .collect()
}

fn bash() {
    let sandbox = Sandbox::new("bash");
    sandbox.lines("bash", &["-n", sandbox.script()]);
    let words = ["acs", "vpc", "CreateVpnGateway", "--InstanceChargeType", ""];
    let offered = bash_complete(&sandbox, &words);
    let read: Vec<String> = offered.iter().map(|(_, v)| v.clone()).collect();
    assert_eq!(read, expected_values(), "{offered:#?}");
    let quoted = offered.iter().find(|(_, v)| v == HOSTILE[0]).unwrap();
    assert_eq!(quoted.0, "'$(touch pwned)'");
    let words = [
        "acs",
        "vpc",
        "CreateVpnGateway",
        "--InstanceChargeType",
        "'$(to",
    ];
    let offered = bash_complete(&sandbox, &words);
    assert_eq!(
        offered,
        [("'$(touch pwned)'".to_owned(), HOSTILE[0].to_owned())]
    );
}

fn bash_words() {
    let sandbox = Sandbox::new("bash");
    let cases: [(&[&str], &[&str]); 6] = [
        (&["acs", "vp"], &["vpc"]),
        (&["acs", "comp"], &["completion"]),
        (&["acs", "vpc", "CreateVpnGate"], &["CreateVpnGateway"]),
        (
            &["acs", "vpc", "ListTagResources", "--Ta"],
            &["--Tag.1.Key", "--Tag.1.Value"],
        ),
        (&["acs", "--signature-version", ""], &["v3", "v1"]),
        (&["acs", "vpc", "CreateVpnGateway", "--quie"], &["--quiet"]),
    ];
    for (words, expected) in cases {
        let offered: Vec<String> = bash_complete(&sandbox, words)
            .into_iter()
            .map(|(_, v)| v)
            .collect();
        assert_eq!(offered, expected, "{words:?}");
    }
}

fn zsh() {
    let sandbox = Sandbox::new("zsh");
    sandbox.lines("zsh", &["-n", sandbox.script()]);
    let program = format!(
        "autoload -Uz compinit && compinit -u -D; source {script}; \
         compadd() {{ print -rl -- \"${{(@P)2}}\" }}; \
         words=(acs vpc CreateVpnGateway --InstanceChargeType ''); CURRENT=5; _acs",
        script = shlex::try_quote(sandbox.script()).unwrap()
    );
    let offered = sandbox.lines("zsh", &["-f", "-c", &program]);
    assert_eq!(offered, expected_values());
}

fn fish() {
    let sandbox = Sandbox::new("fish");
    sandbox.lines("fish", &["--no-execute", sandbox.script()]);
    let program = format!(
        "source {script}; complete -C 'acs vpc CreateVpnGateway --InstanceChargeType '",
        script = shlex::try_quote(sandbox.script()).unwrap()
    );
    let offered = sandbox.lines("fish", &["--no-config", "-c", &program]);
    let mut expected = expected_values();
    expected.sort();
    let mut offered = offered;
    offered.sort();
    assert_eq!(offered, expected);
}
