"""Results: vote shares, turnout, seats, thresholds, registered voters, parties contesting."""
from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from claims_fakes import FakeReference, assert_rows

from kzresearch.claims import DocContext, extract_results

REF = FakeReference()
CTX = {
    "2021": ("2021-01-10-parliamentary", "2021-01-11"),
    "2019": ("2019-06-09-presidential", "2019-06-10"),
    "2022": ("2022-11-20-presidential", "2022-11-21"),
    "2023": ("2023-03-19-parliamentary", "2023-03-20"),
    "2012": ("2012-01-15-parliamentary", "2012-01-17"),
    "none2016": (None, "2016-05-20"),
    "2015": ("2015-04-26-presidential", "2015-04-27"),
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
    # a space before the sign (French and much European style); passive and informal verbs
    ("Nur Otan won 71.09 % of the vote.", "2021", [dict(subject="Nur Otan", measure="vote_share", value=71.09)]),
    ("Nur Otan was backed by 71.09 percent of voters.", "2021", [dict(subject="Nur Otan", measure="vote_share", value=71.09)]),
    ("Tokayev scooped 70.96 percent of the vote.", "2019", [dict(subject="Kassym-Jomart Tokayev", value=70.96)]),
    # --- nothing ------------------------------------------------------------------------------
    ("Inflation reached 8.4 percent last year.", "2021", []),
    ("Two parties will join Nur Otan in parliament for the first time in 20 years.", "2012", []),
    ("About 40 percent of Kazakhstan's population is under 25.", "2021", []),
    ("The ruling party, in power since 1999, has 800,000 members.", "2021", []),
]


@pytest.mark.parametrize("text,when,expected", CASES, ids=[c[0][:50] for c in CASES])
def test_sentence_table(text, when, expected):
    assert_rows(results(text, when), expected)


def test_spans_are_verbatim():
    text = "Intro.\nTurnout was 95 per cent."
    (row,) = results(text, "2019")
    assert text[row["start"]:row["end"]] == row["phrase"] == "Turnout was 95 per cent"


# --- generality: frames, subjects and elections (sentences written for these tests) -------------
GENERAL = [
    # "more than" qualifies the figure: the year before it still dates it
    ("In 2015 Nazarbayev won more than 97 percent of the vote.", "2019",
     [dict(value=97, qualifier="more_than", election_id="2015-04-26-presidential")]),
    # "now holds" is the new parliament, not the previous one
    ("Nur Otan now holds 76 of the 98 seats after Sunday's vote.", "2021",
     [dict(measure="seats", value=76, election_id="2021-01-10-parliamentary")]),
    # "X came second with N", "X with N and Y with M", "X (N percent)", "X N percent", "N% for X"
    ("Kosanov came a distant second with 12.5 percent.", "2019",
     [dict(subject="Amirzhan Kosanov", measure="vote_share", value=12.5)]),
    ("Two smaller parties, Ak Zhol with 8.1% and the OSDP with 5.3%, also entered parliament.", "2021",
     [dict(subject="Ak Zhol", value=8.1), dict(subject="All-National Social Democratic Party", value=5.3)]),
    ("Nur Otan led, ahead of Ak Zhol (9.4 percent) and the Social Democratic Party (6.2 percent).", "2021",
     [dict(subject="Ak Zhol", value=9.4), dict(subject="All-National Social Democratic Party", value=6.2)]),
    ("Tokayev received 79.2 percent and Kosanov 11.6 percent.", "2022",
     [dict(subject="Kassym-Jomart Tokayev", value=79.2), dict(subject="Kassym-Jomart Tokayev", value=11.6)][:1]
     + [dict(subject="Amirzhan Kosanov", value=11.6)]),
    # a name in an apposition is not the subject; an office names the election's winner
    ("Nur Otan, chaired by Nazarbayev, took 74 percent of the vote.", "2021", [dict(subject="Nur Otan", value=74)]),
    ("The incumbent secured another term with 81 percent of the vote.", "2022",
     [dict(subject="Kassym-Jomart Tokayev", value=81, election_id="2022-11-20-presidential")]),
    # the subject after the figure; a possessive share
    ("The result fell short of the 97 percent Nazarbayev won in 2015.", "2019",
     [dict(subject="Nursultan Nazarbayev", value=97, election_id="2015-04-26-presidential")]),
    ("Ak Zhol's share of the vote was revised from the preliminary 8,3%.", "2021", [dict(subject="Ak Zhol", value=8.3)]),
    # a negated bound is not a result
    ("None of the other four candidates won more than 3 percent.", "2022", []),
    # turnout continued by later figures, a year dating only its own stretch, regional scope
    ("Turnout was 61.2 percent, up from the preliminary 60.9 percent but below the 77.5 percent recorded in 2019.", "2022",
     [dict(measure="turnout", value=61.2, election_id="2022-11-20-presidential"),
      dict(measure="turnout", value=60.9, election_id="2022-11-20-presidential"),
      dict(measure="turnout", value=77.5, election_id="2019-06-09-presidential")]),
    # ... but not by a figure someone was elected with
    ("Nur Otan won on a turnout of 77.12 percent, and a year after, the president was re-elected with 97.7 percent.", "2023",
     [dict(measure="turnout", value=77.12)]),
    ("In Shymkent turnout was about 48 percent, and in Aktau just over 55 percent.", "2023",
     [dict(measure="turnout", value=48, qualifier="approx", scope="Shymkent"),
      dict(measure="turnout", value=55, qualifier="more_than", scope="Aktau")]),
    ("The commission chairman told a briefing in Astana that turnout was 58 percent.", "2023",
     [dict(measure="turnout", value=58, scope=None)]),
    # "N seats each", a seat count with its subject after it in a back-referencing stretch
    ("Nur Otan will have 76 seats, while Ak Zhol and the OSDP will have 6 seats each.", "2021",
     [dict(subject="Nur Otan", value=76), dict(subject="Ak Zhol", value=6), dict(subject="All-National Social Democratic Party", value=6)]),
    ("Amanat will control 62 of the 98 seats, fewer than the 84 seats Nur Otan held in the outgoing chamber.", "2023",
     [dict(subject="Nur Otan", value=62, of=98, election_id="2023-03-19-parliamentary"),
      dict(subject="Nur Otan", value=84, election_id="2021-01-10-parliamentary")]),
    # a candidate's share in an article about a parliamentary election belongs to a presidential one
    ("The vote came a year after Tokayev was re-elected with 81.3 per cent of the vote.", "2023",
     [dict(subject="Kassym-Jomart Tokayev", election_id="2022-11-20-presidential")]),
    # a bar to clear
    ("Turnout was 61%, above the 50% needed for the result to stand.", "2021",
     [dict(measure="turnout", value=61), dict(measure="threshold", value=50)]),
]


@pytest.mark.parametrize("text,when,expected", GENERAL, ids=[c[0][:50] for c in GENERAL])
def test_general_frames(text, when, expected):
    assert_rows(results(text, when), expected)


def test_referendum_yes_share_follows_the_reference_winner_convention():
    ctx = DocContext("doc", "2022-06-05-referendum", dt.date(2022, 6, 6))
    ref = FakeReference()
    ref.elections = pd.concat([ref.elections, pd.DataFrame(
        [("1995-08-30-referendum", dt.date(1995, 8, 30), "referendum", "Yes"),
         ("2022-06-05-referendum", dt.date(2022, 6, 5), "referendum", "Yes")],
        columns=["election_id", "date", "kind", "winner"])]).sort_values("date", ignore_index=True)
    text = ("Voters approved the changes, with 74.1% voting in favour. Turnout was 65%. "
            "The 1995 constitution was adopted in a referendum in 1995, when some 89 percent of voters backed it.")
    rows = extract_results(text, ctx, ref)
    assert [(r["subject"], r["value"], r["qualifier"], r["election_id"]) for r in rows] == [
        ("Yes", 74.1, "exact", "2022-06-05-referendum"), ("turnout", 65.0, "exact", "2022-06-05-referendum"),
        ("Yes", 89.0, "approx", "1995-08-30-referendum")]


# --- classes found on unseen outlets (sentences written for these tests) ---------------------
CLASSES = [
    # a turnout word further back still governs a figure after a copula; the electorate is not a row
    ("Turnout among the 11.2 million eligible voters was 68 percent.", "2021", [dict(measure="turnout", value=68)]),
    # "N percent of voters (in the city) had backed X": X's share
    ("Some 64 percent of voters in the city had backed Ak Zhol.", "2021",
     [dict(subject="Ak Zhol", measure="vote_share", value=64, qualifier="approx")]),
    # an election named by month and year
    ("Tokayev first won in June 2019 with 70.9 percent of the vote.", "2022",
     [dict(subject="Kassym-Jomart Tokayev", value=70.9, election_id="2019-06-09-presidential")]),
    # the party named by its leader, in a parliamentary election: the election's winner
    ("The party of President Tokayev won 60 percent of the vote.", "2023",
     [dict(subject="Nur Otan", value=60, election_id="2023-03-19-parliamentary")]),
    # a party noun between the name and its share
    ("Ak Zhol took 9 percent, and the pro-business OSDP bloc 6.5 percent.", "2021",
     [dict(subject="Ak Zhol", value=9), dict(subject="All-National Social Democratic Party", value=6.5)]),
    # seat counts that leave out "seats"
    ("The parties will share the 12 seats, with Nur Otan taking eight of the 12.", "2021",
     [dict(subject="Nur Otan", measure="seats", value=8, of=12)]),
    ("Nur Otan will have 70 seats and Ak Zhol 14.", "2021",
     [dict(subject="Nur Otan", value=70), dict(subject="Ak Zhol", measure="seats", value=14)]),
    # a cue in the opening adverbial dates every stretch of the sentence
    ("In the outgoing chamber, Nur Otan held 84 seats, while Ak Zhol had seven deputies.", "2021",
     [dict(subject="Nur Otan", value=84, election_id="2016-03-20-parliamentary"),
      dict(subject="Ak Zhol", value=7, election_id="2016-03-20-parliamentary")]),
    # an article about no election: a party's share belongs to the last parliamentary election
    ("Weeks earlier the ruling Nur Otan party had won 82 percent of the vote.", "none2016",
     [dict(subject="Nur Otan", value=82, election_id="2016-03-20-parliamentary")]),
]


@pytest.mark.parametrize("text,when,expected", CLASSES, ids=[c[0][:50] for c in CLASSES])
def test_general_classes(text, when, expected):
    assert_rows(results(text, when), expected)


def test_yes_share_of_a_referendum_quoted_in_another_election():
    ref = FakeReference()
    ref.elections = pd.concat([ref.elections, pd.DataFrame(
        [("2022-06-05-referendum", dt.date(2022, 6, 5), "referendum", "Yes")],
        columns=["election_id", "date", "kind", "winner"])]).sort_values("date", ignore_index=True)
    text = "The term limit was set in a referendum in June. In that vote, 77.2 percent of voters backed the changes."
    rows = extract_results(text, DocContext("doc", "2022-11-20-presidential", dt.date(2022, 11, 21)), ref)
    assert [(r["subject"], r["value"], r["election_id"]) for r in rows] == [("Yes", 77.2, "2022-06-05-referendum")]
    text = "Of the 5,000,000 who voted, 4,100,000, or 82.0%, voted in favour."
    rows = extract_results(text, DocContext("doc", "2022-06-05-referendum", dt.date(2022, 6, 6)), ref)
    assert [(r["subject"], r["value"]) for r in rows] == [("Yes", 82.0)]


@pytest.mark.parametrize("text,expected", [
    # "that election" points to the one the previous sentence dates
    ("Turnout was lowest at the Mazhilis election of January 10, 2021. At that election, Nur Otan won 71.09 percent.",
     "2021-01-10-parliamentary"),
    ("Turnout was low in 2021. Amanat won 53.9 percent at the same election, the CEC said.", "2021-01-10-parliamentary"),
    ("The parliamentary vote was held in January 2021. Nur Otan won 71.1 percent on that occasion.",
     "2021-01-10-parliamentary"),
    # without a dated sentence before it, the article's own election
    ("Turnout was low. At that election, Amanat won 53.9 percent.", "2023-03-19-parliamentary"),
])
def test_that_election_takes_the_previous_sentences_date(text, expected):
    rows = [r for r in results(text, "2023") if r["measure"] == "vote_share"]
    assert [r["election_id"] for r in rows] == [expected]


def test_the_sentence_keywords_hide_no_result():
    # The same rows with the cheap sentence test switched off (every sentence has a letter).
    import copy

    from kzresearch.claims.results import frames

    everything = FakeReference()
    everything.lexicon = copy.deepcopy(everything.lexicon)
    everything.lexicon["results"]["sentence_keywords"] = list("abcdefghijklmnopqrstuvwxyz")
    assert frames(everything.lexicon).prefilter.search("no keyword here")
    for text, when, _ in CASES:
        election, published = CTX[when]
        ctx = DocContext("doc", election, dt.date.fromisoformat(published))
        assert extract_results(text, ctx, everything) == extract_results(text, ctx, REF), text


def test_a_lexicon_without_sentence_keywords_tries_every_sentence():
    import copy

    older = FakeReference()
    older.lexicon = copy.deepcopy(older.lexicon)
    del older.lexicon["results"]["sentence_keywords"]
    for text, when, _ in CASES:
        election, published = CTX[when]
        ctx = DocContext("doc", election, dt.date.fromisoformat(published))
        assert extract_results(text, ctx, older) == extract_results(text, ctx, REF), text


def test_segment_breaks_are_whole_words():
    from kzresearch.claims.results import frames
    from kzresearch.patterns import fold_case

    breaks = frames(REF.lexicon).breaks  # searches folded text
    for inside in ["Ballots were distributed", "rather than these", "more than inflation", "Meanwhile"]:
        assert not breaks.search(fold_case(inside)), inside
    for between in ["54 percent, BUT 63 percent in 2021", "higher than 63 percent", "While 40 percent"]:
        assert breaks.search(fold_case(between)), between


def _referendum_ctx() -> tuple[DocContext, FakeReference]:
    ref = FakeReference()
    ref.elections = pd.concat([ref.elections, pd.DataFrame(
        [("2022-06-05-referendum", dt.date(2022, 6, 5), "referendum", "Yes")],
        columns=["election_id", "date", "kind", "winner"])]).sort_values("date", ignore_index=True)
    return DocContext("doc", "2022-06-05-referendum", dt.date(2022, 6, 6)), ref


@pytest.mark.parametrize(
    "text, expected",
    [
        ("About 71% of those who cast ballots in Sunday's plebiscite backed the changes.", [("Yes", 71.0)]),
        ("77.18 percent of those who took part in the vote, or 6,163,863 people, supported the amendments.", [("Yes", 77.18)]),
        ("71.12% of those who took part in the Oct. 6 referendum voted in favor of the plant.", [("Yes", 71.12)]),  # a word ending in a dot
        ("Some 5.56 million people voted yes, or 71.12%, while 26.15% were against.", [("Yes", 71.12), ("No", 26.15)]),
        ("The chairman said 77.18 per cent had voted yes, with 18.66 per cent against.", [("Yes", 77.18), ("No", 18.66)]),
        ("Against the changes were 18.66 percent of participants.", [("No", 18.66)]),
        ("The amendments were approved in a referendum with 77.18% of the vote.", [("Yes", 77.18)]),
        ("In total, 11,734,642 citizens were entitled to take part.", [("registered voters", 11734642)]),
        ("The amendments passed with 77.18 percent of the vote.", [("Yes", 77.18)]),
        ("About 79 percent of participants backed the changes, with 19.5 percent against.", [("Yes", 79.0), ("No", 19.5)]),
        ("Close to 11 million people were registered to vote.", [("registered voters", 11000000)]),
        ("Turnout stood at 62%, with 7.4 million out of 11,953,465 who were eligible casting ballots.",
         [("turnout", 62.0), ("registered voters", 11953465)]),
        # a list of regional turnouts after a sentence about participation
        ("Participation varied by region. Mangistau region reported 61.19 percent, then Shymkent with 72.53 percent.",
         [("turnout", 61.19, "Mangystau Region"), ("turnout", 72.53, "Shymkent")]),
    ],
)
def test_referendum_shares_registered_voters_and_turnout_lists(text, expected):
    ctx, ref = _referendum_ctx()
    rows = extract_results(text, ctx, ref)
    got = [(r["subject"], r["value"], r["scope"]) if len(e) == 3 else (r["subject"], r["value"]) for r, e in zip(rows, expected)]
    assert got == expected and len(rows) == len(expected)


def test_an_aside_that_is_only_the_name_keeps_it():
    rows = results("Backed by Nursultan Nazarbayev, the interim president \u2014 Kassym-Jomart Tokayev \u2014 won 70.8 percent.", "2019")
    assert [r["subject"] for r in rows] == ["Kassym-Jomart Tokayev"]
    rows = results("Nur Otan, the ruling party \u2014 founded by Nazarbayev \u2014 won 71 percent.", "2021")
    assert [r["subject"] for r in rows] == ["Nur Otan"]


def test_regional_turnouts_after_it_was():
    rows = results("Turnout was 77.4 percent. In Almaty it was 42 percent and in Nur-Sultan 59 percent.", "2021")
    assert [(r["value"], r["scope"]) for r in rows] == [(77.4, None), (42.0, "Almaty"), (59.0, "Nur-Sultan")]


def test_a_name_in_an_aside_between_dashes_is_not_the_subject():
    rows = results("Amanat \u2014 the renamed party founded by former President Nursultan Nazarbayev \u2014 secured 53.9% "
                   "of the party-list vote.", "2023")
    assert [(r["subject"], r["election_id"]) for r in rows] == [("Nur Otan", "2023-03-19-parliamentary")]


def test_a_comparison_dates_only_its_own_figure():
    rows = results("Voter participation came to 54.19%, well below the 63% recorded in 2021.", "2023")
    assert [(r["value"], r["election_id"]) for r in rows] == [(54.19, "2023-03-19-parliamentary"), (63.0, "2021-01-10-parliamentary")]


