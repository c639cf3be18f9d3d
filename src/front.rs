//! What drives an explorer: the local terminal, and the SSH server.

pub mod bytes;
pub mod serve;
pub mod terminal;
