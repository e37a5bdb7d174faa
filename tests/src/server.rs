//! A loopback HTTP/1.1 server that verifies every request's signature and answers as scripted.

use std::collections::{HashMap, HashSet};
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::{JoinHandle, JoinSet};

use crate::verify::{Clock, Request, Verified, verify};

/// The largest request head the server reads.
const MAX_HEAD: usize = 64 * 1024;

/// What the server answers to one request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reply {
    /// An HTTP response.
    Respond {
        /// The status code.
        status: u16,
        /// Extra headers (`content-length` is added).
        headers: Vec<(String, String)>,
        /// The body.
        body: Vec<u8>,
    },
    /// No answer at all: the connection stays open and silent.
    Hang,
    /// No answer: the connection is closed once the request is read.
    Reset,
}

impl Reply {
    /// A JSON response.
    pub fn json(status: u16, body: impl Into<String>) -> Self {
        Self::with_type(status, "application/json;charset=utf-8", body)
    }

    /// A response with this content type.
    pub fn with_type(status: u16, content_type: &str, body: impl Into<String>) -> Self {
        Self::Respond {
            status,
            headers: vec![("content-type".to_owned(), content_type.to_owned())],
            body: body.into().into_bytes(),
        }
    }

    /// A JSON error body with PascalCase keys, as the service sends.
    pub fn error(status: u16, code: &str, message: &str, request_id: &str) -> Self {
        Self::json(
            status,
            serde_json::json!({
                "RequestId": request_id,
                "HostId": "vpc.aliyuncs.com",
                "Code": code,
                "Message": message,
                "Recommend": format!("https://api.aliyun.com/troubleshoot?q={code}"),
            })
            .to_string(),
        )
    }

    /// Adds a header.
    pub fn header(mut self, name: &str, value: &str) -> Self {
        if let Self::Respond { headers, .. } = &mut self {
            headers.push((name.to_owned(), value.to_owned()));
        }
        self
    }
}

/// One request the server received, with the outcome of its signature check.
#[derive(Clone, Debug)]
pub struct Received {
    /// The request as it arrived.
    pub request: Request,
    /// The verified content, or why it was rejected.
    pub verified: Result<Verified, String>,
}

/// A request that passed verification, handed to the responder.
#[derive(Debug)]
pub struct Exchange<'a> {
    /// How many verified requests came before this one.
    pub index: usize,
    /// The request as it arrived.
    pub request: &'a Request,
    /// What its signature covers, decoded.
    pub verified: &'a Verified,
}

