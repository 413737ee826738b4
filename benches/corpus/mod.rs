//! A synthetic goalsite site for benchmarks: narrative pages in sections and
//! programmes with goals and indicators (time series with targets, and
//! comparisons), in Swedish and English; or narrative pages alone, of ~4 KB
//! each written from a large vocabulary (so that a search index has many
//! words to hold), with no indicators. Deterministic for a given size.

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
    write_hugo(root, pages, page_path, page)
}

/// A page's Markdown: page `i` of `total` in `lang`, with links written by `link`.
type PageText = fn(usize, usize, &str, &dyn Fn(usize) -> String) -> String;

/// A Hugo site of `pages` pages per language: page `i` at `path(i)`, its text by `text`.
fn write_hugo(root: &Path, pages: usize, path: fn(usize) -> String, text: PageText) -> io::Result<()> {
    write_hugo_frame(root)?;
    for lang in LANGS {
        for i in 0..pages {
            let markdown = text(i, pages, lang, &|j| format!("{{{{< relref \"/{}\" >}}}}", path(j)));
            write(root, &format!("content/{lang}/{}", path(i)), &markdown)?;
        }
    }
    Ok(())
}

/// A Hugo site's config, templates and home pages.
fn write_hugo_frame(root: &Path) -> io::Result<()> {
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

/// Narrative pages of the large-vocabulary corpus per section.
const NARRATIVE_PER_SECTION: usize = 200;

/// Writes the large-vocabulary corpus into `root`: `pages` narrative pages
/// per language of ~4 KB (headings, paragraphs, a list, links to two other
/// pages), words drawn from a vocabulary of ~150,000 per language, a home
/// page per language, no programmes or indicators.
pub fn write_narrative_site(root: &Path, pages: usize) -> io::Result<()> {
    write(root, "site.toml", SITE_TOML)?;
    for lang in LANGS {
        let first = match pages {
            0 => String::new(),
            _ => format!("[{}](@/{})", words(lang).first, narrative_path(0)),
        };
        write(root, &format!("content/_index.{lang}.md"), &format!("+++\ntitle = \"Start {lang}\"\n+++\n{first}\n"))?;
        for i in 0..pages {
            let text = narrative(i, pages, lang, &|j| format!("@/{}", narrative_path(j)));
            write(root, &format!("content/{}", narrative_path(i).replace(".md", &format!(".{lang}.md"))), &text)?;
        }
    }
    Ok(())
}

/// The same narrative pages as a Hugo site.
pub fn write_narrative_hugo_site(root: &Path, pages: usize) -> io::Result<()> {
    write_hugo(root, pages, narrative_path, narrative)
}

fn narrative_path(j: usize) -> String {
    format!("del-{:03}/text-{j:05}.md", j / NARRATIVE_PER_SECTION)
}

/// A deterministic stream of numbers (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Word `n` of the language's made-up vocabulary: syllables of the
/// language's letters, longer for rarer words.
fn word(lang: &str, n: usize) -> String {
    const SV: [&str; 24] = [
        "ba", "ke", "li", "mo", "nu", "rå", "sä", "tö", "vi", "ge", "ha", "jo", "fy", "dr", "st", "kl", "an", "er",
        "in", "or", "ul", "äng", "ös", "sk",
    ];
    const EN: [&str; 24] = [
        "ba", "ke", "li", "mo", "nu", "ra", "se", "to", "vi", "ge", "ha", "jo", "fy", "dr", "st", "cl", "an", "er",
        "in", "or", "ul", "ing", "th", "sh",
    ];
    let syllables = if lang == "sv" { &SV } else { &EN };
    let mut rest = n;
    let mut w = String::new();
    loop {
        w.push_str(syllables[rest % syllables.len()]);
        rest /= syllables.len();
        if rest == 0 {
            break;
        }
    }
    w
}

/// Words of a page: common words often, the rest from the whole vocabulary.
fn text_word(rng: &mut Rng, lang: &str) -> String {
    const COMMON_SV: [&str; 12] = ["och", "att", "det", "som", "en", "på", "är", "av", "för", "med", "till", "den"];
    const COMMON_EN: [&str; 12] = ["the", "and", "of", "to", "a", "in", "is", "that", "for", "it", "with", "as"];
    match rng.below(10) {
        0..=3 => (if lang == "sv" { COMMON_SV } else { COMMON_EN })[rng.below(12)].to_owned(),
        4..=6 => word(lang, rng.below(2_000)),
        _ => word(lang, rng.below(150_000)),
    }
}

fn sentence(rng: &mut Rng, lang: &str) -> String {
    let n = 8 + rng.below(12);
    let mut s: Vec<String> = (0..n).map(|_| text_word(rng, lang)).collect();
    let first = s[0].remove(0).to_uppercase().collect::<String>();
    s[0] = first + &s[0];
    s.join(" ") + "."
}

/// A ~4 KB page: an introduction, three or four sections of paragraphs,
/// a list, and links to two other pages.
fn narrative(i: usize, total: usize, lang: &str, link: &dyn Fn(usize) -> String) -> String {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15 ^ ((i as u64 + 1) * if lang == "sv" { 7 } else { 13 }));
    let w = words(lang);
    let title: Vec<String> = (0..3).map(|_| word(lang, rng.below(150_000))).collect();
    let mut s = format!("+++\ntitle = \"{} {i}\"\n+++\n\n{}\n\n", title.join(" "), sentence(&mut rng, lang));
    let sections = 3 + i % 2;
    for k in 0..sections {
        s.push_str(&format!("## {} {}\n\n", w.section, word(lang, rng.below(150_000))));
        for _ in 0..2 + (k + i) % 2 {
            let paragraph: Vec<String> = (0..4).map(|_| sentence(&mut rng, lang)).collect();
            s.push_str(&paragraph.join(" "));
            s.push_str("\n\n");
        }
        if k == 1 {
            for _ in 0..3 {
                s.push_str(&format!("- {}\n", sentence(&mut rng, lang)));
            }
            s.push('\n');
        }
    }
    s.push_str(&format!("[{}]({}), [{}]({}).\n", w.next, link((i + 1) % total), w.another, link((i * 7 + 3) % total)));
    s
}
