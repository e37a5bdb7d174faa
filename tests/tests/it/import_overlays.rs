//! Overlays: curated facts survive every re-import. The merged CreateVpnGateway keeps every
//! fact of the hand-written file built from the seed reference page (which wins over today's
//! metadata), DescribeVpnGateway keeps its status enum, hand-written files are adopted into
//! overlays, and problems in a merged file name the file that holds them.

use std::fs;
use std::path::{Path, PathBuf};

use acs_codegen::import::{self, files};
use acs_codegen::output;
use acs_codegen::spec::model::Operation;
use acs_codegen::spec::overlay;
use acs_codegen::spec::{OperationFile, load_tree};
use serde_yaml::Value;

/// spec/vpc/2016-04-28/CreateVpnGateway.yaml as written by hand from the seed page, before
/// the import.
const CREATE_VPN_GATEWAY: &str = r##"# yaml-language-server: $schema=../../schema/operation.json
name: CreateVpnGateway
summary: Creates a VPN gateway.
description: |
  Creates a VPN gateway in a virtual private cloud (VPC).

  If automatic payment is disabled, you must complete the payment for the VPN gateway in the
  Alibaba Cloud Management console before it is created.
method: POST
asynchronous:
  poll: DescribeVpnGateway
  note: |
    After you send the request the system returns a request ID while the gateway is still being
    created in the background. Call `DescribeVpnGateway` to query its status: `provisioning`
    means the VPN gateway is being created, `active` means it has been created.
parameters:
  - name: RegionId
    in: query
    type: string
    required: true
    example: cn-hangzhou
    description: |
      The region ID of the VPN gateway. You can call the DescribeRegions operation to query the
      most recent region list.
  - name: Name
    in: query
    type: string
    example: MYVPN
    description: |
      The name of the VPN gateway. The default value is the ID of the VPN gateway.
    constraints:
      min_length: 2
      max_length: 100
      pattern: "^[A-Za-z][A-Za-z0-9_-]*$"
      pattern_description: starts with a letter; letters, digits, underscores (_) and hyphens (-) only
  - name: VpcId
    in: query
    type: string
    required: true
    example: vpc-bp1ub1yt9cvakoelj****
    description: The ID of the virtual private cloud (VPC) where you want to create the VPN gateway.
  - name: InstanceChargeType
    in: query
    type: string
    example: POSTPAY
    description: |
      The billing method of the VPN gateway. Set the value to POSTPAY, which specifies the
      pay-as-you-go billing method. Example value for the Alibaba Cloud China site: PREPAY;
      for the Alibaba Cloud International site: POSTPAY.

      This parameter is required when you create a VPN gateway.
    constraints:
      enum:
        - value: PREPAY
          description: subscription
        - value: POSTPAY
          description: pay-as-you-go
  - name: Period
    in: query
    type: integer
    format: int32
    example: 1
    description: "The subscription duration. Unit: months."
    constraints:
      allowed: [{min: 1, max: 9}, 12, 24, 36]
  - name: AutoPay
    in: query
    type: boolean
    default: false
    example: false
    description: Specifies whether to enable automatic payment for the VPN gateway.
  - name: Bandwidth
    in: query
    type: integer
    format: int32
    required: true
    example: 5
    description: "The public bandwidth of the VPN gateway. Unit: Mbit/s."
    constraints:
      allowed: [5, 10, 20, 50, 100, 200]
  - name: EnableIpsec
    in: query
    type: boolean
    default: true
    example: true
    description: Specifies whether to enable the IPsec-VPN feature.
  - name: EnableSsl
    in: query
    type: boolean
    default: false
    example: false
    description: Specifies whether to enable the SSL-VPN feature for the VPN gateway.
  - name: SslConnections
    in: query
    type: integer
    format: int32
    example: 5
    description: The maximum number of clients that can be connected at the same time.
    constraints:
      allowed: [5, 10, 20]
  - name: VSwitchId
    in: query
    type: string
    example: vsw-bp1j5miw2bae9s2vt****
    description: The ID of the vSwitch to which the VPN gateway belongs.
  - name: VpnType
    in: query
    type: string
    default: Normal
    example: Normal
    description: The type of the VPN gateway.
    constraints:
      enum:
        - value: Normal
          description: standard
        - value: NationalStandard
          description: ShangMi (SM)
  - name: ClientToken
    in: query
    type: string
    idempotency_token: true
    example: 02fb3da4****
    description: |
      The client token that is used to ensure the idempotence of the request.

      You can use the client to generate the value, but you must make sure that it is unique
      among different requests. If you do not set this parameter, the system automatically uses
      RequestId as ClientToken; RequestId of each API request may be different.
    constraints:
      ascii_only: true
  - name: NetworkType
    in: query
    type: string
    default: public
    example: public
    description: The network type of the VPN gateway.
    constraints:
      enum:
        - value: public
          description: public VPN gateway
        - value: private
          description: private VPN gateway
