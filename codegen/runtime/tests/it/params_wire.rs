//! Wire format of `#[derive(RpcParams)]` structs: every type and style, the encoding, and the
//! requests the official Python SDK put on the wire.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

use acs_runtime::RpcParams;
use acs_runtime::params::{
    self, EncodedParams, Location, Pairs, ParamWriter, Params, RpcParams as _, RpcScalar, RpcValue,
};
use serde::Serialize;

/// The encoded query and body of `request`, checking that the decoded-pairs path and the
/// direct encoded path agree.
fn wire(request: &impl params::RpcParams) -> (String, String) {
    let params = request.to_params();
    let encoded = request.to_encoded();
    assert_eq!(
        encoded.query(),
        params.encoded_query(),
        "query paths disagree"
    );
    assert_eq!(encoded.body(), params.encoded_body(), "body paths disagree");
    (params.encoded_query(), params.encoded_body())
}

fn query(request: &impl params::RpcParams) -> String {
    let (query, body) = wire(request);
    assert_eq!(body, "", "nothing was meant for the body");
    query
}

#[derive(RpcParams, Clone)]
struct Tag {
    #[rpc(name = "Key")]
    key: String,
    #[rpc(name = "Value")]
    value: Option<String>,
}

fn tag(key: &str, value: &str) -> Tag {
    Tag {
        key: key.into(),
        value: Some(value.into()),
    }
}

#[derive(RpcParams)]
struct TunnelIkeConfig {
    #[rpc(name = "IkeAuthAlg")]
    ike_auth_alg: Option<String>,
    #[rpc(name = "LocalId")]
    local_id: Option<String>,
}

#[derive(RpcParams)]
struct TunnelOptions {
    #[rpc(name = "CustomerGatewayId")]
    customer_gateway_id: Option<String>,
    #[rpc(name = "EnableDpd")]
    enable_dpd: Option<bool>,
    #[rpc(name = "Role")]
    role: Option<String>,
    #[rpc(name = "TunnelIkeConfig")]
    tunnel_ike_config: Option<TunnelIkeConfig>,
}

#[derive(Serialize)]
struct IkeConfig {
    #[serde(rename = "IkeVersion")]
    ike_version: String,
    #[serde(rename = "Psk")]
    psk: String,
}

#[derive(RpcParams)]
struct CreateVpnConnection {
    #[rpc(name = "RegionId")]
    region_id: String,
    #[rpc(name = "VpnGatewayId")]
    vpn_gateway_id: String,
    #[rpc(name = "CustomerGatewayId")]
    customer_gateway_id: Option<String>,
    #[rpc(name = "LocalSubnet")]
    local_subnet: String,
    #[rpc(name = "RemoteSubnet")]
    remote_subnet: String,
    #[rpc(name = "IkeConfig", style = "json")]
    ike_config: Option<IkeConfig>,
    #[rpc(name = "Tags", style = "repeatList")]
    tags: Option<Vec<Tag>>,
    #[rpc(name = "TunnelOptionsSpecification", location = "form", style = "flat")]
    tunnel_options_specification: Option<Vec<TunnelOptions>>,
}

fn create_vpn_connection() -> CreateVpnConnection {
    CreateVpnConnection {
        region_id: "cn-hangzhou".into(),
        vpn_gateway_id: "vpn-1".into(),
        customer_gateway_id: Some("cgw-1".into()),
        local_subnet: "10.0.0.0/8,192.168.0.0/16".into(),
        remote_subnet: "172.16.0.0/12".into(),
        ike_config: Some(IkeConfig {
            ike_version: "ikev2".into(),
            psk: "a b&c".into(),
        }),
        tags: Some(vec![tag("env", "prod"), tag("team", "net ops")]),
        tunnel_options_specification: Some(vec![
            TunnelOptions {
                customer_gateway_id: Some("cgw-1".into()),
                enable_dpd: None,
                role: Some("master".into()),
                tunnel_ike_config: Some(TunnelIkeConfig {
                    ike_auth_alg: Some("sha1".into()),
                    local_id: Some("1.1.1.1".into()),
                }),
            },
            TunnelOptions {
                customer_gateway_id: Some("cgw-2".into()),
                enable_dpd: Some(true),
                role: Some("slave".into()),
                tunnel_ike_config: None,
            },
        ]),
    }
}

