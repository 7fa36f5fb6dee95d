"""The previous build's tables, reused for the documents that have not changed since.

A build records, in order, the documents its tables hold: each one's cache key and how many rows
it has in every table (``.cache/index.parquet``, streamed as the tables are, so memory does not grow
with the corpus; ``.cache/index.json`` names the tables it describes once they are closed). The next
build into the same folder finds an unchanged document by its cache key and copies its rows
straight from the previous tables, by row offset, one row group at a time, instead of unpickling
them from the per-document cache and converting them to Arrow again: a rebuild after one changed
file costs little more than hashing the corpus and writing the tables.

The index names each table's size, modification time and row count; if any table changed since,
the previous build is not used and the per-document cache serves instead. Opening the index
removes it, so a build that stops half-way, or one run without the cache, never leaves an index
that describes other tables.
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

INDEX_NAME = "index.parquet"
STAMPS_NAME = "index.json"
_BATCH = 1024


@dataclass(frozen=True)
class ReusedRows:
    """A document whose rows are taken from the previous build's tables."""

    doc_id: str
    position: int  # in the previous build's order
    counts: dict[str, int]  # its rows in each table


class RowRange(NamedTuple):
    """Rows ``start`` to ``stop`` of an Arrow table: a document's rows, not yet copied."""

    table: pa.Table
    start: int
    stop: int

    def rows(self) -> pa.Table:
        """The rows as a (zero-copy) slice."""
        return self.table.slice(self.start, self.stop - self.start)


def _table_stamps(out_dir: Path, tables: Iterable[str]) -> dict[str, list[int]]:
    stamps = {}
    for table in tables:
        stat = (out_dir / f"{table}.parquet").stat()
        stamps[table] = [stat.st_size, stat.st_mtime_ns]
    return stamps


class IndexWriter:
    """Streams the index of the tables being written: every document, its key, its rows per table.

    Parameters
    ----------
    cache_dir : Path
        The build's cache folder, where the index is written.
    tables : iterable of str
        The tables the next build may reuse rows from.
    """

    def __init__(self, cache_dir: Path, tables: Iterable[str]):
        self._tables = tuple(tables)
        self._dir = cache_dir
        self._schema = pa.schema([("doc_id", pa.string()), ("key", pa.string()), *[(t, pa.int64()) for t in self._tables]])
        self._rows: dict[str, list] = {name: [] for name in self._schema.names}
        cache_dir.mkdir(parents=True, exist_ok=True)
        self._writer = pq.ParquetWriter(cache_dir / f"{INDEX_NAME}.tmp", self._schema)

    def add(self, doc_id: str, key: str, counts: dict[str, int]) -> None:
        """Record the next document written to the tables."""
        self._rows["doc_id"].append(doc_id)
        self._rows["key"].append(key)
        for table in self._tables:
            self._rows[table].append(counts[table])
        if len(self._rows["key"]) >= _BATCH:
            self._flush()

    def _flush(self) -> None:
        self._writer.write_table(pa.table(self._rows, schema=self._schema))
        self._rows = {name: [] for name in self._schema.names}

    def close(self, out_dir: Path) -> None:
        """Finish the index of the tables just closed in ``out_dir``, naming their size and time."""
        self._flush()
        self._writer.close()
        (self._dir / f"{INDEX_NAME}.tmp").replace(self._dir / INDEX_NAME)
        tmp = self._dir / f"{STAMPS_NAME}.tmp"
        tmp.write_text(json.dumps(_table_stamps(out_dir, self._tables)), encoding="utf-8")
        tmp.replace(self._dir / STAMPS_NAME)

    def discard(self) -> None:
        """Close and remove the index of a build that stopped (whatever stopped it)."""
        try:
            self._writer.close()
        except Exception:  # noqa: BLE001 - the error that stopped the build is the one to report
            pass
        (self._dir / f"{INDEX_NAME}.tmp").unlink(missing_ok=True)


