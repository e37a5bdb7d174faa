//! Local files the credential sources read, under the spec loader's rules: regular, bounded.

use std::fs;
use std::io::{self, Read};
use std::path::Path;

/// The largest local file read: a profile file or an OIDC token is a few kilobytes.
pub(crate) const MAX_LOCAL_FILE_BYTES: u64 = 1 << 20;

/// The text of the file at `path` (symlinks followed), refused unless it is a regular file of
/// at most [`MAX_LOCAL_FILE_BYTES`] in UTF-8: a FIFO or a device is never opened (nor read
/// from, should one replace the file before it is opened), and nothing past the limit is read.
pub(crate) fn read_local(path: &Path) -> io::Result<String> {
    check(&fs::metadata(path)?)?;
    let file = fs::File::open(path)?;
    check(&file.metadata()?)?;
    let mut bytes = Vec::new();
    file.take(MAX_LOCAL_FILE_BYTES + 1)
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_LOCAL_FILE_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    String::from_utf8(bytes).map_err(|_| io::Error::new(io::ErrorKind::InvalidData, "not UTF-8"))
}

fn check(meta: &fs::Metadata) -> io::Result<()> {
    if !meta.is_file() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "not a regular file (a folder, FIFO or device?)",
        ));
    }
    if meta.len() > MAX_LOCAL_FILE_BYTES {
        return Err(too_large(meta.len()));
    }
    Ok(())
}

fn too_large(len: u64) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidData,
        format!("the file is {len} bytes or more; at most {MAX_LOCAL_FILE_BYTES} are read"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_regular_files_within_the_limit_are_read() {
        let dir = tempfile::tempdir().unwrap();
        let ok = dir.path().join("token");
        fs::write(&ok, "eyJ.token\n").unwrap();
        assert_eq!(read_local(&ok).unwrap(), "eyJ.token\n");
        let big = dir.path().join("big");
        fs::write(&big, vec![b'x'; MAX_LOCAL_FILE_BYTES as usize + 1]).unwrap();
        assert!(
            read_local(&big)
                .unwrap_err()
                .to_string()
                .contains("at most")
        );
        assert!(
            read_local(dir.path())
                .unwrap_err()
                .to_string()
                .contains("not a regular file")
        );
        let binary = dir.path().join("binary");
        fs::write(&binary, [0xff, 0xfe]).unwrap();
        assert!(read_local(&binary).is_err());
        let missing = read_local(&dir.path().join("missing")).unwrap_err();
        assert_eq!(missing.kind(), io::ErrorKind::NotFound);
    }

    #[cfg(unix)]
    #[test]
    fn devices_and_fifos_are_refused_without_being_read() {
        let error = read_local(Path::new("/dev/zero")).unwrap_err();
        assert!(error.to_string().contains("not a regular file"), "{error}");
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("fifo");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(made.success());
        let error = read_local(&fifo).unwrap_err();
        assert!(error.to_string().contains("not a regular file"), "{error}");
    }
}
