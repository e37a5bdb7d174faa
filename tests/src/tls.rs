//! A throw-away CA and a TLS front on loopback that hands the decrypted bytes to a plain server.

use std::net::SocketAddr;
use std::sync::Arc;

use rcgen::{BasicConstraints, CertificateParams, DnType, IsCa, KeyPair, KeyUsagePurpose};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::{JoinHandle, JoinSet};
use tokio_rustls::TlsAcceptor;
use tokio_rustls::rustls::{self, pki_types};

/// A CA made for one test, and a server certificate for `127.0.0.1` and `localhost` it signed.
pub struct TestCa {
    /// The CA certificate, PEM.
    pub ca_pem: String,
    server_der: Vec<u8>,
    server_key_der: Vec<u8>,
}

impl TestCa {
    /// A new CA (its key is thrown away once the server certificate is signed).
    pub fn new() -> Self {
        let ca_key = KeyPair::generate().expect("CA key");
        let mut ca = CertificateParams::new(Vec::new()).expect("CA params");
        ca.distinguished_name
            .push(DnType::CommonName, "acs throw-away test CA");
        ca.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        ca.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
        let ca_cert = ca.self_signed(&ca_key).expect("CA certificate");
        let server_key = KeyPair::generate().expect("server key");
        let server = CertificateParams::new(vec!["127.0.0.1".to_owned(), "localhost".to_owned()])
            .expect("server params");
        let server_cert = server
            .signed_by(&server_key, &ca_cert, &ca_key)
            .expect("server certificate");
        Self {
            ca_pem: ca_cert.pem(),
            server_der: server_cert.der().to_vec(),
            server_key_der: server_key.serialize_der(),
        }
    }

    /// The TLS configuration of a server presenting the certificate.
    fn server_config(&self) -> rustls::ServerConfig {
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let key = pki_types::PrivateKeyDer::Pkcs8(self.server_key_der.clone().into());
        rustls::ServerConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .expect("TLS versions")
            .with_no_client_auth()
            .with_single_cert(vec![self.server_der.clone().into()], key)
            .expect("server certificate and key")
    }
}

impl Default for TestCa {
    fn default() -> Self {
        Self::new()
    }
}

/// A TLS server on `127.0.0.1` presenting a [`TestCa`] certificate: each connection's
/// decrypted bytes go to a plain server at `backend`, and its answers back. Stopped when
/// dropped.
pub struct TlsFront {
    addr: SocketAddr,
    accept: JoinHandle<()>,
}

impl TlsFront {
    /// Starts the front of the plain server whose endpoint is `backend`
    /// (`http://127.0.0.1:PORT`).
    pub async fn start(ca: &TestCa, backend: &str) -> Self {
        let backend: SocketAddr = backend
            .trim_start_matches("http://")
            .parse()
            .expect("a loopback endpoint");
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind loopback");
        let addr = listener.local_addr().expect("local address");
        let acceptor = TlsAcceptor::from(Arc::new(ca.server_config()));
        let accept = tokio::spawn(async move {
            let mut connections = JoinSet::new();
            while let Ok((stream, _)) = listener.accept().await {
                connections.spawn(relay(acceptor.clone(), stream, backend));
                while connections.try_join_next().is_some() {}
            }
        });
        Self { addr, accept }
    }

    /// The endpoint to configure a client with: `https://127.0.0.1:PORT`.
    pub fn endpoint(&self) -> String {
        format!("https://{}", self.addr)
    }
}

impl Drop for TlsFront {
    fn drop(&mut self) {
        self.accept.abort();
    }
}

/// Terminates TLS on `stream` and copies both ways to `backend`; a failed handshake (a client
/// that does not trust the certificate) just ends the connection.
async fn relay(acceptor: TlsAcceptor, stream: TcpStream, backend: SocketAddr) {
    let Ok(mut tls) = acceptor.accept(stream).await else {
        return;
    };
    let Ok(mut plain) = TcpStream::connect(backend).await else {
        return;
    };
    let _ = tokio::io::copy_bidirectional(&mut tls, &mut plain).await;
}
