//! Searching off the interface thread, for cases large enough that a
//! search could take longer than a frame: the prompt echoes each key at
//! once while the worker ranks, and a search that a newer key has made
//! stale is abandoned part-way.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;

use super::{Corpus, Matcher, Matches, Query, best, find};
use crate::case::index::{Case, Item};

/// How many ranked results a search returns for display.
pub const SHOWN: usize = 1000;

/// A question for the worker.
struct Request {
    generation: u64,
    query: String,
    within: Option<Arc<Matches>>,
}

/// A finished search.
#[derive(Debug, Clone)]
pub struct Response {
    /// Which request this answers.
    pub generation: u64,
    /// Every match, kept to narrow the next search.
    pub matches: Arc<Matches>,
    /// The best results, best first, with their scores.
    pub best: Vec<(Item, i64)>,
    /// Those of them the query finds only in their editorial note.
    pub note_only: Vec<Item>,
}

/// A search thread with its own copy of the search records.
#[derive(Debug)]
pub struct Worker {
    requests: Sender<Request>,
    responses: Receiver<Response>,
    latest: Arc<AtomicU64>,
}

impl Worker {
    /// Start a worker for `case`. It builds its records on its own thread,
    /// so starting costs the interface nothing.
    pub fn spawn(case: Arc<Case>) -> std::io::Result<Worker> {
        let (requests, inbox) = mpsc::channel::<Request>();
        let (outbox, responses) = mpsc::channel();
        let latest = Arc::new(AtomicU64::new(0));
        let current = Arc::clone(&latest);
        thread::Builder::new()
            .name("waltz-search".into())
            .spawn(move || {
                let corpus = Corpus::new(&case);
                drop(case);
                let matcher = Matcher::default();
                while let Ok(mut request) = inbox.recv() {
                    // Only the newest question matters.
                    while let Ok(newer) = inbox.try_recv() {
                        request = newer;
                    }
                    let generation = request.generation;
                    let stale = || current.load(Ordering::Relaxed) != generation;
                    let within = request.within.as_deref();
                    let Some(matches) = find(&matcher, &corpus, &request.query, within, &stale)
                    else {
                        continue;
                    };
                    let response = Response::new(&matcher, &corpus, generation, matches);
                    if outbox.send(response).is_err() {
                        return;
                    }
                }
            })?;
        Ok(Worker {
            requests,
            responses,
            latest,
        })
    }

    /// Ask for `query`, searching only `within` when given; earlier
    /// questions still running are abandoned.
    pub fn ask(&self, generation: u64, query: &str, within: Option<Arc<Matches>>) {
        self.latest.store(generation, Ordering::Relaxed);
        let _ = self.requests.send(Request {
            generation,
            query: query.to_owned(),
            within,
        });
    }

    /// A finished search, if one is waiting.
    pub fn answer(&self) -> Option<Response> {
        self.responses.try_recv().ok()
    }

    /// Wait for a finished search (for tests and benchmarks).
    pub fn wait(&self) -> Option<Response> {
        self.responses.recv().ok()
    }
}

impl Response {
    /// The answer to search `generation`: its best results, and which of
    /// them are found only in a note.
    pub fn new(matcher: &Matcher, corpus: &Corpus, generation: u64, matches: Matches) -> Response {
        let query = Query::parse(&matches.query);
        let shown = best(&matches, SHOWN);
        let note_only = shown
            .iter()
            .map(|&(i, _)| &corpus.records[i as usize])
            .filter(|r| matcher.only_in_note(&query, r))
            .map(|r| r.item)
            .collect();
        Response {
            generation,
            best: shown
                .into_iter()
                .map(|(i, s)| (corpus.records[i as usize].item, s))
                .collect(),
            note_only,
            matches: Arc::new(matches),
        }
    }
}

/// The best `n` matches as items with scores.
pub fn ranked(corpus: &Corpus, matches: &Matches, n: usize) -> Vec<(Item, i64)> {
    best(matches, n)
        .into_iter()
        .map(|(i, s)| (corpus.records[i as usize].item, s))
        .collect()
}
