//! The official CLI's profile file, `~/.aliyun/config.json` (modes `AK` and `StsToken`).

use std::path::{Path, PathBuf};

use serde_json::Value;

use super::{Credentials, CredentialsError, Env};

/// The variable naming the profile to use instead of the file's `current` one.
pub const PROFILE_VAR: &str = "ALIBABA_CLOUD_PROFILE";

/// One profile of the file: its credentials and its default region.
#[derive(Clone, Debug)]
pub struct Profile {
    /// The profile's credentials.
    pub credentials: Credentials,
    /// The profile's `region_id`, when set.
    pub region_id: Option<String>,
}

/// Reads a profile from the CLI's profile file.
///
/// The profile is the one named explicitly, else `ALIBABA_CLOUD_PROFILE`, else the file's
/// `current` profile, else `default`. Error messages never quote values from the file.
#[derive(Clone, Debug)]
pub struct ProfileFile {
    path: Option<PathBuf>,
    profile: Option<String>,
}

impl ProfileFile {
    /// The file `$HOME/.aliyun/config.json` of `env`, and the profile `ALIBABA_CLOUD_PROFILE` names.
    pub fn from_env(env: &Env) -> Self {
        Self {
            path: env
                .home_dir()
                .map(|home| home.join(".aliyun").join("config.json")),
            profile: env.var(PROFILE_VAR),
        }
    }

    /// A profile file at an explicit path, using its `current` profile.
    pub fn new(path: impl Into<PathBuf>) -> Self {
        Self {
            path: Some(path.into()),
            profile: None,
        }
    }

    /// Uses the profile with this name.
    pub fn with_profile(mut self, name: impl Into<String>) -> Self {
        self.profile = Some(name.into());
        self
    }

    /// The file's path; `None` when there is no home directory to find it in.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Loads the chosen profile; `Ok(None)` when the file does not exist.
    pub fn load(&self) -> Result<Option<Profile>, CredentialsError> {
        let Some(path) = &self.path else {
            return Ok(None);
        };
        let text = match std::fs::read_to_string(path) {
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
            .unwrap_or("default");
        let profile = file
            .get("profiles")
            .and_then(Value::as_array)
            .and_then(|profiles| {
                profiles
                    .iter()
                    .find(|p| p.get("name").and_then(Value::as_str) == Some(name))
            })
            .ok_or_else(|| invalid(format!("no profile named {name:?}")))?;
        let field = |key: &str| {
            non_empty(profile, key).ok_or_else(|| invalid(format!("profile {name:?} has no {key}")))
        };
        let mode = non_empty(profile, "mode").unwrap_or("AK");
        let credentials = match mode {
            "AK" => Credentials::new(field("access_key_id")?, field("access_key_secret")?),
            "StsToken" => Credentials::sts(
                field("access_key_id")?,
                field("access_key_secret")?,
                field("sts_token")?,
            ),
            other => {
                return Err(invalid(format!(
                    "profile {name:?} uses mode {other:?}; supported modes are AK and StsToken"
                )));
            }
        };
        Ok(Some(Profile {
            credentials,
            region_id: non_empty(profile, "region_id").map(str::to_owned),
        }))
    }
}

fn non_empty<'a>(object: &'a Value, key: &str) -> Option<&'a str> {
    object
        .get(key)
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty())
}
