//! One operation call: arguments to request, validation, then the preview or the signed call
//! (and with `--wait`, the wait for its work).

use acs_runtime::auth::Env;
use acs_runtime::client::{Config, RetryPolicy, RpcClient};

use crate::line::Param;
use crate::options::Options;
use crate::output::{Failure, Printed};
use crate::product::{Loaded, Operation};
use crate::{args, check, preview, setup, wait, wire};

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
    let plan = if options.wait && !options.validate_only {
        Some(wait::plan(op, env)?)
    } else {
        None
    };
    let mut values = args::request(product, op, params).map_err(Failure::Usage)?;
    let region = setup::region(options, args::region_id(op, &values).as_deref(), env)?;
    args::fill_region(op, &mut values, region.as_deref());
    let parameters = &op.data.parameters;
    if !options.no_validate {
        check::check(product, parameters, &values).map_err(Failure::Invalid)?;
    }
    let wire = wire::params(parameters, &values);
    let endpoint = setup::endpoint(product.info, region.as_deref(), options)?;
    if options.validate_only {
        let credentials = setup::preview_credentials(options, env, notes).await;
        if let Some(token) = op.info.idempotency_token.filter(|t| !wire.contains_key(t)) {
            notes.push(format!(
                "{token} is filled with a fresh UUID when the request is sent"
            ));
        }
        let text = preview::render(
            product.info,
            op,
            &endpoint,
            &wire,
            &credentials,
            options.signature_version,
        );
        return Ok(Printed::Text(text.into_bytes()));
    }
    let credentials = setup::credentials(options, env).await?;
    let mut config = Config::builder()
        .env(env.clone())
        .credentials(credentials)
        .endpoint(endpoint.url())
        .signature_version(options.signature_version);
    if let Some(retries) = options.retries {
        config = config.retry_policy(RetryPolicy::standard().with_max_attempts(retries + 1));
    }
    let client = RpcClient::new(product.info, config.build()).map_err(Failure::Call)?;
    let answer = client
        .send_answer(op.info, wire)
        .await
        .map_err(Failure::Call)?;
    let printed = Printed::json(
        answer.body.to_vec(),
        answer.status,
        answer.content_type.as_deref(),
    )?;
    match (plan, printed) {
        (Some(plan), Printed::Json(body)) => {
            let call = wait::Call {
                product,
                op,
                values: &values,
                body: &body,
                validate: !options.no_validate,
            };
            wait::wait(plan, call, &client, progress).await
        }
        (_, printed) => Ok(printed),
    }
}
