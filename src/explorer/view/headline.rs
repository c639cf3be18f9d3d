//! A slide's title in large letters, for a projector: a font three pixels
//! wide and five tall, drawn with half blocks (`▀ ▄ █`) so that a letter
//! takes three rows and, with the gap after it, four columns.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

/// Rows a line of large letters takes.
pub const HEIGHT: u16 = 3;

/// Columns a letter takes, the gap after it included.
pub const ADVANCE: usize = 4;

/// The glyph of `c` (upper case, accents dropped), five rows of three
/// pixels, `#` for ink; `None` for a character the font lacks.
fn glyph(c: char) -> Option<[&'static str; 5]> {
    // A character beyond ASCII by its plain form, if it has one.
    let c = match super::ascii::stand_in(c) {
        '?' if c != '?' => return None,
        plain => plain.to_ascii_uppercase(),
    };
    Some(match c {
        'A' => [".#.", "#.#", "###", "#.#", "#.#"],
        'B' => ["##.", "#.#", "##.", "#.#", "##."],
        'C' => [".##", "#..", "#..", "#..", ".##"],
        'D' => ["##.", "#.#", "#.#", "#.#", "##."],
        'E' => ["###", "#..", "##.", "#..", "###"],
        'F' => ["###", "#..", "##.", "#..", "#.."],
        'G' => [".##", "#..", "#.#", "#.#", ".##"],
        'H' => ["#.#", "#.#", "###", "#.#", "#.#"],
        'I' => ["###", ".#.", ".#.", ".#.", "###"],
        'J' => ["..#", "..#", "..#", "#.#", ".#."],
        'K' => ["#.#", "#.#", "##.", "#.#", "#.#"],
        'L' => ["#..", "#..", "#..", "#..", "###"],
        'M' => ["#.#", "###", "#.#", "#.#", "#.#"],
        'N' => ["##.", "#.#", "#.#", "#.#", "#.#"],
        'O' => [".#.", "#.#", "#.#", "#.#", ".#."],
        'P' => ["##.", "#.#", "##.", "#..", "#.."],
        'Q' => [".#.", "#.#", "#.#", "##.", ".##"],
        'R' => ["##.", "#.#", "##.", "#.#", "#.#"],
        'S' => [".##", "#..", ".#.", "..#", "##."],
        'T' => ["###", ".#.", ".#.", ".#.", ".#."],
        'U' => ["#.#", "#.#", "#.#", "#.#", "###"],
        'V' => ["#.#", "#.#", "#.#", "#.#", ".#."],
        'W' => ["#.#", "#.#", "###", "###", "#.#"],
        'X' => ["#.#", "#.#", ".#.", "#.#", "#.#"],
        'Y' => ["#.#", "#.#", ".#.", ".#.", ".#."],
        'Z' => ["###", "..#", ".#.", "#..", "###"],
        '0' => ["###", "#.#", "#.#", "#.#", "###"],
        '1' => [".#.", "##.", ".#.", ".#.", "###"],
        '2' => ["##.", "..#", ".#.", "#..", "###"],
        '3' => ["##.", "..#", ".#.", "..#", "##."],
        '4' => ["#.#", "#.#", "###", "..#", "..#"],
        '5' => ["###", "#..", "##.", "..#", "##."],
        '6' => [".##", "#..", "###", "#.#", "###"],
        '7' => ["###", "..#", ".#.", ".#.", ".#."],
        '8' => ["###", "#.#", "###", "#.#", "###"],
        '9' => ["###", "#.#", "###", "..#", "##."],
        ' ' => ["...", "...", "...", "...", "..."],
        '.' => ["...", "...", "...", "...", ".#."],
        ',' => ["...", "...", "...", ".#.", "#.."],
        ':' => ["...", ".#.", "...", ".#.", "..."],
        ';' => ["...", ".#.", "...", ".#.", "#.."],
        '\'' => [".#.", ".#.", "...", "...", "..."],
        '"' => ["#.#", "#.#", "...", "...", "..."],
        '-' => ["...", "...", "###", "...", "..."],
        '(' => ["..#", ".#.", ".#.", ".#.", "..#"],
        ')' => ["#..", ".#.", ".#.", ".#.", "#.."],
        '$' => [".##", "##.", ".#.", ".##", "##."],
        '&' => [".#.", "#.#", ".#.", "#.#", ".##"],
        '/' => ["..#", "..#", ".#.", "#..", "#.."],
        '?' => ["##.", "..#", ".#.", "...", ".#."],
        '!' => [".#.", ".#.", ".#.", "...", ".#."],
        '%' => ["#.#", "..#", ".#.", "#..", "#.#"],
        '+' => ["...", ".#.", "###", ".#.", "..."],
        _ => return None,
    })
}

/// Whether every character of `text` has a large letter.
pub fn drawable(text: &str) -> bool {
    text.chars().all(|c| glyph(c).is_some())
}

/// `text` broken at spaces into lines of large letters at most `width`
/// cells wide (a word too long for a line is cut between letters).
pub fn lines(text: &str, width: usize) -> Vec<String> {
    super::text::wrap(text, (width + 1) / ADVANCE)
}

/// Draw one line of large letters at the top left of `area`, clipped to it.
pub fn render(line: &str, area: Rect, style: Style, buf: &mut Buffer) {
    let mut x = area.x;
    for g in line.chars().filter_map(glyph) {
        for row in 0..HEIGHT {
            let top = g[usize::from(row) * 2].as_bytes();
            let bottom = g.get(usize::from(row) * 2 + 1).map(|r| r.as_bytes());
            for i in 0..3 {
                let ink = (top[i] == b'#', bottom.is_some_and(|b| b[i] == b'#'));
                let symbol = match ink {
                    (true, true) => "█",
                    (true, false) => "▀",
                    (false, true) => "▄",
                    (false, false) => continue,
                };
                let (cx, y) = (x + i as u16, area.y + row);
                if cx < area.right() && y < area.bottom() {
                    buf[(cx, y)].set_symbol(symbol).set_style(style);
                }
            }
        }
        x = x.saturating_add(ADVANCE as u16);
        if x >= area.right() {
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_glyph_is_three_by_five() {
        for c in (' '..='~').chain("’“”–—…é".chars()) {
            if let Some(g) = glyph(c) {
                assert!(g.iter().all(|row| row.len() == 3), "{c:?}");
            }
        }
        assert!(drawable(
            "Kayani visits Moscow, 2009: “Friendship 2017” – $2 billion"
        ));
        assert!(!drawable("北京"));
    }

    #[test]
    fn a_letter_is_drawn_in_half_blocks_over_three_rows() {
        let area = Rect::new(0, 0, 8, 3);
        let mut buf = Buffer::empty(area);
        render("T", area, Style::default(), &mut buf);
        let row = |y| (0..3).map(|x| buf[(x, y)].symbol()).collect::<String>();
        assert_eq!([row(0), row(1), row(2)], ["▀█▀", " █ ", " ▀ "]);
    }

    #[test]
    fn lines_break_at_words_to_fit_the_width() {
        assert_eq!(
            lines("Kayani visits Moscow", 55),
            ["Kayani visits", "Moscow"]
        );
        assert_eq!(
            lines("Kayani visits Moscow", 40),
            ["Kayani", "visits", "Moscow"]
        );
    }
}
