//! Open data: every real indicator in the catalogue with files that exist,
//! example data never catalogued, workbooks with the TOML's numbers, the
//! whole site's data in one zip with its Data Package, and the open data page.
//! (scripts/test also runs the catalogue through the DCAT-AP SHACL shapes
//! and the zip through frictionless.)

use std::io::Read;

use crate::common::{attrs, texts, Fixture};
use calamine::{Data, Reader, Xlsx};

/// The fixture with a second indicator that holds example data.
fn with_example_indicator() -> Fixture {
    let f = Fixture::new();
    f.write(
        "content/tillvaxt/indicators/exempel.toml",
        &crate::common::INDICATOR_TOML
            .replace("Utsläpp\"", "Exempel\"")
            .replace("utslapp", "exempel")
            .replace("emissions", "example")
            .replacen("unit =", "example_data = true\nunit =", 1),
    );
    f
}

const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
const DCAT: &str = "http://www.w3.org/ns/dcat#";
const DCT: &str = "http://purl.org/dc/terms/";

fn resource<'a>(node: roxmltree::Node<'a, '_>, ns: &str, name: &str) -> Vec<&'a str> {
    node.children()
        .filter(|c| c.tag_name().namespace() == Some(ns) && c.tag_name().name() == name)
        .filter_map(|c| c.attribute((RDF, "resource")))
        .collect()
}

#[test]
fn every_real_indicator_is_a_dataset_whose_files_exist_and_example_data_is_left_out() {
    let f = with_example_indicator();
    let (code, stdout, stderr) = f.build();
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("Left out of the open data (example data, not official figures): exempel"), "{stdout}");
    let rdf = f.read("catalog.rdf");
    let doc = roxmltree::Document::parse(&rdf).expect("the catalogue is XML");
    let datasets: Vec<_> = doc.descendants().filter(|n| n.has_tag_name((DCAT, "Dataset"))).collect();
    assert_eq!(datasets.len(), 1, "only the real indicator");
    let dataset = datasets[0];
    assert_eq!(dataset.attribute((RDF, "about")), Some("https://example.org/follow-up/sv/tillvaxt/utslapp/#dataset"));
    assert!(!rdf.contains("exempel"), "the example indicator is nowhere in the catalogue");
    let distributions = resource(dataset, DCAT, "distribution");
    assert_eq!(distributions.len(), 4, "CSV, JSON and a workbook per language");
    let mut formats = Vec::new();
    for iri in distributions {
        let d = doc
            .descendants()
            .find(|n| n.has_tag_name((DCAT, "Distribution")) && n.attribute((RDF, "about")) == Some(iri))
            .unwrap_or_else(|| panic!("{iri} is described"));
        let url = resource(d, DCAT, "accessURL")[0];
        let file = url.strip_prefix("https://example.org/follow-up/").expect("an address on the site");
        assert!(f.out().join(file).is_file(), "{url} exists in the output");
        formats.extend(resource(d, DCT, "format").iter().map(|f| f.rsplit('/').next().unwrap().to_owned()));
        assert_eq!(resource(d, DCT, "license"), ["http://creativecommons.org/licenses/by/4.0/"]);
    }
    formats.sort();
    assert_eq!(formats, ["CSV", "JSON", "XLSX", "XLSX"]);
    let catalog = doc.descendants().find(|n| n.has_tag_name((DCAT, "Catalog"))).unwrap();
    assert_eq!(
        resource(catalog, DCT, "license"),
        ["http://creativecommons.org/publicdomain/zero/1.0/"],
        "a catalogue is CC0"
    );
    assert!(rdf.contains("<vcard:hasEmail rdf:resource=\"mailto:data@example.org\"/>"));
    assert!(rdf.contains(">2019</dcat:startDate>") && rdf.contains(">2021</dcat:endDate>"), "the years covered");
}

