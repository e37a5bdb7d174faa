//! Waiters and paginators of a generated crate, driven through its trait by a fake service:
//! no HTTP, virtual time.

use std::sync::Mutex;
use std::time::Duration;

use acs_demo::operation::describe_widget::DescribeWidgetError;
use acs_demo::operation::describe_widget::DescribeWidgetRequest;
use acs_demo::operation::describe_widget::DescribeWidgetResponse;
use acs_demo::operation::list_gadgets::ListGadgetsError;
use acs_demo::operation::list_gadgets::ListGadgetsRequest;
use acs_demo::operation::list_gadgets::ListGadgetsResponse;
use acs_demo::operation::list_widgets::ListWidgetsError;
use acs_demo::operation::list_widgets::ListWidgetsRequest;
use acs_demo::operation::list_widgets::ListWidgetsResponse;
use acs_demo::types::{
    DescribeWidgetStatus as Status, ListWidgetsWidget as Widget, ListWidgetsWidgets as Widgets,
};
use acs_demo::{BoxFuture, DemoApi, Error, ServiceError};
use acs_runtime::waiter::{WaitError, WaiterConfig};
use futures_util::StreamExt;

/// A fake: scripted answers, and a log of the requests it saw.
#[derive(Default)]
struct Fake {
    states: Mutex<Vec<Result<Option<&'static str>, &'static str>>>,
    widgets: usize,
    /// When not empty, `ListWidgets` answers with one widget in the next of these states
    /// (the last one repeated), or with none for `None`.
    listed: Mutex<Vec<Option<&'static str>>>,
    tokens: Vec<(Option<&'static str>, Option<&'static str>)>,
    seen: Mutex<Vec<String>>,
}

impl DemoApi for Fake {
    fn describe_widget(
        &self,
        request: DescribeWidgetRequest,
    ) -> BoxFuture<'_, Result<DescribeWidgetResponse, Error<DescribeWidgetError>>> {
        Box::pin(async move {
            self.seen
                .lock()
                .unwrap()
                .push(request.widget_id.unwrap_or_default());
            let mut states = self.states.lock().unwrap();
            let next = if states.len() > 1 {
                states.remove(0)
            } else {
                states[0]
            };
            match next {
                Ok(state) => Ok(DescribeWidgetResponse {
                    status: state.map(Status::from),
                }),
                Err(code) => Err(Error::Service(ServiceError::new(404, code, "gone").into())),
            }
        })
    }

    fn list_widgets(
        &self,
        request: ListWidgetsRequest,
    ) -> BoxFuture<'_, Result<ListWidgetsResponse, Error<ListWidgetsError>>> {
        Box::pin(async move {
            {
                let mut listed = self.listed.lock().unwrap();
                if !listed.is_empty() {
                    self.seen.lock().unwrap().push("listed".to_owned());
                    let next = if listed.len() > 1 {
                        listed.remove(0)
                    } else {
                        listed[0]
                    };
                    let widgets = next.map(|status| Widget {
                        widget_id: Some("w-1".to_owned()),
                        status: Some(status.to_owned()),
                    });
                    return Ok(ListWidgetsResponse {
                        total_count: Some(i32::from(widgets.is_some())),
                        widgets: Some(Widgets {
                            widget: Some(widgets.into_iter().collect()),
                        }),
                    });
                }
            }
            let page = request.page_number.unwrap_or(1) as usize;
            let size = request.page_size.unwrap_or(10) as usize;
            self.seen.lock().unwrap().push(format!("page {page}"));
            let ids: Vec<Widget> = ((page - 1) * size..(page * size).min(self.widgets))
                .map(|i| Widget {
                    widget_id: Some(format!("w-{i}")),
                    status: None,
                })
                .collect();
            Ok(ListWidgetsResponse {
                total_count: Some(self.widgets as i32),
                widgets: Some(Widgets { widget: Some(ids) }),
            })
        })
    }

    fn list_gadgets(
        &self,
        request: ListGadgetsRequest,
    ) -> BoxFuture<'_, Result<ListGadgetsResponse, Error<ListGadgetsError>>> {
        Box::pin(async move {
            let at = self
                .tokens
                .iter()
                .position(|(token, _)| token.map(str::to_owned) == request.next_token)
                .unwrap();
            self.seen
                .lock()
                .unwrap()
                .push(format!("token {:?}", request.next_token));
            Ok(ListGadgetsResponse {
                next_token: self.tokens[at].1.map(str::to_owned),
                gadget_ids: Some(vec![format!("g-{at}")]),
            })
        })
    }
}

fn scripted(states: Vec<Result<Option<&'static str>, &'static str>>) -> Fake {
    Fake {
        states: Mutex::new(states),
        ..Fake::default()
    }
}

