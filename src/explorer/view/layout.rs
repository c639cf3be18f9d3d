//! Where each region goes for a terminal size, and how many rows each list
//! shows. The view draws by it and the app asks it (paging, keeping the
//! cursor in view, mouse hits), so the two always agree and the geometry
//! lives in one place.

use ratatui::layout::{Constraint, Layout, Margin, Rect};

use crate::case::model::Level;

/// The smallest terminal the explorer draws in.
pub const MIN_WIDTH: u16 = 60;
/// The smallest terminal the explorer draws in.
pub const MIN_HEIGHT: u16 = 20;

/// From this many rows up, the screen has a header.
pub const HEADER_FROM: u16 = 40;

/// The regions of the explorer's screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    /// The timeline, border included.
    pub timeline: Rect,
    /// The individual, domestic and systemic panes, borders included.
    pub panes: [Rect; 3],
    /// The detail panel, border included.
    pub detail: Rect,
    /// The status bar (one row).
    pub status: Rect,
    /// A header row with the case's title and thesis, on a tall screen.
    pub header: Option<Rect>,
    /// A large screen: a pane that must scroll gives each factor a second
    /// row, for the start of its summary.
    pub roomy: bool,
}

impl Areas {
    /// The layout for a screen of `area`, or `None` when it is too small.
    pub fn new(area: Rect) -> Option<Areas> {
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            return None;
        }
        let roomy = area.width >= 160 && area.height >= 48;
        let detail_height = (area.height * 3 / 10).clamp(6, 18);
        // A tall screen can spare a row to say what the case argues.
        let (header, area) = if area.height >= HEADER_FROM {
            let [header, rest] = area.layout(&Layout::vertical([
                Constraint::Length(1),
                Constraint::Fill(1),
            ]));
            (Some(header), rest)
        } else {
            (None, area)
        };
        let [main, detail, status] = area.layout(&Layout::vertical([
            Constraint::Fill(1),
            Constraint::Length(detail_height),
            Constraint::Length(1),
        ]));
        let panes = if area.width >= 140 {
            // Wide: the three panes stand side by side, as columns.
            let [timeline, a, b, c] = main.layout(&Layout::horizontal([
                // Titles need about 70 columns; the panes take the rest.
                Constraint::Length((main.width * 2 / 5).min(72)),
                Constraint::Fill(1),
                Constraint::Fill(1),
                Constraint::Fill(1),
            ]));
            (timeline, [a, b, c])
        } else {
            // Narrow: the panes are stacked to the right of the timeline.
            let [timeline, right] = main.layout(&Layout::horizontal([
                Constraint::Percentage(50),
                Constraint::Fill(1),
            ]));
            let [a, b, c] = right.layout(&Layout::vertical([Constraint::Fill(1); 3]));
            (timeline, [a, b, c])
        };
        Some(Areas {
            timeline: panes.0,
            panes: panes.1,
            detail,
            status,
            header,
            roomy,
        })
    }
}

impl Areas {
    /// The width the detail's text is laid out in: the panel's inside less
    /// a margin on the left and the scrollbar on the right.
    pub fn detail_width(&self) -> usize {
        usize::from(inner(self.detail).width)
            .saturating_sub(2)
            .max(1)
    }

    /// Rows of the detail's text.
    pub fn detail_rows(&self) -> usize {
        usize::from(inner(self.detail).height)
    }

    /// Rows of the timeline.
    pub fn timeline_rows(&self) -> usize {
        usize::from(inner(self.timeline).height)
    }

    /// Rows inside `level`'s pane.
    pub fn pane_rows(&self, level: Level) -> usize {
        usize::from(inner(self.panes[level.index()]).height)
    }

    /// The width a factor's name and summary are wrapped to in `level`'s
    /// pane: its inside less the scrollbar and the marks before the name.
    pub fn pane_text_width(&self, level: Level) -> usize {
        usize::from(inner(self.panes[level.index()]).width)
            .saturating_sub(1 + PANE_MARKS)
            .max(1)
    }
}

