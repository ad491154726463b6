//! The entities a community manager plans with, and the rules their fields obey.

pub(crate) mod key_date;
pub(crate) mod network;
pub(crate) mod post;

pub use key_date::{KeyDate, KeyDateInput, KeyDateKind, KeyDateRecurrence};
pub use network::{Network, NetworkInput, NetworkKind};
pub use post::{Post, PostFilter, PostFormat, PostInput, PostStatus, PostSummary, DEFAULT_TIME};

/// Declares a string-valued enum: serde and TypeScript see the snake_case
/// names, the database stores the same names, and unknown names from the UI
/// or a file become a validation error on `field`.
///
/// The store reads and binds the enum itself (`row.get::<_, PostStatus>(..)`):
/// a stored name it does not know (a damaged file, or one written by a newer
/// version) fails the read as an unreadable value, never as the user's input.
macro_rules! string_enum {
    ($(#[$meta:meta])* $name:ident, $field:literal, { $($(#[$vmeta:meta])* $variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize, ts_rs::TS)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($(#[$vmeta])* $variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            pub fn parse(text: &str) -> $crate::error::Result<Self> {
                match text {
                    $($text => Ok($name::$variant),)+
                    other => Err($crate::error::Error::validation(
                        $field,
                        $crate::error::Reason::UnknownValue,
                        format!("unknown {} \"{}\"", $field, other),
                    )),
                }
            }
        }

        impl rusqlite::types::ToSql for $name {
            fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
                Ok(rusqlite::types::ToSqlOutput::from(self.as_str()))
            }
        }

        impl rusqlite::types::FromSql for $name {
            fn column_result(
                value: rusqlite::types::ValueRef<'_>,
            ) -> rusqlite::types::FromSqlResult<Self> {
                let text = value.as_str()?;
                $name::parse(text).map_err(|_| {
                    rusqlite::types::FromSqlError::Other(
                        format!("unreadable {} \"{}\"", stringify!($name), text).into(),
                    )
                })
            }
        }
    };
}
pub(crate) use string_enum;

/// Trims `value` and refuses it when empty or longer than `max` characters.
pub(crate) fn required_text(
    field: &'static str,
    value: &str,
    max: usize,
) -> crate::error::Result<String> {
    let trimmed = value.trim();
    if trimmed.is_empty() {
        return Err(crate::error::Error::validation(
            field,
            crate::error::Reason::Required,
            format!("{field} is required"),
        ));
    }
    optional_text(field, trimmed, max)
}

/// Trims `value` and refuses it when longer than `max` characters.
pub(crate) fn optional_text(
    field: &'static str,
    value: &str,
    max: usize,
) -> crate::error::Result<String> {
    let trimmed = value.trim();
    if trimmed.chars().count() > max {
        return Err(crate::error::Error::validation(
            field,
            crate::error::Reason::TooLong,
            format!("{field} is longer than {max} characters"),
        ));
    }
    Ok(trimmed.to_string())
}

#[cfg(test)]
mod tests {
    use rusqlite::Connection;

    use super::PostStatus;
    use crate::error::Error;

    #[test]
    fn string_enums_are_stored_by_name_and_unknown_names_are_unreadable() {
        let conn = Connection::open_in_memory().unwrap();
        let stored: String = conn
            .query_row("SELECT ?1", [PostStatus::InReview], |r| r.get(0))
            .unwrap();
        assert_eq!(stored, "in_review");
        let read: PostStatus = conn
            .query_row("SELECT 'in_review'", [], |r| r.get(0))
            .unwrap();
        assert_eq!(read, PostStatus::InReview);

        let unknown = conn
            .query_row("SELECT 'someday'", [], |r| r.get::<_, PostStatus>(0))
            .unwrap_err();
        match Error::from(unknown) {
            Error::Storage(message) => {
                assert!(
                    message.contains("unreadable PostStatus \"someday\""),
                    "{message}"
                )
            }
            other => panic!("expected a storage error, got {other:?}"),
        }
        let not_text = conn.query_row("SELECT 3", [], |r| r.get::<_, PostStatus>(0));
        assert!(not_text.is_err());
    }
}
