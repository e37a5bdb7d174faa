//! The generated requests put on the wire exactly what the metadata names: for every
//! operation of every checked-in product, the wire keys the request can emit (nested keys included, lists as `N`) equal the
//! metadata's parameter names, and each parameter's location and style match. Checked on the
//! loaded and lowered model the emitters render, then spot-checked on real serializations.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use acs_codegen::ir::{self, OperationIr, TypeIr, TypeRef, TypeSpace};
use acs_codegen::spec::model::{Location, Style};
use acs_runtime::params::RpcParams;
use serde_json::Value;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_owned()
}

fn lowered(product: &str) -> ir::CrateIr {
    let (tree, diagnostics) = acs_codegen::spec::load_tree(&repo().join("spec"));
    assert!(diagnostics.is_empty(), "{diagnostics}");
    let dir = tree
        .products
        .iter()
        .find(|p| p.product.product == product)
        .unwrap();
    let package = acs_codegen::naming::product::package(product, &dir.product.version, false);
    ir::lower_product(dir, package, String::new()).expect("a checked spec lowers")
}

fn metadata(name: &str) -> Value {
    let text = fs::read_to_string(repo().join("tests/data/metadata").join(name)).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// A metadata parameter's top-level facts: location and style.
#[derive(Debug, PartialEq, Eq, Clone)]
struct Top {
    location: Location,
    style: Option<Style>,
}

/// Wire keys of the metadata, read independently of the importer: `Name`, `Name.N`,
/// `Name.N.Field`, `Name.Field`; one key for styles that send the whole value as one string.
fn metadata_keys(op: &Value) -> (BTreeSet<String>, BTreeMap<String, Top>) {
    let mut keys = BTreeSet::new();
    let mut tops = BTreeMap::new();
    for p in op["parameters"].as_array().unwrap() {
        let name = normalize(p["name"].as_str().unwrap());
        let style = p["style"].as_str();
        let whole = matches!(
            style,
            Some("json" | "simple" | "spaceDelimited" | "pipeDelimited")
        );
        let top = name.split('.').next().unwrap().to_owned();
        // Sent flat, a free-form value is a dictionary: the official SDKs flatten its keys.
        let flat = matches!(style, Some("flat" | "repeatList")) || name != top;
        if whole {
            keys.insert(name.clone());
        } else {
            walk(&p["schema"], &name, flat, &mut keys);
        }
        let location = match p["in"].as_str() {
            Some("formData" | "body") => Location::Form,
            _ => Location::Query,
        };
        // Indexed names (`Filter.1.Key`) are a flattened list by construction, dotted names
        // (`SystemDisk.Size`) a field of an object sent flat, unless the object is listed too.
        let dotted = name != top;
        let style = match style {
            _ if name != p["name"].as_str().unwrap() => Some(Style::RepeatList),
            _ if dotted => Some(Style::Flat),
            None => None,
            Some(s) => Some(serde_json::from_value(Value::from(s)).unwrap()),
        };
        if dotted {
            tops.entry(top).or_insert(Top { location, style });
        } else {
            tops.insert(top, Top { location, style });
        }
    }
    (keys, tops)
}

fn walk(schema: &Value, key: &str, flat: bool, keys: &mut BTreeSet<String>) {
    match schema["type"].as_str() {
        Some("array") => walk(&schema["items"], &format!("{key}.N"), flat, keys),
        Some("object")
            if schema["properties"]
                .as_object()
                .is_some_and(|p| !p.is_empty()) =>
        {
            for (field, shape) in schema["properties"].as_object().unwrap() {
                walk(shape, &format!("{key}.{field}"), flat, keys);
            }
        }
        Some("any" | "object") if flat => {
            keys.insert(format!("{key}.<key>"));
        }
        _ => {
            keys.insert(key.to_owned());
        }
    }
}

/// `Filter.1.Key` -> `Filter.N.Key`.
fn normalize(name: &str) -> String {
    name.split('.')
        .map(|part| {
            if part.chars().all(|c| c.is_ascii_digit()) {
                "N"
            } else {
                part
            }
        })
        .collect::<Vec<_>>()
        .join(".")
}

/// Wire keys of the lowered request, as the derive writes them.
fn ir_keys(op: &OperationIr, types: &TypeSpace) -> (BTreeSet<String>, BTreeMap<String, Top>) {
    let mut keys = BTreeSet::new();
    let mut tops = BTreeMap::new();
    for field in &op.request.fields {
        let whole = matches!(
            field.style,
            Some(Style::Json | Style::Simple | Style::SpaceDelimited | Style::PipeDelimited)
        );
        if whole {
            keys.insert(field.wire.clone());
        } else {
            expand(&field.ty, &field.wire, types, &mut keys);
        }
        tops.insert(
            field.wire.clone(),
            Top {
                location: field.location.unwrap_or(Location::Query),
                style: field.style,
            },
        );
    }
    (keys, tops)
}

fn expand(ty: &TypeRef, key: &str, types: &TypeSpace, keys: &mut BTreeSet<String>) {
    match ty {
        TypeRef::List(item, _) => expand(item, &format!("{key}.N"), types, keys),
        TypeRef::Struct(i) => match types.get(*i) {
            TypeIr::Struct(s) => {
                for f in &s.fields {
                    expand(&f.ty, &format!("{key}.{}", f.wire), types, keys);
                }
            }
            TypeIr::Enum(_) => unreachable!("a struct index"),
        },
        TypeRef::Map(value) => expand(value, &format!("{key}.<key>"), types, keys),
        _ => {
            keys.insert(key.to_owned());
        }
    }
}

#[test]
fn every_operation_sends_exactly_the_metadata_parameters() {
    for (product, file) in [
        ("Vpc", "vpc-2016-04-28.api-docs.json"),
        ("VpcPeer", "vpcpeer-2022-01-01.api-docs.json"),
        ("Ecs", "ecs-2014-05-26.api-docs.json"),
        ("Slb", "slb-2014-05-15.api-docs.json"),
        ("Nlb", "nlb-2022-04-30.api-docs.json"),
        ("Alb", "alb-2020-06-16.api-docs.json"),
        ("Cbn", "cbn-2017-09-12.api-docs.json"),
        ("Ram", "ram-2015-05-01.api-docs.json"),
        ("Sts", "sts-2015-04-01.api-docs.json"),
        ("Kms", "kms-2016-01-20.api-docs.json"),
    ] {
        let ir = lowered(product);
        let docs = metadata(file);
        let apis = docs["apis"].as_object().unwrap();
        assert_eq!(
            ir.operations.len(),
            apis.len(),
            "{product}: one module per metadata operation"
        );
        let mut nested = 0;
        for op in &ir.operations {
            let name = &op.action;
            let (want_keys, want_tops) = metadata_keys(&apis[name]);
            let (keys, tops) = ir_keys(op, &ir.types);
            assert_eq!(keys, want_keys, "{name}: wire keys");
            assert_eq!(tops, want_tops, "{name}: locations and styles");
            nested += keys.iter().filter(|k| k.contains('.')).count();
        }
        if product == "Vpc" {
            assert!(nested > 300, "nested keys are compared too ({nested})");
        }
    }
}

#[test]
fn nested_lists_and_body_parameters_serialize_as_the_metadata_says() {
    use acs_vpc::types::{
        CreateCustomerGatewayTag as Tag,
        CreateVpnConnectionTunnelOptionsSpecification as TunnelOptionsSpecification,
        TunnelIkeConfig,
    };
    let request = acs_vpc::operation::create_vpn_connection::CreateVpnConnectionRequest::builder()
        .region_id("cn-hangzhou")
        .vpn_gateway_id("vpn-1")
        .tags([Tag {
            key: Some("env".into()),
            value: Some("prod".into()),
        }])
        .tunnel_options_specification([TunnelOptionsSpecification {
            role: Some("master".into()),
            tunnel_ike_config: Some(TunnelIkeConfig {
                ike_auth_alg: Some("sha1".into()),
                ..Default::default()
            }),
            ..Default::default()
        }])
        .build_unchecked();
    let params = request.to_params();
    assert_eq!(
        params.encoded_query(),
        "RegionId=cn-hangzhou&Tags.1.Key=env&Tags.1.Value=prod&VpnGatewayId=vpn-1"
    );
    assert_eq!(
        params.encoded_body(),
        "TunnelOptionsSpecification.1.Role=master&TunnelOptionsSpecification.1.TunnelIkeConfig.IkeAuthAlg=sha1"
    );
}

#[test]
fn indexed_names_json_and_simple_styles_serialize_as_the_metadata_says() {
    use acs_vpc::types::DescribeEipAddressesFilter as Filter;
    let eips = acs_vpc::operation::describe_eip_addresses::DescribeEipAddressesRequest::builder()
        .region_id("cn-hangzhou")
        .filter([
            Filter {
                key: Some("CreationStartTime".into()),
                value: Some("2023-01-01T01:00Z".into()),
            },
            Filter {
                key: Some("CreationEndTime".into()),
                value: Some("2023-01-06T02:00Z".into()),
            },
        ])
        .build()
        .unwrap();
    assert_eq!(
        eips.to_params().encoded_query(),
        "Filter.1.Key=CreationStartTime&Filter.1.Value=2023-01-01T01%3A00Z&Filter.2.Key=CreationEndTime&Filter.2.Value=2023-01-06T02%3A00Z&RegionId=cn-hangzhou"
    );
    let three = acs_vpc::operation::describe_eip_addresses::DescribeEipAddressesRequest::builder()
        .region_id("cn-hangzhou")
        .filter(vec![Filter::default(); 3])
        .build();
    assert!(three.is_err(), "the metadata names two filters");

    let nat = acs_vpc::operation::create_nat_gateway::CreateNatGatewayRequest::builder()
        .region_id("cn-hangzhou")
        .vpc_id("vpc-1")
        .access_mode(acs_vpc::types::CreateNatGatewayAccessMode {
            mode_value: Some("route".into()),
            ..Default::default()
        })
        .build_unchecked();
    assert_eq!(
        nat.to_params().encoded_query(),
        "AccessMode=%7B%22ModeValue%22%3A%22route%22%7D&RegionId=cn-hangzhou&VpcId=vpc-1"
    );

    let grant = acs_vpc::operation::grant_instance_to_vbr::GrantInstanceToVbrRequest::builder()
        .vbr_instance_ids(["vbr-1", "vbr-2"])
        .build_unchecked();
    assert!(
        grant
            .to_params()
            .encoded_query()
            .contains("VbrInstanceIds=vbr-1%2Cvbr-2"),
        "{}",
        grant.to_params().encoded_query()
    );
}

#[test]
fn client_token_is_an_idempotency_token_everywhere() {
    let ir = lowered("Vpc");
    let with_token: Vec<&str> = ir
        .operations
        .iter()
        .filter(|op| op.request.fields.iter().any(|f| f.wire == "ClientToken"))
        .map(|op| op.action.as_str())
        .collect();
    assert!(with_token.len() > 200);
    for op in ir
        .operations
        .iter()
        .filter(|op| with_token.contains(&op.action.as_str()))
    {
        let token = op.idempotency_token.as_ref();
        assert_eq!(
            token.map(|t| t.wire.as_str()),
            Some("ClientToken"),
            "{}",
            op.action
        );
    }
}

#[test]
fn an_rpc_token_is_filled_in_the_query_even_when_it_travels_in_the_form() {
    let ir = lowered("Nlb");
    let in_form: Vec<_> = ir
        .operations
        .iter()
        .filter_map(|op| Some((op, op.idempotency_token.as_ref()?)))
        .filter(|(op, token)| {
            op.request
                .fields
                .iter()
                .any(|f| f.wire == token.wire && f.location == Some(Location::Form))
        })
        .collect();
    assert!(in_form.len() > 30, "{}", in_form.len());
    for (op, token) in in_form {
        assert_eq!(token.location, Location::Query, "{}", op.action);
    }
}
