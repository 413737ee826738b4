//! `goalsite init`: writes a small, working site to start from: `site.toml`
//! with every field explained, a home page per language, one programme with
//! one goal, its assessments and one indicator (marked as example data), the
//! JSON Schemas that editors' tools read (named by a `#:schema` line at the
//! top of each TOML file), and `.gitignore`. It writes into a new or empty
//! folder only, and all at once: a failure leaves no half-written site.

mod strings;
mod words;

pub use strings::{i18n, StringsReport};

use std::path::{Path, PathBuf};

use crate::locale::Lang;
use crate::messages::Message;
use crate::schemas::json_schemas;
use crate::text::is_valid_slug;
use words::{has_words, words, Words};

/// What `goalsite init` was asked for.
pub struct InitOptions {
    pub dir: PathBuf,
    /// Language codes, the default first.
    pub languages: Vec<String>,
    /// The organisation's name (`Norrviks kommun`).
    pub name: Option<String>,
    /// The language of the comments written for the editor.
    pub said_in: Lang,
}

/// What `init` wrote.
#[derive(Debug)]
pub struct InitReport {
    pub dir: PathBuf,
    pub files: usize,
    /// Languages whose texts and UI strings were written in English, to translate.
    pub untranslated: Vec<String>,
}

/// Why `init` wrote nothing.
#[derive(Debug)]
pub enum InitError {
    /// Wrong arguments.
    Usage(Message),
    Io(Message),
}

impl InitError {
    /// The error as an editor reads it in `lang`.
    pub fn show(&self, lang: Lang) -> String {
        match self {
            InitError::Usage(m) | InitError::Io(m) => m.text(lang),
        }
    }
}

/// English, as logs show it; [`InitError::show`] gives it in another language.
impl std::fmt::Display for InitError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.show(Lang::known(crate::messages::FALLBACK)))
    }
}

impl std::error::Error for InitError {}

/// Writes the starter site into `options.dir`.
pub fn init(options: &InitOptions) -> Result<InitReport, InitError> {
    let langs = &options.languages;
    check_languages(langs)?;
    let dir = &options.dir;
    let not_empty = std::fs::read_dir(dir).map(|mut d| d.next().is_some()).unwrap_or(false);
    if not_empty || (dir.exists() && !dir.is_dir()) {
        return Err(InitError::Usage(msg!(InitNotEmpty, folder = dir.as_path())));
    }
    let year = current_year() - 1;
    let files = starter_files(langs, options.name.as_deref(), year, options.said_in);
    write_all(dir, &files).map_err(|e| InitError::Io(msg!(InitNotWritten, detail = e.to_string())))?;
    let untranslated = langs.iter().filter(|l| !has_words(l)).cloned().collect();
    Ok(InitReport { dir: dir.clone(), files: files.len(), untranslated })
}

fn check_languages(langs: &[String]) -> Result<(), InitError> {
    if langs.is_empty() {
        return Err(InitError::Usage(msg!(InitNoLanguages)));
    }
    for (i, lang) in langs.iter().enumerate() {
        if !is_valid_slug(lang) || lang.len() > 8 {
            return Err(InitError::Usage(msg!(InitLanguageCode, code = lang)));
        }
        if langs[..i].contains(lang) {
            return Err(InitError::Usage(msg!(LanguageTwice, code = lang)));
        }
    }
    Ok(())
}

/// Every file of the starter site: its path in the site, and its text.
fn starter_files(langs: &[String], name: Option<&str>, year: i32, said_in: Lang) -> Vec<(String, String)> {
    let mut files = vec![
        (".gitignore".to_owned(), "# What goalsite builds: published, never edited.\npublic/\n# What goalsite keeps to build faster next time.\n.goalsite-cache/\n".to_owned()),
        ("site.toml".to_owned(), site_toml(langs, name, year)),
        ("content/exempel/programme.toml".to_owned(), programme_toml(langs)),
        (format!("content/exempel/assessments/{year}.toml"), assessments_toml(langs, year)),
        ("content/exempel/indicators/exempelindikator.toml".to_owned(), indicator_toml(langs, year)),
    ];
    for lang in langs {
        let w = words(lang);
        let title = w.home_title;
        files.push((
            format!("content/_index.{lang}.md"),
            format!("+++\ntitle = {}\n+++\n\n{}", quoted(title), w.home_text),
        ));
        files.push((format!("content/exempel/_index.{lang}.md"), w.programme_text.to_owned()));
        if let (false, Some(code)) = (has_words(lang), Lang::new(lang)) {
            let (text, _, _) = strings::strings_file(code, None, said_in).expect("no file to read");
            files.push((format!("themes/default/i18n/{lang}.toml"), text));
        }
    }
    for schema in json_schemas() {
        files.push((format!("schemas/{}", schema.name), schema.text()));
    }
    files
}

