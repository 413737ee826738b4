//! An edition's manifest (`edition.toml`, written by goalsite): its year,
//! the day it was published, the format its files are in, and the SHA-256
//! of every archived file; and its corrections (`corrections.toml`, written
//! by editors): what was changed after publication, when, and why.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::diagnostics::Diagnostic;
use crate::locale::Text;

use super::{CORRECTIONS_FILE, MANIFEST_FILE};

/// The format of goalsite's files that new editions are archived in. When
/// a later goalsite reads its files differently, it keeps reading archived
/// editions of the older formats as they were (their manifest says which).
pub const FORMAT: u32 = 1;

/// What an edition published.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    pub year: i32,
    /// The day the edition was published (`2025-04-15`).
    pub published: toml::value::Datetime,
    /// The format of goalsite's files the edition is in ([`FORMAT`]).
    pub format: u32,
    /// Every archived file (relative to the edition's folder) and its SHA-256.
    pub files: BTreeMap<String, String>,
}

/// A change to an edition after it was published, as its pages show it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Correction {
    /// The archived file changed, relative to the edition's folder.
    pub file: String,
    pub date: toml::value::Datetime,
    /// What was corrected and why, in every language of the edition.
    pub note: Text,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CorrectionsFile {
    #[serde(default, rename = "correction")]
    corrections: Vec<Correction>,
}

impl Manifest {
    /// Reads the manifest of the edition in `dir` (relative to `root`).
    pub fn read(root: &Path, dir: &Path) -> Result<Manifest, Diagnostic> {
        let source = crate::toml_file::read(root, &dir.join(MANIFEST_FILE))?;
        crate::toml_file::parse(&source)
    }

    /// The manifest as its file says it, with a comment for whoever opens it.
    pub fn to_toml(&self, head: &str) -> String {
        let body = toml::to_string(self).expect("a manifest is plain TOML");
        let head: String = head.lines().map(|l| format!("# {l}\n")).collect();
        format!("{head}\n{body}")
    }
}

/// The corrections of the edition in `dir`, if it has any.
pub fn corrections(root: &Path, dir: &Path) -> Result<Vec<Correction>, Diagnostic> {
    let rel = dir.join(CORRECTIONS_FILE);
    if !root.join(&rel).is_file() {
        return Ok(Vec::new());
    }
    let source = crate::toml_file::read(root, &rel)?;
    Ok(crate::toml_file::parse::<CorrectionsFile>(&source)?.corrections)
}

/// The SHA-256 of every file of the edition in `dir` but the manifest and
/// the corrections, by its path relative to `dir` (with `/`).
pub fn hashes(root: &Path, dir: &Path) -> BTreeMap<String, String> {
    let base = root.join(dir);
    walkdir::WalkDir::new(&base)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| {
            let rel = e.path().strip_prefix(&base).ok()?.to_string_lossy().replace('\\', "/");
            if rel == MANIFEST_FILE || rel == CORRECTIONS_FILE {
                return None;
            }
            Some((rel, sha256(&std::fs::read(e.path()).ok()?)))
        })
        .collect()
}

/// The SHA-256 of `bytes`, in lowercase hex.
pub fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hash_is_sha256() {
        assert_eq!(sha256(b"abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
