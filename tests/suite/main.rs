//! goalsite's integration tests, in one binary (one link instead of
//! seventeen): each module tests one area on small fixture sites, through
//! the `goalsite` binary or the library's public API.

mod common;

mod adopt;
mod architecture;
mod bench_corpus;
mod build;
mod cache;
mod chart_layout;
mod charts;
mod check;
mod ci;
mod cli;
mod cms;
mod editions;
mod errors;
mod fuzz;
mod guide;
mod norrvik;
mod opendata;
mod pages;
mod robust;
mod schemas;
mod search;
mod serve;
mod snapshots;
mod trust;
mod umea;
mod word_slips;
