//! Help texts: the products, a product's operations, an operation's parameters in flat syntax.

use std::fmt::Write as _;

use acs_cli_data::{Field, Protocol, Shape, Style};
use acs_rules::{Markup, Rule};

use crate::options::GLOBAL_OPTIONS;
use crate::product::{Loaded, Operation, Product};

/// `acs --help`: usage, products, parameter syntax, global options, credentials, exit status.
pub(crate) fn top(products: &[&Product]) -> String {
    let mut text = String::from(
        "acs: call Alibaba Cloud APIs from the shell, with the syntax of the official aliyun CLI.\n\n\
         Usage: acs <product> <Action> [--<Parameter> <value>]... [options]\n       \
         acs <product> <GET|POST|PUT|DELETE|PATCH> <path> [--<Parameter> <value>]... [options]\n       \
         acs <product> [<Action>] --help\n       \
         acs completion <bash|zsh|fish|powershell|elvish>\n\nProducts:\n",
    );
    let width = products.iter().map(|p| p.command.len()).max().unwrap_or(0);
    for product in products {
        let _ = writeln!(
            text,
            "  {:width$}  {} ({})",
            product.command, product.title, product.version
        );
    }
    text.push_str(
        "\nParameters keep their API names and the official CLI's flat syntax: --VpcId vpc-1 or\n\
         --VpcId=vpc-1; list items numbered from 1 (--Tag.1.Key env --Tag.1.Value prod); nested\n\
         fields joined with dots (--TunnelOptionsSpecification.1.TunnelIkeConfig.Psk secret);\n\
         json-style parameters as one JSON string; delimited lists as one joined string.\n\
         REST operations take path, query, header and body parameters the same way, or their\n\
         route (acs cs GET /clusters/c-1); a parameter named like an option below is written\n\
         --param:<Name> (--param:region cn-hangzhou).\n\
         \nOptions (anywhere after acs):\n",
    );
    let rows: Vec<(String, &str)> = GLOBAL_OPTIONS
        .iter()
        .map(|o| {
            let value = o.value.map(|v| format!(" {v}")).unwrap_or_default();
            (format!("--{}{value}", o.name), o.help)
        })
        .chain([(
            "-h, --help".to_owned(),
            "Help for acs, a product or an operation",
        )])
        .collect();
    let width = rows.iter().map(|(o, _)| o.len()).max().unwrap_or(0);
    for (option, help) in &rows {
        let _ = writeln!(text, "  {option:width$}  {help}");
    }
    text.push_str(
        "\nCredentials: with --profile, that profile of ~/.aliyun/config.json; otherwise\n\
         ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET (and ALIBABA_CLOUD_SECURITY_TOKEN),\n\
         else the OIDC role of ALIBABA_CLOUD_ROLE_ARN, ALIBABA_CLOUD_OIDC_PROVIDER_ARN and\n\
         ALIBABA_CLOUD_OIDC_TOKEN_FILE, else the profile named by ALIBABA_CLOUD_PROFILE or the file's\n\
         current one (modes AK, StsToken, RamRoleArn, ChainableRamRoleArn, EcsRamRole, OIDC), else the\n\
         section ALIBABA_CLOUD_PROFILE (or default) of ~/.alibabacloud/credentials (ALIBABA_CLOUD_CREDENTIALS_FILE),\n\
         else the ECS instance's RAM role, else ALIBABA_CLOUD_CREDENTIALS_URI. --access-key-id and\n\
         --access-key-secret (and --sts-token) on the command line come before all of them.\n\
         \nExit status: 0 success, the service's JSON on stdout; 1 the call or the wait failed (service, network or\n\
         credentials error, or an answer that is not JSON: its status, content type and first bytes on stderr);\n\
         2 usage or validation error, nothing sent; 3 the call succeeded but --output could not shape its answer,\n\
         which is printed as JSON instead.\n",
    );
    text
}

