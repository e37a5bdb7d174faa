use acs_runtime::RpcParams;

#[derive(RpcParams)]
struct DescribeRegions;

fn main() {}