/// A text in every language as TOML: `{ sv = "…", en = "…" }`.
fn text(langs: &[String], pick: impl Fn(&Words) -> &str) -> String {
    let parts: Vec<String> = langs.iter().map(|l| format!("{l} = {}", quoted(pick(words(l))))).collect();
    format!("{{ {} }}", parts.join(", "))
}

/// `s` as a TOML string.
fn quoted(s: &str) -> String {
    toml::Value::String(s.to_owned()).to_string()
}

/// `text` as TOML comment lines.
fn comment(text: &str) -> String {
    text.lines().map(|l| format!("# {l}\n")).collect()
}

fn site_toml(langs: &[String], name: Option<&str>, year: i32) -> String {
    let c = &words(&langs[0]).comments;
    let organisation = name.unwrap_or("Kommunen");
    let title = |w: &Words| match name {
        Some(n) => format!("{} – {n}", w.title),
        None => w.title.to_owned(),
    };
    let titles: Vec<String> = langs.iter().map(|l| format!("{l} = {}", quoted(&title(words(l))))).collect();
    let languages: String = langs
        .iter()
        .map(|l| format!("[[languages]]\ncode = \"{l}\"\nname = {}\n\n", quoted(language_name(l))))
        .collect();
    let scale: String = ["ja", "delvis", "nej"]
        .iter()
        .zip(["met", "partly", "not-met"])
        .enumerate()
        .map(|(i, (id, kind))| {
            format!(
                "[[scale]]\nid = \"{id}\"\nkind = \"{kind}\"\nlabel = {}\ndescription = {}\n\n",
                text(langs, |w| w.scale[i].0),
                text(langs, |w| w.scale[i].1)
            )
        })
        .collect();
    let mut s = format!("#:schema ./schemas/site.schema.json\n{}\n", comment(c.head));
    s += &format!("{}base_url = \"https://www.example.se/uppfoljning/\"\n\n", comment(c.base_url));
    s += &format!("{}report_year = {year}\n\n", comment(c.report_year));
    // Top-level keys before the first table: after it, TOML reads them as the table's.
    s += &format!(
        "{}title = {{ {} }}\ndescription = {}\n\n",
        comment(c.title),
        titles.join(", "),
        text(langs, |w| w.description)
    );
    s += &format!("{}{languages}", comment(c.languages));
    s += &format!("{}{scale}", comment(c.scale));
    s += &format!("{}[downloads]\npng = false\n\n", comment(c.downloads));
    s += &format!("{}[search]\nenabled = true\n\n", comment(c.search));
    s += &format!(
        "{}[branding]\n# logo = \"logo.svg\"\n# logo_alt = {}\n# accent = \"#0b5a8a\"\n\n",
        comment(c.branding),
        text(langs, |w| w.logo_alt)
    );
    s += &format!(
        "{}[footer]\norganisation = {}\nwebsite = \"https://www.example.se/\"\n\n",
        comment(c.footer),
        quoted(organisation)
    );
    s += &format!(
        "{}[open_data]\nlicence = \"CC0-1.0\"\ncontact_email = \"oppnadata@example.se\"\nthemes = [\"GOVE\"]\npublished = {}-03-31\n\n",
        comment(c.open_data),
        year + 1
    );
    s += &format!(
        "{}[accessibility]\nslug = {}\nstatus = \"partial\"\nstatement_date = {year}-12-31\ncontact = {}\ncontact_url = \"https://www.example.se/\"\nshortcomings = [\n  {},\n]\nmethod = {}\nsupervisor = {}\nsupervisor_url = \"https://www.digg.se/\"\n",
        comment(c.accessibility),
        text(langs, |w| w.statement_slug),
        text(langs, |w| w.contact),
        text(langs, |w| w.shortcoming),
        text(langs, |w| w.method),
        text(langs, |w| w.supervisor),
    );
    s
}

/// A language's name in itself, for the language switch.
fn language_name(lang: &str) -> &str {
    match lang {
        "sv" => "Svenska",
        "en" => "English",
        "fi" => "Suomi",
        "se" => "Davvisámegiella",
        "smj" => "Julevsámegiella",
        "sma" => "Åarjelsaemien gïele",
        "yi" => "ייִדיש",
        "rom" => "Romani",
        "fit" => "Meänkieli",
        "de" => "Deutsch",
        "fr" => "Français",
        "es" => "Español",
        "nb" | "no" => "Norsk",
        "da" => "Dansk",
        "ar" => "العربية",
        _ => lang,
    }
}