/// `acs <product> --help`: the operations with their summaries.
pub(crate) fn product(product: &Loaded) -> String {
    let command = product.command;
    let data = product.data;
    let mut text = format!(
        "acs {command}: {} (API version {})\n\n\
         Usage: acs {command} <Action> [--<Parameter> <value>]... [options]\n\nOperations:\n",
        data.title, data.version
    );
    let width = data
        .operations
        .iter()
        .map(|o| o.name.len())
        .max()
        .unwrap_or(0);
    for op in &data.operations {
        let row = format!("  {:width$}  {}", op.name, first_line(&op.summary));
        let _ = writeln!(text, "{}", row.trim_end());
    }
    let _ = writeln!(
        text,
        "\n`acs {command} <Action> --help` shows an operation's parameters."
    );
    text
}

/// `acs <product> <Action> --help`: description, usage and every parameter with its flat
/// syntax, type, whether required, default, valid values and constraints.
pub(crate) fn operation(product: &Loaded, op: Operation) -> String {
    let command = product.command;
    let op = op.data;
    let mut text = format!("acs {command} {}: {}\n", op.name, first_line(&op.summary));
    let description = op.description.trim();
    if !description.is_empty() && description != op.summary.trim() {
        text.push('\n');
        indent(&mut text, description, "");
    }
    if product.data.protocol == Protocol::Roa {
        let _ = writeln!(
            text,
            "\nSent as `{} {}`; the route form `acs {command} {} <path>` calls it too.",
            op.method, op.path, op.method
        );
    }
    let _ = write!(text, "\nUsage: acs {command} {}", op.name);
    for param in op.parameters.iter().filter(|p| p.required()) {
        if let Some((name, shape, style)) = flat_names(product, param).first() {
            let _ = write!(text, " --{name} <{}>", type_name(product, shape, *style));
        }
    }
    text.push_str(" [--<Parameter> <value>]... [options]\n");
    if !op.parameters.is_empty() {
        text.push_str("\nParameters:\n");
    }
    for param in &op.parameters {
        parameter(&mut text, product, param);
    }
    if op.parameters.is_empty() {
        text.push('\n');
    }
    if let Some(wait) = &op.wait {
        let _ = writeln!(
            text,
            "--wait polls {} until {} (every {} ms, at most {} ms).",
            wait.poll, wait.waiter, wait.interval_ms, wait.max_wait_ms
        );
    }
    if let Some(pager) = &op.pager {
        let _ = writeln!(
            text,
            "--pager pages by {} (items at {}).",
            pager.input,
            pager.items.join(".")
        );
    }
    let globals: Vec<String> = GLOBAL_OPTIONS
        .iter()
        .map(|o| format!("--{}", o.name))
        .collect();
    let _ = writeln!(
        text,
        "Global options: {} (see `acs --help`).",
        globals.join(", ")
    );
    text
}

/// `acs completion --help`.
pub(crate) fn completion() -> String {
    "Usage: acs completion <bash|zsh|fish|powershell|elvish>\n\n\
     Prints a completion script for the shell, e.g. `acs completion bash > ~/.local/share/bash-completion/completions/acs`,\n\
     `acs completion zsh > ~/.zfunc/_acs` (a directory in $fpath) or `acs completion fish > ~/.config/fish/completions/acs.fish`.\n\
     The bash, zsh and fish scripts ask `acs` for the candidates at each TAB, so `acs` must be on PATH.\n"
        .to_owned()
}

fn parameter(text: &mut String, product: &Loaded, param: &Field) {
    let mut attributes = String::new();
    if param.required() {
        attributes.push_str("  (required)");
    }
    if let Some(default) = &param.default {
        let _ = write!(attributes, "  [default: {default}]");
    }
    for (i, (name, shape, style, field)) in flat_fields(product, param).iter().enumerate() {
        let attributes = if i == 0 { attributes.as_str() } else { "" };
        let _ = writeln!(
            text,
            "  --{name} <{}>{attributes}",
            type_name(product, shape, *style)
        );
        // A nested field's own docs under its name; the parameter's below them all.
        if let Some(field) = field {
            indent(text, field.description.trim(), "          ");
            for fact in facts(field) {
                indent(text, &fact, "          - ");
            }
        }
    }
    indent(text, param.description.trim(), "      ");
    for fact in facts(param) {
        indent(text, &fact, "      - ");
    }
    text.push('\n');
}

