use acs_runtime::RpcParams;

#[derive(RpcParams)]
struct Request {
    #[rpc(name = "Callback")]
    callback: fn(&str) -> bool,
}

fn main() {}
