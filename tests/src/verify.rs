//! An independent check of signatures V3, V1 and the ROA signature (V1 of REST operations),
//! written from the protocol description and the official SDKs' captured requests alone.
//!
//! Shares no code with `acs_runtime::auth`: its own percent-encoding, form decoding, canonical
//! forms and date parsing, so that a bug in the signer is not mirrored here.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use hmac::{Hmac, Mac};
use sha1::Sha1;
use sha2::{Digest, Sha256};

/// A request as received: method, target split into path and raw query, headers, body.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Request {
    /// The method, e.g. `POST`.
    pub method: String,
    /// The path, e.g. `/`.
    pub path: String,
    /// The query string as sent, without `?`.
    pub raw_query: String,
    /// Headers with lower-case names, in arrival order.
    pub headers: Vec<(String, String)>,
    /// The body bytes.
    pub body: Vec<u8>,
}

impl Request {
    /// The first value of a header (`name` in lower case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Which signature a request carried.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Signature {
    /// ACS3-HMAC-SHA256 in `Authorization`.
    V3,
    /// HMAC-SHA1 in the `Signature` query parameter.
    V1,
    /// HMAC-SHA1 in `Authorization: acs <id>:<signature>` (REST operations).
    Roa,
}

/// What a verified request says, decoded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verified {
    /// The HTTP method it was sent and signed with.
    pub method: String,
    /// The path as sent (percent-encoded), which the signature covers.
    pub path: String,
    /// The body's content type, when it has one.
    pub content_type: Option<String>,
    /// The signature it carried.
    pub signature: Signature,
    /// The AccessKeyId that signed it.
    pub access_key_id: String,
    /// The STS token it carried (`x-acs-security-token` or `SecurityToken`).
    pub security_token: Option<String>,
    /// The action (`x-acs-action` or `Action`).
    pub action: String,
    /// The API version.
    pub version: String,
    /// The signature nonce.
    pub nonce: String,
    /// The signing time, `YYYY-MM-DDThh:mm:ssZ`.
    pub timestamp: String,
    /// Business query parameters, decoded, in order (V1 common parameters removed).
    pub query: Vec<(String, String)>,
    /// Form body parameters, decoded, in order.
    pub form: Vec<(String, String)>,
}

