//! The `acs` command's tests in one binary, so that the runner and its data are linked once:
//! one module per subject. (The shell completion test has its own `main`: `shells.rs`.)

mod support;

mod aliyun_flags;
mod answers;
mod completion;
mod errors;
mod flags;
mod help;
mod pager;
mod parity;
mod preview;
mod product_waiters;
mod rest;
mod rest_captured;
mod rest_products;
mod shaping;
mod tables;
mod terminal;
mod token_pager;
mod trust;
mod wait;
mod wire;
