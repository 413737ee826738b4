//! The `goalsite` command line: parses arguments, runs the library, prints
//! diagnostics and maps the outcome to an exit code (0 ok, 1 content errors, 2 usage).

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use goalsite::{
    msg, BuildError, BuildOptions, Catalogue, InitError, InitOptions, Lang, NewYearError, Progress, ServeError,
    ServeOptions, Silent,
};

#[path = "main/cli.rs"]
mod cli;

use cli::{Command, Format};

/// mimalloc: a build makes and frees many small strings on every thread,
/// where glibc's allocator grows its per-thread arenas one system call at a time.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let (cli, lang) = match cli::parse(std::env::args_os().collect()) {
        Ok(parsed) => parsed,
        Err(code) => return ExitCode::from(code),
    };
    std::panic::set_hook(Box::new(move |info| {
        let detail = info.to_string();
        eprintln!("{}", msg!(InternalError, detail = detail).text(lang));
        eprintln!("{}", msg!(InternalErrorReport).text(lang));
    }));
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
    goalsite::ends_after_pass();
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
    // A site of many example indicators is named by its first ten and a count.
    let (named, more) = report.left_out.split_at(report.left_out.len().min(10));
    let list = named.join(", ");
    match more.len() {
        _ if named.is_empty() => {}
        0 => println!("{}", msg!(LeftOutOfOpenData, list = list).text(lang)),
        more => println!("{}", msg!(LeftOutOfOpenDataMore, list = list, more = more).text(lang)),
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
    goalsite::ends_after_pass();
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
            eprintln!("{}: {}", msg!(SeverityError).text(lang), e.show(lang));
            ExitCode::from(1)
        }
    }
}

/// A command used wrongly: the message, and exit code 2.
fn usage_error(message: &str, lang: Lang) -> ExitCode {
    eprintln!("{}: {message}", msg!(SeverityError).text(lang));
    ExitCode::from(2)
}
