//! Markdown to HTML with pulldown-cmark: tables, footnotes with back-links,
//! unique heading ids, the language's quotation marks, and `@/` links
//! resolved to the page in the same language.

mod footnotes;
mod links;
mod raw_html;
#[cfg(feature = "testing")]
pub use raw_html::has_markup_outside_comments;
#[cfg(not(feature = "testing"))]
use raw_html::has_markup_outside_comments;
mod stream;

use std::collections::{HashMap, HashSet, VecDeque};
use std::ops::Range;
use std::sync::Arc;

use pulldown_cmark::{html, CodeBlockKind, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::diagnostics::{Diagnostic, Severity};
use crate::locale::{mistyped_placeholders, Typography, REPORT_YEAR};
use crate::messages::Message;
use crate::model::{Doc, IndicatorId};
use crate::routes::{PageRef, Routes};
use crate::source::Source;
use crate::text::{hyphenate, is_valid_slug, slugify};

use footnotes::{footnote_slug, push_footnotes, Footnote};

/// What the site decides about its Markdown (from `site.toml`).
#[derive(Debug, Clone, Default)]
pub struct Rules {
    /// Raw HTML is an error instead of a warning.
    pub forbid_raw_html: bool,
    /// What `{report_year}` in the text stands for.
    pub report_year: String,
    /// Where the text is shown: on its own page, or inside a longer one.
    pub nesting: Nesting,
}

/// How a text shown inside a longer page (the full report) fits in: its ids
/// start with a prefix so that they do not collide with another text's, its
/// headings move down below the page's own, and its links are absolute so
/// that a printed copy says where they lead.
#[derive(Debug, Clone, Default)]
pub struct Nesting {
    pub id_prefix: String,
    /// Levels added to every heading (`##` becomes `<h3>` with 1).
    pub heading_shift: usize,
    pub absolute_links: bool,
    /// The longer page is made to be printed: no soft hyphens, which a PDF
    /// keeps in its text, where they break a search for the word.
    pub for_print: bool,
}

/// The start of every id the theme writes, so that the text's own ids (its
/// headings' natural ids) never collide with them.
pub const THEME_ID_PREFIX: &str = "gs-";

/// The HTML of one Markdown document.
#[derive(Debug, Clone, Default)]
pub struct Html {
    pub html: String,
    pub links: Links,
    /// Charts the text places (`![](@/…/indicators/x.toml)` alone in a
    /// paragraph), in order; each stands in `html` as [`chart_placeholder`].
    pub charts: Vec<IndicatorId>,
}

/// What stands in a document's HTML where it places an indicator's chart;
/// the page's renderer puts the chart there.
pub fn chart_placeholder(id: IndicatorId) -> String {
    format!("<!--gs-chart-{}-->", id.0)
}

/// What `#anchor` checks need of a document, once every document is rendered.
#[derive(Debug, Clone, Default)]
pub struct Links {
    /// Ids of the headings and footnotes.
    pub ids: Vec<String>,
    /// Links with a `#fragment`.
    pub fragments: Vec<FragmentLink>,
}

/// A link to `#fragment` on another page (`target`) or on this one (`None`).
#[derive(Debug, Clone)]
pub struct FragmentLink {
    pub target: Option<PageRef>,
    pub fragment: String,
    /// Byte range of the link in the file.
    pub span: Range<usize>,
}

/// Renders `doc` for its language; problems are added to `problems`. Ids in
/// `reserved` (the theme's own) are not given to headings or footnotes.
pub fn render(
    doc: &Doc,
    routes: &Routes,
    typo: &Typography,
    rules: &Rules,
    reserved: &HashSet<String>,
    problems: &mut Vec<Diagnostic>,
) -> Html {
    // A released or known file's body is read now (and must still be what it was).
    let source = &match doc.whole() {
        Ok(source) => source,
        Err(changed) => {
            problems.push(changed);
            return Html::default();
        }
    };
    let body = &source.text[doc.body_offset..];
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_SMART_PUNCTUATION
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_STRIKETHROUGH;
    let r = Rewriter {
        doc,
        source,
        body,
        routes,
        typo,
        rules,
        problems,
        ids: HashSet::new(),
        next_suffix: HashMap::new(),
        reserved,
        footnotes: Vec::new(),
        out: VecDeque::new(),
        fragments: Vec::new(),
        last_heading: 1,
        open_link: None,
        open_image: None,
        last_raw_html_line: None,
        in_code_block: false,
        in_html_comment: false,
        broken_links: 0,
        charts: Vec::new(),
        chart_lines: Vec::new(),
        in_table_cell: false,
    };
    // Rendered as a stream, so that memory follows the size of the text,
    // not the number of its parts.
    let mut stream = stream::Stream::new(r, Parser::new_ext(body, options).into_offset_iter());
    let mut out = String::with_capacity(body.len() * 3 / 2);
    html::push_html(&mut out, &mut stream);
    let (mut r, footnotes) = stream.finish();
    r.unreferenced_footnotes(&footnotes);
    let footnotes = footnotes.into_iter().map(|(label, (events, _))| (label, events)).collect();
    // Table alignment as classes, not inline styles, so a strict
    // Content-Security-Policy (no inline styles) keeps it.
    let aligned = out.contains(" style=\"text-align: ");
    for align in ["left", "center", "right"].into_iter().filter(|_| aligned) {
        out = out.replace(&format!(" style=\"text-align: {align}\""), &format!(" class=\"align-{align}\""));
    }
    if !r.footnotes.is_empty() {
        let heading_id = r.unique_id("footnotes".into());
        let level = (2 + rules.nesting.heading_shift).min(6);
        push_footnotes(&mut out, &heading_id, level, &r.footnotes, footnotes, typo);
    }
    let mut ids: Vec<String> = r.ids.into_iter().collect();
    ids.sort();
    Html { html: out, links: Links { ids, fragments: r.fragments }, charts: r.charts }
}

pub(crate) struct Rewriter<'a> {
    doc: &'a Doc,
    /// The whole file, and its Markdown body.
    source: &'a Arc<Source>,
    body: &'a str,
    routes: &'a Routes,
    typo: &'a Typography,
    rules: &'a Rules,
    problems: &'a mut Vec<Diagnostic>,
    ids: HashSet<String>,
    /// The next number to try after each id base (`base-2`, `base-3`, …), so
    /// that many headings with the same text take linear time.
    next_suffix: HashMap<String, usize>,
    /// Ids the theme writes on every page, never given out here.
    reserved: &'a HashSet<String>,
    /// Footnotes in order of first reference.
    footnotes: Vec<Footnote>,
    /// Rendered events waiting to be written (a heading's, once it is complete).
    out: VecDeque<Event<'a>>,
    fragments: Vec<FragmentLink>,
    /// The level of the last heading (the page title is level 1).
    last_heading: usize,
    /// The link being read: where it is, and whether it has text yet.
    open_link: Option<(Range<usize>, bool)>,
    open_image: Option<(Range<usize>, bool)>,
    last_raw_html_line: Option<usize>,
    /// Inside a fenced or indented code block: its text is published exactly as written.
    in_code_block: bool,
    /// Inside an HTML comment that started in an earlier HTML event.
    in_html_comment: bool,
    /// `@/` links that lead nowhere, so far.
    broken_links: usize,
    /// Charts placed so far.
    charts: Vec<IndicatorId>,
    /// The line each of `charts` is placed on.
    chart_lines: Vec<usize>,
    /// Inside a table cell: long words get soft hyphens.
    in_table_cell: bool,
}

