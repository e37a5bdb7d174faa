//! Runtime shared by every generated Alibaba Cloud SDK crate.
//!
//! Generated crates hold only what differs per operation (types, constraints, docs);
//! everything that is the same for all operations lives here once:
//! RPC parameter serialization ([`params`]), request validation ([`validate`]), response deserialization ([`de`]),
//! open enums ([`open_enum!`]), the check-then-serialize step of every call
//! ([`operation`]), credentials and signing ([`auth`]), the
//! HTTP client with retries ([`client`]), paginators ([`paginate`]) and waiters ([`waiter`]),
//! and, with the `blocking` feature, synchronous calls (`blocking`).

pub mod auth;
#[cfg(feature = "blocking")]
pub mod blocking;
pub mod client;
pub mod de;
pub mod open_enum;
pub mod operation;
pub mod paginate;
pub mod params;
pub mod validate;
pub mod waiter;

pub use acs_rpc_derive::RpcParams;
pub use acs_wire as wire;
pub use bytes::Bytes;

/// Re-exports the code expanded from this crate's macros refers to; not public API.
#[doc(hidden)]
pub mod __private {
    pub use serde;
    pub use serde_json;
}
