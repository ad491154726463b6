//! The entities a community manager plans with, and the rules their fields obey.

pub(crate) mod key_date;
pub(crate) mod network;
pub(crate) mod post;

pub use key_date::{KeyDate, KeyDateInput, KeyDateKind};
pub use network::{Network, NetworkInput, NetworkKind};
pub use post::{Post, PostFilter, PostFormat, PostInput, PostStatus, PostSummary, DEFAULT_TIME};

/// Declares a string-valued enum: serde and TypeScript see the snake_case
/// names, the database stores the same names, and unknown names from the UI
/// or a file become a validation error on `field`.
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
                        "unknown_value",
                        format!("unknown {} \"{}\"", $field, other),
                    )),
                }
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
            "required",
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
            "too_long",
            format!("{field} is longer than {max} characters"),
        ));
    }
    Ok(trimmed.to_string())
}
