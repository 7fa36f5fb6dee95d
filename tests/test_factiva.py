"""Records exported from Factiva in its layout of tagged fields."""
from __future__ import annotations

from kzresearch.factiva import read_factiva
from kzresearch.metadata import credited_byline
from kzresearch.reading import read_file

RECORD = """\
Example Archive Export \u2014 Document 1 of 1

HD    Kazakh voters back new constitution
BY    By Jane Smith, FOREIGN DESK, with reports from The Associated Press
WC    612 words
PD    1 September 1995
SN    The Example Dealer
SC    EXDL
LA    English
CY    (c) 1995 The Example Dealer. All rights reserved.

LP    ALMATY, Kazakhstan \u2014 Voters approved a new constitution, according to preliminary returns.

      Officials said 89 percent of them voted yes.

TD    On Tuesday, about 40 protesters gathered outside the old parliament building.

AN    Document EXDL000019950901dr9100001
"""


def test_a_record_gives_its_fields_and_the_story_alone():
    story, meta = read_factiva(RECORD)
    lines = story.splitlines()
    assert lines[0] == "Kazakh voters back new constitution" and lines[1].startswith("ALMATY, Kazakhstan")
    assert "Officials said 89 percent of them voted yes." in lines and lines[-1].startswith("On Tuesday, about 40 protesters")
    assert not any(tag in story for tag in ("WC ", "612 words", "EXDL", "Document EXDL", "All rights reserved"))
    assert meta == {"title": "Kazakh voters back new constitution", "outlet": "The Example Dealer", "published": "1995-09-01",
                    "byline": "By Jane Smith, FOREIGN DESK, with reports from The Associated Press"}
    assert credited_byline(meta["byline"], {"the associated press": "AP"}, meta["outlet"]) == ("Jane Smith", ["AP"])


def test_other_texts_and_files_of_several_records_are_no_record():
    assert read_factiva("HD    A headline\nPolice detained 30 people.") is None  # (no story tag, no indexing)
    assert read_factiva("IN    Almaty, police detained 30.\nRE    About 300 rallied.\nTD    Text") is None  # (no headline)
    assert read_factiva(RECORD + "\n" + RECORD) is None  # (two records: read as text, not as the first alone)


def test_a_factiva_record_saved_as_text_is_read_with_its_fields(tmp_path):
    path = tmp_path / "record.txt"
    path.write_bytes(RECORD.encode("cp1252", errors="replace"))
    (doc,), problems = read_file(path, tmp_path)
    assert not problems and doc.meta["outlet"] == "The Example Dealer" and doc.text.startswith("Kazakh voters back")
