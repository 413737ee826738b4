//! The `goalsite` command line: parses arguments, runs the library, prints
//! diagnostics and maps the outcome to an exit code (0 ok, 1 content errors, 2 usage).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use goalsite::{BuildError, BuildOptions};

#[derive(Parser)]
#[command(
    name = "goalsite",
    version,
    about = "Builds a bilingual static website from a goal follow-up written in Markdown and TOML"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into a folder that any static web server can serve.
    #[command(
        after_help = "Examples:\n  goalsite build                              build ./site.toml's site into ./public\n  goalsite build --root sites/umea            build another site\n  goalsite build --base-url http://localhost:8000/ --output /tmp/preview"
    )]
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
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Build { root, output, base_url, quiet } => {
            let options = BuildOptions { root, output, base_url };
            match goalsite::build(&options) {
                Ok(report) => {
                    if !quiet {
                        for w in &report.warnings.0 {
                            eprintln!("{w}\n");
                        }
                        println!(
                            "Built {} pages ({} files) into {} in {} ms",
                            report.pages,
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
    }
}
