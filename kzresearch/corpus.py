"""The corpus API: ``kz.load_corpus()`` and the :class:`Corpus` it returns.

Tables (pandas DataFrames, read lazily from the build's Parquet files; schemas in
:mod:`kzresearch.schema` and ``docs/data_dictionary.md``):

- ``documents``: one row per article, with metadata and the clean text;
- ``lines``: every line with its role and the rule that decided it;
- ``mentions``: names mapped to canonical forms, with spans;
- ``tallies``: counts of protesters, detainees, injured, ... with ranges and provenance;
- ``results``: election figures with the election they belong to;
- ``problems``: files or rows that could not be read, and why;
- ``elections``, ``events``: the reference tables.

Examples
--------
>>> import kzresearch as kz
>>> corpus = kz.load_corpus()
>>> len(corpus.documents) >= 5
True
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq

from kzresearch import paths
from kzresearch.build import RECORD_NAME, build
from kzresearch.reference import Reference, load_reference

TABLE_NAMES = ("documents", "lines", "mentions", "tallies", "results", "quotes", "problems")


@dataclass
class Corpus:
    """A built corpus: its tables as pandas DataFrames, its build record and the reference.

    Parameters
    ----------
    processed : Path
        Folder holding the build's Parquet files and ``build.json``.
    reference : Reference
        Reference tables used by the build.
    """

    processed: Path
    reference: Reference
    _tables: dict = field(default_factory=dict, repr=False)

    def table(self, name: str, columns: list[str] | None = None) -> pd.DataFrame:
        """Return a table, reading only ``columns`` when given (a new DataFrame each call)."""
        if name not in TABLE_NAMES:
            raise KeyError(f"unknown table {name!r}; tables are {', '.join(TABLE_NAMES)}")
        if columns is not None:
            path = self.processed / f"{name}.parquet"
            missing = [c for c in columns if c not in pq.read_schema(path).names]
            if missing:
                raise KeyError(f"{path} has no column {', '.join(map(repr, missing))}: it was built by an older "
                               "version of kzresearch; build it again (kzresearch build, or load_corpus(..., rebuild=True))")
            return pd.read_parquet(path, columns=columns)
        if name not in self._tables:
            self._tables[name] = pd.read_parquet(self.processed / f"{name}.parquet")
        return self._tables[name].copy()

    documents = property(lambda self: self.table("documents"), doc="One row per article.")
    lines = property(lambda self: self.table("lines"), doc="Every line with its role and rule.")
    mentions = property(lambda self: self.table("mentions"), doc="Names with canonical forms and spans.")
    tallies = property(lambda self: self.table("tallies"), doc="Counts of people, with ranges and provenance.")
    results = property(lambda self: self.table("results"), doc="Election figures with their election.")
    quotes = property(lambda self: self.table("quotes"), doc="Sentences that quote or credit someone, with the speaker.")
    problems = property(lambda self: self.table("problems"), doc="Inputs that could not be read, and why.")
    elections = property(lambda self: self.reference.elections.copy(), doc="Reference table of elections.")
    events = property(lambda self: self.reference.events.copy(), doc="Reference table of related events.")

    @property
    def record(self) -> dict:
        """The build record (``build.json``): version, hashes, counts, problems."""
        return json.loads((self.processed / RECORD_NAME).read_text(encoding="utf-8"))

    def __repr__(self) -> str:
        record = self.record
        return f"<Corpus {record['documents']} documents from {record['corpus_dir']} (built {record['built_at']})>"


def default_processed_dir(corpus_dir: Path) -> Path:
    """Where the tables of a corpus go by default.

    The bundled corpus builds into ``data/processed``; any other folder into
    ``data/processed/corpora/<name>-<hash of its path>``, never inside the corpus itself.
    """
    if corpus_dir.resolve() == paths.raw_dir().resolve():
        return paths.processed_dir()
    tag = hashlib.sha256(str(corpus_dir.resolve()).encode()).hexdigest()[:8]
    return paths.processed_dir() / "corpora" / f"{corpus_dir.name}-{tag}"


def load_corpus(
    path: str | Path | None = None,
    *,
    manifest: str | Path | None = None,
    processed: str | Path | None = None,
    rebuild: bool = True,
    jobs: int = 1,
) -> Corpus:
    """Build (incrementally) and load a corpus.

    Parameters
    ----------
    path : str or Path, optional
        Folder of articles; default the bundled corpus in ``data/raw``.
    manifest : str or Path, optional
        Collection record; default ``<path>/manifest.csv`` (``data/manifest.csv`` for the bundled corpus).
    processed : str or Path, optional
        Folder for the tables; default :func:`default_processed_dir`.
    rebuild : bool, optional
        Bring the tables up to date first (cheap: unchanged documents are reused). With False, an
        existing build is read as it is.
    jobs : int, optional
        Worker processes for the build.

    Returns
    -------
    Corpus
    """
    corpus_dir = paths.require_dir(Path(path) if path else paths.raw_dir(), "corpus folder")
    out = Path(processed) if processed else default_processed_dir(corpus_dir)
    if rebuild or not (out / RECORD_NAME).is_file():
        build(corpus_dir, manifest=manifest, out=out, jobs=jobs)
    return Corpus(processed=out, reference=load_reference())
