//! The terminal session: raw mode, the alternate screen, bracketed paste
//! and (optionally) mouse capture; the loading screen and the event loop;
//! signals and job control; and putting the terminal back as it was on
//! every way out — quit, error, panic, SIGTERM, SIGHUP, SIGINT — and while
//! suspended with Ctrl-Z.

use std::io::{self, IsTerminal, Stdout, Write};
use std::mem::ManuallyDrop;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;

use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture, Event,
    KeyCode, KeyEventKind, KeyModifiers,
};
use crossterm::terminal::{
    Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use crossterm::{cursor, execute};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Widget;
use signal_hook::consts::{
    SIGALRM, SIGCONT, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP, SIGUSR1, SIGUSR2,
};

/// The signals whose default is to end the program: each ends it after the
/// terminal is put back, with the status 128 + its number.
const STOPPING: [i32; 7] = [SIGTERM, SIGINT, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM];

use crate::case::load::Progress;
use crate::config::theme::Theme;
use crate::explorer::Explorer;
use crate::explorer::app::App;
use crate::front::watch::Watch;

mod keyboard;
use keyboard::Keyboard;

/// Whether mouse capture is on, so that a panic can turn it off.
static MOUSE: AtomicBool = AtomicBool::new(false);
/// Whether the terminal is in the program's hands, so that restoring is
/// done once and a panic after a restore does not write to the screen.
static ACTIVE: AtomicBool = AtomicBool::new(false);

/// How a session ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    /// The user quit.
    Quit,
    /// A signal asked the program to stop; its number.
    Signal(i32),
}

impl End {
    /// The exit status for this ending: 0, or 128 plus the signal's number
    /// as shells report it.
    pub fn status(self) -> u8 {
        match self {
            End::Quit => 0,
            End::Signal(n) => u8::try_from(128 + n).unwrap_or(1),
        }
    }
}

/// Signals, noted by their handlers for the event loop to act on.
struct Signals {
    /// The last of SIGTERM, SIGINT, SIGHUP received (0 for none).
    stop: Arc<AtomicUsize>,
    /// A SIGTSTP from outside (`kill -TSTP`): suspend as Ctrl-Z does.
    suspend: Arc<AtomicBool>,
    /// A SIGCONT: the program was stopped by someone else; redraw.
    resumed: Arc<AtomicBool>,
}

impl Signals {
    fn install() -> io::Result<Signals> {
        let stop = Arc::new(AtomicUsize::new(0));
        let mut stops = signal_hook::iterator::Signals::new(STOPPING)?;
        let noted = Arc::clone(&stop);
        std::thread::Builder::new()
            .name("waltz-signals".into())
            .spawn(move || {
                if let Some(signal) = stops.forever().next() {
                    noted.store(signal as usize, Ordering::SeqCst);
                    // The event loop sees the note within a tick and leaves
                    // cleanly. If it cannot (a hung-up terminal can keep the
                    // input reader spinning), put the terminal back and
                    // leave from here.
                    std::thread::sleep(Duration::from_millis(500));
                    restore();
                    std::process::exit(128 + signal);
                }
            })?;
        let suspend = Arc::new(AtomicBool::new(false));
        signal_hook::flag::register(SIGTSTP, Arc::clone(&suspend))?;
        let resumed = Arc::new(AtomicBool::new(false));
        signal_hook::flag::register(SIGCONT, Arc::clone(&resumed))?;
        Ok(Signals {
            stop,
            suspend,
            resumed,
        })
    }

    fn stop(&self) -> Option<i32> {
        match self.stop.load(Ordering::SeqCst) {
            0 => None,
            n => Some(n as i32),
        }
    }
}

/// The terminal, in the program's hands until the session is dropped.
pub struct Session {
    /// Never dropped by ratatui's own code: that would try to show the
    /// cursor and, on a terminal that has gone away, report the failure on
    /// standard error, which panics when standard error is that terminal.
    /// [`restore`] puts the cursor back instead.
    terminal: ManuallyDrop<Terminal<CrosstermBackend<Stdout>>>,
    mouse: bool,
    signals: Signals,
    keyboard: Keyboard,
}

