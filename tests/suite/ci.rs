//! The pipeline that checks and publishes (docs/deploy.md §13): scripts/ci-site
//! runs its steps on a copy of the Umeå site, refuses a site with problems
//! before anything is built, and is what the GitLab CI and GitHub Actions
//! examples run.

use std::path::Path;
use std::process::Command;

use crate::common::repo;

/// A copy of the Umeå site (site.toml and content/).
fn umea() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(repo().join("site.toml"), dir.path().join("site.toml")).unwrap();
    crate::common::copy::copy_dir(&repo().join("content"), &dir.path().join("content"));
    dir
}

/// `scripts/ci-site args` on the site at `site`: (exit code, what it printed).
fn ci_site(site: &Path, args: &[&str]) -> (i32, String) {
    let out = Command::new("bash")
        .arg(repo().join("scripts/ci-site"))
        .args(args)
        .env("GOALSITE", env!("CARGO_BIN_EXE_goalsite"))
        .env("GOALSITE_LANG", "en")
        .env("SITE", site)
        .output()
        .expect("run scripts/ci-site");
    let printed = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    (out.status.code().unwrap_or(-1), printed)
}

#[test]
fn the_pipeline_checks_then_publishes_or_builds_a_preview() {
    let site = umea();
    let out = site.path().join("public");
    let (code, printed) = ci_site(site.path(), &["publish", out.to_str().unwrap()]);
    assert_eq!(code, 0, "{printed}");
    assert!(printed.contains("+ ") && printed.contains(" check --deny-warnings --root "), "{printed}");
    let home = std::fs::read_to_string(out.join("sv/index.html")).unwrap();
    assert!(home.contains("https://www.umea.se/uppfoljning/sv/"), "built for the public address");

    let preview = site.path().join("preview");
    let url = "https://uppfoljning.gitlab.example.se/-/jobs/1/artifacts/";
    let (code, printed) = ci_site(site.path(), &["preview", preview.to_str().unwrap(), url]);
    assert_eq!(code, 0, "{printed}");
    assert!(std::fs::read_to_string(preview.join("sv/index.html")).unwrap().contains(url));
}

#[test]
fn a_site_with_a_problem_is_not_built() {
    let site = umea();
    let file = site.path().join("content/tillvaxt/assessments/2024.toml");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text.replacen("status = \"nej\"", "status = \"nejj\"", 1)).unwrap();
    let out = site.path().join("public");
    let (code, printed) = ci_site(site.path(), &["publish", out.to_str().unwrap()]);
    assert_eq!(code, 1, "{printed}");
    assert!(printed.contains("`nejj` is not one of the assessments the site uses"), "{printed}");
    assert!(!out.exists(), "nothing built");
    assert_eq!(ci_site(site.path(), &["publish"]).0, 2, "wrong usage");
}

#[test]
fn the_yearly_step_runs_as_a_job() {
    let site = umea();
    let (code, printed) = ci_site(site.path(), &["new-year", "2025"]);
    assert_eq!(code, 0, "{printed}");
    assert!(site.path().join("editions/2024/edition.toml").is_file());
    assert!(std::fs::read_to_string(site.path().join("site.toml")).unwrap().contains("report_year = 2025"));
}

/// The goalsite commands of docs/deploy.md's pipeline examples (YAML blocks).
fn example_commands() -> Vec<String> {
    let deploy = std::fs::read_to_string(repo().join("docs/deploy.md")).unwrap();
    let mut in_yaml = false;
    let mut found = Vec::new();
    for line in deploy.lines() {
        match line.trim_start() {
            l if l.starts_with("```yaml") => in_yaml = true,
            "```" => in_yaml = false,
            l if in_yaml => {
                let command = l.trim_start_matches("- ").trim_start_matches("run: ");
                if command.starts_with("goalsite ") {
                    found.push(command.to_owned());
                }
            }
            _ => {}
        }
    }
    found
}

#[test]
fn the_examples_run_what_the_script_runs() {
    let script = std::fs::read_to_string(repo().join("scripts/ci-site")).unwrap();
    let commands = example_commands();
    for (ci, step) in [
        ("check --deny-warnings", "check --deny-warnings"),
        ("build --output public", "build --root \"$SITE\" --output \"$2\""),
        ("build --output preview --base-url", "build --root \"$SITE\" --output \"$2\" --base-url \"$3\""),
        ("new-year", "new-year \"$2\""),
    ] {
        let in_examples = commands.iter().filter(|c| c.starts_with(&format!("goalsite {ci}"))).count();
        assert!(in_examples >= 2, "both examples (GitLab CI, GitHub Actions) run `goalsite {ci}`: {commands:?}");
        assert!(script.contains(step), "scripts/ci-site runs `{step}`");
    }
}