#[derive(RpcParams)]
struct CreateVpnGateway {
    #[rpc(name = "RegionId")]
    region_id: String,
    #[rpc(name = "Name")]
    name: Option<String>,
    #[rpc(name = "VpcId")]
    vpc_id: String,
    #[rpc(name = "InstanceChargeType")]
    instance_charge_type: Option<String>,
    #[rpc(name = "Period")]
    period: Option<i32>,
    #[rpc(name = "AutoPay")]
    auto_pay: Option<bool>,
    #[rpc(name = "Bandwidth")]
    bandwidth: i32,
    #[rpc(name = "EnableIpsec")]
    enable_ipsec: Option<bool>,
    #[rpc(name = "EnableSsl")]
    enable_ssl: Option<bool>,
    #[rpc(name = "SslConnections")]
    ssl_connections: Option<i32>,
    #[rpc(name = "VSwitchId")]
    v_switch_id: Option<String>,
    #[rpc(name = "VpnType")]
    vpn_type: Option<String>,
    #[rpc(name = "ClientToken")]
    client_token: Option<String>,
    #[rpc(name = "NetworkType")]
    network_type: Option<String>,
}

fn create_minimal() -> CreateVpnGateway {
    CreateVpnGateway {
        region_id: "cn-hangzhou".into(),
        name: None,
        vpc_id: "vpc-bp1ub1yt9cvakoelj0000".into(),
        instance_charge_type: None,
        period: None,
        auto_pay: None,
        bandwidth: 5,
        enable_ipsec: None,
        enable_ssl: None,
        ssl_connections: None,
        v_switch_id: None,
        vpn_type: None,
        client_token: None,
        network_type: None,
    }
}

fn create_full() -> CreateVpnGateway {
    CreateVpnGateway {
        region_id: "cn-hangzhou".into(),
        name: Some("MY_vpn-gw.1".into()),
        vpc_id: "vpc-bp1ub1yt9cvakoelj0000".into(),
        instance_charge_type: Some("POSTPAY".into()),
        period: Some(12),
        auto_pay: Some(false),
        bandwidth: 200,
        enable_ipsec: Some(true),
        enable_ssl: Some(true),
        ssl_connections: Some(10),
        v_switch_id: Some("vsw-bp1j5miw2bae9s2vt0000".into()),
        vpn_type: Some("Normal".into()),
        client_token: Some("02fb3da4-130e-11e9-8e44 ~*'()!".into()),
        network_type: Some("public".into()),
    }
}

#[derive(RpcParams)]
struct DescribeVpnGateways {
    #[rpc(name = "RegionId")]
    region_id: String,
    #[rpc(name = "PageNumber")]
    page_number: Option<i32>,
    #[rpc(name = "PageSize")]
    page_size: Option<i32>,
    #[rpc(name = "Status")]
    status: Option<String>,
    #[rpc(name = "Tag")]
    tag: Vec<Tag>,
}

fn describe_list() -> DescribeVpnGateways {
    DescribeVpnGateways {
        region_id: "cn-hangzhou".into(),
        page_number: Some(2),
        page_size: Some(50),
        status: Some("active".into()),
        tag: vec![tag("k1", "v1")],
    }
}

#[test]
fn repeat_list_of_structs_is_one_based_and_dotted() {
    #[derive(RpcParams)]
    struct Request {
        #[rpc(name = "Tags")]
        tags: Vec<Tag>,
    }
    let request = Request {
        tags: vec![tag("env", "prod"), tag("team", "net ops")],
    };
    assert_eq!(
        query(&request),
        "Tags.1.Key=env&Tags.1.Value=prod&Tags.2.Key=team&Tags.2.Value=net%20ops"
    );
}

