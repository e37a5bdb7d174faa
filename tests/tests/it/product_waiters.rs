//! The waiters of Alb, Nlb, Ecs, Slb and Cbn, driven through each product's trait by a fake whose
//! answers (the service's JSON) change from poll to poll: success, a failure state or an
//! error that ends the wait at once, and timeouts, on tokio's paused clock.

use std::sync::Mutex;
use std::time::Duration;

use acs_runtime::client::{Error, ServiceError};
use acs_runtime::de::FromJson;
use acs_runtime::operation::BoxFuture;
use acs_runtime::waiter::{WaitError, WaiterConfig};
use serde_json::{Value, json};

/// One answer of a fake: the service's JSON, or its error code.
#[derive(Clone)]
enum Answer {
    Json(Value),
    Code(&'static str),
}

/// Scripted answers, the last one repeated, and the ids the polls asked for.
struct Script {
    answers: Mutex<Vec<Answer>>,
    seen: Mutex<Vec<Option<String>>>,
}

impl Script {
    fn new(answers: impl IntoIterator<Item = Answer>) -> Self {
        Self {
            answers: Mutex::new(answers.into_iter().collect()),
            seen: Mutex::new(Vec::new()),
        }
    }

    /// The next answer, built into the operation's response or error as a client would.
    fn next<'a, T, E>(&'a self, id: Option<String>) -> BoxFuture<'a, Result<T, Error<E>>>
    where
        T: FromJson + Send + 'a,
        E: From<ServiceError> + Send + 'a,
    {
        self.seen.lock().unwrap().push(id);
        let answer = {
            let mut answers = self.answers.lock().unwrap();
            if answers.len() > 1 {
                answers.remove(0)
            } else {
                answers[0].clone()
            }
        };
        let result = match answer {
            Answer::Json(value) => Ok(T::from_json(value).expect("the service's JSON")),
            Answer::Code(code) => Err(Error::Service(E::from(ServiceError::new(
                400, code, "refused",
            )))),
        };
        Box::pin(std::future::ready(result))
    }

    fn polls(&self) -> usize {
        self.seen.lock().unwrap().len()
    }

    fn seen(&self) -> Vec<Option<String>> {
        self.seen.lock().unwrap().clone()
    }
}

fn states(answers: &[&'static str], json: fn(&str) -> Value) -> Script {
    Script::new(answers.iter().map(|state| Answer::Json(json(state))))
}

fn assert_failed<E: std::fmt::Debug>(error: &WaitError<E>, expected: &str) {
    assert!(
        matches!(error, WaitError::Failed { state } if state == expected),
        "{error:?}"
    );
}

mod alb {
    use acs_alb::operation::list_asyn_jobs::{
        ListAsynJobsError, ListAsynJobsRequest, ListAsynJobsResponse,
    };
    use acs_alb::{AlbApi, BoxFuture, Error};

    use super::*;

    struct Fake(Script);

    impl AlbApi for Fake {
        fn list_asyn_jobs(
            &self,
            request: ListAsynJobsRequest,
        ) -> BoxFuture<'_, Result<ListAsynJobsResponse, Error<ListAsynJobsError>>> {
            self.0
                .next(request.job_ids.and_then(|ids| ids.first().cloned()))
        }
    }

    fn job(state: &str) -> Value {
        json!({"RequestId": "r-1", "TotalCount": 1, "Jobs": [{"Id": "job-1", "Status": state}]})
    }

    fn request() -> ListAsynJobsRequest {
        ListAsynJobsRequest::builder()
            .job_ids(["job-1"])
            .build()
            .unwrap()
    }

    #[tokio::test(start_paused = true)]
    async fn job_succeeded_polls_until_the_job_succeeds() {
        let fake = Fake(Script::new([
            Answer::Json(json!({"RequestId": "r-0", "TotalCount": 0, "Jobs": []})),
            Answer::Json(job("Processing")),
            Answer::Json(job("Succeeded")),
        ]));
        let started = tokio::time::Instant::now();
        let done =
            acs_alb::operation::list_asyn_jobs::wait_until_job_succeeded(&fake, request(), None)
                .await
                .unwrap()
                .expect("the last answer");
        let jobs = done.jobs.unwrap();
        assert_eq!(jobs[0].status.as_deref(), Some("Succeeded"));
        assert_eq!(fake.0.seen(), vec![Some("job-1".to_owned()); 3]);
        assert_eq!(
            started.elapsed(),
            Duration::from_millis(6000),
            "two delays of the spec's 3000 ms"
        );
    }

    #[tokio::test(start_paused = true)]
    async fn job_succeeded_fails_at_once_on_a_failed_job() {
        let fake = Fake(states(&["Processing", "Failed", "Succeeded"], job));
        let error =
            acs_alb::operation::list_asyn_jobs::wait_until_job_succeeded(&fake, request(), None)
                .await
                .unwrap_err();
        assert_failed(&error, "Failed");
        assert_eq!(fake.0.polls(), 2);
    }
}

