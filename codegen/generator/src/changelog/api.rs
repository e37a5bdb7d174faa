//! The public API of a generated crate as a set of one-line items read from its source with
//! `syn`: what a user can name (types, fields, variants, functions, methods, trait items,
//! re-exports, statics). Comparing two sets shows accidental breakage: an item gone or changed
//! is breaking, an item new is an addition.

use std::collections::BTreeSet;

use quote::ToTokens;
use syn::{Fields, ImplItem, Item, TraitItem, Visibility};

/// The public items of one source file, each prefixed by `module` (e.g. `operation::foo`).
pub fn public_items(module: &str, source: &str) -> Result<BTreeSet<String>, syn::Error> {
    let file = syn::parse_file(source)?;
    let mut out = BTreeSet::new();
    for item in &file.items {
        item_lines(module, item, &mut out);
    }
    Ok(out)
}

/// The module path of a source file of a crate: `src/operation/foo.rs` is `operation::foo`,
/// `src/lib.rs` is `crate`.
pub fn module_of(relative: &str) -> String {
    let path = relative.trim_start_matches("src/").trim_end_matches(".rs");
    match path.trim_end_matches("/mod") {
        "lib" => "crate".to_owned(),
        other => other.replace('/', "::"),
    }
}

fn is_pub(vis: &Visibility) -> bool {
    matches!(vis, Visibility::Public(_))
}

fn tokens(item: &impl ToTokens) -> String {
    item.to_token_stream().to_string()
}

fn item_lines(module: &str, item: &Item, out: &mut BTreeSet<String>) {
    match item {
        Item::Struct(s) if is_pub(&s.vis) => {
            let name = format!("{module}::{}", s.ident);
            out.insert(format!("struct {name}{}", tokens(&s.generics)));
            fields(&name, &s.fields, out);
        }
        Item::Enum(e) if is_pub(&e.vis) => {
            let name = format!("{module}::{}", e.ident);
            out.insert(format!("enum {name}{}", tokens(&e.generics)));
            for v in &e.variants {
                out.insert(format!("variant {name}::{} {}", v.ident, tokens(&v.fields)));
            }
        }
        Item::Fn(f) if is_pub(&f.vis) => {
            out.insert(format!("fn {module}::{}", tokens(&f.sig)));
        }
        Item::Static(s) if is_pub(&s.vis) => {
            out.insert(format!("static {module}::{}: {}", s.ident, tokens(&s.ty)));
        }
        Item::Const(c) if is_pub(&c.vis) => {
            out.insert(format!("const {module}::{}: {}", c.ident, tokens(&c.ty)));
        }
        Item::Use(u) if is_pub(&u.vis) => {
            out.insert(format!("use {module}: {}", tokens(&u.tree)));
        }
        Item::Mod(m) if is_pub(&m.vis) => {
            out.insert(format!("mod {module}::{}", m.ident));
        }
        Item::Trait(t) if is_pub(&t.vis) => trait_lines(module, t, out),
        Item::Impl(i) => impl_lines(module, i, out),
        _ => {}
    }
}

fn fields(name: &str, fields: &Fields, out: &mut BTreeSet<String>) {
    for (index, field) in fields.iter().enumerate() {
        if !is_pub(&field.vis) {
            continue;
        }
        let field_name = field
            .ident
            .as_ref()
            .map_or(index.to_string(), ToString::to_string);
        out.insert(format!("field {name}.{field_name}: {}", tokens(&field.ty)));
    }
}

fn trait_lines(module: &str, t: &syn::ItemTrait, out: &mut BTreeSet<String>) {
    let name = format!("{module}::{}", t.ident);
    out.insert(format!("trait {name}: {}", tokens(&t.supertraits)));
    for item in &t.items {
        let line = match item {
            TraitItem::Fn(f) => format!("trait fn {name}::{}", tokens(&f.sig)),
            TraitItem::Type(ty) => format!("trait type {name}::{}", ty.ident),
            TraitItem::Const(c) => format!("trait const {name}::{}: {}", c.ident, tokens(&c.ty)),
            _ => continue,
        };
        out.insert(line);
    }
}

/// Inherent methods that are `pub`, and trait impls (each one a promise).
fn impl_lines(module: &str, i: &syn::ItemImpl, out: &mut BTreeSet<String>) {
    let self_ty = tokens(&i.self_ty);
    if let Some((_, trait_path, _)) = &i.trait_ {
        out.insert(format!(
            "impl {module}: {} for {self_ty}",
            tokens(trait_path)
        ));
        return;
    }
    for item in &i.items {
        match item {
            ImplItem::Fn(f) if is_pub(&f.vis) => {
                out.insert(format!("method {module}::{self_ty}::{}", tokens(&f.sig)));
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_changed_field_type_is_one_item_gone_and_one_new() {
        let before = public_items(
            "types",
            "pub struct Tag { pub key: Option<String>, secret: u8 }",
        )
        .unwrap();
        let after = public_items("types", "pub struct Tag { pub key: Option<i64> }").unwrap();
        let gone: Vec<_> = before.difference(&after).collect();
        let new: Vec<_> = after.difference(&before).collect();
        assert_eq!(gone, ["field types::Tag.key: Option < String >"]);
        assert_eq!(new, ["field types::Tag.key: Option < i64 >"]);
    }

    #[test]
    fn private_items_and_bodies_are_not_the_api() {
        let before = public_items(
            "crate",
            "fn hidden() {} pub fn f() -> u8 { 1 } impl X { fn p(&self) {} }",
        )
        .unwrap();
        let after = public_items("crate", "pub fn f() -> u8 { 2 }").unwrap();
        assert_eq!(before, after);
    }

    #[test]
    fn modules_follow_the_file_path() {
        assert_eq!(module_of("src/lib.rs"), "crate");
        assert_eq!(module_of("src/operation/mod.rs"), "operation");
        assert_eq!(
            module_of("src/operation/create_vpn_gateway.rs"),
            "operation::create_vpn_gateway"
        );
    }
}
