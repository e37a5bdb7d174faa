//! The official CLI's profile file, `~/.aliyun/config.json`, in every mode the CLI writes
//! that this runtime can serve: `AK`, `StsToken`, `RamRoleArn`, `ChainableRamRoleArn`,
//! `EcsRamRole` and `OIDC`.

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde_json::Value;

use super::{
    AssumeRole, Credentials, CredentialsError, EcsRamRole, Env, OidcRole, ProvideCredentials,
};

/// The variable naming the profile to use instead of the file's `current` one.
pub const PROFILE_VAR: &str = "ALIBABA_CLOUD_PROFILE";

/// The modes whose credentials [`Profile::credentials_provider`] serves.
pub const SUPPORTED_MODES: &[&str] = &[
    "AK",
    "StsToken",
    "RamRoleArn",
    "ChainableRamRoleArn",
    "EcsRamRole",
    "OIDC",
];

/// How many `source_profile` links a `ChainableRamRoleArn` profile may follow.
const MAX_CHAIN: usize = 8;

/// Reads a profile from the CLI's profile file.
///
/// The profile is the one named explicitly, else `ALIBABA_CLOUD_PROFILE`, else the file's
/// `current` profile, else `default`. Error messages never quote values from the file.
#[derive(Clone, Debug)]
pub struct ProfileFile {
    path: Option<PathBuf>,
    profile: Option<String>,
    env: Env,
    metadata_base_url: Option<String>,
}

/// One profile of the file: its mode, its default region, and the means to get its
/// credentials. `Debug` shows the name, mode and region only.
#[derive(Clone)]
pub struct Profile {
    name: String,
    file: Arc<Value>,
    source: ProfileFile,
    path: PathBuf,
}

impl ProfileFile {
    /// The file `$HOME/.aliyun/config.json` of `env`, and the profile `ALIBABA_CLOUD_PROFILE` names.
    pub fn from_env(env: &Env) -> Self {
        Self {
            path: env
                .home_dir()
                .map(|home| home.join(".aliyun").join("config.json")),
            profile: env.var(PROFILE_VAR),
            env: env.clone(),
            metadata_base_url: None,
        }
    }

    /// A profile file at an explicit path, using its `current` profile.
    pub fn new(path: impl Into<PathBuf>) -> Self {
        Self {
            path: Some(path.into()),
            profile: None,
            env: Env::process(),
            metadata_base_url: None,
        }
    }

    /// Uses the profile with this name.
    pub fn with_profile(mut self, name: impl Into<String>) -> Self {
        self.profile = Some(name.into());
        self
    }

    /// Sends the metadata requests of `EcsRamRole` profiles to this URL instead.
    pub fn with_metadata_base_url(mut self, url: impl Into<String>) -> Self {
        self.metadata_base_url = Some(url.into());
        self
    }

    /// The file's path; `None` when there is no home directory to find it in.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Where the profile is looked up, for messages.
    pub(crate) fn describe(&self) -> String {
        match self.path() {
            Some(path) => format!("profile file {}", path.display()),
            None => "the profile file (no home directory)".to_owned(),
        }
    }

    /// Loads the chosen profile; `Ok(None)` when the file does not exist. Only a regular file
    /// of at most 1 MiB is read: a FIFO, a device or a larger file is an error.
    pub fn load(&self) -> Result<Option<Profile>, CredentialsError> {
        let Some(path) = &self.path else {
            return Ok(None);
        };
        let text = match super::env::read_local(path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(source) => {
                return Err(CredentialsError::Io {
                    path: path.clone(),
                    source,
                });
            }
        };
        let invalid = |reason: String| CredentialsError::InvalidProfile {
            path: path.clone(),
            reason,
        };
        // Parse errors of `Value` give a position, never the text around it.
        let file: Value =
            serde_json::from_str(&text).map_err(|e| invalid(format!("not valid JSON: {e}")))?;
        let name = self
            .profile
            .as_deref()
            .or_else(|| non_empty(&file, "current"))
            .unwrap_or("default")
            .to_owned();
        let profile = Profile {
            name,
            file: Arc::new(file),
            source: self.clone(),
            path: path.clone(),
        };
        profile.find(&profile.name)?;
        Ok(Some(profile))
    }
}

impl Profile {
    /// The profile's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The profile's mode (`AK` when the file gives none).
    pub fn mode(&self) -> &str {
        self.find(&self.name)
            .ok()
            .and_then(|p| non_empty(p, "mode"))
            .unwrap_or("AK")
    }

    /// The profile's `region_id`, when set.
    pub fn region_id(&self) -> Option<&str> {
        self.find(&self.name)
            .ok()
            .and_then(|p| non_empty(p, "region_id"))
    }

