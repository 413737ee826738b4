//! URL slugs: which strings may be a part of an address, and how to make one.

/// Whether a slug is safe in a URL: lowercase letters, digits and `-`.
pub fn is_valid_slug(slug: &str) -> bool {
    !slug.is_empty()
        && slug.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !slug.starts_with('-')
        && !slug.ends_with('-')
}

/// A valid slug made from any text (`Örnsköldsvik` → `ornskoldsvik`).
pub fn slugify(text: &str) -> String {
    let ascii = deunicode::deunicode(text).to_lowercase();
    let mut out = String::with_capacity(ascii.len());
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugify_handles_swedish_letters() {
        assert_eq!(slugify("Örnsköldsvik – Tillväxt 2024!"), "ornskoldsvik-tillvaxt-2024");
        assert!(is_valid_slug("klimatneutrala-umea-2040"));
        assert!(!is_valid_slug("tillväxt"));
        assert!(!is_valid_slug("a b"));
        assert!(!is_valid_slug("-a"));
    }
}
