//! The dataset's own fields: its title, source, thesis and period.

use super::Checker;
use crate::case::locate::Seg::{Field, Index};
use crate::case::model::Dataset;

/// Check the title, the source, the thesis and the period.
pub(super) fn check(c: &mut Checker, d: &Dataset) {
    let top = |f| move || vec![Field(f)];
    c.text(
        top("title"),
        || "the dataset's title".into(),
        &d.title,
        true,
    );
    c.text(
        top("source"),
        || "the dataset's source".into(),
        &d.source,
        true,
    );
    if let Some(thesis) = &d.thesis {
        let at = |f| move || vec![Field("thesis"), Field(f)];
        c.text(
            at("summary"),
            || "the thesis's summary".into(),
            &thesis.summary,
            true,
        );
        c.text(
            at("quote"),
            || "the thesis's quote".into(),
            &thesis.quote,
            true,
        );
    }
    let (first, last) = d.period;
    c.year(
        || vec![Field("period"), Index(0)],
        || "the period's first year".into(),
        first,
    );
    c.year(
        || vec![Field("period"), Index(1)],
        || "the period's last year".into(),
        last,
    );
    if last < first {
        c.error(
            vec![Field("period")],
            format!("the period ends ({last}) before it starts ({first})"),
        );
    }
}
