use acs_runtime::RpcParams;

#[derive(RpcParams)]
#[rpc(location = "Body")]
struct Request {
    #[rpc(name = "RegionId", location = "header")]
    region_id: String,
}

fn main() {}
