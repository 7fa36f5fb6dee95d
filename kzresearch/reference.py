"""Curated reference tables: elections, events, names, capitals, outlets, conventions.

The tables live in ``data/reference/`` as CSV and YAML files with a source for every row (see
``data/reference/README.md``). They hold knowledge about Kazakhstan and its press, never anything
derived from the corpus. A researcher may edit them; the build records their hashes.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pandas as pd
import yaml

from kzresearch import paths

# libyaml's parser when PyYAML was built with it (its wheels are): ten times faster than the pure
# Python one, which every worker process would otherwise spend half a second in.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: Path | str) -> object:
    """Parse a YAML file safely (as ``yaml.safe_load`` does), with libyaml where available.

    Raises
    ------
    ValueError
        If the file is not UTF-8 text or not valid YAML; the message names the file and the place.
    """
    try:
        return yaml.load(Path(path).read_text(encoding="utf-8"), Loader=_YAML_LOADER)
    except UnicodeDecodeError as exc:
        raise ValueError(f"{path}: not UTF-8 text (byte {exc.start}); save it as UTF-8") from None
    except yaml.YAMLError as exc:
        raise ValueError(f"{path}: not valid YAML: {' '.join(str(exc).split())}") from None

CSV_TABLES = ("elections", "official_results", "events", "names", "capitals", "outlets")
YAML_TABLES = ("quantities", "claim_lexicon", "boilerplate", "election_cues", "record_fields", "transliterations")


@dataclass(frozen=True, eq=False)
class Reference:
    """The reference tables, as loaded.

    Attributes
    ----------
    elections : pandas.DataFrame
        One row per national election or referendum (``election_id``, ``date``, ``kind``, ...).
    official_results : pandas.DataFrame
        Official figures per election (``election_id``, ``subject``, ``measure``, ``value``, ``of``).
    events : pandas.DataFrame
        Related events (independence, renamings, unrest, ...).
    names : pandas.DataFrame
        Name variants: ``canonical``, ``kind``, ``variant``.
    capitals : pandas.DataFrame
        The capital's name and the period it was in force.
    outlets : pandas.DataFrame
        Outlet signatures: ``outlet``, ``signal`` (text, url, byline), ``pattern``.
    boilerplate : dict
        Web-boilerplate knowledge (``boilerplate.yaml``): whole-line rules, appeal cues.
    conventions : dict
        Quantity conventions (``quantities.yaml``).
    lexicon : dict
        Claim-extraction word lists (``claim_lexicon.yaml``).
    election_cues : dict
        Cues that tell which election an article is about (``election_cues.yaml``).
    record_fields : dict
        The keys of an exported record (a JSON Lines row) that hold each document field
        (``record_fields.yaml``; read by :class:`kzresearch.records.RecordFields`).
    transliterations : dict
        Other languages' and alphabets' spellings of names as rewrites into English spelling
        (``transliterations.yaml``; read by :class:`kzresearch.entities.NameMatcher`).
    digest : str
        SHA-256 over all reference files, recorded by the build.
    """

    elections: pd.DataFrame
    official_results: pd.DataFrame
    events: pd.DataFrame
    names: pd.DataFrame
    capitals: pd.DataFrame
    outlets: pd.DataFrame
    boilerplate: dict
    conventions: dict
    lexicon: dict
    election_cues: dict
    record_fields: dict
    transliterations: dict
    digest: str
    _variant_index: dict = field(default_factory=dict, repr=False)
    _election_rows: dict = field(default_factory=dict, repr=False)

    def canonical_name(self, surface: str) -> tuple[str, str] | None:
        """Return ``(canonical, kind)`` for a known name variant, matched case-insensitively.

        Examples
        --------
        >>> ref = load_reference()
        >>> ref.canonical_name("Nazarbaev")
        ('Nursultan Nazarbayev', 'person')
        >>> ref.canonical_name("Nobody Inparticular") is None
        True
        """
        return self._variant_index.get(" ".join(surface.split()).casefold())

    def is_place(self, surface: str) -> bool:
        """Return whether ``names.csv`` knows ``surface`` as a place (:meth:`canonical_name`).

        Examples
        --------
        >>> ref = load_reference()
        >>> ref.is_place("ALMATY"), ref.is_place("Reuters")
        (True, False)
        """
        return (self.canonical_name(surface) or (None, None))[1] == "place"

    def capital_on(self, day: dt.date) -> str:
        """Return the name of Kazakhstan's capital in force on ``day``.

        Examples
        --------
        >>> ref = load_reference()
        >>> ref.capital_on(dt.date(2021, 1, 10)), ref.capital_on(dt.date(1995, 8, 30))
        ('Nur-Sultan', 'Almaty')
        """
        for row in self.capitals.itertuples():
            end = row.valid_to if isinstance(row.valid_to, dt.date) else dt.date.max
            if row.valid_from <= day <= end:
                return row.name
        return str(self.capitals.iloc[-1]["name"])

    def election(self, election_id: str) -> pd.Series:
        """Return the row of ``elections`` for ``election_id``.

        Raises
        ------
        KeyError
            If the election is not in the reference table.
        """
        if election_id not in self._election_rows:
            known = ", ".join(self.elections["election_id"].tail(5))
            raise KeyError(f"unknown election {election_id!r}; known ones include {known}, ...")
        return self._election_rows[election_id]

    def previous_election(self, election_id: str, kind: str | None = None) -> pd.Series | None:
        """Return the last election before ``election_id`` (of ``kind``, default the same kind)."""
        current = self.election(election_id)
        kind = kind or current["kind"]
        earlier = self.elections[(self.elections["kind"] == kind) & (self.elections["date"] < current["date"])]
        return None if earlier.empty else earlier.iloc[-1]


def _read_csv(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False, comment=None).replace({"": None})


def _to_date(value: object) -> dt.date | None:
    return dt.date.fromisoformat(str(value)) if value else None


def _variant_index(names: pd.DataFrame) -> dict[str, tuple[str, str]]:
    index: dict[str, tuple[str, str]] = {}
    for row in names.itertuples():
        for surface in (row.variant, row.canonical):
            index.setdefault(" ".join(str(surface).split()).casefold(), (row.canonical, row.kind))
    return index


def _digest(files: list[Path]) -> str:
    h = hashlib.sha256()
    for f in sorted(files):
        h.update(f.name.encode())
        h.update(f.read_bytes())
    return h.hexdigest()


def load_reference(path: str | Path | None = None) -> Reference:
    """Load the reference tables from ``path`` (default ``data/reference/``).

    Parameters
    ----------
    path : str or Path, optional
        Folder holding the reference files.

    Returns
    -------
    Reference
        The loaded tables; cached per folder, so repeated calls are free.

    Raises
    ------
    FileNotFoundError
        If the folder or one of its files is missing.
    """
    folder = Path(path) if path is not None else paths.reference_dir()
    return _load_cached(folder.resolve())


@lru_cache(maxsize=4)
def _load_cached(folder: Path) -> Reference:
    paths.require_dir(folder, "reference data folder")
    files = [folder / f"{name}.csv" for name in CSV_TABLES] + [folder / f"{name}.yaml" for name in YAML_TABLES]
    missing = [f.name for f in files if not f.exists()]
    if missing:
        raise FileNotFoundError(f"reference files missing in {folder}: {', '.join(missing)}")
    tables = {name: _read_csv(folder / f"{name}.csv") for name in CSV_TABLES}
    elections = tables["elections"].assign(date=lambda d: d["date"].map(_to_date)).sort_values("date")
    capitals = tables["capitals"].assign(
        valid_from=lambda d: d["valid_from"].map(_to_date), valid_to=lambda d: d["valid_to"].map(_to_date)
    )
    events = tables["events"].assign(
        date=lambda d: d["date"].map(_to_date), end_date=lambda d: d["end_date"].map(_to_date)
    )
    yamls = {name: read_yaml(folder / f"{name}.yaml") for name in YAML_TABLES}
    return Reference(
        elections=elections.reset_index(drop=True),
        official_results=tables["official_results"],
        events=events,
        names=tables["names"],
        capitals=capitals,
        outlets=tables["outlets"],
        boilerplate=yamls["boilerplate"],
        conventions=yamls["quantities"],
        lexicon=yamls["claim_lexicon"],
        election_cues=yamls["election_cues"],
        record_fields=yamls["record_fields"],
        transliterations=yamls["transliterations"],
        digest=_digest(files),
        _variant_index=_variant_index(tables["names"]),
        # rows looked up per document: a dict, not a DataFrame filter
        _election_rows={row["election_id"]: row for _, row in elections.iterrows()},
    )


def named_outlets(ref: Reference) -> list[str]:
    """Return the outlets of ``outlets.csv`` that a line may name by their name alone: not those
    whose name is a common phrase ("Dawn", "Foreign Policy", "The National"; signal ``common_name``),
    known by their url only."""
    common = set(ref.outlets.loc[ref.outlets["signal"] == "common_name", "outlet"])
    return sorted(set(ref.outlets["outlet"]) - common)


@lru_cache(maxsize=4)
def agency_index(ref: Reference) -> dict[str, str]:
    """Return every news agency's name and variant in ``names.csv``, case-folded, -> its canonical name.

    Parameters
    ----------
    ref : Reference
        The reference tables.

    Returns
    -------
    dict
        ``{"agence france-presse": "AFP", "afp": "AFP", ...}``.
    """
    agencies = ref.names[ref.names["kind"] == "agency"]
    index = {str(v).casefold(): c for v, c in zip(agencies["variant"], agencies["canonical"])}
    index.update({str(c).casefold(): c for c in agencies["canonical"]})
    return index


@lru_cache(maxsize=4)
def official_values(ref: Reference) -> dict[tuple[str, str, str], float]:
    """Return every official figure the reference states: ``(election_id, subject, measure)`` ->
    value, from ``official_results.csv`` and, where it has none, a winner's share in ``elections.csv``.

    Parameters
    ----------
    ref : Reference
        The reference tables.

    Returns
    -------
    dict
        ``{("2019-06-09-presidential", "Kassym-Jomart Tokayev", "vote_share"): 70.96, ...}``.
    """
    values: dict[tuple[str, str, str], float] = {}
    table = getattr(ref, "official_results", None)
    if table is not None and len(table):
        for eid, subject, measure, value in zip(table["election_id"], table["subject"], table["measure"], table["value"]):
            if pd.notna(value):
                values[(eid, subject, measure)] = float(value)
    elections = getattr(ref, "elections", None)
    if elections is not None and {"winner", "winner_share"} <= set(elections.columns):
        for eid, winner, share in zip(elections["election_id"], elections["winner"], elections["winner_share"]):
            if isinstance(winner, str) and winner and pd.notna(share):
                values.setdefault((eid, winner, "vote_share"), float(share))
    return values
