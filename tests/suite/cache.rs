//! The build cache: a build after a change gives the same output, byte for
//! byte, as a build without a cache (after an edit, a deleted file, a changed
//! setting, another goalsite, a new edition and a correction to an archived
//! one, and with texts known unchanged that are not read again), renders
//! only the pages an edit touched, and does not use a cache that is damaged
//! or another goalsite's.

use std::fs;
use std::path::{Path, PathBuf};

use goalsite::{build, BuildOptions, BuildReport};

use crate::common::{self, tree, Fixture};

/// The fixture with search, PNG pictures and a second free page.
fn site() -> Fixture {
    let f = Fixture::new();
    f.edit("site.toml", "[footer]", "[search]\nenabled = true\n\n[downloads]\npng = true\n\n[footer]");
    f.write("content/extra.sv.md", "+++\ntitle = \"Extra\"\n+++\n## Mer\n\nMer text om bostäder.\n");
    f.write("content/extra.en.md", "+++\ntitle = \"Extra\"\n+++\n## More\n\nMore text about housing.\n");
    f
}

fn built(root: &Path) -> BuildReport {
    let options = BuildOptions { root: root.to_path_buf(), output: None, base_url: None };
    build(&options).unwrap_or_else(|e| panic!("the build failed: {e}"))
}

/// The site's sources copied into a new folder, without its cache or output.
fn sources(from: &Path) -> tempfile::TempDir {
    let to = tempfile::tempdir().unwrap();
    for entry in walkdir::WalkDir::new(from).into_iter().filter_map(Result::ok) {
        let rel = entry.path().strip_prefix(from).unwrap();
        let first = rel.components().next().map(|c| c.as_os_str().to_string_lossy().into_owned());
        if matches!(first.as_deref(), Some("public" | ".goalsite-cache")) {
            continue;
        }
        let target = to.path().join(rel);
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target).unwrap();
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
    to
}

/// The output of a build of the same sources without any cache.
fn cold(root: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let copy = sources(root);
    built(copy.path());
    tree(&copy.path().join("public"))
}

fn assert_same(f: &Fixture, what: &str) {
    let (cached, cold) = (tree(&f.out()), cold(f.root()));
    let names = |t: &[(PathBuf, Vec<u8>)]| t.iter().map(|(p, _)| p.clone()).collect::<Vec<_>>();
    assert_eq!(names(&cached), names(&cold), "{what}: the same files");
    for ((path, a), (_, b)) in cached.iter().zip(&cold) {
        assert!(a == b, "{what}: {} differs from a build without a cache", path.display());
    }
}

#[test]
fn after_an_edit_only_its_pages_are_rendered_and_the_output_is_a_cold_builds() {
    let f = site();
    let first = built(f.root());
    assert_eq!(first.made, first.pages, "the first build renders every page");
    assert!(f.root().join(".goalsite-cache").is_dir());
    f.edit("content/extra.sv.md", "Mer text om bostäder.", "Mer text om bostäder och skolor.");
    let second = built(f.root());
    assert!(second.made < first.pages / 2, "{} of {} pages rendered again", second.made, first.pages);
    assert!(f.read("sv/extra/index.html").contains("bostäder och skolor"));
    assert_same(&f, "after an edit");
    let unchanged = built(f.root());
    assert_eq!(unchanged.made, 0, "nothing changed, nothing rendered");
    assert_same(&f, "after no change");
}

#[test]
fn a_searched_page_removed_from_the_output_is_made_again() {
    // Searched pages the last build made are indexed from the output: one
    // that a deploy tool (or a person) removed there is rendered again.
    let f = site();
    built(f.root());
    fs::remove_dir_all(f.out().join("en/extra")).unwrap();
    f.edit("content/om.sv.md", "Text[^1].", "Mer text[^1].");
    built(f.root());
    assert!(f.out().join("en/extra/index.html").is_file());
    assert_same(&f, "after a page was removed from the output");
}

