"""Where the per-document work runs: in this process, in worker processes, or on Dask.

Every engine maps :func:`kzresearch.pipeline.process_document` over ``(raw, record)`` pairs and
returns ``(result, error)`` pairs in input order, so the build writes identical rows whichever
engine ran. A document whose processing raises gives ``(None, message)``: one bad document never
sinks a build.
"""
from __future__ import annotations

import multiprocessing as mp
import traceback
from collections.abc import Iterator
from pathlib import Path

from kzresearch.pipeline import DocResult, process_document
from kzresearch.reading import RawDocument
from kzresearch.reference import load_reference

Item = tuple[RawDocument, dict | None]
Outcome = tuple[DocResult | None, str | None]


def process_safely(item: Item, ref_path: str | Path | None = None) -> Outcome:
    """Run :func:`process_document`, turning an exception into an error message.

    The reference tables are loaded once per process (``load_reference`` caches them).
    """
    raw, record = item
    try:
        return process_document(raw, load_reference(ref_path), record), None
    except Exception as exc:  # noqa: BLE001 - a failing document is reported, not raised
        where = traceback.extract_tb(exc.__traceback__)[-1]
        return None, f"{type(exc).__name__}: {exc} at {Path(where.filename).name}:{where.lineno}"


_worker_ref_path: str | Path | None = None


def _init_worker(ref_path: str | Path | None) -> None:
    global _worker_ref_path
    _worker_ref_path = ref_path
    load_reference(ref_path)


def _work(item: Item) -> Outcome:
    return process_safely(item, _worker_ref_path)


class LocalEngine:
    """Runs documents in this process (``jobs=1``) or in a pool of worker processes."""

    def __init__(self, *, jobs: int = 1, ref_path: str | Path | None = None):
        self.jobs = jobs
        self.ref_path = ref_path
        self._pool = None

    def __enter__(self) -> "LocalEngine":
        if self.jobs > 1:
            # fork shares the loaded package and reference with the workers at no cost
            context = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
            self._pool = context.Pool(self.jobs, initializer=_init_worker, initargs=(self.ref_path,))
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.close()
            self._pool.join()

    def map(self, items: list[Item]) -> Iterator[Outcome]:
        """Process ``items``, yielding outcomes in input order."""
        if self._pool is None:
            return (process_safely(item, self.ref_path) for item in items)
        return self._pool.imap(_work, items, chunksize=max(1, len(items) // (self.jobs * 8)))