#[test]
fn body_parameters_nest_at_any_depth_and_stay_in_the_body() {
    let (query, body) = wire(&create_vpn_connection());
    assert!(!query.contains("TunnelOptionsSpecification"), "{query}");
    assert_eq!(
        body,
        "TunnelOptionsSpecification.1.CustomerGatewayId=cgw-1\
         &TunnelOptionsSpecification.1.Role=master\
         &TunnelOptionsSpecification.1.TunnelIkeConfig.IkeAuthAlg=sha1\
         &TunnelOptionsSpecification.1.TunnelIkeConfig.LocalId=1.1.1.1\
         &TunnelOptionsSpecification.2.CustomerGatewayId=cgw-2\
         &TunnelOptionsSpecification.2.EnableDpd=true\
         &TunnelOptionsSpecification.2.Role=slave"
    );
    let params = create_vpn_connection().to_params();
    assert!(params.body().contains((
        "TunnelOptionsSpecification.1.TunnelIkeConfig.IkeAuthAlg",
        "sha1"
    )));
    assert!(params.contains_key("TunnelOptionsSpecification.2.EnableDpd"));
    assert!(params.contains_key("Tags.2.Value"));
    assert!(!params.contains_key("TunnelOptionsSpecification.2.TunnelIkeConfig.LocalId"));
}

/// The query comes in the byte order of the wire names (`VS` before `Vp`), the order the
/// signature sorts it in; the body keeps declaration order
/// (`body_parameters_nest_at_any_depth_and_stay_in_the_body`).
#[test]
fn query_comes_in_wire_name_order() {
    assert_eq!(
        query(&create_full()),
        "AutoPay=false&Bandwidth=200&ClientToken=02fb3da4-130e-11e9-8e44%20~%2A%27%28%29%21\
         &EnableIpsec=true&EnableSsl=true&InstanceChargeType=POSTPAY&Name=MY_vpn-gw.1\
         &NetworkType=public&Period=12&RegionId=cn-hangzhou&SslConnections=10\
         &VSwitchId=vsw-bp1j5miw2bae9s2vt0000&VpcId=vpc-bp1ub1yt9cvakoelj0000&VpnType=Normal"
    );
}

#[test]
fn a_single_nested_object_is_dotted_without_index() {
    #[derive(RpcParams)]
    struct ModifyTunnelAttribute {
        #[rpc(name = "TunnelOptionsSpecification", style = "flat")]
        options: TunnelOptions,
    }
    let request = ModifyTunnelAttribute {
        options: TunnelOptions {
            customer_gateway_id: None,
            enable_dpd: Some(false),
            role: None,
            tunnel_ike_config: Some(TunnelIkeConfig {
                ike_auth_alg: None,
                local_id: Some("a*b".into()),
            }),
        },
    };
    assert_eq!(
        query(&request),
        "TunnelOptionsSpecification.EnableDpd=false\
         &TunnelOptionsSpecification.TunnelIkeConfig.LocalId=a%2Ab"
    );
}

