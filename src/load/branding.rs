//! The files `site.toml` names besides the content: the logo, an SVG file in
//! the site folder, read and checked to be a plain picture.

use std::path::{Component, Path};
use std::sync::Arc;

use toml::Spanned;

use crate::diagnostics::Diagnostic;
use crate::messages::Message;
use crate::source::Source;

/// The largest logo goalsite publishes: a logo is a few kilobytes.
const MAX_LOGO_BYTES: u64 = 512 * 1024;

/// Reads the logo at `path` (relative to `root`, as written in `config`).
pub fn logo(root: &Path, path: &Spanned<String>, config: &Arc<Source>) -> Result<Vec<u8>, Diagnostic> {
    let rel = Path::new(path.get_ref());
    let fail = |message: Message, hint: Message| Diagnostic::error_at(config, path.span(), message).with_hint(hint);
    let inside = rel.components().all(|c| matches!(c, Component::Normal(_)));
    if !inside {
        return Err(fail(msg!(LogoOutside, file = path.get_ref()), msg!(LogoOutsideHint)));
    }
    if rel.extension().is_none_or(|e| !e.eq_ignore_ascii_case("svg")) {
        return Err(fail(msg!(LogoNotSvgFile), msg!(LogoNotSvgFileHint)));
    }
    let file = root.join(rel);
    let size = std::fs::metadata(&file)
        .map(|m| m.len())
        .map_err(|e| fail(msg!(LogoUnreadable, file = rel, error = e.to_string()), msg!(LogoMissingHint)))?;
    if size > MAX_LOGO_BYTES {
        return Err(fail(msg!(LogoTooLarge, size = size / 1024, max = MAX_LOGO_BYTES / 1024), msg!(LogoTooLargeHint)));
    }
    let bytes = std::fs::read(&file)
        .map_err(|e| fail(msg!(LogoUnreadable, file = rel, error = e.to_string()), msg!(LogoCheckHint)))?;
    match plain_svg(&bytes) {
        Ok(()) => Ok(bytes),
        Err(why) => Err(fail(why.arg("file", rel), msg!(LogoUnsafeHint))),
    }
}

/// Whether `bytes` are an SVG picture with nothing that runs or loads: no
/// scripts, event attributes, embedded HTML or references outside the
/// file. `Err` says why not (its `{ $file }` is the caller's to set).
fn plain_svg(bytes: &[u8]) -> Result<(), Message> {
    let text = std::str::from_utf8(bytes).map_err(|_| msg!(LogoNotUtf8))?;
    let options = roxmltree::ParsingOptions { allow_dtd: false, ..Default::default() };
    let doc = roxmltree::Document::parse_with_options(text, options)
        .map_err(|e| msg!(LogoInvalidSvg, detail = e.to_string()))?;
    if doc.root_element().tag_name().name() != "svg" {
        return Err(msg!(LogoRootNotSvg));
    }
    for node in doc.descendants().filter(|n| n.is_element()) {
        let name = node.tag_name().name();
        if matches!(name, "script" | "foreignObject" | "iframe") {
            return Err(msg!(LogoElement, element = name));
        }
        for attr in node.attributes() {
            let value = attr.value().trim();
            if attr.name().starts_with("on") {
                return Err(msg!(LogoScriptAttribute, attribute = attr.name()));
            }
            if attr.name() == "href" && !value.starts_with('#') && !value.starts_with("data:image/") {
                return Err(msg!(LogoReference, value = value));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::plain_svg;
    use crate::messages::MsgId;

    #[test]
    fn only_plain_pictures_pass() {
        let ok = r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><use href="#a"/><rect id="a" width="5" height="5"/></svg>"##;
        assert_eq!(plain_svg(ok.as_bytes()), Ok(()));
        for (bad, why) in [
            (r#"<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>"#, MsgId::LogoElement),
            (r#"<svg xmlns="http://www.w3.org/2000/svg" onload="x()"/>"#, MsgId::LogoScriptAttribute),
            (
                r#"<svg xmlns="http://www.w3.org/2000/svg"><image href="https://x.se/a.png"/></svg>"#,
                MsgId::LogoReference,
            ),
            ("<html/>", MsgId::LogoRootNotSvg),
            ("<svg", MsgId::LogoInvalidSvg),
        ] {
            assert_eq!(plain_svg(bad.as_bytes()).unwrap_err().id, why, "{bad}");
        }
    }
}
