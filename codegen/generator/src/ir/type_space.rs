//! The crate's nested types, deduplicated by shape: one `Tag` for every operation that
//! sends the same `Tag`, and an operation-qualified name only when two shapes differ.
//!
//! Names are given once every operation is lowered, the most used shape of a wanted name
//! first: the plain `Tag` goes to the shape most operations use, not to the first in
//! alphabetical order, so adding an operation with another `Tag` shape leaves `Tag` as it is.

use std::collections::{BTreeSet, HashMap};

use super::{Side, TypeId, TypeIr};
use crate::naming::Namespace;

/// Every nested struct and enum of a crate, in first-use order (operations by name).
#[derive(Debug)]
pub struct TypeSpace {
    types: Vec<TypeIr>,
    /// The cargo features that need each type (empty when the crate is not split).
    features: Vec<BTreeSet<String>>,
    /// Who uses each type, for its name and its docs.
    uses: Vec<Uses>,
    by_shape: HashMap<String, TypeId>,
    names: Namespace,
    /// The module (and file under `types/`) of each type, given with the names.
    modules: Vec<String>,
}

/// The names a type may take and the operations that use it.
#[derive(Debug)]
struct Uses {
    /// The wanted name, then more qualified ones.
    candidates: Vec<String>,
    /// How many places use the shape.
    count: usize,
    /// Where it travels.
    side: Side,
    /// The operations that use it, by name.
    operations: BTreeSet<String>,
}

