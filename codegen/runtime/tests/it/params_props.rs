//! Properties of serialization for arbitrary nested values: keys are the documented paths,
//! values survive encoding, and `encode` agrees with a plain reference encoder.

use std::collections::BTreeMap;

use acs_runtime::RpcParams;
use acs_runtime::auth::{Credentials, SignatureVersion, SigningRequest};
use acs_runtime::params::{self, Location, Params, RpcParams as _};
use acs_runtime::wire::Method;
use percent_encoding::percent_decode_str;
use proptest::prelude::*;

#[derive(RpcParams, Debug, Clone)]
struct Inner {
    #[rpc(name = "Alg")]
    alg: Option<String>,
    #[rpc(name = "Level")]
    level: Option<i64>,
}

#[derive(RpcParams, Debug, Clone)]
struct Item {
    #[rpc(name = "Name")]
    name: String,
    #[rpc(name = "Flag")]
    flag: Option<bool>,
    #[rpc(name = "Inner")]
    inner: Option<Inner>,
    #[rpc(name = "Ids")]
    ids: Vec<String>,
}

#[derive(RpcParams, Debug, Clone)]
struct Request {
    #[rpc(name = "RegionId")]
    region_id: String,
    #[rpc(name = "Items", location = "form")]
    items: Vec<Item>,
    #[rpc(name = "Labels")]
    labels: BTreeMap<String, String>,
    #[rpc(name = "Note")]
    note: Option<String>,
}

fn inner() -> impl Strategy<Value = Inner> {
    (any::<Option<String>>(), any::<Option<i64>>()).prop_map(|(alg, level)| Inner { alg, level })
}

fn item() -> impl Strategy<Value = Item> {
    (
        any::<String>(),
        any::<Option<bool>>(),
        proptest::option::of(inner()),
        proptest::collection::vec(any::<String>(), 0..4),
    )
        .prop_map(|(name, flag, inner, ids)| Item {
            name,
            flag,
            inner,
            ids,
        })
}

fn request() -> impl Strategy<Value = Request> {
    (
        any::<String>(),
        proptest::collection::vec(item(), 0..12),
        proptest::collection::btree_map(any::<String>(), any::<String>(), 0..4),
        any::<Option<String>>(),
    )
        .prop_map(|(region_id, items, labels, note)| Request {
            region_id,
            items,
            labels,
            note,
        })
}

type Pairs = Vec<(String, String)>;

/// The pairs the documentation promises for `request`, built independently of the writer:
/// the query fields in the order of their wire names (`Labels`, `Note`, `RegionId`), the
/// body's and the nested fields in declaration order.
fn expected(request: &Request) -> (Pairs, Pairs) {
    let mut query = Vec::new();
    let mut body = Vec::new();
    for (i, item) in request.items.iter().enumerate() {
        let prefix = format!("Items.{}", i + 1);
        body.push((format!("{prefix}.Name"), item.name.clone()));
        if let Some(flag) = item.flag {
            body.push((format!("{prefix}.Flag"), flag.to_string()));
        }
        if let Some(inner) = &item.inner {
            if let Some(alg) = &inner.alg {
                body.push((format!("{prefix}.Inner.Alg"), alg.clone()));
            }
            if let Some(level) = inner.level {
                body.push((format!("{prefix}.Inner.Level"), level.to_string()));
            }
        }
        for (j, id) in item.ids.iter().enumerate() {
            body.push((format!("{prefix}.Ids.{}", j + 1), id.clone()));
        }
    }
    for (name, value) in &request.labels {
        query.push((format!("Labels.{name}"), value.clone()));
    }
    if let Some(note) = &request.note {
        query.push(("Note".to_owned(), note.clone()));
    }
    query.push(("RegionId".to_owned(), request.region_id.clone()));
    (query, body)
}

