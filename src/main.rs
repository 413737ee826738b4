//! The `goalsite` command line: parses arguments, runs the library, prints
//! diagnostics and maps the outcome to an exit code (0 ok, 1 content errors, 2 usage).

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use clap::{Parser, Subcommand, ValueEnum};

use goalsite::{
    msg, BuildError, BuildOptions, Catalogue, InitError, InitOptions, Lang, NewYearError, Progress, ServeError,
    ServeOptions, Silent,
};

#[derive(Parser)]
#[command(
    name = "goalsite",
    version,
    about = "Builds a multilingual static website from a goal follow-up written in Markdown and TOML",
    after_help = "Start a new site with `goalsite init DIR`, preview it with `goalsite serve --root DIR`."
)]
struct Cli {
    /// The language of goalsite's messages: sv or en (default: GOALSITE_LANG, else the site's first language).
    #[arg(long, global = true)]
    lang: Option<String>,
    #[command(subcommand)]
    command: Command,
}

/// How `check` prints problems.
#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// For people: file, line, column, the line with a caret, and a hint.
    Text,
    /// One JSON object per problem per line, the same in every language (for CI and editors).
    Json,
}

#[derive(Subcommand)]
enum Command {
    /// Start a new site: a small, working example to change into your own.
    #[command(after_help = "Examples:
  goalsite init norrvik                                   Swedish and English
  goalsite init norrvik --name \"Norrviks kommun\"
  goalsite init norrvik --languages sv,en,fi              three languages: the Finnish texts
                                                          and UI strings start in English")]
    Init {
        /// The folder to create (it must be new or empty).
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// The site's languages, the default first.
        #[arg(long, value_delimiter = ',', default_value = "sv,en")]
        languages: Vec<String>,
        /// The organisation's name, for the footer and the title.
        #[arg(long)]
        name: Option<String>,
    },
    /// Build the site into a folder that any static web server can serve.
    #[command(after_help = "Examples:
  goalsite build                              build ./site.toml's site into ./public
  goalsite build --root sites/umea            build another site
  goalsite build --base-url http://localhost:8000/ --output /tmp/preview")]
    Build {
        /// The folder that holds site.toml.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Where to write the site (default: public/ in the root). Its old contents are replaced.
        #[arg(long)]
        output: Option<PathBuf>,
        /// The public address of the site, overriding base_url in site.toml.
        #[arg(long)]
        base_url: Option<String>,
        /// Print nothing but errors.
        #[arg(long, short)]
        quiet: bool,
    },
    /// Check every file of the site and list every problem, without writing anything.
    #[command(after_help = "Examples:
  goalsite check                              check ./site.toml's site
  goalsite check --deny-warnings              fail on warnings too (for CI)")]
    Check {
        /// The folder that holds site.toml.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Exit with 1 on warnings too, not only on errors.
        #[arg(long)]
        deny_warnings: bool,
        /// How to print the problems.
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
    /// Start next year's report: keep this year's edition online as it is, and prepare the next.
    #[command(after_help = "Examples:
  goalsite new-year 2025                      archive the 2024 edition in editions/2024/ and start 2025")]
    NewYear {
        /// The year of the new report.
        year: i32,
        /// The folder that holds site.toml.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// The day the current edition was published (default: [open_data] published, else today).
        #[arg(long)]
        published: Option<toml::value::Datetime>,
    },
    /// Record corrections of an earlier edition, described in its corrections.toml.
    Correct {
        /// The year of the edition.
        year: i32,
        /// The folder that holds site.toml.
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
    /// Write the UI strings of a language to translate, keeping those the site already has.
    #[command(after_help = "Examples:
  goalsite i18n fi                            themes/<theme>/i18n/fi.toml, every string, the missing ones in English")]
    I18n {
        /// The language code, like fi or se.
        code: String,
        /// The folder that holds site.toml.
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
    /// Preview the site while you edit: rebuilds on every save and reloads the browser.
    #[command(after_help = "Examples:
  goalsite serve                              preview on http://127.0.0.1:1111/
  goalsite serve --port 8080 --open           another port, and open the browser
  goalsite serve --bind 0.0.0.0               let other devices on the network see it")]
    Serve {
        /// The folder that holds site.toml.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// The port (default: 1111, or the next free one).
        #[arg(long)]
        port: Option<u16>,
        /// The address to listen on; only this computer can see 127.0.0.1.
        #[arg(long, default_value = "127.0.0.1")]
        bind: String,
        /// Open the site in the default browser.
        #[arg(long)]
        open: bool,
    },
}

impl Command {
    /// The site's folder, for the commands that have one.
    fn root(&self) -> Option<&Path> {
        match self {
            Command::Init { .. } => None,
            Command::I18n { root, .. } | Command::NewYear { root, .. } | Command::Correct { root, .. } => Some(root),
            Command::Build { root, .. } | Command::Check { root, .. } | Command::Serve { root, .. } => Some(root),
        }
    }
}

fn main() -> ExitCode {
    std::panic::set_hook(Box::new(|info| {
        eprintln!("goalsite stopped because of an internal error (not a problem in your files): {info}");
        eprintln!("Please report it to the site's developers, with the files you changed last.");
    }));
    let cli = Cli::parse();
    let lang = message_language(cli.lang.as_deref(), cli.command.root());
    match cli.command {
        Command::Init { dir, languages, name } => init(InitOptions { dir, languages, name, said_in: lang }, lang),
        Command::I18n { code, root } => i18n(&root, &code, lang),
        Command::NewYear { year, root, published } => new_year(&root, year, published, lang),
        Command::Correct { year, root } => correct(&root, year, lang),
        Command::Build { root, output, base_url, quiet } => build(BuildOptions { root, output, base_url }, quiet, lang),
        Command::Check { root, deny_warnings, format } => check(root, deny_warnings, format, lang),
        Command::Serve { root, port, bind, open } => serve(ServeOptions { root, bind, port, open, lang }, lang),
    }
}

/// The language goalsite speaks: `--lang`, else `GOALSITE_LANG`, else the
/// site's first language when goalsite has messages in it, else English.
fn message_language(flag: Option<&str>, root: Option<&Path>) -> Lang {
    let env = std::env::var("GOALSITE_LANG").ok();
    let site = root.and_then(goalsite::site_language);
    [flag.map(str::to_owned), env, site.map(|l| l.to_string())]
        .into_iter()
        .flatten()
        .filter_map(|code| Lang::new(&code))
        .find(|&l| goalsite::speaks(l))
        .unwrap_or_else(|| Lang::known(goalsite::FALLBACK_LANG))
}

fn i18n(root: &Path, code: &str, lang: Lang) -> ExitCode {
    match goalsite::i18n(root, code, lang) {
        Ok(report) => {
            let file = report.file.display().to_string();
            println!(
                "{}",
                msg!(StringsWritten, file = file, strings = report.strings, english = report.english).text(lang)
            );
            ExitCode::SUCCESS
        }
        Err(message) => usage_error(&message.text(lang), lang),
    }
}

fn new_year(root: &Path, year: i32, published: Option<toml::value::Datetime>, lang: Lang) -> ExitCode {
    match goalsite::new_year(root, year, published, lang) {
        Ok(report) => {
            let folder = report.archived.display().to_string();
            let archived_year = report.year;
            let done = msg!(NewYearDone, year = archived_year, folder = folder, next = year);
            println!("{}", done.text(lang));
            if !report.assessments.is_empty() {
                println!("\n{}", msg!(NewYearAssessments, next = year).text(lang));
                for file in &report.assessments {
                    println!("  {}", file.display());
                }
            }
            if !report.to_update.is_empty() {
                println!("\n{}", msg!(NewYearUpdate, year = archived_year).text(lang));
                let mut files: Vec<&str> = report.to_update.iter().map(|d| d.file.as_str()).collect();
                files.dedup();
                for file in files {
                    println!("  {file}");
                }
            }
            ExitCode::SUCCESS
        }
        Err(e) => new_year_failed(e, lang),
    }
}

fn correct(root: &Path, year: i32, lang: Lang) -> ExitCode {
    match goalsite::correct(root, year) {
        Ok(files) => {
            println!("{}", msg!(CorrectDone, files = files, year = year).text(lang));
            ExitCode::SUCCESS
        }
        Err(e) => new_year_failed(e, lang),
    }
}

fn new_year_failed(e: NewYearError, lang: Lang) -> ExitCode {
    match e {
        NewYearError::Content(d) => {
            eprintln!("{}", d.show(lang));
            ExitCode::from(1)
        }
        NewYearError::Usage(m) => usage_error(&m.text(lang), lang),
    }
}

fn init(options: InitOptions, lang: Lang) -> ExitCode {
    match goalsite::init(&options) {
        Ok(report) => {
            let dir = report.dir.display().to_string();
            println!("{}", msg!(InitWrote, files = report.files, folder = dir.as_str()).text(lang));
            for code in &report.untranslated {
                println!("{}", msg!(InitUntranslated, lang = code.as_str()).text(lang));
            }
            println!("{}", msg!(InitNext, folder = dir.as_str()).text(lang));
            ExitCode::SUCCESS
        }
        Err(e @ InitError::Usage(_)) => usage_error(&e.show(lang), lang),
        Err(e @ InitError::Io(_)) => {
            eprintln!("{}: {}", msg!(SeverityError).text(lang), e.show(lang));
            ExitCode::from(1)
        }
    }
}

/// Shows a build's progress on a terminal: pages once a build takes more
/// than a second, and the search indexing of large sites.
struct Terminal {
    start: Instant,
    lang: Lang,
    shown: AtomicBool,
}

impl Progress for Terminal {
    fn pages(&self, done: usize, total: usize) {
        if done.is_multiple_of(500) && self.start.elapsed() > Duration::from_secs(1) {
            self.shown.store(true, Ordering::Relaxed);
            eprint!("\r{}", msg!(ProgressPages, done = done, total = total).text(self.lang));
        }
    }

    fn indexing(&self, pages: usize) {
        if pages > 1000 {
            self.shown.store(true, Ordering::Relaxed);
            eprint!("\r{}", msg!(ProgressIndexing, pages = pages).text(self.lang));
        }
    }

    fn stage_done(&self) {
        if self.shown.swap(false, Ordering::Relaxed) {
            eprint!("\r\x1b[K");
        }
    }
}

fn build(options: BuildOptions, quiet: bool, lang: Lang) -> ExitCode {
    let terminal = Terminal { start: Instant::now(), lang, shown: AtomicBool::new(false) };
    let progress: &dyn Progress = if !quiet && std::io::stderr().is_terminal() { &terminal } else { &Silent };
    match goalsite::build_with_progress(&options, progress) {
        Ok(report) => {
            if !report.warnings.is_empty() {
                eprintln!("{}", report.warnings.show(lang));
            }
            if !quiet {
                print_build_report(&report, lang);
            }
            ExitCode::SUCCESS
        }
        Err(e @ BuildError::Content(_)) => {
            eprintln!("{}", e.show(lang));
            eprintln!("{}", msg!(NothingWrittenFix).text(lang));
            ExitCode::from(1)
        }
        Err(e @ BuildError::Usage(_)) => usage_error(&e.show(lang), lang),
        Err(e @ BuildError::Io(_)) => {
            eprintln!("{}: {}", msg!(SeverityError).text(lang), e.show(lang));
            ExitCode::from(1)
        }
    }
}

fn print_build_report(report: &goalsite::BuildReport, lang: Lang) {
    if !report.left_out.is_empty() {
        println!("{}", msg!(LeftOutOfOpenData, list = report.left_out.join(", ")).text(lang));
    }
    match report.catalogue {
        Catalogue::Written => println!("{}", msg!(CatalogueWritten).text(lang)),
        Catalogue::NothingToCatalogue => println!("{}", msg!(CatalogueNothing).text(lang)),
        // check and build already warned that [open_data] is missing.
        Catalogue::NoSettings => {}
    }
    match report.admin {
        goalsite::Admin::Editor => println!("{}", msg!(CmsBuilt).text(lang)),
        goalsite::Admin::NotConnected => println!("{}", msg!(CmsBuiltNotConnected).text(lang)),
        goalsite::Admin::None => {}
    }
    let built = msg!(
        Built,
        pages = report.pages,
        charts = report.charts,
        files = report.files,
        folder = report.output.display().to_string(),
        ms = report.elapsed.as_millis() as u64
    );
    println!("{}", built.text(lang));
}

fn check(root: PathBuf, deny_warnings: bool, format: Format, lang: Lang) -> ExitCode {
    let (diagnostics, files) = match goalsite::check(&root) {
        Ok(checked) => (checked.warnings, Some(checked.files)),
        Err(diagnostics) => (diagnostics, None),
    };
    let failed = diagnostics.has_errors() || (deny_warnings && !diagnostics.is_empty());
    match format {
        Format::Json => {
            for d in diagnostics.iter() {
                println!("{}", d.to_json());
            }
        }
        Format::Text if diagnostics.is_empty() => {
            println!("{}", msg!(CheckClean, files = files.unwrap_or_default()).text(lang));
        }
        Format::Text => {
            for d in diagnostics.iter() {
                eprintln!("{}\n", d.show(lang));
            }
            println!("{}", diagnostics.summary().text(lang));
        }
    }
    ExitCode::from(u8::from(failed))
}

fn serve(options: ServeOptions, lang: Lang) -> ExitCode {
    if !options.root.join(goalsite::CONFIG_FILE).is_file() {
        let label = msg!(SeverityError).text(lang);
        eprintln!("{label}: {}", msg!(NoConfig, folder = options.root.display().to_string()).text(lang));
        eprintln!("  = {}: {}", msg!(HintLabel).text(lang), msg!(NoConfigHint).text(lang));
        return ExitCode::from(1);
    }
    match goalsite::serve(&options) {
        Ok(()) => ExitCode::SUCCESS,
        Err(ServeError::Usage(m)) => usage_error(&m.text(lang), lang),
        Err(e) => {
            eprintln!("{}: {e}", msg!(SeverityError).text(lang));
            ExitCode::from(1)
        }
    }
}

/// A command used wrongly: the message, and exit code 2.
fn usage_error(message: &str, lang: Lang) -> ExitCode {
    eprintln!("{}: {message}", msg!(SeverityError).text(lang));
    ExitCode::from(2)
}
