//! The local terminal's input: a thread reads the terminal's bytes as they
//! come, a signal handler notes window-size changes, and both reach the
//! event loop as one stream of events decoded by [`Decoder`] — the same
//! decoder the SSH front uses, so a byte means the same thing on both.

use std::fs::File;
use std::io::{self, IsTerminal, Read};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

use crossterm::event::Event;
use signal_hook::consts::SIGWINCH;

use crate::front::bytes::Decoder;

/// What the reader and the signal handler send.
enum Input {
    Bytes(Vec<u8>),
    Resized,
    /// The terminal is gone (end of input or a read error).
    Closed,
}

/// The terminal's input, decoded.
pub struct Keyboard {
    inputs: Receiver<Input>,
    decoder: Decoder,
    /// Decoded events not yet handed out.
    ready: std::collections::VecDeque<Event>,
    closed: bool,
}

impl Keyboard {
    /// Start reading the terminal: standard input when it is one, else the
    /// controlling terminal (`--data -` reads the case from standard input).
    pub fn start() -> io::Result<Keyboard> {
        let source: Box<dyn Read + Send> = if io::stdin().is_terminal() {
            Box::new(io::stdin())
        } else {
            Box::new(File::open("/dev/tty")?)
        };
        let (send, inputs) = mpsc::channel();
        spawn_reader(source, send.clone())?;
        let mut resizes = signal_hook::iterator::Signals::new([SIGWINCH])?;
        std::thread::Builder::new()
            .name("waltz-resize".into())
            .spawn(move || {
                for _ in resizes.forever() {
                    if send.send(Input::Resized).is_err() {
                        break;
                    }
                }
            })?;
        Ok(Keyboard {
            inputs,
            decoder: Decoder::new(),
            ready: Default::default(),
            closed: false,
        })
    }

    /// The next event, waiting at most `wait` for one. A window-size change
    /// comes as [`Event::Resize`] with zero sizes: the loop asks the
    /// terminal for its size itself. Fails when the terminal is gone.
    pub fn next(&mut self, wait: Duration) -> io::Result<Option<Event>> {
        let until = Instant::now() + wait;
        loop {
            if let Some(event) = self.ready.pop_front() {
                return Ok(Some(event));
            }
            if self.closed {
                return Err(io::Error::new(
                    io::ErrorKind::UnexpectedEof,
                    "the terminal closed",
                ));
            }
            let now = Instant::now();
            let mut out = Vec::new();
            self.decoder.expire(now, &mut out);
            self.ready.extend(out);
            if !self.ready.is_empty() {
                continue;
            }
            // Wake for whichever comes first: the caller's time, or the
            // moment an unfinished sequence goes stale.
            let deadline = self.decoder.deadline().map_or(until, |d| d.min(until));
            if now >= until {
                return Ok(None);
            }
            match self
                .inputs
                .recv_timeout(deadline.saturating_duration_since(now))
            {
                Ok(input) => self.take(input),
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => self.closed = true,
            }
        }
    }

    /// Whether an event is ready without waiting.
    pub fn pending(&mut self) -> bool {
        while let Ok(input) = self.inputs.try_recv() {
            self.take(input);
        }
        !self.ready.is_empty()
    }

    fn take(&mut self, input: Input) {
        match input {
            Input::Bytes(bytes) => {
                let mut out = Vec::new();
                self.decoder.push(&bytes, Instant::now(), &mut out);
                self.ready.extend(out);
            }
            Input::Resized => self.ready.push_back(Event::Resize(0, 0)),
            Input::Closed => self.closed = true,
        }
    }
}

/// Read the terminal on a thread of its own, for the life of the program.
fn spawn_reader(mut source: Box<dyn Read + Send>, send: Sender<Input>) -> io::Result<()> {
    std::thread::Builder::new()
        .name("waltz-keyboard".into())
        .spawn(move || {
            let mut buf = [0u8; 4096];
            loop {
                match source.read(&mut buf) {
                    Ok(0) => break,
                    Ok(n) => {
                        if send.send(Input::Bytes(buf[..n].to_vec())).is_err() {
                            return;
                        }
                    }
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                    Err(_) => break,
                }
            }
            let _ = send.send(Input::Closed);
        })?;
    Ok(())
}