@pytest.mark.parametrize(
    "text",
    [
        "Unemployment in Mangistau region is 12 percent, officials said.",
        "In Almaty, 40 percent of households lack clean water.",
        "Prices in Almaty rose 20 percent last year.",
        "The central bank approved a loan to farmers with 5% interest.",
        "The bill was passed by 55 percent of lawmakers.",
        "Of the 3,000 prisoners, 500 who were eligible for amnesty were released before the vote.",
        "Inflation in Almaty stood at 8.4 percent last year.",
        "The poverty rate in Shymkent was 12 percent, officials said.",
        "Before the referendum, parliament passed the draft with 90 percent approval from deputies.",
        "The highest support for the plant was recorded in Mangistau region at 82.5 percent.",
    ],
)
def test_percentages_near_a_place_or_an_approval_are_not_results(text):
    ctx, ref = _referendum_ctx()
    head = "Turnout was 69.4 percent. "
    rows = extract_results(head + text, ctx, ref)
    assert [(r["subject"], r["value"]) for r in rows] == [("turnout", 69.4)], text


def test_respectively_gives_the_figures_to_the_names_in_order():
    rows = results("Kassym-Jomart Tokayev and Amirzhan Kosanov took 70.96% and 16.23% respectively.", "2019")
    assert [(r["subject"], r["value"]) for r in rows] == [("Kassym-Jomart Tokayev", 70.96), ("Amirzhan Kosanov", 16.23)]


def test_a_poll_figure_is_no_vote_share():
    assert results("Tokayev was supported by 62 percent of respondents in the survey.", "2019") == []


def test_regional_turnouts_in_a_list():
    rows = results("Turnout was 89.9 percent. In Shymkent it was 93% and in Mangistau region 94%.", "2021")
    assert [(r["value"], r["scope"]) for r in rows] == [(89.9, None), (93.0, "Shymkent"), (94.0, "Mangystau Region")]


def test_a_turnout_word_after_the_figure_is_inside_the_phrase():
    rows = results("Shymkent reported 68.1 percent participation.", "2021")
    assert [(r["phrase"], r["measure"]) for r in rows] == [("68.1 percent participation", "turnout")]


def test_the_chamber_size_is_the_whole_of_a_seat_count():
    rows = results("Nur Otan secured 76 seats in the 107-seat Mazhilis.", "2021")
    assert [(r["subject"], r["value"], r["of"]) for r in rows] == [("Nur Otan", 76, 107)]
    rows = results("Nur Otan secured 76 seats in the then 107-seat Mazhilis.", "2021")
    assert [(r["subject"], r["value"], r["of"]) for r in rows] == [("Nur Otan", 76, 107)]


@pytest.mark.parametrize("text, expected", [
    ("Ak Zhol won just one seat.", [("Ak Zhol", 1)]),
    ("Nur Otan won 76 SEATS.", [("Nur Otan", 76)]),
    ("Ak Zhol won two seat majorities in the councils.", []),  # a singular word counts one seat only
])
def test_a_singular_seat_is_one(text, expected):
    assert [(r["subject"], r["value"]) for r in results(text, "2021") if r["measure"] == "seats"] == expected


@pytest.mark.parametrize("text", [
    "Nur Otan, which was formed when the Otan party absorbed Asar, led by a daughter of the president, thus takes all 98 seats.",
    "Nur Otan, which absorbed Asar, Otan and the Civic Party, won 88 percent.",
    "Nur Otan, the ruling party that Nazarbayev founded and which took 71 percent in 2021, renamed itself.",
])
def test_a_long_relative_clause_leaves_the_figure_to_the_name_it_hangs_on(text):
    assert {r["subject"] for r in results(text, "2021")} == {"Nur Otan"}


@pytest.mark.parametrize(
    "text, expected",
    [
        # A share after a threshold belongs to the party named before the threshold.
        ("Ak Zhol scraped past the 7 per cent threshold with 7.4 per cent.", [("threshold", 7.0), ("Ak Zhol", 7.4)]),
        # In a parliamentary election the party, not the person it is named by, has the share; and
        # "former Mazhilis speaker" points to no earlier election.
        ("The OSDP of former Mazhilis speaker Kosanov finished second with 4.5 percent.", [("All-National Social Democratic Party", 4.5)]),
        ("Ak Zhol gathered 3.1 percent, while the OSDP mustered 1.6 percent.",
         [("Ak Zhol", 3.1), ("All-National Social Democratic Party", 1.6)]),
        ("Nur Otan won 61 of the then 77 seats.", [("Nur Otan", 61)]),
    ],
)
def test_shares_after_a_threshold_and_parties_in_a_parliamentary_election(text, expected):
    rows = results(text, "2012")
    assert [(r["subject"], r["value"]) for r in rows] == expected
    assert all(r["election_id"] == "2012-01-15-parliamentary" for r in rows)


def test_coordinated_shares_take_the_subject_and_their_own_year():
    rows = results("Nazarbayev won 97.7% in 2015, on turnout of almost 95%, and 95.5% in 2011.", "2019")
    assert [(r["subject"], r["value"], r["election_id"][:4]) for r in rows] == [
        ("Nursultan Nazarbayev", 97.7, "2015"), ("turnout", 95, "2015"), ("Nursultan Nazarbayev", 95.5, "2011")]
    rows = results("Turnout was 63 percent, and 66 percent in 2016.", "2021")
    assert [r["election_id"][:4] for r in rows] == ["2021", "2016"]


def test_a_part_of_something_else_is_no_share_and_the_party_points_back():
    assert results("Kazakhstan, which sits on about three percent of the world's oil reserves, has drawn investment, "
                   "and Nazarbayev won.", "2019") == []
    rows = results("The count had given Nur Otan 80 percent, less than in 2007, when the party took 88 percent.", "2012")
    assert [(r["subject"], r["value"]) for r in rows] == [("Nur Otan", 80), ("Nur Otan", 88)]


def test_answered_yes_and_a_quoted_no():
    ctx, ref = _referendum_ctx()
    rows = extract_results('Of those who took part, 80.1 percent answered "yes". Fewer than 5 percent voted "no", officials said.', ctx, ref)
    assert [(r["subject"], r["value"], r["phrase"].split()[-1]) for r in rows] == [("Yes", 80.1, '"yes"'), ("No", 5, '"no"')]


def test_a_party_named_after_its_candidate_is_no_back_reference():
    from kzresearch.claims.results import _PRONOUN

    assert _PRONOUN.search("Gani Kasymov of the Party of Patriots ") is None  # a name, not "the party"
    assert _PRONOUN.search("less than in 2007, when the party ").group("the") == "the party"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Nearly 77.2% of Kazakh voters backed the amendments.", [("Yes", 77.2)]),
        ("77.18% of voters who took part voted in favour, while 18.66% voted against.", [("Yes", 77.18), ("No", 18.66)]),
        ("The constitution was approved by 89.14 percent of the citizens who took part.", [("Yes", 89.14)]),
    ],
)
def test_a_referendum_side_comes_before_a_turnout_frame(text, expected):
    ctx, ref = _referendum_ctx()
    assert [(r["subject"], r["value"]) for r in extract_results(text, ctx, ref)] == expected


def test_opinion_polls_are_no_results_but_exit_polls_are_read():
    assert results("A survey by a local centre gave Nur Otan 49% and Ak Zhol 12%.", "2021") == []
    rows = results("Nur Otan won almost 72 percent, according to an exit poll by a local pollster.", "2021")
    assert [(r["subject"], r["value"]) for r in rows] == [("Nur Otan", 72)]


def test_lists_against_all_relative_clauses_and_decimal_shares():
    rows = results("Results by party list:\n- Nur Otan - 71.1%\n- Ak Zhol - 10.9%\n- Against all - 3.9%\nTurnout was low.", "2021")
    assert [(r["subject"], r["value"]) for r in rows] == [("Nur Otan", 71.1), ("Ak Zhol", 10.9), ("against all", 3.9)]
    rows = results("Tokayev, who took over from Nursultan Nazarbayev and was elected in June with nearly 71 percent "
                   "of the vote, promised reforms.", "2022")
    assert [(r["subject"], r["value"]) for r in rows] == [("Kassym-Jomart Tokayev", 71)]
    rows = results("Nur Otan won 71.09% and 76 seats, while Ak Zhol received 10.95% and the OSDP 9.1%.", "2021")
    assert [(r["subject"], r["measure"], r["value"]) for r in rows][-1] == ("All-National Social Democratic Party", "vote_share", 9.1)
    assert not any(r["measure"] == "seats" and r["value"] == 9 for r in rows)


def test_the_party_after_two_parties_is_neither():
    rows = results("Ak Zhol and the OSDP followed. The party took 7.5 percent.", "2012")
    assert rows == []


@pytest.mark.parametrize(
    "text, when, expected",
    [
        ("Nur Otan won 71 percent, and 10 percent of ballots were spoiled.", "2021", [("Nur Otan", 71)]),
        ("Kosanov, who is an opposition figure, said Tokayev won 71 percent.", "2019", [("Kassym-Jomart Tokayev", 71)]),
        ("Kosanov campaigned against all corruption and won with 16 percent.", "2019", [("Amirzhan Kosanov", 16)]),
        ("Under Tokayev, inflation fell to 8 percent.", "2019", []),
        ("Official results of the poll showed Tokayev won 70.96 percent of the vote.", "2019", [("Kassym-Jomart Tokayev", 70.96)]),
        ("Tokayev won 70.96 percent of the vote, more than pre-election surveys had predicted.", "2019",
         [("Kassym-Jomart Tokayev", 70.96)]),
    ],
)
def test_review_cases_for_results(text, when, expected):
    assert [(r["subject"], r["value"]) for r in results(text, when)] == expected


def test_a_denied_yes_and_a_surveyed_referendum_are_no_shares():
    ctx, ref = _referendum_ctx()
    assert extract_results("About 30 percent of voters were not in favour of the changes.", ctx, ref) == []
    assert extract_results("A survey before the referendum found 60 percent of citizens backed the amendments.", ctx, ref) == []
    rows = extract_results("Of those who voted, 77.18 percent said yes and 18.66 percent said no.", ctx, ref)
    assert [(r["subject"], r["value"]) for r in rows] == [("Yes", 77.18), ("No", 18.66)]


@pytest.mark.parametrize("sentence,published,expected", [
    ("Nur Otan won 82.2 per cent in the parliamentary election held only two months ago.", "2016-05-23", "2016-03-20-parliamentary"),
    ("Nur Otan won 82.2 per cent in last month's parliamentary election.", "2016-04-10", "2016-03-20-parliamentary"),
    ("Nur Otan won 82.2 per cent in the parliamentary election in March.", "2016-05-23", "2016-03-20-parliamentary"),
    # a month after the month of publication is last year's
    ("Nazarbayev won 95.5 percent in the presidential vote in April.", "2012-01-20", "2011-04-03-presidential"),
])
def test_a_time_named_from_publication_dates_a_figure(sentence, published, expected):
    ref = FakeReference()
    rows = extract_results(sentence, DocContext("doc", None, dt.date.fromisoformat(published)), ref)
    share = [r for r in rows if r["measure"] == "vote_share"]
    assert [r["election_id"] for r in share] == [expected]


def test_a_month_beside_a_turnout_dates_it():
    # (a turnout is a vote's: the April before publication, not the vote the article looks forward to)
    rows = extract_results("Turnout in April was almost 90 percent, officials said.",
                           DocContext("doc", "2012-01-15-parliamentary", dt.date(2011, 12, 19)), FakeReference())
    assert [(r["measure"], r["election_id"]) for r in rows] == [("turnout", "2011-04-03-presidential")]


def test_a_month_beside_being_elected_dates_the_turnout_too():
    rows = extract_results("The president, who was re-elected in November with 81.3 percent on a turnout of 69.4 percent, "
                           "called the early vote.", DocContext("doc", "2023-03-19-parliamentary", dt.date(2023, 3, 20)),
                           FakeReference())
    assert [(r["measure"], r["election_id"]) for r in rows if r["measure"] == "turnout"] == [("turnout", "2022-11-20-presidential")]


def test_a_party_is_named_as_it_was_at_the_election(ref):
    # "Amanat" in a 2023 article; its 2021 share was won as Nur Otan, its 2004 one as Otan
    text = ("Amanat won 53.9 percent on Sunday. It had won 71.09 percent in January 2021. "
            "Nur Otan had won 60.6 percent in 2004.")
    rows = extract_results(text, DocContext("doc", "2023-03-19-parliamentary", dt.date(2023, 3, 20)), ref)
    shares = [(r["subject"], r["value"], r["election_id"]) for r in rows if r["measure"] == "vote_share"]
    assert shares == [("Amanat", 53.9, "2023-03-19-parliamentary"), ("Nur Otan", 71.09, "2021-01-10-parliamentary"),
                      ("Otan", 60.6, "2004-09-19-parliamentary")]


@pytest.mark.parametrize("text", [
    'Voters could also tick "against all" candidates, an option chosen by 5.8 percent.',
    '"Against all" was chosen by 5.8 percent of voters.',
    'The option "against all", which was new this year, drew 5.8 percent.',
])
def test_against_all_named_before_its_share(text):
    rows = extract_results(text, DocContext("doc", "2022-11-20-presidential", dt.date(2022, 11, 21)), REF)
    assert [(r["subject"], r["value"]) for r in rows] == [("against all", 5.8)]


@pytest.mark.parametrize("text", [
    "For the first time voters could tick 'against all', but Amanat, the ruling party, won 53.9 percent.",
    "The ballot included 'against all', and the ruling party, Amanat, won 53.9 percent.",
])
def test_a_party_after_against_all_keeps_its_share(ref, text):
    rows = extract_results(text, DocContext("doc", "2023-03-19-parliamentary", dt.date(2023, 3, 20)), ref)
    assert [(r["subject"], r["value"]) for r in rows] == [("Amanat", 53.9)]


def test_a_month_beside_no_vote_dates_no_figure(ref):
    text = "Turnout, which officials had forecast in June, was 69.4 percent."
    rows = extract_results(text, DocContext("doc", "2022-11-20-presidential", dt.date(2022, 11, 21)), ref)
    assert [r["election_id"] for r in rows] == ["2022-11-20-presidential"]


def test_a_year_in_a_relative_clause_dates_only_that_clause(ref):
    text = ("The People's Party of Kazakhstan took 6.8 per cent, and the Nationwide Social Democratic Party, "
            "which boycotted the 2021 vote, squeezed in with 5.2 per cent.")
    rows = extract_results(text, DocContext("doc", "2023-03-19-parliamentary", dt.date(2023, 3, 20)), ref)
    assert [(r["value"], r["election_id"]) for r in rows] == [(6.8, "2023-03-19-parliamentary"), (5.2, "2023-03-19-parliamentary")]
    text = "Amanat got 53.9 percent, down from Nur Otan, which won 71.09 percent in 2021."
    rows = extract_results(text, DocContext("doc", "2023-03-19-parliamentary", dt.date(2023, 3, 20)), ref)
    assert [(r["value"], r["election_id"]) for r in rows] == [(53.9, "2023-03-19-parliamentary"), (71.09, "2021-01-10-parliamentary")]


def test_a_relative_clause_after_a_partys_abbreviation_and_one_that_holds_a_figure(ref):
    ctx = DocContext("doc", "2023-03-19-parliamentary", dt.date(2023, 3, 28))
    text = ("The People's Party of Kazakhstan took 6.8%, and the National Social Democratic Party (OSDP), "
            "which boycotted the previous election, scraped in with 5.2%.")
    assert [(r["value"], r["election_id"]) for r in extract_results(text, ctx, ref)] == [
        (6.8, "2023-03-19-parliamentary"), (5.2, "2023-03-19-parliamentary")]
    # the figure after the clause is the party's the clause hangs on, not seats contested
    text = "Amanat, which took 40 list seats and most of the districts, will control 62 of the 98 seats."
    assert [(r["subject"], r["measure"], r["value"]) for r in extract_results(text, ctx, ref)] == [
        ("Amanat", "seats", 40), ("Amanat", "seats", 62)]


@pytest.mark.parametrize("text,expected", [
    # the vote counters' verb whose object is the candidate, and a series by year after it
    ("Measured against Nazarbayev's record, these are modest figures. The commission credited him with 79.78 per cent "
     "in 1999, 91.15 per cent in 2005 and 95.5 per cent in 2011.",
     [(79.78, "1999-01-10-presidential"), (91.15, "2005-12-04-presidential"), (95.5, "2011-04-03-presidential")]),
    # "his share" after a turnout is the person's share, not a second turnout
    ("Nazarbayev stood again. In the April 2015 election, in which the commission reported turnout of 95.22 per cent, "
     "his share rose to 97.7 per cent.", [(95.22, "2015-04-26-presidential"), (97.7, "2015-04-26-presidential")]),
])
def test_a_candidate_named_by_a_pronoun(text, expected, ref):
    rows = extract_results(text, DocContext("doc", "2019-06-09-presidential", dt.date(2019, 6, 19)), ref)
    assert [(r["value"], r["election_id"]) for r in rows] == expected
    assert [r["subject"] for r in rows if r["measure"] == "vote_share"] == ["Nursultan Nazarbayev"] * sum(r["measure"] == "vote_share" for r in rows)


def test_two_votes_of_a_kind_in_a_year_are_told_apart_by_the_official_figure(ref):
    text = ("The vote came almost two years early. His term had already been extended to December 2000 by a 1995 "
            "referendum in which, officials said, 95.46% of voters said yes. Gani Kasymov, the head of the customs "
            "committee, managed 4.61%.")
    rows = extract_results(text, DocContext("doc", "1999-01-10-presidential", dt.date(1999, 1, 25)), ref)
    assert [(r["subject"], r["value"], r["election_id"]) for r in rows] == [
        ("Yes", 95.46, "1995-04-29-referendum"), ("Gani Kasymov", 4.61, "1999-01-10-presidential")]


def test_no_figure_past_a_verb_of_saying_is_the_clauses_party_and_a_poll_by_someone_is_no_result(ref):
    ctx = DocContext("doc", "2023-03-19-parliamentary", dt.date(2023, 3, 28))
    rows = extract_results("Ak Zhol, which won 6 seats, complained that independents will hold only 29 of the 98 seats.", ctx, ref)
    assert ("Ak Zhol", 29.0) not in [(r["subject"], r["value"]) for r in rows]
    ctx = DocContext("doc", "2022-11-20-presidential", dt.date(2022, 11, 1))
    text = "Tokayev was the favourite. A poll by the Public Opinion Research Institute gave him 73 percent before the vote."
    assert extract_results(text, ctx, ref) == []


