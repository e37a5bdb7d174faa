//! Reading the `#[rpc(...)]` attributes of a struct and of its fields.

use proc_macro2::Span;
use quote::ToTokens;
use syn::ext::IdentExt as _;
use syn::meta::ParseNestedMeta;

use crate::ctxt::Ctxt;

pub use acs_wire::{BodyKind, Location, Style};

/// `location = "..."`: every location by the name the wire vocabulary gives it.
fn locations() -> Vec<(&'static str, Location)> {
    Location::ALL.map(|l| (l.name(), l)).to_vec()
}

/// `style = "..."`: every style by the name the wire vocabulary gives it.
fn styles() -> Vec<(&'static str, Style)> {
    Style::ALL.map(|s| (s.name(), s)).to_vec()
}

/// `body = "..."`: the kinds of a whole body, by the names the wire vocabulary gives them.
fn whole_bodies() -> Vec<(&'static str, BodyKind)> {
    BodyKind::ALL
        .into_iter()
        .filter(|kind| kind.is_whole())
        .map(|kind| (kind.name(), kind))
        .collect()
}

/// How field names become wire names when no `name` is given: `rename_all = "..."`.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Casing {
    /// `region_id` -> `RegionId` (the default).
    Pascal,
    /// `region_id` -> `regionId`.
    Camel,
    /// `region_id` -> `region_id`.
    Snake,
}

const CASINGS: &[(&str, Casing)] = &[
    ("PascalCase", Casing::Pascal),
    ("camelCase", Casing::Camel),
    ("snake_case", Casing::Snake),
];

impl Casing {
    fn apply(self, field: &str) -> String {
        if self == Self::Snake {
            return field.to_owned();
        }
        let mut out = String::with_capacity(field.len());
        for (i, word) in field.split('_').filter(|w| !w.is_empty()).enumerate() {
            let mut chars = word.chars();
            if let Some(first) = chars.next() {
                if i == 0 && self == Self::Camel {
                    out.push(first);
                } else {
                    out.extend(first.to_uppercase());
                }
            }
            out.push_str(chars.as_str());
        }
        out
    }
}

/// The container attributes of the struct.
pub struct Container {
    /// The path of the runtime crate, `::acs_runtime` unless `crate = "..."` is given.
    pub crate_path: syn::Path,
    rename_all: Casing,
    location: Location,
}

impl Container {
    /// Reads the `#[rpc(...)]` attributes of `input`, recording misuse in `cx`.
    pub fn from_ast(cx: &Ctxt, input: &syn::DeriveInput) -> Self {
        let mut crate_path = Attr::none(cx, "crate");
        let mut rename_all = Attr::none(cx, "rename_all");
        let mut location = Attr::none(cx, "location");
        for attr in rpc_attrs(&input.attrs) {
            let parsed = attr.parse_nested_meta(|meta| {
                if meta.path.is_ident("crate") {
                    if let Some(lit) = get_lit_str(cx, "crate", &meta)? {
                        match lit.parse::<syn::Path>() {
                            Ok(path) => crate_path.set(&meta.path, path),
                            Err(_) => cx.error_spanned_by(
                                &lit,
                                format!(
                                    "expected a crate path such as `acs_runtime`, found `{}`",
                                    lit.value()
                                ),
                            ),
                        }
                    }
                } else if meta.path.is_ident("rename_all") {
                    if let Some(value) = get_choice(cx, "rename_all", CASINGS, &meta)? {
                        rename_all.set(&meta.path, value);
                    }
                } else if meta.path.is_ident("location") {
                    if let Some(value) = get_choice(cx, "location", &locations(), &meta)? {
                        location.set(&meta.path, value);
                    }
                } else {
                    return Err(unknown(
                        &meta,
                        "container",
                        &["rename_all", "location", "crate"],
                    ));
                }
                Ok(())
            });
            if let Err(err) = parsed {
                cx.syn_error(err);
            }
        }
        Self {
            crate_path: crate_path
                .get()
                .unwrap_or_else(|| syn::parse_quote!(::acs_runtime)),
            rename_all: rename_all.get().unwrap_or(Casing::Pascal),
            location: location.get().unwrap_or(Location::Query),
        }
    }
}

