//! waltz: a keyboard-driven terminal explorer of a case study in
//! international relations, organised by Kenneth Waltz's three levels of
//! analysis — individual, domestic and systemic.
//!
//! The data layer (`model`, `load`, `index`, `search`) knows nothing of the
//! terminal; the command-line subcommands (`commands`, `export`) use it
//! directly. The explorer follows one loop: a terminal event becomes an
//! `action` (`input`, `keymap`), `app::App::update` changes the state, and
//! `ui` draws it; `terminal` owns the screen.

#![warn(missing_docs)]

pub mod action;
pub mod app;
pub mod balance;
pub mod cli;
pub mod commands;
pub mod detail;
pub mod diagnostic;
pub mod export;
pub mod help;
pub mod index;
pub mod input;
pub mod keymap;
pub mod layout;
pub mod line_edit;
pub mod load;
pub mod model;
pub mod quiz;
pub mod rng;
pub mod sanitize;
pub mod search;
pub mod settings;
pub mod terminal;
pub mod text;
pub mod theme;
pub mod ui;
