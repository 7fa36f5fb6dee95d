"""The Dask engine: the per-document work on a ``dask.distributed`` cluster.

``kzresearch build --engine dask`` submits :func:`kzresearch.engines.process_safely`, the very
function the local engine runs, once per document, and hands the outcomes back in input order;
the build writes them exactly as it writes the local engine's, so both engines produce identical
tables. Without a scheduler address a :class:`distributed.LocalCluster` of ``workers`` single-
threaded worker processes is started (and stopped) on this machine; with one, an existing cluster
is used, whose workers must have the same version of kzresearch installed and, when
``ref_path`` is given, that folder at the same path.

Dask is an optional dependency (``pip install "kzresearch[dask]"``): this module is imported only
when the Dask engine is chosen.
"""
from __future__ import annotations

import logging
from collections import deque
from collections.abc import Iterator
from pathlib import Path

from kzresearch.engines import Item, Outcome, process_safely

# Documents in flight per worker thread: enough to keep every worker busy while outcomes are
# collected in order, few enough that results waiting to be written stay bounded.
_IN_FLIGHT_PER_THREAD = 32


class DaskEngine:
    """Run documents on a Dask cluster: a new local one, or an existing one by address.

    Parameters
    ----------
    scheduler : str, optional
        Address of a running scheduler (``tcp://host:8786``); a local cluster when omitted.
    ref_path : str or Path, optional
        Folder of reference tables, as the workers see it (default: the package's own).
    workers : int, optional
        Worker processes of the local cluster (ignored with ``scheduler``).

    Examples
    --------
    >>> with DaskEngine(workers=2) as engine:                      # doctest: +SKIP
    ...     outcomes = list(engine.map(items))
    """

    def __init__(self, *, scheduler: str | None = None, ref_path: str | Path | None = None, workers: int = 1):
        if workers < 1:
            raise ValueError(f"workers must be at least 1, not {workers}")
        self.scheduler = scheduler
        self.ref_path = str(ref_path) if ref_path is not None else None
        self.workers = workers
        self._cluster = None
        self._client = None

    def __enter__(self) -> "DaskEngine":
        from distributed import Client, LocalCluster

        if self.scheduler:
            self._client = Client(self.scheduler)
        else:
            self._cluster = LocalCluster(
                n_workers=self.workers,
                threads_per_worker=1,  # the work is pure Python: threads would only share one GIL
                processes=True,
                dashboard_address=None,
                silence_logs=logging.WARNING,
            )
            self._client = Client(self._cluster)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._client is not None:
            self._client.close()
        if self._cluster is not None:
            self._cluster.close()
        self._client = self._cluster = None

    def map(self, items: list[Item]) -> Iterator[Outcome]:
        """Process ``items`` on the cluster, yielding ``(result, error)`` in input order.

        A document whose task fails on the cluster (a worker lost, a result that cannot be sent
        back) gives ``(None, message)``, as a document whose processing raises does.
        """
        if self._client is None:
            raise RuntimeError("DaskEngine.map is called inside 'with DaskEngine(...) as engine:'")
        return self._ordered(items)

    def _ordered(self, items: list[Item]) -> Iterator[Outcome]:
        client = self._client
        limit = _IN_FLIGHT_PER_THREAD * max(1, sum(client.nthreads().values()))
        pending: deque = deque()
        todo = iter(items)

        def submit_next() -> None:
            item = next(todo, None)
            if item is not None:
                # pure=False: two documents with equal content are still two tasks to run.
                pending.append(client.submit(process_safely, item, self.ref_path, pure=False))

        for _ in range(limit):
            submit_next()
        while pending:
            future = pending.popleft()
            try:
                outcome = future.result()
            except Exception as exc:  # noqa: BLE001 - a lost task is one failed document
                outcome = (None, f"{type(exc).__name__} on the Dask cluster: {exc}")
            future.release()
            submit_next()
            yield outcome
