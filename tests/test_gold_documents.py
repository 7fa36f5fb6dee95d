"""Issue "The corpus, built": document-level acceptance against data/gold/seeds.yaml.

With the manifest and without it: titles, elections and publication dates (within the stated
tolerance) 5/5; every listed boilerplate line gone and every body_must_keep sentence kept; outlets
5/5 with the manifest, and right for the articles that name their outlet without it.
"""
from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from conftest import norm

BUILDS = ["bundled", "without_manifest"]


def _doc(corpus, gold_doc: dict):
    docs = corpus.documents.set_index("file")
    return docs.loc[gold_doc["doc"]]


@pytest.mark.parametrize("build_name", BUILDS)
def test_titles_elections_and_dates(request, gold, build_name):
    corpus = request.getfixturevalue(build_name)
    for g in gold:
        doc = _doc(corpus, g)
        assert doc["title"] == norm(g["title"]), g["doc"]
        expected = f"{g['election']['date']}-{g['election']['kind']}" if g["election"] else None
        assert doc["election_id"] == expected, (g["doc"], doc["election_evidence"])
        assert doc["published_precision"] == "day", (g["doc"], doc["published_evidence"])
        gap = abs((dt.date.fromisoformat(doc["published"]) - g["published"]).days)
        assert gap <= g["published_tolerance_days"], (g["doc"], doc["published"], doc["published_evidence"])


@pytest.mark.parametrize("build_name", BUILDS)
def test_boilerplate_removed_and_body_kept(request, gold, build_name):
    corpus = request.getfixturevalue(build_name)
    for g in gold:
        text = _doc(corpus, g)["text"]
        paragraphs = set(text.split("\n"))
        for line in g["boilerplate"]:
            assert norm(line) not in paragraphs and not any(p.startswith(norm(line)) and len(norm(line)) > 40 for p in paragraphs), (g["doc"], line)
        for sentence in g["body_must_keep"]:
            assert norm(sentence) in text, (g["doc"], sentence)


def test_outlets_with_manifest(bundled, gold):
    for g in gold:
        doc = _doc(bundled, g)
        assert (doc["outlet"], doc["outlet_source"]) == (g["outlet"], "manifest")


def test_outlets_without_manifest(without_manifest, gold):
    named = [g for g in gold if "not named in the text" not in g["outlet_evidence"]]
    assert len(named) == 3
    for g in gold:
        doc = _doc(without_manifest, g)
        if g in named:
            assert (doc["outlet"], doc["outlet_source"]) == (g["outlet"], "signature"), doc["outlet_evidence"]
        else:
            assert pd.isna(doc["outlet"]) and doc["outlet_source"] == "unknown"


def test_wire_and_byline(bundled, gold):
    for g in gold:
        doc = _doc(bundled, g)
        assert set(doc["wire"]) <= set(g["wire"]), g["doc"]  # never credits an agency the article does not
        if g.get("byline"):
            assert doc["byline"] == g["byline"]


def test_unseen_folder_gives_the_same_tables_as_the_bundled_corpus(bundled, without_manifest):
    cols = ["doc_id", "title", "published", "election_id", "text"]
    a = bundled.documents[cols].sort_values("doc_id").reset_index(drop=True)
    b = without_manifest.documents[cols].sort_values("doc_id").reset_index(drop=True)
    assert a.equals(b)
    for table in ("lines", "mentions", "tallies", "results"):
        assert len(getattr(bundled, table)) == len(getattr(without_manifest, table)), table
