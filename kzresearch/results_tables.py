"""Results tables, as lines of text the results extractor reads.

trafilatura leaves a page's tables out of its text (a page laid out in tables would come out as one
cell a line), and a table typed into plain text with bars ("1999 | Nursultan Nazarbayev | 79.78% |
...") reads as no sentence. A table of results is no layout: a header row naming a share, seats,
votes or the turnout over rows of figures. Each such row becomes lines of a label, a colon and each
figure followed by its column's unit, as the header names it ("Nur Otan: 6,183,757 votes, 82.20%, 84
seats, 80.99% in 2012"). A figure's label is the name before it in its row (a row of a year holds a
name and a share of each candidate: "Serikbolsyn Abdildin: 11.70% in 1999"), or the turnout its
column names.

Examples
--------
>>> html = ("<p>The commission confirmed the result.</p><table><tr><th>Party</th><th>%</th><th>Seats</th>"
...         "<th>% in 2012</th></tr><tr><td>Nur Otan</td><td>82.20</td><td>84</td><td>80.99</td></tr>"
...         "<tr><td>Ak Zhol</td><td>7.18</td><td>7</td><td>&ndash;</td></tr></table><p>Observers disagreed.</p>")
>>> print(with_html_tables("The commission confirmed the result.\\nObservers disagreed.", html))
The commission confirmed the result.
Nur Otan: 82.20%, 84 seats, 80.99% in 2012
Ak Zhol: 7.18%, 7 seats
Observers disagreed.
>>> print(with_text_tables("Year | Winner | Share | Turnout\\n1999 | Nursultan Nazarbayev | 79.78% | 87.05%\\n"
...                        "2005 | Nursultan Nazarbayev | 91.15% | 76.78%"))
Nursultan Nazarbayev: 79.78% in 1999
Turnout: 87.05% in 1999
Nursultan Nazarbayev: 91.15% in 2005
Turnout: 76.78% in 2005
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kzresearch.dates import find_dates
from kzresearch.markup import visible_text
from kzresearch.textnorm import plain_quotes

# An innermost table: a results table inside a page laid out in tables is still read.
_TABLE = re.compile(r"<table\b[^>]*>(?P<body>(?:(?!<table\b).)*?)</table\s*>", re.IGNORECASE | re.DOTALL)
# A definition list (an encyclopaedia's fact box) and its terms with their values.
_FACT_BOX = re.compile(r"<dl\b[^>]*>(?P<body>(?:(?!<dl\b).)*?)</dl\s*>", re.IGNORECASE | re.DOTALL)
# (a term or a value runs to its closing tag or the next term; HTML lets both go unclosed)
_TERM_VALUE = re.compile(r"<dt\b[^>]*>(?P<term>(?:(?!</?d[ldt]\b).){0,300}?)(?:</dt\s*>)?\s*<dd\b[^>]*>"
                         r"(?P<value>(?:(?!</?d[ldt]\b).){0,300}?)(?:</dd\s*>|(?=<dt\b|</dl\b|$))", re.IGNORECASE | re.DOTALL)
# A list of figures ("<li>Nur Otan: 80.99% – 83 seats</li>"), which extractors drop as a page's furniture, and its items;
# a list of links or of long items is a menu or a list of stories.
_FIGURE_LIST = re.compile(r"<(?P<tag>ul|ol)\b[^>]*>(?P<body>(?:(?!<(?:ul|ol)\b).)*?)</(?P=tag)\s*>", re.IGNORECASE | re.DOTALL)
_ITEM = re.compile(r"<li\b[^>]*>(?P<text>(?:(?!</?li\b).)*)", re.IGNORECASE | re.DOTALL)
_LINK = re.compile(r"<a\b", re.IGNORECASE)
_LIST_ITEM_WORDS = 12
# A page's widget around a list: an aside, a menu or a footer, or a block its class or id names as related stories,
# a sidebar or the most read ("<aside class=...>", "<div class="related-links">").
_WIDGET_OPEN = re.compile(r"<(?P<tag>aside|nav|footer)\b|<\w+\b[^>]*\b(?:class|id)=[\"'][^\"']*(?:related|sidebar|widget|most-?read|popular|trending)",
                          re.IGNORECASE)
_PARAGRAPH_OPEN = re.compile(r"<p\b", re.IGNORECASE)
_WIDGET_REACH = 1500
_LABELLED_ITEMS = 2  # items with a share or a label of results or casualties, at least
# The words of the markup before a box that make it a readers' poll, and those of a title that says what it is of.
_POLL_BEFORE = re.compile(r"\b(?:poll|polls|survey|quiz|vote now|readers?)\b", re.IGNORECASE)
_POLL_REACH = 400
_BOX_TITLE = re.compile(r"\b(?:referendum|election|vote|results?|facts|figures|toll|casualties|unrest|protests?|(?:19|20)\d\d)\b", re.IGNORECASE)
_DIGIT = re.compile(r"\d")
_BOX_TITLE_CHARS = 120  # a fact box's own title, at most
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*\s")
_ANCHOR_WORDS = 8  # the words of the text after a box that place it, tried from up to _FOLLOWING_WORDS in
_FOLLOWING_WORDS = 40
_CAPTION = re.compile(r"<caption\b[^>]*>(?P<text>.*?)</caption\s*>", re.IGNORECASE | re.DOTALL)
_ROW = re.compile(r"<tr\b[^>]*>(?P<cells>.*?)(?=<tr\b|</tr\s*>|$)", re.IGNORECASE | re.DOTALL)
_CELL = re.compile(r"<t(?P<kind>[dh])\b[^>]*>(?P<text>.*?)(?=<t[dh]\b|</t[dh]\s*>|$)", re.IGNORECASE | re.DOTALL)
_SPACES = re.compile(r"[\s\u00a0\u202f]+")
# A figure, with the share word it may carry ("81.31 percent": kept as written).
# (a tilde is "about": "~88%"; a footnote's mark may follow: "77.4%*")
_FIGURE = re.compile(r"(?:~ ?)?[+-]?\d[\d.,\u00a0 ]*?(?P<unit>%| ?per ?cent)?[*\u2020\u2021]*", re.IGNORECASE)
# What a column's header says its figures are: a share, seats or votes, of the year it names, if any; or the
# turnout, which is a row of a year's own figure. A header says so in the words of a results table alone ("%",
# "Vote share", "% in 2012", "Winner's share", "Seats won", "Valid votes"): "Share of GDP", "Women %", "Support %"
# or "Share price" head figures of something else.
_HEADER_WORD = re.compile(r"%|[a-z]+(?:['\u2019-][a-z]+)*")
_SHARE_MARKS = frozenset({"%", "percent", "percentage", "share", "cent"})
_SHARE_WORDS = _SHARE_MARKS | {"per", "vote", "votes", "of", "the", "valid", "in", "winner's", "runner-up's", "winner", "runner-up",
                               "candidate's", "party's", "result", "list", "party-list", "national", "total", "final", "official",
                               "preliminary", "received", "won", "cast"}
_SEATS_MARKS = frozenset({"seats", "mandates"})
_SEATS_WORDS = _SEATS_MARKS | {"won", "in", "total", "number", "of", "the", "list", "party-list", "district"}
_VOTES_MARKS = frozenset({"votes"})
_VOTES_WORDS = _VOTES_MARKS | {"valid", "number", "of", "the", "received", "cast", "in", "total", "won"}
_TURNOUT_MARKS = frozenset({"turnout"})
_TURNOUT_WORDS = _TURNOUT_MARKS | {"%", "in", "voter", "the", "percent", "final", "official"}
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# A table of text, a page's layout or a list of links: cells this long hold no figure of a result.
_LONGEST_CELL_WORDS = 12
_MOST_COLUMNS = 10
# The visible text before a table that places it in the page's text, and the markup it is read from.
_PLACE_CHARS = 60
_PLACE_MARKUP = 3000
# A table typed into text: lines of three cells or more between bars or tabs ("| a | b |" or "a | b"),
# and a Markdown table's line of dashes under its header.
_TEXT_SEPARATOR = re.compile(r"\s*\|\s*|\t")
_DASHES = re.compile(r":?-{2,}:?")
_FEWEST_CELLS = 3
# A rule of dashes under a table's header, a run for each column: "----  --------  -------".
_RULE_LINE = re.compile(r"[ \t]*-{2,}(?: {1,}-{2,}){2,}[ \t]*", re.MULTILINE)
_DASH_RUN = re.compile(r"-+")


# The units a row's figures are written with, the measure of each (a count of votes is none of the results
# table's; a share may be written as its cell wrote it), as :mod:`kzresearch.claims.results` reads them back.
SHARE, SEATS, VOTES = "%", " seats", " votes"
UNIT_MEASURES = {SHARE: "vote_share", " percent": "vote_share", " per cent": "vote_share", SEATS: "seats", VOTES: None}


@dataclass(frozen=True)
class _Column:
    unit: str  # SHARE, SEATS or VOTES
    year: str | None  # the year a column of an earlier vote names ("% in 2012")
    label: str | None  # the label of its figures in a row of a year, where the header names it ("Turnout")


def with_html_tables(text: str, html: str) -> str:
    """Return ``text`` (trafilatura's, of ``html``) with the page's results tables and fact boxes set in,
    each after the line its preceding paragraph ends on (at the end where the text does not hold that
    paragraph). A fact box is a definition list whose terms label figures ("Deaths: 238 (official figure)",
    "Yes: 77.18%"), as encyclopaedias set them beside an article; its pairs with a figure become such lines.

    Parameters
    ----------
    text : str
        The page's extracted text.
    html : str
        The page's markup.

    Returns
    -------
    str
        The text with lines of each results table's rows and each fact box's pairs.
    """
    boxes = [(table, _results_table_lines(table.group("body"))) for table in _TABLE.finditer(html)]
    boxes += [(box, lines(box.group("body"), text)) for pattern, lines in ((_FACT_BOX, _fact_box_lines), (_FIGURE_LIST, _figure_list_lines))
              for box in pattern.finditer(html)
              if not _POLL_BEFORE.search(visible_text(html[max(0, box.start() - _POLL_REACH): box.start()]))
              and not (pattern is _FIGURE_LIST and _in_widget(html, box.start()))]
    for table, lines in sorted(boxes, key=lambda box: box[0].start(), reverse=True):
        if not lines:
            continue
        preceding = visible_text(html[max(0, table.start() - _PLACE_MARKUP): table.start()]).strip()
        at = _find_spaced(text, preceding[-_PLACE_CHARS:].strip()) if preceding else -1
        if at < 0 and _FACT_BOX.match(table.group()) and (ends := list(_SENTENCE_END.finditer(preceding))) \
                and len(title := preceding[ends[-1].end():].strip()) <= _BOX_TITLE_CHARS:
            # (a box's own title between it and the paragraph before: "Quick Facts: Kazakh constitutional
            # referendum (June 5, 2022)"; it goes in with the box, to say what its figures are of)
            if (at := _find_spaced(text, preceding[:ends[-1].end()][-_PLACE_CHARS:].strip())) >= 0 and _BOX_TITLE.search(title):
                lines = [title] + lines
        if at < 0 and _FACT_BOX.match(table.group()):
            # (a box above the first paragraph: before the text that follows it)
            following = visible_text(html[table.end(): table.end() + _PLACE_MARKUP]).split()
            starts = (_find_spaced(text, " ".join(following[k:k + _ANCHOR_WORDS]), start=True) for k in range(0, _FOLLOWING_WORDS, 2)
                      if len(following) >= k + _ANCHOR_WORDS)
            if (found := next((x for x in starts if x >= 0), -1)) >= 0:
                line_start = text.rfind("\n", 0, found) + 1
                text = text[:line_start] + "\n".join(lines) + "\n" + text[line_start:]
                continue
        if at < 0:
            text = text.rstrip("\n") + "\n" + "\n".join(lines)
            continue
        line_end = text.find("\n", at)
        line_end = len(text) if line_end < 0 else line_end
        text = text[:line_end] + "\n" + "\n".join(lines) + text[line_end:]
    return text


def _results_table_lines(body: str) -> list[str]:
    """The lines of an HTML table's rows, if it is a results table (:func:`_table_lines`)."""
    rows = [[visible_text(c.group("text")) for c in _CELL.finditer(r.group("cells"))] for r in _ROW.finditer(body)]
    # (a year the caption names is the year of the columns that name none: "Mazhilis election of 2012")
    caption = _CAPTION.search(body)
    caption_year = _YEAR.search(visible_text(caption.group("text"))) if caption else None
    return _table_lines(rows, caption_year.group() if caption_year else None)


@lru_cache(maxsize=1)
def _box_label_words() -> frozenset[str]:
    """The words of a fact box's labels that make it one of results or casualties (not a page's "Views: 1,234"):
    a results table's header marks, a referendum's sides, and the lexicon's labels of what a tally counts
    (`label_nouns`: "Deaths", "Detained")."""
    from kzresearch.claims.lexicon import default_lexicon  # (here: the claims package reads this module)
    labels = {word for nouns in (default_lexicon().get("label_nouns") or {}).values() for noun in nouns for word in str(noun).lower().split()}
    return _SHARE_MARKS | _SEATS_MARKS | _VOTES_MARKS | _TURNOUT_MARKS | {"yes", "no", "against", "result", "results", "casualties"} | labels


def _fact_box_lines(body: str, text: str) -> list[str]:
    """The "term: value" lines of a definition list's pairs whose value holds a figure, unless the text
    already holds them (an extractor that kept the list)."""
    pairs = [(_SPACES.sub(" ", visible_text(m.group("term"))).strip(), _SPACES.sub(" ", visible_text(m.group("value"))).strip())
             for m in _TERM_VALUE.finditer(body)]
    # (a date is no figure: "Date: January 2, 2022 - January 11, 2022" would read as the page's own date)
    figures = [(term, value) for term, value in pairs if term.rstrip(":").strip() and _DIGIT.search(value) and not find_dates(value)]
    if not any(set(_HEADER_WORD.findall(term.lower())) & _box_label_words() for term, _ in figures):
        return []
    # (a box the extractor kept, its term and value in any layout: "- Deaths:" / "- 238 (official figure)")
    if any(re.search(r"[\W_]+".join(map(re.escape, (term + " " + value).split())), text) for term, value in figures):
        return []
    return [f"{term.rstrip(':').strip()}: {value}" for term, value in figures]


def _in_widget(html: str, start: int) -> bool:
    """Whether the markup at ``start`` stands in a page's widget: an aside, a menu or a footer not closed before it,
    or a block of related stories, a sidebar or a list of the most read with no paragraph of text between."""
    before = html[max(0, start - _WIDGET_REACH): start]
    opened = [m for m in _WIDGET_OPEN.finditer(before)]
    if not opened:
        return False
    last = opened[-1]
    if last.group("tag"):
        return f"</{last.group('tag').lower()}" not in before[last.end():].lower()
    return _PARAGRAPH_OPEN.search(before, last.end()) is None


def _figure_list_lines(body: str, text: str) -> list[str]:
    """The items of a list of result or casualty figures ("Nur Otan: 80.99% – 83 seats", "Detained: about 10,000"),
    unless the text already holds them: two items or more, short, none a link, most with a figure and two with a
    share or a label of results or casualties (:func:`_box_label_words`)."""
    if _LINK.search(body):
        return []
    items = [_SPACES.sub(" ", visible_text(m.group("text"))).strip() for m in _ITEM.finditer(body)]
    items = [item for item in items if item]
    if len(items) < 2 or any(len(item.split()) > _LIST_ITEM_WORDS for item in items) \
            or sum(bool(_DIGIT.search(item)) for item in items) * 2 < len(items) \
            or sum("%" in item or bool(set(_HEADER_WORD.findall(item.lower())) & _box_label_words()) for item in items) < _LABELLED_ITEMS:
        return []
    if any(re.search(r"[\W_]+".join(map(re.escape, item.split())), text) for item in items):
        return []  # (a list the extractor kept)
    return items


def with_text_tables(text: str) -> str:
    """Return ``text`` with each results table typed into it with bars or tabs written as lines of
    its rows; other tables are left as they are.

    Parameters
    ----------
    text : str
        A document's text.

    Returns
    -------
    str
        The text with lines of each results table's rows in place of the table.
    """
    if _RULE_LINE.search(text):
        text = _with_aligned_tables(text)
    if "|" not in text and "\t" not in text:
        return text
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        block = []
        while i + len(block) < len(lines) and len(cells := _text_cells(lines[i + len(block)])) >= _FEWEST_CELLS:
            block.append(cells)
        if len(block) > 2 and (rows := _table_lines([row for row in block if not all(_DASHES.fullmatch(c) for c in row if c)])):
            out += rows
            i += len(block)
        else:
            out += lines[i: i + max(1, len(block))]
            i += max(1, len(block))
    return "\n".join(out)


def _with_aligned_tables(text: str) -> str:
    """Return ``text`` with each results table typed in columns aligned by spaces, its header ruled off by
    dashes ("Year  Winner      Share" / "----  ----------  -----"), written as lines of its rows: each column
    runs from the start of its dashes to the start of the next's; the rows run to a blank or unaligned line."""
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        if i + 1 < len(lines) and (rule := _RULE_LINE.fullmatch(lines[i + 1].rstrip())) and lines[i].strip():
            starts = [m.start() for m in _DASH_RUN.finditer(rule.group())]

            def cut(line: str) -> list[str]:
                return [line[a:b].strip() for a, b in zip(starts, starts[1:] + [len(line)])]
            end = i + 2
            while end < len(lines) and lines[end].strip() and all(c == " " for c in lines[end][starts[1] - 1: starts[1]]) \
                    and sum(1 for cell in cut(lines[end]) if cell) >= _FEWEST_CELLS:
                end += 1
            if end - i > 3 and (rows := _table_lines([cut(lines[i])] + [cut(line) for line in lines[i + 2: end]])):
                out += rows
                i = end
                continue
        out.append(lines[i])
        i += 1
    return "\n".join(out)


def _text_cells(line: str) -> list[str]:
    """Return the cells of a line of a table typed with bars or tabs ("| a | b |"), else none."""
    if "|" not in line and "\t" not in line:
        return []
    cells = _TEXT_SEPARATOR.split(line.strip())
    # (bars at the line's ends leave an empty cell before the first and after the last: "| a | b |")
    return cells[1 if cells and not cells[0] else 0: -1 if len(cells) > 1 and not cells[-1] else None]


def _table_lines(rows: list[list[str]], default_year: str | None = None) -> list[str]:
    """Return the lines of a results table's rows (its cells' text), or none when it is no results table."""
    rows = [row for row in rows if any(row)]
    body = rows[1:]
    # (a first column of years gives each row its year: "1999 | Nursultan Nazarbayev | 79.78%"; one of running
    # numbers, "No.", is no label: the row's label is the column after it)
    years = bool(body) and all(row and _YEAR.fullmatch(row[0]) for row in body)
    if not years and rows and all(not row or _FIGURE.fullmatch(row[0]) for row in body) and all(len(row) > 2 for row in rows):
        rows = [row[1:] for row in rows]
    header_at = next((i for i, row in enumerate(rows) if any(_column(cell) for cell in row[1:])), None)
    if header_at is None or len(rows) - header_at < 3:
        return []  # (a header and at least two rows of figures)
    header, figures = rows[header_at], rows[header_at + 1:]
    if len(header) > _MOST_COLUMNS or any(len(cell.split()) > _LONGEST_CELL_WORDS for row in rows for cell in row):
        return []
    columns = [_column(cell, default_year) for cell in header]
    if not any(c is not None and c.unit != VOTES for c in columns[1:]):
        return []  # (votes alone are no share or seat)
    lines = []
    for row in figures:
        if len(row) != len(header) or not row[0] or (_FIGURE.fullmatch(row[0]) and not years):
            continue
        by_label: dict[str, list[str]] = {}
        label = None if years else row[0]
        for cell, column in zip(row[1:], columns[1:]):
            if not (figure := _FIGURE.fullmatch(cell)):
                # (a row of a year names each candidate before the candidate's figures)
                label = cell if years and any(c.isalpha() for c in cell) else label
                continue
            # (a turnout column labels a year's row; a place's row is its own label: "Almaty Region: 45.2%")
            own = column.label if column is not None and years else None
            if column is None or not (own or label):
                continue
            year = column.year or (row[0] if years else None)
            # (a figure's spaces are its thousands' separators: "6 183 757"; a share keeps its word: "81.31 percent")
            written = figure.group("unit")
            number = _SPACES.sub("", cell[:figure.start("unit")] if written else cell.rstrip("*\u2020\u2021"))
            unit = (" " + written.strip().lower() if written != "%" else SHARE) if written and column.unit == SHARE else column.unit
            by_label.setdefault(own or label, []).append(f"{number}{unit}" + (f" in {year}" if year else ""))
        lines += [f"{label}: {', '.join(cells)}" for label, cells in by_label.items()]
    return lines


def _column(header: str, default_year: str | None = None) -> _Column | None:
    """Return what a header cell says its column's figures are, if a share, seats, votes or the turnout
    (a figure is no header: "82.20%"), of the year it names, else ``default_year``."""
    if _FIGURE.fullmatch(header):
        return None
    year = _YEAR.search(header)
    words = set(_HEADER_WORD.findall(_YEAR.sub(" ", header).lower().replace("\u2019", "'")))
    for marks, allowed, unit in ((_TURNOUT_MARKS, _TURNOUT_WORDS, SHARE), (_SHARE_MARKS, _SHARE_WORDS, SHARE),
                                 (_SEATS_MARKS, _SEATS_WORDS, SEATS), (_VOTES_MARKS, _VOTES_WORDS, VOTES)):
        if words & marks and words <= allowed:
            return _Column(unit, year.group() if year else default_year, "Turnout" if marks is _TURNOUT_MARKS else None)
    return None


def _find_spaced(text: str, snippet: str, *, start: bool = False) -> int:
    """Return where ``snippet`` ends (or, with ``start``, starts) in ``text`` with white space and
    quotation marks written either way, else -1."""
    pattern = r"\s+".join(re.escape(word) for word in plain_quotes(snippet).split())
    found = re.search(pattern, plain_quotes(text))
    return (found.start() if start else found.end()) if found else -1
