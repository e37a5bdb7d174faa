//! The crate's getting-started: a doc-test, written by the generator from the crate's own
//! operations, showing a call, an error match, a waiter, a paginator and a fake.
//!
//! The operations are the product's `guide` when the spec names them: the first is the call,
//! the first with a waiter and the first with a paginator show those. Any the guide leaves
//! open is picked from all the operations.

use crate::ir::{CrateIr, OperationIr};

/// The operations of the guide, in its order.
fn guide(ir: &CrateIr) -> impl Iterator<Item = &OperationIr> {
    ir.product
        .guide
        .iter()
        .filter_map(|action| ir.operations.iter().find(|op| &op.action == action))
}

/// The first operation of the guide for which `pick` holds, else the first of all.
fn pick(ir: &CrateIr, pick: impl Fn(&OperationIr) -> bool) -> Option<&OperationIr> {
    guide(ir)
        .find(|op| pick(op))
        .or_else(|| ir.operations.iter().find(|op| pick(op)))
}

/// The lines of the getting-started section, each with a leading space.
pub fn getting_started(ir: &CrateIr) -> Vec<String> {
    let Some(main) = guide(ir)
        .next()
        .or_else(|| {
            ir.operations
                .iter()
                .find(|op| op.example.complete && op.asynchronous.is_some())
        })
        .or_else(|| ir.operations.iter().find(|op| op.example.complete))
        .or_else(|| ir.operations.first())
    else {
        return Vec::new();
    };
    let krate = &ir.crate_ident;
    let api = &ir.api_trait;
    let mut code = format!(
        "use {krate}::{{Client, Config, Error, {api}}};\nuse {krate}::operation::{m}::{{{req}, {err}}};\n\n",
        m = main.module,
        req = main.request.name,
        err = main.error,
    );
    code.push_str(&format!(
        "// A call: the fluent form checks every parameter before anything is sent.\nasync fn call(client: &Client) -> Result<(), Error<{err}>> {{\n    let response = client\n        .{m}(){calls}\n        .send()\n        .await?;\n    println!(\"{{response:?}}\");\n    Ok(())\n}}\n\n",
        err = main.error,
        m = main.module,
        calls = setter_calls(main, "        "),
    ));
    code.push_str(&format!(
        "// Errors: a variant per documented code; `code()` for any other.\nasync fn errors(client: &Client, request: {req}) {{\n    match client.send(request).await {{\n        Ok(response) => println!(\"{{response:?}}\"),\n        Err(Error::Service(e)) => eprintln!(\"{{}}: {{e}}\", e.service_error().code()),\n        Err(e) => eprintln!(\"{{e}}\"),\n    }}\n}}\n\n",
        req = main.request.name,
    ));
    if let Some((op, waiter)) = pick(ir, |op| !op.waiters.is_empty()).map(|op| (op, &op.waiters[0]))
    {
        code.push_str(&format!(
            "// A waiter: polls until the resource reaches the state.\nasync fn wait(client: &Client) -> Result<(), Box<dyn std::error::Error>> {{\n    let request = {krate}::operation::{m}::{req}::builder(){calls}\n        .build()?;\n    let done = client.{w}(request, None).await?;\n    println!(\"{{done:?}}\");\n    Ok(())\n}}\n\n",
            m = op.module,
            req = op.request.name,
            calls = setter_calls(op, "        "),
            w = waiter.method,
        ));
    }
    if let Some(op) = pick(ir, |op| op.pagination.is_some()) {
        code.push_str(&format!(
            "// A paginator: every item of every page, fetched as they are read.\nasync fn list(client: &Client) -> Result<(), Box<dyn std::error::Error>> {{\n    let request = {krate}::operation::{m}::{req}::builder(){calls}\n        .build()?;\n    let mut items = client.{m}_items(request);\n    while let Some(item) = items.next().await {{\n        println!(\"{{:?}}\", item?);\n    }}\n    Ok(())\n}}\n\n",
            m = op.module,
            req = op.request.name,
            calls = setter_calls(op, "        "),
        ));
    }
    code.push_str(&format!(
        "// A fake for tests: implement only the operations the code under test calls.\nstruct Fake;\nimpl {api} for Fake {{}}\n\nlet client = Client::new(Config::builder().region(\"cn-hangzhou\").build())?;\nlet _ = (call(&client), errors(&client, {req}::default()));\nlet runtime = tokio::runtime::Builder::new_current_thread().build()?;\nlet answer = runtime.block_on({api}::{m}(&Fake, {req}::default()));\nassert!(matches!(answer, Err(Error::NotImplemented {{ .. }})));\n# Ok::<(), Box<dyn std::error::Error>>(())",
        req = main.request.name,
        m = main.module,
    ));
    let mut lines = vec![
        String::new(),
        " # Getting started".to_owned(),
        String::new(),
        format!(
            " Credentials come from the environment, the `aliyun` CLI's profile or explicit [`Config`] settings; each setting (region, endpoint override, credentials, retries, timeouts) has an example on [`ConfigBuilder`](::acs_runtime::client::ConfigBuilder). Each operation is a module of [`operation`]; nested values are in [`types`]; [`Client`] calls them and [`{api}`] is the trait for fakes."
        ),
        String::new(),
        " ```".to_owned(),
    ];
    lines.extend(code.lines().map(|l| format!(" {l}")));
    lines.push(" ```".to_owned());
    lines
}

/// `.setter(literal)` calls of the example of `op`, one per line after `indent`.
fn setter_calls(op: &OperationIr, indent: &str) -> String {
    op.example
        .calls
        .iter()
        .map(|(setter, literal)| format!("\n{indent}.{setter}({literal})"))
        .collect()
}
