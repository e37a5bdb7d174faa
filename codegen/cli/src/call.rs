//! One operation call: arguments to request, validation, then the preview or the signed call
//! (and with `--wait`, the wait for its work).

use acs_runtime::auth::Env;
use acs_runtime::cli::{OperationDoc, PrepareError, ProductDoc, Validation};
use acs_runtime::client::{Config, RetryPolicy, RpcClient};
use serde_json::Value;

use crate::line::Param;
use crate::options::Options;
use crate::output::{self, Failure};
use crate::{args, preview, setup, wait};

/// Calls `op` of `product` with `params`; the text for stdout.
///
/// Nothing is sent when the arguments are wrong, the request breaks the spec (unless
/// `--no-validate`), or `--validate-only` asks for the preview alone.
pub(crate) async fn call(
    product: &'static ProductDoc,
    op: &'static OperationDoc,
    params: &[Param],
    options: &Options,
    env: &Env,
    notes: &mut Vec<String>,
) -> Result<Vec<u8>, Failure> {
    let plan = if options.wait && !options.validate_only {
        Some(wait::plan(op, env)?)
    } else {
        None
    };
    let mut request = args::request(product.command, op, params).map_err(Failure::Usage)?;
    let region = setup::region(options, env)?;
    args::fill_region(op, &mut request, region.as_deref());
    let validation = if options.no_validate {
        Validation::Off
    } else {
        Validation::On
    };
    let params = (op.prepare)(Value::Object(request.clone()), validation).map_err(|e| match e {
        PrepareError::Invalid(violations) => Failure::Invalid(violations),
        PrepareError::Parse(why) => Failure::Usage(format!(
            "{} {}: {}",
            product.command,
            op.name,
            wire_path(op, &why)
        )),
    })?;
    let endpoint = setup::endpoint(product.product, region.as_deref(), options)?;
    let credentials = setup::credentials(options, env).await?;
    if options.validate_only {
        if let Some(token) = op
            .info
            .idempotency_token
            .filter(|t| !params.contains_key(t))
        {
            notes.push(format!(
                "{token} is filled with a fresh UUID when the request is sent"
            ));
        }
        let text = preview::render(
            product.product,
            op,
            &endpoint,
            &params,
            &credentials,
            options.signature_version,
        );
        return Ok(text.into_bytes());
    }
    let mut config = Config::builder()
        .env(env.clone())
        .credentials(credentials)
        .endpoint(endpoint.url())
        .signature_version(options.signature_version);
    if let Some(retries) = options.retries {
        config = config.retry_policy(RetryPolicy::standard().with_max_attempts(retries + 1));
    }
    let config = config.build();
    let client = RpcClient::new(product.product, config).map_err(Failure::Call)?;
    let body = client.send(op.info, params).await.map_err(Failure::Call)?;
    match plan {
        Some(plan) => wait::wait(plan, product, op, &request, &body, validation, &client).await,
        None => Ok(output::response(&body)),
    }
}

/// Rewrites a leading "`field...`" (the Rust field path of a deserialization error) into the
/// option the user typed, "`--Name...`".
fn wire_path(op: &OperationDoc, why: &str) -> String {
    let Some(rest) = why.strip_prefix('`') else {
        return why.to_owned();
    };
    let end = rest.find(['.', '[', '`']).unwrap_or(rest.len());
    match op.parameters.iter().find(|p| p.field == &rest[..end]) {
        Some(param) => format!("`--{}{}", param.name, &rest[end..]),
        None => why.to_owned(),
    }
}