#[test]
fn json_style_sends_the_whole_value_as_one_string() {
    #[derive(Serialize)]
    struct AccessMode {
        #[serde(rename = "ModeValue")]
        mode_value: String,
    }
    #[derive(RpcParams)]
    struct Request {
        #[rpc(name = "AccessMode", style = "json")]
        access_mode: Option<AccessMode>,
        #[rpc(name = "Absent", style = "json")]
        absent: Option<AccessMode>,
        #[rpc(name = "Raw", style = "json")]
        raw: serde_json::Value,
        #[rpc(name = "Null", style = "json")]
        null: serde_json::Value,
        #[rpc(name = "Ports", style = "json")]
        ports: Vec<u16>,
    }
    let request = Request {
        access_mode: Some(AccessMode {
            mode_value: "route".into(),
        }),
        absent: None,
        raw: serde_json::json!({"a": [1, "x y"]}),
        null: serde_json::Value::Null,
        ports: vec![80, 443],
    };
    let params = request.to_params();
    let pairs: Vec<(&str, &str)> = params.query().iter().collect();
    assert_eq!(
        pairs,
        [
            ("AccessMode", r#"{"ModeValue":"route"}"#),
            ("Ports", "[80,443]"),
            ("Raw", r#"{"a":[1,"x y"]}"#),
        ]
    );
    assert_eq!(
        query(&request),
        "AccessMode=%7B%22ModeValue%22%3A%22route%22%7D&Ports=%5B80%2C443%5D\
         &Raw=%7B%22a%22%3A%5B1%2C%22x%20y%22%5D%7D"
    );
}

#[test]
fn delimited_styles_join_a_list_into_one_value() {
    #[derive(RpcParams)]
    struct Request {
        #[rpc(name = "VbrInstanceIds", style = "simple")]
        vbr_instance_ids: Vec<String>,
        #[rpc(name = "Spaced", style = "spaceDelimited")]
        spaced: Option<Vec<&'static str>>,
        #[rpc(name = "Piped", style = "pipeDelimited")]
        piped: [u32; 3],
        #[rpc(name = "Flags", style = "simple")]
        flags: Box<[bool]>,
        #[rpc(name = "Missing", style = "simple")]
        missing: Option<Vec<String>>,
        #[rpc(name = "Empty", style = "pipeDelimited")]
        empty: Vec<i64>,
        #[rpc(name = "OneEmpty", style = "simple")]
        one_empty: Vec<String>,
    }
    let request = Request {
        vbr_instance_ids: vec!["vbr-1".into(), "vbr-2".into()],
        spaced: Some(vec!["a", "b c"]),
        piped: [1, 22, 333],
        flags: vec![true, false].into_boxed_slice(),
        missing: None,
        empty: vec![],
        one_empty: vec![String::new()],
    };
    let params = request.to_params();
    assert_eq!(
        *params.query(),
        [
            ("Flags".to_owned(), "true,false".to_owned()),
            ("OneEmpty".to_owned(), String::new()),
            ("Piped".to_owned(), "1|22|333".to_owned()),
            ("Spaced".to_owned(), "a b c".to_owned()),
            ("VbrInstanceIds".to_owned(), "vbr-1,vbr-2".to_owned()),
        ]
    );
    assert_eq!(
        query(&request),
        "Flags=true%2Cfalse&OneEmpty=&Piped=1%7C22%7C333&Spaced=a%20b%20c&VbrInstanceIds=vbr-1%2Cvbr-2"
    );
}

#[test]
fn encoding_is_rfc3986_in_keys_and_values() {
    assert_eq!(params::encode(" ~/*-+"), "%20~%2F%2A-%2B");
    assert_eq!(params::encode("AZaz09-_.~"), "AZaz09-_.~");
    assert!(matches!(
        params::encode("plain-Text_1.0~"),
        Cow::Borrowed(_)
    ));
    assert_eq!(params::encode("a+b=c&d%"), "a%2Bb%3Dc%26d%25");
    let mut out = String::from("x=");
    params::encode_into(&mut out, "é *");
    assert_eq!(out, "x=%C3%A9%20%2A");

    #[derive(RpcParams)]
    struct Request {
        #[rpc(name = "Labels")]
        labels: BTreeMap<String, String>,
        #[rpc(name = "Vector")]
        vector: String,
    }
    let request = Request {
        labels: BTreeMap::from([("a b*".to_owned(), "x y*".to_owned())]),
        vector: " ~/*-+".into(),
    };
    assert_eq!(
        query(&request),
        "Labels.a%20b%2A=x%20y%2A&Vector=%20~%2F%2A-%2B"
    );
}

#[test]
fn non_ascii_utf8_is_encoded_byte_by_byte() {
    #[derive(RpcParams)]
    struct Request {
        #[rpc(name = "Description")]
        description: String,
        #[rpc(name = "名前")]
        name: &'static str,
    }
    let request = Request {
        description: "日本 é😀".into(),
        name: "ü",
    };
    assert_eq!(
        query(&request),
        "Description=%E6%97%A5%E6%9C%AC%20%C3%A9%F0%9F%98%80&%E5%90%8D%E5%89%8D=%C3%BC"
    );
    assert_eq!(request.to_params().query().get(1), Some(("名前", "ü")));
}

#[test]
fn scalars_of_every_width_and_kind() {
    #[derive(RpcParams)]
    #[rpc(rename_all = "PascalCase")]
    struct Scalars<'a> {
        i8_min: i8,
        i16_min: i16,
        i32_min: i32,
        i64_min: i64,
        i128_min: i128,
        isize_min: isize,
        u8_max: u8,
        u16_max: u16,
        u32_max: u32,
        u64_max: u64,
        u128_max: u128,
        usize_zero: usize,
        yes: bool,
        no: bool,
        half: f64,
        big: f64,
        third: f32,
        text: &'a str,
        cow: Cow<'a, str>,
        boxed: Box<str>,
        by_ref: &'a String,
        empty: String,
        absent: Option<i32>,
        present: Option<Option<u8>>,
    }
    let owned = "ref".to_owned();
    let request = Scalars {
        i8_min: i8::MIN,
        i16_min: i16::MIN,
        i32_min: i32::MIN,
        i64_min: i64::MIN,
        i128_min: i128::MIN,
        isize_min: -1,
        u8_max: u8::MAX,
        u16_max: u16::MAX,
        u32_max: u32::MAX,
        u64_max: u64::MAX,
        u128_max: u128::MAX,
        usize_zero: 0,
        yes: true,
        no: false,
        half: -0.5,
        big: 1e21,
        third: 0.25,
        text: "t",
        cow: Cow::Owned("c".into()),
        boxed: "b".into(),
        by_ref: &owned,
        empty: String::new(),
        absent: None,
        present: Some(Some(7)),
    };
    assert_eq!(
        query(&request),
        "Big=1000000000000000000000&Boxed=b&ByRef=ref&Cow=c&Empty=&Half=-0.5\
         &I128Min=-170141183460469231731687303715884105728&I16Min=-32768&I32Min=-2147483648\
         &I64Min=-9223372036854775808&I8Min=-128&IsizeMin=-1&No=false&Present=7&Text=t\
         &Third=0.25&U128Max=340282366920938463463374607431768211455&U16Max=65535\
         &U32Max=4294967295&U64Max=18446744073709551615&U8Max=255&UsizeZero=0&Yes=true"
    );
}

#[test]
fn lists_of_scalars_and_lists_of_lists() {
    #[derive(RpcParams)]
    struct Request {
        #[rpc(name = "InstanceId")]
        instance_id: Vec<String>,
        #[rpc(name = "Empty")]
        empty: Vec<String>,
        #[rpc(name = "Matrix")]
        matrix: Vec<Vec<u8>>,
        #[rpc(name = "Fixed")]
        fixed: [bool; 2],
        #[rpc(name = "Slice")]
        slice: &'static [&'static str],
        #[rpc(name = "Holes")]
        holes: Vec<Option<i32>>,
    }
    let request = Request {
        instance_id: vec!["a".into(), "b".into()],
        empty: vec![],
        matrix: vec![vec![1, 2], vec![], vec![3]],
        fixed: [true, false],
        slice: &["s"],
        holes: vec![None, Some(2)],
    };
    assert_eq!(
        query(&request),
        "Fixed.1=true&Fixed.2=false&Holes.2=2&InstanceId.1=a&InstanceId.2=b\
         &Matrix.1.1=1&Matrix.1.2=2&Matrix.3.1=3&Slice.1=s"
    );
}

