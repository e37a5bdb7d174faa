//! Paginators: streams of pages and of items over page-number and next-token listings.
//!
//! A generated paginator supplies how to count a page's items and how to ask for the next
//! page; when to stop (empty page, total reached, no token, a request asked before, or
//! [`MAX_PAGES`] pages) is decided here once.

use std::collections::HashSet;
use std::pin::Pin;
use std::task::{Context, Poll};

pub use futures_util::Stream;
use futures_util::StreamExt;

use crate::client::Error;
use crate::operation::BoxFuture;
use crate::params::RpcParams;

/// How many pages one paginator fetches at most. A listing that goes on is ended by
/// [`Error::TooManyPages`] after that many pages; to read further, start a new paginator
/// from the request of the next page (its page number, or the last page's token).
pub const MAX_PAGES: usize = 10_000;

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

/// A stream of pages: the first for `request`, then each `next` asks for, until it says stop.
///
/// `fetch` sends one request; `next(request, response, items_on_page, items_seen)` returns
/// the request of the next page. The stream ends after an error, and before a request whose
/// parameters were asked for before (a token that comes back, even after others: A, B, A),
/// which would only repeat pages; after [`MAX_PAGES`] pages it ends with
/// [`Error::TooManyPages`]. One small state machine per listing: no async block and no
/// stream combinators instantiated per operation.
pub fn pages<'a, Req, Resp, E>(
    request: Req,
    fetch: impl FnMut(Req) -> BoxFuture<'a, Result<Resp, Error<E>>> + Send + 'a,
    count: fn(&Resp) -> usize,
    next: fn(&Req, &Resp, usize, usize) -> Option<Req>,
) -> impl Stream<Item = Result<Resp, Error<E>>> + Send + 'a
where
    Req: RpcParams + Clone + Send + Unpin + 'a,
    Resp: 'a,
    E: 'a,
{
    Pages {
        fetch: Box::new(fetch),
        count,
        next,
        request: Some(request),
        in_flight: None,
        seen: 0,
        asked: HashSet::new(),
    }
}

/// How [`pages`] sends one request.
type Fetch<'a, Req, Resp, E> =
    Box<dyn FnMut(Req) -> BoxFuture<'a, Result<Resp, Error<E>>> + Send + 'a>;

/// The state of [`pages`]: the request of the page being (or to be) fetched, `None` once done.
struct Pages<'a, Req, Resp, E> {
    fetch: Fetch<'a, Req, Resp, E>,
    count: fn(&Resp) -> usize,
    next: fn(&Req, &Resp, usize, usize) -> Option<Req>,
    request: Option<Req>,
    in_flight: Option<BoxFuture<'a, Result<Resp, Error<E>>>>,
    seen: usize,
    /// The encoded query and body of every request fetched.
    asked: HashSet<(String, String)>,
}

impl<Req: RpcParams + Clone + Unpin, Resp, E> Stream for Pages<'_, Req, Resp, E> {
    type Item = Result<Resp, Error<E>>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.get_mut();
        let in_flight = match (&mut this.in_flight, &this.request) {
            (Some(in_flight), _) => in_flight,
            (None, None) => return Poll::Ready(None),
            (None, Some(request)) => {
                if this.asked.len() >= MAX_PAGES {
                    this.request = None;
                    return Poll::Ready(Some(Err(Error::TooManyPages { limit: MAX_PAGES })));
                }
                let encoded = request.to_encoded();
                let key = (encoded.query().to_owned(), encoded.body().to_owned());
                if !this.asked.insert(key) {
                    this.request = None;
                    return Poll::Ready(None);
                }
                this.in_flight.insert((this.fetch)(request.clone()))
            }
        };
        let Poll::Ready(page) = in_flight.as_mut().poll(cx) else {
            return Poll::Pending;
        };
        this.in_flight = None;
        let request = this.request.take();
        if let (Ok(response), Some(request)) = (&page, request) {
            let on_page = (this.count)(response);
            this.seen += on_page;
            this.request = (this.next)(&request, response, on_page, this.seen);
        }
        Poll::Ready(Some(page))
    }
}

/// The items of every page, in order; the stream ends after an error.
pub fn items<'a, Resp, Item, E>(
    pages: Paginator<'a, Result<Resp, Error<E>>>,
    extract: fn(Resp) -> Vec<Item>,
) -> impl Stream<Item = Result<Item, Error<E>>> + Send + 'a
where
    Resp: 'a,
    Item: Send + Unpin + 'a,
    E: 'a,
{
    Items {
        pages: Some(pages),
        extract,
        page: Vec::new().into_iter(),
    }
}

/// The state of [`items`]: the rest of the current page, then the pages to come.
struct Items<'a, Resp, Item, E> {
    pages: Option<Paginator<'a, Result<Resp, Error<E>>>>,
    extract: fn(Resp) -> Vec<Item>,
    page: std::vec::IntoIter<Item>,
}

impl<Resp, Item: Unpin, E> Stream for Items<'_, Resp, Item, E> {
    type Item = Result<Item, Error<E>>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.get_mut();
        loop {
            if let Some(item) = this.page.next() {
                return Poll::Ready(Some(Ok(item)));
            }
            let Some(pages) = &mut this.pages else {
                return Poll::Ready(None);
            };
            match pages.inner.as_mut().poll_next(cx) {
                Poll::Pending => return Poll::Pending,
                Poll::Ready(Some(Ok(response))) => {
                    this.page = (this.extract)(response).into_iter();
                }
                Poll::Ready(Some(Err(error))) => {
                    this.pages = None;
                    return Poll::Ready(Some(Err(error)));
                }
                Poll::Ready(None) => this.pages = None,
            }
        }
    }
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
/// repeats the current one (a token that comes back later is caught by [`pages`]).
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
