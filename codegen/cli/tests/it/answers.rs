//! A successful status whose body is not one JSON document the CLI can hold (invalid UTF-8, a
//! lone surrogate escape, nesting too deep): exit 1, a message, nothing on stdout, with any
//! option that reads the answer.

use crate::support::*;
use acs_tests::Reply;

/// A 200 answer with `body` as it is.
fn raw(body: &[u8]) -> Reply {
    Reply::Respond {
        status: 200,
        headers: vec![("content-type".to_owned(), "application/json".to_owned())],
        body: body.to_vec(),
    }
}

/// Bodies no JSON parser should accept whole, each with the words its message has.
fn hostile_bodies() -> Vec<(Vec<u8>, &'static str)> {
    let nest = |levels: usize| {
        format!(
            r#"{{"RequestId":"R","Status":"active","Vpcs":{{"Vpc":[{}1{}]}}}}"#,
            "[".repeat(levels),
            "]".repeat(levels)
        )
        .into_bytes()
    };
    vec![
        (
            b"{\"RequestId\":\"R\",\"Status\":\"active\",\"Name\":\"\xff\xfe\"}".to_vec(),
            "invalid unicode code point",
        ),
        (
            br#"{"RequestId":"R","Status":"active","Name":"\ud800"}"#.to_vec(),
            "hex escape",
        ),
        (nest(110), "nests deeper than 100 levels"),
        (nest(5000), "recursion limit"),
    ]
}

#[tokio::test]
async fn a_body_that_is_not_whole_json_exits_1_with_nothing_on_stdout_whatever_the_options() {
    let options: [&[&str]; 4] = [
        &[],
        &["--output", "cols=RequestId"],
        &["--waiter", "expr=Status", "to=active", "interval=0.001"],
        &["--pager", "path=Vpcs.Vpc"],
    ];
    for (body, why) in hostile_bodies() {
        for extra in options {
            let server = server(raw(&body)).await;
            let endpoint = server.endpoint();
            let mut args = vec!["vpc", "DescribeVpcs", "--RegionId", "r"];
            args.extend_from_slice(extra);
            args.extend_from_slice(&["--endpoint", &endpoint]);
            let outcome = acs(&args, &env_keys()).await;
            assert_eq!(outcome.status, 1, "{extra:?} {why}: {outcome:#?}");
            assert_eq!(outcome.stdout, "", "{extra:?} {why}");
            assert!(
                outcome.stderr.contains("with a body that is not JSON")
                    && outcome.stderr.contains(why),
                "{extra:?}: {outcome:#?}"
            );
        }
    }
}
