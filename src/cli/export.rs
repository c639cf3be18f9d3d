//! Writing a case out for other programs and for people.

pub mod markdown;
