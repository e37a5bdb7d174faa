use acs_runtime::RpcParams;

#[derive(RpcParams)]
struct Request {
    #[rpc(name = RegionId)]
    region_id: String,
    #[rpc(location = 1)]
    page_size: u32,
}

fn main() {}
