"""Small pure text normalisers and the sentence splitter.

Each function maps ``str -> str`` (or text to spans) and leaves already clean text unchanged.
Mojibake repair is delegated to ftfy, the field's standard, but only where ftfy's own detector
finds something to repair (and the detector looks only around non-ASCII characters): running it
on every clean document would cost more than the rest of the build together.
"""
from __future__ import annotations

import re
import unicodedata

import ftfy
from ftfy.badness import is_bad

# Typographic quotes become ASCII so that patterns and gold phrases compare; spaces of every
# width become one space; a circled C is the copyright sign. Dashes stay: an em dash marks a dateline ("ALMATY — ...").
_QUOTES = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"',
}
_QUOTE_TRANSLATION = str.maketrans(_QUOTES)
_TRANSLATION = str.maketrans(
    {
        **_QUOTES,
        "\u00a0": " ", "\u2007": " ", "\u2009": " ", "\u202f": " ", "\u200a": " ", "\u2002": " ",
        "\u2003": " ", "\u3000": " ", "\t": " ",
        "\u24d2": "\u00a9", "\u24b8": "\u00a9",  # the circled letter C of East Asian pages is the copyright sign
        "\u200b": "", "\u200c": "", "\u200d": "", "\ufeff": "", "\u00ad": "",
    }
)
_SPACE_RUN = re.compile(r" {2,}")
LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\x0b\x0c\x85]")
_HTML_ENTITY = re.compile(r"&(#\d+|#x[0-9a-fA-F]+|[a-zA-Z]{2,8});")


def repair_unicode(text: str) -> str:
    """Repair mojibake and HTML entities with ftfy where its detector finds any.

    Examples
    --------
    >>> repair_unicode("Kazakhstanâ€™s capital")
    "Kazakhstan's capital"
    >>> repair_unicode("plain text")
    'plain text'
    """
    if _HTML_ENTITY.search(text) or not text.isascii() and is_bad(_non_ascii_neighbourhoods(text)):
        return ftfy.fix_text(text, normalization="NFC")
    return text


_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
# Every sequence ftfy's detector looks for holds a non-ASCII character and spans at most six
# characters, so it sees the same sequences in the few characters around each non-ASCII run
# (joined by NUL, which none of its classes holds) as in the whole text, at a fraction of the cost.
_NEIGHBOURHOOD = 8


def _non_ascii_neighbourhoods(text: str) -> str:
    spans: list[list[int]] = []
    for m in _NON_ASCII.finditer(text):
        start, end = max(0, m.start() - _NEIGHBOURHOOD), m.end() + _NEIGHBOURHOOD
        if spans and start <= spans[-1][1]:
            spans[-1][1] = end
        else:
            spans.append([start, end])
    prefix = "" if spans and spans[0][0] == 0 else "\0"  # "^" in a pattern means the text's start
    return prefix + "\0".join(text[a:b] for a, b in spans)


def plain_quotes(text: str) -> str:
    """Return ``text`` with its typographic quotation marks and apostrophes as ASCII ones, one character for
    one (offsets kept), as :func:`normalize_line` writes them.

    Examples
    --------
    >>> print(plain_quotes("Kazakhstan\u2019s \u00abNur Otan\u00bb"))
    Kazakhstan's "Nur Otan"
    """
    return text.translate(_QUOTE_TRANSLATION)


def normalize_line(text: str) -> str:
    """Normalise quotes, invisible characters and spaces in one line, and strip it.

    Examples
    --------
    >>> normalize_line("\u201cWake up\u201d  \u00a0is  here ")
    '"Wake up" is here'
    """
    text = unicodedata.normalize("NFC", text.translate(_TRANSLATION))
    return _SPACE_RUN.sub(" ", text).strip()


def normalize_text(text: str) -> str:
    """Repair and normalise a whole document, keeping its line structure.

    Line breaks of every convention become ``\\n``; each line is normalised with
    :func:`normalize_line`.

    Examples
    --------
    >>> normalize_text("Title\\r\\n\\r\\nBody\u00a0text.")
    'Title\\n\\nBody text.'
    """
    text = LINE_BREAKS.sub("\n", repair_unicode(text))
    return "\n".join(normalize_line(line) for line in text.split("\n"))


