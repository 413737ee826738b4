//! Soft hyphens in long words, by the language's hyphenation patterns
//! (hypher: TeX's patterns, built into goalsite), so that a heading or a
//! table cell on a narrow screen breaks a long word with a hyphen where the
//! language allows ("Kommun-koncernens"), not after any letter. Computed at
//! build time: browsers hyphenate `hyphens: auto` only where they carry the
//! language's dictionary, which many do not.

/// The soft hyphen: invisible unless the line breaks there.
pub const SOFT_HYPHEN: char = '\u{ad}';

/// Words shorter than this (in letters) are never broken.
const MIN_WORD: usize = 8;

/// `text` with soft hyphens in its long words, by the patterns of `lang`
/// (its first two letters, an ISO 639-1 code); unchanged in a language
/// without patterns.
pub fn hyphenate(text: &str, lang: &str) -> String {
    let Some(lang) = patterns(lang) else { return text.to_owned() };
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut word = String::new();
    for c in text.chars() {
        if c.is_alphabetic() {
            word.push(c);
            continue;
        }
        push_word(&mut out, &word, lang);
        word.clear();
        out.push(c);
    }
    push_word(&mut out, &word, lang);
    out
}

/// `text` without the soft hyphens [`hyphenate`] put in.
pub fn unhyphenate(text: &str) -> String {
    text.replace(SOFT_HYPHEN, "")
}

fn patterns(lang: &str) -> Option<hypher::Lang> {
    let code: [u8; 2] = lang.get(..2)?.to_ascii_lowercase().as_bytes().try_into().ok()?;
    hypher::Lang::from_iso(code)
}

fn push_word(out: &mut String, word: &str, lang: hypher::Lang) {
    if word.chars().count() < MIN_WORD {
        out.push_str(word);
        return;
    }
    // At least three letters on each side of a break.
    let syllables: Vec<&str> = hypher::hyphenate_bounded(word, lang, 3, 3).collect();
    out.push_str(&syllables.join(&SOFT_HYPHEN.to_string()));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(s: &str) -> String {
        s.replace(SOFT_HYPHEN, "-")
    }

    #[test]
    fn long_words_break_where_their_language_allows() {
        assert_eq!(shown(&hyphenate("Kommunkoncernens utsläpp", "sv")), "Kom-munkon-cer-nens utsläpp");
        let fi = shown(&hyphenate("ympäristövaikutustenarviointimenettely", "fi"));
        assert!(fi.matches('-').count() >= 5, "{fi}");
        assert_eq!(fi.replace('-', ""), "ympäristövaikutustenarviointimenettely");
        assert_eq!(hyphenate("Net emissions, 2000–2025", "en"), "Net emis\u{ad}sions, 2000–2025");
    }

    #[test]
    fn short_words_numbers_and_unknown_languages_stay_as_they_are() {
        assert_eq!(hyphenate("Mål 2025: 14", "sv"), "Mål 2025: 14");
        assert_eq!(hyphenate("Kommunkoncernens", "se"), "Kommunkoncernens", "no Northern Sami patterns");
        assert_eq!(hyphenate("Kommunkoncernens", ""), "Kommunkoncernens");
        assert_eq!(unhyphenate(&hyphenate("Kommunorganisationen", "sv")), "Kommunorganisationen");
    }
}
