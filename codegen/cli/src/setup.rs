//! Region, credentials and endpoint from the global options, the environment and the profile file.

use acs_runtime::auth::{
    Credentials, CredentialsError, DefaultChain, Env, ProfileFile, ProvideCredentials,
};
use acs_runtime::client::{Endpoint, ProductInfo};

use crate::options::Options;
use crate::output::Failure;

/// The variable holding the default region, read when `--region` is not given.
pub(crate) const REGION_VAR: &str = "ALIBABA_CLOUD_REGION_ID";

/// The region: `--region`, else `ALIBABA_CLOUD_REGION_ID`, else the chosen profile's `region_id`.
pub(crate) fn region(options: &Options, env: &Env) -> Result<Option<String>, Failure> {
    if let Some(region) = options.region.clone().or_else(|| env.var(REGION_VAR)) {
        return Ok(Some(region));
    }
    let profile = profile_file(options, env)
        .load()
        .map_err(credentials_failure)?;
    Ok(profile.and_then(|p| p.region_id().map(str::to_owned)))
}

/// The credentials, found by the runtime's default chain (environment, OIDC role, profile
/// file, instance RAM role, credentials URI); with `--profile`, from that profile only, as the
/// official CLI does.
pub(crate) async fn credentials(options: &Options, env: &Env) -> Result<Credentials, Failure> {
    let chain = DefaultChain::with_env(env.clone());
    let chain = match &options.profile {
        Some(name) => chain.with_profile(name),
        None => chain,
    };
    chain
        .provide_credentials()
        .await
        .map_err(credentials_failure)
}

/// Where requests for `product` go: `--endpoint`, else the region's endpoint.
pub(crate) fn endpoint(
    product: &ProductInfo,
    region: Option<&str>,
    options: &Options,
) -> Result<Endpoint, Failure> {
    if region.is_none() && options.endpoint.is_none() {
        return Err(Failure::Usage(format!(
            "no region: give --region <RegionId>, set {REGION_VAR}, \
             or set region_id in the profile (or give --endpoint)"
        )));
    }
    // Plain HTTP was checked when `--endpoint` was parsed: only loopback hosts pass.
    Endpoint::resolve(product, region, options.endpoint.as_deref(), false)
        .map_err(|e| Failure::Usage(e.to_string()))
}

fn profile_file(options: &Options, env: &Env) -> ProfileFile {
    let file = ProfileFile::from_env(env);
    match &options.profile {
        Some(name) => file.with_profile(name),
        None => file,
    }
}

fn credentials_failure(error: CredentialsError) -> Failure {
    Failure::Failed(format!("credentials: {error}"))
}
