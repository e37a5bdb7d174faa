//! The metadata's example responses (`responseDemo`) against the generated response types.
//!
//! Every operation's JSON example is walked along the lowered response type with serde_json's
//! rules for the generated fields (`Option<T>` with defaults, unknown fields ignored): the
//! generated crate has no dispatch from an operation name to its response type, so the model
//! the emitters render is what is checked for all of them, and real deserialization of a sample
//! of generated types confirms the model agrees with serde. Scalars the examples carry as
//! strings where the spec says number or boolean are the known gap (lenient parsing belongs in
//! the runtime); they are counted and listed, and nothing else may fail.

use std::fs;
use std::path::{Path, PathBuf};

use acs_codegen::ir::{self, TypeIr, TypeRef, TypeSpace};
use acs_codegen::spec::model::AnswerKind;
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

/// The JSON example of each operation, by name.
fn demos(file: &str) -> Vec<(String, Value)> {
    let text = fs::read_to_string(repo().join("tests/data/metadata").join(file)).unwrap();
    let docs: Value = serde_json::from_str(&text).unwrap();
    let mut out = Vec::new();
    for (name, api) in docs["apis"].as_object().unwrap() {
        let Some(demo) = api["responseDemo"]
            .as_str()
            .filter(|d| !d.trim().is_empty())
        else {
            continue;
        };
        let list: Value = serde_json::from_str(demo).unwrap();
        for entry in list.as_array().unwrap() {
            if entry["type"] == "json" {
                let example = entry["example"].as_str().unwrap();
                out.push((
                    name.clone(),
                    serde_json::from_str(example).unwrap_or_else(|e| panic!("{name}: {e}")),
                ));
            }
        }
    }
    out
}

/// Why a value does not deserialize into a type.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Misfit {
    /// A number or boolean sent as a string (`"5"` for an integer, `"true"` for a boolean).
    ScalarAsString(String),
    /// Anything else.
    Other(String),
}

fn misfits(value: &Value, ty: &TypeRef, types: &TypeSpace, path: &str, out: &mut Vec<Misfit>) {
    let scalar_string = |s: &str| match ty {
        TypeRef::Bool => s == "true" || s == "false",
        _ => s.trim().parse::<f64>().is_ok(),
    };
    let fits = match (ty, value) {
        (TypeRef::String | TypeRef::Enum(_), Value::String(_)) => true,
        (TypeRef::I32, Value::Number(n)) => n.as_i64().is_some_and(|n| i32::try_from(n).is_ok()),
        (TypeRef::I64, Value::Number(n)) => n.as_i64().is_some(),
        (TypeRef::F32 | TypeRef::F64, Value::Number(_)) => true,
        (TypeRef::Bool, Value::Bool(_)) => true,
        (TypeRef::Json, _) => true,
        (TypeRef::List(item, _), Value::Array(items)) => {
            for (i, v) in items.iter().enumerate() {
                misfits(v, item, types, &format!("{path}[{i}]"), out);
            }
            true
        }
        (TypeRef::Map(inner), Value::Object(entries)) => {
            for (k, v) in entries {
                misfits(v, inner, types, &format!("{path}.{k}"), out);
            }
            true
        }
        (TypeRef::Struct(i), Value::Object(entries)) => {
            let TypeIr::Struct(s) = types.get(*i) else {
                unreachable!("a struct index")
            };
            fields(entries, &s.fields, types, path, out);
            true
        }
        _ => false,
    };
    if !fits {
        let what = format!("{path}: {value} for {}", label(ty));
        out.push(match (ty, value) {
            (
                TypeRef::I32 | TypeRef::I64 | TypeRef::F32 | TypeRef::F64 | TypeRef::Bool,
                Value::String(s),
            ) if scalar_string(s) => Misfit::ScalarAsString(what),
            _ => Misfit::Other(what),
        });
    }
}

fn fields(
    entries: &serde_json::Map<String, Value>,
    fields: &[ir::FieldIr],
    types: &TypeSpace,
    path: &str,
    out: &mut Vec<Misfit>,
) {
    for f in fields {
        match entries.get(&f.wire) {
            None | Some(Value::Null) => {}
            Some(v) => misfits(v, &f.ty, types, &format!("{path}.{}", f.wire), out),
        }
    }
}

fn label(ty: &TypeRef) -> &'static str {
    match ty {
        TypeRef::String => "a string",
        TypeRef::Enum(_) => "an enum",
        TypeRef::I32 => "an i32",
        TypeRef::I64 => "an i64",
        TypeRef::F32 | TypeRef::F64 => "a float",
        TypeRef::Bool => "a bool",
        TypeRef::Json => "JSON",
        TypeRef::Bytes => "bytes",
        TypeRef::List(..) => "a list",
        TypeRef::Map(_) => "a map",
        TypeRef::Struct(_) => "a struct",
    }
}

