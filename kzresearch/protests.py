"""Protest tallies across reports: ranges per outlet, conventions side by side, totals, evolution.

Builds on :func:`kzresearch.claims.events_view`, which groups tallies about the same happening
(election, what was counted, place, event date) and merges their ranges. This module adds what the
protest-tallies notebook shows next to it:

- :func:`outlet_ranges`: each outlet's own range for each happening, and the merged range;
- :func:`by_convention`: the merged ranges under several quantity conventions, side by side;
- :func:`totals`: a range for all happenings of an election, honest about double counting;
- :func:`evolution`: how the figures for one election changed with the days after it.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import numpy as np
import pandas as pd

from kzresearch.claims import apply_convention
from kzresearch.claims.reconcile import EVENT_GROUP_KEYS, location_key, point_estimates
from kzresearch.schema import as_list
from kzresearch.timeline import days_after

MERGED = "all reports (merged)"


def event_label(counted: str, location: Iterable[str] | str, event_date: object) -> str:
    """Return a short name for a happening: what, where, when.

    Examples
    --------
    >>> event_label("detained", ["Almaty", "Nur-Sultan"], "2021-01-10")
    'detained, Almaty + Nur-Sultan, 2021-01-10'
    >>> event_label("injured", [], None)
    'injured, place unknown, date unknown'
    """
    places = as_list(location)
    when = event_date if isinstance(event_date, str) and event_date else "date unknown"
    return f"{counted}, {' + '.join(sorted(places)) or 'place unknown'}, {when}"


def _with_keys(tallies: pd.DataFrame) -> pd.DataFrame:
    return tallies.assign(
        event=[event_label(c, loc, d) for c, loc, d in zip(tallies["counted"], tallies["location"], tallies["event_date"])],
    )


def outlet_ranges(tallies: pd.DataFrame, *, convention: str) -> pd.DataFrame:
    """Return, per happening, each outlet's range and the range merged across all reports.

    Parameters
    ----------
    tallies : pandas.DataFrame
        Tallies with ``outlet`` joined (:func:`kzresearch.selection.claims_of`).
    convention : str
        Quantity convention for ``low``/``high``.

    Returns
    -------
    pandas.DataFrame
        ``election_id``, ``event``, ``outlet`` (or ``all reports (merged)``), ``low``, ``high``,
        ``open`` (some report gives no upper bound, as "an unspecified number" does), ``reports``
        and ``phrases``; per happening the outlets come first in name order, the merged row last.
        A range runs from the lowest to the highest reading, as
        :func:`kzresearch.claims.events_view` merges them (conservative to informative).

    Examples
    --------
    >>> t = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["X", "Y"], "election_id": ["e", "e"],
    ...     "counted": ["detained"] * 2, "location": [["Almaty"], ["Almaty"]], "event_date": ["2021-01-10"] * 2,
    ...     "number": [30.0, None], "qualifier": ["more_than", "vague"], "vague_word": [None, "dozens"],
    ...     "multiplier": [None, None], "phrase": ["more than 30", "dozens"]})
    >>> outlet_ranges(t, convention="range")[["outlet", "low", "high"]].values.tolist()
    [['X', 31.0, 45.0], ['Y', 24.0, 99.0], ['all reports (merged)', 24.0, 99.0]]
    """
    columns = ["election_id", "event", "outlet", "low", "high", "open", "reports", "phrases"]
    if tallies.empty:
        return pd.DataFrame(columns=columns)
    t = _with_keys(apply_convention(tallies, convention)).assign(open=lambda d: d["high"].isna())
    # One grouped aggregation per level, not a Python loop over happenings: a large corpus has
    # thousands of them.
    aggregations = {"low": ("low", "min"), "high": ("high", "max"), "open": ("open", "any"), "reports": ("phrase", "size")}

    def level(keys: list[str]) -> pd.DataFrame:
        # Distinct phrases in order of first appearance (dropping repeats first avoids a Python
        # function per group).
        phrases = t.drop_duplicates([*keys, "phrase"]).groupby(keys, sort=True)["phrase"].agg(list).rename("phrases")
        return t.groupby(keys, sort=True).agg(**aggregations).join(phrases).reset_index()

    per_outlet = level(["election_id", "event", "outlet"])
    merged = level(["election_id", "event"]).assign(outlet=MERGED)
    out = pd.concat([per_outlet.assign(_order=0), merged.assign(_order=1)], ignore_index=True)
    out = out.sort_values(["election_id", "event", "_order", "outlet"], kind="stable").reset_index(drop=True)
    return out[columns].astype({"low": float, "high": float, "open": bool, "reports": int})


def by_convention(tallies: pd.DataFrame, conventions: Iterable[str]) -> pd.DataFrame:
    """Return each happening's merged range under each convention, side by side.

    Parameters
    ----------
    tallies : pandas.DataFrame
        Tallies of the selection.
    conventions : iterable of str
        Convention names (``quantities.yaml``).

    Returns
    -------
    pandas.DataFrame
        Long form: ``election_id``, ``event``, ``convention``, ``low`` (conservative), ``high``
        (informative), ``point`` (representative) and ``reports``; sorted by happening, then
        conventions in the order given.
    """
    columns = ["election_id", "event", "convention", "low", "high", "point", "reports"]
    if tallies.empty:
        return pd.DataFrame(columns=columns)
    # The merges of events_view, computed with grouped aggregations: the groups are found once
    # and each convention costs a few vectorised passes, not a Python loop over every happening.
    keys = EVENT_GROUP_KEYS
    tallies = tallies.reset_index(drop=True)  # rows are found by label below: labels must be unique
    base = tallies.assign(location_key=location_key(tallies["location"]))[keys]
    groups = base.groupby(keys, dropna=False, sort=True)
    group_of = groups.ngroup()
    happenings = base.loc[groups.head(1).index].set_index(group_of.loc[groups.head(1).index].to_numpy()).sort_index()
    labels = [event_label(c, k.split(" | ") if k else [], d)
              for c, k, d in zip(happenings["counted"], happenings["location_key"], happenings["event_date"])]
    group_of = group_of.to_numpy()
    frames = []
    for order, name in enumerate(conventions):
        t = apply_convention(tallies, name)
        values = pd.DataFrame({"group": group_of, "low": t["low"].astype(float).to_numpy(),
                               "high": t["high"].astype(float).to_numpy(), "point": point_estimates(t).to_numpy()})
        per_group = values.groupby("group", sort=True)
        merged = per_group.agg(low=("low", "min"), high=("high", "max"), reports=("low", "size"),
                               n_points=("point", "count"), median=("point", "median"))
        # representative: the point a majority of reports give, else the median of the points
        counts = values.dropna(subset=["point"]).groupby(["group", "point"]).size().rename("n").reset_index()
        top = counts.sort_values(["group", "n"], ascending=[True, False], kind="stable").drop_duplicates("group").set_index("group")
        majority = top["n"].reindex(merged.index) * 2 > merged["n_points"]
        merged["point"] = top["point"].reindex(merged.index).where(majority, merged["median"])
        frames.append(pd.DataFrame({
            "election_id": happenings["election_id"].to_numpy(), "event": labels, "convention": name,
            "low": merged["low"].to_numpy(), "high": merged["high"].to_numpy(), "point": merged["point"].to_numpy(),
            "reports": merged["reports"].to_numpy(), "_order": order,
        }))
    if not frames:
        return pd.DataFrame(columns=columns)
    out = pd.concat(frames, ignore_index=True).sort_values(["election_id", "event", "_order"], kind="stable")
    return out[columns].astype({"low": float, "high": float, "point": float}).reset_index(drop=True)


def side_by_side(table: pd.DataFrame) -> pd.DataFrame:
    """Return :func:`by_convention` output as one row per happening, one "low-high" column per convention.

    Examples
    --------
    >>> t = pd.DataFrame({"election_id": ["e", "e"], "event": ["x", "x"], "convention": ["range", "acled"],
    ...                   "low": [24.0, 12.0], "high": [99.0, 12.0], "point": [61.5, 12.0], "reports": [1, 1]})
    >>> side_by_side(t).values.tolist()
    [['e', 'x', 1, '24-99', '12']]
    """
    if table.empty:
        return pd.DataFrame(columns=["election_id", "event", "reports"])

    def cell(low: float, high: float) -> str:
        lo = "?" if pd.isna(low) else f"{low:,.0f}"
        hi = "no upper bound" if pd.isna(high) else f"{high:,.0f}"
        return lo if lo == hi else f"{lo}-{hi}"

    t = table.assign(range=[cell(lo, hi) for lo, hi in zip(table["low"], table["high"])])
    order = list(dict.fromkeys(t["convention"]))
    wide = t.pivot_table(index=["election_id", "event", "reports"], columns="convention", values="range", aggfunc="first", sort=False)
    return wide.reindex(columns=order).reset_index().rename_axis(columns=None)


def totals(events: pd.DataFrame) -> pd.DataFrame:
    """Return a range for all happenings of each election and category, with its uncertainty.

    Reports of the same detentions often name different places ("in Almaty", "in Almaty and
    Nur-Sultan"), so happenings may overlap. The total is therefore given as three numbers:
    ``low`` (the largest single happening: true whatever the overlap), ``low_if_distinct`` (the
    sum of the conservative readings: true if no two happenings overlap) and ``high`` (the sum of
    the informative readings; missing when a reading has no upper bound).

    Parameters
    ----------
    events : pandas.DataFrame
        Output of :func:`kzresearch.claims.events_view`.

    Returns
    -------
    pandas.DataFrame
        ``election_id``, ``counted``, ``events``, ``reports``, ``low``, ``low_if_distinct``, ``high``.

    Examples
    --------
    >>> ev = pd.DataFrame({"election_id": ["e", "e"], "counted": ["detained"] * 2, "n_reports": [2, 1],
    ...                    "conservative": [24.0, 31.0], "informative": [99.0, 45.0]})
    >>> totals(ev).values.tolist()
    [['e', 'detained', 2, 3, 31.0, 55.0, 144.0]]
    """
    columns = ["election_id", "counted", "events", "reports", "low", "low_if_distinct", "high"]
    if events.empty:
        return pd.DataFrame(columns=columns)
    rows = []
    for (election, counted), g in events.groupby(["election_id", "counted"], sort=True):
        low = g["conservative"].astype(float)
        high = g["informative"].astype(float)
        rows.append([election, counted, len(g), int(g["n_reports"].sum()), float(low.max()), float(low.sum()),
                     None if high.isna().any() else float(high.sum())])
    return pd.DataFrame(rows, columns=columns).astype({"high": float})


def evolution(tallies: pd.DataFrame, election_day: dt.date, *, convention: str) -> pd.DataFrame:
    """Return the tallies of one election by the day they were published, counted from election day.

    A figure published two days after the vote may count detentions of several days, so the
    x-axis is the publication date (the day the public read the number), not the event date;
    reports whose publication day is unknown fall back to their event date.

    Parameters
    ----------
    tallies : pandas.DataFrame
        Tallies of one election with ``outlet`` and ``published`` joined.
    election_day : datetime.date
        The election's date.
    convention : str
        Quantity convention for ``low``/``high``.

    Returns
    -------
    pandas.DataFrame
        ``day`` (days after the election), ``dated_by`` (publication | event), ``counted``,
        ``outlet``, ``low``, ``high``, ``phrase``, ``doc_id``; sorted by category, day and outlet.
    """
    columns = ["day", "dated_by", "counted", "outlet", "low", "high", "phrase", "doc_id"]
    if tallies.empty:
        return pd.DataFrame(columns=columns)
    t = apply_convention(tallies, convention)
    by_publication = days_after(t["published"], election_day)
    by_event = days_after(t["event_date"], election_day)
    t = t.assign(day=by_publication.fillna(by_event),
                 dated_by=np.where(by_publication.notna(), "publication", np.where(by_event.notna(), "event", None)))
    t = t[t["day"].notna()]
    return t[columns].sort_values(["counted", "day", "outlet", "doc_id"]).astype({"low": float, "high": float}).reset_index(drop=True)
