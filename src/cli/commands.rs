//! The subcommands that run without a terminal user interface. Each writes
//! to the writers it is given and returns the process's exit status, so
//! tests can run them in-process as well as through the binary.

use std::io::{self, Write};
use std::path::Path;

use crate::case::index::{Case, Item};
use crate::case::load::{self, LoadError, Loaded};
use crate::case::model::{Dataset, Effect, Factor, Level, Sourced};
use crate::cli::args::Format;
use crate::cli::export;

/// Exit status: success.
pub const OK: u8 = 0;
/// Exit status: the dataset is invalid, or (for `search`) nothing matched.
pub const FAILED: u8 = 1;
/// Exit status: the command line was wrong, or (for `search`) the dataset.
pub const USAGE: u8 = 2;

/// Load the dataset at `path`, or the embedded one.
pub fn load(path: Option<&Path>) -> Result<Loaded, LoadError> {
    match path {
        Some(path) => load::from_path(path),
        None => load::embedded(),
    }
}

/// Load the dataset, or say on `err` why it cannot be.
fn load_or_say(path: Option<&Path>, err: &mut dyn Write) -> io::Result<Option<Loaded>> {
    match load(path) {
        Ok(loaded) => Ok(Some(loaded)),
        Err(e) => {
            writeln!(err, "{e}")?;
            Ok(None)
        }
    }
}

/// The name a dataset goes by in messages.
pub fn name(path: Option<&Path>) -> String {
    path.map_or_else(|| load::EMBEDDED_NAME.to_owned(), load::display_name)
}

/// `waltz check`: the summary on `out` and the warnings on `err`, or every
/// problem on `err`.
pub fn check(path: Option<&Path>, out: &mut dyn Write, err: &mut dyn Write) -> io::Result<u8> {
    // The process ends next: see `search`.
    checked(path, out, err, std::mem::forget)
}