/// Pages rendered again (of those whose key the cache keeps), and data files
/// changed, between two output trees.
fn changed(before: &[(PathBuf, Vec<u8>)], after: &[(PathBuf, Vec<u8>)]) -> Vec<String> {
    let old: std::collections::HashMap<&PathBuf, &Vec<u8>> = before.iter().map(|(p, b)| (p, b)).collect();
    let mut changed: Vec<String> =
        after.iter().filter(|(p, b)| old.get(p) != Some(&b)).map(|(p, _)| p.to_string_lossy().into_owned()).collect();
    changed.sort();
    changed
}

#[test]
fn a_changed_figure_renders_the_pages_that_show_it_and_makes_its_files_again() {
    let f = site();
    // A second programme with an indicator of its own, and a free page that
    // places the first programme's chart.
    f.write(
        "content/klimat/programme.toml",
        "title = { sv = \"Klimat\", en = \"Climate\" }\nslug = { sv = \"klimat\", en = \"climate\" }\n",
    );
    f.write("content/klimat/_index.sv.md", "## Läget\n\nText.\n");
    f.write("content/klimat/_index.en.md", "## Status\n\nText.\n");
    f.write(
        "content/klimat/indicators/el.toml",
        &common::INDICATOR_TOML.replace("Utsläpp", "El").replace("utslapp", "el"),
    );
    f.edit(
        "content/extra.sv.md",
        "Mer text om bostäder.",
        "Mer text om bostäder.\n\n![](@/tillvaxt/indicators/utslapp.toml)",
    );
    f.edit(
        "content/extra.en.md",
        "More text about housing.",
        "More text about housing.\n\n![](@/tillvaxt/indicators/utslapp.toml)",
    );
    let first = built(f.root());
    let before = tree(&f.out());
    f.edit("content/tillvaxt/indicators/utslapp.toml", "values = [96.5,", "values = [97.5,");
    let second = built(f.root());
    let after = tree(&f.out());
    // In each language: its indicator, goal and programme pages, the page
    // that places its chart, and those made from everything (home, full
    // report, open data); not the other programme's pages, the other free
    // page, the search page or the accessibility statement.
    assert_eq!(second.made, 2 * 7, "pages rendered again, of {}", first.pages);
    let pages: Vec<String> = changed(&before, &after).into_iter().filter(|p| p.ends_with("index.html")).collect();
    for shows in ["sv/tillvaxt/utslapp/", "en/growth/emissions/", "sv/tillvaxt/bostader/", "sv/tillvaxt/", "sv/extra/"]
    {
        assert!(pages.iter().any(|p| p == &format!("{shows}index.html")), "{shows} shows the new figure: {pages:?}");
    }
    let files = changed(&before, &after);
    for file in ["data/utslapp.csv", "data/utslapp.sv.png", "data/utslapp.en.xlsx", "data/data.zip"] {
        assert!(files.iter().any(|p| p == file), "{file} is made again: {files:?}");
    }
    assert!(!files.iter().any(|p| p.starts_with("data/el.")), "the other indicator's files stay: {files:?}");
    assert_same(&f, "after a changed figure");
    // A changed assessment: the programme's pages, not the other's nor the free pages.
    f.edit("content/tillvaxt/assessments/2024.toml", "Bättre än i fjol.", "Mycket bättre än i fjol.");
    let third = built(f.root());
    let pages = changed(&after, &tree(&f.out()));
    assert!(pages.iter().any(|p| p == "sv/tillvaxt/bostader/index.html"), "{pages:?}");
    assert!(!pages.iter().any(|p| p.starts_with("data/")), "no data file changes: {pages:?}");
    // Its programme's pages (programme, goal, indicator) and home, report, open data.
    assert_eq!(third.made, 2 * 6, "pages rendered again, of {}", first.pages);
    assert_same(&f, "after a changed assessment");
    // Every indicator made example data: the site's zip and catalogue go.
    for file in ["content/tillvaxt/indicators/utslapp.toml", "content/klimat/indicators/el.toml"] {
        f.edit(file, "unit = ", "example_data = true\nunit = ");
    }
    built(f.root());
    assert!(!f.out().join("data/data.zip").exists() && !f.out().join("catalog.rdf").exists());
    assert_same(&f, "after every figure became example data");
}

