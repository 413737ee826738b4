//! Every part of an index in parts knows every word of its language on the
//! site: a word a part has no page for is written into the part's index
//! with no pages. Pagefind, searching a part where no word begins with the
//! searched one, falls back to the part's longest word that begins it
//! (`find_word_extensions` in Pagefind's search); one index for the whole
//! site does that only when no page has such a word. With every word in
//! every part, the parts together find the pages one index would.
//!
//! Pagefind's files are gzip of `pagefind_dcd` and CBOR. A part's entry
//! file names each language's metadata file (`pagefind.<hash>.pf_meta`),
//! whose third field lists the index chunks (`[from, to, hash]`, the words
//! from..to in `index/<hash>.pf_index`); a chunk is `[[word, pages,
//! variants], …]`. The words are added to the chunk whose range they fall
//! in (widening it), so each word is still looked up in one chunk.

use std::collections::BTreeMap;
use std::io::{Read as _, Write as _};

use minicbor::{Decoder, Encoder};
use rayon::prelude::*;

use super::{Parts, Read, ENTRY};
use crate::artifact::Artifact;
use crate::source::fingerprint;

const SIGNATURE: &[u8] = b"pagefind_dcd";

/// Gives the index of every part with pages (`has_pages`) every word of the
/// site in its language. `files` are the files of the parts `made` this
/// build (by path; their index files are replaced by the ones with every
/// word); the others' are read with `read` from the output (a part whose
/// files are not there is an error, never left out). Returns, per part,
/// whether its index files (entry, metadata, chunks) are written anew.
/// Parts are read and written on the cores side by side.
pub fn share(
    parts: Parts,
    made: &[bool],
    has_pages: &[bool],
    files: &mut Vec<Artifact>,
    read: Read,
) -> Result<Vec<bool>, String> {
    let mut written = vec![false; parts.count()];
    // No part made: the site's words are what they were.
    if !made.contains(&true) {
        return Ok(written);
    }
    let new: BTreeMap<&str, &[u8]> =
        files.iter().filter(|a| is_index_file(&a.path)).map(|a| (a.path.as_str(), a.bytes.as_slice())).collect();
    let file = |path: &str| -> Result<Vec<u8>, String> {
        match new.get(path) {
            Some(bytes) => Ok(bytes.to_vec()),
            None => read(path).map_err(|e| format!("{path}: {e}")),
        }
    };
    let indexes: Vec<PartIndex> = (0..parts.count())
        .into_par_iter()
        .filter(|&k| has_pages[k])
        .map(|k| {
            // (A part with no pages has no files.)
            let dir = Parts::dir(k);
            let entry = file(&format!("{dir}{ENTRY}"))?;
            PartIndex::read(k, made[k], &entry, &|rel| file(&format!("{dir}{rel}")))
        })
        .collect::<Result<_, String>>()?;
    // Each language's words: each part's in order, merged.
    let mut words: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for lang in indexes.iter().flat_map(|i| &i.langs) {
        words.entry(&lang.code).or_default().extend(lang.chunks.iter().flat_map(Chunk::real));
    }
    for list in words.values_mut() {
        list.sort_unstable();
        list.dedup();
    }
    let out: Vec<(usize, Vec<Artifact>)> = indexes
        .par_iter()
        .filter(|index| index.made || index.langs.iter().any(|l| !l.words().eq(words[l.code.as_str()].iter().copied())))
        .map(|index| index.write(&words).map(|files| (index.part, files)))
        .collect::<Result<_, String>>()?;
    for (k, _) in &out {
        written[*k] = true;
    }
    // The parts' own index files give way to those with every word.
    files.retain(|a| !is_index_file(&a.path) || !written[Parts::of_file(&a.path).unwrap_or(0)]);
    files.extend(out.into_iter().flat_map(|(_, files)| files));
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(written)
}

/// Whether a file of the bundle is one [`share`] writes: an entry file, a
/// metadata file or an index chunk.
pub fn is_index_file(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or_default();
    name == ENTRY || name.ends_with(".pf_meta") || name.ends_with(".pf_index")
}

/// One part's index in each of its languages.
struct PartIndex {
    part: usize,
    /// Whether Pagefind made it this build (else its files are the ones
    /// [`share`] wrote before, and a chunk whose words are unchanged stays).
    made: bool,
    entry: serde_json::Value,
    langs: Vec<LangIndex>,
}

/// One language's index of a part: its metadata around the chunk list, and the chunks.
struct LangIndex {
    code: String,
    /// The metadata's CBOR before and after its chunk list.
    head: Vec<u8>,
    tail: Vec<u8>,
    chunks: Vec<Chunk>,
}

/// A chunk as read: its words, each with its CBOR as Pagefind wrote it
/// (`None` for a word no page of the part has, added by [`share`]), and
/// its name and file.
struct Chunk {
    words: Vec<ReadWord>,
    name: String,
    file: Vec<u8>,
}

