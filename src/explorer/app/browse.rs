//! Browsing: moving in the timeline, the panes and the detail, focus,
//! following links and coming back, the lens, the fold, the mouse.

use ratatui::layout::Rect;

use super::timeline::{self, Row};
use super::{App, Finder, Overlay, Place, Region};
use crate::case::index::Item;
use crate::case::model::Level;
use crate::config::action::Action;
use crate::explorer::view::detail::doc::Doc;
use crate::explorer::view::layout;

impl App {
    pub(super) fn browse(&mut self, action: Action) {
        match action {
            Action::Quit => self.quit = true,
            Action::Help => self.help = Some(0),
            Action::Tours => self.overlay = Overlay::Tours { cursor: 0 },
            Action::Present => self.toggle_present(),
            Action::Balance => self.open_balance(),
            Action::Quiz => self.open_quiz(),
            Action::Up => self.step(-1),
            Action::Down => self.step(1),
            Action::PageUp => self.page(-1),
            Action::PageDown => self.page(1),
            Action::Top => self.jump_end(false),
            Action::Bottom => self.jump_end(true),
            Action::FocusNext => self.cycle_focus(1),
            Action::FocusPrev => self.cycle_focus(-1),
            Action::FocusLeft => self.side_focus(-1),
            Action::FocusRight => self.side_focus(1),
            Action::Open => self.open(),
            Action::Back => self.back(),
            Action::NextLit => self.next_lit(true),
            Action::PrevLit => self.next_lit(false),
            Action::LensAll => self.set_lens(None),
            Action::LensIndividual => self.set_lens(Some(Level::Individual)),
            Action::LensDomestic => self.set_lens(Some(Level::Domestic)),
            Action::LensSystemic => self.set_lens(Some(Level::Systemic)),
            Action::JumpYear => {
                self.overlay = Overlay::Jump {
                    input: String::new(),
                }
            }
            Action::Search => {
                self.overlay = Overlay::Find(Finder::default());
                self.refresh_search();
            }
            Action::Click(x, y) => self.click(x, y),
            Action::Wheel(x, y, delta) => self.wheel(x, y, delta),
            Action::Submit
            | Action::Follow
            | Action::Notes
            | Action::Suspend
            | Action::Left
            | Action::Right
            | Action::Next
            | Action::Prev
            | Action::ToggleIndividual
            | Action::ToggleDomestic
            | Action::ToggleSystemic
            | Action::Cancel
            | Action::DeleteChar
            | Action::DeleteNextChar
            | Action::InputStart
            | Action::InputEnd
            | Action::DeleteWord
            | Action::ClearInput
            | Action::Insert(_)
            | Action::Paste(_) => {}
        }
    }
    /// Move the cursor of the focused region by `delta` rows.
    pub(super) fn step(&mut self, delta: isize) {
        match self.focus {
            Region::Timeline => {
                let target = self.timeline.cursor.saturating_add_signed(delta);
                self.timeline_to(target, delta.signum());
                self.anchor = Region::Timeline;
            }
            Region::Pane(level) => {
                let len = self.pane_len(level);
                let pane = &mut self.panes[level.index()];
                pane.cursor = pane
                    .cursor
                    .saturating_add_signed(delta)
                    .min(len.saturating_sub(1));
                self.anchor = self.focus;
                self.reveal_pane(level);
            }
            Region::Detail => self.step_detail(delta),
        }
    }

