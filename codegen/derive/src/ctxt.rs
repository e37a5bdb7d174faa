//! [`Ctxt`]: collects every error found in one item so that they are reported together.

use std::cell::RefCell;
use std::fmt::Display;

use quote::ToTokens;

/// The errors found so far while reading one `#[derive(RpcParams)]` input.
///
/// Errors are recorded with their span and the expansion goes on, so that one compile shows
/// every misuse of the item; [`Ctxt::check`] must be called at the end.
pub struct Ctxt {
    errors: RefCell<Option<Vec<syn::Error>>>,
}

impl Ctxt {
    /// A context with no error yet.
    pub fn new() -> Self {
        Self {
            errors: RefCell::new(Some(Vec::new())),
        }
    }

    /// Records `msg` spanned by the tokens of `obj`.
    pub fn error_spanned_by(&self, obj: impl ToTokens, msg: impl Display) {
        self.syn_error(syn::Error::new_spanned(obj.into_token_stream(), msg));
    }

    /// Records an error that already has its span.
    pub fn syn_error(&self, err: syn::Error) {
        self.errors
            .borrow_mut()
            .as_mut()
            .expect("Ctxt used after check")
            .push(err);
    }

    /// Every error recorded, combined into one, or `Ok` when there is none.
    pub fn check(self) -> syn::Result<()> {
        let mut errors = self
            .errors
            .borrow_mut()
            .take()
            .expect("Ctxt checked twice")
            .into_iter();
        let Some(mut combined) = errors.next() else {
            return Ok(());
        };
        for err in errors {
            combined.combine(err);
        }
        Err(combined)
    }
}

impl Drop for Ctxt {
    fn drop(&mut self) {
        if !std::thread::panicking() && self.errors.borrow().is_some() {
            panic!("forgot to check for errors");
        }
    }
}
