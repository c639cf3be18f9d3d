//! One explorer on one SSH channel: bytes in through the shared
//! [`Decoder`], frames out through the same view the local terminal draws,
//! on a ratatui terminal whose "screen" is the channel.
//!
//! Output is bounded: at most one frame waits while another is sent, and a
//! client that cannot keep up gets the newest frame when it can take one —
//! never a queue. Input is bounded per frame. A panic ends this session
//! only, with a message to its client.

use std::io::{self, Write};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crossterm::event::{DisableBracketedPaste, EnableBracketedPaste};
use crossterm::terminal::{Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen};
use crossterm::{cursor, queue};
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{TerminalOptions, Viewport};
use russh::server::{Handle, Msg};
use russh::{ChannelId, ChannelWriteHalf};
use tokio::sync::{mpsc, watch};

use super::{Shared, log};
use crate::case::class::Member;
use crate::config::theme::Theme;
use crate::explorer::Explorer;
use crate::explorer::app::{App, Options};
use crate::front::bytes::Decoder;

/// Bytes of input taken before the next frame is drawn.
const INPUT_PER_FRAME: usize = 16 * 1024;
/// How long the last words to a client may take before it is cut off.
const LAST_WORDS: Duration = Duration::from_secs(1);

/// What the client told about its terminal.
#[derive(Debug, Clone, Default)]
pub struct Terminal {
    /// `TERM`.
    pub term: String,
    /// `NO_COLOR` was sent and not empty.
    pub no_color: bool,
    /// The locale sent (`LC_ALL`, `LC_CTYPE` or `LANG`), if any.
    pub locale: Option<String>,
}

impl Terminal {
    /// The options this terminal calls for: monochrome without colour,
    /// ASCII when the locale is not UTF-8.
    fn options(&self, seed: u64) -> Options {
        let mono = self.no_color || self.term.is_empty() || self.term == "dumb";
        let utf8 = self.locale.as_deref().is_none_or(|l| {
            let l = l.to_ascii_lowercase();
            l.is_empty() || l.contains("utf-8") || l.contains("utf8")
        });
        Options {
            theme: if mono {
                Theme::monochrome()
            } else {
                Theme::dark()
            },
            ascii: !utf8,
            seed,
            ..Options::default()
        }
    }
}

/// The channel's ends, as the connection hands them over.
pub struct Wiring {
    /// Bytes the client typed.
    pub inputs: mpsc::Receiver<Vec<u8>>,
    /// The client's terminal size.
    pub sizes: watch::Receiver<(u16, u16)>,
    /// Where frames go.
    pub out: ChannelWriteHalf<Msg>,
    /// The connection, to close the channel.
    pub handle: Handle,
    /// The channel.
    pub channel: ChannelId,
}

/// How a session ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// The student quit.
    Quit,
    /// The connection dropped.
    Gone,
    /// No input for the idle limit.
    Idle,
    /// The server stopped.
    ClassEnded,
    /// The session's code panicked.
    Fault,
}

impl Ending {
    /// Why, in the log's words.
    pub fn describe(self) -> &'static str {
        match self {
            Ending::Quit => "quit",
            Ending::Gone => "connection dropped",
            Ending::Idle => "idle",
            Ending::ClassEnded => "class ended",
            Ending::Fault => "internal error",
        }
    }
}

/// What the explorer draws into: bytes for the channel, taken out after
/// each frame through the second handle.
#[derive(Debug, Default, Clone)]
struct Sink(Arc<std::sync::Mutex<Vec<u8>>>);

impl Sink {
    fn take(&self) -> Vec<u8> {
        std::mem::take(&mut *self.0.lock().unwrap_or_else(|e| e.into_inner()))
    }
}

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

type Screen = ratatui::Terminal<CrosstermBackend<Sink>>;

/// A fresh screen of `size` drawing into `sink`: its first frame draws
/// every cell.
fn screen(size: (u16, u16), sink: &Sink) -> io::Result<Screen> {
    let area = Rect::new(0, 0, size.0, size.1);
    ratatui::Terminal::with_options(
        CrosstermBackend::new(sink.clone()),
        TerminalOptions {
            viewport: Viewport::Fixed(area),
        },
    )
}

