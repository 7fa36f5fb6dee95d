"""Comparing outlets: coverage, the figures each reported, distinctive words, spellings, sources.

Each function takes tables of the corpus (pandas DataFrames, as ``kz.load_corpus()`` returns
them, or hand-made ones with the same columns) and returns a new, sorted DataFrame, so results are
deterministic and every row leads back to its documents.

- :func:`coverage`: documents, words and wire agencies credited per outlet;
- :func:`claim_rows` and :func:`claims_by_outlet`: the figures each outlet reported for each
  happening or result, with disagreements flagged;
- :func:`distinctive_words`: log-odds ratios with an informative Dirichlet prior (Monroe,
  Colaresi and Quinn 2008, "Fightin' Words", *Political Analysis* 16(4): 372-403);
- :func:`name_spellings`: which form of each name each outlet writes;
- :func:`quotes` and :func:`quoted_by_outlet`: who is quoted or credited, per outlet.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

import numpy as np
import pandas as pd

from kzresearch.quotes import find_quotes
from kzresearch.schema import as_list

_WORD = re.compile(r"[a-z][a-z'\-]*[a-z]")
# English function words. The informative prior already shrinks frequent words, but in a small
# selection a preposition can still top an outlet's list and teach nothing about its framing.
STOPWORDS = frozenset("""
a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from further had has
have having he her here hers him his how i if in into is it its itself just me more most my no nor
not now of off on once only or other our ours out over own same she should so some such than that
the their theirs them then there these they this those through to too under until up very was we
were what when where which while who whom why will with would you your yours said says per cent
""".split())
_KEYS = ["election_id", "kind", "claim", "where", "when"]
_QUALIFIER_WORDS = {"approx": "about", "more_than": "more than", "at_least": "at least", "at_most": "up to",
                    "fewer_than": "fewer than"}


def words(text: str) -> list[str]:
    """Return the lower-cased words of ``text`` (letters, inner apostrophes and hyphens).

    Examples
    --------
    >>> words("Nur Otan's 71.09% share, Zhanaozen-style")
    ['nur', "otan's", 'share', 'zhanaozen-style']
    """
    return _WORD.findall(text.lower())


def coverage(documents: pd.DataFrame) -> pd.DataFrame:
    """Return documents, words and wire agencies credited per outlet.

    Parameters
    ----------
    documents : pandas.DataFrame
        Needs ``outlet``, ``text``, ``wire`` and ``published``.

    Returns
    -------
    pandas.DataFrame
        One row per outlet (most documents first): ``documents``, ``words``, ``words_per_document``,
        ``wire_documents`` (documents crediting an agency), ``wire`` (agencies, comma-separated),
        ``first`` and ``last`` publication date.

    Examples
    --------
    >>> docs = pd.DataFrame({"outlet": ["A", "A", "B"], "text": ["one two", "three", "x y z"],
    ...                      "wire": [["AP"], [], ["AP", "AFP"]], "published": ["2021-01-10", None, "2021"]})
    >>> coverage(docs)[["outlet", "documents", "words", "wire"]].values.tolist()
    [['A', 2, 3, 'AP'], ['B', 1, 3, 'AFP, AP']]
    """
    columns = ["outlet", "documents", "words", "words_per_document", "wire_documents", "wire", "first", "last"]
    if documents.empty:
        return pd.DataFrame(columns=columns)
    d = documents.assign(
        n_words=documents["text"].fillna("").str.split().str.len(),
        wire_list=documents["wire"].map(as_list),
    )
    rows = []
    for outlet, group in d.groupby("outlet", sort=True):
        agencies = sorted({a for lst in group["wire_list"] for a in lst})
        dated = group["published"].dropna()
        rows.append({
            "outlet": outlet,
            "documents": len(group),
            "words": int(group["n_words"].sum()),
            "words_per_document": round(float(group["n_words"].mean()), 1),
            "wire_documents": int(group["wire_list"].map(bool).sum()),
            "wire": ", ".join(agencies),
            "first": dated.min() if len(dated) else None,
            "last": dated.max() if len(dated) else None,
        })
    out = pd.DataFrame(rows, columns=columns)
    return out.sort_values(["documents", "outlet"], ascending=[False, True], kind="stable").reset_index(drop=True)


def describe_count(number: float | None, qualifier: str | None, vague_word: str | None, multiplier: float | None = None,
                   number_high: float | None = None) -> str:
    """Render what a tally says in a few words ("more than 30", "dozens", "2 x several dozen", "50 to 70").

    Examples
    --------
    >>> describe_count(30, "more_than", None), describe_count(None, "vague", "dozens"), describe_count(500, "exact", None)
    ('more than 30', 'dozens', '500')
    >>> describe_count(None, "unspecified", None), describe_count(None, "vague", "several dozen", 2)
    ('unspecified', '2 x several dozen')
    >>> describe_count(50, "range", None, None, 70)
    '50 to 70'
    """
    present = lambda v: v is not None and not pd.isna(v)  # noqa: E731
    vague_word = vague_word if present(vague_word) else None
    if present(number) and qualifier == "range" and present(number_high):
        text = f"{float(number):,.0f} to {float(number_high):,.0f}"
    elif present(number):
        text = f"{float(number):,.0f}"
        if vague_word:
            text = f"{text} ({vague_word})"
        if qualifier in _QUALIFIER_WORDS:
            text = f"{_QUALIFIER_WORDS[qualifier]} {text}"
    elif qualifier == "unspecified" or not vague_word:
        text = "unspecified"
    else:
        text = str(vague_word)
    return f"{float(multiplier):g} x {text}" if present(multiplier) and float(multiplier) != 1 else text


def describe_result(value: float, measure: str, of: float | None = None, qualifier: str | None = None) -> str:
    """Render an election figure ("71.1%", "76 of 98 seats", "about 72%").

    Examples
    --------
    >>> describe_result(71.09, "vote_share"), describe_result(76, "seats", 98), describe_result(72, "vote_share", None, "approx")
    ('71.09%', '76 of 98 seats', 'about 72%')
    """
    percent = measure in ("vote_share", "turnout", "threshold")
    text = f"{float(value):g}%" if percent else f"{float(value):,.0f}"
    if of is not None and not pd.isna(of):
        text += f" of {float(of):,.0f}"
    if measure == "seats":
        text += " seats"
    return f"{_QUALIFIER_WORDS[qualifier]} {text}" if qualifier in _QUALIFIER_WORDS else text


def claim_rows(tallies: pd.DataFrame, results: pd.DataFrame) -> pd.DataFrame:
    """Put tallies and results in one long table: one row per claim, with a short figure.

    Parameters
    ----------
    tallies, results : pandas.DataFrame
        Claims with ``outlet`` joined (see :func:`kzresearch.selection.claims_of`); tallies need
        ``low``/``high`` under the convention of the reader's choice.

    Returns
    -------
    pandas.DataFrame
        ``election_id``, ``kind`` (tally | result), ``claim`` (what was counted, or subject and
        measure), ``where`` (places or scope), ``when`` (event date), ``outlet``, ``doc_id``,
        ``start``, ``figure``, ``low``, ``high`` and ``phrase`` (verbatim).
    """
    columns = [*_KEYS, "outlet", "doc_id", "start", "figure", "low", "high", "phrase"]
    parts = []
    if not tallies.empty:
        parts.append(pd.DataFrame({
            "election_id": tallies["election_id"], "kind": "tally", "claim": tallies["counted"],
            "where": tallies["location"].map(lambda v: ", ".join(sorted(as_list(v))) or "(unknown)"),
            "when": tallies["event_date"].fillna("(unknown)"),
            "outlet": tallies["outlet"], "doc_id": tallies["doc_id"], "start": tallies["start"],
            "figure": [describe_count(*r) for r in tallies.reindex(columns=["number", "qualifier", "vague_word", "multiplier", "number_high"])
                       .itertuples(index=False)],
            "low": tallies["low"].astype(float), "high": tallies["high"].astype(float), "phrase": tallies["phrase"],
        }))
    if not results.empty:
        parts.append(pd.DataFrame({
            "election_id": results["election_id"], "kind": "result",
            "claim": results["subject"] + " (" + results["measure"].str.replace("_", " ") + ")",
            "where": results["scope"].fillna("national"), "when": "",
            "outlet": results["outlet"], "doc_id": results["doc_id"], "start": results["start"],
            "figure": [describe_result(*r) for r in results[["value", "measure", "of", "qualifier"]].itertuples(index=False)],
            "low": results["value"].astype(float), "high": results["value"].astype(float), "phrase": results["phrase"],
        }))
    if not parts:
        return pd.DataFrame(columns=columns)
    out = pd.concat(parts, ignore_index=True)[columns]
    out["election_id"] = out["election_id"].fillna("(no election)")
    return out.sort_values([*_KEYS, "outlet", "doc_id", "start"], kind="stable").reset_index(drop=True)


def claims_by_outlet(rows: pd.DataFrame, *, tolerance: float = 0.5) -> pd.DataFrame:
    """Return one row per claim with the figures each outlet reported, and whether they disagree.

    Outlets disagree on a tally when their ranges share no value (one outlet's lowest reading is
    above another's highest; an outlet's range runs from its lowest to its highest reading), and on a result when two figures differ by more than ``tolerance``
    (percentage points or units: "71.1%" and "71%" agree, "72%" and "71.09%" do not).

    Parameters
    ----------
    rows : pandas.DataFrame
        Output of :func:`claim_rows`.
    tolerance : float
        Largest difference between results that still counts as agreement.

    Returns
    -------
    pandas.DataFrame
        ``election_id``, ``kind``, ``claim``, ``where``, ``when``, one column per outlet (figures
        joined with "; ", empty where the outlet reported none), ``outlets`` (how many reported)
        and ``disagree``.

    Examples
    --------
    >>> rows = pd.DataFrame({"election_id": ["e"] * 3, "kind": ["tally"] * 3, "claim": ["detained"] * 3,
    ...     "where": ["Almaty"] * 3, "when": ["2021-01-10"] * 3, "outlet": ["A", "A", "B"], "doc_id": ["a", "a", "b"],
    ...     "start": [0, 9, 0], "figure": ["dozens", "more than 30", "500"], "low": [24.0, 31, 500], "high": [99.0, 45, 500]})
    >>> claims_by_outlet(rows)[["A", "B", "outlets", "disagree"]].values.tolist()
    [['dozens; more than 30', '500', 2, True]]
    """
    if rows.empty:
        return pd.DataFrame(columns=[*_KEYS, "outlets", "disagree"])
    figures = (rows.groupby([*_KEYS, "outlet"], sort=True)["figure"]
               .agg(lambda s: "; ".join(dict.fromkeys(s))).unstack("outlet", fill_value=""))
    # Disagreement is between outlets: one outlet giving "several" and "dozens" is not flagged.
    # Each outlet's range runs from its lowest to its highest reading (outlets without figures drop).
    per_outlet = (rows.groupby([*_KEYS, "outlet"], sort=True).agg(low=("low", "min"), high=("high", "max"))
                  .dropna(how="all").groupby(level=_KEYS, sort=True))
    whole = rows.groupby(_KEYS, sort=True).agg(outlets=("outlet", "nunique"), low=("low", "min"), high=("high", "max"))
    n_ranges = per_outlet.size().reindex(whole.index, fill_value=0)
    ranges_apart = (per_outlet["low"].max() > per_outlet["high"].min()).reindex(whole.index, fill_value=False)
    results_apart = (whole["high"] - whole["low"]) > tolerance
    is_result = whole.index.get_level_values("kind") == "result"
    summary = pd.DataFrame({
        "outlets": whole["outlets"],
        "disagree": (n_ranges >= 2) & ((is_result & results_apart) | (~is_result & ranges_apart)),
    })
    return figures.join(summary).reset_index().rename_axis(columns=None)


def log_odds_dirichlet(counts_a: np.ndarray, counts_b: np.ndarray, prior: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Log-odds ratio of each word between two groups, with an informative Dirichlet prior.

    Implements equations 16 and 20 of Monroe, Colaresi and Quinn (2008):
    ``delta_w = log((y_aw + a_w) / (n_a + a_0 - y_aw - a_w)) - log((y_bw + a_w) / (n_b + a_0 - y_bw - a_w))``,
    ``var(delta_w) ~ 1 / (y_aw + a_w) + 1 / (y_bw + a_w)``, and the z-score ``delta_w / sqrt(var)``.

    Parameters
    ----------
    counts_a, counts_b : numpy.ndarray
        Word counts of the two groups over one vocabulary.
    prior : numpy.ndarray
        Pseudo-counts ``a_w`` (all positive): the background frequencies times the prior's strength.

    Returns
    -------
    tuple of numpy.ndarray
        ``(delta, z)``; positive values lean towards group a.

    Examples
    --------
    >>> delta, z = log_odds_dirichlet(np.array([10, 1]), np.array([1, 10]), np.array([1.0, 1.0]))
    >>> [round(float(v), 2) for v in z]
    [4.44, -4.44]
    """
    a0 = prior.sum()
    n_a, n_b = counts_a.sum(), counts_b.sum()
    la = np.log((counts_a + prior) / (n_a + a0 - counts_a - prior))
    lb = np.log((counts_b + prior) / (n_b + a0 - counts_b - prior))
    delta = la - lb
    variance = 1.0 / (counts_a + prior) + 1.0 / (counts_b + prior)
    return delta, delta / np.sqrt(variance)