    /// Up and down in the detail read like a page with links in it: the
    /// text scrolls until the link cursor is in view, then the cursor moves
    /// from link to link, and past the first or last link the text scrolls.
    fn step_detail(&mut self, delta: isize) {
        let doc = self.doc();
        if self.present {
            // The slide shows every link: the cursor simply moves.
            let last = doc.links.len().saturating_sub(1);
            let detail = self.detail_mut();
            detail.cursor = detail.cursor.saturating_add_signed(delta).min(last);
            return;
        }
        let height = self.detail_height();
        let scroll = self.detail();
        let in_view = |row: usize| row >= scroll.offset && row < scroll.offset + height;
        let next = scroll
            .cursor
            .checked_add_signed(delta)
            .filter(|&n| n < doc.links.len());
        match (doc.links.get(scroll.cursor), next) {
            (Some(&(row, _)), Some(next)) if in_view(row) => {
                self.detail_mut().cursor = next;
                self.reveal_link(&doc);
            }
            // A link in view takes the cursor when the text scrolls to it.
            _ => {
                self.scroll_detail(&doc, delta);
                let offset = self.detail().offset;
                if !doc
                    .links
                    .get(scroll.cursor)
                    .is_some_and(|&(row, _)| row >= offset && row < offset + height)
                {
                    let visible = doc
                        .links
                        .iter()
                        .position(|&(row, _)| row >= offset && row < offset + height);
                    if let Some(i) = visible {
                        self.detail_mut().cursor = i;
                    }
                }
            }
        }
    }

