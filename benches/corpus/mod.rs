//! A synthetic goalsite site for benchmarks: narrative pages in sections and
//! programmes with goals and indicators (time series with targets, and
//! comparisons), in Swedish and English. Deterministic for a given size.

use std::fs;
use std::io;
use std::path::Path;

/// How big a site to write.
#[derive(Debug, Clone, Copy)]
pub struct Size {
    /// Narrative pages per language.
    pub pages: usize,
    pub programmes: usize,
    /// Indicators per programme.
    pub indicators: usize,
    /// Goals per programme.
    pub goals: usize,
}

const LANGS: [&str; 2] = ["sv", "en"];
const PAGES_PER_SECTION: usize = 100;

/// Writes the site into `root` (which should be empty); it uses the built-in theme.
pub fn write_site(root: &Path, size: Size) -> io::Result<()> {
    write(root, "site.toml", SITE_TOML)?;
    for lang in LANGS {
        // The first page links on to every other one, so no page is an orphan.
        let first = match size.pages {
            0 => String::new(),
            _ => format!("[{}](@/{})", words(lang).first, page_path(0)),
        };
        let intro = format!("+++\ntitle = \"Benchmark {lang}\"\n+++\n{}{first}\n", filler(lang));
        write(root, &format!("content/_index.{lang}.md"), &intro)?;
    }
    for i in 0..size.pages {
        for lang in LANGS {
            write(
                root,
                &format!("content/section-{:03}/page-{i:05}.{lang}.md", i / PAGES_PER_SECTION),
                &page(i, size.pages, lang, &|j| format!("@/{}", page_path(j))),
            )?;
        }
    }
    for p in 0..size.programmes {
        let dir = format!("content/programme-{p:02}");
        write(root, &format!("{dir}/programme.toml"), &programme(p, size))?;
        for (k, year) in [2023, 2024].iter().enumerate() {
            write(root, &format!("{dir}/assessments/{year}.toml"), &assessments(p, k, size))?;
        }
        for lang in LANGS {
            write(
                root,
                &format!("{dir}/_index.{lang}.md"),
                &format!("## Programme {p}\n\nNarrative text for {lang}.\n"),
            )?;
        }
        for i in 0..size.indicators {
            write(root, &format!("{dir}/indicators/ind-{p:02}-{i:04}.toml"), &indicator(p, i))?;
        }
    }
    Ok(())
}

fn write(root: &Path, rel: &str, text: &str) -> io::Result<()> {
    let path = root.join(rel);
    fs::create_dir_all(path.parent().expect("a parent"))?;
    fs::write(path, text)
}

/// Copies a folder tree.
pub fn copy_dir(from: &Path, to: &Path) -> io::Result<()> {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.map_err(io::Error::other)?;
        let target = to.join(entry.path().strip_prefix(from).expect("under from"));
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target)?;
        } else {
            fs::copy(entry.path(), &target)?;
        }
    }
    Ok(())
}

const SITE_TOML: &str = r#"base_url = "https://bench.example.org/"
theme = "default"
report_year = 2024

[[languages]]
code = "sv"
name = "Svenska"

[[languages]]
code = "en"
name = "English"

[title]
sv = "Prestandatest"
en = "Benchmark"

[description]
sv = "En syntetisk webbplats"
en = "A synthetic site"

[footer]
organisation = { sv = "Testkommunen", en = "Test Municipality" }

[open_data]
licence = "CC0-1.0"
contact_email = "data@bench.example.org"
themes = ["GOVE"]
published = 2026-01-31

[[scale]]
id = "ja"
kind = "met"
label = { sv = "Ja", en = "Yes" }

[[scale]]
id = "delvis"
kind = "partly"
label = { sv = "Delvis", en = "Partly" }

[[scale]]
id = "nej"
kind = "not-met"
label = { sv = "Nej", en = "No" }
"#;

/// The short texts of a page, in its language.
struct Words {
    first: &'static str,
    intro: &'static str,
    section: &'static str,
    next: &'static str,
    another: &'static str,
}

fn words(lang: &str) -> Words {
    match lang {
        "sv" => Words {
            first: "Första sidan",
            intro: "Inledning till sidan",
            section: "Avsnitt",
            next: "nästa sida",
            another: "en annan sida",
        },
        _ => Words {
            first: "First page",
            intro: "Introduction to page",
            section: "Section",
            next: "the next page",
            another: "another one",
        },
    }
}

/// A paragraph of ordinary text in the page's language (so language checks see the right one).
fn filler(lang: &str) -> &'static str {
    match lang {
        "sv" => "Kommunen följer varje år upp hur arbetet med de långsiktiga målen går. Uppföljningen visar vad som går bra, var det behövs mer arbete och vilka insatser som planeras för de kommande åren. ",
        _ => "Every year the municipality follows up how the work on its long-term goals is going. The follow-up shows what is going well, where more work is needed and which efforts are planned for the coming years. ",
    }
}

/// The path of page `j` under the content folder, without the language.
fn page_path(j: usize) -> String {
    format!("section-{:03}/page-{j:05}.md", j / PAGES_PER_SECTION)
}

