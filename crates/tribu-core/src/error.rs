//! The one error contract of Tribu. Every fallible core function returns
//! [`Error`]; the desktop shell turns it into an [`ErrorPayload`] so the UI can
//! put the message next to the field it concerns.
//!
//! `code` and `reason` are enums exported to TypeScript: the UI keeps a French
//! and an English text for each, and its type check fails when one is missing.
//! `message` stays an English sentence for the logs.

use std::path::{Path, PathBuf};

use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{what} not found")]
    NotFound { what: &'static str },
    /// Input that breaks a rule. `reason` is the stable key the UI translates.
    #[error("{field}: {message}")]
    Validation {
        field: &'static str,
        reason: Reason,
        message: String,
    },
    /// The action does not fit the state things are in (nothing to undo, a
    /// crisis already running, a network still in use).
    #[error("conflict: {message}")]
    Conflict { reason: Reason, message: String },
    #[error("storage error: {0}")]
    Storage(String),
    #[error("file error: {0}")]
    Io(String),
    /// A workspace file or folder that cannot be used; the UI shows the path
    /// apart from the translated reason.
    #[error("{}: {detail}", path.display())]
    File {
        reason: Reason,
        path: PathBuf,
        detail: String,
    },
    /// The disk or the file refused a write (full, read-only); nothing of
    /// the action was saved.
    #[error("write refused: {message}")]
    Refused { reason: Reason, message: String },
    /// A document could not be typeset (a template or font problem, never
    /// the user's data).
    #[error("typesetting error: {0}")]
    Typesetting(String),
}

pub type Result<T> = std::result::Result<T, Error>;

/// What kind of failure a command met; the UI words each one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    NotFound,
    Validation,
    Conflict,
    Storage,
    Io,
    Typesetting,
}

/// Why an input or an action was refused: the stable key of a sentence the
/// UI translates (`reason.<key>` in `ui/src/lib/i18n/*.json`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    // Fields
    Required,
    TooLong,
    TooMany,
    Duplicate,
    Invalid,
    UnknownValue,
    InvalidColor,
    InvalidLimit,
    // Days, times and zones
    InvalidDate,
    InvalidTime,
    InvalidInstant,
    DateOutOfRange,
    NonexistentLocalTime,
    UnknownZone,
    EndBeforeStart,
    BeforeStart,
    RangeTooLong,
    InvalidRange,
    OutOfRange,
    // Posts and recurrence
    UnknownNetwork,
    RequiredForStatus,
    RequiredForRecurrence,
    SetByCrisisMode,
    NotRecurring,
    NoOccurrence,
    MalformedRule,
    DuplicatePart,
    UnknownPart,
    UnsupportedPart,
    UnknownFrequency,
    UnsupportedFrequency,
    CountAndUntil,
    MissingFrequency,
    InvalidRule,
    InvalidInterval,
    InvalidCount,
    InvalidUntil,
    InvalidByDay,
    // Charter
    UnknownLevel,
    // KPIs
    NotANumber,
    Negative,
    NotWhole,
    TooLarge,
    TargetNotAboveBaseline,
    TargetNotBelowBaseline,
    UnknownObjective,
    NoDateColumn,
    NoMetricColumn,
    /// A mapping names a column the file's header does not have.
    ColumnOutOfRange,
    // Files the app writes or opens
    NotAnExport,
    ChosenFileUnusable,
    /// A file to import that cannot be read (gone, a folder, no permission).
    FileUnreadable,
    /// A file to import past the size the import reads.
    FileTooLarge,
    FolderUnwritable,
    WorkspaceUnopenable,
    WorkspaceUnwritable,
    // Opening a workspace: what the file turned out to be
    NotAWorkspace,
    WorkspaceDamaged,
    NewerVersion,
    NeedsUpgrade,
    WorkspaceLocked,
    ReadOnly,
    DiskFull,
    BackupDamaged,
    // Brands
    LastBrand,
    BrandMissing,
    // Conflicts
    NothingToUndo,
    NothingToRedo,
    /// Undo or redo refused: what the action changed was changed since
    /// (by an action kept out of the undo order, or another program).
    ChangedSince,
    /// An undo asked for one action while another came after it.
    NotLatest,
    AlreadyExists,
    CrisisRunning,
    NoCrisis,
    NetworkInUse,
    /// The charter's guideline or moderation charter names the network.
    NetworkInCharter,
}

