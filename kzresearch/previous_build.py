"""The previous build's tables, reused for the documents that have not changed since.

A build records which documents it wrote, in order, under which cache key (``.cache/index.parquet``,
written once every table is closed). The next build into the same folder takes the rows of a
document whose key is unchanged straight from the previous tables, one row group at a time, instead
of unpickling them from the per-document cache and converting them to Arrow again: a rebuild after
one changed file costs little more than hashing the corpus and writing the tables.

The index names each table's size and modification time; if any table was touched since, the
previous build is not used and the per-document cache serves instead. Opening the index removes it,
so a build that stops half-way never leaves an index that describes other tables.
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

INDEX_NAME = "index.parquet"
_METADATA_KEY = b"kzresearch.tables"


@dataclass(frozen=True)
class ReusedRows:
    """Marks a document whose rows are taken from the previous build's tables."""

    doc_id: str
    position: int


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


def write_index(cache_dir: Path, out_dir: Path, doc_ids: list[str], keys: list[str], tables: Iterable[str]) -> None:
    """Record which documents the tables in ``out_dir`` hold, in order, and under which cache keys.

    Parameters
    ----------
    cache_dir : Path
        The build's cache folder, where the index is written.
    out_dir : Path
        The folder of the tables just written.
    doc_ids, keys : list of str
        Every written document and its cache key, in the order of the tables' rows.
    tables : iterable of str
        The tables whose rows the next build may reuse.
    """
    index = pa.table({"doc_id": pa.array(doc_ids, pa.string()), "key": pa.array(keys, pa.string())})
    stamps = json.dumps(_table_stamps(out_dir, tables)).encode()
    cache_dir.mkdir(parents=True, exist_ok=True)
    tmp = cache_dir / f"{INDEX_NAME}.tmp"
    pq.write_table(index.replace_schema_metadata({_METADATA_KEY: stamps}), tmp)
    tmp.replace(cache_dir / INDEX_NAME)


class PreviousBuild:
    """Rows of the previous build, handed out document by document in the order they were written.

    Use :meth:`open`; it returns None when there is no usable previous build.
    """

    def __init__(self, out_dir: Path, doc_ids: list[str], keys: list[str], tables: Iterable[str]):
        self._position = {doc_id: i for i, doc_id in enumerate(doc_ids)}
        self._keys = keys
        self._last_claimed = -1
        self._readers = {table: _TableRows(out_dir / f"{table}.parquet", self._position) for table in tables}

    @classmethod
    def open(cls, out_dir: Path, cache_dir: Path, tables: Iterable[str]) -> PreviousBuild | None:
        """Open the previous build in ``out_dir`` if its index still describes its tables.

        Parameters
        ----------
        out_dir : Path
            The output folder about to be rebuilt.
        cache_dir : Path
            The build's cache folder holding the index.
        tables : iterable of str
            The tables to reuse rows from.

        Returns
        -------
        PreviousBuild or None
            None when there is no index, it is damaged, or a table changed after it was written.
        """
        tables = tuple(tables)
        path = cache_dir / INDEX_NAME
        try:
            index = pq.read_table(path)
            stamps = json.loads(index.schema.metadata[_METADATA_KEY])
            if any(stamps.get(t) != s for t, s in _table_stamps(out_dir, tables).items()):
                return None
            return cls(out_dir, index.column("doc_id").to_pylist(), index.column("key").to_pylist(), tables)
        except (OSError, KeyError, TypeError, ValueError, pa.ArrowException):
            return None
        finally:
            path.unlink(missing_ok=True)

    def claim(self, doc_id: str, key: str) -> ReusedRows | None:
        """Claim a document's previous rows if its cache key is unchanged.

        Documents must be claimed in the order they are taken; one written earlier than the last
        claimed (a reordered corpus) is not reused.
        """
        position = self._position.get(doc_id)
        if position is None or position <= self._last_claimed or self._keys[position] != key:
            return None
        self._last_claimed = position
        return ReusedRows(doc_id, position)

    def take(self, claimed: ReusedRows) -> dict[str, list[RowRange]]:
        """Return where the claimed document's rows of every table are in the previous tables."""
        return {table: reader.take(claimed.doc_id, claimed.position) for table, reader in self._readers.items()}

    def close(self) -> None:
        """Close the previous tables (they are about to be replaced)."""
        for reader in self._readers.values():
            reader.close()


class _TableRows:
    """One previous table read a row group at a time; the rows of each document are contiguous."""

    def __init__(self, path: Path, position: dict[str, int]):
        self._file = pq.ParquetFile(path)
        self._position = position
        self._next_group = 0
        self._group = pa.table({})
        self._runs: dict[str, tuple[int, int]] = {}
        self._last_position = -1  # position of the last document in the loaded row group

    def _load_next(self) -> bool:
        if self._next_group >= self._file.num_row_groups:
            return False
        self._group = self._file.read_row_group(self._next_group)
        self._next_group += 1
        ids = self._group.column("doc_id").combine_chunks()
        codes = pc.dictionary_encode(ids).indices.to_numpy(zero_copy_only=False)
        starts = np.concatenate(([0], np.flatnonzero(np.diff(codes)) + 1)) if len(codes) else np.array([], int)
        stops = np.append(starts[1:], len(codes))
        names = ids.take(pa.array(starts)).to_pylist()
        self._runs = {name: (int(a), int(b)) for name, a, b in zip(names, starts, stops)}
        if names:
            self._last_position = self._position.get(names[-1], -1)
        return True

    def close(self) -> None:
        self._file.close()

    def take(self, doc_id: str, position: int) -> list[RowRange]:
        while self._last_position < position and self._load_next():
            pass
        pieces = []
        while doc_id in self._runs:
            start, stop = self._runs.pop(doc_id)
            pieces.append(RowRange(self._group, start, stop))
            # a document's rows may run on into the next row group
            if stop < self._group.num_rows or not self._load_next():
                break
        return pieces
