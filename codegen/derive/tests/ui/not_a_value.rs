use acs_runtime::RpcParams;

struct Zone {
    id: String,
}

#[derive(RpcParams)]
struct Request {
    #[rpc(name = "Zone")]
    zone: Option<Zone>,
}

fn main() {}