class PreviousBuild:
    """Rows of the previous build, handed out document by document in the order they were written.

    Use :meth:`open`; it returns None when there is no usable previous build.
    """

    def __init__(self, out_dir: Path, doc_ids: list[str], keys: list[str], counts: dict[str, np.ndarray]):
        if len(set(keys)) != len(keys):
            raise ValueError("the index names a document twice")
        self._doc_ids = doc_ids
        self._position = {key: i for i, key in enumerate(keys)}
        self._counts = counts
        self._starts = {table: np.concatenate(([0], np.cumsum(n))) for table, n in counts.items()}
        self._last_claimed = -1
        self._readers: dict[str, _TableRows] = {}
        try:
            for table in counts:
                self._readers[table] = reader = _TableRows(out_dir / f"{table}.parquet")
                if reader.num_rows != self._starts[table][-1]:
                    raise ValueError(f"{table} does not hold the rows its index names")
        except BaseException:
            self.close()
            raise

    @classmethod
    def open(cls, out_dir: Path, cache_dir: Path, tables: Iterable[str], *, reuse: bool = True) -> PreviousBuild | None:
        """Open the previous build in ``out_dir`` if its index still describes its tables.

        Parameters
        ----------
        out_dir : Path
            The output folder about to be rebuilt.
        cache_dir : Path
            The build's cache folder holding the index.
        tables : iterable of str
            The tables to reuse rows from.
        reuse : bool, optional
            False only removes the index (a build without the cache is about to replace the tables).

        Returns
        -------
        PreviousBuild or None
            None when there is no index, it is damaged, or a table changed after it was written.
        """
        tables = tuple(tables)
        try:
            if not reuse:
                return None
            stamps = json.loads((cache_dir / STAMPS_NAME).read_text(encoding="utf-8"))
            if any(stamps.get(t) != s for t, s in _table_stamps(out_dir, tables).items()):
                return None
            index = pq.read_table(cache_dir / INDEX_NAME)
            counts = {t: index.column(t).to_numpy() for t in tables}
            return cls(out_dir, index.column("doc_id").to_pylist(), index.column("key").to_pylist(), counts)
        except (OSError, KeyError, TypeError, ValueError, AttributeError, pa.ArrowException):
            return None
        finally:
            (cache_dir / STAMPS_NAME).unlink(missing_ok=True)
            (cache_dir / INDEX_NAME).unlink(missing_ok=True)

    def claim(self, key: str) -> ReusedRows | None:
        """Claim the previous rows of the document with cache key ``key``, if it was written.

        Documents must be claimed in the order they are taken; one written earlier than the last
        claimed (a reordered corpus) is not reused.
        """
        position = self._position.get(key)
        if position is None or position <= self._last_claimed:
            return None
        self._last_claimed = position
        return ReusedRows(self._doc_ids[position], position, {t: int(n[position]) for t, n in self._counts.items()})

    def take(self, claimed: ReusedRows) -> dict[str, list[RowRange]]:
        """Return where the claimed document's rows of every table are in the previous tables.

        Raises
        ------
        RuntimeError
            If a previous table cannot be read (the index is gone: building again does not use it).
        """
        i = claimed.position
        taken = {}
        for table, reader in self._readers.items():
            try:
                taken[table] = reader.take(int(self._starts[table][i]), int(self._starts[table][i + 1]))
            except (OSError, pa.ArrowException) as exc:
                raise RuntimeError(f"the previous build's {table} table could not be read ({exc}); "
                                   "build again: the next build does not reuse it") from exc
        return taken

    def close(self) -> None:
        """Close the previous tables (they are about to be replaced)."""
        for reader in self._readers.values():
            reader.close()


class _TableRows:
    """One previous table, read a row group at a time as rows are taken in order."""

    def __init__(self, path: Path):
        self._file = pq.ParquetFile(path)
        self.num_rows = self._file.metadata.num_rows
        self._next_group = 0
        self._group = pa.table({})
        self._group_start = self._group_stop = 0  # the loaded row group's rows in the whole table

    def _load(self, row: int) -> None:
        """Load the row group holding ``row``; groups before it (changed documents only) are not read."""
        while self._group_stop <= row:
            self._group_start = self._group_stop
            self._group_stop += self._file.metadata.row_group(self._next_group).num_rows
            self._next_group += 1
        self._group = self._file.read_row_group(self._next_group - 1)

    def take(self, start: int, stop: int) -> list[RowRange]:
        pieces = []
        while start < stop:  # a document's rows may run on into the next row group
            if start >= self._group_stop:
                self._load(start)
            end = min(stop, self._group_stop)
            pieces.append(RowRange(self._group, start - self._group_start, end - self._group_start))
            start = end
        return pieces

    def close(self) -> None:
        self._file.close()
