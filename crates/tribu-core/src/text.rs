//! Comparing what people type: the same word with or without capitals,
//! accents or punctuation. The draft checks, the charter's lists and the CSV
//! import all compare text this way.

use unicode_normalization::UnicodeNormalization;

/// Lower case without accents: "Élan" and "elan" compare equal.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.nfd() {
        if ('\u{300}'..='\u{36f}').contains(&c) {
            continue;
        }
        match c {
            'œ' | 'Œ' => out.push_str("oe"),
            'æ' | 'Æ' => out.push_str("ae"),
            'ß' => out.push_str("ss"),
            other => out.extend(other.to_lowercase()),
        }
    }
    out
}

/// A label folded for comparison: no case, no accents, letters and digits
/// only ("Taux d'engagement (%)" → "tauxdengagement").
pub(crate) fn label_key(text: &str) -> String {
    fold(text).chars().filter(|c| c.is_alphanumeric()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_ignores_case_accents_and_ligatures() {
        assert_eq!(fold("ÉLAN Œuvre Ça"), "elan oeuvre ca");
        assert_eq!(fold("Straße"), "strasse");
    }

    #[test]
    fn label_keys_keep_letters_and_digits() {
        assert_eq!(label_key("Taux d'engagement (%)"), "tauxdengagement");
        assert_eq!(label_key(" Réseau "), "reseau");
    }
}
