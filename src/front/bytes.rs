//! Raw terminal bytes to events, for every front: the local terminal reads
//! its standard input into a [`Decoder`], the SSH front its channel's data.
//!
//! The escape sequences themselves are parsed by `terminput` (crossterm's
//! own parser, lifted out of crossterm so that bytes from anywhere can go
//! through it). Around it, the decoder keeps what a parser alone cannot:
//!
//! - An unfinished sequence times out. `ESC [ ?` is the start of a valid
//!   reply, and a parser that waits for the rest waits forever if a byte was
//!   dropped — while every key, Ctrl-C included, is swallowed into it. After
//!   [`STALE`] the pending bytes are dropped (a lone `ESC` becomes the Esc
//!   key, as terminals and editors do).
//! - A control byte other than ESC cannot be inside a sequence, so one that
//!   arrives while a sequence is pending ends it: Ctrl-C is never eaten.
//!   A new ESC starts a new sequence, and a sequence longer than any real
//!   one ([`MAX_SEQUENCE`]) is dropped.
//! - A bracketed paste is collected here, up to [`MAX_PASTE`] bytes (the
//!   rest is dropped, never buffered), so a megabyte paste costs bounded
//!   memory and arrives as one event. A paste whose end never comes ends
//!   after [`PASTE_STALE`] without a byte, and Ctrl-C ends it too: Ctrl-C
//!   always means Ctrl-C.

use std::time::{Duration, Instant};

use crossterm::event::Event;

/// How long an unfinished escape sequence may wait for its end.
pub const STALE: Duration = Duration::from_millis(60);
/// The longest escape sequence kept waiting; real ones are far shorter.
pub const MAX_SEQUENCE: usize = 64;
/// The most of one paste kept; the rest is dropped.
pub const MAX_PASTE: usize = 64 * 1024;
/// How long a paste may go without a byte before it counts as ended.
pub const PASTE_STALE: Duration = Duration::from_millis(500);

const PASTE_START: &[u8] = b"\x1b[200~";
const PASTE_END: &[u8] = b"\x1b[201~";
const ESC: u8 = 0x1b;

/// Turns a stream of terminal bytes into events, whatever the bytes.
#[derive(Debug, Default)]
pub struct Decoder {
    /// Bytes not yet decoded: an unfinished sequence or character.
    pending: Vec<u8>,
    /// When the pending bytes started waiting.
    since: Option<Instant>,
    /// Inside a bracketed paste: what has been pasted so far.
    paste: Option<Paste>,
}

/// A bracketed paste being collected.
#[derive(Debug, Default)]
struct Paste {
    /// The text, up to the cap (plus room for the end marker).
    text: Vec<u8>,
    /// The last bytes seen, to find the end marker past the cap.
    tail: [u8; PASTE_END.len()],
    /// When the last byte came.
    last: Option<Instant>,
}

impl Decoder {
    /// A decoder with nothing pending.
    pub fn new() -> Decoder {
        Decoder::default()
    }

    /// Decode `bytes`, arrived at `now`, appending the events to `out`.
    pub fn push(&mut self, bytes: &[u8], now: Instant, out: &mut Vec<Event>) {
        self.expire(now, out);
        for &b in bytes {
            if self.paste.is_some() {
                self.paste_byte(b, now, out);
                continue;
            }
            if !self.pending.is_empty() && (b == ESC || b < 0x20) {
                // A sequence or character never holds these: what waits
                // is broken, and the control byte starts afresh.
                self.give_up(out);
            }
            if self.pending.is_empty() {
                self.since = Some(now);
            }
            self.pending.push(b);
            self.decode(out);
            if self.pending.len() > MAX_SEQUENCE {
                self.pending.clear();
            }
        }
        if self.pending.is_empty() {
            self.since = None;
        }
    }

    /// When the pending bytes go stale, if any are waiting: the front wakes
    /// then and calls [`Decoder::expire`].
    pub fn deadline(&self) -> Option<Instant> {
        match &self.paste {
            Some(paste) => paste.last.map(|t| t + PASTE_STALE),
            None => self.since.map(|t| t + STALE),
        }
    }

    /// Drop a sequence that has waited too long (a lone ESC is the Esc
    /// key); end a paste whose end marker never came.
    pub fn expire(&mut self, now: Instant, out: &mut Vec<Event>) {
        if self.deadline().is_none_or(|d| now < d) {
            return;
        }
        if self.paste.is_some() {
            self.end_paste(out);
        } else {
            self.give_up(out);
        }
    }

    /// Stop waiting for the pending bytes: a lone ESC was the Esc key,
    /// anything else is dropped.
    fn give_up(&mut self, out: &mut Vec<Event>) {
        if self.pending == [ESC] {
            out.extend(parse(&self.pending));
        }
        self.pending.clear();
        self.since = None;
    }

