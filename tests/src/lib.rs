//! Test support shared by the integration tests: loopback servers that verify signatures.
