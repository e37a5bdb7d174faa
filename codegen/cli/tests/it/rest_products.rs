//! `acs` on the other checked-in REST products, each request verified by the loopback server's
//! independent verifier: a raw-text body and a query parameter named `body` (elasticsearch), a
//! header parameter and a binary body in both forms with an extra `--header` (fc), a form body
//! (sae), each with V3 and with the ROA signature.

use acs_cli::Product;
use acs_runtime::auth::Env;
use acs_tests::{Received, Reply, Signature, TestServer};

use crate::support::{ELASTICSEARCH, ENV_KEY, FC, Outcome, SAE, env_keys};

/// The signatures `--signature-version` selects, and what the verifier sees of each on a REST
/// operation.
const SIGNATURES: [(&str, Signature); 2] = [("v3", Signature::V3), ("v1", Signature::Roa)];

/// Runs `acs <product> <args> --endpoint <server>` answering `reply`; what it printed and the
/// one request the server received, whose signature must verify as `signature`.
async fn run(
    product: &'static Product,
    args: &[&str],
    reply: Reply,
    signature: Signature,
) -> (Outcome, acs_tests::Request) {
    let server = TestServer::start(&[ENV_KEY], move |_| reply.clone()).await;
    let mut line = vec![product.command.to_owned()];
    line.extend(args.iter().map(|a| a.to_string()));
    line.extend(["--endpoint".to_owned(), server.endpoint()]);
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let status = acs_cli::run(
        &[product],
        line,
        Env::from_vars(env_keys()),
        &mut out,
        &mut err,
    )
    .await;
    let outcome = Outcome {
        status,
        stdout: String::from_utf8_lossy(&out).into_owned(),
        stderr: String::from_utf8_lossy(&err).into_owned(),
    };
    assert_eq!(outcome.status, 0, "{args:?}: {outcome:#?}");
    let received: Vec<Received> = server.received();
    assert_eq!(received.len(), 1, "{args:?}: {outcome:#?}");
    let verified = received[0]
        .verified
        .as_ref()
        .expect("the signature verifies");
    assert_eq!(verified.signature, signature, "{args:?}");
    (outcome, received[0].request.clone())
}

fn query(request: &acs_tests::Request) -> Vec<(String, String)> {
    acs_tests::verify::form_decode(&request.raw_query).unwrap()
}

#[tokio::test]
async fn a_text_body_by_name_and_by_route_with_its_token_filled() {
    let policy = r#"{"policy":{"phases":{"hot":{"actions":{}}}}}"#;
    for (version, signature) in SIGNATURES {
        for args in [
            &["CreateILMPolicy", "--InstanceId", "es-1", "--body", policy][..],
            &[
                "POST",
                "/openapi/instances/es-1/ilm-policies",
                "--body",
                policy,
            ][..],
        ] {
            let args = [args, &["--signature-version", version][..]].concat();
            let reply = Reply::json(200, r#"{"Result":"p"}"#);
            let (_, request) = run(&ELASTICSEARCH, &args, reply, signature).await;
            assert_eq!(request.method, "POST");
            assert_eq!(request.path, "/openapi/instances/es-1/ilm-policies");
            assert_eq!(request.header("x-acs-action"), Some("CreateILMPolicy"));
            // The text as given, byte for byte, not re-encoded as JSON.
            assert_eq!(request.body, policy.as_bytes());
            assert_eq!(
                request.header("content-type"),
                Some("application/json; charset=utf-8")
            );
            let query = query(&request);
            let [(name, token)] = &query[..] else {
                panic!("{query:?}")
            };
            assert_eq!(name, "ClientToken");
            assert_eq!(token.len(), 36, "a UUID: {token}");
        }
    }
}

#[tokio::test]
async fn a_query_parameter_named_body_is_given_with_param() {
    let args = [
        "GetEmonGrafanaAlerts",
        "--ProjectId",
        "p-1",
        "--param:body",
        "{\"state\":\"alerting\"}",
    ];
    let reply = Reply::json(200, r#"{"Success":true}"#);
    let (_, request) = run(&ELASTICSEARCH, &args, reply, Signature::V3).await;
    assert_eq!(request.method, "GET");
    assert_eq!(
        request.path,
        "/openapi/emon/projects/p-1/grafana/proxy/api/alerts"
    );
    assert_eq!(
        query(&request),
        [("body".to_owned(), "{\"state\":\"alerting\"}".to_owned())]
    );
    assert!(request.body.is_empty());
}

#[tokio::test]
async fn a_header_parameter_and_a_binary_body_in_both_forms() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("event.bin");
    let bytes = [0u8, 159, 146, 150, b'\n', 255];
    std::fs::write(&file, bytes).unwrap();
    let file = file.to_str().unwrap();
    for (version, signature) in SIGNATURES {
        for args in [
            &["InvokeFunction", "--functionName", "f-1"][..],
            &["POST", "/2023-03-30/functions/f-1/invocations"][..],
        ] {
            let more = [
                "--x-fc-invocation-type",
                "Async",
                "--body-file",
                file,
                "--header",
                "x-trace-id=t-1",
                "--signature-version",
                version,
            ];
            let args = [args, &more[..]].concat();
            let reply = Reply::with_type(200, "application/octet-stream", "done");
            let (outcome, request) = run(&FC, &args, reply, signature).await;
            assert_eq!(request.method, "POST");
            assert_eq!(request.path, "/2023-03-30/functions/f-1/invocations");
            assert_eq!(request.header("x-acs-action"), Some("InvokeFunction"));
            assert_eq!(request.body, bytes);
            assert_eq!(
                request.header("content-type"),
                Some("application/octet-stream")
            );
            assert_eq!(request.header("x-fc-invocation-type"), Some("Async"));
            assert_eq!(request.header("x-trace-id"), Some("t-1"));
            // A binary answer is written as it came, not refused for not being JSON.
            assert_eq!(outcome.stdout, "done");
        }
    }
}

#[tokio::test]
async fn form_parameters_go_in_the_form_and_the_others_in_the_query() {
    let rules = r#"[{"appId":"a-1","containerPort":8080,"domain":"x.example","path":"/"}]"#;
    for (version, signature) in SIGNATURES {
        let args = [
            "CreateIngress",
            "--NamespaceId",
            "cn-beijing:demo",
            "--ListenerPort",
            "80",
            "--DefaultRule",
            r#"{"appId":"a-1","containerPort":8080}"#,
            "--Rules",
            rules,
            "--signature-version",
            version,
        ];
        let reply = Reply::json(200, r#"{"Data":{"IngressId":87}}"#);
        let (outcome, request) = run(&SAE, &args, reply, signature).await;
        assert!(outcome.stdout.contains("87"), "{outcome:#?}");
        assert_eq!(request.method, "POST");
        assert_eq!(request.path, "/pop/v1/sam/ingress/Ingress");
        assert_eq!(
            request.header("content-type"),
            Some("application/x-www-form-urlencoded")
        );
        let form =
            acs_tests::verify::form_decode(std::str::from_utf8(&request.body).unwrap()).unwrap();
        assert_eq!(form, [("Rules".to_owned(), rules.to_owned())]);
        let mut names: Vec<String> = query(&request).into_iter().map(|(k, _)| k).collect();
        names.sort();
        assert_eq!(names, ["DefaultRule", "ListenerPort", "NamespaceId"]);
    }
}
