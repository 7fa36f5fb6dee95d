"""Results: vote shares, turnout, seats, thresholds, registered voters, parties contesting."""
from __future__ import annotations

import datetime as dt

import pytest
from claims_fakes import FakeReference

from kzresearch.claims import DocContext, extract_results

REF = FakeReference()
CTX = {
    "2021": ("2021-01-10-parliamentary", "2021-01-11"),
    "2019": ("2019-06-09-presidential", "2019-06-10"),
    "2022": ("2022-11-20-presidential", "2022-11-21"),
    "2023": ("2023-03-19-parliamentary", "2023-03-20"),
    "2012": ("2012-01-15-parliamentary", "2012-01-17"),
}


def results(text: str, when: str = "2021") -> list[dict]:
    election, published = CTX[when]
    return extract_results(text, DocContext("doc", election, dt.date.fromisoformat(published)), REF)


CASES = [
    ("The ruling Nur Otan party won almost 72 percent of the vote.", "2021",
     [dict(subject="Nur Otan", measure="vote_share", value=72, qualifier="approx", election_id="2021-01-10-parliamentary")]),
    ("Tokayev received 70.8 per cent of the vote and his nearest challenger, Amirzhan Kosanov, received 16.2 per cent.", "2019",
     [dict(subject="Kassym-Jomart Tokayev", value=70.8, qualifier="exact"), dict(subject="Amirzhan Kosanov", value=16.2)]),
    ("Tokayev won 81,31% of the vote, the CEC said.", "2022",
     [dict(subject="Kassym-Jomart Tokayev", measure="vote_share", value=81.31)]),
    ("Amanat won 53.9 percent of the party-list vote and turnout stood at 54.19 percent.", "2023",
     [dict(subject="Nur Otan", measure="vote_share", value=53.9), dict(subject="turnout", measure="turnout", value=54.19)]),
    ("Election officials said that turnout was slightly above 63 percent.", "2021",
     [dict(subject="turnout", measure="turnout", value=63, qualifier="more_than", scope=None)]),
    ("The lowest turnout -- about 30 percent -- was recorded in Almaty.", "2021",
     [dict(measure="turnout", value=30, qualifier="approx", scope="Almaty")]),
    ("The highest turnout was in North Kazakhstan Province, where some 75.5 percent of the voters cast their ballots.", "2021",
     [dict(measure="turnout", value=75.5, qualifier="approx", scope="North Kazakhstan Region")]),
    ("Two other parties cleared the 7 percent threshold needed to enter parliament.", "2021",
     [dict(subject="threshold", measure="threshold", value=7)]),
    ("Nur Otan controlled 84 of the 107 seats in the outgoing Mazhilis.", "2021",
     [dict(subject="Nur Otan", measure="seats", value=84, of=107, election_id="2016-03-20-parliamentary")]),
    ("The elections will decide 98 of 107 seats in the Mazhilis.", "2021",
     [dict(subject="seats contested", measure="seats_contested", value=98, of=107)]),
    ("Nazarbayev won 98 per cent of the vote, where turnout was 95 per cent, in his last election.", "2019",
     [dict(subject="Nursultan Nazarbayev", value=98, election_id="2015-04-26-presidential"),
      dict(measure="turnout", value=95, election_id="2015-04-26-presidential")]),
    ("In 2015, Nazarbayev took 97.7 percent of the vote.", "2019",
     [dict(value=97.7, election_id="2015-04-26-presidential")]),
    ("Protesters said the vote was a sham for the country's 12 million registered voters.", "2019",
     [dict(subject="registered voters", measure="registered_voters", value=12_000_000)]),
    ("Five parties contested the election.", "2021",
     [dict(subject="parties", measure="parties_contesting", value=5)]),
    ("It was the only opposition choice among seven parties on the ballot.", "2012",
     [dict(measure="parties_contesting", value=7)]),
    ("Tuyakbai co-chairs the OSDP. It received 1.7 percent of the vote.", "2012",
     [dict(subject="All-National Social Democratic Party", measure="vote_share", value=1.7)]),
    ("Exit polls showed Nour Otan ahead. The first results suggested it had secured nearly 72 per cent of the vote.", "2021",
     [dict(subject="Nur Otan", value=72, qualifier="approx")]),
    # --- nothing ------------------------------------------------------------------------------
    ("Inflation reached 8.4 percent last year.", "2021", []),
    ("Two parties will join Nur Otan in parliament for the first time in 20 years.", "2012", []),
    ("About 40 percent of Kazakhstan's population is under 25.", "2021", []),
    ("The ruling party, in power since 1999, has 800,000 members.", "2021", []),
]


@pytest.mark.parametrize("text,when,expected", CASES, ids=[c[0][:50] for c in CASES])
def test_sentence_table(text, when, expected):
    rows = results(text, when)
    assert len(rows) == len(expected), [r["phrase"] for r in rows]
    for row, want in zip(rows, expected):
        assert {k: row[k] for k in want} == want, row["phrase"]


def test_spans_are_verbatim():
    text = "Intro.\nTurnout was 95 per cent."
    (row,) = results(text, "2019")
    assert text[row["start"]:row["end"]] == row["phrase"] == "Turnout was 95 per cent"
