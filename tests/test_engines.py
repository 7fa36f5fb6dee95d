"""Every engine writes the same rows: local with one or two processes, Dask, cached or not."""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from kzresearch.build import build
from kzresearch.corpus import TABLE_NAMES

def _tables(out: Path) -> dict[str, pd.DataFrame]:
    return {name: pd.read_parquet(out / f"{name}.parquet") for name in TABLE_NAMES}


def assert_same_tables(a: Path, b: Path) -> None:
    left, right = _tables(a), _tables(b)
    for name in TABLE_NAMES:
        pd.testing.assert_frame_equal(left[name], right[name], obj=name)


@pytest.fixture(scope="module", params=["bundled", "generated"])
def corpus(request, generated) -> Path | None:
    return None if request.param == "bundled" else generated


@pytest.fixture(scope="module")
def local_out(corpus, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("local")
    build(corpus, out=out, use_cache=False, progress=False)
    return out


def test_two_jobs_same_rows_as_one(corpus, local_out, tmp_path):
    build(corpus, out=tmp_path, jobs=2, use_cache=False, progress=False)
    assert_same_tables(local_out, tmp_path)


def test_dask_local_cluster_same_rows_as_local(corpus, local_out, tmp_path):
    pytest.importorskip("distributed")
    report = build(corpus, out=tmp_path, engine="dask", jobs=2, use_cache=False, progress=False)
    assert report.n_documents == json.loads((local_out / "build.json").read_text())["documents"]
    assert_same_tables(local_out, tmp_path)


def test_build_is_deterministic(corpus, local_out, tmp_path):
    build(corpus, out=tmp_path, use_cache=False, progress=False)
    assert_same_tables(local_out, tmp_path)
    for name in TABLE_NAMES:
        assert (tmp_path / f"{name}.parquet").read_bytes() == (local_out / f"{name}.parquet").read_bytes(), name


def test_cached_rebuild_same_rows(corpus, local_out, tmp_path):
    first = build(corpus, out=tmp_path, progress=False)
    second = build(corpus, out=tmp_path, progress=False)
    assert first.n_cached == 0 and second.n_cached == second.n_documents
    assert_same_tables(local_out, tmp_path)


def test_dask_engine_keeps_order_and_reports_failures():
    pytest.importorskip("distributed")
    from kzresearch.engines_dask import DaskEngine
    from kzresearch.reading import RawDocument

    good = RawDocument("a", "a.txt", "0" * 64, "utf-8", "txt", "Police detained 30 protesters in Almaty on Sunday.", 50)
    bad = RawDocument("b", "b.txt", "1" * 64, "utf-8", "txt", None, 0)  # no text: processing raises
    with DaskEngine(workers=2) as engine:
        outcomes = list(engine.map([(good, None), (bad, None), (good, None)]))
    assert [r is not None for r, _ in outcomes] == [True, False, True]
    assert outcomes[1][1] and outcomes[0][0].documents[0]["doc_id"] == "a"