#[test]
fn the_workbook_holds_the_toml_s_numbers_as_numbers_with_unit_and_source() {
    let f = Fixture::new();
    assert_eq!(f.build().0, 0);
    let mut book: Xlsx<_> = calamine::open_workbook(f.out().join("data/utslapp.sv.xlsx")).expect("the workbook opens");
    let sheet = book.worksheet_range("Data").expect("a sheet named Data");
    let rows: Vec<Vec<Data>> = sheet.rows().map(|r| r.to_vec()).collect();
    let text = |r: usize| rows[r].first().map(|c| c.to_string()).unwrap_or_default();
    assert_eq!(text(0), "Utsläpp");
    assert_eq!(text(1), "Enhet: kton CO2e");
    assert_eq!(text(2), "Källa: Testkälla");
    let header = rows.iter().position(|r| r.first() == Some(&Data::String("År".into()))).expect("a header row");
    assert_eq!(rows[header][1], Data::String("Kommunen".into()));
    let values: Vec<(Data, Data)> = rows[header + 1..header + 4].iter().map(|r| (r[0].clone(), r[1].clone())).collect();
    assert_eq!(
        values,
        [
            (Data::Float(2019.0), Data::Float(96.5)),
            (Data::Float(2020.0), Data::Empty),
            (Data::Float(2021.0), Data::Float(-1.25)),
        ]
    );
    assert!(
        rows.iter().any(|r| r.first() == Some(&Data::String("2020, Kommunen: Uppgift saknas".into()))),
        "the gap is said"
    );
    let en: Xlsx<_> = calamine::open_workbook(f.out().join("data/utslapp.en.xlsx")).unwrap();
    let mut en = en;
    assert_eq!(en.worksheet_range("Data").unwrap().get_value((0, 0)), Some(&Data::String("Emissions".into())));
}

#[test]
fn the_zip_holds_every_real_indicator_s_csv_and_a_data_package_that_describes_it() {
    let f = with_example_indicator();
    assert_eq!(f.build().0, 0);
    let bytes = std::fs::read(f.out().join("data/data.zip")).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    let names: Vec<String> = (0..zip.len()).map(|i| zip.by_index(i).unwrap().name().unwrap().into_owned()).collect();
    assert_eq!(names, ["datapackage.json", "utslapp.csv"]);
    let mut package = String::new();
    zip.by_name("datapackage.json").unwrap().read_to_string(&mut package).unwrap();
    let package: serde_json::Value = serde_json::from_str(&package).unwrap();
    assert_eq!(package["licenses"][0]["name"], "CC-BY-4.0");
    let resource = &package["resources"][0];
    assert_eq!(resource["path"], "utslapp.csv");
    let mut csv = String::new();
    zip.by_name("utslapp.csv").unwrap().read_to_string(&mut csv).unwrap();
    assert_eq!(csv, f.read("data/utslapp.csv"), "the same file as the site's");
    let header: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().next().unwrap().split(',').collect();
    let fields: Vec<&str> =
        resource["schema"]["fields"].as_array().unwrap().iter().map(|f| f["name"].as_str().unwrap()).collect();
    assert_eq!(fields, header, "the schema names the CSV's columns in order");
    assert_eq!(resource["schema"]["fields"][2]["type"], "number");
    assert_eq!(resource["schema"]["fields"][2]["unit"], "kton CO2e");
}

#[test]
fn the_open_data_page_lists_every_indicator_s_files_and_sets_example_data_apart() {
    let f = with_example_indicator();
    assert_eq!(f.build().0, 0);
    let sv = f.read("sv/oppna-data/index.html");
    assert_eq!(texts(&sv, "#gs-datasets + .datasets .dataset__title"), ["Utsläpp"]);
    assert_eq!(
        texts(&sv, "#gs-examples + .example-data + .datasets .dataset__title"),
        ["Exempel"],
        "the example, apart"
    );
    let files = attrs(&sv, ".dataset__files a", "href");
    assert!(files.contains(&"/follow-up/data/utslapp.sv.xlsx".to_owned()), "{files:?}");
    assert!(files.contains(&"/follow-up/data/utslapp.csv".to_owned()));
    assert_eq!(attrs(&sv, "a[href$='data.zip']", "href"), ["/follow-up/data/data.zip"]);
    assert_eq!(attrs(&sv, "a[href$='catalog.rdf']", "href"), ["/follow-up/catalog.rdf"]);
    assert!(attrs(&f.read("en/about/index.html"), ".site-footer a", "href")
        .contains(&"/follow-up/en/open-data/".to_owned()));
    assert!(f
        .read("sv/tillvaxt/utslapp/index.html")
        .contains("/follow-up/data/utslapp.sv.xlsx\" download>Ladda ner data (Excel)"));
}