/// The attributes of one field, with the container's defaults applied.
pub struct Field {
    /// The wire name.
    pub name: String,
    /// Where the wire name came from: the `name` literal or the field's identifier.
    pub name_span: Span,
    /// `location`, or the container's.
    pub location: Location,
    /// The style and the literal that gave it.
    pub style: Option<(Style, syn::LitStr)>,
    /// `skip`: the field is not sent.
    pub skip: bool,
    /// `with = path`: the function that writes the field.
    pub with: Option<syn::ExprPath>,
    /// `body = "..."`: the field is the whole body, of this kind, and the literal that said so.
    pub body: Option<(BodyKind, syn::LitStr)>,
}

impl Field {
    /// Reads the `#[rpc(...)]` attributes of `field`, recording misuse in `cx`.
    pub fn from_ast(
        cx: &Ctxt,
        container: &Container,
        ident: &syn::Ident,
        field: &syn::Field,
    ) -> Self {
        let mut name = Attr::none(cx, "name");
        let mut location = Attr::none(cx, "location");
        let mut style = Attr::none(cx, "style");
        let mut skip = Attr::none(cx, "skip");
        let mut with = Attr::none(cx, "with");
        let mut body = Attr::none(cx, "body");
        for attr in rpc_attrs(&field.attrs) {
            let parsed = attr.parse_nested_meta(|meta| {
                if meta.path.is_ident("name") {
                    if let Some(lit) = get_lit_str(cx, "name", &meta)? {
                        if lit.value().is_empty() {
                            cx.error_spanned_by(&lit, "the wire name must not be empty");
                        }
                        name.set(&meta.path, lit);
                    }
                } else if meta.path.is_ident("location") {
                    if let Some(value) = get_choice(cx, "location", &locations(), &meta)? {
                        location.set(&meta.path, value);
                    }
                } else if meta.path.is_ident("style") {
                    if let Some(lit) = get_lit_str(cx, "style", &meta)? {
                        if let Some(value) = choose(cx, "style", &styles(), &lit) {
                            style.set(&meta.path, (value, lit));
                        }
                    }
                } else if meta.path.is_ident("body") {
                    if let Some(lit) = get_lit_str(cx, "body", &meta)? {
                        if let Some(value) = choose(cx, "body", &whole_bodies(), &lit) {
                            body.set(&meta.path, (value, lit));
                        }
                    }
                } else if meta.path.is_ident("skip") {
                    skip.set(&meta.path, ());
                } else if meta.path.is_ident("with") {
                    let expr: syn::Expr = meta.value()?.parse()?;
                    match expr {
                        syn::Expr::Path(path) => with.set(&meta.path, path),
                        other => cx.error_spanned_by(
                            other,
                            "expected rpc with attribute to be a function path: `with = path::to_fn`",
                        ),
                    }
                } else {
                    return Err(unknown(
                        &meta,
                        "field",
                        &["name", "location", "style", "body", "skip", "with"],
                    ));
                }
                Ok(())
            });
            if let Err(err) = parsed {
                cx.syn_error(err);
            }
        }
        let with = with.get();
        let style = style.get();
        let body = body.get();
        let location = location.get().unwrap_or(container.location);
        if let (Some((_, lit)), false) = (&body, location == Location::Body) {
            cx.error_spanned_by(
                lit,
                "`body` makes the field the whole body: it needs `location = \"body\"`",
            );
        }
        if let (Some((_, lit)), false) = (&style, location.is_flattened()) {
            cx.error_spanned_by(
                lit,
                format!(
                    "a style flattens a query or form parameter; a {} value is {}",
                    location.name(),
                    if location == Location::Body {
                        "JSON"
                    } else {
                        "one scalar"
                    }
                ),
            );
        }
        if let (Some(path), Some(_)) = (&with, &style) {
            cx.error_spanned_by(
                path,
                "`with` and `style` cannot be combined: the `with` function alone decides the shape",
            );
        }
        let (name, name_span) = match name.get() {
            Some(lit) => (lit.value(), lit.span()),
            None => (
                container.rename_all.apply(&ident.unraw().to_string()),
                ident.span(),
            ),
        };
        Self {
            name,
            name_span,
            location,
            style,
            skip: skip.get().is_some(),
            with,
            body,
        }
    }
}

