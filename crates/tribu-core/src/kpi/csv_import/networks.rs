//! The workspace network a file's cell names.

use std::collections::HashMap;

use crate::model::{Network, NetworkKind};
use crate::text::label_key;

/// Finds a workspace network from what a file calls it: its id, its name or
/// its kind (`twitter` and `x` both find the X network), ignoring case,
/// accents, spaces and punctuation.
pub(super) struct NetworkFinder {
    by_key: HashMap<String, String>,
    ids: HashMap<String, String>,
}

impl NetworkFinder {
    pub fn new(networks: &[Network]) -> NetworkFinder {
        let mut by_key = HashMap::new();
        let mut ids = HashMap::new();
        let mut kinds: HashMap<NetworkKind, Vec<&Network>> = HashMap::new();
        for n in networks {
            ids.insert(n.id.clone(), n.id.clone());
            by_key.insert(label_key(&n.name), n.id.clone());
            kinds.entry(n.kind).or_default().push(n);
        }
        let aliases: &[(NetworkKind, &[&str])] = &[
            (NetworkKind::X, &["twitter", "x"]),
            (NetworkKind::Facebook, &["facebook", "fb"]),
            (NetworkKind::Instagram, &["instagram", "insta", "ig"]),
            (NetworkKind::Linkedin, &["linkedin"]),
            (NetworkKind::Youtube, &["youtube", "yt"]),
            (NetworkKind::Tiktok, &["tiktok"]),
            (NetworkKind::Pinterest, &["pinterest"]),
        ];
        for (kind, names) in aliases {
            // Only a kind the workspace has once: two Instagram accounts must
            // be told apart by name.
            if let Some([one]) = kinds.get(kind).map(Vec::as_slice) {
                for name in *names {
                    by_key.entry(name.to_string()).or_insert(one.id.clone());
                }
            }
        }
        NetworkFinder { by_key, ids }
    }

    pub fn find(&self, text: &str) -> Option<&str> {
        self.ids
            .get(text.trim())
            .or_else(|| self.by_key.get(&label_key(text)))
            .map(String::as_str)
    }
}
