//! Thin Tauri commands: parse, call the core, map the error. Each is
//! declared once with `commands!` (see `declare.rs`), which also feeds the
//! generated TypeScript wrappers, and runs off the main thread, so a slow
//! disk never freezes the window.

#[cfg(test)]
pub mod bindings;
mod declare;

pub use declare::Cx;
use declare::{command_modules, commands};

command_modules!(
    backups, brands, charter, crisis, exports, journal, key_dates, kpi, networks, posts, schedule,
    workspace
);

/// What every command returns to the UI.
pub type CmdResult<T> = Result<T, tribu_core::ErrorPayload>;