def distinctive_words(
    documents: pd.DataFrame,
    *,
    group: str = "outlet",
    top: int = 10,
    prior_strength: float | None = None,
    min_count: int = 2,
    stopwords: Iterable[str] = STOPWORDS,
) -> pd.DataFrame:
    """Return the words most distinctive of each group against all other groups ("Fightin' Words").

    Each group's counts are compared with the counts of the rest of the selection; the prior is
    the selection's own word frequencies (informative prior), so frequent words need much more
    evidence than rare ones before they count as distinctive.

    Parameters
    ----------
    documents : pandas.DataFrame
        Needs ``text`` and the ``group`` column.
    group : str
        Column to group by (default ``outlet``).
    top : int
        Words kept per group, highest z-score first.
    prior_strength : float, optional
        Total pseudo-count ``a_0`` of the prior; default the number of words in the selection
        (the prior weighs as much as the data).
    min_count : int
        A word must occur this often in the group to be listed.
    stopwords : iterable of str
        Words left out (default :data:`STOPWORDS`).

    Returns
    -------
    pandas.DataFrame
        ``group`` value, ``word``, ``count`` (in the group), ``count_rest``, ``delta`` and ``z``;
        empty when fewer than two groups have text.

    Examples
    --------
    >>> docs = pd.DataFrame({"outlet": ["A", "A", "B"], "text": ["police police detained", "police said", "voters voted voters"]})
    >>> distinctive_words(docs, top=1)[["outlet", "word", "count"]].values.tolist()
    [['A', 'police', 3], ['B', 'voters', 2]]
    """
    columns = [group, "word", "count", "count_rest", "delta", "z"]
    counters = {name: Counter() for name in sorted(documents[group].dropna().unique())} if not documents.empty else {}
    skip = frozenset(stopwords)
    for name, text in zip(documents[group], documents["text"]) if counters else ():
        if isinstance(text, str) and name in counters:
            counters[name].update(words(text))
    for counter in counters.values():
        for word in skip & counter.keys():  # stop words leave once per group, not once per occurrence
            del counter[word]
    counters = {k: c for k, c in counters.items() if c}
    if len(counters) < 2:
        return pd.DataFrame(columns=columns)
    total = Counter()
    for c in counters.values():
        total.update(c)
    vocab = sorted(total)
    index = {w: i for i, w in enumerate(vocab)}
    all_counts = np.array([total[w] for w in vocab], dtype=float)
    strength = float(prior_strength) if prior_strength else all_counts.sum()
    prior = all_counts / all_counts.sum() * strength
    rows = []
    for name, counter in counters.items():
        mine = np.zeros(len(vocab))
        for w, n in counter.items():
            mine[index[w]] = n
        delta, z = log_odds_dirichlet(mine, all_counts - mine, prior)
        order = np.lexsort((np.array(vocab), -z))  # highest z first, ties alphabetical
        kept = [i for i in order if mine[i] >= min_count][:top]
        rows += [{group: name, "word": vocab[i], "count": int(mine[i]), "count_rest": int(all_counts[i] - mine[i]),
                  "delta": round(float(delta[i]), 3), "z": round(float(z[i]), 3)} for i in kept]
    return pd.DataFrame(rows, columns=columns)


