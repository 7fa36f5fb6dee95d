"""Quantity conventions: from what a count phrase says to the numbers ``low`` and ``high``.

The conventions live in ``data/reference/quantities.yaml`` (``range``, ours and the default, plus
``ccc``, ``acled`` and ``countlove`` with their published values and sources). A tally keeps what
the text says (``number``, ``qualifier``, ``vague_word``, ``multiplier``); ``bounds`` derives
``low``/``high`` under one convention and ``apply_convention`` re-derives them for a whole table,
so switching convention is one argument.
"""
from __future__ import annotations

import math
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from kzresearch import paths
from kzresearch.reference import read_yaml

DEFAULT_CONVENTION = "range"
QUANTITIES_FILE = "quantities.yaml"


@lru_cache(maxsize=1)
def default_conventions() -> dict[str, Any]:
    """Return the parsed ``quantities.yaml`` of the reference folder (read once per process)."""
    return load_conventions(paths.reference_dir() / QUANTITIES_FILE)


def load_conventions(path: str | Path) -> dict[str, Any]:
    """Read a conventions file in the format of ``data/reference/quantities.yaml``.

    Parameters
    ----------
    path : str or Path
        The YAML file.

    Returns
    -------
    dict
        ``{"default": name, "conventions": {name: {...}}}``.
    """
    return read_yaml(path)


def convention(name: str, conventions: dict[str, Any] | None = None) -> dict[str, Any]:
    """Return the convention called ``name``.

    Raises
    ------
    KeyError
        If no convention has that name; the message lists the known ones.

    Examples
    --------
    >>> convention("acled")["vague"]["dozens"]
    {'low': 12, 'high': 12}
    """
    known = (conventions or default_conventions())["conventions"]
    if name not in known:
        raise KeyError(f"unknown quantity convention {name!r}; known: {', '.join(known)}")
    return known[name]


def _scaled(value: float, factor: float | None, offset: float, *, up: bool) -> float | None:
    if factor is None:
        return None
    raw = value * factor + offset
    if not math.isfinite(raw):
        return None  # a numeral of hundreds of digits: no head count
    # Bounds are head counts: round inwards so that [low, high] holds whole people.
    return float(math.ceil(raw - 1e-9) if up else math.floor(raw + 1e-9))


def bounds(
    number: float | None,
    qualifier: str | None,
    vague_word: str | None,
    multiplier: float | None = None,
    number_high: float | None = None,
    *,
    name: str = DEFAULT_CONVENTION,
    conventions: dict[str, Any] | None = None,
) -> tuple[float | None, float | None]:
    """Return ``(low, high)`` for one count under convention ``name``.

    Parameters
    ----------
    number : float or None
        The numeral stated (30 for "more than 30"), None for a pure vague word.
    qualifier : str or None
        ``exact``, ``approx``, ``more_than``, ``at_least``, ``at_most``, ``fewer_than``,
        ``vague`` or ``unspecified``.
    vague_word : str or None
        The vague word, lower-cased ("dozens", "several hundred"); with a number it is a counting
        word ("a dozen") and an unqualified number reads by the ``group_word`` rule.
    multiplier : float, optional
        Factor of a multiplied phrase ("two groups of ...").
    number_high : float, optional
        The upper figure of a stated range (qualifier ``range``; ``number`` is the lower one).
    name : str
        Convention name in ``quantities.yaml``.
    conventions : dict, optional
        Parsed conventions file; default the bundled one.

    Returns
    -------
    tuple
        ``(low, high)``; either may be None where the convention gives no bound.

    Examples
    --------
    >>> bounds(30, "more_than", None)
    (31.0, 45.0)
    >>> bounds(None, "vague", "dozens", name="acled"), bounds(None, "vague", "hundreds", name="ccc")
    ((12.0, 12.0), (200.0, 200.0))
    >>> bounds(None, "vague", "several dozen", 2)
    (72.0, 198.0)
    >>> bounds(50, "range", None, None, 70), bounds(50, "range", None, None, 70, name="acled")
    ((50.0, 70.0), (50.0, 50.0))
    """
    conv = convention(name, conventions)
    if qualifier == "range" and number is not None and number_high is not None:
        # The stated ends, or the lower one where the convention keeps one figure.
        low = float(number)
        high = low if conv["qualifiers"].get("range", {}).get("use") == "low" else float(number_high)
    elif number is not None:
        rules = conv["qualifiers"]
        key = "group_word" if vague_word and qualifier in (None, "exact") and "group_word" in rules else qualifier or "exact"
        rule = rules.get(key, rules["exact"])
        low = _scaled(number, rule.get("low_factor", 1), rule.get("low_offset", 0), up=True)
        high = _scaled(number, rule.get("high_factor", 1), rule.get("high_offset", 0), up=False)
        step = rule.get("round_down")
        if step and number >= step:
            low = high = float(math.floor(number / step) * step)
    elif qualifier == "unspecified" or not vague_word:
        low, high = conv["unspecified"].get("low"), conv["unspecified"].get("high")
    else:
        entry = conv["vague"].get(vague_word, {})
        low, high = entry.get("low"), entry.get("high")
    factor = multiplier or 1
    return (None if low is None else float(low) * factor, None if high is None else float(high) * factor)


