//! Names derived from a product code: spec folder, crate, Rust module and `acs` command, by one
//! rule for every product code Alibaba uses (`Vpc`, `acc`, `appstream-center`, `Cloudauth-intl`).
//!
//! - The product's *name* is its code in lower case: `Cloudauth-intl` -> `cloudauth-intl`. It
//!   names the spec folder (`spec/cloudauth-intl/<version>`).
//! - A product with one version in the tree gives the crate `acs-<name>` (folder
//!   `generated/<name>`, command `acs <name>`); a product with several versions side by side
//!   gives one crate per version, `acs-<name>-<version without dashes>`
//!   (`acs-ess-20220222`, folder `generated/ess-20220222`, command `acs ess-20220222`), as
//!   Alibaba's own SDKs publish one package per version.
//! - The Rust name of a crate is the package name with `_` for `-` (`acs_appstream_center`).

use crate::spec::SpecTree;

/// Prefix of every generated package.
const PACKAGE_PREFIX: &str = "acs-";

/// Whether `code` can name a product: ASCII letters and digits in groups joined by single
/// hyphens, starting with a letter (`Vpc`, `acc`, `appstream-center`).
pub fn is_product_code(code: &str) -> bool {
    code.starts_with(|c: char| c.is_ascii_alphabetic())
        && code
            .split('-')
            .all(|part| !part.is_empty() && part.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// The product's name: its code in lower case, the spec folder (`Vpc` -> `vpc`).
pub fn product_name(code: &str) -> String {
    code.to_ascii_lowercase()
}

/// The package of one product version: `acs-vpc`, or `acs-ess-20220222` when `side_by_side`
/// (the tree holds several versions of the product).
pub fn package(code: &str, version: &str, side_by_side: bool) -> String {
    let name = product_name(code);
    if side_by_side {
        let compact: String = version.chars().filter(|c| *c != '-').collect();
        format!("{PACKAGE_PREFIX}{name}-{compact}")
    } else {
        format!("{PACKAGE_PREFIX}{name}")
    }
}

/// The package of the product version at `index` of `tree.products`.
pub fn package_in_tree(tree: &SpecTree, index: usize) -> String {
    let product = &tree.products[index].product;
    let name = product_name(&product.product);
    let versions = tree
        .products
        .iter()
        .filter(|p| product_name(&p.product.product) == name)
        .count();
    package(&product.product, &product.version, versions > 1)
}

/// The client trait of a product: its code in UpperCamelCase, then `Api` (`Vpc` -> `VpcApi`,
/// `address-purification` -> `AddressPurificationApi`).
pub fn api_trait(code: &str) -> String {
    let mut out = String::new();
    for part in code.split('-') {
        let mut chars = part.chars();
        if let Some(first) = chars.next() {
            out.push(first.to_ascii_uppercase());
            // An all-capitals code is an acronym, one word in a Rust name: `CS` -> `CsApi`.
            if part.chars().any(|c| c.is_ascii_lowercase()) {
                out.extend(chars);
            } else {
                out.extend(chars.map(|c| c.to_ascii_lowercase()));
            }
        }
    }
    out + "Api"
}

/// The package name without its prefix: the folder under `generated/` and the `acs` command.
pub fn command(package: &str) -> &str {
    package.strip_prefix(PACKAGE_PREFIX).unwrap_or(package)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_of_every_case_are_products() {
        for code in [
            "Vpc",
            "acc",
            "appstream-center",
            "Cloudauth-intl",
            "R-kvstore",
        ] {
            assert!(is_product_code(code), "{code}");
        }
        for code in ["", "-acc", "acc-", "a--b", "1acc", "a.b", "a_b", "a b"] {
            assert!(!is_product_code(code), "{code:?}");
        }
    }

    #[test]
    fn names_follow_one_rule() {
        assert_eq!(product_name("Cloudauth-intl"), "cloudauth-intl");
        assert_eq!(package("acc", "2024-04-02", false), "acs-acc");
        assert_eq!(package("Ess", "2022-02-22", true), "acs-ess-20220222");
        assert_eq!(command("acs-appstream-center"), "appstream-center");
        assert_eq!(api_trait("VpcPeer"), "VpcPeerApi");
        assert_eq!(api_trait("Cloudauth-intl"), "CloudauthIntlApi");
        assert_eq!(api_trait("CS"), "CsApi");
        assert_eq!(api_trait("sae"), "SaeApi");
        assert_eq!(api_trait("R-kvstore"), "RKvstoreApi");
    }
}
