//! Compile-fail tests: every misuse of `#[derive(RpcParams)]` is an error at the offending tokens.

#[test]
fn ui() {
    trybuild::TestCases::new().compile_fail("tests/ui/*.rs");
}
