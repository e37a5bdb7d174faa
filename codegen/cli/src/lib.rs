//! The `acs` command.
