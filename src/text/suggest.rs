//! "Did you mean …?": the known name closest to a mistyped one.

/// The candidate closest to `name` by edit distance, if it is close enough
/// (about a third of the candidate's length, at least one edit). Swapping two
/// neighbouring letters, the most common typing mistake, counts as one edit.
pub fn nearest<'a>(name: &str, candidates: &[&'a str]) -> Option<&'a str> {
    candidates
        .iter()
        .map(|c| (strsim::osa_distance(name, c), *c))
        .filter(|(d, c)| *d <= ((c.chars().count() + 1) / 3).max(1))
        .min()
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_finds_typos_and_ignores_far_names() {
        assert_eq!(nearest("delvs", &["ja", "delvis", "nej"]), Some("delvis"));
        assert_eq!(nearest("kanske", &["ja", "delvis", "nej"]), None);
        assert_eq!(nearest("titel", &["title", "slug"]), Some("title"));
        assert_eq!(nearest("pie", &["line", "bar", "hbar"]), None);
    }
}
