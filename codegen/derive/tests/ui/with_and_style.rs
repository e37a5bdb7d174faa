use acs_runtime::RpcParams;
use acs_runtime::params::ParamWriter;

fn write_ids(ids: &[String], w: &mut ParamWriter<'_>, key: &mut String) {
    w.write_str(key, &ids.join(";"));
}

#[derive(RpcParams)]
struct Request {
    #[rpc(name = "Ids", style = "simple", with = write_ids)]
    ids: Vec<String>,
}

fn main() {}
