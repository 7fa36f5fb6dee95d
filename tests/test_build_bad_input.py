"""Bad input gets a clear message and loses nothing; raw data is never written to."""
from __future__ import annotations

import codecs
import hashlib
import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from kzresearch import paths
from kzresearch.build import build
from kzresearch.cli import main

GOOD = (paths.raw_dir() / "003_d5dc6f06da05cd96.txt").read_bytes()
ARTICLE = (
    "Police detain protesters in Almaty\n\n"
    "Police in Almaty detained dozens of protesters on Sunday during the presidential election, "
    "the Interior Ministry said.\n"
)


def _tree_hashes(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture()
def messy(tmp_path: Path) -> Path:
    corpus = tmp_path / "messy"
    corpus.mkdir()
    (corpus / "good.txt").write_bytes(GOOD)
    (corpus / "zz_copy_of_good.txt").write_bytes(GOOD)
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "blank.txt").write_bytes(b"  \n\n ")
    (corpus / "picture.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    (corpus / "broken_utf16.txt").write_bytes(codecs.BOM_UTF16_LE + b"a\x00b")
    (corpus / "big.txt").write_bytes(ARTICLE.encode() * 2000)
    (corpus / "scan.pdf").write_bytes(b"%PDF-1.4")
    (corpus / "cyrillic.txt").write_bytes((ARTICLE + "Выборы в Казахстане: задержаны десятки протестующих.\n").encode("cp1251"))
    (corpus / "bom.txt").write_bytes(codecs.BOM_UTF8 + ARTICLE.encode())
    (corpus / "wide.txt").write_bytes(ARTICLE.encode("utf-16"))
    (corpus / "western.txt").write_bytes((ARTICLE + "Le scrutin présidentiel a été critiqué à Almaty.\n").encode("latin-1"))
    (corpus / "page.html").write_text(
        "<html><head><title>Protest in Almaty</title></head><body><nav>Home | World</nav><article><h1>Protest in Almaty</h1>"
        + "".join(f"<p>{s}</p>" for s in ARTICLE.split("\n")[2:3] * 3)
        + "<p>Hundreds of people rallied in the city centre to protest against the election results.</p></article>"
        + "<footer>Subscribe to our newsletter</footer></body></html>",
        encoding="utf-8",
    )
    rows = [json.dumps({"id": "wire-1", "text": ARTICLE, "outlet": "AP News", "published": "2019-06-09"}), "{not json", json.dumps({"title": "no text"})]
    (corpus / "feed.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")
    (corpus / "manifest.csv").write_text(
        "file,outlet,url,published,notes\n"
        "good.txt,Eurasia Times,,2019-06-10,\n"
        "missing.txt,Nobody,,,\n"
        "good.txt,Someone Else,,,\n"
        "bom.txt,Reuters,,yesterday,\n"
        ",,,,\n"
        "wide.txt,AP News,,,,extra\n",
        encoding="utf-8",
    )
    return corpus


def test_every_bad_input_becomes_a_problem_and_the_rest_builds(messy, tmp_path):
    before = _tree_hashes(messy)
    report = build(messy, out=tmp_path / "out", max_bytes=50_000, progress=False)
    problems = pd.read_parquet(tmp_path / "out" / "problems.parquet")
    kinds = dict(zip(problems["file"], problems["problem"]))
    assert kinds["zz_copy_of_good.txt"] == "duplicate"  # the first in file order is kept
    assert kinds["empty.txt"] == "empty" and kinds["blank.txt"] == "empty"
    assert kinds["picture.txt"] == "binary"
    assert kinds["broken_utf16.txt"] == "undecodable"
    assert kinds["big.txt"] == "huge"
    assert kinds["scan.pdf"] == "unknown_extension"
    assert kinds["feed.jsonl:2"] == "malformed_row" and kinds["feed.jsonl:3"] == "malformed_row"
    manifest_problems = problems[problems["problem"] == "manifest"]["detail"].str.cat(sep=" | ")
    for expected in ("'missing.txt' is not in the corpus", "listed twice", "'yesterday' is not", "names no file", "fields for"):
        assert expected in manifest_problems
    assert all(problems["detail"].str.len() > 10)

    docs = pd.read_parquet(tmp_path / "out" / "documents.parquet").set_index("file")
    encodings = docs["encoding"].to_dict()
    assert encodings["cyrillic.txt"] == "cp1251" and encodings["bom.txt"] == "utf-8-sig"
    assert encodings["wide.txt"] == "utf-16" and encodings["western.txt"] == "cp1252"
    assert "Выборы в Казахстане" in docs.loc["cyrillic.txt", "text"]
    assert docs.loc["page.html", "format"] == "html" and docs.loc["page.html", "title"] == "Protest in Almaty"
    assert "newsletter" not in docs.loc["page.html", "text"]
    assert docs.loc["feed.jsonl:1", "outlet"] == "AP News" and docs.loc["feed.jsonl:1", "published"] == "2019-06-09"
    kept = docs.loc["good.txt"]
    assert kept["outlet"] == "Eurasia Times" and kept["published"] == "2019-06-10"
    assert report.n_documents == 7
    assert "problems:  " in report.summary()
    assert _tree_hashes(messy) == before  # nothing written into the corpus


def test_bundled_raw_data_is_byte_identical_after_a_build(tmp_path):
    before = _tree_hashes(paths.raw_dir())
    build(out=tmp_path / "out", progress=False)
    build(out=tmp_path / "out", progress=False)  # the second run reuses the cache
    assert _tree_hashes(paths.raw_dir()) == before
    assert not list(paths.raw_dir().glob(".*"))


def test_output_inside_the_corpus_is_refused(messy):
    with pytest.raises(ValueError, match="raw data is never written to"):
        build(messy, out=messy / "processed", progress=False)


def test_missing_corpus_is_an_error_that_says_what_to_do(capsys, tmp_path):
    status = main(["build", "--corpus", str(tmp_path / "nowhere"), "--out", str(tmp_path / "out")])
    assert status != 0
    err = capsys.readouterr().err
    assert "corpus folder not found" in err and "Pass an existing folder" in err


def test_unchanged_documents_are_not_reprocessed(tmp_path):
    corpus = tmp_path / "c"
    shutil.copytree(paths.raw_dir(), corpus)
    first = build(corpus, out=tmp_path / "out", progress=False)
    assert first.n_cached == 0
    (corpus / "004_fd9916f9817a7201.txt").write_bytes(b"Changed article\n\n" + ARTICLE.encode())
    second = build(corpus, out=tmp_path / "out", progress=False)
    assert second.n_cached == 4 and second.n_documents == 5
    record = json.loads((tmp_path / "out" / "build.json").read_text())
    assert record["documents_reused"] == 4 and record["version"]


def test_build_record_and_summary(tmp_path, capsys):
    status = main(["build", "--out", str(tmp_path / "out")])
    assert status == 0
    out = capsys.readouterr().out
    for expected in ("5 documents from 5 files", "outlets:", "elections:", "removed as boilerplate", "problems:  none"):
        assert expected in out
    record = json.loads((tmp_path / "out" / "build.json").read_text())
    assert record["counts"]["documents"] == 5 and len(record["corpus_sha256"]) == 64
    for table in ("documents", "lines", "mentions", "tallies", "results", "problems"):
        assert (tmp_path / "out" / f"{table}.parquet").is_file()


@pytest.mark.parametrize("damage", [lambda b: b[:-10], lambda b: b[:12] + b"\xff" * 20 + b[32:], lambda b: b"", lambda b: b"not gzip"])
def test_a_damaged_cache_entry_is_a_miss(tmp_path, damage):
    import gzip
    import pickle

    from kzresearch.build import _Cache

    cache = _Cache(tmp_path)
    key = "ab" + "0" * 62
    cache._path(key).parent.mkdir(parents=True)
    cache._path(key).write_bytes(damage(gzip.compress(pickle.dumps({"rows": [1, 2, 3]}))))
    assert cache.get(key) is None


def test_inputs_a_fuzzer_found_are_problems_not_crashes(tmp_path):
    corpus = tmp_path / "fuzzed"
    (corpus / "a").mkdir(parents=True)
    (corpus / "x.txt").write_text(ARTICLE, encoding="utf-8")
    (corpus / "x.html").write_text(f"<html><body><article><p>{ARTICLE} Hundreds rallied in Aktau.</p></article></body></html>")
    (corpus / "a" / "b.txt").write_text(ARTICLE + "Dozens rallied in Shymkent.\n", encoding="utf-8")
    (corpus / "a__b.txt").write_text(ARTICLE + "Dozens rallied in Taraz.\n", encoding="utf-8")
    (corpus / "2021:c.txt").write_text(ARTICLE + "Dozens rallied in Oral.\n", encoding="utf-8")
    (corpus / "loop.txt").symlink_to(corpus / "loop.txt")
    deep = "[" * 100_000 + "]" * 100_000
    rows = [deep, json.dumps({"text": ARTICLE + " \ud800"}), json.dumps({"text": "Line\u2028separator: " + ARTICLE, "id": "same"}),
            json.dumps({"text": "Police detained 9" + "9" * 400 + " protesters in Almaty.", "id": "same"})]
    (corpus / "rows.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8", errors="surrogatepass")
    (corpus / "manifest.csv").write_text(f"file,outlet,url,published,notes\n2021:c.txt,My Outlet,,,\nx.txt,,,,{'n' * 200_000}\n",
                                         encoding="utf-8")
    report = build(corpus, out=tmp_path / "out", progress=False)
    problems = pd.read_parquet(tmp_path / "out" / "problems.parquet")
    kinds = dict(zip(problems["file"], problems["problem"]))
    assert kinds["loop.txt"] == "unreadable" and kinds["rows.jsonl:1"] == "malformed_row"
    assert kinds["x.txt"] == kinds["a__b.txt"] == kinds["rows.jsonl:4"] == "duplicate_id"  # "x.html" came first
    assert kinds["manifest.csv"] == "manifest"  # the field over the csv module's limit
    docs = pd.read_parquet(tmp_path / "out" / "documents.parquet").set_index("file")
    assert docs["doc_id"].is_unique and len(docs) == report.n_documents == 8
    assert docs.loc["x.txt", "doc_id"] == "x.txt" and docs.loc["a__b.txt", "doc_id"] == "a__b.txt"
    assert docs.loc["2021:c.txt", "outlet"] == "My Outlet"  # a colon in a file name keeps its record
    assert {"rows.jsonl:2", "rows.jsonl:3"} <= set(docs.index)  # a lone surrogate sinks nothing; U+2028 ends no row
    tallies = pd.read_parquet(tmp_path / "out" / "tallies.parquet").merge(docs.reset_index()[["doc_id", "text"]], on="doc_id")
    assert all(t[s:e] == p for t, s, e, p in zip(tallies["text"], tallies["start"], tallies["end"], tallies["phrase"]))


def test_an_output_folder_that_is_a_file_is_an_error_that_says_so(tmp_path, capsys):
    (tmp_path / "afile").write_text("x")
    assert main(["build", "--out", str(tmp_path / "afile")]) == 2
    assert "is a file" in capsys.readouterr().err
    assert main(["build", "--out", str(tmp_path / "afile" / "sub")]) == 2


def test_a_malformed_gold_file_is_an_error_that_names_the_place(tmp_path, capsys):
    bad = tmp_path / "gold.yaml"
    for text, expected in [("- doc: a.txt\n  tallies: 5\n", "tallies must be a list"),
                           ("- doc: a.txt\n  tallies:\n    - counted: detained\n", "needs a 'phrase'"),
                           ("- doc: a.txt\n  results:\n    - {phrase: won, value: abc}\n", "value must be a number"),
                           ("- doc: [unclosed\n", "not valid YAML")]:
        bad.write_text(text)
        assert main(["evaluate", "--gold", str(bad)]) == 2
        assert expected in capsys.readouterr().err, text


def test_the_content_decides_a_misnamed_page_or_text(tmp_path):
    corpus = tmp_path / "misnamed"
    corpus.mkdir()
    (corpus / "page.txt").write_text("<!DOCTYPE html><html><head><title>Protest in Almaty</title></head><body><article>"
                                     f"<p>{ARTICLE}</p><p>Hundreds rallied in the city centre against the results.</p></article></body></html>")
    (corpus / "notes.html").write_text(ARTICLE + " Turnout was < 5 percent in one district.", encoding="utf-8")
    build(corpus, out=tmp_path / "out", progress=False)
    docs = pd.read_parquet(tmp_path / "out" / "documents.parquet").set_index("file")
    assert docs.loc["page.txt", "format"] == "html" and "<" not in docs.loc["page.txt", "text"]
    assert docs.loc["notes.html", "format"] == "txt" and "Interior Ministry" in docs.loc["notes.html", "text"]


def test_max_bytes_must_be_positive(tmp_path, capsys):
    assert main(["build", "--out", str(tmp_path / "out"), "--max-bytes", "0"]) == 2
    assert "max_bytes must be at least 1" in capsys.readouterr().err


@pytest.mark.parametrize("use_cache", [True, False])
def test_a_duplicate_claims_no_id(tmp_path, use_cache):
    corpus = tmp_path / "dups"
    corpus.mkdir()
    (corpus / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (corpus / "x.html").write_text(ARTICLE, encoding="utf-8")  # the same bytes as a.txt
    (corpus / "x.txt").write_text(ARTICLE + "Dozens rallied in Taraz.\n", encoding="utf-8")
    build(corpus, out=tmp_path / "out", use_cache=use_cache, progress=False)
    docs = pd.read_parquet(tmp_path / "out" / "documents.parquet").set_index("file")
    assert docs.loc["x.txt", "doc_id"] == "x" and "x.html" not in docs.index


def test_an_empty_corpus_says_so(tmp_path):
    (tmp_path / "empty").mkdir()
    report = build(tmp_path / "empty", out=tmp_path / "out", progress=False)
    assert report.n_documents == 0 and "no files were found" in report.summary()