#[test]
fn a_deleted_file_a_changed_setting_and_a_new_text_give_a_cold_builds_output() {
    let f = site();
    built(f.root());
    f.remove("content/extra.sv.md");
    f.remove("content/extra.en.md");
    built(f.root());
    assert!(!f.out().join("sv/extra").exists());
    assert_same(&f, "after a deleted file");
    f.edit("site.toml", "sv = \"Testkommunens uppföljning\"", "sv = \"Testkommunens nya uppföljning\"");
    built(f.root());
    assert_same(&f, "after a changed setting");
    f.write("content/ny.sv.md", "+++\ntitle = \"Ny\"\n+++\nNy sida.\n");
    f.write("content/ny.en.md", "+++\ntitle = \"New\"\n+++\nNew page.\n");
    built(f.root());
    assert_same(&f, "after a new page");
}

#[test]
fn texts_known_unchanged_are_not_read_again_and_every_change_to_them_is_seen() {
    let f = site();
    // A file last written more than two seconds before a build is known to
    // the next one by its stamp (size, times, identity), and not read again.
    std::thread::sleep(std::time::Duration::from_millis(2100));
    let first = built(f.root());
    // An edit that keeps the file's length, with its time of writing set back:
    // its time of change still tells.
    let file = f.root().join("content/extra.sv.md");
    let (len, written) = (fs::metadata(&file).unwrap().len(), fs::metadata(&file).unwrap().modified().unwrap());
    f.edit("content/extra.sv.md", "bostäder", "förskola");
    fs::File::options().write(true).open(&file).unwrap().set_modified(written).unwrap();
    assert_eq!(fs::metadata(&file).unwrap().len(), len, "the same length");
    built(f.root());
    assert!(f.read("sv/extra/index.html").contains("förskola"));
    assert_same(&f, "after an edit that kept the file's length and time");
    // Every page is made again, its text read from the files known unchanged.
    f.edit("site.toml", "sv = \"Testkommunens uppföljning\"", "sv = \"Testkommunens nya uppföljning\"");
    assert_eq!(built(f.root()).made, first.pages);
    assert_same(&f, "after a changed setting, with the texts known");
    f.edit("content/tillvaxt/programme.toml", "Kort om tillväxt.", "Kort om tillväxten.");
    built(f.root());
    assert!(f.read("sv/tillvaxt/index.html").contains("Kort om tillväxten."));
    assert_same(&f, "after a changed programme file");
    // A text renamed: another file.
    fs::rename(f.root().join("content/extra.en.md"), f.root().join("content/mer.en.md")).unwrap();
    fs::rename(f.root().join("content/extra.sv.md"), f.root().join("content/mer.sv.md")).unwrap();
    built(f.root());
    assert!(f.out().join("sv/mer/index.html").is_file() && !f.out().join("sv/extra").exists());
    assert_same(&f, "after a renamed text");
    // A file whose stamp is the known one, but whose body is not what was
    // known (as a file system with old stamps would have it): the build
    // stops, publishes nothing, and the next one reads every file again.
    std::thread::sleep(std::time::Duration::from_millis(2100));
    built(f.root());
    goalsite::harness::cache_misremembering(f.root(), "content/mer.sv.md").unwrap();
    let before = tree(&f.out());
    let (code, _, err) = f.build();
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("mer.sv.md") && err.contains("changed while the site was being built"), "{err}");
    assert!(tree(&f.out()) == before, "nothing was published");
    built(f.root());
    assert_same(&f, "after a file that was not what was known");
}

