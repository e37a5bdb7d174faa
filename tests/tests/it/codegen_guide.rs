//! The getting-started of a crate's docs follows the product's `guide` when the spec names
//! one, and the generator's own picks otherwise; a `guide` naming what the product lacks is
//! refused at the entry at fault.

use std::fs;

use crate::scratch;

use scratch::Repo;

const PRODUCT: &str = "spec/demo/2020-01-01/product.yaml";
const TITLE: &str = "title: Demo product for the generator's snapshot test";

/// The generated `lib.rs` of the demo crate.
fn lib_rs(repo: &Repo) -> String {
    fs::read_to_string(repo.path().join("generated/demo/src/lib.rs")).unwrap()
}

#[test]
fn without_a_guide_the_generator_picks() {
    let lib = lib_rs(&Repo::new());
    assert!(lib.contains("//!         .create_widget()\n"), "{lib}");
    assert!(lib.contains("client.wait_until_widget_ready(request, None)"));
    assert!(lib.contains("client.list_gadgets_items(request)"));
}

#[test]
fn the_guide_gives_the_call_the_waiter_and_the_paginator() {
    let repo = Repo::new();
    repo.edit(
        PRODUCT,
        TITLE,
        &format!("{TITLE}\nguide: [ListWidgets, DescribeWidget]"),
    );
    acs_codegen::codegen(repo.path(), false).unwrap();
    let lib = lib_rs(&repo);
    assert!(lib.contains("//!         .list_widgets()\n"), "{lib}");
    assert!(lib.contains("errors(client: &Client, request: ListWidgetsRequest)"));
    assert!(lib.contains("DemoApi::list_widgets(&Fake, ListWidgetsRequest::default())"));
    assert!(
        lib.contains("client.wait_until_first_widget_ready(request, None)"),
        "the first operation of the guide with a waiter: {lib}"
    );
    assert!(lib.contains("client.list_widgets_items(request)"));
    assert!(!lib.contains("create_widget"));
}

#[test]
fn what_the_guide_leaves_open_is_picked_and_an_overlay_may_set_it() {
    let repo = Repo::new();
    let overlays = repo.path().join("spec/demo/2020-01-01/overlays");
    fs::create_dir_all(&overlays).unwrap();
    fs::write(overlays.join("product.yaml"), "guide: [DescribeWidget]\n").unwrap();
    acs_codegen::codegen(repo.path(), false).unwrap();
    let lib = lib_rs(&repo);
    assert!(lib.contains("//!         .describe_widget()\n"), "{lib}");
    assert!(lib.contains("client.wait_until_widget_ready(request, None)"));
    assert!(
        lib.contains("client.list_gadgets_items(request)"),
        "no paginator in the guide: the generator's pick"
    );
}

#[test]
fn a_guide_naming_an_unknown_or_repeated_operation_is_refused() {
    let repo = Repo::new();
    repo.edit(
        PRODUCT,
        TITLE,
        &format!("{TITLE}\nguide:\n- DescribeWidget\n- DescribeGadget\n- DescribeWidget"),
    );
    let report = repo.fails();
    let hit = |line: usize, path: &str, what: &str| {
        report.lines().any(|l| {
            l.starts_with(&format!("{PRODUCT}:{line}:")) && l.contains(path) && l.contains(what)
        })
    };
    assert!(
        hit(
            7,
            "guide[1]",
            "`DescribeGadget` is not an operation of this product"
        ),
        "{report}"
    );
    assert!(
        hit(8, "guide[2]", "`DescribeWidget` is listed twice"),
        "{report}"
    );
    assert!(report.contains("2 problem(s)"), "{report}");
}
