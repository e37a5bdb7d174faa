use acs_runtime::RpcParams;

#[derive(RpcParams)]
#[rpc(location = "formData")]
struct Request {
    #[rpc(name = "RegionId", location = "url")]
    region_id: String,
    #[rpc(name = "RegionId")]
    region: String,
    #[rpc(style = "simple")]
    vpc_id: String,
    #[rpc(name = "Data")]
    data: *mut u8,
}

fn main() {}