/// The key as the UI and the logs see it (`too_long`).
impl std::fmt::Display for Reason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match serde_json::to_value(self) {
            Ok(serde_json::Value::String(key)) => f.write_str(&key),
            _ => write!(f, "{self:?}"),
        }
    }
}

impl Error {
    pub fn validation(field: &'static str, reason: Reason, message: impl Into<String>) -> Self {
        Error::Validation {
            field,
            reason,
            message: message.into(),
        }
    }

    pub fn conflict(reason: Reason, message: impl Into<String>) -> Self {
        Error::Conflict {
            reason,
            message: message.into(),
        }
    }

    /// A stored value that does not read back: `what` of `owner` (a record
    /// such as `post 0192…`) is damaged or was written by a newer version.
    pub fn corrupt(owner: impl std::fmt::Display, what: impl std::fmt::Display) -> Self {
        Error::Storage(format!("{owner}: unreadable {what}"))
    }

    /// A file or folder at `path` that cannot be used for `reason`.
    pub fn file(reason: Reason, path: &Path, detail: impl std::fmt::Display) -> Self {
        Error::File {
            reason,
            path: path.to_path_buf(),
            detail: detail.to_string(),
        }
    }

    pub fn code(&self) -> ErrorCode {
        match self {
            Error::NotFound { .. } => ErrorCode::NotFound,
            Error::Validation { .. } => ErrorCode::Validation,
            Error::Conflict { .. } => ErrorCode::Conflict,
            Error::Storage(_) => ErrorCode::Storage,
            Error::Io(_) | Error::File { .. } | Error::Refused { .. } => ErrorCode::Io,
            Error::Typesetting(_) => ErrorCode::Typesetting,
        }
    }

    /// The serialisable form sent to the UI.
    pub fn payload(&self) -> ErrorPayload {
        let (field, reason, path) = match self {
            Error::Validation { field, reason, .. } => {
                (Some(field.to_string()), Some(*reason), None)
            }
            Error::Conflict { reason, .. } | Error::Refused { reason, .. } => {
                (None, Some(*reason), None)
            }
            Error::File { reason, path, .. } => {
                (None, Some(*reason), Some(path.display().to_string()))
            }
            _ => (None, None, None),
        };
        let message = match self {
            Error::Validation { message, .. } | Error::Conflict { message, .. } => message.clone(),
            other => other.to_string(),
        };
        ErrorPayload {
            code: self.code(),
            message,
            field,
            reason,
            path,
        }
    }
}

/// What the UI receives when a command fails:
/// `{ "code": "validation", "message": "...", "field": "title", "reason": "required" }`.
/// `message` is English, for the logs and the unexpected; the UI shows the
/// translation of `reason`, else of `code`.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ErrorPayload {
    pub code: ErrorCode,
    pub message: String,
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<Reason>,
    /// The file or folder concerned, shown apart from the sentence.
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
}

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode as Code;
        match e {
            rusqlite::Error::QueryReturnedNoRows => Error::NotFound { what: "record" },
            // The disk is full, or the file cannot be written after all: the
            // transaction was rolled back, and the UI says which.
            rusqlite::Error::SqliteFailure(ref f, _) if f.code == Code::DiskFull => {
                Error::Refused {
                    reason: Reason::DiskFull,
                    message: e.to_string(),
                }
            }
            rusqlite::Error::SqliteFailure(ref f, _) if f.code == Code::ReadOnly => {
                Error::Refused {
                    reason: Reason::ReadOnly,
                    message: e.to_string(),
                }
            }
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