/// The rules of a field in the vocabulary's words, then its notes.
fn facts(field: &Field) -> impl Iterator<Item = String> + '_ {
    let rules = field.rules.iter().filter(|r| **r != Rule::Required);
    rules
        .map(|r| r.sentence(Markup::Plain))
        .chain(field.notes.iter().cloned())
}

/// Every flat name under parameter `param`, with the shape of its value and how it is
/// written: list items as `.N`, struct fields as `.Field`, map entries as `.<key>`.
pub(crate) fn flat_names<'a>(
    product: &'a Loaded,
    param: &'a Field,
) -> Vec<(String, &'a Shape, Style)> {
    flat_fields(product, param)
        .into_iter()
        .map(|(name, shape, style, _)| (name, shape, style))
        .collect()
}

/// A flat name, its value's shape and style, and the nested field it ends in (`None` for the
/// parameter itself and the items of its lists).
type FlatField<'a> = (String, &'a Shape, Style, Option<&'a Field>);

/// Like [`flat_names`], with the nested field each name ends in, for its docs and rules.
fn flat_fields<'a>(product: &'a Loaded, param: &'a Field) -> Vec<FlatField<'a>> {
    let mut names = Vec::new();
    collect(
        product,
        param.name.clone(),
        (&param.shape, param.style, None),
        &mut names,
    );
    names
}

fn collect<'a>(
    product: &'a Loaded,
    name: String,
    (shape, style, field): (&'a Shape, Style, Option<&'a Field>),
    names: &mut Vec<FlatField<'a>>,
) {
    if style == Style::Json || product.is_json(shape) {
        names.push((name, shape, style, field));
        return;
    }
    match shape {
        Shape::List { item, .. } if style.separator().is_none() => {
            collect(
                product,
                format!("{name}.N"),
                (item, Style::Flat, field),
                names,
            );
        }
        Shape::Struct(index) => {
            for nested in &product.structure(*index).fields {
                collect(
                    product,
                    format!("{name}.{}", nested.name),
                    (&nested.shape, Style::Flat, Some(nested)),
                    names,
                );
            }
        }
        Shape::Map(value) => collect(
            product,
            format!("{name}.<key>"),
            (value, Style::Flat, field),
            names,
        ),
        leaf => names.push((name, leaf, style, field)),
    }
}

/// The placeholder of a value written as `style`: its type, or its valid values for an enum.
pub(crate) fn type_name(product: &Loaded, shape: &Shape, style: Style) -> String {
    if style == Style::Json || product.is_json(shape) {
        return "json".to_owned();
    }
    match shape {
        Shape::String => "string".to_owned(),
        Shape::Int32 | Shape::Int64 => "integer".to_owned(),
        Shape::Float32 | Shape::Float64 => "number".to_owned(),
        Shape::Boolean => "true|false".to_owned(),
        Shape::Enum(values) => values.join("|"),
        Shape::List { item, .. } => match style.separator() {
            Some(separator) => {
                let item = type_name(product, item, Style::Flat);
                format!("{item}{separator}{item}{separator}...")
            }
            None => "value".to_owned(),
        },
        Shape::Json | Shape::Struct(_) | Shape::Map(_) => "value".to_owned(),
        Shape::Binary => "bytes".to_owned(),
    }
}

fn first_line(text: &str) -> &str {
    text.trim().lines().next().unwrap_or_default()
}

/// Appends `block` with each non-empty line prefixed by `prefix`.
fn indent(text: &mut String, block: &str, prefix: &str) {
    if block.is_empty() {
        return;
    }
    for line in block.lines() {
        let line = line.trim_end();
        if !line.is_empty() {
            text.push_str(prefix);
            text.push_str(line);
        }
        text.push('\n');
    }
}
