//! The data-driven command puts on the wire what the typed SDK puts there: for every Vpc
//! operation, every parameter given (lists with one item, maps with one key, json-style values
//! complete), the keys sent and their locations equal those the SDK's request types write,
//! read from the lowered model the SDK is generated from; and for requests with nested lists,
//! json-style and delimited values, the pairs equal the typed request's exactly.

use std::collections::BTreeSet;
use std::path::Path;

use crate::support::*;
use acs_cli_data::{Field, ProductData, Shape, Style};
use acs_codegen::ir::{self, TypeIr, TypeRef, TypeSpace};
use acs_codegen::spec::model::{self, Location};
use acs_runtime::params::{Params, RpcParams};
use acs_tests::Reply;
use serde_json::{Value, json};

/// The key of the one entry given to maps.
const MAP_KEY: &str = "K1";

fn data() -> ProductData {
    acs_cli_data::read(include_str!("../../../../generated/acs/data/vpc.json")).unwrap()
}

fn lowered() -> ir::CrateIr {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let (tree, diagnostics) = acs_codegen::spec::load_tree(&repo.join("spec"));
    assert!(diagnostics.is_empty(), "{diagnostics}");
    let dir = tree
        .products
        .iter()
        .find(|p| p.product.product == "Vpc")
        .unwrap();
    let package = acs_codegen::naming::product::package("Vpc", &dir.product.version, false);
    ir::lower_product(dir, package, String::new()).expect("a checked spec lowers")
}

/// `--Name value` arguments giving every part of `field` a value.
fn arguments(data: &ProductData, field: &Field, args: &mut Vec<String>) {
    if field.style == Style::Json || is_json(data, &field.shape) {
        args.extend([
            format!("--{}", field.name),
            sample_json(data, &field.shape).to_string(),
        ]);
    } else if field.style.separator().is_some() {
        args.extend([format!("--{}.1", field.name), leaf(&field.shape)]);
    } else {
        flat(data, &field.name, &field.shape, args);
    }
}

fn flat(data: &ProductData, name: &str, shape: &Shape, args: &mut Vec<String>) {
    match shape {
        _ if is_json(data, shape) => {
            args.extend([format!("--{name}"), sample_json(data, shape).to_string()]);
        }
        Shape::List { item, .. } => flat(data, &format!("{name}.1"), item, args),
        Shape::Map(value) => flat(data, &format!("{name}.{MAP_KEY}"), value, args),
        Shape::Struct(i) => {
            for f in &data.structs[*i].fields {
                flat(data, &format!("{name}.{}", f.name), &f.shape, args);
            }
        }
        leaf_shape => args.extend([format!("--{name}"), leaf(leaf_shape)]),
    }
}

fn is_json(data: &ProductData, shape: &Shape) -> bool {
    match shape {
        Shape::Json => true,
        Shape::Struct(i) => data.structs[*i].json,
        _ => false,
    }
}

fn leaf(shape: &Shape) -> String {
    match shape {
        Shape::Int32 | Shape::Int64 => "7".into(),
        Shape::Float32 | Shape::Float64 => "1.5".into(),
        Shape::Boolean => "true".into(),
        Shape::Enum(values) => values[0].clone(),
        Shape::List { item, .. } => leaf(item),
        _ => "s".into(),
    }
}

fn sample_json(data: &ProductData, shape: &Shape) -> Value {
    match shape {
        Shape::String => json!("s"),
        Shape::Int32 | Shape::Int64 => json!(7),
        Shape::Float32 | Shape::Float64 => json!(1.5),
        Shape::Boolean => json!(true),
        Shape::Enum(values) => json!(values[0]),
        Shape::Json => json!({"any": 1}),
        Shape::Binary => json!("bytes"),
        Shape::List { item, .. } => json!([sample_json(data, item)]),
        Shape::Map(value) => json!({ MAP_KEY: sample_json(data, value) }),
        Shape::Struct(i) => Value::Object(
            data.structs[*i]
                .fields
                .iter()
                .map(|f| (f.name.clone(), sample_json(data, &f.shape)))
                .collect(),
        ),
    }
}

/// Wire keys of a lowered request as the SDK's derive writes them, lists as `N`.
fn sdk_keys(op: &ir::OperationIr, types: &TypeSpace) -> BTreeSet<(String, bool)> {
    let mut keys = BTreeSet::new();
    for field in &op.request.fields {
        let body = field.location == Some(Location::Form);
        let whole = matches!(
            field.style,
            Some(
                model::Style::Json
                    | model::Style::Simple
                    | model::Style::SpaceDelimited
                    | model::Style::PipeDelimited
            )
        );
        let mut names = BTreeSet::new();
        if whole {
            names.insert(field.wire.clone());
        } else {
            expand(&field.ty, &field.wire, types, &mut names);
        }
        keys.extend(names.into_iter().map(|k| (k, body)));
    }
    keys
}

fn expand(ty: &TypeRef, key: &str, types: &TypeSpace, keys: &mut BTreeSet<String>) {
    match ty {
        TypeRef::List(item, _) => expand(item, &format!("{key}.N"), types, keys),
        TypeRef::Struct(i) => match types.get(*i) {
            TypeIr::Struct(s) if s.json => {
                keys.insert(key.to_owned());
            }
            TypeIr::Struct(s) => {
                for f in &s.fields {
                    expand(&f.ty, &format!("{key}.{}", f.wire), types, keys);
                }
            }
            TypeIr::Enum(_) => unreachable!("a struct index"),
        },
        TypeRef::Map(value) => expand(value, &format!("{key}.{MAP_KEY}"), types, keys),
        _ => {
            keys.insert(key.to_owned());
        }
    }
}

