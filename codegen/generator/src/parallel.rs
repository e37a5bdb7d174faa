//! Independent work spread over the machine's cores, results kept in input order.

use std::num::NonZeroUsize;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;

/// `f` applied to every item, on as many threads as the machine has cores (at most one per
/// item); the results come back in the order of `items`, whatever order they finished in.
///
/// Items are handed out one at a time, so a few heavy items do not leave a thread idle while
/// another works through a long run of them. A panic in `f` is raised again here.
pub fn map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = thread::available_parallelism().map_or(1, NonZeroUsize::get);
    map_on(threads, items, f)
}

/// [`map`] on at most `threads` threads.
fn map_on<T: Sync, R: Send>(threads: usize, items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = threads.min(items.len());
    if threads <= 1 {
        return items.iter().map(f).collect();
    }
    let next = AtomicUsize::new(0);
    let worker = || {
        let mut done = Vec::new();
        loop {
            let index = next.fetch_add(1, Ordering::Relaxed);
            let Some(item) = items.get(index) else {
                return done;
            };
            done.push((index, f(item)));
        }
    };
    let mut slots: Vec<Option<R>> = items.iter().map(|_| None).collect();
    thread::scope(|scope| {
        let workers: Vec<_> = (0..threads).map(|_| scope.spawn(worker)).collect();
        for handle in workers {
            let done = handle
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            for (index, result) in done {
                slots[index] = Some(result);
            }
        }
    });
    slots
        .into_iter()
        .map(|slot| slot.expect("every item is taken by exactly one thread"))
        .collect()
}

#[cfg(test)]
mod tests {
    use std::sync::Barrier;
    use std::thread;
    use std::time::Duration;

    use super::map_on;

    #[test]
    fn results_follow_the_input_order_whatever_finishes_first() {
        let items: Vec<u64> = (0..12).collect();
        // Early items are the slowest, so later ones finish first on the other threads.
        let slow_first = |n: &u64| {
            thread::sleep(Duration::from_millis(12 - n));
            n * 10
        };
        let expected: Vec<u64> = items.iter().map(|n| n * 10).collect();
        assert_eq!(map_on(3, &items, slow_first), expected);
    }

    #[test]
    fn the_threads_work_at_the_same_time() {
        // Each item waits for an item of the other thread: this only ends if both run.
        let meet = Barrier::new(2);
        let ids = map_on(2, &[1, 2, 3, 4], |_| {
            meet.wait();
            thread::current().id()
        });
        assert!(ids.iter().any(|id| *id != ids[0]), "one thread did it all");
    }

    #[test]
    fn one_thread_or_one_item_runs_in_place() {
        let here = thread::current().id();
        let on = |_: &u8| thread::current().id();
        assert_eq!(map_on(1, &[1, 2, 3], on), [here; 3]);
        assert_eq!(map_on(8, &[1], on), [here]);
        assert!(map_on(8, &[] as &[u8], on).is_empty());
    }

    #[test]
    #[should_panic(expected = "item 7 is bad")]
    fn a_panic_in_a_worker_reaches_the_caller() {
        let items: Vec<u32> = (0..16).collect();
        map_on(3, &items, |&n| assert!(n != 7, "item {n} is bad"));
    }
}
