use acs_runtime::RpcParams;

#[derive(RpcParams)]
struct Tag {
    key: String,
}

#[derive(RpcParams)]
struct Request {
    #[rpc(name = "Tags", style = "simple")]
    tags: Vec<Tag>,
}

fn main() {}
