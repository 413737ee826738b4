//! The browser editor: `goalsite serve`'s write route answers only the
//! editor on this preview (another origin, no token, no JSON, another
//! computer's preview: refused), writes only Markdown and TOML files in
//! `content/`, and refuses a save that would break the site; a site with
//! `[cms]` publishes `/admin/`, and one without publishes nothing new.

use crate::common::serve::{fetch, get, serve, serve_with, Reply};
use crate::common::Fixture;

/// The session's write route (path and token) from the editor's configuration.
fn write_route(port: u16) -> String {
    let (status, config) = get(port, "/admin/config.yml");
    assert_eq!(status, 200, "{config}");
    let config: serde_json::Value = serde_json::from_str(&config).expect("the configuration is JSON");
    let url = config["backend"]["proxy_url"].as_str().expect("a proxy backend").to_owned();
    assert_eq!(config["local_backend"]["url"], url.as_str());
    url[url.find("/__goalsite/").expect("the write route's path")..].to_owned()
}

/// `POST path` with `body` and these headers (besides Host).
fn post(port: u16, path: &str, origin: Option<&str>, content_type: &str, body: &str) -> Reply {
    let origin = origin.map(|o| format!("Origin: {o}\r\n")).unwrap_or_default();
    let raw = format!(
        "POST {path} HTTP/1.1\r\nHost: localhost:{port}\r\n{origin}Content-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    fetch(port, raw.as_bytes()).expect("a reply")
}

/// A save of `text` to `file`, as the editor sends it.
fn persist(file: &str, text: &str) -> String {
    serde_json::json!({
        "branch": "main",
        "action": "persistEntry",
        "params": { "branch": "main", "dataFiles": [{ "path": file, "slug": "x", "raw": text }], "assets": [], "options": {} },
    })
    .to_string()
}

const JSON: &str = "application/json; charset=utf-8";

#[test]
fn a_request_from_another_origin_is_refused_and_writes_nothing() {
    let f = Fixture::new();
    let server = serve(f.root());
    let route = write_route(server.port);
    assert!(route.starts_with("/__goalsite/api/v1?token="), "{route}");
    let own = format!("http://localhost:{}", server.port);
    let file = "content/tillvaxt/assessments/2024.toml";
    let before = f.read_source(file);
    let save = persist(file, "[bostader]\nstatus = \"ja\"\n");

    let other = post(server.port, &route, Some("http://evil.example"), JSON, &save);
    assert_eq!(other.status, 403, "{}", other.body);
    let error: serde_json::Value =
        serde_json::from_str(&other.body).expect("a refusal is JSON, as the editor reads it");
    assert!(error["error"].as_str().unwrap().contains("(/admin/)"), "{}", other.body);
    let other_port = post(server.port, &route, Some("http://localhost:9999"), JSON, &save);
    assert_eq!(other_port.status, 403, "another local server is another origin");
    assert_eq!(post(server.port, &route, None, JSON, &save).status, 403, "no Origin");
    let untokened = route.split('?').next().unwrap();
    assert_eq!(post(server.port, untokened, Some(&own), JSON, &save).status, 403, "no token");
    let wrong = format!("{untokened}?token=00000000000000000000000000000000");
    assert_eq!(post(server.port, &wrong, Some(&own), JSON, &save).status, 403, "a wrong token");
    assert_eq!(post(server.port, &route, Some(&own), "text/plain", &save).status, 403, "a form's body");
    assert_eq!(f.read_source(file), before, "nothing written");

    let info = post(server.port, &route, Some(&own), "application/json", r#"{"action":"info"}"#);
    assert_eq!(info.status, 200, "{}", info.body);
    assert!(info.body.contains("\"publish_modes\":[\"simple\"]"), "{}", info.body);
    let saved = post(server.port, &route, Some(&own), JSON, &save);
    assert_eq!(saved.status, 200, "{}", saved.body);
    assert_eq!(f.read_source(file), "[bostader]\nstatus = \"ja\"\n", "the editor on this preview saves");
}

#[test]
fn only_markdown_and_toml_files_in_content_are_written() {
    let f = Fixture::new();
    let server = serve(f.root());
    let route = write_route(server.port);
    let own = format!("http://localhost:{}", server.port);
    f.write("editions/2023/content/om.sv.md", "Arkiverad.\n");
    for path in
        ["site.toml", "content/../site.toml", "editions/2023/content/om.sv.md", "content/om.sv.html", "/etc/x.md"]
    {
        let reply = post(server.port, &route, Some(&own), JSON, &persist(path, "x\n"));
        assert_eq!(reply.status, 422, "{path}: {}", reply.body);
        assert!(reply.body.contains("bara .md- och .toml-filer i content/"), "in the site's language: {}", reply.body);
    }
    assert_eq!(f.read_source("editions/2023/content/om.sv.md"), "Arkiverad.\n");
    assert!(f.read_source("site.toml").starts_with("base_url"));
    let read = serde_json::json!({ "action": "getEntry", "params": { "path": "site.toml" } }).to_string();
    assert_eq!(post(server.port, &route, Some(&own), JSON, &read).status, 422, "nor read");
    let delete = serde_json::json!({ "action": "deleteFile", "params": { "path": "content/om.sv.md" } }).to_string();
    assert_eq!(post(server.port, &route, Some(&own), JSON, &delete).status, 422);
    assert!(f.root().join("content/om.sv.md").exists());
}

#[test]
fn a_save_that_would_break_the_site_is_refused_with_the_problem() {
    let f = Fixture::new();
    let server = serve(f.root());
    let route = write_route(server.port);
    let own = format!("http://localhost:{}", server.port);
    let file = "content/tillvaxt/assessments/2024.toml";
    let before = f.read_source(file);
    let reply = post(server.port, &route, Some(&own), JSON, &persist(file, "[bostader]\nstatus = \"nejj\"\n"));
    assert_eq!(reply.status, 422, "{}", reply.body);
    let error: serde_json::Value = serde_json::from_str(&reply.body).unwrap();
    let error = error["error"].as_str().unwrap();
    assert!(
        error.starts_with("Inte sparat: ändringen skulle ge webbplatsen ett fel"),
        "in the site's language: {error}"
    );
    assert!(
        error.contains(
            "content/tillvaxt/assessments/2024.toml:2:10: `nejj` är inte en av bedömningarna som webbplatsen använder"
        ),
        "{error}"
    );
    assert_eq!(f.read_source(file), before);
    // An error the site already has does not stop a save that fixes something else.
    f.write("content/tillvaxt/assessments/2023.toml", "[bostader]\nstatus = \"nejj\"\n");
    std::thread::sleep(std::time::Duration::from_millis(1500));
    let other = post(server.port, &route, Some(&own), JSON, &persist(file, "[bostader]\nstatus = \"ja\"\n"));
    assert_eq!(other.status, 200, "{}", other.body);
}

#[test]
fn a_preview_on_the_network_has_no_editor() {
    let f = Fixture::new();
    let server = serve_with(f.root(), &["--bind", "0.0.0.0", "--port", "0"]);
    assert_eq!(get(server.port, "/admin/config.yml").0, 404);
    let reply = post(server.port, "/__goalsite/api/v1?token=x", Some("http://localhost"), JSON, r#"{"action":"info"}"#);
    assert_eq!(reply.status, 405, "the read-only preview: {}", reply.body);
    // The line after the address is read on another thread: wait for it.
    let said = |s: &crate::common::serve::Server| s.printed().iter().any(|l| l.contains("only on this computer"));
    let end = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while !said(&server) && std::time::Instant::now() < end {
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    assert!(said(&server), "{:?}", server.printed());
}

const CMS_GITLAB: &str = "\n[cms]\nbackend = \"gitlab\"\nrepo = \"kommun/uppfoljning\"\napp_id = \"abc\"\n";

#[test]
fn without_cms_nothing_is_published_and_with_it_admin_is() {
    let f = Fixture::new();
    assert_eq!(f.build().0, 0);
    assert!(!f.out().join("admin").exists(), "a site without [cms] publishes no editor");
    f.write("site.toml", &format!("{}\n[cms]\nreview = true\n", crate::common::SITE_TOML));
    assert_eq!(f.build().0, 0);
    let notice = f.read("admin/index.html");
    assert!(notice.contains("<html lang=\"sv\">") && notice.contains("noindex"), "{notice}");
    assert!(notice.contains("Redigeringen i webbläsaren är inte kopplad än"), "{notice}");
    // Like every page of the site, in each language, with hreflang alternates and a language switch.
    let english = f.read("admin/en/index.html");
    assert!(english.contains("<html lang=\"en\">") && english.contains("is not connected yet"), "{english}");
    for page in [&notice, &english] {
        assert!(page.contains("<link rel=\"alternate\" hreflang=\"sv\" href=\"https://"), "{page}");
        assert!(page.contains("<link rel=\"alternate\" hreflang=\"en\" href=\"https://"), "{page}");
    }
    assert!(notice.contains("admin/en/\" hreflang=\"en\" lang=\"en\">English</a>"), "{notice}");
    assert!(english.contains("admin/\" hreflang=\"sv\" lang=\"sv\">Svenska</a>"), "{english}");
    assert!(!f.out().join("admin/config.yml").exists(), "no editor without a git host");
    f.write("site.toml", &format!("{}{CMS_GITLAB}", crate::common::SITE_TOML));
    let (code, out, err) = f.build();
    assert_eq!(code, 0, "{out}{err}");
    assert!(f.read("admin/index.html").contains("<script src=\"decap-cms.js\"></script>"));
    assert!(!f.read("sitemap.xml").contains("admin"));
    let config: serde_json::Value = serde_json::from_str(&f.read("admin/config.yml")).unwrap();
    assert_eq!(config["backend"]["auth_type"], "pkce");
    assert_eq!(config["locale"], "sv");
    let assessments = config["collections"].as_array().unwrap().iter().find(|c| c["name"] == "assessments").unwrap();
    let files: Vec<&str> =
        assessments["files"].as_array().unwrap().iter().map(|f| f["file"].as_str().unwrap()).collect();
    assert_eq!(files, ["content/tillvaxt/assessments/2024.toml", "content/tillvaxt/assessments/2023.toml"]);
    let goal = &assessments["files"][0]["fields"][0];
    assert_eq!((goal["name"].as_str(), goal["label"].as_str()), (Some("bostader"), Some("Bostäder")));
    let status = &goal["fields"][0];
    let labels: Vec<&str> =
        status["options"].as_array().unwrap().iter().map(|o| o["label"].as_str().unwrap()).collect();
    assert_eq!(labels, ["Ja", "Delvis", "Nej"], "the scale's labels in the site's first language");
    assert_eq!(goal["fields"].as_array().unwrap().len(), 2, "no correction for the report year");
    let earlier = &assessments["files"][1]["fields"][0]["fields"];
    assert_eq!(earlier[2]["name"], "correction", "an earlier year can be corrected");
}

#[test]
fn what_the_login_needs_is_checked() {
    let f = Fixture::new();
    for (cms, says) in [
        ("[cms]\nbackend = \"gitlab\"\nrepo = \"a/b\"\n", "logging in with GitLab needs `app_id`"),
        ("[cms]\nbackend = \"github\"\nrepo = \"a/b\"\n", "logging in with GitHub needs `base_url`"),
        ("[cms]\nbackend = \"gitlab\"\napp_id = \"x\"\n", "the browser editor needs `repo`"),
        ("[cms]\nrepo = \"a/b\"\n", "`repo` does nothing without `backend`"),
        (
            "[cms]\nbackend = \"gitlab\"\nrepo = \"a/b\"\napp_id = \"x\"\nbase_url = \"http://gitlab.example\"\n",
            "must be an address starting with https://",
        ),
        ("[cms]\nbackend = \"gitlab\"\nrepo = \"a/b\"\napp_id = \"x\"\nbranch = \"a b\"\n", "is not a branch name"),
    ] {
        f.write("site.toml", &format!("{}\n{cms}", crate::common::SITE_TOML));
        let (code, out, err) = f.check(&[]);
        assert_eq!(code, 1, "{cms}");
        assert!(format!("{out}{err}").contains(says), "{cms}: {out}{err}");
    }
}

#[test]
fn a_new_year_is_in_the_editor_and_archived_editions_are_not() {
    let f = Fixture::new();
    f.write("site.toml", &format!("{}{CMS_GITLAB}", crate::common::SITE_TOML));
    let (code, out, err) = crate::common::run(&["new-year", "2025", "--root", f.root().to_str().unwrap()]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(f.root().join("editions/2024").is_dir());
    // The new year's file is to fill in: fill it as the editor would, so the site builds.
    f.write("content/tillvaxt/assessments/2025.toml", "[bostader]\nstatus = \"ja\"\n");
    let (code, out, err) = f.build();
    assert_eq!(code, 0, "{out}{err}");
    let config = f.read("admin/config.yml");
    assert!(!config.contains("editions/"), "archived editions are not in the editor");
    assert!(config.contains("content/tillvaxt/assessments/2025.toml"));
}