    /// Decode what is pending, if it is complete.
    fn decode(&mut self, out: &mut Vec<Event>) {
        if self.pending == PASTE_START {
            self.pending.clear();
            self.since = None;
            self.paste = Some(Paste::default());
            return;
        }
        if PASTE_START.starts_with(&self.pending) && self.pending.len() > 1 {
            return;
        }
        // ESC alone may be the Esc key or the start of a sequence: only
        // time tells (see `expire`).
        if self.pending == [ESC] {
            return;
        }
        match terminput::Event::parse_from(&self.pending) {
            Ok(None) => {}
            Ok(Some(event)) => {
                out.extend(convert(event));
                self.pending.clear();
            }
            // Not a sequence anyone sends: drop it.
            Err(_) => self.pending.clear(),
        }
    }

    fn paste_byte(&mut self, b: u8, now: Instant, out: &mut Vec<Event>) {
        if b == 0x03 {
            // Ctrl-C ends a paste and is Ctrl-C.
            self.end_paste(out);
            self.push(&[b], now, out);
            return;
        }
        let Some(paste) = self.paste.as_mut() else {
            return;
        };
        paste.last = Some(now);
        if paste.text.len() < MAX_PASTE + PASTE_END.len() {
            paste.text.push(b);
        }
        paste.tail.rotate_left(1);
        paste.tail[PASTE_END.len() - 1] = b;
        if paste.tail == PASTE_END {
            if paste.text.ends_with(PASTE_END) {
                let end = paste.text.len() - PASTE_END.len();
                paste.text.truncate(end);
            }
            self.end_paste(out);
        }
    }

    /// Hand over what was pasted, at most [`MAX_PASTE`] bytes of it.
    fn end_paste(&mut self, out: &mut Vec<Event>) {
        if let Some(mut paste) = self.paste.take() {
            paste.text.truncate(MAX_PASTE);
            out.push(Event::Paste(
                String::from_utf8_lossy(&paste.text).into_owned(),
            ));
        }
    }
}

/// Parse one complete sequence (or character), if it is one.
fn parse(bytes: &[u8]) -> Option<Event> {
    terminput::Event::parse_from(bytes)
        .ok()
        .flatten()
        .and_then(convert)
}

/// terminput's event as crossterm's, which the explorer takes.
fn convert(event: terminput::Event) -> Option<Event> {
    terminput_crossterm::to_crossterm(event).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    fn decode_all(chunks: &[&[u8]]) -> Vec<Event> {
        let mut d = Decoder::new();
        let mut out = Vec::new();
        let t = Instant::now();
        for c in chunks {
            d.push(c, t, &mut out);
        }
        out
    }

    fn key(code: KeyCode, modifiers: KeyModifiers) -> Event {
        Event::Key(KeyEvent::new(code, modifiers))
    }

    #[test]
    fn keys_arrows_and_sequences_split_across_reads() {
        let out = decode_all(&[b"j", b"\x1b[", b"A", b"\x1bOB", "é".as_bytes()]);
        assert_eq!(
            out,
            vec![
                key(KeyCode::Char('j'), KeyModifiers::NONE),
                key(KeyCode::Up, KeyModifiers::NONE),
                key(KeyCode::Down, KeyModifiers::NONE),
                key(KeyCode::Char('é'), KeyModifiers::NONE),
            ]
        );
    }

    #[test]
    fn a_stuck_sequence_never_eats_ctrl_c() {
        let out = decode_all(&[b"\x1b[?", b"\x03"]);
        assert_eq!(out, vec![key(KeyCode::Char('c'), KeyModifiers::CONTROL)]);
    }

    #[test]
    fn a_stuck_sequence_times_out_and_keys_work_again() {
        let mut d = Decoder::new();
        let mut out = Vec::new();
        let t = Instant::now();
        d.push(b"\x1b[?", t, &mut out);
        assert!(out.is_empty());
        assert_eq!(d.deadline(), Some(t + STALE));
        d.push(b"q", t + STALE, &mut out);
        assert_eq!(out, vec![key(KeyCode::Char('q'), KeyModifiers::NONE)]);
    }

    #[test]
    fn a_lone_esc_is_the_esc_key_once_it_goes_stale() {
        let mut d = Decoder::new();
        let mut out = Vec::new();
        let t = Instant::now();
        d.push(b"\x1b", t, &mut out);
        assert!(out.is_empty());
        d.expire(t + STALE, &mut out);
        assert_eq!(out, vec![key(KeyCode::Esc, KeyModifiers::NONE)]);
    }

    #[test]
    fn a_paste_is_one_event_bounded_in_size() {
        let out = decode_all(&[b"\x1b[200~hello\x1b[A", b" world\x1b[201~x"]);
        assert_eq!(
            out,
            vec![
                Event::Paste("hello\x1b[A world".into()),
                key(KeyCode::Char('x'), KeyModifiers::NONE)
            ]
        );
        let big = vec![b'a'; MAX_PASTE * 3];
        let out = decode_all(&[PASTE_START, &big, PASTE_END, b"j"]);
        assert_eq!(out.len(), 2);
        assert!(matches!(&out[0], Event::Paste(p) if p.len() == MAX_PASTE));
    }
}
