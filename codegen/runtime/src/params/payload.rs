//! [`Payload`]: the body of a REST request other than a form: the members of a JSON object,
//! or one whole body (JSON, text or bytes), and how it becomes the bytes that are sent.

use bytes::Bytes;
use serde::Serialize;
use serde_json::Value;

use super::Pairs;
use crate::wire::BodyKind;

/// The JSON or raw body of a request, as its parameters wrote it.
#[derive(Debug, Clone, Default, PartialEq)]
pub enum Payload {
    /// Nothing written.
    #[default]
    None,
    /// Members of a JSON object body, by wire name, in the order written.
    Members(Vec<(String, Value)>),
    /// The whole body, as it is sent: JSON text, text, or bytes.
    Whole(Bytes),
}

impl Payload {
    /// Adds the member `name`; a `null` value (an unset `Option`) adds nothing, and a second
    /// member of the same name replaces the first.
    pub fn member(&mut self, name: &str, value: Value) {
        if value.is_null() {
            return;
        }
        if !matches!(self, Self::Members(_)) {
            *self = Self::Members(Vec::new());
        }
        if let Self::Members(members) = self {
            match members.iter_mut().find(|(n, _)| n == name) {
                Some(member) => member.1 = value,
                None => members.push((name.to_owned(), value)),
            }
        }
    }

    /// The value of member `name`, if any.
    pub fn get(&self, name: &str) -> Option<&Value> {
        match self {
            Self::Members(members) => members.iter().find(|(n, _)| n == name).map(|(_, v)| v),
            Self::None | Self::Whole(_) => None,
        }
    }

    /// Removes member `name`.
    pub fn remove(&mut self, name: &str) {
        if let Self::Members(members) = self {
            members.retain(|(n, _)| n != name);
        }
    }
}

/// A request body ready to send: its bytes and content type.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Body {
    /// The `Content-Type`, when there is a body.
    pub content_type: Option<&'static str>,
    /// The bytes as sent (empty when there is no body).
    pub bytes: Bytes,
}

impl Body {
    /// No body.
    pub fn empty() -> Self {
        Self::default()
    }

    /// The body of a request whose binding says `kind`, from its form pairs and payload.
    ///
    /// A form is its pairs encoded (none without pairs); JSON members are one compact JSON
    /// object in the order written (`{}` with none, as the official SDKs send); a whole body
    /// is sent as written. The content type is the kind's.
    pub fn of(kind: BodyKind, form: &Pairs, payload: &Payload) -> Self {
        let bytes = match (kind, payload) {
            (BodyKind::Form, _) if form.is_empty() => return Self::empty(),
            (BodyKind::Form, _) => Bytes::from(form.encoded()),
            (BodyKind::Fields, Payload::Members(members)) => Bytes::from(json_object(members)),
            (BodyKind::Fields, _) => Bytes::from_static(b"{}"),
            (_, Payload::Whole(bytes)) => bytes.clone(),
            (_, Payload::None | Payload::Members(_)) => return Self::empty(),
        };
        Self {
            content_type: Some(kind.content_type()),
            bytes,
        }
    }

    /// Whether there is no body.
    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty() && self.content_type.is_none()
    }
}

/// `{"a":1,"b":"x"}`: members in order, compact, non-ASCII kept as UTF-8.
fn json_object(members: &[(String, Value)]) -> String {
    let mut out = String::from("{");
    for (i, (name, value)) in members.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&Value::from(name.as_str()).to_string());
        out.push(':');
        out.push_str(&value.to_string());
    }
    out.push('}');
    out
}

/// A value serialized for a JSON body; what cannot be serialized (a map with keys that are
/// not strings: generated types never are) is `null`, so sends nothing.
pub(crate) fn json_value<T: Serialize + ?Sized>(value: &T) -> Value {
    serde_json::to_value(value).unwrap_or(Value::Null)
}

