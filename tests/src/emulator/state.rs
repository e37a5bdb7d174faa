//! The emulated service's state and its answer to each action.

use std::collections::HashMap;

use serde_json::{Value, json};

use super::EmulatorConfig;
use super::gateway::{Gateway, GatewayView, Phase};
use crate::server::Reply;
use crate::verify::Verified;

/// A service error: HTTP status, code and message.
struct Fault(u16, &'static str, String);

type Answer = Result<Value, Fault>;

fn not_found(id: &str, status: u16) -> Fault {
    Fault(
        status,
        "InvalidVpnGatewayInstanceId.NotFound",
        format!("The specified vpn gateway instance id {id} does not exist."),
    )
}

/// What a successful create answered, replayed for a repeated `ClientToken`.
#[derive(Clone)]
struct Created {
    id: String,
    name: String,
    order_id: i64,
}

/// Every gateway, the tokens seen and the responses to drop.
pub(super) struct State {
    config: EmulatorConfig,
    gateways: Vec<Gateway>,
    tokens: HashMap<String, Created>,
    drops: HashMap<String, usize>,
    created: u64,
    requests: u64,
}

impl State {
    /// No gateways yet.
    pub(super) fn new(config: EmulatorConfig) -> Self {
        Self {
            config,
            gateways: Vec::new(),
            tokens: HashMap::new(),
            drops: HashMap::new(),
            created: 0,
            requests: 0,
        }
    }

    /// Drops the answers of the next `count` requests of `action`.
    pub(super) fn drop_responses(&mut self, action: &str, count: usize) {
        *self.drops.entry(action.to_owned()).or_default() += count;
    }

    /// What a test sees of every gateway, in creation order.
    pub(super) fn gateways(&self) -> Vec<GatewayView> {
        self.gateways.iter().map(Gateway::view).collect()
    }

    /// Handles one verified request and answers it (or drops the answer, if asked to).
    pub(super) fn handle(&mut self, request: &Verified) -> Reply {
        self.requests += 1;
        let request_id = format!("E5A1D0C2-0000-4000-8000-{:012X}", self.requests);
        let answer = match request.action.as_str() {
            "CreateVpnGateway" => self.create(request),
            "DescribeVpnGateway" => self.describe(request),
            "DescribeVpnGateways" => self.list(request),
            "ModifyVpnGatewayAttribute" => self.modify(request),
            "DeleteVpnGateway" => self.delete(request),
            other => Err(Fault(
                404,
                "InvalidAction.NotFound",
                format!("The emulator does not implement {other}."),
            )),
        };
        if let Some(left) = self.drops.get_mut(&request.action).filter(|n| **n > 0) {
            *left -= 1;
            return Reply::Hang;
        }
        match answer {
            Ok(mut body) => {
                body["RequestId"] = Value::from(request_id);
                Reply::json(200, body.to_string())
            }
            Err(Fault(status, code, message)) => Reply::error(status, code, &message, &request_id),
        }
    }

    fn create(&mut self, request: &Verified) -> Answer {
        let region = required(request, "RegionId")?;
        let vpc_id = required(request, "VpcId")?;
        let bandwidth = required(request, "Bandwidth")?
            .parse::<i64>()
            .map_err(|_| {
                Fault(
                    400,
                    "InvalidSpec.NotFound",
                    "The specified Spec does not exist in our records.".to_owned(),
                )
            })?;
        let token = request.param("ClientToken").map(str::to_owned);
        if let Some(done) = token.as_ref().and_then(|t| self.tokens.get(t)) {
            return Ok(created_json(done));
        }
        if self.gateways.iter().filter(|g| g.region == region).count() >= self.config.quota {
            return Err(Fault(
                400,
                "Resource.QuotaFull",
                "The quota of resource is full".to_owned(),
            ));
        }
        self.created += 1;
        let n = self.created;
        let id = format!("vpn-emu{n:017}");
        let gateway = Gateway {
            name: request
                .param("Name")
                .map_or_else(|| id.clone(), str::to_owned),
            id,
            region: region.to_owned(),
            vpc_id: vpc_id.to_owned(),
            vswitch_id: request
                .param("VSwitchId")
                .unwrap_or("vsw-emulator0000")
                .to_owned(),
            description: String::new(),
            bandwidth,
            ssl_connections: param_or(request, "SslConnections", 5),
            ipsec: request.param("EnableIpsec") != Some("false"),
            ssl: request.param("EnableSsl") == Some("true"),
            network_type: request.param("NetworkType").unwrap_or("public").to_owned(),
            charge_type: request
                .param("InstanceChargeType")
                .unwrap_or("POSTPAY")
                .to_owned(),
            created_ms: 1_700_000_000_000 + n as i64 * 1000,
            internet_ip: format!("47.100.{}.{}", n / 256, n % 256),
            client_token: token.clone(),
            phase: Phase::Provisioning {
                polls_left: self.config.polls_until_active,
            },
        };
        let done = Created {
            id: gateway.id.clone(),
            name: gateway.name.clone(),
            order_id: 208_240_895_400_000 + n as i64,
        };
        if let Some(token) = token {
            self.tokens.insert(token, done.clone());
        }
        self.gateways.push(gateway);
        Ok(created_json(&done))
    }

    /// One poll: answers the current state, then moves the gateway along its life cycle.
    fn describe(&mut self, request: &Verified) -> Answer {
        let at = self.find(request, 404)?;
        let next = match self.gateways[at].phase {
            Phase::Provisioning { polls_left: 0 } | Phase::Active => Phase::Active,
            Phase::Provisioning { polls_left } => Phase::Provisioning {
                polls_left: polls_left - 1,
            },
            Phase::Deleting { polls_left: 0 } => {
                let gone = self.gateways.remove(at);
                return Err(not_found(&gone.id, 404));
            }
            Phase::Deleting { polls_left } => Phase::Deleting {
                polls_left: polls_left - 1,
            },
        };
        self.gateways[at].phase = next;
        Ok(self.gateways[at].to_json())
    }

    fn list(&self, request: &Verified) -> Answer {
        let region = required(request, "RegionId")?;
        let page_number = param_or(request, "PageNumber", 1).max(1);
        let page_size = param_or(request, "PageSize", 10);
        if !(1..=50).contains(&page_size) {
            return Err(Fault(
                400,
                "InvalidParameter",
                format!("The specified PageSize {page_size} is not valid."),
            ));
        }
        let matches = |g: &&Gateway| {
            g.region == region
                && request.param("VpcId").is_none_or(|v| v == g.vpc_id)
                && request.param("VpnGatewayId").is_none_or(|v| v == g.id)
                && request
                    .param("Status")
                    .is_none_or(|v| v == g.phase.status())
        };
        let all: Vec<&Gateway> = self.gateways.iter().filter(matches).collect();
        let page: Vec<Value> = all
            .iter()
            .skip(((page_number - 1) * page_size) as usize)
            .take(page_size as usize)
            .map(|g| g.to_json())
            .collect();
        Ok(json!({
            "TotalCount": all.len(),
            "PageNumber": page_number,
            "PageSize": page_size,
            "VpnGateways": {"VpnGateway": page},
        }))
    }

    fn modify(&mut self, request: &Verified) -> Answer {
        let at = self.find_active(request)?;
        let gateway = &mut self.gateways[at];
        if let Some(name) = request.param("Name") {
            gateway.name = name.to_owned();
        }
        if let Some(description) = request.param("Description") {
            gateway.description = description.to_owned();
        }
        Ok(gateway.to_json())
    }

    fn delete(&mut self, request: &Verified) -> Answer {
        let at = self.find_active(request)?;
        self.gateways[at].phase = Phase::Deleting {
            polls_left: self.config.polls_while_deleting,
        };
        Ok(json!({}))
    }

    /// The index of the gateway a request names, in its region.
    fn find(&self, request: &Verified, missing_status: u16) -> Result<usize, Fault> {
        let region = required(request, "RegionId")?;
        let id = required(request, "VpnGatewayId")?;
        self.gateways
            .iter()
            .position(|g| g.id == id && g.region == region)
            .ok_or_else(|| not_found(id, missing_status))
    }

    /// [`State::find`] for a change: the gateway must be `active`.
    fn find_active(&self, request: &Verified) -> Result<usize, Fault> {
        let at = self.find(request, 400)?;
        match self.gateways[at].phase {
            Phase::Active => Ok(at),
            _ => Err(Fault(
                400,
                "VpnGateway.Configuring",
                "The specified service is configuring.".to_owned(),
            )),
        }
    }
}

fn created_json(done: &Created) -> Value {
    json!({"VpnGatewayId": done.id, "Name": done.name, "OrderId": done.order_id})
}

fn required<'a>(request: &'a Verified, name: &str) -> Result<&'a str, Fault> {
    request.param(name).ok_or_else(|| {
        Fault(
            400,
            "MissingParameter",
            format!("The input parameter \"{name}\" that is mandatory for processing this request is not supplied."),
        )
    })
}

/// An integer parameter, or `default` when absent or not a number.
fn param_or(request: &Verified, name: &str, default: i64) -> i64 {
    request
        .param(name)
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}
