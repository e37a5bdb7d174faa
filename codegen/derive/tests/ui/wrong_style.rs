use acs_runtime::RpcParams;

#[derive(RpcParams)]
struct Request {
    #[rpc(name = "InstanceId", style = "repeat_list")]
    instance_id: Vec<String>,
}

fn main() {}