impl<'a> Rewriter<'a> {
    fn event(&mut self, event: Event<'a>, range: Range<usize>) -> Event<'a> {
        match event {
            Event::Start(Tag::Link { link_type, dest_url, title, id }) => {
                self.open_link = Some((range.clone(), false));
                let dest_url = self.link(dest_url, range);
                Event::Start(Tag::Link { link_type, dest_url, title, id })
            }
            Event::End(TagEnd::Link) => {
                if let Some((span, false)) = self.open_link.take() {
                    self.problem(span, msg!(LinkNoText)).hint = Some(msg!(LinkNoTextHint));
                }
                Event::End(TagEnd::Link)
            }
            Event::Start(Tag::Image { link_type, dest_url, title, id }) => {
                if self.chart_target(&dest_url).is_some() {
                    self.misplaced_chart(range.clone());
                }
                // A chart (of a file that could not be read, already reported, or
                // at a wrong address) needs no text of its own: its indicator gives it.
                let chart = dest_url.to_ascii_lowercase().ends_with(".toml");
                self.open_image = Some((range.clone(), chart));
                let dest_url = match chart && !dest_url.starts_with("@/") {
                    true => self.chart_address(dest_url, range),
                    false => self.link(dest_url, range),
                };
                Event::Start(Tag::Image { link_type, dest_url, title, id })
            }
            Event::End(TagEnd::Image) => {
                if let Some((span, false)) = self.open_image.take() {
                    self.problem(span, msg!(ImageNoAlt)).hint = Some(msg!(ImageNoAltHint));
                }
                Event::End(TagEnd::Image)
            }
            Event::FootnoteReference(label) => {
                let (n, id, ref_id) = self.footnote_reference(&label);
                Event::Html(
                    format!("<sup class=\"footnote-ref\"><a href=\"#{id}\" id=\"{ref_id}\">{n}</a></sup>").into(),
                )
            }
            Event::Start(Tag::CodeBlock(kind)) => {
                self.in_code_block = true;
                if kind == CodeBlockKind::Indented {
                    self.indented_code(range);
                }
                Event::Start(Tag::CodeBlock(kind))
            }
            Event::End(TagEnd::CodeBlock) => {
                self.in_code_block = false;
                Event::End(TagEnd::CodeBlock)
            }
            Event::Start(Tag::TableCell) | Event::End(TagEnd::TableCell) => {
                self.in_table_cell = matches!(event, Event::Start(_));
                event
            }
            Event::Html(html) | Event::InlineHtml(html) => {
                if has_markup_outside_comments(&html, &mut self.in_html_comment) {
                    self.raw_html(range);
                }
                Event::Html(html)
            }
            e => {
                if let Event::Text(t) | Event::Code(t) = &e {
                    if !t.trim().is_empty() {
                        for open in [&mut self.open_link, &mut self.open_image].into_iter().flatten() {
                            open.1 = true;
                        }
                    }
                }
                self.text(e, range)
            }
        }
    }

    /// An error at `span` of the body.
    fn problem(&mut self, span: Range<usize>, message: Message) -> &mut Diagnostic {
        let offset = self.doc.body_offset;
        self.problems.push(Diagnostic::error_at(self.source, span.start + offset..span.end + offset, message));
        self.problems.last_mut().expect("just pushed")
    }

    /// Warns of text indented by a tab or four spaces (as a word processor
    /// indents a paragraph), which Markdown shows as code in a box: written
    /// so on purpose, code is fenced with ``` in a text for readers.
    fn indented_code(&mut self, span: Range<usize>) {
        // From the indent itself, at the start of its line.
        let offset = self.doc.body_offset;
        let line = self.source.text[..span.start + offset].rfind('\n').map_or(0, |at| at + 1);
        let d = self.problem(line.max(offset) - offset..span.end, msg!(IndentedCode));
        d.hint = Some(msg!(IndentedCodeHint));
        d.severity = Severity::Warning;
    }

    /// Reports raw HTML, once per line (an element's start and end tag are one problem).
    fn raw_html(&mut self, span: Range<usize>) {
        let line = self.source.line_of(span.start + self.doc.body_offset);
        if self.last_raw_html_line.replace(line) == Some(line) {
            return;
        }
        let forbid = self.rules.forbid_raw_html;
        let d = self.problem(span, msg!(RawHtml));
        d.hint = Some(if forbid { msg!(RawHtmlForbiddenHint) } else { msg!(RawHtmlHint) });
        if !forbid {
            d.severity = Severity::Warning;
        }
    }

    /// Outside code: fills in `{report_year}`, swaps English quotation
    /// marks for the language's own, and in a table cell puts soft hyphens
    /// in long words. Code stays exactly as written.
    fn text(&mut self, event: Event<'a>, range: Range<usize>) -> Event<'a> {
        match self.filled_text(event, range) {
            Event::Text(t) if self.in_table_cell && !self.rules.nesting.for_print => {
                Event::Text(hyphenate(&t, &self.doc.lang).into())
            }
            e => e,
        }
    }

    fn filled_text(&mut self, event: Event<'a>, range: Range<usize>) -> Event<'a> {
        let Event::Text(t) = event else { return event };
        if self.in_code_block {
            return Event::Text(t);
        }
        for (name, at) in mistyped_placeholders(&t).map(|(n, r)| (n.to_owned(), r)).collect::<Vec<_>>() {
            let span = range.start + at.start..range.start + at.end;
            let d = self.problem(span, msg!(PlaceholderUnknown, name = name));
            d.hint = Some(msg!(PlaceholderUnknownHint, placeholder = REPORT_YEAR));
            d.severity = Severity::Warning;
        }
        let t = match t.contains("{report_year}") {
            true => CowStr::from(t.replace("{report_year}", &self.rules.report_year)),
            false => t,
        };
        if !t.contains(['“', '”', '‘', '’']) {
            return Event::Text(t);
        }
        let (q1, q2) = self.typo.quotes;
        let (s1, s2) = self.typo.single_quotes;
        let t: String = t
            .chars()
            .map(|c| match c {
                '“' => q1,
                '”' => q2,
                '‘' => s1,
                '’' => s2,
                c => c,
            })
            .collect();
        Event::Text(t.into())
    }

    /// Heading classes and attributes (`{#id .class data-x=1}`): only the id is kept, and that is said.
    fn dropped_attributes(&mut self, range: &Range<usize>) {
        let d = self.problem(range.clone(), msg!(HeadingAttributes));
        d.hint = Some(msg!(HeadingAttributesHint));
        d.severity = Severity::Warning;
    }

    /// Footnote definitions that no text refers to are not published: said, with where they are.
    fn unreferenced_footnotes(&mut self, definitions: &HashMap<String, (Vec<Event>, Range<usize>)>) {
        let mut unused: Vec<(&String, &Range<usize>)> = definitions
            .iter()
            .filter(|(label, _)| !self.footnotes.iter().any(|f| f.label == **label))
            .map(|(label, (_, range))| (label, range))
            .collect();
        unused.sort_by_key(|(_, range)| range.start);
        for (label, range) in unused {
            let d = self.problem(range.clone(), msg!(FootnoteUnused, label = label));
            d.hint = Some(msg!(FootnoteUnusedHint, label = label));
            d.severity = Severity::Warning;
        }
    }

    /// The indicator an `@/` address names, if it names one.
    fn chart_target(&self, dest: &str) -> Option<IndicatorId> {
        match self.routes.resolve(dest.strip_prefix("@/")?) {
            Ok((PageRef::Indicator(id), None)) => Some(id),
            _ => None,
        }
    }

    /// Places the chart of `id`, where `range` is the image that asks for it.
    fn place_chart(&mut self, id: IndicatorId, range: Range<usize>) -> Event<'a> {
        let line = self.source.line_of(range.start + self.doc.body_offset);
        if let Some(first) = self.charts.iter().position(|c| *c == id).map(|i| self.chart_lines[i]) {
            self.problem(range, msg!(ChartPlacedTwice, line = first)).hint =
                Some(msg!(ChartPlacedTwiceHint, line = first));
        }
        self.charts.push(id);
        self.chart_lines.push(line);
        Event::Html(format!("{}\n", chart_placeholder(id)).into())
    }

    /// A chart asked for without `@/`: the address is wrong, not the text.
    fn chart_address(&mut self, dest: CowStr<'a>, range: Range<usize>) -> CowStr<'a> {
        let path = dest.trim_start_matches("./").trim_start_matches('/');
        let address = format!("@/{}", path.strip_prefix("content/").unwrap_or(path));
        self.problem(range, msg!(ChartAddress, written = &*dest)).hint =
            Some(msg!(ChartAddressHint, address = address));
        dest
    }

    /// A chart image that does not stand alone in its paragraph.
    fn misplaced_chart(&mut self, range: Range<usize>) {
        self.problem(range, msg!(ChartNotAlone)).hint = Some(msg!(ChartNotAloneHint));
    }

    fn heading(&mut self, level: HeadingLevel, id: Option<CowStr<'a>>, inner: Vec<Event<'a>>, span: Range<usize>) {
        let n = level as usize;
        if n == 1 {
            let d = self.problem(span.clone(), msg!(HeadingLevelOne));
            d.hint = Some(msg!(HeadingLevelOneHint));
            d.severity = Severity::Warning;
        } else if n > self.last_heading + 1 {
            let last = self.last_heading;
            let d = self.problem(span.clone(), msg!(HeadingJump, from = last, to = n));
            d.hint = Some(msg!(HeadingJumpHint, hashes = "#".repeat(last + 1)));
            d.severity = Severity::Warning;
        }
        self.last_heading = n;
        let mut text = String::new();
        for e in &inner {
            if let Event::Text(t) | Event::Code(t) = e {
                text.push_str(t);
            }
        }
        let base = match id {
            Some(id) if is_valid_slug(&id) => id.to_string(),
            Some(id) => {
                let d = self.problem(span, msg!(HeadingIdNotAnchor, id = &*id));
                d.hint = Some(msg!(HeadingIdNotAnchorHint, id = slugify(&id)));
                slugify(&text)
            }
            None => slugify(&text),
        };
        let base = if base.is_empty() { format!("h{n}") } else { base };
        let id = self.unique_id(base);
        let shown = (n + self.rules.nesting.heading_shift).min(6);
        self.out.push_back(Event::Html(format!("<h{shown} id=\"{id}\">").into()));
        // Soft hyphens in long words, once the id is made from the words as written.
        let lang = if self.rules.nesting.for_print { "" } else { self.doc.lang.as_str() };
        self.out.extend(inner.into_iter().map(|e| match e {
            Event::Text(t) => Event::Text(hyphenate(&t, lang).into()),
            e => e,
        }));
        self.out.push_back(Event::Html(format!("</h{shown}>\n").into()));
    }

    /// `base`, or `base-2`, `base-3`, …: an id used once on the page (after
    /// the nesting's prefix, if any). Ids that start with `gs-` are the
    /// theme's, never the text's.
    fn unique_id(&mut self, base: String) -> String {
        let base = match base.starts_with(THEME_ID_PREFIX) {
            true => format!("h-{base}"),
            false => base,
        };
        let mut id = base.clone();
        let mut n = self.next_suffix.get(&base).copied().unwrap_or(1);
        while self.reserved.contains(&id) || !self.ids.insert(id.clone()) {
            n += 1;
            id = format!("{base}-{n}");
        }
        self.next_suffix.insert(base, n);
        match self.rules.nesting.id_prefix.as_str() {
            "" => id,
            prefix => format!("{prefix}{id}"),
        }
    }

    /// The number, id and reference id of a footnote reference; the first
    /// reference to a label creates the footnote.
    fn footnote_reference(&mut self, label: &str) -> (usize, String, String) {
        let slug = footnote_slug(label);
        match self.footnotes.iter().position(|f| f.label == label) {
            Some(i) => {
                let ref_id = self.unique_id(format!("fnref-{slug}"));
                (i + 1, self.footnotes[i].id.clone(), ref_id)
            }
            None => {
                let id = self.unique_id(format!("fn-{slug}"));
                let ref_id = self.unique_id(format!("fnref-{slug}"));
                self.footnotes.push(Footnote { label: label.to_owned(), id: id.clone(), first_ref: ref_id.clone() });
                (self.footnotes.len(), id, ref_id)
            }
        }
    }
}

#[cfg(test)]
mod tests;
