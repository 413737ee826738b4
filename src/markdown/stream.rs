//! The Markdown parser's events, rendered one at a time on their way to the
//! HTML writer: no part of a document waits in memory but a heading (until
//! its id is known), a table (until its header names its scroll box), a
//! footnote definition (moved to the end) and an opened block quote
//! (dropped if it turns out empty).

use std::collections::HashMap;
use std::iter::Peekable;
use std::ops::Range;

use pulldown_cmark::{Event, OffsetIter, Tag, TagEnd};

use super::Rewriter;

/// Footnote definitions by label: their rendered events and where they are.
pub type Definitions<'a> = HashMap<String, (Vec<Event<'a>>, Range<usize>)>;

/// The rendered events of one document, as an iterator the HTML writer reads.
pub struct Stream<'a> {
    r: Rewriter<'a>,
    events: Peekable<OffsetIter<'a>>,
    footnotes: Definitions<'a>,
    /// A block quote's start, held back until its first content shows it is not empty.
    quote: Option<Event<'a>>,
}

impl<'a> Stream<'a> {
    pub fn new(r: Rewriter<'a>, events: OffsetIter<'a>) -> Self {
        Stream { r, events: events.peekable(), footnotes: HashMap::new(), quote: None }
    }

    /// The renderer's state and the footnote definitions, once the stream is read.
    pub fn finish(self) -> (Rewriter<'a>, Definitions<'a>) {
        (self.r, self.footnotes)
    }

    /// The events up to the end tag that `is_end` recognises, rendered.
    fn inner(&mut self, is_end: impl Fn(&Event) -> bool) -> Vec<Event<'a>> {
        let mut inner = Vec::new();
        for (e, range) in self.events.by_ref() {
            if is_end(&e) {
                break;
            }
            inner.push(self.r.event(e, range));
        }
        inner
    }

    /// A paragraph that holds only an image of an indicator's chart becomes
    /// the chart's placeholder (the paragraph's start is already read).
    fn placed_chart(&mut self) -> Option<Event<'a>> {
        let (Event::Start(Tag::Image { dest_url, .. }), range) = self.events.peek()? else { return None };
        let id = self.r.chart_target(dest_url)?;
        let range = range.clone();
        self.events.next();
        for (e, _) in self.events.by_ref() {
            if matches!(e, Event::End(TagEnd::Image)) {
                break;
            }
        }
        let alone = matches!(self.events.peek(), Some((Event::End(TagEnd::Paragraph), _)));
        if !alone {
            self.r.misplaced_chart(range.clone());
            return Some(Event::Start(Tag::Paragraph));
        }
        self.events.next();
        Some(self.r.place_chart(id, range))
    }

    /// The report year that ends a heading (`{report_year}`, read by the
    /// parser as an attribute block), with the space written before it, if
    /// any: "Utvecklingen 2024", but "2000–2024" and "2000-2024".
    fn heading_year(&self, range: &Range<usize>) -> String {
        let source = self.r.body.get(range.clone()).unwrap_or_default();
        let before = source.rfind("{report_year}").and_then(|at| source[..at].chars().next_back());
        match before {
            Some(c) if !c.is_whitespace() => self.r.rules.report_year.clone(),
            _ => format!(" {}", self.r.rules.report_year),
        }
    }

    /// A table in a box of its own that scrolls sideways when the table is
    /// wider than the screen (the page never does), named for screen
    /// readers by its column headers, and reachable by keyboard.
    fn scrolling_table(&mut self, start: Event<'a>, inner: Vec<Event<'a>>) {
        let mut in_head = false;
        let mut headers: Vec<String> = Vec::new();
        for e in &inner {
            match e {
                Event::Start(Tag::TableHead) => in_head = true,
                Event::End(TagEnd::TableHead) => in_head = false,
                Event::Start(Tag::TableCell) if in_head => headers.push(String::new()),
                Event::Text(t) | Event::Code(t) if in_head => {
                    if let Some(h) = headers.last_mut() {
                        h.push_str(&crate::text::unhyphenate(t));
                    }
                }
                _ => {}
            }
        }
        let label = crate::text::escape(&headers.join(", "));
        let open = format!("<div class=\"table-scroll\" role=\"region\" aria-label=\"{label}\" tabindex=\"0\">\n");
        self.r.out.push_back(Event::Html(open.into()));
        self.r.out.push_back(start);
        self.r.out.extend(inner);
        self.r.out.push_back(Event::End(TagEnd::Table));
        self.r.out.push_back(Event::Html("</div>\n".into()));
    }

    /// Writes a held-back block quote start before anything else.
    fn release_quote(&mut self) {
        if let Some(start) = self.quote.take() {
            self.r.out.push_back(start);
        }
    }
}

impl<'a> Iterator for Stream<'a> {
    type Item = Event<'a>;

    fn next(&mut self) -> Option<Event<'a>> {
        loop {
            if let Some(e) = self.r.out.pop_front() {
                return Some(e);
            }
            let Some((event, range)) = self.events.next() else {
                self.release_quote();
                return self.r.out.pop_front();
            };
            match event {
                Event::Start(Tag::Heading { level, id, classes, attrs }) => {
                    // `## Utvecklingen {report_year}` reads to the parser as an
                    // attribute block at the heading's end: it is the year.
                    let (year, attrs): (Vec<_>, Vec<_>) =
                        attrs.into_iter().partition(|(k, v)| k.as_ref() == "report_year" && v.is_none());
                    if !classes.is_empty() || !attrs.is_empty() {
                        self.r.dropped_attributes(&range);
                    }
                    self.release_quote();
                    let mut inner = self.inner(|e| matches!(e, Event::End(TagEnd::Heading(_))));
                    if !year.is_empty() {
                        inner.push(Event::Text(self.heading_year(&range).into()));
                    }
                    self.r.heading(level, id, inner, range);
                }
                Event::Start(Tag::Table(alignment)) => {
                    self.release_quote();
                    let inner = self.inner(|e| matches!(e, Event::End(TagEnd::Table)));
                    self.scrolling_table(Event::Start(Tag::Table(alignment)), inner);
                }
                Event::Start(Tag::FootnoteDefinition(label)) => {
                    let inner = self.inner(|e| matches!(e, Event::End(TagEnd::FootnoteDefinition)));
                    self.footnotes.insert(label.to_string(), (inner, range));
                }
                Event::Start(Tag::BlockQuote(kind)) => {
                    self.release_quote();
                    self.quote = Some(Event::Start(Tag::BlockQuote(kind)));
                }
                // A block quote that held only a footnote definition (moved to
                // the end of the text) is not published empty.
                Event::End(TagEnd::BlockQuote(_)) if self.quote.is_some() => self.quote = None,
                Event::Start(Tag::Paragraph) => {
                    self.release_quote();
                    let event = self.placed_chart().unwrap_or(Event::Start(Tag::Paragraph));
                    self.r.out.push_back(event);
                }
                e => {
                    self.release_quote();
                    let e = self.r.event(e, range);
                    self.r.out.push_back(e);
                }
            }
        }
    }
}