response:
  fields:
    - name: VpnGatewayId
      type: string
      example: vpn-uf68lxhgr7ftbqr3p****
      description: The ID of the VPN gateway.
    - name: RequestId
      type: string
      example: EB2C156A-41F8-49CC-A756-D55AFC8BFD69
      description: The ID of the request.
    - name: Name
      type: string
      example: MYVPN
      description: The name of the VPN gateway.
    - name: OrderId
      type: integer
      format: int64
      example: 208240895400460
      description: |
        The ID of the order.

        If automatic payment is disabled, you must manually complete the payment for the VPN
        gateway in the Alibaba Cloud Management console.
errors:
  - status: 400
    code: Resource.QuotaFull
    message: The quota of resource is full
    description: The error message returned because the resource quota is reached.
"##;

/// spec/vpc/2016-04-28/DescribeVpnGateway.yaml as written by hand, before the import.
const DESCRIBE_VPN_GATEWAY: &str = r##"# yaml-language-server: $schema=../../schema/operation.json
name: DescribeVpnGateway
summary: Queries the detailed information about a VPN gateway.
method: POST
parameters:
  - name: RegionId
    type: string
    required: true
    example: cn-hangzhou
    description: The ID of the region where the VPN gateway is deployed.
  - name: VpnGatewayId
    type: string
    required: true
    example: vpn-bp1q8bgx4xnkm2ogj****
    description: The ID of the VPN gateway.
  - name: IncludeReservationData
    type: boolean
    example: false
    description: Specifies whether to return information about pending orders.
response:
  fields:
    - name: RequestId
      type: string
      example: 27E69E1E-0B7A-4D8A-92A0-B6D2C0B5E1B2
      description: The request ID.
    - name: VpnGatewayId
      type: string
      example: vpn-bp1q8bgx4xnkm2ogj****
      description: The ID of the VPN gateway.
    - name: Name
      type: string
      example: test
      description: The name of the VPN gateway.
    - name: Status
      type: string
      example: active
      description: The status of the VPN gateway.
      constraints:
        enum:
          - value: init
            description: being initialized
          - value: provisioning
            description: being prepared
          - value: active
            description: running
          - value: updating
            description: being updated
          - value: deleting
            description: being deleted
    - name: VpcId
      type: string
      example: vpc-bp1ub1yt9cvakoelj****
      description: The ID of the VPC to which the VPN gateway belongs.
    - name: Spec
      type: string
      example: 5M
      description: "The maximum bandwidth of the VPN gateway. Unit: M (Mbit/s)."
    - name: CreateTime
      type: integer
      format: int64
      example: 1495382400000
      description: The timestamp when the VPN gateway was created, in milliseconds.
errors:
  - status: 404
    code: InvalidVpnGatewayInstanceId.NotFound
    message: The specified vpn gateway instance id does not exist.
"##;

