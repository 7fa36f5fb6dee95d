"""Reconciliation: one row per happening across reports, and reported figures against official ones.

``events_view`` groups tallies about the same happening (election, what was counted, place, date)
across documents and outlets and merges their figures by named rules:

- ``conservative``: the smallest lower bound (ACLED's rule: the most conservative estimate);
- ``informative``: the largest upper bound (the most any report supports);
- ``representative``: the most frequent point estimate when one value is shared by most
  reports, else the median of the points (a point is the stated number, else the middle of
  ``[low, high]``, else the bound that exists).

Disagreement is measured by ``spread`` (informative - conservative), ``ratio``
(informative / conservative), ``n_values`` (distinct points) and ``consistent`` (whether all
reports' ranges share a value).

``results_vs_official`` sets each reported result beside the official figure
(``official_results.csv``) and says whether the wording is consistent with it.
"""
from __future__ import annotations

import statistics

import numpy as np
import pandas as pd

from kzresearch.claims.conventions import DEFAULT_CONVENTION, apply_convention
from kzresearch.schema import as_list

EVENT_KEYS = ["election_id", "counted", "location", "event_date"]
# How close a reported figure must be to the official one for its qualifier to be honest, in
# percentage points or units: "about 30" is consistent with 28.9, "70.8" with 70.76.
APPROX_TOLERANCE = 1.5
ROUNDING_TOLERANCE = 0.5


EVENT_GROUP_KEYS = ["election_id", "counted", "location_key", "event_date"]


def location_key(locations: pd.Series) -> pd.Series:
    """Return each tally's places as one sortable key ("Almaty | Astana"; "" for none)."""
    return locations.map(lambda v: " | ".join(sorted(as_list(v))))


def point_estimates(t: pd.DataFrame) -> pd.Series:
    """Each tally's point: the stated number (times its multiplier) for exact and approximate
    counts, else the middle of ``[low, high]``, else the bound that exists (NaN without any)."""
    number = t["number"].astype(float)
    stated = number.notna() & t["qualifier"].isin(["exact", "approx"])
    multiplied = number * t["multiplier"].astype(float).fillna(1.0)
    low, high = t["low"].astype(float), t["high"].astype(float)
    middle = ((low + high) / 2).fillna(low).fillna(high)
    return multiplied.where(stated, middle)


def representative(points: list[float]) -> float | None:
    """Return the mode of ``points`` when one value is held by a majority, else their median.

    Examples
    --------
    >>> representative([30, 30, 100]), representative([10, 20, 60, 100]), representative([])
    (30, 40.0, None)
    """
    if not points:
        return None
    mode = statistics.mode(points)
    if points.count(mode) * 2 > len(points):
        return mode
    return statistics.median(points)


def events_view(tallies: pd.DataFrame, documents: pd.DataFrame | None = None, *, convention: str | None = DEFAULT_CONVENTION,
                conventions: dict | None = None) -> pd.DataFrame:
    """Group tallies about the same happening and merge their figures.

    Parameters
    ----------
    tallies : pandas.DataFrame
        The tallies table.
    documents : pandas.DataFrame, optional
        The documents table, for outlets (``doc_id``, ``outlet``).
    convention : str or None
        Quantity convention to derive ``low``/``high`` with first; None keeps the table's.
    conventions : dict, optional
        Parsed conventions file; default the bundled one.

    Returns
    -------
    pandas.DataFrame
        One row per (election_id, counted, location, event_date) with ``n_reports``,
        ``n_documents``, ``n_outlets``, ``outlets``, ``doc_ids``, ``phrases``, ``conservative``,
        ``informative``, ``representative``, ``spread``, ``ratio``, ``n_values``, ``consistent``.

    Examples
    --------
    >>> t = pd.DataFrame({"doc_id": ["a", "b"], "election_id": ["e", "e"], "counted": ["detained"] * 2,
    ...     "location": [["Almaty"], ["Almaty"]], "event_date": ["2021-01-10"] * 2, "number": [30.0, None],
    ...     "qualifier": ["more_than", "vague"], "vague_word": [None, "dozens"], "multiplier": [None, None],
    ...     "phrase": ["more than 30 people", "dozens of people"]})
    >>> v = events_view(t, pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["AP", "RFE/RL"]}))
    >>> v[["n_reports", "n_outlets", "conservative", "informative", "consistent"]].values.tolist()
    [[2, 2, 24.0, 99.0, True]]
    """
    columns = EVENT_KEYS + ["n_reports", "n_documents", "n_outlets", "outlets", "doc_ids", "phrases", "conservative",
                            "informative", "representative", "spread", "ratio", "n_values", "consistent"]
    if tallies.empty:
        return pd.DataFrame(columns=columns)
    t = apply_convention(tallies, convention, conventions=conventions) if convention else tallies.copy()
    outlets = dict(zip(documents["doc_id"], documents["outlet"])) if documents is not None and "outlet" in documents else {}
    t["location_key"] = location_key(t["location"])
    t["outlet"] = t["doc_id"].map(outlets)
    t["point"] = point_estimates(t)
    keys = EVENT_GROUP_KEYS
    # Groups are walked as arrays of row positions over plain columns: a pandas sub-frame per
    # group costs more than the arithmetic when a large corpus holds tens of thousands of events.
    group_of = t.groupby(keys, dropna=False, sort=True).ngroup().to_numpy()
    order = np.argsort(group_of, kind="stable")
    groups = np.split(order, np.flatnonzero(np.diff(group_of[order])) + 1)
    key_rows = t[keys].to_numpy(dtype=object)
    low, high, point = (t[c].to_numpy(dtype=float, na_value=np.nan) for c in ("low", "high", "point"))
    doc_ids, phrases = t["doc_id"].to_numpy(dtype=object), t["phrase"].to_numpy(dtype=object)
    outlet_of = t["outlet"].to_numpy(dtype=object)
    rows = []
    for positions in groups:
        key = key_rows[positions[0]]
        lows = [float(v) for v in low[positions] if not np.isnan(v)]
        highs = [float(v) for v in high[positions] if not np.isnan(v)]
        points = [float(v) for v in point[positions] if not np.isnan(v)]
        conservative = min(lows) if lows else None
        informative = max(highs) if highs else None
        outlet_list = sorted({o for o in outlet_of[positions] if isinstance(o, str)})
        documents_here = sorted(set(doc_ids[positions]))
        rows.append({
            "election_id": key[0], "counted": key[1], "location": key[2].split(" | ") if key[2] else [],
            "event_date": key[3], "n_reports": len(positions), "n_documents": len(documents_here),
            "n_outlets": len(outlet_list), "outlets": outlet_list, "doc_ids": documents_here,
            "phrases": list(phrases[positions]), "conservative": conservative, "informative": informative,
            "representative": representative(points),
            "spread": None if conservative is None or informative is None else informative - conservative,
            "ratio": None if not conservative or informative is None else informative / conservative,
            "n_values": len(set(points)),
            "consistent": bool(lows and highs and len(highs) == len(positions) and max(lows) <= min(highs)),
        })
    return pd.DataFrame(rows, columns=columns)


