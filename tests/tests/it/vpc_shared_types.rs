//! Nested values are defined once per crate and shared by every operation that sends the same
//! shape: one `Tag` for acs-vpc, which used to define it in every operation's module.

use std::fs;
use std::path::Path;

use acs_vpc::operation::create_vpc::CreateVpcRequest;
use acs_vpc::operation::create_vswitch::CreateVswitchRequest;
use acs_vpc::types::Tag;

/// The generated acs-vpc crate's folder.
fn vpc() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../generated/vpc")
}

#[test]
fn acs_vpc_defines_one_tag_that_many_operations_take() {
    let types: String = fs::read_dir(vpc().join("src/types"))
        .unwrap()
        .map(|e| fs::read_to_string(e.unwrap().path()).unwrap())
        .collect();
    assert_eq!(types.matches("\npub struct Tag {").count(), 1);
    let operations = fs::read_dir(vpc().join("src/operation"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|path| path.is_file())
        .map(|path| fs::read_to_string(path).unwrap())
        .filter(|text| text.contains("Item = crate::types::Tag>"))
        .count();
    assert!(
        operations > 50,
        "only {operations} operations take the shared Tag"
    );
}

#[test]
fn the_same_tag_value_goes_to_two_operations() {
    let tag = Tag {
        key: Some("env".into()),
        value: Some("prod".into()),
    };
    let vpc = CreateVpcRequest::builder()
        .region_id("cn-hangzhou")
        .tag([tag.clone()])
        .build_unchecked();
    let vswitch = CreateVswitchRequest::builder()
        .region_id("cn-hangzhou")
        .tag([tag.clone()])
        .build_unchecked();
    assert_eq!(vpc.tag.as_deref(), Some(&[tag.clone()][..]));
    assert_eq!(vswitch.tag, vpc.tag);
}
