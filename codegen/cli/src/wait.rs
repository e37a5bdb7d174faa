//! `--wait`: after an asynchronous call, poll the operation its waiter names until the work ends.

use std::time::Duration;

use acs_runtime::auth::Env;
use acs_runtime::cli::{OperationDoc, ProductDoc, Validation, WaitDoc};
use acs_runtime::client::RpcClient;
use acs_runtime::waiter::{self, Acceptors, WaitError, WaiterConfig};
use serde_json::{Map, Value};

use crate::output::{self, Failure};

/// The variable that overrides the waiter's delay between polls, in milliseconds.
pub(crate) const INTERVAL_VAR: &str = "ACS_WAIT_INTERVAL_MS";

/// What `--wait` needs before the call: the waiter of `op` and how often to poll.
pub(crate) struct Plan {
    wait: &'static WaitDoc,
    config: WaiterConfig,
}

/// The plan of `--wait` on `op`: a usage error when `op` has no waiter or
/// `ACS_WAIT_INTERVAL_MS` is not a positive number of milliseconds.
pub(crate) fn plan(op: &'static OperationDoc, env: &Env) -> Result<Plan, Failure> {
    let wait = op
        .wait
        .as_ref()
        .ok_or_else(|| Failure::Usage(format!("{} has no waiter", op.name)))?;
    let interval = match env.var(INTERVAL_VAR) {
        None => wait.interval_ms,
        Some(raw) => raw
            .trim()
            .parse()
            .ok()
            .filter(|&ms| ms > 0)
            .ok_or_else(|| {
                Failure::Usage(format!(
                    "{INTERVAL_VAR} must be a positive number of milliseconds, got {raw:?}"
                ))
            })?,
    };
    let config = WaiterConfig::new(
        Duration::from_millis(interval),
        Duration::from_millis(wait.max_wait_ms),
    );
    Ok(Plan { wait, config })
}

/// One answer of the polled operation: its body and the state read from it.
struct Polled {
    body: Vec<u8>,
    state: Option<String>,
}

/// Waits for the work of a finished call of `op`; the text for stdout: the last poll's
/// response, or `response` (the call's) when an error code of the poll means success.
///
/// The polled request takes each parameter from the call's `request` (keyed by Rust field
/// names) by wire name, else from the top-level field of that name in `response`.
pub(crate) async fn wait(
    plan: Plan,
    product: &'static ProductDoc,
    op: &'static OperationDoc,
    request: &Map<String, Value>,
    response: &[u8],
    validation: Validation,
    client: &RpcClient,
) -> Result<Vec<u8>, Failure> {
    let Plan { wait, config } = plan;
    let poll = product
        .operations
        .iter()
        .find(|o| o.name == wait.poll)
        .ok_or_else(|| {
            Failure::Failed(format!(
                "{} is not an operation of {}",
                wait.poll, product.command
            ))
        })?;
    let answer: Value = serde_json::from_slice(response).unwrap_or(Value::Null);
    let polled: Map<String, Value> = poll
        .parameters
        .iter()
        .filter_map(|p| {
            let given = op
                .parameters
                .iter()
                .find(|o| o.name == p.name)
                .and_then(|o| request.get(o.field));
            let value = given.or_else(|| answer.get(p.name))?;
            Some((p.field.to_owned(), value.clone()))
        })
        .collect();
    let params = (poll.prepare)(Value::Object(polled), validation).map_err(|e| {
        Failure::Failed(format!(
            "{} was called, but the {} request to wait with cannot be built: {e}",
            op.name, poll.name
        ))
    })?;
    let acceptors = Acceptors {
        success: wait.success,
        failure: wait.failure,
        success_codes: wait.success_codes,
    };
    let send = || async {
        let body = client.send(poll.info, params.clone()).await?;
        let state = serde_json::from_slice::<Value>(&body)
            .ok()
            .and_then(|json| {
                let value = wait.state.iter().try_fold(&json, |v, step| v.get(step))?;
                value.as_str().map(str::to_owned)
            });
        Ok(Polled {
            body: body.to_vec(),
            state,
        })
    };
    match waiter::wait(config, acceptors, send, |p: &Polled| p.state.as_deref()).await {
        Ok(Some(last)) => Ok(output::response(&last.body)),
        Ok(None) => Ok(output::response(response)),
        Err(WaitError::Failed { state }) => Err(Failure::Failed(format!(
            "{}: {} reports the state {state:?}, so the wait failed",
            wait.waiter, poll.name
        ))),
        Err(WaitError::Call(e)) => Err(Failure::Call(e)),
        Err(e) => Err(Failure::Failed(format!("{}: {e}", wait.waiter))),
    }
}