/// Run an explorer for `name` on the wired channel until it ends, as a
/// member of the class (its teacher, or a student).
pub async fn run(
    shared: &Arc<Shared>,
    name: &str,
    teacher: bool,
    terminal: Terminal,
    wiring: Wiring,
) -> Ending {
    let Wiring {
        mut inputs,
        mut sizes,
        out,
        handle,
        channel,
    } = wiring;
    // One frame may wait while the writer sends another.
    let (frames, mut to_send) = mpsc::channel::<Vec<u8>>(1);
    let writer = tokio::spawn(async move {
        while let Some(frame) = to_send.recv().await {
            if out.data_bytes(frame).await.is_err() {
                break;
            }
        }
    });
    let mut explorer = Explorer::new(App::new(
        Arc::clone(&shared.case),
        terminal.options(shared.settings.seed),
    ));
    let fault = shared.settings.fault_user.as_deref() == Some(name);
    let Some(mut state) = State::new(*sizes.borrow_and_update(), fault) else {
        return Ending::Fault;
    };
    let member = shared.member();
    shared.class.send_modify(|c| c.join(member, teacher));
    let mut class = shared.class.subscribe();
    explorer.app_mut().join_class(teacher);
    explorer.app_mut().class_update(&class.borrow_and_update());
    let idle = shared.settings.idle;
    let mut stopping = shared.stopping();
    let mut last_input = tokio::time::Instant::now();

    let ending = loop {
        if explorer.app().should_quit() {
            break Ending::Quit;
        }
        let stale = state.decoder.deadline().map(tokio::time::Instant::from_std);
        let searching = explorer.app().searching();
        tokio::select! {
            biased;
            _ = super::stopped(&mut stopping) => break Ending::ClassEnded,
            // Draw when something changed and the writer has room.
            permit = frames.reserve(), if state.dirty => {
                let Ok(permit) = permit else { break Ending::Gone };
                match state.draw(&mut explorer) {
                    Some(frame) => permit.send(frame),
                    None => break Ending::Fault,
                }
            }
            chunk = inputs.recv() => {
                let Some(chunk) = chunk else { break Ending::Gone };
                last_input = tokio::time::Instant::now();
                if !state.take(&mut explorer, chunk, &mut inputs) {
                    break Ending::Fault;
                }
                publish(&mut explorer, member, shared);
            }
            changed = class.changed() => {
                if changed.is_err() { break Ending::ClassEnded }
                let now = class.borrow_and_update();
                let app = explorer.app_mut();
                if catch_unwind(AssertUnwindSafe(|| app.class_update(&now))).is_err() {
                    break Ending::Fault;
                }
                state.dirty = true;
            }
            changed = sizes.changed() => {
                if changed.is_err() { break Ending::Gone }
                let size = *sizes.borrow_and_update();
                match screen(size, &state.sink) {
                    Ok(s) => state.screen = s,
                    Err(_) => break Ending::Fault,
                }
                let _ = queue!(state.before_next, Clear(ClearType::All));
                state.dirty = true;
            }
            _ = sleep_until(stale), if stale.is_some() => {
                let mut events = Vec::new();
                state.decoder.expire(Instant::now(), &mut events);
                if !state.handle(&mut explorer, events) {
                    break Ending::Fault;
                }
                publish(&mut explorer, member, shared);
            }
            _ = tokio::time::sleep(Duration::from_millis(5)), if searching => {
                state.dirty |= explorer.poll();
            }
            _ = tokio::time::sleep_until(last_input + idle) => break Ending::Idle,
        }
    };

    shared.class.send_modify(|c| c.leave(member));
    if ending == Ending::Fault {
        log(&format!(
            "! {name}: the session stopped on an internal error"
        ));
    }
    if ending != Ending::Gone {
        let last = last_words(ending, std::mem::take(&mut state.before_next));
        let goodbye = async {
            let _ = frames.send(last).await;
            drop(frames);
            let _ = writer.await;
            let status = u32::from(ending != Ending::Quit);
            let _ = handle.exit_status_request(channel, status).await;
            let _ = handle.eof(channel).await;
            let _ = handle.close(channel).await;
        };
        let _ = tokio::time::timeout(LAST_WORDS, goodbye).await;
    }
    ending
}