#[test]
fn lists_past_nine_count_in_decimal() {
    #[derive(RpcParams)]
    struct Request {
        #[rpc(name = "Id")]
        ids: Vec<usize>,
    }
    let request = Request {
        ids: (1..=12).collect(),
    };
    let params = request.to_params();
    let keys: Vec<&str> = params.query().iter().map(|(k, _)| k).collect();
    assert_eq!(keys[9..], ["Id.10", "Id.11", "Id.12"]);
    assert!(params.query().iter().all(|(k, v)| k == format!("Id.{v}")));
}

#[test]
fn maps_are_written_in_key_order() {
    #[derive(RpcParams)]
    struct Request {
        #[rpc(name = "Sorted")]
        sorted: BTreeMap<String, u8>,
        #[rpc(name = "Hashed")]
        hashed: HashMap<String, Tag>,
        #[rpc(name = "Borrowed")]
        borrowed: HashMap<&'static str, bool>,
    }
    let request = Request {
        sorted: BTreeMap::from([("b".into(), 2), ("a".into(), 1)]),
        hashed: (0..20)
            .map(|i| (format!("k{i:02}"), tag("x", &i.to_string())))
            .collect(),
        borrowed: HashMap::from([("z", true), ("y", false)]),
    };
    let params = request.to_params();
    let keys: Vec<&str> = params.query().iter().map(|(k, _)| k).collect();
    let hashed: Vec<String> = (0..20)
        .flat_map(|i| {
            [
                format!("Hashed.k{i:02}.Key"),
                format!("Hashed.k{i:02}.Value"),
            ]
        })
        .collect();
    let mut expected = vec!["Borrowed.y", "Borrowed.z"];
    expected.extend(hashed.iter().map(String::as_str));
    expected.extend(["Sorted.a", "Sorted.b"]);
    assert_eq!(keys, expected);
}

