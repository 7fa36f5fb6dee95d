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
from kzresearch.previous_build import INDEX_NAME, IndexWriter, PreviousBuild
from test_engines import assert_same_tables

CHANGE = b"\n\nPolice detained 12 more protesters in Almaty on Monday.\n"


@pytest.fixture()
def corpus(generated, tmp_path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(generated, folder)
    return folder


@pytest.fixture(scope="module")
def unchanged_fresh(generated, tmp_path_factory) -> Path:
    """A fresh build of the generated corpus, as every unchanged copy of it builds."""
    out = tmp_path_factory.mktemp("unchanged-fresh")
    build(generated, out=out, use_cache=False, progress=False)
    return out


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


def _rebuild_unchanged(corpus: Path, tmp_path: Path, monkeypatch, fresh: Path | None = None):
    """Build twice: the second build takes every document from the first's tables, none from the cache."""
    out = tmp_path / "out"
    first = build(corpus, out=out, progress=False)
    _no_cache_reads(monkeypatch)
    second = build(corpus, out=out, progress=False)
    monkeypatch.undo()
    assert second.n_cached == second.n_documents == first.n_documents
    assert_same_tables(fresh or _fresh(corpus, tmp_path), out)
    return first, second


def test_a_second_unchanged_rebuild_reads_no_cache_entry(corpus, tmp_path, monkeypatch, unchanged_fresh):
    first, second = _rebuild_unchanged(corpus, tmp_path, monkeypatch, unchanged_fresh)
    assert second.outlets == first.outlets and second.elections == first.elections
    assert (second.lines_total, second.lines_removed) == (first.lines_total, first.lines_removed)


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
    assert not list((out / ".cache").glob("index*"))  # neither the previous index nor a partial one
    assert not list(out.glob("*.tmp"))
    monkeypatch.undo()
    build(corpus, out=out, progress=False)
    assert_same_tables(_fresh(corpus, tmp_path), out)


def test_a_damaged_index_is_ignored(corpus, tmp_path):
    out = tmp_path / "out"
    build(corpus, out=out, progress=False)
    (out / ".cache" / INDEX_NAME).write_bytes(b"not parquet")
    assert PreviousBuild.open(out, out / ".cache", TABLES) is None
    assert not (out / ".cache" / INDEX_NAME).exists()


def _index(folder: Path, doc_ids: list[str], keys: list[str], lines: list[int]) -> None:
    index = IndexWriter(folder / ".cache", ["lines"])
    for doc_id, key, n in zip(doc_ids, keys, lines):
        index.add(doc_id, key, {"lines": n})
    index.close(folder)


def test_a_document_split_across_row_groups_is_taken_whole(tmp_path):
    ids = ["a", "a", "a", "b", "c", "c", "c", "c"]
    pq.write_table(pa.table({"doc_id": ids, "n": list(range(len(ids)))}), tmp_path / "lines.parquet", row_group_size=2)
    _index(tmp_path, ["a", "x", "b", "c"], ["ka", "kx", "kb", "kc"], [3, 0, 1, 4])
    previous = PreviousBuild.open(tmp_path, tmp_path / ".cache", ["lines"])
    taken = {}
    for key in ["ka", "kx", "kc"]:  # b is skipped, as if it changed
        claimed = previous.claim(key)
        taken[claimed.doc_id] = [n for piece in previous.take(claimed)["lines"] for n in piece.rows()["n"].to_pylist()]
    previous.close()
    assert taken == {"a": [0, 1, 2], "x": [], "c": [4, 5, 6, 7]}


def test_changed_keys_and_out_of_order_documents_are_not_claimed(tmp_path):
    pq.write_table(pa.table({"doc_id": ["a", "b"]}), tmp_path / "lines.parquet")
    _index(tmp_path, ["a", "b"], ["ka", "kb"], [1, 1])
    previous = PreviousBuild.open(tmp_path, tmp_path / ".cache", ["lines"])
    assert previous.claim("changed") is None
    assert previous.claim("kb") is not None
    assert previous.claim("ka") is None  # written before b: its rows are behind the reader
    previous.close()


def test_an_index_that_does_not_add_up_to_its_table_is_ignored(tmp_path):
    pq.write_table(pa.table({"doc_id": ["a", "b"]}), tmp_path / "lines.parquet")
    _index(tmp_path, ["a", "b"], ["ka", "kb"], [1, 2])
    assert PreviousBuild.open(tmp_path, tmp_path / ".cache", ["lines"]) is None


def test_documents_that_share_an_id_keep_their_own_rows(corpus, tmp_path, monkeypatch):
    # "dup.txt" and "dup.html" are both document "0000__dup"; two exports number their rows alike.
    (corpus / "0000" / "dup.txt").write_text("Police detained 40 protesters in Almaty on Sunday, the ministry said.\n")
    (corpus / "0000" / "dup.html").write_text(
        "<html><head><title>Rally in Astana</title></head><body><article><p>About 200 people rallied in Astana "
        "on Saturday, organisers said, and police detained 15 of them.</p></article></body></html>")
    for name, figure in [("export-a.jsonl", 12), ("export-b.jsonl", 70)]:
        rows = [f'{{"id": "{i}", "text": "Police detained {figure + i} people in Shymkent on Monday."}}' for i in (1, 2)]
        (corpus / name).write_text("\n".join(rows) + "\n")
    _rebuild_unchanged(corpus, tmp_path, monkeypatch)


def test_a_build_without_the_cache_removes_the_index(corpus, tmp_path):
    out = tmp_path / "out"
    build(corpus, out=out, progress=False)
    build(corpus, out=out, use_cache=False, progress=False)
    assert not (out / ".cache" / INDEX_NAME).exists()


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
    files, passed_over = _discover(tmp_path)
    assert files == expected
    assert [p.relative_to(tmp_path).as_posix() for p in expected] == ["B.txt", "a/b.txt", "a-b.txt", "file-link.txt"]
    # what is passed over is said, with why
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    os.mkfifo(tmp_path / "pipe.txt")
    kinds = {p.file: p.problem for p in _discover(tmp_path)[1]}
    assert kinds == {"a/.d.txt": "skipped", "a/manifest.csv": "skipped", "link": "skipped",
                     "dangling.txt": "unreadable", "loop.txt": "unreadable", "pipe.txt": "skipped"}


def test_an_unknown_engine_leaves_the_previous_build_usable(corpus, tmp_path):
    out = tmp_path / "out"
    build(corpus, out=out, progress=False)
    with pytest.raises(ValueError, match="unknown engine"):
        build(corpus, out=out, engine="nope", progress=False)
    assert not list((out / ".cache").glob("index*.tmp"))
    previous = PreviousBuild.open(out, out / ".cache", TABLES)
    assert previous is not None
    previous.close()


def test_a_failure_while_closing_the_tables_is_reported_and_leaves_no_partial_files(corpus, tmp_path, monkeypatch):
    out = tmp_path / "out"

    def full_disk(self, tables):
        raise OSError("No space left on device")

    monkeypatch.setattr(build_module._TableWriter, "close", full_disk)
    with pytest.raises(OSError, match="No space left"):
        build(corpus, out=out, progress=False)
    assert not list(out.glob("*.tmp")) and not list((out / ".cache").glob("index*"))


def test_rows_are_taken_without_reading_the_row_groups_before_them(tmp_path, monkeypatch):
    from kzresearch.previous_build import _TableRows

    path = tmp_path / "t.parquet"
    pq.write_table(pa.table({"n": list(range(10))}), path, row_group_size=3)  # groups [0-2] [3-5] [6-8] [9]
    read = []
    original = pq.ParquetFile.read_row_group
    monkeypatch.setattr(pq.ParquetFile, "read_row_group", lambda self, i, *a, **k: read.append(i) or original(self, i, *a, **k))
    rows = _TableRows(path)
    taken = rows.take(7, 10)
    assert read == [2, 3]
    assert [v for piece in taken for v in piece.rows().column("n").to_pylist()] == [7, 8, 9]
    rows.close()