/// The last bytes to a client: the terminal given back as the local
/// explorer gives it back, and why the session ended.
fn last_words(ending: Ending, mut last: Vec<u8>) -> Vec<u8> {
    let _ = queue!(
        last,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        cursor::Show
    );
    let said = match ending {
        Ending::Quit | Ending::Gone => "",
        Ending::Idle => "waltz: no input for a while; the session is closed.\r\n",
        Ending::ClassEnded => "waltz: the class has ended. Thank you!\r\n",
        Ending::Fault => {
            "waltz: this session stopped on an internal error; please connect again.\r\n"
        }
    };
    last.extend_from_slice(said.as_bytes());
    last
}

/// Tell the class what this explorer did: the teacher's lead and quiz,
/// a student's following and answer. Only a real change wakes the others.
fn publish(explorer: &mut Explorer, member: Member, shared: &Shared) {
    let app = explorer.app_mut();
    let Some(seat) = app.seat() else { return };
    let (teacher, following) = (seat.teacher, seat.following);
    let answer = app.take_answer();
    let rejoin = app.take_rejoin();
    let lead = app.lead();
    let asking = app.asking();
    let case = &shared.case;
    shared.class.send_if_modified(|c| {
        if teacher {
            let led = c.lead(lead);
            let asked = match asking {
                Some((at, event, revealed)) => c.ask(at, event) | (revealed && c.reveal(case)),
                None => c.close_question(),
            };
            led | asked
        } else {
            c.follow(member, following) | answer.is_some_and(|a| c.answer(member, a))
        }
    });
    if rejoin {
        app.class_update(&shared.class.borrow());
    }
}

async fn sleep_until(at: Option<tokio::time::Instant>) {
    match at {
        Some(at) => tokio::time::sleep_until(at).await,
        None => std::future::pending().await,
    }
}

/// A session's drawing and decoding state.
struct State {
    screen: Screen,
    sink: Sink,
    /// Bytes to send before the next frame (setup, a clear after resize).
    before_next: Vec<u8>,
    dirty: bool,
    decoder: Decoder,
    /// Panic on the first input (a test aid; see `Settings::fault_user`).
    fault: bool,
}

impl State {
    /// A session's state on a terminal of `size`: its first frame takes
    /// the screen and draws every cell.
    fn new(size: (u16, u16), fault: bool) -> Option<State> {
        let mut first = Vec::new();
        let _ = queue!(
            first,
            EnterAlternateScreen,
            EnableBracketedPaste,
            cursor::Hide,
            Clear(ClearType::All)
        );
        let sink = Sink::default();
        Some(State {
            screen: screen(size, &sink).ok()?,
            sink,
            before_next: first,
            dirty: true,
            decoder: Decoder::new(),
            fault,
        })
    }

    /// Draw a frame; its bytes, or `None` if drawing panicked.
    fn draw(&mut self, explorer: &mut Explorer) -> Option<Vec<u8>> {
        let screen = &mut self.screen;
        let drawn = catch_unwind(AssertUnwindSafe(|| explorer.draw(screen).is_ok())).ok()?;
        if !drawn {
            return None;
        }
        let mut frame = std::mem::take(&mut self.before_next);
        frame.append(&mut self.sink.take());
        self.dirty = false;
        Some(frame)
    }

    /// Take `chunk` and whatever else has arrived, up to the frame's share
    /// of input. False if handling it panicked.
    fn take(
        &mut self,
        explorer: &mut Explorer,
        chunk: Vec<u8>,
        inputs: &mut mpsc::Receiver<Vec<u8>>,
    ) -> bool {
        let mut events = Vec::new();
        let mut taken = chunk.len();
        self.decoder.push(&chunk, Instant::now(), &mut events);
        while taken < INPUT_PER_FRAME {
            let Ok(more) = inputs.try_recv() else { break };
            taken += more.len();
            self.decoder.push(&more, Instant::now(), &mut events);
        }
        self.handle(explorer, events)
    }

    /// Apply decoded events. False if the explorer panicked.
    fn handle(&mut self, explorer: &mut Explorer, events: Vec<crossterm::event::Event>) -> bool {
        if events.is_empty() {
            return true;
        }
        self.dirty = true;
        let fault = self.fault;
        catch_unwind(AssertUnwindSafe(|| {
            assert!(!fault, "a deliberate fault, asked for with --fault-user");
            for event in events {
                explorer.handle(event);
            }
            // Suspending means nothing over SSH.
            explorer.app_mut().take_suspend();
        }))
        .is_ok()
    }
}
