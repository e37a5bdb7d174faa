//! The generator's integration tests, one binary: the reviewed snapshot of generated code and
//! the module graph without cycles.

mod module_cycles;
mod snapshot;
