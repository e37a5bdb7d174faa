use acs_runtime::RpcParams;

#[derive(RpcParams)]
#[rpc(rename = "Request")]
struct Request {
    region_id: String,
}

fn main() {}
