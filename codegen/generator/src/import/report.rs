//! What an import noticed: each metadata quirk it handled and each fact it could not represent,
//! by operation and parameter path, and a summary of both.

use std::collections::BTreeMap;
use std::fmt;

/// A kind of finding.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// The same parameter listed more than once; the copies were merged into one.
    DuplicateParameter,
    /// Indexed parameter names (`Filter.1.Key`, `Filter.2.Key`) regrouped into one list.
    IndexedNames,
    /// A number or boolean stored as a string; converted.
    NumberAsString,
    /// An example or default with surrounding whitespace (often a tab); trimmed, or dropped
    /// when nothing else is left.
    PaddedValue,
    /// A response list wrapped in an item node (`VpnGateways.VpnGateway[]`); kept as an object
    /// holding the list, the shape of the JSON.
    WrappedList,
    /// Wire names whose snake_case names collide; `rust_name` set on the later one.
    RustNameCollision,
    /// An example that breaks the value's own type or constraints; dropped.
    InvalidExample,
    /// A default that breaks the value's own type or constraints; dropped.
    InvalidDefault,
    /// A constraint the spec checks reject; dropped.
    InvalidConstraint,
    /// A `ClientToken` parameter; marked `idempotency_token: true`.
    IdempotencyToken,
    /// A `formData` parameter; sent in the form body (`in: form`).
    BodyParameter,
    /// Form parameters on an operation documented as `GET` only, which sends no body;
    /// imported as `POST`.
    FormWithGet,
    /// An error code listed under several HTTP statuses; one entry kept, the others described.
    DuplicateErrorCode,
    /// Errors listed under a status that is not an HTTP error status (`200`, `4003`); given
    /// status 400, the listed status stated in their description.
    ErrorStatus,
    /// A dotted wire name (`SystemDisk.Size`); folded into the object it names as a field.
    DottedName,
    /// A `$ref` to a shared schema; expanded in place.
    SharedSchema,
    /// An exclusive `minimum`/`maximum`; the next whole number for integers, kept exclusive
    /// (`exclusive_minimum`/`exclusive_maximum`) for other numbers.
    ExclusiveBound,
    /// A free-form value (`any`) in a flat or repeat-list parameter, or a top-level one without a
    /// style: a map of strings flattened to `Name.key`, or one JSON string.
    FreeFormParameter,
    /// No endpoints listed: the host pattern `<code>.{region}.aliyuncs.com` is a guess, said in
    /// the product description.
    EndpointGuessed,
    /// A placeholder error code such as `%s`; dropped.
    PlaceholderErrorCode,
    /// An empty `enum` list; dropped.
    EmptyEnum,
    /// `enumValueTitles` without an `enum` on a request value; not a constraint, ignored.
    EnumTitlesWithoutEnum,
    /// `enumValueTitles` without an `enum` on a response string; kept as its known values.
    ResponseEnumFromTitles,
    /// `maxLength`/`minLength` on a list; applied to its items.
    ListLengthLimits,
    /// An `object` without properties; imported as free-form JSON (`any`).
    FreeFormObject,
    /// A string format (`iso8601`) the spec has no key for; stated in the description.
    StringFormat,
    /// `docRequired` differs from `required`; `required` kept.
    DocRequiredDiffers,
    /// A replacement (or its absence) of a deprecated operation; stated in the description.
    Replacement,
    /// A `title` standing in for a missing description.
    TitleAsDescription,
    /// Documentation links `[text](~~123~~)`; pointed at the documentation site.
    DocLinks,
    /// A polling interval under 100 ms; kept, probably meant in seconds.
    ShortPollInterval,
    /// Several HTTP methods listed; the one the official SDKs send is kept (`POST` when it is
    /// among them, else the first).
    SeveralMethods,
    /// A path parameter not marked required; made required (the path cannot be sent without it).
    OptionalPathParameter,
    /// A path variable written `[name]`; read as `{name}`.
    BracketPathVariable,
    /// A field of the JSON body named like another parameter; the body kept whole as one
    /// `body` parameter (`body: json`), the same JSON on the wire.
    BodyFieldClash,
    /// A `$ref` to a schema the file does not define; imported as free-form JSON (`any`).
    DanglingReference,
    /// A parameter placed in the host name (`in: host`); the operation left out.
    HostParameter,
    /// A literal query in the path (`?type=log`), which the spec has no key for; the operation
    /// left out.
    QueryInPath,
    /// A path template whose variables and `in: path` parameters disagree; the operation left out.
    PathMismatch,
    /// A header the client sets itself (signature, transport, protocol: `Authorization`,
    /// `Content-Type`, `x-acs-*`); the parameter left out, and the operation when it is required.
    ReservedHeader,
    /// A body the operation cannot send (bytes on an RPC operation, XML, a body on `GET` or
    /// `DELETE`); the parameter left out, and the operation when it is required.
    UnsendableBody,
    /// An operation the binding checks refuse for another reason; left out.
    UnsendableOperation,
    /// A fact the spec cannot represent: left out of the spec (see the detail).
    Unrepresented,
}

