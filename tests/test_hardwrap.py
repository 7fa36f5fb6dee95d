"""Hard-wrapped text (OCR, a PDF's text, a newsletter at 72 columns): paragraphs joined, web text left alone."""
from __future__ import annotations

from kzresearch.cleaning import classify_lines
from kzresearch.hardwrap import logical_lines, wrap_width
from kzresearch.pipeline import process_document
from kzresearch.reading import RawDocument

WRAPPED = """\
PAGE 4  ·  TUESDAY, JANUARY 12, 1999                          THE DAILY

Leader claims easy re-election

By A. Writer

ALMATY, Kazakhstan -- President Nursultan Nazarbayev coasted to a new
seven-year term, according to official returns released yesterday, and
police broke up a small protest within hours of the announcement.

The Central Election Commission said Nazarbayev won 81.7 per-
cent of the vote in Sunday's balloting. Serikbolsyn Abdildin, the
leader of the Communist Party, was a distant second with 11.9 percent.
    Indented, a new paragraph starts here without a blank line before
it and ends on a short line.
He said the party had                  MOSCOW -- About 2,000 striking
collected evidence of                  miners blocked the railroad near
ballot stuffing in at                  a mine for a third day yesterday.
"""


def test_a_wrapped_text_is_read_as_its_paragraphs():
    joined = dict(logical_lines(WRAPPED))
    assert joined[7] == ("ALMATY, Kazakhstan -- President Nursultan Nazarbayev coasted to a new seven-year term, according "
                         "to official returns released yesterday, and police broke up a small protest within hours of the announcement.")
    # the word a hyphen split is whole again; the paragraph goes on past a sentence's end at a line's end
    assert joined[11].startswith("The Central Election Commission said Nazarbayev won 81.7 percent of the vote") and \
        joined[11].endswith("a distant second with 11.9 percent.")
    assert joined[3] == "Leader claims easy re-election" and joined[5] == "By A. Writer"  # short lines stand alone
    assert joined[14].startswith("    Indented,")  # an indented line opens a paragraph
    # two columns side by side are left as they are, line by line
    assert joined[16].startswith("He said the party had") and joined[17].startswith("collected evidence of")


def test_text_whose_lines_are_paragraphs_is_left_alone():
    web = ("Police detained dozens of protesters in Almaty on Sunday, the Interior Ministry said in a statement "
           "issued late in the evening.\nmore than 30 of them were released on Monday, their lawyers said.\n") * 3
    menu = "home\nnews\nworld\nsport\nbusiness\nculture\nopinion\n"
    short = "Police detained 30 people in the city\ncentre on Sunday, the ministry said."
    for text in (web, menu, short):
        assert wrap_width(text.split("\n")) is None
        assert logical_lines(text) == list(enumerate(text.split("\n"), start=1))


def test_claims_are_read_across_the_lines_of_a_wrapped_text(ref):
    clean = classify_lines(WRAPPED, ref)
    body = [line for line in clean.lines if line.role == "body"]
    assert any(line.raw_line == 11 and "81.7 percent of the vote" in line.text for line in body)
    raw = RawDocument("daily", "daily.txt", "0" * 64, "utf-8", "txt", WRAPPED, len(WRAPPED))
    result = process_document(raw, ref, {})
    shares = {(row["subject"], row["value"]) for row in result.results if row["measure"] == "vote_share"}
    assert {("Nursultan Nazarbayev", 81.7), ("Serikbolsyn Abdildin", 11.9)} <= shares


def test_the_head_keeps_its_lines_and_a_compounds_hyphen_stays():
    text = ("Kazakh police detain dozens at Almaty opposition rally in the city\nJanuary 5, 2022\n\n"
            "ALMATY, Kazakhstan -- Police detained thirty-\nsix people at an opposition rally in the Nur-\n"
            "Sultan and Almaty squares, said a pro-\ngovernment group; the opposition\n"
            "Democratic Choice said more than 40 were held by\npolice in the city centre on Wednesday night.\n")
    joined = dict(logical_lines(text))
    assert joined[1] == "Kazakh police detain dozens at Almaty opposition rally in the city" and joined[2] == "January 5, 2022"
    assert joined[4].startswith("ALMATY, Kazakhstan -- Police detained thirty-six people at an opposition rally in the Nur-Sultan")
    assert "a pro-government group; the opposition Democratic Choice said" in joined[4]
