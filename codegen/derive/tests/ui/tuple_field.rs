use acs_runtime::RpcParams;

#[derive(RpcParams)]
struct Request {
    #[rpc(name = "Range")]
    range: Vec<(u16, u16)>,
    #[rpc(name = "Nothing")]
    nothing: (),
}

fn main() {}
