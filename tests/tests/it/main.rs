//! The workspace's cross-crate tests in one binary, so that the generated crates and the
//! runtime are linked once: one module per subject, named as the test files were.

mod scratch;

mod client_credential_files;
mod client_credential_ini;
mod client_credential_sources;
mod client_credentials;
mod client_decoding;
mod client_ecs_role_names;
mod client_errors;
mod client_http_client;
mod client_proxy;
mod client_retries;
mod client_retry_classes;
mod client_safety;
mod client_secret_urls;
mod client_secrets;
mod client_signing;
mod client_timeouts;
mod client_tls;
mod codegen_broken_specs;
mod codegen_fresh;
mod codegen_hostile;
mod codegen_output;
mod flows_fake;
mod generated_errors;
mod import_budgets;
mod import_changelog;
mod import_corpus;
mod import_metadata;
mod import_overlays;
mod import_responses;
mod import_wire;
mod readme_example;
mod vpc_client;
mod vpc_create_vpn_gateway;
mod vpc_features;
mod vpc_shared_types;
mod vpn_connection_waiters;
mod vpn_constraints_text;
mod vpn_constraints_values;
mod vpn_example;
mod vpn_idempotency;
mod vpn_paginators;
mod vpn_waiters;