type Responder = dyn Fn(&Exchange<'_>) -> Reply + Send + Sync;

struct State {
    keys: HashMap<String, String>,
    respond: Box<Responder>,
    received: Mutex<Vec<Received>>,
    nonces: Mutex<HashSet<String>>,
}

/// A server on `127.0.0.1` with a random port, stopped when dropped.
///
/// Every request is verified with [`verify`] against `keys` (AccessKeyId → secret); a request
/// that fails, or reuses a nonce, gets `400 SignatureDoesNotMatch` / `SignatureNonceUsed`
/// like from the service, and the responder is not asked.
pub struct TestServer {
    addr: SocketAddr,
    state: Arc<State>,
    accept: JoinHandle<()>,
}

impl TestServer {
    /// Starts a server answering verified requests with `respond`.
    pub async fn start(
        keys: &[(&str, &str)],
        respond: impl Fn(&Exchange<'_>) -> Reply + Send + Sync + 'static,
    ) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind loopback");
        let addr = listener.local_addr().expect("local address");
        let state = Arc::new(State {
            keys: keys
                .iter()
                .map(|(id, secret)| (id.to_string(), secret.to_string()))
                .collect(),
            respond: Box::new(respond),
            received: Mutex::new(Vec::new()),
            nonces: Mutex::new(HashSet::new()),
        });
        let accept = tokio::spawn(accept_loop(listener, state.clone()));
        Self {
            addr,
            state,
            accept,
        }
    }

    /// The endpoint to configure a client with: `http://127.0.0.1:PORT`.
    pub fn endpoint(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Every request received so far, in order.
    pub fn received(&self) -> Vec<Received> {
        self.state.received.lock().unwrap().clone()
    }

    /// The verified requests received so far; panics if any request failed verification.
    pub fn verified(&self) -> Vec<Verified> {
        self.received()
            .into_iter()
            .map(|r| {
                r.verified
                    .unwrap_or_else(|e| panic!("a request failed verification: {e}"))
            })
            .collect()
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        // Dropping the accept task drops its JoinSet, which aborts every connection task.
        self.accept.abort();
    }
}

async fn accept_loop(listener: TcpListener, state: Arc<State>) {
    let mut connections = JoinSet::new();
    while let Ok((stream, _)) = listener.accept().await {
        connections.spawn(serve(stream, state.clone()));
        while connections.try_join_next().is_some() {}
    }
}

/// Serves requests on one connection until the peer closes it (keep-alive).
async fn serve(mut stream: TcpStream, state: Arc<State>) {
    let mut buf = Vec::new();
    loop {
        let request = match read_request(&mut stream, &mut buf).await {
            Ok(Some(request)) => request,
            Ok(None) => return,
            Err(reason) => {
                let reply = Reply::with_type(400, "text/plain", reason);
                let _ = write_reply(&mut stream, &reply).await;
                return;
            }
        };
        let reply = handle(&state, request);
        match reply {
            Reply::Hang => std::future::pending::<()>().await,
            Reply::Reset => return,
            Reply::Respond { .. } => {}
        }
        if write_reply(&mut stream, &reply).await.is_err() {
            return;
        }
    }
}

fn handle(state: &State, request: Request) -> Reply {
    let secret_of = |id: &str| state.keys.get(id).cloned();
    let mut verified = verify(&request, secret_of, Clock::Now);
    if let Ok(v) = &verified {
        if !state.nonces.lock().unwrap().insert(v.nonce.clone()) {
            verified = Err(format!("nonce {} was used before", v.nonce));
        }
    }
    let mut received = state.received.lock().unwrap();
    let index = received.iter().filter(|r| r.verified.is_ok()).count();
    received.push(Received {
        request: request.clone(),
        verified: verified.clone(),
    });
    drop(received);
    match &verified {
        Ok(verified) => (state.respond)(&Exchange {
            index,
            request: &request,
            verified,
        }),
        Err(reason) => {
            let code = if reason.contains("nonce") {
                "SignatureNonceUsed"
            } else {
                "SignatureDoesNotMatch"
            };
            Reply::error(400, code, reason, "verifier")
        }
    }
}

/// Reads one request; `None` when the peer closed the connection between requests.
pub(crate) async fn read_request(
    stream: &mut TcpStream,
    buf: &mut Vec<u8>,
) -> Result<Option<Request>, String> {
    let head_end = loop {
        if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break i;
        }
        if buf.len() > MAX_HEAD {
            return Err("request head too large".to_owned());
        }
        let mut chunk = [0u8; 8192];
        match stream.read(&mut chunk).await {
            Ok(0) | Err(_) if buf.is_empty() => return Ok(None),
            Ok(0) | Err(_) => return Err("connection closed mid-request".to_owned()),
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
        }
    };
    let head = std::str::from_utf8(&buf[..head_end])
        .map_err(|_| "request head is not UTF-8".to_owned())?
        .to_owned();
    let mut lines = head.split("\r\n");
    let mut start = lines.next().unwrap_or_default().split(' ');
    let method = start.next().unwrap_or_default().to_owned();
    let target = start.next().ok_or("no request target")?.to_owned();
    let headers: Vec<(String, String)> = lines
        .map(|line| {
            let (name, value) = line.split_once(':').unwrap_or((line, ""));
            (name.trim().to_ascii_lowercase(), value.trim().to_owned())
        })
        .collect();
    if headers.iter().any(|(n, _)| n == "transfer-encoding") {
        return Err("chunked bodies are not supported".to_owned());
    }
    let length: usize = headers
        .iter()
        .find(|(n, _)| n == "content-length")
        .map(|(_, v)| v.parse().map_err(|_| "bad content-length".to_owned()))
        .transpose()?
        .unwrap_or(0);
    buf.drain(..head_end + 4);
    while buf.len() < length {
        let mut chunk = [0u8; 8192];
        match stream.read(&mut chunk).await {
            Ok(0) | Err(_) => return Err("connection closed mid-body".to_owned()),
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
        }
    }
    let body: Vec<u8> = buf.drain(..length).collect();
    let (path, raw_query) = match target.split_once('?') {
        Some((path, query)) => (path.to_owned(), query.to_owned()),
        None => (target, String::new()),
    };
    Ok(Some(Request {
        method,
        path,
        raw_query,
        headers,
        body,
    }))
}

pub(crate) async fn write_reply(stream: &mut TcpStream, reply: &Reply) -> std::io::Result<()> {
    let Reply::Respond {
        status,
        headers,
        body,
    } = reply
    else {
        return Ok(());
    };
    let mut head = format!(
        "HTTP/1.1 {status} Status\r\ncontent-length: {}\r\n",
        body.len()
    );
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes()).await?;
    stream.write_all(body).await?;
    stream.flush().await
}
