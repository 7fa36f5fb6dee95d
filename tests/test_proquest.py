"""Record pages saved from a news database in the ProQuest layout."""
from __future__ import annotations

from kzresearch.proquest import read_proquest
from kzresearch.reading import read_file

RECORD = """\
Canadian Newsstream
Basic Search | Advanced | Publications | Browse | Settings
Document 3 of 17   « Previous   Next »

Kazakh ruling party sweeps vote

AGENCE FRANCE-PRESSE. The Example Gazette; Winnipeg, Man. [Winnipeg, Man]. 20 Aug 2007: A14.

Abstract (summary)
Nur Otan won every elected seat, according to preliminary results released yesterday [...]

Full Text
ASTANA, Kazakhstan - Nur Otan won every elected seat, according to preliminary results released yesterday.
Turnout was just under 65 per cent, election officials said.

Credit: AGENCE FRANCE-PRESSE
Word count: 612
Copyright Material Gazette Aug 20, 2007

Details
Subject: Elections; Political parties
Publication title: The Example Gazette; Winnipeg, Man.
Publication date: Aug 20, 2007
ProQuest document ID: 434587201
Last updated: 2023-11-20
Database: Canadian Newsstream
"""


def test_a_record_gives_its_indexing_and_the_story_alone():
    story, meta = read_proquest(RECORD)
    assert story.splitlines()[0] == "Kazakh ruling party sweeps vote"
    assert story.splitlines()[1].startswith("ASTANA, Kazakhstan") and story.endswith("election officials said.")
    assert meta == {"title": "Kazakh ruling party sweeps vote", "outlet": "The Example Gazette", "published": "2007-08-20",
                    "byline": "AGENCE FRANCE-PRESSE", "wire": "AGENCE FRANCE-PRESSE"}


def test_text_that_is_no_record_is_left_alone():
    assert read_proquest("Full Text\nPolice detained 30 people.\nDetails\nThe rally was small.") is None
    assert read_proquest("Police detained 30 people.\nPublication date: Aug 20, 2007\nPublisher: X") is None


def test_a_record_saved_as_text_is_read_as_one(tmp_path):
    path = tmp_path / "record.txt"
    path.write_text(RECORD, encoding="utf-8")
    (doc,), problems = read_file(path, tmp_path)
    assert problems == [] and doc.meta["published"] == "2007-08-20" and "Last updated" not in doc.text


def test_a_story_line_that_opens_with_a_labels_word_goes_on():
    story, _ = read_proquest(RECORD.replace("Turnout was just under 65 per cent", "Credit Suisse analysts said turnout was just under 65 per cent"))
    assert story.endswith("election officials said.")
