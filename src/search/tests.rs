//! The search bundle: its files, its parts, and parts made again only
//! where their pages changed (or their files are gone from the output).

use super::*;

fn page(path: &str, lang: &str, body: &str) -> Record {
    let html = format!(
        "<!DOCTYPE html><html lang=\"{lang}\"><head><title>t</title></head><body>\
         <header data-pagefind-ignore>Meny</header><main data-pagefind-body><h1>{body}</h1><p>{body}</p></main></body></html>"
    );
    let page = path.replace("en/", "sv/");
    Record { path: path.into(), page, html: Some(html), key: Some(fingerprint(body.as_bytes())) }
}

fn langs() -> Vec<Lang> {
    vec![Lang::known("sv"), Lang::known("en")]
}

fn unread(path: &str) -> std::io::Result<Vec<u8>> {
    Err(std::io::Error::other(format!("{path} is read")))
}

fn files(pages: Vec<Record>) -> Vec<Artifact> {
    bundle(pages, &langs(), &[], &unread).unwrap().files
}

#[test]
fn the_bundle_has_an_index_per_language_and_only_the_files_the_site_uses() {
    let pages = vec![page("sv/bostader/", "sv", "Bostäder åt alla"), page("en/housing/", "en", "Housing for all")];
    let files = files(pages);
    let names: Vec<&str> = files.iter().map(|a| a.path.strip_prefix(BUNDLE_DIR).unwrap()).collect();
    for expected in ["pagefind.js", "pagefind-worker.js", "pagefind-entry.json", "wasm.sv.pagefind", "wasm.en.pagefind"]
    {
        assert!(names.contains(&expected), "{expected} missing from {names:?}");
    }
    assert_eq!(names.iter().filter(|n| n.starts_with("fragment/")).count(), 2);
    assert_eq!(names.iter().filter(|n| n.ends_with(".pf_meta")).count(), 2, "one index per language");
    for unused in ["pagefind-ui.js", "pagefind-component-ui.js", "pagefind-highlight.js", "wasm.unknown.pagefind"] {
        assert!(!names.contains(&unused), "{unused} is written");
    }
    assert!(!names.iter().any(|n| n.starts_with("part")), "a small site's index is in one part");
    let entry = &files.iter().find(|a| a.path == "pagefind/pagefind-entry.json").unwrap().bytes;
    let entry: serde_json::Value = serde_json::from_slice(entry).unwrap();
    assert_eq!(entry["languages"]["sv"]["page_count"], 1);
    assert_eq!(entry["languages"]["en"]["wasm"], "en");
}

#[test]
fn the_same_pages_in_another_order_give_the_same_bundle() {
    let pages = || vec![page("sv/a/", "sv", "Skolor"), page("sv/b/", "sv", "Bostäder"), page("sv/c/", "sv", "Bygg")];
    let mut reversed = pages();
    reversed.reverse();
    assert_eq!(files(pages()), files(reversed));
}

#[test]
fn a_language_without_stemming_gets_the_generic_webassembly() {
    let files = bundle(vec![page("xx/a/", "xx", "Text")], &[Lang::known("xx")], &[], &unread).unwrap().files;
    assert!(files.iter().any(|a| a.path == "pagefind/wasm.unknown.pagefind"));
}

#[test]
fn a_site_is_split_into_parts_of_about_the_same_size_by_its_paths() {
    assert_eq!(Parts::for_records(0).count(), 1);
    assert_eq!(Parts::for_records(PART_RECORDS).count(), 1);
    assert_eq!(Parts::for_records(PART_RECORDS + 1).count(), 2);
    let parts = Parts::for_records(7 * PART_RECORDS);
    let mut sizes = vec![0; parts.count()];
    for i in 0..7 * PART_RECORDS {
        sizes[parts.of(&format!("sv/sida-{i}/"))] += 1;
    }
    assert!(sizes.iter().all(|&n| n > PART_RECORDS * 9 / 10 && n < PART_RECORDS * 11 / 10), "{sizes:?}");
    assert_eq!(parts.of("sv/a/"), parts.of("sv/a/"), "a page stays in its part");
}