impl TypeSpace {
    /// An empty space whose names avoid `reserved`.
    pub fn new(reserved: &[&str]) -> Self {
        Self {
            types: Vec::new(),
            features: Vec::new(),
            uses: Vec::new(),
            by_shape: HashMap::new(),
            names: Namespace::with_reserved(reserved),
            modules: Vec::new(),
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

    /// Every type with its module under `types/` and the cargo features that need it, in
    /// first-use order. Modules are given by [`name_all`](Self::name_all).
    pub fn iter_with_modules(&self) -> impl Iterator<Item = (&TypeIr, &str, &BTreeSet<String>)> {
        self.types
            .iter()
            .zip(&self.modules)
            .zip(&self.features)
            .map(|((t, module), features)| (t, module.as_str(), features))
    }

    /// Records that the cargo feature `feature` needs the type `id`.
    pub fn needed_by(&mut self, id: TypeId, feature: &str) {
        self.features[id.0].insert(feature.to_owned());
    }

    /// Whether the space holds no type.
    pub fn is_empty(&self) -> bool {
        self.types.is_empty()
    }

    /// The id of a type of this `shape` (a key that says everything but docs), used by
    /// `operation`, adding it when it is new. `candidates` are the names it may take (the
    /// wanted name, then more qualified ones); [`name_all`](Self::name_all) gives the names
    /// once every use is known, so `make` builds the type without one.
    pub fn intern(
        &mut self,
        shape: String,
        candidates: &[String],
        side: Side,
        operation: &str,
        make: impl FnOnce() -> TypeIr,
    ) -> TypeId {
        let id = match self.by_shape.get(&shape) {
            Some(id) => *id,
            None => {
                let id = TypeId(self.types.len());
                self.types.push(make());
                self.features.push(BTreeSet::new());
                self.uses.push(Uses {
                    candidates: candidates.to_vec(),
                    count: 0,
                    side,
                    operations: BTreeSet::new(),
                });
                self.by_shape.insert(shape, id);
                id
            }
        };
        let uses = &mut self.uses[id.0];
        uses.count += 1;
        uses.operations.insert(operation.to_owned());
        id
    }

    /// Names every type: among the shapes that want one name, the most used first (then the
    /// first used) gets the first free of its candidates. A type without docs gets a line
    /// saying which operations use it.
    pub fn name_all(&mut self) {
        let mut order: Vec<usize> = (0..self.types.len()).collect();
        order.sort_by(|&a, &b| {
            let (ua, ub) = (&self.uses[a], &self.uses[b]);
            ua.candidates[0]
                .cmp(&ub.candidates[0])
                .then(ub.count.cmp(&ua.count))
                .then(a.cmp(&b))
        });
        for index in order {
            let uses = &self.uses[index];
            let last = uses.candidates.last().expect("at least one candidate name");
            let free = uses
                .candidates
                .iter()
                .find(|c| self.names.is_free(c))
                .unwrap_or(last);
            let name = self.names.claim(free, last);
            let side = match (uses.side, uses.operations.len()) {
                (Side::Request, 1) => "request",
                (Side::Request, _) => "requests",
                (Side::Response, 1) => "response",
                (Side::Response, _) => "responses",
            };
            let doc = format!(
                "`{}` in the {side} of {}.",
                uses.candidates[0],
                used_by(&uses.operations)
            );
            match &mut self.types[index] {
                TypeIr::Struct(s) => {
                    s.name = name;
                    if s.doc.trim().is_empty() {
                        s.doc = doc;
                    }
                }
                TypeIr::Enum(e) => {
                    e.name = name;
                    if e.doc.trim().is_empty() {
                        e.doc = doc;
                    }
                }
            }
        }
        self.name_modules();
    }

    /// Gives each type its module, by name order so that a type's module depends on the
    /// names alone: `AbTest` before `ABTest` takes `ab_test`, the other `ab_test2`.
    fn name_modules(&mut self) {
        let mut order: Vec<usize> = (0..self.types.len()).collect();
        order.sort_by(|&a, &b| self.types[a].name().cmp(self.types[b].name()));
        let mut modules = Namespace::default();
        self.modules = vec![String::new(); self.types.len()];
        for index in order {
            let module = crate::naming::type_module(self.types[index].name());
            self.modules[index] = modules.claim(&module, &module);
        }
    }
}

/// "`CreateVpnGateway`", "`A` and `B`", "`A`, `B`, `C` and 4 more operations".
fn used_by(operations: &BTreeSet<String>) -> String {
    const NAMED: usize = 3;
    let named: Vec<String> = operations
        .iter()
        .take(NAMED)
        .map(|op| format!("`{op}`"))
        .collect();
    let more = operations.len().saturating_sub(NAMED);
    match (named.as_slice(), more) {
        ([one], 0) => one.clone(),
        (_, 0) => {
            let (last, rest) = named.split_last().expect("at least one operation");
            format!("{} and {last}", rest.join(", "))
        }
        (_, more) => format!("{} and {more} more operations", named.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::{EnumIr, StructIr};

    fn struct_named_later() -> TypeIr {
        TypeIr::Struct(StructIr {
            name: String::new(),
            side: Side::Request,
            json: false,
            fields: Vec::new(),
            doc: String::new(),
        })
    }

    fn candidates(op: &str) -> Vec<String> {
        vec!["Tag".to_owned(), format!("{op}Tag")]
    }

    #[test]
    fn the_most_used_shape_gets_the_plain_name() {
        let mut space = TypeSpace::new(&[]);
        // A rare shape first in alphabetical order, then the common one.
        let rare = space.intern(
            "a".into(),
            &candidates("Allocate"),
            Side::Request,
            "Allocate",
            struct_named_later,
        );
        let mut common = rare;
        for op in ["Create", "Describe", "Run"] {
            common = space.intern(
                "b".into(),
                &candidates(op),
                Side::Request,
                op,
                struct_named_later,
            );
        }
        space.name_all();
        assert_eq!(space.get(common).name(), "Tag");
        assert_eq!(space.get(rare).name(), "AllocateTag");
    }

    #[test]
    fn another_rare_shape_leaves_the_plain_name_where_it_is() {
        let names = |extra: bool| {
            let mut space = TypeSpace::new(&[]);
            let mut ids = Vec::new();
            for op in ["Create", "Describe"] {
                ids.push(space.intern(
                    "common".into(),
                    &candidates(op),
                    Side::Request,
                    op,
                    struct_named_later,
                ));
            }
            if extra {
                space.intern(
                    "other".into(),
                    &candidates("Add"),
                    Side::Request,
                    "Add",
                    struct_named_later,
                );
            }
            space.name_all();
            space.get(ids[0]).name().to_owned()
        };
        assert_eq!(names(false), "Tag");
        assert_eq!(names(true), "Tag");
    }

    #[test]
    fn a_type_without_docs_says_who_uses_it() {
        let mut space = TypeSpace::new(&[]);
        let make = || {
            TypeIr::Enum(EnumIr {
                name: String::new(),
                doc: String::new(),
                variants: Vec::new(),
            })
        };
        let mut id = TypeId(0);
        for op in ["A", "B", "C", "D", "E"] {
            id = space.intern("e".into(), &["Status".to_owned()], Side::Response, op, make);
        }
        space.name_all();
        let TypeIr::Enum(e) = space.get(id) else {
            panic!()
        };
        assert_eq!(
            e.doc,
            "`Status` in the responses of `A`, `B`, `C` and 2 more operations."
        );
        assert_eq!(used_by(&["X".to_owned()].into()), "`X`");
        assert_eq!(
            used_by(&["X".to_owned(), "Y".to_owned()].into()),
            "`X` and `Y`"
        );
    }
}
