//! goalsite builds a static bilingual website from a municipality's goal
//! follow-up, written as Markdown narrative and TOML goal and indicator data.
//!
//! The pipeline reads from the module names: [`config`] → [`load`] →
//! [`validate`] → [`render`] → [`output`], driven by [`build`].

pub mod build;
pub mod charts;
pub mod config;
pub mod diagnostics;
pub mod downloads;
pub mod load;
pub mod markdown;
pub mod model;
pub mod numbers;
pub mod output;
pub mod render;
pub mod routes;
pub mod serve;
pub mod text;
pub mod theme;
pub mod toml_doc;
pub mod validate;

pub use build::{build, check, BuildError, BuildOptions, BuildReport};
