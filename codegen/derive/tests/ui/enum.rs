use acs_runtime::RpcParams;

#[derive(RpcParams)]
enum Status {
    Active,
    Deleting,
}

fn main() {}
