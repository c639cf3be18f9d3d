//! What drives an explorer: the local terminal.

pub mod terminal;
