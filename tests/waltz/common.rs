//! Helpers shared by the behaviour tests: build an app on a dataset, press
//! keys through the key map, render into a `TestBackend`, read the screen.

#![allow(dead_code)]

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;
use waltz::case::index::Case;
use waltz::case::load;
use waltz::config::keymap::Key;
use waltz::config::theme::Theme;
use waltz::explorer::Explorer;
use waltz::explorer::app::{App, Options};

/// Run the `waltz` binary with `args`, without colour, to completion.
pub fn waltz(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_waltz"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("run waltz")
}

/// The standard output of a `waltz` run that must succeed.
pub fn succeeds(args: &[&str]) -> String {
    let out = waltz(args);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The small fictional fixture.
pub const MINIMAL: &str = include_str!("../fixtures/minimal.ron");

/// A case of `n` events, one a line, each `event(i)`, after a factor `f`
/// they may link: the shape of the large files tests generate.
pub fn events_case(n: usize, event: impl Fn(usize) -> String) -> String {
    let mut text = String::from(
        "(title: \"T\", source: \"S\", period: (2000, 2010), factors: [(id: \"f\", \
         level: Individual, effect: Enabler, name: \"F\", summary: \"s\")], events: [\n",
    );
    for i in 0..n {
        text.push_str(&event(i));
        text.push_str(",\n");
    }
    text.push_str("])\n");
    text
}

/// The case of a dataset text.
pub fn case(text: &str) -> Case {
    Case::new(
        load::from_str("test.ron", text)
            .unwrap_or_else(|e| panic!("{e}"))
            .dataset,
    )
}

/// The shipped case.
pub fn shipped() -> Case {
    Case::new(load::embedded().unwrap_or_else(|e| panic!("{e}")).dataset)
}

/// An app on `case`, laid out for `width` × `height`, monochrome so that
/// tests read modifiers rather than colours.
pub fn app(case: Case, width: u16, height: u16) -> App {
    app_with(case, width, height, Theme::monochrome())
}

/// An app on `case` with a given theme.
pub fn app_with(case: Case, width: u16, height: u16, theme: Theme) -> App {
    let mut app = App::new(
        case,
        Options {
            theme,
            ..Options::default()
        },
    );
    app.resize(width, height);
    app
}

/// Press keys written as settings files write them ("j", "Tab", "Ctrl-c").
pub fn press(app: &mut App, keys: &[&str]) {
    for k in keys {
        let key = Key::parse(k).unwrap_or_else(|e| panic!("{e}"));
        let mut mods = key.mods;
        if matches!(key.code, KeyCode::Char(c) if c.is_ascii_uppercase()) {
            mods |= KeyModifiers::SHIFT;
        }
        let event = KeyEvent::new(key.code, mods);
        if let Some(action) = app.keymap.action(app.mode(), event) {
            app.update(action);
        }
    }
}

/// Type text character by character.
pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        let event = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        if let Some(action) = app.keymap.action(app.mode(), event) {
            app.update(action);
        }
    }
}

/// Render the app at its own size, handing the frame's report back to it
/// as a front does (so that clicks act on what was drawn).
pub fn render(app: &mut App) -> Buffer {
    let size = app.screen();
    let mut terminal = Terminal::new(TestBackend::new(size.width, size.height)).unwrap();
    let mut report = None;
    terminal
        .draw(|f| report = Some(waltz::explorer::view::draw(app, f)))
        .unwrap();
    app.drawn(report.unwrap());
    terminal.backend().buffer().clone()
}

/// Draw the app at its own size without telling it what was drawn (for
/// reading the screen only).
pub fn paint(app: &App) -> Buffer {
    let size = app.screen();
    let mut terminal = Terminal::new(TestBackend::new(size.width, size.height)).unwrap();
    terminal
        .draw(|f| {
            waltz::explorer::view::draw(app, f);
        })
        .unwrap();
    terminal.backend().buffer().clone()
}

/// The screen's rows as text.
pub fn lines(buf: &Buffer) -> Vec<String> {
    (0..buf.area.height)
        .map(|y| {
            let mut row = String::new();
            let mut x = 0;
            while x < buf.area.width {
                let cell = &buf[(x, y)];
                row.push_str(cell.symbol());
                x += 1;
            }
            row
        })
        .collect()
}

/// The whole screen as text, rows joined by newlines.
pub fn screen(buf: &Buffer) -> String {
    lines(buf).join("\n")
}