def name_spellings(mentions: pd.DataFrame, documents: pd.DataFrame, *, kinds: Iterable[str] = ("person", "party", "place")) -> pd.DataFrame:
    """Return, for names written in more than one way, the forms each outlet uses.

    Parameters
    ----------
    mentions : pandas.DataFrame
        Needs ``doc_id``, ``surface``, ``canonical``, ``kind``.
    documents : pandas.DataFrame
        Needs ``doc_id`` and ``outlet`` (the selection).
    kinds : iterable of str
        Kinds of names to show.

    Returns
    -------
    pandas.DataFrame
        ``canonical``, ``kind``, ``forms`` (distinct forms in the selection), then one column per
        outlet with its forms and counts ("Nazarbaev (3), Nursultan Nazarbaev (1)").

    Examples
    --------
    >>> m = pd.DataFrame({"doc_id": ["a", "b", "b"], "surface": ["Nur Otan", "Nour Otan", "Nour Otan"],
    ...                   "canonical": ["Nur Otan"] * 3, "kind": ["party"] * 3})
    >>> d = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["RFE/RL", "Euronews"]})
    >>> name_spellings(m, d).values.tolist()
    [['Nur Otan', 'party', 2, 'Nour Otan (2)', 'Nur Otan (1)']]
    """
    m = mentions[mentions["kind"].isin(list(kinds))].merge(documents[["doc_id", "outlet"]], on="doc_id", validate="many_to_one")
    if m.empty:
        return pd.DataFrame(columns=["canonical", "kind", "forms"])
    m = m.assign(form=m["surface"].str.split().str.join(" "))
    forms = m.groupby("canonical")["form"].nunique()
    m = m[m["canonical"].isin(forms[forms > 1].index)]
    if m.empty:
        return pd.DataFrame(columns=["canonical", "kind", "forms"])
    counts = m.groupby(["canonical", "kind", "outlet", "form"]).size().reset_index(name="n")
    counts = counts.sort_values(["canonical", "outlet", "n", "form"], ascending=[True, True, False, True])
    cells = counts.groupby(["canonical", "kind", "outlet"], sort=True).apply(
        lambda g: ", ".join(f"{f} ({n})" for f, n in zip(g["form"], g["n"])), include_groups=False)
    wide = cells.unstack("outlet", fill_value="").reset_index().rename_axis(columns=None)
    wide.insert(2, "forms", wide["canonical"].map(forms).astype(int))
    return wide.sort_values(["forms", "canonical"], ascending=[False, True], kind="stable").reset_index(drop=True)


