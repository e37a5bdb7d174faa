//! A stateful emulator of the VPN gateway API, served by a [`TestServer`] on loopback.
//!
//! It answers `CreateVpnGateway`, `DescribeVpnGateway`, `DescribeVpnGateways`,
//! `ModifyVpnGatewayAttribute` and `DeleteVpnGateway` the way the service does: JSON bodies
//! with a `RequestId`, wrapped lists, documented error codes. Gateways are `provisioning` for a
//! configurable number of `DescribeVpnGateway` polls and then `active`; a deleted gateway is
//! `deleting` for some polls and then gone (`InvalidVpnGatewayInstanceId.NotFound`). Every
//! request's signature is verified by the server first.

mod gateway;
mod state;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use acs_runtime::auth::Credentials;
use acs_runtime::client::{Config, ConfigBuilder, RetryPolicy};

use crate::server::TestServer;
use crate::verify::Verified;

pub use gateway::GatewayView;
use state::State;

/// How the emulated service behaves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EmulatorConfig {
    /// `DescribeVpnGateway` polls of a new gateway that still answer `provisioning`; the next
    /// one answers `active`.
    pub polls_until_active: u32,
    /// `DescribeVpnGateway` polls of a deleted gateway that still answer `deleting`; the next
    /// one answers `InvalidVpnGatewayInstanceId.NotFound`.
    pub polls_while_deleting: u32,
    /// Gateways a region holds; one more create fails with `Resource.QuotaFull`.
    pub quota: usize,
}

impl Default for EmulatorConfig {
    /// Two `provisioning` polls, one `deleting` poll, a quota of 10.
    fn default() -> Self {
        Self {
            polls_until_active: 2,
            polls_while_deleting: 1,
            quota: 10,
        }
    }
}

/// The emulated VPN gateway service on `127.0.0.1`, stopped when dropped.
pub struct VpnEmulator {
    server: TestServer,
    state: Arc<Mutex<State>>,
}

impl VpnEmulator {
    /// The AccessKeyId the emulator accepts.
    pub const ACCESS_KEY_ID: &'static str = "emulator-id";
    /// The AccessKeySecret of [`VpnEmulator::ACCESS_KEY_ID`].
    pub const ACCESS_KEY_SECRET: &'static str = "emulator-secret";

    /// Starts an emulator with no gateways.
    pub async fn start(config: EmulatorConfig) -> Self {
        let state = Arc::new(Mutex::new(State::new(config)));
        let shared = state.clone();
        let server = TestServer::start(
            &[(Self::ACCESS_KEY_ID, Self::ACCESS_KEY_SECRET)],
            move |exchange| shared.lock().unwrap().handle(exchange.verified),
        )
        .await;
        Self { server, state }
    }

    /// The endpoint to configure a client with: `http://127.0.0.1:PORT`.
    pub fn endpoint(&self) -> String {
        self.server.endpoint()
    }

    /// A client configuration for this emulator: its endpoint and keys, and the standard
    /// retries with millisecond back-off.
    pub fn config(&self) -> ConfigBuilder {
        Config::builder()
            .endpoint(self.endpoint())
            .credentials(Credentials::new(
                Self::ACCESS_KEY_ID,
                Self::ACCESS_KEY_SECRET,
            ))
            .retry_policy(
                RetryPolicy::standard()
                    .with_base_delay(Duration::from_millis(1))
                    .with_max_delay(Duration::from_millis(5)),
            )
    }

    /// Processes the next `count` requests of `action` but sends no answer to them (the
    /// connection stays silent), as when a response is lost: the client times out and retries.
    pub fn drop_responses(&self, action: &str, count: usize) {
        self.state.lock().unwrap().drop_responses(action, count);
    }

    /// The gateways that exist now (`deleting` ones included), in creation order.
    pub fn gateways(&self) -> Vec<GatewayView> {
        self.state.lock().unwrap().gateways()
    }

    /// The verified requests of `action` received so far, in order; panics if any request
    /// failed signature verification.
    pub fn calls(&self, action: &str) -> Vec<Verified> {
        self.server
            .verified()
            .into_iter()
            .filter(|v| v.action == action)
            .collect()
    }
}
