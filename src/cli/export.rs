//! Writing a case out for other programs and for people: JSON for
//! scripts, a Markdown handout, a picture (SVG) and a handout page (HTML).

pub mod html;
pub mod markdown;
pub mod svg;
