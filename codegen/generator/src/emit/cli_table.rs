//! `cli.rs` (feature `cli`): the static operation tables the `acs` command is built from.

use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};

use super::types::ident;
use crate::ir::{CrateIr, FieldIr, OperationIr, TypeIr, TypeRef, facts};
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
    let name = &op.spec.name;
    let summary = op.spec.summary.trim();
    let description = op.spec.description.as_deref().unwrap_or("").trim();
    let module = format_ident!("{}", op.module);
    let request = ident(&op.request.name);
    let parameters = op.request.fields.iter().map(|f| parameter(f, &op.types));
    let wait = match wait(op, ir) {
        Some(wait) => quote!(Some(#wait)),
        None => quote!(None),
    };
    quote! {
        OperationDoc {
            name: #name,
            summary: #summary,
            description: #description,
            info: &crate::#module::OPERATION,
            parameters: &[#(#parameters),*],
            prepare: ::acs_runtime::cli::prepare::<crate::#module::#request>,
            wait: #wait,
        }
    }
}

/// The `WaitDoc` of an asynchronous operation naming a waiter of its polled operation.
fn wait(op: &OperationIr, ir: &CrateIr) -> Option<TokenStream> {
    let asynchronous = op.asynchronous()?;
    let name = asynchronous.waiter.as_ref()?;
    let poll = &asynchronous.poll;
    let w = ir
        .operations
        .iter()
        .find(|o| &o.spec.name == poll)
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

fn parameter(f: &FieldIr, types: &[TypeIr]) -> TokenStream {
    let name = &f.wire;
    let field = f.rust.trim_start_matches("r#");
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
    let required = f.member.required;
    let default = match &f.member.default {
        Some(d) => {
            let d = d.to_string();
            quote!(Some(#d))
        }
        None => quote!(None),
    };
    let description = f.member.description.as_deref().unwrap_or("").trim();
    let facts = facts::constraint_facts(&f.member);
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
fn shape(ty: &TypeRef, types: &[TypeIr], list: TokenStream) -> TokenStream {
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
        TypeRef::Enum(i) => match &types[*i] {
            TypeIr::Enum(e) => {
                let values = e.variants.iter().map(|(_, wire, _)| wire);
                quote!(Shape::Enum(&[#(#values),*]))
            }
            TypeIr::Struct(_) => unreachable!("an enum reference points at an enum"),
        },
        TypeRef::Struct(i) => match &types[*i] {
            TypeIr::Struct(s) if s.json => quote!(Shape::Json),
            TypeIr::Struct(s) => {
                let fields = s.fields.iter().map(|f| {
                    let (name, field) = (&f.wire, f.rust.trim_start_matches("r#"));
                    let shape = shape(&f.ty, types, quote!(::acs_runtime::cli::ListStyle::Repeat));
                    let description = f.member.description.as_deref().unwrap_or("").trim();
                    let facts = facts::constraint_facts(&f.member);
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
