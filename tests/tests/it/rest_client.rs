//! A generated REST client over real HTTP: each shape of request (path variables, query,
//! headers, a JSON object body, a whole JSON, text or binary body, a form), signed with V3 and
//! with the ROA signature and verified independently, and each kind of answer and error.

use acs_restdemo::operation::delete_cluster::DeleteClusterError;
use acs_restdemo::types::{Body as TagResourcesBody, ListClusterEventsItem, State};
use acs_restdemo::{Client, Config, Credentials, Error, SignatureVersion};
use acs_tests::{Reply, Signature, TestServer, Verified};

const KEYS: &[(&str, &str)] = &[("testid", "testsecret")];

fn client(server: &TestServer, signature: SignatureVersion) -> Client {
    let config = Config::builder()
        .endpoint(server.endpoint())
        .credentials(Credentials::new("testid", "testsecret"))
        .signature_version(signature)
        .build();
    Client::new(config).unwrap()
}

/// Both signatures: V3, and for V1 the ROA signature of REST operations.
const SIGNATURES: [(SignatureVersion, Signature); 2] = [
    (SignatureVersion::V3, Signature::V3),
    (SignatureVersion::V1, Signature::Roa),
];

fn only(server: &TestServer) -> (Verified, acs_tests::Request) {
    let received = server.received();
    assert_eq!(received.len(), 1, "{received:?}");
    let one = received.into_iter().next().unwrap();
    (one.verified.expect("the signature verifies"), one.request)
}

