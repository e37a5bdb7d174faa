//! Region, credentials and endpoint from the global options, the arguments, the environment
//! and the profile file.

use acs_runtime::auth::{
    Credentials, CredentialsError, DefaultChain, Env, EnvProvider, ProfileFile, ProvideCredentials,
};
use acs_runtime::client::{Endpoint, ProductInfo};

use crate::options::Options;
use crate::output::Failure;

/// The variable holding the default region, read when no region is given.
pub(crate) const REGION_VAR: &str = "ALIBABA_CLOUD_REGION_ID";

/// The AccessKeyId a preview without credentials is signed with.
pub(crate) const PLACEHOLDER_KEY_ID: &str = "<no-credentials>";

/// The region: `--region`, else the `--RegionId` argument (`region_id`), else
/// `ALIBABA_CLOUD_REGION_ID`, else the chosen profile's `region_id`.
pub(crate) fn region(
    options: &Options,
    region_id: Option<&str>,
    env: &Env,
) -> Result<Option<String>, Failure> {
    let given = options
        .region
        .clone()
        .or_else(|| region_id.map(str::to_owned));
    if let Some(region) = given.or_else(|| env.var(REGION_VAR)) {
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

/// The credentials of a preview, found without contacting anything: the environment's keys
/// (unless `--profile` names a profile), else the chosen profile's own keys (modes `AK` and
/// `StsToken`); otherwise a placeholder key, said in a note, so that a request can be checked
/// on a machine without any and a dry run never reaches STS, the instance metadata service or
/// a credentials URI.
pub(crate) async fn preview_credentials(
    options: &Options,
    env: &Env,
    notes: &mut Vec<String>,
) -> Credentials {
    match local_credentials(options, env).await {
        Ok(credentials) => credentials,
        Err(why) => {
            notes.push(format!(
                "signed with a placeholder key, not a real signature ({why})"
            ));
            Credentials::new(PLACEHOLDER_KEY_ID, "placeholder")
        }
    }
}

/// The credentials that are at hand without asking any service, or why there are none.
async fn local_credentials(options: &Options, env: &Env) -> Result<Credentials, String> {
    if options.profile.is_none() {
        if let Some(credentials) = EnvProvider::new(env.clone()).load() {
            return Ok(credentials);
        }
    }
    let profile = profile_file(options, env)
        .load()
        .map_err(|e| e.to_string())?
        .ok_or("no keys in the environment and no profile")?;
    match profile.mode() {
        "AK" | "StsToken" => profile
            .credentials_provider()
            .map_err(|e| e.to_string())?
            .provide_credentials()
            .await
            .map_err(|e| e.to_string()),
        mode => Err(format!(
            "profile `{}` gets its keys from a service (mode {mode}), which a dry run does not contact",
            profile.name()
        )),
    }
}

/// Where requests for `product` go: `--endpoint`, else the region's endpoint.
pub(crate) fn endpoint(
    product: &ProductInfo,
    region: Option<&str>,
    options: &Options,
) -> Result<Endpoint, Failure> {
    if region.is_none() && options.endpoint.is_none() {
        return Err(Failure::Usage(format!(
            "no region: give --region <RegionId> (or --RegionId), set {REGION_VAR}, \
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
