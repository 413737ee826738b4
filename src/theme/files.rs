//! The theme's files: the default theme built into goalsite, with the site's
//! own files from `themes/<name>/` laid over it file by file, as mdBook and
//! Zola do. A site changes what it needs and gets every other file, and
//! every fix, from the binary.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use include_dir::{include_dir, Dir};

use crate::diagnostics::{Diagnostic, Problems};
use crate::source::Source;

/// The folder that holds a site's theme files, under the site root.
pub const THEMES_DIR: &str = "themes";

/// The built-in theme's name; a site's `themes/default/` changes it.
pub const BUILT_IN_NAME: &str = "default";

/// The default theme, compiled into the binary from `themes/default/`.
static BUILT_IN: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/themes/default");

/// The folders (and file) of a theme that goalsite reads.
const PARTS: [&str; 4] = ["templates/", "static/", "i18n/", "theme.toml"];

/// One file of the theme as it is used: the site's own if it has one, the
/// built-in one otherwise.
pub struct ThemeFile {
    /// For messages: `themes/umea/templates/base.html`, or
    /// `<built-in theme>/templates/base.html`.
    pub path: PathBuf,
    pub bytes: Cow<'static, [u8]>,
    /// The built-in file under the site's own, when the site changes one.
    pub built_in: Option<&'static [u8]>,
}

impl ThemeFile {
    /// The file as UTF-8 text, for messages that point into it.
    pub fn source(&self) -> Result<Arc<Source>, Diagnostic> {
        match std::str::from_utf8(&self.bytes) {
            Ok(text) => Ok(Arc::new(Source::new(&self.path, text))),
            Err(_) => Err(Diagnostic::error(&self.path, msg!(FileNotUtf8)).with_hint(msg!(FileNotUtf8Hint))),
        }
    }
}

/// How messages name the built-in theme's files.
pub const BUILT_IN_LABEL: &str = "<built-in theme>";

/// Every file of theme `name` by its path in the theme (`templates/base.html`):
/// the built-in files, with the site's files from `themes/<name>/` over them.
/// Files of the site's folder that goalsite would not read are reported.
pub fn theme_files(root: &Path, name: &str, problems: &mut Problems) -> BTreeMap<String, ThemeFile> {
    let mut files = BTreeMap::new();
    for file in all_files(&BUILT_IN) {
        let rel = file.path().to_string_lossy().replace('\\', "/");
        let path = Path::new(BUILT_IN_LABEL).join(&rel);
        files.insert(rel, ThemeFile { path, bytes: Cow::Borrowed(file.contents()), built_in: None });
    }
    let dir = Path::new(THEMES_DIR).join(name);
    let entries = walkdir::WalkDir::new(root.join(&dir)).sort_by_file_name().into_iter().filter_map(Result::ok);
    for entry in entries.filter(|e| e.file_type().is_file()) {
        let rel = entry.path().strip_prefix(root.join(&dir)).unwrap_or(entry.path());
        let rel = rel.to_string_lossy().replace('\\', "/");
        let path = dir.join(&rel);
        if rel.split('/').any(crate::source::is_ignored) {
            continue;
        }
        if !PARTS.iter().any(|p| rel.starts_with(p) || rel == *p) {
            problems.push(Diagnostic::warning(&path, msg!(ThemeFileUnread)).with_hint(msg!(ThemeFileUnreadHint)));
            continue;
        }
        match std::fs::read(entry.path()) {
            Ok(bytes) => {
                let built_in = match files.get(&rel).map(|f: &ThemeFile| &f.bytes) {
                    Some(Cow::Borrowed(b)) => Some(*b),
                    _ => None,
                };
                files.insert(rel, ThemeFile { path, bytes: Cow::Owned(bytes), built_in });
            }
            Err(e) => problems.push(Diagnostic::error(&path, msg!(FileUnreadable, error = e.to_string())).reading()),
        }
    }
    files
}

/// Every file under `dir`, at any depth.
fn all_files(dir: &'static Dir<'static>) -> impl Iterator<Item = &'static include_dir::File<'static>> {
    let mut stack = vec![dir];
    let mut out = Vec::new();
    while let Some(d) = stack.pop() {
        out.extend(d.files());
        stack.extend(d.dirs());
    }
    out.sort_by_key(|f| f.path());
    out.into_iter()
}

/// The built-in theme's file at `rel` (`i18n/en.toml`).
pub fn built_in_file(rel: &str) -> Option<&'static [u8]> {
    BUILT_IN.get_file(rel).map(|f| f.contents())
}

/// Whether the site has a folder for theme `name`.
pub fn has_folder(root: &Path, name: &str) -> bool {
    root.join(THEMES_DIR).join(name).is_dir()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_themes_editor_backups_and_hidden_files_are_not_read_and_a_stray_file_is_reported() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join(THEMES_DIR).join("egen");
        std::fs::create_dir_all(dir.join("templates")).unwrap();
        for name in ["templates/base.html", "templates/base.html~", "templates/.base.html.swp", "templates/#base.html#"]
        {
            std::fs::write(dir.join(name), "{{ content }}").unwrap();
        }
        std::fs::write(dir.join("stray.txt"), "").unwrap();
        let mut problems = Problems::new();
        let files = theme_files(root.path(), "egen", &mut problems);
        assert_eq!(files["templates/base.html"].path, Path::new("themes/egen/templates/base.html"));
        assert!(
            files.keys().all(|k| !k.ends_with('~') && !k.contains("/.") && !k.contains("/#")),
            "{:?}",
            files.keys()
        );
        let problems = problems.finish();
        let paths: Vec<_> = problems.iter().map(|d| d.file.clone()).collect();
        assert_eq!(paths, ["themes/egen/stray.txt"], "only the stray file is reported");
    }
}
