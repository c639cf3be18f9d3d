//! Large digits for presentation mode: a year readable from the back of
//! a classroom, five rows tall, or a multiple of that on a large screen.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

/// Rows of each glyph.
pub const HEIGHT: u16 = 5;

fn glyph(c: char) -> Option<[&'static str; 5]> {
    Some(match c {
        '0' => ["███", "█ █", "█ █", "█ █", "███"],
        '1' => [" █ ", "██ ", " █ ", " █ ", "███"],
        '2' => ["███", "  █", "███", "█  ", "███"],
        '3' => ["███", "  █", "███", "  █", "███"],
        '4' => ["█ █", "█ █", "███", "  █", "  █"],
        '5' => ["███", "█  ", "███", "  █", "███"],
        '6' => ["███", "█  ", "███", "█ █", "███"],
        '7' => ["███", "  █", "  █", "  █", "  █"],
        '8' => ["███", "█ █", "███", "█ █", "███"],
        '9' => ["███", "█ █", "███", "  █", "███"],
        '–' | '-' => ["   ", "   ", "███", "   ", "   "],
        ' ' => ["   ", "   ", "   ", "   ", "   "],
        _ => return None,
    })
}

/// The width `text` takes in large digits drawn `scale` times over
/// (characters without a glyph are left out).
pub fn width(text: &str, scale: u16) -> u16 {
    let glyphs = text.chars().filter(|&c| glyph(c).is_some()).count() as u16;
    (glyphs * 4).saturating_sub(1) * scale
}

/// Draw `text` in large digits, each of their cells `scale` cells wide and
/// tall, at the top left of `area`, clipped to it.
pub fn render(text: &str, area: Rect, scale: u16, style: Style, buf: &mut Buffer) {
    let scale = scale.max(1);
    let mut x = area.x;
    for g in text.chars().filter_map(glyph) {
        for (row, line) in g.iter().enumerate() {
            for (i, ch) in line.chars().enumerate() {
                if ch == ' ' {
                    continue;
                }
                for dy in 0..scale {
                    for dx in 0..scale {
                        let cx = x + i as u16 * scale + dx;
                        let y = area.y + row as u16 * scale + dy;
                        if cx < area.right() && y < area.bottom() {
                            buf[(cx, y)].set_char(ch).set_style(style);
                        }
                    }
                }
            }
        }
        x = x.saturating_add(4 * scale);
        if x >= area.right() {
            break;
        }
    }
}
