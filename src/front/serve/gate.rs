//! The gate in front of the handshakes: at most [`MAX_STARTUPS`] at once,
//! like sshd's `MaxStartups`, so a flood of connections cannot take every
//! core. A whole class arriving in the same second waits its turn (each
//! handshake takes milliseconds); a connection that holds a place without
//! finishing its handshake for [`PUSH_OUT_AFTER`] is pushed out by the
//! next one that needs the place, so sockets left half-open cannot keep a
//! student out. Past [`MAX_WAITING`] waiting, the one waiting longest is
//! dropped: a flood of connections opened and closed again fills the queue
//! with the dead, and the newest is the likeliest to be a student.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::sync::{Notify, oneshot};
use tokio::time::Instant;

/// Handshakes served at once.
pub const MAX_STARTUPS: usize = 20;
/// A place held this long without finishing can be taken by a newcomer.
pub const PUSH_OUT_AFTER: Duration = Duration::from_secs(2);
/// Connections waiting for a place; past this the longest waiting is
/// dropped.
pub const MAX_WAITING: usize = 1000;

/// A connection waiting for a place.
#[derive(Debug)]
struct Waiter {
    id: u64,
    /// Tells it to give up (the queue is full and it waited longest).
    give_up: oneshot::Sender<()>,
    /// Tells it to look again (a place came free).
    wake: Arc<Notify>,
}

#[derive(Debug, Default)]
struct Places {
    next: u64,
    /// The handshakes in progress, oldest first.
    open: VecDeque<(u64, Instant, oneshot::Sender<()>)>,
    /// The connections waiting, oldest first; the newest is served first.
    waiting: VecDeque<Waiter>,
}

impl Places {
    /// Let the newest waiter look for a place.
    fn wake_newest(&self) {
        if let Some(w) = self.waiting.back() {
            w.wake.notify_one();
        }
    }
}

/// The gate, shared by the listening loop and the connections.
#[derive(Debug, Default)]
pub struct Gate {
    places: Mutex<Places>,
}

/// A place taken; given back when dropped.
#[derive(Debug)]
pub struct Place {
    id: u64,
    gate: Arc<Gate>,
    /// Fires when a newcomer pushes this handshake out.
    pub pushed_out: oneshot::Receiver<()>,
}

impl Gate {
    /// Wait for a place until `deadline`; `None` if none came in time or
    /// the queue grew too long while this one waited longest.
    pub async fn enter(self: &Arc<Self>, deadline: Instant) -> Option<Place> {
        let wake = Arc::new(Notify::new());
        let (me, dropped) = {
            let mut p = self.lock();
            if p.waiting.len() >= MAX_WAITING
                && let Some(oldest) = p.waiting.pop_front()
            {
                let _ = oldest.give_up.send(());
            }
            let (give_up, dropped) = oneshot::channel();
            let me = p.next;
            p.next += 1;
            p.waiting.push_back(Waiter {
                id: me,
                give_up,
                wake: Arc::clone(&wake),
            });
            (me, dropped)
        };
        let place = tokio::select! {
            place = self.wait(me, &wake, deadline) => place,
            _ = dropped => None,
        };
        let mut p = self.lock();
        let newest = p.waiting.back().is_some_and(|w| w.id == me);
        p.waiting.retain(|w| w.id != me);
        if newest || place.is_some() {
            p.wake_newest();
        }
        place
    }

    /// The newest waiter takes a free place, or pushes out one held too
    /// long; the others wait their turn.
    async fn wait(self: &Arc<Self>, me: u64, wake: &Notify, deadline: Instant) -> Option<Place> {
        loop {
            let woken = wake.notified();
            let retry = {
                let mut p = self.lock();
                let now = Instant::now();
                if p.waiting.back().is_some_and(|w| w.id == me) {
                    if p.open.len() < MAX_STARTUPS {
                        return Some(self.take(&mut p, now));
                    }
                    let oldest = p.open.front().map_or(now, |o| o.1);
                    if now >= oldest + PUSH_OUT_AFTER {
                        if let Some((_, _, push)) = p.open.pop_front() {
                            let _ = push.send(());
                        }
                        return Some(self.take(&mut p, now));
                    }
                    oldest + PUSH_OUT_AFTER
                } else {
                    deadline
                }
            };
            if Instant::now() >= deadline {
                return None;
            }
            tokio::select! {
                _ = woken => {}
                _ = tokio::time::sleep_until(retry.min(deadline)) => {}
            }
        }
    }

    fn take(self: &Arc<Self>, p: &mut Places, now: Instant) -> Place {
        let (push, pushed_out) = oneshot::channel();
        let id = p.next;
        p.next += 1;
        p.open.push_back((id, now, push));
        Place {
            id,
            gate: Arc::clone(self),
            pushed_out,
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Places> {
        self.places.lock().unwrap_or_else(|e| e.into_inner())
    }
}

impl Drop for Place {
    fn drop(&mut self) {
        let mut p = self.gate.lock();
        p.open.retain(|o| o.0 != self.id);
        p.wake_newest();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn newcomers_wait_their_turn_and_push_out_a_stale_place() {
        let gate = Arc::new(Gate::default());
        let far = Instant::now() + Duration::from_secs(60);
        let mut held = Vec::new();
        for _ in 0..MAX_STARTUPS {
            held.push(gate.enter(far).await.unwrap());
        }
        // A place given back goes to the one waiting.
        let waiting = tokio::spawn({
            let gate = Arc::clone(&gate);
            async move { gate.enter(far).await.is_some() }
        });
        tokio::time::sleep(Duration::from_millis(100)).await;
        assert!(!waiting.is_finished());
        drop(held.pop());
        assert!(waiting.await.unwrap());
        held.push(gate.enter(far).await.unwrap());
        // Past the push-out time, a newcomer takes the oldest place.
        tokio::time::sleep(PUSH_OUT_AFTER).await;
        assert!(gate.enter(far).await.is_some());
        assert!(held[0].pushed_out.try_recv().is_ok());
        assert!(held[1].pushed_out.try_recv().is_err());
    }

    #[tokio::test(start_paused = true)]
    async fn a_deadline_that_passes_first_gives_no_place() {
        let gate = Arc::new(Gate::default());
        let far = Instant::now() + Duration::from_secs(60);
        let mut held = Vec::new();
        for _ in 0..MAX_STARTUPS {
            held.push(gate.enter(far).await.unwrap());
        }
        let soon = Instant::now() + Duration::from_millis(10);
        assert!(gate.enter(soon).await.is_none());
        assert!(gate.lock().waiting.is_empty());
    }
}
