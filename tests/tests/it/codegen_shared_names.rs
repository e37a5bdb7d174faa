//! Shared type names are stable: the plain name belongs to the shape most operations use, so
//! an operation added with another shape of the same name leaves it where it is.

use std::fs;

use crate::scratch::Repo;

const DIR: &str = "spec/demo/2020-01-01";

/// An operation whose one parameter is a `Tag` list with the fields `fields` (`Key`
/// required, as in CreateWidget's).
fn operation_with_tag(name: &str, fields: &[&str]) -> String {
    let properties: String = fields
        .iter()
        .map(|f| {
            let required = if *f == "Key" {
                "          required: true\n"
            } else {
                ""
            };
            format!("        - name: {f}\n          type: string\n{required}")
        })
        .collect();
    format!(
        "name: {name}\nsummary: Tags widgets.\nparameters:\n  - name: Tag\n    type: array\n    items:\n      type: object\n      properties:\n{properties}response:\n  fields: []\nfamily: Widget\n"
    )
}

/// The fields of `pub struct <name>` among the generated `types/`.
fn struct_fields(repo: &Repo, name: &str) -> Vec<String> {
    let types: String = fs::read_dir(repo.path().join("generated/demo/src/types"))
        .unwrap()
        .map(|e| fs::read_to_string(e.unwrap().path()).unwrap())
        .collect();
    let start = types
        .find(&format!("pub struct {name} {{"))
        .unwrap_or_else(|| panic!("no struct {name}"));
    let body = &types[start..start + types[start..].find("\n}").unwrap()];
    body.lines()
        .skip(1)
        .filter_map(|l| l.trim().strip_prefix("pub "))
        .filter_map(|l| l.split(':').next())
        .map(str::to_owned)
        .collect()
}

#[test]
fn another_tag_shape_leaves_tag_to_the_most_used_one() {
    let repo = Repo::new();
    // A second user of CreateWidget's `Tag` (Key, Value) makes it the most used shape.
    fs::write(
        repo.path().join(DIR).join("TagWidgets.yaml"),
        operation_with_tag("TagWidgets", &["Key", "Value"]),
    )
    .unwrap();
    acs_codegen::codegen(repo.path(), false).unwrap();
    assert_eq!(struct_fields(&repo, "Tag"), ["key", "value"]);

    // An operation sorted first with yet another `Tag` shape: `Tag` stays.
    fs::write(
        repo.path().join(DIR).join("AddLabels.yaml"),
        operation_with_tag("AddLabels", &["Key", "Value", "Owner"]),
    )
    .unwrap();
    acs_codegen::codegen(repo.path(), false).unwrap();
    assert_eq!(struct_fields(&repo, "Tag"), ["key", "value"]);
    assert_eq!(
        struct_fields(&repo, "AddLabelsTag"),
        ["key", "value", "owner"]
    );
}
