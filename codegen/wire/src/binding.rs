//! [`Binding`]: how one operation is sent over HTTP.

use crate::Method;

/// How an operation is sent: its method and its path.
///
/// Resolved once per operation from the product's protocol by the generator, and read by
/// everything that sends or shows a request: the client, the signers, the `acs` command.
/// An RPC operation is `POST /` or, where its documentation says so, `GET /`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Binding {
    /// The HTTP method.
    pub method: Method,
    /// The path, starting with `/`.
    pub path: &'static str,
}

impl Binding {
    /// The path of every RPC operation.
    pub const RPC_PATH: &'static str = "/";

    /// The binding of an RPC operation sent with `method`: to `/`, its parameters in the
    /// query and, unless `method` has no body, the form body.
    pub const fn rpc(method: Method) -> Self {
        Self {
            method,
            path: Self::RPC_PATH,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_rpc_binding_goes_to_the_root_path() {
        let binding = Binding::rpc(Method::Get);
        assert_eq!((binding.method, binding.path), (Method::Get, "/"));
    }
}