/// A plain RFC 3986 encoder: unreserved bytes as they are, every other byte as `%XY`.
fn reference_encode(s: &str) -> String {
    let mut out = String::new();
    for &byte in s.as_bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.~".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Splits an encoded `k=v&k2=v2` string into decoded pairs.
fn decode_pairs(encoded: &str) -> Pairs {
    if encoded.is_empty() {
        return Vec::new();
    }
    encoded
        .split('&')
        .map(|pair| {
            let (key, value) = pair.split_once('=').expect("every pair has `=`");
            let decode = |s: &str| {
                percent_decode_str(s)
                    .decode_utf8()
                    .expect("encoded UTF-8 decodes to UTF-8")
                    .into_owned()
            };
            (decode(key), decode(value))
        })
        .collect()
}

fn only_wire_characters(encoded: &str) -> bool {
    let bytes = encoded.as_bytes();
    bytes.iter().enumerate().all(|(i, &b)| match b {
        b'%' => {
            bytes.len() > i + 2
                && bytes[i + 1..i + 3]
                    .iter()
                    .all(|h| h.is_ascii_digit() || (b'A'..=b'F').contains(h))
        }
        b'&' | b'=' | b'-' | b'_' | b'.' | b'~' => true,
        _ => b.is_ascii_alphanumeric(),
    })
}

/// Query keys: plain, alike in their first eight bytes, list paths past nine, or anything.
fn query_pairs() -> impl Strategy<Value = Pairs> {
    let key = prop_oneof![
        "[A-Za-z0-9._~-]{0,12}",
        Just("SecurityGroupId".to_owned()),
        Just("SecurityGroupIds".to_owned()),
        "Tag\\.[0-9]{1,2}\\.(Key|Value)",
        any::<String>(),
    ];
    proptest::collection::vec((key, any::<String>()), 0..24)
}

proptest! {
    /// The query a signed request sends is its pairs encoded and sorted by encoded key, ties
    /// in the order written, whether they were written in that order (as a derived request
    /// writes its query), in that order but for two neighbours swapped, or in any other.
    #[test]
    fn the_signed_query_is_the_pairs_sorted_by_encoded_key(
        mut pairs in query_pairs(),
        presorted in any::<bool>(),
        swapped in any::<Option<prop::sample::Index>>(),
    ) {
        if presorted {
            pairs.sort_by_key(|(key, _)| reference_encode(key));
            if let Some(at) = swapped.filter(|_| pairs.len() > 1) {
                let at = at.index(pairs.len() - 1);
                pairs.swap(at, at + 1);
            }
        }
        let mut params = Params::new();
        for (key, value) in &pairs {
            params.push(Location::Query, key, value);
        }
        let request = SigningRequest {
            host: "vpc.aliyuncs.com",
            method: Method::Post,
            path: "/",
            protocol: acs_runtime::wire::Protocol::Rpc,
            action: "DescribeVpcs",
            version: "2016-04-28",
            params: &params,
            body: &acs_runtime::params::Body::of(acs_runtime::wire::BodyKind::Form, params.body(), params.payload()),
            timestamp: "2023-10-26T10:22:32Z",
            nonce: "3156853299f313e23d1673dc12e1703d",
        };
        let credentials = Credentials::new("id", "secret");
        let signed = SignatureVersion::V3.sign(&request, &credentials);
        let mut expected: Vec<(String, String)> = pairs
            .iter()
            .map(|(key, value)| (reference_encode(key), reference_encode(value)))
            .collect();
        expected.sort_by(|a, b| a.0.cmp(&b.0));
        let expected: Vec<String> = expected.iter().map(|(k, v)| format!("{k}={v}")).collect();
        prop_assert_eq!(signed.query, expected.join("&"));
    }

    #[test]
    fn keys_are_documented_paths_and_values_round_trip(request in request()) {
        let (query, body) = expected(&request);
        let params = request.to_params();
        prop_assert!(*params.query() == query[..], "{:?} != {:?}", params.query(), query);
        prop_assert!(*params.body() == body[..], "{:?} != {:?}", params.body(), body);

        let encoded = request.to_encoded();
        prop_assert_eq!(encoded.query(), params.encoded_query());
        prop_assert_eq!(encoded.body(), params.encoded_body());
        prop_assert!(only_wire_characters(encoded.query()), "{}", encoded.query());
        prop_assert!(only_wire_characters(encoded.body()), "{}", encoded.body());
        prop_assert_eq!(decode_pairs(encoded.query()), query);
        prop_assert_eq!(decode_pairs(encoded.body()), body);
    }

    #[test]
    fn encode_agrees_with_the_reference_encoder(s in any::<String>()) {
        let encoded = params::encode(&s);
        prop_assert_eq!(&*encoded, reference_encode(&s));
        let mut appended = String::from("prefix");
        params::encode_into(&mut appended, &s);
        prop_assert_eq!(&appended["prefix".len()..], &*encoded);
        prop_assert_eq!(percent_decode_str(&encoded).decode_utf8().unwrap(), s.as_str());
    }

    #[test]
    fn encode_agrees_on_ascii_heavy_strings(s in "[ -~]{0,40}") {
        prop_assert_eq!(&*params::encode(&s), reference_encode(&s));
    }
}

proptest! {
    /// Any path value travels as one segment: the rendered path has the template's slashes
    /// and the segment decodes back to the value; only the values that would address another
    /// path (empty, `.`, `..`) are refused.
    #[test]
    fn a_path_value_is_one_segment_that_decodes_back(value in "\\PC{0,12}|[./%~+* ]{0,4}") {
        let mut values = params::Pairs::default();
        values.push("Id", &value);
        match params::render_path("/clusters/{Id}/nodepools", &values) {
            Ok(path) => {
                prop_assert_eq!(path.matches('/').count(), 3);
                let segment = path
                    .strip_prefix("/clusters/")
                    .and_then(|rest| rest.strip_suffix("/nodepools"))
                    .unwrap();
                prop_assert_eq!(percent_decode_str(segment).decode_utf8().unwrap(), value.as_str());
            }
            Err(_) => prop_assert!(matches!(value.as_str(), "" | "." | "..")),
        }
    }
}
