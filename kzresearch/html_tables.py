"""Results tables of an HTML page, as lines of text the results extractor reads.

trafilatura leaves a page's tables out of its text (a page laid out in tables would come out as one
cell a line). A table of results is no layout: a header row naming a share, seats or votes over rows
of a party or a candidate and its figures. Each such row becomes a line of the label, a colon and
each figure followed by its column's unit, as the header names it ("Nur Otan: 6,183,757 votes,
82.20%, 84 seats, 80.99% in 2012"), set in the text where the table stood.

Examples
--------
>>> html = ("<p>The commission confirmed the result.</p><table><tr><th>Party</th><th>%</th><th>Seats</th>"
...         "<th>% in 2012</th></tr><tr><td>Nur Otan</td><td>82.20</td><td>84</td><td>80.99</td></tr>"
...         "<tr><td>Ak Zhol</td><td>7.18</td><td>7</td><td>&ndash;</td></tr></table><p>Observers disagreed.</p>")
>>> print(with_results_tables("The commission confirmed the result.\\nObservers disagreed.", html))
The commission confirmed the result.
Nur Otan: 82.20%, 84 seats, 80.99% in 2012
Ak Zhol: 7.18%, 7 seats
Observers disagreed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from kzresearch.markup import visible_text
from kzresearch.textnorm import plain_quotes

# An innermost table: a results table inside a page laid out in tables is still read.
_TABLE = re.compile(r"<table\b[^>]*>(?P<body>(?:(?!<table\b).)*?)</table\s*>", re.IGNORECASE | re.DOTALL)
_CAPTION = re.compile(r"<caption\b[^>]*>(?P<text>.*?)</caption\s*>", re.IGNORECASE | re.DOTALL)
_ROW = re.compile(r"<tr\b[^>]*>(?P<cells>.*?)(?=<tr\b|</tr\s*>|$)", re.IGNORECASE | re.DOTALL)
_CELL = re.compile(r"<t(?P<kind>[dh])\b[^>]*>(?P<text>.*?)(?=<t[dh]\b|</t[dh]\s*>|$)", re.IGNORECASE | re.DOTALL)
_SPACES = re.compile(r"[\s\u00a0\u202f]+")
_FIGURE = re.compile(r"[+-]?\d[\d.,\u00a0 ]*%?")
# What a column's header says its figures are: a share, seats or votes, of the year it names, if any.
_SHARE_HEADER = re.compile(r"%|\bper\s*cent\b|\bpercent(?:age)?\b|\bshare\b", re.IGNORECASE)
_SEATS_HEADER = re.compile(r"\b(?:seats|mandates)\b", re.IGNORECASE)
_VOTES_HEADER = re.compile(r"\bvotes\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# A table of text, a page's layout or a list of links: cells this long hold no figure of a result.
_LONGEST_CELL_WORDS = 12
_MOST_COLUMNS = 10
# The visible text before a table that places it in the page's text, and the markup it is read from.
_PLACE_CHARS = 60
_PLACE_MARKUP = 3000


# The units a row's figures are written with, the measure of each (a count of votes is none of the results
# table's), as :mod:`kzresearch.claims.results` reads them back.
SHARE, SEATS, VOTES = "%", " seats", " votes"
UNIT_MEASURES = {SHARE: "vote_share", SEATS: "seats", VOTES: None}


@dataclass(frozen=True)
class _Column:
    unit: str  # SHARE, SEATS or VOTES
    year: str | None  # the year a column of an earlier vote names ("% in 2012")


def with_results_tables(text: str, html: str) -> str:
    """Return ``text`` (trafilatura's, of ``html``) with the page's results tables set in, each after
    the line its preceding paragraph ends on (at the end where the text does not hold that paragraph).

    Parameters
    ----------
    text : str
        The page's extracted text.
    html : str
        The page's markup.

    Returns
    -------
    str
        The text with one line a row of each results table.
    """
    for table in reversed(list(_TABLE.finditer(html))):
        if not (lines := _table_lines(table.group("body"))):
            continue
        before = visible_text(html[max(0, table.start() - _PLACE_MARKUP): table.start()])[-_PLACE_CHARS:].strip()
        at = _find_spaced(text, before) if before else -1
        if at < 0:
            text = text.rstrip("\n") + "\n" + "\n".join(lines)
            continue
        line_end = text.find("\n", at)
        line_end = len(text) if line_end < 0 else line_end
        text = text[:line_end] + "\n" + "\n".join(lines) + text[line_end:]
    return text


def _table_lines(body: str) -> list[str]:
    """Return the lines of a results table's rows, or none when it is no results table."""
    rows = [[visible_text(c.group("text")) for c in _CELL.finditer(r.group("cells"))] for r in _ROW.finditer(body)]
    rows = [row for row in rows if any(row)]
    # (a year the caption names is the year of the columns that name none: "Mazhilis election of 2012")
    caption = _CAPTION.search(body)
    caption_year = _YEAR.search(visible_text(caption.group("text"))) if caption else None
    # (a first column of running numbers, "No.", is no label: the row's label is the column after it)
    if rows and all(not row or _FIGURE.fullmatch(row[0]) or row is rows[0] for row in rows) and all(len(row) > 2 for row in rows):
        rows = [row[1:] for row in rows]
    header_at = next((i for i, row in enumerate(rows) if any(_column(cell) for cell in row[1:])), None)
    if header_at is None or len(rows) - header_at < 3:
        return []  # (a header and at least two rows of figures)
    header, figures = rows[header_at], rows[header_at + 1:]
    if len(header) > _MOST_COLUMNS or any(len(cell.split()) > _LONGEST_CELL_WORDS for row in rows for cell in row):
        return []
    columns = [_column(cell, caption_year.group() if caption_year else None) for cell in header]
    if not any(c is not None and c.unit != VOTES for c in columns[1:]):
        return []  # (votes alone are no share or seat)
    lines = []
    for row in figures:
        if len(row) != len(header) or not row[0] or _FIGURE.fullmatch(row[0]):
            continue
        # (a figure's spaces are its thousands' separators: "6 183 757")
        cells = [f"{_SPACES.sub('', cell.removesuffix('%'))}{column.unit}" + (f" in {column.year}" if column.year else "")
                 for cell, column in zip(row[1:], columns[1:]) if column is not None and _FIGURE.fullmatch(cell)]
        if cells:
            lines.append(f"{row[0]}: {', '.join(cells)}")
    return lines


def _column(header: str, default_year: str | None = None) -> _Column | None:
    """Return what a header cell says its column's figures are, if a share, seats or votes (a figure is
    no header: "82.20%"), of the year it names, else ``default_year``."""
    if _FIGURE.fullmatch(header):
        return None
    unit = SHARE if _SHARE_HEADER.search(header) else SEATS if _SEATS_HEADER.search(header) else \
        VOTES if _VOTES_HEADER.search(header) else None
    year = _YEAR.search(header)
    return _Column(unit, year.group() if year else default_year) if unit else None


def _find_spaced(text: str, snippet: str) -> int:
    """Return where ``snippet`` ends in ``text`` with white space and quotation marks written
    either way, else -1."""
    pattern = r"\s+".join(re.escape(word) for word in plain_quotes(snippet).split())
    found = re.search(pattern, plain_quotes(text))
    return found.end() if found else -1
