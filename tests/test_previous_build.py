"""A rebuild takes unchanged documents' rows from the previous tables and writes what a fresh build writes."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from kzresearch import build as build_module
from kzresearch.build import _discover, build
from kzresearch.pipeline import TABLES
from kzresearch.previous_build import INDEX_NAME, PreviousBuild, write_index
from test_engines import assert_same_tables

CHANGE = b"\n\nPolice detained 12 more protesters in Almaty on Monday.\n"


@pytest.fixture()
def corpus(generated, tmp_path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(generated, folder)
    return folder


def _fresh(corpus: Path, tmp_path: Path) -> Path:
    out = tmp_path / "fresh"
    build(corpus, out=out, use_cache=False, progress=False)
    return out


def _no_cache_reads(monkeypatch) -> None:
    def refuse(self, key):
        raise AssertionError("an unchanged document was read from the per-document cache")

    monkeypatch.setattr(build_module._Cache, "get", refuse)


def test_unchanged_documents_come_from_the_previous_tables(corpus, tmp_path, monkeypatch):
    out = tmp_path / "out"
    build(corpus, out=out, progress=False)
    changed = sorted(corpus.rglob("*.txt"))[5]
    changed.write_bytes(changed.read_bytes() + CHANGE)
    looked_up = []
    original_get = build_module._Cache.get
    monkeypatch.setattr(build_module._Cache, "get", lambda self, key: looked_up.append(key) or original_get(self, key))
    report = build(corpus, out=out, progress=False)
    monkeypatch.undo()
    assert report.n_cached == report.n_documents - 1
    assert len(looked_up) == 1  # only the changed document is looked up in the cache (and missed)
    assert_same_tables(_fresh(corpus, tmp_path), out)
    assert (out / ".cache" / INDEX_NAME).is_file()


def test_a_second_unchanged_rebuild_reads_no_cache_entry(corpus, tmp_path, monkeypatch):
    out = tmp_path / "out"
    first = build(corpus, out=out, progress=False)
    _no_cache_reads(monkeypatch)
    second = build(corpus, out=out, progress=False)
    monkeypatch.undo()
    assert second.n_cached == second.n_documents == first.n_documents
    assert second.outlets == first.outlets and second.elections == first.elections
    assert (second.lines_total, second.lines_removed) == (first.lines_total, first.lines_removed)
    assert_same_tables(_fresh(corpus, tmp_path), out)


def test_added_removed_renamed_and_re_recorded_documents(corpus, tmp_path):
    out = tmp_path / "out"
    build(corpus, out=out, progress=False)
    texts = sorted(corpus.rglob("*.txt"))
    texts[0].unlink()
    texts[1].rename(texts[1].with_name("zz-renamed.txt"))
    (corpus / "0000" / "aa-new.txt").write_bytes(texts[2].read_bytes() + CHANGE)
    (corpus / "manifest.csv").write_text(f"file,outlet\n{texts[3].relative_to(corpus).as_posix()},Some Outlet\n")
    report = build(corpus, out=out, progress=False)
    assert 0 < report.n_cached < report.n_documents
    assert_same_tables(_fresh(corpus, tmp_path), out)


def test_a_table_changed_after_the_build_is_not_reused(corpus, tmp_path, monkeypatch):
    out = tmp_path / "out"
    build(corpus, out=out, progress=False)
    os.utime(out / "mentions.parquet", ns=(0, 0))
    assert PreviousBuild.open(out, out / ".cache", TABLES) is None
    report = build(corpus, out=out, progress=False)  # the per-document cache serves instead
    assert report.n_cached == report.n_documents
    assert_same_tables(_fresh(corpus, tmp_path), out)


def test_a_build_that_stops_leaves_no_index(corpus, tmp_path, monkeypatch):
    out = tmp_path / "out"
    build(corpus, out=out, progress=False)

    def fail(self, table, rows):
        raise KeyboardInterrupt

    monkeypatch.setattr(build_module._TableWriter, "write", fail)
    with pytest.raises(KeyboardInterrupt):
        build(corpus, out=out, progress=False)
    assert not (out / ".cache" / INDEX_NAME).exists()
    monkeypatch.undo()
    build(corpus, out=out, progress=False)
    assert_same_tables(_fresh(corpus, tmp_path), out)


def test_a_damaged_index_is_ignored(corpus, tmp_path):
    out = tmp_path / "out"
    build(corpus, out=out, progress=False)
    (out / ".cache" / INDEX_NAME).write_bytes(b"not parquet")
    assert PreviousBuild.open(out, out / ".cache", TABLES) is None
    assert not (out / ".cache" / INDEX_NAME).exists()


def test_a_document_split_across_row_groups_is_taken_whole(tmp_path):
    ids = ["a", "a", "a", "b", "c", "c", "c", "c"]
    table = pa.table({"doc_id": ids, "n": list(range(len(ids)))})
    pq.write_table(table, tmp_path / "lines.parquet", row_group_size=2)
    write_index(tmp_path / ".cache", tmp_path, ["a", "x", "b", "c"], ["ka", "kx", "kb", "kc"], ["lines"])
    previous = PreviousBuild.open(tmp_path, tmp_path / ".cache", ["lines"])
    taken = {}
    for doc_id, key in [("a", "ka"), ("x", "kx"), ("c", "kc")]:  # b is skipped, as if it changed
        claimed = previous.claim(doc_id, key)
        taken[doc_id] = [n for piece in previous.take(claimed)["lines"] for n in piece.rows()["n"].to_pylist()]
    previous.close()
    assert taken == {"a": [0, 1, 2], "x": [], "c": [4, 5, 6, 7]}


def test_changed_keys_and_out_of_order_documents_are_not_claimed(tmp_path):
    pq.write_table(pa.table({"doc_id": ["a", "b"]}), tmp_path / "lines.parquet")
    write_index(tmp_path / ".cache", tmp_path, ["a", "b"], ["ka", "kb"], ["lines"])
    previous = PreviousBuild.open(tmp_path, tmp_path / ".cache", ["lines"])
    assert previous.claim("a", "changed") is None
    assert previous.claim("b", "kb") is not None
    assert previous.claim("a", "ka") is None  # written before b: its rows are behind the reader
    assert previous.claim("unknown", "k") is None
    previous.close()


def test_discover_sorts_like_paths_and_skips_hidden_files_and_manifests(tmp_path):
    for name in ["a-b.txt", "a/b.txt", "a/manifest.csv", ".hidden/c.txt", "a/.d.txt", "B.txt", "manifest.csv"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    (tmp_path / "link").symlink_to(tmp_path / "a", target_is_directory=True)
    (tmp_path / "file-link.txt").symlink_to(tmp_path / "B.txt")
    expected = sorted(
        p for p in tmp_path.rglob("*")
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(tmp_path).parts) and p.name != "manifest.csv"
    )
    assert _discover(tmp_path) == expected
    assert [p.relative_to(tmp_path).as_posix() for p in expected] == ["B.txt", "a/b.txt", "a-b.txt", "file-link.txt"]
