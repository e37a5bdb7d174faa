use acs_runtime::RpcParams;

#[derive(RpcParams)]
struct Request {
    #[rpc(name = "Data")]
    data: Option<*const u8>,
}

fn main() {}