#[test]
fn locations_default_per_container_and_nested_values_inherit() {
    #[derive(RpcParams)]
    #[rpc(location = "form")]
    struct Request {
        #[rpc(name = "RegionId", location = "query")]
        region_id: String,
        #[rpc(name = "Tags")]
        tags: Vec<Tag>,
        #[rpc(name = "Name")]
        name: String,
    }
    let request = Request {
        region_id: "r".into(),
        tags: vec![tag("k", "v")],
        name: "n".into(),
    };
    assert_eq!(
        wire(&request),
        (
            "RegionId=r".to_owned(),
            "Tags.1.Key=k&Tags.1.Value=v&Name=n".to_owned()
        )
    );
}

#[test]
fn rename_all_and_raw_identifiers() {
    #[derive(RpcParams)]
    struct Pascal {
        region_id: String,
        r#type: String,
        #[rpc(name = "VSwitchId")]
        v_switch_id: String,
    }
    #[derive(RpcParams)]
    #[rpc(rename_all = "camelCase")]
    struct Camel {
        region_id: String,
        page_size: u8,
    }
    #[derive(RpcParams)]
    #[rpc(rename_all = "snake_case")]
    struct Snake {
        region_id: String,
        #[rpc(name = "X")]
        renamed: String,
    }
    let pascal = Pascal {
        region_id: "r".into(),
        r#type: "t".into(),
        v_switch_id: "v".into(),
    };
    assert_eq!(query(&pascal), "RegionId=r&Type=t&VSwitchId=v");
    let camel = Camel {
        region_id: "r".into(),
        page_size: 1,
    };
    assert_eq!(query(&camel), "pageSize=1&regionId=r");
    let snake = Snake {
        region_id: "r".into(),
        renamed: "x".into(),
    };
    assert_eq!(query(&snake), "X=x&region_id=r");
}

/// Written with `#[rpc(with = ...)]`: one entry per filter, `Key.N.Key` and `Key.N.Value.M`.
fn filters(filters: &BTreeMap<String, Vec<String>>, w: &mut ParamWriter<'_>, key: &mut String) {
    let mut index = 0;
    for (name, values) in filters {
        index += 1;
        let len = key.len();
        key.push_str(&format!(".{index}"));
        w.child(key, "Key", name);
        w.child(key, "Value", values);
        key.truncate(len);
    }
}

