//! The finder popup: the query, then the ranked results with the matched
//! characters highlighted; the detail below previews the highlighted one.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Widget};

use crate::case::index::Item;
use crate::case::model::Level;
use crate::case::search::segments;
use crate::explorer::app::{App, Finder};
use crate::explorer::view::text::{self, fit};

/// Draw the finder over `area`.
pub fn render(app: &App, finder: &Finder, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    if area.width < 12 || area.height < 4 {
        return;
    }
    super::popup_ground(app, area, buf);
    let all = app.case.item_count();
    let count = if finder.pending {
        " searching… ".to_owned()
    } else if finder.results.len() < finder.total {
        format!(
            " best {} of {} matches · {all} items ",
            finder.results.len(),
            finder.total
        )
    } else {
        format!(" {} of {all} items ", finder.total)
    };
    let block = Block::bordered()
        .border_type(BorderType::Thick)
        .border_style(t.border_focused)
        .title(Line::from(" Find "))
        .title(Line::styled(count, t.faded).right_aligned())
        .title_bottom(Line::styled(
            " 'exact  ^start  end$  !not  a b: both ",
            t.faded,
        ));
    let inner = block.inner(area);
    block.render(area, buf);

    // The query line with the cursor on the character it is before (a
    // block past the end), cut from the left so the cursor shows.
    let room = usize::from(inner.width).saturating_sub(4);
    let chars: Vec<char> = finder.input.chars().collect();
    let caret = finder.caret.min(chars.len());
    let span = |from: usize, to: usize| chars[from..to].iter().collect::<String>();
    // Text cut off on the left is marked with … as fit() marks the right.
    let mut start = 0;
    while start < caret && text::width(&span(start, caret)) + 1 + usize::from(start > 0) > room {
        start += 1;
    }
    let cut = if start > 0 { "…" } else { "" };
    let (under, under_style) = match chars.get(caret) {
        Some(c) => (c.to_string(), t.key.patch(t.cursor)),
        None => ("█".to_owned(), t.key),
    };
    let after = fit(&span((caret + 1).min(chars.len()), chars.len()), {
        room.saturating_sub(
            text::width(&span(start, caret)) + text::width(&under) + cut.len().min(1),
        )
    });
    Line::from(vec![
        Span::styled(" > ", t.key),
        Span::styled(cut, t.faded),
        Span::styled(span(start, caret), t.text),
        Span::styled(under, under_style),
        Span::styled(after, t.text),
    ])
    .render(Rect { height: 1, ..inner }, buf);

    let list = crate::explorer::view::layout::finder_results(app.screen());
    if finder.results.is_empty() {
        let message = if finder.pending {
            "searching…".to_owned()
        } else if all == 0 {
            "nothing to search: this dataset is empty".to_owned()
        } else {
            format!(
                "no match for “{}”",
                fit(&finder.input, usize::from(list.width).saturating_sub(16))
            )
        };
        Line::styled(format!(" {message}"), t.faded).render(Rect { height: 1, ..list }, buf);
        return;
    }
    let scroll = finder.scroll;
    let rows = usize::from(list.height);
    let offset = scroll.offset.min(finder.results.len().saturating_sub(rows));
    for (row, (i, &item)) in finder
        .results
        .iter()
        .enumerate()
        .skip(offset)
        .take(rows)
        .enumerate()
    {
        let area = Rect::new(list.x, list.y + row as u16, list.width, 1);
        result_row(app, finder, item, i == scroll.cursor, area, buf);
    }
}

/// One result: kind, year, levels, then the title with matches highlighted.
fn result_row(
    app: &App,
    finder: &Finder,
    item: Item,
    selected: bool,
    area: Rect,
    buf: &mut Buffer,
) {
    let t = &app.theme;
    let case = &app.case;
    let (year, levels) = match item {
        Item::Event(e) => (
            case.data.events[e].year.to_string(),
            Level::ALL.map(|l| case.levels(e).contains(l).then_some(l)),
        ),
        Item::Factor(f) => {
            let level = case.data.factors[f].level;
            (String::new(), Level::ALL.map(|l| (l == level).then_some(l)))
        }
        Item::Era(x) => {
            let era = &case.data.eras[x];
            (era.start.to_string(), [None; 3])
        }
        _ => (String::new(), [None; 3]),
    };
    let base = t.text;
    let mut spans = vec![
        Span::styled(format!(" {:<7}", item.kind()), base.patch(t.faded)),
        Span::styled(format!("{year:>4} "), base.patch(t.year)),
    ];
    let has_levels = matches!(item, Item::Event(_) | Item::Factor(_));
    for shown in levels {
        spans.push(match shown {
            Some(l) => Span::styled(l.letter().to_string(), base.patch(t.level(l))),
            None => Span::styled(
                if has_levels {
                    super::ascii::ABSENT_LEVEL
                } else {
                    " "
                },
                base.patch(t.faded),
            ),
        });
    }
    spans.push(Span::styled(" ", base));
    let used: usize = spans.iter().map(Span::width).sum();
    // A match found only in an editorial note says so, after the title.
    let in_note = if finder.note_only.contains(&item) {
        " · in a note"
    } else {
        ""
    };
    let title = fit(
        case.title(item),
        usize::from(area.width).saturating_sub(used + text::width(in_note)),
    );
    let positions = app.highlights(item);
    for (run, lit) in segments(&title, &positions) {
        let style = if lit { base.patch(t.matched) } else { base };
        spans.push(Span::styled(run.to_owned(), style));
    }
    spans.push(Span::styled(in_note, base.patch(t.faded)));
    let width: usize = spans.iter().map(Span::width).sum();
    spans.push(Span::styled(
        " ".repeat(usize::from(area.width).saturating_sub(width)),
        base,
    ));
    // The cursor goes over every colour, so the row reads as one.
    if selected {
        for span in &mut spans {
            span.style = span.style.patch(t.cursor);
        }
    }
    Line::from(spans).render(area, buf);
}
