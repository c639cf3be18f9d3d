//! `--ascii`: after drawing, every cell outside ASCII is replaced by an
//! ASCII stand-in — box drawing by `+ - |` (`= #` where thick), blocks by `#`, typographic
//! marks by their plain forms, accented letters by their base letters,
//! anything else by `?` (one per cell, so the layout does not move).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// The mark of a level an event does not touch. A dot of its own, so that
/// under `--ascii` it becomes `.`, apart from the `-` of a constraint (`−`)
/// and of a separator (`·`).
pub const ABSENT_LEVEL: &str = "∙";

/// The scrollbar's thumb under `--ascii`: apart from the `#` of a focused
/// region's border beside it.
pub const THUMB: &str = "O";

/// Replace every non-ASCII cell in `area`.
pub fn asciify(buf: &mut Buffer, area: Rect) {
    let area = area.intersection(buf.area);
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            let cell = &mut buf[(x, y)];
            let symbol = cell.symbol();
            if symbol.is_ascii() && !symbol.is_empty() {
                continue;
            }
            // The second half of a wide character is an empty cell.
            let plain = match symbol.chars().next() {
                None => '?',
                Some(c) => stand_in(c),
            };
            cell.set_char(plain);
        }
    }
}

/// The ASCII stand-in for a character.
pub fn stand_in(c: char) -> char {
    match c {
        c if c.is_ascii() => c,
        // Thick lines (the focused region's border) stay distinct from thin.
        '─' | '╌' | '┄' => '-',
        '━' | '═' => '=',
        '│' | '║' | '╎' | '┆' => '|',
        '┃' => '#',
        '┌' | '┐' | '└' | '┘' | '┏' | '┓' | '┗' | '┛' | '╭' | '╮' | '╰' | '╯' | '├' | '┤' | '┬'
        | '┴' | '┼' | '┣' | '┫' | '╔' | '╗' | '╚' | '╝' => '+',
        '█' | '▇' | '▓' | '▒' | '░' | '▉' | '▊' | '▋' | '▌' => '#',
        '▍' | '▎' | '▏' => '|',
        '▆' | '▅' => '=',
        '▄' | '▃' => ':',
        // The top half of a large letter.
        '▀' => '"',
        '▂' | '▁' => '.',
        '→' | '▸' | '▶' | '›' | '»' | '⏎' => '>',
        // A link, apart from a span's end.
        '↪' => '@',
        '←' | '‹' | '«' => '<',
        '↑' | '▴' => '^',
        '↓' | '▾' => 'v',
        '–' | '—' | '−' | '‐' | '‑' => '-',
        '‘' | '’' | '′' => '\'',
        '“' | '”' | '″' => '"',
        // A separator; a level an event does not touch ("I∙S") is a dot,
        // apart from a constraint's "-".
        '·' => '-',
        '∙' => '.',
        '…' | '•' => '.',
        '⋮' => ':',
        '●' | '◐' | '★' => '*',
        '±' => '~',
        '≈' => '~',
        '×' | '✗' => 'x',
        '✓' => '+',
        '␛' | '␇' | '�' => '?',
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ā' => 'A',
        'ç' | 'ć' | 'č' => 'c',
        'Ç' | 'Ć' | 'Č' => 'C',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' => 'e',
        'È' | 'É' | 'Ê' | 'Ë' | 'Ē' => 'E',
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ı' => 'i',
        'Ì' | 'Í' | 'Î' | 'Ï' | 'İ' => 'I',
        'ñ' | 'ń' | 'ň' => 'n',
        'Ñ' | 'Ń' => 'N',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' => 'o',
        'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' => 'O',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' => 'u',
        'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ū' => 'U',
        'ý' | 'ÿ' => 'y',
        'š' | 'ś' | 'ş' => 's',
        'Š' | 'Ś' | 'Ş' => 'S',
        'ž' | 'ź' | 'ż' => 'z',
        'Ž' | 'Ź' | 'Ż' => 'Z',
        'ł' => 'l',
        'Ł' => 'L',
        'đ' | 'ď' => 'd',
        'ğ' => 'g',
        'ř' => 'r',
        'ť' => 't',
        'ß' => 's',
        _ => '?',
    }
}
