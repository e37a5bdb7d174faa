//! `cli.rs` (feature `cli`): the static operation tables the `acs` command is built from.

use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};

use acs_rules::{Markup, Rule};

use super::tokens::ident;
use crate::ir::{CrateIr, FieldIr, OperationIr, TypeIr, TypeRef, TypeSpace};
use crate::spec::model::{Location, Style};

/// The module: `PRODUCT_DOC` with every operation.
pub fn cli_module(ir: &CrateIr) -> TokenStream {
    let command = crate::ir::product_name::command(&ir.package);
    let title = &ir.product.title;
    let operations = ir.operations.iter().map(|op| operation(op, ir));
    quote! {
        #![doc = " Operation tables for command-line front ends (feature `cli`)."]
        use ::acs_runtime::cli::{OperationDoc, ParamDoc, ProductDoc, Shape};
        use ::acs_runtime::params::Location;

        /// Every operation of this product, for command-line front ends.
        pub static PRODUCT_DOC: ProductDoc = ProductDoc {
            command: #command,
            product: &crate::PRODUCT,
            title: #title,
            operations: &[#(#operations),*],
        };
    }
}

fn operation(op: &OperationIr, ir: &CrateIr) -> TokenStream {
    let name = &op.action;
    let summary = op.summary.as_str();
    let description = op.description.as_deref().unwrap_or("").trim();
    let module = format_ident!("{}", op.module);
    let request = ident(&op.request.name);
    let parameters = op.request.fields.iter().map(|f| parameter(f, &ir.types));
    let wait = match wait(op, ir) {
        Some(wait) => quote!(Some(#wait)),
        None => quote!(None),
    };
    quote! {
        OperationDoc {
            name: #name,
            summary: #summary,
            description: #description,
            info: &crate::operation::#module::OPERATION,
            parameters: &[#(#parameters),*],
            prepare: ::acs_runtime::cli::prepare::<crate::operation::#module::#request>,
            wait: #wait,
        }
    }
}

/// The `WaitDoc` of an asynchronous operation naming a waiter of its polled operation.
fn wait(op: &OperationIr, ir: &CrateIr) -> Option<TokenStream> {
    let asynchronous = &op.asynchronous.as_ref()?.spec;
    let name = asynchronous.waiter.as_ref()?;
    let poll = &asynchronous.poll;
    let w = ir
        .operations
        .iter()
        .find(|o| &o.action == poll)
        .and_then(|o| o.waiters.iter().find(|w| &w.spec.name == name))
        .map(|w| &w.spec)
        .expect("the checks resolved the waiter of the polled operation");
    let state = w
        .state
        .as_deref()
        .map_or(Vec::new(), |p| p.split('.').collect());
    let (success, failure, codes) = (&w.success, &w.failure, &w.success_codes);
    let (interval, max_wait) = (
        Literal::u64_unsuffixed(w.interval_ms),
        Literal::u64_unsuffixed(w.max_wait_ms),
    );
    Some(quote! {
        ::acs_runtime::cli::WaitDoc {
            waiter: #name,
            poll: #poll,
            state: &[#(#state),*],
            success: &[#(#success),*],
            failure: &[#(#failure),*],
            success_codes: &[#(#codes),*],
            interval_ms: #interval,
            max_wait_ms: #max_wait,
        }
    })
}

/// The rules of a field in the vocabulary's words, for terminal help.
fn facts(f: &FieldIr) -> Vec<String> {
    let rules = f.rules.iter().filter(|r| **r != Rule::Required);
    let mut facts: Vec<String> = rules.map(|r| r.sentence(Markup::Plain)).collect();
    if f.idempotency_token {
        facts.push(super::field_doc::IDEMPOTENCY_NOTE.to_owned());
    }
    facts
}

fn parameter(f: &FieldIr, types: &TypeSpace) -> TokenStream {
    let name = &f.wire;
    let field = f.rust.bare();
    let location = match f.location {
        Some(Location::Body) => quote!(Location::Body),
        _ => quote!(Location::Query),
    };
    let shape = match f.style {
        Some(Style::Json) => quote!(Shape::Json),
        Some(style) => {
            let list = match style {
                Style::Simple => quote!(::acs_runtime::cli::ListStyle::Joined(',')),
                Style::SpaceDelimited => quote!(::acs_runtime::cli::ListStyle::Joined(' ')),
                Style::PipeDelimited => quote!(::acs_runtime::cli::ListStyle::Joined('|')),
                _ => quote!(::acs_runtime::cli::ListStyle::Repeat),
            };
            shape(&f.ty, types, list)
        }
        None => shape(&f.ty, types, quote!(::acs_runtime::cli::ListStyle::Repeat)),
    };
    let required = f.required();
    let default = match &f.default {
        Some(d) => quote!(Some(#d)),
        None => quote!(None),
    };
    let description = f.doc.trim();
    let facts = facts(f);
    quote! {
        ParamDoc {
            name: #name,
            field: #field,
            location: #location,
            shape: &#shape,
            required: #required,
            default: #default,
            description: #description,
            facts: &[#(#facts),*],
        }
    }
}

/// The `Shape` of a type; `list` is how a top-level list is written.
fn shape(ty: &TypeRef, types: &TypeSpace, list: TokenStream) -> TokenStream {
    match ty {
        TypeRef::String => quote!(Shape::String),
        TypeRef::I32 | TypeRef::I64 => quote!(Shape::Integer),
        TypeRef::F32 | TypeRef::F64 => quote!(Shape::Number),
        TypeRef::Bool => quote!(Shape::Boolean),
        TypeRef::Json => quote!(Shape::Json),
        TypeRef::List(item, _) => {
            let item = shape(item, types, quote!(::acs_runtime::cli::ListStyle::Repeat));
            quote!(Shape::List(&#item, #list))
        }
        TypeRef::Map(value) => {
            let value = shape(value, types, quote!(::acs_runtime::cli::ListStyle::Repeat));
            quote!(Shape::Map(&#value))
        }
        TypeRef::Enum(id) => match types.get(*id) {
            TypeIr::Enum(e) => {
                let values = e.variants.iter().map(|v| &v.wire);
                quote!(Shape::Enum(&[#(#values),*]))
            }
            TypeIr::Struct(_) => unreachable!("an enum reference points at an enum"),
        },
        TypeRef::Struct(id) => match types.get(*id) {
            TypeIr::Struct(s) if s.json => quote!(Shape::Json),
            TypeIr::Struct(s) => {
                let fields = s.fields.iter().map(|f| {
                    let (name, field) = (&f.wire, f.rust.bare());
                    let shape = shape(&f.ty, types, quote!(::acs_runtime::cli::ListStyle::Repeat));
                    let description = f.doc.trim();
                    let facts = facts(f);
                    quote! {
                        ::acs_runtime::cli::FieldDoc {
                            name: #name,
                            field: #field,
                            shape: &#shape,
                            description: #description,
                            facts: &[#(#facts),*],
                        }
                    }
                });
                quote!(Shape::Object(&[#(#fields),*]))
            }
            TypeIr::Enum(_) => unreachable!("a struct reference points at a struct"),
        },
    }
}