/// Cells before a factor's name in a pane: the lit mark, the effect, a gap.
pub const PANE_MARKS: usize = 3;

/// The rows one factor takes in its pane: its name's and its summary's.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ItemRows {
    /// Rows of the name (more than one when it wraps).
    pub name: usize,
    /// Rows of the summary under it.
    pub summary: usize,
}

impl ItemRows {
    /// Rows in all.
    pub fn total(self) -> usize {
        self.name + self.summary
    }
}

/// How a level pane lays its factors out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PaneRows {
    /// Every factor takes the same rows and the list scrolls.
    Uniform(ItemRows),
    /// The whole list fits: each factor's rows, in order. The room left
    /// over goes first to long names (wrapped rather than cut), then to
    /// the summaries, a row at a time round the list.
    Each(Vec<ItemRows>),
}

impl PaneRows {
    /// Lay out `len` factors in `rows` rows. `want(i)` is what factor `i`'s
    /// name and summary take wrapped in full (asked only when the whole list
    /// fits); a list that does not fit scrolls, a row a factor, or on a
    /// `roomy` screen two, the second for the start of its summary.
    pub fn new(rows: usize, len: usize, roomy: bool, want: impl Fn(usize) -> ItemRows) -> PaneRows {
        let base = ItemRows {
            name: 1,
            summary: 0,
        };
        if len == 0 || len > rows {
            return PaneRows::Uniform(ItemRows {
                summary: usize::from(roomy),
                ..base
            });
        }
        let wants: Vec<ItemRows> = (0..len).map(want).collect();
        let mut items = vec![base; len];
        let mut spare = rows - len;
        // A cut name hides what the factor is: names come first.
        for (item, want) in items.iter_mut().zip(&wants) {
            let more = want.name.saturating_sub(item.name).min(spare);
            item.name += more;
            spare -= more;
        }
        // Summaries only when each one that has none yet can have a row:
        // a list where some say what they are and some do not reads oddly.
        let bare = items
            .iter()
            .zip(&wants)
            .filter(|(i, w)| i.summary == 0 && w.summary > 0)
            .count();
        if spare >= bare {
            share_out(&mut items, &wants, spare);
        }
        PaneRows::Each(items)
    }

    /// How many factors show at once in `rows` rows.
    pub fn shown(&self, rows: usize) -> usize {
        match self {
            PaneRows::Uniform(item) => rows / item.total().max(1),
            PaneRows::Each(items) => items.len(),
        }
    }

    /// The rows of factor `i`.
    pub fn item(&self, i: usize) -> ItemRows {
        match self {
            PaneRows::Uniform(item) => *item,
            PaneRows::Each(items) => items.get(i).copied().unwrap_or_default(),
        }
    }

    /// The factor drawn at row `dy` of the pane, with `offset` the first
    /// shown (it may be past the last factor).
    pub fn at(&self, offset: usize, dy: usize) -> usize {
        match self {
            PaneRows::Uniform(item) => offset + dy / item.total().max(1),
            PaneRows::Each(items) => {
                let mut top = 0;
                for (i, item) in items.iter().enumerate().skip(offset) {
                    top += item.total();
                    if dy < top {
                        return i;
                    }
                }
                items.len()
            }
        }
    }
}

/// Give `spare` rows to the summaries that want them, one at a time round
/// the list, so that they fill the pane evenly.
fn share_out(items: &mut [ItemRows], wants: &[ItemRows], mut spare: usize) {
    while spare > 0 {
        let before = spare;
        for (item, want) in items.iter_mut().zip(wants) {
            if spare > 0 && want.summary > item.summary {
                item.summary += 1;
                spare -= 1;
            }
        }
        if spare == before {
            return;
        }
    }
}