    /// Whether the detail's link cursor is on screen.
    pub(super) fn link_in_view(&self, doc: &Doc) -> bool {
        if self.present {
            return true;
        }
        let scroll = self.detail();
        doc.links.get(scroll.cursor).is_some_and(|&(row, _)| {
            row >= scroll.offset && row < scroll.offset + self.detail_height()
        })
    }
    pub(super) fn page(&mut self, direction: isize) {
        match self.focus {
            Region::Timeline => {
                self.step(direction * self.timeline_height().max(2) as isize - direction)
            }
            Region::Pane(level) => self.step(direction * self.pane_height(level).max(1) as isize),
            Region::Detail => {
                let doc = self.doc();
                let height = self.detail_height().max(2) as isize - 1;
                self.scroll_detail(&doc, direction * height);
                // Keep the link cursor on screen with the text.
                let height = self.detail_height();
                let detail = self.detail_mut();
                let (top, bottom) = (detail.offset, detail.offset + height);
                if let Some(i) = doc
                    .links
                    .iter()
                    .position(|&(row, _)| row >= top && row < bottom)
                {
                    let current = doc.links.get(detail.cursor).map(|l| l.0);
                    if !current.is_some_and(|row| row >= top && row < bottom) {
                        detail.cursor = i;
                    }
                }
            }
        }
    }
    pub(super) fn jump_end(&mut self, end: bool) {
        let far = if end {
            isize::MAX / 2
        } else {
            -(isize::MAX / 2)
        };
        match self.focus {
            Region::Detail => {
                let doc = self.doc();
                self.scroll_detail(&doc, far);
                self.detail_mut().cursor = if end {
                    doc.links.len().saturating_sub(1)
                } else {
                    0
                };
            }
            _ => self.step(far),
        }
    }
    /// Keep the detail's scroll within its document, which shrinks when the
    /// screen grows or a tour's note goes.
    pub(super) fn clamp_detail(&mut self) {
        let doc = self.doc();
        let max = doc.lines.len().saturating_sub(self.detail_height());
        let detail = self.detail_mut();
        detail.offset = detail.offset.min(max);
    }
    pub(super) fn scroll_detail(&mut self, doc: &Doc, delta: isize) {
        let max = doc.lines.len().saturating_sub(self.detail_height());
        let detail = self.detail_mut();
        detail.offset = detail.offset.saturating_add_signed(delta).min(max);
    }
    /// Put the timeline cursor on the selectable row nearest `target`,
    /// looking first in `direction` (1 down, -1 up).
    pub(super) fn timeline_to(&mut self, target: usize, direction: isize) {
        let Some(last) = self.rows.len().checked_sub(1) else {
            return;
        };
        let target = target.min(last);
        let ahead: Box<dyn Iterator<Item = usize>> = if direction < 0 {
            Box::new((0..=target).rev())
        } else {
            Box::new(target..=last)
        };
        let behind: Box<dyn Iterator<Item = usize>> = if direction < 0 {
            Box::new(target..=last)
        } else {
            Box::new((0..=target).rev())
        };
        if let Some(row) = ahead.chain(behind).find(|&r| self.rows[r].selectable()) {
            self.timeline.cursor = row;
            self.reveal_timeline();
        }
    }
    pub(super) fn reveal_timeline(&mut self) {
        let height = self.timeline_height();
        let cursor = self.timeline.cursor;
        self.timeline.reveal(cursor, height);
        // Show the era header above the first event of an era too.
        if cursor > 0
            && self.rows.get(cursor - 1).is_some_and(|r| !r.selectable())
            && cursor - 1 < self.timeline.offset
        {
            self.timeline.offset = cursor - 1;
        }
        let max = self.rows.len().saturating_sub(height);
        self.timeline.offset = self.timeline.offset.min(max);
    }
    /// Scroll a list so that its cursor shows.
    pub(super) fn reveal_cursor(&mut self, region: Region) {
        match region {
            Region::Timeline => self.reveal_timeline(),
            Region::Pane(level) => self.reveal_pane(level),
            Region::Detail => {}
        }
    }
    pub(super) fn reveal_pane(&mut self, level: Level) {
        let height = self.pane_height(level);
        let len = self.pane_len(level);
        let pane = &mut self.panes[level.index()];
        pane.cursor = pane.cursor.min(len.saturating_sub(1));
        let cursor = pane.cursor;
        pane.reveal(cursor, height);
        pane.offset = pane.offset.min(len.saturating_sub(height));
    }
    pub(super) fn reveal_link(&mut self, doc: &Doc) {
        let height = self.detail_height();
        let max = doc.lines.len().saturating_sub(height);
        let detail = self.detail_mut();
        detail.cursor = detail.cursor.min(doc.links.len().saturating_sub(1));
        if let Some(&(row, _)) = doc.links.get(detail.cursor) {
            detail.reveal(row, height);
        }
        detail.offset = detail.offset.min(max);
    }
    /// When an event becomes the anchor, scroll each pane (but the one in
    /// focus) so that one of its lit factors is in view.
    pub(super) fn reveal_lit_factors(&mut self) {
        let Some(lit) = self.lit().factors else {
            return;
        };
        let lit = lit.to_vec();
        for level in Level::ALL {
            if self.focus == Region::Pane(level) {
                continue;
            }
            let height = self.pane_height(level);
            let factors = &self.case.index.level_factors[level.index()];
            let positions: Vec<usize> = (0..factors.len())
                .filter(|&i| lit.contains(&factors[i]))
                .collect();
            let pane = &mut self.panes[level.index()];
            let shown = |offset: usize| {
                positions
                    .iter()
                    .filter(|&&i| i >= offset && i < offset + height)
                    .count()
            };
            // As many of the lit factors as the pane can show at once:
            // the best window starting at one of them, unless the current
            // one already shows as many.
            let best = positions
                .iter()
                .map(|&p| p.min(factors.len().saturating_sub(height)))
                .max_by_key(|&offset| (shown(offset), std::cmp::Reverse(offset)));
            if let Some(best) = best.filter(|&b| shown(b) > shown(pane.offset)) {
                pane.offset = best;
            }
        }
    }
    /// When a factor (or an actor, era, source) becomes the anchor, scroll
    /// the timeline, unless it has focus, so that a lit event is in view.
    pub(super) fn reveal_lit_events(&mut self) {
        if self.focus == Region::Timeline {
            return;
        }
        let lit = self.lit();
        if lit.events.is_none() {
            return;
        }
        let height = self.timeline_height();
        let lit_row = |r: &Row| matches!(r, Row::Event(e) if lit.event(*e));
        let offset = self.timeline.offset;
        let end = (offset + height).min(self.rows.len());
        if self.rows[offset.min(end)..end].iter().any(lit_row) {
            return;
        }
        // Lit events folded away: the fold row, which counts them.
        let folded_lit = self.folded_lit() > 0;
        let fold = |r: &Row| folded_lit && matches!(r, Row::Fold(_));
        if let Some(first) = self
            .rows
            .iter()
            .position(lit_row)
            .or_else(|| self.rows.iter().position(fold))
        {
            // The lit event a little down from the top, under its header.
            self.timeline.offset = first
                .saturating_sub(1)
                .min(self.rows.len().saturating_sub(height));
        }
    }