/// Every misfit of every operation's example, by operation.
fn all_misfits(product: &str, file: &str) -> (usize, Vec<(String, Misfit)>) {
    let ir = lowered(product);
    let demos = demos(file);
    let mut out = Vec::new();
    for (name, demo) in &demos {
        let op = ir
            .operations
            .iter()
            .find(|o| o.action == *name)
            .unwrap_or_else(|| panic!("{name} not generated"));
        let mut found = Vec::new();
        match (op.binding.answer, demo) {
            (AnswerKind::Object, Value::Object(entries)) => {
                fields(entries, &op.response.fields, &ir.types, "", &mut found)
            }
            // A JSON array answer: its one field holds the elements.
            (AnswerKind::Array, Value::Array(_)) => {
                misfits(demo, &op.response.fields[0].ty, &ir.types, "", &mut found)
            }
            // Text, bytes or nothing: the example is not read.
            (AnswerKind::Text | AnswerKind::Binary | AnswerKind::None, _) => {}
            (kind, _) => found.push(Misfit::Other(format!(
                ": the example is not a JSON {}",
                kind.name()
            ))),
        }
        out.extend(found.into_iter().map(|m| (name.clone(), m)));
    }
    (demos.len(), out)
}

/// Upstream examples that contradict their own metadata: Kms `GetKmsInstance` shows each
/// list of strings as a placeholder object (`{"undefined":[""]}`) where the metadata
/// declares the list (elasticsearch `CreateLogstash` does the same); elasticsearch
/// `RestartInstance` wraps two lists in an object of their own name; cs `DescribeClusters`
/// declares an array (what `GET /clusters` answers), with an object's properties, and shows an
/// object.
const BROKEN_EXAMPLES: &[(&str, &str)] = &[
    ("CS", "DescribeClusters: the example is not a JSON array"),
    (
        "elasticsearch",
        r#"CreateLogstash.Result.endpointList: {"undefined":[{"host":"","port":0,"zoneId":""}]} for a list"#,
    ),
    (
        "elasticsearch",
        r#"CreateLogstash.Result.zoneInfos: {"undefined":[{"status":"","zoneId":""}]} for a list"#,
    ),
    (
        "elasticsearch",
        r#"CreateLogstash.Result.tags: {"undefined":[{"tagKey":"","tagValue":""}]} for a list"#,
    ),
    (
        "elasticsearch",
        r#"RestartInstance.Result.dictList: {"dictList":[{"fileSize":2782602,"name":"SYSTEM_MAIN.dic","sourceType":"ORIGIN","type":"MAIN"}]} for a list"#,
    ),
    (
        "elasticsearch",
        r#"RestartInstance.Result.synonymsDicts: {"synonymsDicts":[{"fileSize":2782602,"name":"SYSTEM_MAIN.dic","sourceType":"ORIGIN","type":"STOP"}]} for a list"#,
    ),
    (
        "Kms",
        r#"GetKmsInstance.KmsInstance.ZoneIds: {"undefined":[""]} for a list"#,
    ),
    (
        "Kms",
        r#"GetKmsInstance.KmsInstance.VswitchIds: {"":[""]} for a list"#,
    ),
];

#[test]
fn every_example_response_fits_its_generated_type_but_for_scalars_sent_as_strings() {
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
        ("CS", "cs-2015-12-15.api-docs.json"),
        ("elasticsearch", "elasticsearch-2017-06-13.api-docs.json"),
        ("FC", "fc-2023-03-30.api-docs.json"),
        ("sae", "sae-2019-05-06.api-docs.json"),
    ] {
        let (checked, misfits) = all_misfits(product, file);
        let operations = lowered(product).operations.len();
        // Not every operation has an example (Ecs: 290 of 358); most do.
        assert!(
            checked * 4 >= operations * 3,
            "{product}: {checked} examples for {operations} operations"
        );
        let other: Vec<String> = misfits
            .iter()
            .filter_map(|(op, m)| match m {
                Misfit::Other(what) => Some(format!("{op}{what}")),
                Misfit::ScalarAsString(_) => None,
            })
            .filter(|misfit| !BROKEN_EXAMPLES.contains(&(product, misfit.as_str())))
            .collect();
        assert!(
            other.is_empty(),
            "{product}: example responses the generated types reject:\n{}",
            other.join("\n")
        );
        let as_strings: Vec<String> = misfits.iter().map(|(op, m)| format!("{op}{m:?}")).collect();
        let operations: std::collections::BTreeSet<&str> =
            misfits.iter().map(|(op, _)| op.as_str()).collect();
        // The known gap, listed for the runtime's lenient number parsing.
        println!(
            "{product}: {} scalar(s) sent as strings in {} operation(s):\n{}",
            as_strings.len(),
            operations.len(),
            as_strings.join("\n")
        );
    }
}

