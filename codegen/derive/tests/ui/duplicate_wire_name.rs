use acs_runtime::RpcParams;

#[derive(RpcParams)]
struct Request {
    region_id: String,
    #[rpc(name = "RegionId")]
    region: String,
    #[rpc(skip)]
    skipped: String,
    #[rpc(name = "Skipped")]
    sent: String,
}

fn main() {}
