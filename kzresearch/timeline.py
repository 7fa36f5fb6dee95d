"""The timeline: elections, related events and the corpus's articles on one time axis.

- :func:`elections_in` and :func:`events_in` filter the reference tables by kind and period;
- :func:`article_dates` places each article at its inferred publication date, with the span that
  date's precision allows (a date known to the month spans the month) and the evidence for it;
- :func:`reported_results` sets each result the corpus reports beside the official figure, with the
  stage of the count the sentence speaks of (exit poll, preliminary, final), so that "nearly 72%
  by exit polls" is read against 71.09% final and not called an error.
"""
from __future__ import annotations

import datetime as dt
import re

import pandas as pd

from kzresearch.claims import results_vs_official
from kzresearch.params import date_bounds
from kzresearch.textnorm import sentence_spans

# Cue phrases for the stage of a count, checked in this order (a sentence citing "preliminary
# results of the exit poll" is about the exit poll). Kept short and English-only on purpose: a
# stage the cues miss is shown as "unstated", never guessed.
STAGE_CUES = (
    ("exit poll", re.compile(r"\bexit[- ]polls?\b|\bexit polling\b", re.IGNORECASE)),
    ("preliminary", re.compile(r"\b(?:preliminary|early|first|initial|partial|provisional)\s+(?:official\s+)?(?:results?|returns|count|figures|data)\b|\bwith\s+[\d.]+\s*(?:%|per ?cent) of (?:the )?(?:ballots|votes) counted\b|\bset to\b|\bappears? set\b|\bexpected to\b", re.IGNORECASE)),
    ("final", re.compile(r"\b(?:final|official|certified)\s+(?:official\s+)?(?:results?|count|figures|tally)\b", re.IGNORECASE)),
)


def _span_mask(dates: pd.Series, start: str | None, end: str | None) -> pd.Series:
    lo = date_bounds(start)[0] or dt.date.min
    hi = date_bounds(end)[1] or dt.date.max
    return dates.map(lambda d: isinstance(d, dt.date) and lo <= d <= hi).astype(bool)


def elections_in(elections: pd.DataFrame, *, kinds: list[str] | None = None, period_start: str | None = None,
                 period_end: str | None = None) -> pd.DataFrame:
    """Return the elections of ``kinds`` held in the period, by date.

    Examples
    --------
    >>> e = pd.DataFrame({"election_id": ["a", "b"], "date": [dt.date(1999, 1, 10), dt.date(2021, 1, 10)],
    ...                   "kind": ["presidential", "parliamentary"]})
    >>> elections_in(e, kinds=["parliamentary"])["election_id"].tolist(), elections_in(e, period_end="2000")["election_id"].tolist()
    (['b'], ['a'])
    """
    keep = _span_mask(elections["date"], period_start, period_end)
    if kinds:
        keep &= elections["kind"].isin(kinds)
    return elections[keep.to_numpy()].sort_values(["date", "election_id"]).reset_index(drop=True)


def events_in(events: pd.DataFrame, *, period_start: str | None = None, period_end: str | None = None) -> pd.DataFrame:
    """Return the related events that start in the period, by date."""
    keep = _span_mask(events["date"], period_start, period_end)
    return events[keep.to_numpy()].sort_values(["date", "event_id"]).reset_index(drop=True)


def article_dates(documents: pd.DataFrame) -> pd.DataFrame:
    """Place each article in time: its inferred date, the span its precision allows, the evidence.

    Parameters
    ----------
    documents : pandas.DataFrame
        Needs ``doc_id``, ``outlet``, ``title``, ``published``, ``published_precision``,
        ``published_evidence`` and ``election_id``.

    Returns
    -------
    pandas.DataFrame
        The same columns plus ``date`` (the middle of the span), ``date_low`` and ``date_high``;
        undated articles have missing dates. Sorted by date, then ``doc_id``.

    Examples
    --------
    >>> docs = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["X", "Y"], "title": ["t", "u"],
    ...     "published": ["2021-01", None], "published_precision": ["month", "none"],
    ...     "published_evidence": ["url", ""], "election_id": [None, None]})
    >>> article_dates(docs)[["doc_id", "date", "date_low", "date_high"]].values.tolist()
    [['a', datetime.date(2021, 1, 16), datetime.date(2021, 1, 1), datetime.date(2021, 1, 31)], ['b', None, None, None]]
    """
    columns = ["doc_id", "outlet", "title", "published", "published_precision", "published_evidence", "election_id"]
    out = documents[columns].copy()
    spans = [date_bounds(p) if isinstance(p, str) and p else (None, None) for p in out["published"]]
    out["date_low"] = [lo for lo, _ in spans]
    out["date_high"] = [hi for _, hi in spans]
    out["date"] = [lo + (hi - lo) / 2 if lo else None for lo, hi in spans]
    out = out.astype({"date": object, "date_low": object, "date_high": object})
    order = out["date"].map(lambda d: d or dt.date.max)
    return out.assign(_order=order).sort_values(["_order", "doc_id"]).drop(columns="_order").reset_index(drop=True)


