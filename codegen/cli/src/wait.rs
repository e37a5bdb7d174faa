//! `--wait`: after an asynchronous call, poll the operation its waiter names until the work
//! ends, with progress on stderr; the output keeps the call's response beside the final state.

use std::cell::RefCell;
use std::io::Write;
use std::time::{Duration, Instant};

use acs_cli_data::WaitData;
use acs_runtime::auth::Env;
use acs_runtime::client::RpcClient;
use acs_runtime::waiter::{self, Acceptors, WaitError, WaiterConfig};
use serde_json::Value;

use crate::answer::Answer;
use crate::json_value::from_json;
use crate::output::{Failure, Printed};
use crate::product::{Loaded, Operation};
use crate::value::Arg;
use crate::{check, wire};

/// The variable that overrides the waiter's delay between polls, in milliseconds.
pub(crate) const INTERVAL_VAR: &str = "ACS_WAIT_INTERVAL_MS";

/// What `--wait` needs before the call: the waiter of `op` and how often to poll.
pub(crate) struct Plan {
    wait: &'static WaitData,
    config: WaiterConfig,
}

/// The plan of `--wait` on `op`: a usage error when `op` has no waiter or
/// `ACS_WAIT_INTERVAL_MS` is not a positive number of milliseconds.
pub(crate) fn plan(op: Operation, env: &Env) -> Result<Plan, Failure> {
    let wait = op
        .data
        .wait
        .as_ref()
        .ok_or_else(|| Failure::Usage(format!("{} has no waiter", op.data.name)))?;
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

/// The finished call to wait after.
pub(crate) struct Call<'a> {
    /// Its product.
    pub product: &'static Loaded,
    /// The operation called.
    pub op: Operation,
    /// Its parameters' values.
    pub values: &'a [Option<Arg>],
    /// Its answer.
    pub answer: Answer,
    /// Whether requests are validated.
    pub validate: bool,
}

/// One answer of the polled operation, if it is JSON, and the state read from it.
struct Polled {
    answer: Result<Answer, Failure>,
    state: Option<String>,
}

/// Waits for the work of `call`, writing a line of progress to `progress` after each poll;
/// the text for stdout: `{"Response": <the call's response>, "Final": <the last poll's
/// response, or null when an error code of the poll means success>}`.
///
/// The polled request takes each parameter from the call's arguments by wire name, else from
/// the top-level field of that name in the call's response.
pub(crate) async fn wait(
    plan: Plan,
    call: Call<'_>,
    client: &RpcClient,
    progress: &mut dyn Write,
) -> Result<Printed, Failure> {
    let Plan { wait, config } = plan;
    let product = call.product;
    let poll = product.operation(&wait.poll).ok_or_else(|| {
        Failure::Failed(format!(
            "{} is not an operation of {}",
            wait.poll, product.command
        ))
    })?;
    let cannot = |why: String| {
        Failure::Failed(format!(
            "{} was called, but the {} request to wait with cannot be built: {why}",
            call.op.data.name, poll.data.name
        ))
    };
    let answer = &call.answer.json;
    let mut values = Vec::with_capacity(poll.data.parameters.len());
    for p in &poll.data.parameters {
        let given = call
            .op
            .data
            .parameters
            .iter()
            .position(|o| o.name == p.name)
            .and_then(|i| call.values[i].clone());
        let value = match (given, answer.get(&p.name)) {
            (Some(value), _) => Some(value),
            (None, Some(json)) => from_json(product, &p.shape, json, &p.name).map_err(cannot)?,
            (None, None) => None,
        };
        values.push(value);
    }
    if call.validate {
        check::check(product, &poll.data.parameters, &values)
            .map_err(|violations| cannot(violations.to_string()))?;
    }
    let params = wire::params(&poll.data.parameters, &values, poll.data.body);
    let acceptors = Acceptors {
        success: statics(&wait.success),
        failure: statics(&wait.failure),
        success_codes: statics(&wait.success_codes),
    };
    let started = Instant::now();
    let progress = RefCell::new(progress);
    let send = || async {
        let reply = client.send_answer(poll.info, params.clone()).await?;
        let answer = Answer::parse(
            reply.body.to_vec(),
            reply.status,
            reply.content_type.as_deref(),
        );
        let state = answer.as_ref().ok().and_then(|answer| {
            let value = wait
                .state
                .iter()
                // A step past a list reads its first item.
                .try_fold(&answer.json, |v, step| match v {
                    Value::Array(items) => items.first()?.get(step),
                    v => v.get(step),
                })?;
            value.as_str().map(str::to_owned)
        });
        let seen = match (&state, wait.state.is_empty()) {
            (_, true) => "answered".to_owned(),
            (Some(state), false) => format!("says {}", crate::inert::text(state)),
            (None, false) => "says no state".to_owned(),
        };
        let line = format!(
            "waiting for {}: {} {seen} after {:.1} s\n",
            wait.waiter,
            poll.data.name,
            started.elapsed().as_secs_f64()
        );
        // Progress is a courtesy: a closed stderr does not stop the wait.
        let _ = progress.borrow_mut().write_all(line.as_bytes());
        Ok(Polled { answer, state })
    };
    let last = match waiter::wait(config, acceptors, send, |p: &Polled| p.state.as_deref()).await {
        Ok(Some(last)) => Some(last.answer?),
        Ok(None) => None,
        Err(WaitError::Failed { state }) => {
            return Err(Failure::Failed(format!(
                "{}: {} reports the state {state:?}, so the wait failed",
                wait.waiter, poll.data.name
            )));
        }
        Err(WaitError::Call(e)) => return Err(Failure::Call(e)),
        Err(e) => return Err(Failure::Failed(format!("{}: {e}", wait.waiter))),
    };
    // The body keeps the answers' key order; the value (for `--output`) is built beside it.
    let last_body = last.as_ref().map_or(&b"null"[..], |last| &last.body);
    let mut body = b"{\"Response\":".to_vec();
    body.extend_from_slice(&call.answer.body);
    body.extend_from_slice(b",\"Final\":");
    body.extend_from_slice(last_body);
    body.push(b'}');
    let mut json = serde_json::Map::new();
    json.insert("Response".to_owned(), call.answer.json);
    json.insert(
        "Final".to_owned(),
        last.map_or(Value::Null, |last| last.json),
    );
    let json = Value::Object(json);
    Ok(Printed::Json(Answer { body, json }))
}

/// The strings of `list` as a list of static strings (the acceptors of the runtime's waiter).
fn statics(list: &'static [String]) -> &'static [&'static str] {
    list.iter().map(String::as_str).collect::<Vec<_>>().leak()
}
