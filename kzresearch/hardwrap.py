"""Hard-wrapped text: paragraphs broken into lines of a fixed width, joined again.

Text converted from print (OCR of a scanned page, a PDF's text, a wire's or a newsletter's copy
at 72 columns) breaks each paragraph into lines of about the same width, a word split at a line's
end by a hyphen::

    The Central Election Commission said Nazarbayev, 58, won 81 per-
    cent of the vote in Sunday's balloting. Serikbolsyn Abdildin, the

The rest of kzresearch reads a line as a paragraph (a sentence never crosses a line break), so
such a text is read line by line as fragments. :func:`logical_lines` finds the text that is
wrapped, by the lines that go on in lower case after a line as wide as the text's lines, and joins
each paragraph's lines; text whose lines are paragraphs (a web page's) is left as it is.
"""
from __future__ import annotations

import re

_WIDEST = 110  # wider lines are paragraphs, not a fixed width (a typewriter's or a terminal's is 60-80)
_NARROWEST = 30  # narrower lines are a menu's or a list's items (a newspaper column holds about 35 characters)
_FULL_SHARE = 0.6  # a line at least this share of the width ran to the width; a paragraph's last line is shorter
_MIN_WRAPS = 3  # the fewest continuations in lower case that show a text is wrapped
_WRAP_SHARE = 0.2  # ... and their least share of the lines that ran to the width
_CONTINUES = re.compile(r"[a-z]")  # a line that goes on a sentence starts in lower case
_STARTS_TEXT = re.compile(r"""[\w"'(]""")  # a line a paragraph may go on with ("====" and "* item" do not)
_BROKEN_WORD = re.compile(r"(?<=[A-Za-z])-$")  # "per-" at a line's end, "cent" on the next
# A hyphen a compound writes, kept when a line breaks at it: a number word's ("thirty-six") or a prefix's
_KEPT_HYPHEN = re.compile(r"\b(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|pro|anti|non|so|self|ex|well|pre|post|co|"
                          r"semi|multi|cross|half|quasi|neo|counter|vice|pan|inter|intra|one|two|three|four|five|six|seven|eight|nine|ten)-$",
                          re.IGNORECASE)
_COLUMN_GAP = re.compile(r"\S {4,}\S")  # two columns of a page side by side are no wrapped paragraph


def wrap_width(lines: list[str]) -> int | None:
    """Return the width a text's lines are wrapped at, or None for text whose lines are paragraphs.

    Parameters
    ----------
    lines : list of str
        The text's lines, without their line breaks.

    Returns
    -------
    int or None
        The width of the text's widest lines (the 90th percentile, 30 to 110 characters), when at
        least ``_MIN_WRAPS`` lines that ran to it, and a fifth of them, go on in lower case on the next line.

    Examples
    --------
    >>> lines = ["Police detained about 30 people in", "the city centre, the ministry said in a",
    ...          "statement; another 12 were fined by a", "court on Monday."]
    >>> wrap_width(lines)
    37
    >>> wrap_width(["A paragraph of a web page, long enough to be a whole paragraph of news text here.", "and more"]) is None
    True
    """
    widths = sorted(len(line) for line in lines if line.strip())
    if len(widths) < _MIN_WRAPS + 1:
        return None
    width = widths[int(0.9 * (len(widths) - 1))]
    if not _NARROWEST <= width <= _WIDEST:
        return None
    full = [i for i, line in enumerate(lines[:-1]) if _ran_to(line, width)]
    wraps = sum(1 for i in full if _CONTINUES.match(lines[i + 1]))
    return width if wraps >= _MIN_WRAPS and wraps >= _WRAP_SHARE * len(full) else None


def logical_lines(text: str) -> list[tuple[int, str]]:
    """Return a text's paragraphs as ``(first line number, text)``, joining the lines of wrapped text.

    Parameters
    ----------
    text : str
        A document with ``\\n`` line breaks.

    Returns
    -------
    list of (int, str)
        Each line (1-based number) of text that is not wrapped; for wrapped text (:func:`wrap_width`)
        each paragraph's lines joined by a space, and a word a hyphen split at a line's end joined
        without it ("per-" "cent": "percent"; a compound's kept: "thirty-six"), under the number of the
        paragraph's first line. A line joins the one before it when that one ran to the width and this
        one starts as text, from the first line that goes on in lower case (the head above it, a
        headline and a date line, keeps its lines).

    Examples
    --------
    >>> logical_lines("Title\\n\\nPolice detained about 30 people in\\nthe city centre, the ministry said in\\n"
    ...               "a statement; another 12 were fin-\\ned by a court; seven were freed\\non Monday.")
    [(1, 'Title'), (2, ''), (3, 'Police detained about 30 people in the city centre, the ministry said in a statement; another 12 were fined by a court; seven were freed on Monday.')]
    >>> logical_lines("One paragraph.\\nAnother one.")
    [(1, 'One paragraph.'), (2, 'Another one.')]
    """
    lines = text.split("\n")
    width = wrap_width(lines)
    if width is None:
        return list(enumerate(lines, start=1))
    # The head above the first evident wrap (a headline, a byline, a date line) keeps its lines.
    first_wrap = next((i for i in range(len(lines) - 1) if _ran_to(lines[i], width) and _CONTINUES.match(lines[i + 1])), len(lines))
    joined: list[tuple[int, str]] = []
    for i, line in enumerate(lines):
        if i > first_wrap and _ran_to(lines[i - 1], width) and _STARTS_TEXT.match(line):
            first, before = joined[-1]
            joined[-1] = (first, _join(before.rstrip(), line.strip()))
        else:
            joined.append((i + 1, line))
    return joined


def _ran_to(line: str, width: int) -> bool:
    """Whether a line ran to the text's width (a wrapped paragraph's, not its last or two columns')."""
    return len(line) >= _FULL_SHARE * width and not _COLUMN_GAP.search(line) and bool(line.strip())


def _join(before: str, after: str) -> str:
    """Join a wrapped line to the one before: a word a hyphen split whole again ("per-" "cent"), a
    compound's hyphen kept ("thirty-" "six", "pro-" "government", "Nur-" "Sultan")."""
    if not _BROKEN_WORD.search(before):
        return f"{before} {after}"
    if _CONTINUES.match(after) and not _KEPT_HYPHEN.search(before):
        return before[:-1] + after
    return before + after
