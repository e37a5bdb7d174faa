use acs_runtime::RpcParams;

#[derive(RpcParams)]
struct Request(String, u32);

fn main() {}
