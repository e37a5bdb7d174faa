//! A loopback forward proxy that asks for Basic credentials: `CONNECT` tunnels, and plain
//! requests answered by itself.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use base64::Engine;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::{JoinHandle, JoinSet};

/// The largest request head the proxy reads.
const MAX_HEAD: usize = 64 * 1024;

/// What the proxy answers a plain-HTTP request it forwards.
pub const PROXIED_BODY: &str = r#"{"RequestId":"answered-by-the-proxy"}"#;

/// One request the proxy received.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProxyRequest {
    /// The request line, e.g. `CONNECT 127.0.0.1:443 HTTP/1.1`.
    pub line: String,
    /// Whether it carried the expected `Proxy-Authorization`.
    pub authorized: bool,
}

/// A proxy on `127.0.0.1` that requires `Proxy-Authorization: Basic` with one user and
/// password (`407` otherwise). An authorized `CONNECT` is tunnelled to its target; any
/// other authorized request is answered `200` with [`PROXIED_BODY`]. Stopped when dropped.
pub struct TestProxy {
    addr: SocketAddr,
    requests: Arc<Mutex<Vec<ProxyRequest>>>,
    accept: JoinHandle<()>,
}

impl TestProxy {
    /// Starts a proxy accepting `user` and `password`.
    pub async fn start(user: &str, password: &str) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind loopback");
        let addr = listener.local_addr().expect("local address");
        let credentials =
            base64::engine::general_purpose::STANDARD.encode(format!("{user}:{password}"));
        let expected = Arc::new(format!("basic {credentials}"));
        let requests = Arc::new(Mutex::new(Vec::new()));
        let seen = requests.clone();
        let accept = tokio::spawn(async move {
            let mut connections = JoinSet::new();
            while let Ok((stream, _)) = listener.accept().await {
                connections.spawn(serve(stream, expected.clone(), seen.clone()));
                while connections.try_join_next().is_some() {}
            }
        });
        Self {
            addr,
            requests,
            accept,
        }
    }

    /// `http://user:password@127.0.0.1:PORT`, or without credentials when `user` is `None`.
    pub fn url(&self, user: Option<(&str, &str)>) -> String {
        match user {
            Some((user, password)) => format!("http://{user}:{password}@{}", self.addr),
            None => format!("http://{}", self.addr),
        }
    }

    /// Every request received so far, in order.
    pub fn requests(&self) -> Vec<ProxyRequest> {
        self.requests.lock().unwrap().clone()
    }
}

impl Drop for TestProxy {
    fn drop(&mut self) {
        self.accept.abort();
    }
}

async fn serve(
    mut stream: TcpStream,
    expected: Arc<String>,
    requests: Arc<Mutex<Vec<ProxyRequest>>>,
) {
    let Some(head) = read_head(&mut stream).await else {
        return;
    };
    let mut lines = head.split("\r\n");
    let line = lines.next().unwrap_or_default().to_owned();
    let authorized = lines.any(|header| {
        header.split_once(':').is_some_and(|(name, value)| {
            name.eq_ignore_ascii_case("proxy-authorization")
                && value.trim().eq_ignore_ascii_case(&expected)
        })
    });
    requests.lock().unwrap().push(ProxyRequest {
        line: line.clone(),
        authorized,
    });
    if !authorized {
        let _ = stream
            .write_all(
                b"HTTP/1.1 407 Proxy Authentication Required\r\n\
                  proxy-authenticate: Basic realm=\"test\"\r\ncontent-length: 0\r\n\
                  connection: close\r\n\r\n",
            )
            .await;
        return;
    }
    let mut parts = line.split(' ');
    if parts.next() == Some("CONNECT") {
        let target = parts.next().unwrap_or_default().to_owned();
        let Ok(mut upstream) = TcpStream::connect(target.as_str()).await else {
            let _ = stream.write_all(b"HTTP/1.1 502 Bad Gateway\r\n\r\n").await;
            return;
        };
        if stream
            .write_all(b"HTTP/1.1 200 Connection Established\r\n\r\n")
            .await
            .is_ok()
        {
            let _ = tokio::io::copy_bidirectional(&mut stream, &mut upstream).await;
        }
    } else {
        // Read the body before answering: closing on unread bytes would reset the connection.
        let length = head
            .split("\r\n")
            .filter_map(|h| h.split_once(':'))
            .find(|(name, _)| name.eq_ignore_ascii_case("content-length"))
            .and_then(|(_, value)| value.trim().parse::<usize>().ok())
            .unwrap_or(0);
        let mut body = vec![0u8; length.min(MAX_HEAD)];
        if stream.read_exact(&mut body).await.is_err() {
            return;
        }
        let reply = format!(
            "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\
             connection: close\r\n\r\n{PROXIED_BODY}",
            PROXIED_BODY.len()
        );
        let _ = stream.write_all(reply.as_bytes()).await;
    }
}

/// The request head, up to the blank line (a body, if any, is not read).
async fn read_head(stream: &mut TcpStream) -> Option<String> {
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") {
        if head.len() >= MAX_HEAD || stream.read(&mut byte).await.ok()? == 0 {
            return None;
        }
        head.push(byte[0]);
    }
    String::from_utf8(head).ok()
}