    /// The provider of the profile's credentials. A mode this runtime does not serve is an
    /// error naming the mode.
    pub fn credentials_provider(&self) -> Result<Arc<dyn ProvideCredentials>, CredentialsError> {
        self.provider(&self.name, 0)
    }

    fn provider(
        &self,
        name: &str,
        depth: usize,
    ) -> Result<Arc<dyn ProvideCredentials>, CredentialsError> {
        let profile = self.find(name)?;
        let field = |key: &str| {
            non_empty(profile, key)
                .ok_or_else(|| self.invalid(format!("profile {name:?} has no {key}")))
        };
        let env = &self.source.env;
        let keys = || {
            Ok::<_, CredentialsError>(Credentials::new(
                field("access_key_id")?,
                field("access_key_secret")?,
            ))
        };
        Ok(match non_empty(profile, "mode").unwrap_or("AK") {
            "AK" => Arc::new(keys()?),
            "StsToken" => Arc::new(Credentials::sts(
                field("access_key_id")?,
                field("access_key_secret")?,
                field("sts_token")?,
            )),
            "RamRoleArn" => Arc::new(assume_role(
                env,
                profile,
                Arc::new(keys()?),
                field("ram_role_arn")?,
            )),
            "ChainableRamRoleArn" => {
                let source_name = field("source_profile")?;
                if depth >= MAX_CHAIN {
                    return Err(self.invalid(format!(
                        "profile {name:?}: source_profile links more than {MAX_CHAIN} profiles (a cycle?)"
                    )));
                }
                let source = self.provider(source_name, depth + 1)?;
                Arc::new(assume_role(env, profile, source, field("ram_role_arn")?))
            }
            "EcsRamRole" => {
                let mut ecs = EcsRamRole::new(env);
                if let Some(role) = non_empty(profile, "ram_role_name") {
                    ecs = ecs.with_role_name(role);
                }
                if let Some(url) = &self.source.metadata_base_url {
                    ecs = ecs.with_base_url(url.as_str());
                }
                Arc::new(ecs)
            }
            "OIDC" => {
                let mut oidc = OidcRole::new(
                    env,
                    field("ram_role_arn")?,
                    field("oidc_provider_arn")?,
                    field("oidc_token_file")?,
                );
                if let Some(name) = non_empty(profile, "ram_session_name") {
                    oidc = oidc.with_session_name(name);
                }
                if let Some(seconds) = duration(profile) {
                    oidc = oidc.with_duration_seconds(seconds);
                }
                if let Some(region) = non_empty(profile, "sts_region") {
                    oidc = oidc.with_sts_region(region);
                }
                Arc::new(oidc)
            }
            other => {
                return Err(self.invalid(format!(
                    "profile {name:?} uses mode {other:?}, which this client does not support \
                     (supported: {})",
                    SUPPORTED_MODES.join(", ")
                )));
            }
        })
    }

    fn find(&self, name: &str) -> Result<&Value, CredentialsError> {
        self.file
            .get("profiles")
            .and_then(Value::as_array)
            .and_then(|profiles| {
                profiles
                    .iter()
                    .find(|p| p.get("name").and_then(Value::as_str) == Some(name))
            })
            .ok_or_else(|| self.invalid(format!("no profile named {name:?}")))
    }

    fn invalid(&self, reason: String) -> CredentialsError {
        CredentialsError::InvalidProfile {
            path: self.path.clone(),
            reason,
        }
    }
}

impl fmt::Debug for Profile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Profile")
            .field("name", &self.name)
            .field("mode", &self.mode())
            .field("region_id", &self.region_id())
            .finish_non_exhaustive()
    }
}

/// The `AssumeRole` provider of a `RamRoleArn` or `ChainableRamRoleArn` profile.
fn assume_role(
    env: &Env,
    profile: &Value,
    source: Arc<dyn ProvideCredentials>,
    role_arn: &str,
) -> AssumeRole {
    let mut role = AssumeRole::new(env, source, role_arn);
    if let Some(name) = non_empty(profile, "ram_session_name") {
        role = role.with_session_name(name);
    }
    if let Some(seconds) = duration(profile) {
        role = role.with_duration_seconds(seconds);
    }
    if let Some(region) = non_empty(profile, "sts_region") {
        role = role.with_sts_region(region);
    }
    if let Some(id) = non_empty(profile, "external_id") {
        role = role.with_external_id(id);
    }
    role
}

/// The profile's `expired_seconds`, when set and positive.
fn duration(profile: &Value) -> Option<u32> {
    profile
        .get("expired_seconds")
        .and_then(Value::as_u64)
        .and_then(|s| u32::try_from(s).ok())
        .filter(|s| *s > 0)
}

fn non_empty<'a>(object: &'a Value, key: &str) -> Option<&'a str> {
    object
        .get(key)
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty())
}