def quotes(documents: pd.DataFrame, mentions: pd.DataFrame, lexicon: dict) -> pd.DataFrame:
    """Return every sentence that quotes or credits someone, with the speaker (see :mod:`kzresearch.quotes`).

    The build stores the same rows as the ``quotes`` table; this computes them for documents
    that were not built, such as a hand-made DataFrame.

    Parameters
    ----------
    documents : pandas.DataFrame
        Needs ``doc_id``, ``outlet`` and ``text``.
    mentions : pandas.DataFrame
        Needs ``doc_id``, ``start``, ``end``, ``canonical``, ``kind``.
    lexicon : dict
        The claim lexicon (``reference.lexicon``).

    Returns
    -------
    pandas.DataFrame
        ``doc_id``, ``outlet``, ``start``, ``end`` (the sentence in the clean text), ``speaker``,
        ``speaker_kind``, ``cue`` and ``sentence``, sorted by document and position.
    """
    columns = ["doc_id", "outlet", "start", "end", "speaker", "speaker_kind", "cue", "sentence"]
    by_doc = {doc: g.to_dict("records") for doc, g in mentions[["doc_id", "start", "end", "canonical", "kind"]].groupby("doc_id")}
    rows = [{"doc_id": doc_id, "outlet": outlet, **q}
            for doc_id, outlet, text in documents[["doc_id", "outlet", "text"]].itertuples(index=False) if isinstance(text, str)
            for q in find_quotes(text, by_doc.get(doc_id, []), lexicon)]
    return pd.DataFrame(rows, columns=columns).sort_values(["doc_id", "start"]).reset_index(drop=True)


def quoted_by_outlet(quoted: pd.DataFrame, *, top: int = 15) -> pd.DataFrame:
    """Count quoting sentences per speaker and outlet, most quoted speakers first.

    Examples
    --------
    >>> q = pd.DataFrame({"speaker": ["Tokayev", "Tokayev", "police"], "speaker_kind": ["person", "person", "generic"],
    ...                   "outlet": ["A", "B", "A"]})
    >>> quoted_by_outlet(q).values.tolist()
    [['Tokayev', 'person', 1, 1, 2], ['police', 'generic', 1, 0, 1]]
    """
    if quoted.empty:
        return pd.DataFrame(columns=["speaker", "speaker_kind", "total"])
    table = quoted.groupby(["speaker", "speaker_kind", "outlet"]).size().unstack("outlet", fill_value=0)
    table["total"] = table.sum(axis=1)
    table = table.reset_index().rename_axis(columns=None)
    return table.sort_values(["total", "speaker"], ascending=[False, True], kind="stable").head(top).reset_index(drop=True)
