//! Hostile and odd specs: each is refused with its place named, or generates a crate that
//! compiles warning-free and whose only doc-tests are the generator's own.
//!
//! The accepted corpus (`tests/data/hostile/spec`) generates the crate checked in under
//! `tests/data/hostile/generated/hostile`, a workspace member: `cargo test --workspace` builds,
//! lints and doc-tests it with everything else. Refreshed with `UPDATE_EXPECT=1`; review it.
//! The refused corpus (`tests/data/hostile/refused`) holds one spec file per case, with the
//! file it goes to and every expected problem in its leading comments.

use std::fs;
use std::path::{Path, PathBuf};

use acs_codegen::spec::model::{EnumValue, ErrorCase, Scalar};
use proptest::prelude::*;
use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag};

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data/hostile")
}

const VERSION_DIR: &str = "spec/hostile/2020-01-01";

#[test]
fn the_accepted_corpus_generates_the_reviewed_crate() {
    let files = acs_codegen::generate(&corpus()).expect("the accepted corpus generates");
    let update = std::env::var_os("UPDATE_EXPECT").is_some();
    let mut stale = Vec::new();
    let mut produced = Vec::new();
    for file in files
        .iter()
        .filter(|f| f.path.starts_with("generated/hostile"))
    {
        let path = corpus().join(&file.path);
        produced.push(path.clone());
        if fs::read_to_string(&path).ok().as_deref() != Some(file.contents.as_str()) {
            if update {
                fs::create_dir_all(path.parent().unwrap()).unwrap();
                fs::write(&path, &file.contents).unwrap();
            } else {
                stale.push(file.path.clone());
            }
        }
    }
    assert!(
        stale.is_empty(),
        "the hostile crate differs in {stale:?}; rerun with UPDATE_EXPECT=1 and review the diff"
    );
    let on_disk = rust_files(&corpus().join("generated/hostile"));
    assert!(on_disk.len() > 20, "{on_disk:?}");
    for path in on_disk
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "rs"))
    {
        assert!(
            produced.contains(path),
            "no longer generated: {}",
            path.display()
        );
    }
}

#[test]
fn the_only_doc_tests_are_the_generators_examples() {
    let files = acs_codegen::generate(&corpus()).unwrap();
    let mut examples = 0;
    for file in files
        .iter()
        .filter(|f| f.path.extension().is_some_and(|e| e == "rs"))
    {
        syn::parse_file(&file.contents).unwrap_or_else(|e| panic!("{}: {e}", file.path.display()));
        for code in doc_tests(&file.contents) {
            assert!(
                is_generated_example(&code),
                "{}: a doc-test the generator did not write:\n{code}",
                file.path.display()
            );
            examples += 1;
        }
    }
    assert!(examples > 20, "{examples} examples");
}

/// Whether `code` is a doc-test the generator writes: the crate's getting-started (opening
/// with the crate's own imports, parsing as Rust), or a request example.
fn is_generated_example(code: &str) -> bool {
    if code.starts_with("use acs_hostile::{Client, Config, Error, HostileApi};\n") {
        return syn::parse_str::<syn::Block>(&format!("{{{}}}", code.replace("\n# ", "\n")))
            .is_ok();
    }
    is_request_example(code)
}

/// Whether `code` is a request example as the generator writes it: one statement building a
/// request, then hidden lines, and nothing else once parsed as Rust.
fn is_request_example(code: &str) -> bool {
    let visible: String = code
        .lines()
        .filter(|l| !l.starts_with("# ") && *l != "#")
        .map(|l| format!("{l}\n"))
        .collect();
    let Ok(block) = syn::parse_str::<syn::Block>(&format!("{{{visible}}}")) else {
        return false;
    };
    visible.starts_with("let request = ")
        && block.stmts.len() == 1
        && matches!(&block.stmts[0], syn::Stmt::Local(_))
        && code.contains("::builder()")
}