    pub(super) fn set_focus(&mut self, region: Region) {
        self.focus = region;
        if region != Region::Detail {
            self.shown = region;
        }
    }
    /// Focus `region` as the user asks: a list given focus also becomes
    /// the anchor, so what is lit always follows what is selected there.
    pub(super) fn focus_on(&mut self, region: Region) {
        self.set_focus(region);
        if region == Region::Detail {
            return;
        }
        self.reveal_cursor(region);
        self.anchor = region;
        // Back in a list, the detail starts again from its top.
        self.detail = super::DetailScroll::default();
    }

    pub(super) fn cycle_focus(&mut self, direction: isize) {
        let n = Region::ORDER.len() as isize;
        let next = (self.focus.position() as isize + direction).rem_euclid(n);
        self.focus_on(Region::ORDER[next as usize]);
    }

    /// Focus the list to the left (-1) or right (1) on screen: the nearest
    /// beside the list in focus and sharing rows with it, the top one when
    /// several are stacked. From the detail, go back to the list it shows.
    pub(super) fn side_focus(&mut self, direction: isize) {
        if self.focus == Region::Detail {
            self.focus_on(self.shown);
            return;
        }
        let Some(areas) = self.areas() else {
            return;
        };
        let rect = |r: Region| match r {
            Region::Timeline => areas.timeline,
            Region::Pane(l) => areas.panes[l.index()],
            Region::Detail => areas.detail,
        };
        let here = rect(self.focus);
        let beside = |there: Rect| {
            if direction > 0 {
                there.x >= here.right()
            } else {
                there.right() <= here.x
            }
        };
        let overlap = |there: Rect| {
            (here.bottom().min(there.bottom()) as i32 - here.y.max(there.y) as i32).max(0)
        };
        let best = Region::ORDER[..4]
            .iter()
            .copied()
            .filter(|&r| beside(rect(r)) && overlap(rect(r)) > 0)
            .min_by_key(|&r| (rect(r).x.abs_diff(here.x), rect(r).y));
        if let Some(region) = best {
            self.focus_on(region);
        }
    }
    pub(super) fn open(&mut self) {
        match self.focus {
            Region::Timeline => match self.rows.get(self.timeline.cursor) {
                Some(Row::Fold(_)) => self.toggle_fold(),
                Some(Row::Event(_)) => self.set_focus(Region::Detail),
                _ => {}
            },
            Region::Pane(_) => {
                if self.shown().is_some() {
                    self.set_focus(Region::Detail);
                }
            }
            Region::Detail => {
                let doc = self.doc();
                match doc.links.get(self.detail().cursor) {
                    // Never follow a link the reader cannot see: show it first.
                    Some(_) if !self.link_in_view(&doc) => self.reveal_link(&doc),
                    Some(&(_, item)) => self.follow(item),
                    None => {}
                }
            }
        }
    }
    pub(super) fn toggle_fold(&mut self) {
        let at = self.rows.get(self.timeline.cursor).copied();
        self.fold_open = !self.fold_open;
        self.rebuild(at);
    }
    /// Rebuild the rows after the lens or fold changed, keeping the cursor
    /// on `keep` or the nearest row after it.
    pub(super) fn rebuild(&mut self, keep: Option<Row>) {
        self.rows = timeline::rows(&self.case, self.lens, self.fold_open);
        let row = match keep {
            Some(Row::Event(e)) => self
                .rows
                .iter()
                .position(|r| matches!(r, Row::Event(x) if *x >= e))
                .or_else(|| self.rows.iter().rposition(|r| matches!(r, Row::Event(_)))),
            Some(r) => self.rows.iter().position(|x| *x == r),
            None => None,
        };
        self.timeline.cursor = row.unwrap_or(0);
        self.timeline_to(self.timeline.cursor, 1);
        self.reveal_timeline();
    }
    pub(super) fn set_lens(&mut self, lens: Option<Level>) {
        let keep = self.rows.get(self.timeline.cursor).copied();
        self.lens = lens;
        self.rebuild(keep);
        // The rows changed under the selection: its lit events back in view.
        self.reveal_lit_events();
        if self.rows.is_empty() {
            self.message = Some("no events involve this level".into());
        }
    }
    pub(super) fn place(&self) -> Place {
        Place {
            focus: self.focus,
            shown: self.shown,
            anchor: self.anchor,
            timeline: self.rows.get(self.timeline.cursor).copied(),
            panes: self.panes.map(|p| p.cursor),
            detail: self.detail,
            pinned: self.pinned,
        }
    }
    /// Follow a link from the detail: select its item, keeping the focus on
    /// the detail so that more links can be followed; Esc comes back.
    pub(super) fn follow(&mut self, item: Item) {
        self.history.push(self.place());
        self.select(item);
    }
    /// Select `item` in its list (the timeline for an event, its level's pane
    /// for a factor), making it shown and anchored, as if moved to by hand.
    /// An actor, era or source has no list: it is pinned, lighting its events
    /// and factors, and the timeline goes to its first event.
    pub fn select(&mut self, item: Item) {
        self.pinned = None;
        // Its detail opens at the top, even when it was scrolled the last
        // time the same item was shown.
        self.detail = super::DetailScroll::default();
        match item {
            Item::Actor(_) | Item::Era(_) | Item::Source(_) => {
                if let Some(&e) = self.lit_by(item).first() {
                    self.reveal_event(e);
                }
                self.pinned = Some(item);
            }
            Item::Event(e) => {
                self.reveal_event(e);
                self.anchor = Region::Timeline;
                self.shown = Region::Timeline;
            }
            Item::Factor(f) => {
                let level = self.case.data.factors[f].level;
                let at = self.case.index.level_factors[level.index()]
                    .iter()
                    .position(|&x| x == f);
                self.panes[level.index()].cursor = at.unwrap_or(0);
                self.reveal_pane(level);
                self.anchor = Region::Pane(level);
                self.shown = Region::Pane(level);
            }
        }
        if self.focus != Region::Detail {
            self.focus = self.shown;
        }
    }
    /// Go to `item` as the finder does: select it and focus where it is —
    /// its list, or the detail for an item without one. Esc comes back.
    pub fn go_to(&mut self, item: Item) {
        self.history.push(self.place());
        self.select(item);
        self.focus = if self.pinned.is_some() {
            Region::Detail
        } else {
            self.shown
        };
    }
    /// The events an item lights, in order.
    pub(super) fn lit_by(&self, item: Item) -> &[usize] {
        let ix = &self.case.index;
        match item {
            Item::Event(_) => &[],
            Item::Factor(f) => &ix.factor_events[f],
            Item::Actor(a) => &ix.actor_events[a],
            Item::Era(x) => &ix.era_events[x],
            Item::Source(s) => &ix.source_events[s],
        }
    }
    /// Put the timeline's cursor on event `e`, lifting a lens or opening
    /// the background fold if they hide it.
    pub(super) fn reveal_event(&mut self, e: usize) {
        if self.lens.is_some_and(|l| !self.case.levels(e).contains(l)) {
            self.lens = None;
        }
        if self.case.is_background(e) {
            self.fold_open = true;
        }
        self.rebuild(Some(Row::Event(e)));
    }
    pub(super) fn back(&mut self) {
        if self.focus != Region::Detail && self.pinned.is_none() && self.shown != self.anchor {
            // Walking the lit items with n/N: back to the item that lights
            // them, where the walk began.
            self.set_focus(self.anchor);
            self.reveal_cursor(self.anchor);
        } else if let Some(place) = self.history.pop() {
            // Going back from a list stays in a list: the one the earlier
            // selection is in, not the detail it was followed from.
            self.focus = if self.focus == Region::Detail {
                place.focus
            } else {
                place.shown
            };
            self.shown = place.shown;
            self.anchor = place.anchor;
            if let Some(row) = place.timeline {
                self.rebuild(Some(row));
            }
            for level in Level::ALL {
                self.panes[level.index()].cursor = place.panes[level.index()];
                self.reveal_pane(level);
            }
            self.detail = place.detail;
            self.pinned = place.pinned;
        } else if self.focus == Region::Detail {
            self.focus = self.shown;
        }
    }
    /// Jump to the next (or previous) item the anchor lights: a lit event
    /// on the timeline, or a lit factor across the three panes.
    pub(super) fn next_lit(&mut self, forward: bool) {
        let lit = self.lit();
        if let Some(events) = lit.events {
            let lens = self.lens;
            let visible: Vec<usize> = events
                .iter()
                .copied()
                .filter(|&e| lens.is_none_or(|l| self.case.levels(e).contains(l)))
                .collect();
            let current = match (self.focus, self.rows.get(self.timeline.cursor)) {
                (Region::Timeline, Some(Row::Event(e))) => Some(*e),
                _ => None,
            };
            let Some(e) = cycle(&visible, current, forward) else {
                self.message = Some("no highlighted events under this lens".into());
                return;
            };
            let at = visible.iter().position(|&x| x == e).unwrap_or(0);
            self.walking(at, visible.len());
            if self.case.is_background(e) {
                self.fold_open = true;
            }
            self.rebuild(Some(Row::Event(e)));
            self.set_focus(Region::Timeline);
        } else if let Some(factors) = lit.factors {
            let index = &self.case.index;
            // Lit factors in screen order: by level, then by place in the pane.
            let mut order: Vec<(usize, usize)> = factors
                .iter()
                .filter_map(|&f| {
                    let level = self.case.data.factors[f].level.index();
                    let at = index.level_factors[level].iter().position(|&x| x == f)?;
                    Some((level, at))
                })
                .collect();
            order.sort_unstable();
            let current = match self.focus {
                Region::Pane(l) => Some((l.index(), self.panes[l.index()].cursor)),
                _ => None,
            };
            let Some((level, at)) = cycle(&order, current, forward) else {
                self.message = Some("the selected event is linked to no factor".into());
                return;
            };
            let n = order.iter().position(|&x| x == (level, at)).unwrap_or(0);
            self.walking(n, order.len());
            let level = Level::ALL[level];
            self.panes[level.index()].cursor = at;
            self.reveal_pane(level);
            self.set_focus(Region::Pane(level));
        } else {
            self.message = Some("nothing is highlighted".into());
        }
    }
    /// Say which lit item `n` and `N` reached, and whose: the highlight stays
    /// with the item that lit them until another is selected by moving.
    fn walking(&mut self, at: usize, of: usize) {
        let by = self
            .anchor()
            .map(|item| self.case.title(item).to_owned())
            .unwrap_or_default();
        self.message = Some(format!(
            "● {} of {of} lit by “{by}”: move to select it, Esc to go back",
            at + 1
        ));
    }

