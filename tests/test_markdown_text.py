"""Markdown notes (read-later apps, scrapers' Markdown): front matter fields and plain lines."""
from __future__ import annotations

from pathlib import Path

from kzresearch.markdown_text import plain_text
from kzresearch.reading import read_file

NOTE = """\ufeff---
title: "Land protests end in mass detentions"
url: https://www.example.org/land-protests/
site_name: Example Story
author: "A. Writer"
saved: 2021-03-14T22:41:07Z
labels: [kazakhstan, "to reread"]
---

# Land protests end in mass detentions

By [A. Writer](https://www.example.org/author/a-writer/) · May 25, 2016

![Police lead a man away in Almaty. Photo: Getty Images](https://www.example.org/a.jpg)

## How it started

> More than 300 people were *detained* in Almaty, according to [Human Rights Watch](https://www.hrw.org/).

* * *
[1]: https://www.example.org/footnote
"""


def test_a_note_gives_its_front_matter_fields_and_plain_lines(tmp_path: Path):
    (tmp_path / "note.txt").write_text(NOTE, encoding="utf-8")
    [doc], problems = read_file(tmp_path / "note.txt", tmp_path)
    # "saved" is the app's time, not the article's: no publication date from it
    assert problems == [] and doc.meta == {"title": "Land protests end in mass detentions", "url": "https://www.example.org/land-protests/",
                                           "outlet": "Example Story", "byline": "A. Writer"}
    lines = [line for line in doc.text.split("\n") if line]
    assert lines == ["Land protests end in mass detentions", "By A. Writer · May 25, 2016",
                     "Police lead a man away in Almaty. Photo: Getty Images", "How it started",
                     "More than 300 people were detained in Almaty, according to Human Rights Watch."]


def test_scraped_markdown_without_front_matter_takes_its_first_heading_as_title(tmp_path: Path):
    page = ("[Skip to content](#content)\n* [News](https://x.org/news/)\n* [World](https://x.org/world/)\n\n"
            "## Latest\n# Kazakhs vote as Nazarbayev seeks fifth term\n\nTurnout was **95.22** percent, the [commission](/cec) said.\n")
    (tmp_path / "page.txt").write_text(page, encoding="utf-8")
    [doc], _ = read_file(tmp_path / "page.txt", tmp_path)
    assert doc.meta == {"title": "Kazakhs vote as Nazarbayev seeks fifth term"}
    assert "Turnout was 95.22 percent, the commission said." in doc.text and "](" not in doc.text


def test_text_that_is_not_markdown_is_left_alone(tmp_path: Path):
    texts = {
        "one_link.txt": "Police detained [30 people](https://example.org/b) in Almaty on *Sunday*.\n",
        "rule_first.txt": "---\nPolice detained 30 people in Almaty.\n---\nMore text.\n",  # a rule, not fields
        "unclosed.txt": "---\ntitle: x\nPolice detained 30 people in Almaty.\n",
        "no_fields.txt": "---\nALMATY: Police detained 30 people.\n---\nMore text.\n",  # a mapping of no field's
    }
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        [doc], _ = read_file(tmp_path / name, tmp_path)
        assert doc.text == text and doc.meta == {}, name


def test_inline_markup_goes_and_plain_words_stay():
    assert plain_text("**Turnout** was __77.5__ percent; 2*3 and snake_case_words stay \\*escaped\\*") == \
        "Turnout was 77.5 percent; 2*3 and snake_case_words stay *escaped*"
    assert plain_text("See [the report][2] and ![](https://x.org/a.png)") == "See the report and "


def test_a_colon_left_unquoted_in_front_matter_and_an_address_with_brackets(tmp_path: Path):
    note = ("---\ntitle: Kazakhstan: 164 killed in unrest\nsite_name: Example News\n---\n# Kazakhstan: 164 killed\n\n"
            "[Amanat](https://en.wikipedia.org/wiki/Amanat_(party)) won 53.9 percent.\n")
    (tmp_path / "note.txt").write_text(note, encoding="utf-8")
    [doc], _ = read_file(tmp_path / "note.txt", tmp_path)
    assert doc.meta == {"title": "Kazakhstan: 164 killed in unrest", "outlet": "Example News"}
    assert doc.text.strip().endswith("Amanat won 53.9 percent.")
