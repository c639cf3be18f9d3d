//! The year prompt (`:`): digits typed, Enter jumps to the year.

use super::{App, Overlay};
use crate::config::action::Action;

impl App {
    pub(super) fn jump(&mut self, action: Action) {
        let Overlay::Jump { input } = &mut self.overlay else {
            return;
        };
        match action {
            Action::Quit => self.quit = true,
            Action::Cancel | Action::Back => self.overlay = Overlay::None,
            Action::Insert(c) => push_digits(input, &c.to_string()),
            Action::Paste(text) => push_digits(input, &text),
            Action::DeleteChar => {
                input.pop();
            }
            Action::DeleteWord | Action::ClearInput => input.clear(),
            Action::Submit => {
                let year = input.parse::<i32>().ok();
                self.overlay = Overlay::None;
                match year {
                    Some(y) => self.jump_to_year(y),
                    None => self.message = Some("type a year, e.g. 2009".into()),
                }
            }
            _ => {}
        }
    }
}

/// Append the digits of `text` to a year being typed (at most four).
fn push_digits(input: &mut String, text: &str) {
    for c in text.chars().filter(char::is_ascii_digit) {
        if input.len() < 4 {
            input.push(c);
        }
    }
}