/// A word of a chunk as read, with its CBOR (`None`: a word added, with no pages).
type ReadWord = (String, Option<Vec<u8>>);

/// A word of a chunk being written, with its CBOR as Pagefind wrote it
/// (`None`: a word of another part, written with no pages).
type Word<'a> = (&'a str, Option<&'a [u8]>);

impl Chunk {
    fn real(&self) -> impl Iterator<Item = &str> {
        self.words.iter().filter(|(_, cbor)| cbor.is_some()).map(|(w, _)| w.as_str())
    }

    /// Whether the chunk holds just `words` (its own, from it, and those
    /// added), as [`share`] wrote it.
    fn is(&self, words: &[Word]) -> bool {
        self.words.len() == words.len()
            && self.words.iter().zip(words).all(|((w, c), (v, d))| w == v && c.is_some() == d.is_some())
    }
}

impl PartIndex {
    fn read(
        part: usize,
        made: bool,
        entry: &[u8],
        file: &dyn Fn(&str) -> Result<Vec<u8>, String>,
    ) -> Result<PartIndex, String> {
        let entry: serde_json::Value = serde_json::from_slice(entry).map_err(|e| format!("{ENTRY}: {e}"))?;
        let mut langs = Vec::new();
        for (code, lang) in entry.get("languages").and_then(|l| l.as_object()).into_iter().flatten() {
            let hash = lang.get("hash").and_then(|h| h.as_str()).ok_or(format!("{ENTRY}: {code} has no hash"))?;
            let meta = unpacked(&file(&format!("pagefind.{hash}.pf_meta"))?)?;
            let Listed { head, names, tail } = chunk_list(&meta).map_err(|e| format!("{hash}.pf_meta: {e}"))?;
            let chunks = names
                .into_iter()
                .map(|name| {
                    let file = file(&format!("index/{name}.pf_index"))?;
                    let words = chunk_words(&unpacked(&file)?).map_err(|e| format!("{name}.pf_index: {e}"))?;
                    Ok(Chunk { words, name, file })
                })
                .collect::<Result<_, String>>()?;
            langs.push(LangIndex { code: code.clone(), head: head.to_vec(), tail: tail.to_vec(), chunks });
        }
        Ok(PartIndex { part, made, entry, langs })
    }

    /// The part's entry, metadata and chunk files with every word of `words`.
    fn write(&self, words: &BTreeMap<&str, Vec<&str>>) -> Result<Vec<Artifact>, String> {
        let dir = Parts::dir(self.part);
        let mut entry = self.entry.clone();
        let mut files = Vec::new();
        for lang in &self.langs {
            let mut listed = Vec::new();
            for (chunk, was) in lang.with(&words[lang.code.as_str()]).iter().zip(&lang.chunks) {
                let from = chunk.first().map(|(w, _)| w.to_string()).unwrap_or_default();
                let to = chunk.last().map(|(w, _)| w.to_string()).unwrap_or_default();
                // A chunk this wrote before, unchanged, stays as it is.
                if !self.made && was.is(chunk) {
                    files.push(Artifact::new(format!("{dir}index/{}.pf_index", was.name), was.file.clone()));
                    listed.push((from, to, was.name.clone()));
                    continue;
                }
                let cbor = chunk_cbor(chunk).map_err(|e| e.to_string())?;
                let name = format!("{}_{}", lang.code, short_hash(&cbor));
                files.push(Artifact::new(format!("{dir}index/{name}.pf_index"), packed(&cbor)?));
                listed.push((from, to, name));
            }
            let meta = meta_cbor(lang, &listed).map_err(|e| e.to_string())?;
            let name = format!("{}_{}", lang.code, short_hash(&meta));
            files.push(Artifact::new(format!("{dir}pagefind.{name}.pf_meta"), packed(&meta)?));
            entry["languages"][&lang.code]["hash"] = serde_json::Value::from(name);
        }
        let entry = serde_json::to_vec(&entry).map_err(|e| e.to_string())?;
        files.push(Artifact::new(format!("{dir}{ENTRY}"), entry));
        Ok(files)
    }
}

impl LangIndex {
    /// Every word of its chunks, in order: its own and those added.
    fn words(&self) -> impl Iterator<Item = &str> {
        self.chunks.iter().flat_map(|c| c.words.iter().map(|(w, _)| w.as_str()))
    }

