//! The examples of the editor's guides (`docs/authoring.md` and its English
//! twin) match the schemas: every ```` ```toml ```` block says what it is
//! after the language (`site`, `programme`, `indicator` or `assessments`
//! for a whole file of that kind, checked against its schema; `fragment`
//! for a part of one, or a file of another kind, not checked), and the front
//! matter of a ```` ```markdown ```` page matches the front matter's schema.

use super::{errors, toml_to_json, Schema};

const GUIDES: [&str; 2] = ["docs/authoring.md", "docs/authoring.en.md"];

/// A fenced code block of a guide.
struct Block {
    /// The line of its opening fence (from 1).
    line: usize,
    /// What follows the fence's backticks: `toml site`.
    info: String,
    text: String,
}

/// The fenced code blocks of `markdown`, their lines without the fence's
/// indentation (a block in a list item is indented).
fn blocks(markdown: &str) -> Vec<Block> {
    let mut found = Vec::new();
    let mut open: Option<(usize, Block)> = None;
    for (i, line) in markdown.lines().enumerate() {
        let indent = line.len() - line.trim_start().len();
        match (&mut open, line.trim_start().strip_prefix("```")) {
            (None, Some(info)) => {
                open = Some((indent, Block { line: i + 1, info: info.trim().into(), text: String::new() }))
            }
            (Some(_), Some("")) => found.extend(open.take().map(|(_, b)| b)),
            (Some((indent, block)), _) => {
                block.text += line.get(*indent..).unwrap_or(line.trim_start());
                block.text.push('\n');
            }
            (None, None) => {}
        }
    }
    found
}

/// What the schema a block names says is wrong with it; an error too when
/// a TOML block does not say what it is.
fn block_errors(block: &Block) -> Vec<String> {
    let what = format!("the block at line {}", block.line);
    let (schema, text) = match block.info.as_str() {
        "toml site" => (Schema::Site.json(), block.text.as_str()),
        "toml programme" => (Schema::Programme.json(), block.text.as_str()),
        "toml indicator" => (Schema::Indicator.json(), block.text.as_str()),
        "toml assessments" => (Schema::Assessments.json(), block.text.as_str()),
        "markdown" => match front_matter(&block.text) {
            Some(front) => (goalsite::front_matter_schema().json, front),
            None => return Vec::new(),
        },
        "toml fragment" => return Vec::new(),
        info if info.starts_with("toml") => {
            return vec![format!(
                "{what}: say what it is (```toml site, programme, indicator, assessments or fragment), not ```{info}"
            )];
        }
        _ => return Vec::new(),
    };
    errors(&schema, &toml_to_json(text, &what)).into_iter().map(|e| format!("{what}: {e}")).collect()
}

/// The front matter of a Markdown page, if it has one.
fn front_matter(page: &str) -> Option<&str> {
    page.strip_prefix("+++\n")?.split_once("+++\n").map(|(front, _)| front)
}

#[test]
fn the_examples_of_the_guides_match_the_schemas() {
    let mut failures = Vec::new();
    for guide in GUIDES {
        let text = std::fs::read_to_string(crate::common::repo().join(guide)).unwrap();
        let blocks = blocks(&text);
        let whole = blocks.iter().filter(|b| b.info.starts_with("toml") && b.info != "toml fragment").count();
        assert!(whole >= 3, "{guide} has {whole} whole TOML files");
        failures.extend(blocks.iter().flat_map(block_errors).map(|e| format!("{guide}: {e}")));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn blocks_are_found_in_lists_too_and_must_say_what_they_are() {
    let text = "Text\n\n```toml site\nreport_year = 2024\n```\n\n- A list:\n\n  ```toml\n  [a]\n  b = 1\n  ```\n";
    let found = blocks(text);
    assert_eq!(found.len(), 2);
    assert_eq!((found[0].line, found[0].info.as_str()), (3, "toml site"));
    assert_eq!((found[1].info.as_str(), found[1].text.as_str()), ("toml", "[a]\nb = 1\n"));
    assert!(block_errors(&found[1])[0].contains("say what it is"), "{:?}", block_errors(&found[1]));
    assert!(!block_errors(&found[0]).is_empty(), "a site.toml of one line is not a whole one");
}
