//! Arbitrary answers of a successful call through `acs`, plain and shaped by `--output` and
//! `--pager`: the command never panics, prints nothing on stdout when it fails, prints one JSON
//! document when it succeeds without shaping, and keeps the answer (as JSON) when only the
//! shaping failed.
#![no_main]

use std::sync::{LazyLock, Mutex};

use acs_cli::Product;
use acs_runtime::auth::Env;
use acs_tests::{Reply, TestServer};
use libfuzzer_sys::fuzz_target;

static VPC: Product = Product::new(
    "vpc",
    "Virtual Private Cloud",
    "2016-04-28",
    include_str!("../../../../generated/acs/data/vpc.json"),
);

/// The body the server answers with next.
static BODY: Mutex<Vec<u8>> = Mutex::new(Vec::new());

/// A runtime and a loopback server that answers every verified request with [`BODY`].
static SERVER: LazyLock<(tokio::runtime::Runtime, TestServer)> = LazyLock::new(|| {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .expect("a runtime");
    let server = runtime.block_on(TestServer::start(&[("fuzzid", "fuzzsecret")], |_| {
        let body = BODY.lock().expect("unpoisoned").clone();
        Reply::Respond {
            status: 200,
            headers: vec![("content-type".to_owned(), "application/json".to_owned())],
            body,
        }
    }));
    (runtime, server)
});

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let mut pieces = rest.split(|b| *b == 0xFF);
    let body = pieces.next().unwrap_or_default().to_vec();
    let mut text = || String::from_utf8_lossy(pieces.next().unwrap_or_default()).into_owned();
    let (runtime, server) = &*SERVER;
    *BODY.lock().expect("unpoisoned") = body;
    let mut args: Vec<String> = ["vpc", "DescribeVpcs", "--RegionId", "cn-hangzhou"]
        .map(str::to_owned)
        .to_vec();
    let shaped = match mode % 3 {
        0 => false,
        1 => {
            args.extend(["--output".to_owned(), format!("cols={}", text())]);
            args.push(format!("rows={}", text()));
            true
        }
        _ => {
            args.push("--pager".to_owned());
            false
        }
    };
    args.extend(["--endpoint".to_owned(), server.endpoint()]);
    let env = Env::from_vars([
        ("ALIBABA_CLOUD_ACCESS_KEY_ID", "fuzzid"),
        ("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "fuzzsecret"),
    ]);
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let status = runtime.block_on(acs_cli::run(&[&VPC], args, env, &mut out, &mut err));
    let json = || serde_json::from_slice::<serde_json::Value>(&out).is_ok();
    match status {
        0 => assert!(shaped || json(), "a success prints one JSON document"),
        1 | 2 => assert!(out.is_empty(), "a failure prints nothing on stdout"),
        3 => assert!(json(), "an answer that could not be shaped is kept as JSON"),
        other => panic!("unexpected exit status {other}"),
    }
});
