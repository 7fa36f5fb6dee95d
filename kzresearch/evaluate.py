"""Measure extraction against a gold file: precision, recall and F1 of tallies and results, accuracy of metadata.

The gold format is that of ``data/gold/seeds.yaml`` (see ``data/gold/README.md``).

Matching rule (documented in ``docs/claims.md``):

0. A gold document is the built document whose ``file`` equals its ``doc`` (``h01.txt``, or
   ``feed.jsonl:2`` for the second row of a JSON Lines file); a corpus built without a ``file``
   column is matched by ``doc_id`` (the file stem).
1. A gold phrase is located in the document's clean text after the same normalisation the
   cleaner applies (typographic quotes to ASCII, non-breaking spaces to spaces), whitespace-
   and case-insensitively; an extracted row *covers* it when their character spans overlap. A
   phrase the cleaner lost is compared with the row's phrase by word overlap (half its words).
2. A covering row *matches* when its attributes agree: for tallies ``counted``, ``number``,
   ``qualifier`` (a row's ``range`` agrees with a gold ``approx`` or ``at_least`` of the same
   lower figure: the gold vocabulary has no range) and (where the gold gives one)
   ``vague_word``; for results ``measure``, ``value``, ``of`` (where given), ``qualifier``, the
   election (by date), and for vote shares and seats the ``subject``.
3. Gold items are matched one-to-one, greedily in document order, to the covering row with
   the largest overlap among those that match. Unmatched non-optional gold items are false
   negatives; unmatched rows are false positives unless they cover an ``optional`` gold item.
   A matched optional item counts as neither.
4. Among matched tallies, ``location`` (as a set), ``date`` and ``source_attributed`` are scored
   where the gold gives them, names compared as the Reference resolves them (Uralsk = Oral); an
   attribution is right when one name contains the other.

Every miss, extra and wrong attribute is listed with the reason: the covering row and the
attributes on which it disagrees with the gold, or that no row covers the phrase, or that the
phrase is not in the clean text at all (a cleaning problem rather than an extraction one).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
from rapidfuzz import fuzz

from kzresearch import paths
from kzresearch.reference import read_yaml
from kzresearch.schema import as_list
from kzresearch.textnorm import normalize_line


def load_gold(path: str | Path) -> list[dict]:
    """Read a gold file: one dict per annotated document.

    Parameters
    ----------
    path : str or Path
        A YAML file in the format of ``data/gold/seeds.yaml``.

    Returns
    -------
    list of dict
        The documents, with ``doc_id`` (the file stem) added and dates as ISO strings.

    Raises
    ------
    ValueError
        If the file is not a list of documents with a ``doc`` field.
    """
    data = read_yaml(path)
    if not isinstance(data, list) or not all(isinstance(d, dict) and "doc" in d for d in data):
        raise ValueError(f"{path}: a gold file is a YAML list of documents, each with a 'doc' field")
    for d in data:
        _check_gold_document(d, path)
    return [_iso_dates(dict(d, doc_id=Path(str(d["doc"])).stem)) for d in data]


def _check_gold_document(d: dict, path: Path | str) -> None:
    """Raise ValueError, naming the document and field, where an annotation has the wrong shape."""
    where = f"{path}: document {d['doc']!r}"
    for key in ("outlet", "title", "byline"):
        if d.get(key) is not None and not isinstance(d[key], str):
            raise ValueError(f"{where}: {key} must be text or null, not {d[key]!r}")
    if d.get("published") is not None and not isinstance(d["published"], (str, dt.date)):
        raise ValueError(f"{where}: published must be a date (YYYY-MM-DD, YYYY-MM) or null, not {d['published']!r}")
    if d.get("election") is not None and not (isinstance(d["election"], dict) and "date" in d["election"]):
        raise ValueError(f"{where}: election must be {{date, kind}} or null, not {d['election']!r}")
    for table, number_keys in (("tallies", ("number",)), ("results", ("value", "of"))):
        items = d.get(table) or []
        if not isinstance(items, list):
            raise ValueError(f"{where}: {table} must be a list, not {items!r}")
        for i, item in enumerate(items, start=1):
            if not isinstance(item, dict) or not isinstance(item.get("phrase"), str) or not item["phrase"].strip():
                raise ValueError(f"{where}: {table} item {i} needs a 'phrase' of text")
            for key in number_keys:
                if item.get(key) is not None and (isinstance(item[key], bool) or not isinstance(item[key], (int, float))):
                    raise ValueError(f"{where}: {table} item {i} ({item['phrase'][:40]!r}): {key} must be a number, not {item[key]!r}")


def _iso_dates(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _iso_dates(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_iso_dates(v) for v in value]
    return value.isoformat() if isinstance(value, dt.date) else value


def _norm(text: Any) -> str:
    return " ".join(normalize_line(str(text)).casefold().split()) if text is not None else ""


def locate(phrase: str, text: str) -> list[tuple[int, int]]:
    """Return every span of ``phrase`` in ``text``, ignoring case, spacing and quote style.

    Examples
    --------
    >>> locate("More than  30 demonstrators", "x more than 30 demonstrators y")
    [(2, 28)]
    """
    tokens = normalize_line(phrase).split()
    if not tokens:
        return []
    pattern = re.compile(r"\s+".join(re.escape(t) for t in tokens), re.IGNORECASE)
    return [m.span() for m in pattern.finditer(text)]


def _words_overlap(a: str, b: str) -> bool:
    wa, wb = set(_norm(a).split()), set(_norm(b).split())
    return bool(wa and wb) and len(wa & wb) * 2 >= min(len(wa), len(wb))


def _same_number(a: Any, b: Any) -> bool:
    a_null, b_null = a is None or pd.isna(a), b is None or pd.isna(b)
    if a_null or b_null:
        return a_null and b_null
    return abs(float(a) - float(b)) < 1e-6


# The gold vocabulary (``shared/gold/README.md``) has no ``range``: an annotator writes a stated
# range's lower end with ``approx`` or ``at_least``, which a row with qualifier ``range`` and the
# same lower figure agrees with.
_RANGE_IN_GOLD = frozenset({"approx", "at_least"})


def _same_qualifier(want: Any, got: Any) -> bool:
    return got == want or (got == "range" and want in _RANGE_IN_GOLD)


def _tally_agrees(gold: dict, row: dict) -> bool:
    if row.get("counted") != gold.get("counted") or not _same_qualifier(gold.get("qualifier"), row.get("qualifier")):
        return False
    if not _same_number(gold.get("number"), row.get("number")):
        return False
    return gold.get("vague_word") is None or _norm(gold["vague_word"]) == _norm(row.get("vague_word"))


def _name_resolver(reference: Any = None) -> Callable[[Any], str]:
    """Return ``canonical(name)``: the normalised name the Reference gives a variant, else the name.

    A gold file may name a party as it was called at the time ("Communist People's Party of
    Kazakhstan"), a town by another spelling ("Uralsk") or a source by its service ("Radio
    Azattyq") where the extractor gives the canonical name of the same entity.
    """
    resolve = getattr(reference, "canonical_name", None)

    def canonical(value: Any) -> str:
        found = resolve(str(value)) if resolve and value is not None else None
        return _norm(found[0] if found else value)

    return canonical


# How alike two spellings of one name must be, whole and word by word (rapidfuzz's ratio, 0-100): "Jiguli Dairabayev"
# and "Zhiguli Dairabayev", "Gani Kassymov" and "Gani Kasymov" are one candidate; "Kalmukhambet Kasymov" and "Gani
# Kasymov" two people, "... Party Auyl" and "... Party Azat" two parties.
_SAME_NAME_RATIO = 88
_SAME_WORD_RATIO = 75


def _subject_matcher(reference: Any = None) -> Callable[[Any, Any], bool]:
    """Return ``same(a, b)``: subjects agree when equal, when the Reference resolves both to one name, or when
    they are two transliterations of one name (the Reference does not list every spelling an annotator uses)."""
    canonical = _name_resolver(reference)

    def same(a: Any, b: Any) -> bool:
        if _norm(a) == _norm(b) or canonical(a) == canonical(b):
            return True
        # (word by word, as many words: not "... Party Auyl" and "... Party Azat", nor "East" and "West Kazakhstan Region")
        words_a, words_b = canonical(a).split(), canonical(b).split()
        return len(words_a) == len(words_b) and fuzz.ratio(canonical(a), canonical(b)) >= _SAME_NAME_RATIO \
            and all(fuzz.ratio(x, y) >= _SAME_WORD_RATIO for x, y in zip(words_a, words_b))

    return same


def _result_agrees(gold: dict, row: dict, same_subject=None) -> bool:
    if row.get("measure") != gold.get("measure") or not _same_qualifier(gold.get("qualifier"), row.get("qualifier")):
        return False
    if not _same_number(gold.get("value"), row.get("value")):
        return False
    if gold.get("of") is not None and not _same_number(gold["of"], row.get("of")):
        return False
    if gold.get("election") and str(row.get("election_id") or "")[:10] != str(gold["election"])[:10]:
        return False
    if gold.get("measure") in ("vote_share", "seats"):
        return (same_subject or _subject_matcher())(gold.get("subject"), row.get("subject"))
    return True


_TALLY_FIELDS = (("counted", "counted"), ("number", "number"), ("qualifier", "qualifier"), ("vague_word", "vague_word"))
_RESULT_FIELDS = (("subject", "subject"), ("measure", "measure"), ("value", "value"), ("of", "of"),
                  ("qualifier", "qualifier"), ("election", "election_id"))


def _differences(gold: dict, row: dict, table: str, same_subject=None) -> list[str]:
    """Return the attributes on which a covering row disagrees with a gold item, as ``field 'got' (gold 'want')``."""
    diffs = []
    for gold_key, row_key in _TALLY_FIELDS if table == "tallies" else _RESULT_FIELDS:
        want, got = gold.get(gold_key), row.get(row_key)
        if gold_key == "vague_word" and want is None:
            continue
        if gold_key == "of" and want is None:
            continue
        if gold_key == "subject" and gold.get("measure") not in ("vote_share", "seats"):
            continue
        if gold_key == "election":
            same = not want or str(got or "")[:10] == str(want)[:10]
        elif gold_key in ("number", "value", "of"):
            same = _same_number(want, got)
        elif gold_key == "subject":
            same = (same_subject or _subject_matcher())(want, got)
        elif gold_key == "vague_word":
            same = _norm(want) == _norm(got)
        elif gold_key == "qualifier":
            same = _same_qualifier(want, got)
        else:
            same = got == want
        if not same:
            diffs.append(f"{gold_key} {_show(got)} (gold {_show(want)})")
    return diffs


def _show(value: Any) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return "none"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return repr(value) if isinstance(value, str) else str(value)


def _describe(row: dict, table: str) -> str:
    """Return a row's attributes in a line a reader can compare with the gold file."""
    fields = _TALLY_FIELDS if table == "tallies" else _RESULT_FIELDS
    return ", ".join(f"{key} {_show(row.get(col))}" for key, col in fields if row.get(col) is not None)


def _match_doc(gold_items: list[dict], rows: list[dict], text: str, agrees, table: str = "tallies",
               same_subject=None) -> tuple[list[tuple[dict, dict]], list[dict], list[dict]]:
    """Match one document's gold items to its rows.

    Returns
    -------
    (pairs, missed, extra)
        ``pairs`` of (gold item, row); ``missed`` gold items and ``extra`` rows, each with a
        ``why`` explaining it (the disagreeing attributes of the row covering the phrase, or that
        none covers it, or that the phrase is not in the clean text).
    """
    spans = [locate(g["phrase"], text) for g in gold_items]

    def overlap(gi: int, row: dict) -> int:
        if not spans[gi]:
            return 1 if _words_overlap(gold_items[gi]["phrase"], row.get("phrase", "")) else 0
        return max(max(0, min(e, row["end"]) - max(s, row["start"])) for s, e in spans[gi])

    used: dict[int, int] = {}
    pairs, missed = [], []
    # (an item whose phrase the clean text lacks, a headline's figure, matches by its words: after the items found in
    # the text, so that it does not take the row of the body's sentence another item names)
    order = sorted(range(len(gold_items)), key=lambda i: (bool(gold_items[i].get("optional")), not spans[i], spans[i][0][0] if spans[i] else 0))
    for gi in order:
        best = max(((overlap(gi, r), ri) for ri, r in enumerate(rows) if ri not in used and agrees(gold_items[gi], r)),
                   default=(0, None))
        if best[0] > 0:
            used[best[1]] = gi
            pairs.append((gold_items[gi], rows[best[1]]))
        elif not gold_items[gi].get("optional"):
            missed.append(dict(gold_items[gi], why=_why_missed(gi, gold_items, rows, spans, used, overlap, table, same_subject)))
    optional = [gi for gi, g in enumerate(gold_items) if g.get("optional")]
    extra = []
    for ri, r in enumerate(rows):
        if ri in used or any(overlap(gi, r) for gi in optional):
            continue
        covered = [gi for gi in range(len(gold_items)) if overlap(gi, r)]
        if not covered:
            why = "no gold item here"
        else:
            gi = max(covered, key=lambda i: overlap(i, r))
            diffs = _differences(gold_items[gi], r, table, same_subject)
            why = (f"covers gold {gold_items[gi]['phrase']!r} but " + "; ".join(diffs)) if diffs else \
                f"a second row for gold {gold_items[gi]['phrase']!r}"
        extra.append(dict(r, why=f"{why} [{_describe(r, table)}]"))
    return pairs, missed, extra


def _why_missed(gi: int, gold_items: list[dict], rows: list[dict], spans: list, used: dict[int, int], overlap, table: str,
                same_subject=None) -> str:
    """Explain why gold item ``gi`` found no agreeing row."""
    covering = sorted((ri for ri, r in enumerate(rows) if overlap(gi, r)), key=lambda ri: -overlap(gi, rows[ri]))
    lost = "" if spans[gi] else "phrase not in the clean text (cleaned away or rewritten); "
    if not covering:
        return lost + "no row covers it"
    reasons = []
    for ri in covering[:2]:
        row = rows[ri]
        diffs = _differences(gold_items[gi], row, table, same_subject)
        if not diffs and ri in used:
            reasons.append(f"row {row.get('phrase')!r} already matched gold {gold_items[used[ri]]['phrase']!r}")
        else:
            reasons.append(f"row {row.get('phrase')!r} has " + ("; ".join(diffs) or "the same attributes"))
    return lost + " / ".join(reasons)


def _prf(tp: int, fp: int, fn: int) -> dict:
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": precision, "recall": recall, "f1": f1}


def _score(counts: dict[str, list[int]], key: str, right: bool | None) -> None:
    if right is not None:
        counts.setdefault(key, [0, 0])
        counts[key][0] += int(right)
        counts[key][1] += 1


def _accuracy(counts: dict[str, list[int]]) -> dict:
    return {k: {"correct": c, "total": n, "accuracy": c / n if n else None} for k, (c, n) in counts.items()}


def _without_missing(rows: list[dict]) -> list[dict]:
    # pandas reads a missing string as NaN, which is truthy and unequal to itself: make it None.
    return [{k: (None if isinstance(v, float) and v != v else v) for k, v in row.items()} for row in rows]


def _records(table: pd.DataFrame | None, doc_id: str) -> list[dict]:
    if table is None or table.empty:
        return []
    return _without_missing(table[table["doc_id"] == doc_id].to_dict("records"))


def _attribution_right(gold: str, got: Any) -> bool:
    g, p = _norm(gold), _norm(got) if got else ""
    return bool(p) and (g in p or p in g)


# Rows reach the document checks through _without_missing: a missing value is None, which _norm makes "".
def _outlet_key(outlet: Any) -> str:
    """An outlet's name as compared: "The Jamestown Foundation" is "Jamestown Foundation", and a
    site's own run-together spelling is its name ("The SteppeTimes", "SteppeDaily")."""
    return re.sub(r"[\s-]+", "", re.sub(r"^the\s+", "", _norm(outlet)))


# A site's domain ending its name ("SteppeNews.kz", "steppetimes.co.uk").
_DOMAIN_END = re.compile(r"(?<=\w)(?:\.[a-z]{2,6}){1,2}$")
# The fewest letters of a name that a domain alone may set apart ("Time.kz" is not Time).
_DOMAIN_NAME_LETTERS = 5


# A name followed by its other form in brackets: "APP (Associated Press of Pakistan)".
_BRACKETED_FORM = re.compile(r"(?P<name>.+?)\s*\((?P<other>[^()]+)\)")


def _same_outlet(want: Any, got: Any) -> bool:
    """Whether two names of an outlet name the same one (:func:`_outlet_key`), one of them perhaps
    with its site's domain ("Steppe News" and "SteppeNews.kz"); not two domains ("Gazeta.uz",
    "Gazeta.ru") nor a short name and its domain ("Time", "Time.kz"). A name written with its other
    form in brackets is either ("Lusa (Agência de Notícias de Portugal)" is "Lusa")."""
    return any(_same_name(a, b) for a in _name_forms(want) for b in _name_forms(got))


def _name_forms(name: Any) -> list[Any]:
    """Return a name and, where it adds another form in brackets, each of the two."""
    bracketed = _BRACKETED_FORM.fullmatch(name.strip()) if isinstance(name, str) else None
    return [name, bracketed.group("name"), bracketed.group("other")] if bracketed else [name]


def _same_name(want: Any, got: Any) -> bool:
    a, b = _outlet_key(want), _outlet_key(got)
    if a == b:
        return True
    if bool(_DOMAIN_END.search(a)) == bool(_DOMAIN_END.search(b)):
        return False
    bare = _DOMAIN_END.sub("", a)
    return bare == _DOMAIN_END.sub("", b) and len(bare) >= _DOMAIN_NAME_LETTERS


def _byline_names(byline: Any) -> frozenset[str]:
    """Return the names of a byline, however joined ("A and B", "A, B", "A & B")."""
    return frozenset(n for n in re.split(r"\s*(?:,|;|&|\band\b)\s*", _norm(byline)) if n)


def _published_right(gold_doc: dict, row: dict) -> bool:
    gold, got = gold_doc.get("published"), row.get("published")
    if gold is None:
        return got is None
    if got is None:
        return False
    gold, got = str(gold), str(got)
    if len(gold) == 10 and len(got) == 10:
        tolerance = int(gold_doc.get("published_tolerance_days") or 0)
        return abs((dt.date.fromisoformat(got) - dt.date.fromisoformat(gold)).days) <= tolerance
    return got[: len(gold)] == gold and len(got) >= len(gold)


def _document_checks(gold_doc: dict, row: dict, counts: dict[str, list[int]], canonical: Callable[[Any], str] = _norm) -> None:
    text = row.get("text") or ""
    if "outlet" in gold_doc:  # as written, or as the Reference names the agency ("Fergana News Agency")
        want, got = gold_doc.get("outlet"), row.get("outlet")
        _score(counts, "outlet", _same_outlet(want, got) or (bool(_outlet_key(got)) and canonical(want) == canonical(got)))
    _score(counts, "title", _norm(gold_doc.get("title")).rstrip(".") == _norm(row.get("title")).rstrip(".") if "title" in gold_doc else None)
    _score(counts, "published", _published_right(gold_doc, row) if "published" in gold_doc else None)
    if "election" in gold_doc:
        election = gold_doc["election"]
        expected = f"{election['date']}-{election['kind']}" if election else None
        _score(counts, "election", (row.get("election_id") or None) == expected)
    if "byline" in gold_doc:
        _score(counts, "byline", _byline_names(gold_doc["byline"]) == _byline_names(row.get("byline")))
    if "wire" in gold_doc:
        _score(counts, "wire", sorted(_norm(w) for w in gold_doc["wire"] or []) == sorted(_norm(w) for w in as_list(row.get("wire"))))
    keep = [gold_doc.get("title") or ""] + list(gold_doc.get("body_must_keep") or [])
    for line in gold_doc.get("boilerplate") or []:
        allowed = sum(_norm(k) == _norm(line) for k in keep)  # a repeated headline keeps its first copy
        _score(counts, "boilerplate_removed", len(locate(line, text)) <= allowed)
    for line in gold_doc.get("body_must_keep") or []:
        _score(counts, "body_kept", bool(locate(line, text)))


_GOLD_KEYS = {"location": "location", "date": "date", "attribution": "source_attributed"}


def _tally_attribute_checks(gold: dict, row: dict, canonical: Callable[[Any], str] = _norm) -> list[tuple[str, bool, Any]]:
    """Return ``(attribute, right, extracted value)`` for each attribute the gold gives a matched tally;
    names are compared as ``canonical`` (:func:`_name_resolver`) gives them."""
    checks = []
    if gold.get("location"):
        got = as_list(row.get("location"))
        checks.append(("location", {canonical(x) for x in gold["location"]} == {canonical(x) for x in got}, got))
    if gold.get("date"):
        checks.append(("date", str(gold["date"]) == str(row.get("event_date")), row.get("event_date")))
    if gold.get("source_attributed"):
        got, want = row.get("attributed_to"), gold["source_attributed"]
        right = _attribution_right(want, got) or (got is not None and _attribution_right(canonical(want), canonical(got)))
        checks.append(("attribution", right, got))
    return checks


def evaluate(documents: pd.DataFrame, tallies: pd.DataFrame | None, results: pd.DataFrame | None, gold: list[dict],
             reference: Any = None) -> dict:
    """Compare a built corpus with gold annotations.

    Parameters
    ----------
    documents : pandas.DataFrame
        The documents table (``doc_id``, ``file``, ``text`` and the metadata columns).
    tallies, results : pandas.DataFrame
        The claims tables.
    gold : list of dict
        As returned by :func:`load_gold`.
    reference : Reference, optional
        When given, a result's subject agrees with the gold's when both are variants of one
        canonical name (an old party name in the gold, the canonical name in the row).

    Returns
    -------
    dict
        ``tallies`` and ``results`` (tp, fp, fn, precision, recall, f1), ``tally_attributes``
        (accuracy of location, date, attribution among matched tallies), ``documents``
        (accuracy per metadata field, boilerplate removal, body kept), ``errors`` (every miss,
        extra and wrong tally attribute, each with ``doc``, ``kind``, ``error``, ``phrase`` and
        ``why``) and ``n_documents``.
    """
    records = _without_missing(documents.to_dict("records")) if not documents.empty else []
    by_file = {str(r["file"]): r for r in records if r.get("file") is not None}
    by_id = {str(r["doc_id"]): r for r in records}
    totals = {"tallies": [0, 0, 0], "results": [0, 0, 0]}
    attributes: dict[str, list[int]] = {}
    doc_counts: dict[str, list[int]] = {}
    errors: list[dict] = []
    same_subject = _subject_matcher(reference)
    canonical = _name_resolver(reference)

    def result_agrees(g: dict, r: dict) -> bool:
        return _result_agrees(g, r, same_subject)

    for gold_doc in gold:
        label = str(gold_doc["doc"])
        row = by_file.get(label) or by_id.get(gold_doc["doc_id"])
        if row is None:
            errors.append({"doc": label, "doc_id": gold_doc["doc_id"], "kind": "document", "error": "not in corpus",
                           "why": f"no built document has file {label!r} (or doc_id {gold_doc['doc_id']!r})"})
            row = {}
        doc_id = row.get("doc_id", gold_doc["doc_id"])
        _document_checks(gold_doc, row, doc_counts, canonical)
        text = row.get("text") or ""
        for table, frame, agrees in (("tallies", tallies, _tally_agrees), ("results", results, result_agrees)):
            pairs, missed, extra = _match_doc(list(gold_doc.get(table) or []), _records(frame, doc_id), text, agrees, table, same_subject)
            scored = [p for p in pairs if not p[0].get("optional")]
            totals[table][0] += len(scored)
            totals[table][1] += len(extra)
            totals[table][2] += len(missed)
            base = {"doc": label, "doc_id": doc_id, "kind": table}
            errors += [base | {"error": "missed", "phrase": g["phrase"], "why": g["why"]} for g in missed]
            errors += [base | {"error": "extra", "phrase": r.get("phrase"), "why": r["why"]} for r in extra]
            if table == "tallies":
                for g, r in pairs:
                    for key, right, got in _tally_attribute_checks(g, r, canonical):
                        _score(attributes, key, right)
                        if not right:
                            errors.append(base | {"error": f"wrong {key}", "phrase": g["phrase"],
                                                  "why": f"got {_show(got)} (gold {_show(g.get(_GOLD_KEYS[key]))})"})
    return {
        "n_documents": len(gold),
        "tallies": _prf(*totals["tallies"]),
        "results": _prf(*totals["results"]),
        "tally_attributes": _accuracy(attributes),
        "documents": _accuracy(doc_counts),
        "errors": errors,
    }


def format_report(report: dict) -> str:
    """Return the report as a plain-text table.

    Examples
    --------
    >>> print(format_report({"n_documents": 1, "tallies": {"tp": 1, "fp": 0, "fn": 1, "precision": 1.0,
    ...     "recall": 0.5, "f1": 2 / 3}, "results": {}, "tally_attributes": {}, "documents": {}, "errors": []}))
    gold documents: 1
    <BLANKLINE>
    claims     tp  fp  fn  precision  recall     f1
    tallies     1   0   1      1.000   0.500  0.667
    """
    lines = [f"gold documents: {report['n_documents']}", "", f"{'claims':<8} {'tp':>4} {'fp':>3} {'fn':>3} {'precision':>10} {'recall':>7} {'f1':>6}"]
    for name in ("tallies", "results"):
        s = report.get(name)
        if s:
            lines.append(f"{name:<8} {s['tp']:>4} {s['fp']:>3} {s['fn']:>3} {s['precision']:>10.3f} {s['recall']:>7.3f} {s['f1']:>6.3f}")
    for title, section in (("matched tallies", report.get("tally_attributes")), ("documents", report.get("documents"))):
        if section:
            lines += ["", f"{title:<20} {'correct':>7} {'total':>5} {'accuracy':>8}"]
            for key, s in section.items():
                acc = "" if s["accuracy"] is None else f"{s['accuracy']:.3f}"
                lines.append(f"{key:<20} {s['correct']:>7} {s['total']:>5} {acc:>8}")
    if report.get("errors"):
        lines += ["", "errors:"]
        for e in report["errors"]:
            lines.append(f"  {e.get('doc', e['doc_id'])} {e['kind']} {e['error']}: {e.get('phrase') or ''}")
            if e.get("why"):
                lines.append(f"      {e['why']}")
    return "\n".join(lines)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the ``evaluate`` subcommand's options to ``parser`` and set its handler."""
    parser.add_argument("--gold", type=Path, default=None, help="gold file in the format of data/gold/seeds.yaml (default: the bundled one)")
    parser.add_argument("--corpus", type=Path, default=None, help="folder of the annotated articles (default: the bundled corpus)")
    parser.add_argument("--manifest", type=Path, default=None, help="collection record for --corpus (default: <corpus>/manifest.csv)")
    parser.add_argument("--json", dest="json_out", metavar="FILE", default=None, help="also write the report as JSON ('-' for standard output)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Build (or reuse) the corpus, evaluate it against the gold file and print the report."""
    from kzresearch import load_corpus

    gold = load_gold(args.gold or paths.gold_path())
    corpus = load_corpus(args.corpus, manifest=args.manifest)
    report = evaluate(corpus.documents, corpus.tallies, corpus.results, gold, reference=corpus.reference)
    if args.json_out == "-":
        json.dump(report, sys.stdout, indent=2, default=str)
        sys.stdout.write("\n")
    else:
        print(format_report(report))
        if args.json_out:
            Path(args.json_out).write_text(json.dumps(report, indent=2, default=str), encoding="utf-8")
    return 0
