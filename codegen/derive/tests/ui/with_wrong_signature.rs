use acs_runtime::RpcParams;
use acs_runtime::params::ParamWriter;

fn write_count(count: &u64, w: &mut ParamWriter<'_>) {
    w.write_str("Count", &count.to_string());
}

#[derive(RpcParams)]
struct Request {
    #[rpc(name = "Count", with = write_count)]
    count: u64,
}

fn main() {}
