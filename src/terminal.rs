//! The terminal session: raw mode, the alternate screen, bracketed paste
//! and (optionally) mouse capture; the event loop; and putting the terminal
//! back as it was on every way out — quit, error or panic.

use std::io::{self, IsTerminal, Stdout, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event,
};
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use crossterm::{cursor, execute};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use crate::app::App;
use crate::{input, ui};

/// Whether mouse capture is on, so that a panic can turn it off.
static MOUSE: AtomicBool = AtomicBool::new(false);

/// Run the explorer until the user quits.
pub fn run(mut app: App) -> io::Result<()> {
    if !io::stdout().is_terminal() {
        return Err(io::Error::other(
            "the explorer needs a terminal; for scripts use `waltz check`, `waltz export`",
        ));
    }
    install_panic_hook();
    let mut terminal = start(app.mouse)?;
    let result = event_loop(&mut terminal, &mut app);
    restore();
    result
}

fn start(mouse: bool) -> io::Result<Terminal<CrosstermBackend<Stdout>>> {
    enable_raw_mode()?;
    let mut out = io::stdout();
    let entered = execute!(
        out,
        EnterAlternateScreen,
        EnableBracketedPaste,
        cursor::Hide
    );
    if mouse {
        MOUSE.store(true, Ordering::SeqCst);
        execute!(out, EnableMouseCapture)?;
    }
    if let Err(e) = entered {
        restore();
        return Err(e);
    }
    let terminal = Terminal::new(CrosstermBackend::new(io::stdout()));
    if terminal.is_err() {
        restore();
    }
    terminal
}

/// Put the terminal back: mouse capture off, paste mode off, the main
/// screen, the cursor shown, raw mode off. Safe to call more than once.
pub fn restore() {
    let mut out = io::stdout();
    if MOUSE.swap(false, Ordering::SeqCst) {
        let _ = execute!(out, DisableMouseCapture);
    }
    let _ = execute!(
        out,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        cursor::Show
    );
    let _ = disable_raw_mode();
    let _ = out.flush();
}

/// Restore the terminal before the panic message is printed, so that the
/// message lands on a usable screen.
fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}

fn event_loop(terminal: &mut Terminal<CrosstermBackend<Stdout>>, app: &mut App) -> io::Result<()> {
    loop {
        let size = terminal.size()?;
        if (size.width, size.height) != (app.screen().width, app.screen().height) {
            app.resize(size.width, size.height);
        }
        terminal.draw(|frame| ui::render(app, frame))?;
        if app.should_quit() {
            return Ok(());
        }
        // While a search runs on the worker, wake often to show its answer.
        let wait = if app.searching() { 5 } else { 250 };
        if !event::poll(Duration::from_millis(wait))? {
            app.poll_search();
            continue;
        }
        // Apply everything already waiting before drawing again, so that
        // fast typing or a burst of wheel events costs one frame.
        loop {
            apply(app, event::read()?);
            if app.should_quit() || !event::poll(Duration::ZERO)? {
                break;
            }
        }
        app.poll_search();
    }
}

fn apply(app: &mut App, event: Event) {
    if let Event::Resize(width, height) = event {
        app.resize(width, height);
    } else if let Some(action) = input::action(app, event) {
        app.update(action);
    }
}
