//! An editor's commonest slips on a copy of the Umeå site, each caught in
//! the editor's language at its file, line and column with a hint that fixes
//! it: in Swedish (the site's first language) with no English word, and with
//! `--lang en` the same in English. Word's typographic quotes, non-breaking
//! spaces and å, ä, ö in names are named as what they are. Text copied in
//! decomposed form (`a` and a combining ring for `å`) is read as composed.

use std::path::Path;

use crate::common::{repo, run};

/// A copy of the Umeå sources, with `slip` made in it.
fn umea_with(slip: impl Fn(&Path)) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(repo().join("site.toml"), dir.path().join("site.toml")).unwrap();
    crate::common::copy::copy_dir(&repo().join("content"), &dir.path().join("content"));
    slip(dir.path());
    dir
}

fn edit(root: &Path, rel: &str, from: &str, to: &str) {
    let path = root.join(rel);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{rel} has {from:?}");
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

fn append(root: &Path, rel: &str, more: &str) {
    let path = root.join(rel);
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(path, text + more).unwrap();
}

/// `goalsite check` on `root` in the language `lang` asks for (none: the site's own).
fn check(root: &Path, lang: Option<&str>) -> String {
    let mut args = vec!["check", "--root", root.to_str().unwrap()];
    args.extend(lang.map(|lang| ["--lang", lang]).into_iter().flatten());
    let (code, _, stderr) = crate::common::run_as_editor(root, "C.UTF-8", &args);
    assert_eq!(code, 1, "the slip is an error");
    stderr
}

/// The lines goalsite writes itself (not the lines quoted from the file).
fn own_lines(output: &str) -> Vec<&str> {
    output.lines().filter(|l| !l.trim_start().starts_with('|') && !l.contains(" | ")).collect()
}

const ASSESSMENTS: &str = "content/tillvaxt/assessments/2024.toml";
const PROGRAMME: &str = "content/tillvaxt/programme.toml";
const EMISSIONS: &str = "content/klimatneutrala-umea-2040/indicators/territoriella-utslapp.toml";
const PLACE_TO_LIVE: &str = "content/social-hallbarhet/indicators/bra-plats-att-bo.toml";
const ABOUT: &str = "content/om-uppfoljningen.sv.md";
const CLIMATE: &str = "content/klimatneutrala-umea-2040/_index.sv.md";
const NEW_GOAL: &str = "\n[[goal]]\nid = \"kompetensförsörjning\"\nslug = { sv = \"kompetensforsorjning\", en = \"skills\" }\ntitle = { sv = \"Kompetensförsörjning\", en = \"Skills supply\" }\ntarget = { sv = \"Mål.\", en = \"Goal.\" }\n";

/// A slip, where goalsite must point, and what it must say and hint in
/// Swedish and in English.
struct Case {
    name: &'static str,
    slip: fn(&Path),
    at: &'static str,
    sv: [&'static str; 2],
    en: [&'static str; 2],
}

fn cases() -> Vec<Case> {
    vec![
        Case {
            name: "typographic quotes around a motivation",
            slip: |r| {
                edit(r, ASSESSMENTS, "motivation = { sv = \"Planberedskapen", "motivation = { sv = ”Planberedskapen");
                edit(r, ASSESSMENTS, "konjunkturläget.\", en", "konjunkturläget.”, en");
            },
            at: "content/tillvaxt/assessments/2024.toml:13:21:",
            sv: ["typografiska citattecken (”…”)", "tips: skriv raka citattecken runt texten: \"Planberedskapen för"],
            en: ["typographic quotes (”…”)", "hint: write straight quotes around the text: \"Planberedskapen för"],
        },
        Case {
            name: "å, ä, ö in a table's name",
            slip: |r| edit(r, ASSESSMENTS, "[universiteten]", "[kompetensförsörjning]"),
            at: "content/tillvaxt/assessments/2024.toml:19:2:",
            sv: ["namnet `kompetensförsörjning` får bara innehålla", "tips: skriv [kompetensforsorjning]"],
            en: ["the name `kompetensförsörjning` may hold only", "hint: write [kompetensforsorjning]"],
        },
        Case {
            name: "å, ä, ö in an id",
            slip: |r| append(r, PROGRAMME, NEW_GOAL),
            at: "content/tillvaxt/programme.toml:47:6:",
            sv: ["id `kompetensförsörjning` får bara innehålla", "tips: skriv `kompetensforsorjning`"],
            en: ["id `kompetensförsörjning` may only have", "hint: write `kompetensforsorjning`"],
        },
        Case {
            name: "a status with a capital",
            slip: |r| edit(r, ASSESSMENTS, "status = \"delvis\"", "status = \"Delvis\""),
            at: "content/tillvaxt/assessments/2024.toml:8:10:",
            sv: ["`Delvis` är inte en av bedömningarna", "tips: skriv bedömningen med små bokstäver"],
            en: ["`Delvis` is not one of the assessments", "hint: write the assessment in lowercase"],
        },
        Case {
            name: "a misspelt goal id",
            slip: |r| edit(r, ASSESSMENTS, "[universiteten]", "[universitet]"),
            at: "content/tillvaxt/assessments/2024.toml:19:2:",
            sv: ["det finns inget delmål `universitet`", "tips: menade du [universiteten]?"],
            en: ["there is no goal `universitet`", "hint: did you mean [universiteten]?"],
        },
        Case {
            name: "a motivation without its English",
            slip: |r| {
                let text = std::fs::read_to_string(r.join(ASSESSMENTS)).unwrap();
                let start = text.find("konjunkturläget.\", en = \"").unwrap() + "konjunkturläget.\"".len();
                let end = start + text[start..].find(" }").unwrap();
                std::fs::write(r.join(ASSESSMENTS), format!("{}{}", &text[..start], &text[end..])).unwrap();
            },
            at: "content/tillvaxt/assessments/2024.toml:13:14:",
            sv: ["motiveringen saknar text på språket `en`", "tips: lägg till en = \"…\""],
            en: ["the motivation has no text in `en`", "hint: add en = \"…\""],
        },
        Case {
            name: "a decimal comma in a list of values",
            slip: |r| edit(r, EMISSIONS, "  286,\n", "  286,5,\n"),
            at: "content/klimatneutrala-umea-2040/indicators/territoriella-utslapp.toml:18:3:",
            sv: ["`286,5` läses som två värden", "skriv det med decimalpunkt: 286.5"],
            en: ["`286,5` is read as two values", "write it with a decimal point: 286.5"],
        },
        Case {
            name: "a text without its closing quote",
            slip: |r| edit(r, ASSESSMENTS, "status = \"nej\"", "status = \"nej"),
            at: "content/tillvaxt/assessments/2024.toml:12:14:",
            sv: ["texten saknar citattecknet (\") som avslutar den", "tips: sätt ett \" sist i texten"],
            en: ["the text has no quote (\") to end it", "hint: put a \" at the end of the text"],
        },
        Case {
            name: "a motivation pasted over two lines",
            slip: |r| edit(r, ASSESSMENTS, "Planberedskapen för bostäder har", "Planberedskapen\nför bostäder har"),
            at: "content/tillvaxt/assessments/2024.toml:13:36:",
            sv: [
                "texten fortsätter på nästa rad, men en text inom citattecken",
                "tips: ta bort radbrytningen i texten",
            ],
            en: ["the text goes on to the next line", "hint: delete the line break in the text"],
        },
        Case {
            name: "a text without its closing quote, before the next language's",
            slip: |r| edit(r, PROGRAMME, "\"Program tillväxt\", en", "\"Program tillväxt, en"),
            at: "content/tillvaxt/programme.toml:1:41:",
            sv: [
                "texten saknar citattecknet (\") som avslutar den",
                "tips: sätt ett \" efter Program tillväxt, före kommatecknet",
            ],
            en: ["the text has no quote (\") to end it", "hint: put a \" after Program tillväxt, before the comma"],
        },
        Case {
            name: "a broken link",
            slip: |r| append(r, "content/tillvaxt/_index.sv.md", "\nLäs om [bostäderna](@/tillvaxt/bostader.md).\n"),
            at: "content/tillvaxt/_index.sv.md:35:8:",
            sv: ["länken @/tillvaxt/bostader.md leder ingenstans", "tips:"],
            en: ["the link @/tillvaxt/bostader.md leads nowhere", "hint:"],
        },
        Case {
            name: "a link to one language's text of a page",
            slip: |r| append(r, "content/tillvaxt/_index.sv.md", "\nSe [om](@/om-uppfoljningen.sv.md).\n"),
            at: "content/tillvaxt/_index.sv.md:35:4:",
            sv: [
                "länken @/om-uppfoljningen.sv.md går till texten på ett av språken",
                "tips: menade du @/om-uppfoljningen.md?",
            ],
            en: [
                "the link @/om-uppfoljningen.sv.md goes to the text in one of the languages",
                "hint: did you mean @/om-uppfoljningen.md?",
            ],
        },
        Case {
            name: "a chart placed twice",
            slip: |r| append(r, CLIMATE, "\n![](@/klimatneutrala-umea-2040/indicators/territoriella-utslapp.toml)\n"),
            at: "content/klimatneutrala-umea-2040/_index.sv.md:31:1:",
            sv: ["det här diagrammet står redan på rad 17", "tips: ta bort den här raden eller den på rad 17"],
            en: ["this chart is already placed on line 17", "hint: delete this line or the one on line 17"],
        },
        Case {
            name: "a motivation left as the placeholder",
            slip: |r| {
                let text = std::fs::read_to_string(r.join(ASSESSMENTS)).unwrap();
                let start = text.find("motivation = { sv = \"Planberedskapen").unwrap();
                let end = start + text[start..].find('\n').unwrap();
                let placeholder = "motivation = { sv = \"…\", en = \"…\" }";
                std::fs::write(r.join(ASSESSMENTS), format!("{}{placeholder}{}", &text[..start], &text[end..]))
                    .unwrap();
            },
            at: "content/tillvaxt/assessments/2024.toml:13:14:",
            sv: ["texten är bara platshållaren … och inte ifylld", "skriv texten i stället för …"],
            en: ["the text is only the placeholder … and not filled in", "write the text instead of …"],
        },
        Case {
            name: "a date that does not exist, in site.toml (where the site's language is read from)",
            slip: |r| edit(r, "site.toml", "statement_date = 2026-11-27", "statement_date = 2026-27-11"),
            at: "site.toml:58:18:",
            sv: ["datumet finns inte: månaden ska vara 01–12", "tips: skriv datumet som år-månad-dag"],
            en: ["the date does not exist: the month must be 01–12", "hint: write the date as year-month-day"],
        },
        Case {
            name: "a category copied and its name left as it was",
            slip: |r| edit(r, PLACE_TO_LIVE, "name = \"Uppsala\"", "name = \"Luleå\""),
            at: "content/social-hallbarhet/indicators/bra-plats-att-bo.toml:23:8:",
            sv: [
                "kategorin \"Luleå\" står två gånger (första gången på rad 19)",
                "tips: varje kategori ska stå en gång",
            ],
            en: ["the category \"Luleå\" is listed twice (first on line 19)", "hint: each category appears once"],
        },
        Case {
            name: "a share with a per cent sign",
            slip: |r| edit(r, EMISSIONS, "  286,\n", "  28,6 %,\n"),
            at: "content/klimatneutrala-umea-2040/indicators/territoriella-utslapp.toml:18:6:",
            sv: [
                "talet är skrivet så som TOML inte läser tal",
                "tips: skriv 28.6 i stället för 28,6 %, eller 28, 6 om det är två värden",
            ],
            en: [
                "the number is written in a way TOML does not read numbers",
                "hint: write 28.6 instead of 28,6 %, or 28, 6 if they are two values",
            ],
        },
        Case {
            name: "a value added to a list without a comma after the one before",
            slip: |r| edit(r, EMISSIONS, "  286,\n", "  286\n  290,\n"),
            at: "content/klimatneutrala-umea-2040/indicators/territoriella-utslapp.toml:19:3:",
            sv: ["kommatecken saknas mellan värdena i listan", "tips: sätt ett kommatecken (,) efter värdet på rad 18"],
            en: [
                "a comma is missing between the values of the list",
                "hint: put a comma (,) after the value on line 18",
            ],
        },
        Case {
            name: "two years without a comma between them",
            slip: |r| edit(r, EMISSIONS, "years = [1990, 2022]", "years = [1990 2022]"),
            at: "content/klimatneutrala-umea-2040/indicators/territoriella-utslapp.toml:11:10:",
            sv: ["kommatecken saknas mellan värdena i listan", "tips: skriv 1990, 2022"],
            en: ["a comma is missing between the values of the list", "hint: write 1990, 2022"],
        },
        Case {
            name: "a page's front matter fenced as goalsite's but its lines written as YAML",
            slip: |r| edit(r, ABOUT, "title = \"Om uppföljningen\"", "title: Om uppföljningen"),
            at: "content/om-uppfoljningen.sv.md:2:1:",
            sv: [
                "efter namnet `title` står ett kolon (:), men TOML skriver =",
                "tips: skriv title = \"Om uppföljningen\"",
            ],
            en: [
                "the name `title` is followed by a colon (:), but TOML writes =",
                "hint: write title = \"Om uppföljningen\"",
            ],
        },
        Case {
            name: "a year for a title, written as YAML writes it",
            slip: |r| edit(r, ABOUT, "title = \"Om uppföljningen\"", "title: 2030"),
            at: "content/om-uppfoljningen.sv.md:2:1:",
            sv: ["efter namnet `title` står ett kolon (:), men TOML skriver =", "tips: skriv title = \"2030\""],
            en: ["the name `title` is followed by a colon (:), but TOML writes =", "hint: write title = \"2030\""],
        },
        Case {
            name: "a name with a capital, written as YAML writes it",
            slip: |r| edit(r, ABOUT, "title = \"Om uppföljningen\"", "Title: Om uppföljningen"),
            at: "content/om-uppfoljningen.sv.md:2:1:",
            sv: [
                "efter namnet `Title` står ett kolon (:), men TOML skriver =",
                "tips: skriv title = \"Om uppföljningen\"",
            ],
            en: [
                "the name `Title` is followed by a colon (:), but TOML writes =",
                "hint: write title = \"Om uppföljningen\"",
            ],
        },
        Case {
            name: "a title's English left empty",
            slip: |r| edit(r, PROGRAMME, "en = \"Growth programme\"", "en = \"\""),
            at: "content/tillvaxt/programme.toml:1:9:",
            sv: [
                "programmets titel saknar text på språket `en`",
                "tips: texten på en är tom: skriv den mellan citattecknen",
            ],
            en: ["has no text in `en`", "hint: the text in en is empty: write it between the quotes"],
        },
        Case {
            name: "a line copied and left twice",
            slip: |r| {
                edit(r, PROGRAMME, "id = \"befolkningsmal\"\n", "id = \"befolkningsmal\"\nid = \"befolkningsmal\"\n")
            },
            at: "content/tillvaxt/programme.toml:11:1:",
            sv: [
                "namnet `id` står två gånger i samma grupp (första gången på rad 10)",
                "tips: ett namn får bara stå en gång",
            ],
            en: ["the key `id` is written twice in the same table (first on line 10)", "hint: a key is written once"],
        },
        Case {
            name: "a colon where TOML writes =",
            slip: |r| edit(r, PROGRAMME, "en = \"Growth programme\"", "en: \"Growth programme\""),
            at: "content/tillvaxt/programme.toml:1:36:",
            sv: ["efter namnet `en` står ett kolon (:), men TOML skriver =", "tips: skriv en = i stället för en:"],
            en: ["the name `en` is followed by a colon (:), but TOML writes =", "hint: write en = instead of en:"],
        },
        Case {
            name: "a figure in quotes",
            slip: |r| edit(r, PLACE_TO_LIVE, "value = 93.0", "value = \"87\""),
            at: "content/social-hallbarhet/indicators/bra-plats-att-bo.toml:15:9:",
            sv: ["här ska det stå ett tal (till exempel 12.5)", "tips: skriv talet utan citattecken: 87"],
            en: ["expected a number (like 12.5)", "hint: write the number without quotes: 87"],
        },
        Case {
            name: "a number for a title",
            slip: |r| {
                edit(r, PROGRAMME, "title = { sv = \"Program tillväxt\", en = \"Growth programme\" }", "title = 2025")
            },
            at: "content/tillvaxt/programme.toml:1:9:",
            sv: [
                "här ska det stå en text per språk, till exempel { sv = \"…\", en = \"…\" }",
                "men det står talet 2025",
            ],
            en: ["expected a text per language, like { sv = \"…\", en = \"…\" }", "found the number 2025"],
        },
        Case {
            name: "a non-breaking space where TOML needs a space",
            slip: |r| edit(r, ASSESSMENTS, "status = \"nej\"", "status\u{a0}= \"nej\""),
            at: "content/tillvaxt/assessments/2024.toml:12:7:",
            sv: ["hårt mellanslag (U+00A0)", "tips: radera tecknet och skriv ett vanligt mellanslag"],
            en: ["non-breaking space (U+00A0)", "hint: delete it and type an ordinary space"],
        },
    ]
}

/// Words that only an English message has (quoted file text aside).
const ENGLISH: &[&str] =
    &["error", "warning", "hint", "note", " the ", " is ", " not ", "expected", "missing", "invalid"];

#[test]
fn each_slip_is_said_in_swedish_where_it_is_with_its_fix_and_in_english_on_request() {
    for case in cases() {
        let site = umea_with(case.slip);
        let sv = check(site.path(), None);
        let first = sv.lines().next().unwrap_or_default();
        assert!(first.starts_with(&format!("fel: {}", case.at)), "{}: {sv}", case.name);
        assert!(first.contains(case.sv[0]), "{}: {sv}", case.name);
        assert!(sv.contains(case.sv[1]), "{}: {sv}", case.name);
        for line in own_lines(&sv) {
            for word in ENGLISH {
                assert!(!line.contains(word), "{}: English {word:?} in {line:?}", case.name);
            }
        }
        let en = check(site.path(), Some("en"));
        let first = en.lines().next().unwrap_or_default();
        assert!(first.starts_with(&format!("error: {}", case.at)), "{}: {en}", case.name);
        assert!(first.contains(case.en[0]), "{}: {en}", case.name);
        assert!(en.contains(case.en[1]), "{}: {en}", case.name);
    }
}

#[test]
fn a_line_written_as_yaml_is_one_problem_whose_hint_is_the_whole_fix() {
    // Not `title = 2030`, which the next check would refuse as a number
    // where a text belongs, nor `Title = …`, which it would not know.
    for (slip, fix) in [("title: 2030", "title = \"2030\""), ("Title: Om oss", "title = \"Om oss\"")] {
        let site = umea_with(|r| edit(r, ABOUT, "title = \"Om uppföljningen\"", slip));
        let sv = check(site.path(), None);
        let errors: Vec<&str> = sv.lines().filter(|l| l.starts_with("fel:")).collect();
        assert_eq!(errors.len(), 1, "{slip}: {sv}");
        assert!(sv.contains(&format!("tips: skriv {fix}")), "{slip}: {sv}");
        edit(site.path(), ABOUT, slip, fix);
        let (code, _, stderr) =
            crate::common::run_as_editor(site.path(), "C.UTF-8", &["check", "--root", site.path().to_str().unwrap()]);
        assert_eq!(code, 0, "{slip} written as the hint says: {stderr}");
    }
}

#[test]
fn no_hint_suggests_an_id_with_swedish_letters() {
    let site = umea_with(|r| {
        append(r, PROGRAMME, NEW_GOAL);
        append(
            r,
            "content/tillvaxt/_index.sv.md",
            "\n## Kompetensförsörjning\n\nSe [rubriken](#kompetensförsörjning).\n",
        );
    });
    let sv = check(site.path(), None);
    let hints: Vec<&str> = sv.lines().filter(|l| l.trim_start().starts_with("= tips:")).collect();
    assert!(hints.len() >= 3, "the id, the missing assessment and the link each have a hint: {sv}");
    for hint in hints {
        assert!(!hint.contains("kompetensförsörjning"), "{hint}");
    }
    assert!(sv.contains("tips: lägg till [kompetensforsorjning]"), "{sv}");
    assert!(sv.contains("tips: menade du #kompetensforsorjning?"), "{sv}");
}

#[test]
fn typographic_quotes_on_several_lines_are_each_named_and_what_they_hid_is_said() {
    let site = umea_with(|r| {
        edit(r, ASSESSMENTS, "status = \"nej\"", "status = ”nej”");
        edit(r, ASSESSMENTS, "status = \"ja\"", "status = “ja”");
        // Hidden behind the quotes until now: a list not closed.
        edit(r, ASSESSMENTS, "[universiteten]", "[universiteten");
    });
    let sv = check(site.path(), None);
    assert!(sv.contains("2024.toml:12:10: texten står inom typografiska citattecken (”…”)"), "{sv}");
    assert!(sv.contains("tips: skriv raka citattecken runt texten: \"nej\""), "{sv}");
    assert!(sv.contains("texten står inom typografiska citattecken (“…”)"), "{sv}");
    assert!(sv.contains("2024.toml:19:15: namnet inom [ ] saknar ] i slutet"), "the slip they hid: {sv}");
    assert!(sv.contains("obs: goalsite läser resten av filen när det här är rättat"), "{sv}");
}

#[test]
fn typographic_quotes_inside_a_straight_text_are_fine() {
    let site = umea_with(|r| {
        edit(r, ASSESSMENTS, "motivation = { sv = \"Planberedskapen", "motivation = { sv = \"”Planberedskapen”");
        edit(r, ASSESSMENTS, "status = \"nej\"", "status = \"nej"); // something to fail on
    });
    let sv = check(site.path(), None);
    assert!(!sv.contains("typografiska"), "{sv}");
    assert!(sv.contains("texten saknar citattecknet"), "{sv}");
}

#[test]
fn a_chart_at_an_address_without_the_at_sign_gets_the_address_not_an_alt_text_hint() {
    let site = umea_with(|r| {
        append(r, CLIMATE, "\n![](klimatneutrala-umea-2040/indicators/territoriella-utslapp.toml)\n");
    });
    let sv = check(site.path(), None);
    assert!(sv.contains("_index.sv.md:31:1: diagrammet `klimatneutrala-umea-2040"), "{sv}");
    assert!(
        sv.contains(
            "tips: skriv ![](@/klimatneutrala-umea-2040/indicators/territoriella-utslapp.toml) och lämna hakparenteserna tomma"
        ),
        "{sv}"
    );
    assert!(!sv.contains("alternativtext"), "{sv}");
}

#[test]
fn text_copied_in_decomposed_form_makes_the_same_site_as_composed_text() {
    // Text copied from some PDFs, and macOS file names, write `å` as `a` and a
    // combining ring: it looks the same, but a chart's letters drawn one by
    // one, a search or a comparison of names would tell.
    use unicode_normalization::UnicodeNormalization;
    let decomposed = umea_with(|r| {
        let files = walkdir::WalkDir::new(r).into_iter().map(Result::unwrap).filter(|e| e.file_type().is_file());
        for file in files {
            let text = std::fs::read_to_string(file.path()).unwrap();
            std::fs::write(file.path(), text.nfd().collect::<String>()).unwrap();
        }
    });
    let composed = umea_with(|_| {});
    let settings = |dir: &tempfile::TempDir| std::fs::read(dir.path().join("site.toml")).unwrap();
    assert_ne!(settings(&decomposed), settings(&composed), "the copy is decomposed");
    let built = |dir: &tempfile::TempDir| {
        let out = dir.path().join("public");
        let (code, _, stderr) =
            run(&["build", "--root", dir.path().to_str().unwrap(), "--output", out.to_str().unwrap()]);
        assert_eq!(code, 0, "{stderr}");
        crate::common::tree(&out)
    };
    assert!(built(&decomposed) == built(&composed), "every page and file as from composed text");
}

#[test]
fn every_invisible_character_of_a_file_is_named_in_one_check() {
    let site = umea_with(|r| {
        edit(r, PROGRAMME, "Program tillväxt", "Program\u{200b} tillväxt");
        edit(r, PROGRAMME, "Growth programme", "Growth\u{7} pro\u{feff}gramme");
    });
    let sv = check(site.path(), None);
    let named: Vec<&str> = sv.lines().filter(|l| l.starts_with("fel: ")).collect();
    assert_eq!(named.len(), 3, "{sv}");
    for (line, code) in named.iter().zip(["U+200B", "U+0007", "U+FEFF"]) {
        assert!(line.starts_with("fel: content/tillvaxt/programme.toml:1:") && line.contains(code), "{sv}");
    }
}
