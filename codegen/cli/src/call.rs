//! One operation call: arguments to request, validation, then the preview or the signed call
//! (and with `--wait`, the wait for its work).

use acs_runtime::auth::Env;
use acs_runtime::client::{Config, RetryPolicy, RpcClient};

use crate::answer::Answer;
use crate::line::Param;
use crate::options::Options;
use crate::output::{Failure, Printed};
use crate::product::{Loaded, Operation};
use crate::value::Arg;
use crate::{args, body, check, preview, setup, wait, wire};

/// Calls `op` of `product` with `params`; the text for stdout.
///
/// Nothing is sent when the arguments are wrong, the request breaks the spec (unless
/// `--no-validate`), or `--validate-only` asks for the preview alone.
pub(crate) async fn call(
    product: &'static Loaded,
    op: Operation,
    params: &[Param],
    options: &Options,
    env: &Env,
    notes: &mut Vec<String>,
    progress: &mut dyn std::io::Write,
) -> Result<Printed, Failure> {
    exclusive(options)?;
    let compat = &options.compat;
    let line_credentials = compat.credentials().map_err(Failure::Usage)?;
    let info = compat
        .product_info(product.info, product.command)
        .map_err(Failure::Usage)?;
    let pages = match &options.pager {
        Some(pager) => Some(
            pager
                .resolve(&op.data.name, op.data.pager.as_ref())
                .map_err(Failure::Usage)?,
        ),
        None => None,
    };
    let plan = if options.wait && !options.validate_only {
        Some(wait::plan(op, env)?)
    } else {
        None
    };
    let mut values = args::request(product, op, params).map_err(Failure::Usage)?;
    if let Some(source) = &options.body {
        body::apply(product, op, &mut values, source).map_err(Failure::Usage)?;
    }
    let region = setup::region(options, args::region_id(op, &values).as_deref(), env)?;
    args::fill_region(op, &mut values, region.as_deref());
    let parameters = &op.data.parameters;
    if !options.no_validate {
        check::check(product, parameters, &values).map_err(Failure::Invalid)?;
    }
    let wire = wire::params(parameters, &values, op.data.body);
    let endpoint = setup::endpoint(info, region.as_deref(), options)?;
    if options.validate_only {
        let credentials = match line_credentials {
            Some(credentials) => credentials,
            None => setup::preview_credentials(options, env, notes).await,
        };
        let token = op.info.idempotency_token;
        if let Some(token) =
            token.filter(|t| wire.value_at(t.location, t.name).is_none_or(str::is_empty))
        {
            notes.push(format!(
                "{} is filled with a fresh UUID when the request is sent",
                token.name
            ));
        }
        let text = preview::render(
            info,
            op,
            &endpoint,
            &wire,
            &credentials,
            options.signature_version,
        )
        .map_err(Failure::Usage)?;
        return Ok(Printed::Text(text.into_bytes()));
    }
    let credentials = match line_credentials {
        Some(credentials) => credentials,
        None => setup::credentials(options, env).await?,
    };
    let mut config = Config::builder()
        .env(env.clone())
        .credentials(credentials)
        .endpoint(endpoint.url())
        .signature_version(options.signature_version);
    if let Some(path) = &options.ca_file {
        config = config.ca_certificate_file(path);
    }
    if let Some(proxy) = &options.proxy {
        config = config.proxy(proxy);
    }
    if let Some(retries) = options.retries {
        config = config.retry_policy(RetryPolicy::standard().with_max_attempts(retries + 1));
    }
    if let Some(timeout) = compat.read_timeout {
        let deadline = timeout.max(Config::DEFAULT_DEADLINE);
        config = config.attempt_timeout(timeout).deadline(Some(deadline));
    }
    if let Some(timeout) = compat.connect_timeout {
        config = config.connect_timeout(timeout);
    }
    let client = RpcClient::new(info, config.build()).map_err(Failure::Call)?;
    let printed = if let Some(pages) = pages {
        let names: Vec<&str> = parameters.iter().map(|p| p.name.as_str()).collect();
        let send = |values: Vec<Option<Arg>>| {
            let client = &client;
            async move { fetch(client, op, &values).await }
        };
        let merged = pages.collect(&names, values, send).await?;
        Printed::Json(Answer::made(merged))
    } else if let Some(poll) = &options.waiter {
        Printed::Json(poll.run(|| fetch(&client, op, &values), progress).await?)
    } else {
        let answer = client
            .send_answer(op.info, wire)
            .await
            .map_err(Failure::Call)?;
        let status = answer.status;
        let printed = Printed::answer(
            op.info.binding.answer,
            answer.body.to_vec(),
            status,
            answer.content_type.as_deref(),
        )?;
        match (plan, printed) {
            (Some(plan), Printed::Json(answer)) => {
                let call = wait::Call {
                    product,
                    op,
                    values: &values,
                    answer,
                    validate: !options.no_validate,
                };
                wait::wait(plan, call, &client, progress).await?
            }
            (_, printed) => printed,
        }
    };
    shaped(printed, options, progress)
}

/// One call of `op` with `values`: its JSON answer.
async fn fetch(
    client: &RpcClient,
    op: Operation,
    values: &[Option<Arg>],
) -> Result<Answer, Failure> {
    let params = wire::params(&op.data.parameters, values, op.data.body);
    let answer = client
        .send_answer(op.info, params)
        .await
        .map_err(Failure::Call)?;
    Answer::parse(
        answer.body.to_vec(),
        answer.status,
        answer.content_type.as_deref(),
    )
}

/// The output as `--output` and `--quiet` shape it; a column that matches nothing is a
/// warning on `progress`.
fn shaped(
    printed: Printed,
    options: &Options,
    progress: &mut dyn std::io::Write,
) -> Result<Printed, Failure> {
    if options.quiet {
        return Ok(Printed::Text(Vec::new()));
    }
    match (&options.output, printed) {
        (Some(table), Printed::Json(answer)) => match table.render(&answer.json) {
            Ok((text, warnings)) => {
                for warning in warnings {
                    let _ = writeln!(progress, "warning: {warning}");
                }
                Ok(Printed::Text(text.into_bytes()))
            }
            Err(why) => Err(Failure::Unshaped(answer, why)),
        },
        (Some(_), Printed::Text(text)) => {
            let _ = writeln!(
                progress,
                "warning: --output shapes JSON answers; this answer is not JSON and is printed as it came"
            );
            Ok(Printed::Text(text))
        }
        (None, printed) => Ok(printed),
    }
}

/// Refuses options that exclude each other.
fn exclusive(options: &Options) -> Result<(), Failure> {
    let given: Vec<&str> = [
        ("--wait", options.wait),
        ("--waiter", options.waiter.is_some()),
        ("--pager", options.pager.is_some()),
    ]
    .into_iter()
    .filter_map(|(name, on)| on.then_some(name))
    .collect();
    match given.as_slice() {
        [first, second, ..] => Err(Failure::Usage(format!(
            "{first} and {second} exclude each other"
        ))),
        _ => Ok(()),
    }
}
