"""Selecting the documents and claims a notebook looks at: by election, outlet and period.

Every notebook filters the same way, so the rules live here once: a document is kept when it is
about the chosen election, comes from one of the chosen outlets and was published in the chosen
period. A publication date known only to the month or year is kept when its span overlaps the
period; an undated document is dropped as soon as a period is given (the notebooks say how many).
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pandas as pd

from kzresearch.params import date_bounds

UNKNOWN_OUTLET = "(unknown outlet)"


def outlet_names(outlets: pd.Series) -> pd.Series:
    """Return outlet names with missing ones shown as ``(unknown outlet)``.

    Examples
    --------
    >>> outlet_names(pd.Series(["BBC", None])).tolist()
    ['BBC', '(unknown outlet)']
    """
    return outlets.astype(object).where(outlets.notna(), UNKNOWN_OUTLET)


def in_period(published: pd.Series, start: str | None = None, end: str | None = None) -> pd.Series:
    """Return a boolean mask: whether each partial date's span overlaps ``[start, end]``.

    Parameters
    ----------
    published : pandas.Series
        Dates as ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` strings, or missing.
    start, end : str, optional
        Period bounds in the same format; None leaves that side open.

    Examples
    --------
    >>> in_period(pd.Series(["2021-01-10", "2019", None]), "2020", None).tolist()
    [True, False, False]
    >>> in_period(pd.Series([None]), None, None).tolist()
    [True]
    """
    if start is None and end is None:
        return pd.Series(True, index=published.index)
    lo = date_bounds(start)[0] or dt.date.min
    hi = date_bounds(end)[1] or dt.date.max

    def keep(value: object) -> bool:
        if not isinstance(value, str) or not value:
            return False
        first, last = date_bounds(value)
        return first <= hi and last >= lo

    return published.map(keep).astype(bool)


def select_documents(
    documents: pd.DataFrame,
    *,
    election: str | None = None,
    outlets: Sequence[str] = (),
    period_start: str | None = None,
    period_end: str | None = None,
) -> pd.DataFrame:
    """Return the documents about ``election`` from ``outlets`` published in the period.

    Parameters
    ----------
    documents : pandas.DataFrame
        Needs ``doc_id``, ``outlet``, ``published`` and ``election_id``.
    election : str, optional
        Election id; None keeps every document.
    outlets : sequence of str
        Outlets to keep; empty keeps all.
    period_start, period_end : str, optional
        Publication period (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``).

    Returns
    -------
    pandas.DataFrame
        The kept rows, sorted by ``doc_id``, with missing outlets named ``(unknown outlet)``.

    Examples
    --------
    >>> docs = pd.DataFrame({"doc_id": ["b", "a"], "outlet": ["BBC", None],
    ...                      "published": ["2021-01-11", None], "election_id": ["e1", "e1"]})
    >>> select_documents(docs, election="e1")["outlet"].tolist()
    ['(unknown outlet)', 'BBC']
    >>> select_documents(docs, period_start="2021")["doc_id"].tolist()
    ['b']
    """
    out = documents.assign(outlet=outlet_names(documents["outlet"]))
    keep = in_period(out["published"], period_start, period_end)
    if election is not None:
        keep &= out["election_id"] == election
    if outlets:
        keep &= out["outlet"].isin(list(outlets))
    return out[keep.to_numpy()].sort_values("doc_id").reset_index(drop=True)


def claims_of(claims: pd.DataFrame, documents: pd.DataFrame, *, election: str | None = None) -> pd.DataFrame:
    """Return the claims made in ``documents`` (about ``election``), with each document's outlet.

    A claim carries its own ``election_id``: an article about 2019 may quote 2015's result, so the
    election filter applies to the claim, not to the article.

    Examples
    --------
    >>> t = pd.DataFrame({"doc_id": ["a", "a", "z"], "election_id": ["e1", "e0", "e1"], "start": [5, 1, 0]})
    >>> claims_of(t, pd.DataFrame({"doc_id": ["a"], "outlet": ["BBC"], "published": ["2021"]}), election="e1")
    ...     # doctest: +NORMALIZE_WHITESPACE
      doc_id election_id  start outlet published
    0      a          e1      5    BBC      2021
    """
    meta = documents[["doc_id", "outlet", "published"]]
    out = claims.merge(meta, on="doc_id", how="inner", validate="many_to_one")
    if election is not None:
        out = out[out["election_id"] == election]
    return out.sort_values(["doc_id", "start"]).reset_index(drop=True)
