//! What drives an explorer: the local terminal.

pub mod bytes;
pub mod terminal;