    /// Go to the first event of `year`, or the first whose span holds it
    /// ("1990–1999" holds 1997), or else the first one after it.
    pub(super) fn jump_to_year(&mut self, year: i32) {
        let lens = self.lens;
        let case = std::sync::Arc::clone(&self.case);
        let events = &case.data.events;
        let shows = |e: usize| lens.is_none_or(|l| case.levels(e).contains(l));
        let covers = |e: usize| {
            let x = &events[e];
            x.year <= year && year <= x.until().unwrap_or(x.year).max(x.year)
        };
        let target = (0..events.len())
            .find(|&e| shows(e) && events[e].year == year)
            .or_else(|| (0..events.len()).find(|&e| shows(e) && covers(e)))
            .or_else(|| (0..events.len()).find(|&e| shows(e) && events[e].year > year))
            // A year past the end goes to the last event, as one before the
            // start goes to the first.
            .or_else(|| (0..events.len()).rev().find(|&e| shows(e)));
        match target {
            Some(e) => {
                let exact = covers(e);
                self.reveal_event(e);
                // The year a third of the way down, so that the rest of its
                // events show below it.
                let height = self.timeline_height();
                self.timeline.offset = self.timeline.cursor.saturating_sub(height / 3);
                self.focus_on(Region::Timeline);
                if !exact {
                    self.message = Some(format!("no event in {year}; showing {}", events[e].year));
                }
            }
            None => self.message = Some("no event to show".to_owned()),
        }
    }
    pub(super) fn click(&mut self, x: u16, y: u16) {
        let Some(areas) = self.areas() else {
            return;
        };
        let hit = |r: Rect| {
            let inner = layout::inner(r);
            (inner.contains((x, y).into())).then(|| usize::from(y - inner.y))
        };
        if let Some(dy) = hit(areas.timeline) {
            let row = self.timeline.offset + dy;
            match self.rows.get(row) {
                Some(Row::Fold(_)) => {
                    self.timeline.cursor = row;
                    self.focus_on(Region::Timeline);
                    self.toggle_fold();
                }
                Some(Row::Event(_)) => {
                    self.timeline.cursor = row;
                    self.focus_on(Region::Timeline);
                    self.reveal_timeline();
                }
                _ => {}
            }
            return;
        }
        for level in Level::ALL {
            if let Some(dy) = hit(areas.panes[level.index()]) {
                let at = self
                    .pane_layout(level)
                    .at(self.panes[level.index()].offset, dy);
                if at < self.pane_len(level) {
                    self.panes[level.index()].cursor = at;
                    self.focus_on(Region::Pane(level));
                    self.reveal_pane(level);
                }
                return;
            }
        }
        if let Some(dy) = hit(areas.detail) {
            let doc = self.doc();
            let row = self.detail().offset + dy;
            if let Some(i) = doc.links.iter().position(|&(r, _)| r == row) {
                self.focus = Region::Detail;
                self.detail_mut().cursor = i;
                self.follow(doc.links[i].1);
            }
        }
    }
    pub(super) fn wheel(&mut self, x: u16, y: u16, delta: i8) {
        let Some(areas) = self.areas() else {
            return;
        };
        let over = |r: Rect| r.contains((x, y).into());
        let delta = 3 * isize::from(delta);
        if over(areas.timeline) {
            let max = self.rows.len().saturating_sub(self.timeline_height());
            self.timeline.offset = self.timeline.offset.saturating_add_signed(delta).min(max);
        } else if over(areas.detail) {
            let doc = self.doc();
            self.scroll_detail(&doc, delta);
        } else if let Some(level) = Level::ALL
            .into_iter()
            .find(|l| over(areas.panes[l.index()]))
        {
            let max = self.pane_len(level).saturating_sub(self.pane_height(level));
            let pane = &mut self.panes[level.index()];
            pane.offset = pane.offset.saturating_add_signed(delta).min(max);
        }
    }
}

/// The element after (or before) `current` in the sorted `items`, wrapping
/// around; the first (or last) when there is no current one among them.
fn cycle<T: Copy + Ord>(items: &[T], current: Option<T>, forward: bool) -> Option<T> {
    let (first, last) = (*items.first()?, *items.last()?);
    Some(match (current, forward) {
        (None, true) => first,
        (None, false) => last,
        (Some(c), true) => items.iter().copied().find(|&x| x > c).unwrap_or(first),
        (Some(c), false) => items.iter().rev().copied().find(|&x| x < c).unwrap_or(last),
    })
}
