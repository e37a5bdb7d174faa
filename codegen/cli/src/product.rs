//! [`Product`]: one product's embedded command data, read the first time it is needed.

use std::sync::OnceLock;

use acs_cli_data::{OperationData, ProductData, Shape, StructData};
use acs_runtime::client::{IdempotencyToken, OperationInfo, ProductInfo};
use acs_runtime::wire::Binding;

/// One product of the `acs` command: its name, title and version for the listing, and its
/// command data (a file the generator wrote), parsed only when the product is used.
pub struct Product {
    /// Command name, e.g. `vpc`.
    pub command: &'static str,
    /// One-line title.
    pub title: &'static str,
    /// API version.
    pub version: &'static str,
    text: &'static str,
    loaded: OnceLock<Result<Loaded, String>>,
}

/// A product's parsed data, with what the client needs borrowed from it.
pub(crate) struct Loaded {
    /// The command name.
    pub command: &'static str,
    /// The data.
    pub data: &'static ProductData,
    /// Product code, version and endpoints for the client.
    pub info: &'static ProductInfo,
    operations: Vec<OperationInfo>,
}

/// One operation of a loaded product.
#[derive(Clone, Copy)]
pub(crate) struct Operation {
    /// Its data.
    pub data: &'static OperationData,
    /// What the client needs to call it.
    pub info: &'static OperationInfo,
}

impl Product {
    /// A product named `command` whose command data file holds `text`.
    pub const fn new(
        command: &'static str,
        title: &'static str,
        version: &'static str,
        text: &'static str,
    ) -> Self {
        Self {
            command,
            title,
            version,
            text,
            loaded: OnceLock::new(),
        }
    }

    /// The product's data; an error naming the product when the embedded file is broken.
    pub(crate) fn load(&'static self) -> Result<&'static Loaded, String> {
        let loaded = self.loaded.get_or_init(|| {
            let data = acs_cli_data::read(self.text)
                .map_err(|e| format!("the command data of {} is broken: {e}", self.command))?;
            // Parsed once per process and kept for its life, like the embedded text itself.
            let data: &'static ProductData = Box::leak(Box::new(data));
            let endpoints: Vec<(&'static str, &'static str)> = data
                .regional_endpoints
                .iter()
                .map(|(region, host)| (region.as_str(), host.as_str()))
                .collect();
            let info = Box::leak(Box::new(ProductInfo {
                product: &data.code,
                version: &data.version,
                endpoint_pattern: &data.endpoint_pattern,
                regional_endpoints: endpoints.leak(),
            }));
            let operations = data
                .operations
                .iter()
                .map(|op| OperationInfo {
                    action: &op.name,
                    binding: Binding {
                        protocol: data.protocol,
                        method: op.method,
                        path: &op.path,
                        body: op.body,
                        answer: op.answer,
                    },
                    idempotency_token: op.idempotency_token.as_deref().map(|name| {
                        IdempotencyToken {
                            name,
                            location: op.idempotency_token_location,
                        }
                    }),
                    idempotent: op.idempotent,
                })
                .collect();
            Ok(Loaded {
                command: self.command,
                data,
                info,
                operations,
            })
        });
        loaded.as_ref().map_err(String::clone)
    }
}

impl Loaded {
    /// The operation called `name`.
    pub fn operation(&'static self, name: &str) -> Option<Operation> {
        let index = self.data.operations.iter().position(|o| o.name == name)?;
        Some(Operation {
            data: &self.data.operations[index],
            info: &self.operations[index],
        })
    }

    /// The nested struct a [`Shape::Struct`] refers to.
    pub fn structure(&self, index: usize) -> &'static StructData {
        &self.data.structs[index]
    }

    /// Whether a value of `shape` is given as one JSON argument.
    pub fn is_json(&self, shape: &Shape) -> bool {
        match shape {
            Shape::Json => true,
            Shape::Struct(index) => self.structure(*index).json,
            _ => false,
        }
    }
}