fn describe() -> DescribeWidgetRequest {
    DescribeWidgetRequest::builder()
        .widget_id("w-1")
        .build()
        .unwrap()
}

#[tokio::test(start_paused = true)]
async fn waiter_polls_until_the_success_state() {
    let fake = scripted(vec![
        Ok(Some("building")),
        Ok(Some("building")),
        Ok(Some("ready")),
    ]);
    let started = tokio::time::Instant::now();
    let done =
        acs_demo::operation::describe_widget::wait_until_widget_ready(&fake, describe(), None)
            .await
            .unwrap();
    assert_eq!(done.unwrap().status, Some(Status::Ready));
    assert_eq!(fake.seen.lock().unwrap().len(), 3);
    assert_eq!(
        started.elapsed(),
        Duration::from_millis(4000),
        "two delays of the spec's 2000 ms"
    );
}

#[tokio::test(start_paused = true)]
async fn waiter_stops_at_once_on_a_failure_state() {
    let fake = scripted(vec![
        Ok(Some("building")),
        Ok(Some("broken")),
        Ok(Some("ready")),
    ]);
    let error =
        acs_demo::operation::describe_widget::wait_until_widget_ready(&fake, describe(), None)
            .await
            .unwrap_err();
    assert!(
        matches!(&error, WaitError::Failed { state } if state == "broken"),
        "{error:?}"
    );
    assert_eq!(fake.seen.lock().unwrap().len(), 2);
}

#[tokio::test(start_paused = true)]
async fn waiter_times_out_with_the_last_state() {
    let fake = scripted(vec![Ok(Some("building"))]);
    let config = WaiterConfig::new(Duration::from_secs(1), Duration::from_secs(5));
    let error = acs_demo::operation::describe_widget::wait_until_widget_ready(
        &fake,
        describe(),
        Some(config),
    )
    .await
    .unwrap_err();
    match error {
        WaitError::Timeout {
            polls,
            last_state,
            waited,
        } => {
            assert_eq!(polls, 6, "at 0, 1, 2, 3, 4 and 5 s");
            assert_eq!(last_state.as_deref(), Some("building"));
            assert!(waited <= Duration::from_secs(5));
        }
        other => panic!("expected a timeout, got {other:?}"),
    }
    assert!(error_text_mentions_state(&fake).await);
}

fn listing(states: Vec<Option<&'static str>>) -> Fake {
    Fake {
        listed: Mutex::new(states),
        ..Fake::default()
    }
}

#[tokio::test(start_paused = true)]
async fn a_state_path_through_a_list_reads_the_first_item() {
    let fake = listing(vec![None, Some("building"), Some("ready")]);
    let request = ListWidgetsRequest::builder().build().unwrap();
    let done =
        acs_demo::operation::list_widgets::wait_until_first_widget_ready(&fake, request, None)
            .await
            .unwrap()
            .unwrap();
    let widgets = done.widgets.unwrap().widget.unwrap();
    assert_eq!(widgets[0].status.as_deref(), Some("ready"));
    assert_eq!(fake.seen.lock().unwrap().len(), 3);
}

#[tokio::test(start_paused = true)]
async fn a_state_path_through_a_list_fails_on_the_first_item_s_failure_state() {
    let fake = listing(vec![Some("building"), Some("broken"), Some("ready")]);
    let request = ListWidgetsRequest::builder().build().unwrap();
    let error =
        acs_demo::operation::list_widgets::wait_until_first_widget_ready(&fake, request, None)
            .await
            .unwrap_err();
    assert!(
        matches!(&error, WaitError::Failed { state } if state == "broken"),
        "{error:?}"
    );
}

#[tokio::test(start_paused = true)]
async fn a_waiter_on_an_empty_list_times_out_without_a_state() {
    let fake = listing(vec![None]);
    let request = ListWidgetsRequest::builder().build().unwrap();
    let config = WaiterConfig::new(Duration::from_secs(1), Duration::from_secs(3));
    let error = acs_demo::operation::list_widgets::wait_until_first_widget_ready(
        &fake,
        request,
        Some(config),
    )
    .await
    .unwrap_err();
    match error {
        WaitError::Timeout {
            polls, last_state, ..
        } => {
            assert_eq!(polls, 4, "at 0, 1, 2 and 3 s");
            assert_eq!(last_state, None);
        }
        other => panic!("expected a timeout, got {other:?}"),
    }
}

async fn error_text_mentions_state(fake: &Fake) -> bool {
    let config = WaiterConfig::new(Duration::from_secs(1), Duration::from_secs(1));
    let error = acs_demo::operation::describe_widget::wait_until_widget_ready(
        fake,
        describe(),
        Some(config),
    )
    .await
    .unwrap_err();
    error.to_string().contains("last state: building")
}