/// A field that can be a whole text or binary body: strings and bytes, possibly optional.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be a whole text or binary body",
    label = "not text or bytes",
    note = "a `text` or `binary` body is a `String`, `Bytes` or `Vec<u8>`, possibly in an `Option`"
)]
pub trait RawBody {
    /// The bytes to send, or `None` when unset.
    fn raw_body(&self) -> Option<Bytes>;
}

impl RawBody for str {
    fn raw_body(&self) -> Option<Bytes> {
        Some(Bytes::copy_from_slice(self.as_bytes()))
    }
}

impl RawBody for String {
    fn raw_body(&self) -> Option<Bytes> {
        self.as_str().raw_body()
    }
}

impl RawBody for [u8] {
    fn raw_body(&self) -> Option<Bytes> {
        Some(Bytes::copy_from_slice(self))
    }
}

impl RawBody for Vec<u8> {
    fn raw_body(&self) -> Option<Bytes> {
        self.as_slice().raw_body()
    }
}

impl RawBody for Bytes {
    fn raw_body(&self) -> Option<Bytes> {
        Some(self.clone())
    }
}

impl<T: RawBody + ?Sized> RawBody for &T {
    fn raw_body(&self) -> Option<Bytes> {
        (**self).raw_body()
    }
}

impl<T: RawBody + ?Sized> RawBody for Box<T> {
    fn raw_body(&self) -> Option<Bytes> {
        (**self).raw_body()
    }
}

impl<T: RawBody> RawBody for Option<T> {
    fn raw_body(&self) -> Option<Bytes> {
        self.as_ref().and_then(RawBody::raw_body)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn members_become_one_compact_object_in_the_order_written() {
        let mut payload = Payload::default();
        payload.member("count", json!(2));
        payload.member("name", json!("é \"x\"\n"));
        payload.member("unset", Value::Null);
        payload.member("tags", json!([{"key": "a", "value": "b"}]));
        let body = Body::of(BodyKind::Fields, &Pairs::default(), &payload);
        assert_eq!(
            body.bytes,
            "{\"count\":2,\"name\":\"é \\\"x\\\"\\n\",\"tags\":[{\"key\":\"a\",\"value\":\"b\"}]}"
        );
        assert_eq!(body.content_type, Some("application/json; charset=utf-8"));
        payload.member("count", json!(3));
        payload.remove("tags");
        assert_eq!(
            Body::of(BodyKind::Fields, &Pairs::default(), &payload).bytes,
            "{\"count\":3,\"name\":\"é \\\"x\\\"\\n\"}"
        );
    }

    #[test]
    fn each_kind_has_its_bytes_and_content_type() {
        let mut form = Pairs::default();
        assert!(Body::of(BodyKind::Form, &form, &Payload::None).is_empty());
        form.push("A", "x y");
        let body = Body::of(BodyKind::Form, &form, &Payload::None);
        assert_eq!(
            (body.bytes, body.content_type),
            ("A=x%20y".into(), Some("application/x-www-form-urlencoded"))
        );
        let empty = Body::of(BodyKind::Fields, &Pairs::default(), &Payload::None);
        assert_eq!(empty.bytes, "{}");
        let whole = Payload::Whole(Bytes::from_static(b"\x00\xff"));
        let binary = Body::of(BodyKind::Binary, &Pairs::default(), &whole);
        assert_eq!(
            (binary.bytes.as_ref(), binary.content_type),
            (&b"\x00\xff"[..], Some("application/octet-stream"))
        );
        assert!(Body::of(BodyKind::Text, &Pairs::default(), &Payload::None).is_empty());
    }

    #[test]
    fn strings_and_bytes_are_raw_bodies_and_none_is_none() {
        assert_eq!("a".raw_body(), Some(Bytes::from_static(b"a")));
        assert_eq!(Some(vec![1u8]).raw_body(), Some(Bytes::from_static(&[1])));
        assert_eq!(None::<String>.raw_body(), None);
    }
}
