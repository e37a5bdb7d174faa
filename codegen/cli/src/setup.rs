//! Region, credentials and endpoint from the global options, the environment and the profile file.

use acs_runtime::auth::{
    ACCESS_KEY_ID_VAR, ACCESS_KEY_SECRET_VAR, Credentials, CredentialsError, DefaultChain, Env,
    EnvProvider, ProfileFile,
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
    Ok(profile.and_then(|p| p.region_id))
}

/// The credentials, found as the runtime's default chain finds them: the environment
/// variables, else the profile file's profile (the one `--profile` names, else
/// `ALIBABA_CLOUD_PROFILE`, else the file's current one).
///
/// When `--profile` is given but the environment variables win, says so in `notes`.
pub(crate) fn credentials(
    options: &Options,
    env: &Env,
    notes: &mut Vec<String>,
) -> Result<Credentials, Failure> {
    let Some(name) = &options.profile else {
        return DefaultChain::with_env(env.clone())
            .load()
            .map_err(credentials_failure);
    };
    if let Some(credentials) = EnvProvider::new(env.clone()).load() {
        notes.push(format!(
            "using the credentials of {ACCESS_KEY_ID_VAR}/{ACCESS_KEY_SECRET_VAR}, \
             not those of profile {name:?}"
        ));
        return Ok(credentials);
    }
    let file = profile_file(options, env);
    match file.load().map_err(credentials_failure)? {
        Some(profile) => Ok(profile.credentials),
        None => Err(credentials_failure(CredentialsError::NotFound(format!(
            "{ACCESS_KEY_ID_VAR}/{ACCESS_KEY_SECRET_VAR}, {}",
            file.path()
                .map_or("no home directory".into(), |p| p.display().to_string())
        )))),
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
