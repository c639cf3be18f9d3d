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
    /// Room to spare: panes show summaries, titles get more text.
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

    /// Rows each of `len` factors takes in `level`'s pane: one for the name,
    /// and when the screen is roomy as many more for the summary as share
    /// the pane out evenly (at least one, at most four), so a tall pane with
    /// few factors fills with what they say rather than with blank rows.
    pub fn pane_item_rows(&self, level: Level, len: usize) -> usize {
        if !self.roomy {
            return 1;
        }
        let rows = usize::from(inner(self.panes[level.index()]).height);
        (rows / len.max(1)).clamp(2, 5)
    }

    /// How many of `len` factors `level`'s pane shows at once.
    pub fn pane_items(&self, level: Level, len: usize) -> usize {
        usize::from(inner(self.panes[level.index()]).height) / self.pane_item_rows(level, len)
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
    fn too_small_is_none() {
        assert!(Areas::new(Rect::new(0, 0, 59, 40)).is_none());
        assert!(Areas::new(Rect::new(0, 0, 200, 19)).is_none());
        assert!(Areas::new(Rect::new(0, 0, 0, 0)).is_none());
    }
}
