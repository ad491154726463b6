//! French typography for the text of a French document: a narrow no-break
//! space (U+202F) before `? ! ;`, a no-break space (U+00A0) before `:` and
//! inside « guillemets », so that a line never starts with the punctuation.
//! Applied to the data, not to the template, so what Typst receives is still
//! plain text set as text.

use serde_json::Value;

const NARROW_NBSP: char = '\u{202F}';
const NBSP: char = '\u{A0}';

/// Rewrites every string inside `value` (object keys excepted).
pub fn frenchify(value: &mut Value) {
    match value {
        Value::String(s) => {
            let fixed = french_spacing(s);
            if fixed != *s {
                *s = fixed;
            }
        }
        Value::Array(items) => items.iter_mut().for_each(frenchify),
        Value::Object(map) => map.values_mut().for_each(frenchify),
        _ => {}
    }
}

/// One string with French spacing around high punctuation and guillemets.
///
/// - a space before `? ! ;` becomes narrow and no-break; a word directly
///   followed by one of them, then by a space or the end, gets one (so
///   "https://x.fr/?q=1" and "?!" are left alone);
/// - a space before `:` becomes no-break; a missing one is not added, since
///   "09:30", "1:2" or "https:" are not prose;
/// - « and » get a no-break space inside, added when missing.
pub fn french_spacing(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    for (i, &c) in chars.iter().enumerate() {
        let next = chars.get(i + 1).copied();
        let prev = out.chars().last();
        let ends_word = next.is_none_or(|n| n.is_whitespace() || "?!;»)".contains(n));
        match c {
            ' ' | NBSP | NARROW_NBSP if next.is_some_and(|n| "?!;".contains(n)) => {
                out.push(NARROW_NBSP)
            }
            ' ' | NARROW_NBSP if next == Some(':') => out.push(NBSP),
            ' ' | NARROW_NBSP if prev == Some('«') => out.push(NBSP),
            ' ' | NARROW_NBSP if next == Some('»') => out.push(NBSP),
            '?' | '!' | ';' if ends_word && prev.is_some_and(|p| p.is_alphanumeric()) => {
                out.push(NARROW_NBSP);
                out.push(c);
            }
            '«' => {
                out.push(c);
                if next.is_some_and(|n| !n.is_whitespace()) {
                    out.push(NBSP);
                }
            }
            '»' if prev.is_some_and(|p| !p.is_whitespace()) => {
                out.push(NBSP);
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(s: &str) -> String {
        s.replace(NARROW_NBSP, "⍽").replace(NBSP, "~")
    }

    #[test]
    fn high_punctuation_gets_a_narrow_no_break_space() {
        assert_eq!(show(&french_spacing("Quels délais ?")), "Quels délais⍽?");
        assert_eq!(
            show(&french_spacing("Génial! Vraiment ;")),
            "Génial⍽! Vraiment⍽;"
        );
        assert_eq!(show(&french_spacing("Quoi ?!")), "Quoi⍽?!");
        assert_eq!(show(&french_spacing("Note : ceci")), "Note~: ceci");
    }

    #[test]
    fn guillemets_get_no_break_spaces_inside() {
        assert_eq!(show(&french_spacing("« Bonjour »")), "«~Bonjour~»");
        assert_eq!(show(&french_spacing("«Bonjour»")), "«~Bonjour~»");
    }

    #[test]
    fn non_prose_is_left_alone() {
        for text in [
            "https://atelier.fr/faq?q=1&r=2",
            "09:30",
            "ratio 1:2",
            "#set page(width: 1cm) $x^2$",
            "",
            "😀 مرحبا",
        ] {
            assert_eq!(
                french_spacing(text),
                text.replace(" :", "\u{A0}:"),
                "{text}"
            );
        }
    }

    #[test]
    fn every_string_of_the_data_is_rewritten_but_not_the_keys() {
        let mut value = serde_json::json!({"q ?": ["Vraiment ?", {"a": "Oui !"}], "n": 3});
        frenchify(&mut value);
        assert_eq!(
            value,
            serde_json::json!({"q ?": ["Vraiment\u{202F}?", {"a": "Oui\u{202F}!"}], "n": 3})
        );
    }
}
