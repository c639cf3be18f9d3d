//! One explorer, whatever drives it: [`app`] holds the state and changes it
//! in one place, [`view`] draws it without changing it, [`input`] turns a
//! terminal event into an action. [`Explorer`] puts the three together for a
//! front: the local terminal, the test harness, a network session.

pub mod app;
pub mod input;
pub mod view;

use crossterm::event::Event;
use ratatui::Terminal;
use ratatui::backend::Backend;

use app::App;

/// An explorer as a front drives it: terminal events in, frames out, on a
/// ratatui backend of the front's choice.
#[derive(Debug)]
pub struct Explorer {
    app: App,
}

impl Explorer {
    /// An explorer showing `app`.
    pub fn new(app: App) -> Explorer {
        Explorer { app }
    }

    /// The state, to read.
    pub fn app(&self) -> &App {
        &self.app
    }

    /// The state, for a front that acts on it directly (a tour to start, a
    /// suspension to take).
    pub fn app_mut(&mut self) -> &mut App {
        &mut self.app
    }

    /// Take a terminal event: a resize lays the explorer out again, a key,
    /// a mouse event or a paste becomes an action (or nothing).
    pub fn handle(&mut self, event: Event) {
        if let Event::Resize(width, height) = event {
            self.app.resize(width, height);
        } else if let Some(action) = input::action(&self.app, event) {
            self.app.update(action);
        }
    }

    /// Draw a frame on `terminal` at the size of its viewport (the whole
    /// terminal, or the area a network front fixed), and hand what the
    /// frame reports back to the app.
    pub fn draw<B: Backend>(&mut self, terminal: &mut Terminal<B>) -> Result<(), B::Error> {
        let app = &mut self.app;
        let mut report = None;
        terminal.draw(|frame| {
            let area = frame.area();
            let screen = app.screen();
            if (area.width, area.height) != (screen.width, screen.height) {
                app.resize(area.width, area.height);
            }
            report = Some(view::draw(app, frame));
        })?;
        self.app.drawn(report.unwrap_or_default());
        Ok(())
    }

    /// Take finished background searches; true when the screen needs
    /// drawing again.
    pub fn poll(&mut self) -> bool {
        self.app.poll_search()
    }
}
