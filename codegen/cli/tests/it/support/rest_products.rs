//! The checked-in REST products, from the command data the generator wrote for the `acs` crate.

use acs_cli::Product;

const CS_DATA: &str = include_str!("../../../../../generated/acs/data/cs.json");
const ELASTICSEARCH_DATA: &str =
    include_str!("../../../../../generated/acs/data/elasticsearch.json");
const FC_DATA: &str = include_str!("../../../../../generated/acs/data/fc.json");
const SAE_DATA: &str = include_str!("../../../../../generated/acs/data/sae.json");

pub static CS: Product = Product::new("cs", "CS API", "2015-12-15", CS_DATA);
pub static ELASTICSEARCH: Product = Product::new(
    "elasticsearch",
    "Elasticsearch API",
    "2017-06-13",
    ELASTICSEARCH_DATA,
);
pub static FC: Product = Product::new("fc", "FC API", "2023-03-30", FC_DATA);
pub static SAE: Product = Product::new("sae", "SAE API", "2019-05-06", SAE_DATA);

/// Each REST product with its command data, for tests that read the data themselves.
pub static REST_PRODUCTS: [(&Product, &str); 4] = [
    (&CS, CS_DATA),
    (&ELASTICSEARCH, ELASTICSEARCH_DATA),
    (&FC, FC_DATA),
    (&SAE, SAE_DATA),
];
