//! The official credentials libraries' INI file, `~/.alibabacloud/credentials`: one section
//! per client, of type `access_key`, `sts`, `ram_role_arn`, `ecs_ram_role` or `oidc_role_arn`.

mod ini;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::{
    AssumeRole, Credentials, CredentialsError, EcsRamRole, Env, OidcRole, PROFILE_VAR,
    ProvideCredentials,
};

/// The variable holding the credentials file's path instead of `~/.alibabacloud/credentials`.
pub const CREDENTIALS_FILE_VAR: &str = "ALIBABA_CLOUD_CREDENTIALS_FILE";

/// The section used unless `ALIBABA_CLOUD_PROFILE` or [`CredentialsFile::with_section`]
/// names another.
pub const DEFAULT_SECTION: &str = "default";

/// The section types [`CredentialsFile::provider`] serves.
pub const SUPPORTED_TYPES: &[&str] = &[
    "access_key",
    "sts",
    "ram_role_arn",
    "ecs_ram_role",
    "oidc_role_arn",
];

/// Reads one section of the credentials file of the official credentials libraries:
///
/// ```text
/// [default]
/// enable = true                      # optional; false skips the section
/// type = access_key                  # access_key_id, access_key_secret
///
/// [sts]
/// type = sts                         # access_key_id, access_key_secret, security_token
///
/// [role]
/// type = ram_role_arn                # access_key_id, access_key_secret, role_arn,
/// role_session_name = deploy         #   optional role_session_name, policy
///
/// [instance]
/// type = ecs_ram_role                # optional role_name
///
/// [pod]
/// type = oidc_role_arn               # role_arn, oidc_provider_arn, oidc_token_file_path,
///                                    #   optional role_session_name, policy
/// ```
///
/// The file is `ALIBABA_CLOUD_CREDENTIALS_FILE`, else `~/.alibabacloud/credentials`; it is
/// read as the other local files are (a regular UTF-8 file of at most 1 MiB) and parsed
/// strictly: a malformed line is an error naming the file and the line. Error messages
/// never quote a key, a token or a line of the file.
#[derive(Clone, Debug)]
pub struct CredentialsFile {
    path: Option<PathBuf>,
    section: String,
    env: Env,
    metadata_base_url: Option<String>,
}

impl CredentialsFile {
    /// The file `env` names (`ALIBABA_CLOUD_CREDENTIALS_FILE`, else the home directory's
    /// `.alibabacloud/credentials`) and the section `ALIBABA_CLOUD_PROFILE` names, else
    /// [`DEFAULT_SECTION`].
    pub fn from_env(env: &Env) -> Self {
        let path = match env.var(CREDENTIALS_FILE_VAR) {
            Some(path) => Some(PathBuf::from(path)),
            None => env
                .home_dir()
                .map(|home| home.join(".alibabacloud").join("credentials")),
        };
        Self {
            path,
            section: env
                .var(PROFILE_VAR)
                .unwrap_or_else(|| DEFAULT_SECTION.to_owned()),
            env: env.clone(),
            metadata_base_url: None,
        }
    }

    /// Uses the section with this name.
    pub fn with_section(mut self, name: impl Into<String>) -> Self {
        self.section = name.into();
        self
    }

    /// Sends the metadata requests of an `ecs_ram_role` section to this URL instead.
    pub fn with_metadata_base_url(mut self, url: impl Into<String>) -> Self {
        self.metadata_base_url = Some(url.into());
        self
    }

    /// The file's path; `None` without the variable and a home directory.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The provider of the chosen section's credentials: [`CredentialsError::NotFound`] when
    /// there is no file, no such section or the section has `enable = false`; another error
    /// when the file cannot be read, is malformed, or the section is unusable (a missing key,
    /// an unsupported type such as `rsa_key_pair`).
    pub fn provider(&self) -> Result<Arc<dyn ProvideCredentials>, CredentialsError> {
        let Some(path) = &self.path else {
            return Err(CredentialsError::NotFound(
                "credentials file: no home directory".to_owned(),
            ));
        };
        let text = match super::env::read_local(path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(CredentialsError::NotFound(format!(
                    "credentials file {}: none",
                    path.display()
                )));
            }
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
        let sections = ini::parse(&text).map_err(invalid)?;
        let name = &self.section;
        let absent = |why: &str| {
            CredentialsError::NotFound(format!("credentials file {}: {why}", path.display()))
        };
        let Some(section) = sections.iter().find(|s| s.name == *name) else {
            return Err(absent(&format!("no section [{name}]")));
        };
        match section.get("enable") {
            None => {}
            Some(v) if v.eq_ignore_ascii_case("true") => {}
            Some(v) if v.eq_ignore_ascii_case("false") => {
                return Err(absent(&format!("section [{name}] has enable = false")));
            }
            Some(_) => {
                return Err(invalid(format!(
                    "line {}: section [{name}]: enable is true or false",
                    section.line
                )));
            }
        }
        let field = |key: &str| {
            section.get(key).ok_or_else(|| {
                invalid(format!(
                    "line {}: section [{name}] has no {key}",
                    section.line
                ))
            })
        };
        let env = &self.env;
        let kind = field("type")?;
        Ok(match kind {
            "access_key" => Arc::new(Credentials::new(
                field("access_key_id")?,
                field("access_key_secret")?,
            )),
            "sts" => Arc::new(Credentials::sts(
                field("access_key_id")?,
                field("access_key_secret")?,
                field("security_token")?,
            )),
            "ram_role_arn" => {
                let keys = Credentials::new(field("access_key_id")?, field("access_key_secret")?);
                let mut role = AssumeRole::new(env, Arc::new(keys), field("role_arn")?);
                if let Some(name) = section.get("role_session_name") {
                    role = role.with_session_name(name);
                }
                if let Some(policy) = section.get("policy") {
                    role = role.with_policy(policy);
                }
                Arc::new(role)
            }
            "ecs_ram_role" => {
                let mut ecs = EcsRamRole::new(env);
                if let Some(role) = section.get("role_name") {
                    ecs = ecs.with_role_name(role);
                }
                if let Some(url) = &self.metadata_base_url {
                    ecs = ecs.with_base_url(url.as_str());
                }
                Arc::new(ecs)
            }
            "oidc_role_arn" => {
                let mut oidc = OidcRole::new(
                    env,
                    field("role_arn")?,
                    field("oidc_provider_arn")?,
                    field("oidc_token_file_path")?,
                );
                if let Some(name) = section.get("role_session_name") {
                    oidc = oidc.with_session_name(name);
                }
                if let Some(policy) = section.get("policy") {
                    oidc = oidc.with_policy(policy);
                }
                Arc::new(oidc)
            }
            other => {
                return Err(invalid(format!(
                    "line {}: section [{name}] has type {other:?}, which this client does not \
                     support (supported: {})",
                    section.line,
                    SUPPORTED_TYPES.join(", ")
                )));
            }
        })
    }
}
