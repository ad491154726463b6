use crate::error::Reason;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{optional_text, required_text, string_enum};
use crate::error::{Error, Result};

string_enum!(
    /// What a network is; `custom` for the ones the user adds.
    NetworkKind, "kind", {
        Facebook => "facebook",
        Instagram => "instagram",
        X => "x",
        Linkedin => "linkedin",
        Youtube => "youtube",
        Tiktok => "tiktok",
        Pinterest => "pinterest",
        Blog => "blog",
        Forum => "forum",
        Newsletter => "newsletter",
        Custom => "custom",
    }
);

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Network {
    pub id: String,
    pub name: String,
    pub kind: NetworkKind,
    /// `#rrggbb`, the colour of its posts on the calendar.
    pub color: String,
    /// Characters allowed in a post body; none for long-form channels.
    pub char_limit: Option<u32>,
    pub builtin: bool,
}

/// A network the user adds or edits.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NetworkInput {
    pub name: String,
    pub color: String,
    pub char_limit: Option<u32>,
}

impl NetworkInput {
    pub(crate) fn validated(&self) -> Result<NetworkInput> {
        let name = required_text("name", &self.name, 60)?;
        let color = optional_text("color", &self.color, 7)?.to_ascii_lowercase();
        let is_hex = color.len() == 7
            && color.starts_with('#')
            && color[1..].chars().all(|c| c.is_ascii_hexdigit());
        if !is_hex {
            return Err(Error::validation(
                "color",
                Reason::InvalidColor,
                "colour must look like #1a2b3c",
            ));
        }
        if self.char_limit == Some(0) {
            return Err(Error::validation(
                "charLimit",
                Reason::InvalidLimit,
                "a character limit must be positive",
            ));
        }
        Ok(NetworkInput {
            name,
            color,
            char_limit: self.char_limit,
        })
    }
}

/// The networks every new workspace starts with: name, kind, colour, limit.
/// Limits are the platforms' documented caps for a post's text.
pub(crate) const BUILTIN_NETWORKS: &[(&str, NetworkKind, &str, Option<u32>)] = &[
    ("Facebook", NetworkKind::Facebook, "#1877f2", Some(63_206)),
    ("Instagram", NetworkKind::Instagram, "#c13584", Some(2_200)),
    ("X", NetworkKind::X, "#14171a", Some(280)),
    ("LinkedIn", NetworkKind::Linkedin, "#0a66c2", Some(3_000)),
    ("YouTube", NetworkKind::Youtube, "#e62117", Some(5_000)),
    ("TikTok", NetworkKind::Tiktok, "#0f9b8e", Some(2_200)),
    ("Pinterest", NetworkKind::Pinterest, "#bd081c", Some(500)),
    ("Blog", NetworkKind::Blog, "#6d4c9f", None),
    ("Forum", NetworkKind::Forum, "#8a6d3b", None),
    ("Newsletter", NetworkKind::Newsletter, "#2e7d32", None),
];