#[tokio::test(start_paused = true)]
async fn deletion_waiter_succeeds_on_the_not_found_code() {
    let fake = scripted(vec![Ok(Some("ready")), Err("InvalidWidgetId.NotFound")]);
    assert_eq!(
        acs_demo::operation::describe_widget::wait_until_widget_deleted(&fake, describe(), None)
            .await
            .unwrap(),
        None
    );
    let other = scripted(vec![Err("Forbidden")]);
    let error =
        acs_demo::operation::describe_widget::wait_until_widget_deleted(&other, describe(), None)
            .await
            .unwrap_err();
    match &error {
        WaitError::Call(Error::Service(service)) => {
            assert_eq!(service.code(), "Forbidden");
            assert!(
                format!("{service:?}").starts_with("Unhandled("),
                "{service:?}"
            );
        }
        other => panic!("{other:?}"),
    }
}

async fn all_ids(fake: &Fake, page_size: i32) -> Vec<String> {
    let request = ListWidgetsRequest::builder()
        .page_size(page_size)
        .build()
        .unwrap();
    let items: Vec<_> = acs_demo::operation::list_widgets::list_widgets_items(fake, request)
        .collect()
        .await;
    items
        .into_iter()
        .map(|w| w.unwrap().widget_id.unwrap())
        .collect()
}

#[tokio::test]
async fn page_number_paginator_over_zero_one_and_many_pages() {
    let empty = Fake::default();
    assert!(all_ids(&empty, 10).await.is_empty());
    assert_eq!(*empty.seen.lock().unwrap(), ["page 1"]);

    let one = Fake {
        widgets: 4,
        ..Fake::default()
    };
    assert_eq!(all_ids(&one, 10).await, ["w-0", "w-1", "w-2", "w-3"]);
    assert_eq!(
        *one.seen.lock().unwrap(),
        ["page 1"],
        "the total was reached: no second request"
    );

    let many = Fake {
        widgets: 7,
        ..Fake::default()
    };
    let ids = all_ids(&many, 2).await;
    assert_eq!(ids, (0..7).map(|i| format!("w-{i}")).collect::<Vec<_>>());
    assert_eq!(
        *many.seen.lock().unwrap(),
        ["page 1", "page 2", "page 3", "page 4"]
    );
}

#[tokio::test]
async fn token_paginator_stops_without_a_token_or_on_a_repeated_one() {
    let fake = Fake {
        tokens: vec![(None, Some("a")), (Some("a"), Some("b")), (Some("b"), None)],
        ..Fake::default()
    };
    let pages: Vec<_> =
        acs_demo::operation::list_gadgets::list_gadgets_pages(&fake, ListGadgetsRequest::default())
            .collect()
            .await;
    assert_eq!(pages.len(), 3);
    let looping = Fake {
        tokens: vec![(None, Some("a")), (Some("a"), Some("a"))],
        ..Fake::default()
    };
    let items: Vec<_> = acs_demo::operation::list_gadgets::list_gadgets_items(
        &looping,
        ListGadgetsRequest::default(),
    )
    .collect()
    .await;
    let items: Vec<String> = items.into_iter().map(Result::unwrap).collect();
    assert_eq!(items, ["g-0", "g-1"]);
}

#[tokio::test]
async fn an_operation_the_fake_does_not_implement_fails_clearly() {
    let fake = Fake::default();
    let api: &dyn DemoApi = &fake;
    let request = acs_demo::operation::create_widget::CreateWidgetRequest::builder()
        .region_id("r")
        .size(1)
        .build()
        .unwrap();
    let error = api.create_widget(request).await.unwrap_err();
    assert!(
        matches!(
            error,
            acs_demo::Error::NotImplemented {
                operation: "CreateWidget",
                api: "DemoApi"
            }
        ),
        "{error:?}"
    );
    assert!(
        error
            .to_string()
            .contains("`CreateWidget` is not implemented by this `DemoApi`"),
        "{error}"
    );
}

#[tokio::test(start_paused = true)]
async fn waiters_and_paginators_work_through_a_trait_object() {
    let fake = Fake {
        widgets: 3,
        ..scripted(vec![Ok(Some("building")), Ok(Some("ready"))])
    };
    let api: std::sync::Arc<dyn DemoApi> = std::sync::Arc::new(fake);
    let done =
        acs_demo::operation::describe_widget::wait_until_widget_ready(&*api, describe(), None)
            .await
            .unwrap();
    assert_eq!(done.unwrap().status, Some(Status::Ready));
    let request = ListWidgetsRequest::builder().page_size(2).build().unwrap();
    let mut items = acs_demo::operation::list_widgets::list_widgets_items(&*api, request);
    let mut ids = Vec::new();
    while let Some(item) = items.next().await {
        ids.push(item.unwrap().widget_id.unwrap());
    }
    assert_eq!(ids, ["w-0", "w-1", "w-2"]);
}
