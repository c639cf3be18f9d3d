//! Everything a user can do, as data. Keys and mouse events become an
//! [`Action`] (see `keymap`); `App::update` is the only place that acts on
//! one.

/// Declares the bindable actions once: the variant, its name in settings
/// files, and the sentence the help screen shows.
macro_rules! actions {
    ($($(#[$meta:meta])* $variant:ident => $name:literal, $help:literal;)*) => {
        /// One thing a user can do.
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub enum Action {
            $($(#[$meta])* $variant,)*
            /// Type a character into the open prompt.
            Insert(char),
            /// Paste text into the open prompt.
            Paste(String),
            /// A mouse click at a cell (column, row).
            Click(u16, u16),
            /// The mouse wheel at a cell: negative scrolls up.
            Wheel(u16, u16, i8),
        }

        impl Action {
            /// The actions a key can be bound to, in help order.
            pub const BINDABLE: &[Action] = &[$(Action::$variant),*];

            /// The action's name in a settings file, e.g. `"move_down"`.
            pub fn name(&self) -> &'static str {
                match self {
                    $(Action::$variant => $name,)*
                    Action::Insert(_) => "insert",
                    Action::Paste(_) => "paste",
                    Action::Click(..) => "click",
                    Action::Wheel(..) => "wheel",
                }
            }

            /// What the action does, for the help screen.
            pub fn help(&self) -> &'static str {
                match self {
                    $(Action::$variant => $help,)*
                    Action::Insert(_) => "type into the prompt",
                    Action::Paste(_) => "paste into the prompt",
                    Action::Click(..) => "select what is under the mouse",
                    Action::Wheel(..) => "scroll what is under the mouse",
                }
            }

            /// The bindable action with this settings-file name.
            pub fn from_name(name: &str) -> Option<Action> {
                Self::BINDABLE.iter().find(|a| a.name() == name).cloned()
            }
        }
    };
}

actions! {
    /// Leave waltz.
    Quit => "quit", "quit";
    /// Give the shell back until `fg`.
    Suspend => "suspend", "suspend (fg in the shell comes back)";
    /// Open or close the key help.
    Help => "help", "show or hide this help";
    /// Move the cursor up one row.
    Up => "move_up", "move up (or scroll)";
    /// Move the cursor down one row.
    Down => "move_down", "move down (or scroll)";
    /// Move up one screenful.
    PageUp => "page_up", "move up a page";
    /// Move down one screenful.
    PageDown => "page_down", "move down a page";
    /// Go to the first row (or step).
    Top => "top", "go to the first row or step";
    /// Go to the last row (or step).
    Bottom => "bottom", "go to the last row or step";
    /// Focus the next region (timeline, panes, detail).
    FocusNext => "focus_next", "focus the next region";
    /// Focus the previous region.
    FocusPrev => "focus_prev", "focus the previous region";
    /// Focus the region to the left.
    FocusLeft => "focus_left", "focus the region to the left";
    /// Focus the region to the right.
    FocusRight => "focus_right", "focus the region to the right";
    /// Open what is under the cursor: unfold, show in the detail, follow a link.
    Open => "open", "open: unfold, go to the detail, follow a link";
    /// Go back to where the last followed link was opened from.
    Back => "back", "go back / close";
    /// Jump to the next highlighted (●) item.
    NextLit => "next_lit", "jump to the next highlighted (●) item";
    /// Jump to the previous highlighted item.
    PrevLit => "prev_lit", "jump to the previous highlighted (●) item";
    /// Show every event on the timeline.
    LensAll => "lens_all", "timeline: show all levels";
    /// Show only events that involve the individual level.
    LensIndividual => "lens_individual", "timeline: only the individual level";
    /// Show only events that involve the domestic level.
    LensDomestic => "lens_domestic", "timeline: only the domestic level";
    /// Show only events that involve the systemic level.
    LensSystemic => "lens_systemic", "timeline: only the systemic level";
    /// Ask for a year and jump to it.
    JumpYear => "jump_year", "jump to a year";
    /// Open the finder: search everything.
    Search => "search", "search everything";
    /// List the guided tours.
    Tours => "tours", "guided tours";
    /// Turn presentation mode on or off.
    Present => "present", "presentation mode on or off";
    /// Open the balance view.
    Balance => "balance", "the balance of interests, era by era";
    /// Start the quiz.
    Quiz => "quiz", "quiz: which levels explain an event?";
    /// In a class: follow the teacher again.
    Follow => "follow", "in a class: follow the teacher again";
    /// Show or hide the speaker notes (the teacher's, over SSH).
    Notes => "notes", "speaker notes: this step's note, the next step, the tally";
    /// Move left.
    Left => "move_left", "move left";
    /// Move right.
    Right => "move_right", "move right";
    /// Go to the next step.
    Next => "next", "next step";
    /// Go to the previous step.
    Prev => "previous", "previous step";
    /// Pick or unpick the individual level as an answer.
    ToggleIndividual => "toggle_individual", "answer: individual";
    /// Pick or unpick the domestic level as an answer.
    ToggleDomestic => "toggle_domestic", "answer: domestic";
    /// Pick or unpick the systemic level as an answer.
    ToggleSystemic => "toggle_systemic", "answer: systemic";
    /// Confirm the prompt.
    Submit => "submit", "confirm";
    /// Close the prompt or popup without doing anything.
    Cancel => "cancel", "cancel";
    /// Delete the character before the cursor in the prompt.
    DeleteChar => "delete_char", "delete a character";
    /// Delete the character under the cursor in the prompt.
    DeleteNextChar => "delete_next_char", "delete the character under the cursor";
    /// Put the prompt's cursor at its start.
    InputStart => "input_start", "cursor to the start of the prompt";
    /// Put the prompt's cursor at its end.
    InputEnd => "input_end", "cursor to the end of the prompt";
    /// Delete the word before the cursor in the prompt.
    DeleteWord => "delete_word", "delete a word";
    /// Clear the prompt.
    ClearInput => "clear_input", "clear the prompt";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_round_trip() {
        let mut names: Vec<&str> = Action::BINDABLE.iter().map(Action::name).collect();
        for a in Action::BINDABLE {
            assert_eq!(Action::from_name(a.name()).as_ref(), Some(a));
        }
        names.sort();
        names.dedup();
        assert_eq!(names.len(), Action::BINDABLE.len());
    }
}
