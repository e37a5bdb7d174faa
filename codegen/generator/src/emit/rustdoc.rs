//! Markdown prose from the spec turned into safe `#[doc]` attributes.
//!
//! Upstream prose is not written for rustdoc: fenced blocks would become doc-tests and
//! deeply indented lines indented code blocks, so both are made plain text here.

use proc_macro2::TokenStream;
use quote::quote;

/// `#[doc = "..."]` attributes, one per line of `text`.
pub fn doc_attrs(text: &str) -> TokenStream {
    let lines = sanitize(text);
    quote! { #( #[doc = #lines] )* }
}

/// A `# Example` section holding `code` as a doc-test (written by the generator, not upstream).
pub fn example_attrs(code: &str) -> TokenStream {
    let lines = code.lines().map(|l| format!(" {l}"));
    quote! {
        #[doc = ""]
        #[doc = " # Example"]
        #[doc = ""]
        #[doc = " ```"]
        #( #[doc = #lines] )*
        #[doc = " ```"]
    }
}

/// The lines of `text` made safe for rustdoc, each with a leading space.
pub fn sanitize(text: &str) -> Vec<String> {
    let mut in_fence = false;
    let mut out = Vec::new();
    for raw in text.trim_matches('\n').lines() {
        let expanded = raw.replace('\t', "    ");
        let line = expanded.trim_end();
        let trimmed = line.trim_start();
        let fixed = if trimmed.starts_with("```") {
            let opening = !in_fence;
            in_fence = !in_fence;
            if opening {
                "```text".to_owned()
            } else {
                "```".to_owned()
            }
        } else if !in_fence && line.len() - trimmed.len() >= 4 {
            format!("   {trimmed}")
        } else {
            line.to_owned()
        };
        out.push(if fixed.is_empty() {
            String::new()
        } else {
            format!(" {fixed}")
        });
    }
    if in_fence {
        out.push(" ```".to_owned());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::sanitize;

    #[test]
    fn fences_become_text_and_deep_indents_do_not_start_code() {
        let lines = sanitize("Intro\n\n```\nlet x = 1;\n```\n\n*   item\n\n    more\n");
        assert_eq!(
            lines,
            [
                " Intro",
                "",
                " ```text",
                " let x = 1;",
                " ```",
                "",
                " *   item",
                "",
                "    more"
            ]
        );
    }

    #[test]
    fn an_unclosed_fence_is_closed() {
        assert_eq!(sanitize("```json\n{}"), [" ```text", " {}", " ```"]);
    }
}