/// One attribute value, remembering that it was set so that a second setting is an error.
struct Attr<'c, T> {
    cx: &'c Ctxt,
    name: &'static str,
    value: Option<T>,
}

impl<'c, T> Attr<'c, T> {
    fn none(cx: &'c Ctxt, name: &'static str) -> Self {
        Self {
            cx,
            name,
            value: None,
        }
    }

    fn set(&mut self, obj: impl ToTokens, value: T) {
        if self.value.is_some() {
            self.cx
                .error_spanned_by(obj, format!("duplicate rpc attribute `{}`", self.name));
        } else {
            self.value = Some(value);
        }
    }

    fn get(self) -> Option<T> {
        self.value
    }
}

fn rpc_attrs(attrs: &[syn::Attribute]) -> impl Iterator<Item = &syn::Attribute> {
    attrs.iter().filter(|attr| attr.path().is_ident("rpc"))
}

fn unknown(meta: &ParseNestedMeta<'_>, kind: &str, expected: &[&str]) -> syn::Error {
    let path = meta.path.to_token_stream().to_string().replace(' ', "");
    meta.error(format!(
        "unknown rpc {kind} attribute `{path}`, expected one of {}",
        quoted_list(expected.iter().copied())
    ))
}

/// The string literal of `attr_name = "..."`; `None` (with the error recorded) for any other value.
fn get_lit_str(
    cx: &Ctxt,
    attr_name: &str,
    meta: &ParseNestedMeta<'_>,
) -> syn::Result<Option<syn::LitStr>> {
    let expr: syn::Expr = meta.value()?.parse()?;
    let mut value = &expr;
    while let syn::Expr::Group(group) = value {
        value = &group.expr;
    }
    if let syn::Expr::Lit(syn::ExprLit {
        lit: syn::Lit::Str(lit),
        ..
    }) = value
    {
        Ok(Some(lit.clone()))
    } else {
        cx.error_spanned_by(
            expr,
            format!("expected rpc {attr_name} attribute to be a string: `{attr_name} = \"...\"`"),
        );
        Ok(None)
    }
}

/// The choice named by the string literal of `attr_name = "..."`.
fn get_choice<T: Copy>(
    cx: &Ctxt,
    attr_name: &str,
    choices: &[(&str, T)],
    meta: &ParseNestedMeta<'_>,
) -> syn::Result<Option<T>> {
    Ok(get_lit_str(cx, attr_name, meta)?.and_then(|lit| choose(cx, attr_name, choices, &lit)))
}

fn choose<T: Copy>(
    cx: &Ctxt,
    attr_name: &str,
    choices: &[(&str, T)],
    lit: &syn::LitStr,
) -> Option<T> {
    let value = lit.value();
    let found = choices
        .iter()
        .find(|(name, _)| *name == value)
        .map(|&(_, choice)| choice);
    if found.is_none() {
        cx.error_spanned_by(
            lit,
            format!(
                "unknown rpc {attr_name} `{value}`, expected one of {}",
                quoted_list(choices.iter().map(|(name, _)| *name))
            ),
        );
    }
    found
}

fn quoted_list<'a>(names: impl Iterator<Item = &'a str>) -> String {
    names
        .map(|name| format!("`{name}`"))
        .collect::<Vec<_>>()
        .join(", ")
}
