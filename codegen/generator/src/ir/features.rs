//! Cargo features: one per resource family, so that an application compiles only the
//! families it enables. Decides each operation's feature and the features every shared
//! type is needed by.

use std::collections::{BTreeMap, BTreeSet};

use super::{FeatureIr, OperationIr, StructIr, TypeIr, TypeRef, TypeSpace};
use crate::naming::{self as names, Namespace};
use crate::spec::model::Operation;

/// crates.io accepts at most 300 features per crate; `default`, `serde` and `blocking` are
/// three of them.
pub const MAX_FAMILIES: usize = 297;

/// The feature of operations the metadata lists in no family.
const UNGROUPED: &str = "Operations in no family";

/// The features of a product and the feature of each operation (by name). A product whose
/// operations all share one family, or that has more families than a crate may have
/// features, is not split: it gets no feature at all.
pub fn plan(specs: &[&Operation]) -> (Vec<FeatureIr>, BTreeMap<String, String>) {
    let mut by_family: BTreeMap<Option<&str>, Vec<&str>> = BTreeMap::new();
    for op in specs {
        let family = op
            .family
            .as_deref()
            .map(str::trim)
            .filter(|f| !f.is_empty());
        by_family.entry(family).or_default().push(&op.name);
    }
    if by_family.len() < 2 || by_family.len() > MAX_FAMILIES {
        return (Vec::new(), BTreeMap::new());
    }
    let mut taken = Namespace::with_reserved(&["blocking", "default", "serde"]);
    let mut features = Vec::new();
    let mut of_operation = BTreeMap::new();
    // Named families first, in name order, so that numbering never depends on the ungrouped.
    let mut families: Vec<_> = by_family.into_iter().collect();
    let ungrouped_first = usize::from(families[0].0.is_none());
    families.rotate_left(ungrouped_first);
    for (family, operations) in families {
        let title = family.unwrap_or(UNGROUPED);
        let wanted = names::feature_name(title);
        let name = taken.claim(&wanted, &wanted);
        for op in &operations {
            of_operation.insert((*op).to_owned(), name.clone());
        }
        features.push(FeatureIr {
            name,
            title: title.to_owned(),
            operations: operations.len(),
        });
    }
    features.sort_by(|a, b| a.name.cmp(&b.name));
    (features, of_operation)
}

/// Records, for every type an operation reaches, that the operation's feature needs it.
pub fn record_type_uses(operations: &[OperationIr], types: &mut TypeSpace) {
    for op in operations {
        let Some(feature) = &op.feature else { continue };
        let mut reached = BTreeSet::new();
        for s in [&op.request, &op.response] {
            reach_struct(s, types, &mut reached);
        }
        for id in reached {
            types.needed_by(id, feature);
        }
    }
}

fn reach_struct(s: &StructIr, types: &TypeSpace, reached: &mut BTreeSet<super::TypeId>) {
    for field in &s.fields {
        reach(&field.ty, types, reached);
    }
}

fn reach(ty: &TypeRef, types: &TypeSpace, reached: &mut BTreeSet<super::TypeId>) {
    match ty {
        TypeRef::List(item, _) | TypeRef::Map(item) => reach(item, types, reached),
        TypeRef::Enum(id) => {
            reached.insert(*id);
        }
        TypeRef::Struct(id) if reached.insert(*id) => {
            if let TypeIr::Struct(s) = types.get(*id) {
                reach_struct(s, types, reached);
            }
        }
        _ => {}
    }
}
