use acs_runtime::RpcParams;

#[derive(RpcParams)]
struct Request {
    #[rpc(name = "Ids", with = "write_ids")]
    ids: Vec<String>,
}

fn main() {}
