//! One snapshot per view of the shipped case, at a laptop's 80×24 and a
//! projector's 160×45: what a change to drawing changes is seen whole.

use crate::common::*;
use waltz::config::theme::Theme;
use waltz::explorer::app::Options;

/// The sizes every view is drawn at.
const SIZES: [(u16, u16); 2] = [(80, 24), (160, 45)];

/// Snapshot the screen after `keys`, at each size.
fn views(name: &str, keys: &str) {
    for (w, h) in SIZES {
        let screen = Harness::shipped().size(w, h).press(keys).screen();
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), screen);
    }
}

#[test]
fn browse() {
    views("browse", "");
}

#[test]
fn each_pane_focused() {
    views("individual_pane", "Tab");
    views("domestic_pane", "Tab Tab");
    views("systemic_pane", "Tab Tab Tab");
}

#[test]
fn detail() {
    views("detail", "j j Enter");
}

#[test]
fn finder() {
    for (w, h) in SIZES {
        let screen = Harness::shipped()
            .size(w, h)
            .press("/")
            .typed("gas")
            .screen();
        insta::assert_snapshot!(format!("finder_{w}x{h}"), screen);
    }
}

#[test]
fn help() {
    views("help", "?");
}

#[test]
fn tour() {
    views("tour", "t Enter Right");
}

#[test]
fn slide() {
    views("slide", "t Enter Right P");
}

#[test]
fn balance() {
    views("balance", "b");
}

#[test]
fn quiz() {
    views("quiz", "z 1 Enter");
}

#[test]
fn an_error_banner() {
    for (w, h) in SIZES {
        let options = Options {
            theme: Theme::monochrome(),
            notice: Some("the settings file has 1 problem: ? lists them; defaults stand in".into()),
            settings_problems: vec!["config.ron:2:10: error: no theme `neon`".into()],
            seed: 1998,
            ..Options::default()
        };
        let screen = Harness::with(shipped(), options).size(w, h).screen();
        insta::assert_snapshot!(format!("error_banner_{w}x{h}"), screen);
    }
}