#[tokio::test]
async fn a_json_object_body_goes_with_path_variables_a_header_and_a_token() {
    for (version, signature) in SIGNATURES {
        let server = TestServer::start(KEYS, |_| Reply::json(200, r#"{"task_id":"T-1"}"#)).await;
        let answer = client(&server, version)
            .scale_node_pool()
            .cluster_id("c-1")
            .nodepool_id("np 1/x*y+z~")
            .count(2)
            .instance_types(["ecs.g7.large"])
            .x_demo_trace("trace-1")
            .send()
            .await
            .unwrap();
        assert_eq!(answer.task_id.as_deref(), Some("T-1"));
        let (verified, request) = only(&server);
        assert_eq!(verified.signature, signature);
        assert_eq!(verified.method, "POST");
        assert_eq!(verified.path, "/clusters/c-1/nodepools/np%201%2Fx%2Ay%2Bz~");
        assert_eq!(verified.action, "ScaleNodePool");
        assert_eq!(verified.version, "2024-01-01");
        // The members in parameter order, then the idempotency token the client filled.
        let body = String::from_utf8(request.body.clone()).unwrap();
        let token = body
            .strip_prefix(r#"{"count":2,"instance_types":["ecs.g7.large"],"client_token":""#)
            .and_then(|rest| rest.strip_suffix(r#""}"#))
            .unwrap_or_else(|| panic!("{body}"));
        assert_eq!(token.len(), 36, "a UUID: {token}");
        assert_eq!(
            verified.content_type.as_deref(),
            Some("application/json; charset=utf-8")
        );
        assert_eq!(request.header("x-demo-trace"), Some("trace-1"));
        assert!(verified.query.is_empty(), "{:?}", verified.query);
    }
}

#[tokio::test]
async fn a_get_has_no_body_and_its_object_answer_is_read() {
    for (version, _) in SIGNATURES {
        let server = TestServer::start(KEYS, |_| {
            Reply::json(
                200,
                r#"{"nodepool_id":"np-1","status":{"state":"active","size":"3"},"ETag":"in the body"}"#,
            )
            .header("etag", "\"v7\"")
        })
        .await;
        let pool = client(&server, version)
            .describe_node_pool()
            .cluster_id("c-1")
            .nodepool_id("np-1")
            .verbose(true)
            .send()
            .await
            .unwrap();
        let status = pool.status.unwrap();
        assert_eq!((status.state, status.size), (Some(State::Active), Some(3)));
        // The documented header, read from the answer's headers, never from the body.
        assert_eq!(pool.etag.as_deref(), Some("\"v7\""));
        let (verified, request) = only(&server);
        assert_eq!(
            (verified.method.as_str(), verified.path.as_str()),
            ("GET", "/clusters/c-1/nodepools/np-1")
        );
        assert_eq!(verified.query, [("verbose".to_owned(), "true".to_owned())]);
        assert!(request.body.is_empty() && request.header("content-type").is_none());
    }
}

#[tokio::test]
async fn whole_json_text_and_binary_bodies_go_as_they_are() {
    for (version, _) in SIGNATURES {
        let server = TestServer::start(KEYS, |exchange| match exchange.verified.action.as_str() {
            "TagResources" => Reply::with_type(200, "text/plain", ""),
            "PutPolicy" => Reply::with_type(200, "text/plain", "saved é"),
            _ => Reply::Respond {
                status: 200,
                headers: vec![("content-type".into(), "application/octet-stream".into())],
                body: vec![0, 159, 146, 150],
            },
        })
        .await;
        let client = client(&server, version);
        let tag = TagResourcesBody {
            key: Some("env".into()),
            value: Some("a&b=c".into()),
        };
        client
            .tag_resources()
            .cluster_id("c-1")
            .body([tag])
            .send()
            .await
            .unwrap();
        let policy = client
            .put_policy()
            .policy_name("p")
            .body("{\"rules\": [1, 2]}")
            .send()
            .await
            .unwrap();
        assert_eq!(policy.text, "saved é");
        let invoked = client
            .invoke_function()
            .function_name("f/1")
            .x_demo_invocation_type("Async")
            .body(vec![0u8, 1, 255])
            .send()
            .await
            .unwrap();
        assert_eq!(invoked.body, &[0u8, 159, 146, 150][..]);
        let received = server.received();
        assert_eq!(received.len(), 3);
        let [tags, policy, invoke] = &received[..] else {
            unreachable!()
        };
        for one in &received {
            one.verified.as_ref().expect("the signature verifies");
        }
        assert_eq!(tags.request.method, "PUT");
        assert_eq!(tags.request.body, br#"[{"key":"env","value":"a&b=c"}]"#);
        assert_eq!(policy.request.body, b"{\"rules\": [1, 2]}");
        assert_eq!(
            policy.request.header("content-type"),
            Some("application/json; charset=utf-8")
        );
        assert_eq!(
            invoke.request.path,
            "/2024-01-01/functions/f%2F1/invocations"
        );
        assert_eq!(invoke.request.body, [0u8, 1, 255]);
        assert_eq!(
            invoke.request.header("content-type"),
            Some("application/octet-stream")
        );
        assert_eq!(
            invoke.request.header("x-demo-invocation-type"),
            Some("Async")
        );
    }
}

#[tokio::test]
async fn an_array_answer_and_a_json_style_query() {
    let server = TestServer::start(KEYS, |_| {
        Reply::json(
            200,
            r#"[{"event_id":"e-1","message":"up"},{"event_id":"e-2"}]"#,
        )
    })
    .await;
    let events = client(&server, SignatureVersion::V3)
        .list_cluster_events()
        .cluster_id("c-1")
        .types(["a b", "c"])
        .send()
        .await
        .unwrap();
    assert_eq!(
        events.items,
        [
            ListClusterEventsItem {
                event_id: Some("e-1".into()),
                message: Some("up".into()),
            },
            ListClusterEventsItem {
                event_id: Some("e-2".into()),
                message: None,
            },
        ]
    );
    let (verified, _) = only(&server);
    assert_eq!(
        verified.query,
        [("types".to_owned(), r#"["a b","c"]"#.to_owned())]
    );
}

#[tokio::test]
async fn a_delete_answers_nothing_or_a_lower_case_error() {
    let server = TestServer::start(KEYS, |exchange| match exchange.index {
        0 => Reply::Respond {
            status: 204,
            headers: vec![],
            body: vec![],
        },
        _ => Reply::json(
            404,
            r#"{"code":"ErrorClusterNotFound","message":"no such cluster","requestId":"R-9"}"#,
        ),
    })
    .await;
    let client = client(&server, SignatureVersion::V3);
    client
        .delete_cluster()
        .cluster_id("c-1")
        .retain_resources(["lb-1", "lb-2"])
        .send()
        .await
        .unwrap();
    let error = client
        .delete_cluster()
        .cluster_id("c-2")
        .send()
        .await
        .unwrap_err();
    let Error::Service(service) = error else {
        panic!("{error:?}")
    };
    assert!(matches!(
        service,
        DeleteClusterError::ErrorClusterNotFound(_)
    ));
    assert_eq!(service.code(), "ErrorClusterNotFound");
    assert_eq!(service.message(), "no such cluster");
    assert_eq!(service.request_id(), Some("R-9"));
    let sent = server.verified();
    assert_eq!(sent[0].method, "DELETE");
    assert_eq!(
        sent[0].query,
        [("retain_resources".to_owned(), "lb-1,lb-2".to_owned())]
    );
}

#[tokio::test]
async fn an_xml_error_is_read_too() {
    let server = TestServer::start(KEYS, |_| {
        Reply::with_type(
            403,
            "text/xml;charset=utf-8",
            "<?xml version=\"1.0\"?><Error><Code>Forbidden.RAM</Code><Message>a &amp; b</Message><RequestId>R-1</RequestId></Error>",
        )
    })
    .await;
    let error = client(&server, SignatureVersion::V3)
        .delete_cluster()
        .cluster_id("c-1")
        .send()
        .await
        .unwrap_err();
    let Error::Service(service) = error else {
        panic!("{error:?}")
    };
    assert_eq!(
        (service.code(), service.message(), service.request_id()),
        ("Forbidden.RAM", "a & b", Some("R-1"))
    );
}

#[tokio::test]
async fn a_path_value_that_climbs_is_refused_before_anything_is_sent() {
    let server = TestServer::start(KEYS, |_| Reply::json(200, "{}")).await;
    let client = client(&server, SignatureVersion::V3);
    for value in ["..", "."] {
        let request = acs_restdemo::operation::delete_cluster::DeleteClusterRequest::builder()
            .cluster_id(value)
            .build_unchecked();
        let error = client.send(request).await.unwrap_err();
        assert!(
            matches!(&error, Error::Config(why) if why.contains("ClusterId")),
            "{error:?}"
        );
    }
    let error = client.delete_cluster().send().await.unwrap_err();
    assert!(matches!(error, Error::Validation(_)), "{error:?}");
    assert!(server.received().is_empty());
}

#[tokio::test]
async fn a_form_body_and_a_lower_case_operation_name() {
    for (version, _) in SIGNATURES {
        let server = TestServer::start(KEYS, |_| {
            Reply::json(200, r#"{"requestId":"r","data":{"AppId":"app-1"}}"#)
        })
        .await;
        let created = client(&server, version)
            .create_app()
            .app_name("web")
            .replicas(2)
            .client_token("t-1")
            .send()
            .await
            .unwrap();
        assert_eq!(created.data.unwrap().app_id.as_deref(), Some("app-1"));
        let (verified, request) = only(&server);
        assert_eq!(request.body, b"AppName=web&Replicas=2&ClientToken=t-1");
        assert_eq!(verified.action, "createApp");
        assert_eq!(verified.path, "/pop/v1/sam/app/createApp");
        assert_eq!(
            verified.form,
            [
                ("AppName".to_owned(), "web".to_owned()),
                ("Replicas".to_owned(), "2".to_owned()),
                ("ClientToken".to_owned(), "t-1".to_owned())
            ]
        );
    }
}

/// Where each of the three operations carries its idempotency token, as the verifier decoded
/// it: `(JSON body member, form field, header)`, each `None` when absent.
fn tokens(received: &acs_tests::Received) -> [Option<String>; 3] {
    let request = &received.request;
    let verified = received.verified.as_ref().expect("the signature verifies");
    let json: Option<serde_json::Value> = serde_json::from_slice(&request.body).ok();
    let member = json
        .as_ref()
        .and_then(|body| body.get("client_token"))
        .and_then(|token| token.as_str())
        .map(str::to_owned);
    let form = verified
        .form
        .iter()
        .find(|(k, _)| k == "ClientToken")
        .map(|(_, v)| v.clone());
    let header = request.header("x-demo-idempotency-key").map(str::to_owned);
    assert!(
        !verified.query.iter().any(|(k, _)| k.contains("oken")),
        "no token in the query: {:?}",
        verified.query
    );
    [member, form, header]
}

fn is_uuid(token: &str) -> bool {
    token.len() == 36 && token.bytes().filter(|&b| b == b'-').count() == 4
}

#[tokio::test]
async fn an_idempotency_token_is_filled_where_it_travels_and_kept_when_given() {
    let server = TestServer::start(KEYS, |exchange| match exchange.verified.action.as_str() {
        "InvokeFunction" => Reply::with_type(200, "application/octet-stream", ""),
        _ => Reply::json(200, r#"{}"#),
    })
    .await;
    let client = client(&server, SignatureVersion::V3);
    let scale = || {
        client
            .scale_node_pool()
            .cluster_id("c")
            .nodepool_id("n")
            .count(1)
    };
    let create = || client.create_app().app_name("web");
    let invoke = || client.invoke_function().function_name("f");
    // Left out, and given empty: a fresh UUID at the parameter's own place.
    scale().send().await.unwrap();
    create().send().await.unwrap();
    invoke().send().await.unwrap();
    scale().client_token("").send().await.unwrap();
    create().client_token("").send().await.unwrap();
    invoke().x_demo_idempotency_key("").send().await.unwrap();
    // Given: sent as it is, once.
    scale().client_token("mine-1").send().await.unwrap();
    create().client_token("mine-2").send().await.unwrap();
    invoke()
        .x_demo_idempotency_key("mine-3")
        .send()
        .await
        .unwrap();
    let received = server.received();
    assert_eq!(received.len(), 9);
    let mut filled = Vec::new();
    for (i, one) in received.iter().enumerate() {
        let found = tokens(one);
        let place = i % 3;
        for (other, token) in found.iter().enumerate() {
            assert_eq!(token.is_some(), other == place, "request {i}: {found:?}");
        }
        let token = found[place].clone().unwrap();
        if i < 6 {
            assert!(is_uuid(&token), "request {i}: {token}");
            filled.push(token);
        } else {
            assert_eq!(token, format!("mine-{}", place + 1));
        }
    }
    filled.sort();
    filled.dedup();
    assert_eq!(filled.len(), 6, "every call has a token of its own");
    let body = String::from_utf8(received[6].request.body.clone()).unwrap();
    assert_eq!(body.matches("client_token").count(), 1, "{body}");
}

#[tokio::test]
async fn a_retried_call_sends_the_token_it_filled_again() {
    let server = TestServer::start(KEYS, |exchange| {
        if exchange.index == 0 {
            Reply::error(400, "Throttling.User", "slow down", "R-0")
        } else {
            Reply::json(200, r#"{"task_id":"T-1"}"#)
        }
    })
    .await;
    client(&server, SignatureVersion::V3)
        .scale_node_pool()
        .cluster_id("c")
        .nodepool_id("n")
        .count(1)
        .send()
        .await
        .unwrap();
    let received = server.received();
    assert_eq!(received.len(), 2);
    let [first, second] = [&received[0], &received[1]].map(|one| tokens(one)[0].clone().unwrap());
    assert!(is_uuid(&first), "{first}");
    assert_eq!(first, second);
}
