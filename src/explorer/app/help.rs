//! The help (`?`): scrolling the key bindings, over whatever is open.

use super::App;
use crate::config::action::Action;
use crate::explorer::view::layout;

impl App {
    pub(super) fn help(&mut self, action: Action) {
        let Some(scroll) = self.help else {
            return;
        };
        let rows = self.help_document().lines.len();
        let page = usize::from(layout::help(self.screen).height)
            .saturating_sub(2)
            .max(1);
        let last = rows.saturating_sub(page);
        let scroll = match action {
            Action::Quit => {
                self.quit = true;
                scroll
            }
            Action::Cancel | Action::Help | Action::Back => {
                self.help = None;
                return;
            }
            Action::Up => scroll.saturating_sub(1),
            Action::Down => scroll + 1,
            Action::PageUp => scroll.saturating_sub(page),
            Action::PageDown => scroll + page,
            Action::Top => 0,
            Action::Bottom => last,
            Action::Wheel(_, _, delta) => scroll.saturating_add_signed(3 * isize::from(delta)),
            _ => scroll,
        };
        self.help = Some(scroll.min(last));
    }
}
