//! The release an import makes: the spec it replaces compared with the merged result, the crate
//! version bumped by what the differences imply, and the entry prepended to `CHANGELOG.md`.

use std::path::Path;

use semver::Version;

use super::files::{ImportPlan, render_product};
use crate::changelog::{self, Change, render};
use crate::diag::Diagnostics;
use crate::output::OutputFile;
use crate::spec::load::{CHANGELOG_FILE, PRODUCT_FILE, load_product};
use crate::spec::model::{Operation, Product};

/// The spec an import replaces: its merged operations (`None` when a file of it does not load,
/// so that no comparison is possible), crate version and changelog.
pub struct Previous {
    operations: Option<Vec<Operation>>,
    version: Version,
    recorded: Option<String>,
    changelog: Option<String>,
}

/// What an import releases.
#[derive(Debug)]
pub struct Release {
    /// The crate version before the import.
    pub from: Version,
    /// The crate version the import records.
    pub to: Version,
    /// What changed for a user of the generated crate.
    pub changes: Vec<Change>,
}

/// The spec in the version folder `dir` of `repo`, overlays merged; `None` when there is none
/// yet (a first import) or its product file does not load.
pub fn previous(repo: &Path, dir: &Path) -> Option<Previous> {
    let mut problems = Diagnostics::default();
    let loaded = load_product(&repo.join(dir), &mut problems)?;
    let operations = loaded.operations.into_iter().map(|o| o.operation);
    Some(Previous {
        version: changelog::crate_version(&loaded.product).ok()?,
        recorded: loaded.product.crate_version.clone(),
        operations: problems.is_empty().then(|| operations.collect()),
        changelog: loaded.changelog.map(|c| c.text),
    })
}

/// The crate version the product file keeps when the import changes nothing: as recorded.
pub fn kept_version(previous: Option<&Previous>) -> Option<String> {
    previous.and_then(|p| p.recorded.clone())
}

/// When the import changes an operation: bumps the version in `product.yaml` by the largest
/// change between `previous` and the merged result `operations`, and prepends the changelog.
/// Nothing when the previous spec did not load: the version is then moved by hand.
pub fn release(
    previous: Option<&Previous>,
    product: &Product,
    operations: &[Operation],
    source: &str,
    dir: &Path,
    plan: &mut ImportPlan,
) -> Option<Release> {
    let previous = previous?;
    let old_operations = previous.operations.as_ref()?;
    let touched = !plan.added.is_empty()
        || !plan.removed.is_empty()
        || plan.changed.iter().any(|c| c != PRODUCT_FILE);
    if !touched {
        return None;
    }
    let changes = changelog::diff(old_operations, operations);
    let to = changelog::diff::bump(&changes).apply(&previous.version);
    let mut product = product.clone();
    product.crate_version = Some(to.to_string());
    set(
        plan,
        dir.join(PRODUCT_FILE),
        render_product(&product, source),
    );
    if !plan.changed.iter().any(|c| c == PRODUCT_FILE) {
        plan.changed.push(PRODUCT_FILE.to_owned());
    }
    let text = render::prepend(previous.changelog.as_deref(), &to, &changes);
    set(plan, dir.join(CHANGELOG_FILE), text);
    Some(Release {
        from: previous.version.clone(),
        to,
        changes,
    })
}

/// Puts `contents` at `path` among the planned files and writes.
fn set(plan: &mut ImportPlan, path: std::path::PathBuf, contents: String) {
    match plan.files.iter_mut().find(|f| f.path == path) {
        Some(file) => file.contents = contents,
        None => plan.files.push(OutputFile::new(path.clone(), contents)),
    }
    if !plan.plan.write.contains(&path) {
        plan.plan.write.push(path);
    }
}