#[test]
fn a_bundle_file_tells_its_part() {
    assert_eq!(Parts::of_file("pagefind/pagefind.js"), Some(0));
    assert_eq!(Parts::of_file("pagefind/index/en_1.pf_index"), Some(0));
    assert_eq!(Parts::of_file("pagefind/part3/index/en_1.pf_index"), Some(3));
    assert_eq!(Parts::of_file("pagefind/part0/x"), None);
    assert_eq!(Parts::of_file("pagefind/part03/x"), None);
    assert_eq!(Parts::of_file("sv/index.html"), None);
    assert_eq!(Parts::dir(3), "pagefind/part3/");
    // A file of a part made again, an index file of a part whose index
    // files were written, or a file of a part no longer there is replaced.
    let bundle = Bundle {
        files: Vec::new(),
        keys: vec![None; 3],
        made: vec![false, true, false],
        written: vec![true, true, false],
    };
    let replaced = bundle.replaces();
    assert!(replaced("pagefind/part1/fragment/sv_1.pf_fragment"));
    assert!(replaced("pagefind/index/sv_1.pf_index") && replaced("pagefind/pagefind.sv_1.pf_meta"));
    assert!(!replaced("pagefind/fragment/sv_1.pf_fragment") && !replaced("pagefind/pagefind.js"));
    assert!(!replaced("pagefind/part2/pagefind-entry.json"));
    assert!(replaced("pagefind/part3/pagefind-entry.json"));
}

#[test]
fn a_changed_page_makes_its_part_again_and_the_others_stay_as_they_were() {
    let parts = Parts(3);
    let site = |changed: &str| -> Vec<Record> {
        (0..12)
            .flat_map(|i| {
                let body = if i == 5 { changed.to_owned() } else { format!("Sida {i}") };
                [page(&format!("sv/s{i}/"), "sv", &body), page(&format!("en/s{i}/"), "en", &format!("Page {i}"))]
            })
            .collect()
    };
    let first = Plan::in_parts(parts, site("Bostäder"), &[], &unread).make(&langs(), &unread).unwrap();
    assert_eq!(first.made, [true, true, true]);
    assert!(first.files.iter().any(|f| f.path.starts_with("pagefind/part2/index/")));
    assert!(!first.files.iter().any(|f| f.path.starts_with("pagefind/part1/wasm")), "the first part's serve all");
    // Every part's index knows every word, the others' with no pages.
    for k in 0..3 {
        let index = vocabulary_of(&first.files, k);
        assert!(index.contains("bostad") && index.contains("sid"), "part {k}: {index:?}");
    }
    let output: BTreeMap<String, Vec<u8>> = first.files.iter().map(|f| (f.path.clone(), f.bytes.clone())).collect();
    let read = |p: &str| output.get(p).cloned().ok_or_else(|| std::io::Error::other(format!("{p} is not there")));
    let again = Plan::in_parts(parts, site("Skolor"), &first.keys, &read).make(&langs(), &read).unwrap();
    let part = parts.of("sv/s5/");
    assert_eq!(again.made, (0..3).map(|k| k == part).collect::<Vec<_>>(), "only the part of sv/s5/ is made");
    assert_eq!(again.written, [true, true, true], "a word gone and a word new reach every part");
    let others = again.files.iter().filter(|f| Parts::of_file(&f.path) != Some(part));
    assert!(others.clone().all(|f| vocabulary::is_index_file(&f.path)), "of the others, only their index files");
    for k in 0..3 {
        let index = vocabulary_of(&again.files, k);
        assert!(index.contains("skol") && !index.contains("bostad"), "part {k}: {index:?}");
    }
    // What the output then holds (the files this build did not replace,
    // and those it made) is what a build from nothing makes.
    let replaced = again.replaces();
    let mut kept: Vec<Artifact> = first.files.into_iter().filter(|f| !replaced(&f.path)).collect();
    kept.extend(again.files);
    kept.sort_by(|a, b| a.path.cmp(&b.path));
    assert_eq!(kept, Plan::in_parts(parts, site("Skolor"), &[], &unread).make(&langs(), &unread).unwrap().files);
}

