//! Diagnostics: every problem found in a spec, with file, line, column and YAML path.

use std::fmt;
use std::path::PathBuf;

/// One step of a YAML path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    /// A mapping key.
    Key(String),
    /// A sequence index, 0-based.
    Index(usize),
}

/// What kind of problem a diagnostic is, for tools that act on findings (the importer drops
/// an invalid example, default or constraint and keeps the rest of the member).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Finding {
    /// An `example` that breaks the member's rules.
    Example,
    /// A `default` that breaks the member's rules.
    Default,
    /// A constraint that does not hold together or does not fit the member.
    Constraint,
    /// Anything else.
    Other,
}

/// One problem in one spec file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file, as given to the loader (relative to the repository when run by xtask).
    pub file: PathBuf,
    /// 1-based line and column, when known.
    pub position: Option<(usize, usize)>,
    /// YAML path of the offending node, e.g. `parameters[3].constraints.enum`; empty for the file.
    pub path: String,
    /// The same path as steps.
    pub steps: Vec<Step>,
    /// What kind of problem it is.
    pub finding: Finding,
    /// What is wrong and why.
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some((line, column)) = self.position {
            write!(f, ":{line}:{column}")?;
        }
        write!(f, ": error")?;
        if !self.path.is_empty() {
            write!(f, " at `{}`", self.path)?;
        }
        write!(f, ": {}", self.message)
    }
}

/// Every problem found; the generator writes nothing while this is non-empty.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    /// Whether no problem was found.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Adds one problem.
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.0.push(diagnostic);
    }

    /// Appends every problem of `other`.
    pub fn extend(&mut self, other: Diagnostics) {
        self.0.extend(other.0);
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for diagnostic in &self.0 {
            writeln!(f, "{diagnostic}")?;
        }
        write!(
            f,
            "{} problem(s) in the spec; nothing was written",
            self.0.len()
        )
    }
}

impl std::error::Error for Diagnostics {}