def result_stage(sentence: str) -> str:
    """Return the stage of the count a sentence reports: exit poll, preliminary, final or unstated.

    Examples
    --------
    >>> result_stage("The first results suggested it had secured nearly 72 per cent, according to exit polls.")
    'exit poll'
    >>> result_stage("Preliminary results showed Tokayev with 70.8 per cent."), result_stage("He won 98 per cent.")
    ('preliminary', 'unstated')
    """
    for stage, cue in STAGE_CUES:
        if cue.search(sentence):
            return stage
    return "unstated"


def sentence_at(text: str, start: int, end: int) -> str:
    """Return the sentence of ``text`` holding the span ``[start, end)`` (the span itself if none).

    Examples
    --------
    >>> sentence_at("One. Turnout was 63 percent. Three.", 5, 28)
    'Turnout was 63 percent.'
    """
    for s, e in sentence_spans(text):
        if s <= start < e:
            return text[s:max(e, end)]
    return text[start:end]


def reported_results(results: pd.DataFrame, documents: pd.DataFrame, official_results: pd.DataFrame) -> pd.DataFrame:
    """Set each reported result beside the official figure, with its sentence and stage.

    Parameters
    ----------
    results : pandas.DataFrame
        Results with ``outlet`` and ``published`` joined (:func:`kzresearch.selection.claims_of`).
    documents : pandas.DataFrame
        Needs ``doc_id``, and ``text`` when ``results`` has no ``sentence`` column.
    official_results : pandas.DataFrame
        ``official_results.csv`` as loaded.

    Returns
    -------
    pandas.DataFrame
        ``election_id``, ``outlet``, ``published``, ``doc_id``, ``subject``, ``measure``,
        ``scope``, ``qualifier``, ``reported``, ``official``, ``difference``, ``consistent``,
        ``stage``, ``phrase``, ``sentence``; sorted by election, subject, measure, publication.
    """
    columns = ["election_id", "outlet", "published", "doc_id", "subject", "measure", "scope", "qualifier", "reported",
               "official", "difference", "consistent", "stage", "phrase", "sentence"]
    if results.empty:
        return pd.DataFrame(columns=columns)
    texts = dict(zip(documents["doc_id"], documents["text"])) if "text" in documents else {}
    compared = results_vs_official(results, official_results)
    if "sentence" not in compared:  # the build stores it; hand-made tables may lack it
        if "text" not in documents:
            raise ValueError("results have no 'sentence' column (a build by an older kzresearch): build again, "
                             "or pass documents with their 'text'")
        compared["sentence"] = [sentence_at(texts.get(d) or "", s, e) for d, s, e in compared[["doc_id", "start", "end"]].itertuples(index=False)]
    compared["stage"] = compared["sentence"].map(result_stage)
    compared = compared.rename(columns={"value": "reported"})
    compared["difference"] = compared["difference"].round(2)
    return compared[columns].sort_values(["election_id", "subject", "measure", "published", "doc_id"], na_position="last").reset_index(drop=True)


def days_after(published: pd.Series, day: dt.date) -> pd.Series:
    """Return whole days from ``day`` to each publication date known to the day (else missing).

    Examples
    --------
    >>> days_after(pd.Series(["2019-06-11", "2019-06", None]), dt.date(2019, 6, 9)).tolist()
    [2.0, nan, nan]
    """
    def one(value: object) -> float:
        if isinstance(value, str) and len(value) == 10:
            return float((dt.date.fromisoformat(value) - day).days)
        return float("nan")

    return published.map(one).astype(float)