#[test]
fn another_goalsites_or_a_damaged_cache_is_not_used() {
    let f = site();
    let first = built(f.root());
    f.edit("content/om.sv.md", "Text[^1].", "Ny text[^1].");
    goalsite::harness::cache_from_another_goalsite(f.root(), "0.0.1+another").unwrap();
    let after = built(f.root());
    assert_eq!(after.made, first.pages, "another goalsite's cache is not used");
    assert_same(&f, "after a goalsite version change");
    let file = f.root().join(".goalsite-cache/build");
    let mut bytes = fs::read(&file).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x20;
    fs::write(&file, &bytes).unwrap();
    f.edit("content/om.sv.md", "Ny text[^1].", "Nyare text[^1].");
    assert_eq!(built(f.root()).made, first.pages, "a damaged cache is not used");
    assert_same(&f, "after a damaged cache");
    // An output that is not the one the cache describes.
    fs::remove_dir_all(f.out()).unwrap();
    fs::create_dir_all(f.out()).unwrap();
    fs::write(f.out().join(".goalsite-output"), "x").unwrap();
    assert_eq!(built(f.root()).made, first.pages, "another output folder is built whole");
    assert_same(&f, "into another folder");
}

#[test]
fn problems_are_found_again_and_a_failed_build_changes_nothing() {
    let f = site();
    f.edit("content/extra.sv.md", "## Mer", "## Mer\n\nSe [saknas](@/om.md#finns-inte).");
    let (code, _, err) = f.build();
    assert_eq!(code, 1, "a broken anchor is an error: {err}");
    f.edit("content/extra.sv.md", "(@/om.md#finns-inte)", "(@/om.md#bakgrund)");
    built(f.root());
    let before = tree(&f.out());
    // An edit that breaks a link to another page's anchor fails the build, and leaves the output.
    f.edit("content/om.sv.md", "## Bakgrund", "## Historia");
    let (code, _, err) = f.build();
    assert_eq!(code, 1, "the link to #bakgrund from the unchanged page is checked again: {err}");
    assert!(err.contains("extra.sv.md"), "{err}");
    assert!(tree(&f.out()) == before, "a failed build changes nothing");
    f.edit("content/om.sv.md", "## Historia", "## Bakgrund");
    built(f.root());
    assert_same(&f, "after a failed build");
}

#[test]
fn a_new_edition_and_a_correction_to_an_archived_one_give_a_cold_builds_output() {
    let f = site();
    let first = built(f.root());
    let root = f.root().to_str().unwrap();
    let (code, stdout, stderr) = common::run(&["new-year", "2025", "--published", "2025-04-15", "--root", root]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(f.root().join("editions/2024").is_dir());
    let assessments = f.read_source("content/tillvaxt/assessments/2025.toml");
    f.write("content/tillvaxt/assessments/2025.toml", &assessments.replace("status = \"\"", "status = \"ja\""));
    let rolled = built(f.root());
    assert!(f.out().join("2024/sv/index.html").is_file(), "the archived edition is published");
    assert!(rolled.pages > first.pages, "both editions' pages");
    assert_same(&f, "after new-year");
    // A text of the current edition: only its pages are rendered again, in neither edition's others.
    f.edit("content/extra.sv.md", "Mer text om bostäder.", "Mer text om bostäder 2025.");
    let edited = built(f.root());
    assert!(edited.made < rolled.pages / 4, "{} of {} pages rendered again", edited.made, rolled.pages);
    assert_same(&f, "after an edit beside an archived edition");
    // An archived text changed, recorded as a correction: every page of the edition shows the note.
    f.edit("editions/2024/content/om.sv.md", "Text[^1].", "Rättad text[^1].");
    f.write(
        "editions/2024/corrections.toml",
        "[[correction]]\nfile = \"content/om.sv.md\"\ndate = 2025-05-02\nnote = { sv = \"Ett fel.\", en = \"A mistake.\" }\n",
    );
    let (code, stdout, stderr) = common::run(&["correct", "2024", "--root", root]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    built(f.root());
    assert!(f.read("2024/en/index.html").contains("A mistake."), "the correction is shown");
    assert_same(&f, "after a correction to an archived edition");
    // Only the note of the correction changed.
    f.edit("editions/2024/corrections.toml", "A mistake.", "A wrong word.");
    let (code, stdout, stderr) = common::run(&["correct", "2024", "--root", root]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    built(f.root());
    assert!(f.read("2024/en/index.html").contains("A wrong word."), "the new note is shown");
    assert_same(&f, "after a changed correction note");
}
