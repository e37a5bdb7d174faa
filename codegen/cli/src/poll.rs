//! `--waiter expr=<JMESPath> to=<value> [timeout=<s>] [interval=<s>]`: call again until the
//! expression gives the value, as the official CLI does.

use std::io::Write;
use std::time::{Duration, Instant};

use jmespath::{Expression, Variable};

use crate::answer::Answer;
use crate::fields::{Fields, expression};
use crate::output::Failure;

/// Default longest wait, in seconds (the official CLI's).
const DEFAULT_TIMEOUT_S: f64 = 180.0;
/// Default delay between calls, in seconds (the official CLI's).
const DEFAULT_INTERVAL_S: f64 = 5.0;

/// What `--waiter` waits for.
#[derive(Debug)]
pub(crate) struct Poll {
    expr: Expression<'static>,
    to: String,
    timeout: Duration,
    interval: Duration,
}

/// What one answer says.
pub(crate) enum Seen {
    /// The expression gives the awaited value.
    Reached,
    /// Not yet: the value the expression gives now.
    Not(String),
}

impl Poll {
    /// The wait of `--waiter`'s fields.
    pub fn from_fields(mut fields: Fields) -> Result<Self, String> {
        let option = fields.option();
        let expr = expression(option, "expr", &fields.require("expr")?)?;
        let to = fields.require("to")?;
        let timeout = Duration::from_secs_f64(fields.seconds("timeout", DEFAULT_TIMEOUT_S)?);
        let interval = Duration::from_secs_f64(fields.seconds("interval", DEFAULT_INTERVAL_S)?);
        fields.finish(&["expr", "to", "timeout", "interval"])?;
        Ok(Self {
            expr,
            to,
            timeout,
            interval,
        })
    }

    /// Whether `response` has reached the value: a string result compares as it is, any
    /// other as its JSON text.
    pub fn seen(&self, response: &serde_json::Value) -> Result<Seen, String> {
        let found = self
            .expr
            .search(response)
            .map_err(|e| format!("--waiter expr={}: {e}", self.expr.as_str()))?;
        let text = match &*found {
            Variable::String(s) => s.clone(),
            other => other.to_string(),
        };
        Ok(if text == self.to {
            Seen::Reached
        } else {
            Seen::Not(crate::inert::text(&text).into_owned())
        })
    }

    /// Calls `call` until its answer reaches the value, writing a line of progress after
    /// each call; the last answer. Calls every interval and once more at the timeout, then
    /// gives up, naming the last value.
    pub async fn run<F, Fut>(
        &self,
        mut call: F,
        progress: &mut dyn Write,
    ) -> Result<Answer, Failure>
    where
        F: FnMut() -> Fut,
        Fut: Future<Output = Result<Answer, Failure>>,
    {
        let started = Instant::now();
        loop {
            let answer = call().await?;
            let now = match self.seen(&answer.json).map_err(Failure::Failed)? {
                Seen::Reached => return Ok(answer),
                Seen::Not(now) => now,
            };
            let waited = started.elapsed();
            let line = format!(
                "waiting for {} to be {}: it is {now} after {:.1} s\n",
                self.expr.as_str(),
                self.to,
                waited.as_secs_f64()
            );
            // Progress is a courtesy: a closed stderr does not stop the wait.
            let _ = progress.write_all(line.as_bytes());
            if waited >= self.timeout {
                return Err(Failure::Failed(format!(
                    "--waiter gave up after {:.1} s: {} is {now}, not {}",
                    waited.as_secs_f64(),
                    self.expr.as_str(),
                    self.to
                )));
            }
            // The last call is made at the deadline, not one interval before it.
            tokio::time::sleep(self.interval.min(self.timeout - waited)).await;
        }
    }
}
