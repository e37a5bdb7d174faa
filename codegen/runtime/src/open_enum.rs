//! `open_enum!`: enumerated wire strings that never break on a value the spec does not know.
//!
//! Services widen their valid values over time. An open enum has one variant per value the
//! spec documents plus `Unknown(String)`: a response carrying a new value still parses, and a
//! request can still send one (validation reports it unless the request is built unchecked).

/// Declares an open enum: variants with their wire strings, plus `Unknown(String)`.
///
/// The type gets `as_str()`, `KNOWN`, `is_known()`, `FromStr` (infallible), `From<&str>`,
/// `From<String>`, `Display`, `AsRef<str>`, serde `Serialize`/`Deserialize` as its wire string,
/// [`FromJson`](crate::de::FromJson) from its wire string and RPC serialization as its wire
/// string.
///
/// ```
/// acs_runtime::open_enum! {
///     /// The network type.
///     pub enum NetworkType {
///         /// A public gateway.
///         Public = "public",
///         /// A private gateway.
///         Private = "private",
///     }
/// }
/// assert_eq!(NetworkType::Public.as_str(), "public");
/// assert_eq!("private".parse::<NetworkType>().unwrap(), NetworkType::Private);
/// assert_eq!(NetworkType::from("hybrid"), NetworkType::Unknown("hybrid".into()));
/// assert!(!NetworkType::from("hybrid").is_known());
///
/// // An element of a `simple`-style list, joined with the others.
/// #[derive(acs_runtime::RpcParams)]
/// struct Request {
///     #[rpc(name = "Types", style = "simple")]
///     types: Vec<NetworkType>,
/// }
/// use acs_runtime::params::RpcParams as _;
/// let request = Request { types: vec![NetworkType::Public, NetworkType::from("hybrid")] };
/// assert_eq!(request.to_params().query().get(0), Some(("Types", "public,hybrid")));
/// ```
#[macro_export]
macro_rules! open_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $wire:literal, )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash)]
        $vis enum $name {
            $( $(#[$vmeta])* $variant, )*
            /// A value this version of the spec does not know, kept verbatim.
            Unknown(::std::string::String),
        }
        $crate::open_enum_impls!($name { $( $variant = $wire, )* });
    };
}

/// The impls of an open enum whose definition is written out (as generated code does):
/// the enum must have the listed unit variants plus `Unknown(String)`.
#[macro_export]
macro_rules! open_enum_impls {
    ($name:ident { $( $variant:ident = $wire:literal, )* }) => {
        impl $name {
            /// Every wire value the spec documents.
            pub const KNOWN: &'static [&'static str] = &[$($wire),*];

            /// The wire string.
            pub fn as_str(&self) -> &str {
                match self {
                    $( Self::$variant => $wire, )*
                    Self::Unknown(value) => value,
                }
            }

            /// Whether the spec documents this value.
            pub fn is_known(&self) -> bool {
                !matches!(self, Self::Unknown(_))
            }
        }

        impl ::std::convert::From<&str> for $name {
            fn from(value: &str) -> Self {
                match value {
                    $( $wire => Self::$variant, )*
                    other => Self::Unknown(other.to_owned()),
                }
            }
        }

        impl ::std::convert::From<::std::string::String> for $name {
            fn from(value: ::std::string::String) -> Self {
                match Self::from(value.as_str()) {
                    Self::Unknown(_) => Self::Unknown(value),
                    known => known,
                }
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = ::std::convert::Infallible;
            fn from_str(value: &str) -> ::std::result::Result<Self, Self::Err> {
                Ok(Self::from(value))
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::std::convert::AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                self.as_str()
            }
        }

        impl $crate::__private::serde::Serialize for $name {
            fn serialize<S: $crate::__private::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> $crate::__private::serde::Deserialize<'de> for $name {
            fn deserialize<D: $crate::__private::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<Self, D::Error> {
                let value: ::std::string::String =
                    $crate::__private::serde::Deserialize::deserialize(deserializer)?;
                Ok(Self::from(value))
            }
        }

        impl $crate::de::FromJson for $name {
            fn from_json(
                value: $crate::__private::serde_json::Value,
            ) -> ::std::result::Result<Self, $crate::__private::serde_json::Error> {
                <::std::string::String as $crate::de::FromJson>::from_json(value).map(Self::from)
            }
        }

        impl $crate::params::RpcValue for $name {
            fn write_value(
                &self,
                w: &mut $crate::params::ParamWriter<'_>,
                key: &mut ::std::string::String,
            ) {
                $crate::params::RpcValue::write_value(self.as_str(), w, key)
            }

            fn write_param(
                &self,
                w: &mut $crate::params::ParamWriter<'_>,
                name: $crate::params::ParamName<'_>,
            ) {
                $crate::params::RpcValue::write_param(self.as_str(), w, name)
            }
        }

        // An element of a delimited list (`simple` style): its wire text.
        impl $crate::params::RpcScalar for $name {
            fn write_text(&self, out: &mut ::std::string::String) {
                out.push_str(self.as_str());
            }
        }
    };
}
