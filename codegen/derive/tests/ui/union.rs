use acs_runtime::RpcParams;

#[derive(RpcParams)]
union Bits {
    int: u32,
    float: f32,
}

fn main() {}
