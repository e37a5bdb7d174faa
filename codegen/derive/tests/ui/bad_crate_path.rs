use acs_runtime::RpcParams;

#[derive(RpcParams)]
#[rpc(crate = "acs runtime")]
struct Request {
    region_id: String,
}

fn main() {}