def test_a_pronouns_series_of_shares_by_year_and_a_hyphenated_threshold(ref):
    ctx = DocContext("doc", "2015-04-26-presidential", dt.date(2015, 4, 27))
    text = ("Nazarbayev, 74, has led Kazakhstan since 1989. He was elected with 98.7 percent in 1991, 79.78 percent in "
            "1999, 91.15 percent in 2005 and 95.5 percent in April 2011, when turnout was 89.9 percent.")
    assert [(r["subject"], r["value"], r["election_id"]) for r in extract_results(text, ctx, ref)] == [
        ("Nursultan Nazarbayev", 98.7, "1991-12-01-presidential"), ("Nursultan Nazarbayev", 79.78, "1999-01-10-presidential"),
        ("Nursultan Nazarbayev", 91.15, "2005-12-04-presidential"), ("Nursultan Nazarbayev", 95.5, "2011-04-03-presidential"),
        ("turnout", 89.9, "2011-04-03-presidential")]
    text = "Nazarbayev stood again. He was re-elected in 2011 with 95.5 percent of the vote."
    assert [(r["value"], r["election_id"]) for r in extract_results(text, ctx, ref)] == [(95.5, "2011-04-03-presidential")]
    ctx = DocContext("doc", "2021-01-10-parliamentary", dt.date(2021, 1, 11))
    text = ("The two other parties in the race, Auyl and Adal, fell short of the 7-percent threshold needed to enter "
            "parliament, winning 5.29 percent and 3.57 percent respectively.")
    assert [(r["subject"], r["value"]) for r in extract_results(text, ctx, ref)] == [("threshold", 7), ("Auyl", 5.29), ("Adal", 3.57)]


def test_an_opening_pronoun_is_the_subject_the_sentence_before_opened_with(ref):
    ctx = DocContext("doc", "2022-11-20-presidential", dt.date(2022, 11, 21))
    text = ("Tokayev, a career diplomat who was handpicked in 2019 by his predecessor Nursultan Nazarbayev, called the "
            "early vote in September. He was first elected in June 2019 with just under 71% of the vote.")
    assert [(r["subject"], r["election_id"]) for r in extract_results(text, ctx, ref)] == [
        ("Kassym-Jomart Tokayev", "2019-06-09-presidential")]


def test_elliptical_seats_share_the_stated_whole(ref):
    ctx = DocContext("doc", "2021-01-10-parliamentary", dt.date(2021, 1, 12))
    text = "Nur Otan will have 76 of the 98 seats filled from party lists, Ak Zhol 12 and the People's Party 10."
    rows = extract_results(text, ctx, ref)
    assert [(r["subject"], r["value"], r["of"]) for r in rows if r["measure"] == "seats"] == [
        ("Nur Otan", 76, 98), ("Ak Zhol", 12, 98), ("People's Party of Kazakhstan", 10, 98)]
    text = "Ak Zhol will have 12 seats and the People's Party 10."  # no whole stated: none inherited
    assert [r["of"] for r in extract_results(text, ctx, ref) if r["measure"] == "seats"] == [None, None]


@pytest.mark.parametrize("text,expected", [
    # a month of the year last written, in the sentence or the one before (a year with its month first)
    ("When Nazarbayev stepped down in March 2019 he handed power to Tokayev, who won a snap election that June with 70.96 per cent.",
     [("Kassym-Jomart Tokayev", "vote_share", 70.96, "2019-06-09-presidential")]),
    ("In April 1995, after the court annulled the 1994 vote, a referendum extended his term. In August the same year a second "
     "referendum adopted the constitution, backed by 90 per cent of those who voted on a turnout of 90.6 per cent.",
     [("Yes", "vote_share", 90, "1995-08-30-referendum"), ("turnout", "turnout", 90.6, "1995-08-30-referendum")]),
    # a share that turned out is a turnout; a pronoun before the figure, not a party after it, owns it
    ("Of the 9.96 million voters on the rolls, 88.2 per cent turned out.", [("turnout", "turnout", 88.2, "1991-12-01-presidential")]),
    ("Nazarbayev has led Kazakhstan since 1989. In 2005 he was re-elected with 91 percent, and his Nur Otan party holds every seat.",
     [("Nursultan Nazarbayev", "vote_share", 91, "2005-12-04-presidential")]),
])
def test_months_of_the_year_last_written_turnouts_and_pronouns(ref, text, expected):
    rows = extract_results(text, DocContext("doc", "1991-12-01-presidential", dt.date(2021, 12, 14)), ref)
    assert [(r["subject"], r["measure"], r["value"], r["election_id"]) for r in rows] == expected


@pytest.mark.parametrize("text,expected", [
    # a person named before by age; a pronoun far before "with"
    ("Nursultan Nazarbayev had been handed a fifth term. According to the commission, the 74-year-old won 97.7 percent of the vote.",
     [("Nursultan Nazarbayev", 97.7, "2015-04-26-presidential")]),
    ("Nursultan Nazarbayev called the vote. He won a fifth term in April last year with 97.7 percent of the vote.",
     [("Nursultan Nazarbayev", 97.7, "2015-04-26-presidential")]),
    # shares given "respectively" though no name stands right before a figure
    ("His two challengers \u2013 communist Turgun Syzdykov and trade unionist Abelgazi Kusainov \u2013 received 1.6 percent and "
     "0.7 percent respectively.", [("Turgun Syzdykov", 1.6, "2015-04-26-presidential"), ("Abelgazi Kusainov", 0.7, "2015-04-26-presidential")]),
    # a second share coordinated with the first, dated by the vote it names
    ("Nursultan Nazarbayev was first elected in 1991. He won 91.15 percent in 2005 and 95.5 percent in a snap election in April 2011.",
     [("Nursultan Nazarbayev", 91.15, "2005-12-04-presidential"), ("Nursultan Nazarbayev", 95.5, "2011-04-03-presidential")]),
])
def test_shares_of_people_named_by_age_pronoun_or_in_order(ref, text, expected):
    rows = extract_results(text, DocContext("doc", "2016-03-20-parliamentary", dt.date(2016, 3, 21)), ref)
    assert [(r["subject"], r["value"], r["election_id"]) for r in rows] == expected


@pytest.mark.parametrize("text", [
    "Amanat expelled three deputies who had voted against the budget.",
    "Ak Zhol said two of its deputies had been threatened.",
    "Amanat's 54 percent turned out to be lower than polls had predicted.",
    "Of those who voted, 81 percent cast ballots for the winner, observers said.",
    "Nur Otan praised its rival. The 22-year-old party won 71 percent of the vote.",
])
def test_review_cases_that_hold_no_seats_or_turnout(ref, text):
    rows = extract_results(text, DocContext("doc", "2021-01-10-parliamentary", dt.date(2021, 1, 11)), ref)
    assert [(r["measure"], r["value"]) for r in rows if r["measure"] in ("seats", "turnout")] == []
    assert not any(r["subject"] == "Nur Otan" and r["value"] == 71 and r["election_id"] != "2021-01-10-parliamentary" for r in rows)


def test_a_month_in_lower_case_is_a_word_not_a_month(ref):
    text = ("Nur Otan won 82 percent in the 2016 election. Officials insist that march towards democracy continues, "
            "pointing to a turnout of 63 percent on Sunday.")
    rows = extract_results(text, DocContext("doc", "2021-01-10-parliamentary", dt.date(2021, 1, 11)), ref)
    assert [(r["measure"], r["election_id"]) for r in rows] == [("vote_share", "2016-03-20-parliamentary"),
                                                              ("turnout", "2021-01-10-parliamentary")]


@pytest.mark.parametrize("text,expected", [
    # of several years in one stretch, the one named last before the figure
    ("Nursultan Nazarbayev won five elections; in 2005 he was given 91.15% and in 2011 he received 95.55%.",
     [(91.15, "2005-12-04-presidential"), (95.55, "2011-04-03-presidential")]),
    # both ends of a range of shares; a pronoun re-elected with a share
    ("Nursultan Nazarbayev won with official results ranging from 79.78% in 1999 to 97.75% in 2015.",
     [(79.78, "1999-01-10-presidential"), (97.75, "2015-04-26-presidential")]),
    ("In June 2022, voters backed the amendments. Tokayev said little. He was re-elected that November with 81.31 percent.",
     [(81.31, "2022-11-20-presidential")]),
])
def test_years_in_a_stretch_ranges_and_roles(ref, text, expected):
    rows = extract_results(text, DocContext("doc", "2024-10-06-referendum", dt.date(2024, 10, 7)), ref)
    assert [(r["value"], r["election_id"]) for r in rows if r["measure"] == "vote_share" and r["subject"] != "Yes"] == expected


@pytest.mark.parametrize("text,expected", [
    # "fell to" after a share is a change, not the end of a range
    ("Nur Otan won 71.09 percent in 2021, and in 2023 its successor's share fell to 53.9 percent.",
     [("Nur Otan", 71.09, "2021-01-10-parliamentary")]),
    # a share a change started from, with no year: the election before
    ("Nur Otan won 71.09 percent, while Ak Zhol got 10.95 percent, up from 7.18 percent.",
     [("Nur Otan", 71.09, "2021-01-10-parliamentary"), ("Ak Zhol", 10.95, "2021-01-10-parliamentary"),
      ("Ak Zhol", 7.18, "2016-03-20-parliamentary")]),
    # years counted "after that"
    ("In 2015 Nazarbayev won 97.75 percent. Four years after that, Tokayev won 70.96 percent.",
     [("Nursultan Nazarbayev", 97.75, "2015-04-26-presidential"), ("Kassym-Jomart Tokayev", 70.96, "2019-06-09-presidential")]),
])
def test_second_review_cases_for_changes_and_years(ref, text, expected):
    rows = extract_results(text, DocContext("doc", "2021-01-10-parliamentary", dt.date(2021, 1, 11)), ref)
    assert [(r["subject"], r["value"], r["election_id"]) for r in rows] == expected


def test_a_ruling_party_named_by_its_role_before_with(ref):
    text = "In 2007 the party in power took all the seats in the Mazhilis with 88.41%, after which the law was changed."
    rows = extract_results(text, DocContext("doc", "2012-01-15-parliamentary", dt.date(2012, 1, 17)), ref)
    assert [(r["subject"], r["value"], r["election_id"]) for r in rows] == [("Nur Otan", 88.41, "2007-08-18-parliamentary")]


def test_years_counted_from_the_year_last_written(ref):
    text = "In 2004, Otan took 60.6% of the vote. Three years later, Nur Otan won 88% and every elected seat."
    rows = extract_results(text, DocContext("doc", "2021-01-10-parliamentary", dt.date(2021, 1, 11)), ref)
    assert [(r["value"], r["election_id"]) for r in rows] == [(60.6, "2004-09-19-parliamentary"), (88, "2007-08-18-parliamentary")]


def test_a_share_a_change_started_from_is_the_same_subjects_earlier_one(ref):
    text = "Nur Otan won 76 of the 107 seats with 71.09 percent, down from 82.2 percent in 2016."
    rows = extract_results(text, DocContext("doc", "2021-01-10-parliamentary", dt.date(2021, 1, 11)), ref)
    assert [(r["subject"], r["value"], r["election_id"]) for r in rows if r["measure"] == "vote_share"] == [
        ("Nur Otan", 71.09, "2021-01-10-parliamentary"), ("Nur Otan", 82.2, "2016-03-20-parliamentary")]


def test_a_list_of_shares_with_dashes_between_party_and_share(ref):
    text = "The votes were distributed as follows: AMANAT \u2013 53.90 percent (3,431,510 votes); Auyl \u2014 10.90 percent (693,938 votes)."
    rows = extract_results(text, DocContext("doc", "2023-03-19-parliamentary", dt.date(2023, 3, 28)), ref)
    assert [(r["subject"], r["value"]) for r in rows] == [("Amanat", 53.9), ("Auyl", 10.9)]


def test_that_referendum_in_june_dates_its_figures(ref):
    text = ("The president called the early vote in September, after a constitutional referendum in June. "
            "In that referendum, 77.18% backed the amendments on a turnout of 68.05%.")
    rows = extract_results(text, DocContext("doc", "2022-11-20-presidential", dt.date(2022, 11, 26)), ref)
    assert [(r["measure"], r["election_id"]) for r in rows] == [("vote_share", "2022-06-05-referendum"), ("turnout", "2022-06-05-referendum")]


@pytest.mark.parametrize("text,expected", [
    # a party in its own lettering; "deputies" and "mandates" are seats too
    ("AMANAT receives 40 mandates. Auyl will have eight deputies, Respublica six.",
     [("Amanat", 40), ("Auyl", 8), ("Respublica", 6)]),
    # a sentence opening with the seats it shares out, a verb of taking before a bare number
    ("Of the list seats, Amanat takes 40, Auyl 8 and Respublica 6.", [("Amanat", 40), ("Auyl", 8), ("Respublica", 6)]),
    # a share of the deputies, more deputies: no party's seats
    ("Under the reform, 30 percent of deputies are elected in districts. Nine more deputies are chosen by the Assembly.", []),
    # a dash between a party and its bare number after a stated count
    ("AMANAT received 40 mandates, Auyl \u2013 8, Respublica \u2013 6 and Ak Zhol \u2013 6.",
     [("Amanat", 40), ("Auyl", 8), ("Respublica", 6), ("Ak Zhol", 6)]),
])
def test_seats_of_a_list_in_capitals_and_as_deputies(ref, text, expected):
    rows = extract_results(text, DocContext("doc", "2023-03-19-parliamentary", dt.date(2023, 3, 28)), ref)
    assert [(r["subject"], r["value"]) for r in rows if r["measure"] == "seats"] == expected


@pytest.mark.parametrize("text,expected", [
    ("Nazarbayev's showing in January 1999, when he was re-elected with 79.78 per cent of the vote, was weaker.",
     ("Nursultan Nazarbayev", 79.78, "1999-01-10-presidential")),
    ("The result improves on the 91.2 percent Nazarbayev, 70, won in December 2005.",
     ("Nursultan Nazarbayev", 91.2, "2005-12-04-presidential")),
])
def test_a_pronoun_a_few_words_back_and_an_age_in_apposition(ref, text, expected):
    rows = extract_results(text, DocContext("doc", "2011-04-03-presidential", dt.date(2011, 4, 5)), ref)
    assert [(r["subject"], r["value"], r["election_id"]) for r in rows if r["measure"] == "vote_share"] == [expected]


def test_the_party_of_a_named_leader_is_the_ruling_party(ref):
    text = "The party of President Nursultan Nazarbayev won 60.6 percent of the party-list vote, officials said."
    rows = extract_results(text, DocContext("doc", "2004-09-19-parliamentary", dt.date(2004, 9, 21)), ref)
    assert [(r["subject"], r["value"]) for r in rows] == [("Otan", 60.6)]


@pytest.mark.parametrize("text,expected", [
    ("In neighbouring Kyrgyzstan, Sadyr Japarov won about 79 percent of the vote, and turnout was about 39 percent.", []),
    ("In Russia, Vladimir Putin's United Russia won 49.3 per cent last week.", []),
    # a Kazakh subject, or a Kazakh place beside the other country's name, keeps the figure
    ("Nur Otan won 71.09 percent, the election commission in Kazakhstan said, while Russia watched.", [("Nur Otan", 71.09)]),
    ("Like Russia's ruling party, Nur Otan won 71.09 percent.", [("Nur Otan", 71.09)]),
    # the votes foreign outlets set beside Kazakhstan's for their own readers
    ("By contrast, turnout in Japan's 2017 House of Representatives election was about 54 percent.", []),
    ("Only two weeks earlier, Estonia's own Riigikogu election gave the Reform Party 37 of the 101 seats, on a turnout of 63.7 percent.", []),
    # a Kazakh place and another country's vote in one sentence: the figure goes with the nearer
    ("The Kazakh vote came a month after Malta's general election, in which turnout was about 74 per cent.", []),
    ("Turnout was 40 percent in Kyrgyzstan's vote, against 54 percent in Kazakhstan.", [("turnout", 54)]),
    ("Unlike Kyrgyzstan's election, Kazakhstan's drew a turnout of 54 percent.", [("turnout", 54)]),
    # another country's head, named by any country's demonym
    ("The Kazakh result eclipsed the 96.9 percent won by Egyptian President Ahmed Nour, when turnout was 47.5 percent.", []),
])
def test_another_countrys_vote_is_no_kazakh_result(ref, text, expected):
    rows = extract_results(text, DocContext("doc", "2021-01-10-parliamentary", dt.date(2021, 1, 12)), ref)
    assert [(r["subject"], r["value"]) for r in rows] == expected


def test_percent_written_pc(ref):
    rows = extract_results("Nazarbayev won 91.01pc of the vote, the commission said.",
                           DocContext("doc", "2005-12-04-presidential", dt.date(2005, 12, 6)), ref)
    assert [(r["subject"], r["value"]) for r in rows] == [("Nursultan Nazarbayev", 91.01)]


def test_every_seat_and_the_presidents_party(ref):
    ctx = DocContext("doc", "2012-01-15-parliamentary", dt.date(2012, 1, 16))
    rows = extract_results("Nur Otan won 88 per cent of the vote and every one of the 98 elected seats.", ctx, ref)
    assert [(r["measure"], r["value"], r["of"]) for r in rows] == [("vote_share", 88, None), ("seats", 98, 98)]
    rows = extract_results("The commission gave President Nursultan Nazarbayev's party just over 80 per cent of the vote.", ctx, ref)
    assert [(r["subject"], r["value"]) for r in rows] == [("Nur Otan", 80)]


def test_a_share_named_right_after_a_threshold_is_the_partys(ref):
    text = "Two parties scraped past the 7 percent threshold: Ak Zhol took 7.18 percent."
    rows = extract_results(text, DocContext("doc", "2016-03-20-parliamentary", dt.date(2016, 3, 22)), ref)
    assert [(r["subject"], r["value"]) for r in rows] == [("threshold", 7), ("Ak Zhol", 7.18)]


