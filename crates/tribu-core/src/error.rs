//! The one error contract of Tribu. Every fallible core function returns
//! [`Error`]; the desktop shell turns it into an [`ErrorPayload`] so the UI can
//! put the message next to the field it concerns.

use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{what} not found")]
    NotFound { what: &'static str },
    /// Input that breaks a rule. `reason` is a stable key the UI translates;
    /// `message` is an English sentence for logs and for reasons it does not know.
    #[error("{field}: {message}")]
    Validation {
        field: &'static str,
        reason: &'static str,
        message: String,
    },
    #[error("conflict: {0}")]
    Conflict(String),
    #[error("storage error: {0}")]
    Storage(String),
    #[error("file error: {0}")]
    Io(String),
}

pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    pub fn validation(
        field: &'static str,
        reason: &'static str,
        message: impl Into<String>,
    ) -> Self {
        Error::Validation {
            field,
            reason,
            message: message.into(),
        }
    }

    /// The serialisable form sent to the UI.
    pub fn payload(&self) -> ErrorPayload {
        let (code, field, reason) = match self {
            Error::NotFound { .. } => ("not_found", None, None),
            Error::Validation { field, reason, .. } => (
                "validation",
                Some(field.to_string()),
                Some(reason.to_string()),
            ),
            Error::Conflict(_) => ("conflict", None, None),
            Error::Storage(_) => ("storage", None, None),
            Error::Io(_) => ("io", None, None),
        };
        let message = match self {
            Error::Validation { message, .. } => message.clone(),
            other => other.to_string(),
        };
        ErrorPayload {
            code: code.to_string(),
            message,
            field,
            reason,
        }
    }
}

/// What the UI receives when a command fails:
/// `{ "code": "validation", "message": "...", "field": "title", "reason": "required" }`.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ErrorPayload {
    pub code: String,
    pub message: String,
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Self {
        match e {
            rusqlite::Error::QueryReturnedNoRows => Error::NotFound { what: "record" },
            other => Error::Storage(other.to_string()),
        }
    }
}

impl From<rusqlite_migration::Error> for Error {
    fn from(e: rusqlite_migration::Error) -> Self {
        Error::Storage(format!("migration failed: {e}"))
    }
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        Error::Io(e.to_string())
    }
}