impl Session {
    /// Take over the terminal: raw mode, the alternate screen, bracketed
    /// paste, the mouse when asked. Fails, touching nothing, when standard
    /// output is not a terminal.
    pub fn start(mouse: bool) -> io::Result<Session> {
        if !io::stdout().is_terminal() {
            return Err(io::Error::other(
                "the explorer needs a terminal; for scripts use `waltz check`, `waltz search`, `waltz export`",
            ));
        }
        install_panic_hook();
        let signals = Signals::install()?;
        let keyboard = Keyboard::start()?;
        let terminal = ManuallyDrop::new(Terminal::new(CrosstermBackend::new(io::stdout()))?);
        let mut session = Session {
            terminal,
            mouse,
            signals,
            keyboard,
        };
        session.enter()?;
        Ok(session)
    }

    fn enter(&mut self) -> io::Result<()> {
        ACTIVE.store(true, Ordering::SeqCst);
        enable_raw_mode()?;
        let mut out = io::stdout();
        execute!(
            out,
            EnterAlternateScreen,
            EnableBracketedPaste,
            cursor::Hide,
            Clear(ClearType::All)
        )?;
        if self.mouse {
            MOUSE.store(true, Ordering::SeqCst);
            execute!(out, EnableMouseCapture)?;
        }
        // Fresh buffers make the next frame draw every cell. (Terminal::clear
        // would ask the terminal where its cursor is, and a terminal that
        // does not answer would stall the start for seconds, then fail.)
        let fresh = Terminal::new(CrosstermBackend::new(io::stdout()))?;
        // The old one is let go without its drop (see `terminal`).
        std::mem::forget(std::mem::replace(&mut *self.terminal, fresh));
        Ok(())
    }

    /// Show a loading screen for `name` until `done` says the work is
    /// finished. `None` when it finished; the ending when the user or a
    /// signal stopped it first.
    pub fn loading(
        &mut self,
        name: &str,
        progress: &Progress,
        done: impl Fn() -> bool,
    ) -> io::Result<Option<End>> {
        let theme = Theme::monochrome();
        while !done() {
            if let Some(n) = self.signals.stop() {
                return Ok(Some(End::Signal(n)));
            }
            self.terminal.draw(|frame| {
                let area = frame.area();
                loading_screen(name, progress, area, frame.buffer_mut(), &theme);
            })?;
            if let Some(event) = self.keyboard.next(Duration::from_millis(50))? {
                if let Event::Key(key) = event {
                    let ctrl = |c| {
                        key.code == KeyCode::Char(c)
                            && key.modifiers.contains(KeyModifiers::CONTROL)
                    };
                    if key.kind == KeyEventKind::Release {
                        continue;
                    }
                    if ctrl('c') || key.code == KeyCode::Char('q') || key.code == KeyCode::Esc {
                        return Ok(Some(End::Quit));
                    }
                    if ctrl('z') {
                        self.suspend()?;
                    }
                }
                if self.signals.suspend.swap(false, Ordering::SeqCst) {
                    self.suspend()?;
                }
            }
        }
        Ok(None)
    }

    /// Run the explorer until the user quits or a signal stops it; with a
    /// `watch`, the case is reloaded each time its file is saved.
    pub fn run(
        &mut self,
        app: App,
        watch: Option<Watch>,
        crash_after_first_frame: bool,
    ) -> io::Result<End> {
        let result = self.event_loop(app, watch, crash_after_first_frame);
        if result.is_err() {
            // A terminal that went away fails the next read or write, often
            // just before its hang-up signal arrives: report the signal.
            for _ in 0..20 {
                if let Some(n) = self.signals.stop() {
                    return Ok(End::Signal(n));
                }
                std::thread::sleep(Duration::from_millis(5));
            }
        }
        result
    }

