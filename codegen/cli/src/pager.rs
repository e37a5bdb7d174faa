//! `--pager [path=<items>] [PageNumber=<p>] [PageSize=<p>] [NextToken=<p>]`: every page of a
//! listing merged into one response, as the official CLI does; defaults from the API's
//! paginator. A listing ends at an empty page and is bounded (`max-pages=`, `max-items=`,
//! `max-bytes=`); a token seen before is an error.

use std::collections::HashSet;

use acs_cli_data::PagerData;
use serde_json::Value;

use crate::answer::Answer;
use crate::budget::{self, Budget, Spent};
use crate::fields::Fields;
use crate::output::Failure;
use crate::value::Arg;

/// What `--pager` was given.
#[derive(Debug, Default)]
pub(crate) struct PagerSpec {
    path: Option<String>,
    page_number: Option<String>,
    page_size: Option<String>,
    next_token: Option<String>,
    budget: Budget,
}

impl PagerSpec {
    /// The pager of `--pager`'s fields.
    pub fn from_fields(mut fields: Fields) -> Result<Self, String> {
        let spec = Self {
            path: fields.take("path"),
            page_number: fields.take("PageNumber"),
            page_size: fields.take("PageSize"),
            next_token: fields.take("NextToken"),
            budget: Budget::from_fields(&mut fields)?,
        };
        let mut known = vec!["path", "PageNumber", "PageSize", "NextToken"];
        known.extend(budget::FIELDS);
        fields.finish(&known)?;
        if let Some(path) = &spec.path {
            if path
                .split('.')
                .any(|step| step.is_empty() || step.contains(['[', '*', '|', ' ']))
            {
                return Err(format!(
                    "--pager path={path:?}: the items are named by a dotted path, e.g. path=Vpcs.Vpc"
                ));
            }
        }
        Ok(spec)
    }

    /// How to page `operation` (whose paginator, if any, is `api`).
    pub fn resolve(&self, operation: &str, api: Option<&PagerData>) -> Result<Pages, String> {
        let items = match (&self.path, api) {
            (Some(path), _) => path.split('.').map(str::to_owned).collect(),
            (None, Some(api)) => api.items.clone(),
            (None, None) => {
                return Err(format!(
                    "{operation} does not page: give --pager path=<items>"
                ));
            }
        };
        let token_api = api.filter(|a| !a.next_token.is_empty());
        let by = match (&self.next_token, &self.page_number, token_api) {
            (Some(name), _, _) => By::Token {
                param: name.clone(),
                path: token_api.map_or_else(|| vec![name.clone()], |a| a.next_token.clone()),
            },
            (None, None, Some(api)) => By::Token {
                param: api.input.clone(),
                path: api.next_token.clone(),
            },
            (None, number, _) => By::Number {
                param: number
                    .clone()
                    .or_else(|| api.map(|a| a.input.clone()))
                    .unwrap_or_else(|| "PageNumber".to_owned()),
                size: self
                    .page_size
                    .clone()
                    .or_else(|| api.and_then(|a| a.size.clone()))
                    .unwrap_or_else(|| "PageSize".to_owned()),
                total: api
                    .map(|a| a.total.clone())
                    .filter(|t| !t.is_empty())
                    .unwrap_or_else(|| vec!["TotalCount".to_owned()]),
            },
        };
        Ok(Pages {
            items,
            by,
            budget: self.budget,
        })
    }
}

/// A resolved way to page.
#[derive(Debug)]
pub(crate) struct Pages {
    /// Response path of the items.
    pub items: Vec<String>,
    /// How the next page is asked for.
    pub by: By,
    /// How far the listing may go.
    pub budget: Budget,
}

/// How the next page is asked for.
#[derive(Debug)]
pub(crate) enum By {
    /// A page number parameter, from 1, until the total count or a short page.
    Number {
        /// The page number parameter.
        param: String,
        /// The page size parameter.
        size: String,
        /// Response path of the total count.
        total: Vec<String>,
    },
    /// A token parameter, until the response gives no next token.
    Token {
        /// The token parameter.
        param: String,
        /// Response path of the next token.
        path: Vec<String>,
    },
}

