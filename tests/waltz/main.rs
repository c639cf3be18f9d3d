//! waltz's behaviour tests, as one test binary (one link on two cores
//! instead of a dozen), a module per topic. `common` holds the harness.

mod common;
mod term;

mod balance;
mod bounded;
mod class;
mod cli;
mod dataset;
mod docs;
mod explorer;
mod handout;
mod hostile;
mod load;
mod looks;
mod pictures;
mod properties;
mod pty;
mod quiz;
mod search;
mod serve;
mod settings;
mod synth;
mod tour;
mod views;
mod watch;
