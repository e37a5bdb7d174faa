//! [`FromAnswer`]: a response built from a successful answer by what its body is: JSON (an
//! object or an array, through [`FromJson`]), text, bytes, or nothing.

use serde::de::Error as _;

use super::FromJson;
use crate::client::Answer;

/// A response built from a successful answer.
///
/// Every [`FromJson`] type is one: its body is parsed as JSON. The responses of operations
/// that answer with text, bytes or nothing implement it with [`text_answer!`](crate::text_answer),
/// [`binary_answer!`](crate::binary_answer) or [`empty_answer!`](crate::empty_answer).
pub trait FromAnswer: Sized {
    /// Builds the response; an error says what did not fit.
    fn from_answer(answer: &Answer) -> Result<Self, serde_json::Error>;
}

impl<T: FromJson> FromAnswer for T {
    fn from_answer(answer: &Answer) -> Result<Self, serde_json::Error> {
        let mut value = T::from_json(serde_json::from_slice(&answer.body)?)?;
        value.read_headers(answer);
        Ok(value)
    }
}

/// The body of `answer` as text: it must be UTF-8.
pub fn answer_text(answer: &Answer) -> Result<String, serde_json::Error> {
    String::from_utf8(answer.body.to_vec())
        .map_err(|e| serde_json::Error::custom(format!("the answer is not UTF-8 text: {e}")))
}

/// Implements [`FromAnswer`] for a response `struct $name { pub text: String }`: the body as
/// UTF-8 text.
#[macro_export]
macro_rules! text_answer {
    ($name:ident) => {
        impl $crate::de::FromAnswer for $name {
            fn from_answer(
                answer: &$crate::client::Answer,
            ) -> ::std::result::Result<Self, $crate::__private::serde_json::Error> {
                $crate::de::answer_text(answer).map(|text| Self { text })
            }
        }
    };
}

/// Implements [`FromAnswer`] for a response `struct $name { pub body: Bytes }`: the body as
/// received.
#[macro_export]
macro_rules! binary_answer {
    ($name:ident) => {
        impl $crate::de::FromAnswer for $name {
            fn from_answer(
                answer: &$crate::client::Answer,
            ) -> ::std::result::Result<Self, $crate::__private::serde_json::Error> {
                ::std::result::Result::Ok(Self {
                    body: answer.body.clone(),
                })
            }
        }
    };
}

/// Implements [`FromAnswer`] for a response `struct $name {}` whose body says nothing: any
/// body is accepted and left unread.
#[macro_export]
macro_rules! empty_answer {
    ($name:ident) => {
        impl $crate::de::FromAnswer for $name {
            fn from_answer(
                answer: &$crate::client::Answer,
            ) -> ::std::result::Result<Self, $crate::__private::serde_json::Error> {
                let _ = answer;
                ::std::result::Result::Ok(Self {})
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use bytes::Bytes;

    use super::*;

    fn answer(body: &'static [u8]) -> Answer {
        Answer {
            status: 200,
            content_type: None,
            headers: [(
                reqwest::header::ETAG,
                reqwest::header::HeaderValue::from_static("\"v1\""),
            )]
            .into_iter()
            .collect(),
            body: Bytes::from_static(body),
        }
    }

    #[derive(Debug)]
    struct Text {
        text: String,
    }
    crate::text_answer!(Text);

    #[derive(Debug)]
    struct Binary {
        body: Bytes,
    }
    crate::binary_answer!(Binary);

    #[derive(Debug)]
    struct Empty {}
    crate::empty_answer!(Empty);

    #[test]
    fn each_kind_reads_its_body() {
        assert_eq!(Text::from_answer(&answer(b"a\xc3\xa9")).unwrap().text, "aé");
        assert!(
            Text::from_answer(&answer(b"\xff"))
                .unwrap_err()
                .to_string()
                .contains("not UTF-8")
        );
        assert_eq!(
            Binary::from_answer(&answer(b"\x00\xff")).unwrap().body,
            &b"\x00\xff"[..]
        );
        assert!(Empty::from_answer(&answer(b"<html>")).is_ok());
        assert_eq!(
            Vec::<i32>::from_answer(&answer(b"[1,\"2\"]")).unwrap(),
            [1, 2]
        );
        assert!(Vec::<i32>::from_answer(&answer(b"")).is_err());
    }

    /// A response with a field in the body and one in a header.
    #[derive(Debug)]
    struct Tagged {
        name: Option<String>,
        etag: Option<String>,
    }

    impl FromJson for Tagged {
        fn from_json(value: serde_json::Value) -> Result<Self, serde_json::Error> {
            let mut fields = crate::de::Fields::new(value)?;
            let value = Self {
                name: fields.read("name"),
                etag: None,
            };
            fields.finish()?;
            Ok(value)
        }

        fn read_headers(&mut self, answer: &Answer) {
            self.etag = answer.header("ETag").map(str::to_owned);
        }
    }

    #[test]
    fn header_fields_are_read_after_the_body_whatever_the_case() {
        let tagged = Tagged::from_answer(&answer(br#"{"name":"f"}"#)).unwrap();
        assert_eq!(tagged.name.as_deref(), Some("f"));
        assert_eq!(tagged.etag.as_deref(), Some("\"v1\""));
    }
}
