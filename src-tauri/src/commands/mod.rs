//! Thin Tauri commands: parse, call the core, map the error. Each runs off
//! the main thread (`async`), so a slow disk never freezes the window.

pub mod charter;
pub mod crisis;
pub mod exports;
pub mod key_dates;
pub mod kpi;
pub mod networks;
pub mod posts;
pub mod schedule;
pub mod workspace;

/// What every command returns to the UI.
pub type CmdResult<T> = Result<T, tribu_core::ErrorPayload>;
