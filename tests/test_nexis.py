"""Documents exported from a news database in the Nexis text layout."""
from __future__ import annotations

from kzresearch.nexis import read_nexis
from kzresearch.reading import read_file

EXPORT = """\
                                                   Page 1 of 2

                        3 of 41 DOCUMENTS

                 Copyright 2019 The Daily Example Ltd.
                        All Rights Reserved

                 The Daily Example (London) -- Final Edition

                    June 10, 2019 Monday

SECTION: WORLD; Pg. 14

LENGTH: 412 words

HEADLINE: Hundreds held as Kazakhs protest against vote

BYLINE: Anna Petrova in Almaty

DATELINE: ALMATY

BODY:

Police detained hundreds of people in Almaty on Sunday.

The interior ministry said 500 were held.

LOAD-DATE: June 11, 2019

LANGUAGE: ENGLISH
"""


def test_the_header_gives_metadata_and_the_story_alone_is_the_text():
    story, meta = read_nexis(EXPORT)
    assert meta == {"title": "Hundreds held as Kazakhs protest against vote", "byline": "Anna Petrova in Almaty",
                    "published": "2019-06-10", "outlet": "The Daily Example"}
    assert story.split("\n")[0] == meta["title"]
    assert "LOAD-DATE" not in story and "LENGTH" not in story and story.rstrip().endswith("500 were held.")


def test_a_page_number_alone_above_the_header_is_no_outlet():
    story, meta = read_nexis(EXPORT.replace("Page 1 of 2", "Page 1"))
    assert meta["outlet"] == "The Daily Example"


def test_other_texts_are_not_read_as_exports():
    assert read_nexis("Police detained 30 people.\nNOTE: an editor's note.\nBODY: nothing") is None
    assert read_nexis("HEADLINE: a headline without a story") is None


def test_a_text_file_in_the_layout_is_read_with_its_header(tmp_path):
    (tmp_path / "export.txt").write_text(EXPORT, encoding="utf-8")
    [doc], problems = read_file(tmp_path / "export.txt", tmp_path)
    assert problems == [] and doc.fmt == "txt"
    assert doc.meta["published"] == "2019-06-10" and doc.text.startswith("Hundreds held")


def test_nexis_uni_labels_and_day_first_dates_are_read_but_a_memo_is_not_an_export():
    uni = "The Daily Example\n5 April 2011 Tuesday\nHeadline: Vote count ends\nByline: Ann Lee\nBody\nPolice came.\nLoad-Date: April 6, 2011\n"
    story, meta = read_nexis(uni)
    assert story == "Vote count ends\nPolice came." and meta["published"] == "2011-04-05" and meta["byline"] == "Ann Lee"
    assert read_nexis("TO: staff\nHEADLINE: Lunch\nBODY:\nWe eat at noon.") is None
