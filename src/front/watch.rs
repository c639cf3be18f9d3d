//! Watching a case file while it is written: the folder it is in is
//! watched (editors save by writing a new file and renaming it over the
//! old one, or by truncating and writing; both show as changes to a name
//! in the folder), changes are debounced so a save is one reload, and each
//! settled change is read and checked again.
//!
//! A file that is deleted, renamed away or replaced by a directory is
//! reported like any other load error, and the watch goes on: when the file
//! comes back, so does the case.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::Duration;

use notify::RecursiveMode;
use notify_debouncer_mini::{DebounceEventResult, Debouncer, new_debouncer};

use crate::case::load::{self, LoadError, Loaded};

/// How long the file must be still before it is read again: long enough to
/// make one reload of an editor's several writes, short enough to feel
/// instant.
pub const SETTLE: Duration = Duration::from_millis(80);

/// A watched case file.
pub struct Watch {
    path: PathBuf,
    name: std::ffi::OsString,
    changes: Receiver<DebounceEventResult>,
    _debouncer: Debouncer<notify::RecommendedWatcher>,
}

impl Watch {
    /// Watch `path` (its folder, for the saves that replace the file).
    pub fn new(path: &Path) -> Result<Watch, String> {
        let shown = path.display();
        let name = path
            .file_name()
            .ok_or_else(|| format!("{shown}: cannot watch a path without a file name"))?
            .to_owned();
        let dir = match path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let (tx, changes) = channel();
        let mut debouncer =
            new_debouncer(SETTLE, tx).map_err(|e| format!("{shown}: cannot watch: {e}"))?;
        debouncer
            .watcher()
            .watch(&dir, RecursiveMode::NonRecursive)
            .map_err(|e| format!("{}: cannot watch the folder: {e}", dir.display()))?;
        Ok(Watch {
            path: path.to_path_buf(),
            name,
            changes,
            _debouncer: debouncer,
        })
    }

    /// Wait up to `wait` for the file to change and settle; true if it did.
    pub fn changed(&self, wait: Duration) -> bool {
        let mut changed = false;
        let mut wait = wait;
        loop {
            match self.changes.recv_timeout(wait) {
                Ok(Ok(events)) => {
                    changed |= events
                        .iter()
                        .any(|e| e.path.file_name() == Some(self.name.as_os_str()));
                }
                // A watch error (the folder went away) is worth a look.
                Ok(Err(_)) => changed = true,
                Err(RecvTimeoutError::Timeout) => return changed,
                Err(RecvTimeoutError::Disconnected) => return changed,
            }
            // Take what else is queued, without waiting again.
            wait = Duration::ZERO;
        }
    }

    /// Read and check the file as it is now.
    pub fn load(&self) -> Result<Loaded, LoadError> {
        load::from_path(&self.path)
    }
}
