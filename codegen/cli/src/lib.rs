//! The `acs` command: Alibaba Cloud API calls from the shell with the official CLI's syntax.
//!
//! Everything is built at run time from each product's command data (operations, parameters
//! with their shapes and rules, docs, waiters, paginators), a file the generator writes; the
//! `acs` binary is generated, embeds the files and only lists them:
//!
//! ```text
//! static VPC: Product = Product::new("vpc", "Virtual Private Cloud", "2016-04-28",
//!     include_str!("../data/vpc.json"));
//!
//! fn main() -> std::process::ExitCode {
//!     acs_cli::main(&[&VPC])
//! }
//! ```
//!
//! A product's data is parsed only when that product is used.
//!
//! `acs vpc CreateVpnGateway --RegionId cn-hangzhou --VpcId vpc-1 --Bandwidth 5` validates the
//! request against the spec, signs it with the credentials the official tools would find, sends
//! it and prints the response JSON. Exit status: 0 when the service answered with JSON, 1 when
//! the call failed (service, network or credentials error, a body that is not JSON, or a
//! `--wait` that failed or gave up), 2 for a usage or validation error (nothing sent), 3 when
//! the call succeeded but `--output` could not shape its answer (printed as JSON instead).

mod answer;
mod args;
mod body;
mod budget;
mod call;
mod check;
mod compat;
mod complete;
mod fields;
mod help;
mod inert;
mod json_value;
mod line;
mod options;
mod output;
mod pager;
mod poll;
mod preview;
mod product;
mod route;
mod setup;
mod suggest;
mod table;
mod value;
mod wait;
mod wire;

use std::ffi::OsString;
use std::io::Write;
use std::process::ExitCode;

use acs_cli_data::Method;
use acs_runtime::auth::Env;

pub use crate::product::Product;

use crate::line::CommandLine;
use crate::output::{EXIT_FAILED, EXIT_USAGE, Failure, Printed};

/// Runs `acs` over `products` with the process's arguments and environment, printing to
/// stdout and stderr; the exit status is [`run`]'s.
pub fn main(products: &[&'static Product]) -> ExitCode {
    let mut stdout = std::io::stdout().lock();
    let mut stderr = std::io::stderr().lock();
    let args: Result<Vec<String>, OsString> = std::env::args_os()
        .skip(1)
        .map(OsString::into_string)
        .collect();
    let args = match args {
        Ok(args) => args,
        Err(bad) => {
            let bad = bad.to_string_lossy();
            let _ = writeln!(stderr, "error: the argument {bad:?} is not valid UTF-8");
            return ExitCode::from(EXIT_USAGE as u8);
        }
    };
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => {
            let _ = writeln!(stderr, "error: cannot start the async runtime: {e}");
            return ExitCode::from(EXIT_FAILED as u8);
        }
    };
    let status = runtime.block_on(run(
        products,
        args,
        Env::process(),
        &mut stdout,
        &mut stderr,
    ));
    ExitCode::from(u8::try_from(status).unwrap_or(EXIT_FAILED as u8))
}

