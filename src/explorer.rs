//! One explorer, whatever drives it: [`app`] holds the state and changes it
//! in one place, [`view`] draws it without changing it, [`input`] turns a
//! terminal event into an action.

pub mod app;
pub mod input;
pub mod view;
