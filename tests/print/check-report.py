#!/usr/bin/env python3
"""The printed full report, checked as a council secretary would read it.

Builds the site at ROOT with goalsite, serves it on 127.0.0.1, prints the full
report page of every language to PDF with headless Chromium (as the browser's
Print -> Save as PDF does) and reads each PDF back with pdftotext. Fails
unless, in every language:

  - the PDF is A4 and no page is blank (each has text besides its page number);
  - every programme's title appears;
  - every goal appears as a table row with its target and this year's
    assessment (the scale's label), in that order;
  - every indicator's chart title (with its report label, "Diagram 3.")
    appears.

What is expected comes from the content's TOML files, not from the built
page, so a page that leaves something out fails.

usage: check-report.py --root ROOT --goalsite BINARY --out DIR
"""

import argparse
import functools
import http.server
import re
import socket
import subprocess
import sys
import threading
import tomllib
from pathlib import Path

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--no-pdf-header-footer",
]


def tr(text, lang):
    """A translatable TOML value in `lang` (a plain string is every language's)."""
    if text is None:
        return None
    return text if isinstance(text, str) else text.get(lang)


def squash(text):
    """Text with every run of white space (line breaks, no-break spaces) as one space."""
    return re.sub(r"\s+", " ", text).strip()


def expectations(root, lang):
    """What the report in `lang` must hold, from the content."""
    site = tomllib.loads((root / "site.toml").read_text())
    year = site["report_year"]
    labels = {step["id"]: tr(step["label"], lang) for step in site["scale"]}
    theme = site.get("theme", "default")
    i18n = tomllib.loads((root / "themes" / theme / "i18n" / f"{lang}.toml").read_text())["strings"]
    programmes, goals, charts = [], [], []
    for programme_file in sorted((root / "content").glob("*/programme.toml")):
        folder = programme_file.parent
        programme = tomllib.loads(programme_file.read_text())
        programmes.append(tr(programme["title"], lang))
        assessed = folder / "assessments" / f"{year}.toml"
        assessments = tomllib.loads(assessed.read_text()) if assessed.exists() else {}
        for goal in programme.get("goal", []):
            status = assessments.get(goal["id"], {}).get("status")
            label = labels[status] if status else i18n["no_assessment"]
            goals.append((tr(goal["title"], lang), tr(goal["target"], lang).replace("{report_year}", str(year)), label))
        for indicator_file in sorted((folder / "indicators").glob("*.toml")):
            indicator = tomllib.loads(indicator_file.read_text())
            title = tr(indicator["title"], lang)
            label = tr(indicator.get("label"), lang)
            charts.append(f"{label}. {title}" if label else title)
    return i18n["report_slug"], programmes, goals, charts


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run(cmd):
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout


def check_pdf(pdf, programmes, goals, charts):
    """The problems of one printed report."""
    problems = []
    info = run(["pdfinfo", str(pdf)])
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    if "(A4)" not in info:
        problems.append(f"not A4: {re.search(r'^Page size:.*$', info, re.M).group(0)}")
    for n in range(1, pages + 1):
        text = run(["pdftotext", "-f", str(n), "-l", str(n), str(pdf), "-"])
        without_number = re.sub(rf"\b{n}\s*/\s*{pages}\b", "", text)
        if not squash(without_number):
            problems.append(f"page {n} of {pages} is blank")
    text = squash(run(["pdftotext", str(pdf), "-"]))
    for title in programmes:
        if title not in text:
            problems.append(f"the programme {title!r} is missing")
    for title, target, label in goals:
        # The row: goal, target, then the assessment (after its icon, if any).
        row = rf"{re.escape(title)} {re.escape(squash(target))} (\S )?{re.escape(label)}\b"
        if not re.search(row, text):
            problems.append(f"the goal {title!r} with its target and assessment {label!r} is missing")
    for title in charts:
        if squash(title) not in text:
            problems.append(f"the chart {title!r} is missing")
    return pages, problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, required=True)
    parser.add_argument("--goalsite", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args()
    root = args.root.resolve()
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    site = args.out / "print-site"
    build = [str(args.goalsite), "build", "--quiet", "--root", str(root), "--output", str(site), "--base-url", base]
    subprocess.run(build, check=True)
    # The site is built for this port; serve it there.
    handler = functools.partial(QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    languages = [lang["code"] for lang in tomllib.loads((root / "site.toml").read_text())["languages"]]
    failed = 0
    for lang in languages:
        slug, programmes, goals, charts = expectations(root, lang)
        pdf = args.out / f"report-{lang}.pdf"
        url = f"{base}{lang}/{slug}/"
        subprocess.run([args.chromium, *CHROMIUM_ARGS, f"--print-to-pdf={pdf}", url], check=True, capture_output=True)
        pages, problems = check_pdf(pdf, programmes, goals, charts)
        print(f"{lang}: {url} printed to {pages} pages; {len(goals)} goals, {len(charts)} charts, {len(programmes)} programmes")
        for p in problems:
            print(f"  FAIL {p}")
        failed += bool(problems)
    server.shutdown()
    print(f"{len(languages) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
