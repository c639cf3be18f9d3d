//! What drives an explorer: the local terminal, and the SSH server; and
//! what feeds them: the byte decoder both use, the watch on a case file.

pub mod bytes;
pub mod serve;
pub mod terminal;
pub mod watch;
