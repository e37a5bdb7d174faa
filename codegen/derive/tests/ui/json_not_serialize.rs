use acs_runtime::RpcParams;

struct AccessMode {
    mode_value: String,
}

#[derive(RpcParams)]
struct Request {
    #[rpc(name = "AccessMode", style = "json")]
    access_mode: Option<AccessMode>,
}

fn main() {}