# A sentence ends at . ! or ? (optionally followed by a closing quote or bracket) before a space
# and a capital, digit or opening quote; common abbreviations and initials ("J.", "U.S.") do not
# end one, an acronym does ("... oil to the EU. For comparison").
_ABBREVIATIONS = (
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Col", "Lt", "Sgt", "St", "Jr", "Sr", "Rev", "Gov",
    "Sen", "Rep", "Pres", "No", "Jan", "Feb", "Mar", "Apr", "Aug", "Sept", "Sep", "Oct", "Nov",
    "Dec", "U.S", "U.N", "U.K", "E.U", "vs", "approx", "est", "Inc", "Ltd", "Co", "Corp",
)
# The pattern opens with the punctuation and looks behind it (not the other way round), so that
# the regex engine skips to the few places that hold one.
_SENTENCE_END = re.compile(
    r"[.!?](?<!(?<![A-Za-z])[A-Z].)(?<!\b(?:" + "|".join(re.escape(a) for a in _ABBREVIATIONS if len(a) == 2) + r").)"
    r"[\"')\]]*(?=\s+[\"'(\[]?[A-Z0-9])"
)
_LONG_ABBREVIATION = re.compile(r"\b(?:" + "|".join(re.escape(a) for a in _ABBREVIATIONS if len(a) > 2) + r")$")
_LONGEST_ABBREVIATION = max(len(a) for a in _ABBREVIATIONS)
# "...makes all the difference.Dozens of people": a sentence glued to the next without a space;
# the match ends where the next sentence starts. It opens with the punctuation, not a lookbehind,
# so that the regex engine skips to the few places that hold one.
_GLUED_SENTENCE = re.compile(r"""[.!?](?:(?<=[a-z\d"')].)|(?<=[a-z].)["'])(?=[A-Z][a-z])""")


def split_glued(line: str) -> list[str]:
    """Split a line where one sentence runs into the next without a space.

    Examples
    --------
    >>> split_glued("Your support makes all the difference.Dozens of people were arrested.")
    ['Your support makes all the difference.', 'Dozens of people were arrested.']
    >>> split_glued("Vlast.kz and the U.S. Embassy")
    ['Vlast.kz and the U.S. Embassy']
    """
    parts, start = [], 0
    for match in _GLUED_SENTENCE.finditer(line):
        parts.append(line[start : match.end()])
        start = match.end()
    parts.append(line[start:])
    return [p for p in parts if p]


# Longer than any sentence a reporter writes (a 100-word sentence has about 700 characters).
MAX_SENTENCE_CHARS = 2000


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Return the ``(start, end)`` character spans of the sentences of ``text``.

    Lines are paragraphs: a sentence never crosses a line break.

    Examples
    --------
    >>> text = "Police detained 30 people. Mr. Ivanov said so.\\nNext paragraph"
    >>> [text[s:e] for s, e in sentence_spans(text)]
    ['Police detained 30 people.', 'Mr. Ivanov said so.', 'Next paragraph']
    """
    spans: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):
        start = 0
        for match in _SENTENCE_END.finditer(line):
            if _LONG_ABBREVIATION.search(line, max(0, match.start() - _LONGEST_ABBREVIATION), match.start()):
                continue  # (\b still sees the character before the window)
            end = match.end()
            if line[start:end].strip():
                spans.append(_strip_span(line, start, end, offset))
            start = end
        if line[start:].strip():
            spans.append(_strip_span(line, start, len(line), offset))
        offset += len(line) + 1
    return [piece for span in spans for piece in _cut_long(text, *span)]


def _cut_long(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut a "sentence" longer than any real one (text without stops) at spaces, so that the
    per-sentence readers stay linear in the length of the document."""
    pieces = []
    while end - start > MAX_SENTENCE_CHARS:
        cut = text.rfind(" ", start + MAX_SENTENCE_CHARS // 2, start + MAX_SENTENCE_CHARS)
        cut = cut if cut > start else start + MAX_SENTENCE_CHARS
        pieces.append((start, cut))
        start = cut + (text[cut] == " ")
    return [*pieces, (start, end)]


def _strip_span(line: str, start: int, end: int, offset: int) -> tuple[int, int]:
    segment = line[start:end]
    lead = len(segment) - len(segment.lstrip())
    trail = len(segment) - len(segment.rstrip())
    return offset + start + lead, offset + end - trail