/// The code of every block rustdoc would compile in the doc comments of `source`.
fn doc_tests(source: &str) -> Vec<String> {
    let mut tests = Vec::new();
    let mut doc = String::new();
    for line in source.lines().chain([""]) {
        let trimmed = line.trim_start();
        match trimmed
            .strip_prefix("///")
            .or_else(|| trimmed.strip_prefix("//!"))
        {
            Some(text) => {
                doc.push_str(text.strip_prefix(' ').unwrap_or(text));
                doc.push('\n');
            }
            None if !doc.is_empty() => {
                tests.extend(compiled_blocks(&doc));
                doc.clear();
            }
            None => {}
        }
    }
    tests
}

fn compiled_blocks(doc: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    for event in Parser::new_ext(doc, pulldown_cmark::Options::all()) {
        match event {
            Event::Start(Tag::CodeBlock(kind)) => {
                let compiled = match kind {
                    CodeBlockKind::Indented => true,
                    CodeBlockKind::Fenced(info) => {
                        !info.split([',', ' ']).any(|w| w == "text" || w == "ignore")
                    }
                };
                current = compiled.then(String::new);
            }
            Event::Text(text) => {
                if let Some(code) = &mut current {
                    code.push_str(&text);
                }
            }
            Event::End(pulldown_cmark::TagEnd::CodeBlock) => blocks.extend(current.take()),
            _ => {}
        }
    }
    blocks
}

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).into_iter().flatten() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else {
            out.push(path);
        }
    }
    out
}

/// A scratch repository holding the accepted corpus's product file and nothing else.
fn bare_repo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let spec = dir.path().join(VERSION_DIR);
    fs::create_dir_all(&spec).unwrap();
    fs::copy(
        corpus().join(VERSION_DIR).join("product.yaml"),
        spec.join("product.yaml"),
    )
    .unwrap();
    dir
}

/// Runs codegen on `repo`, expecting a refusal that writes nothing; returns the report.
fn refused(repo: &Path) -> String {
    let report = acs_codegen::codegen(repo, false)
        .expect_err("a hostile spec must be refused")
        .to_string();
    assert!(
        !repo.join("generated").exists(),
        "a refused run wrote files"
    );
    assert!(report.contains("nothing was written"), "{report}");
    report
}

#[track_caller]
fn assert_names(report: &str, file: &str, path: &str, what: &str, positioned: bool) {
    let hit = report.lines().any(|l| {
        let Some(rest) = l.strip_prefix(&format!("{VERSION_DIR}/{file}:")) else {
            return false;
        };
        (!positioned || rest.starts_with(|c: char| c.is_ascii_digit()))
            && (path.is_empty() || l.contains(&format!("at `{path}`")))
            && l.contains(what)
    });
    assert!(
        hit,
        "expected {file} ... `{path}` ... {what}\nin:\n{report}"
    );
}

#[test]
fn every_refused_case_names_file_line_and_path() {
    let mut cases = 0;
    for entry in fs::read_dir(corpus().join("refused")).unwrap() {
        let case = entry.unwrap().path();
        let long = "A".repeat(250);
        let text = fs::read_to_string(&case).unwrap().replace("LONG", &long);
        let repo = bare_repo();
        let spec = repo.path().join(VERSION_DIR);
        let mut file = String::new();
        let mut text = text;
        for line in text.clone().lines() {
            if let Some(name) = line.strip_prefix("# file: ") {
                file = name.to_owned();
            } else if let Some(also) = line.strip_prefix("# also: ") {
                let name = also.trim_end_matches(".yaml");
                fs::write(
                    spec.join(also),
                    format!("name: {name}\nsummary: x\nresponse: {{}}\n"),
                )
                .unwrap();
            } else if let Some(n) = line.strip_prefix("# append-brackets: ") {
                let n: usize = n.parse().unwrap();
                text.push_str(&format!("errors: {}{}\n", "[".repeat(n), "]".repeat(n)));
            }
        }
        fs::write(spec.join(&file), &text).unwrap();
        let report = refused(repo.path());
        for line in text.lines() {
            if let Some(expect) = line.strip_prefix("# expect: ") {
                let (path, what) = expect.split_once(" | ").unwrap();
                assert_names(&report, &file, path.trim(), what.trim(), true);
            }
        }
        cases += 1;
    }
    assert!(cases >= 20, "{cases} refused cases");
}

