use acs_runtime::RpcParams;

#[derive(RpcParams)]
#[rpc(location = "Body")]
struct Request {
    #[rpc(name = "RegionId", location = "cookie")]
    region_id: String,
}

fn main() {}
