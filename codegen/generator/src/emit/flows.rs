//! Waiters and paginators: functions of their operation's module over any implementation of
//! the product trait (fakes included), built on the runtime's loops, each with a method of the
//! same name on `Client`.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::rustdoc::doc_attrs;
use super::tokens::{field_ident, ident, rust_type};
use crate::ir::{CrateIr, FieldName, OperationIr, PaginationIr, WaiterIr};
use crate::spec::model::PaginationStyle;

/// `Option<&T>` of the field at `path` of `root` (an expression of a response type).
fn chain(root: TokenStream, path: &[FieldName]) -> TokenStream {
    let mut fields = path.iter().map(field_ident);
    let first = fields.next().expect("a field path is never empty");
    let mut expr = quote!(#root.#first.as_ref());
    for field in fields {
        expr = quote!(#expr.and_then(|x| x.#field.as_ref()));
    }
    expr
}

/// `Option<&T>` of the field at `path` of `root`, in the first item of each list marked in
/// `lists`.
fn list_chain(root: TokenStream, path: &[FieldName], lists: &[bool]) -> TokenStream {
    let mut expr = TokenStream::new();
    for (i, (field, list)) in path.iter().zip(lists).enumerate() {
        let field = field_ident(field);
        expr = if i == 0 {
            quote!(#root.#field.as_ref())
        } else {
            quote!(#expr.and_then(|x| x.#field.as_ref()))
        };
        if *list {
            expr = quote!(#expr.and_then(|x| x.first()));
        }
    }
    expr
}

/// `Option<&str>` of the string field at `path` of `root`.
fn str_chain(root: TokenStream, path: &[FieldName]) -> TokenStream {
    if let [field] = path {
        let field = field_ident(field);
        quote!(#root.#field.as_deref())
    } else {
        let value = chain(root, path);
        quote!(#value.map(String::as_str))
    }
}

/// The method of `Client` that calls the module's function `method` on itself.
fn twin(
    doc: &TokenStream,
    method: &proc_macro2::Ident,
    params: TokenStream,
    args: TokenStream,
    output: &TokenStream,
) -> TokenStream {
    quote! {
        impl crate::Client {
            #doc
            #[inline]
            pub fn #method(&self, #params) -> #output {
                #method(self, #args)
            }
        }
    }
}

/// The paragraph of an operation's module doc linking its waiters and paginators on `Client`
/// (the module's functions over the product trait have the same names): doc lines, none when
/// the operation has neither.
pub fn module_doc(op: &OperationIr, ir: &CrateIr) -> Vec<String> {
    let link = |method: &str| format!("[`{method}`](crate::Client::{method})");
    let mut uses: Vec<String> = op
        .waiters
        .iter()
        .map(|w| {
            format!(
                "{} polls it until {}",
                link(&w.method),
                w.description.as_deref().map_or_else(
                    || format!("the waiter `{}` is satisfied", w.name),
                    |d| d.trim().trim_end_matches('.').to_owned()
                )
            )
        })
        .collect();
    if let Some(pagination) = &op.pagination {
        let [pages, items] = &pagination.methods;
        uses.push(format!(
            "{} and {} read every page and every item",
            link(pages),
            link(items)
        ));
    }
    if uses.is_empty() {
        return Vec::new();
    }
    let mut lines = vec![String::new()];
    lines.extend(super::rustdoc::doc_lines(&format!(
        "On [`Client`](crate::Client), and as functions of this module over any [`{api}`](crate::{api}) (fakes included): {}.",
        uses.join("; "),
        api = ir.api_trait
    )));
    lines
}

/// The waiters and paginators of an operation, in its module: a function over any
/// implementation of the product trait and its twin method on `Client` each.
pub fn module_items(op: &OperationIr, ir: &CrateIr) -> TokenStream {
    let waiters = op.waiters.iter().map(|w| waiter(op, w, ir));
    let paginators = paginators(op, ir);
    quote! {
        #(#waiters)*
        #paginators
    }
}

fn waiter(op: &OperationIr, w: &WaiterIr, ir: &CrateIr) -> TokenStream {
    let method = ident(&w.method);
    let poll = ident(&op.module);
    let (request, response, error) = (
        ident(&op.request.name),
        ident(&op.response.name),
        ident(&op.error),
    );
    let (success, failure, codes) = (&w.success, &w.failure, &w.success_codes);
    let (interval, max_wait) = (
        Literal::u64_unsuffixed(w.interval_ms),
        Literal::u64_unsuffixed(w.max_wait_ms),
    );
    let state = if w.state_lists.contains(&true) {
        let value = list_chain(quote!(response), &w.state, &w.state_lists);
        if w.state_is_enum {
            quote!(#value.map(|s| s.as_str()))
        } else {
            quote!(#value.map(String::as_str))
        }
    } else if w.state.is_empty() {
        quote! {
            let _ = response;
            None
        }
    } else if w.state_is_enum {
        let value = chain(quote!(response), &w.state);
        quote!(#value.map(|s| s.as_str()))
    } else {
        str_chain(quote!(response), &w.state)
    };
    let mut doc = format!(
        "Polls `{}` until {}.\n\nBy default every {} ms for at most {} ms; pass a `WaiterConfig` to change that.",
        op.action,
        w.description.as_deref().map_or_else(
            || format!("the waiter `{}` is satisfied", w.name),
            |d| d.trim().trim_end_matches('.').to_owned()
        ),
        w.interval_ms,
        w.max_wait_ms
    );
    if !success.is_empty() {
        doc.push_str(&format!(" Success states: {}.", success.join(", ")));
    }
    if !failure.is_empty() {
        doc.push_str(&format!(
            " A state among {} fails at once.",
            failure.join(", ")
        ));
    }
    if !codes.is_empty() {
        doc.push_str(&format!(
            " The error code {} means success; the result is then `None`.",
            codes.join(", ")
        ));
    }
    let doc = doc_attrs(&doc);
    let output = quote! {
        crate::BoxFuture<'_, Result<Option<#response>, ::acs_runtime::waiter::WaitError<#error>>>
    };
    let api = ident(&ir.api_trait);
    let twin = twin(
        &doc,
        &method,
        quote!(request: #request, config: Option<::acs_runtime::waiter::WaiterConfig>),
        quote!(request, config),
        &output,
    );
    quote! {
        #doc
        pub fn #method<A: crate::#api + ?Sized>(
            api: &A,
            request: #request,
            config: Option<::acs_runtime::waiter::WaiterConfig>,
        ) -> #output {
            fn state(response: &#response) -> Option<&str> {
                #state
            }
            let acceptors = ::acs_runtime::waiter::Acceptors {
                success: &[#(#success),*],
                failure: &[#(#failure),*],
                success_codes: &[#(#codes),*],
            };
            let config = config.unwrap_or(::acs_runtime::waiter::WaiterConfig::new(
                ::std::time::Duration::from_millis(#interval),
                ::std::time::Duration::from_millis(#max_wait),
            ));
            Box::pin(::acs_runtime::waiter::wait(config, acceptors, move || api.#poll(request.clone()), state))
        }
        #twin
    }
}

/// The `_pages` and `_items` functions of a listing operation, with their `Client` twins.
fn paginators(op: &OperationIr, ir: &CrateIr) -> TokenStream {
    let Some(p) = &op.pagination else {
        return TokenStream::new();
    };
    let call = ident(&op.module);
    let [pages, items] = p.methods.clone().map(|name| ident(&name));
    let (request, response, error) = (
        ident(&op.request.name),
        ident(&op.response.name),
        ident(&op.error),
    );
    let item = rust_type(&p.item, &ir.types);
    let api = ident(&ir.api_trait);
    let list = chain(quote!(response), &p.items);
    let owned_list = owned_chain(&p.items);
    let next = next_request(p);
    let pages_doc = doc_attrs(&format!(
        "Every page of `{}`, from the page `request` asks for, until the last: `while let Some(page) = pages.next().await`.",
        op.action
    ));
    let items_doc = doc_attrs(&format!(
        "Every item of every page of `{}`, in order: `while let Some(item) = items.next().await`.",
        op.action
    ));
    let pages_output = quote! {
        ::acs_runtime::paginate::Paginator<'_, Result<#response, ::acs_runtime::client::Error<#error>>>
    };
    let items_output = quote! {
        ::acs_runtime::paginate::Paginator<'_, Result<#item, ::acs_runtime::client::Error<#error>>>
    };
    let params = quote!(request: #request);
    let pages_twin = twin(
        &pages_doc,
        &pages,
        params.clone(),
        quote!(request),
        &pages_output,
    );
    let items_twin = twin(&items_doc, &items, params, quote!(request), &items_output);
    quote! {
        #pages_doc
        pub fn #pages<A: crate::#api + ?Sized>(api: &A, request: #request) -> #pages_output {
            fn count(response: &#response) -> usize {
                #list.map_or(0, Vec::len)
            }
            fn next(request: &#request, response: &#response, on_page: usize, seen: usize) -> Option<#request> {
                let _ = (response, on_page, seen);
                #next
            }
            ::acs_runtime::paginate::Paginator::new(
                ::acs_runtime::paginate::pages(request, move |r| api.#call(r), count, next),
            )
        }
        #pages_twin

        #items_doc
        pub fn #items<A: crate::#api + ?Sized>(api: &A, request: #request) -> #items_output {
            fn extract(response: #response) -> Vec<#item> {
                #owned_list
            }
            ::acs_runtime::paginate::Paginator::new(
                ::acs_runtime::paginate::items(#pages(api, request), extract),
            )
        }
        #items_twin
    }
}

/// The list at `path`, moved out of `response`, or an empty one.
fn owned_chain(path: &[FieldName]) -> TokenStream {
    let mut fields = path.iter().map(field_ident);
    let first = fields.next().expect("a field path is never empty");
    let mut expr = quote!(response.#first);
    for field in fields {
        expr = quote!(#expr.and_then(|x| x.#field));
    }
    quote!(#expr.unwrap_or_default())
}

/// The body of `next`: the request of the following page, or `None`.
fn next_request(p: &PaginationIr) -> TokenStream {
    let input = field_ident(&p.input);
    match p.style {
        PaginationStyle::PageNumber => {
            let total = if p.total.is_empty() {
                quote!(None::<i64>)
            } else {
                let total = chain(quote!(response), &p.total);
                quote!(#total.copied())
            };
            let (current, page) = if p.input_is_i64 {
                (quote!(request.#input), quote!(page))
            } else {
                (
                    quote!(request.#input.map(i64::from)),
                    quote!(i32::try_from(page).ok()?),
                )
            };
            quote! {
                let page = ::acs_runtime::paginate::next_page_number(#current, on_page, seen, #total)?;
                let mut request = request.clone();
                request.#input = Some(#page);
                Some(request)
            }
        }
        PaginationStyle::NextToken => {
            let output = str_chain(quote!(response), &p.output);
            quote! {
                let token = ::acs_runtime::paginate::next_token(request.#input.as_deref(), #output)?;
                let mut request = request.clone();
                request.#input = Some(token);
                Some(request)
            }
        }
    }
}