#[test]
fn special_files_in_the_spec_tree_are_refused_without_being_read() {
    let repo = bare_repo();
    let spec = repo.path().join(VERSION_DIR);
    let fifo = spec.join("Fifo.yaml");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    std::os::unix::fs::symlink("/dev/zero", spec.join("Zero.yaml")).unwrap();
    fs::create_dir(spec.join("Folder.yaml")).unwrap();
    let report = refused(repo.path());
    assert_names(&report, "Fifo.yaml", "", "not a regular file", false);
    assert_names(&report, "Zero.yaml", "", "not a regular file", false);
}

#[test]
fn a_huge_description_is_refused_before_parsing() {
    let repo = bare_repo();
    let spec = repo.path().join(VERSION_DIR);
    let description = "x".repeat(30 << 20);
    fs::write(
        spec.join("Huge.yaml"),
        format!("name: Huge\nsummary: s\ndescription: {description}\nresponse: {{}}\n"),
    )
    .unwrap();
    let report = refused(repo.path());
    assert_names(&report, "Huge.yaml", "", "spec files are at most", false);
}

#[test]
fn bytes_that_are_not_utf8_are_refused_at_their_line() {
    let repo = bare_repo();
    let spec = repo.path().join(VERSION_DIR);
    fs::write(
        spec.join("Latin.yaml"),
        b"name: Latin\nsummary: caf\xe9\nresponse: {}\n",
    )
    .unwrap();
    let report = refused(repo.path());
    assert_names(&report, "Latin.yaml", "", "not UTF-8", true);
    assert!(report.contains("Latin.yaml:2:"), "{report}");
}

/// Text made of Markdown's block and inline syntax, HTML, URLs, control characters and words.
fn markdownish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("```"),
        Just("~~~"),
        Just("    "),
        Just("> "),
        Just("- "),
        Just("1. "),
        Just("<pre>"),
        Just("</pre>"),
        Just("\n"),
        Just("\n\n"),
        Just("\r"),
        Just("\t"),
        Just("["),
        Just("]"),
        Just("("),
        Just(")"),
        Just("https://x.y/a_b"),
        Just("`"),
        Just("*"),
        Just("_"),
        Just("#"),
        Just("|"),
        Just("\\"),
        Just("<notice>"),
        Just("&amp;"),
        Just("\u{202e}"),
        Just("rust"),
        Just("fn main() {}"),
        Just("panic!()"),
        Just("word"),
        Just(" "),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|p| p.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(16))]

    #[test]
    fn arbitrary_prose_and_names_emit_rust_whose_only_doc_tests_are_the_generators(
        description in markdownish(),
        summary in markdownish(),
        meaning in markdownish(),
        name in "[A-Za-z0-9_!?. -]{0,12}",
        code in "[A-Za-z0-9_!?. -]{0,8}",
        value in "[A-Za-z0-9_!?. `-]{0,8}",
    ) {
        let (mut tree, problems) = acs_codegen::spec::load_tree(&corpus().join("spec"));
        prop_assert!(problems.is_empty());
        let op = &mut tree.products[0].operations.iter_mut()
            .find(|o| o.operation.name == "Underscore").unwrap().operation;
        op.summary = summary;
        op.description = Some(description.clone());
        let param = &mut op.parameters[0];
        param.name = Some(name);
        param.description = Some(description);
        param.required = true;
        param.example = Some(Scalar::Str(value.clone()));
        param.constraints.enumeration = vec![EnumValue { value, description: Some(meaning.clone()) }];
        op.errors.push(ErrorCase { status: 400, code, message: Some(meaning.clone()), description: Some(meaning) });
        let problems = acs_codegen::check::check_tree(&tree);
        prop_assume!(problems.is_empty());
        acs_codegen::prose::make_inert(&mut tree);
        let ir = acs_codegen::ir::lower_product(&tree.products[0], "acs-hostile".into(), "spec/hostile".into())
        .expect("a checked spec lowers");
        for file in acs_codegen::emit::emit_crate(&ir) {
            if file.path.extension().is_some_and(|e| e == "rs") {
                prop_assert!(syn::parse_file(&file.contents).is_ok(), "{}", file.path.display());
                for code in doc_tests(&file.contents) {
                    prop_assert!(is_generated_example(&code), "{}:\n{code}", file.path.display());
                }
            }
        }
    }
}
