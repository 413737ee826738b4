//! Copying a folder tree: the tests' copies of a site (and the serve
//! benchmark's, which includes this file).

use std::fs;
use std::path::Path;

/// Copies the folder `from` to `to`, whole.
pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.expect("a readable folder");
        let target = to.join(entry.path().strip_prefix(from).expect("under from"));
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target).expect("a folder made");
        } else {
            fs::copy(entry.path(), &target).expect("a file copied");
        }
    }
}
