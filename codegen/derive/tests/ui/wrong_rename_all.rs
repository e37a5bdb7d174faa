use acs_runtime::RpcParams;

#[derive(RpcParams)]
#[rpc(rename_all = "kebab-case")]
struct Request {
    region_id: String,
}

fn main() {}
