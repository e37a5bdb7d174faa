//! Arbitrary names, descriptions, examples, error codes and enum values in an operation, through
//! check, prose, lowering and emit: either the checks refuse the spec, or every emitted Rust file
//! parses and its only doc-tests are the generator's request examples.
#![no_main]

use std::path::PathBuf;

use acs_codegen::diag::Diagnostics;
use acs_codegen::spec::load::{Source, parse_merged};
use acs_codegen::spec::model::{Endpoints, Operation, Product, Protocol};
use acs_codegen::spec::{OperationFile, ProductDir, SpecTree};
use libfuzzer_sys::fuzz_target;
use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag, TagEnd};
use serde_yaml::{Mapping, Value};

/// The input split into strings at 0xFF bytes; missing pieces are empty.
fn pieces(data: &[u8]) -> Vec<String> {
    let mut out: Vec<String> = data
        .split(|b| *b == 0xFF)
        .map(|p| String::from_utf8_lossy(p).into_owned())
        .collect();
    out.resize(20, String::new());
    out
}

fn map(entries: Vec<(&str, Value)>) -> Value {
    let mut m = Mapping::new();
    for (k, v) in entries {
        m.insert(Value::from(k), v);
    }
    Value::Mapping(m)
}

fn s(text: &str) -> Value {
    Value::from(text)
}

/// A scalar from YAML text (`.nan`, `1e39`, `x`), or the text itself.
fn scalar(text: &str) -> Value {
    match serde_yaml::from_str::<Value>(text) {
        Ok(v @ (Value::Number(_) | Value::String(_) | Value::Bool(_))) => v,
        _ => s(text),
    }
}

fn operation(p: &[String]) -> Value {
    map(vec![
        ("name", s(&p[0])),
        ("summary", s(&p[1])),
        ("description", s(&p[2])),
        (
            "parameters",
            Value::Sequence(vec![
                map(vec![
                    ("name", s(&p[3])),
                    ("type", s("string")),
                    ("description", s(&p[4])),
                    ("example", scalar(&p[5])),
                    (
                        "constraints",
                        map(vec![(
                            "enum",
                            Value::Sequence(vec![
                                map(vec![("value", s(&p[6])), ("description", s(&p[7]))]),
                                map(vec![("value", s(&p[8]))]),
                            ]),
                        )]),
                    ),
                ]),
                map(vec![
                    ("name", s(&p[9])),
                    ("type", s("number")),
                    ("example", scalar(&p[10])),
                    ("default", scalar(&p[11])),
                ]),
            ]),
        ),
        (
            "response",
            map(vec![
                ("description", s(&p[12])),
                (
                    "fields",
                    Value::Sequence(vec![map(vec![
                        ("name", s(&p[13])),
                        ("type", s("object")),
                        (
                            "properties",
                            Value::Sequence(vec![map(vec![
                                ("name", s(&p[14])),
                                ("type", s("integer")),
                                ("example", scalar(&p[15])),
                            ])]),
                        ),
                    ])]),
                ),
            ]),
        ),
        (
            "errors",
            Value::Sequence(vec![map(vec![
                ("status", Value::from(400)),
                ("code", s(&p[16])),
                ("message", s(&p[17])),
                ("description", s(&p[18])),
            ])]),
        ),
    ])
}

/// The code of every block rustdoc would compile in the doc comments of `source`.
fn doc_tests(source: &str) -> Vec<String> {
    let mut doc = String::new();
    let mut tests = Vec::new();
    for line in source.lines().chain([""]) {
        let t = line.trim_start();
        match t.strip_prefix("///").or_else(|| t.strip_prefix("//!")) {
            Some(text) => {
                doc.push_str(text.strip_prefix(' ').unwrap_or(text));
                doc.push('\n');
            }
            None if !doc.is_empty() => {
                let mut current: Option<String> = None;
                for event in Parser::new_ext(&doc, pulldown_cmark::Options::all()) {
                    match event {
                        Event::Start(Tag::CodeBlock(kind)) => {
                            let compiled = match kind {
                                CodeBlockKind::Indented => true,
                                CodeBlockKind::Fenced(info) => !info.split([',', ' ']).any(|w| w == "text"),
                            };
                            current = compiled.then(String::new);
                        }
                        Event::Text(text) => {
                            if let Some(code) = &mut current {
                                code.push_str(&text);
                            }
                        }
                        Event::End(TagEnd::CodeBlock) => tests.extend(current.take()),
                        _ => {}
                    }
                }
                doc.clear();
            }
            None => {}
        }
    }
    tests
}

fuzz_target!(|data: &[u8]| {
    let p = pieces(data);
    let op = operation(&p);
    let text = serde_yaml::to_string(&op).unwrap();
    let base = Source {
        file: PathBuf::from(format!("{}.yaml", p[0])),
        text,
    };
    let mut diagnostics = Diagnostics::default();
    let Some(operation) = parse_merged::<Operation>(&base, None, &mut diagnostics) else {
        return;
    };
    let product = Product {
        product: "Fuzz".into(),
        version: "2020-01-01".into(),
        protocol: Protocol::Rpc,
        title: p[19].clone(),
        description: Some(p[2].clone()),
        endpoints: Endpoints {
            pattern: "fuzz.{region}.aliyuncs.com".into(),
            regions: Vec::new(),
        },
    };
    let mut tree = SpecTree {
        products: vec![ProductDir {
            dir: PathBuf::new(),
            file: PathBuf::from("product.yaml"),
            text: String::new(),
            overlay: None,
            product,
            operations: vec![OperationFile {
                file: base.file.clone(),
                text: base.text.clone(),
                overlay: None,
                operation,
            }],
        }],
    };
    if !acs_codegen::check::check_tree(&tree).is_empty() {
        return;
    }
    acs_codegen::prose::make_inert(&mut tree);
    let ir = acs_codegen::ir::lower_product(&tree.products[0], "acs-fuzz".into(), "spec/fuzz".into())
        .expect("a checked spec lowers");
    for file in acs_codegen::emit::emit_crate(&ir) {
        if file.path.extension().is_some_and(|e| e == "rs") {
            syn::parse_file(&file.contents).expect("emitted Rust parses");
            for code in doc_tests(&file.contents) {
                assert!(code.contains("::builder()"), "a doc-test from the spec:\n{code}");
            }
        } else if file.path.extension().is_some_and(|e| e == "toml") {
            let manifest: toml::Table = file.contents.parse().expect("the manifest parses");
            assert_eq!(manifest.len(), 4, "a spec added a manifest table: {manifest:?}");
        }
    }
});
