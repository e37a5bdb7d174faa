//! A tracing subscriber that writes every span and event, with all fields, into a string.

use std::fmt::{self, Write as _};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::{Event, Metadata, Subscriber};

/// Records everything at every level; [`Capture::text`] returns what was recorded.
#[derive(Clone, Default)]
pub struct Capture {
    text: Arc<Mutex<String>>,
    next_id: Arc<AtomicU64>,
}

impl Capture {
    /// Everything recorded so far, one span, record or event a line.
    pub fn text(&self) -> String {
        self.text.lock().unwrap().clone()
    }

    fn line(&self, kind: &str, name: &str, fields: impl FnOnce(&mut Line)) {
        let mut line = Line(format!("{kind} {name}:"));
        fields(&mut line);
        let mut text = self.text.lock().unwrap();
        text.push_str(&line.0);
        text.push('\n');
    }
}

struct Line(String);

impl Visit for Line {
    fn record_debug(&mut self, field: &Field, value: &dyn fmt::Debug) {
        let _ = write!(self.0, " {}={value:?}", field.name());
    }
}

impl Subscriber for Capture {
    fn enabled(&self, _: &Metadata<'_>) -> bool {
        true
    }

    fn new_span(&self, span: &Attributes<'_>) -> Id {
        self.line("span", span.metadata().name(), |line| span.record(line));
        Id::from_u64(self.next_id.fetch_add(1, Ordering::Relaxed) + 1)
    }

    fn record(&self, _: &Id, values: &Record<'_>) {
        self.line("record", "", |line| values.record(line));
    }

    fn record_follows_from(&self, _: &Id, _: &Id) {}

    fn event(&self, event: &Event<'_>) {
        self.line("event", event.metadata().target(), |line| {
            event.record(line)
        });
    }

    fn enter(&self, _: &Id) {}

    fn exit(&self, _: &Id) {}
}
