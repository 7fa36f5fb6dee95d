"""Corpora kept as tables: a spreadsheet's or a database's export in CSV or TSV, one article a row.

A researcher's collection often leaves a news database, a scraper or a spreadsheet as a table whose
first row names the columns (``title,date,source,url,text``) and whose other rows are articles, a
cell holding the whole text with its line breaks inside quotes (RFC 4180,
https://www.rfc-editor.org/rfc/rfc4180). :func:`table_rows` reads such a table into one mapping of
column to cell a row, which :mod:`kzresearch.reading` then reads with the same curated keys as a
JSON Lines row (``data/reference/record_fields.yaml``).
"""
from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass

_DELIMITERS = (",", ";", "\t", "|")  # Excel writes ";" where the comma is the decimal mark
_EXCEL_SEPARATOR = re.compile(r"sep=(.)")  # Excel's line naming the delimiter above the header


@dataclass(frozen=True)
class TableRow:
    """One row of a table under its header.

    Attributes
    ----------
    line : int
        The line of the file the row starts on (the header is line 1), as an editor shows it.
    cells : dict
        Column name to the cell's text, empty cells left out.
    source : str
        The row as written in the file, for its hash.
    """

    line: int
    cells: dict[str, str]
    source: str


@dataclass(frozen=True)
class MalformedRow:
    """A row the csv module cannot read: a quote left open, text after a closing quote.

    Attributes
    ----------
    line : int
        The line the row starts on; reading goes on from the next line.
    detail : str
        What the csv module found.
    """

    line: int
    detail: str


def header_delimiter(header: str) -> str:
    """Return the delimiter a table's header line uses most: the one the columns' names are split by.

    Examples
    --------
    >>> header_delimiter("title;date;text")
    ';'
    >>> header_delimiter("text")
    ','
    """
    counts = [(header.count(d), -i, d) for i, d in enumerate(_DELIMITERS)]
    count, _, delimiter = max(counts)
    return delimiter if count else ","


def table_rows(text: str, delimiter: str | None = None) -> list[TableRow | MalformedRow]:
    """Return a table's rows under its first row's column names (under Excel's "sep=;" line, which
    names the delimiter, where the file opens with one).

    Parameters
    ----------
    text : str
        The decoded table.
    delimiter : str, optional
        The cell delimiter (default: the one its header line uses most, :func:`header_delimiter`).

    Returns
    -------
    list of TableRow and MalformedRow
        Each row with at least one cell, in the file's order (cells beyond the header's columns
        are left out), and each row that cannot be read, after which reading goes on from the
        row's next line: a quote left open would otherwise take the rest of the file into one cell.

    Examples
    --------
    >>> rows = list(table_rows('title,text\\nVote,"Polls opened.\\nTurnout was 60%."\\n'))
    >>> rows[0].line, rows[0].cells
    (2, {'title': 'Vote', 'text': 'Polls opened.\\nTurnout was 60%.'})
    >>> [type(row).__name__ for row in table_rows('title,text\\nA,"open\\nB,closed\\n')]
    ['MalformedRow', 'TableRow']
    """
    # Lines end at "\r", "\n" or "\r\n" only, as the csv module reads them (U+2028 may stand in a cell).
    lines = io.StringIO(text, newline="").readlines()
    header = 1 if lines and (declared := _EXCEL_SEPARATOR.fullmatch(lines[0].rstrip("\r\n"))) else 0
    if header:
        delimiter = delimiter or declared.group(1)
    if len(lines) <= header:
        return []
    delimiter = delimiter or header_delimiter(lines[header])
    # A cell may hold a whole article, longer than the csv module's limit; the limit is the
    # process's, which the manifest's reading keeps, so it is raised for this table only.
    limit = csv.field_size_limit(max(csv.field_size_limit(), len(text)))
    try:
        return list(_rows(lines, delimiter, header))
    finally:
        csv.field_size_limit(limit)


def _rows(lines: list[str], delimiter: str, at: int) -> Iterator[TableRow | MalformedRow]:
    """Read the rows under the header on line index ``at``."""
    header = [name.strip() for name in next(csv.reader(lines[at:at + 1], delimiter=delimiter), [])]
    done = at + 1  # lines read so far
    while done < len(lines):
        base = done
        reader = csv.reader((lines[i] for i in range(base, len(lines))), delimiter=delimiter, strict=True)
        try:
            for cells in reader:
                start, done = done, base + reader.line_num
                row = {name: cell for name, cell in zip(header, cells) if name and cell.strip()}
                if row:
                    yield TableRow(start + 1, row, "".join(lines[start:done]))
        except csv.Error as exc:
            yield MalformedRow(done + 1, str(exc))
            done += 1
