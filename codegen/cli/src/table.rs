//! `--output cols=A,B rows=<JMESPath> [num=true]`: the response as a table, as the official
//! CLI prints it.

use jmespath::{Expression, Variable};
use serde_json::Value;
use unicode_width::UnicodeWidthStr;

use crate::fields::{Fields, expression};

/// A table to print instead of the JSON.
#[derive(Debug)]
pub(crate) struct Table {
    cols: Vec<String>,
    rows: Option<Expression<'static>>,
    num: bool,
}

impl Table {
    /// The table of `--output`'s fields.
    pub fn from_fields(mut fields: Fields) -> Result<Self, String> {
        let option = fields.option();
        let cols: Vec<String> = fields
            .require("cols")?
            .split(',')
            .map(|c| c.trim().to_owned())
            .collect();
        if cols.iter().any(String::is_empty) {
            return Err(format!(
                "--{option}: cols= names each column, e.g. cols=VpcId,Status"
            ));
        }
        let rows = match fields.take("rows") {
            Some(text) => Some(expression(option, "rows", &text)?),
            None => None,
        };
        let num = match fields.take("num").as_deref() {
            None | Some("false") => false,
            Some("true") => true,
            Some(other) => return Err(format!("--{option}: num= is true or false, got {other:?}")),
        };
        fields.finish(&["cols", "rows", "num"])?;
        Ok(Self { cols, rows, num })
    }

    /// The table of `response`: one row per item the `rows` expression selects (the whole
    /// response without it), one column per name, cells read by name from each row, each
    /// column as wide as its widest cell on a terminal (CJK and emoji take two columns).
    ///
    /// Also returns a warning for each column that no row has, so that a misspelt name is
    /// not mistaken for empty values.
    pub fn render(&self, response: &Value) -> Result<(String, Vec<String>), String> {
        let rows: Vec<Value> = match &self.rows {
            None => vec![response.clone()],
            Some(rows) => {
                let found = rows
                    .search(response)
                    .map_err(|e| format!("--output rows=: {e}"))?;
                match &*found {
                    Variable::Array(items) => items
                        .iter()
                        .map(|item| serde_json::to_value(&**item).map_err(|e| e.to_string()))
                        .collect::<Result<_, _>>()?,
                    Variable::Null => Vec::new(),
                    other => {
                        return Err(format!(
                            "--output rows={} selects {other}, not a list of rows",
                            rows.as_str()
                        ));
                    }
                }
            }
        };
        let warnings = self.unmatched(&rows);
        let mut header: Vec<String> = self.cols.clone();
        if self.num {
            header.insert(0, "Num".to_owned());
        }
        let mut lines: Vec<Vec<String>> = vec![header];
        for (i, row) in rows.iter().enumerate() {
            let mut cells: Vec<String> = self.cols.iter().map(|c| cell(row.get(c))).collect();
            if self.num {
                cells.insert(0, i.to_string());
            }
            lines.push(cells);
        }
        let widths: Vec<usize> = (0..lines[0].len())
            .map(|c| lines.iter().map(|l| l[c].width()).max().unwrap_or(0))
            .collect();
        let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
        lines.insert(1, rule);
        let mut text = String::new();
        for line in lines {
            let padded: Vec<String> = line
                .iter()
                .zip(&widths)
                .map(|(cell, width)| pad(cell, *width))
                .collect();
            text.push_str(padded.join(" | ").trim_end());
            text.push('\n');
        }
        Ok((text, warnings))
    }

    /// A warning for each column that none of `rows` has, naming the fields they do have.
    fn unmatched(&self, rows: &[Value]) -> Vec<String> {
        if rows.is_empty() {
            return Vec::new();
        }
        let mut known: Vec<&str> = Vec::new();
        for row in rows {
            for key in row.as_object().into_iter().flat_map(|o| o.keys()) {
                if !known.contains(&key.as_str()) {
                    known.push(key);
                }
            }
        }
        known.sort_unstable();
        self.cols
            .iter()
            .filter(|col| !rows.iter().any(|row| row.get(col.as_str()).is_some()))
            .map(|col| {
                let col = crate::inert::text(col);
                let fields = crate::inert::text(&known.join(", ")).into_owned();
                format!(
                    "--output cols={col} matches no field of any row, so its column is empty \
                     (the rows have: {fields})"
                )
            })
            .collect()
    }
}

/// `cell` followed by spaces up to `width` terminal columns.
fn pad(cell: &str, width: usize) -> String {
    let fill = width.saturating_sub(cell.width());
    format!("{cell}{}", " ".repeat(fill))
}

/// A cell: a string as it is (control characters escaped), nothing for null or a missing
/// column, other values as JSON.
fn cell(value: Option<&Value>) -> String {
    match value {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => crate::inert::text(s).into_owned(),
        Some(other) => other.to_string(),
    }
}