/// Where the finder's popup goes: over the timeline and the panes, leaving
/// the detail (which previews the highlighted result) in view.
pub fn finder(screen: Rect) -> Rect {
    match Areas::new(screen) {
        Some(a) => {
            let main = a
                .timeline
                .union(a.panes[0])
                .union(a.panes[1])
                .union(a.panes[2]);
            let margin = if main.width >= 100 {
                main.width / 10
            } else {
                0
            };
            Rect::new(
                main.x + margin,
                main.y,
                main.width - 2 * margin,
                main.height,
            )
        }
        None => screen,
    }
}

/// The rows of the finder's result list: inside its popup, below the query
/// line and a blank row.
pub fn finder_results(screen: Rect) -> Rect {
    let inner = inner(finder(screen));
    Rect {
        y: inner.y + 2.min(inner.height),
        height: inner.height.saturating_sub(2),
        ..inner
    }
}

/// Where the help popup goes: centred, at most 100 columns wide.
pub fn help(screen: Rect) -> Rect {
    let width = screen.width.saturating_sub(4).min(100);
    let height = screen.height.saturating_sub(2);
    Rect::new(
        screen.x + (screen.width - width) / 2,
        screen.y + (screen.height - height) / 2,
        width,
        height,
    )
}

/// The width the help's text is laid out in: its popup's inside, less a
/// margin.
pub fn help_width(screen: Rect) -> usize {
    usize::from(help(screen).width).saturating_sub(3)
}

/// The inside of a bordered region.
pub fn inner(area: Rect) -> Rect {
    area.inner(Margin::new(1, 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regions_tile_the_screen_without_overlap() {
        for (w, h) in [(60, 20), (80, 24), (120, 40), (160, 48), (300, 100)] {
            let a = Areas::new(Rect::new(0, 0, w, h)).unwrap();
            let mut all = vec![
                a.timeline, a.panes[0], a.panes[1], a.panes[2], a.detail, a.status,
            ];
            all.extend(a.header);
            let cells: u32 = all
                .iter()
                .map(|r| u32::from(r.width) * u32::from(r.height))
                .sum();
            assert_eq!(cells, u32::from(w) * u32::from(h), "{w}×{h}");
            for (i, x) in all.iter().enumerate() {
                for y in &all[i + 1..] {
                    assert!(!x.intersects(*y), "{w}×{h}: {x:?} {y:?}");
                }
            }
        }
    }

    #[test]
    fn a_pane_that_fits_wraps_names_first_then_fills_with_summaries() {
        let want = |_| ItemRows {
            name: 2,
            summary: 9,
        };
        // Too many for the rows: one each, scrolled (two on a roomy screen).
        assert_eq!(
            PaneRows::new(5, 7, false, want),
            PaneRows::Uniform(ItemRows {
                name: 1,
                summary: 0
            })
        );
        assert_eq!(PaneRows::new(5, 7, true, want).shown(5), 2);
        // Room for the names only: they wrap, in order, as far as it goes.
        let PaneRows::Each(items) = PaneRows::new(8, 5, false, want) else {
            panic!()
        };
        let names: Vec<usize> = items.iter().map(|i| i.name).collect();
        assert_eq!(names, [2, 2, 2, 1, 1]);
        assert!(items.iter().all(|i| i.summary == 0));
        // Room for every summary: shared out evenly, filling the pane.
        let layout = PaneRows::new(24, 3, false, want);
        let PaneRows::Each(items) = &layout else {
            panic!()
        };
        assert_eq!(items.iter().map(|i| i.total()).sum::<usize>(), 24);
        assert!(items.iter().all(|i| (i.name, i.summary) == (2, 6)));
        assert_eq!(layout.at(0, 7), 0);
        assert_eq!(layout.at(0, 8), 1);
        assert_eq!(layout.at(0, 30), 3);
    }

    #[test]
    fn too_small_is_none() {
        assert!(Areas::new(Rect::new(0, 0, 59, 40)).is_none());
        assert!(Areas::new(Rect::new(0, 0, 200, 19)).is_none());
        assert!(Areas::new(Rect::new(0, 0, 0, 0)).is_none());
    }
}
