//! goalsite builds a static multilingual website from a municipality's goal
//! follow-up, written as Markdown narrative and TOML goal and indicator data.
//!
//! The pipeline reads from the module names, and every module imports only
//! from the layers before its own (a test in `tests/architecture.rs` keeps it so):
//!
//! 0. shared helpers: `formats` (what the TOML files allow: bounds,
//!    vocabularies, shared string shapes, descriptions for editors), `lang`
//!    (language codes), `messages` (goalsite's own
//!    words in the editor's language), `text` (escaping, slugs,
//!    suggestions), `locale` (translated text, UI strings, numbers),
//!    `source` (files and line index), `diagnostics` (problems, the one
//!    collector, and how editors see them), `artifact` (a published file),
//!    `toml_file`
//! 1. `model` (the validated site's types), `config` (`site.toml` as written)
//! 2. `theme`, `load` (content files as written), `editions` (the published
//!    editions kept in `editions/<year>/`: found, verified against their
//!    manifests, archived), `schemas` (the JSON Schemas of the TOML files,
//!    derived from the types of `config` and `load`)
//! 3. `validate` (→ `model::Site`), `pages` (every kind of page, in one
//!    table), `routes` (every page's URL)
//! 4. `markdown`, `charts`, `downloads` (the parts of pages and data files),
//!    `search` (the search index, by Pagefind)
//! 5. `render` (pages through the theme's templates), `fragments` (links to
//!    `#fragments` checked against the rendered pages), `cms` (the browser
//!    editor, configured from the site)
//! 6. `output` (writes and swaps, or changes files in place, nothing else),
//!    `cache` (what the last build made, keyed by what it was made from)
//! 7. `pipeline` (the one pass), then its drivers `build` (build, check) and
//!    `serve`, `init` (a new site to start from), `new_year` (the yearly
//!    step, and corrections of a published edition), and `harness` (entry points
//!    for property tests and benchmarks, with the `testing` feature only)

#[macro_use]
mod formats;
mod lang;
#[macro_use]
mod messages;
mod text;
mod locale;
mod source;
mod diagnostics;
mod artifact;
mod toml_file;
mod model;
mod config;
mod theme;
mod load;
mod editions;
mod schemas;
mod validate;
mod pages;
mod routes;
mod markdown;
mod charts;
mod downloads;
mod search;
mod render;
mod fragments;
mod cms;
mod output;
mod cache;
mod pipeline;
mod build;
mod serve;
mod init;
mod new_year;

#[cfg(feature = "testing")]
#[doc(hidden)]
pub mod harness;

pub use build::{build, build_with_progress, check, Admin, BuildError, BuildOptions, BuildReport, CheckReport};
pub use config::{first_language as site_language, CONFIG_FILE};
pub use diagnostics::{Diagnostic, Diagnostics, Location, Severity};
pub use downloads::Catalogue;
pub use formats::Bilingual;
pub use init::{i18n, init, InitError, InitOptions, InitReport, StringsReport};
pub use lang::Lang;
pub use messages::{speaks, Message, MsgId, FALLBACK as FALLBACK_LANG};
pub use new_year::{correct, new_year, NewYearError, NewYearReport};
pub use pipeline::{ends_after_pass, Progress, Silent};
pub use schemas::{front_matter_schema, json_schemas, SchemaFile};
pub use serve::{serve, ServeError, ServeOptions};
