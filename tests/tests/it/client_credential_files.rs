//! Local files of the credential sources (the profile file, the OIDC token file) are read only
//! when they are regular files of bounded size: a FIFO or `/dev/zero` is an error, at once.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use acs_runtime::auth::{CredentialsError, Env, OidcRole, ProfileFile, ProvideCredentials};

/// Runs `read` on its own thread and fails the test if it does not finish within 10 s.
fn within_seconds<T: Send + 'static>(read: impl FnOnce() -> T + Send + 'static) -> T {
    let (done, result) = mpsc::channel();
    std::thread::spawn(move || done.send(read()));
    result
        .recv_timeout(Duration::from_secs(10))
        .expect("the read finished")
}

fn fifo(dir: &Path) -> PathBuf {
    let path = dir.join("fifo");
    let made = std::process::Command::new("mkfifo")
        .arg(&path)
        .status()
        .unwrap();
    assert!(made.success());
    path
}

fn hostile_files(dir: &Path) -> Vec<PathBuf> {
    let big = dir.join("big.json");
    std::fs::write(&big, vec![b' '; (1 << 20) + 1]).unwrap();
    vec![fifo(dir), PathBuf::from("/dev/zero"), big, dir.to_owned()]
}

#[test]
fn a_profile_file_that_is_a_fifo_a_device_or_too_large_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    for path in hostile_files(dir.path()) {
        let shown = path.display().to_string();
        let loaded = within_seconds(move || ProfileFile::new(path).load().map(|_| ()));
        let error = loaded.unwrap_err();
        assert!(
            matches!(error, CredentialsError::Io { .. }),
            "{shown}: {error}"
        );
    }
}

#[test]
fn an_oidc_token_file_that_is_a_fifo_a_device_or_too_large_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    for path in hostile_files(dir.path()) {
        let shown = path.display().to_string();
        let error = within_seconds(move || {
            let env = Env::from_vars([("ALIBABA_CLOUD_STS_ENDPOINT", "http://127.0.0.1:9")]);
            let role = OidcRole::new(
                &env,
                "acs:ram::1:role/r",
                "acs:ram::1:oidc-provider/p",
                path,
            );
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap();
            runtime
                .block_on(role.provide_credentials())
                .unwrap_err()
                .to_string()
        });
        assert!(
            error.contains("cannot read the token file"),
            "{shown}: {error}"
        );
    }
}
