//! The starter site's texts in the languages goalsite has UI strings for
//! (Swedish and English); other languages start from the English texts, to
//! be translated.

/// Every text of the starter site in one language.
pub struct Words {
    pub title: &'static str,
    pub description: &'static str,
    /// Labels and descriptions of the three steps of the scale.
    pub scale: [(&'static str, &'static str); 3],
    pub home_title: &'static str,
    pub home_text: &'static str,
    pub programme_title: &'static str,
    pub programme_menu: &'static str,
    pub programme_slug: &'static str,
    pub programme_summary: &'static str,
    pub programme_text: &'static str,
    pub goal_title: &'static str,
    pub goal_slug: &'static str,
    pub goal_target: &'static str,
    pub motivation: &'static str,
    pub indicator_title: &'static str,
    pub indicator_slug: &'static str,
    pub unit: &'static str,
    pub source: &'static str,
    pub definition: &'static str,
    pub series: &'static str,
    pub statement_slug: &'static str,
    pub contact: &'static str,
    pub shortcoming: &'static str,
    pub method: &'static str,
    pub supervisor: &'static str,
    pub logo_alt: &'static str,
    /// The comments of `site.toml`, in the order the file needs them.
    pub comments: Comments,
}

/// What `site.toml`'s comments say, in one language.
pub struct Comments {
    pub head: &'static str,
    pub base_url: &'static str,
    pub report_year: &'static str,
    pub languages: &'static str,
    pub title: &'static str,
    pub scale: &'static str,
    pub downloads: &'static str,
    pub search: &'static str,
    pub branding: &'static str,
    pub footer: &'static str,
    pub accessibility: &'static str,
    pub open_data: &'static str,
}

/// The starter texts in `lang`: Swedish or English, English otherwise.
pub fn words(lang: &str) -> &'static Words {
    match lang {
        "sv" => &SV,
        _ => &EN,
    }
}

/// Whether goalsite has starter texts (and UI strings) for `lang`.
pub fn has_words(lang: &str) -> bool {
    matches!(lang, "sv" | "en")
}

static SV: Words = Words {
    title: "Uppföljning av mål {report_year}",
    description: "Kommunens årliga uppföljning av sina långsiktiga mål.",
    scale: [
        ("Ja", "Kommunen gör tillräckligt inom området."),
        ("Delvis", "Mer arbete krävs inom området."),
        ("Nej", "Kommunen behöver göra mycket mer inom området."),
    ],
    home_title: "Uppföljning av mål {report_year}",
    home_text: "Här kan du läsa hur det har gått för kommunens mål under {report_year}.\n\n## Så görs bedömningen\n\nVarje delmål får en av tre bedömningar: **Ja**, **Delvis** eller **Nej**.\n\nLäs mer i [exempelprogrammet](@/exempel/_index.md).\n",
    programme_title: "Exempelprogram",
    programme_menu: "Exempel",
    programme_slug: "exempelprogram",
    programme_summary: "Ett exempel att ersätta med kommunens eget program.",
    programme_text: "## Årets utveckling\n\nSkriv här hur arbetet inom programmet har gått under {report_year}. Diagrammet nedan visar exempeldata.\n\n![](@/exempel/indicators/exempelindikator.toml)\n\n## Fördjupad läsning\n\nLänka till kommunens egna sidor om programmet.\n",
    goal_title: "Exempeldelmål",
    goal_slug: "exempeldelmal",
    goal_target: "Ett mål att ersätta med kommunens eget.",
    motivation: "En motivering att ersätta med kommunens egen.",
    indicator_title: "Exempelindikator",
    indicator_slug: "exempelindikator",
    unit: "procent",
    source: "Exempeldata, inga officiella uppgifter",
    definition: "Ett exempel att ersätta med en riktig indikator och dess källa.",
    series: "Kommunen",
    statement_slug: "tillganglighet",
    contact: "Om du behöver innehållet i en annan form, eller hittar brister, kontakta oss.",
    shortcoming: "Webbplatsen har ännu inte granskats manuellt av en tillgänglighetsexpert.",
    method: "Vi har gjort en egen bedömning med automatiska tester (Nu HTML Checker och axe-core).",
    supervisor: "Myndigheten för digital förvaltning (Digg)",
    logo_alt: "Kommunens logotyp",
    comments: Comments {
        head: "Webbplatsens inställningar. Varje fält förklaras ovanför sig.\nKontrollera med `goalsite check`, förhandsgranska med `goalsite serve`.",
        base_url: "Webbplatsens publika adress, med / på slutet. Länkar och filer får den\nsom början (t.ex. en undermapp som /uppfoljning/).",
        report_year: "Året som uppföljningen gäller: överblicken visar årets bedömningar\n(content/<program>/assessments/<år>.toml). Skriv {report_year} i texter.",
        languages: "Webbplatsens språk, standardspråket först. Varje text skrivs på alla\nspråk: { sv = \"…\", en = \"…\" }.",
        title: "Webbplatsens namn och beskrivning (för sökmotorer), per språk.",
        scale: "Bedömningsskalan, från bäst till sämst. kind styr färg och ikon:\nmet, partly, not-met eller not-assessed.",
        downloads: "Varje diagram kan laddas ner som SVG; med png = true även som PNG-bild\n(tar längre tid att bygga).",
        search: "En söksida per språk och ett sökfält på varje sida (Pagefind). Sökningen\nkör WebAssembly i webbläsaren: webbservern måste tillåta det i sin\nContent-Security-Policy (script-src 'self' 'wasm-unsafe-eval'). Utan\nJavaScript leder sökfältet till en lista över alla sidor.",
        branding: "Kommunens logotyp (en SVG-fil i webbplatsens mapp) med text per språk,\noch accentfärgen för länkar (kontrolleras: minst 4,5:1 mot vit bakgrund).\nTa bort #-tecknen för att använda dem.",
        footer: "Sidfoten: organisationen och hur man når den.",
        accessibility: "Tillgänglighetsredogörelsen, som lagen kräver: en egen sida som länkas\nfrån sidfoten på varje sida. status: full, partial eller none.",
        open_data: "Öppna data: licensen för datafilerna (CC0-1.0 eller CC-BY-4.0), vart man\nvänder sig med frågor, EU:s datateman (GOVE, ENVI, SOCI, ECON …) och dagen\nsiffrorna publicerades. Ger datakatalogen catalog.rdf för dataportal.se.\nIndikatorer med exempeldata kommer aldrig med i katalogen.",
    },
};

