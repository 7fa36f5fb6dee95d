"""Outlet comparison on small hand-made tables."""
import numpy as np
import pandas as pd
import pytest

from kzresearch import comparison, selection

LEXICON = {"attribution": {"speech_verbs": ["said", "told"], "prepositions": ["according to"],
                           "generic_speakers": ["officials", "activists"]}}


def _docs():
    return pd.DataFrame({
        "doc_id": ["a", "b", "c"],
        "outlet": ["RFE/RL", "RFE/RL", "Euronews"],
        "text": ["Police detained protesters in Almaty.\nTokayev said the vote was fair.",
                 "Observers criticised the vote. Officials told reporters nothing.",
                 "Nour Otan secured a sweeping victory, according to exit polls."],
        "wire": [["AP"], [], ["AP", "AFP"]],
        "published": ["2021-01-10", "2021-01-11", None],
    })


def test_coverage_counts_documents_words_and_wire():
    cover = comparison.coverage(_docs()).set_index("outlet")
    assert cover.loc["RFE/RL", "documents"] == 2
    assert cover.loc["RFE/RL", "wire_documents"] == 1
    assert cover.loc["Euronews", "wire"] == "AFP, AP"
    assert cover.loc["RFE/RL", "first"] == "2021-01-10"
    assert cover.index.tolist() == ["RFE/RL", "Euronews"]  # most documents first


def test_coverage_of_nothing_is_an_empty_table():
    assert comparison.coverage(_docs().iloc[0:0]).empty


def _claims():
    tallies = pd.DataFrame({
        "doc_id": ["a", "c"], "outlet": ["RFE/RL", "Euronews"], "start": [0, 0], "election_id": ["e", "e"],
        "counted": ["detained", "detained"], "location": [["Almaty"], ["Almaty"]], "event_date": ["2021-01-10"] * 2,
        "number": [None, 500.0], "qualifier": ["vague", "exact"], "vague_word": ["dozens", None], "multiplier": [None, None],
        "low": [24.0, 500.0], "high": [99.0, 500.0], "phrase": ["dozens of people", "500 people"]})
    results = pd.DataFrame({
        "doc_id": ["b", "c"], "outlet": ["RFE/RL", "Euronews"], "start": [3, 4], "election_id": ["e", "e"],
        "subject": ["Nur Otan", "Nur Otan"], "measure": ["vote_share", "vote_share"], "value": [71.1, 71.4],
        "of": [None, None], "qualifier": ["exact", "approx"], "scope": [None, None], "phrase": ["71.1%", "about 71.4%"]})
    return tallies, results


def test_claims_by_outlet_flags_only_real_disagreements():
    wide = comparison.claims_by_outlet(comparison.claim_rows(*_claims())).set_index("kind")
    assert wide.loc["tally", "RFE/RL"] == "dozens"
    assert wide.loc["tally", "Euronews"] == "500"
    assert bool(wide.loc["tally", "disagree"]) is True     # 24-99 and 500 share no value
    assert wide.loc["result", "Euronews"] == "about 71.4%"
    assert bool(wide.loc["result", "disagree"]) is False   # within half a point


def test_claim_rows_keep_the_phrase_and_document():
    rows = comparison.claim_rows(*_claims())
    assert set(rows["phrase"]) == {"dozens of people", "500 people", "71.1%", "about 71.4%"}
    assert rows["doc_id"].notna().all()


@pytest.mark.parametrize(
    ("args", "expected"),
    [((30, "more_than", None), "more than 30"), ((None, "vague", "dozens"), "dozens"),
     ((12, "exact", "a dozen"), "12 (a dozen)"), ((None, "unspecified", None), "unspecified"),
     ((None, "vague", float("nan")), "unspecified")],
)
def test_describe_count(args, expected):
    assert comparison.describe_count(*args) == expected


def test_log_odds_matches_monroe_et_al_by_hand():
    a, b, prior = np.array([10.0, 1.0]), np.array([1.0, 10.0]), np.array([1.0, 1.0])
    delta, z = comparison.log_odds_dirichlet(a, b, prior)
    expected = np.log(11 / 2) - np.log(2 / 11)
    assert delta[0] == pytest.approx(expected)
    assert z[0] == pytest.approx(expected / np.sqrt(1 / 11 + 1 / 2))
    assert z[1] == pytest.approx(-z[0])


def test_distinctive_words_favour_each_outlets_own_vocabulary():
    docs = pd.DataFrame({"outlet": ["A"] * 3 + ["B"] * 3,
                         "text": ["police detained activists"] * 3 + ["voters turnout ballots"] * 3})
    top = comparison.distinctive_words(docs, top=1)
    assert dict(zip(top["outlet"], top["word"])) == {"A": "activists", "B": "ballots"}
    assert (top["z"] > 0).all()


def test_distinctive_words_need_two_groups():
    assert comparison.distinctive_words(pd.DataFrame({"outlet": ["A"], "text": ["x y z"]})).empty


def test_name_spellings_per_outlet():
    mentions = pd.DataFrame({"doc_id": ["a", "c", "a"], "surface": ["Nur Otan", "Nour Otan", "Almaty"],
                             "canonical": ["Nur Otan", "Nur Otan", "Almaty"], "kind": ["party", "party", "place"],
                             "start": [0, 0, 5], "end": [8, 9, 11]})
    table = comparison.name_spellings(mentions, _docs())
    assert table["canonical"].tolist() == ["Nur Otan"]  # Almaty has one form only
    assert table.loc[0, "Euronews"] == "Nour Otan (1)" and table.loc[0, "RFE/RL"] == "Nur Otan (1)"


def test_quotes_find_the_nearest_named_speaker_or_a_generic_one():
    docs = _docs()
    text = docs.loc[0, "text"]
    start = text.index("Tokayev")
    mentions = pd.DataFrame({"doc_id": ["a"], "start": [start], "end": [start + 7],
                             "canonical": ["Kassym-Jomart Tokayev"], "kind": ["person"]})
    q = comparison.quotes(docs, mentions, LEXICON)
    speakers = dict(zip(q["doc_id"] + ":" + q["cue"], q["speaker"]))
    assert speakers["a:said"] == "Kassym-Jomart Tokayev"
    assert speakers["b:told"] == "officials"
    assert speakers["c:according to"] == "(unnamed)"
    counts = comparison.quoted_by_outlet(q)
    assert counts["total"].sum() == 3


def test_quotes_table_of_the_build_equals_quotes_of_its_documents(bundled):
    documents = bundled.table("documents", columns=["doc_id", "outlet", "published", "text"])
    computed = comparison.quotes(documents, bundled.mentions, bundled.reference.lexicon)
    stored = selection.claims_of(bundled.quotes, documents)[computed.columns]
    assert len(stored) > 10
    pd.testing.assert_frame_equal(stored, computed, check_dtype=False)