def results_vs_official(results: pd.DataFrame, official_results: pd.DataFrame) -> pd.DataFrame:
    """Set each reported result beside the official figure for the same election, subject and measure.

    Parameters
    ----------
    results : pandas.DataFrame
        The results table.
    official_results : pandas.DataFrame
        ``official_results.csv`` as loaded (``election_id``, ``subject``, ``measure``, ``value``, ``of``).

    Returns
    -------
    pandas.DataFrame
        The results rows with ``official`` (value), ``official_of``, ``difference`` (reported -
        official), ``abs_difference``, ``relative_difference`` and ``consistent`` (the reported
        wording fits the official figure: exact within rounding, approx within
        ``APPROX_TOLERANCE``, more_than/at_least above, at_most/fewer_than below). Regional
        figures (with a ``scope``) have no national official value to compare.

    Examples
    --------
    >>> r = pd.DataFrame({"election_id": ["e"], "subject": ["turnout"], "measure": ["turnout"], "value": [63.0],
    ...                   "qualifier": ["more_than"], "scope": [None]})
    >>> o = pd.DataFrame({"election_id": ["e"], "subject": ["turnout"], "measure": ["turnout"], "value": ["63.3"], "of": [None]})
    >>> results_vs_official(r, o)[["official", "difference", "consistent"]].round(1).values.tolist()
    [[63.3, -0.3, True]]
    """
    official = official_results[["election_id", "subject", "measure", "value", "of"]].rename(
        columns={"value": "official", "of": "official_of"})
    official = official.assign(official=pd.to_numeric(official["official"], errors="coerce"),
                               official_of=pd.to_numeric(official["official_of"], errors="coerce"))
    official = official.drop_duplicates(["election_id", "subject", "measure"])
    national = results["scope"].isna() if "scope" in results else pd.Series(True, index=results.index)
    merged = results.merge(official, on=["election_id", "subject", "measure"], how="left", validate="many_to_one")
    merged.loc[~national.to_numpy(), ["official", "official_of"]] = None
    merged["difference"] = merged["value"].astype(float) - merged["official"].astype(float)
    merged["abs_difference"] = merged["difference"].abs()
    merged["relative_difference"] = merged["difference"] / merged["official"].astype(float)
    merged["consistent"] = [_consistent(q, d) for q, d in zip(merged["qualifier"], merged["difference"])]
    return merged


def _consistent(qualifier: str | None, difference: float) -> bool | None:
    if difference is None or pd.isna(difference):
        return None
    if qualifier in ("more_than", "at_least"):
        return difference <= ROUNDING_TOLERANCE
    if qualifier in ("at_most", "fewer_than"):
        return difference >= -ROUNDING_TOLERANCE
    if qualifier == "approx":
        return abs(difference) <= APPROX_TOLERANCE
    return abs(difference) <= ROUNDING_TOLERANCE