#[test]
fn skip_and_with() {
    #[derive(RpcParams)]
    struct Request {
        #[rpc(name = "Filter", with = filters)]
        filter: BTreeMap<String, Vec<String>>,
        #[rpc(skip)]
        _callback: Option<fn()>,
        #[rpc(name = "Kept")]
        kept: u8,
    }
    #[derive(RpcParams)]
    struct Outer {
        #[rpc(name = "Inner", location = "form")]
        inner: Request,
    }
    let request = Request {
        filter: BTreeMap::from([
            ("b".to_owned(), vec!["x".to_owned()]),
            ("a".to_owned(), vec!["y".to_owned(), "z".to_owned()]),
        ]),
        _callback: None,
        kept: 3,
    };
    assert_eq!(
        query(&request),
        "Filter.1.Key=a&Filter.1.Value.1=y&Filter.1.Value.2=z&Filter.2.Key=b&Filter.2.Value.1=x&Kept=3"
    );
    assert_eq!(
        wire(&Outer { inner: request }).1,
        "Inner.Filter.1.Key=a&Inner.Filter.1.Value.1=y&Inner.Filter.1.Value.2=z\
         &Inner.Filter.2.Key=b&Inner.Filter.2.Value.1=x&Inner.Kept=3"
    );
}

/// What `open_enum!` expands to, in short: a string that may be any value.
struct Status(String);

impl RpcValue for Status {
    fn write_value(&self, w: &mut ParamWriter<'_>, key: &mut String) {
        self.0.as_str().write_value(w, key);
    }
}

impl RpcScalar for Status {
    fn write_text(&self, out: &mut String) {
        self.0.as_str().write_text(out);
    }
}

#[test]
fn string_like_types_delegate_to_str() {
    #[derive(RpcParams)]
    struct Request {
        #[rpc(name = "Status")]
        status: Status,
        #[rpc(name = "Statuses", style = "simple")]
        statuses: Vec<Status>,
        #[rpc(name = "Each")]
        each: Vec<Status>,
    }
    let request = Request {
        status: Status("active".into()),
        statuses: vec![Status("a".into()), Status("b".into())],
        each: vec![Status("x y".into())],
    };
    assert_eq!(query(&request), "Each.1=x%20y&Status=active&Statuses=a%2Cb");
}

mod renamed {
    pub use acs_runtime::*;
}

#[test]
fn crate_path_generic_structs_and_empty_structs() {
    #[derive(RpcParams)]
    #[rpc(crate = "crate::params_wire::renamed")]
    struct Generic<'a, T: renamed::params::RpcValue> {
        #[rpc(name = "Value")]
        value: T,
        #[rpc(name = "Name")]
        name: &'a str,
    }
    #[derive(RpcParams)]
    struct Empty {}

    let request = Generic {
        value: vec![1u8],
        name: "n",
    };
    assert_eq!(query(&request), "Name=n&Value.1=1");
    assert_eq!(wire(&Empty {}), (String::new(), String::new()));
    assert_eq!(Empty {}.to_params(), Params::new());
}

#[test]
fn params_and_encoded_params_by_hand() {
    let mut params = Params::new();
    params.push(Location::Query, "A", "1 2");
    params.push(Location::Form, "B*", String::from("x"));
    params.push(Location::Query, "C", "");
    assert_eq!(
        *params.query(),
        [
            ("A".to_owned(), "1 2".to_owned()),
            ("C".to_owned(), String::new())
        ]
    );
    assert_eq!(*params.body(), [("B*", "x")]);
    assert!(params.contains_key("A") && params.contains_key("B*") && params.contains_key("C"));
    assert!(!params.contains_key("a"));
    assert_eq!(params.encoded_query(), "A=1%202&C=");
    assert_eq!(params.encoded_body(), "B%2A=x");

    let mut encoded = EncodedParams::new();
    encoded.push(Location::Form, "B*", "x");
    encoded.push(Location::Query, "A", "1 2");
    encoded.push(Location::Query, "C", "");
    assert_eq!((encoded.query(), encoded.body()), ("A=1%202&C=", "B%2A=x"));

    let mut writer = ParamWriter::pairs(&mut params);
    assert_eq!(writer.location(), Location::Query);
    writer.param(Location::Form, "D", &Some(4u8));
    assert_eq!(writer.location(), Location::Form);
    assert_eq!(params.body().get(1), Some(("D", "4")));
}

