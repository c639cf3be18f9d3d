//! The finder (`/`): editing the query, moving among the results, going
//! to one; searching at once or on the worker thread for large cases.

use std::sync::Arc;

use super::line_edit;
use super::{App, Overlay, Scroll};
use crate::case::search::worker::{Response, Worker};
use crate::case::search::{self, Corpus, MAX_QUERY};
use crate::config::action::Action;
use crate::explorer::view::layout;

impl App {
    pub(super) fn find(&mut self, action: Action) {
        let height = self.finder_height();
        let Overlay::Find(finder) = &mut self.overlay else {
            return;
        };
        let last = finder.results.len().saturating_sub(1);
        let mut edited = false;
        match action {
            Action::Quit => self.quit = true,
            Action::Cancel | Action::Back => self.overlay = Overlay::None,
            Action::Submit if finder.pending => finder.go_when_ready = true,
            Action::Submit => {
                if let Some(&item) = finder.results.get(finder.scroll.cursor) {
                    self.overlay = Overlay::None;
                    self.go_to(item);
                }
            }
            Action::Up => finder.scroll.cursor = finder.scroll.cursor.saturating_sub(1),
            Action::Down => finder.scroll.cursor = (finder.scroll.cursor + 1).min(last),
            Action::PageUp => finder.scroll.cursor = finder.scroll.cursor.saturating_sub(height),
            Action::PageDown => finder.scroll.cursor = (finder.scroll.cursor + height).min(last),
            Action::Top => finder.scroll.cursor = 0,
            Action::Bottom => finder.scroll.cursor = last,
            Action::Insert(c) => {
                let text = c.to_string();
                edited = line_edit::insert(&mut finder.input, &mut finder.caret, &text, MAX_QUERY);
            }
            Action::Paste(text) => {
                edited = line_edit::insert(&mut finder.input, &mut finder.caret, &text, MAX_QUERY);
            }
            Action::DeleteChar => {
                edited = line_edit::delete_before(&mut finder.input, &mut finder.caret);
            }
            Action::DeleteNextChar => {
                edited = line_edit::delete_at(&mut finder.input, finder.caret)
            }
            Action::DeleteWord => {
                edited = line_edit::delete_word_before(&mut finder.input, &mut finder.caret);
            }
            Action::ClearInput => {
                edited = !finder.input.is_empty();
                finder.input.clear();
                finder.caret = 0;
            }
            Action::Left => finder.caret = finder.caret.saturating_sub(1),
            Action::Right => finder.caret = (finder.caret + 1).min(finder.input.chars().count()),
            Action::InputStart => finder.caret = 0,
            Action::InputEnd => finder.caret = finder.input.chars().count(),
            Action::Click(x, y) => {
                let list = layout::finder_results(self.screen);
                if list.contains((x, y).into()) {
                    let offset = finder
                        .scroll
                        .offset
                        .min(finder.results.len().saturating_sub(height));
                    let at = offset + usize::from(y - list.y);
                    if at == finder.scroll.cursor {
                        // A second click on the highlighted result goes there,
                        // as Enter does.
                        return self.find(Action::Submit);
                    }
                    if at < finder.results.len() {
                        finder.scroll.cursor = at;
                    }
                }
            }
            Action::Wheel(_, _, delta) => {
                finder.scroll.cursor = finder
                    .scroll
                    .cursor
                    .saturating_add_signed(3 * isize::from(delta))
                    .min(last);
            }
            _ => {}
        }
        if let Overlay::Find(finder) = &mut self.overlay {
            if finder.input.chars().count() >= MAX_QUERY {
                self.message = Some(format!("the query is cut at {} characters", MAX_QUERY));
            }
            let cursor = finder.scroll.cursor;
            finder.scroll.reveal(cursor, height);
        }
        if edited {
            self.refresh_search();
        }
    }

    /// Rows of results the finder shows.
    pub fn finder_height(&self) -> usize {
        usize::from(layout::finder_results(self.screen).height).max(1)
    }

    /// Search for the finder's query: at once for small cases, on the
    /// worker for large ones (the results arrive through [`App::poll_search`]).
    pub(super) fn refresh_search(&mut self) {
        let Overlay::Find(finder) = &mut self.overlay else {
            return;
        };
        let query = finder.input.clone();
        let within = self
            .search
            .last
            .clone()
            .filter(|m| search::narrows(&m.query, &query));
        self.search.generation += 1;
        if self.search.on_worker && self.search.worker.is_none() {
            self.search.worker = Worker::spawn(Arc::clone(&self.case)).ok();
            // Without a thread, search here.
            self.search.on_worker = self.search.worker.is_some();
        }
        if let Some(worker) = &self.search.worker {
            worker.ask(self.search.generation, &query, within);
            finder.pending = true;
            return;
        }
        let corpus = self.search.corpus.get_or_init(|| Corpus::new(&self.case));
        let matches = search::find(
            &self.search.matcher,
            corpus,
            &query,
            within.as_deref(),
            &|| false,
        )
        .unwrap_or_default();
        let generation = self.search.generation;
        let response = Response::new(&self.search.matcher, corpus, generation, matches);
        self.search_done(response);
    }

    /// Take a finished search from the worker, if one is waiting; true when
    /// the screen needs redrawing.
    pub fn poll_search(&mut self) -> bool {
        let mut changed = false;
        while let Some(response) = self.search.worker.as_ref().and_then(Worker::answer) {
            self.search_done(response);
            changed = true;
        }
        changed
    }

    pub(super) fn search_done(&mut self, response: Response) {
        let current = response.generation == self.search.generation;
        let Overlay::Find(finder) = &mut self.overlay else {
            return;
        };
        if !current {
            // Still useful to narrow the next search, if it narrows.
            return;
        }
        finder.total = response.matches.shown();
        finder.results = response.best.into_iter().map(|(item, _)| item).collect();
        finder.note_only = response.note_only;
        finder.scroll = Scroll::default();
        finder.pending = false;
        let go = std::mem::take(&mut finder.go_when_ready).then(|| finder.results.first().copied());
        self.search.last = Some(response.matches);
        match go {
            Some(Some(item)) => {
                self.overlay = Overlay::None;
                self.go_to(item);
            }
            Some(None) => self.message = Some("no match to go to".into()),
            None => {}
        }
    }
}
