//! The code's shape, kept: every module imports only modules of earlier
//! layers (the order `src/lib.rs` declares them in), and no source file grows
//! past 500 lines.

use std::path::{Path, PathBuf};

/// The modules of `src/lib.rs`, in the order it declares them: a module may
/// use only the modules before it.
fn declared_modules() -> Vec<String> {
    let lib = std::fs::read_to_string(src().join("lib.rs")).unwrap();
    lib.lines()
        .filter_map(|l| l.trim().strip_prefix("mod ").or_else(|| l.trim().strip_prefix("pub mod ")))
        .map(|l| l.trim_end_matches(';').to_owned())
        .collect()
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn rust_files() -> Vec<PathBuf> {
    walkdir::WalkDir::new(src())
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "rs"))
        .map(|e| e.path().to_path_buf())
        .collect()
}

/// The top-level module a file belongs to (`src/render/views.rs` → `render`).
fn module_of(file: &Path) -> String {
    let rel = file.strip_prefix(src()).unwrap();
    let first = rel.components().next().unwrap().as_os_str().to_string_lossy().into_owned();
    first.trim_end_matches(".rs").to_owned()
}

/// Every `crate::x` a file names, with `use crate::{x, y}` groups opened.
fn crate_uses(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (i, _) in text.match_indices("crate::") {
        // `$crate::` in a macro names the crate's root, whose re-exports are public API.
        if text[..i].ends_with('$') {
            continue;
        }
        let rest = &text[i + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let group = &group[..group.find('}').unwrap_or(group.len())];
            found.extend(group.split(',').map(|s| s.trim().split("::").next().unwrap_or("").to_owned()));
        } else {
            let name: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
            found.push(name);
        }
    }
    found.retain(|s| !s.is_empty());
    found
}

#[test]
fn modules_import_only_from_earlier_layers() {
    let order = declared_modules();
    assert!(order.len() > 10, "lib.rs declares the modules: {order:?}");
    let rank = |m: &str| order.iter().position(|o| o == m);
    let mut wrong = Vec::new();
    for file in rust_files() {
        let module = module_of(&file);
        if module == "lib" || module == "main" {
            continue;
        }
        let own = rank(&module).unwrap_or_else(|| panic!("{module} is not declared in lib.rs"));
        let text = std::fs::read_to_string(&file).unwrap();
        for used in crate_uses(&text) {
            match rank(&used) {
                Some(r) if r < own || used == module => {}
                Some(_) => wrong.push(format!("{} uses crate::{used}, a later layer", file.display())),
                None => wrong.push(format!("{} uses crate::{used}, which lib.rs does not declare", file.display())),
            }
        }
    }
    assert!(wrong.is_empty(), "imports against the layer order:\n{}", wrong.join("\n"));
}

#[test]
fn no_source_file_is_over_500_lines() {
    let long: Vec<String> = rust_files()
        .into_iter()
        .map(|f| (std::fs::read_to_string(&f).unwrap().lines().count(), f))
        .filter(|(n, _)| *n > 500)
        .map(|(n, f)| format!("{}: {n} lines", f.display()))
        .collect();
    assert!(long.is_empty(), "split these files: {long:?}");
}

#[test]
fn the_checker_sees_grouped_and_nested_uses() {
    let uses = crate_uses("use crate::{model::Site, text};\nlet x = crate::charts::render(y);");
    assert_eq!(uses, ["model", "text", "charts"]);
}
