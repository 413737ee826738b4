//! The I/O floor of a build: `cargo run --release --example floor -- SITE OUT`
//! reads every file of a built site into memory, then writes them all into
//! the new folder OUT (its folders made as the files need them) on every
//! core, as a build publishes, and prints how long the writing took, in
//! seconds. What a build of that site cannot go below on this disk.

use rayon::prelude::*;
use std::path::{Path, PathBuf};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [site, out] = &args[..] else {
        eprintln!("usage: floor SITE OUT");
        std::process::exit(2);
    };
    let (site, out) = (Path::new(site), Path::new(out));
    let files: Vec<(PathBuf, Vec<u8>)> = walkdir::WalkDir::new(site)
        .sort_by_file_name()
        .into_iter()
        .map(|entry| entry.expect("the site can be read"))
        .filter(|entry| entry.file_type().is_file())
        .map(|entry| {
            let path = entry.path().strip_prefix(site).expect("under the site").to_owned();
            (path, std::fs::read(entry.path()).expect("the file can be read"))
        })
        .collect();
    let start = std::time::Instant::now();
    files.par_iter().for_each(|(path, bytes)| {
        let to = out.join(path);
        // A folder is made when its first file cannot be written without it.
        if std::fs::write(&to, bytes).is_err() {
            std::fs::create_dir_all(to.parent().expect("a file has a folder")).expect("the folder can be made");
            std::fs::write(&to, bytes).expect("the file can be written");
        }
    });
    println!("{:.2}", start.elapsed().as_secs_f64());
}