def apply_convention(tallies: pd.DataFrame, name: str = DEFAULT_CONVENTION, *, conventions: dict[str, Any] | None = None) -> pd.DataFrame:
    """Return a copy of ``tallies`` with ``low`` and ``high`` derived under convention ``name``.

    Parameters
    ----------
    tallies : pandas.DataFrame
        A tallies table (needs ``number``, ``qualifier``, ``vague_word``, ``multiplier``; uses
        ``number_high`` where present).
    name : str
        Convention name: ``range`` (default), ``ccc``, ``acled``, ``countlove`` or any other
        defined in ``quantities.yaml``.
    conventions : dict, optional
        Parsed conventions file; default the bundled one.

    Returns
    -------
    pandas.DataFrame
        A new table; the input is not modified.

    Examples
    --------
    >>> t = pd.DataFrame({"number": [None, 30.0], "qualifier": ["vague", "more_than"],
    ...                   "vague_word": ["dozens", None], "multiplier": [None, None]})
    >>> apply_convention(t, "acled")[["low", "high"]].values.tolist()
    [[12.0, 12.0], [30.0, 30.0]]
    """
    convention(name, conventions)  # fail early on an unknown name
    out = tallies.copy()
    if "number_high" not in out:  # tables built before ranges were kept
        out["number_high"] = np.nan
    readings = out[["number", "qualifier", "vague_word", "multiplier", "number_high"]]
    # A corpus repeats the same few (number, qualifier, word, multiplier) readings: compute each
    # once, from the first row that has it, and spread the bounds with one array index.
    reading_of = readings.groupby(list(readings), dropna=False, sort=False).ngroup().to_numpy()
    firsts = pd.Series(np.arange(len(readings))).groupby(reading_of).first().to_numpy()
    known = [bounds(_value(r.number), _text(r.qualifier), _text(r.vague_word), _value(r.multiplier), _value(r.number_high),
                    name=name, conventions=conventions) for r in readings.iloc[firsts].itertuples(index=False)]
    low = np.array([np.nan if b[0] is None else b[0] for b in known] or [np.nan], dtype=float)
    high = np.array([np.nan if b[1] is None else b[1] for b in known] or [np.nan], dtype=float)
    out["low"] = pd.array(low[reading_of], dtype="Float64") if len(out) else pd.array([], dtype="Float64")
    out["high"] = pd.array(high[reading_of], dtype="Float64") if len(out) else pd.array([], dtype="Float64")
    return out


def _text(x: Any) -> str | None:
    return x if isinstance(x, str) else None


def _value(x: Any) -> float | None:
    return None if x is None or pd.isna(x) else float(x)
