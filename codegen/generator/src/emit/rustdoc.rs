//! Markdown turned into `#[doc]` attributes.
//!
//! Every doc text goes through the inert renderer once more (upstream prose already did, when
//! the tree was loaded): whatever a spec holds, no code block in the docs is ever compiled, and
//! the only doc-tests are the examples the generator writes itself ([`example_attrs`]).

use proc_macro2::TokenStream;
use quote::quote;

use crate::prose::{Links, render::render};

/// `#[doc = "..."]` attributes, one per line of `text`.
pub fn doc_attrs(text: &str) -> TokenStream {
    let lines = doc_lines(text);
    quote! { #( #[doc = #lines] )* }
}

/// A `# Example` section holding `code` as a doc-test (written by the generator, not upstream).
pub fn example_attrs(code: &str) -> TokenStream {
    let lines = example_lines(code);
    quote! { #( #[doc = #lines] )* }
}

/// The lines of an `# Example` section holding `code` as a doc-test.
pub fn example_lines(code: &str) -> Vec<String> {
    let mut lines = vec![String::new(), " # Example".to_owned(), String::new()];
    lines.push(" ```".to_owned());
    lines.extend(code.lines().map(|l| format!(" {l}")));
    lines.push(" ```".to_owned());
    lines
}

/// The lines of `text` rendered inert, each with a leading space.
pub fn doc_lines(text: &str) -> Vec<String> {
    render(text, Links::IntraDoc)
        .lines()
        .map(|line| {
            if line.is_empty() {
                String::new()
            } else {
                format!(" {line}")
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::doc_lines;

    #[test]
    fn fences_become_text_and_deep_indents_do_not_start_code() {
        let lines = doc_lines("Intro\n\n```\nlet x = 1;\n```\n\n*   item\n\n    more\n");
        assert_eq!(
            lines,
            [
                " Intro",
                "",
                " ```text",
                " let x = 1;",
                " ```",
                "",
                " * item",
                "",
                "   more"
            ]
        );
    }

    #[test]
    fn an_unclosed_fence_is_closed() {
        assert_eq!(doc_lines("```json\n{}"), [" ```text", " {}", " ```"]);
    }
}