def test_a_yes_share_of_voters_supporting(ref):
    text = "Kazakhstan voted to build a nuclear plant, with 71.12 percent of voters supporting the idea in a referendum."
    rows = extract_results(text, DocContext("doc", "2024-10-06-referendum", dt.date(2024, 10, 7)), ref)
    assert [(r["subject"], r["value"]) for r in rows] == [("Yes", 71.12)]


@pytest.mark.parametrize("text,expected", [
    # a mere mention of another country keeps the Kazakh figure
    ("Turnout was 69.4 percent, the Russian-language news site Vlast.kz reported.", [("turnout", 69.4)]),
    ("The vote was held in the shadow of Russia's war in Ukraine; turnout was 69.4 percent.", [("turnout", 69.4)]),
    ("Turnout was 69.4 percent, said the mission, whose observers came from Russia and China.", [("turnout", 69.4)]),
    # the other country's own vote does not
    ("Turnout in Kyrgyzstan was about 39 percent.", []),
    ("According to the Central Election Commission of the Kyrgyz Republic, Sadyr Japarov won about 79 percent of the vote.", []),
    ("In Kyrgyzstan, the ruling party won 20 percent.", []),
    ("In Russia, President Vladimir Putin's party won 49.8 percent.", []),
    # a person the reference does not know, in a sentence set abroad (a known one stays)
    ("In March crowds in neighbouring Kyrgyzstan drove out Askar Akaev; his successor, Kurmanbek Bakiev, won almost 89 percent.", []),
    ("Unlike the leaders of Kyrgyzstan, Tokayev won 81.31 percent.", [("Kassym-Jomart Tokayev", 81.31)]),
])
def test_the_foreign_vote_filter_reads_the_frame(ref, text, expected):
    rows = extract_results(text, DocContext("doc", "2022-11-20-presidential", dt.date(2022, 11, 21)), ref)
    assert [(r["subject"], r["value"]) for r in rows] == expected


def test_review_cases_for_pronouns_relative_clauses_and_other_bodies(ref):
    ctx = DocContext("doc", "2019-06-09-presidential", dt.date(2019, 6, 11))
    rows = extract_results("Tokayev spoke to reporters in Astana. He noted that Kosanov received 16.2 percent.", ctx, ref)
    assert [r["subject"] for r in rows] == ["Amirzhan Kosanov"]
    ctx = DocContext("doc", "2023-03-19-parliamentary", dt.date(2023, 3, 21))
    rows = extract_results("Nur Otan won 71 percent in the parliamentary elections, which were held in January 2021.", ctx, ref)
    assert [(r["subject"], r["election_id"]) for r in rows] == [("Nur Otan", "2021-01-10-parliamentary")]
    rows = extract_results("Amanat won 62 of the 98 seats in the Mazhilis; in the Almaty city council, Amanat 25 and Respublica 4.", ctx, ref)
    assert [(r["value"], r["of"]) for r in rows if r["measure"] == "seats"] == [(62, 98), (25, None), (4, None)]


@pytest.mark.parametrize("text,subject", [
    ("Nazarbayev resigned in March and handed power to Tokayev. He won 70.96 percent of the vote.", "Kassym-Jomart Tokayev"),
    ("Kosanov congratulated Tokayev on Monday. He won 70.96 percent of the vote.", "Kassym-Jomart Tokayev"),
])
def test_an_opening_pronoun_after_a_sentence_of_two_names_is_the_last_named(text, subject, ref):
    rows = extract_results(text, DocContext("doc", "2019-06-09-presidential", dt.date(2019, 6, 10)), ref)
    assert [r["subject"] for r in rows] == [subject]


def test_a_pronoun_at_a_figure_that_no_one_was_elected_with_is_no_share(ref):
    text = "Amanat pledged to curb prices after the vote. It was at 9.5 percent last month, the central bank said."
    assert extract_results(text, DocContext("doc", "2023-03-19-parliamentary", dt.date(2023, 4, 20)), ref) == []


def test_a_ratio_of_voters_is_no_count_of_them(ref):
    context = DocContext("doc", "2024-10-06-referendum", dt.date(2024, 10, 7))
    assert extract_results("In Almaty fewer than one in three eligible voters took part.", context, ref) == []
    rows = extract_results("Some 11.9 million eligible voters were registered.", context, ref)
    assert [(r["measure"], r["value"]) for r in rows] == [("registered_voters", 11_900_000)]


def test_all_the_seats_a_reading_of_the_whole_and_a_threshold_called_a_hurdle(ref):
    context = DocContext("doc", "2016-03-20-parliamentary", dt.date(2016, 3, 22))
    rows = extract_results("Nur Otan won all 98 elected seats.", context, ref)
    assert [(r["subject"], r["value"], r["of"]) for r in rows] == [("Nur Otan", 98, 98)]
    rows = extract_results("Ak Zhol, with 7.18 percent, just cleared the 7-percent hurdle.", context, ref)
    assert [(r["measure"], r["value"]) for r in rows] == [("vote_share", 7.18), ("threshold", 7)]


def test_a_relative_clause_after_an_apposition_holds_its_antecedents_share(ref):
    text = ("Tokayev moved against the circle of his predecessor, Nursultan Nazarbayev, who had ruled for nearly three "
            "decades and last won re-election in 2015 with 97.7 per cent.")
    rows = extract_results(text, DocContext("doc", "2022-11-20-presidential", dt.date(2022, 11, 21)), ref)
    assert [(r["subject"], r["value"], r["election_id"]) for r in rows] == [("Nursultan Nazarbayev", 97.7, "2015-04-26-presidential")]


@pytest.mark.parametrize("text,expected", [
    ("Tokayev's share was below the 97.7 per cent Nazarbayev claimed in 2015.", [("Nursultan Nazarbayev", 97.7, "2015-04-26-presidential")]),
    ("Nazarbayev improved on the 91.15 per cent he received in 2005.", [("Nursultan Nazarbayev", 91.15, "2005-12-04-presidential")]),
    ("The share is below the 97.7 percent with which Nazarbayev, now 78, was re-elected in April 2015.",
     [("Nursultan Nazarbayev", 97.7, "2015-04-26-presidential")]),
])
def test_a_share_whose_subject_follows_it(ref, text, expected):
    rows = extract_results(text, DocContext("doc", "2019-06-09-presidential", dt.date(2019, 6, 11)), ref)
    assert [(r["subject"], r["value"], r["election_id"]) for r in rows] == expected


def test_a_result_years_ago_and_a_share_after_a_threshold_that_has_its_figure(ref):
    context = DocContext("doc", "2023-03-19-parliamentary", dt.date(2023, 3, 20))
    rows = extract_results("Two years ago, under the name Nur Otan, the party won 71.09 per cent and 76 seats in a vote the opposition boycotted.",
                           context, ref)
    assert [(r["subject"], r["value"], r["election_id"]) for r in rows] == [
        ("Nur Otan", 71.09, "2021-01-10-parliamentary"), ("Nur Otan", 76, "2021-01-10-parliamentary")]
    rows = extract_results("Baytaq, a green party, fell short of the 5 per cent barrier at 2.3 per cent.", context, ref)
    assert [(r["subject"], r["value"]) for r in rows] == [("threshold", 5), ("Baytaq", 2.3)]


@pytest.mark.parametrize("text,expected", [
    ("Amanat failed to reach the 60 percent it had hoped for.", []),
    ("Two years ago protests shook the country, and on Sunday Amanat won 53.9 percent of the vote.",
     [("Amanat", 53.9, "2023-03-19-parliamentary")]),
    ("Parliament lowered the 7 percent threshold to 5 percent before the vote.",
     [("threshold", 7, "2023-03-19-parliamentary"), ("threshold", 5, "2023-03-19-parliamentary")]),
])
def test_review_cases_for_pronouns_years_ago_and_thresholds(ref, text, expected):
    rows = extract_results(text, DocContext("doc", "2023-03-19-parliamentary", dt.date(2023, 3, 20)), ref)
    assert [(r["subject"], r["value"], r["election_id"]) for r in rows] == expected


@pytest.mark.parametrize("text, when, election", [
    ("Turnout in Sunday's snap election was more than 95 per cent, the highest since the first contested vote in 2011.",
     "2015", "2015-04-26-presidential"),
    ("Nur Otan has held a majority since it won 81% of the vote in 2012.", "2021", "2012-01-15-parliamentary"),
    ("It was the first snap vote since 15 January 2012, when Nur Otan won 81 percent of the vote.", "2021", "2012-01-15-parliamentary"),
])
def test_a_year_after_since_starts_a_span_unless_its_figure_or_its_vote_follows(text, when, election):
    assert [r["election_id"] for r in results(text, when)] == [election]


def test_a_pronoun_before_a_name_stands_for_the_same_one_as_the_pronoun_after_it():
    text = "It was Tokayev's second race. In 2019, when he was Nursultan Nazarbayev's chosen heir, he took 70.96%."
    assert [r["subject"] for r in results(text, "2022")] == ["Kassym-Jomart Tokayev"]


def test_a_pronoun_its_share_verb_and_with_before_the_figure():
    rows = results("Nazarbayev was in power. He won a new term last April with 95.5 per cent of the vote.", "2012")
    assert [r["subject"] for r in rows] == ["Nursultan Nazarbayev"]
    assert results("Nazarbayev spoke. He said the party won with 60 per cent of the vote.", "2012") == []


def test_a_count_of_votes_between_the_verb_and_the_share():
    rows = results("Nazarbayev took 5,100,000 votes, or 79.78 percent, officials said.", "2012")
    assert [(r["subject"], r["value"]) for r in rows] == [("Nursultan Nazarbayev", 79.78)]


@pytest.mark.parametrize("text, when, subject, election", [
    # cataphora: the name after the subordinate clause is the one "he" stands for (and 70.96 is
    # his official share of June 2019)
    ("Nazarbayev stepped down in March 2019. When he ran in June, Tokayev said he won 70.96 percent of the vote.",
     "2022", "Kassym-Jomart Tokayev", "2019-06-09-presidential"),
    # "Since" opening a sentence means "because"; "in which" tells of the vote after "since"
    ("Since the opposition boycotted the 2011 vote, Nazarbayev won 95 percent of the vote.", "2015", "Nursultan Nazarbayev",
     "2011-04-03-presidential"),
    ("Nur Otan has dominated parliament since the 2012 vote, in which it won 81 percent.", "2021", "Nur Otan",
     "2012-01-15-parliamentary"),
])
def test_pronouns_and_since_in_harder_sentences(text, when, subject, election):
    assert [(r["subject"], r["election_id"]) for r in results(text, when)] == [(subject, election)]


def test_a_vote_in_any_country_named_is_not_kazakhstans():
    text = "In Slovenia, a new president was elected on November 13 with nearly 54 per cent of the vote in a run-off."
    assert results(text, "2022") == []


def test_a_sentence_going_on_with_the_subject_of_an_earlier_vote(ref):
    text = "The result is a step down for the ruling party. At the March 2016 election, Nur Otan won 82.2% of the vote. It took 84 seats, and turnout was 77.1%."
    rows = extract_results(text, DocContext("doc", "2021-01-10-parliamentary", dt.date(2021, 1, 11)), ref)
    assert [(r["measure"], r["election_id"]) for r in rows] == [("vote_share", "2016-03-20-parliamentary"), ("seats", "2016-03-20-parliamentary"),
                                                                 ("turnout", "2016-03-20-parliamentary")]


def test_a_participle_a_possessive_and_the_year_named_last_before_a_figure(ref):
    # an article of no election: each figure by the time named before it, the participle's by the sentence's subject
    text = ("Tokayev has cast himself as a reformer. He was re-elected in a snap election in November with 81.31 percent of the vote, "
            "having first won the presidency in June 2019 with about 71 percent, and last month his former party, Amanat, won 53.9 percent.")
    rows = extract_results(text, DocContext("doc", None, dt.date(2023, 4, 24)), ref)
    assert [(r["subject"], r["value"], r["election_id"]) for r in rows] == [
        ("Kassym-Jomart Tokayev", 81.31, "2022-11-20-presidential"), ("Kassym-Jomart Tokayev", 71, "2019-06-09-presidential"),
        ("Amanat", 53.9, "2023-03-19-parliamentary")]
    text = "Nazarbayev won 95.5 percent. The result improves on his 91 percent in 2005 and the almost 80 percent he took in 1999."
    rows = extract_results(text, DocContext("doc", "2011-04-03-presidential", dt.date(2011, 4, 5)), ref)
    assert [(r["value"], r["election_id"]) for r in rows] == [(95.5, "2011-04-03-presidential"), (91, "2005-12-04-presidential"),
                                                              (80, "1999-01-10-presidential")]


def test_a_speaker_between_a_figure_and_the_one_it_came_down_from(ref):
    text = "Turnout was 54.19%, the commission's deputy chairman, Aidos Nurlanov, said, down from 63.3% at the last parliamentary election in 2021."
    rows = extract_results(text, DocContext("doc", "2023-03-19-parliamentary", dt.date(2023, 3, 20)), ref)
    assert [(r["measure"], r["value"], r["election_id"]) for r in rows] == [("turnout", 54.19, "2023-03-19-parliamentary"),
                                                                           ("turnout", 63.3, "2021-01-10-parliamentary")]


@pytest.mark.parametrize("text", [
    "Turnout was just over 54 percent, a marked drop from the 63.3 percent recorded in the election of January 2021.",
    "Turnout stood at 54.19 percent, the commission said, against 63.3 percent at the last election in January 2021.",
])
def test_a_drop_from_or_a_figure_against_another_is_the_earlier_votes(ref, text):
    rows = extract_results(text, DocContext("doc", "2023-03-19-parliamentary", dt.date(2023, 3, 20)), ref)
    assert [r["election_id"] for r in rows] == ["2023-03-19-parliamentary", "2021-01-10-parliamentary"]


def test_a_rivals_share_against_the_winners_is_of_the_same_race(ref):
    text = "Nazarbayev won a snap election in January 1999 with 79.78 percent, against 11.7 percent for Serikbolsyn Abdildin, on a turnout of 87 percent."
    rows = extract_results(text, DocContext("doc", None, dt.date(2005, 12, 5)), ref)
    assert {r["election_id"] for r in rows} == {"1999-01-10-presidential"} and len(rows) == 3


@pytest.mark.parametrize("text, published, expected", [
    ("Nazarbayev was re-elected in 1999 with 79.78 percent and in 2005 with 91.15 percent of the votes.", "2011-04-04",
     [("Nursultan Nazarbayev", 79.78, "1999-01-10-presidential"), ("Nursultan Nazarbayev", 91.15, "2005-12-04-presidential")]),
    # a proposal drawing its support, and a vote on the constitution, are a referendum's yes share
    ("In April 1995 he extended his mandate through a referendum that officials said drew 95.46 percent support.", "1999-01-05",
     [("Yes", 95.46, "1995-04-29-referendum")]),
    ("In June, 77.18 per cent of voters backed constitutional amendments that trimmed presidential powers.", "2022-11-21",
     [("Yes", 77.18, "2022-06-05-referendum")]),
    # ... not a candidate drawing his
    ("In the referendum year, Tokayev drew 81.31 percent support in the presidential election.", "2022-11-21",
     [("Kassym-Jomart Tokayev", 81.31, "2022-11-20-presidential")]),
])
def test_a_share_in_another_year_and_a_proposals_support(ref, text, published, expected):
    rows = extract_results(text, DocContext("doc", None, dt.date.fromisoformat(published)), ref)
    assert [(r["subject"], r["value"], r["election_id"]) for r in rows] == expected


def test_a_precise_figure_that_is_one_votes_official_result_is_that_votes(ref):
    # told of 2012 in a story of 2021, whose "January 10" the cues read as 2021's vote day
    text = ("Four weeks after the shooting, Kazakhstan held a snap parliamentary election. The commission reversed itself "
            "on January 10. Nur Otan took 80.99 percent of the vote nationally.")
    rows = extract_results(text, DocContext("doc", None, dt.date(2021, 12, 16)), ref)
    assert [(r["subject"], r["election_id"]) for r in rows] == [("Nur Otan", "2012-01-15-parliamentary")]
    # ... and a party's renamed share is its new name's vote's, not the cue's ("well down on ... January 2021")
    text = "Amanat won 53.9 per cent in Sunday's vote, well down on the 71.09 per cent its predecessor took in January 2021."
    rows = extract_results(text, DocContext("doc", "2023-03-19-parliamentary", dt.date(2023, 3, 21)), ref)
    assert [(r["value"], r["election_id"]) for r in rows][:1] == [(53.9, "2023-03-19-parliamentary")]


@pytest.mark.parametrize("text, published, expected", [
    # a candidate's possessive before the figure; a rival's share "for" a titled name
    ("Kosanov is the first opposition candidate since 2005, when Zharmakhan Tuyakbai won 6.61 percent against "
     "Nazarbayev's 91.15 percent.", "2019-06-11",
     [("Zharmakhan Tuyakbai", 6.61), ("Nursultan Nazarbayev", 91.15)]),
    ("In January 1999, he was credited with 79.78 percent of the vote against 11.7 percent for Communist leader "
     "Serikbolsyn Abdildin.", "2005-12-05", [("Serikbolsyn Abdildin", 11.7)]),
    ("Tokayev's 70 percent approval rating is high.", "2022-11-21", []),
    # the subject's shares listed after a colon
    ("Nazarbayev, 74, has won every presidential contest by a crushing margin: 91.15 per cent in 2005 and 95.5 per cent "
     "in 2011.", "2015-04-27", [("Nursultan Nazarbayev", 91.15), ("Nursultan Nazarbayev", 95.5)]),
    # a referendum's sides answered by "those taking part", and a vote "to keep him in office"
    ("The referendum count put turnout at 63.66 percent, with 71.12 percent of those taking part answering 'yes' and 26.15 percent "
     "answering 'no'.", "2024-10-07", [("turnout", 63.66), ("Yes", 71.12), ("No", 26.15)]),
    ("His term was extended in an April 1995 referendum in which more than 95 per cent voted to keep him in office.",
     "1999-01-11", [("Yes", 95)]),
])
def test_possessive_and_listed_shares_and_referendum_sides(ref, text, published, expected):
    rows = extract_results(text, DocContext("doc", None, dt.date.fromisoformat(published)), ref)
    assert [(r["subject"], r["value"]) for r in rows] == expected


