//! goalsite builds a static multilingual website from a municipality's goal
//! follow-up, written as Markdown narrative and TOML goal and indicator data.
//!
//! The pipeline reads from the module names, and every module imports only
//! from the layers before its own (a test in `tests/architecture.rs` keeps it so):
//!
//! 0. shared helpers: `text` (escaping, slugs, suggestions), `locale`
//!    (translated text, UI strings, numbers), `source` (files and line
//!    index), `diagnostics` (problems as editors see them), `toml_file`
//! 1. `model` (the validated site's types), `config` (`site.toml` as written)
//! 2. `theme`, `load` (content files as written)
//! 3. `validate` (→ `model::Site`), `routes` (every page's URL)
//! 4. `markdown`, `charts`, `downloads` (the parts of pages and data files)
//! 5. `render` (pages through the theme's templates)
//! 6. `output` (writes and swaps, nothing else)
//! 7. `pipeline` (the one pass), then its drivers `build` (build, check) and
//!    `serve`, and `harness` (entry points for property tests and benchmarks)

mod build;
mod charts;
mod config;
mod diagnostics;
mod downloads;
mod load;
mod locale;
mod markdown;
mod model;
mod output;
mod pipeline;
mod render;
mod routes;
mod serve;
mod source;
mod text;
mod theme;
mod toml_file;
mod validate;

#[doc(hidden)]
pub mod harness;

pub use build::{build, build_with_progress, check, BuildError, BuildOptions, BuildReport, CheckReport};
pub use config::CONFIG_FILE;
pub use diagnostics::{Diagnostic, Diagnostics, Location, Severity};
pub use serve::{serve, ServeError, ServeOptions};
