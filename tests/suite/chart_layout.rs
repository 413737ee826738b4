//! Chart layout, measured in the drawings themselves: on the Umeå site, the
//! hard-charts fixture and the Norrvik fixture, in every language, wide and
//! narrow, no text is crossed by a drawn line (a series or a target, at
//! least 1.5 units wide) or covered by a marker; and the labels the Norrvik
//! fixture was made to test are where they should be. The browser suite
//! (tests/browser/check-charts.mjs) measures the same on the built pages.

use std::path::PathBuf;

use goalsite::harness::{chart_text_box, Charts};

type Box4 = (f32, f32, f32, f32);

/// A drawn chart's texts (with their boxes), drawn lines and marker boxes.
struct Drawn {
    texts: Vec<(String, Box4)>,
    lines: Vec<((f32, f32), (f32, f32))>,
    markers: Vec<Box4>,
}

fn num(n: &roxmltree::Node, a: &str) -> f32 {
    n.attribute(a).and_then(|v| v.parse().ok()).unwrap_or(0.0)
}

fn parse(svg: &str) -> Drawn {
    let doc = roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("{e}: {svg}"));
    let mut d = Drawn { texts: Vec::new(), lines: Vec::new(), markers: Vec::new() };
    for n in doc.descendants() {
        match n.tag_name().name() {
            "text" => {
                let text = n.text().unwrap_or_default().trim().to_owned();
                let bold = n.attribute("font-weight") == Some("bold");
                let anchor = n.attribute("text-anchor").unwrap_or("start");
                let size = num(&n, "font-size");
                let b = chart_text_box(&text, size, bold, (num(&n, "x"), num(&n, "y")), anchor);
                d.texts.push((text, b));
            }
            "line" if num(&n, "stroke-width") >= 1.5 => {
                d.lines.push(((num(&n, "x1"), num(&n, "y1")), (num(&n, "x2"), num(&n, "y2"))));
            }
            "circle" => {
                let (x, y, r) = (num(&n, "cx"), num(&n, "cy"), num(&n, "r"));
                d.markers.push((x - r, y - r, x + r, y + r));
            }
            "polygon" => {
                let points: Vec<f32> = n
                    .attribute("points")
                    .unwrap_or_default()
                    .split([' ', ','])
                    .filter_map(|v| v.parse().ok())
                    .collect();
                let xs = points.iter().step_by(2);
                let ys = points.iter().skip(1).step_by(2);
                let (l, r) = xs.fold((f32::MAX, f32::MIN), |(l, r), x| (l.min(*x), r.max(*x)));
                let (t, b) = ys.fold((f32::MAX, f32::MIN), |(t, b), y| (t.min(*y), b.max(*y)));
                d.markers.push((l, t, r, b));
            }
            _ => {}
        }
    }
    d
}

/// Whether the segment `a`–`b` passes through the box (Liang–Barsky).
fn crosses(a: (f32, f32), b: (f32, f32), (l, t, r, bo): Box4) -> bool {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let (mut t0, mut t1) = (0.0f32, 1.0f32);
    for (p, q) in [(-dx, a.0 - l), (dx, r - a.0), (-dy, a.1 - t), (dy, bo - a.1)] {
        if p == 0.0 {
            if q < 0.0 {
                return false;
            }
        } else if p < 0.0 {
            t0 = t0.max(q / p);
        } else {
            t1 = t1.min(q / p);
        }
    }
    t0 < t1
}

/// What is wrong with one drawing: texts crossed or covered.
fn faults(d: &Drawn) -> Vec<String> {
    let mut out = Vec::new();
    for (text, (l, t, r, b)) in &d.texts {
        // As the eye reads it: the glyphs' box less a unit on each side.
        let inner = (l + 1.0, t + 1.0, r - 1.0, b - 1.0);
        if d.lines.iter().any(|(a, z)| crosses(*a, *z, inner)) {
            out.push(format!("{text:?} is crossed by a line"));
        }
        if d.markers.iter().any(|m| m.0 < inner.2 && inner.0 < m.2 && m.1 < inner.3 && inner.1 < m.3) {
            out.push(format!("{text:?} is covered by a marker"));
        }
    }
    out
}

