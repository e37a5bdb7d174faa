//! `Validate` impls: one check per rule of each field, nested values walked with their paths.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::types::ident;
use crate::ir::{StructIr, TypeIr, TypeRef};
use crate::spec::model::Member;

/// `impl Validate for <struct>`.
pub fn validate_impl(s: &StructIr, types: &[TypeIr]) -> TokenStream {
    let name = ident(&s.name);
    let checks = s.fields.iter().map(|f| {
        let field = ident(&f.rust);
        let wire = &f.wire;
        let required = f
            .member
            .required
            .then(|| quote!(v.required(p, #wire, &self.#field);));
        let value = match &f.ty {
            TypeRef::String => quote!(self.#field.as_deref()),
            TypeRef::Enum(_) => quote!(self.#field.as_ref().map(|e| e.as_str())),
            _ => quote!(self.#field),
        };
        let rules = scalar_rules(&f.member, &f.ty, types, quote!(#wire), value);
        let nested = nested_rules(&f.member, &f.ty, types, quote!(self.#field), wire);
        quote! { #required #rules #nested }
    });
    let checks: TokenStream = checks.collect();
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

/// Checks of a scalar value: `value` is an expression of type `Option<&str>` for strings and
/// enums, `Option<number>` for numbers; `wire` an expression of type `&str`.
fn scalar_rules(
    member: &Member,
    ty: &TypeRef,
    types: &[TypeIr],
    wire: TokenStream,
    value: TokenStream,
) -> TokenStream {
    let c = &member.constraints;
    let opt_u64 = |v: Option<u64>| match v.map(Literal::u64_unsuffixed) {
        Some(v) => quote!(Some(#v)),
        None => quote!(None),
    };
    let opt_f64 = |v: Option<f64>| match v.map(Literal::f64_unsuffixed) {
        Some(v) => quote!(Some(#v)),
        None => quote!(None),
    };
    let mut out = TokenStream::new();
    match ty {
        TypeRef::Enum(i) => {
            let name = ident(types[*i].name());
            out.extend(quote!(v.known(p, #wire, #value, #name::KNOWN);));
        }
        TypeRef::String => {
            if c.min_length.is_some() || c.max_length.is_some() {
                let (min, max) = (opt_u64(c.min_length), opt_u64(c.max_length));
                out.extend(quote!(v.length(p, #wire, #value, #min, #max);));
            }
            if let Some(pattern) = &c.pattern {
                out.extend(quote! {{
                    static PATTERN: ::acs_runtime::validate::Pattern = ::acs_runtime::validate::Pattern::new(#pattern);
                    v.pattern(p, #wire, #value, &PATTERN);
                }});
            }
            if c.ascii_only {
                out.extend(quote!(v.ascii(p, #wire, #value);));
            }
        }
        TypeRef::I32 | TypeRef::I64 => {
            let mut ranges: Vec<(i64, i64)> = c.allowed.iter().map(|a| a.bounds()).collect();
            if c.minimum.is_some() || c.maximum.is_some() {
                let lo = c.minimum.map_or(i64::MIN, |m| m.ceil() as i64);
                let hi = c.maximum.map_or(i64::MAX, |m| m.floor() as i64);
                if ranges.is_empty() {
                    ranges.push((lo, hi));
                } else {
                    ranges = ranges
                        .into_iter()
                        .map(|(a, b)| (a.max(lo), b.min(hi)))
                        .filter(|(a, b)| a <= b)
                        .collect();
                }
            }
            if !ranges.is_empty() || !c.allowed.is_empty() {
                let ranges = ranges.iter().map(|&(a, b)| {
                    let (a, b) = (Literal::i64_unsuffixed(a), Literal::i64_unsuffixed(b));
                    quote!((#a, #b))
                });
                out.extend(quote!(v.one_of_ranges(p, #wire, #value, &[#(#ranges),*]);));
            }
        }
        TypeRef::F32 | TypeRef::F64 if c.minimum.is_some() || c.maximum.is_some() => {
            let (min, max) = (opt_f64(c.minimum), opt_f64(c.maximum));
            out.extend(quote!(v.bounds(p, #wire, #value, #min, #max);));
        }
        _ => {}
    }
    out
}

/// Checks of lists and nested structs under `field` (an `Option<...>` place expression).
fn nested_rules(
    member: &Member,
    ty: &TypeRef,
    types: &[TypeIr],
    field: TokenStream,
    wire: &str,
) -> TokenStream {
    match ty {
        TypeRef::Struct(_) if ty.validates(types) => quote!(v.nested(p, #wire, &#field);),
        TypeRef::List(item, item_member) => {
            let c = &member.constraints;
            let count = (c.min_items.is_some() || c.max_items.is_some()).then(|| {
                let bound = |v: Option<u64>| match v.map(Literal::u64_unsuffixed) {
                    Some(v) => quote!(Some(#v)),
                    None => quote!(None),
                };
                let (min, max) = (bound(c.min_items), bound(c.max_items));
                quote!(v.items(p, #wire, #field.as_deref(), #min, #max);)
            });
            let items = match item.as_ref() {
                TypeRef::Struct(_) if item.validates(types) => quote!(v.nested(p, #wire, &#field);),
                TypeRef::String
                | TypeRef::Enum(_)
                | TypeRef::I32
                | TypeRef::I64
                | TypeRef::F32
                | TypeRef::F64 => {
                    let value = match item.as_ref() {
                        TypeRef::String | TypeRef::Enum(_) => quote!(Some(item.as_str())),
                        _ => quote!(Some(*item)),
                    };
                    let rules = scalar_rules(item_member, item, types, quote!(&key), value);
                    if rules.is_empty() {
                        quote!()
                    } else {
                        quote! {
                            for (i, item) in #field.iter().flatten().enumerate() {
                                let key = format!("{}.{}", #wire, i + 1);
                                #rules
                            }
                        }
                    }
                }
                _ => quote!(),
            };
            quote! { #count #items }
        }
        _ => quote!(),
    }
}