#[test]
fn a_part_whose_files_are_gone_from_the_output_is_made_again() {
    let parts = Parts(3);
    let site = || -> Vec<Record> {
        (0..12).map(|i| page(&format!("sv/s{i}/"), "sv", &format!("Sida {i} om bostäder"))).collect()
    };
    let first = Plan::in_parts(parts, site(), &[], &unread).make(&langs(), &unread).unwrap();
    // A deploy tool (or a person) removed part 1's files from the output.
    let output: BTreeMap<String, Vec<u8>> = first
        .files
        .iter()
        .filter(|f| Parts::of_file(&f.path) != Some(1))
        .map(|f| (f.path.clone(), f.bytes.clone()))
        .collect();
    let read = |p: &str| output.get(p).cloned().ok_or_else(|| std::io::Error::other(format!("{p} is not there")));
    let again = Plan::in_parts(parts, site(), &first.keys, &read).make(&langs(), &read).unwrap();
    assert_eq!(again.made, [false, true, false], "the part whose files are gone, and only it");
    let replaced = again.replaces();
    let mut kept: Vec<Artifact> = first.files.into_iter().filter(|f| !replaced(&f.path)).collect();
    kept.extend(again.files);
    kept.sort_by(|a, b| a.path.cmp(&b.path));
    assert_eq!(kept, Plan::in_parts(parts, site(), &[], &unread).make(&langs(), &unread).unwrap().files);
    // A part's files gone while its words are shared: an error, not a part left out.
    let err = vocabulary::share(parts, &[true, false, false], &[true; 3], &mut Vec::new(), &read);
    assert!(err.is_err_and(|e| e.contains("pagefind/part1/pagefind-entry.json")), "part 1 named");
}

/// The words of the Swedish index chunks of part `k` among `files`.
fn vocabulary_of(files: &[Artifact], k: usize) -> String {
    let prefix = format!("{}index/sv_", Parts::dir(k));
    let mut words = String::new();
    for f in files.iter().filter(|f| f.path.starts_with(&prefix)) {
        let mut cbor = Vec::new();
        std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(&f.bytes[..]), &mut cbor).unwrap();
        words.push_str(&String::from_utf8_lossy(&cbor));
    }
    words
}

#[test]
fn parts_whose_pages_are_unchanged_are_not_made_again() {
    let pages = || {
        vec![
            page("sv/a/", "sv", "Skolor"),
            Record { html: None, ..page("sv/b/", "sv", "Bostäder") },
            page("en/a/", "en", "Schools"),
        ]
    };
    let first = bundle(pages(), &langs(), &[], &|p| Ok(page(p, "sv", "Bostäder").html.unwrap().into())).unwrap();
    assert_eq!(first.made, [true], "the last build's page was read");
    // The output holds the first bundle (its pages are not read).
    let output: BTreeMap<String, Vec<u8>> = first.files.iter().map(|f| (f.path.clone(), f.bytes.clone())).collect();
    let in_output = |p: &str| output.get(p).cloned().ok_or_else(|| std::io::Error::other(format!("{p} is read")));
    let again = bundle(pages(), &langs(), &first.keys, &in_output).unwrap();
    assert_eq!((again.made, again.files.len()), (vec![false], 0), "no page read, nothing made");
    let mut changed = pages();
    changed[0] = page("sv/a/", "sv", "Förskolor");
    let read = |p: &str| Ok(page(p, "sv", "Bostäder").html.unwrap().into());
    let remade = bundle(changed, &langs(), &first.keys, &read).unwrap();
    assert_eq!(remade.made, [true]);
    assert_ne!(remade.keys, first.keys);
    let unknown = vec![Record { key: None, ..page("sv/a/", "sv", "Skolor") }];
    let made = bundle(unknown, &langs(), &first.keys, &unread).unwrap();
    assert_eq!((made.made, made.keys), (vec![true], vec![None]), "a page without a key is indexed every time");
}
