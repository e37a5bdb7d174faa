//! The release an import makes: the spec it replaces compared with the merged result, the crate
//! version bumped by what the differences imply, and the entry prepended to `CHANGELOG.md`.

use std::path::Path;

use semver::Version;

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

/// When the import changes an operation (`touched`): the release, and the files it writes:
/// `product.yaml` (rendered by `render_product`) with the version bumped by the largest change
/// between `previous` and the merged result `operations`, and `CHANGELOG.md` with the entry
/// prepended. Nothing when the previous spec did not load: the version is then moved by hand.
pub fn release(
    previous: Option<&Previous>,
    product: &Product,
    operations: &[Operation],
    touched: bool,
    render_product: impl Fn(&Product) -> String,
    dir: &Path,
) -> Option<(Release, [OutputFile; 2])> {
    let previous = previous?;
    let old_operations = previous.operations.as_ref()?;
    if !touched {
        return None;
    }
    let changes = changelog::diff(old_operations, operations);
    let to = changelog::diff::bump(&changes).apply(&previous.version);
    let mut product = product.clone();
    product.crate_version = Some(to.to_string());
    let files = [
        OutputFile::new(dir.join(PRODUCT_FILE), render_product(&product)),
        OutputFile::new(
            dir.join(CHANGELOG_FILE),
            render::prepend(previous.changelog.as_deref(), &to, &changes),
        ),
    ];
    let release = Release {
        from: previous.version.clone(),
        to,
        changes,
    };
    Some((release, files))
}
