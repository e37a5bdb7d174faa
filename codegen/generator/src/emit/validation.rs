//! `Validate` impls: each rule of each field rendered as one call of the runtime's validator,
//! nested values walked with their paths.

use acs_rules::{Limit, Rule};
use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::tokens::{field_ident, ident};
use crate::ir::{StructIr, TypeRef, TypeSpace};

/// `impl Validate for <struct>`.
pub fn validate_impl(s: &StructIr, types: &TypeSpace) -> TokenStream {
    let name = ident(&s.name);
    let checks: TokenStream = s
        .fields
        .iter()
        .map(|f| {
            let field = field_ident(&f.rust);
            let wire = &f.wire;
            let value = match &f.ty {
                TypeRef::String => quote!(self.#field.as_deref()),
                TypeRef::Enum(_) => quote!(self.#field.as_ref().map(|e| e.as_str())),
                TypeRef::List(..) => quote!(self.#field.as_deref()),
                _ => quote!(self.#field),
            };
            let place = quote!(self.#field);
            let rules = f
                .rules
                .iter()
                .map(|rule| check(rule, &f.ty, types, quote!(#wire), &value, &place));
            let nested = nested(&f.ty, types, &place, wire);
            quote! { #(#rules)* #nested }
        })
        .collect();
    // A struct with nothing to check still implements the trait the client relies on.
    let (v, p) = if checks.is_empty() {
        (quote!(_), quote!(_))
    } else {
        (quote!(v), quote!(p))
    };
    quote! {
        impl ::acs_runtime::validate::Validate for #name {
            fn validate_into(&self, #v: &mut ::acs_runtime::validate::Validator, #p: &str) {
                #checks
            }
        }
    }
}

/// The validator call of one rule. `value` is an `Option` of the value as the rule reads it
/// (`&str` for strings and enums, the number for numbers, a slice for lists); `place` the
/// field itself; `wire` an expression of type `&str`.
fn check(
    rule: &Rule,
    ty: &TypeRef,
    types: &TypeSpace,
    wire: TokenStream,
    value: &TokenStream,
    place: &TokenStream,
) -> TokenStream {
    let u64s = |v: Option<u64>| match v.map(Literal::u64_unsuffixed) {
        Some(v) => quote!(Some(#v)),
        None => quote!(None),
    };
    let limit = |v: Option<Limit>| match v {
        Some(Limit { value, exclusive }) => {
            let value = Literal::f64_unsuffixed(value);
            if exclusive {
                quote!(Some(::acs_runtime::validate::Limit::exclusive(#value)))
            } else {
                quote!(Some(::acs_runtime::validate::Limit::inclusive(#value)))
            }
        }
        None => quote!(None),
    };
    match rule {
        Rule::Required => quote!(v.required(p, #wire, &#place);),
        Rule::Length(span) => {
            let (min, max) = (u64s(span.min), u64s(span.max));
            quote!(v.length(p, #wire, #value, #min, #max);)
        }
        Rule::Pattern { regex, description } => {
            let description = match description {
                Some(d) => quote!(Some(#d)),
                None => quote!(None),
            };
            quote! {{
                static PATTERN: ::acs_runtime::validate::Pattern =
                    ::acs_runtime::validate::Pattern::new(#regex, #description);
                v.pattern(p, #wire, #value, &PATTERN);
            }}
        }
        Rule::Ascii => quote!(v.ascii(p, #wire, #value);),
        Rule::OneOf(_) => match ty {
            TypeRef::Enum(id) => {
                let name = ident(types.get(*id).name());
                quote!(v.known(p, #wire, #value, crate::types::#name::KNOWN);)
            }
            _ => unreachable!("lowering makes every enumerated string an open enum"),
        },
        Rule::Integers(ranges) => {
            let ranges = ranges.iter().map(|&(a, b)| {
                let (a, b) = (Literal::i64_unsuffixed(a), Literal::i64_unsuffixed(b));
                quote!((#a, #b))
            });
            quote!(v.one_of_ranges(p, #wire, #value, &[#(#ranges),*]);)
        }
        Rule::Numbers(span) => {
            let (min, max) = (limit(span.min), limit(span.max));
            quote!(v.bounds(p, #wire, #value, #min, #max);)
        }
        Rule::Items(span) => {
            let (min, max) = (u64s(span.min), u64s(span.max));
            quote!(v.items(p, #wire, #value, #min, #max);)
        }
    }
}

/// Checks below a field: a nested struct, or the items of a list.
fn nested(ty: &TypeRef, types: &TypeSpace, place: &TokenStream, wire: &str) -> TokenStream {
    match ty {
        TypeRef::Struct(_) if ty.validates(types) => quote!(v.nested(p, #wire, &#place);),
        TypeRef::List(item, rules) => match item.as_ref() {
            TypeRef::Struct(_) if item.validates(types) => quote!(v.nested(p, #wire, &#place);),
            TypeRef::Struct(_) => quote!(),
            _ if rules.is_empty() => quote!(),
            item_ty => {
                let value = match item_ty {
                    TypeRef::String | TypeRef::Enum(_) => quote!(Some(item.as_str())),
                    TypeRef::List(..) => quote!(Some(item.as_slice())),
                    _ => quote!(Some(*item)),
                };
                let item_place = quote!(item);
                let checks: Vec<TokenStream> = rules
                    .iter()
                    .filter(|r| **r != Rule::Required)
                    .map(|rule| check(rule, item_ty, types, quote!(&key), &value, &item_place))
                    .collect();
                if checks.is_empty() {
                    return quote!();
                }
                quote! {
                    for (i, item) in #place.iter().flatten().enumerate() {
                        let key = format!("{}.{}", #wire, i + 1);
                        #(#checks)*
                    }
                }
            }
        },
        _ => quote!(),
    }
}
