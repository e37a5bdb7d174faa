//! The certificates a client trusts: the platform's store, `SSL_CERT_FILE` / `SSL_CERT_DIR`, added CAs.

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use rustls::RootCertStore;
use rustls::pki_types::CertificateDer;
use rustls::pki_types::pem::PemObject;

use crate::auth::{Env, read_local};

/// The variable naming a file of PEM certificates trusted instead of the platform's store.
pub const CERT_FILE_VAR: &str = "SSL_CERT_FILE";
/// The variable naming folders (`:`-separated) of PEM certificates trusted instead of the
/// platform's store.
pub const CERT_DIR_VAR: &str = "SSL_CERT_DIR";

/// A CA added to the trusted roots: PEM text, or a file of it.
#[derive(Clone, Debug)]
pub(crate) enum ExtraCa {
    /// PEM given in code.
    Pem(Arc<[u8]>),
    /// A PEM file, read when the client is built.
    File(PathBuf),
}

/// The TLS configuration of the default HTTP client: the roots of [`roots`] and HTTP/2 or
/// HTTP/1.1 by ALPN. Certificates are always verified.
pub(crate) fn client_config(extra: &[ExtraCa], env: &Env) -> Result<rustls::ClientConfig, String> {
    let roots = roots(extra, env)?;
    let provider = rustls::crypto::CryptoProvider::get_default()
        .cloned()
        .unwrap_or_else(|| Arc::new(rustls::crypto::ring::default_provider()));
    let mut config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| format!("cannot configure TLS: {e}"))?
        .with_root_certificates(roots)
        .with_no_client_auth();
    config.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];
    Ok(config)
}

/// The trusted roots: the certificates of `SSL_CERT_FILE` and `SSL_CERT_DIR` in `env` when
/// either is set, else the platform's store (the bundled Mozilla roots where the platform
/// has none), and in both cases every `extra` CA.
///
/// A variable naming an unreadable file, or variables that give no certificate at all, are
/// errors (trusting something else instead would hide the mistake); so is an extra CA that
/// holds no certificate.
pub(crate) fn roots(extra: &[ExtraCa], env: &Env) -> Result<RootCertStore, String> {
    let mut roots = match from_env(env)? {
        Some(roots) => roots,
        None => platform().clone(),
    };
    for (index, ca) in extra.iter().enumerate() {
        let (pem, what) = match ca {
            ExtraCa::Pem(pem) => (pem.to_vec(), format!("CA certificate #{}", index + 1)),
            ExtraCa::File(path) => {
                let what = format!("CA file {}", path.display());
                let text = read_local(path).map_err(|e| format!("{what}: {e}"))?;
                (text.into_bytes(), what)
            }
        };
        let certs = pem_certificates(&pem).map_err(|e| format!("{what}: {e}"))?;
        if certs.is_empty() {
            return Err(format!("{what}: no PEM certificate in it"));
        }
        for cert in certs {
            roots
                .add(cert)
                .map_err(|e| format!("{what}: not a usable CA certificate: {e}"))?;
        }
    }
    Ok(roots)
}

/// The roots of `SSL_CERT_FILE` and `SSL_CERT_DIR`, or `None` when neither is set.
fn from_env(env: &Env) -> Result<Option<RootCertStore>, String> {
    let file = env.var(CERT_FILE_VAR);
    let dirs = env.var(CERT_DIR_VAR);
    if file.is_none() && dirs.is_none() {
        return Ok(None);
    }
    let mut roots = RootCertStore::empty();
    if let Some(file) = &file {
        let text =
            read_local(Path::new(file)).map_err(|e| format!("{CERT_FILE_VAR} {file}: {e}"))?;
        let certs = pem_certificates(text.as_bytes())
            .map_err(|e| format!("{CERT_FILE_VAR} {file}: {e}"))?;
        roots.add_parsable_certificates(certs);
    }
    for dir in dirs
        .iter()
        .flat_map(|dirs| dirs.split(':'))
        .filter(|d| !d.is_empty())
    {
        let entries = std::fs::read_dir(dir).map_err(|e| format!("{CERT_DIR_VAR} {dir}: {e}"))?;
        for entry in entries.flatten() {
            // Anything but a regular file of PEM certificates (hash links to one included)
            // is skipped, as OpenSSL does.
            if let Ok(text) = read_local(&entry.path()) {
                roots.add_parsable_certificates(
                    pem_certificates(text.as_bytes()).unwrap_or_default(),
                );
            }
        }
    }
    if roots.is_empty() {
        return Err(format!(
            "{CERT_FILE_VAR} / {CERT_DIR_VAR} are set but give no usable certificate"
        ));
    }
    Ok(Some(roots))
}

/// The platform's trusted roots, loaded once; the bundled Mozilla roots where it has none.
fn platform() -> &'static RootCertStore {
    static PLATFORM: OnceLock<RootCertStore> = OnceLock::new();
    PLATFORM.get_or_init(|| {
        let loaded = rustls_native_certs::load_native_certs();
        for error in &loaded.errors {
            tracing::debug!(%error, "platform trust store");
        }
        let mut roots = RootCertStore::empty();
        roots.add_parsable_certificates(loaded.certs);
        if roots.is_empty() {
            tracing::debug!("no platform trust store: using the bundled roots");
            roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
        }
        roots
    })
}

/// The certificates of PEM text; other PEM sections (keys) are skipped.
fn pem_certificates(pem: &[u8]) -> Result<Vec<CertificateDer<'static>>, String> {
    CertificateDer::pem_slice_iter(pem)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| format!("not PEM: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pem_without_a_certificate_is_refused() {
        let env = Env::from_vars([("HOME", "/nonexistent")]);
        let extra = [ExtraCa::Pem(Arc::from(&b"not a certificate"[..]))];
        let error = roots(&extra, &env).unwrap_err();
        assert!(error.contains("no PEM certificate"), "{error}");
    }

    #[test]
    fn a_variable_naming_a_missing_file_is_an_error() {
        let env = Env::from_vars([(CERT_FILE_VAR, "/nonexistent/ca.pem")]);
        let error = roots(&[], &env).unwrap_err();
        assert!(
            error.starts_with("SSL_CERT_FILE /nonexistent/ca.pem"),
            "{error}"
        );
    }

    #[test]
    fn a_folder_without_certificates_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("readme"), "nothing here").unwrap();
        let env = Env::from_vars([(CERT_DIR_VAR, dir.path().to_str().unwrap())]);
        let error = roots(&[], &env).unwrap_err();
        assert!(error.contains("no usable certificate"), "{error}");
    }

    #[test]
    fn without_variables_the_platform_or_bundled_roots_are_trusted() {
        let roots = roots(&[], &Env::from_vars([("HOME", "/nonexistent")])).unwrap();
        assert!(!roots.is_empty());
    }
}