/// The value at `path` in `json`.
pub(crate) fn at<'a>(json: &'a Value, path: &[String]) -> Option<&'a Value> {
    path.iter().try_fold(json, |v, step| v.get(step))
}

/// `json` with the list at `path` replaced by `items` (objects created on the way).
pub(crate) fn with_items(mut json: Value, path: &[String], items: Vec<Value>) -> Value {
    let mut place = &mut json;
    for step in path {
        if !place.is_object() {
            *place = Value::Object(serde_json::Map::new());
        }
        place = place
            .as_object_mut()
            .expect("made an object above")
            .entry(step.clone())
            .or_insert(Value::Null);
    }
    *place = Value::Array(items);
    json
}

impl Pages {
    /// Every page of the listing: `send` is called with the parameter values of each page
    /// (`values` are the call's, `parameters` their names) and answers with the page's
    /// response; the last response with every item at the items path. Ends at an empty page;
    /// fails past the budget or on a token seen before.
    pub async fn collect<F, Fut>(
        &self,
        parameters: &[&str],
        mut values: Vec<Option<Arg>>,
        mut send: F,
    ) -> Result<Value, Failure>
    where
        F: FnMut(Vec<Option<Arg>>) -> Fut,
        Fut: Future<Output = Result<Answer, Failure>>,
    {
        let position = |name: &str| {
            parameters.iter().position(|p| *p == name).ok_or_else(|| {
                Failure::Usage(format!("--pager: the operation has no parameter {name}"))
            })
        };
        let mut all = Vec::new();
        let mut spent = Spent::default();
        match &self.by {
            By::Number { param, size, total } => {
                let slot = position(param)?;
                let size = position(size).ok().and_then(|i| match &values[i] {
                    Some(Arg::Int(n)) => usize::try_from(*n).ok(),
                    _ => None,
                });
                let mut page = match &values[slot] {
                    Some(Arg::Int(n)) => *n,
                    _ => 1,
                };
                loop {
                    values[slot] = Some(Arg::Int(page));
                    let Answer {
                        body,
                        json: response,
                    } = send(values.clone()).await?;
                    let count = self.take_items(&response, &mut all);
                    let total = at(&response, total).and_then(number);
                    let done = count == 0
                        || total.map_or_else(
                            || size.is_some_and(|size| count < size),
                            |total| all.len() as u64 >= total,
                        );
                    self.budget.spend(&mut spent, count, body.len(), !done)?;
                    if done {
                        return Ok(with_items(response, &self.items, all));
                    }
                    page += 1;
                }
            }
            By::Token { param, path } => {
                let slot = position(param)?;
                let mut seen = HashSet::new();
                loop {
                    let Answer {
                        body,
                        json: response,
                    } = send(values.clone()).await?;
                    let count = self.take_items(&response, &mut all);
                    let next = at(&response, path)
                        .and_then(Value::as_str)
                        .filter(|t| !t.is_empty() && count > 0)
                        .map(str::to_owned);
                    self.budget
                        .spend(&mut spent, count, body.len(), next.is_some())?;
                    let Some(next) = next else {
                        return Ok(with_items(response, &self.items, all));
                    };
                    if !seen.insert(next.clone()) {
                        return Err(Failure::Failed(format!(
                            "--pager: the service gave the token {next:?} twice; stopped"
                        )));
                    }
                    values[slot] = Some(Arg::Str(next));
                }
            }
        }
    }

    /// Appends the items of one page to `all`; how many there were.
    fn take_items(&self, response: &Value, all: &mut Vec<Value>) -> usize {
        let items = at(response, &self.items)
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        let count = items.len();
        all.extend(items);
        count
    }
}

/// A count given as a number or as decimal text.
fn number(value: &Value) -> Option<u64> {
    value
        .as_u64()
        .or_else(|| value.as_str().and_then(|s| s.parse().ok()))
}
