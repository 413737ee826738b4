//! Turns goalsite's two catalogues into Rust names, so that the code cannot
//! use a message or a UI string the built-in files lack: every message of
//! `src/messages/en.ftl` becomes a variant of `MsgId`, every key of
//! `[strings]` in `themes/default/i18n/en.toml` a variant of `UiKey`.

use std::fmt::Write as _;
use std::path::Path;

const MESSAGES: &str = "src/messages/en.ftl";
const UI_STRINGS: &str = "themes/default/i18n/en.toml";

fn main() {
    println!("cargo::rerun-if-changed={MESSAGES}");
    println!("cargo::rerun-if-changed={UI_STRINGS}");
    build_id();
    let messages = std::fs::read_to_string(MESSAGES).expect("src/messages/en.ftl");
    let strings = std::fs::read_to_string(UI_STRINGS).expect("themes/default/i18n/en.toml");
    let dir = std::env::var("OUT_DIR").expect("OUT_DIR");
    let mut out = String::new();
    write_enum(&mut out, "MsgId", "A message of goalsite's catalogue (`src/messages/*.ftl`).", &message_ids(&messages));
    std::fs::write(Path::new(&dir).join("message_ids.rs"), out).expect("writing message_ids.rs");
    let mut out = String::new();
    write_enum(
        &mut out,
        "UiKey",
        "A UI string of the theme (`i18n/<lang>.toml`, `[strings]`).",
        &string_keys(&strings),
    );
    std::fs::write(Path::new(&dir).join("ui_keys.rs"), out).expect("writing ui_keys.rs");
}

/// `GOALSITE_BUILD_ID`: a hash of everything goalsite is built from (its
/// code, the built-in theme, the locked crates), so that the build cache of
/// one goalsite is never used by another, even of the same version number.
fn build_id() {
    let mut files = Vec::new();
    for dir in ["src", "themes"] {
        println!("cargo::rerun-if-changed={dir}");
        collect(Path::new(dir), &mut files);
    }
    for file in ["Cargo.toml", "Cargo.lock", "build.rs"] {
        println!("cargo::rerun-if-changed={file}");
        files.push(file.into());
    }
    files.sort();
    // FNV-1a, 64 bits, twice with different starts: stable across Rust versions.
    let (mut a, mut b) = (0xcbf2_9ce4_8422_2325_u64, 0x6c62_272e_07bb_0142_u64);
    for file in &files {
        let bytes = std::fs::read(file).unwrap_or_default();
        for byte in file.to_string_lossy().bytes().chain([0]).chain(bytes).chain([0]) {
            a = (a ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
            b = (b ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3 + 2);
        }
    }
    println!("cargo::rustc-env=GOALSITE_BUILD_ID={a:016x}{b:016x}");
}

fn collect(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else {
            out.push(path);
        }
    }
}

/// The ids of the messages in a Fluent file: lines that start with a
/// lowercase letter and hold `=` (terms start with `-`, attributes and
/// continued lines with spaces).
fn message_ids(ftl: &str) -> Vec<String> {
    ftl.lines()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_lowercase()))
        .filter_map(|l| l.split_once('=').map(|(id, _)| id.trim().to_owned()))
        .collect()
}

/// The keys of the `[strings]` table of a UI strings file.
fn string_keys(toml: &str) -> Vec<String> {
    let mut in_strings = false;
    let mut keys = Vec::new();
    for line in toml.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            in_strings = line == "[strings]";
        } else if in_strings && line.starts_with(|c: char| c.is_ascii_lowercase()) {
            if let Some((key, _)) = line.split_once('=') {
                keys.push(key.trim().to_owned());
            }
        }
    }
    keys
}

fn write_enum(out: &mut String, name: &str, doc: &str, ids: &[String]) {
    let variant =
        |id: &str| -> String { id.split(['-', '_']).map(|w| w[..1].to_ascii_uppercase() + &w[1..]).collect() };
    writeln!(out, "/// {doc}").unwrap();
    writeln!(out, "#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]").unwrap();
    writeln!(out, "pub enum {name} {{").unwrap();
    for id in ids {
        writeln!(out, "    {},", variant(id)).unwrap();
    }
    writeln!(out, "}}\n\nimpl {name} {{").unwrap();
    writeln!(out, "    /// Every one, in the order of the file.").unwrap();
    writeln!(out, "    pub const ALL: &[{name}] = &[").unwrap();
    for id in ids {
        writeln!(out, "        {name}::{},", variant(id)).unwrap();
    }
    writeln!(out, "    ];\n\n    /// The id as the file writes it.").unwrap();
    writeln!(out, "    pub fn as_str(self) -> &'static str {{\n        match self {{").unwrap();
    for id in ids {
        writeln!(out, "            {name}::{} => {id:?},", variant(id)).unwrap();
    }
    writeln!(out, "        }}\n    }}\n").unwrap();
    writeln!(out, "    /// The one with the id `id` as the file writes it.\n    #[allow(dead_code)]").unwrap();
    writeln!(out, "    pub fn from_id(id: &str) -> Option<{name}> {{\n        {name}::ALL.iter().copied().find(|v| v.as_str() == id)\n    }}\n}}\n").unwrap();
}
