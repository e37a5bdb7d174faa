use acs_runtime::RpcParams;

#[derive(RpcParams)]
struct Request<'a> {
    #[rpc(name = "VpcId", style = "simple")]
    vpc_id: String,
    #[rpc(name = "PageSize", style = "pipe_delimited")]
    page_size: Option<u32>,
    #[rpc(name = "Name", style = "space_delimited")]
    name: &'a str,
}

fn main() {}
