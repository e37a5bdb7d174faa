//! The `serde` feature: every VpcPeer response example serialized with its wire names and read
//! back to the same value; requests and open enums the same way.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use acs_vpcpeer::operation as op;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

/// The metadata's JSON response example of each operation, by name.
fn examples() -> Vec<(String, Value)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("data/metadata/vpcpeer-2022-01-01.api-docs.json");
    let docs: Value = serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap();
    let mut out = Vec::new();
    for (name, api) in docs["apis"].as_object().unwrap() {
        let Some(demo) = api["responseDemo"].as_str() else {
            continue;
        };
        let list: Value = serde_json::from_str(demo).unwrap();
        for entry in list.as_array().unwrap() {
            if entry["type"] == "json" {
                let example = entry["example"].as_str().unwrap();
                out.push((name.clone(), serde_json::from_str(example).unwrap()));
            }
        }
    }
    out
}

/// Every key of `written`, at any depth, is a key of `example` at the same place: the
/// serialized JSON speaks the wire names. Returns how many keys were compared.
fn keys_within(written: &Value, example: &Value, path: &str) -> usize {
    match (written, example) {
        (Value::Object(written), Value::Object(example)) => {
            let mut count = 0;
            for (key, value) in written {
                let inner = example
                    .get(key)
                    .unwrap_or_else(|| panic!("{path}.{key}: not a wire name of the example"));
                assert!(!value.is_null(), "{path}.{key}: unset fields are left out");
                count += 1 + keys_within(value, inner, &format!("{path}.{key}"));
            }
            count
        }
        (Value::Array(written), Value::Array(example)) => {
            assert_eq!(written.len(), example.len(), "{path}: list length");
            written
                .iter()
                .zip(example)
                .map(|(w, e)| keys_within(w, e, &format!("{path}[]")))
                .sum()
        }
        _ => 0,
    }
}

/// Reads `example` as `T`, serializes it, and reads that back: the same value, wire names only.
fn round_trip<T>(name: &str, example: &Value) -> usize
where
    T: DeserializeOwned + Serialize + PartialEq + std::fmt::Debug,
{
    let read: T = serde_json::from_value(example.clone()).unwrap_or_else(|e| panic!("{name}: {e}"));
    let written = serde_json::to_value(&read).unwrap();
    let again: T = serde_json::from_value(written.clone()).unwrap();
    assert_eq!(again, read, "{name}: a round trip keeps the value");
    assert_eq!(serde_json::to_value(&again).unwrap(), written, "{name}");
    keys_within(&written, example, name)
}

macro_rules! round_trips {
    ($examples:expr, $( $name:ident => $ty:ty, )*) => {{
        let listed: BTreeSet<&str> = [$(stringify!($name)),*].into_iter().collect();
        let documented: BTreeSet<&str> = $examples.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(listed, documented, "every operation with an example is listed");
        let mut keys = 0;
        for (name, example) in &$examples {
            keys += match name.as_str() {
                $( stringify!($name) => round_trip::<$ty>(name, example), )*
                other => unreachable!("{other}"),
            };
        }
        keys
    }};
}

#[test]
fn every_response_example_round_trips_with_its_wire_names() {
    let examples = examples();
    assert!(examples.len() >= 11, "{}", examples.len());
    let keys = round_trips!(examples,
        AcceptVpcPeerConnection => op::accept_vpc_peer_connection::AcceptVpcPeerConnectionResponse,
        CreateVpcPeerConnection => op::create_vpc_peer_connection::CreateVpcPeerConnectionResponse,
        DeleteVpcPeerConnection => op::delete_vpc_peer_connection::DeleteVpcPeerConnectionResponse,
        GetVpcPeerConnectionAttribute => op::get_vpc_peer_connection_attribute::GetVpcPeerConnectionAttributeResponse,
        ListTagResources => op::list_tag_resources::ListTagResourcesResponse,
        ListVpcPeerConnections => op::list_vpc_peer_connections::ListVpcPeerConnectionsResponse,
        ModifyVpcPeerConnection => op::modify_vpc_peer_connection::ModifyVpcPeerConnectionResponse,
        MoveResourceGroup => op::move_resource_group::MoveResourceGroupResponse,
        RejectVpcPeerConnection => op::reject_vpc_peer_connection::RejectVpcPeerConnectionResponse,
        TagResources => op::tag_resources::TagResourcesResponse,
        UnTagResources => op::un_tag_resources::UnTagResourcesResponse,
    );
    // Nested objects and lists are written too, not only the top-level scalars.
    assert!(keys > 60, "{keys} keys compared");
}

#[test]
fn a_nested_response_is_written_with_wire_names() {
    let example = serde_json::json!({
        "RequestId": "r-1",
        "VpcPeerConnects": [{"InstanceId": "pcc-1", "Bandwidth": "10", "Tags": [{"Key": "k", "Value": "v"}]}],
        "Unknown": 1,
    });
    let read: op::list_vpc_peer_connections::ListVpcPeerConnectionsResponse =
        serde_json::from_value(example).unwrap();
    assert_eq!(
        serde_json::to_value(&read).unwrap(),
        serde_json::json!({
            "RequestId": "r-1",
            "VpcPeerConnects": [{"InstanceId": "pcc-1", "Bandwidth": 10, "Tags": [{"Key": "k", "Value": "v"}]}],
        })
    );
}

#[test]
fn a_request_round_trips_with_wire_names_and_is_validated_when_sent() {
    let request = op::tag_resources::TagResourcesRequest::builder()
        .region_id("cn-hangzhou")
        .resource_type("PeerConnection")
        .resource_id(["pcc-1", "pcc-2"])
        .tag([acs_vpcpeer::types::Tag {
            key: Some("team".into()),
            value: Some("net".into()),
        }])
        .build()
        .unwrap();
    let written = serde_json::to_value(&request).unwrap();
    assert_eq!(
        written,
        serde_json::json!({
            "ResourceId": ["pcc-1", "pcc-2"],
            "Tag": [{"Key": "team", "Value": "net"}],
            "ResourceType": "PeerConnection",
            "RegionId": "cn-hangzhou",
        })
    );
    let read: op::tag_resources::TagResourcesRequest =
        serde_json::from_value(written.clone()).unwrap();
    assert_eq!(read.tag, request.tag);
    assert_eq!(read.resource_id, request.resource_id);
    assert_eq!(serde_json::to_value(&read).unwrap(), written);
    // Read from JSON, a request is neither validated nor unchecked: the client validates it.
    assert!(!read.is_unchecked());
}

#[test]
fn an_open_enum_is_its_wire_string_and_an_unknown_value_its_own() {
    use acs_vpc::types::NetworkType;
    let values = [NetworkType::Public, NetworkType::from("hybrid")];
    let written = serde_json::to_value(&values).unwrap();
    assert_eq!(written, serde_json::json!(["public", "hybrid"]));
    let read: Vec<NetworkType> = serde_json::from_value(written).unwrap();
    assert_eq!(read, values);
    assert_eq!(read[1], NetworkType::Unknown("hybrid".into()));
}
