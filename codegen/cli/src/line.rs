//! The command line split into words, global options and `--Parameter value` pairs.

use crate::options::{OPTIONAL_VALUE, Options, global_option};

/// One `--Name value` (or `--Name=value`) that is not a global option.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Param {
    /// The name without `--`, e.g. `Tag.1.Key`.
    pub name: String,
    /// The value; `None` only when the command line ends.
    pub value: Option<String>,
}

/// The prefix of an operation parameter whose name is also a global option's:
/// `--param:region cn-hangzhou`, `--param:body text`.
pub(crate) const OWN_PARAMETER: &str = "param:";

/// A command line: `acs <words>... [--Parameter value]... [global options]...` in any order.
#[derive(Debug, Default)]
pub(crate) struct CommandLine {
    /// The arguments that are not options: product, action (anything more is an error later).
    pub words: Vec<String>,
    /// The global options.
    pub options: Options,
    /// The other options, in order.
    pub params: Vec<Param>,
    /// Whether `-h` or `--help` was given.
    pub help: bool,
}

impl CommandLine {
    /// Splits the arguments after the program name.
    ///
    /// The value of a parameter is the next argument, whatever it starts with (a PEM
    /// certificate, a negative number); the value of a global option is the next argument
    /// unless that starts with `--` (then the value is missing). `--Name=value` carries its
    /// own. `-p` is `--profile`.
    pub fn parse(args: Vec<String>) -> Result<Self, String> {
        let mut line = Self::default();
        let mut args = args.into_iter().peekable();
        while let Some(arg) = args.next() {
            if arg == "-h" || arg == "--help" {
                line.help = true;
                continue;
            }
            let arg = match arg.as_str() {
                "-p" => "--profile".to_owned(),
                _ => arg,
            };
            let Some(option) = arg.strip_prefix("--") else {
                if arg.len() > 1 && arg.starts_with('-') && arg.parse::<f64>().is_err() {
                    return Err(format!(
                        "unknown option {arg}: options are written --Name value"
                    ));
                }
                line.words.push(arg);
                continue;
            };
            let (name, inline) = match option.split_once('=') {
                Some((name, value)) => (name.to_owned(), Some(value.to_owned())),
                None => (option.to_owned(), None),
            };
            if name.is_empty() {
                return Err(format!(
                    "{arg}: an option needs a name, e.g. --VpcId vpc-123"
                ));
            }
            // `--param:region x`: the operation's own `region`, not the global option.
            if let Some(own) = name.strip_prefix(OWN_PARAMETER) {
                let value = match inline {
                    Some(value) => Some(value),
                    None => args.next(),
                };
                line.params.push(Param {
                    name: own.to_owned(),
                    value,
                });
                continue;
            }
            if let Some(global) = global_option(&name).filter(|g| g.fields) {
                let mut fields: Vec<String> = inline.into_iter().collect();
                while let Some(field) = args.next_if(|a| !a.starts_with("--") && a.contains('=')) {
                    fields.push(field);
                }
                line.options.set_fields(global, &fields)?;
                continue;
            }
            let value = match (inline, global_option(&name)) {
                (Some(value), _) => Some(value),
                (None, None) => args.next(),
                (None, Some(global)) if global.value.is_some() => {
                    args.next_if(|next| !next.starts_with("--"))
                }
                (None, Some(_)) => None,
            };
            match global_option(&name) {
                Some(global) => {
                    match (global.value, &value) {
                        (Some(_), None) if OPTIONAL_VALUE.contains(&name.as_str()) => {}
                        (Some(placeholder), None) => {
                            return Err(format!("--{name} needs a value: --{name} {placeholder}"));
                        }
                        (None, Some(_)) => return Err(format!("--{name} takes no value")),
                        _ => {}
                    }
                    line.options.set(global, value)?;
                }
                None => line.params.push(Param { name, value }),
            }
        }
        Ok(line)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<CommandLine, String> {
        CommandLine::parse(args.iter().map(|a| a.to_string()).collect())
    }

    #[test]
    fn options_anywhere_values_in_both_forms() {
        let line = parse(&[
            "--region",
            "cn-hangzhou",
            "vpc",
            "--VpcId=vpc-1",
            "CreateVpnGateway",
            "--Name",
            "-x",
            "--validate-only",
            "--Description=--odd",
            "--RemoteCaCertificate",
            "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----",
            "--Bandwidth",
            "--5",
            "-p",
            "prod",
        ])
        .unwrap();
        assert_eq!(line.words, ["vpc", "CreateVpnGateway"]);
        assert_eq!(line.options.region.as_deref(), Some("cn-hangzhou"));
        assert_eq!(line.options.profile.as_deref(), Some("prod"));
        assert!(line.options.validate_only);
        let params: Vec<(&str, Option<&str>)> = line
            .params
            .iter()
            .map(|p| (p.name.as_str(), p.value.as_deref()))
            .collect();
        assert_eq!(
            params,
            [
                ("VpcId", Some("vpc-1")),
                ("Name", Some("-x")),
                ("Description", Some("--odd")),
                (
                    "RemoteCaCertificate",
                    Some("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----")
                ),
                ("Bandwidth", Some("--5")),
            ]
        );
    }

    #[test]
    fn an_own_parameter_named_like_a_global_option() {
        let line = parse(&[
            "cs",
            "X",
            "--param:region",
            "r1",
            "--region",
            "r2",
            "--param:body=b",
        ])
        .unwrap();
        assert_eq!(line.options.region.as_deref(), Some("r2"));
        let params: Vec<(&str, Option<&str>)> = line
            .params
            .iter()
            .map(|p| (p.name.as_str(), p.value.as_deref()))
            .collect();
        assert_eq!(params, [("region", Some("r1")), ("body", Some("b"))]);
        assert!(line.options.body.is_none());
    }

    #[test]
    fn missing_values() {
        let line = parse(&["vpc", "X", "--VpcId", "--Name", "n", "--Bandwidth"]).unwrap();
        assert_eq!(line.params[0].value.as_deref(), Some("--Name"));
        assert_eq!(line.words, ["vpc", "X", "n"]);
        assert_eq!(line.params[1].value, None);
        let error = parse(&["vpc", "--region", "--VpcId", "v"]).unwrap_err();
        assert_eq!(error, "--region needs a value: --region <RegionId>");
        assert!(
            parse(&["--no-validate=yes"])
                .unwrap_err()
                .contains("no value")
        );
        assert!(
            parse(&["-r", "x"])
                .unwrap_err()
                .contains("unknown option -r")
        );
        assert!(parse(&["--", "x"]).unwrap_err().contains("needs a name"));
        assert_eq!(parse(&["-5"]).unwrap().words, ["-5"]);
    }
}
