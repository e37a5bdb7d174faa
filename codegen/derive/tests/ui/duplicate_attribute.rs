use acs_runtime::RpcParams;

#[derive(RpcParams)]
struct Request {
    #[rpc(name = "RegionId")]
    #[rpc(location = "query", name = "Region")]
    region_id: String,
}

fn main() {}
