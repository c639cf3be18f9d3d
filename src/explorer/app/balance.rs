//! The balance view (`b`): an era row and a level column selected; Enter
//! shows that era on the timeline through that level's lens; PgUp/PgDn
//! scroll the factors behind the bar when they run past their box.

use super::{App, Overlay, Region, stepped};
use crate::case::index::Item;
use crate::case::model::Level;
use crate::config::action::Action;
use crate::explorer::view::Hit;

impl App {
    pub(super) fn open_balance(&mut self) {
        if self.case.data.eras.is_empty() {
            self.message = Some("this dataset has no eras to balance".into());
            return;
        }
        // Start on the era of the selected event, at the lens's level.
        let era = match self.shown() {
            Some(Item::Event(e)) => self
                .case
                .index
                .event_era(e)
                .and_then(|x| self.case.index.eras_by_start.iter().position(|&y| y == x)),
            _ => None,
        };
        self.overlay = Overlay::Balance {
            era: era.unwrap_or(0),
            level: self.lens().unwrap_or(Level::Individual),
        };
        self.list_offset = 0;
    }

    pub(super) fn balance(&mut self, action: Action) {
        let Overlay::Balance { era, level } = self.overlay else {
            return;
        };
        let last = self.case.data.eras.len().saturating_sub(1);
        let side = |d: isize| Level::ALL[(level.index() as isize + d).clamp(0, 2) as usize];
        let (era, level) = match action {
            Action::Quit => {
                self.quit = true;
                return;
            }
            Action::Cancel | Action::Back => {
                self.overlay = Overlay::None;
                return;
            }
            Action::Help => {
                self.help = Some(
                    self.help_document()
                        .section(crate::config::keymap::Mode::Balance),
                );
                return;
            }
            // Enter: the era on the timeline, through this level's lens.
            Action::Submit => {
                self.overlay = Overlay::None;
                let x = self.case.index.eras_by_start[era];
                self.set_lens(Some(level));
                let first = self.case.index.era_events[x]
                    .iter()
                    .copied()
                    .find(|&e| self.case.levels(e).contains(level));
                let era_name = &self.case.data.eras[x].name;
                let lens = level.name().to_lowercase();
                self.message = Some(match first {
                    Some(_) => format!("{era_name} through the {lens} lens; 0 shows every level"),
                    None => format!("no {lens} events in {era_name}; 0 shows every level"),
                });
                if let Some(e) = first {
                    self.reveal_event(e);
                    self.focus_on(Region::Timeline);
                }
                return;
            }
            // The factors behind the bar, when they run past their box.
            Action::PageUp | Action::PageDown => {
                let page = self.list_page();
                self.scroll_list(if action == Action::PageUp {
                    -page
                } else {
                    page
                });
                return;
            }
            Action::Up => (era.saturating_sub(1), level),
            Action::Down => ((era + 1).min(last), level),
            Action::Left => (era, side(-1)),
            Action::Right => (era, side(1)),
            Action::Wheel(_, _, delta) => (stepped(era, delta, last), level),
            // A click picks a bar; a second click on it goes, as Enter does.
            Action::Click(x, y) => match self.hit_at(x, y) {
                Some(Hit::Bar(e, l)) if (e, l) == (era, level) => {
                    return self.balance(Action::Submit);
                }
                Some(Hit::Bar(e, l)) => (e, l),
                _ => return,
            },
            _ => return,
        };
        if self.overlay != (Overlay::Balance { era, level }) {
            self.list_offset = 0;
        }
        self.overlay = Overlay::Balance { era, level };
    }
}
