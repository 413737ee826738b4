//! The `build` and `check` drivers: the one [`pipeline`](crate::pipeline)
//! pass, with a writer that swaps the finished site in place of the output
//! folder or changes the pages an edit touched in it, by the build cache
//! (`build`), or with none (`check`).

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use std::fmt;

use crate::diagnostics::Diagnostics;
use crate::downloads::Catalogue;
use crate::locale::Lang;
use crate::messages::Message;
use crate::pipeline::{self, Progress, Silent};

pub use crate::cms::Admin;

/// What to build, and where.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The folder with `site.toml`.
    pub root: PathBuf,
    /// Where the site goes; default `<root>/public`.
    pub output: Option<PathBuf>,
    /// Overrides `site.toml`'s `base_url`.
    pub base_url: Option<String>,
}

/// Why a build did not happen.
#[derive(Debug)]
pub enum BuildError {
    /// The content, configuration or theme has errors (and maybe warnings).
    Content(Diagnostics),
    /// The command was used wrongly (e.g. an output folder that would overwrite the site).
    Usage(Message),
    /// Writing the output failed.
    Io(Message),
}

impl BuildError {
    /// The error as an editor reads it in `lang`.
    pub fn show(&self, lang: Lang) -> String {
        match self {
            BuildError::Content(d) => d.show(lang),
            BuildError::Usage(m) | BuildError::Io(m) => m.text(lang),
        }
    }
}

/// English, as logs show it; [`BuildError::show`] gives it in another language.
impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.show(Lang::known(crate::messages::FALLBACK)))
    }
}

impl std::error::Error for BuildError {}

/// What a successful build did.
#[derive(Debug, Clone)]
pub struct BuildReport {
    pub pages: usize,
    pub charts: usize,
    pub files: usize,
    pub output: PathBuf,
    /// Pages rendered by this build (the others were the last build's, from its cache).
    pub made: usize,
    pub elapsed: Duration,
    /// Indicators with example data: on their pages, never in the open data.
    pub left_out: Vec<String>,
    /// Whether a data catalogue (`catalog.rdf`) was written, and if not, why.
    pub catalogue: Catalogue,
    /// What was published of the browser editor.
    pub admin: Admin,
    pub warnings: Diagnostics,
}

/// What a successful check found.
#[derive(Debug, Clone)]
pub struct CheckReport {
    /// Content files read.
    pub files: usize,
    pub warnings: Diagnostics,
}

/// Checks the site at `root` as a build would, Markdown and templates
/// included, writing nothing; `Err` lists every problem.
pub fn check(root: &Path) -> Result<CheckReport, Diagnostics> {
    let passed = pipeline::run(root, None, None, &Silent)?;
    Ok(CheckReport { files: passed.content_files, warnings: passed.warnings })
}

/// Builds the site: renders every page in every language into a temporary
/// folder, then swaps that folder in place of the output.
pub fn build(options: &BuildOptions) -> Result<BuildReport, BuildError> {
    build_with_progress(options, &Silent)
}

/// [`build`], telling `progress` how far it has come.
pub fn build_with_progress(options: &BuildOptions, progress: &dyn Progress) -> Result<BuildReport, BuildError> {
    let start = Instant::now();
    let root = &options.root;
    let output_dir = options.output.clone().unwrap_or_else(|| root.join("public"));
    crate::output::refuse_dangerous_output(root, &output_dir).map_err(BuildError::Usage)?;
    if let Some(url) = &options.base_url {
        crate::text::check_base_url(url).map_err(|why| BuildError::Usage(why.arg("field", "--base-url")))?;
    }
    let plan = pipeline::Plan {
        base_url: options.base_url.as_deref(),
        output: Some(&output_dir),
        cached: true,
        last: crate::cache::load(root),
        defer: false,
    };
    let passed = pipeline::run_plan(root, plan, progress).map_err(|problems| {
        // The next build reads every file again.
        if pipeline::known_file_changed(&problems) {
            let _ = crate::cache::forget(root);
        }
        BuildError::Content(problems)
    })?;
    let out = passed.output.ok_or_else(|| BuildError::Io(msg!(NothingWritten)))?;
    // No cache while the output changes: a build stopped halfway leaves none,
    // and the next one is made whole.
    let _ = crate::cache::forget(root);
    let files = out.finish().map_err(|e| BuildError::Io(msg!(OutputNotSwapped, detail = e.to_string())))?.files;
    if let (Some(mut cache), Some(id)) = (passed.cache, crate::cache::OutputId::of(&output_dir)) {
        cache.output = id;
        // Without it, the next build is made whole: nothing else is lost.
        let _ = crate::cache::save(root, &cache);
        pipeline::free_aside(cache);
    }
    Ok(BuildReport {
        pages: passed.pages,
        charts: passed.charts,
        files,
        output: output_dir,
        made: passed.made,
        elapsed: start.elapsed(),
        left_out: passed.left_out,
        catalogue: passed.catalogue,
        admin: passed.admin,
        warnings: passed.warnings,
    })
}
