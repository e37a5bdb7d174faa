use acs_runtime::RpcParams;

#[derive(RpcParams)]
struct Request {
    #[rpc(name = "")]
    region_id: String,
}

fn main() {}
