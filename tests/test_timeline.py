"""Timeline helpers: filters, article placement, stages of a count, reported against official."""
import datetime as dt

import pandas as pd
import pytest

from kzresearch import timeline
from kzresearch.reference import load_reference


def test_elections_in_filters_by_kind_and_period():
    ref = load_reference()
    e = timeline.elections_in(ref.elections, kinds=["presidential"], period_start="2019", period_end="2022")
    assert e["election_id"].tolist() == ["2019-06-09-presidential", "2022-11-20-presidential"]
    assert len(timeline.elections_in(ref.elections)) == len(ref.elections)


def test_events_in_period():
    ev = timeline.events_in(load_reference().events, period_start="2019-06", period_end="2019-06")
    assert "2019-06-09-election-protests-2019" in ev["event_id"].tolist()


def test_article_dates_span_the_precision():
    docs = pd.DataFrame({"doc_id": ["a", "b", "c"], "outlet": ["X"] * 3, "title": ["t"] * 3,
                         "published": ["2019", "2021-01-10", None], "published_precision": ["year", "day", "none"],
                         "published_evidence": ["", "", ""], "election_id": [None] * 3})
    a = timeline.article_dates(docs).set_index("doc_id")
    assert a.loc["a", "date_low"] == dt.date(2019, 1, 1) and a.loc["a", "date_high"] == dt.date(2019, 12, 31)
    assert a.loc["b", "date"] == dt.date(2021, 1, 10)
    assert a.index.tolist() == ["a", "b", "c"]  # undated last


@pytest.mark.parametrize(
    ("sentence", "stage"),
    [("According to exit polls, Nur Otan won 71 percent.", "exit poll"),
     ("The first results suggested it had secured nearly 72 per cent of the vote.", "preliminary"),
     ("Final results gave Tokayev 70.96 percent.", "final"),
     ("He won 98 per cent of the vote in 2015.", "unstated")],
)
def test_result_stage(sentence, stage):
    assert timeline.result_stage(sentence) == stage


def test_reported_results_beside_official_with_sentence_and_stage():
    text = "Polls closed. The first results suggested Nur Otan had secured nearly 72 per cent of the vote."
    start = text.index("nearly")
    results = pd.DataFrame({"doc_id": ["a"], "start": [start], "end": [start + 20], "phrase": ["nearly 72 per cent"],
                            "subject": ["Nur Otan"], "measure": ["vote_share"], "value": [72.0], "of": [None],
                            "qualifier": ["approx"], "scope": [None], "election_id": ["2021-01-10-parliamentary"],
                            "outlet": ["Euronews"], "published": ["2021-01-10"]})
    docs = pd.DataFrame({"doc_id": ["a"], "text": [text]})
    r = timeline.reported_results(results, docs, load_reference().official_results)
    row = r.iloc[0]
    assert row.official == pytest.approx(71.09)
    assert row.difference == pytest.approx(0.91)
    assert row.stage == "preliminary"
    assert row.sentence.startswith("The first results")


def test_reported_results_of_nothing():
    empty = pd.DataFrame(columns=["doc_id", "start", "end"])
    assert timeline.reported_results(empty, pd.DataFrame({"doc_id": [], "text": []}), load_reference().official_results).empty


def test_days_after():
    days = timeline.days_after(pd.Series(["2019-06-14", "2019-06-09", "2019"]), dt.date(2019, 6, 9))
    assert days.tolist()[:2] == [5.0, 0.0] and pd.isna(days.iloc[2])
