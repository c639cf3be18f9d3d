//! The server's host key: made once (Ed25519), kept with mode 0600, and read
//! again at every start so that students' `ssh` never warns of a changed
//! key. A key file that is unreadable, corrupt or readable by others is an
//! error to fix, never silently replaced.

use std::fs;
use std::io;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use russh::keys::ssh_key::LineEnding;
use russh::keys::ssh_key::private::Ed25519Keypair;
use russh::keys::{HashAlg, PrivateKey};

/// Where the key lives when `--host-key` is not given:
/// `$XDG_DATA_HOME/waltz/host_key`, else `~/.local/share/waltz/host_key`.
pub fn default_path() -> Option<PathBuf> {
    let data = std::env::var_os("XDG_DATA_HOME")
        .filter(|d| !d.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/share")))?;
    Some(data.join("waltz").join("host_key"))
}

/// A host key and whether it was just made.
pub struct HostKey {
    /// The key.
    pub key: PrivateKey,
    /// True when this start made it.
    pub created: bool,
}

impl HostKey {
    /// The key's fingerprint as `ssh` shows it: `SHA256:…`.
    pub fn fingerprint(&self) -> String {
        self.key.fingerprint(HashAlg::Sha256).to_string()
    }
}

/// Read the key at `path`, or make one there if no file exists.
pub fn load_or_create(path: &Path) -> Result<HostKey, String> {
    let shown = path.display();
    match fs::metadata(path) {
        Ok(meta) => {
            if !meta.is_file() {
                return Err(format!("{shown}: the host key is not a file"));
            }
            let mode = meta.permissions().mode() & 0o777;
            if mode & 0o077 != 0 {
                return Err(format!(
                    "{shown}: the host key is readable by others (mode {mode:03o}); \
                     `chmod 600 {shown}` and start again"
                ));
            }
            let text = fs::read_to_string(path)
                .map_err(|e| format!("{shown}: cannot read the host key: {e}"))?;
            let key = PrivateKey::from_openssh(text.as_bytes()).map_err(|e| {
                format!("{shown}: not an OpenSSH private key ({e}); move it away to make a new one")
            })?;
            if key.is_encrypted() {
                return Err(format!(
                    "{shown}: the host key has a passphrase; a server key must not"
                ));
            }
            Ok(HostKey {
                key,
                created: false,
            })
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            let key = generate().map_err(|e| format!("cannot make a host key: {e}"))?;
            write_new(path, &key)
                .map_err(|e| format!("{shown}: cannot write the host key: {e}"))?;
            Ok(HostKey { key, created: true })
        }
        Err(e) => Err(format!("{shown}: cannot read the host key: {e}")),
    }
}

/// A fresh Ed25519 key from the system's random source.
fn generate() -> Result<PrivateKey, getrandom::Error> {
    let mut seed = [0u8; 32];
    getrandom::fill(&mut seed)?;
    Ok(PrivateKey::from(Ed25519Keypair::from_seed(&seed)))
}

/// Write `key` to `path` atomically with mode 0600, making the folder if
/// need be, and never over a file another start made meanwhile.
fn write_new(path: &Path, key: &PrivateKey) -> io::Result<()> {
    let text = key
        .to_openssh(LineEnding::LF)
        .map_err(|e| io::Error::other(e.to_string()))?;
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        fs::create_dir_all(dir)?;
    }
    crate::fs::create_atomic(path, text.as_bytes(), 0o600)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("waltz-hostkey-{}-{name}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        dir.join("sub").join("host_key")
    }

    #[test]
    fn a_key_is_made_once_with_mode_600_and_read_back_the_same() {
        let path = temp("made");
        let first = load_or_create(&path).unwrap();
        assert!(first.created);
        assert_eq!(
            fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o600
        );
        let again = load_or_create(&path).unwrap();
        assert!(!again.created);
        assert_eq!(first.fingerprint(), again.fingerprint());
        assert!(first.fingerprint().starts_with("SHA256:"));
        fs::remove_dir_all(path.parent().unwrap().parent().unwrap()).unwrap();
    }

    #[test]
    fn an_open_or_corrupt_key_is_an_error_and_left_alone() {
        let path = temp("bad");
        load_or_create(&path).unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
        let e = load_or_create(&path).err().unwrap();
        assert!(e.contains("readable by others (mode 644)"), "{e}");
        fs::write(&path, "not a key").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).unwrap();
        let e = load_or_create(&path).err().unwrap();
        assert!(e.contains("not an OpenSSH private key"), "{e}");
        assert_eq!(fs::read_to_string(&path).unwrap(), "not a key");
        fs::remove_dir_all(path.parent().unwrap().parent().unwrap()).unwrap();
    }
}
