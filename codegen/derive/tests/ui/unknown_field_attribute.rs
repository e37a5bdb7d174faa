use acs_runtime::RpcParams;

#[derive(RpcParams)]
struct Request {
    #[rpc(nme = "RegionId")]
    region_id: String,
}

fn main() {}