impl Kind {
    /// One line saying what the importer did.
    pub fn describe(self) -> &'static str {
        match self {
            Self::DuplicateParameter => "parameter listed more than once: copies merged into one",
            Self::IndexedNames => {
                "indexed parameter names (`Filter.1.Key`): regrouped into one list"
            }
            Self::NumberAsString => "number or boolean stored as a string: converted",
            Self::PaddedValue => {
                "example or default with surrounding whitespace: trimmed (dropped if blank)"
            }
            Self::WrappedList => {
                "response list wrapped in an item node: kept as an object holding the list"
            }
            Self::RustNameCollision => "snake_case names collide: `rust_name` set on the later one",
            Self::InvalidExample => "example breaks its own type or constraints: dropped",
            Self::InvalidDefault => "default breaks its own type or constraints: dropped",
            Self::InvalidConstraint => "constraint rejected by the spec checks: dropped",
            Self::IdempotencyToken => "`ClientToken` parameter: marked `idempotency_token: true`",
            Self::BodyParameter => "`in: formData`: imported as `in: form`",
            Self::FormWithGet => "form parameters on a GET operation (no body): imported as POST",
            Self::DuplicateErrorCode => {
                "error code under several HTTP statuses: one entry, the others in its description"
            }
            Self::ErrorStatus => {
                "errors listed under a status that is not an HTTP error status: given 400, the listed status described"
            }
            Self::DottedName => {
                "dotted wire name (`SystemDisk.Size`): a field of the object it names (same wire key)"
            }
            Self::SharedSchema => "`$ref` to a shared schema: expanded in place",
            Self::ExclusiveBound => {
                "exclusive bound: the next whole number for integers, else kept exclusive"
            }
            Self::FreeFormParameter => {
                "free-form parameter: a map of strings when sent flat, else sent as JSON"
            }
            Self::EndpointGuessed => {
                "no endpoints listed: the host pattern is a guess, said in the crate docs"
            }
            Self::PlaceholderErrorCode => "placeholder error code: dropped",
            Self::EmptyEnum => "empty `enum` list: dropped",
            Self::EnumTitlesWithoutEnum => {
                "`enumValueTitles` without `enum` on a request value: not a constraint, ignored"
            }
            Self::ResponseEnumFromTitles => {
                "`enumValueTitles` without `enum` on a response string: kept as its known values"
            }
            Self::ListLengthLimits => "`maxLength`/`minLength` on a list: applied to its items",
            Self::FreeFormObject => "object without properties: imported as `any`",
            Self::StringFormat => {
                "string format the spec has no key for: stated in the description"
            }
            Self::DocRequiredDiffers => "`docRequired` differs from `required`: `required` kept",
            Self::Replacement => "replacement of a deprecated operation: stated in the description",
            Self::TitleAsDescription => "`title` used as the missing description",
            Self::DocLinks => "documentation links `(~~id~~)`: pointed at the documentation site",
            Self::ShortPollInterval => {
                "polling interval under 100 ms: kept as is (probably seconds)"
            }
            Self::SeveralMethods => {
                "several methods listed: the one the SDKs send (POST when listed, else the first)"
            }
            Self::OptionalPathParameter => "path parameter not marked required: made required",
            Self::BracketPathVariable => "path variable written `[name]`: read as `{name}`",
            Self::BodyFieldClash => {
                "body field named like another parameter: the body kept whole (`body: json`)"
            }
            Self::DanglingReference => "`$ref` to an undefined schema: imported as `any`",
            Self::HostParameter => {
                "NOT REPRESENTED: parameter in the host name: operation left out"
            }
            Self::QueryInPath => "NOT REPRESENTED: literal query in the path: operation left out",
            Self::PathMismatch => {
                "NOT REPRESENTED: path variables and path parameters disagree: operation left out"
            }
            Self::ReservedHeader => {
                "NOT REPRESENTED: header the client sets: parameter left out (operation if required)"
            }
            Self::UnsendableBody => {
                "NOT REPRESENTED: body the operation cannot send: parameter left out (operation if required)"
            }
            Self::UnsendableOperation => {
                "NOT REPRESENTED: refused by the binding checks: operation left out"
            }
            Self::Unrepresented => "NOT REPRESENTED: left out of the spec",
        }
    }

    /// Whether a finding of this kind left a fact out of the spec.
    pub fn is_loss(self) -> bool {
        matches!(
            self,
            Self::Unrepresented
                | Self::HostParameter
                | Self::QueryInPath
                | Self::PathMismatch
                | Self::ReservedHeader
                | Self::UnsendableBody
                | Self::UnsendableOperation
        )
    }
}