    fn event_loop(
        &mut self,
        app: App,
        watch: Option<Watch>,
        crash_after_first_frame: bool,
    ) -> io::Result<End> {
        let mut explorer = Explorer::new(app);
        // Draw only when something changed: an idle program writes nothing.
        let mut dirty = true;
        loop {
            if let Some(watch) = &watch
                && watch.changed(Duration::ZERO)
            {
                reload(explorer.app_mut(), watch);
                dirty = true;
            }
            if let Some(n) = self.signals.stop() {
                return Ok(End::Signal(n));
            }
            if self.signals.suspend.swap(false, Ordering::SeqCst)
                || explorer.app_mut().take_suspend()
            {
                self.suspend()?;
                dirty = true;
            }
            if self.signals.resumed.swap(false, Ordering::SeqCst) {
                // Stopped and continued by someone else: take the terminal back.
                self.enter()?;
                dirty = true;
            }
            let size = self.terminal.size()?;
            let screen = explorer.app().screen();
            dirty |= (size.width, size.height) != (screen.width, screen.height);
            if dirty {
                explorer.draw(&mut self.terminal)?;
            }
            if crash_after_first_frame {
                panic!("a deliberate crash, asked for with --crash-after-first-frame");
            }
            let app = explorer.app();
            if app.should_quit() {
                return Ok(End::Quit);
            }
            // While a search runs on the worker, wake often to show its answer.
            let wait = if app.searching() { 5 } else { 100 };
            let Some(mut event) = self.keyboard.next(Duration::from_millis(wait))? else {
                dirty = explorer.poll();
                continue;
            };
            // Apply everything already waiting before drawing again, so that
            // fast typing or a burst of wheel events costs one frame.
            loop {
                // A resize is noted by the signal; the size is read above.
                if !matches!(event, Event::Resize(..)) {
                    explorer.handle(event);
                }
                let app = explorer.app();
                if app.should_quit() || app.suspending() || !self.keyboard.pending() {
                    break;
                }
                match self.keyboard.next(Duration::ZERO)? {
                    Some(next) => event = next,
                    None => break,
                }
            }
            explorer.poll();
            dirty = true;
        }
    }

    /// Ctrl-Z: give the terminal back, stop until `fg`, then take it again
    /// and redraw everything.
    fn suspend(&mut self) -> io::Result<()> {
        restore();
        // Stop as the default handler would (ours only notes the signal).
        signal_hook::low_level::emulate_default_handler(SIGTSTP)?;
        self.signals.resumed.store(false, Ordering::SeqCst);
        self.enter()
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        restore();
    }
}

/// Load the watched file again: the new version in place, or its errors
/// in the banner over the last good one.
fn reload(app: &mut App, watch: &Watch) {
    match watch.load() {
        Ok(loaded) => {
            let warnings = loaded.warning_count();
            app.reload(crate::case::index::Case::new(loaded.dataset), warnings);
            app.set_reload_problem(None);
        }
        Err(e) => app.set_reload_problem(Some(e.to_string())),
    }
}

/// Put the terminal back: mouse capture off, paste mode off, the main
/// screen, the cursor shown, raw mode off. Safe to call more than once.
pub fn restore() {
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return;
    }
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
    static INSTALLED: AtomicBool = AtomicBool::new(false);
    if INSTALLED.swap(true, Ordering::SeqCst) {
        return;
    }
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}

/// The loading screen: the file, the stage and a bar.
fn loading_screen(
    name: &str,
    progress: &Progress,
    area: Rect,
    buf: &mut ratatui::buffer::Buffer,
    theme: &Theme,
) {
    let (stage, fraction) = progress.get();
    let width = usize::from(area.width.saturating_sub(4)).min(60);
    let bar = match fraction {
        Some(f) => {
            let filled = (f * width as f64).round() as usize;
            format!(
                "{}{} {:>3.0}%",
                "█".repeat(filled),
                "░".repeat(width - filled.min(width)),
                f * 100.0
            )
        }
        None => "…".to_owned(),
    };
    let lines = [
        Line::styled("waltz", theme.heading),
        Line::raw(crate::explorer::view::text::fit(
            &format!("loading {name}"),
            width + 6,
        )),
        Line::raw(format!("{}…", stage.name())),
        Line::raw(bar),
        Line::styled("Esc or q to give up", theme.faded),
    ];
    let top = area.y + area.height.saturating_sub(lines.len() as u16) / 2;
    for (i, line) in lines.into_iter().enumerate() {
        let y = top + i as u16;
        if y >= area.bottom() {
            break;
        }
        let w = line.width() as u16;
        let x = area.x + area.width.saturating_sub(w) / 2;
        line.render(
            Rect::new(x, y, area.width.saturating_sub(x - area.x), 1),
            buf,
        );
    }
}