/// `Tag.1.Key` -> `Tag.N.Key`.
fn numbered(key: &str) -> String {
    key.split('.')
        .map(|part| {
            if part.bytes().all(|b| b.is_ascii_digit()) {
                "N"
            } else {
                part
            }
        })
        .collect::<Vec<_>>()
        .join(".")
}

#[tokio::test]
async fn every_vpc_operation_sends_the_keys_of_the_typed_request() {
    let data = data();
    let ir = lowered();
    assert_eq!(data.operations.len(), ir.operations.len());
    let server = server(Reply::json(200, "{}")).await;
    let endpoint = server.endpoint();
    let mut checked = 0;
    for (op, typed) in data.operations.iter().zip(&ir.operations) {
        assert_eq!(op.name, typed.action);
        let mut args = vec!["vpc".to_owned(), op.name.clone()];
        for field in &op.parameters {
            arguments(&data, field, &mut args);
        }
        args.extend(["--no-validate", "--no-retry", "--endpoint", &endpoint].map(String::from));
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let before = server.verified().len();
        let outcome = acs(&args, &env_keys()).await;
        assert_eq!(outcome.status, 0, "{}: {outcome:#?}", op.name);
        let sent = &server.verified()[before];
        let token = op.idempotency_token.as_deref();
        let query = sent.query.iter().map(|(k, _)| (numbered(k), false));
        let form = sent.form.iter().map(|(k, _)| (numbered(k), true));
        let keys: BTreeSet<(String, bool)> = query.chain(form).collect();
        let mut expected = sdk_keys(typed, &ir.types);
        if let Some(token) = token {
            expected.insert((token.to_owned(), false));
        }
        assert_eq!(keys, expected, "{}", op.name);
        checked += keys.len();
    }
    assert!(checked > 2000, "{checked} keys compared");
}

/// The pairs the command sends for `args` (after `acs vpc`), query then body.
async fn sent_pairs(args: &[&str]) -> Vec<(String, String)> {
    let server = server(Reply::json(200, "{}")).await;
    let endpoint = server.endpoint();
    let mut line = vec!["vpc"];
    line.extend_from_slice(args);
    line.extend_from_slice(&["--endpoint", &endpoint]);
    let outcome = acs(&line, &env_keys()).await;
    assert_eq!(outcome.status, 0, "{outcome:#?}");
    let sent = server.verified().remove(0);
    sent.query
        .into_iter()
        .chain(sent.form)
        .filter(|(k, _)| k != "ClientToken")
        .collect()
}

/// The typed request's pairs, sorted by key.
fn typed_pairs(request: &dyn RpcParams) -> Vec<(String, String)> {
    let params = Params::of(request);
    let decode = |text: String| -> Vec<(String, String)> {
        text.split('&')
            .filter(|p| !p.is_empty())
            .map(|p| {
                let (k, v) = p.split_once('=').unwrap();
                let d = |s: &str| percent_decode(s);
                (d(k), d(v))
            })
            .collect()
    };
    let mut pairs = decode(params.encoded_query());
    pairs.extend(decode(params.encoded_body()));
    pairs.sort_by(|a, b| a.0.cmp(&b.0));
    pairs
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            out.push(u8::from_str_radix(&text[i + 1..i + 3], 16).unwrap());
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

fn sorted(mut pairs: Vec<(String, String)>) -> Vec<(String, String)> {
    pairs.sort_by(|a, b| a.0.cmp(&b.0));
    pairs
}

#[tokio::test]
async fn nested_json_and_delimited_values_equal_the_typed_requests() {
    use acs_vpc::operation::create_vpn_connection::CreateVpnConnectionRequest;
    use acs_vpc::types;

    let cli = sent_pairs(&[
        "CreateVpnConnection",
        "--RegionId",
        "cn-hangzhou",
        "--VpnGatewayId",
        "vpn-1",
        "--LocalSubnet",
        "10.0.0.0/24",
        "--RemoteSubnet",
        "10.1.0.0/24",
        "--TunnelOptionsSpecification.1.TunnelIkeConfig.IkeVersion",
        "ikev2",
        "--TunnelOptionsSpecification.1.CustomerGatewayId",
        "cgw-1",
        "--TunnelOptionsSpecification.1.TunnelBgpConfig.LocalAsn",
        "65000",
        "--Tags.1.Key",
        "k",
        "--Tags.1.Value",
        "v b",
    ])
    .await;
    let typed = CreateVpnConnectionRequest::builder()
        .region_id("cn-hangzhou")
        .vpn_gateway_id("vpn-1")
        .local_subnet("10.0.0.0/24")
        .remote_subnet("10.1.0.0/24")
        .tunnel_options_specification([types::CreateVpnConnectionTunnelOptionsSpecification {
            customer_gateway_id: Some("cgw-1".into()),
            tunnel_ike_config: Some(types::TunnelIkeConfig {
                ike_version: Some("ikev2".into()),
                ..Default::default()
            }),
            tunnel_bgp_config: Some(types::TunnelBgpConfig {
                local_asn: Some(65000),
                ..Default::default()
            }),
            ..Default::default()
        }])
        .tags([types::CreateCustomerGatewayTag {
            key: Some("k".into()),
            value: Some("v b".into()),
        }])
        .build_unchecked();
    assert_eq!(sorted(cli), typed_pairs(&typed));
}