/// One finding.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Finding {
    /// What kind.
    pub kind: Kind,
    /// The operation, or empty for the product.
    pub operation: String,
    /// Where in the operation, e.g. `parameters.Tag.N.Key` or `response.Vpcs.Vpc`.
    pub path: String,
    /// Details.
    pub detail: String,
}

/// Every finding of an import.
#[derive(Clone, Debug, Default)]
pub struct Report {
    /// Findings in the order found.
    pub findings: Vec<Finding>,
    /// Metadata keys known and deliberately not imported (documentation-site data), with counts.
    pub ignored: BTreeMap<String, usize>,
}

impl Report {
    /// Records a finding.
    pub fn add(&mut self, kind: Kind, operation: &str, path: &str, detail: impl Into<String>) {
        self.findings.push(Finding {
            kind,
            operation: operation.to_owned(),
            path: path.to_owned(),
            detail: detail.into(),
        });
    }

    /// Counts a key deliberately not imported.
    pub fn ignore(&mut self, key: &str) {
        *self.ignored.entry(key.to_owned()).or_default() += 1;
    }

    /// Findings of facts the spec could not represent (every kind that leaves something out).
    pub fn unrepresented(&self) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(|f| f.kind.is_loss())
    }

    /// How many findings of each kind.
    pub fn counts(&self) -> BTreeMap<Kind, usize> {
        let mut counts = BTreeMap::new();
        for f in &self.findings {
            *counts.entry(f.kind).or_default() += 1;
        }
        counts
    }

    /// The summary: a line per kind with its count and first examples (every occurrence
    /// when `verbose`, and always for facts not represented), then the ignored keys.
    pub fn summary(&self, verbose: bool) -> String {
        let mut out = String::new();
        for (kind, count) in self.counts() {
            out.push_str(&format!("{count:>5} x {}\n", kind.describe()));
            let shown = if verbose || kind.is_loss() {
                usize::MAX
            } else {
                3
            };
            let of_kind: Vec<&Finding> = self.findings.iter().filter(|f| f.kind == kind).collect();
            for f in of_kind.iter().take(shown) {
                out.push_str(&format!("          {f}\n"));
            }
            if of_kind.len() > shown {
                out.push_str(&format!(
                    "          ... {} more (--verbose lists all)\n",
                    of_kind.len() - shown
                ));
            }
        }
        if !self.ignored.is_empty() {
            let keys: Vec<String> = self
                .ignored
                .iter()
                .map(|(k, n)| format!("{k} ({n})"))
                .collect();
            out.push_str(&format!(
                "documentation-only keys not imported: {}\n",
                keys.join(", ")
            ));
        }
        out
    }
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let operation = if self.operation.is_empty() {
            "(product)"
        } else {
            &self.operation
        };
        write!(f, "{operation}")?;
        if !self.path.is_empty() {
            write!(f, " {}", self.path)?;
        }
        if !self.detail.is_empty() {
            write!(f, ": {}", self.detail)?;
        }
        Ok(())
    }
}