/// A 3–5 KB page: headings, emphasis, lists, a table, a footnote and links;
/// `link` writes an internal link in the generator's syntax.
fn page(i: usize, total: usize, lang: &str, link: &dyn Fn(usize) -> String) -> String {
    let paragraphs = 3 + i % 3;
    let w = words(lang);
    let mut s =
        format!("+++\ntitle = \"Page {i} ({lang})\"\n+++\n\n{} {i}, *{}* **{}**.\n\n", w.intro, w.section, w.next);
    for k in 0..paragraphs {
        s.push_str(&format!("## {} {k}\n\n", w.section));
        s.push_str(&filler(lang).repeat(3));
        s.push_str(&format!(
            "[{}]({}), [{}]({}).\n\n",
            w.next,
            link((i + 1) % total),
            w.another,
            link((i * 7 + k) % total)
        ));
        s.push_str("- first point with `code`\n- second point\n- third point\n\n1. one\n2. two\n3. three\n\n");
    }
    s.push_str(
        "| Year | Value | Note |\n|---|---:|---|\n| 2022 | 1.5 | a |\n| 2023 | 2.5 | b |\n| 2024 | 3.5 | c |\n\n",
    );
    s.push_str("A claim that needs a source.[^1]\n\n[^1]: The source of the claim.\n");
    s
}

fn programme(p: usize, size: Size) -> String {
    let mut s = format!("title = {{ sv = \"Program {p}\", en = \"Programme {p}\" }}\norder = {p}\n");
    for g in 0..size.goals {
        s.push_str(&format!(
            "\n[[goal]]\nid = \"goal-{p:02}-{g:03}\"\ntitle = {{ sv = \"Delmål {g}\", en = \"Goal {g}\" }}\ntarget = {{ sv = \"Mål {g}.\", en = \"Target {g}.\" }}\n"
        ));
        if size.indicators > 0 {
            s.push_str(&format!("indicators = [\"ind-{p:02}-{:04}\"]\n", g % size.indicators));
        }
    }
    s
}

/// One year's assessments of programme `p`; `k` shifts the statuses between years.
fn assessments(p: usize, k: usize, size: Size) -> String {
    let statuses = ["ja", "delvis", "nej"];
    (0..size.goals).map(|g| format!("[goal-{p:02}-{g:03}]\nstatus = \"{}\"\n\n", statuses[(g + k) % 3])).collect()
}

fn indicator(p: usize, i: usize) -> String {
    let head = format!(
        "title = {{ sv = \"Indikator {p}-{i}\", en = \"Indicator {p}-{i}\" }}\nunit = \"kton CO2e\"\nsource = \"Synthetic\"\nexample_data = true\n"
    );
    if i.is_multiple_of(2) {
        let years: Vec<String> = (2010..2024).map(|y| y.to_string()).collect();
        let series = |k: usize| {
            let values: Vec<String> =
                (0..14).map(|y| format!("{:.1}", 100.0 + ((y * 7 + k * 13 + i) % 50) as f64 * 1.5)).collect();
            format!(
                "\n[[series]]\nname = {{ sv = \"Serie {k}\", en = \"Series {k}\" }}\nvalues = [{}]\n",
                values.join(", ")
            )
        };
        format!(
            "{head}target = {{ value = 50, year = 2030 }}\nyears = [{}]\n{}{}",
            years.join(", "),
            series(0),
            series(1)
        )
    } else {
        let mut s = format!("{head}year = 2023\n");
        for k in 0..8 {
            s.push_str(&format!(
                "\n[[category]]\nname = \"Kommun {k}\"\nvalue = {}\n{}",
                40 + (k * 5 + i) % 40,
                if k == 0 {
                    "highlight = true\n"
                } else if k == 7 {
                    "national = true\n"
                } else {
                    ""
                }
            ));
        }
        s
    }
}

/// Writes the same narrative pages as a Hugo site (Debian's `hugo`): config,
/// minimal templates (base, list, single, language switch) and content per language.
pub fn write_hugo_site(root: &Path, pages: usize) -> io::Result<()> {
    write(root, "hugo.toml", HUGO_TOML)?;
    write(root, "layouts/_default/baseof.html", HUGO_BASEOF)?;
    write(
        root,
        "layouts/_default/single.html",
        "{{ define \"main\" }}<h1>{{ .Title }}</h1>\n{{ .Content }}{{ end }}\n",
    )?;
    write(
        root,
        "layouts/_default/list.html",
        "{{ define \"main\" }}<h1>{{ .Title }}</h1>\n<ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}\n",
    )?;
    for lang in LANGS {
        write(
            root,
            &format!("content/{lang}/_index.md"),
            &format!("+++\ntitle = \"Benchmark {lang}\"\n+++\nIntro.\n"),
        )?;
        for i in 0..pages {
            let text = page(i, pages, lang, &|j| format!("{{{{< relref \"/{}\" >}}}}", page_path(j)));
            write(root, &format!("content/{lang}/{}", page_path(i)), &text)?;
        }
    }
    Ok(())
}

const HUGO_TOML: &str = r#"baseURL = "https://bench.example.org/"
title = "Benchmark"
defaultContentLanguage = "sv"
defaultContentLanguageInSubdir = true
disableKinds = ["taxonomy", "term", "RSS"]

[languages.sv]
contentDir = "content/sv"
languageName = "Svenska"
weight = 1

[languages.en]
contentDir = "content/en"
languageName = "English"
weight = 2
"#;

const HUGO_BASEOF: &str = r#"<!DOCTYPE html>
<html lang="{{ .Language.Lang }}">
<head>
<meta charset="utf-8">
<title>{{ .Title }} – {{ .Site.Title }}</title>
{{ range .AllTranslations }}<link rel="alternate" hreflang="{{ .Language.Lang }}" href="{{ .Permalink }}">
{{ end }}</head>
<body>
<nav aria-label="Language">{{ range .Translations }}<a href="{{ .RelPermalink }}" hreflang="{{ .Language.Lang }}" lang="{{ .Language.Lang }}">{{ .Language.LanguageName }}</a>{{ end }}</nav>
<main>{{ block "main" . }}{{ end }}</main>
</body>
</html>
"#;
