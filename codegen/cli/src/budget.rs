//! How far `--pager` may go: pages, items and bytes, each with a default a field raises.

use crate::fields::Fields;
use crate::output::Failure;

/// The field names of the limits, as `--pager` takes them.
pub(crate) const FIELDS: [&str; 3] = ["max-pages", "max-items", "max-bytes"];

/// Default number of pages (`max-pages=`).
const DEFAULT_PAGES: u64 = 1_000;
/// Default number of items (`max-items=`).
const DEFAULT_ITEMS: u64 = 100_000;
/// Default number of bytes of all pages' bodies together (`max-bytes=`): 100 MiB.
const DEFAULT_BYTES: u64 = 100 << 20;

/// The limits of one listing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Budget {
    pages: u64,
    items: u64,
    bytes: u64,
}

impl Default for Budget {
    fn default() -> Self {
        Self {
            pages: DEFAULT_PAGES,
            items: DEFAULT_ITEMS,
            bytes: DEFAULT_BYTES,
        }
    }
}

/// What has been fetched so far, against a [`Budget`].
#[derive(Debug, Default)]
pub(crate) struct Spent {
    pages: u64,
    items: u64,
    bytes: u64,
}

impl Budget {
    /// The limits of `--pager`'s fields `max-pages=`, `max-items=` and `max-bytes=`, the
    /// defaults for those not given.
    pub fn from_fields(fields: &mut Fields) -> Result<Self, String> {
        let default = Self::default();
        let mut take = |key: &str, default: u64| match fields.take(key) {
            None => Ok(default),
            Some(raw) => raw.parse::<u64>().ok().filter(|n| *n > 0).ok_or_else(|| {
                format!("--pager: {key}= must be a positive whole number, got {raw:?}")
            }),
        };
        Ok(Self {
            pages: take("max-pages", default.pages)?,
            items: take("max-items", default.items)?,
            bytes: take("max-bytes", default.bytes)?,
        })
    }

    /// Counts a page of `items` items and `bytes` bytes; `more` says whether the listing
    /// goes on. A failure when the listing passes a limit (or would need a page past
    /// `max-pages=`), naming the field that raises it.
    pub fn spend(
        &self,
        spent: &mut Spent,
        items: usize,
        bytes: usize,
        more: bool,
    ) -> Result<(), Failure> {
        spent.pages += 1;
        spent.items = spent.items.saturating_add(items as u64);
        spent.bytes = spent.bytes.saturating_add(bytes as u64);
        let over = [
            ("max-items", spent.items > self.items, self.items, "items"),
            ("max-bytes", spent.bytes > self.bytes, self.bytes, "bytes"),
            (
                "max-pages",
                more && spent.pages >= self.pages,
                self.pages,
                "pages",
            ),
        ]
        .into_iter()
        .find(|(_, over, ..)| *over);
        match over {
            None => Ok(()),
            Some((field, _, limit, what)) => Err(Failure::Failed(format!(
                "--pager stopped after {} page(s) ({} items, {} bytes): the listing goes past \
                 {limit} {what}, so it is not complete; raise the limit with --pager {field}=<n>",
                spent.pages, spent.items, spent.bytes
            ))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn budget(fields: &[&str]) -> Result<Budget, String> {
        let args: Vec<String> = fields.iter().map(|f| f.to_string()).collect();
        Budget::from_fields(&mut Fields::parse("pager", &args)?)
    }

    #[test]
    fn each_limit_stops_the_listing_and_names_its_field() {
        let tight = budget(&["max-pages=2", "max-items=5", "max-bytes=100"]).unwrap();
        let mut spent = Spent::default();
        tight.spend(&mut spent, 2, 10, true).unwrap();
        let error = tight.spend(&mut spent, 2, 10, true).unwrap_err().render();
        assert!(
            error.contains("after 2 page(s)") && error.contains("max-pages="),
            "{error}"
        );
        let mut spent = Spent::default();
        tight.spend(&mut spent, 2, 10, false).unwrap();
        tight.spend(&mut spent, 2, 10, false).unwrap();
        let error = tight.spend(&mut spent, 2, 10, false).unwrap_err().render();
        assert!(
            error.contains("past 5 items") && error.contains("max-items="),
            "{error}"
        );
        let mut spent = Spent::default();
        let error = tight.spend(&mut spent, 1, 101, false).unwrap_err().render();
        assert!(error.contains("max-bytes=<n>"), "{error}");
    }

    #[test]
    fn limits_are_positive_whole_numbers() {
        assert_eq!(budget(&[]).unwrap(), Budget::default());
        for bad in [
            "max-pages=0",
            "max-items=-1",
            "max-bytes=1e9",
            "max-pages=x",
        ] {
            let error = budget(&[bad]).unwrap_err();
            assert!(error.contains("positive whole number"), "{error}");
        }
    }
}
