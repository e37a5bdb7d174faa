//! Paginators: streams of pages and of items over page-number and next-token listings.
//!
//! A generated paginator supplies how to count a page's items and how to ask for the next
//! page; when to stop (empty page, total reached, no or a repeated token) is decided here once.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

pub use futures_util::Stream;
use futures_util::StreamExt;
use futures_util::stream;

use crate::client::Error;

/// Pages or items of a listing, fetched as they are read: `while let Some(page) =
/// pages.next().await { ... }`, with no extra crate and no pinning. Also a [`Stream`].
#[must_use = "a paginator fetches nothing until it is read"]
pub struct Paginator<'a, T> {
    inner: Pin<Box<dyn Stream<Item = T> + Send + 'a>>,
}

impl<'a, T> Paginator<'a, T> {
    /// Wraps a stream.
    pub fn new(stream: impl Stream<Item = T> + Send + 'a) -> Self {
        Self {
            inner: Box::pin(stream),
        }
    }

    /// The next page or item, `None` after the last one (or after an error).
    pub async fn next(&mut self) -> Option<T> {
        self.inner.next().await
    }
}

impl<T> Stream for Paginator<'_, T> {
    type Item = T;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<T>> {
        self.inner.as_mut().poll_next(cx)
    }
}

impl<T> std::fmt::Debug for Paginator<'_, T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Paginator").finish_non_exhaustive()
    }
}

/// What the stream does next.
enum State<Req, F> {
    Fetch { request: Req, fetch: F, seen: usize },
    Done,
}

/// A stream of pages: the first for `request`, then each `next` asks for, until it says stop.
///
/// `next(request, response, items_on_page, items_seen)` returns the request of the next page.
/// The stream ends after an error.
pub fn pages<Req, Resp, E, F, Fut>(
    request: Req,
    fetch: F,
    count: fn(&Resp) -> usize,
    next: fn(&Req, &Resp, usize, usize) -> Option<Req>,
) -> impl Stream<Item = Result<Resp, Error<E>>>
where
    Req: Clone,
    F: FnMut(Req) -> Fut,
    Fut: Future<Output = Result<Resp, Error<E>>>,
{
    stream::unfold(
        State::Fetch {
            request,
            fetch,
            seen: 0,
        },
        move |state| async move {
            let State::Fetch {
                request,
                mut fetch,
                seen,
            } = state
            else {
                return None;
            };
            match fetch(request.clone()).await {
                Ok(response) => {
                    let on_page = count(&response);
                    let seen = seen + on_page;
                    let state = match next(&request, &response, on_page, seen) {
                        Some(request) => State::Fetch {
                            request,
                            fetch,
                            seen,
                        },
                        None => State::Done,
                    };
                    Some((Ok(response), state))
                }
                Err(error) => Some((Err(error), State::Done)),
            }
        },
    )
}

/// The items of every page, in order.
pub fn items<Resp, Item, E>(
    pages: impl Stream<Item = Result<Resp, Error<E>>>,
    extract: fn(Resp) -> Vec<Item>,
) -> impl Stream<Item = Result<Item, Error<E>>> {
    pages.flat_map(move |page| {
        let items: Vec<Result<Item, Error<E>>> = match page {
            Ok(response) => extract(response).into_iter().map(Ok).collect(),
            Err(error) => vec![Err(error)],
        };
        stream::iter(items)
    })
}

/// The next page number of a page-number listing, or `None` when the last page was empty or
/// the total count has been seen.
pub fn next_page_number<T: Into<i64>>(
    current: Option<i64>,
    on_page: usize,
    seen: usize,
    total: Option<T>,
) -> Option<i64> {
    if on_page == 0 || total.is_some_and(|t| seen as i64 >= t.into()) {
        return None;
    }
    Some(current.unwrap_or(1) + 1)
}

/// The next token of a token listing, or `None` when there is none, it is empty, or it
/// repeats the current one (a service bug that would otherwise loop forever).
pub fn next_token(current: Option<&str>, next: Option<&str>) -> Option<String> {
    match next {
        Some(token) if !token.is_empty() && Some(token) != current => Some(token.to_owned()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_numbers_stop_at_the_total_or_an_empty_page() {
        assert_eq!(next_page_number(None, 10, 10, Some(25)), Some(2));
        assert_eq!(next_page_number(Some(2), 10, 20, Some(25)), Some(3));
        assert_eq!(next_page_number(Some(3), 5, 25, Some(25)), None);
        assert_eq!(next_page_number(Some(1), 0, 0, None::<i64>), None);
        assert_eq!(next_page_number(Some(1), 10, 10, None::<i64>), Some(2));
    }

    #[test]
    fn tokens_stop_when_missing_empty_or_repeated() {
        assert_eq!(next_token(None, Some("t1")), Some("t1".to_owned()));
        assert_eq!(next_token(Some("t1"), Some("t2")), Some("t2".to_owned()));
        assert_eq!(next_token(Some("t1"), Some("t1")), None);
        assert_eq!(next_token(Some("t1"), Some("")), None);
        assert_eq!(next_token(Some("t1"), None), None);
    }
}
