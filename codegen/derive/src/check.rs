//! Misuse that no single attribute shows: unsupported field types, list styles on scalars,
//! duplicate wire names.

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use quote::quote;
use syn::{GenericArgument, PathArguments, Type};

use crate::attr::{Field, Location, Style};
use crate::ctxt::Ctxt;

/// Checks the fields of one struct, recording every problem in `cx`.
pub fn fields(cx: &Ctxt, fields: &[(&syn::Ident, &syn::Field, Field)]) {
    whole_body(cx, fields);
    let mut names: HashMap<&str, &syn::Ident> = HashMap::new();
    for (ident, field, attrs) in fields {
        if attrs.skip {
            continue;
        }
        match names.entry(&attrs.name) {
            Entry::Occupied(first) => cx.syn_error(syn::Error::new(
                attrs.name_span,
                format!(
                    "duplicate wire name `{}`: field `{}` is sent under it already",
                    attrs.name,
                    first.get()
                ),
            )),
            Entry::Vacant(vacant) => {
                vacant.insert(ident);
            }
        }
        match &attrs.style {
            // A custom function or JSON can write any type.
            _ if attrs.with.is_some() => {}
            Some((Style::Json, _)) => {}
            Some((style, lit)) if style.separator().is_some() => {
                if let Some(scalar) = plain_scalar(&field.ty) {
                    cx.error_spanned_by(
                        lit,
                        format!(
                            "the `{}` style joins the elements of a list, but `{scalar}` is a single value; \
                             make the field a `Vec` or remove `style`",
                            lit.value()
                        ),
                    );
                }
                supported_type(cx, &field.ty);
            }
            Some(_) | None => supported_type(cx, &field.ty),
        }
    }
}

/// A whole body is the only body field: one of them, and no JSON member beside it.
fn whole_body(cx: &Ctxt, fields: &[(&syn::Ident, &syn::Field, Field)]) {
    let sent = || fields.iter().filter(|(_, _, attrs)| !attrs.skip);
    let mut wholes = sent().filter_map(|(_, _, attrs)| attrs.body.as_ref());
    let Some((_, first)) = wholes.next() else {
        return;
    };
    for (_, again) in wholes {
        cx.error_spanned_by(
            again,
            format!(
                "a second whole body: `{}` is the body already; a request has one",
                first.value()
            ),
        );
    }
    for (_, _, attrs) in sent() {
        if attrs.location == Location::Body && attrs.body.is_none() {
            cx.syn_error(syn::Error::new(
                attrs.name_span,
                format!(
                    "`{}` would be a member of a JSON body, but another field is the whole body",
                    attrs.name
                ),
            ));
        }
    }
}

const SCALARS: &[&str] = &[
    "String", "str", "bool", "char", "i8", "i16", "i32", "i64", "i128", "isize", "u8", "u16",
    "u32", "u64", "u128", "usize", "f32", "f64",
];

/// The name of the scalar that `ty` plainly is, looking through `Option`, `Box`, `Cow` and `&`.
fn plain_scalar(ty: &Type) -> Option<&syn::Ident> {
    match ty {
        Type::Reference(reference) => plain_scalar(&reference.elem),
        Type::Paren(paren) => plain_scalar(&paren.elem),
        Type::Group(group) => plain_scalar(&group.elem),
        Type::Path(path) if path.qself.is_none() => {
            let last = path.path.segments.last()?;
            match &last.arguments {
                PathArguments::None if SCALARS.iter().any(|scalar| last.ident == scalar) => {
                    Some(&last.ident)
                }
                PathArguments::AngleBracketed(args)
                    if ["Option", "Box", "Cow"].iter().any(|w| last.ident == w) =>
                {
                    match args.args.last()? {
                        GenericArgument::Type(inner) => plain_scalar(inner),
                        _ => None,
                    }
                }
                _ => None,
            }
        }
        _ => None,
    }
}

/// Records an error for each part of `ty` that can never be a parameter; whether the other
/// types implement `RpcValue` is left to the compiler.
fn supported_type(cx: &Ctxt, ty: &Type) {
    match ty {
        Type::Path(path) => {
            if let Some(qself) = &path.qself {
                supported_type(cx, &qself.ty);
            }
            for segment in &path.path.segments {
                if let PathArguments::AngleBracketed(args) = &segment.arguments {
                    for arg in &args.args {
                        if let GenericArgument::Type(inner) = arg {
                            supported_type(cx, inner);
                        }
                    }
                }
            }
        }
        Type::Reference(reference) => {
            if let Some(mutability) = &reference.mutability {
                let and = &reference.and_token;
                cx.error_spanned_by(
                    quote!(#and #mutability),
                    "mutable references cannot be RPC parameters; use a shared reference `&T` or an owned value",
                );
            } else {
                supported_type(cx, &reference.elem);
            }
        }
        Type::Paren(paren) => supported_type(cx, &paren.elem),
        Type::Group(group) => supported_type(cx, &group.elem),
        Type::Slice(slice) => supported_type(cx, &slice.elem),
        Type::Array(array) => supported_type(cx, &array.elem),
        Type::Ptr(_) => cx.error_spanned_by(
            ty,
            "raw pointers cannot be RPC parameters; use an owned value or a reference",
        ),
        Type::Tuple(tuple) if tuple.elems.is_empty() => cx.error_spanned_by(
            ty,
            "`()` cannot be an RPC parameter; remove the field or mark it `#[rpc(skip)]`",
        ),
        Type::Tuple(_) => cx.error_spanned_by(
            ty,
            "tuples cannot be RPC parameters; use a struct deriving `RpcParams`, whose fields have wire names",
        ),
        Type::BareFn(_) => cx.error_spanned_by(
            ty,
            "function pointers cannot be RPC parameters; mark the field `#[rpc(skip)]`",
        ),
        _ => {}
    }
}