    /// The chunks with the part's own words and, where the part has none,
    /// every other word of `all` (sorted), each in the chunk whose own words
    /// begin at or before it (the first chunk for words before them all).
    fn with<'a>(&'a self, all: &[&'a str]) -> Vec<Vec<Word<'a>>> {
        let mut chunks: Vec<Vec<Word>> = self
            .chunks
            .iter()
            .map(|c| c.words.iter().filter_map(|(w, cbor)| Some((w.as_str(), Some(cbor.as_deref()?)))).collect())
            .collect();
        let starts: Vec<&str> = chunks.iter().map(|c| c.first().map(|(w, _)| *w).unwrap_or_default()).collect();
        let mut own = self.chunks.iter().flat_map(Chunk::real).peekable();
        for &word in all {
            // Both lists are sorted: the part's own words are skipped as met.
            while own.next_if(|w| *w < word).is_some() {}
            if own.next_if_eq(&word).is_some() {
                continue;
            }
            let i = starts.partition_point(|s| *s <= word).saturating_sub(1);
            if let Some(chunk) = chunks.get_mut(i) {
                chunk.push((word, None));
            }
        }
        for chunk in &mut chunks {
            chunk.sort_by(|a, b| a.0.cmp(b.0));
        }
        chunks
    }
}

/// A file's CBOR: the gzip unpacked (Pagefind's script reads either) and the signature taken off.
fn unpacked(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let mut data = Vec::new();
    match bytes.starts_with(SIGNATURE) {
        true => data.extend_from_slice(bytes),
        false => {
            flate2::read::GzDecoder::new(bytes).read_to_end(&mut data).map_err(|e| e.to_string())?;
        }
    }
    data.strip_prefix(SIGNATURE).map(<[u8]>::to_vec).ok_or_else(|| "not a Pagefind file".to_owned())
}

/// The CBOR `cbor` as Pagefind writes its files: signed and gzipped (at
/// level 3: Pagefind's level 9 took a fifth of a cold build with search
/// when spent again here; level 3 files are ~4 % larger than level 6's).
fn packed(cbor: &[u8]) -> Result<Vec<u8>, String> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::new(3));
    gz.write_all(SIGNATURE).and_then(|()| gz.write_all(cbor)).map_err(|e| e.to_string())?;
    gz.finish().map_err(|e| e.to_string())
}

fn short_hash(bytes: &[u8]) -> String {
    format!("{:012x}", fingerprint(bytes) >> 80)
}

/// A metadata file's CBOR before its chunk list (field 2), the chunks' names, and the CBOR after it.
struct Listed<'a> {
    head: &'a [u8],
    names: Vec<String>,
    tail: &'a [u8],
}

fn chunk_list(meta: &[u8]) -> Result<Listed<'_>, minicbor::decode::Error> {
    let mut d = Decoder::new(meta);
    d.array()?;
    d.skip()?; // version
    d.skip()?; // pages
    let start = d.position();
    let mut names = Vec::new();
    for _ in 0..d.array()?.unwrap_or_default() {
        d.array()?;
        d.skip()?; // from
        d.skip()?; // to
        names.push(d.str()?.to_owned());
    }
    let end = d.position();
    Ok(Listed { head: &meta[..start], names, tail: &meta[end..] })
}

/// A chunk's words and each one's CBOR (`None` for a word with no pages and no variants).
fn chunk_words(chunk: &[u8]) -> Result<Vec<ReadWord>, minicbor::decode::Error> {
    let mut d = Decoder::new(chunk);
    d.array()?;
    let mut words = Vec::new();
    for _ in 0..d.array()?.unwrap_or_default() {
        let start = d.position();
        d.array()?;
        let word = d.str()?.to_owned();
        let pages = d.array()?.unwrap_or_default();
        for _ in 0..pages {
            d.skip()?;
        }
        let variants = d.array()?.unwrap_or_default();
        for _ in 0..variants {
            d.skip()?;
        }
        let cbor = (pages > 0 || variants > 0).then(|| chunk[start..d.position()].to_vec());
        words.push((word, cbor));
    }
    Ok(words)
}

type EncodeError = minicbor::encode::Error<std::convert::Infallible>;

/// A chunk file's CBOR: each word as Pagefind wrote it, or with no pages.
fn chunk_cbor(words: &[Word]) -> Result<Vec<u8>, EncodeError> {
    let mut e = Encoder::new(Vec::new());
    e.array(1)?.array(words.len() as u64)?;
    for (word, cbor) in words {
        match cbor {
            Some(cbor) => e.writer_mut().extend_from_slice(cbor),
            None => {
                e.array(3)?.str(word)?.array(0)?.array(0)?;
            }
        }
    }
    Ok(e.into_writer())
}

/// The metadata's CBOR with the chunk list `listed` (`[from, to, name]`).
fn meta_cbor(lang: &LangIndex, listed: &[(String, String, String)]) -> Result<Vec<u8>, EncodeError> {
    let mut e = Encoder::new(lang.head.clone());
    e.array(listed.len() as u64)?;
    for (from, to, name) in listed {
        e.array(3)?.str(from)?.str(to)?.str(name)?;
    }
    let mut bytes = e.into_writer();
    bytes.extend_from_slice(&lang.tail);
    Ok(bytes)
}
