//! Arbitrary bytes as an operation file and its overlay: loading, merging, checking and
//! lowering never panic. The first byte chooses where the input splits into base and overlay.
#![no_main]

use std::path::PathBuf;

use acs_codegen::diag::Diagnostics;
use acs_codegen::spec::load::{Source, parse_merged};
use acs_codegen::spec::model::{Endpoints, Operation, Product, Protocol};
use acs_codegen::spec::{OperationFile, ProductDir, SpecTree, overlay};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let at = rest.len() * first as usize / 256;
    let base = Source {
        file: PathBuf::from("Op.yaml"),
        text: String::from_utf8_lossy(&rest[..at]).into_owned(),
    };
    let overlay = Source {
        file: PathBuf::from("overlays/Op.yaml"),
        text: String::from_utf8_lossy(&rest[at..]).into_owned(),
    };
    let mut diagnostics = Diagnostics::default();
    let _ = parse_merged::<Operation>(&base, None, &mut diagnostics);
    let _ = parse_merged::<Product>(&base, Some(&overlay), &mut diagnostics);
    let Some(operation) = parse_merged::<Operation>(&base, Some(&overlay), &mut diagnostics) else {
        return;
    };
    let product = Product {
        product: "Fuzz".into(),
        version: "2020-01-01".into(),
        protocol: Protocol::Rpc,
        title: "Fuzz".into(),
        description: None,
        endpoints: Endpoints {
            pattern: "fuzz.{region}.aliyuncs.com".into(),
            regions: Vec::new(),
        },
    };
    let file = PathBuf::from(format!("{}.yaml", operation.name));
    let tree = SpecTree {
        products: vec![ProductDir {
            dir: PathBuf::new(),
            file: PathBuf::from("product.yaml"),
            text: String::new(),
            overlay: None,
            product,
            operations: vec![OperationFile {
                file,
                text: base.text.clone(),
                overlay: Some(overlay),
                operation,
            }],
        }],
    };
    let mut found = acs_codegen::check::check_tree(&tree);
    overlay::attribute(&tree, &mut found);
    let _ = found.to_string();
    if found.is_empty() {
        let _ = acs_codegen::ir::lower_product(&tree.products[0], String::new(), String::new());
    }
});
