//! Writes a synthetic goalsite site for benchmarks:
//! `cargo run --release --example corpus -- DIR [PAGES_PER_LANGUAGE] [INDICATORS]`,
//! or the same narrative pages as a Hugo site:
//! `cargo run --release --example corpus -- --hugo DIR [PAGES_PER_LANGUAGE]`;
//! with `--narrative` first, the large-vocabulary corpus of ~4 KB narrative
//! pages without indicators (`-- --narrative [--hugo] DIR PAGES_PER_LANGUAGE`).

// The benchmarks use parts of the corpus module this example does not.
#[allow(dead_code)]
#[path = "../benches/corpus/mod.rs"]
mod corpus;

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let narrative = args.first().is_some_and(|a| a == "--narrative");
    if narrative {
        args.remove(0);
    }
    let hugo = args.first().is_some_and(|a| a == "--hugo");
    if hugo {
        args.remove(0);
    }
    let Some(dir) = args.first() else {
        eprintln!("usage: corpus DIR [PAGES_PER_LANGUAGE] [INDICATORS]");
        std::process::exit(2);
    };
    let pages = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(1000);
    let indicators: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(100);
    if narrative {
        let dir = std::path::Path::new(dir);
        let written = match hugo {
            true => corpus::write_narrative_hugo_site(dir, pages),
            false => corpus::write_narrative_site(dir, pages),
        };
        if let Err(e) = written {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
        println!("wrote {pages} narrative pages per language into {}", dir.display());
        return;
    }
    if hugo {
        if let Err(e) = corpus::write_hugo_site(std::path::Path::new(dir), pages) {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
        println!("wrote {pages} pages per language as a Hugo site into {dir}");
        return;
    }
    let programmes = 10;
    let size = corpus::Size { pages, programmes, indicators: indicators / programmes, goals: 10 };
    if let Err(e) = corpus::write_site(std::path::Path::new(dir), size) {
        eprintln!("error: {e}");
        std::process::exit(1);
    }
    println!("wrote {pages} pages per language and {indicators} indicators into {dir}");
}
