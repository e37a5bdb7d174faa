//! Test support shared by the integration tests: loopback servers that verify signatures.
//!
//! [`TestServer`] speaks just enough HTTP/1.1 for the client, checks every request with the
//! independent verifier in [`verify()`], and answers as the test scripts it; [`Capture`]
//! records tracing output so tests can look for secrets in it; [`TlsFront`] puts a test CA's
//! certificate in front of a server, and [`TestProxy`] is a proxy asking for credentials;
//! [`wire_examples`] reads the requests captured from the official SDKs.

pub mod capture;
pub mod emulator;
pub mod plain;
pub mod proxy;
pub mod server;
pub mod tls;
pub mod verify;
pub mod wire_examples;

pub use capture::Capture;
pub use emulator::{EmulatorConfig, VpnEmulator};
pub use plain::PlainServer;
pub use proxy::{ProxyRequest, TestProxy};
pub use server::{Exchange, Received, Reply, TestServer};
pub use tls::{TestCa, TlsFront};
pub use verify::{Clock, Request, Signature, Verified, verify};

/// The repository README: its Rust examples are compiled (and the runnable ones run) as
/// doc-tests of this crate.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
mod readme {}