#[test]
fn without_open_data_settings_there_is_no_catalogue_and_check_says_so() {
    let f = Fixture::new();
    let site = f.read_source("site.toml");
    f.write("site.toml", &site[..site.find("[open_data]").unwrap()]);
    let (code, _, stderr) = f.check(&[]);
    assert_eq!(code, 0);
    assert!(
        stderr.contains(
            "warning: site.toml: the site has no [open_data], so it publishes no data catalogue for dataportal.se"
        ),
        "the warning is about the whole file, not its first line: {stderr}"
    );
    assert_eq!(f.build().0, 0);
    assert!(!f.out().join("catalog.rdf").exists());
    assert!(f.out().join("data/data.zip").exists(), "the data is still offered");
}

#[test]
fn category_names_stay_text_in_the_workbook() {
    let f = Fixture::new();
    f.write(
        "content/tillvaxt/indicators/koder.toml",
        "title = { sv = \"Koder\", en = \"Codes\" }\nsource = \"Testkälla\"\nunit = \"procent\"\nyear = 2023\n\n\
         [[category]]\nname = \"0180\"\nvalue = 1.5\n\n[[category]]\nname = \"NaN\"\nvalue = 2\n",
    );
    let (code, _, stderr) = f.build();
    assert_eq!(code, 0, "{stderr}");
    let mut book: Xlsx<_> = calamine::open_workbook(f.out().join("data/koder.sv.xlsx")).expect("the workbook opens");
    let rows: Vec<Vec<Data>> = book.worksheet_range("Data").unwrap().rows().map(|r| r.to_vec()).collect();
    let row = |name: &str| rows.iter().find(|r| r.first() == Some(&Data::String(name.into()))).cloned();
    assert_eq!(row("0180").map(|r| r[1].clone()), Some(Data::Float(1.5)), "{rows:?}");
    assert_eq!(row("NaN").map(|r| r[1].clone()), Some(Data::Float(2.0)), "{rows:?}");
}

#[test]
fn a_site_with_only_example_data_has_no_catalogue_and_the_build_says_why() {
    let f = Fixture::new();
    f.edit("content/tillvaxt/indicators/utslapp.toml", "unit =", "example_data = true\nunit =");
    let (code, stdout, stderr) = f.build();
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout
            .contains("Wrote no data catalogue: no indicator has official figures yet (example data is not open data)"),
        "{stdout}"
    );
    assert!(!f.out().join("catalog.rdf").exists() && !f.out().join("data/data.zip").exists());
    let (_, stdout, _) = with_example_indicator().build();
    assert!(stdout.contains("Wrote the data catalogue for dataportal.se: catalog.rdf"), "{stdout}");
    assert!(!stdout.contains("Wrote no data catalogue"), "{stdout}");
}

#[test]
fn a_licence_or_theme_outside_the_vocabularies_is_an_error_at_its_place() {
    let f = Fixture::new();
    f.edit("site.toml", "licence = \"CC-BY-4.0\"", "licence = \"MIT\"");
    f.edit("site.toml", "themes = [\"GOVE\"]", "themes = [\"GOV\"]");
    let (code, _, stderr) = f.check(&[]);
    assert_eq!(code, 1);
    assert!(stderr.contains("`MIT` is not a licence goalsite can publish data under"), "{stderr}");
    assert!(stderr.contains("`GOV` is not a data theme the EU's vocabulary has"), "{stderr}");
    assert!(stderr.contains("did you mean GOVE?"), "{stderr}");
}

#[test]
fn an_organisation_number_is_ten_digits_with_a_dash_after_the_sixth_if_any() {
    let f = Fixture::new();
    f.edit("site.toml", "licence = \"CC-BY-4.0\"", "licence = \"CC-BY-4.0\"\norganisation_number = \"2120002627\"");
    assert_eq!(f.build().0, 0);
    assert!(f.read("catalog.rdf").contains("http://dataportal.se/organisation/SE2120002627"));
    for bad in ["21-20002627", "212000-26-27", "212000-262", "212000-262A"] {
        f.edit("site.toml", "organisation_number = \"2120002627\"", &format!("organisation_number = \"{bad}\""));
        let (code, _, stderr) = f.check(&[]);
        assert_eq!(code, 1, "{bad}");
        assert!(stderr.contains(&format!("`{bad}` is not an organisation number")), "{stderr}");
        f.edit("site.toml", &format!("organisation_number = \"{bad}\""), "organisation_number = \"2120002627\"");
    }
    f.edit("site.toml", "organisation_number = \"2120002627\"", "organisation_number = \"212000-2627\"");
    assert_eq!(f.check(&[]).0, 0, "the dash after the sixth digit is fine");
}
