"""Corpora kept as tables (CSV, TSV): one article a row, read with the JSON Lines rows' keys."""
from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd

from kzresearch.build import build
from kzresearch.reading import read_file
from kzresearch.tables import MalformedRow, TableRow, header_delimiter, table_rows

ARTICLE = ("ALMATY - Police detained more than 30 people on Sunday as several hundred protesters gathered "
           "after the presidential election, the Interior Ministry said.\n\n"
           "Tokayev won 70.96 percent of the vote, the Central Election Commission said.")


def _table(rows: list[list[str]], delimiter: str = ",") -> str:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return out.getvalue()


def test_the_header_line_chooses_the_delimiter():
    assert header_delimiter("title;date;text\r\n") == ";"
    assert header_delimiter("title\tdate\ttext\n") == "\t"
    assert header_delimiter("title|text") == "|"
    assert header_delimiter("text\n") == ","


def test_excels_separator_line_names_the_delimiter_above_the_header():
    [row] = table_rows("sep=;\r\ntitle;text\r\nA vote, at last;Polls opened.\r\n")
    assert (row.line, row.cells) == (3, {"title": "A vote, at last", "text": "Polls opened."})


def test_rows_keep_their_first_line_and_multiline_cells():
    text = _table([["title", "text", ""], ["A vote", ARTICLE, "stray"], [], ["", ""], ["Second", "Short text."]])
    rows = table_rows(text)
    assert [row.line for row in rows] == [2, 7]  # the article's cell spans lines 2-4; blank rows give nothing
    assert rows[0].cells == {"title": "A vote", "text": ARTICLE}  # the column named "" is left out
    assert rows[1].source == "Second,Short text.\r\n"
    assert table_rows("") == [] and table_rows("title,text\n") == []


def test_an_unreadable_row_is_said_and_the_rows_after_it_are_read():
    rows = table_rows('title,text\nA,"a quote left open\nB,fine\nC,"x"y\nD,also fine\n')
    assert [(type(row), row.line) for row in rows] == [(MalformedRow, 2), (TableRow, 3), (MalformedRow, 4), (TableRow, 5)]
    assert [row.cells["title"] for row in rows if isinstance(row, TableRow)] == ["B", "D"]


def test_a_long_cell_is_read_and_the_process_limit_is_kept():
    limit = csv.field_size_limit()
    [row] = table_rows(_table([["text"], ["word " * (limit // 4)]]))
    assert len(row.cells["text"]) > limit and csv.field_size_limit() == limit


def test_a_table_row_gives_a_document_with_its_metadata(tmp_path: Path):
    text = _table([["Headline", "Date", "Source", "URL", "Author", "Body"],
                   ["Dozens detained after Kazakh vote", "2019-06-10", "Example News", "https://example.org/a", "A. Writer", ARTICLE]],
                  delimiter=";")
    (tmp_path / "export.csv").write_bytes(text.encode("utf-16"))  # a spreadsheet's "Unicode text" export
    [doc], problems = read_file(tmp_path / "export.csv", tmp_path)
    assert problems == [] and (doc.doc_id, doc.file, doc.fmt) == ("export-2", "export.csv:2", "csv")
    assert doc.meta == {"title": "Dozens detained after Kazakh vote", "url": "https://example.org/a",
                        "outlet": "Example News", "published": "2019-06-10", "byline": "A. Writer"}
    assert doc.text.startswith("Dozens detained after Kazakh vote\nALMATY")


def test_a_table_of_something_else_is_one_problem(tmp_path: Path):
    (tmp_path / "sources.tsv").write_text("outlet\tcountry\nA\tKZ\nB\tRU\n", encoding="utf-8")
    docs, problems = read_file(tmp_path / "sources.tsv", tmp_path)
    assert docs == [] and [(p.file, p.problem) for p in problems] == [("sources.tsv", "malformed_row")]
    assert "first row names the columns" in problems[0].detail


def test_rows_without_text_beside_articles_are_each_said(tmp_path: Path):
    (tmp_path / "rows.csv").write_text(_table([["title", "text"], ["One", ARTICLE], ["Only a title", ""]]), encoding="utf-8")
    docs, problems = read_file(tmp_path / "rows.csv", tmp_path)
    assert len(docs) == 1 and [(p.file, p.problem) for p in problems] == [("rows.csv:5", "malformed_row")]


def test_a_table_builds_beside_the_manifest_which_is_not_an_article(tmp_path: Path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (corpus / "manifest.csv").write_text("file,outlet\na.txt,My Outlet\nexport.csv,Table News\n", encoding="utf-8")
    (corpus / "export.csv").write_text(_table([["title", "text"], ["From a table", ARTICLE]]), encoding="utf-8")
    build(corpus, out=tmp_path / "out", progress=False)
    docs = pd.read_parquet(tmp_path / "out" / "documents.parquet").set_index("file")
    assert sorted(docs.index) == ["a.txt", "export.csv:2"]
    # (the manifest's record of the table is each row's)
    assert (docs.loc["a.txt", "outlet"], docs.loc["export.csv:2", "outlet"]) == ("My Outlet", "Table News")
    assert docs.loc["export.csv:2", "outlet_source"] == "manifest"
    tallies = pd.read_parquet(tmp_path / "out" / "tallies.parquet")
    assert set(tallies["doc_id"]) == {"a", "export-2"}
    assert pd.read_parquet(tmp_path / "out" / "problems.parquet").empty
