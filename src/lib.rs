//! waltz: a keyboard-driven terminal explorer of a case study in
//! international relations, organised by Kenneth Waltz's three levels of
//! analysis — individual, domestic and systemic.
//!
//! The tree follows the program's layers, each knowing only those above it
//! in this list:
//!
//! - [`case`]: the domain — the schema, loading and checking a file, the
//!   index of relations, search, the balance and the quiz. No terminal.
//! - [`config`]: what a user sets — actions, key bindings, themes, the
//!   settings file.
//! - [`explorer`]: one explorer, any front — the state and its one update
//!   ([`explorer::app`]) and drawing as a pure function of it
//!   ([`explorer::view`]).
//! - [`front`]: what drives an explorer — the local terminal.
//! - [`cli`]: the command line and the subcommands that need no terminal.
//!
//! [`fs`] writes files atomically for any of them.

#![warn(missing_docs)]

pub mod case;
pub mod cli;
pub mod config;
pub mod explorer;
pub mod front;
pub mod fs;
