//! The explorer from the command line: the settings, the dataset (with a
//! loading screen when it takes a while), then the terminal session.

use std::io::{self, Write};
use std::sync::Arc;
use std::thread;
use std::time::{Duration, Instant};

use super::args::Cli;
use super::commands;
use crate::case::index::Case;
use crate::case::load::{self, LoadError, Progress, Stage};
use crate::case::sanitize;
use crate::config::settings;
use crate::config::theme::Theme;
use crate::explorer::app::{App, Options};
use crate::front::terminal::Session;
use crate::front::watch::Watch;

/// Load the settings and the dataset, then open the explorer.
pub fn explore(cli: &Cli, err: &mut dyn Write) -> io::Result<u8> {
    let (settings, problems) = match &cli.config {
        Some(path) => settings::load(path, true),
        None => settings::default_path()
            .map(|path| settings::load(&path, false))
            .unwrap_or_default(),
    };
    let headlines: Vec<String> = problems.iter().map(|p| p.headline()).collect();
    let status = run(cli, settings, headlines, err);
    // After the screen is given back, where they can be read.
    for p in &problems {
        writeln!(err, "{p}")?;
    }
    status
}

/// Load the dataset (with a loading screen when it takes a while), then
/// run the explorer with `settings`.
fn run(
    cli: &Cli,
    settings: settings::Settings,
    problems: Vec<String>,
    err: &mut dyn Write,
) -> io::Result<u8> {
    let mouse = cli.mouse || settings.mouse.unwrap_or(false);
    let watch = match (&cli.data, cli.watch) {
        (_, false) => None,
        (Some(path), true) if path.as_os_str() != "-" => match Watch::new(path) {
            Ok(w) => Some(w),
            Err(e) => {
                writeln!(err, "waltz: {e}")?;
                return Ok(commands::FAILED);
            }
        },
        _ => {
            writeln!(
                err,
                "error: --watch needs a case file: waltz --data FILE --watch"
            )?;
            return Ok(commands::USAGE);
        }
    };

    // Load on a thread. A small case is ready before a screen could show;
    // a large one gets a loading screen with its progress.
    let progress = Arc::new(Progress::default());
    let worker = {
        let progress = Arc::clone(&progress);
        let data = cli.data.clone();
        thread::spawn(move || -> Result<(Case, usize), LoadError> {
            let loaded = match &data {
                Some(path) => load::from_path_with(path, &progress)?,
                None => load::embedded()?,
            };
            progress.start(Stage::Indexing, 0);
            let warnings = loaded.warning_count();
            Ok((Case::new(loaded.dataset), warnings))
        })
    };
    let patience = Instant::now() + Duration::from_millis(150);
    while !worker.is_finished() && Instant::now() < patience {
        thread::sleep(Duration::from_millis(2));
    }
    let mut session = None;
    if !worker.is_finished() {
        let mut started = Session::start(mouse)?;
        let name = sanitize::line(&commands::name(cli.data.as_deref())).into_owned();
        if let Some(end) = started.loading(&name, &progress, || worker.is_finished())? {
            // The user gave up (or a signal came): the load is abandoned.
            drop(started);
            return Ok(end.status());
        }
        session = Some(started);
    }
    let (case, warnings) = match worker.join() {
        Ok(Ok(loaded)) => loaded,
        Ok(Err(e)) => {
            drop(session);
            writeln!(err, "{e}")?;
            return Ok(commands::FAILED);
        }
        Err(panic) => std::panic::resume_unwind(panic),
    };

    let tour = match &cli.tour {
        None => None,
        Some(id) => match case.data.tours.iter().position(|t| &t.id == id) {
            Some(i) => Some(i),
            None => {
                drop(session);
                let ids: Vec<&str> = case.data.tours.iter().map(|t| t.id.as_str()).collect();
                let known = if ids.is_empty() {
                    "this dataset has no tours".to_owned()
                } else {
                    format!("the tours are: {}", ids.join(", "))
                };
                writeln!(err, "waltz: no tour `{}`; {known}", sanitize::line(id))?;
                return Ok(commands::USAGE);
            }
        },
    };
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let theme = if no_color {
        Theme::monochrome()
    } else {
        cli.theme
            .as_deref()
            .and_then(Theme::by_name)
            .or(settings.theme)
            .unwrap_or_else(Theme::dark)
    };
    let notice = (!problems.is_empty()).then(|| {
        format!(
            "the settings file has {} problem{}: ? lists them; defaults stand in",
            problems.len(),
            if problems.len() == 1 { "" } else { "s" }
        )
    });
    let options = Options {
        theme,
        keymap: settings.keymap,
        mouse,
        ascii: cli.ascii || settings.ascii.unwrap_or(false),
        present: cli.present,
        seed: cli.seed.unwrap_or_else(crate::case::rng::clock_seed),
        quiz_all: cli.quiz_all || settings.quiz_all.unwrap_or(false),
        warnings,
        notice,
        settings_problems: problems,
        search_worker: None,
    };
    let mut app = App::new(case, options);
    if let Some(tour) = tour {
        app.start_tour(tour);
    }
    let mut session = match session {
        Some(session) => session,
        None => Session::start(mouse)?,
    };
    let end = session.run(app, watch, cli.crash_after_first_frame)?;
    drop(session);
    Ok(end.status())
}
