//! Terminal events to actions: keys through the key map, mouse events (when
//! enabled) to clicks and wheel turns, pastes to the prompt.

use crossterm::event::{Event, MouseButton, MouseEventKind};

use crate::config::action::Action;
use crate::explorer::app::App;

/// The action a terminal event asks for, if any. Resizes are not actions:
/// the event loop passes them to [`App::resize`].
pub fn action(app: &App, event: Event) -> Option<Action> {
    match event {
        Event::Key(key) => app.keymap.action(app.mode(), key),
        Event::Mouse(m) if app.mouse => match m.kind {
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click(m.column, m.row)),
            MouseEventKind::ScrollUp => Some(Action::Wheel(m.column, m.row, -1)),
            MouseEventKind::ScrollDown => Some(Action::Wheel(m.column, m.row, 1)),
            _ => None,
        },
        Event::Paste(text) => Some(Action::Paste(text)),
        _ => None,
    }
}