@pytest.mark.parametrize("text, election, published, expected", [
    ("Five parties passed the 5 % threshold, while 3.9 % of voters chose ‘against all’.", "2023-03-19-parliamentary",
     "2023-03-21", [("threshold", 5), ("against all", 3.9)]),
    ("The “against all” option, which returned to the ballot this year, drew 5.8 percent.", "2022-11-20-presidential",
     "2022-11-21", [("against all", 5.8)]),
    # the months counted back from the month written before
    ("It was the first referendum since August 1995, when 90% of voters approved the constitution. Four months earlier, "
     "another referendum had extended Nazarbayev's term until 2000 with 95.5% support.", "2022-06-05-referendum", "2022-06-06",
     [("Yes", 90, "1995-08-30-referendum"), ("Yes", 95.5, "1995-04-29-referendum")]),
    # a share coordinated past an aside that dates it
    ("Nazarbayev received 91.15% in December 2005 and, in an early vote in April 2011, 95.5%.", None, "2019-06-11",
     [("Nursultan Nazarbayev", 91.15, "2005-12-04-presidential"), ("Nursultan Nazarbayev", 95.5, "2011-04-03-presidential")]),
    # turnout abroad, compared with
    ("For comparison, turnout at the UK's 2019 general election was 67.3%, and turnout across the EU in the 2019 "
     "European elections was 50.66 %.", "2023-03-19-parliamentary", "2023-03-21", []),
])
def test_against_all_months_before_asides_and_turnout_abroad(ref, text, election, published, expected):
    rows = extract_results(text, DocContext("doc", election, dt.date.fromisoformat(published)), ref)
    got = [(r["subject"], r["value"], r["election_id"]) for r in rows]
    assert [g[:len(e)] for g, e in zip(got, expected)] == expected and len(got) == len(expected)


def test_seats_of_a_whole_opening_the_sentence_a_share_he_received_and_a_vote_where_abroad(ref):
    ctx = DocContext("doc", "2023-03-19-parliamentary", dt.date(2023, 3, 21))
    rows = extract_results("Of the 69 list seats, Amanat obtained 40, Auyl 8 and Ak Zhol 6.", ctx, ref)
    assert [(r["subject"], r["value"], r["of"]) for r in rows] == [("Amanat", 40, 69), ("Auyl", 8, 69), ("Ak Zhol", 6, 69)]
    ctx = DocContext("doc", "2022-11-20-presidential", dt.date(2022, 11, 21))
    text = ("Mr Tokayev's share was more than ten points higher than the 70.96% he received in June 2019, when his "
            "nearest rival, Amirzhan Kosanov, took 16.23%.")
    assert [r["subject"] for r in extract_results(text, ctx, ref)] == ["Kassym-Jomart Tokayev", "Amirzhan Kosanov"]
    text = ("Members may wish to compare Kazakhstan's transition with that of neighboring Uzbekistan, where Shavkat "
            "Mirziyoyev was elected president in December 2016 with 88.6% of the vote.")
    assert extract_results(text, ctx, ref) == []


def test_turnout_by_place_after_a_national_figure_a_participle_and_a_passed_package(ref):
    ctx = DocContext("doc", "2023-03-19-parliamentary", dt.date(2023, 3, 21))
    text = ("Turnout was 54.19 percent, the commission said. At the close of polls it was lowest in the largest cities: "
            "25.82 percent in Almaty, 42.91 percent in the capital Astana and 45.46 percent in Shymkent. The highest, "
            "66.46 percent, was recorded in the Kyzylorda region. In Almaty, the largest city, it was 25.82 percent.")
    rows = extract_results(text, ctx, ref)
    assert [(r["value"], r["scope"]) for r in rows] == [(54.19, None), (25.82, "Almaty"), (42.91, "Astana"), (45.46, "Shymkent"),
                                                        (66.46, "Kyzylorda Region"), (25.82, "Almaty")]
    ctx = DocContext("doc", None, dt.date(2022, 1, 20))
    text = ("It is worth recalling how Tokayev got the job. He was Nazarbayev's pick in 2019, confirmed with 70.96 percent "
            "of the vote. In June 2022, a package of constitutional amendments passed with 77.18 percent, with 68.05 percent "
            "of voters taking part. Or compare Washington's own midterms, where turnout was around 46 percent.")
    assert [(r["subject"], r["value"]) for r in extract_results(text, ctx, ref)] == [
        ("Kassym-Jomart Tokayev", 70.96), ("Yes", 77.18), ("turnout", 68.05)]


def test_a_year_before_a_result_names_its_election(ref):
    text = "Of the two parties below the threshold, Auyl more than doubled its 2016 result of 2.01%, while Adal ran under its new name."
    rows = extract_results(text, DocContext("doc", "2021-01-10-parliamentary", dt.date(2021, 1, 12)), ref)
    assert [(r["subject"], r["election_id"]) for r in rows] == [("Auyl", "2016-03-20-parliamentary")]


def test_then_for_the_time_named_before_and_a_pronoun_further_back(ref):
    text = ("The previous referendum, on amendments to the Constitution, was held on June 5, 2022. "
            "Then 77.18% of participants supported the amendments, with turnout of 68.05%.")
    rows = extract_results(text, DocContext("doc", "2024-10-06-referendum", dt.date(2024, 10, 8)), ref)
    assert {r["election_id"] for r in rows} == {"2022-06-05-referendum"}
    text = ("Nazarbayev has led the republic since 1989. He won his previous term in a snap election in January 1999 with "
            "79.78 percent of the vote. Communist leader Serikbolsyn Abdildin was runner-up then with 11.7 percent.")
    rows = extract_results(text, DocContext("doc", "2005-12-04-presidential", dt.date(2005, 12, 6)), ref)
    assert [(r["subject"], r["election_id"]) for r in rows] == [("Nursultan Nazarbayev", "1999-01-10-presidential"),
                                                                ("Serikbolsyn Abdildin", "1999-01-10-presidential")]


def test_the_kind_of_vote_a_sentence_names_picks_a_candidate_over_a_party(ref):
    text = ("Oyan, Qazaqstan grew out of the protests around the June 2019 snap presidential election, "
            "which Tokayev won with 70.96 percent of the vote.")
    rows = extract_results(text, DocContext("doc", "2021-01-10-parliamentary", dt.date(2021, 6, 10)), ref)
    assert [(r["subject"], r["election_id"]) for r in rows] == [("Kassym-Jomart Tokayev", "2019-06-09-presidential")]


@pytest.mark.parametrize("text,expected", [
    # review: a Kazakh figure whose own clause names no place abroad stays, and a foreign head's name alone is no vote abroad
    ("Kazakhstan's election, held a week after Russia's parliamentary vote, drew a turnout of 63.3 percent.", [("turnout", 63.3)]),
    ("Turnout stood at 63.3 percent, the CEC said, higher than in Kyrgyzstan's election but lower than in 2016 in Kazakhstan.",
     [("turnout", 63.3)]),
    ("Turnout was 69.4 percent, the commission said, as French President Emmanuel Macron called to congratulate the winner.",
     [("turnout", 69.4)]),
    ("The incumbent won 81.3 percent, and Hungarian Prime Minister Viktor Orban was among the first to congratulate him.",
     [("Kassym-Jomart Tokayev", 81.3)]),
    # a possessive's figure of something else; a speaker's aside does not hide a name after it
    ("Amanat said its 20 percent pay rise for doctors was kept in the budget.", []),
    ("Turnout was 54.19 percent, Tokayev's spokesman said, while Amanat's rival Auyl fell to 10 percent.", [("turnout", 54.19)]),
])
def test_review_cases_of_places_abroad_possessives_and_asides(ref, text, expected):
    rows = extract_results(text, DocContext("doc", "2022-11-20-presidential", dt.date(2022, 11, 21)), ref)
    assert [(r["subject"], r["value"]) for r in rows] == expected


def test_review_cases_of_going_on_and_the_kind_of_vote_named(ref):
    # a time of its own keeps a sentence from the year of the one before, which named no vote
    ctx = DocContext("doc", "2022-11-20-presidential", dt.date(2022, 11, 21))
    for text in ("Tokayev became president in 2019, when Nazarbayev stepped down. He won 81.3 percent of the vote on Sunday.",
                 "Nazarbayev resigned in 2019. Then Tokayev took 81.3 percent on Sunday."):
        assert [r["election_id"] for r in extract_results(text, ctx, ref)] == ["2022-11-20-presidential"]
    # a vote named in a phrase of time does not pick the subject's kind
    text = "Four months after Tokayev won the presidential election, voters gave Amanat 53.9 percent."
    rows = extract_results(text, DocContext("doc", "2023-03-19-parliamentary", dt.date(2023, 3, 21)), ref)
    assert [(r["subject"], r["election_id"]) for r in rows] == [("Amanat", "2023-03-19-parliamentary")]


def test_a_runner_up_then_and_a_clause_on_the_vote_since_take_the_vote_named_before():
    # second in the race a stretch before dated; "Turnout then was": the time the sentence before named
    text = ("Kassym-Jomart Tokayev won his previous election in June 2019 with 70.96 percent after the authorities barred a rival; "
            "the opposition candidate Amirzhan Kosanov came second with 16.2 percent. Turnout then was put at 77.4 percent.")
    assert [(r["value"], r["election_id"]) for r in results(text, "2022")] == [
        (70.96, "2019-06-09-presidential"), (16.2, "2019-06-09-presidential"), (77.4, "2019-06-09-presidential")]
    text = text.replace("Turnout then was put at", "The turnout was then")
    assert [r["election_id"] for r in results(text, "2022")][-1] == "2019-06-09-presidential"
    # "since <month year>, when ...": the clause tells of that vote; "since <month year>" alone starts a span
    text = "It was the first snap presidential vote since April 2011, when Nazarbayev won 95.5 percent of the vote."
    assert [r["election_id"] for r in results(text, "2015")] == ["2011-04-03-presidential"]
    text = "Nazarbayev won 97.7 percent, the most any candidate has won since April 2011."
    assert [r["election_id"] for r in results(text, "2015")] == ["2015-04-26-presidential"]


def test_seats_for_a_party_a_further_count_the_figure_of_a_turnout_and_a_descriptor_before_a_name():
    rows = results("Nur Otan won 84 seats in the 107-seat chamber, with 76 seats for Nur Otan, five for Ak Zhol and "
                   "three for the OSDP.", "2023")
    assert [(r["subject"], r["value"], r["phrase"]) for r in rows][1:] == [
        ("Nur Otan", 76, "76 seats for Nur Otan"), ("Ak Zhol", 5, "five for Ak Zhol"),
        ("All-National Social Democratic Party", 3, "three for the OSDP")]
    rows = results("Nur Otan took 84 seats, Ak Zhol seven and the OSDP another seven.", "2023")
    assert [(r["subject"], r["value"]) for r in rows] == [("Nur Otan", 84), ("Ak Zhol", 7), ("All-National Social Democratic Party", 7)]
    # "the figure was": the turnout the sentence before gave, in the place named; not after another measure
    rows = results("Turnout was 63.3 percent, the commission said. In Almaty the figure was 33.1 percent.")
    assert [(r["measure"], r["value"], r["scope"]) for r in rows] == [("turnout", 63.3, None), ("turnout", 33.1, "Almaty")]
    assert [r["value"] for r in results("Nur Otan won 71.09 percent. In Almaty the figure was 33.1 percent.")] == [71.09]
    rows = results("Tokayev won 70.96 percent against 16.2 percent for the opposition journalist Amirzhan Kosanov.", "2019")
    assert [(r["subject"], r["value"]) for r in rows] == [("Kassym-Jomart Tokayev", 70.96), ("Amirzhan Kosanov", 16.2)]


def test_a_list_of_names_in_quotes_and_their_shares_after_dashes():
    rows = results('Nur Otan received 71.09%, "Ak Zhol" – 10,95 %, "OSDP" – 1,68 %.', "2021")
    assert [(r["subject"], r["value"]) for r in rows] == [("Nur Otan", 71.09), ("Ak Zhol", 10.95), ("All-National Social Democratic Party", 1.68)]


def test_a_participle_after_a_time_and_a_pronoun_takes_the_sentences_subject(ref):
    text = ("Nazarbayev has led Kazakhstan since 1989. In April 2011 he was re-elected for another term, "
            "having received 95.5 percent of the vote in an early election.")
    rows = extract_results(text, DocContext("doc", None, dt.date(2011, 12, 18)), ref)
    assert [(r["subject"], r["value"], r["election_id"]) for r in rows] == [("Nursultan Nazarbayev", 95.5, "2011-04-03-presidential")]


def test_a_terms_end_is_no_time_of_a_vote(ref):
    text = "In April 1995 a referendum extended his mandate until the end of 2000, with 95.4 percent of those voting in favour."
    rows = extract_results(text, DocContext("doc", "1999-01-10-presidential", dt.date(1999, 1, 12)), ref)
    assert [(r["subject"], r["value"], r["election_id"]) for r in rows] == [("Yes", 95.4, "1995-04-29-referendum")]


@pytest.mark.parametrize("election, published, text, expected", [
    # a referendum's "Yes" beside a place abroad; "against" before another figure is a comparison
    ("2022-06-05-referendum", "2022-06-06", "Observers from Russia said 77.18% of voters backed the amendments.", [("Yes", 77.18, None)]),
    ("2022-06-05-referendum", "2022-06-06", "Voters said yes, 77.18 percent against 18.66 percent.", [("Yes", 77.18, None)]),
    # re-elected to no vote's office; a year or a count after "of" is no seats' whole; "to the chagrin of"
    ("2007-08-18-parliamentary", "2007-08-20", "Nur Otan, whose chairman Nazarbayev was re-elected party leader in July, won 88.41 percent.",
     [("Nur Otan", 88.41, None)]),
    ("2023-03-19-parliamentary", "2023-03-20", "Amanat won 62 seats of the 2023 convocation.", [("Amanat", 62, None)]),
    ("2023-03-19-parliamentary", "2023-03-20", "Amanat won 62 seats, the CEC said, up from 3 to the chagrin of Ak Zhol.", [("Amanat", 62, None)]),
    # a turnout confirmed, then its preliminary figure
    ("2019-06-09-presidential", "2019-06-10", "Turnout was 77.5 percent, the CEC confirmed on Monday, up from the preliminary 77.4 percent.",
     [("turnout", 77.5, None), ("turnout", 77.4, None)]),
])
def test_review_cases_of_the_sixteenth_session(ref, election, published, text, expected):
    rows = extract_results(text, DocContext("doc", election, dt.date.fromisoformat(published)), ref)
    assert [(r["subject"], r["value"], r["of"]) for r in rows] == expected


def test_the_and_lower_case_words_may_describe_a_candidate_after_for(ref):
    text = "Nazarbaev was returned with 79.78 percent against 11.7 percent for the communist Serikbolsyn Abdildin."
    rows = extract_results(text, DocContext("doc", "1999-01-10-presidential", dt.date(1999, 1, 12)), ref)
    assert [(r["subject"], r["value"]) for r in rows] == [("Nursultan Nazarbayev", 79.78), ("Serikbolsyn Abdildin", 11.7)]


def test_one_re_elected_stood_for_president_in_an_article_on_a_parliamentary_vote(ref):
    text = "Nur Otan won all 98 elected seats in 2007, and Nazarbayev was re-elected in April with 95.5% of the vote."
    rows = extract_results(text, DocContext("doc", "2012-01-15-parliamentary", dt.date(2011, 12, 19)), ref)
    assert [(r["subject"], r["value"], r["election_id"]) for r in rows if r["measure"] == "vote_share"] == [
        ("Nursultan Nazarbayev", 95.5, "2011-04-03-presidential")]


def test_counts_for_a_party_that_are_no_seats_and_shares_for_what_is_no_candidate():
    # votes for a party, and a vote for a party's bill, are no seats
    rows = results("Nur Otan won 62 seats, with the commission counting 3,400,000 votes for Nur Otan and 700,000 for Ak Zhol.", "2023")
    assert [(r["subject"], r["value"]) for r in rows] == [("Nur Otan", 62)]
    rows = results("Nur Otan won 62 seats, and the bill later passed 52 for Nur Otan's version to 10 against.", "2023")
    assert [(r["subject"], r["value"]) for r in rows] == [("Nur Otan", 62)]
    # the share left for others names no candidate; "who then was" is no time of a vote
    assert [r["value"] for r in results("Ak Zhol got 10.9 percent, leaving 30 percent for parties other than Nur Otan.", "2023")] == [10.9]
    rows = results("Nazarbayev won 97.7 percent in the 2015 presidential election. Tokayev, who then was Senate speaker, has now taken 81.3 percent.",
                   "2022")
    assert [r["election_id"] for r in rows] == ["2015-04-26-presidential", "2022-11-20-presidential"]


def test_a_cue_of_the_previous_chamber_in_an_apposition_or_a_speakers_title_dates_no_figure():
    text = ("The OSDP, led by a former parliamentary speaker, came second with about 4.6 percent, and Ak Zhol, "
            "the only opposition party in the outgoing chamber, was credited with 3.25 percent.")
    assert [(r["value"], r["election_id"]) for r in results(text, "2023")] == [
        (4.6, "2023-03-19-parliamentary"), (3.25, "2023-03-19-parliamentary")]
    # outside an apposition, the outgoing chamber's
    assert [r["election_id"] for r in results("In the outgoing chamber, Ak Zhol held 7 seats.", "2023")] == ["2021-01-10-parliamentary"]


@pytest.mark.parametrize("text, expected", [
    # a hyphenated word before "seats"; the party the seats went to after "to" or a passive "held by"
    # (the fake reference's Amanat is Nur Otan renamed)
    ("Amanat won 40 of the 69 party-list seats.", [("Nur Otan", 40, 69)]),
    ("The final results allocate 40 of the 69 party-list seats to Amanat, six to Ak Zhol.", [("Nur Otan", 40, 69), ("Ak Zhol", 6, 69)]),
    ("In the outgoing chamber, every one of the 98 party-list seats is held by the presidential Nur Otan party.", [("Nur Otan", 98, 98)]),
    # the whole after the seats
    ("Nur Otan won 62 seats out of 98.", [("Nur Otan", 62, 98)]),
])
def test_seats_with_hyphenated_words_and_the_party_after_them(text, expected):
    rows = results(text, "2023")
    assert [(r["subject"], r["value"], r["of"]) for r in rows] == expected


