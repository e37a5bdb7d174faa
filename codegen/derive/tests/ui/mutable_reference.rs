use acs_runtime::RpcParams;

#[derive(RpcParams)]
struct Request<'a> {
    #[rpc(name = "Name")]
    name: &'a mut String,
}

fn main() {}
