//! The command line in the editor's language: `--help` of goalsite and of
//! each command, and a command written wrongly, in Swedish for a Swedish
//! site (or a Swedish computer) with no word of clap's English, exit code 2
//! and the fix; `--lang en` gives the same in English.

use crate::common::run_as_editor as goalsite;

/// A new site whose first language is Swedish, made by `goalsite init`.
fn swedish_site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let (code, out, err) = goalsite(dir.path(), "C.UTF-8", &["init", "."]);
    assert_eq!(code, 0, "{out}{err}");
    dir
}

/// clap's own English words, which a Swedish help must not show.
const CLAP_ENGLISH: [&str; 7] = ["Usage", "Options", "Arguments", "Commands", "[default", "[OPTIONS]", "Print help"];

fn english_left(text: &str) -> Vec<&str> {
    CLAP_ENGLISH.into_iter().filter(|w| text.contains(w)).collect()
}

#[test]
fn help_of_goalsite_and_of_every_command_is_in_the_site_s_language() {
    let site = swedish_site();
    let (code, help, _) = goalsite(site.path(), "C.UTF-8", &["--help"]);
    assert_eq!(code, 0);
    assert!(help.contains("Så skriver du: goalsite [VAL] <KOMMANDO>"), "{help}");
    assert!(help.contains("Kommandon:") && help.contains("Förhandsvisa webbplatsen"), "{help}");
    assert!(english_left(&help).is_empty(), "{:?} in\n{help}", english_left(&help));
    for command in ["init", "build", "check", "new-year", "correct", "i18n", "serve"] {
        let (code, help, _) = goalsite(site.path(), "C.UTF-8", &[command, "--help"]);
        assert_eq!(code, 0, "{command}");
        assert!(help.contains("Val:") && help.contains("Visa den här hjälpen"), "{command}: {help}");
        assert!(help.contains("Exempel:"), "{command} shows examples: {help}");
        assert!(english_left(&help).is_empty(), "{command}: {:?} in\n{help}", english_left(&help));
    }
    let (_, help, _) = goalsite(site.path(), "C.UTF-8", &["build", "--help"]);
    assert!(help.contains("--root <MAPP>") && help.contains("(standard: .)"), "{help}");
}

#[test]
fn lang_en_and_an_english_or_swedish_computer_choose_the_language() {
    let site = swedish_site();
    let (_, help, _) = goalsite(site.path(), "C.UTF-8", &["--lang", "en", "new-year", "--help"]);
    assert!(help.contains("Usage: goalsite new-year [OPTIONS] <YEAR>"), "{help}");
    assert!(help.contains("The year of the new report"), "{help}");
    // Outside a site: the computer's language, else English.
    let nowhere = tempfile::tempdir().unwrap();
    let (_, help, _) = goalsite(nowhere.path(), "sv_SE.UTF-8", &["init", "--help"]);
    assert!(help.contains("Mappen att skapa"), "{help}");
    let (_, help, _) = goalsite(nowhere.path(), "C.UTF-8", &["init", "--help"]);
    assert!(help.contains("The folder to create"), "{help}");
    // A new site's first language, when init is told the languages.
    let (code, out, err) = goalsite(nowhere.path(), "C.UTF-8", &["init", "ny", "--languages", "sv,en"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("Skapade en ny webbplats med"), "{out}");
    let settings = std::fs::read_to_string(nowhere.path().join("ny/site.toml")).unwrap();
    assert!(settings.contains("# Webbplatsens inställningar."), "its comments in Swedish too: {settings}");
}

#[test]
fn a_command_written_wrongly_is_named_in_swedish_with_its_fix_and_exit_code_2() {
    let site = swedish_site();
    let cases: [(&[&str], &str, &str); 6] = [
        (&["biuld"], "goalsite har inget kommando `biuld`", "menade du build?"),
        (&["build", "--rot", "x"], "goalsite build har inget val --rot", "menade du --root?"),
        (&["new-year", "tjugo"], "`tjugo` är inget årtal: skriv det med fyra siffror", "`goalsite new-year --help`"),
        (&["new-year", "2025", "--published", "igår"], "`igår` är inget datum: skriv det som år-månad-dag", "--help"),
        (&["check", "--format", "xml"], "`xml` är inget värde som --format", "skriv ett av: text, json"),
        (&["new-year"], "goalsite new-year behöver <ÅR>", "`goalsite new-year --help`"),
    ];
    for (args, message, hint) in cases {
        let (code, out, err) = goalsite(site.path(), "C.UTF-8", args);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(out.is_empty(), "{args:?}: {out}");
        let mut lines = err.lines();
        let (first, second) = (lines.next().unwrap_or_default(), lines.next().unwrap_or_default());
        assert!(first.starts_with("fel: ") && first.contains(message), "{args:?}: {err}");
        assert!(second.starts_with("  = tips: ") && second.contains(hint), "{args:?}: {err}");
        assert!(english_left(&err).is_empty() && !err.contains("error"), "{args:?}: {err}");
    }
    let (code, _, err) = goalsite(site.path(), "C.UTF-8", &[]);
    assert_eq!(code, 2);
    assert!(err.starts_with("fel: skriv vad goalsite ska göra"), "{err}");
    let (code, _, err) = goalsite(site.path(), "C.UTF-8", &["--lang", "en", "biuld"]);
    assert_eq!(code, 2);
    assert!(err.starts_with("error: goalsite has no command `biuld`\n  = hint: did you mean build?"), "{err}");
}
