use acs_runtime::RpcParams;

#[derive(RpcParams)]
struct WholeBodyOutsideTheBody {
    #[rpc(name = "Policy", body = "text")]
    policy: Option<String>,
    #[rpc(name = "x-trace", location = "header", style = "simple")]
    trace: Vec<String>,
    #[rpc(name = "count", location = "body", style = "json")]
    count: Option<i64>,
}

#[derive(RpcParams)]
struct TwoWholeBodies {
    #[rpc(name = "body", location = "body", body = "json")]
    body: Option<Vec<String>>,
    #[rpc(name = "raw", location = "body", body = "binary")]
    raw: Option<Vec<u8>>,
    #[rpc(name = "count", location = "body")]
    count: Option<i64>,
}

#[derive(RpcParams)]
struct NoSuchKind {
    #[rpc(name = "body", location = "body", body = "fields")]
    body: Option<String>,
}

fn main() {}
