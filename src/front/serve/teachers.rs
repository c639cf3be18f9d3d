//! The teacher's keys: an OpenSSH `authorized_keys` file. A connection that
//! proves it holds one of them is the teacher; any other key, or none, is a
//! student — a name never makes anyone teacher.

use std::path::Path;
use std::str::FromStr;

use russh::keys::PublicKey;
use russh::keys::ssh_key::authorized_keys::Entry;

/// The keys that make a connection the teacher's.
#[derive(Debug, Default, Clone)]
pub struct Teachers {
    keys: Vec<PublicKey>,
}

impl Teachers {
    /// Read an `authorized_keys` file: one key per line, `#` comments and
    /// blank lines allowed. A line that is not a key is a positioned error.
    pub fn read(path: &Path) -> Result<Teachers, String> {
        let shown = path.display();
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("{shown}: cannot read the teacher keys: {e}"))?;
        let mut keys = Vec::new();
        for (n, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let entry = Entry::from_str(line)
                .map_err(|e| format!("{shown}:{}:1: not a public key ({e})", n + 1))?;
            keys.push(entry.public_key().clone());
        }
        if keys.is_empty() {
            return Err(format!("{shown}: no teacher key in the file"));
        }
        Ok(Teachers { keys })
    }

    /// Whether there is a teacher role at all.
    pub fn any(&self) -> bool {
        !self.keys.is_empty()
    }

    /// Whether `key` is one of the teacher's.
    pub fn holds(&self, key: &PublicKey) -> bool {
        self.keys.iter().any(|k| k.key_data() == key.key_data())
    }

    /// How many keys there are.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }
}
