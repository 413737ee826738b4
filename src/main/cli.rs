//! The command line: what each command takes, and its words (`--help`, the
//! errors of a command written wrongly) in the editor's language, from the
//! message catalogue.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

use goalsite::{msg, Lang, Message, MsgId};

#[derive(Parser)]
#[command(name = "goalsite", version)]
pub struct Cli {
    #[arg(long, global = true)]
    pub lang: Option<String>,
    #[command(subcommand)]
    pub command: Command,
}

/// How `check` prints problems.
#[derive(Clone, Copy, ValueEnum)]
pub enum Format {
    /// For people: file, line, column, the line with a caret, and a hint.
    Text,
    /// One JSON object per problem per line, the same in every language (for CI and editors).
    Json,
}

/// The commands; their words are in the catalogue (`cli-<command>-about`,
/// `cli-arg-<argument>`), shown by [`parse`].
#[derive(Subcommand)]
pub enum Command {
    Init {
        #[arg(default_value = ".")]
        dir: PathBuf,
        #[arg(long, value_delimiter = ',', default_value = "sv,en")]
        languages: Vec<String>,
        #[arg(long)]
        name: Option<String>,
    },
    Build {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        #[arg(long)]
        output: Option<PathBuf>,
        #[arg(long)]
        base_url: Option<String>,
        #[arg(long, short)]
        quiet: bool,
    },
    Check {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        #[arg(long)]
        deny_warnings: bool,
        #[arg(long, value_enum, default_value = "text", hide_possible_values = true)]
        format: Format,
    },
    NewYear {
        year: i32,
        #[arg(long, default_value = ".")]
        root: PathBuf,
        #[arg(long)]
        published: Option<toml::value::Datetime>,
    },
    Correct {
        year: i32,
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
    I18n {
        code: String,
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
    Serve {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        #[arg(long)]
        port: Option<u16>,
        #[arg(long, default_value = "127.0.0.1")]
        bind: String,
        #[arg(long)]
        open: bool,
    },
}

/// The command line `args`, read; or the exit code after help, the
/// version, or a command written wrongly was shown. The language is the
/// one the messages of the run are in.
pub fn parse(args: Vec<OsString>) -> Result<(Cli, Lang), u8> {
    let lang = language(&args);
    let command = words(Cli::command(), lang);
    let matches = command.try_get_matches_from(&args).map_err(|e| shown(&e, &args, lang))?;
    let cli = Cli::from_arg_matches(&matches).map_err(|e| shown(&e, &args, lang))?;
    Ok((cli, lang))
}

/// The language goalsite speaks: `--lang`, else `GOALSITE_LANG`, else the
/// first language of the site in `--root` (or here; for `init`, of the site
/// it writes, when `--languages` names them), else the computer's; the first
/// of these that goalsite has messages in, else English.
fn language(args: &[OsString]) -> Lang {
    let flag = option(args, "--lang");
    let new_site = option(args, "--languages").filter(|_| subcommand(args).as_deref() == Some("init"));
    let site = new_site.map(|codes| codes.split(',').next().unwrap_or_default().trim().to_owned()).or_else(|| {
        let root = option(args, "--root").unwrap_or_else(|| ".".into());
        goalsite::site_language(Path::new(&root)).map(|l| l.to_string())
    });
    [flag, std::env::var("GOALSITE_LANG").ok(), site, locale()]
        .into_iter()
        .flatten()
        .filter_map(|code| Lang::new(&code))
        .find(|&l| goalsite::speaks(l))
        .unwrap_or_else(|| Lang::known(goalsite::FALLBACK_LANG))
}

/// The language of the computer's locale (`LC_ALL`, `LC_MESSAGES`, `LANG`,
/// as gettext reads them): `sv` of `sv_SE.UTF-8`.
fn locale() -> Option<String> {
    let set =
        ["LC_ALL", "LC_MESSAGES", "LANG"].into_iter().find_map(|v| std::env::var(v).ok().filter(|s| !s.is_empty()))?;
    set.split(['_', '.', '@']).next().map(str::to_owned)
}

/// The value of `--name VALUE` or `--name=VALUE` in `args`.
fn option(args: &[OsString], name: &str) -> Option<String> {
    let args: Vec<String> = args.iter().map(|a| a.to_string_lossy().into_owned()).collect();
    args.iter().enumerate().find_map(|(i, a)| match a.strip_prefix(name) {
        Some("") => args.get(i + 1).cloned(),
        Some(rest) => rest.strip_prefix('=').map(str::to_owned),
        None => None,
    })
}

/// The command `args` ask for, if they name one.
fn subcommand(args: &[OsString]) -> Option<String> {
    let cli = Cli::command();
    let named = |a: &OsString| cli.get_subcommands().find(|c| a.to_str() == Some(c.get_name()));
    args.iter().skip(1).find_map(|a| named(a).map(|c| c.get_name().to_owned()))
}

/// A catalogue message by its id as the catalogue writes it, in `lang`.
fn said(id: &str, lang: Lang) -> Option<String> {
    MsgId::from_id(id).map(|id| Message::new(id).text(lang))
}

/// `command` with every word of its help in `lang`.
fn words(command: clap::Command, lang: Lang) -> clap::Command {
    let t = |m: Message| m.text(lang);
    let template =
        format!("{{before-help}}{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}", t(msg!(CliUsage)));
    let mut command = command
        .about(t(msg!(CliAbout)))
        .after_help(t(msg!(CliAfterHelp)))
        .help_template(&template)
        .subcommand_help_heading(t(msg!(CliCommands)))
        .subcommand_value_name(t(msg!(CliCommandWord)))
        .disable_help_subcommand(true)
        .disable_help_flag(true)
        .disable_version_flag(true)
        .arg(Arg::new("help").long("help").short('h').action(ArgAction::Help).help(t(msg!(CliHelp))))
        .arg(Arg::new("version").long("version").short('V').action(ArgAction::Version).help(t(msg!(CliVersion))));
    command = args_words(command, "", lang);
    let names: Vec<String> = command.get_subcommands().map(|c| c.get_name().to_owned()).collect();
    for name in names {
        command = command.mut_subcommand(&name, |sub| {
            let sub = sub
                .about(said(&format!("cli-{name}-about"), lang).unwrap_or_default())
                .after_help(examples(said(&format!("cli-{name}-examples"), lang).unwrap_or_default()))
                .help_template(&template)
                .disable_help_flag(true)
                .arg(Arg::new("help").long("help").short('h').action(ArgAction::Help).help(t(msg!(CliHelp))));
            args_words(sub, &name, lang)
        });
    }
    command
}

/// A command's examples as the help shows them: each under the heading, indented.
fn examples(text: String) -> String {
    let mut lines = text.lines();
    let heading = lines.next().unwrap_or_default().to_owned();
    lines.fold(heading, |out, line| format!("{out}\n  {line}"))
}

/// The help, value name and heading of each argument of `command` (a
/// command's own words first: `cli-new-year-year`, then `cli-arg-year`).
fn args_words(mut command: clap::Command, name: &str, lang: Lang) -> clap::Command {
    let ids: Vec<String> = command.get_arguments().map(|a| a.get_id().to_string()).collect();
    for id in ids {
        let key = id.replace('_', "-");
        let help = said(&format!("cli-{name}-{key}"), lang).or_else(|| said(&format!("cli-arg-{key}"), lang));
        let value = said(&format!("cli-value-{}", value_kind(&key)), lang);
        command = command.mut_arg(&id, |arg| {
            let heading = match arg.is_positional() {
                true => msg!(CliArguments),
                false => msg!(CliOptions),
            };
            let default = arg.get_default_values().iter().map(|v| v.to_string_lossy()).collect::<Vec<_>>().join(",");
            // The default goes into the help in `lang`, not as clap's `[default: .]`.
            let arg = arg.help_heading(heading.text(lang)).hide_default_value(!default.is_empty());
            let help = match (help, default.is_empty()) {
                (Some(help), false) => Some(format!("{help} {}", msg!(CliDefault, value = default).text(lang))),
                (help, _) => help,
            };
            let arg = match help {
                Some(help) => arg.help(help),
                None => arg,
            };
            match value.filter(|_| arg.get_action().takes_values()) {
                Some(value) => arg.value_name(value),
                None => arg,
            }
        });
    }
    command
}

/// What kind of value an argument takes, for its name in the help (`<ÅR>`).
fn value_kind(arg: &str) -> &'static str {
    match arg {
        "root" | "output" | "dir" => "folder",
        "year" => "year",
        "published" => "date",
        "lang" | "code" | "languages" => "lang",
        "base-url" | "bind" => "address",
        "port" => "port",
        "name" => "name",
        _ => "other",
    }
}

/// Shows what clap found (help, the version, or a command written wrongly)
/// and gives the exit code.
fn shown(e: &clap::Error, args: &[OsString], lang: Lang) -> u8 {
    match e.kind() {
        ErrorKind::DisplayHelp => {
            // clap writes `[OPTIONS]` in the usage line whatever the language.
            let options = format!("[{}]", msg!(CliOptionsWord).text(lang));
            println!("{}", e.render().to_string().replace("[OPTIONS]", &options).trim_end());
            0
        }
        ErrorKind::DisplayVersion => {
            println!("{}", e.render().to_string().trim_end());
            0
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand | ErrorKind::MissingSubcommand => {
            eprintln!("{}: {}", msg!(SeverityError).text(lang), msg!(CliNoCommand).text(lang));
            2
        }
        _ => {
            let command = subcommand(args).unwrap_or_default();
            let (message, hint) = wrongly_written(e, &command, lang);
            eprintln!("{}: {}", msg!(SeverityError).text(lang), message.text(lang));
            eprintln!("  = {}: {}", msg!(HintLabel).text(lang), hint.text(lang));
            2
        }
    }
}

/// A command written wrongly, in the catalogue's words, with its fix.
fn wrongly_written(e: &clap::Error, command: &str, lang: Lang) -> (Message, Message) {
    let context = |kind| match e.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(s)) => Some(s.join(", ")),
        _ => None,
    };
    let invalid = context(ContextKind::InvalidArg).unwrap_or_default();
    let value = context(ContextKind::InvalidValue).unwrap_or_default();
    let command = format!("goalsite {command}").trim_end().to_owned();
    let see_help = || msg!(CliSeeHelp, command = command.as_str());
    let suggestion = context(ContextKind::SuggestedArg).or_else(|| context(ContextKind::SuggestedSubcommand));
    let hint = |fallback: Message| suggestion.clone().map_or(fallback, |s| msg!(CliDidYouMean, suggestion = s));
    match e.kind() {
        ErrorKind::UnknownArgument if invalid.starts_with('-') => {
            (msg!(CliUnknownOption, command = command.as_str(), option = invalid.as_str()), hint(see_help()))
        }
        ErrorKind::UnknownArgument => {
            (msg!(CliUnknownArgument, command = command.as_str(), value = invalid), hint(see_help()))
        }
        ErrorKind::InvalidSubcommand => {
            let written = context(ContextKind::InvalidSubcommand).unwrap_or_default();
            let list = Cli::command().get_subcommands().map(|c| c.get_name().to_owned()).collect::<Vec<_>>().join(", ");
            (msg!(CliUnknownCommand, command = written), hint(msg!(CliCommandsAre, list = list)))
        }
        ErrorKind::InvalidValue if context(ContextKind::ValidValue).is_some() => {
            let list = context(ContextKind::ValidValue).unwrap_or_default();
            (msg!(CliBadValue, value = value, option = invalid), msg!(CliValuesAre, list = list))
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            // The argument as the help names it: `<ÅR>`, `--published <DATUM>`.
            let takes = |kind: &str| said(&format!("cli-value-{kind}"), lang).is_some_and(|v| invalid.contains(&v));
            let kind = ["year", "date", "port"].into_iter().find(|k| takes(k)).unwrap_or("other");
            (msg!(CliBadValueOf, kind = kind, value = value, option = invalid), see_help())
        }
        ErrorKind::MissingRequiredArgument => {
            (msg!(CliMissing, command = command.as_str(), what = invalid), see_help())
        }
        _ => {
            let detail = e.kind().as_str().unwrap_or("?").to_owned();
            (msg!(CliOther, detail = detail), see_help())
        }
    }
}
