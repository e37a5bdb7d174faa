//! `generated/` and the spec schemas must be exactly what `cargo xtask codegen` writes today.

use std::path::Path;

#[test]
fn generated_code_is_up_to_date() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    if let Err(report) = acs_codegen::codegen(repo, true) {
        panic!("{report}");
    }
}
