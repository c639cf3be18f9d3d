//! What a user can set: the actions keys are bound to, the key map, the
//! colour themes and the settings file that changes them.

pub mod action;
pub mod keymap;
pub mod settings;
pub mod theme;
