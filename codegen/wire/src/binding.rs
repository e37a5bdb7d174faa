//! [`Binding`]: how one operation is sent over HTTP.

use crate::{AnswerKind, BodyKind, Method, Protocol};

/// How an operation is sent: its method, its path, what its body is made of and what its
/// answer is.
///
/// Resolved once per operation from the product's protocol by the generator, and read by
/// everything that sends or shows a request: the client, the signers, the `acs` command.
/// An RPC operation is `POST /` or, where its documentation says so, `GET /`, with a form
/// body and a JSON object for an answer. A REST operation has a path template such as
/// `/clusters/{ClusterId}` (see [`PathTemplate`](crate::PathTemplate)).
///
/// The path is a `&'static str` in generated code; a tool that reads specs at run time holds
/// it as a `String`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Binding<P = &'static str> {
    /// The product's protocol: how the request is addressed and, with signature V1, signed.
    pub protocol: Protocol,
    /// The HTTP method.
    pub method: Method,
    /// The path template, starting with `/`: `/` for RPC; `{Name}` stands for the path
    /// parameter whose wire name is `Name`.
    pub path: P,
    /// What the body is made of.
    pub body: BodyKind,
    /// What the successful answer is.
    pub answer: AnswerKind,
}

impl Binding {
    /// The path of every RPC operation.
    pub const RPC_PATH: &'static str = "/";

    /// The binding of an RPC operation sent with `method`: to `/`, its parameters in the
    /// query and, unless `method` has no body, the form body; a JSON object answer.
    pub const fn rpc(method: Method) -> Self {
        Self {
            protocol: Protocol::Rpc,
            method,
            path: Self::RPC_PATH,
            body: BodyKind::Form,
            answer: AnswerKind::Object,
        }
    }

    /// The binding of a REST (ROA) operation.
    pub const fn rest(
        method: Method,
        path: &'static str,
        body: BodyKind,
        answer: AnswerKind,
    ) -> Self {
        Self {
            protocol: Protocol::Roa,
            method,
            path,
            body,
            answer,
        }
    }
}

impl<P: AsRef<str>> Binding<P> {
    /// The same binding with its path borrowed.
    pub fn borrowed(&self) -> Binding<&str> {
        Binding {
            protocol: self.protocol,
            method: self.method,
            path: self.path.as_ref(),
            body: self.body,
            answer: self.answer,
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
        assert_eq!(
            (binding.body, binding.answer),
            (BodyKind::Form, AnswerKind::Object)
        );
    }
}