/// Where `needle` first starts on screen: (column, row), counting cells.
pub fn find(buf: &Buffer, needle: &str) -> Option<(u16, u16)> {
    for y in 0..buf.area.height {
        let cells: Vec<&str> = (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect();
        for x in 0..cells.len() {
            let mut rest = needle;
            let mut i = x;
            while let Some(cell) = cells.get(i) {
                if cell.is_empty() {
                    i += 1;
                    continue;
                }
                match rest.strip_prefix(*cell) {
                    Some(r) => rest = r,
                    None => break,
                }
                if rest.is_empty() {
                    return Some((x as u16, y));
                }
                i += 1;
            }
        }
    }
    None
}

/// The modifiers of the cell at `needle`'s first character.
pub fn modifiers_at(buf: &Buffer, needle: &str) -> Modifier {
    let (x, y) =
        find(buf, needle).unwrap_or_else(|| panic!("{needle:?} not on screen:\n{}", screen(buf)));
    buf[(x, y)].modifier
}

/// The text of screen row `y` from column `from` to `to`.
pub fn row_text(buf: &Buffer, y: u16, from: u16, to: u16) -> String {
    (from..to.min(buf.area.width))
        .map(|x| buf[(x, y)].symbol())
        .collect()
}

/// A writer whose bytes can be read after a terminal is done with it.
#[derive(Clone, Default)]
pub struct Bytes(std::rc::Rc<std::cell::RefCell<Vec<u8>>>);

impl std::io::Write for Bytes {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The bytes the real crossterm backend writes to draw the app's screen.
pub fn terminal_bytes(app: &App) -> Vec<u8> {
    use ratatui::backend::CrosstermBackend;
    use ratatui::{TerminalOptions, Viewport};
    let out = Bytes::default();
    let size = app.screen();
    let options = TerminalOptions {
        viewport: Viewport::Fixed(ratatui::layout::Rect::new(0, 0, size.width, size.height)),
    };
    let mut terminal = Terminal::with_options(CrosstermBackend::new(out.clone()), options).unwrap();
    terminal
        .draw(|f| {
            waltz::explorer::view::draw(app, f);
        })
        .unwrap();
    drop(terminal);
    out.0.borrow().clone()
}

/// A fluent test harness: an explorer on a case, driven as a front drives
/// it (through [`Explorer`], drawing on a `TestBackend`), read back as text.
///
/// ```ignore
/// let screen = Harness::shipped().size(80, 24).press("j j Tab").screen();
/// ```
pub struct Harness {
    explorer: Explorer,
    terminal: Terminal<TestBackend>,
}

impl Harness {
    /// An explorer on `case` at 80×24, monochrome, so that tests read
    /// modifiers rather than colours.
    pub fn new(case: Case) -> Harness {
        let options = Options {
            theme: Theme::monochrome(),
            ..Options::default()
        };
        Harness::with(case, options)
    }

    /// An explorer on `case` started with `options`.
    pub fn with(case: Case, options: Options) -> Harness {
        let mut explorer = Explorer::new(App::new(case, options));
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
        explorer.draw(&mut terminal).unwrap();
        Harness { explorer, terminal }
    }

    /// An explorer on the shipped case.
    pub fn shipped() -> Harness {
        Harness::new(shipped())
    }

    /// Resize the terminal to `width` × `height`.
    pub fn size(mut self, width: u16, height: u16) -> Harness {
        self.terminal.backend_mut().resize(width, height);
        self.explorer
            .handle(crossterm::event::Event::Resize(width, height));
        self.draw();
        self
    }

    /// Press keys, named as settings files name them and separated by
    /// spaces ("j j Tab", "Ctrl-c", "Space"); the screen is drawn after
    /// each, as a terminal would, so clicks and slides see the last frame.
    pub fn press(mut self, keys: &str) -> Harness {
        for name in keys.split_whitespace() {
            let key = Key::parse(name).unwrap_or_else(|e| panic!("{e}"));
            let mut mods = key.mods;
            if matches!(key.code, KeyCode::Char(c) if c.is_ascii_uppercase()) {
                mods |= KeyModifiers::SHIFT;
            }
            let event = crossterm::event::Event::Key(KeyEvent::new(key.code, mods));
            self.explorer.handle(event);
            self.draw();
        }
        self
    }

    /// Type `text` character by character.
    pub fn typed(mut self, text: &str) -> Harness {
        for c in text.chars() {
            let event = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
            self.explorer.handle(crossterm::event::Event::Key(event));
            self.draw();
        }
        self
    }

    fn draw(&mut self) {
        self.explorer.draw(&mut self.terminal).unwrap();
    }

    /// The screen as text, rows joined by newlines.
    pub fn screen(&self) -> String {
        screen(self.terminal.backend().buffer())
    }

    /// The screen's cells.
    pub fn buffer(&self) -> &Buffer {
        self.terminal.backend().buffer()
    }

    /// The explorer's state.
    pub fn app(&self) -> &App {
        self.explorer.app()
    }
}