/// Runs `acs` with `args` (the arguments after the program name), reading environment
/// variables and the home directory (for `~/.aliyun/config.json`) from `env`; writes the
/// result to `out` and errors and notes to `err`.
///
/// Returns the exit status: 0 on success, 1 when the call failed (a service error with its
/// code, message and request id; a network or credentials error; a successful status whose
/// body is not JSON, with its content type and first bytes), 2 for a usage error (unknown
/// product, action or option, with the closest valid name; a missing or malformed value) or a
/// request that breaks the spec (every violation listed; nothing is sent), 3 when the call
/// succeeded but `--output` could not shape its answer (the answer is printed as JSON and
/// the reason written to `err`: a script must not send the call again). Secrets (the
/// AccessKeySecret, the STS token, the signature) are never written.
pub async fn run(
    products: &[&'static Product],
    args: Vec<String>,
    env: Env,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let mut notes = Vec::new();
    let result = execute(products, args, &env, &mut notes, err).await;
    let mut report: String = notes.iter().map(|n| format!("note: {n}\n")).collect();
    let (status, written) = match result {
        Ok(printed) => (0, printed.write_to(out)),
        Err(failure) => {
            report.push_str(&failure.render());
            let written = failure.printed().map_or(Ok(()), |p| p.write_to(out));
            (failure.exit_code(), written)
        }
    };
    // Reports quote the server; a terminal must show them, never obey them.
    let report = inert::lines(&report);
    let reported = err.write_all(report.as_bytes()).and_then(|()| err.flush());
    if written.is_err() || reported.is_err() {
        return status.max(EXIT_FAILED);
    }
    status
}

/// Dispatches the command line: help, completions, or an operation call; the text for stdout.
async fn execute(
    products: &[&'static Product],
    args: Vec<String>,
    env: &Env,
    notes: &mut Vec<String>,
    progress: &mut dyn Write,
) -> Result<Printed, Failure> {
    if let Some(rest) = args.strip_prefix(&[complete::COMPLETE_COMMAND.to_owned()]) {
        return Ok(Printed::Text(complete::answer(products, rest)));
    }
    let line = CommandLine::parse(args).map_err(Failure::Usage)?;
    let mut words = line.words.iter().map(String::as_str);
    let help_or_usage = |text: String| {
        if line.help {
            Ok(Printed::Text(text.into_bytes()))
        } else {
            Err(Failure::Help(text))
        }
    };
    let compat = &line.options.compat;
    let asks_version = |first: Option<&str>| match first {
        None => compat.show_version,
        Some(word) => word == "version" && !products.iter().any(|p| p.command == word),
    };
    if !line.help && asks_version(line.words.first().map(String::as_str)) {
        if let Some(extra) = line.words.get(1) {
            return Err(unexpected(extra));
        }
        return Ok(Printed::Text(
            format!("acs {}\n", compat::VERSION).into_bytes(),
        ));
    }
    if compat.show_version {
        return Err(Failure::Usage(
            "--version needs an API version after a product and operation: --version <API version> --force"
                .to_owned(),
        ));
    }
    let Some(first) = words.next() else {
        return help_or_usage(help::top(products));
    };
    if first == "completion" && !products.iter().any(|p| p.command == first) {
        return match (words.next(), words.next()) {
            (_, Some(extra)) => Err(unexpected(extra)),
            (Some(shell), None) if !line.help => complete::script(products, shell)
                .map(Printed::Text)
                .map_err(Failure::Usage),
            _ => help_or_usage(help::completion()),
        };
    }
    let product = *products
        .iter()
        .find(|p| p.command.eq_ignore_ascii_case(first))
        .ok_or_else(|| {
            let hint = suggest::hint(first, "", products.iter().map(|p| p.command));
            Failure::Usage(format!(
                "unknown product {first:?}{hint}; `acs --help` lists the products"
            ))
        })?;
    let product = product.load().map_err(Failure::Failed)?;
    let Some(action) = words.next() else {
        return help_or_usage(help::product(product));
    };
    let operations = &product.data.operations;
    // The route form, `acs cs GET /clusters/c-1`: the path's values become parameters.
    let mut params = line.params.clone();
    let routed = match Method::from_name(action) {
        Some(method) => {
            let path = words.next().ok_or_else(|| {
                Failure::Usage(format!(
                    "{action} needs the path after it: `acs {} {action} /path`",
                    product.command
                ))
            })?;
            let (data, values) = route::resolve(product.data.protocol, operations, method, path)
                .map_err(Failure::Usage)?;
            for (name, value) in values {
                if params.iter().any(|p| p.name == name) {
                    return Err(Failure::Usage(format!(
                        "{name} is given by the path and by --{name}: give it once"
                    )));
                }
                params.push(line::Param {
                    name,
                    value: Some(value),
                });
            }
            Some(data.name.as_str())
        }
        None => None,
    };
    let action = routed.unwrap_or(action);
    let op = product.operation(action).ok_or_else(|| {
        let hint = suggest::hint(action, "", operations.iter().map(|o| o.name.as_str()));
        Failure::Usage(format!(
            "unknown operation {action:?} of {}{hint}; `acs {} --help` lists its operations",
            product.command, product.command
        ))
    })?;
    if let Some(extra) = words.next() {
        return Err(unexpected(extra));
    }
    if line.help {
        return Ok(Printed::Text(help::operation(product, op).into_bytes()));
    }
    let call = call::call(product, op, &params, &line.options, env, notes, progress);
    let headers = &line.options.compat.headers;
    if headers.is_empty() {
        call.await
    } else {
        acs_runtime::auth::with_extra_headers(headers.clone(), call).await
    }
}

fn unexpected(word: &str) -> Failure {
    Failure::Usage(format!(
        "unexpected argument {word:?}: parameters are written --Name value"
    ))
}
