//! Arbitrary bytes as `api-docs.json`: the importer never panics, and whatever it imports
//! renders into spec files that load back.
#![no_main]

use acs_codegen::import::{self, files};
use acs_codegen::spec::model::{Operation, Product};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let Ok(imported) = import::import(&text) else {
        return;
    };
    let _ = imported.report.summary(true);
    let product = files::render_product(&imported.product, "fuzz.json");
    serde_yaml::from_str::<Product>(&product).expect("an imported product file loads back");
    for op in &imported.operations {
        let text = files::render_operation(op, "fuzz.json");
        serde_yaml::from_str::<Operation>(&text).expect("an imported operation file loads back");
    }
});
