use acs_runtime::RpcParams;

#[derive(RpcParams)]
struct Request {
    #[rpc(name = "InstanceId", style = "repeatList")]
    instance_id: Vec<String>,
}

fn main() {}
