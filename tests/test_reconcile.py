"""Reconciliation: events across reports, and reported results against official figures."""
from __future__ import annotations

import pandas as pd
import pytest
from claims_fakes import FakeReference

from kzresearch.claims import events_view, results_vs_official
from kzresearch.claims.reconcile import representative


def tally(doc, number=None, qualifier="exact", vague_word=None, location=("Almaty",), date="2021-01-10", counted="detained"):
    return {"doc_id": doc, "election_id": "2021-01-10-parliamentary", "counted": counted, "location": list(location),
            "event_date": date, "number": number, "qualifier": qualifier, "vague_word": vague_word, "multiplier": None,
            "phrase": f"phrase {doc}"}


DOCS = pd.DataFrame({"doc_id": ["a", "b", "c", "d"], "outlet": ["AP", "AFP", "AP", "RFE/RL"]})


def test_reports_of_one_happening_are_merged_by_named_rules():
    t = pd.DataFrame([tally("a", 30, "more_than"), tally("b", None, "vague", "dozens"), tally("c", 30, "more_than")])
    (row,) = events_view(t, DOCS).to_dict("records")
    assert (row["n_reports"], row["n_documents"], row["n_outlets"], row["outlets"]) == (3, 3, 2, ["AFP", "AP"])
    assert (row["conservative"], row["informative"]) == (24, 99)
    assert row["spread"] == 75 and row["ratio"] == pytest.approx(99 / 24)
    assert row["consistent"] is True


def test_different_places_dates_or_categories_are_different_events():
    t = pd.DataFrame([tally("a", 30), tally("b", 30, location=("Nur-Sultan",)), tally("c", 30, date="2021-01-11"),
                      tally("d", 30, counted="released")])
    assert len(events_view(t, DOCS)) == 4


def test_disagreeing_reports_are_flagged():
    t = pd.DataFrame([tally("a", 100), tally("b", 500)])
    (row,) = events_view(t, DOCS, convention="acled").to_dict("records")
    assert (row["conservative"], row["informative"], row["n_values"], row["consistent"]) == (100, 500, 2, False)
    assert row["representative"] == 300


def test_convention_changes_the_merge():
    t = pd.DataFrame([tally("a", None, "vague", "hundreds")])
    assert events_view(t, DOCS, convention="ccc")["conservative"].tolist() == [200]
    assert events_view(t, DOCS, convention="acled")["conservative"].tolist() == [100]


def test_empty_tallies_give_an_empty_view():
    assert events_view(pd.DataFrame(), DOCS).empty


@pytest.mark.parametrize("points,expected", [([30, 30, 100], 30), ([10, 20, 60, 100], 40), ([7], 7), ([], None)])
def test_representative_is_mode_or_median(points, expected):
    assert representative(points) == expected


def test_results_against_official():
    ref = FakeReference()
    r = pd.DataFrame([
        {"election_id": "2021-01-10-parliamentary", "subject": "Nur Otan", "measure": "vote_share", "value": 72.0,
         "qualifier": "approx", "scope": None},
        {"election_id": "2021-01-10-parliamentary", "subject": "turnout", "measure": "turnout", "value": 63.0,
         "qualifier": "more_than", "scope": None},
        {"election_id": "2021-01-10-parliamentary", "subject": "turnout", "measure": "turnout", "value": 30.0,
         "qualifier": "approx", "scope": "Almaty"},
        {"election_id": "2019-06-09-presidential", "subject": "Kassym-Jomart Tokayev", "measure": "vote_share",
         "value": 75.0, "qualifier": "exact", "scope": None},
    ])
    out = results_vs_official(r, ref.official_results)
    assert out["official"].tolist()[:2] == [71.09, 63.3]
    assert pd.isna(out["official"].iloc[2])
    assert out["consistent"].tolist() == [True, True, None, False]
    assert out["difference"].iloc[3] == pytest.approx(4.04)


def test_location_key_reads_every_form_of_a_list_column():
    import numpy as np

    from kzresearch.claims.reconcile import location_key

    forms = pd.Series([np.array(["Astana", "Almaty"]), ["Almaty"], "Almaty", None, float("nan"), pd.NA, []], dtype=object)
    assert location_key(forms).tolist() == ["Almaty | Astana", "Almaty", "Almaty", "", "", "", ""]
