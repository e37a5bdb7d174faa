//! Paginators end however the service pages: a token that comes back after others, a
//! page-number listing whose total never comes, a listing longer than `MAX_PAGES`.

use std::sync::{Arc, Mutex};

use acs_runtime::RpcParams;
use acs_runtime::client::Error;
use acs_runtime::paginate::{MAX_PAGES, Paginator, next_page_number, next_token, pages};

#[derive(RpcParams, Clone, Debug, Default)]
struct Request {
    #[rpc(name = "NextToken")]
    next_token: Option<String>,
    #[rpc(name = "PageNumber")]
    page_number: Option<i64>,
}

/// One page: its items and the next token the service gave.
struct Response {
    items: usize,
    next_token: Option<String>,
}

/// Every page of a listing whose service answers request number `n` (from 0) with
/// `answer(n)`, read to the end: the number of pages and whether it ended with an error.
async fn read_all(
    first: Request,
    answer: fn(usize) -> Response,
    next: fn(&Request, &Response, usize, usize) -> Option<Request>,
) -> (usize, Option<Error>) {
    let calls = Arc::new(Mutex::new(0));
    let fetch = move |_: Request| {
        let calls = calls.clone();
        Box::pin(async move {
            let mut calls = calls.lock().unwrap();
            *calls += 1;
            Ok(answer(*calls - 1))
        }) as acs_runtime::operation::BoxFuture<'static, Result<Response, Error>>
    };
    let mut stream = Paginator::new(pages(first, fetch, |r: &Response| r.items, next));
    let mut read = 0;
    while let Some(page) = stream.next().await {
        match page {
            Ok(_) => read += 1,
            Err(error) => return (read, Some(error)),
        }
    }
    (read, None)
}

fn by_token(request: &Request, response: &Response, _: usize, _: usize) -> Option<Request> {
    let token = next_token(
        request.next_token.as_deref(),
        response.next_token.as_deref(),
    )?;
    Some(Request {
        next_token: Some(token),
        ..request.clone()
    })
}

fn by_number(request: &Request, _: &Response, on_page: usize, seen: usize) -> Option<Request> {
    let page = next_page_number(request.page_number, on_page, seen, None::<i64>)?;
    Some(Request {
        page_number: Some(page),
        ..request.clone()
    })
}

#[tokio::test]
async fn a_token_that_comes_back_after_others_ends_the_listing() {
    let answer = |n: usize| Response {
        items: 1,
        next_token: Some(["A", "B"][n % 2].to_owned()),
    };
    let (read, error) = read_all(Request::default(), answer, by_token).await;
    assert_eq!((read, error.is_none()), (3, true));
}

#[tokio::test]
async fn page_numbers_end_at_an_empty_page_without_a_total() {
    let answer = |n: usize| Response {
        items: if n < 4 { 10 } else { 0 },
        next_token: None,
    };
    let (read, error) = read_all(Request::default(), answer, by_number).await;
    assert_eq!((read, error.is_none()), (5, true));
}

#[tokio::test]
async fn a_listing_that_never_ends_stops_with_an_error_after_the_page_limit() {
    let answer = |n: usize| Response {
        items: 1,
        next_token: Some(format!("t{n}")),
    };
    let (read, error) = read_all(Request::default(), answer, by_token).await;
    assert_eq!(read, MAX_PAGES);
    assert!(
        matches!(error, Some(Error::TooManyPages { limit }) if limit == MAX_PAGES),
        "{error:?}"
    );
    let answer = |_: usize| Response {
        items: 10,
        next_token: None,
    };
    let (read, error) = read_all(Request::default(), answer, by_number).await;
    assert_eq!(read, MAX_PAGES);
    assert!(error.is_some());
}
