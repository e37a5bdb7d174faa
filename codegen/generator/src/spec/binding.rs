//! What a product's protocol means for how its operations are sent: each operation's HTTP
//! binding, resolved once, and what the protocol cannot send. The one place in the generator
//! that tells the protocols apart.

use acs_wire::{Binding, Location, Method};

use super::model::{Operation, Protocol};

/// How `op` of a product speaking `protocol` is sent.
pub fn resolve(protocol: Protocol, op: &Operation) -> Binding {
    match protocol {
        // RPC: every operation at `/`, by the method its documentation gives.
        Protocol::Rpc => Binding::rpc(op.method),
    }
}

/// What `op` asks of its binding that `protocol` cannot send: each with the YAML path of the
/// key at fault.
pub fn problems(protocol: Protocol, op: &Operation) -> Vec<(String, String)> {
    let mut problems = Vec::new();
    let methods: &[Method] = match protocol {
        Protocol::Rpc => &[Method::Post, Method::Get],
    };
    if !methods.contains(&op.method) {
        let allowed: Vec<&str> = methods.iter().map(|m| m.as_str()).collect();
        problems.push((
            "method".to_owned(),
            format!(
                "method `{}` is not one of this protocol's: {}",
                op.method,
                allowed.join(", ")
            ),
        ));
    }
    if !op.method.has_body() {
        for (i, parameter) in op.parameters.iter().enumerate() {
            if parameter.location == Some(Location::Form) {
                problems.push((
                    format!("parameters[{i}].in"),
                    format!(
                        "a `{}` request has no body: parameter `{}` cannot travel in the form body; put it in the query or send the operation with POST",
                        op.method,
                        parameter.name.as_deref().unwrap_or_default()
                    ),
                ));
            }
        }
    }
    problems
}