/// Check the case at `path` as [`check`] does, then hand what loaded to
/// `done`: forgotten where the process ends next, dropped where it goes on.
fn checked(
    path: Option<&Path>,
    out: &mut dyn Write,
    err: &mut dyn Write,
    done: impl FnOnce(load::Loaded),
) -> io::Result<u8> {
    let name = crate::case::sanitize::line(&name(path)).into_owned();
    match load(path) {
        Ok(loaded) => {
            for line in loaded.warning_lines(&name) {
                writeln!(err, "{line}")?;
            }
            let warnings = loaded.warning_count();
            // The summary counts; it needs no index.
            write_summary(&loaded.dataset, &name, warnings, out)?;
            done(loaded);
            Ok(OK)
        }
        Err(e) => {
            writeln!(err, "{e}")?;
            let (errors, warnings) = e.counts();
            writeln!(
                err,
                "{name}: invalid: {}, {}",
                plural(errors, "error"),
                plural(warnings, "warning")
            )?;
            Ok(FAILED)
        }
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

fn write_summary(d: &Dataset, name: &str, warnings: usize, out: &mut dyn Write) -> io::Result<()> {
    let (first, last) = d.period;
    let background = d.events.iter().filter(|e| d.is_background(e)).count();
    let after = d.events.iter().filter(|e| e.year > last).count();
    writeln!(out, "{name}: valid")?;
    writeln!(out, "  title     {}", d.title)?;
    writeln!(out, "  source    {}", d.source)?;
    let mut period = format!("  period    {first}–{last}");
    let span_end = d
        .events
        .iter()
        .map(|e| e.until().unwrap_or(e.year).max(e.year))
        .max();
    match (d.events.first(), span_end) {
        (Some(a), Some(end)) if end > a.year => {
            period.push_str(&format!(" (events span {}–{end})", a.year))
        }
        (Some(a), Some(_)) => period.push_str(&format!(" (events in {})", a.year)),
        _ => period.push_str(" (no events)"),
    }
    writeln!(out, "{period}")?;
    writeln!(
        out,
        "  events    {:>4}  ({} in the period, {background} before it{})",
        d.events.len(),
        d.events.len() - background - after,
        if after > 0 {
            format!(", {after} after it")
        } else {
            String::new()
        }
    )?;
    writeln!(out, "  factors   {:>4}", d.factors.len())?;
    for level in Level::ALL {
        let of_level: Vec<&Factor> = d.factors.iter().filter(|f| f.level == level).collect();
        let counts: Vec<String> = Effect::ALL
            .iter()
            .map(|&effect| {
                let n = of_level.iter().filter(|f| f.effect == effect).count();
                effect.counted(n)
            })
            .collect();
        writeln!(
            out,
            "    {:<11}{:>4}  ({})",
            level.name().to_lowercase(),
            of_level.len(),
            counts.join(", ")
        )?;
    }
    writeln!(out, "  eras      {:>4}", d.eras.len())?;
    writeln!(out, "  actors    {:>4}", d.actors.len())?;
    writeln!(out, "  sources   {:>4}", d.sources.len())?;
    writeln!(out, "  tours     {:>4}", d.tours.len())?;
    writeln!(out, "  sourcing  {}", provenance(d))?;
    writeln!(out, "  warnings  {warnings:>4}")?;
    Ok(())
}

/// What a case says of where its claims come from: how many links say why
/// (and on which page), how many quotes say whose words they are, how many
/// dates are the common record's and levels the dataset's reading.
fn provenance(d: &Dataset) -> String {
    use crate::case::model::{DatedBy, LevelBy};
    let links = d.events.iter().flat_map(|e| e.links());
    let (all, why, page) = links.fold((0, 0, 0), |(n, w, p), l| {
        (
            n + 1,
            w + usize::from(l.why.is_some()),
            p + usize::from(l.page.is_some()),
        )
    });
    let quotes = d.events.iter().map(|e| (e.quote(), e.quote_by()));
    let quotes = quotes.chain(d.factors.iter().map(|f| (f.quote(), f.quote_by())));
    let (quoted, attributed) = quotes.fold((0, 0), |(q, a), (quote, by)| {
        let has = quote.is_some();
        (q + usize::from(has), a + usize::from(has && by.is_some()))
    });
    let common = d
        .events
        .iter()
        .filter(|e| e.dated_by == DatedBy::CommonRecord)
        .count();
    let implied = d
        .factors
        .iter()
        .filter(|f| f.level_by == LevelBy::Implied)
        .count();
    format!(
        "{why} of {all} links say why ({page} with a page), {attributed} of {quoted} quotes say whose, {} from the common record, {implied} {} implied",
        plural(common, "date"),
        if implied == 1 { "level" } else { "levels" },
    )
}

/// `waltz check --watch`: check `path`, then again after each save, until
/// the process is stopped.
pub fn check_watching(path: &Path, out: &mut dyn Write, err: &mut dyn Write) -> io::Result<u8> {
    let watch = match crate::front::watch::Watch::new(path) {
        Ok(w) => w,
        Err(e) => {
            writeln!(err, "waltz: {e}")?;
            return Ok(FAILED);
        }
    };
    let name = crate::case::sanitize::line(&name(Some(path))).into_owned();
    loop {
        // Each check's case is dropped, and its memory given back while
        // the file is not being saved: one kept per save would add up.
        checked(Some(path), out, err, drop)?;
        crate::case::memory::give_back();
        writeln!(err, "watching {name} for changes (Ctrl-C stops)")?;
        err.flush()?;
        out.flush()?;
        while !watch.changed(std::time::Duration::from_secs(3600)) {}
        writeln!(err)?;
    }
}

/// `waltz export`: the dataset in `format` on `out`; problems on `err`.
pub fn export(
    path: Option<&Path>,
    format: Format,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<u8> {
    let loaded = match load_or_say(path, err)? {
        Some(loaded) => loaded,
        None => return Ok(FAILED),
    };
    for line in loaded.warning_lines(&name(path)) {
        writeln!(err, "{line}")?;
    }
    let case = Case::new(loaded.dataset);
    // Standard output writes at every line end: a large case's export is
    // millions of lines.
    let mut out = io::BufWriter::with_capacity(1 << 16, out);
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut out, &case.data).map_err(io::Error::from)?;
            writeln!(out)?;
        }
        Format::Markdown => export::markdown::write(&case, &mut out)?,
        Format::Svg => export::svg::picture(&case, &mut out)?,
        Format::Html => export::html::write(&case, &mut out)?,
    }
    out.flush()?;
    Ok(OK)
}

/// `waltz search`: the finder's ranking as tab-separated lines on `out`.
pub fn search(
    path: Option<&Path>,
    query: &str,
    limit: Option<usize>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<u8> {
    let Some(loaded) = load_or_say(path, err)? else {
        return Ok(USAGE);
    };
    let case = Case::new(loaded.dataset);
    let (items, matched) = crate::case::search::search(&case, query, limit.unwrap_or(usize::MAX));
    let mut lines = io::BufWriter::new(out);
    for &item in &items {
        let (id, year) = match item {
            Item::Event(e) => (
                &case.data.events[e].id,
                case.data.events[e].year.to_string(),
            ),
            Item::Factor(f) => (&case.data.factors[f].id, "-".to_owned()),
            Item::Actor(a) => (&case.data.actors[a].id, "-".to_owned()),
            Item::Era(x) => (&case.data.eras[x].id, case.data.eras[x].start.to_string()),
            Item::Source(s) => (&case.data.sources[s].id, "-".to_owned()),
        };
        writeln!(lines, "{}\t{id}\t{year}\t{}", item.kind(), case.title(item))?;
    }
    lines.flush()?;
    // The process ends now: freeing a large case piece by piece would only
    // keep the user waiting.
    std::mem::forget(case);
    Ok(if matched == 0 { FAILED } else { OK })
}