const VPC: &str = "vpc-2016-04-28.api-docs.json";

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_owned()
}

fn vpc_metadata() -> String {
    fs::read_to_string(repo().join("tests/data/metadata").join(VPC)).unwrap()
}

/// Every fact (leaf) of `wanted` holds in `merged`: mappings by key, keyed lists by entry key,
/// other lists and scalars equal. Returns the paths that do not.
fn missing_facts(merged: &Value, wanted: &Value, path: &str, out: &mut Vec<String>) {
    match (merged, wanted) {
        (Value::Mapping(m), Value::Mapping(w)) => {
            for (key, value) in w {
                let name = key.as_str().unwrap_or_default();
                let at = format!("{path}.{name}");
                match (m.get(key), overlay::list_key(name)) {
                    (Some(Value::Sequence(list)), Some(entry_key)) => {
                        for entry in value.as_sequence().unwrap() {
                            let id = entry.get(entry_key);
                            match list.iter().find(|e| e.get(entry_key) == id) {
                                Some(found) => missing_facts(
                                    found,
                                    entry,
                                    &format!("{at}[{}]", id.and_then(Value::as_str).unwrap_or("?")),
                                    out,
                                ),
                                None => out.push(format!("{at}: no entry {id:?}")),
                            }
                        }
                    }
                    (Some(found), _) => missing_facts(found, value, &at, out),
                    (None, _) => out.push(format!("{at}: missing")),
                }
            }
        }
        (m, w) if m == w => {}
        (m, w) => out.push(format!("{path}: {m:?} instead of {w:?}")),
    }
}

fn facts_missing_from(merged: &Operation, hand_written: &str) -> Vec<String> {
    let wanted: Operation = serde_yaml::from_str(hand_written).unwrap();
    let mut out = Vec::new();
    missing_facts(
        &serde_yaml::to_value(merged).unwrap(),
        &serde_yaml::to_value(&wanted).unwrap(),
        "",
        &mut out,
    );
    out
}

fn committed(name: &str) -> OperationFile {
    let (tree, diagnostics) = load_tree(&repo().join("spec"));
    assert!(diagnostics.is_empty(), "{diagnostics}");
    let vpc = tree
        .products
        .into_iter()
        .find(|p| p.product.product == "Vpc")
        .unwrap();
    vpc.operations
        .into_iter()
        .find(|o| o.operation.name == name)
        .unwrap()
}

#[test]
fn merged_create_vpn_gateway_keeps_every_fact_of_the_hand_written_file() {
    let file = committed("CreateVpnGateway");
    assert!(
        file.text.contains(files::IMPORT_MARKER),
        "the base file is imported"
    );
    assert!(
        file.overlay.is_some(),
        "the curated facts are in an overlay"
    );
    let missing = facts_missing_from(&file.operation, CREATE_VPN_GATEWAY);
    assert!(missing.is_empty(), "facts lost:\n{}", missing.join("\n"));
    // The seed wins where it disagrees with the metadata.
    let op = &file.operation;
    let param = |n: &str| {
        op.parameters
            .iter()
            .find(|p| p.name.as_deref() == Some(n))
            .unwrap()
    };
    assert_eq!(
        serde_yaml::to_value(&param("Bandwidth").constraints.allowed).unwrap(),
        serde_yaml::from_str::<Value>("[5, 10, 20, 50, 100, 200]").unwrap()
    );
    assert_eq!(
        serde_yaml::to_value(&param("SslConnections").constraints.allowed).unwrap(),
        serde_yaml::from_str::<Value>("[5, 10, 20]").unwrap()
    );
    assert_eq!(
        param("Name").constraints.pattern.as_deref(),
        Some("^[A-Za-z][A-Za-z0-9_-]*$")
    );
    let a = op.asynchronous.as_ref().unwrap();
    assert_eq!(a.poll, "DescribeVpnGateway");
}

