//! One emulated VPN gateway: its attributes, its life cycle and its JSON shape.

use serde_json::{Value, json};

/// Where a gateway is in its life cycle, with the polls left before the next step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Phase {
    /// Being created; `active` once `polls_left` more polls have answered `provisioning`.
    Provisioning { polls_left: u32 },
    /// Ready.
    Active,
    /// Being deleted; gone once `polls_left` more polls have answered `deleting`.
    Deleting { polls_left: u32 },
}

impl Phase {
    /// The `Status` the service shows for this phase.
    pub(super) fn status(self) -> &'static str {
        match self {
            Self::Provisioning { .. } => "provisioning",
            Self::Active => "active",
            Self::Deleting { .. } => "deleting",
        }
    }
}

/// What a test can see of a gateway.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GatewayView {
    /// `VpnGatewayId`.
    pub id: String,
    /// `RegionId` it was created in.
    pub region: String,
    /// `VpcId`.
    pub vpc_id: String,
    /// `Name`.
    pub name: String,
    /// `Status`: `provisioning`, `active` or `deleting`.
    pub status: String,
    /// The `ClientToken` of the create call, if any.
    pub client_token: Option<String>,
}

/// An emulated gateway.
#[derive(Clone, Debug)]
pub(super) struct Gateway {
    pub(super) id: String,
    pub(super) region: String,
    pub(super) vpc_id: String,
    pub(super) vswitch_id: String,
    pub(super) name: String,
    pub(super) description: String,
    pub(super) bandwidth: i64,
    pub(super) ssl_connections: i64,
    pub(super) ipsec: bool,
    pub(super) ssl: bool,
    pub(super) network_type: String,
    pub(super) charge_type: String,
    pub(super) created_ms: i64,
    pub(super) internet_ip: String,
    pub(super) client_token: Option<String>,
    pub(super) phase: Phase,
}

impl Gateway {
    /// What a test sees.
    pub(super) fn view(&self) -> GatewayView {
        GatewayView {
            id: self.id.clone(),
            region: self.region.clone(),
            vpc_id: self.vpc_id.clone(),
            name: self.name.clone(),
            status: self.phase.status().to_owned(),
            client_token: self.client_token.clone(),
        }
    }

    /// The gateway as `DescribeVpnGateway`, `DescribeVpnGateways` and
    /// `ModifyVpnGatewayAttribute` show it.
    pub(super) fn to_json(&self) -> Value {
        let enabled = |on: bool| if on { "enable" } else { "disable" };
        json!({
            "VpnGatewayId": self.id,
            "VpcId": self.vpc_id,
            "VSwitchId": self.vswitch_id,
            "Name": self.name,
            "Description": self.description,
            "Status": self.phase.status(),
            "BusinessStatus": "Normal",
            "ChargeType": self.charge_type,
            "Spec": format!("{}M", self.bandwidth),
            "InternetIp": self.internet_ip,
            "CreateTime": self.created_ms,
            "EndTime": self.created_ms + 31_536_000_000_i64,
            "IpsecVpn": enabled(self.ipsec),
            "SslVpn": enabled(self.ssl),
            "SslMaxConnections": self.ssl_connections,
            "VpnType": "Normal",
            "NetworkType": self.network_type,
            "EnableBgp": false,
            "AutoPropagate": false,
            "ResourceGroupId": "rg-emulator0000",
            "Tag": "{\"VpnNewImage\":\"true\"}",
            "Tags": {"Tag": []},
        })
    }
}