fn site(rel: &str) -> Charts {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(rel);
    Charts::load(&root).unwrap_or_else(|d| panic!("{rel} does not load: {d:?}"))
}

/// Every chart of the site at `rel`, in every language, wide and narrow:
/// (where, drawing).
fn every_drawing(rel: &str) -> Vec<(String, Drawn)> {
    let charts = site(rel);
    let mut out = Vec::new();
    for i in 0..charts.indicators() {
        for lang in charts.languages() {
            for wide in [true, false] {
                let svg = charts.draw(i, &lang, wide);
                let name = format!("{rel}: {} ({lang}, {})", charts.id(i), if wide { "wide" } else { "narrow" });
                out.push((name, parse(&svg)));
            }
        }
    }
    out
}

fn no_text_crossed_or_covered(rel: &str) {
    let problems: Vec<String> = every_drawing(rel)
        .iter()
        .flat_map(|(name, d)| faults(d).into_iter().map(move |f| format!("{name}: {f}")))
        .collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn no_text_is_crossed_by_a_line_or_covered_by_a_marker_on_the_norrvik_fixture() {
    no_text_crossed_or_covered("tests/fixtures/norrvik");
}

#[test]
fn no_text_is_crossed_by_a_line_or_covered_by_a_marker_on_the_hard_charts_fixture() {
    no_text_crossed_or_covered("tests/fixtures/charts");
}

#[test]
fn no_text_is_crossed_by_a_line_or_covered_by_a_marker_on_the_umea_site() {
    no_text_crossed_or_covered(".");
}

/// The texts of one Norrvik chart in English.
fn norrvik_texts(id: &str, wide: bool) -> (Vec<String>, Drawn) {
    let charts = site("tests/fixtures/norrvik");
    let i = (0..charts.indicators()).find(|i| charts.id(*i) == id).unwrap_or_else(|| panic!("no {id}"));
    let d = parse(&charts.draw(i, "en", wide));
    (d.texts.iter().map(|(t, _)| t.clone()).collect(), d)
}

#[test]
fn a_target_label_that_names_its_value_is_not_followed_by_it_again() {
    let (texts, _) = norrvik_texts("net-emissions", true);
    assert!(texts.contains(&"Target 2030: −20".to_owned()), "{texts:?}");
    assert!(!texts.iter().any(|t| t.contains("−20: ")), "{texts:?}");
    let (texts, _) = norrvik_texts("homes-completed", true);
    assert!(texts.contains(&"Target 2025: 400".to_owned()), "a label without the value gets it: {texts:?}");
}

#[test]
fn the_last_value_of_the_highlighted_series_and_every_first_and_last_value_are_labelled() {
    let (texts, _) = norrvik_texts("net-emissions", true);
    for v in ["112.4", "−15.1", "95.0", "16.4"] {
        assert!(texts.contains(&v.to_owned()), "{v} missing: {texts:?}");
    }
    for wide in [true, false] {
        let (texts, _) = norrvik_texts("cycling-share", wide);
        for v in ["2.00", "10.00", "4.00", "14.50"] {
            assert!(texts.contains(&v.to_owned()), "{v} missing (wide {wide}): {texts:?}");
        }
    }
}

#[test]
fn a_value_two_series_share_at_one_point_is_labelled_once() {
    for wide in [true, false] {
        let (texts, _) = norrvik_texts("population-forecast", wide);
        assert_eq!(texts.iter().filter(|t| *t == "46,005").count(), 1, "{texts:?}");
        assert!(texts.iter().any(|t| t.starts_with("Target 2030")), "the target keeps its label: {texts:?}");
    }
}

#[test]
fn a_value_label_stays_inside_the_plot_clear_of_the_tick_labels() {
    for wide in [true, false] {
        let (_, d) = norrvik_texts("cycling-share", wide);
        let ticks_end = d.texts.iter().filter(|(t, _)| t == "15").map(|(_, b)| b.2).fold(f32::MIN, f32::max);
        let first = d.texts.iter().find(|(t, _)| t == "2.00").expect("2.00 is labelled");
        // At least a font size (14 units) from the tick labels, or it reads as one of them.
        assert!(first.1 .0 >= ticks_end + 14.0, "2.00 starts at {} beside the ticks ending at {ticks_end}", first.1 .0);
    }
}