def test_seats_for_parties_named_after_a_smaller_count_and_an_apposition_that_names_a_vote():
    rows = results("Ak Zhol got 6 seats, compared with 40 for Nur Otan and 8 for the OSDP.", "2023")
    assert [(r["subject"], r["value"]) for r in rows] == [("Ak Zhol", 6), ("Nur Otan", 40), ("All-National Social Democratic Party", 8)]
    rows = results("Nur Otan, the winner of the 2016 election, took 84 seats and 82 percent of the vote.", "2021")
    assert [r["election_id"] for r in rows] == ["2016-03-20-parliamentary", "2016-03-20-parliamentary"]


def test_another_countrys_legislature_or_ruling_party_places_its_vote_abroad(ref):
    ctx = DocContext("doc", None, dt.date(2022, 1, 11))
    text = ("The Civil Contract party won 53.9% of the vote in last year's elections. Rallies followed the State Duma "
            "elections, in which United Russia was credited with 49.3%.")
    assert extract_results(text, ctx, ref) == []


def test_a_day_and_month_beside_a_vote_and_a_turnout_going_on_from_a_dated_result(ref):
    rows = extract_results("It was the first election since the reform approved in the referendum of 5 June, when 77.2 percent "
                           "voted in favour with a turnout of 68.1 percent.",
                           DocContext("doc", "2022-11-20-presidential", dt.date(2022, 11, 21)), ref)
    assert {r["election_id"] for r in rows} == {"2022-06-05-referendum"}
    ctx = DocContext("doc", "2012-01-15-parliamentary", dt.date(2011, 12, 19))
    rows = extract_results("Nazarbayev was re-elected in April with 95.5 per cent of the vote. Turnout was put at almost 90 per cent.",
                           ctx, FakeReference())
    assert [r["election_id"] for r in rows if r["measure"] == "turnout"] == ["2011-04-03-presidential"]
    # (not after a sentence whose own vote's figure comes first)
    rows = extract_results("Nur Otan won 80.7 per cent, more than the 88 per cent it got in 2007. Turnout was 75 per cent.",
                           ctx, FakeReference())
    assert [r["election_id"] for r in rows if r["measure"] == "turnout"] == ["2012-01-15-parliamentary"]


def test_a_share_verb_after_a_turnout_and_a_turnout_after_a_dated_share_in_an_article_on_no_vote(ref):
    ctx = DocContext("doc", None, dt.date(2016, 5, 23))
    text = ("Nazarbayev won the 2011 election with 95.55 per cent of the vote on a turnout of 89.98 per cent, and took "
            "91.15 per cent in 2005. The unrest comes after Nur Otan won 82.2 percent in a snap parliamentary election on a "
            "turnout of 77.1 percent, and a year after Nazarbayev was returned to office with 97.7 percent.")
    rows = extract_results(text, ctx, ref)
    assert [(r["measure"], r["value"], r["election_id"]) for r in rows if r["value"] in (91.15, 77.1, 97.7)] == [
        ("vote_share", 91.15, "2005-12-04-presidential"), ("turnout", 77.1, "2016-03-20-parliamentary"),
        ("vote_share", 97.7, "2015-04-26-presidential")]


def test_that_year_is_the_year_the_sentence_before_named(ref):
    text = ("In the previous election in January 2021, Nur Otan won 71.09 percent of the vote. "
            "Turnout that year was just over 63 percent.")
    rows = extract_results(text, DocContext("doc", "2023-03-19-parliamentary", dt.date(2023, 3, 20)), ref)
    assert [(r["measure"], r["election_id"]) for r in rows] == [("vote_share", "2021-01-10-parliamentary"),
                                                               ("turnout", "2021-01-10-parliamentary")]


@pytest.mark.parametrize("text, expected", [
    ("The runner-up, Zhiguli Dairabayev, took 3.42 per cent, and Karakat Abden, one of two women on the ballot, 2.6 per cent.",
     [("Zhiguli Dairabayev", 3.42, "2022-11-20-presidential"), ("Karakat Abden", 2.6, "2022-11-20-presidential")]),
    ("Nazarbayev took 91.15 per cent in 2005, rising to 95.55 per cent in 2011 and 97.75 per cent four years later.",
     [("Nursultan Nazarbayev", 91.15, "2005-12-04-presidential"), ("Nursultan Nazarbayev", 95.55, "2011-04-03-presidential"),
      ("Nursultan Nazarbayev", 97.75, "2015-04-26-presidential")]),
    ("In the June referendum, official results put the 'yes' vote at 77.18 per cent.", [("Yes", 77.18, "2022-06-05-referendum")]),
    ("In the June referendum, 77.18 percent of those who voted backed the changes and 18.66 percent opposed them.",
     [("Yes", 77.18, "2022-06-05-referendum"), ("No", 18.66, "2022-06-05-referendum")]),
])
def test_an_aside_before_a_figure_a_share_rising_in_another_year_and_a_referendums_sides(ref, text, expected):
    rows = extract_results(text, DocContext("doc", "2022-11-20-presidential", dt.date(2022, 12, 14)), ref)
    assert [(r["subject"], r["value"], r["election_id"]) for r in rows] == expected


@pytest.mark.parametrize("text, election, published, expected", [
    # a year after "since" that opens a clause on its vote dates the clause's figures only
    ("Ak Zhol cleared the threshold with 7.47 percent, so three parties sit in parliament for the first time since 2007, "
     "when Nur Otan took 88 percent.", "2012-01-15-parliamentary", "2012-01-17",
     [("Ak Zhol", "2012-01-15-parliamentary"), ("Nur Otan", "2007-08-18-parliamentary")]),
    # "He" opening a sentence: the one the sentence before opened with, past a subordinate clause's name
    ("Tokayev, 68, came to power in 2019 when Nazarbayev, now 81, stepped down. He won a presidential election in June "
     "that year with 70.96 percent of the vote.", None, "2022-01-16", [("Kassym-Jomart Tokayev", "2019-06-09-presidential")]),
    # a turnout as the adjunct of a share of another vote; a turnout recorded years ago in a sentence on turnout
    ("In the June referendum, official results put the 'yes' vote at 77.18 per cent on a turnout of 68.05 per cent.",
     "2022-11-20-presidential", "2022-12-14", [("Yes", "2022-06-05-referendum"), ("turnout", "2022-06-05-referendum")]),
    ("Turnout was just over 54 percent, the commission said, well below the 63.3 percent recorded two years ago.",
     "2023-03-19-parliamentary", "2023-03-20", [("turnout", "2023-03-19-parliamentary"), ("turnout", "2021-01-10-parliamentary")]),
    # a year's turnout beside an article's vote of another kind: that year's one vote ("the 2019 turnout" too)
    ("In Shymkent, where turnout in 2019 was 67.6 per cent, crowds gathered. In Aktobe, where the 2019 turnout was "
     "84.9 per cent, protesters rallied.", "2021-01-10-parliamentary", "2022-01-17",
     [("turnout", "2019-06-09-presidential"), ("turnout", "2019-06-09-presidential")]),
    # a cue opening a clause after a colon frames the clause's stretches after it
    ("Mangystau is the hardest region to win: in the June 2019 presidential election, turnout in Mangystau was "
     "68.9 per cent, against 77.4 per cent nationally.", "2021-01-10-parliamentary", "2022-01-17",
     [("turnout", "2019-06-09-presidential"), ("turnout", "2019-06-09-presidential")]),
    # "then" opening an aside: the time the sentence before named; a turnout going on after a past vote's shares
    ("In the last election, in 2004, Otan won 42 of the 77 seats. Ak Zhol, then in opposition, won one seat.",
     "2007-08-18-parliamentary", "2007-08-20", [("Otan", "2004-09-19-parliamentary"), ("Ak Zhol", "2004-09-19-parliamentary")]),
    ("In the last presidential election, in January 1999, Nazarbayev won 79.78 percent of the vote. Abdildin, who came "
     "second, received 11.7 percent. Turnout was reported at 87 percent.", "2005-12-04-presidential", "2005-12-06",
     [("Nursultan Nazarbayev", "1999-01-10-presidential"), ("Serikbolsyn Abdildin", "1999-01-10-presidential"),
      ("turnout", "1999-01-10-presidential")]),
    ("Nazarbayev won 91.15 percent. Tuyakbai received 6.61 percent. Turnout was reported at 77 percent.",
     "2005-12-04-presidential", "2005-12-06",
     [("Nursultan Nazarbayev", "2005-12-04-presidential"), ("Zharmakhan Tuyakbai", "2005-12-04-presidential"),
      ("turnout", "2005-12-04-presidential")]),
    # a list item's date label dates every stretch and sentence of the item; a timeline's historical present
    ("- January 10, 1999 (Presidential): The first contested race. Nazarbayev takes 79.78 per cent; Abdildin is "
     "runner-up with 11.7 per cent. Turnout: 87 per cent.", "2023-03-19-parliamentary", "2024-10-15",
     [("Nursultan Nazarbayev", "1999-01-10-presidential"), ("Serikbolsyn Abdildin", "1999-01-10-presidential"),
      ("turnout", "1999-01-10-presidential")]),
    # a day-first label dates its item too
    ("- 5 June 2022 (Referendum): Amendments were adopted. Turnout: 68.06 per cent.", None, "2024-10-15",
     [("turnout", "2022-06-05-referendum")]),
    # a timeline's present passive of a referendum's approval; the last of a series by year before a dash
    ("- June 5, 2022 (Referendum): Amendments to 33 articles of the Constitution are approved by 77.18 per cent.", None,
     "2024-10-15", [("Yes", "2022-06-05-referendum")]),
    ("Nazarbayev won with 91.15 percent in 2005 and 97.75 percent in 2015 \u2014 before resigning.", None, "2020-01-10",
     [("Nursultan Nazarbayev", "2005-12-04-presidential"), ("Nursultan Nazarbayev", "2015-04-26-presidential")]),
    # a city's voters between "registered" and "voters"
    ("In 2019 only 52.2 per cent of registered Almaty voters went to the polls.", None, "2022-01-17",
     [("turnout", "2019-06-09-presidential")]),
])
def test_clauses_of_a_year_pronouns_past_a_subordinate_clause_and_turnouts_of_another_vote(ref, text, election, published, expected):
    rows = extract_results(text, DocContext("doc", election, dt.date.fromisoformat(published)), ref)
    assert [(r["subject"], r["election_id"]) for r in rows if r["measure"] != "threshold"] == expected


def test_voters_casting_ballots_for_a_candidate_and_a_turnout_revised_up_to_a_figure(ref):
    text = ("According to the commission, 97.7 percent of voters cast their ballots for Nazarbayev. "
            "In Astana the commission revised the turnout up to 97.18 percent. Some 60 percent of eligible voters voted.")
    rows = extract_results(text, DocContext("doc", "2015-04-26-presidential", dt.date(2015, 4, 27)), ref)
    assert [(r["subject"], r["value"], r["qualifier"]) for r in rows] == [
        ("Nursultan Nazarbayev", 97.7, "exact"), ("turnout", 97.18, "exact"), ("turnout", 60, "approx")]


def test_a_share_verb_with_a_subject_of_its_own_takes_no_earlier_subject(ref):
    rows = extract_results("Tokayev won 81.3 percent, while the runner-up took 3.4 percent.",
                           DocContext("doc", "2022-11-20-presidential", dt.date(2022, 11, 21)), ref)
    assert [(r["subject"], r["value"]) for r in rows] == [("Kassym-Jomart Tokayev", 81.3)]


@pytest.mark.parametrize("text, expected", [
    # "He" resolved to one who did not stand: the candidate the sentences name
    ("Tokayev, then 66, took office in March 2019 after Nazarbayev resigned. He had been re-elected with 97.7 percent in 2015.",
     [("Nursultan Nazarbayev", "2015-04-26-presidential")]),
    # a candidate's own official share from another of his elections: that election
    ("Amirzhan Kosanov, who was credited with 16.23% in the previous election, did not run this time.",
     [("Amirzhan Kosanov", "2019-06-09-presidential")]),
])
def test_a_presidential_share_squares_with_the_candidates_of_its_election(ref, text, expected):
    rows = extract_results(text, DocContext("doc", "2022-11-20-presidential", dt.date(2022, 11, 21)), ref)
    assert [(r["subject"], r["election_id"]) for r in rows] == expected


@pytest.mark.parametrize("text, expected", [
    ("Amanat took 40 of the 69 list seats and, with its wins in districts, will control 62 of the 98 seats in the Mazhilis.",
     [("Amanat", 40), ("Amanat", 62)]),
    ("Nazarbayev stepped down in March. He won his last election, in April 2015, with 97.7 percent of the vote.",
     [("Nursultan Nazarbayev", 97.7)]),
    ("In April, the ruling party of Israel won 35 of the Knesset's 120 seats.", []),
    ("For comparison, the government holds 87 of the 150 seats in the House of Representatives.", []),
])
def test_a_coordinated_seat_count_a_pronoun_past_an_aside_and_foreign_chambers(ref, text, expected):
    rows = extract_results(text, DocContext("doc", "2023-03-19-parliamentary", dt.date(2023, 3, 21)), ref)
    assert [(r["subject"], r["value"]) for r in rows] == expected


# --- blind sets 27 and 28: the classes they showed (sentences written for these tests) ---------
def _shares(ref, text: str, election: str, published: str) -> list[tuple]:
    ctx = DocContext("doc", election, dt.date.fromisoformat(published))
    return [(r["subject"], r["measure"], r["value"]) for r in extract_results(text, ctx, ref)]


def test_a_paragraph_on_another_countrys_vote_stays_abroad(ref):
    text = ("Colombia's own first round, on May 29, left Gustavo Petro with 40.3% and Rodolfo Hernandez with 28.2%. "
            "Turnout was about 55%, in line with recent elections.\n\nTurnout in Kazakhstan was 68%.")
    assert _shares(ref, text, "2022-06-05-referendum", "2022-06-06") == [("turnout", "turnout", 68.0)]
    # (not after a sentence that does not open abroad)
    text = "Putin, who won 77 percent in Russia's 2018 election, congratulated Tokayev. Turnout was 77.5 percent, the CEC said."
    assert _shares(ref, text, "2019-06-09-presidential", "2019-06-11") == [("turnout", "turnout", 77.5)]


def test_none_of_the_candidates_above_a_share_is_a_bound(ref):
    text = ("Turnout was almost 90 per cent, and none of the three other candidates had collected more than two per cent. "
            "No other party cleared the 7 percent threshold.")
    assert _shares(ref, text, "2011-04-03-presidential", "2011-04-04") == [("turnout", "turnout", 90.0), ("threshold", "threshold", 7.0)]
    # (not a negation of others than the contenders)
    assert _shares(ref, "None of the observers disputed that turnout was 54 percent.", "2019-06-09-presidential", "2019-06-11") \
        == [("turnout", "turnout", 54.0)]


def test_the_one_a_candidate_came_behind_is_not_its_subject(ref):
    text = ("The Social Democrats are led by Zharmakhan Tuyakbai, a former speaker of parliament who finished a distant second "
            "to Mr Nazarbayev in the 2005 presidential election with 6.6 percent.")
    assert _shares(ref, text, "2007-08-18-parliamentary", "2007-08-25") == [("Zharmakhan Tuyakbai", "vote_share", 6.6)]
    # (unless the figure is in a clause of the one it trailed)
    assert _shares(ref, "Kosanov finished behind Tokayev, who won 71 percent.", "2019-06-09-presidential", "2019-06-11") \
        == [("Kassym-Jomart Tokayev", "vote_share", 71.0)]


def test_an_office_before_a_name_of_its_own_is_no_incumbent(ref):
    text = "President Saakashvili, who was himself elected in January 2004 with over 96% of the vote, sent a message."
    assert _shares(ref, text, "2005-12-04-presidential", "2005-12-05") == []
    assert _shares(ref, "The president was re-elected with 91% of the vote.", "2005-12-04-presidential", "2005-12-05") \
        == [("Nursultan Nazarbayev", "vote_share", 91.0)]


def test_a_balkan_countrys_vote_is_abroad(ref):
    text = "In Bosnia and Herzegovina's general election last October, turnout was around 53 percent."
    assert _shares(ref, text, "2019-06-09-presidential", "2019-06-18") == []


def test_the_seats_a_party_holds_before_a_vote_are_the_vote_befores(ref):
    text = ("The violence comes a month before a snap election on January 15, at which the Nur Otan party, which holds "
            "all 98 elected seats in the lower house, is expected to win.")
    rows = extract_results(text, DocContext("doc", "2012-01-15-parliamentary", dt.date(2011, 12, 18)), ref)
    assert [(r["measure"], r["value"], r["election_id"]) for r in rows] == [("seats", 98.0, "2007-08-18-parliamentary")]
    # (and the seats it has held since: "since 2007" opens a span, no vote of its own)
    rows = extract_results("His Nur Otan party has held all 98 elected seats in the Mazhilis since 2007.",
                           DocContext("doc", "2012-01-15-parliamentary", dt.date(2011, 12, 18)), ref)
    assert [(r["value"], r["election_id"]) for r in rows] == [(98.0, "2007-08-18-parliamentary")]


def test_an_office_or_a_pronoun_is_the_candidate_whose_official_share_it_states(ref):
    text = "In Nazarbayev's last contest, in 2015, the long-serving leader was re-elected with 97.7 per cent of the vote."
    assert _shares(ref, text, "2019-06-09-presidential", "2019-06-11") == [("Nursultan Nazarbayev", "vote_share", 97.7)]
    text = ("Nazarbayev, 65, has ruled since 1989. He took 79.78 percent in the previous election in January 1999, when "
            "former prime minister Akezhan Kazhegeldin was barred from running. "
            "In 1991 he stood unopposed and was credited with more than 98 percent.")
    assert _shares(ref, text, "2005-12-04-presidential", "2005-12-06") == [
        ("Nursultan Nazarbayev", "vote_share", 79.78), ("Nursultan Nazarbayev", "vote_share", 98.0)]