#[test]
fn merged_describe_vpn_gateway_keeps_its_status_enum() {
    let file = committed("DescribeVpnGateway");
    let missing = facts_missing_from(&file.operation, DESCRIBE_VPN_GATEWAY);
    assert!(missing.is_empty(), "facts lost:\n{}", missing.join("\n"));
    let status = file
        .operation
        .response
        .fields
        .iter()
        .find(|f| f.name.as_deref() == Some("Status"))
        .unwrap();
    let values: Vec<&str> = status
        .constraints
        .enumeration
        .iter()
        .map(|e| e.value.as_str())
        .collect();
    assert_eq!(
        values,
        ["init", "provisioning", "active", "updating", "deleting"]
    );
}

/// A scratch repository holding `spec/vpc/2016-04-28` with the given files.
fn scratch(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (path, text) in files {
        let path = dir.path().join("spec/vpc/2016-04-28").join(path);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }
    dir
}

fn merged(root: &Path, name: &str) -> Operation {
    let (tree, diagnostics) = load_tree(&root.join("spec"));
    assert!(diagnostics.is_empty(), "{diagnostics}");
    tree.products[0]
        .operations
        .iter()
        .find(|o| o.operation.name == name)
        .unwrap()
        .operation
        .clone()
}

#[test]
fn hand_written_files_are_adopted_into_overlays_without_losing_a_fact() {
    let dir = scratch(&[
        ("CreateVpnGateway.yaml", CREATE_VPN_GATEWAY),
        ("DescribeVpnGateway.yaml", DESCRIBE_VPN_GATEWAY),
    ]);
    let imported = import::import(&vpc_metadata()).unwrap();
    let plan = files::plan(dir.path(), &imported, VPC).unwrap();
    assert_eq!(plan.adopted.len(), 2, "{}", plan.changes());
    assert!(plan.problems.is_empty(), "{}", plan.problems);
    output::apply(dir.path(), &plan.files, &plan.plan).unwrap();
    let overlays = dir.path().join("spec/vpc/2016-04-28/overlays");
    assert!(
        overlays.join("CreateVpnGateway.yaml").exists()
            && overlays.join("DescribeVpnGateway.yaml").exists()
    );
    for (name, hand) in [
        ("CreateVpnGateway", CREATE_VPN_GATEWAY),
        ("DescribeVpnGateway", DESCRIBE_VPN_GATEWAY),
    ] {
        let missing = facts_missing_from(&merged(dir.path(), name), hand);
        assert!(
            missing.is_empty(),
            "{name}: facts lost:\n{}",
            missing.join("\n")
        );
    }
    // Adopted once; the next import finds nothing to do.
    assert!(files::plan(dir.path(), &imported, VPC).unwrap().is_clean());
}

#[test]
fn a_re_import_with_upstream_changes_keeps_the_overlay_and_its_facts() {
    let dir = scratch(&[("CreateVpnGateway.yaml", CREATE_VPN_GATEWAY)]);
    let imported = import::import(&vpc_metadata()).unwrap();
    let plan = files::plan(dir.path(), &imported, VPC).unwrap();
    output::apply(dir.path(), &plan.files, &plan.plan).unwrap();
    let overlay_path = dir
        .path()
        .join("spec/vpc/2016-04-28/overlays/CreateVpnGateway.yaml");
    let overlay_text = fs::read_to_string(&overlay_path).unwrap();

    // Upstream rewrites the Bandwidth description and renames an error code.
    let mut docs: serde_json::Value = serde_json::from_str(&vpc_metadata()).unwrap();
    let op = &mut docs["apis"]["CreateVpnGateway"];
    for p in op["parameters"].as_array_mut().unwrap() {
        if p["name"] == "Bandwidth" {
            p["schema"]["description"] = "Bandwidth, rewritten upstream.".into();
        }
    }
    op["errorCodes"]["400"][1]["errorCode"] = "InvalidNameNow".into();
    let changed = serde_json::to_string(&docs).unwrap();
    let reimported = import::import(&changed).unwrap();
    let plan = files::plan(dir.path(), &reimported, VPC).unwrap();
    assert!(
        plan.changed.iter().any(|c| c == "CreateVpnGateway"),
        "{}",
        plan.changes()
    );
    output::apply(dir.path(), &plan.files, &plan.plan).unwrap();
    assert_eq!(
        fs::read_to_string(&overlay_path).unwrap(),
        overlay_text,
        "overlays are never written by a re-import"
    );
    let op = merged(dir.path(), "CreateVpnGateway");
    let missing = facts_missing_from(&op, CREATE_VPN_GATEWAY);
    assert!(missing.is_empty(), "facts lost:\n{}", missing.join("\n"));
    assert!(
        op.errors.iter().any(|e| e.code == "InvalidNameNow"),
        "upstream changes arrive"
    );
}

