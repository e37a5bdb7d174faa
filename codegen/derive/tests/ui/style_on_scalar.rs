use acs_runtime::RpcParams;

#[derive(RpcParams)]
struct Request<'a> {
    #[rpc(name = "VpcId", style = "simple")]
    vpc_id: String,
    #[rpc(name = "PageSize", style = "pipeDelimited")]
    page_size: Option<u32>,
    #[rpc(name = "Name", style = "spaceDelimited")]
    name: &'a str,
}

fn main() {}
