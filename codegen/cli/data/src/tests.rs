use acs_rules::{Choice, Span};

use super::*;

fn product() -> ProductData {
    let tag = StructData {
        json: false,
        fields: vec![Field {
            name: "Key".into(),
            location: Location::Query,
            style: Style::RepeatList,
            shape: Shape::String,
            rules: vec![Rule::Length(Span::new(Some(1), Some(128)))],
            default: None,
            description: "The key.".into(),
            notes: vec![],
        }],
    };
    let ids = Field {
        name: "VbrInstanceIds".into(),
        location: Location::Form,
        style: Style::Simple,
        shape: Shape::List {
            item: Box::new(Shape::Enum(vec!["a".into(), "b\"".into()])),
            rules: vec![Rule::OneOf(vec![Choice::new("a")])],
        },
        rules: vec![Rule::Required],
        default: Some("a".into()),
        description: String::new(),
        notes: vec!["Filled.".into()],
    };
    let tags = Field {
        name: "Tag".into(),
        shape: Shape::List {
            item: Box::new(Shape::Struct(0)),
            rules: vec![],
        },
        ..ids.clone()
    };
    ProductData {
        command: "vpc".into(),
        title: "VPC".into(),
        code: "Vpc".into(),
        version: "2016-04-28".into(),
        protocol: Protocol::Rpc,
        endpoint_pattern: "vpc.{region}.aliyuncs.com".into(),
        regional_endpoints: vec![("cn-hangzhou".into(), "vpc.aliyuncs.com".into())],
        operations: vec![OperationData {
            name: "Grant".into(),
            summary: "Grants.".into(),
            description: String::new(),
            method: Method::Get,
            path: "/".into(),
            body: BodyKind::Form,
            answer: AnswerKind::Object,
            idempotency_token: Some("ClientToken".into()),
            idempotency_token_location: Location::Form,
            idempotent: false,
            parameters: vec![ids, tags],
            wait: None,
            pager: Some(PagerData {
                input: "NextToken".into(),
                size: Some("MaxResults".into()),
                next_token: vec!["NextToken".into()],
                total: vec![],
                items: vec!["Items".into(), "Item".into()],
            }),
        }],
        structs: vec![tag],
    }
}

#[test]
fn a_file_reads_back_what_was_written_and_starts_with_its_comment() {
    let product = product();
    let text = write("@generated: do not edit \"here\"", &product);
    assert!(
        text.starts_with("{\n  \"$comment\": \"@generated: do not edit \\\"here\\\"\",\n"),
        "{text}"
    );
    assert_eq!(read(&text).unwrap(), product);
}

#[test]
fn unknown_keys_are_refused_with_their_place() {
    let text = write("c", &product()).replace("\"summary\"", "\"summry\"");
    let error = read(&text).unwrap_err().to_string();
    assert!(error.contains("unknown field `summry`"), "{error}");
    assert!(error.contains("line 3"), "{error}");
}

#[test]
fn separators_of_the_delimited_styles() {
    assert_eq!(Style::Simple.separator(), Some(','));
    assert_eq!(Style::SpaceDelimited.separator(), Some(' '));
    assert_eq!(Style::PipeDelimited.separator(), Some('|'));
    assert_eq!(Style::RepeatList.separator(), None);
    assert_eq!(Style::Json.separator(), None);
}

#[test]
fn the_binding_is_written_only_where_it_is_not_post_to_the_root() {
    let mut product = product();
    let text = write("c", &product);
    assert!(text.contains("\"method\":\"GET\""), "{text}");
    assert!(!text.contains("\"path\""), "{text}");
    product.operations[0].method = Method::Post;
    let text = write("c", &product);
    assert!(!text.contains("\"method\""), "{text}");
    let operation = &read(&text).unwrap().operations[0];
    assert_eq!(
        (operation.method, operation.path.as_str()),
        (Method::Post, "/")
    );
}