const BASE: &str = "name: Op\nsummary: An operation.\nparameters:\n  - name: RegionId\n    type: string\n  - name: Size\n    type: integer\nresponse:\n  fields: []\n";
const PRODUCT: &str = "product: Vpc\nversion: \"2016-04-28\"\nprotocol: rpc\ntitle: T\nendpoints:\n  pattern: \"vpc.{region}.aliyuncs.com\"\n";

fn diagnostics(overlay_text: &str) -> String {
    let dir = scratch(&[
        ("product.yaml", PRODUCT),
        ("Op.yaml", BASE),
        ("overlays/Op.yaml", overlay_text),
    ]);
    let root = dir.path().join("spec");
    let (tree, mut found) = load_tree(&root);
    let mut checked = acs_codegen::check::check_tree(&tree);
    overlay::attribute(&tree, &mut checked);
    found.extend(checked);
    found
        .0
        .iter()
        .map(|d| d.to_string().replace(&format!("{}/", root.display()), ""))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn problems_in_a_merged_file_name_the_overlay_and_the_base() {
    // A type error in the overlay: the overlay file, its line, and the base named.
    let report = diagnostics("parameters:\n  - name: Size\n    required: maybe\n");
    assert!(
        report.starts_with("vpc/2016-04-28/overlays/Op.yaml:3:"),
        "{report}"
    );
    assert!(
        report.contains("parameters[0].required") && report.contains("vpc/2016-04-28/Op.yaml"),
        "{report}"
    );
    // An entry that cannot merge.
    let report = diagnostics("parameters:\n  - type: string\n");
    assert!(
        report.starts_with("vpc/2016-04-28/overlays/Op.yaml:2:")
            && report.contains("needs its `name`"),
        "{report}"
    );
    // A semantic problem coming from the overlay (an example outside the overlay's own bounds).
    let report = diagnostics(
        "parameters:\n  - name: Size\n    example: 12\n    constraints:\n      maximum: 10\n",
    );
    assert!(
        report.starts_with("vpc/2016-04-28/overlays/Op.yaml:3:"),
        "{report}"
    );
    assert!(
        report.contains("parameters[0].example") && report.contains("merged over"),
        "{report}"
    );
    // A semantic problem in the base, with the overlay merged: the base named, and the overlay.
    let report = diagnostics("summary: Better.\nparameters:\n  - name: NewOne\n    type: map\n");
    assert!(
        report.contains("vpc/2016-04-28/Op.yaml") || report.contains("overlays/Op.yaml:3:"),
        "{report}"
    );
}

#[test]
fn an_overlay_without_its_base_is_reported() {
    let dir = scratch(&[
        ("product.yaml", PRODUCT),
        ("overlays/Gone.yaml", "summary: x\n"),
    ]);
    let (_, found) = load_tree(&dir.path().join("spec"));
    let report = found.to_string();
    assert!(
        report.contains("overlays/Gone.yaml") && report.contains("overlay without a base file"),
        "{report}"
    );
}
