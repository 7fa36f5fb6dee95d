"""Normalisers: tables of (text in, text out), including inputs that must come back unchanged."""
import pytest

from kzresearch.textnorm import normalize_line, normalize_text, repair_unicode, sentence_spans, split_glued


@pytest.mark.parametrize(
    "text_in, text_out",
    [
        ("Kazakhstan\u2019s capital", "Kazakhstan's capital"),
        ("\u201cWake up\u201d", '"Wake up"'),
        ("By\u00a0 Michael Daventry \u00a0with\u00a0 AP", "By Michael Daventry with AP"),
        ("ALMATY \u2014 Kazakh opposition", "ALMATY \u2014 Kazakh opposition"),  # dashes are kept
        ("soft\u00adhyphen and zero\u200bwidth", "softhyphen and zerowidth"),
        ("plain ASCII line", "plain ASCII line"),
        ("\u00abкавычки\u00bb", '"кавычки"'),
        ("", ""),
    ],
)
def test_normalize_line(text_in, text_out):
    assert normalize_line(text_in) == text_out


@pytest.mark.parametrize(
    "text_in, text_out",
    [
        ("Kazakhstanâ€™s opposition", "Kazakhstan's opposition"),  # UTF-8 read as cp1252
        ("Nur&nbsp;Otan won", "Nur Otan won"),
        ("Астана", "Астана"),
        ("already clean", "already clean"),
    ],
)
def test_repair_then_normalise(text_in, text_out):
    assert normalize_line(repair_unicode(text_in)) == text_out


def test_normalize_text_keeps_lines():
    assert normalize_text("a\r\nb\rc\n\nd") == "a\nb\nc\n\nd"


@pytest.mark.parametrize(
    "line, pieces",
    [
        ("Your support makes all the difference.Dozens of people were arrested.", ["Your support makes all the difference.", "Dozens of people were arrested."]),
        ('He said "no."Then he left.', ['He said "no."', "Then he left."]),
        ("Visit Vlast.kz for more.", ["Visit Vlast.kz for more."]),
        ("The U.S. Embassy said so.", ["The U.S. Embassy said so."]),
        ("Turnout was 63.3 percent.", ["Turnout was 63.3 percent."]),
    ],
)
def test_split_glued(line, pieces):
    assert split_glued(line) == pieces


def test_sentence_spans_respect_abbreviations_and_lines():
    text = 'Gen. Ivanov and Mr. Smith met. "It was fine," he said. Turnout was 63.3 percent.\nNew paragraph.'
    sentences = [text[s:e] for s, e in sentence_spans(text)]
    assert sentences == ["Gen. Ivanov and Mr. Smith met.", '"It was fine," he said.', "Turnout was 63.3 percent.", "New paragraph."]


def test_an_acronym_ends_a_sentence_and_initials_do_not():
    text = "Kazakhstan supplies oil to the EU. For comparison, the party won 34%. It was the U.S. Embassy. John F. Kennedy spoke."
    assert [text[s:e] for s, e in sentence_spans(text)] == [
        "Kazakhstan supplies oil to the EU.", "For comparison, the party won 34%.", "It was the U.S. Embassy.", "John F. Kennedy spoke."]
