//! The `goalsite` command line: parses arguments, runs the library, prints
//! diagnostics and maps the outcome to an exit code (0 ok, 1 content errors, 2 usage).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use goalsite::{BuildError, BuildOptions, Catalogue, Diagnostics, InitError, InitOptions, ServeError, ServeOptions};

#[derive(Parser)]
#[command(
    name = "goalsite",
    version,
    about = "Builds a multilingual static website from a goal follow-up written in Markdown and TOML",
    after_help = "Start a new site with `goalsite init DIR`, preview it with `goalsite serve --root DIR`."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
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

fn main() -> ExitCode {
    std::panic::set_hook(Box::new(|info| {
        eprintln!("goalsite stopped because of an internal error (not a problem in your files): {info}");
        eprintln!("Please report it to the site's developers, with the files you changed last.");
    }));
    match Cli::parse().command {
        Command::Init { dir, languages, name } => init(InitOptions { dir, languages, name }),
        Command::Build { root, output, base_url, quiet } => build(BuildOptions { root, output, base_url }, quiet),
        Command::Check { root, deny_warnings } => check(root, deny_warnings),
        Command::Serve { root, port, bind, open } => serve(ServeOptions { root, bind, port, open }),
    }
}

fn init(options: InitOptions) -> ExitCode {
    match goalsite::init(&options) {
        Ok(report) => {
            let dir = report.dir.display();
            println!("Wrote a new site ({} files) into {dir}.", report.files);
            for lang in &report.untranslated {
                println!(
                    "The `{lang}` texts are in English: translate them in content/ and in themes/default/i18n/{lang}.toml."
                );
            }
            println!("Next: goalsite serve --root {dir}   (preview; edit site.toml and content/ and watch it change)");
            println!("      goalsite check --root {dir}   (lists every problem)");
            println!("      goalsite build --root {dir}   (writes the site into {dir}/public)");
            ExitCode::SUCCESS
        }
        Err(InitError::Usage(msg)) => {
            eprintln!("error: {msg}");
            ExitCode::from(2)
        }
        Err(InitError::Io(msg)) => {
            eprintln!("error: could not write the site: {msg}");
            ExitCode::from(1)
        }
    }
}

fn build(options: BuildOptions, quiet: bool) -> ExitCode {
    match goalsite::build_with_progress(&options, !quiet) {
        Ok(report) => {
            if !report.warnings.is_empty() {
                eprintln!("{}", report.warnings);
            }
            if !quiet {
                if !report.left_out.is_empty() {
                    println!(
                        "Left out of the open data (example data, not official figures): {}",
                        report.left_out.join(", ")
                    );
                }
                match report.catalogue {
                    Catalogue::Written => println!("Wrote the data catalogue for dataportal.se: catalog.rdf"),
                    Catalogue::NothingToCatalogue => println!(
                        "Wrote no data catalogue: no indicator has official figures yet (example data is not open data)"
                    ),
                    // check and build already warned that [open_data] is missing.
                    Catalogue::NoSettings => {}
                }
                println!(
                    "Built {} pages and {} charts ({} files) into {} in {} ms",
                    report.pages,
                    report.charts,
                    report.files,
                    report.output.display(),
                    report.elapsed.as_millis()
                );
            }
            ExitCode::SUCCESS
        }
        Err(BuildError::Content(diagnostics)) => {
            eprintln!("{diagnostics}");
            eprintln!("Nothing was written: fix the errors above and build again.");
            ExitCode::from(1)
        }
        Err(BuildError::Usage(msg)) => {
            eprintln!("error: {msg}");
            ExitCode::from(2)
        }
        Err(BuildError::Io(msg)) => {
            eprintln!("error: could not write the site: {msg}");
            ExitCode::from(1)
        }
    }
}

fn check(root: PathBuf, deny_warnings: bool) -> ExitCode {
    let diagnostics = match goalsite::check(&root) {
        Ok(checked) if checked.warnings.is_empty() => {
            println!("Checked site.toml and {} content files: no problems.", checked.files);
            return ExitCode::SUCCESS;
        }
        Ok(checked) => checked.warnings,
        Err(diagnostics) => diagnostics,
    };
    print_all(&diagnostics);
    let failed = diagnostics.has_errors() || (deny_warnings && !diagnostics.is_empty());
    ExitCode::from(u8::from(failed))
}

fn print_all(diagnostics: &Diagnostics) {
    for d in diagnostics.iter() {
        eprintln!("{d}\n");
    }
    println!("{}", diagnostics.summary());
}

fn serve(options: ServeOptions) -> ExitCode {
    if !options.root.join(goalsite::CONFIG_FILE).is_file() {
        eprintln!("error: no site.toml in {}", options.root.display());
        eprintln!("  = hint: run goalsite in the site's folder, or pass --root DIR");
        return ExitCode::from(1);
    }
    match goalsite::serve(&options) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(if matches!(e, ServeError::Usage(_)) { 2 } else { 1 })
        }
    }
}