mod nlb {
    use acs_nlb::operation::get_job_status::{
        GetJobStatusError, GetJobStatusRequest, GetJobStatusResponse,
    };
    use acs_nlb::{BoxFuture, Error, NlbApi};

    use super::*;

    struct Fake(Script);

    impl NlbApi for Fake {
        fn get_job_status(
            &self,
            request: GetJobStatusRequest,
        ) -> BoxFuture<'_, Result<GetJobStatusResponse, Error<GetJobStatusError>>> {
            self.0.next(request.job_id)
        }
    }

    fn job(state: &str) -> Value {
        json!({"RequestId": "r-1", "Status": state})
    }

    fn request() -> GetJobStatusRequest {
        GetJobStatusRequest::builder()
            .job_id("job-1")
            .build()
            .unwrap()
    }

    #[tokio::test(start_paused = true)]
    async fn job_succeeded_polls_until_the_job_succeeds() {
        let fake = Fake(states(&["processing", "Succeeded"], job));
        let started = tokio::time::Instant::now();
        let done =
            acs_nlb::operation::get_job_status::wait_until_job_succeeded(&fake, request(), None)
                .await
                .unwrap()
                .expect("the last answer");
        assert_eq!(done.status.as_deref(), Some("Succeeded"));
        assert_eq!(fake.0.seen(), vec![Some("job-1".to_owned()); 2]);
        assert_eq!(started.elapsed(), Duration::from_millis(5000));
    }

    #[tokio::test(start_paused = true)]
    async fn job_succeeded_fails_at_once_on_a_failed_job() {
        let fake = Fake(states(&["processing", "Failed", "Succeeded"], job));
        let error =
            acs_nlb::operation::get_job_status::wait_until_job_succeeded(&fake, request(), None)
                .await
                .unwrap_err();
        assert_failed(&error, "Failed");
        assert_eq!(fake.0.polls(), 2);
    }

    #[tokio::test(start_paused = true)]
    async fn job_succeeded_gives_up_after_the_spec_s_limit() {
        let fake = Fake(states(&["processing"], job));
        let error =
            acs_nlb::operation::get_job_status::wait_until_job_succeeded(&fake, request(), None)
                .await
                .unwrap_err();
        match error {
            WaitError::Timeout {
                waited,
                polls,
                last_state,
            } => {
                assert_eq!(polls, 121, "every 5 s from 0 to 600 s");
                assert_eq!(waited, Duration::from_secs(600));
                assert_eq!(last_state.as_deref(), Some("processing"));
            }
            other => panic!("expected a timeout, got {other:?}"),
        }
        assert_eq!(fake.0.polls(), 121);
    }
}

mod ecs {
    use acs_ecs::operation::describe_disks::{
        DescribeDisksError, DescribeDisksRequest, DescribeDisksResponse,
    };
    use acs_ecs::{BoxFuture, EcsApi, Error};

    use super::*;

    struct Fake(Script);

