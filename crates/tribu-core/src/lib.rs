//! Tribu's domain and storage, free of any desktop or PDF dependency, so it is
//! tested fast and shared by every front end (the desktop shell today).

pub mod backup;
pub mod brands;
pub mod charter;
pub mod device;
pub mod error;
pub mod kpi;
pub mod lint;
pub mod model;
pub mod schedule;
pub mod store;
pub mod text;
pub mod time;
pub mod workspace;

pub use error::{Error, ErrorPayload, Result};
pub use store::{DraftWarningCount, Store};