def test_a_negation_before_the_colon_that_opens_the_results_bounds_nothing(ref):
    text = "No party cleared the 7 per cent threshold: the Nationwide Social Democratic Party polled 4.62 per cent."
    assert _shares(ref, text, "2007-08-18-parliamentary", "2007-08-20") == [
        ("threshold", "threshold", 7.0), ("All-National Social Democratic Party", "vote_share", 4.62)]


def test_a_yes_side_of_kazakhs_who_agreed_and_a_share_of_several_together(ref):
    def rows(text: str, election: str, published: str) -> list[tuple]:
        ctx = DocContext("doc", election, dt.date.fromisoformat(published))
        return [(r["subject"], r["value"]) for r in extract_results(text, ctx, ref)]

    assert rows("Officials said 77.18% of Kazakhs who turned out on Sunday approved the amendments.",
                "2022-06-05-referendum", "2022-06-07") == [("Yes", 77.18)]
    assert rows("In April 1995, 95.4% of voters agreed to extend his term to 2000.", "2022-06-05-referendum", "2022-06-07") \
        == [("Yes", 95.4)]
    # (no one's share: "polled less than one percent between them")
    assert rows("Tuyakbai won 6.64 percent; the two remaining candidates, Abylkasymov and Yeleusizov, polled less than one "
                "percent between them.", "2005-12-04-presidential", "2005-12-06") == [("Zharmakhan Tuyakbai", 6.64)]


def test_set_30_and_31_result_classes(ref):
    def rows(text: str, election: str, published: str) -> list[tuple]:
        ctx = DocContext("doc", election, dt.date.fromisoformat(published))
        return [(r["subject"], r["value"], r["scope"], r["election_id"]) for r in extract_results(text, ctx, ref)]

    referendum = ("2022-06-05-referendum", "2022-06-07")
    # "It" after a sentence that gave a turnout; each figure's own place right after it
    assert rows("Turnout was 68.44%. It ranged from 80.66% in Turkistan region, in the south, to just 33.3% in Almaty.", *referendum) == [
        ("turnout", 68.44, None, "2022-06-05-referendum"), ("turnout", 80.66, "Turkistan Region", "2022-06-05-referendum"),
        ("turnout", 33.3, "Almaty", "2022-06-05-referendum")]
    # a month alone opening a clause goes on in the year the sentence named
    assert [r[3] for r in rows("In April of 1995, 95.4% of voters agreed to extend his term; in August, 89% approved the constitution.",
                               *referendum)] == ["1995-04-29-referendum", "1995-08-30-referendum"]
    # a country's voters, by its demonym, vote abroad
    assert rows("In October 2020, 78.28% of Chilean voters backed writing a new charter, on a turnout of about 51%.", *referendum) == []


def test_set_32_result_classes(ref):
    def rows(text: str, election: str | None, published: str) -> list[tuple]:
        ctx = DocContext("doc", election, dt.date.fromisoformat(published))
        return [(r["subject"], r["value"], r["election_id"]) for r in extract_results(text, ctx, ref)]

    # dated when Kazakhstan held no vote: another country's ("When we repealed the Eighth Amendment in 2018")
    assert rows("When we repealed the Eighth Amendment in 2018, 66.4% voted Yes on a turnout of 64.1%.",
                "2022-06-05-referendum", "2022-06-07") == []
    # ... unless the figure is a vote's official one, the nearest to that time ("last April" in May 2016)
    assert rows("Nazarbayev was returned to office only last April with 97.7 per cent of the vote.", None, "2016-05-20") \
        == [("Nursultan Nazarbayev", 97.7, "2015-04-26-presidential")]
    # a share going on past a turnout given as its adjunct, and after "and with" or "; in 2011, with"
    assert rows("Nazarbayev took 97.7 per cent in 2015, on a reported turnout of 95.22 per cent, and 95.5 per cent four years earlier.",
                "2019-06-09-presidential", "2019-06-20")[2] == ("Nursultan Nazarbayev", 95.5, "2011-04-03-presidential")
    assert rows("Nazarbayev was re-elected with 91.15% in 2005 and with 95.55% in 2011.", None, "2019-06-20") == [
        ("Nursultan Nazarbayev", 91.15, "2005-12-04-presidential"), ("Nursultan Nazarbayev", 95.55, "2011-04-03-presidential")]
    # "in August of that year" after a year written alone
    assert [r[2] for r in rows("The 1995 constitution was approved by 89 percent of voters in a referendum in August of that year.",
                               "2022-06-05-referendum", "2022-06-07")] == ["1995-08-30-referendum"]


def test_review_mends_for_votes_dated_when_none_was_held(ref):
    def rows(text: str, election: str | None, published: str) -> list[tuple]:
        ctx = DocContext("doc", election, dt.date.fromisoformat(published))
        return [(r["subject"], r["value"]) for r in extract_results(text, ctx, ref)]

    # a turnout going on from a figure dated abroad goes with it
    assert rows("In Kazakhstan's referendum, 77.18% voted yes. When we repealed the Eighth Amendment in 2018, 66.4% voted Yes "
                "on a turnout of 64.1%.", "2022-06-05-referendum", "2022-06-07") == [("Yes", 77.18)]
    # a Kazakh vote the table lacks, named before the figure with no other country between
    assert rows("In July 2021, Kazakhstan held its first direct elections of rural akims; turnout was 70.3 percent.",
                None, "2021-08-01") == [("turnout", 70.3)]
    # a count is no year for "that year"
    assert rows("Some 2000 observers monitored the vote, held in March of that year, and Nazarbayev won 95.5%.",
                "2011-04-03-presidential", "2011-04-05") == [("Nursultan Nazarbayev", 95.5)]


@pytest.mark.parametrize("text, election, published, expected", [
    ("The ruling party, which won 71 percent, had campaigned for the amendments.", "2022-06-05-referendum", "2022-06-06", []),
    ("Oil exports extended their rise by 4.5 percent, the ministry said.", "2022-06-05-referendum", "2022-06-06", []),
    ("Tokayev pushed through constitutional amendments this year. On Sunday, 81.31 percent of voters backed him.",
     "2022-11-20-presidential", "2022-11-21", []),
    ("Analysts noted Tokayev's 60 percent in a Demoscope survey last month.", "2022-11-20-presidential", "2022-11-21", []),
    # a national figure's speaker's place is no scope; a round turnout of a group is no other vote's
    ("Tokayev won 81.31 percent, the commission in Astana said.", "2022-11-20-presidential", "2022-11-21",
     [("Kassym-Jomart Tokayev", None, "2022-11-20-presidential")]),
    ("Among voters under 30, turnout was 62.5 percent.", "2023-03-19-parliamentary", "2023-03-20",
     [("turnout", None, "2023-03-19-parliamentary")]),
    ("9" * 400 + " months later, turnout was 77.5 percent.", "2023-03-19-parliamentary", "2023-03-20",
     [("turnout", None, "2023-03-19-parliamentary")]),
])
def test_what_a_review_found_misfiring(ref, text, election, published, expected):
    rows = extract_results(text, DocContext("doc", election, dt.date.fromisoformat(published)), ref)
    assert [(r["subject"], r["scope"], r["election_id"]) for r in rows] == expected


@pytest.mark.parametrize("text, election, published, expected", [
    # an interviewer's question names the measure its answer's figure gives; a figure compared with it
    # in the sentence after is the same measure's, of the year it names
    ("What about turnout?\nOfficially 69.44 percent, out of nearly 12 million eligible voters. That is lower than the "
     "77 percent reported in 2019.", "2022-11-20-presidential", "2022-11-29",
     [("turnout", 69.44, "exact", "2022-11-20-presidential"), ("registered voters", 12_000_000, "approx", "2022-11-20-presidential"),
      ("turnout", 77, "exact", "2019-06-09-presidential")]),
    # "it" going on with the share of the sentence before, and a series by year linked by "then"
    ("Nazarbayev was used to much more. He got more than 98 percent in 1991, when nobody ran against him. In 1999 it was just shy of 80 percent, "
     "then 91 percent in 2005.", "2022-11-20-presidential", "2022-11-29",
     [("Nursultan Nazarbayev", 98, "more_than", "1991-12-01-presidential"),
      ("Nursultan Nazarbayev", 80, "fewer_than", "1999-01-10-presidential"),
      ("Nursultan Nazarbayev", 91, "exact", "2005-12-04-presidential")]),
    # an adverb between the pronoun and its verb; a party's "had" past an aside; the same vote's first count
    ("Nazarbayev has led Kazakhstan since 1989. He was last re-elected in April 2011 with 95.5 percent.",
     "2015-04-26-presidential", "2015-04-28", [("Nursultan Nazarbayev", 95.5, "exact", "2011-04-03-presidential")]),
    ("Tokayev had 70 percent approval in a government-commissioned survey.", "2022-11-20-presidential", "2022-11-21", []),
    ("Final results gave Tokayev 70.96 percent of the vote, slightly above the preliminary 70.76 percent.",
     "2019-06-09-presidential", "2019-06-12",
     [("Kassym-Jomart Tokayev", 70.96, "exact", "2019-06-09-presidential"), ("Kassym-Jomart Tokayev", 70.76, "exact", "2019-06-09-presidential")]),
    ("The second-placed candidate, Amirzhan Kosanov, was allowed 16.23 percent.", "2019-06-09-presidential", "2019-06-18",
     [("Amirzhan Kosanov", 16.23, "exact", "2019-06-09-presidential")]),
    # set 37: figures joined by "and" before one year share it; "all" after "and"; a referendum's no after an aside
    ("Nur Otan took 88% of the vote and all 98 elected seats in 2007.", "2012-01-15-parliamentary", "2011-12-19",
     [("Nur Otan", 88, "exact", "2007-08-18-parliamentary"), ("Nur Otan", 98, "exact", "2007-08-18-parliamentary")]),
    ("The chairman said that 2,045,271 people, or 26.15 percent of those who took part, voted against the project.",
     "2024-10-06-referendum", "2024-10-07", [("No", 26.15, "exact", "2024-10-06-referendum")]),
    # a record of the measure the paragraph gave; a vote drawing its turnout; taking part in a vote
    ("Turnout stood at 54.19% when the polls closed. That is lower than in any previous election. The previous low was "
     "56.49% in 2004; the 1999 vote drew 62.5%.", "2023-03-19-parliamentary", "2023-03-24",
     [("turnout", 54.19, "exact", "2023-03-19-parliamentary"), ("turnout", 56.49, "exact", "2004-09-19-parliamentary"),
      ("turnout", 62.5, "exact", "1999-10-10-parliamentary")]),
    ("Presidential votes draw more: 69.44% took part in the presidential vote of November 2022.", "2023-03-19-parliamentary",
     "2023-03-24", [("turnout", 69.44, "exact", "2022-11-20-presidential")]),
    ("In January 2021 only about 30% of Almaty's voters took part.", "2023-03-19-parliamentary", "2023-03-24",
     [("turnout", 30, "approx", "2021-01-10-parliamentary")]),
    # in a story about no vote: a turnout after one vote's shares is that vote's, also after "that vote"
    ("Official results gave Nazarbayev 79.78 percent and Abdildin 11.7 percent. The commission put turnout at about 87 percent.",
     None, "2020-07-01", [("Nursultan Nazarbayev", 79.78, "exact", "1999-01-10-presidential"),
                          ("Serikbolsyn Abdildin", 11.7, "exact", "1999-01-10-presidential"), ("turnout", 87, "approx", "1999-01-10-presidential")]),
    ("Otan won 30.9 percent in 1999. Turnout in that vote was 62.5 percent.", None, "2020-07-01",
     [("Otan", 30.9, "exact", "1999-10-10-parliamentary"), ("turnout", 62.5, "exact", "1999-10-10-parliamentary")]),
    # months counted from the month the sentence before named; the turnout a precise share was won on
    ("In April 1995, 95.4 per cent backed the extension. Four months later the constitution was adopted with about 89 per cent "
     "support.", "2022-06-05-referendum", "2022-06-01",
     [("Yes", 95.4, "exact", "1995-04-29-referendum"), ("Yes", 89, "approx", "1995-08-30-referendum")]),
    ("A month after the killings, Nur Otan won a snap election with 80.99 per cent, on a reported turnout of 75.4 per cent.",
     "2021-01-10-parliamentary", "2021-12-16",
     [("Nur Otan", 80.99, "exact", "2012-01-15-parliamentary"), ("turnout", 75.4, "exact", "2012-01-15-parliamentary")]),
    ("Preliminary results gave Nazarbayev 95.5%. The final count put him at 95.55%.", "2011-04-03-presidential", "2011-04-06",
     [("Nursultan Nazarbayev", 95.5, "exact", "2011-04-03-presidential"), ("Nursultan Nazarbayev", 95.55, "exact", "2011-04-03-presidential")]),
    # a time is no subject; a year after a preposition is no count of seats
    ("That October the Communists took 17.7 percent of the party-list vote.", None, "2020-07-01", []),
    ("The party was founded in 2004 and from 2012 had seats in parliament.", None, "2020-07-01", []),
    ("Ak Zhol won in 2012 seats it had lost in 2007.", None, "2020-07-01", []),
    # a question of another measure, an answer that says more, "it" after a sentence of no share, a poll's share
    ("Tokayev won 70.96 percent. Why was turnout so low? 40 percent of voters said they distrusted the commission.",
     "2019-06-09-presidential", "2019-06-12", [("Kassym-Jomart Tokayev", 70.96, "exact", "2019-06-09-presidential")]),
    ("Tokayev won 70.96 percent. Inflation is a concern for voters. It rose to 8 percent last year.",
     "2019-06-09-presidential", "2019-06-12", [("Kassym-Jomart Tokayev", 70.96, "exact", "2019-06-09-presidential")]),
    ("Turnout was 77.5 percent. That is higher than the 30 percent of Kazakhs who say they trust parliament.",
     "2019-06-09-presidential", "2019-06-12", [("turnout", 77.5, "exact", "2019-06-09-presidential")]),
    ("The opposition vote drew 16 percent.", "2019-06-09-presidential", "2019-06-12", []),
    ("Tokayev won 81.3 percent in 2022. Turnout in the referendum was 68 percent.", None, "2023-01-10",
     [("Kassym-Jomart Tokayev", 81.3, "exact", "2022-11-20-presidential"), ("turnout", 68, "exact", None)]),
    # a question of another measure, a long one, and "it" with no share before are no frame
    ("What about the economy?\nOfficially 4.5 percent growth.", "2022-11-20-presidential", "2022-11-29", []),
    ("Inflation was high. In 2022 it was 20 percent.", "2022-11-20-presidential", "2022-11-29", []),
])
def test_figures_that_take_their_measure_from_the_sentence_before(ref, text, election, published, expected):
    rows = extract_results(text, DocContext("doc", election, dt.date.fromisoformat(published)), ref)
    assert [(r["subject"], r["value"], r["qualifier"], r["election_id"]) for r in rows] == expected


def test_a_share_in_words_with_a_half(ref):
    rows = extract_results("Nazarbayev won ninety-five and a half percent in 2011. Turnout was put at seventy-seven and a half percent.",
                           DocContext("doc", None, dt.date(2019, 8, 16)), ref)
    assert [(r["measure"], r["value"]) for r in rows] == [("vote_share", 95.5), ("turnout", 77.5)]


def test_a_win_a_possessive_names_and_the_against_all_line(ref):
    rows = extract_results("The vote came after President Kassym-Jomart Tokayev's re-election in November with 81.31%. "
                           'The "against all" line, which returned to the ballot, collected 5.8%.',
                           DocContext("doc", "2023-03-19-parliamentary", dt.date(2023, 3, 20), mentions=None), ref)
    assert [(r["subject"], r["value"], r["election_id"]) for r in rows] == [
        ("Kassym-Jomart Tokayev", 81.31, "2022-11-20-presidential"), ("against all", 5.8, "2023-03-19-parliamentary")]


def test_turnouts_of_a_counted_electorate_of_places_named_after_them_and_shares_of_them(ref):
    ctx = DocContext("doc", "1991-12-01-presidential", dt.date(1991, 12, 2))
    rows = extract_results("A spokesman said about 88 percent of the nearly 10 million registered voters cast ballots.", ctx, ref)
    assert [(r["measure"], r["value"]) for r in rows] == [("turnout", 88)]
    rows = extract_results("Turnout was 75.45 per cent. Participation was far lower in the cities: figures released on Sunday showed "
                           "41.4 per cent in Almaty, the largest city, and 53.3 per cent in the capital, Astana, against 92.6 per cent "
                           "in the surrounding Almaty region.", DocContext("doc", "2012-01-15-parliamentary", dt.date(2012, 1, 16)), ref)
    assert [(r["measure"], r["value"], r["scope"]) for r in rows] == [
        ("turnout", 75.45, None), ("turnout", 41.4, "Almaty"), ("turnout", 53.3, "Astana"), ("turnout", 92.6, "Almaty Region")]
    rows = extract_results("Some 90 percent of registered voters took part in Wednesday's referendum and 89 percent of them voted yes.",
                           DocContext("doc", "1995-08-30-referendum", dt.date(1995, 8, 31)), ref)
    assert [(r["subject"], r["value"]) for r in rows] == [("turnout", 90), ("Yes", 89)]
    rows = extract_results("Some 69 percent of voters took part, and 81 percent of them backed Tokayev.",
                           DocContext("doc", "2022-11-20-presidential", dt.date(2022, 11, 21)), ref)
    assert [(r["subject"], r["value"]) for r in rows] == [("turnout", 69), ("Kassym-Jomart Tokayev", 81)]
    # (a place after a figure in a sentence of shares is no turnout's)
    rows = extract_results("Turnout was 75 per cent, and Nur Otan won 81 per cent in Almaty.",
                           DocContext("doc", "2012-01-15-parliamentary", dt.date(2012, 1, 16)), ref)
    assert [(r["subject"], r["value"]) for r in rows] == [("turnout", 75), ("Nur Otan", 81)]