impl Verified {
    /// A business parameter from the query or the form body.
    pub fn param(&self, key: &str) -> Option<&str> {
        self.query
            .iter()
            .chain(&self.form)
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

/// How strict [`verify`] is about time.
#[derive(Clone, Copy, Debug)]
pub enum Clock {
    /// The timestamp must be within 15 minutes of now, as the service requires.
    Now,
    /// Any well-formed timestamp (for captured requests).
    Any,
}

const V1_COMMON: [&str; 10] = [
    "Action",
    "Version",
    "Format",
    "AccessKeyId",
    "SignatureMethod",
    "SignatureVersion",
    "SignatureNonce",
    "Timestamp",
    "SecurityToken",
    "Signature",
];

/// Verifies the request's signature with the secret `secret_of` gives for its AccessKeyId.
pub fn verify(
    request: &Request,
    secret_of: impl Fn(&str) -> Option<String>,
    clock: Clock,
) -> Result<Verified, String> {
    if !request.path.starts_with('/')
        || request.path.split('/').any(|s| s == "." || s == "..")
        || request.path.contains(['?', '#'])
    {
        return Err(format!("not a path to sign: {:?}", request.path));
    }
    if matches!(request.method.as_str(), "GET" | "DELETE") && !request.body.is_empty() {
        return Err(format!("a {} request carries a body", request.method));
    }
    let query = form_decode(&request.raw_query)?;
    let form = match request.header("content-type") {
        Some(ct) if ct.starts_with("application/x-www-form-urlencoded") => {
            let body = std::str::from_utf8(&request.body)
                .map_err(|_| "form body is not UTF-8".to_owned())?;
            form_decode(body)?
        }
        Some("application/json; charset=utf-8" | "application/octet-stream") => Vec::new(),
        Some(other) => return Err(format!("unexpected content-type {other:?}")),
        None if request.body.is_empty() => Vec::new(),
        None => return Err("a body without content-type".to_owned()),
    };
    let verified = if let Some(roa) = request
        .header("authorization")
        .and_then(|a| a.strip_prefix("acs "))
    {
        verify_roa(request, roa, query, form, &secret_of)?
    } else if let Some(authorization) = request.header("authorization") {
        verify_v3(request, authorization, query, form, &secret_of)?
    } else if query.iter().any(|(k, _)| k == "Signature") {
        verify_v1(request, query, form, &secret_of)?
    } else {
        return Err("the request is not signed".to_owned());
    };
    let at = parse_timestamp(&verified.timestamp)?;
    if let Clock::Now = clock {
        let now = SystemTime::now();
        let skew = now.duration_since(at).unwrap_or_else(|e| e.duration());
        if skew > Duration::from_secs(15 * 60) {
            return Err(format!(
                "timestamp {} is too far from now",
                verified.timestamp
            ));
        }
    }
    Ok(verified)
}

fn verify_v3(
    request: &Request,
    authorization: &str,
    query: Vec<(String, String)>,
    form: Vec<(String, String)>,
    secret_of: &impl Fn(&str) -> Option<String>,
) -> Result<Verified, String> {
    let rest = authorization
        .strip_prefix("ACS3-HMAC-SHA256 ")
        .ok_or("Authorization is not ACS3-HMAC-SHA256")?;
    let mut credential = None;
    let mut signed_headers = None;
    let mut signature = None;
    for part in rest.split(',') {
        let (key, value) = part.split_once('=').ok_or("malformed Authorization")?;
        match key.trim() {
            "Credential" => credential = Some(value),
            "SignedHeaders" => signed_headers = Some(value),
            "Signature" => signature = Some(value),
            other => return Err(format!("unknown Authorization part {other:?}")),
        }
    }
    let id = credential.ok_or("no Credential")?;
    let signed_headers = signed_headers.ok_or("no SignedHeaders")?;
    let signature = signature.ok_or("no Signature")?;
    let names: Vec<&str> = signed_headers.split(';').collect();
    let mut sorted = names.clone();
    sorted.sort_unstable();
    sorted.dedup();
    if sorted != names {
        return Err("SignedHeaders are not sorted and unique".to_owned());
    }
    let mut required = vec![
        "host",
        "x-acs-action",
        "x-acs-version",
        "x-acs-date",
        "x-acs-signature-nonce",
        "x-acs-content-sha256",
    ];
    if !request.body.is_empty() {
        required.push("content-type");
    }
    for (name, _) in &request.headers {
        if name.starts_with("x-acs-") {
            required.push(name);
        }
    }
    if let Some(missing) = required.iter().find(|r| !names.contains(r)) {
        return Err(format!("header {missing} is not signed"));
    }
    let body_hash = hex::encode(Sha256::digest(&request.body));
    if request.header("x-acs-content-sha256") != Some(body_hash.as_str()) {
        return Err("x-acs-content-sha256 is not the body's SHA-256".to_owned());
    }
    let mut canonical = format!(
        "{}\n{}\n{}\n",
        request.method,
        request.path,
        canonical_pairs(&query)
    );
    for name in &names {
        let value = request
            .header(name)
            .ok_or_else(|| format!("signed header {name} is absent"))?;
        canonical.push_str(&format!("{name}:{}\n", value.trim()));
    }
    canonical.push_str(&format!("\n{signed_headers}\n{body_hash}"));
    let string_to_sign = format!(
        "ACS3-HMAC-SHA256\n{}",
        hex::encode(Sha256::digest(canonical.as_bytes()))
    );
    let secret = secret_of(id).ok_or_else(|| format!("unknown AccessKeyId {id:?}"))?;
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("any key length");
    mac.update(string_to_sign.as_bytes());
    if hex::encode(mac.finalize().into_bytes()) != signature {
        return Err("V3 signature does not match".to_owned());
    }
    let header = |name: &str| request.header(name).unwrap_or_default().to_owned();
    Ok(Verified {
        method: request.method.clone(),
        path: request.path.clone(),
        content_type: request.header("content-type").map(str::to_owned),
        signature: Signature::V3,
        access_key_id: id.to_owned(),
        security_token: request.header("x-acs-security-token").map(str::to_owned),
        action: header("x-acs-action"),
        version: header("x-acs-version"),
        nonce: header("x-acs-signature-nonce"),
        timestamp: header("x-acs-date"),
        query,
        form,
    })
}

fn verify_v1(
    request: &Request,
    query: Vec<(String, String)>,
    form: Vec<(String, String)>,
    secret_of: &impl Fn(&str) -> Option<String>,
) -> Result<Verified, String> {
    let get = |key: &str| {
        query
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
            .ok_or_else(|| format!("common parameter {key} is missing"))
    };
    if get("SignatureMethod")? != "HMAC-SHA1" || get("SignatureVersion")? != "1.0" {
        return Err("SignatureMethod must be HMAC-SHA1, SignatureVersion 1.0".to_owned());
    }
    if !get("Format")?.eq_ignore_ascii_case("json") {
        return Err("Format must be JSON".to_owned());
    }
    let id = get("AccessKeyId")?;
    let signature = get("Signature")?;
    let signed: Vec<(String, String)> = query
        .iter()
        .filter(|(k, _)| k != "Signature")
        .chain(&form)
        .cloned()
        .collect();
    let string_to_sign = format!(
        "{}&{}&{}",
        request.method,
        rfc3986("/"),
        rfc3986(&canonical_pairs(&signed))
    );
    let secret = secret_of(&id).ok_or_else(|| format!("unknown AccessKeyId {id:?}"))?;
    let mut mac =
        Hmac::<Sha1>::new_from_slice(format!("{secret}&").as_bytes()).expect("any key length");
    mac.update(string_to_sign.as_bytes());
    if STANDARD.encode(mac.finalize().into_bytes()) != signature {
        return Err("V1 signature does not match".to_owned());
    }
    if request.path != "/" {
        return Err(format!(
            "a V1 signed request goes to /, not {:?}",
            request.path
        ));
    }
    Ok(Verified {
        method: request.method.clone(),
        path: request.path.clone(),
        content_type: request.header("content-type").map(str::to_owned),
        signature: Signature::V1,
        access_key_id: id,
        security_token: get("SecurityToken").ok(),
        action: get("Action")?,
        version: get("Version")?,
        nonce: get("SignatureNonce")?,
        timestamp: get("Timestamp")?,
        query: query
            .into_iter()
            .filter(|(k, _)| !V1_COMMON.contains(&k.as_str()))
            .collect(),
        form,
    })
}

/// The ROA signature: `acs <id>:<base64 HMAC-SHA1(secret, string to sign)>`, the string to
/// sign being the method, `accept`, `content-md5`, `content-type` and `date` lines, every
/// `x-acs-*` header as `name:value` sorted, then the path as sent and the query decoded,
/// sorted by key, an empty value written as the bare key.
fn verify_roa(
    request: &Request,
    credential: &str,
    query: Vec<(String, String)>,
    form: Vec<(String, String)>,
    secret_of: &impl Fn(&str) -> Option<String>,
) -> Result<Verified, String> {
    let (id, signature) = credential
        .split_once(':')
        .ok_or("Authorization is not acs <id>:<signature>")?;
    let header = |name: &str| request.header(name).unwrap_or_default();
    if header("x-acs-signature-method") != "HMAC-SHA1" || header("x-acs-signature-version") != "1.0"
    {
        return Err("x-acs-signature-method must be HMAC-SHA1, version 1.0".to_owned());
    }
    let date = request.header("date").ok_or("no date header")?;
    let mut string = format!(
        "{}\n{}\n{}\n{}\n{date}\n",
        request.method,
        header("accept"),
        header("content-md5"),
        header("content-type")
    );
    let mut acs: Vec<(&str, &str)> = request
        .headers
        .iter()
        .filter(|(name, _)| name.starts_with("x-acs-"))
        .map(|(name, value)| (name.as_str(), value.as_str()))
        .collect();
    acs.sort();
    for (name, value) in &acs {
        string.push_str(&format!("{name}:{value}\n"));
    }
    string.push_str(&request.path);
    let mut sorted = query.clone();
    sorted.sort_by(|a, b| a.0.cmp(&b.0));
    if !sorted.is_empty() {
        let pairs: Vec<String> = sorted
            .iter()
            .map(|(k, v)| match v.is_empty() {
                true => k.clone(),
                false => format!("{k}={v}"),
            })
            .collect();
        string.push('?');
        string.push_str(&pairs.join("&"));
    }
    let secret = secret_of(id).ok_or_else(|| format!("unknown AccessKeyId {id:?}"))?;
    let mut mac = Hmac::<Sha1>::new_from_slice(secret.as_bytes()).expect("any key length");
    mac.update(string.as_bytes());
    if STANDARD.encode(mac.finalize().into_bytes()) != signature {
        return Err("ROA signature does not match".to_owned());
    }
    Ok(Verified {
        method: request.method.clone(),
        path: request.path.clone(),
        content_type: request.header("content-type").map(str::to_owned),
        signature: Signature::Roa,
        access_key_id: id.to_owned(),
        security_token: request.header("x-acs-security-token").map(str::to_owned),
        action: header("x-acs-action").to_owned(),
        version: header("x-acs-version").to_owned(),
        nonce: header("x-acs-signature-nonce").to_owned(),
        timestamp: timestamp_of_date(date)?,
        query,
        form,
    })
}

/// `Mon, 07 Dec 2026 21:15:14 GMT` as `2026-12-07T21:15:14Z`.
fn timestamp_of_date(date: &str) -> Result<String, String> {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let bad = || format!("date {date:?} is not RFC 1123 in GMT");
    let rest = date.split_once(", ").ok_or_else(bad)?.1;
    let parts: Vec<&str> = rest.split(' ').collect();
    let [day, month, year, time, "GMT"] = parts[..] else {
        return Err(bad());
    };
    let month = MONTHS.iter().position(|m| *m == month).ok_or_else(bad)? + 1;
    Ok(format!("{year}-{month:02}-{day}T{time}Z"))
}

/// `enc(k)=enc(v)` sorted by encoded key, joined by `&`.
fn canonical_pairs(pairs: &[(String, String)]) -> String {
    let mut encoded: Vec<(String, String)> = pairs
        .iter()
        .map(|(k, v)| (rfc3986(k), rfc3986(v)))
        .collect();
    encoded.sort_by(|a, b| a.0.cmp(&b.0));
    encoded
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join("&")
}

/// RFC 3986: keep `A-Z a-z 0-9 - _ . ~`, `%XY` (upper-case hex) for every other byte.
pub fn rfc3986(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 3);
    for &b in s.as_bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Decodes `k=v&k2=v2` the form way: `+` is a space, `%XY` a byte; values must be UTF-8.
pub fn form_decode(s: &str) -> Result<Vec<(String, String)>, String> {
    s.split('&')
        .filter(|part| !part.is_empty())
        .map(|part| {
            let (k, v) = part.split_once('=').unwrap_or((part, ""));
            Ok((percent_decode(k)?, percent_decode(v)?))
        })
        .collect()
}

fn percent_decode(s: &str) -> Result<String, String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = s
                    .get(i + 1..i + 3)
                    .ok_or_else(|| format!("truncated escape in {s:?}"))?;
                out.push(u8::from_str_radix(hex, 16).map_err(|_| format!("bad escape in {s:?}"))?);
                i += 2;
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8(out).map_err(|_| format!("{s:?} is not UTF-8 once decoded"))
}

/// Parses `YYYY-MM-DDThh:mm:ssZ`.
fn parse_timestamp(ts: &str) -> Result<SystemTime, String> {
    let bad = || format!("timestamp {ts:?} is not YYYY-MM-DDThh:mm:ssZ");
    let b = ts.as_bytes();
    if b.len() != 20
        || b[4] != b'-'
        || b[7] != b'-'
        || b[10] != b'T'
        || b[13] != b':'
        || b[16] != b':'
        || b[19] != b'Z'
    {
        return Err(bad());
    }
    let num = |range: std::ops::Range<usize>| -> Result<i64, String> {
        let part = &ts[range];
        if part.bytes().all(|c| c.is_ascii_digit()) {
            part.parse().map_err(|_| bad())
        } else {
            Err(bad())
        }
    };
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let (hh, mm, ss) = (num(11..13)?, num(14..16)?, num(17..19)?);
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) || hh > 23 || mm > 59 || ss > 60 {
        return Err(bad());
    }
    // Days since 1970-01-01 of a proleptic Gregorian date.
    let (y, m) = if m <= 2 { (y - 1, m + 9) } else { (y, m - 3) };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * m + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    let secs = days * 86_400 + hh * 3600 + mm * 60 + ss;
    let secs = u64::try_from(secs).map_err(|_| bad())?;
    Ok(UNIX_EPOCH + Duration::from_secs(secs))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encoding_vector_of_the_protocol() {
        assert_eq!(rfc3986(" ~/*-+"), "%20~%2F%2A-%2B");
    }

    #[test]
    fn timestamps_parse_to_unix_time() {
        let t = parse_timestamp("2023-10-26T10:22:32Z").unwrap();
        assert_eq!(
            t.duration_since(UNIX_EPOCH).unwrap().as_secs(),
            1_698_315_752
        );
        assert!(parse_timestamp("2023-10-26 10:22:32Z").is_err());
        assert!(parse_timestamp("2023-13-26T10:22:32Z").is_err());
    }

    #[test]
    fn form_decoding_reads_plus_as_space() {
        assert_eq!(
            form_decode("a=b+c%2B&d=&e").unwrap(),
            [
                ("a".into(), "b c+".into()),
                ("d".into(), "".into()),
                ("e".into(), "".into())
            ]
        );
        assert!(form_decode("a=%zz").is_err());
        assert!(form_decode("a=%FF").is_err());
    }
}