fn programme_toml(langs: &[String]) -> String {
    format!(
        "#:schema ../../schemas/programme.schema.json\n\
         # Ett program: titel, kort titel för menyn (högst 40 tecken), adressens namn\n\
         # per språk (a–z, 0–9, -), sammanfattning, och ordningen i menyn.\n\
         # A programme: title, short menu title (40 characters at most), its name in\n\
         # the address per language (a–z, 0–9, -), summary, and its place in the menu.\n\n\
         title = {}\nmenu_title = {}\nslug = {}\nsummary = {}\norder = 1\n\n\
         # Ett delmål per [[goal]]: id (a–z, 0–9, -) är det bedömningarna i\n\
         # assessments/<år>.toml använder; indicators är filnamn i indicators/.\n\
         # One goal per [[goal]]: the id (a–z, 0–9, -) is what the assessments in\n\
         # assessments/<year>.toml use; indicators are file names in indicators/.\n\
         [[goal]]\nid = \"exempeldelmal\"\nslug = {}\ntitle = {}\ntarget = {}\nindicators = [\"exempelindikator\"]\n",
        text(langs, |w| w.programme_title),
        text(langs, |w| w.programme_menu),
        text(langs, |w| w.programme_slug),
        text(langs, |w| w.programme_summary),
        text(langs, |w| w.goal_slug),
        text(langs, |w| w.goal_title),
        text(langs, |w| w.goal_target),
    )
}

fn assessments_toml(langs: &[String], year: i32) -> String {
    format!(
        "#:schema ../../../schemas/assessments.schema.json\n\
         # Bedömningarna {year}: en tabell per delmål, med delmålets id från programme.toml.\n\
         # The assessments of {year}: one table per goal, named by its id in programme.toml.\n\n\
         [exempeldelmal]\nstatus = \"delvis\"\nmotivation = {}\n",
        text(langs, |w| w.motivation)
    )
}

fn indicator_toml(langs: &[String], year: i32) -> String {
    let years: Vec<String> = (year - 4..=year).map(|y| y.to_string()).collect();
    format!(
        "#:schema ../../../schemas/indicator.schema.json\n\
         # Siffrorna är exempel: example_data = true visar det på sidan och i diagrammet.\n\
         # The figures are examples: example_data = true says so on the page and in the chart.\n\n\
         title = {}\nslug = {}\nunit = {}\nsource = {}\ndefinition = {}\nexample_data = true\n\
         target = {{ value = 75, year = {} }}\nyears = [{}]\n\n\
         [[series]]\nname = {}\nvalues = [61, 63, 62, 66, 68]\n",
        text(langs, |w| w.indicator_title),
        text(langs, |w| w.indicator_slug),
        text(langs, |w| w.unit),
        text(langs, |w| w.source),
        text(langs, |w| w.definition),
        year + 5,
        years.join(", "),
        text(langs, |w| w.series),
    )
}

/// Writes `files` into `dir` (new or empty) at once: into a folder beside
/// it first, then moved into place.
fn write_all(dir: &Path, files: &[(String, String)]) -> std::io::Result<()> {
    let parent = dir.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent)?;
    let staging = tempfile::Builder::new().prefix(".goalsite-init-").tempdir_in(parent)?;
    for (rel, text) in files {
        let path = staging.path().join(rel);
        std::fs::create_dir_all(path.parent().unwrap_or(staging.path()))?;
        std::fs::write(path, text)?;
    }
    if !dir.exists() {
        std::fs::rename(staging.path(), dir)?;
        return Ok(());
    }
    for entry in std::fs::read_dir(staging.path())? {
        let entry = entry?;
        std::fs::rename(entry.path(), dir.join(entry.file_name()))?;
    }
    Ok(())
}

/// This year, from the system clock (UTC).
fn current_year() -> i32 {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    // Days to a civil date (Howard Hinnant's algorithm), keeping only the year.
    let z = (secs / 86_400) as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let month_index = (5 * doy + 2) / 153;
    let year = yoe + era * 400 + i64::from(month_index >= 10);
    year as i32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_year_comes_from_the_clock() {
        let year = current_year();
        assert!((2024..2200).contains(&year), "{year}");
    }

    #[test]
    fn bad_language_lists_are_refused() {
        for (langs, why) in [
            (vec![], "at least one"),
            (vec!["sv".to_owned(), "sv".to_owned()], "listed twice"),
            (vec!["Svenska".to_owned()], "not a language code"),
        ] {
            match check_languages(&langs) {
                Err(InitError::Usage(m)) => assert!(m.to_string().contains(why), "{m}"),
                other => panic!("{langs:?}: {other:?}"),
            }
        }
    }
}
