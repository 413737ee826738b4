//! The files `site.toml` names besides the content: the logo, an SVG file in
//! the site folder, read and checked to be a plain picture.

use std::path::{Component, Path};
use std::sync::Arc;

use toml::Spanned;

use crate::diagnostics::Diagnostic;
use crate::source::Source;

/// The largest logo goalsite publishes: a logo is a few kilobytes.
const MAX_LOGO_BYTES: u64 = 512 * 1024;

/// Reads the logo at `path` (relative to `root`, as written in `config`).
pub fn logo(root: &Path, path: &Spanned<String>, config: &Arc<Source>) -> Result<Vec<u8>, Diagnostic> {
    let rel = Path::new(path.get_ref());
    let fail = |message: String, hint: &str| Diagnostic::error_at(config, path.span(), message).with_hint(hint);
    let inside = rel.components().all(|c| matches!(c, Component::Normal(_)));
    if !inside {
        return Err(fail(
            format!("the logo `{}` is not a file in the site folder", path.get_ref()),
            "write its path from the folder of site.toml, like logo = \"logo.svg\"",
        ));
    }
    if rel.extension().is_none_or(|e| !e.eq_ignore_ascii_case("svg")) {
        return Err(fail("the logo must be an SVG file".into(), "save the logo as SVG (it stays sharp at every size)"));
    }
    let file = root.join(rel);
    let size = std::fs::metadata(&file).map(|m| m.len()).map_err(|e| {
        fail(format!("cannot read the logo {}: {e}", rel.display()), "put the file there, or correct the path")
    })?;
    if size > MAX_LOGO_BYTES {
        return Err(fail(
            format!("the logo is {} KB; goalsite publishes logos of up to {} KB", size / 1024, MAX_LOGO_BYTES / 1024),
            "save it as plain SVG without embedded pictures",
        ));
    }
    let bytes = std::fs::read(&file)
        .map_err(|e| fail(format!("cannot read the logo {}: {e}", rel.display()), "check the file"))?;
    match plain_svg(&bytes) {
        Ok(()) => Ok(bytes),
        Err(why) => Err(fail(
            format!("the logo {} {why}", rel.display()),
            "export the logo as a plain SVG picture (no scripts, no links to other files)",
        )),
    }
}

/// Whether `bytes` are an SVG picture with nothing that runs or loads: no
/// scripts, event attributes, embedded HTML or references outside the file.
fn plain_svg(bytes: &[u8]) -> Result<(), String> {
    let text = std::str::from_utf8(bytes).map_err(|_| "is not UTF-8 text".to_owned())?;
    let options = roxmltree::ParsingOptions { allow_dtd: false, ..Default::default() };
    let doc = roxmltree::Document::parse_with_options(text, options).map_err(|e| format!("is not valid SVG: {e}"))?;
    if doc.root_element().tag_name().name() != "svg" {
        return Err("is not an SVG picture (its root element is not <svg>)".into());
    }
    for node in doc.descendants().filter(|n| n.is_element()) {
        let name = node.tag_name().name();
        if matches!(name, "script" | "foreignObject" | "iframe") {
            return Err(format!("contains <{name}>"));
        }
        for attr in node.attributes() {
            let value = attr.value().trim();
            if attr.name().starts_with("on") {
                return Err(format!("has a script attribute {}", attr.name()));
            }
            if attr.name() == "href" && !value.starts_with('#') && !value.starts_with("data:image/") {
                return Err(format!("refers to another file: {value}"));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::plain_svg;

    #[test]
    fn only_plain_pictures_pass() {
        let ok = r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><use href="#a"/><rect id="a" width="5" height="5"/></svg>"##;
        assert_eq!(plain_svg(ok.as_bytes()), Ok(()));
        for (bad, why) in [
            (r#"<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>"#, "contains <script>"),
            (r#"<svg xmlns="http://www.w3.org/2000/svg" onload="x()"/>"#, "has a script attribute onload"),
            (
                r#"<svg xmlns="http://www.w3.org/2000/svg"><image href="https://x.se/a.png"/></svg>"#,
                "refers to another file",
            ),
            ("<html/>", "is not an SVG picture"),
            ("<svg", "is not valid SVG"),
        ] {
            assert!(plain_svg(bad.as_bytes()).unwrap_err().starts_with(why), "{bad}");
        }
    }
}