    impl EcsApi for Fake {
        fn describe_disks(
            &self,
            request: DescribeDisksRequest,
        ) -> BoxFuture<'_, Result<DescribeDisksResponse, Error<DescribeDisksError>>> {
            self.0.next(request.disk_ids)
        }
    }

    fn disk(state: &str) -> Value {
        json!({
            "RequestId": "r-1",
            "TotalCount": 1,
            "Disks": {"Disk": [{"DiskId": "d-1", "Status": state}]}
        })
    }

    fn request() -> DescribeDisksRequest {
        DescribeDisksRequest::builder()
            .region_id("cn-hangzhou")
            .disk_ids(r#"["d-1"]"#)
            .build()
            .unwrap()
    }

    #[tokio::test(start_paused = true)]
    async fn disk_available_polls_until_the_disk_is_available() {
        let fake = Fake(Script::new([
            Answer::Json(json!({"RequestId": "r-0", "TotalCount": 0, "Disks": {"Disk": []}})),
            Answer::Json(disk("Creating")),
            Answer::Json(disk("Available")),
        ]));
        let started = tokio::time::Instant::now();
        let done =
            acs_ecs::operation::describe_disks::wait_until_disk_available(&fake, request(), None)
                .await
                .unwrap()
                .expect("the last answer");
        let disks = done.disks.unwrap().disk.unwrap();
        assert_eq!(disks[0].disk_id.as_deref(), Some("d-1"));
        assert_eq!(disks[0].status.as_deref(), Some("Available"));
        assert_eq!(fake.0.seen(), vec![Some(r#"["d-1"]"#.to_owned()); 3]);
        assert_eq!(started.elapsed(), Duration::from_millis(10_000));
    }

    #[tokio::test(start_paused = true)]
    async fn disk_available_ends_at_once_on_an_error() {
        let fake = Fake(Script::new([
            Answer::Json(disk("Creating")),
            Answer::Code("InvalidDiskIds.Malformed"),
            Answer::Json(disk("Available")),
        ]));
        let error =
            acs_ecs::operation::describe_disks::wait_until_disk_available(&fake, request(), None)
                .await
                .unwrap_err();
        match &error {
            WaitError::Call(Error::Service(e)) => {
                assert_eq!(e.service_error().code(), "InvalidDiskIds.Malformed");
            }
            other => panic!("expected the service's error, got {other:?}"),
        }
        assert_eq!(fake.0.polls(), 2);
    }

    #[tokio::test(start_paused = true)]
    async fn disk_available_times_out_with_the_last_state() {
        let fake = Fake(states(&["Creating", "In_use"], disk));
        let config = WaiterConfig::new(Duration::from_secs(1), Duration::from_secs(5));
        let error = acs_ecs::operation::describe_disks::wait_until_disk_available(
            &fake,
            request(),
            Some(config),
        )
        .await
        .unwrap_err();
        match &error {
            WaitError::Timeout {
                polls, last_state, ..
            } => {
                assert_eq!(*polls, 6, "at 0, 1, 2, 3, 4 and 5 s");
                assert_eq!(last_state.as_deref(), Some("In_use"));
            }
            other => panic!("expected a timeout, got {other:?}"),
        }
        assert!(error.to_string().contains("last state: In_use"), "{error}");
    }
}

mod ecs_instances {
    use acs_ecs::operation::describe_instance_attribute::{
        DescribeInstanceAttributeError, DescribeInstanceAttributeRequest,
        DescribeInstanceAttributeResponse,
    };
    use acs_ecs::{BoxFuture, EcsApi, Error};

    use super::*;

    struct Fake(Script);

    impl EcsApi for Fake {
        fn describe_instance_attribute(
            &self,
            request: DescribeInstanceAttributeRequest,
        ) -> BoxFuture<
            '_,
            Result<DescribeInstanceAttributeResponse, Error<DescribeInstanceAttributeError>>,
        > {
            self.0.next(request.instance_id)
        }
    }

    fn instance(state: &str) -> Value {
        json!({"RequestId": "r-1", "InstanceId": "i-1", "Status": state})
    }

    fn request() -> DescribeInstanceAttributeRequest {
        DescribeInstanceAttributeRequest::builder()
            .instance_id("i-1")
            .build()
            .unwrap()
    }

    #[tokio::test(start_paused = true)]
    async fn instance_running_polls_through_pending_and_starting() {
        let fake = Fake(states(
            &["Pending", "Starting", "Stopped", "Running"],
            instance,
        ));
        let started = tokio::time::Instant::now();
        let done = acs_ecs::operation::describe_instance_attribute::wait_until_instance_running(
            &fake,
            request(),
            None,
        )
        .await
        .unwrap()
        .expect("the last answer");
        assert_eq!(done.status.as_deref(), Some("Running"));
        assert_eq!(fake.0.seen(), vec![Some("i-1".to_owned()); 4]);
        assert_eq!(started.elapsed(), Duration::from_millis(15_000));
    }

    #[tokio::test(start_paused = true)]
    async fn instance_stopped_times_out_while_stopping() {
        let fake = Fake(states(&["Running", "Stopping"], instance));
        let error = acs_ecs::operation::describe_instance_attribute::wait_until_instance_stopped(
            &fake,
            request(),
            None,
        )
        .await
        .unwrap_err();
        match &error {
            WaitError::Timeout { last_state, .. } => {
                assert_eq!(last_state.as_deref(), Some("Stopping"));
            }
            other => panic!("expected a timeout, got {other:?}"),
        }
        // The spec's longest wait, 600 s, at one poll every 5 s.
        assert_eq!(fake.0.polls(), 121);
    }
}

mod slb {
    use acs_slb::operation::describe_load_balancer_attribute::{
        DescribeLoadBalancerAttributeError, DescribeLoadBalancerAttributeRequest,
        DescribeLoadBalancerAttributeResponse,
    };
    use acs_slb::{BoxFuture, Error, SlbApi};

    use super::*;

    struct Fake(Script);

    impl SlbApi for Fake {
        fn describe_load_balancer_attribute(
            &self,
            request: DescribeLoadBalancerAttributeRequest,
        ) -> BoxFuture<
            '_,
            Result<
                DescribeLoadBalancerAttributeResponse,
                Error<DescribeLoadBalancerAttributeError>,
            >,
        > {
            self.0.next(request.load_balancer_id)
        }
    }

    fn balancer(state: &str) -> Value {
        json!({"RequestId": "r-1", "LoadBalancerId": "lb-1", "LoadBalancerStatus": state})
    }

    fn request() -> DescribeLoadBalancerAttributeRequest {
        DescribeLoadBalancerAttributeRequest::builder()
            .region_id("cn-hangzhou")
            .load_balancer_id("lb-1")
            .build()
            .unwrap()
    }

    #[tokio::test(start_paused = true)]
    async fn load_balancer_active_polls_until_active() {
        let fake = Fake(states(&["inactive", "inactive", "active"], balancer));
        let started = tokio::time::Instant::now();
        let done =
            acs_slb::operation::describe_load_balancer_attribute::wait_until_load_balancer_active(
                &fake,
                request(),
                None,
            )
            .await
            .unwrap()
            .expect("the last answer");
        assert_eq!(done.load_balancer_status.as_deref(), Some("active"));
        assert_eq!(started.elapsed(), Duration::from_millis(6_000));
    }

    #[tokio::test(start_paused = true)]
    async fn load_balancer_active_fails_at_once_when_locked() {
        let fake = Fake(states(&["inactive", "locked", "active"], balancer));
        let error =
            acs_slb::operation::describe_load_balancer_attribute::wait_until_load_balancer_active(
                &fake,
                request(),
                None,
            )
            .await
            .unwrap_err();
        assert_failed(&error, "locked");
        assert_eq!(fake.0.polls(), 2);
    }
}

mod cbn {
    use acs_cbn::operation::list_transit_router_peer_attachments::{
        ListTransitRouterPeerAttachmentsError, ListTransitRouterPeerAttachmentsRequest,
        ListTransitRouterPeerAttachmentsResponse,
    };
    use acs_cbn::operation::list_transit_router_vbr_attachments::{
        ListTransitRouterVbrAttachmentsError, ListTransitRouterVbrAttachmentsRequest,
        ListTransitRouterVbrAttachmentsResponse,
    };
    use acs_cbn::operation::list_transit_router_vpc_attachments::{
        ListTransitRouterVpcAttachmentsError, ListTransitRouterVpcAttachmentsRequest,
        ListTransitRouterVpcAttachmentsResponse,
    };
    use acs_cbn::operation::list_transit_router_vpn_attachments::{
        ListTransitRouterVpnAttachmentsError, ListTransitRouterVpnAttachmentsRequest,
        ListTransitRouterVpnAttachmentsResponse,
    };
    use acs_cbn::{BoxFuture, CbnApi, Error};

    use super::*;

    /// One script for the four listings.
    struct Fake(Script);

    impl CbnApi for Fake {
        fn list_transit_router_peer_attachments(
            &self,
            request: ListTransitRouterPeerAttachmentsRequest,
        ) -> BoxFuture<
            '_,
            Result<
                ListTransitRouterPeerAttachmentsResponse,
                Error<ListTransitRouterPeerAttachmentsError>,
            >,
        > {
            self.0.next(request.transit_router_attachment_id)
        }

        fn list_transit_router_vbr_attachments(
            &self,
            request: ListTransitRouterVbrAttachmentsRequest,
        ) -> BoxFuture<
            '_,
            Result<
                ListTransitRouterVbrAttachmentsResponse,
                Error<ListTransitRouterVbrAttachmentsError>,
            >,
        > {
            self.0.next(request.transit_router_attachment_id)
        }

        fn list_transit_router_vpc_attachments(
            &self,
            request: ListTransitRouterVpcAttachmentsRequest,
        ) -> BoxFuture<
            '_,
            Result<
                ListTransitRouterVpcAttachmentsResponse,
                Error<ListTransitRouterVpcAttachmentsError>,
            >,
        > {
            self.0.next(request.transit_router_attachment_id)
        }

        fn list_transit_router_vpn_attachments(
            &self,
            request: ListTransitRouterVpnAttachmentsRequest,
        ) -> BoxFuture<
            '_,
            Result<
                ListTransitRouterVpnAttachmentsResponse,
                Error<ListTransitRouterVpnAttachmentsError>,
            >,
        > {
            self.0.next(request.transit_router_attachment_id)
        }
    }

    fn attachment(state: &str) -> Value {
        json!({
            "RequestId": "r-1",
            "TotalCount": 1,
            "TransitRouterAttachments": [{"TransitRouterAttachmentId": "tr-attach-1", "Status": state}]
        })
    }

    /// For each waiter: `$request` with its attachment id, and the waiter's failure states.
    macro_rules! attachment_waiter_tests {
        ($($name:ident: $module:ident::$waiter:ident($request:ident), failing on [$($failure:literal),+];)+) => {$(
            mod $name {
                use super::*;

                fn request() -> $request {
                    $request::builder()
                        .transit_router_attachment_id("tr-attach-1")
                        .build()
                        .unwrap()
                }

                #[tokio::test(start_paused = true)]
                async fn polls_until_attached() {
                    let fake = Fake(Script::new([
                        Answer::Json(json!({"RequestId": "r-0", "TotalCount": 0, "TransitRouterAttachments": []})),
                        Answer::Json(attachment("Attaching")),
                        Answer::Json(attachment("Attached")),
                    ]));
                    let started = tokio::time::Instant::now();
                    let done = acs_cbn::operation::$module::$waiter(&fake, request(), None).await.unwrap().expect("the last answer");
                    let attachments = done.transit_router_attachments.unwrap();
                    assert_eq!(attachments[0].status.as_deref(), Some("Attached"));
                    assert_eq!(fake.0.seen(), vec![Some("tr-attach-1".to_owned()); 3]);
                    assert_eq!(started.elapsed(), Duration::from_millis(10_000));
                }

                #[tokio::test(start_paused = true)]
                async fn fails_at_once_on_each_failure_state() {
                    for failure in [$($failure),+] {
                        let fake = Fake(states(&["Attaching", failure, "Attached"], attachment));
                        let error = acs_cbn::operation::$module::$waiter(&fake, request(), None).await.unwrap_err();
                        assert_failed(&error, failure);
                        assert_eq!(fake.0.polls(), 2, "{failure}");
                    }
                }
            }
        )+};
    }

    attachment_waiter_tests! {
        peer: list_transit_router_peer_attachments::wait_until_peer_attachment_attached(ListTransitRouterPeerAttachmentsRequest),
            failing on ["Detaching", "Detached"];
        vbr: list_transit_router_vbr_attachments::wait_until_vbr_attachment_attached(ListTransitRouterVbrAttachmentsRequest),
            failing on ["Detaching", "Detached"];
        vpc: list_transit_router_vpc_attachments::wait_until_vpc_attachment_attached(ListTransitRouterVpcAttachmentsRequest),
            failing on ["Detaching"];
        vpn: list_transit_router_vpn_attachments::wait_until_vpn_attachment_attached(ListTransitRouterVpnAttachmentsRequest),
            failing on ["Detaching"];
    }

    #[tokio::test(start_paused = true)]
    async fn an_attachment_waiter_times_out_while_attaching() {
        let fake = Fake(states(&["Attaching"], attachment));
        let request = ListTransitRouterVpcAttachmentsRequest::builder()
            .transit_router_attachment_id("tr-attach-1")
            .build()
            .unwrap();
        let config = WaiterConfig::new(Duration::from_secs(5), Duration::from_secs(12));
        let error = acs_cbn::operation::list_transit_router_vpc_attachments::wait_until_vpc_attachment_attached(&fake, request, Some(config))
            .await
            .unwrap_err();
        match error {
            WaitError::Timeout {
                polls,
                waited,
                last_state,
            } => {
                assert_eq!(polls, 3, "at 0, 5 and 10 s: 10 + 5 is past 12");
                assert_eq!(waited, Duration::from_secs(10));
                assert_eq!(last_state.as_deref(), Some("Attaching"));
            }
            other => panic!("expected a timeout, got {other:?}"),
        }
    }
}
