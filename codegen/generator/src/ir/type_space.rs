//! The crate's nested types, deduplicated by shape: one `Tag` for every operation that
//! sends the same `Tag`, and an operation-qualified name only when two shapes differ.

use std::collections::{BTreeSet, HashMap};

use super::names::Namespace;
use super::{TypeId, TypeIr};

/// Every nested struct and enum of a crate, in first-use order (operations by name).
#[derive(Debug)]
pub struct TypeSpace {
    types: Vec<TypeIr>,
    /// The cargo features that need each type (empty when the crate is not split).
    features: Vec<BTreeSet<String>>,
    by_shape: HashMap<String, TypeId>,
    names: Namespace,
}

impl TypeSpace {
    /// An empty space whose names avoid `reserved`.
    pub fn new(reserved: &[&str]) -> Self {
        Self {
            types: Vec::new(),
            features: Vec::new(),
            by_shape: HashMap::new(),
            names: Namespace::with_reserved(reserved),
        }
    }

    /// The type of `id`.
    pub fn get(&self, id: TypeId) -> &TypeIr {
        &self.types[id.0]
    }

    /// Every type, in first-use order.
    pub fn iter(&self) -> impl Iterator<Item = &TypeIr> {
        self.types.iter()
    }

    /// Every type with the cargo features that need it, in first-use order.
    pub fn iter_with_features(&self) -> impl Iterator<Item = (&TypeIr, &BTreeSet<String>)> {
        self.types.iter().zip(&self.features)
    }

    /// Records that the cargo feature `feature` needs the type `id`.
    pub fn needed_by(&mut self, id: TypeId, feature: &str) {
        self.features[id.0].insert(feature.to_owned());
    }

    /// Whether the space holds no type.
    pub fn is_empty(&self) -> bool {
        self.types.is_empty()
    }

    /// The id of a type of this `shape` (a key that says everything but docs), adding it
    /// when it is new: `make` receives the first free name of `candidates` (the wanted
    /// name, then more qualified ones), numbered after the last when none is free.
    pub fn intern(
        &mut self,
        shape: String,
        candidates: &[String],
        make: impl FnOnce(String) -> TypeIr,
    ) -> TypeId {
        if let Some(id) = self.by_shape.get(&shape) {
            return *id;
        }
        let last = candidates.last().expect("at least one candidate name");
        let free = candidates
            .iter()
            .find(|c| self.names.is_free(c))
            .unwrap_or(last);
        let name = self.names.claim(free, last);
        let id = TypeId(self.types.len());
        self.types.push(make(name));
        self.features.push(BTreeSet::new());
        self.by_shape.insert(shape, id);
        id
    }
}
