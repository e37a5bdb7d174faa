//! The runtime's integration tests, one binary: signing, credentials, paginators and the
//! parameter serialization.

mod auth_credentials;
mod auth_signing;
mod paginate_ends;
mod params_props;
mod params_wire;