static EN: Words = Words {
    title: "Follow-up of goals {report_year}",
    description: "The municipality's annual follow-up of its long-term goals.",
    scale: [
        ("Yes", "The municipality is doing enough in this area."),
        ("Partly", "More work is needed in this area."),
        ("No", "The municipality needs to do much more in this area."),
    ],
    home_title: "Follow-up of goals {report_year}",
    home_text: "Here you can read how the municipality's goals developed in {report_year}.\n\n## How the assessment works\n\nEach sub-goal gets one of three assessments: **Yes**, **Partly** or **No**.\n\nRead more in the [example programme](@/exempel/_index.md).\n",
    programme_title: "Example programme",
    programme_menu: "Example",
    programme_slug: "example-programme",
    programme_summary: "An example to replace with the municipality's own programme.",
    programme_text: "## This year's developments\n\nWrite here how the work in the programme went in {report_year}. The chart below shows example data.\n\n![](@/exempel/indicators/exempelindikator.toml)\n\n## Further reading\n\nLink to the municipality's own pages about the programme.\n",
    goal_title: "Example sub-goal",
    goal_slug: "example-sub-goal",
    goal_target: "A target to replace with the municipality's own.",
    motivation: "A motivation to replace with the municipality's own.",
    indicator_title: "Example indicator",
    indicator_slug: "example-indicator",
    unit: "per cent",
    source: "Example data, not official figures",
    definition: "An example to replace with a real indicator and its source.",
    series: "The municipality",
    statement_slug: "accessibility",
    contact: "If you need the content in another form, or find problems, contact us.",
    shortcoming: "The website has not yet been reviewed manually by an accessibility expert.",
    method: "We made our own assessment with automated tests (Nu HTML Checker and axe-core).",
    supervisor: "Agency for Digital Government (Digg)",
    logo_alt: "The municipality's logo",
    comments: Comments {
        head: "The site's settings. Every field is explained above it.\nCheck with `goalsite check`, preview with `goalsite serve`.",
        base_url: "The site's public address, ending in /. Links and files start with it\n(e.g. a sub-folder like /follow-up/).",
        report_year: "The year the follow-up is about: the overview shows its assessments\n(content/<programme>/assessments/<year>.toml). Write {report_year} in texts.",
        languages: "The site's languages, the default first. Every text is written in every\nlanguage: { en = \"…\", sv = \"…\" }.",
        title: "The site's name and description (for search engines), per language.",
        scale: "The assessment scale, from best to worst. kind sets colour and icon:\nmet, partly, not-met or not-assessed.",
        downloads: "Every chart can be downloaded as SVG; with png = true as a PNG picture\ntoo (slower to build).",
        search: "A search page per language and a search field on every page (Pagefind).\nSearch runs WebAssembly in the browser: the web server's\nContent-Security-Policy must allow it (script-src 'self' 'wasm-unsafe-eval').\nWithout JavaScript the field leads to a list of every page.",
        branding: "The organisation's logo (an SVG file in the site's folder) with its text\nper language, and the accent colour of links (checked: at least 4.5:1\nagainst the white background). Remove the # signs to use them.",
        footer: "The footer: the organisation and how to reach it.",
        accessibility: "The accessibility statement the law requires: a page of its own, linked\nfrom every page's footer. status: full, partial or none.",
        open_data: "Open data: the data files' licence (CC0-1.0 or CC-BY-4.0), where to ask,\nthe EU data themes (GOVE, ENVI, SOCI, ECON …) and the day the figures were\npublished. Gives the data catalogue catalog.rdf for dataportal.se.\nIndicators with example data are never catalogued.",
    },
};
