#!/usr/bin/env python3
"""A site large enough for goalsite to make its search index in parts.

usage: make-site.py DIR PAGES

Writes DIR/site.toml (Swedish and English, search on) and PAGES pages per
language under DIR/content/, each titled with a few made-up words and its
number (so that a search for its title finds it first), ten pages to a
section. Made up, not official: no figures, no goals.
"""

import random
import sys
from pathlib import Path

SITE = """base_url = "https://example.org/parts/"
theme = "default"
report_year = 2024

[[languages]]
code = "sv"
name = "Svenska"

[[languages]]
code = "en"
name = "English"

[title]
sv = "Sök i delar"
en = "Search in parts"

[description]
sv = "En påhittad webbplats för att pröva sökningen"
en = "A made-up site to try the search"

[footer]
organisation = { sv = "Testkommunen", en = "Test Municipality" }

[open_data]
licence = "CC0-1.0"
contact_email = "data@example.org"
themes = ["GOVE"]
published = 2026-01-31

[[scale]]
id = "ja"
kind = "met"
label = { sv = "Ja", en = "Yes" }

[[scale]]
id = "nej"
kind = "not-met"
label = { sv = "Nej", en = "No" }

[search]
enabled = true
"""

SYLLABLES = ["ka", "lo", "mi", "nu", "ra", "se", "ti", "vo", "bä", "dö", "få", "gy", "hå", "jy"]


def word(rng):
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))


def main():
    root, pages = Path(sys.argv[1]), int(sys.argv[2])
    rng = random.Random(25)
    (root / "content").mkdir(parents=True)
    (root / "site.toml").write_text(SITE, encoding="utf-8")
    for lang in ("sv", "en"):
        (root / "content" / f"_index.{lang}.md").write_text(f'+++\ntitle = "Start {lang}"\n+++\nStart.\n', encoding="utf-8")
    for i in range(pages):
        section = root / "content" / f"del-{i // 10:03}"
        section.mkdir(exist_ok=True)
        for lang in ("sv", "en"):
            title = " ".join(word(rng) for _ in range(3)) + f" {i}"
            body = "\n\n".join(" ".join(word(rng) for _ in range(40)) + "." for _ in range(3))
            text = f'+++\ntitle = "{title}"\n+++\n\n{body}\n'
            (section / f"text-{i:05}.{lang}.md").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