@pytest.mark.parametrize("text, election, published, expected", [
    ("Nazarbayev won 79.78 percent. In December 1991, he was the only candidate and won more than 98 per cent.",
     "1999-01-10-presidential", "1999-01-11",
     [("Nursultan Nazarbayev", "vote_share", 79.78, "1999-01-10-presidential"), ("Nursultan Nazarbayev", "vote_share", 98, "1991-12-01-presidential")]),
    ("Turnout was 63.66 percent, more than four percentage points below the 68.05 per cent recorded at the 2022 referendum.",
     "2024-10-06-referendum", "2024-10-07",
     [("turnout", "turnout", 63.66, "2024-10-06-referendum"), ("turnout", "turnout", 68.05, "2022-06-05-referendum")]),
    ("President's party wins 60.6 percent of list vote.", "2004-09-19-parliamentary", "2004-09-24",
     [("Otan", "vote_share", 60.6, "2004-09-19-parliamentary")]),
    ("Asar took 11.4 percent, and the AIST bloc of the Agrarian and Civic parties 7.1 percent.", "2004-09-19-parliamentary", "2004-09-24",
     [("Asar", "vote_share", 11.4, "2004-09-19-parliamentary"), ("AIST", "vote_share", 7.1, "2004-09-19-parliamentary")]),
])
def test_a_coordinated_predicate_a_turnout_compared_with_and_a_headlines_party(ref, text, election, published, expected):
    rows = extract_results(text, DocContext("doc", election, dt.date.fromisoformat(published)), ref)
    assert [(r["subject"], r["measure"], r["value"], r["election_id"]) for r in rows] == expected


def test_informal_figures_restated_exactly_and_a_party_with_a_bracketed_aside(ref):
    rows = extract_results("The result: Nur Otan got like 71%. The exact number, from the commission's preliminary count on Monday, "
                           "is 71.09%. Ak Zhol took 10.95% and the People's Party of Kazakhstan (the former Communists, rebranded) 9.1%.",
                           DocContext("doc", "2021-01-10-parliamentary", dt.date(2021, 1, 12)), ref)
    assert [(r["subject"], r["value"], r["qualifier"]) for r in rows] == [
        ("Nur Otan", 71, "approx"), ("Nur Otan", 71.09, "exact"), ("Ak Zhol", 10.95, "exact"), ("People's Party of Kazakhstan", 9.1, "exact")]
    # (not a number of something else restated: "the number of people detained")
    rows = extract_results("Tokayev won 71%. The number of complaints was 40%.", DocContext("doc", "2019-06-09-presidential", dt.date(2019, 6, 11)), ref)
    assert [(r["subject"], r["value"]) for r in rows] == [("Kassym-Jomart Tokayev", 71)]


@pytest.mark.parametrize("text, election, expected", [
    ("Nur Otan won 71.09 percent. The second-placed party's result was 7.5 percent.", "2021-01-10-parliamentary",
     [("Nur Otan", 71.09)]),
    ("Observers criticised Tokayev's re-election, and Zhiguli Dairabayev, his nearest rival, got 3.42 percent.",
     "2022-11-20-presidential", [("Zhiguli Dairabayev", 3.42)]),
    ("Tokayev won 70.96 percent in the election, held after Nazarbayev 19.03.2019 resigned.", "2019-06-09-presidential",
     [("Kassym-Jomart Tokayev", 70.96)]),
    ("About 400 people joined the rally in Almaty, and 60 percent of them backed Kosanov in the election.",
     "2019-06-09-presidential", []),
    ("Some 40 percent of the 500 voters who took part in the survey said they backed Nur Otan.", "2021-01-10-parliamentary", []),
    # (a table's side labels right before their figures)
    ("How the votes compare: 2024 nuclear referendum: yes 71.12%, no 26.15%, turnout 63.66%.", "2024-10-06-referendum",
     [("Yes", 71.12), ("No", 26.15), ("turnout", 63.66)]),
    # (a percent word joined by hyphens: "the 7-per-cent hurdle", "the seven-per-cent threshold")
    ("Ak Zhol cleared the 7-per-cent hurdle, and Nur Otan won 80.99-per-cent of the vote.", "2012-01-15-parliamentary",
     [("threshold", 7), ("Nur Otan", 80.99)]),
    # (a difference is no share)
    ("The Nur Otan party won 7-per-cent more than in 2007.", "2012-01-15-parliamentary", []),
])
def test_review_mends_of_the_twenty_first_session(ref, text, election, expected):
    rows = extract_results(text, DocContext("doc", election, dt.date.fromisoformat(election[:10]) + dt.timedelta(days=2)), ref)
    assert [(r["subject"], r["value"]) for r in rows] == expected


def test_a_security_or_a_company_is_no_candidate(ref):
    rows = extract_results("Tokayev won 70.96% in the election. Halyk Bank GDRs gained 2.1% on the week, and the KASE Index rose 1.2%.",
                           DocContext("doc", "2019-06-09-presidential", dt.date(2019, 6, 19)), ref)
    assert [(r["subject"], r["value"]) for r in rows] == [("Kassym-Jomart Tokayev", 70.96)]


def test_a_share_whose_percent_word_the_list_before_gave(ref):
    rows = extract_results("Two other parties were let in: Ak Zhol, with 7.47 percent, and the Communist People's Party, with 7.19. "
                           "Nur Otan won 81 percent, with 7 others far behind. Ak Zhol, with 1.5 times more votes, came second.",
                           DocContext("doc", "2012-01-15-parliamentary", dt.date(2012, 1, 20)), ref)
    assert [(r["phrase"], r["value"]) for r in rows] == [("7.47 percent", 7.47), ("with 7.19", 7.19), ("won 81 percent", 81)]


@pytest.mark.parametrize("text, expected", [
    ("The results were: Tokayev 70.96%, Kosanov 16.23, Akhmetbekov 1.82.",
     [("70.96%", 70.96), ("16.23", 16.23), ("1.82", 1.82)]),
    ("Amanat won 53.9%, Auyl 10.90, Respublica \u2013 8.59 and Ak Zhol: 8.41.",
     [("won 53.9%", 53.9), ("10.90", 10.9), ("8.59", 8.59), ("8.41", 8.41)]),
    # (a figure with a unit, or a whole number, after the name is no share)
    ("Tokayev won 70.96%, Kosanov 16.23 million votes and Akhmetbekov 2 seats.", [("won 70.96%", 70.96)]),
    # (nor a decimal after a name with no share before it in the sentence)
    ("Kosanov 16.23, Akhmetbekov 1.82.", []),
])
def test_a_share_a_list_names_without_its_percent_sign(ref, text, expected):
    rows = extract_results(text, DocContext("doc", "2019-06-09-presidential", dt.date(2019, 6, 20)), ref)
    assert [(r["phrase"], r["value"]) for r in rows] == expected


@pytest.mark.parametrize("text, expected", [
    ("Customs chief Gani Kasymov had under 5 percent of the vote.", [("Gani Kasymov", 5)]),
    ("Amirzhan Kosanov's 16.23 percent is the highest share any runner-up has received.", [("Amirzhan Kosanov", 16.23)]),
])
def test_a_share_a_candidate_had_and_a_possessives_share(ref, text, expected):
    rows = extract_results(text, DocContext("doc", "2019-06-09-presidential", dt.date(2019, 6, 20)), ref)
    assert [(r["subject"], r["value"]) for r in rows] == expected


@pytest.mark.parametrize("text, expected", [
    ("In 1999 Nazarbayev took nearly four in five votes.", [("Nursultan Nazarbayev", 80.0, "approx")]),
    ("Tokayev won two-thirds of the vote in the capital.", [("Kassym-Jomart Tokayev", 66.7, "exact")]),
    # (a fraction of voters without a verb of winning is no share; nor one abroad without a Kazakh name)
    ("One in three voters stayed home.", []),
    ("In Italy, four in five voters backed the reform.", []),
])
def test_a_share_as_a_fraction_of_the_vote(ref, text, expected):
    rows = extract_results(text, DocContext("doc", "1999-01-10-presidential", dt.date(2019, 8, 16)), ref)
    assert [(r["subject"], r["value"], r["qualifier"]) for r in rows] == expected


def test_seats_out_of_its_chambers_whole(ref):
    rows = extract_results("Nur Otan holds 84 of its 98 elected seats.", DocContext("doc", "2016-03-20-parliamentary", dt.date(2016, 5, 22)), ref)
    assert [(r["subject"], r["value"], r["of"]) for r in rows] == [("Nur Otan", 84, 98)]


@pytest.mark.parametrize("text, expected", [
    ("More than three-quarters of those who voted on Sunday endorsed the package.", [("Yes", "vote_share", 75.0, "more_than")]),
    ("Fewer than one in five voters said no.", [("No", "vote_share", 20.0, "fewer_than")]),
    ("Just over two-thirds of the electorate turned out.", [("turnout", "turnout", 66.7, "more_than")]),
    # (a poll's fraction is no result)
    ("Two in three voters said in a poll that they trust the president.", []),
])
def test_a_fraction_of_the_voters_that_turned_out_or_said_yes(ref, text, expected):
    rows = extract_results(text, DocContext("doc", "2022-06-05-referendum", dt.date(2022, 6, 8)), ref)
    assert [(r["subject"], r["measure"], r["value"], r["qualifier"]) for r in rows] == expected


def test_a_share_for_a_name_after_it_is_that_names(ref):
    # (in a list of shares "for" names, not the name before it, the figure before's; but the subject's, named first)
    ctx = DocContext("doc", "1999-01-10-presidential", dt.date(1999, 1, 12))
    rows = extract_results("Official figures showed 79.8% for Nazarbayev and 11.7% for the communist Serikbolsyn Abdildin. "
                           "Abdildin won 11.7% for the Communist Party.", ctx, ref)
    assert [(r["value"], r["subject"]) for r in rows] == [
        (79.8, "Nursultan Nazarbayev"), (11.7, "Serikbolsyn Abdildin"), (11.7, "Serikbolsyn Abdildin")]
    rows = extract_results("Tokayev was elected with 70.96% for Nur Otan.", DocContext("doc", "2019-06-09-presidential", dt.date(2019, 6, 12)), ref)
    assert [(r["subject"], r["election_id"]) for r in rows] == [("Kassym-Jomart Tokayev", "2019-06-09-presidential")]


def test_a_year_dates_a_figure_of_a_story_of_no_vote_and_no_known_day(ref):
    rows = extract_results("The 2005 presidential election gave Tuyakbai 6.6% nationally. Tuyakbai won 6.6% nationally.",
                           DocContext("doc", None, None), ref)
    assert [(r["subject"], r["election_id"]) for r in rows] == [("Zharmakhan Tuyakbai", "2005-12-04-presidential"),
                                                                ("Zharmakhan Tuyakbai", None)]


def test_a_heading_that_opens_with_a_year_dates_its_sections_figures(ref):
    text = ("Kazakhstan voted on Sunday for a new Mazhilis. Amanat won 53.9% of the vote.\n"
            "2007: one party, 98 seats\n"
            "Three years later, Nur Otan won all 98 elected seats with 88.4% of the vote.\n"
            "No other party reached the barrier; Ak Zhol came in at 3.1%.\n"
            "What changed\n"
            "Ak Zhol took 8.4%.")
    rows = extract_results(text, DocContext("doc", "2023-03-19-parliamentary", dt.date(2023, 3, 21)), ref)
    assert [(r["value"], r["election_id"]) for r in rows] == [
        (53.9, "2023-03-19-parliamentary"), (98, "2007-08-18-parliamentary"), (88.4, "2007-08-18-parliamentary"),
        (3.1, "2007-08-18-parliamentary"), (8.4, "2023-03-19-parliamentary")]
    # (not a heading whose year opens no section of that year's vote, nor a figure of a time of its own)
    for heading, sentence in (("2021 protests and after", "Amanat won 61.2% of the vote."),
                              ("2021: the boycott", "Amanat won 61.2% of the vote on Sunday.")):
        rows = extract_results(f"Kazakhstan voted for a new Mazhilis.\n{heading}\n{sentence}",
                               DocContext("doc", "2023-03-19-parliamentary", dt.date(2023, 3, 21)), ref)
        assert [r["election_id"] for r in rows] == ["2023-03-19-parliamentary"], heading


@pytest.mark.parametrize("text, expected", [
    ("Turnout in the 2005 presidential election was 76.8 percent.", ["2005-12-04-presidential"]),
    ("In 1999, turnout in the parliamentary election was 62 percent.", ["1999-10-10-parliamentary"]),
    # (a year of two votes, and no kind named: none; a referendum named; a local vote's turnout: none)
    ("Turnout was 76.8 percent in 1999.", [None]),
    ("Turnout in the 2022 referendum was 68 percent.", ["2022-06-05-referendum"]),
    ("In 2019, when Nazarbayev resigned, turnout in Almaty mayoral polls was 20 percent.", [None]),
    # (after the shares of one vote in its sentence, that vote's)
    ("In 1999, Nazarbayev won an early presidential election. Official results gave Nazarbayev 79.78 percent of the vote "
     "and Serikbolsyn Abdildin 11.7 percent; turnout was put at 87 percent.", ["1999-01-10-presidential"] * 3),
])
def test_a_turnout_in_a_story_of_no_vote_is_the_vote_its_time_names(ref, text, expected):
    rows = extract_results(text, DocContext("doc", None, dt.date(2022, 1, 10)), ref)
    assert [r["election_id"] for r in rows] == expected


def test_it_after_a_verb_is_the_vote_won_not_its_winner(ref):
    rows = extract_results("In April 2015, Nazarbayev brought the next presidential election forward by a year and won it with "
                           "97.75 per cent.", DocContext("doc", "2019-06-09-presidential", dt.date(2019, 12, 20)), ref)
    assert [(r["subject"], r["election_id"]) for r in rows] == [("Nursultan Nazarbayev", "2015-04-26-presidential")]


def test_a_live_pages_entry_heading_restated_under_it_is_one_claim(ref):
    text = ("05:26\n\nTokayev wins with 70.76 per cent, say officials\n\nThe Central Election Commission has declared "
            "Kassym-Jomart Tokayev the winner with 70.76 per cent of the vote.\n\n17:36\n\nFinal turnout: 77.4 per cent\n\n"
            "Turnout was 77.4 per cent, deputy election commission chairman Konstantin Petrov said.")
    rows = extract_results(text, DocContext("doc", "2019-06-09-presidential", dt.date(2019, 6, 10)), ref)
    assert [r["phrase"] for r in rows] == ["70.76 per cent of the vote", "Turnout was 77.4 per cent"]
    # (a heading whose figure no entry restates stays)
    rows = extract_results("Final turnout: 77.4 per cent\n\nVoting closed at 8 p.m.", DocContext("doc", "2019-06-09-presidential",
                                                                                                   dt.date(2019, 6, 10)), ref)
    assert [r["value"] for r in rows] == [77.4]


@pytest.mark.parametrize("text, published", [
    # a poll's present "is backed by", polls and gains as nouns and changes, a city's residents in a survey
    ("The proposal is supported by 62 percent.", "2022-05-20"),
    ("Tokayev leads the polls 62 percent to 15.", "2019-06-01"),
    ("Some 60 percent of Almaty residents took part in the survey.", "2022-05-20"),
])
def test_review_cases_of_no_vote_figure(ref, text, published):
    assert extract_results(text, DocContext("doc", None, dt.date.fromisoformat(published)), ref) == []


def test_a_restated_heading_of_another_place_stays(ref):
    text = "12:05\n\nTurnout in Almaty at 40 per cent\n\nIn Shymkent turnout stood at 40 per cent by noon, officials said."
    rows = extract_results(text, DocContext("doc", "2019-06-09-presidential", dt.date(2019, 6, 9)), ref)
    assert len(rows) == 2


def test_an_election_commissions_report_translated_from_russian():
    """The CEC's own English: ballots "received by" a share of the voters is the turnout; a side's
    share after the answer it voted for, or after "For ... voted" and "against –", is its share."""
    ctx = DocContext("doc", "2022-06-05-referendum", dt.date(2022, 6, 6))
    ref = FakeReference()
    text = ("In the referendum, ballots were received by 6,163,516 citizens, which is 68.05 percent of those entitled to vote. "
            "For the answer «Yes», 4,756,697 citizens voted, or 77.18 percent. For the answer «No», 1,150,349 citizens voted, "
            "or 18.66 percent. In Almaty only 25,39 percent of voters came to the precincts. "
            "For the amendments voted 77,18 percent of the participants, against – 18,66 percent.")
    rows = extract_results(text, ctx, ref)
    assert [(r["subject"], r["measure"], r["value"], r["scope"]) for r in rows] == [
        ("turnout", "turnout", 68.05, None), ("Yes", "vote_share", 77.18, None), ("No", "vote_share", 18.66, None),
        ("turnout", "turnout", 25.39, "Almaty"), ("Yes", "vote_share", 77.18, None), ("No", "vote_share", 18.66, None)]


def test_a_transcripts_spoken_decimals_are_shares():
    rows = results("Tokayev won seventy point nine six per cent, and turnout was seventy seven point four per cent.", "2019")
    assert [(r["subject"], r["value"]) for r in rows] == [("Kassym-Jomart Tokayev", 70.96), ("turnout", 77.4)]


def test_a_proposal_approved_by_a_share_of_those_voting():
    ctx = DocContext("doc", None, dt.date(2023, 1, 5))
    ref = FakeReference()
    rows = extract_results("In a referendum in June 2022, the amendments were approved by some 77 percent of those voting.", ctx, ref)
    assert [(r["subject"], r["value"], r["qualifier"]) for r in rows] == [("Yes", 77.0, "approx")]


@pytest.mark.parametrize("text", [
    "Officials spoke. For Tokayev voted 70.96 percent of voters in 2019.",
    '"Yes – 90 percent of people here will back it," said a pensioner.',
    "Ballots were received by 98 percent of polling stations by Friday.",
    "Deputies voted 60 in favour, 30 against – 10 percent of deputies abstained.",
])
def test_the_commissions_frames_need_their_own_words(text):
    """Not a candidate "For" whom voters voted, a quoted "Yes –", ballots received by polling stations, or a
    count "against" before a dash."""
    rows = extract_results(text, DocContext("doc", "2022-06-05-referendum", dt.date(2022, 6, 6)), FakeReference())
    assert not [r for r in rows if r["subject"] in ("Yes", "No", "turnout")], rows
