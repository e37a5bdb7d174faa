//! The generated code: an `RpcParams` impl (fields at top level) and an `RpcValue` impl (fields under a prefix).

use proc_macro2::{Span, TokenStream};
use quote::{ToTokens as _, quote, quote_spanned};
use syn::spanned::Spanned as _;
use syn::{Data, Fields};

use crate::attr::{self, BodyKind, Container, Location, Style};
use crate::check;
use crate::ctxt::Ctxt;

/// Expands `#[derive(RpcParams)]` on `input`, or returns every misuse found in it.
pub fn derive(input: &syn::DeriveInput) -> syn::Result<TokenStream> {
    let cx = Ctxt::new();
    let container = Container::from_ast(&cx, input);
    let fields: Vec<_> = named_fields(&cx, input)
        .into_iter()
        .flatten()
        .filter_map(|field| {
            let ident = field.ident.as_ref()?;
            Some((
                ident,
                field,
                attr::Field::from_ast(&cx, &container, ident, field),
            ))
        })
        .collect();
    check::fields(&cx, &fields);
    cx.check()?;

    let krate = &container.crate_path;
    let params = quote!(#krate::params);
    let written: Vec<_> = fields
        .iter()
        .filter(|(_, _, attrs)| !attrs.skip)
        .map(|(ident, field, attrs)| {
            let field_ref = field_ref(ident, field);
            (attrs, value_expr(&params, &field_ref, attrs), field_ref)
        })
        .collect();
    // Query fields in the order of their wire names, which is the canonical query's when the
    // names encode to themselves: signing then sorts nothing. Body fields keep their order.
    let mut top_level_order: Vec<_> = written.iter().collect();
    top_level_order.sort_by_key(|(attrs, _, _)| match attrs.location {
        Location::Query => (0, attrs.name.as_str()),
        Location::Form | Location::Path | Location::Header | Location::Body => (1, ""),
    });
    let top_level = top_level_order
        .into_iter()
        .map(|(attrs, value, field_ref)| {
            let name = &attrs.name;
            let location = match attrs.location {
                Location::Query => quote!(#params::Location::Query),
                Location::Form => quote!(#params::Location::Form),
                Location::Path => quote!(#params::Location::Path),
                Location::Header => quote!(#params::Location::Header),
                // A JSON member, or the whole body: written as JSON, text or bytes.
                Location::Body if attrs.with.is_none() => {
                    return match attrs.body.as_ref().map(|(kind, _)| *kind) {
                        None => quote!(__w.member(#name, #field_ref);),
                        Some(BodyKind::Json) => quote!(__w.whole_json(#field_ref);),
                        Some(_) => quote!(__w.whole_raw(#field_ref);),
                    };
                }
                Location::Body => quote!(#params::Location::Body),
            };
            quote!(__w.param_named(#location, const { #params::ParamName::new(#name) }, #value);)
        });
    // Nested under a key, a body value is written as the json style writes it.
    let nested = written.iter().map(|(attrs, value, field_ref)| {
        let name = &attrs.name;
        match attrs.location {
            Location::Body if attrs.with.is_none() => {
                quote!(__w.child(__key, #name, &#params::Json::new(#field_ref));)
            }
            _ => quote!(__w.child(__key, #name, #value);),
        }
    });

    let ident = &input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    Ok(quote! {
        #[automatically_derived]
        impl #impl_generics #params::RpcParams for #ident #ty_generics #where_clause {
            fn write_params(&self, __w: &mut #params::ParamWriter<'_>) {
                #(#top_level)*
            }
        }

        #[automatically_derived]
        impl #impl_generics #params::RpcValue for #ident #ty_generics #where_clause {
            fn write_value(
                &self,
                __w: &mut #params::ParamWriter<'_>,
                __key: &mut ::std::string::String,
            ) {
                #(#nested)*
            }
        }
    })
}

/// The named fields of a struct; any other item is an error.
fn named_fields<'a>(
    cx: &Ctxt,
    input: &'a syn::DeriveInput,
) -> Option<&'a syn::punctuated::Punctuated<syn::Field, syn::Token![,]>> {
    const HINT: &str = "`#[derive(RpcParams)]` needs a struct with named fields, one per parameter";
    match &input.data {
        Data::Struct(data) => match &data.fields {
            Fields::Named(fields) => return Some(&fields.named),
            Fields::Unnamed(fields) => cx.error_spanned_by(
                fields,
                format!("tuple structs are not supported: {HINT}, whose names are the wire names"),
            ),
            Fields::Unit => cx.error_spanned_by(
                &input.ident,
                format!(
                    "unit structs are not supported: {HINT}; a request without parameters is `struct {} {{}}`",
                    input.ident
                ),
            ),
        },
        Data::Enum(data) => cx.error_spanned_by(
            data.enum_token,
            format!("enums are not supported: {HINT}; an enumerated string parameter is an `open_enum!`"),
        ),
        Data::Union(data) => cx.error_spanned_by(
            data.union_token,
            format!("unions are not supported: {HINT}"),
        ),
    }
    None
}

/// `&self.field`, its first tokens spanned by the first token of the field's type and its
/// last by the last one, so that a trait the type lacks is reported on the whole type.
fn field_ref(ident: &syn::Ident, field: &syn::Field) -> TokenStream {
    let mut tokens = field.ty.to_token_stream().into_iter();
    let first = tokens
        .next()
        .map_or_else(Span::call_site, |token| token.span());
    let last = tokens.last().map_or(first, |token| token.span());
    let mut member = ident.clone();
    member.set_span(last);
    quote_spanned!(first=> &self.#member)
}

/// The `&dyn RpcValue` that writes one field.
fn value_expr(params: &TokenStream, field_ref: &TokenStream, attrs: &attr::Field) -> TokenStream {
    if let Some(path) = &attrs.with {
        return quote_spanned!(path.span()=> &#params::With(#field_ref, #path));
    }
    let style = attrs
        .style
        .as_ref()
        .map_or(Style::default(), |(style, _)| *style);
    match (style, style.separator()) {
        (Style::Json, _) => quote!(&#params::Json::new(#field_ref)),
        (_, Some(separator)) => quote!(&#params::Delimited::new(#field_ref, #separator)),
        (_, None) => field_ref.clone(),
    }
}