/// One request the official Python SDK sent, decoded (booleans in our lower case) and
/// encoded (its `+` for a space in our `%20`), each as a sorted set of pairs.
struct SdkRequest {
    action: String,
    query: Vec<(String, String)>,
    form: Vec<(String, String)>,
    raw_query: Vec<String>,
    raw_body: Vec<String>,
}

fn sdk_requests() -> Vec<SdkRequest> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/data/wire-examples/official-python-sdk.jsonl"
    );
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("reading {path}: {e}"));
    let lower_bool = |value: &str| match value {
        "True" => "true".to_owned(),
        "False" => "false".to_owned(),
        other => other.to_owned(),
    };
    let pairs = |value: &serde_json::Value| -> Vec<(String, String)> {
        let mut pairs: Vec<(String, String)> = value
            .as_array()
            .map(|pairs| {
                pairs
                    .iter()
                    .map(|pair| {
                        let k = pair[0].as_str().expect("key");
                        let v = pair[1].as_str().expect("value");
                        (k.to_owned(), lower_bool(v))
                    })
                    .collect()
            })
            .unwrap_or_default();
        pairs.sort();
        pairs
    };
    let raw = |value: &str| -> Vec<String> {
        let mut pairs: Vec<String> = value
            .split('&')
            .filter(|pair| !pair.is_empty())
            .map(|pair| {
                let (k, v) = pair.split_once('=').expect("k=v");
                format!("{k}={}", lower_bool(v).replace('+', "%20"))
            })
            .collect();
        pairs.sort();
        pairs
    };
    text.lines()
        .map(|line| {
            let record: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
            SdkRequest {
                action: record["headers"]["x-acs-action"]
                    .as_str()
                    .unwrap_or_default()
                    .to_owned(),
                query: pairs(&record["query"]),
                form: pairs(&record["form"]),
                raw_query: raw(record["raw_query"].as_str().expect("raw_query")),
                raw_body: raw(record["body"].as_str().expect("body")),
            }
        })
        .collect()
}

fn sorted_pairs(pairs: &Pairs) -> Vec<(String, String)> {
    let mut pairs: Vec<(String, String)> = pairs
        .iter()
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect();
    pairs.sort();
    pairs
}

fn sorted_encoded(encoded: &str) -> Vec<String> {
    let mut pairs: Vec<String> = encoded
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(str::to_owned)
        .collect();
    pairs.sort();
    pairs
}

#[test]
fn official_sdk_requests_have_the_same_pairs_and_encoding() {
    let requests = sdk_requests();
    // The first four lines are the signature V3 requests, in the order of requests.json.
    let ours: [(&str, Params); 4] = [
        ("CreateVpnGateway", create_minimal().to_params()),
        ("CreateVpnGateway", create_full().to_params()),
        ("CreateVpnConnection", create_vpn_connection().to_params()),
        ("DescribeVpnGateways", describe_list().to_params()),
    ];
    assert!(requests.len() >= ours.len());
    for ((action, params), sdk) in ours.iter().zip(&requests) {
        assert_eq!(*action, sdk.action);
        assert_eq!(sorted_pairs(params.query()), sdk.query, "{action} query");
        assert_eq!(sorted_pairs(params.body()), sdk.form, "{action} form");
        assert_eq!(
            sorted_encoded(&params.encoded_query()),
            sdk.raw_query,
            "{action} raw query"
        );
        assert_eq!(
            sorted_encoded(&params.encoded_body()),
            sdk.raw_body,
            "{action} raw body"
        );
    }
    assert!(
        ours[2].1.body().len() == 7 && ours[1].1.query().len() == 14,
        "the comparison saw the full requests"
    );
}
