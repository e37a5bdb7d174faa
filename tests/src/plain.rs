//! A loopback HTTP/1.1 server that records every request and answers as scripted, without
//! checking signatures: the fake of anonymous services (STS `AssumeRoleWithOIDC`, the
//! instance metadata service, a credentials URI) and of proxies.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use tokio::net::{TcpListener, TcpStream};
use tokio::task::{JoinHandle, JoinSet};

use crate::server::{Reply, read_request, write_reply};
use crate::verify::Request;

type Responder = dyn Fn(usize, &Request) -> Reply + Send + Sync;

struct State {
    respond: Box<Responder>,
    received: Mutex<Vec<Request>>,
    connections: Mutex<usize>,
}

/// A server on `127.0.0.1` with a random port, stopped when dropped.
pub struct PlainServer {
    addr: SocketAddr,
    state: Arc<State>,
    accept: JoinHandle<()>,
}

impl PlainServer {
    /// Starts a server answering the `n`-th request (from 0) with `respond(n, request)`.
    pub async fn start(respond: impl Fn(usize, &Request) -> Reply + Send + Sync + 'static) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind loopback");
        let addr = listener.local_addr().expect("local address");
        let state = Arc::new(State {
            respond: Box::new(respond),
            received: Mutex::new(Vec::new()),
            connections: Mutex::new(0),
        });
        let accept = tokio::spawn(accept_loop(listener, state.clone()));
        Self {
            addr,
            state,
            accept,
        }
    }

    /// `http://127.0.0.1:PORT`.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Every request received so far, in order.
    pub fn received(&self) -> Vec<Request> {
        self.state.received.lock().unwrap().clone()
    }

    /// How many connections were accepted.
    pub fn connections(&self) -> usize {
        *self.state.connections.lock().unwrap()
    }
}

impl Drop for PlainServer {
    fn drop(&mut self) {
        self.accept.abort();
    }
}

async fn accept_loop(listener: TcpListener, state: Arc<State>) {
    let mut connections = JoinSet::new();
    while let Ok((stream, _)) = listener.accept().await {
        *state.connections.lock().unwrap() += 1;
        connections.spawn(serve(stream, state.clone()));
        while connections.try_join_next().is_some() {}
    }
}

async fn serve(mut stream: TcpStream, state: Arc<State>) {
    let mut buf = Vec::new();
    while let Ok(Some(request)) = read_request(&mut stream, &mut buf).await {
        let reply = {
            let mut received = state.received.lock().unwrap();
            received.push(request.clone());
            (state.respond)(received.len() - 1, &request)
        };
        match reply {
            Reply::Hang => std::future::pending::<()>().await,
            Reply::Reset => return,
            Reply::Respond { .. } => {
                if write_reply(&mut stream, &reply).await.is_err() {
                    return;
                }
            }
        }
    }
}