/// Real deserialization of a sample agrees with the model: fits where it finds no misfit,
/// fails where it finds one.
macro_rules! agrees {
    ($misfits:expr, $demos:expr, $($op:ident => $ty:ty),* $(,)?) => {$(
        let name = stringify!($op);
        let (_, demo) = $demos.iter().find(|(n, _)| n == name).unwrap();
        let real = serde_json::from_value::<$ty>(demo.clone());
        let expected_ok = !$misfits.iter().any(|(op, _)| op == name);
        assert_eq!(real.is_ok(), expected_ok, "{name}: serde says {real:?}");
    )*};
}

#[test]
fn real_deserialization_agrees_with_the_model() {
    let (_, misfits) = all_misfits("Vpc", "vpc-2016-04-28.api-docs.json");
    let demos = demos("vpc-2016-04-28.api-docs.json");
    agrees!(misfits, demos,
        CreateVpnGateway => acs_vpc::operation::create_vpn_gateway::CreateVpnGatewayResponse,
        DescribeVpnGateway => acs_vpc::operation::describe_vpn_gateway::DescribeVpnGatewayResponse,
        DescribeVpnGateways => acs_vpc::operation::describe_vpn_gateways::DescribeVpnGatewaysResponse,
        DescribeVpcs => acs_vpc::operation::describe_vpcs::DescribeVpcsResponse,
        DescribeVpcAttribute => acs_vpc::operation::describe_vpc_attribute::DescribeVpcAttributeResponse,
        DescribeEipAddresses => acs_vpc::operation::describe_eip_addresses::DescribeEipAddressesResponse,
        DescribeNatGateways => acs_vpc::operation::describe_nat_gateways::DescribeNatGatewaysResponse,
        DescribeRouteEntryList => acs_vpc::operation::describe_route_entry_list::DescribeRouteEntryListResponse,
        ListBusinessAccessPoints => acs_vpc::operation::list_business_access_points::ListBusinessAccessPointsResponse,
        DescribeVpnConnection => acs_vpc::operation::describe_vpn_connection::DescribeVpnConnectionResponse,
        ListVpcPublishedRouteEntries => acs_vpc::operation::list_vpc_published_route_entries::ListVpcPublishedRouteEntriesResponse,
        DescribeExpressConnectTrafficQos => acs_vpc::operation::describe_express_connect_traffic_qos::DescribeExpressConnectTrafficQosResponse,
    );
    let name = "DescribeVpcs";
    let (_, demo) = demos.iter().find(|(n, _)| n == name).unwrap();
    let vpcs: acs_vpc::operation::describe_vpcs::DescribeVpcsResponse =
        serde_json::from_value(demo.clone()).unwrap();
    assert!(
        vpcs.vpcs
            .and_then(|v| v.vpc)
            .is_some_and(|list| !list.is_empty()),
        "the wrapped list arrives"
    );
}

#[test]
fn a_number_sent_as_a_string_is_caught_by_the_model_and_tolerated_by_the_client() {
    let ir = lowered("Vpc");
    let op = ir
        .operations
        .iter()
        .find(|o| o.action == "CreateVpnGateway")
        .unwrap();
    let demo = serde_json::json!({"RequestId": "r", "OrderId": "208240895400460", "Name": 5});
    let Value::Object(entries) = &demo else {
        unreachable!()
    };
    let mut found = Vec::new();
    fields(entries, &op.response.fields, &ir.types, "", &mut found);
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(
        found
            .iter()
            .any(|m| matches!(m, Misfit::ScalarAsString(w) if w.contains("OrderId"))),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .any(|m| matches!(m, Misfit::Other(w) if w.contains("Name"))),
        "{found:?}"
    );
    // The client reads such values as the official SDKs do.
    let decoded: acs_vpc::operation::create_vpn_gateway::CreateVpnGatewayResponse =
        serde_json::from_value(demo).unwrap();
    assert_eq!(decoded.order_id, Some(208_240_895_400_460));
    assert_eq!(decoded.name.as_deref(), Some("5"));
}
