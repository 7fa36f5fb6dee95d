"""Tallies: tables of sentences in the styles of wire, broadcaster and regional outlets, 2005-2023.

Each case gives a text, the context it was published in and the rows a careful reader extracts
(only the fields listed are compared). Cases that must yield nothing have an empty list.
"""
from __future__ import annotations

import datetime as dt

import pytest
from claims_fakes import FakeReference, assert_rows

from kzresearch.claims import DocContext, extract_tallies

REF = FakeReference()
CTX = {
    "2021": ("2021-01-10-parliamentary", "2021-01-11"),
    "2019": ("2019-06-09-presidential", "2019-06-10"),
    "2022": (None, "2022-01-06"),
    "2011": (None, "2011-12-17"),
    "2012": ("2012-01-15-parliamentary", "2012-01-17"),
    "2023": ("2023-03-19-parliamentary", "2023-03-20"),
    "1995": (None, "1995-08-31"),
}


def tallies(text: str, when: str = "2021") -> list[dict]:
    election, published = CTX[when]
    ctx = DocContext("doc", election, dt.date.fromisoformat(published))
    return extract_tallies(text, ctx, REF)


CASES = [
    # --- detentions: qualifiers, separators, words ------------------------------------------
    ("Police detained about 4,000 people during protests across the country, the Interior Ministry said.", "2019",
     [dict(counted="detained", number=4000, qualifier="approx", location=["Kazakhstan"], attributed_to="Interior Ministry")]),
    ("Nearly 9,900 people were detained in the unrest, the authorities said.", "2022",
     [dict(counted="detained", number=9900, qualifier="approx", attributed_to="authorities")]),
    ("The Interior Ministry said 9 900 people had been detained.", "2022",
     [dict(counted="detained", number=9900, qualifier="exact", attributed_to="Interior Ministry")]),
    ("Around 700 protesters were detained in Almaty and Nur-Sultan on Sunday, according to the Interior Ministry.", "2019",
     [dict(counted="detained", number=700, qualifier="approx", location=["Almaty", "Nur-Sultan"], event_date="2019-06-09",
           attributed_to="Interior Ministry")]),
    ("Scores were arrested in Almaty.", "2019",
     [dict(counted="detained", number=None, qualifier="vague", vague_word="scores", location=["Almaty"])]),
    ("Police rounded up a handful of activists outside the regional administration.", "2021",
     [dict(counted="detained", qualifier="vague", vague_word="a handful")]),
    ("At least 50 opposition supporters were held overnight in Shymkent.", "2021",
     [dict(counted="detained", number=50, qualifier="at_least", location=["Shymkent"])]),
    ("Officers in riot gear hauled away dozens of demonstrators.", "2019",
     [dict(counted="detained", qualifier="vague", vague_word="dozens")]),
    ("Security forces arrested more than 200 people, Reuters reported.", "2019",
     [dict(counted="detained", number=200, qualifier="more_than", attributed_to="Reuters")]),
    ("Over 100 people were detained in Almaty.", "2019",
     [dict(counted="detained", number=100, qualifier="more_than")]),
    ("Almost 1,000 people were detained nationwide.", "2019",
     [dict(counted="detained", number=1000, qualifier="approx", location=["Kazakhstan"])]),
    ("Two dozen activists were taken into custody in Aktau.", "2021",
     [dict(counted="detained", number=24, qualifier="approx", vague_word="two dozen", location=["Aktau"])]),
    ("A dozen protesters were detained outside the akimat.", "2021",
     [dict(counted="detained", number=12, qualifier="approx", vague_word="a dozen")]),
    ("Three activists were abducted by men in plain clothes.", "2021",
     [dict(counted="detained", number=3, qualifier="exact")]),
    ("Police detained more than a dozen people at the rally.", "2021",
     [dict(counted="detained", number=12, qualifier="more_than", vague_word="a dozen")]),
    ("An unknown number of people were detained in the capital.", "2021",
     [dict(counted="detained", number=None, qualifier="unspecified", location=["Nur-Sultan"])]),
    ("Slightly above 300 demonstrators were detained, police said.", "2019",
     [dict(counted="detained", number=300, qualifier="more_than", attributed_to="police")]),
    ("Police detained 9,900 across the country.", "2022",
     [dict(counted="detained", number=9900, qualifier="exact", location=["Kazakhstan"])]),
    # --- protesters ---------------------------------------------------------------------------
    ("Tens of thousands rallied in Zhanaozen and Aktau.", "2022",
     [dict(counted="protesters", qualifier="vague", vague_word="tens of thousands", location=["Zhanaozen", "Aktau"])]),
    ("Up to 1,000 protesters gathered in the main square.", "2022",
     [dict(counted="protesters", number=1000, qualifier="at_most")]),
    ("Several thousand people marched through the centre of Almaty on Saturday.", "2022",
     [dict(counted="protesters", qualifier="vague", vague_word="several thousand", location=["Almaty"], event_date="2022-01-01")]),
    ("Hundreds of oil workers went on strike in Zhanaozen.", "2011",
     [dict(counted="protesters", qualifier="vague", vague_word="hundreds", location=["Zhanaozen"])]),
    ("Some 5,000 people took part in the rally.", "2022",
     [dict(counted="protesters", number=5000, qualifier="approx")]),
    ("Several dozen young people gathered near the monument.", "2019",
     [dict(counted="protesters", qualifier="vague", vague_word="several dozen")]),
    ("Several hundred protesters rallied in Almaty.", "2019",
     [dict(counted="protesters", qualifier="vague", vague_word="several hundred", location=["Almaty"])]),
    ("Thousands of people took to the streets of Zhanaozen.", "2011",
     [dict(counted="protesters", qualifier="vague", vague_word="thousands", location=["Zhanaozen"])]),
    ("About 200 people rallied in the capital.", "1995",
     [dict(counted="protesters", number=200, qualifier="approx", location=["Almaty"])]),
    ("Police split the marchers into three groups of about 50 protesters each.", "2022",
     [dict(counted="protesters", number=50, qualifier="approx", multiplier=3)]),
    # --- killed, injured ----------------------------------------------------------------------
    ("At least 225 people were killed in the January unrest, including 19 police officers.", "2022",
     [dict(counted="killed", number=225, qualifier="at_least"), dict(counted="killed", number=19, qualifier="exact")]),
    ("Sixteen people were killed in clashes in Zhanaozen on December 16, 2011.", "2011",
     [dict(counted="killed", number=16, qualifier="exact", location=["Zhanaozen"], event_date="2011-12-16")]),
    ("The death toll rose to 225, officials said.", "2022",
     [dict(counted="killed", number=225, qualifier="exact", attributed_to="officials")]),
    ("More than 4,500 people were injured, among them 3,300 police officers.", "2022",
     [dict(counted="injured", number=4500, qualifier="more_than"), dict(counted="injured", number=3300)]),
    ("Two police officers were killed and dozens of protesters were wounded.", "2022",
     [dict(counted="killed", number=2), dict(counted="injured", vague_word="dozens")]),
    ("Kazakh authorities said 18 security officers had been killed.", "2022",
     [dict(counted="killed", number=18, attributed_to="authorities")]),
    ("Yesterday, security forces killed dozens of rioters in Almaty.", "2022",
     [dict(counted="killed", vague_word="dozens", event_date="2022-01-05", location=["Almaty"])]),
    # --- released, fined, sentenced -----------------------------------------------------------
    ("Of those detained, 500 were later released.", "2019",
     [dict(counted="released", number=500)]),
    ("A court in Almaty fined 14 activists for taking part in an unsanctioned rally.", "2021",
     [dict(counted="fined", number=14, location=["Almaty"])]),
    ("Five activists were sentenced to 15 days in jail.", "2019",
     [dict(counted="sentenced", number=5)]),
    ("Dozens of activists have been jailed in recent weeks.", "2021",
     [dict(counted="sentenced", vague_word="dozens", event_date=None)]),
    ("Police released 12 of the detainees.", "2019",
     [dict(counted="released", number=12)]),
    # --- dates, capitals, attribution ---------------------------------------------------------
    ("Police detained about 500 people in Almaty on Sunday.", "2019",
     [dict(counted="detained", number=500, event_date="2019-06-09")]),
    ("Police detained 130 people on January 5, the ministry said.", "2022",
     [dict(counted="detained", number=130, event_date="2022-01-05", attributed_to="ministry")]),
    ("In the capital, police detained 20 protesters.", "2023",
     [dict(counted="detained", number=20, location=["Astana"])]),
    ('"More than 100 of our supporters were detained," said opposition leader Zhanbolat Mamay.', "2019",
     [dict(counted="detained", number=100, qualifier="more_than", attributed_to="Zhanbolat Mamay")]),
    ("Interfax reported that 45 people were injured.", "2022",
     [dict(counted="injured", number=45, attributed_to="Interfax")]),
    ("Some 1,300 people were detained, Interior Minister Yerlan Turgumbayev told reporters.", "2019",
     [dict(counted="detained", number=1300, qualifier="approx", attributed_to="Yerlan Turgumbayev")]),
    ("According to the Kazakhstan International Bureau for Human Rights, at least 60 activists were detained.", "2019",
     [dict(counted="detained", number=60, qualifier="at_least", attributed_to="Kazakhstan International Bureau for Human Rights")]),
    ("The 2011 Zhanaozen massacre, in which 16 people were killed, still haunts the region.", "2021",
     [dict(counted="killed", number=16, location=["Zhanaozen"], event_date=None)]),
    ("One protester was killed and 12 were injured, the ministry said.", "2022",
     [dict(counted="killed", number=1), dict(counted="injured", number=12, attributed_to="ministry")]),
    ("Police detained about 100 people, 30 of whom were later released.", "2019",
     [dict(counted="detained", number=100, qualifier="approx"), dict(counted="released", number=30)]),
    ("Police detained two dozen people, among them four journalists, the Adilet rights group said.", "2021",
     [dict(counted="detained", number=24, attributed_to="Adilet"), dict(counted="detained", number=4)]),
    ("The rally drew several hundred people, organisers said.", "2022",
     [dict(counted="protesters", vague_word="several hundred", attributed_to="organisers")]),
    ("The death toll from the unrest has risen to 227, prosecutors said.", "2022",
     [dict(counted="killed", number=227, attributed_to="prosecutors")]),
    # --- nothing: ages, years, money, percentages, durations, electorate, memberships ----------
    ("Protesters carried portraits of the 16 victims.", "2022", []),
    ("The court sentenced Zhanaozen oil workers to up to seven years in prison.", "2011", []),
    ("More than 1,000 observers monitored the vote.", "2021", []),
    ("Internet access was cut in the largest city, where one demonstration was organized.", "2021", []),
    ("Protesters claimed it was a fake election for the country's 12 million registered voters.", "2019", []),
    ("A 50-year-old voter said she had been detained twice.", "2021", []),
    ("Opposition leader Mukhtar Ablyazov, who was sentenced in absentia to 20 years, called for protests.", "2019", []),
    ("Protesters demanded that the price of gas, which doubled to 120 tenge a litre, be cut.", "2022", []),
    ("The party, which has 800,000 members, held a rally.", "2021", []),
    ("He was jailed for 15 days.", "2019", []),
    ("The protest movement, which began in 2019, demanded the release of political prisoners.", "2021", []),
    ("Protesters said turnout was 30 percent and the 70 percent result was rigged.", "2019", []),
    ("In Almaty, three polling stations were closed after protests.", "2021", []),
    ("Nazarbayev, who ruled for 30 years, said he would protest.", "2019", []),
    ("The fine for joining an unsanctioned rally is $250.", "2021", []),
]


@pytest.mark.parametrize("text,when,expected", CASES, ids=[c[0][:50] for c in CASES])
def test_sentence_table(text, when, expected):
    assert_rows(tallies(text, when), expected)


def test_phrase_is_a_verbatim_span():
    text = "Opening line.\nMore than 30 demonstrators were detained in Almaty, according to Interfax."
    (row,) = tallies(text)
    assert text[row["start"]:row["end"]] == row["phrase"] == "More than 30 demonstrators were detained"
    assert row["sentence"].startswith("More than 30") and row["doc_id"] == "doc"
    assert (row["low"], row["high"]) == (31.0, 45.0)


def test_place_and_time_carry_over_from_the_previous_sentence():
    text = ("On Tuesday, opposition activists gathered for a rally in Almaty. "
            "Police surrounded the square and detained more than a dozen people.")
    (row,) = tallies(text, "2012")
    assert row["location"] == ["Almaty"] and row["event_date"] == "2012-01-17"


def test_a_count_carries_no_place_across_a_break_between_clauses_or_from_another_time():
    text = "On April 24 around 1,000 people rallied in Aktau, according to Reuters, and smaller protests followed in Shymkent and Almaty."
    assert [r["location"] for r in tallies(text, "2022")] == [["Aktau"]]
    # (a place joined to the one before is no clause of its own)
    text = "About 500 people were detained at rallies in the capital, Nur-Sultan, and in Almaty, the largest city."
    assert [r["location"] for r in tallies(text, "2019")] == [["Nur-Sultan", "Almaty"]]
    # (a sentence dated with a year, in another month than the one before it, does not take its place)
    text = ("On 4 October, five activists were detained in Almaty. "
            "Critics recalled the January 2022 unrest, in which 238 people were killed.")
    rows = tallies(text, "2023")
    assert [(r["number"], r["location"]) for r in rows] == [(5, ["Almaty"]), (238, ["Kazakhstan"])]
    text = "In December 2011 police opened fire in Zhanaozen. In December 2011, at least 16 people were killed."
    assert [r["location"] for r in tallies(text, "2023")] == [["Zhanaozen"]]


def test_a_place_describing_a_source_is_not_the_counts():
    text = "Authorities detained at least 26 activists, according to Almaty human rights campaigner Bakhytzhan Toregozhina."
    assert [r["location"] for r in tallies(text, "2022")] == [["Kazakhstan"]]
    text = "At least 26 activists were detained, according to Almaty police."
    assert [r["location"] for r in tallies(text, "2022")] == [["Almaty"]]


def test_people_taken_off_a_square_a_quoted_range_and_a_place_joined_with_a_count_of_its_own():
    text = ('A local journalist said police had taken "from 15 to 20" people off the main square in Aktau, and in Shymkent, '
            "in the south, activists said up to 10 were held.")
    rows = tallies(text, "2021")
    assert [(r["counted"], r["number"], r["qualifier"], r["location"]) for r in rows] == [
        ("detained", 15, "range", ["Aktau"]), ("detained", 10, "at_most", ["Shymkent"])]
    # (nor a count without an object before "off": "the number of people taken off the streets nationwide at more than 1,000")
    text = "Local media put the number of people taken off the streets nationwide at more than 1,000."
    assert [(r["counted"], r["number"]) for r in tallies(text, "2022")] == [("detained", 1000)]


def test_a_scenes_count_takes_the_place_its_paragraph_named():
    text = ("On Tuesday, opposition activists held a rally in Almaty. The speeches went on for an hour. "
            "Nobody from the city hall came out. Police detained four activists.\n\n"
            "Across the country, officials said, 2,000 people were detained that week.")
    rows = tallies(text, "2012")
    assert [(r["number"], r["location"]) for r in rows] == [(4, ["Almaty"]), (2000, ["Kazakhstan"])]
    # (not across a paragraph break)
    rows = tallies("Activists held a rally in Almaty.\n\nThe speeches went on for an hour. Police detained four activists.", "2012")
    assert [r["location"] for r in rows] == [["Kazakhstan"]]


def test_a_one_town_episodes_count_is_the_towns(ref):
    # (events.csv gives Zhanaozen 2011 its town; a report of those days counts there, not nationwide)
    def places(text: str, published: str) -> list[list[str]]:
        ctx = DocContext("doc", None, dt.date.fromisoformat(published))
        return [r["location"] for r in extract_tallies(text, ctx, ref)]

    text = "Oil workers had been on strike in Zhanaozen since May.\n\nThe prosecutor's office said 14 people had died."
    assert places(text, "2011-12-19") == [["Zhanaozen"]]
    # (nor in a report of another time, nor where the town is not named)
    assert places(text, "2013-05-01") == [["Kazakhstan"]]
    assert places("The prosecutor's office said 14 people had died.", "2011-12-19") == [["Kazakhstan"]]


def test_a_toll_in_a_one_town_episodes_town_is_the_episodes_day(ref):
    # (events.csv: Zhanaozen's violence began on 16 December 2011; a toll told later is still that day's)
    def days(text: str, published: str) -> list[tuple[str, str | None]]:
        ctx = DocContext("doc", None, dt.date.fromisoformat(published))
        return [(r["counted"], r["event_date"]) for r in extract_tallies(text, ctx, ref)]

    text = ("Officials raised the toll again on Saturday morning.\n\n"
            "Prosecutors said 86 people were injured in Zhanaozen. About 70 people were detained in Zhanaozen.")
    assert days(text, "2011-12-18") == [("injured", "2011-12-16"), ("detained", "2011-12-17")]
    # (so is a toll told on a later day: the day of telling is not the day of the violence)
    assert days("By Sunday the toll had risen: prosecutors said 13 people had died in Zhanaozen.", "2011-12-19") == [("killed", "2011-12-16")]
    # (a day of its own stands, before the episode or after it; so does another time's report)
    assert days("On 12 December, 3 people were injured in Zhanaozen.", "2011-12-18") == [("injured", "2011-12-12")]
    assert days("Eleven people were injured in Zhanaozen on December 19, doctors said.", "2011-12-22") == [("injured", "2011-12-19")]
    assert days("Prosecutors said 86 people were injured in Zhanaozen.", "2013-05-01")[0][1] != "2011-12-16"


def test_a_datelines_town_is_where_the_story_was_filed_not_the_count(ref):
    def places(text: str) -> list[list[str]]:
        return [r["location"] for r in extract_tallies(text, DocContext("doc", None, dt.date(2012, 3, 5)), ref)]

    assert places("ALMATY: Police detained 30 people in the western town of Zhanaozen.") == [["Zhanaozen"]]
    assert places("ALMATY, March 4 (Reuters) - Police detained 30 people in Zhanaozen.") == [["Zhanaozen"]]
    # (unless the sentence means the city it was filed in)
    assert places("ALMATY: Several hundred opposition supporters rallied in the city centre.") == [["Almaty"]]


def test_headline_is_not_read():
    text = "Police arrest hundreds of protesters\nPolice in Kazakhstan arrested hundreds of protesters."
    ctx = DocContext("doc", "2019-06-09-presidential", dt.date(2019, 6, 10), title="Police arrest hundreds of protesters")
    rows = extract_tallies(text, ctx, REF)
    assert [r["phrase"] for r in rows] == ["arrested hundreds of protesters"]


def test_convention_is_one_argument():
    text = "Police detained dozens of protesters."
    ctx = DocContext("doc", None, None)
    assert extract_tallies(text, ctx, REF, convention="acled")[0]["low"] == 12.0
    assert extract_tallies(text, ctx, REF)[0]["low"] == 24.0


# --- generality: shapes, non-counts, places and sources (sentences written for these tests) -----
GENERAL = [
    # a toll noun with a longer stretch before its verb
    ("By Tuesday night the number of people arrested across the two cities had climbed to almost 450, officials said.", "2019",
     [dict(counted="detained", number=450, qualifier="approx", attributed_to="officials")]),
    # a head noun that names what was counted, with no verb saying it
    ("Up to 150 detainees were bussed to a holding centre outside the city.", "2019",
     [dict(counted="detained", number=150, qualifier="at_most")]),
    # a crowd with a progressive protest verb
    ("The strike spread, with thousands taking to the streets of Aktau.", "2022",
     [dict(counted="protesters", vague_word="thousands", location=["Aktau"])]),
    ("Only about three dozen students turned out to march in Shymkent.", "2021",
     [dict(counted="protesters", number=36, qualifier="approx", vague_word="three dozen", location=["Shymkent"])]),
    # not counts: a part of a crowd, a quoted person
    ("Many demonstrators said they had come from nearby villages.", "2019", []),
    ("Lawyers said many detainees were beaten and denied access to counsel.", "2019", []),
    ('"We will come back," said one demonstrator, a retired teacher.', "2019", []),
    ("One activist told Reuters the square had been sealed off.", "2019", []),
    # a landmark named after a city is not that city
    ("Police encircled several dozen protesters on Astana Square in Almaty.", "2019",
     [dict(counted="protesters", vague_word="several dozen", location=["Almaty"])]),
]


@pytest.mark.parametrize("text,when,expected", GENERAL, ids=[c[0][:50] for c in GENERAL])
def test_general_shapes(text, when, expected):
    assert_rows(tallies(text, when), expected)


def test_sources_carry_through_a_report():
    text = ("Prosecutor Aidos Serikov said at least 40 people had been injured. Of them, 12 were taken to hospital "
            "and 6 were killed.\nHuman rights defenders tell a different story. They say 90 people were detained in Aktau. "
            "Another 15 were detained in Shymkent, according to the same tally.")
    rows = tallies(text, "2022")
    assert [r["attributed_to"] for r in rows] == ["Aidos Serikov"] * 3 + ["human rights defenders"] * 2
    assert [r["counted"] for r in rows] == ["injured", "injured", "killed", "detained", "detained"]


def test_source_named_by_title_and_apposition():
    text = ("Interior Minister Baurzhan Kaliyev visited the city on Monday.\n"
            "Some 300 people were detained over three days, the interior minister said.\n"
            "Dana Sadykova, head of a monitoring group in Almaty, told reporters that 25 people were fined.\n"
            "A Reuters reporter saw dozens of people detained near the square.")
    rows = tallies(text, "2022")
    assert [r["attributed_to"] for r in rows] == ["Baurzhan Kaliyev", "Dana Sadykova", "Reuters"]


def test_an_official_figure_is_national_unless_it_names_a_place():
    text = ("Thousands of people rallied in Shymkent on Saturday.\n"
            "About 200 people were detained, the interior ministry said.\n"
            "Speaking to reporters in Almaty, a ministry spokesman said 50 people were fined.")
    rows = tallies(text, "2022")
    assert [r["location"] for r in rows] == [["Shymkent"], ["Kazakhstan"], ["Kazakhstan"]]


def test_the_reports_point_back_to_the_previous_source():
    text = ("State media reported that about 40 people were detained in Aktau. "
            "Only a handful of activists turned out in Shymkent, the reports said.")
    rows = tallies(text, "2022")
    assert [r["attributed_to"] for r in rows] == ["state media", "state media"]


# --- classes found on unseen outlets (sentences written for these tests) ---------------------
CLASSES = [
    # each count has its own category: the head noun after the number wins over a word before it
    ("The riots left 9 people dead and at least 40 injured.", "2022",
     [dict(counted="killed", number=9), dict(counted="injured", number=40, qualifier="at_least")]),
    # a celebration or an audience is not a protest; taking part in a ballot is not either
    ("The president thanked thousands of supporters at a victory celebration in Astana.", "2022", []),
    ("Of the 8,100,000 citizens who took part, 6,900,000 voted for the amendments.", "2022", []),
    # elliptical counts after a full one inherit its category and take the place of their own clause
    ("Police detained about 150 people in Shymkent and more than 60 in Aktau, activists said.", "2022",
     [dict(counted="detained", number=150, location=["Shymkent"]),
      dict(counted="detained", number=60, qualifier="more_than", location=["Aktau"])]),
    ("At least 40 people were killed, 25 of them in Almaty.", "2022",
     [dict(counted="killed", number=40, location=["Kazakhstan"]), dict(counted="killed", number=25, location=["Almaty"])]),
    ("Dozens of others were held in Shymkent.", "2022", [dict(counted="detained", vague_word="dozens", location=["Shymkent"])]),
    ("Riot police detained at least a dozen of them.", "2022", [dict(counted="detained", number=12, qualifier="at_least")]),
    ("At least five journalists were among those shoved into police vans.", "2022",
     [dict(counted="detained", number=5, qualifier="at_least")]),
    # a dateline names where the report was filed, not where the people were counted
    ("ALMATY -- Rights defenders say more than 100 people were detained at rallies.", "2022",
     [dict(counted="detained", location=["Kazakhstan"], attributed_to="rights defenders")]),
    # the speaker is the head of its phrase, not a noun in its relative clause
    ("Monitors who stood outside police stations estimated that about 80 people were detained.", "2022",
     [dict(counted="detained", attributed_to="monitors")]),
    # "drew up reports" is not a verb of saying
    ("Zapparov said 40 of them were fined after officers drew up reports.", "2022",
     [dict(counted="fined", attributed_to="Arystangani Zapparov")]),
    # a party's spokesman is not an authority: the place carries over from the previous sentence
    ("Hundreds rallied in Aktau on Tuesday. Police detained 20 of them, a party spokesman said.", "2022",
     [dict(counted="protesters", location=["Aktau"]), dict(counted="detained", location=["Aktau"])]),
]


@pytest.mark.parametrize("text,when,expected", CLASSES, ids=[c[0][:50] for c in CLASSES])
def test_general_classes(text, when, expected):
    assert_rows(tallies(text, when), expected)


def test_narrative_date_is_the_event_not_the_statement():
    text = "Police detained dozens of people on January 4, a rights group said on Thursday. At least 15 more were held in Aktau."
    rows = tallies(text, "2022")
    assert [r["event_date"] for r in rows] == ["2022-01-04", "2022-01-04"]


@pytest.mark.parametrize("text,expected", [
    ("Police detained 4,000 people, of whom 400 were fined.", [("detained", 4000), ("fined", 400)]),
    ("Police detained 4,000 people, of whom 400 were released.", [("detained", 4000), ("released", 400)]),
    ("At least 225 people were killed, including 19 police officers.", [("killed", 225), ("killed", 19)]),
    ("Police detained 30 activists. Five were placed in pre-trial detention in Almaty.", [("detained", 30), ("detained", 5)]),
    ("Police detained 30 activists. Several were given ten to 20 days in jail.", [("detained", 30), ("sentenced", None)]),
])
def test_a_part_of_a_count_with_a_verb_of_its_own(text, expected):
    assert [(r["counted"], r["number"]) for r in tallies(text, "2022")] == expected


def tallies_on(text: str, election: str | None, published: str) -> list[dict]:
    return extract_tallies(text, DocContext("doc", election, dt.date.fromisoformat(published)), REF)


def test_the_day_a_figure_was_given_to_reporters_dates_no_count():
    # "gave the tally to reporters ... on Tuesday": the day of saying; the count before it in the
    # sentence is dated by the vote, and so is the next sentence's.
    text = ("Nearly 4,000 people were detained after the June 9 election, said the minister, who gave the tally to "
            "reporters in the capital, Nur-Sultan, on Tuesday. About 3,000 were released.")
    rows = tallies_on(text, "2019-06-09-presidential", "2019-06-19")
    assert [(r["event_date"], r["location"]) for r in rows] == [("2019-06-09", ["Kazakhstan"])] * 2


def test_a_day_after_told_reporters_that_dates_the_count():
    rows = tallies_on("Police told reporters that 300 people were detained on Sunday.", "2019-06-09-presidential", "2019-06-12")
    assert [r["event_date"] for r in rows] == ["2019-06-09"]


@pytest.mark.parametrize("text,date", [
    ("By the time polls closed on Sunday, the ministry said some 500 people had been detained.", "2019-06-09"),
    ("Police detained 20 people at Sunday's vote in Almaty.", "2019-06-09"),
    # A sentence that does not speak of the voting: the last Sunday before publication.
    ("Police detained 20 people in Almaty on Sunday.", "2019-06-16"),
])
def test_the_weekday_of_the_voting_is_the_election_day(text, date):
    # Published ten days after the vote: "on Sunday" of the polls is the election's Sunday.
    assert [r["event_date"] for r in tallies_on(text, "2019-06-09-presidential", "2019-06-19")] == [date]


@pytest.mark.parametrize("text,date", [
    # A paragraph about another year, one more, then one about the story's days that names no time.
    ("Nur Otan won 82.2 percent in 2016.\nObservers said the vote was orderly.\nIn Almaty, police detained several people.", "2021-01-10"),
    # Within the paragraph of the other year, the count is of that time: no day.
    ("Nur Otan won 82.2 percent in 2016, and police detained several people.", None),
    ("The first crack came in 2019.\nThen came January 2021. Police detained several people.", None),
])
def test_a_time_without_a_day_holds_within_its_paragraph(text, date):
    assert [r["event_date"] for r in tallies(text, "2021")] == [date]


@pytest.mark.parametrize("text,location", [
    # Only the first "in" after "told reporters" is where the figure was given.
    ("The spokesman told reporters in Astana that the toll in Zhanaozen had risen to 14.", ["Zhanaozen"]),
    ("Speaking to reporters in the capital, Astana, the minister said 300 people were detained.", ["Kazakhstan"]),
    # A place quoted on a banner is not where the count outside the quotation happened; one
    # inside the quotation with the count is.
    ('In Aktau, police detained two men who unfurled a banner reading "Zhanaozen, we remember".', ["Aktau"]),
    ('"Police detained 50 people in Almaty," he said.', ["Almaty"]),
])
def test_places_of_saying_and_of_quotations(text, location):
    assert [r["location"] for r in tallies(text, "2022")] == [location]


@pytest.mark.parametrize("text,published,date,location", [
    # "voters" is no voting: the last Sunday before publication
    ("Police detained 20 people in Almaty on Sunday as voters remained angry over the election.", "2019-06-26", "2019-06-23", ["Almaty"]),
    # a press conference held by others on Monday is the day of the detentions
    ("Police broke up a press conference held by opposition activists on Monday, detaining 12 people.", "2019-06-20", "2019-06-17",
     ["Kazakhstan"]),
    # what was told to reporters: its day and place are the count's
    ("A police spokesman told reporters dozens of people were detained in Almaty on Tuesday.", "2019-06-20", "2019-06-18", ["Almaty"]),
    # the setting's own words before its place: "at a briefing at the Central Election Commission in Nur-Sultan"
    ("Zapparov, who spoke at a briefing at the Central Election Commission in Nur-Sultan, said 300 people were detained.",
     "2019-06-10", "2019-06-09", ["Kazakhstan"]),
    # a quoted name is a place like any other
    ('At least 14 people were killed during the "Zhanaozen events" of December 2011.', "2019-06-12", "2011-12", ["Zhanaozen"]),
])
def test_days_and_places_of_saying_are_read_narrowly(text, published, date, location):
    assert [(r["event_date"], r["location"]) for r in tallies_on(text, "2019-06-09-presidential", published)] == [(date, location)]


@pytest.mark.parametrize("text,date", [
    ("Since the deadly unrest of January, when 238 people were killed, the government has promised reform.", "2022-01"),
    ("During the events of January 2022, 238 people were killed.", "2022-01"),
])
def test_a_month_of_events_dates_its_counts(text, date):
    assert [r["event_date"] for r in tallies_on(text, "2022-11-20-presidential", "2022-11-21")] == [date]


def test_a_background_paragraph_holds_its_time_into_the_next():
    text = "Police opened fire on striking oil workers in Zhanaozen in December 2011.\nAt least 14 people were killed, officials said."
    assert [r["event_date"] for r in tallies_on(text, "2019-06-09-presidential", "2019-06-12")] == [None]


def test_a_paragraph_of_thousands_of_sentences_without_a_source_is_read():
    text = " ".join(["They gathered again."] * 3000) + " Police detained 30 people."
    assert [r["attributed_to"] for r in tallies(text, "2022")] == [None]


@pytest.mark.parametrize("text,who", [
    # an office with no holder named is the source
    ("Kazakhstan's Prosecutor General said in March that 230 people died in the unrest.", "prosecutor general"),
    ("The interior minister said 300 people were detained.", "interior minister"),
    # the verb whose "that" clause holds the figure, past a time ("said on Monday that")
    ("The interior ministry said on Monday that 7,939 people had been detained, as President Tokayev "
     "said a Russian-led mission would leave soon.", "Interior Ministry"),
    # a sentence's opening date names nobody ("On January 3, the ..." is no "On January")
    ("On January 3, the ministry gave its figures. By January 4, according to the same document, almost "
     "37,000 people were rallying.", None),
])
def test_offices_times_and_openings_in_speaker_phrases(text, who):
    assert [r["attributed_to"] for r in tallies(text, "2022")] == [who]


@pytest.mark.parametrize("text,who", [
    ("The Open Dialogue Foundation, a rights group based in Warsaw, later counted at least 13 journalists among "
     "those detained.", "Open Dialogue Foundation"),
    ("Officials also said that 16 police officers had died.", "officials"),
])
def test_an_adverb_between_speaker_and_verb(text, who):
    assert [r["attributed_to"] for r in tallies(text, "2022")] == [who]


# Stated ranges keep both ends (never the upper figure alone as an exact count); qualifiers may
# follow the number; detention and sentencing verbs of wire and broadcaster style.
RANGES_AND_VERBS = [
    ("Police detained between 50 and 70 protesters in Almaty.", "2022",
     [dict(counted="detained", number=50, number_high=70, qualifier="range", low=50, high=70, location=["Almaty"])]),
    ("Police detained 50 to 70 people in Almaty.", "2022", [dict(number=50, number_high=70, qualifier="range")]),
    ("Police detained 50-70 people in Almaty.", "2022", [dict(number=50, number_high=70, qualifier="range")]),
    ("Police detained thirty - forty people.", "2022", [dict(number=30, number_high=40, qualifier="range")]),
    # a hyphen after a word joins a compound number, no range
    ("Thirty-six of the men were freed within 72 hours.", "2022", [dict(counted="released", number=36, qualifier="exact")]),
    ("Police detained twenty-five people.", "2022", [dict(counted="detained", number=25, low=25, high=25)]),
    ("One or two people were detained.", "2022", [dict(counted="detained", number=1, number_high=2, qualifier="range")]),
    ("Two or three dozen demonstrators were detained in Aktau.", "2022",
     [dict(counted="detained", number=24, number_high=36, qualifier="range", location=["Aktau"])]),
    ("Police detained a dozen or so activists in Astana.", "2022",
     [dict(counted="detained", number=12, qualifier="approx", location=["Astana"])]),
    ("A hundred or more people were arrested in Shymkent.", "2022", [dict(counted="detained", number=100, qualifier="at_least")]),
    ("More than 100 people were taken into police custody in Almaty.", "2022", [dict(counted="detained", number=100)]),
    ("Police picked up about 30 people in Astana.", "2022", [dict(counted="detained", number=30, qualifier="approx")]),
    ("Authorities locked up 25 activists.", "2022", [dict(counted="detained", number=25)]),
    ("About 50 people were carted off by police.", "2022", [dict(counted="detained", number=50)]),
    ("Thousands of people poured into the streets of Zhanaozen.", "2022",
     [dict(counted="protesters", vague_word="thousands", location=["Zhanaozen"])]),
    ("Of 599 people convicted, 132 were handed prison terms.", "2022",
     [dict(counted="sentenced", number=599), dict(counted="sentenced", number=132)]),
    ("Nine detainees in Almaty were freed from custody.", "2022", [dict(counted="released", number=9, location=["Almaty"])]),
    ("Ukraine's 71.09 % result was questioned by 20 people.", "2022", []),
    ("The first official toll, announced in the second week of January, stood at 164.", "2022",
     [dict(counted="killed", number=164)]),
    ("The Prosecutor General's Office has put the death toll at 15.", "2011",
     [dict(counted="killed", number=15, attributed_to="Prosecutor General's Office")]),
    ("Some 800 to 1 thousand protesters gathered in Almaty.", "2022",
     [dict(counted="protesters", number=800, number_high=1000, qualifier="range")]),
    ("Between 20 and 15 protesters gathered in Almaty.", "2022", [dict(counted="protesters", number=15, qualifier="exact")]),
    ("Men aged 25-30 were detained near the square.", "2022", []),
    ("Teenagers aged between 14 and 17 were detained.", "2022", []),
    ("Several 25-30 year-old men were detained.", "2022", []),
    ("The toll road from Almaty to Kapshagay, opened last year, is 4 lanes wide.", "2022", []),
    ("The economic toll of the unrest, analysts said, was at least 2 billion dollars.", "2022", []),
    ("The death toll, at 225, is the highest since independence.", "2022", [dict(counted="killed", number=225)]),
    ("Two Times journalists were detained in Almaty on Monday.", "2022", [dict(counted="detained", number=2)]),
    ("Officers detained 45 people aged 18 to 25 in Shymkent.", "2022", [dict(counted="detained", number=45)]),
    ("A teenager aged 16 and 12 other activists were detained in Aktau.", "2022", [dict(counted="detained", number=12)]),
    ("Police said no one was detained.", "2022", []),
    ("Not one protester was detained.", "2022", []),
    ("Local media put the number detained in Almaty at more than 30.", "2022",
     [dict(counted="detained", number=30, qualifier="more_than", location=["Almaty"])]),
    ("In all, 617 of them had been placed under administrative arrest.", "2019", [dict(counted="sentenced", number=617)]),
    ("At least two people were taken to hospital with frostbite.", "2021", [dict(counted="injured", number=2)]),
    ('"Twelve of us were pushed onto a bus," he said.', "2021", [dict(counted="detained", number=12)]),
    ("Police detained from 15 to 20 people at the rally in Almaty.", "2022",
     [dict(counted="detained", number=15, number_high=20, qualifier="range")]),
    ("Police said 70 people were detained, up from 50 to 70 on Friday.", "2022", [dict(counted="detained", number=70)]),
    ("The court in Aktau sent 13 of them to prison.", "2012", [dict(counted="sentenced", number=13, location=["Aktau"])]),
    ("Judges sent at least 20 protesters to jail.", "2022", [dict(counted="sentenced", number=20, qualifier="at_least")]),
    ("Police took 13 of them to a police station in Almaty.", "2022", [dict(counted="detained", number=13)]),
    ("The party sent 13 delegates to the congress.", "2022", []),
    ("They sent 13 to the polls.", "2022", []),
]


@pytest.mark.parametrize("text,when,expected", RANGES_AND_VERBS, ids=[c[0][:50] for c in RANGES_AND_VERBS])
def test_ranges_suffixes_and_verbs(text, when, expected):
    assert_rows(tallies(text, when), expected)


def test_a_change_or_a_falling_pair_is_no_range():
    for text in ("The number of protesters grew from 50 to 70 protesters in a day.", "Police jailed 20 to 15 days.",
                 "The number of people detained rose from 50 to 70 people."):
        assert all(r["qualifier"] != "range" for r in tallies(text, "2022")), text


def test_a_range_has_its_ends_under_every_convention():
    text = "Police detained between 50 and 70 protesters."
    ctx = DocContext("doc", None, dt.date(2022, 1, 6))
    assert [(r["low"], r["high"]) for r in extract_tallies(text, ctx, REF, convention="ccc")] == [(50, 70)]
    assert [(r["low"], r["high"]) for r in extract_tallies(text, ctx, REF, convention="acled")] == [(50, 50)]


def test_the_verb_whose_that_clause_holds_the_figure_gives_it():
    text = ("The monitors called for restraint on Tuesday, when the deputy prosecutor Aidos Serikov "
            "confirmed that some 200 people remained in custody in Aktau.")
    assert [r["attributed_to"] for r in tallies(text, "2019")] == ["Aidos Serikov"]
    text = "Rights groups said 500 people were detained, while police said that 300 were held."
    assert [r["attributed_to"] for r in tallies(text, "2019")] == ["rights groups", "police"]


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("Organisers noted that the march was peaceful, but police detained about 70 people, witnesses said.", "witnesses"),
        ("Officials said that the situation was calm; about 100 people were detained, the Interior Ministry said.", "Interior Ministry"),
        ("Activists who said that the vote was rigged were among 300 people detained, the Interior Ministry said.", "Interior Ministry"),
    ],
)
def test_a_final_speaker_or_a_clause_break_outranks_an_earlier_that_clause(text, speaker):
    assert [r["attributed_to"] for r in tallies(text, "2019")] == [speaker]


def test_a_time_phrase_does_not_end_a_that_clause():
    text = "Witnesses said police detained dozens, but the Interior Ministry said that since Sunday 120 people had been detained."
    assert [r["attributed_to"] for r in tallies(text, "2019")] == ["witnesses", "Interior Ministry"]


# Who gave a figure, in the forms news reports use beyond "X said" and "according to X".
ATTRIBUTION_FORMS = [
    ("A police spokeswoman put the number of detainees at 18.", [dict(counted="detained", number=18, attributed_to="police spokeswoman")]),
    ("The number of people killed as a result of mass riots in the Mangistau region has risen to 15, prosecutors said.",
     [dict(counted="killed", number=15, attributed_to="prosecutors")]),
    ("Rights groups put the number of people detained across Kazakhstan in the first two weeks of January at nearly 10,000.",
     [dict(counted="detained", number=10000, qualifier="approx", attributed_to="rights groups")]),
    ("Organisers estimated the crowd at 5,000.", [dict(counted="protesters", number=5000, attributed_to="organisers")]),
    ("Police estimated the crowd at about 1,000.", [dict(counted="protesters", number=1000, qualifier="approx", attributed_to="police")]),
    ("The number of protesters reached 3,000 by evening, organisers said.", [dict(counted="protesters", number=3000, attributed_to="organisers")]),
    ("Data published by the Health Ministry showed 4,353 people injured.", [dict(counted="injured", attributed_to="Health Ministry")]),
    ("Figures released by the prosecutor's office show that 120 people were held.", [dict(counted="detained", attributed_to="prosecutor's office")]),
    # An aside between the speaker and the verb, and a figure right after the verb.
    ("The Interior Ministry, in a statement, said 56 protesters had been detained.", [dict(counted="detained", attributed_to="Interior Ministry")]),
    ("Nine people were given jail terms, the court said.", [dict(counted="sentenced", number=9, attributed_to="court")]),
    # a source and a time labelling the figures after a colon (not a place's label, nor a headline's list)
    ("Interior Ministry, Jan 7: more than 3,000 detained so far.", [dict(counted="detained", number=3000, attributed_to="Interior Ministry")]),
    ("ALMATY: 103 people were detained.", [dict(counted="detained", number=103, attributed_to=None)]),
    ("Tokayev, Putin discuss unrest: 225 dead, 4,500 injured.", [dict(counted="killed", number=225, attributed_to=None),
                                                              dict(counted="injured", number=4500, attributed_to=None)]),
    # a toll's revision says who revised it (not who "counted the cost" after it)
    ("Prosecutors on Sunday raised the death toll from Friday's riots in the oil town to 14, as the oil company counted the cost.",
     [dict(counted="killed", number=14, attributed_to="Prosecutors")]),
    ("Tokayev raised the number of troops in Almaty to 2,000 after 30 people were killed.", [dict(counted="killed", number=30, attributed_to=None)]),
    # ... and the speaker's abbreviation in brackets
    ("The Interior Ministry (MVD) said 56 protesters had been detained.", [dict(counted="detained", attributed_to="Interior Ministry")]),
    ("A lawyer said that at least nine of her clients were still in custody.", [dict(counted="detained", number=9, qualifier="at_least")]),
    # A time of day is no count.
    ("The crowd gathered in the square at 10:30, and police detained 300 people.", [dict(counted="detained", number=300)]),
]


@pytest.mark.parametrize("text,expected", ATTRIBUTION_FORMS, ids=[c[0][:50] for c in ATTRIBUTION_FORMS])
def test_attribution_forms(text, expected):
    assert_rows(tallies(text, "2022"), expected)


TOLL_FORMS = [
    ("Riot police dispersed a crowd of several hundred and arrested 35.",
     [dict(counted="protesters", qualifier="vague", vague_word="several hundred"), dict(counted="detained", number=35)]),
    ("A crowd of between 300 and 400 gathered in the square.", [dict(counted="protesters", number=300, number_high=400, qualifier="range")]),
    ("The number of detainees in the city alone exceeded 100.", [dict(counted="detained", number=100, qualifier="more_than")]),
    ("The crowd, police said, numbered 5,000.", [dict(counted="protesters", number=5000, attributed_to="police")]),
    # A crowd's size follows the noun: "passed through the square at 10" is a time.
    ("The crowd passed through the square at 10 and 40 people were held.", [dict(counted="detained", number=40)]),
    # Only a noun that names many things needs people after its figure: a death toll does not.
    ("The death toll from the unrest rose to 225 Sunday, officials said.", [dict(counted="killed", number=225)]),
    ("The number of people detained rose to 5,800 countrywide.", [dict(counted="detained", number=5800)]),
    ("Arrests at the square numbered 12 locations, police said.", []),
    # a crowd at a match or an exhibition is an audience; "crowd" makes no protest of "drew"
    ("The football match in Almaty drew a crowd of 30,000.", []),
    ("The exhibition drew 5,000 people, a bigger crowd than last year.", []),
]


@pytest.mark.parametrize("text,expected", TOLL_FORMS, ids=[c[0][:50] for c in TOLL_FORMS])
def test_toll_forms(text, expected):
    assert_rows(tallies(text, "2022"), expected)


VERB_AND_NOUN_FORMS = [
    ("Officers bundled at least eight of them into a police van.", [dict(counted="detained", number=8, qualifier="at_least")]),
    ("Police pushed 20 protesters into buses.", [dict(counted="detained", number=20)]),
    ("Five of those detained were let go the same night.", [dict(counted="released", number=5)]),
    ("The evening vigil drew up to 80 people.", [dict(counted="protesters", number=80, qualifier="at_most")]),
    ("Two of its volunteers had been detained.", [dict(counted="detained", number=2)]),
    ("Detentions of party members ran into the hundreds.", [dict(counted="detained", qualifier="vague", vague_word="hundreds")]),
    ("A police spokesman put the number arrested at nine.", [dict(counted="detained", number=9, attributed_to="police spokesman")]),
    ("The ministry put the number of people taken off the streets at more than 500.",
     [dict(counted="detained", number=500, qualifier="more_than", attributed_to="ministry")]),
    ("About 40 people who came to the square were put on buses.", [dict(counted="detained", number=40)]),
    ("The number of those who were released reached 70.", [dict(counted="released", number=70)]),
    # any of the lexicon's people nouns: "the number of journalists detained", "relatives of journalists killed"
    ("The number of journalists detained rose to 12 by Friday.", [dict(counted="detained", number=12)]),
    ("About 15 relatives of journalists killed in the unrest gathered outside the court.",
     [dict(counted="protesters", number=15, qualifier="approx")]),
    # "drew" is weak in a sentence about the ballot; arrests at places are no count; protests are no people.
    ("The vote drew 5 million voters to the polls.", []),
    ("Arrests took place at 12 locations.", []),
    ("The number of protests reached 30.", []),
]


@pytest.mark.parametrize("text,expected", VERB_AND_NOUN_FORMS, ids=[c[0][:50] for c in VERB_AND_NOUN_FORMS])
def test_verb_and_noun_forms(text, expected):
    assert_rows(tallies(text, "2022"), expected)


def test_an_estimate_a_cited_source_and_a_party_referred_back():
    text = ("About 300 people gathered, according to local media, although police put that crowd at around 120; "
            "a court fined four protesters the next day (Vremya, March 3).")
    rows = tallies(text, "2022")
    assert [(r["number"], r["attributed_to"]) for r in rows] == [(300, "local media"), (120, "police"), (4, "Vremya")]
    assert rows[-1]["event_date"] is None  # the citation's date is when the source wrote, not the event
    # a place and a room in brackets are no "(Source, date)" citation
    text = "A court fined four protesters in the main building (Palace of Justice, Hall 12)."
    assert [r["attributed_to"] for r in tallies(text, "2022")] == [None]
    text = "Ak Zhol held a rally in the city. Five of its members were detained, according to the party's regional office."
    assert [r["attributed_to"] for r in tallies(text, "2022")] == ["Ak Zhol"]


CLAUSE_FORMS = [
    # names in apposition do not hide the verb; a denied trigger and one of the previous clause count nothing
    ("The three organisers of the march, Aidar Sultan, Dana Bek and Marat Orazov, were later taken into custody.",
     [dict(counted="detained", number=3)]),
    ("A picket of about a dozen party members outside the akimat ended without arrests.",
     [dict(counted="protesters", number=12, qualifier="approx")]),
    ("Prosecutors said 20 officers had been injured, and that 40 protesters would stand trial.",
     [dict(counted="injured", number=20), dict(counted="protesters", number=40)]),
]


@pytest.mark.parametrize("text,expected", CLAUSE_FORMS, ids=[c[0][:50] for c in CLAUSE_FORMS])
def test_clause_forms(text, expected):
    assert_rows(tallies(text, "2022"), expected)


def test_a_list_by_place_counts_what_its_heading_or_the_count_before_it_counts():
    text = ("Officials broke the dead down by city:\n- Almaty: 40\n- Zhanaozen: 6\n"
            "Police detained more than 500 people.\nDetails by city are as follows:\n"
            "- Shymkent: about 30 people, according to the city police;\n- Aktau: several dozen.\n"
            "Turnout by city:\n- Almaty: 45 percent\n- Taraz: 1999")
    rows = tallies(text, "2022")
    assert [(r["counted"], r["number"], r["location"]) for r in rows] == [
        ("killed", 40, ["Almaty"]), ("killed", 6, ["Zhanaozen"]), ("detained", 500, ["Kazakhstan"]),
        ("detained", 30, ["Shymkent"]), ("detained", None, ["Aktau"])]
    assert rows[3]["attributed_to"] == "police" and rows[3]["qualifier"] == "approx"
    # Without a heading line ending in a colon, "Place: figure" is no count.
    assert tallies("Almaty: 40\nTaraz: 6", "2022") == []


def _with_outlet(text: str, outlet: str) -> list[dict]:
    ctx = DocContext("doc", None, dt.date(2022, 1, 8), outlet=outlet)
    return extract_tallies(text, ctx, REF)


def test_a_publisher_speaks_in_its_own_voice():
    text = ("The Bureau estimates that well over 500 people were detained.\nOur figures by city are as follows:\n"
            "- Almaty: more than 300 people;\n- Aktau: about 40.\nOne of our monitors saw a bus carrying some 30 detainees.")
    rows = _with_outlet(text, "Civic Rights Bureau")
    assert [(r["number"], r["attributed_to"]) for r in rows] == [(500, "Civic Rights Bureau"), (300, "Civic Rights Bureau"),
                                                                (40, "Civic Rights Bureau"), (30, "Civic Rights Bureau")]
    # Without a publisher the same words name only the generic speaker.
    assert tallies("One of our monitors saw a bus carrying some 30 detainees.", "2022")[0]["attributed_to"] == "monitors"
    # Not a speaker who spoke to the publisher, nor a "we" inside a quotation that runs over sentences.
    rows = _with_outlet("About 300 people rallied in Almaty, one of the organisers who spoke to us said.", "Reuters")
    assert rows and {r["attributed_to"] for r in rows} == {"organisers"}
    rows = _with_outlet('Aidos Sadykov described the march: "We walked to the square. Our monitors saw 30 detainees."', "Reuters")
    assert [r["attributed_to"] for r in rows] != ["Reuters"]


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("State television, citing the Health Ministry, reported that 164 people had died.", "Health Ministry"),
        ("Prosecutor Aidos Serikov spoke to reporters. At the same briefing he said that 400 people had been injured.", "Aidos Serikov"),
        ("The same day, Tokayev's office said about 5,800 people had been detained.", "Kassym-Jomart Tokayev's office"),
        ("The same day, Toqayev's press service said about 5,800 people had been detained.", "Kassym-Jomart Tokayev's press service"),
        ("Police detained three of the organisers, according to one of them, former deputy Marat Zhylanbayev.", "Marat Zhylanbayev"),
        # "it": the one body named before it in the sentence, else the sentence before's source ...
        ("Officials gave no total, but the interior ministry had reported on Thursday, when it also said 748 had been injured.",
         "Interior Ministry"),
        ("The national police gave a far lower count. In a statement on its website it said 53 people had been detained.", "police"),
        # ... behind a speaker of the sentence's own ("said it had detained seven who, it said, ...")
        ("The National Security Committee said it had detained seven people who, it said, were planning riots.",
         "National Security Committee"),
        ("Until Saturday officials had spoken of 26 people killed.", "officials"),  # a figure spoken of
        ("The Health Ministry released figures. The same report said that 2,265 people had been injured.", "Health Ministry"),
        ("More than 30 people were detained in Aktobe, a local rights monitor said, and nobody was charged.", "rights monitor"),
    ],
)
def test_cited_sources_pronouns_offices_and_names_in_apposition(text, speaker):
    assert [r["attributed_to"] for r in tallies(text, "2022")] == [speaker]


@pytest.mark.parametrize(
    "text",
    [
        "Several defendants told the court they had been tortured in custody.",  # speakers, not a count
        "Populations at the start of 2021:\n- Almaty: 2 million inhabitants\n- Shymkent: 1.1 million",  # sizes
        "Two were later fined 50,000 tenge.".replace("Two were later fined", "The court fined"),  # money, not 50 people
    ],
)
def test_speakers_sizes_and_money_are_no_counts(text):
    assert tallies(text, "2022") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Rallies were held in Aktau, where some 200 people came out on the square.", [dict(counted="protesters", number=200)]),
        ("By afternoon the crowd had grown to about 1,000 people.", [dict(counted="protesters", number=1000, qualifier="approx")]),
        ("The commission said 7.7 million people took part in the referendum.", []),  # voters
        ("More than 1 million people took part in protests across the country.",
         [dict(counted="protesters", number=1000000, qualifier="more_than")]),
        ("Some 3,000 people came out against the amendments in the referendum.", []),  # a stance, not a protest
    ],
)
def test_coming_out_growing_crowds_and_voters(text, expected):
    assert_rows(tallies(text, "2022"), expected)


@pytest.mark.parametrize(
    "text",
    [
        "The ruling party held its final campaign rally at the stadium, where a crowd of about 20,000 supporters waved flags.",
        "The party drew about 3,000 people to a concert in the city on the same evening.",
        "Of the 37 defendants, 13 were oil workers.",
        "Of the 12,050,000 citizens included in the voter lists, 6,520,000 took part in the vote.",
    ],
)
def test_audiences_reference_sets_and_voters_are_no_counts(text):
    assert tallies(text, "2022") == []


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("Interior Minister Erlan Turgumbayev told a briefing that Marat Orazov was among the detainees. "
         "At least 700 people were detained on Monday, he said.", "Erlan Turgumbayev"),
        ("The city police department, citing the need to restore order, said it had released 92 people.", "police"),
    ],
)
def test_he_is_the_titled_speaker_and_a_reason_is_no_source(text, speaker):
    assert [r["attributed_to"] for r in tallies(text, "2022")] == [speaker]


def test_at_present_is_the_publication_day():
    assert [r["event_date"] for r in tallies("At present, 976 people are held in custody.", "2022")] == ["2022-01-06"]


@pytest.mark.parametrize(
    "text",
    [
        "Arrests at 12 locations were reported.",
        "The crowd ran into 50 riot police.",
        "The number of people taking part in the referendum reached 6 million.",
        "The exhibition drew 5,000 people over the weekend.",
        "About 200 people came out to vote in the village.",
        "The new party could take away 50,000 voters from the ruling party.",
        "The commission said 7.7 million people took part.",
        "Police detained 300 people.\nOur schedule:\n- Almaty: 10 June\n- Aktau: 11 June",
    ],
)
def test_review_cases_that_are_no_counts(text):
    assert [r for r in tallies(text, "2022") if r["number"] != 300] == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("At least 40 people reported detained in Almaty on Sunday.", [dict(counted="detained", number=40)]),
        ("The picket outside the commission drew up to 50 people.", [dict(counted="protesters", number=50)]),
        ("About a dozen young people who tried to stage a flash mob near the monument in Almaty were detained.",
         [dict(counted="detained", number=12)]),
    ],
)
def test_review_cases_that_are_counts(text, expected):
    assert_rows(tallies(text, "2022"), expected)


def test_a_list_item_may_start_lower_case_a_missed_item_keeps_the_list_and_sizes_are_left_out():
    text = ("Police detained 300 people. Our figures by city:\n- Almaty: About 40\n- Aktau: 10 buses arrived\n"
            "- Shymkent: about 50\n- Zhanaozen: 1 million residents")
    assert [(r["number"], r["location"]) for r in tallies(text, "2022")] == [(300, ["Kazakhstan"]), (40, ["Almaty"]), (50, ["Shymkent"])]


def test_a_report_by_place_labels_its_paragraphs_and_a_heading_names_its_sections_source():
    text = ("Situation by region (according to regional police departments):\n\nAlmaty. The situation is under control. "
            "During checks at two markets, 207 persons were detained.\n\nAktau. About 500 persons have been detained. "
            "25 police officers were injured, 20 of them in Zhanaozen.")
    rows = tallies(text, "2022")
    assert [(r["number"], r["location"]) for r in rows] == [(207, ["Almaty"]), (500, ["Aktau"]), (25, ["Aktau"]), (20, ["Zhanaozen"])]
    assert {r["attributed_to"] for r in rows} == {"police"}
    # (a sentence between that names a place is nearer; another heading ends the section's source)
    rows = tallies("ALMATY. Protests spread on Wednesday to Aktau and Zhanaozen. At least 10 people were killed.", "2022")
    assert rows[0]["location"] == ["Aktau", "Zhanaozen"]
    rows = tallies("Situation by region (according to regional police departments):\n\nAktau. About 500 persons have been "
                   "detained.\n\nAftermath\n\nHospitals in Almaty treated about 200 injured people.", "2022")
    assert [r["attributed_to"] for r in rows] == ["police", None]
    # (a dateline's town opening an authority's report is no label: its figure is the country's)
    rows = tallies("ALMATY. The Interior Ministry said on Saturday that all 30 reporters had been released.", "2022")
    assert rows[0]["location"] == ["Kazakhstan"]


@pytest.mark.parametrize("text", [
    "She recalled the protests of October 2020, when Amnesty International said at least 12 people were killed in Lagos.",
    "In Nairobi, police detained 12 protesters.",
])
def test_a_count_in_a_city_abroad_is_another_countrys(text):
    assert tallies(text, "2022") == []


def test_a_day_or_a_place_in_parentheses_is_no_citation():
    rows = tallies("Police detained 50 people in Almaty (Sunday, January 2).", "2022")
    assert rows[0]["event_date"] == "2022-01-02" and rows[0]["attributed_to"] is None


def test_the_publisher_voice_is_not_read_inside_a_quotation():
    text = '"We counted 40 bodies in the morgue," a doctor said. Police detained 30 people, our monitors saw.'
    rows = _with_outlet(text, "Civic Rights Bureau")
    assert rows[-1]["attributed_to"] == "Civic Rights Bureau"
    assert all(r["attributed_to"] != "Civic Rights Bureau" for r in rows[:-1])


@pytest.mark.parametrize("text,expected", [
    ("About 50 supporters rallied in Almaty. Police detained 12 of them within minutes.",
     [dict(counted="protesters", number=50), dict(counted="detained", number=12)]),
    ("Protests spread across the country. Officials put the death toll from this month's unrest at 225.",
     [dict(counted="killed", number=225)]),
    ("Protests spread in May. Rights groups put the number apprehended at more than 1,000.",
     [dict(counted="detained", number=1000, qualifier="more_than")]),
    ("A rally was held in Almaty. Organisers said about 40 people had taken part.",
     [dict(counted="protesters", number=40, qualifier="approx")]),
    # an estimate of the count just given counts what it counted
    ("Organisers said about 40 people had taken part in the rally; the city police put the number at 15.",
     [dict(counted="protesters", number=40), dict(counted="protesters", number=15)]),
    ("Police detained about 200 people in Almaty on Sunday. The ministry put Monday's figure at more than 30.",
     [dict(counted="detained", number=200), dict(counted="detained", number=30, qualifier="more_than")]),
    ("The bloc put the number of picketers at about 30.", [dict(counted="protesters", number=30, qualifier="approx")]),
    ("The spokeswoman put the number detained at seven.", [dict(counted="detained", number=7)]),
    ("The commission put the number of seats at 98.", []),
    # an elliptical count in a place of a kind described; a term served
    ("The count settled at 16 dead in Zhanaozen and one more in the Caspian port city of Aktau.",
     [dict(counted="killed", number=16), dict(counted="killed", number=1)]),
    ("Thirteen went to prison, among them a strike leader.", [dict(counted="sentenced", number=13)]),
    # other sources' figures for the same estimate, its verb left out
    ("About 1,000 people rallied in Almaty. Reuters put the crowd at around 1,000 people, the regional newspaper Ak Zhaiyk at "
     "more than 2,000, and the news site Vlast at several hundred.",
     [dict(counted="protesters", number=1000), dict(counted="protesters", number=1000, attributed_to="Reuters"),
      dict(counted="protesters", number=2000, attributed_to="regional newspaper Ak Zhaiyk"),
      dict(counted="protesters", vague_word="several hundred", attributed_to="news site Vlast")]),
    # (not another figure of the clause: "and the number of buses at 40", "and the rally began at 11")
    ("Organisers put the crowd at 2,000, and the number of buses at 40.", [dict(counted="protesters", number=2000)]),
    ("About 600 people gathered in Almaty. Officials put the crowd at 500, and the rally began at 11 on Saturday.",
     [dict(counted="protesters", number=600), dict(counted="protesters", number=500)]),
    # translated law's words for a fine's offence; a stop by police
    ("More than thirty people were brought to administrative responsibility in Aktobe.",
     [dict(counted="fined", number=30, qualifier="more_than")]),
    # (in the form of an administrative arrest it is a jail term; Russian police wording translated)
    ("Two participants were brought to administrative responsibility in the form of administrative arrest for 10 days.",
     [dict(counted="sentenced", number=2)]),
    ("11 participants of the action were delivered to the city department of police.", [dict(counted="detained", number=11)]),
    ("12 people were taken to the district department of internal affairs.", [dict(counted="detained", number=12)]),
    ("Forty persons had been subjected to administrative arrest.", [dict(counted="sentenced", number=40)]),
    # an office after what opens the sentence is the source ("On the evening of December 16 the Prosecutor General")
    ("On the evening of December 16 the Prosecutor General said 10 people had been killed.",
     [dict(counted="killed", number=10, attributed_to="prosecutor general")]),
    # (not someone tied to the office: "a critic of the interior minister")
    ("A critic of the interior minister said 100 people were detained.", [dict(counted="detained", number=100, attributed_to=None)]),
    # a fact box's label says what its figure counts; other labels count nothing; two numbers side by side are none
    ("Deaths: 238 (official figure)", [dict(counted="killed", number=238, attributed_to=None)]),
    # (words may describe the label, whose last label noun counts; a part of the figure may follow it)
    ("- Protesters detained: 50", [dict(counted="detained", number=50)]),
    ("- Killed: 164, including three children (health ministry, January 9)", [dict(counted="killed", number=164)]),
    ("- Injured security personnel: more than 1,300", [dict(counted="injured", number=1300, qualifier="more_than")]),
    # (not a unit, a rate, another subject or a place abroad beside the label noun)
    ("- Days detained: 15", []), ("- Arrests per day: 300", []), ("- Deaths from Covid-19: 1,650", []),
    ("- Detained in Minsk: 7,000", []),
    # (the people after the noun are what it counts: released detainees)
    ("- Released detainees: 30", [dict(counted="released", number=30)]),
    ("Demonstrations held: 25", []),
    ("Protest permits: 12", []),
    ("Some fifty sixty people gathered in the square.", []),
    # (a stop by police is no detention: "drivers were stopped by police at roadblocks")
    ("Dozens of drivers were stopped by police at roadblocks around the city.", []),
    # a figure spoken of estimates the count before; with what it counts, it is a count of its own
    ("Thousands rallied in Almaty. Organisers spoke of several thousand, while police said about 500 took part.",
     [dict(counted="protesters", vague_word="thousands"), dict(counted="protesters", vague_word="several thousand"),
      dict(counted="protesters", number=500)]),
    ("Police detained dozens in Almaty. Officials spoke of 26 dead.",
     [dict(counted="detained", vague_word="dozens"), dict(counted="killed", number=26)]),
    ('Police detained dozens. Officials spoke of 26 \u201carmed criminals\u201d killed.',
     [dict(counted="detained", vague_word="dozens"), dict(counted="killed", number=26)]),
    ("Police detained dozens in Almaty. Residents still talk of dozens more dead.",
     [dict(counted="detained"), dict(counted="killed", vague_word="dozens")]),
    ("Police detained dozens in Almaty. Officials spoke of the 2011 events.", [dict(counted="detained")]),
    # (a figure spoken of with more words after it is no estimate: "spoke of 2,000 new jobs", "two new laws")
    ("Police detained 40 people in Almaty. The governor spoke of 2,000 new jobs.", [dict(counted="detained", number=40)]),
    ("About 5,000 people gathered in Almaty. The president spoke of three reforms.", [dict(counted="protesters", number=5000)]),
    ("Dozens of opposition and civil rights activists marched through Astana.", [dict(counted="protesters", vague_word="dozens")]),
    ("Detainees numbered 7,939, according to the Interior Ministry.", [dict(counted="detained", number=7939)]),
    ("Dozens have since been arrested on suspicion of organizing mass disorder.", [dict(counted="detained", vague_word="dozens")]),
    ("Within three days thousands were on the streets of Almaty.", [dict(counted="protesters", vague_word="thousands")]),
])
def test_estimates_and_partitive_objects(text, expected):
    assert_rows(tallies(text, "2022"), expected)


@pytest.mark.parametrize("text,source", [
    ("About 300 people, by the organisers' count, rallied outside the party offices, police said.", "organisers"),
    ("In Atyrau about 1,000 people, by RFE/RL's count, gathered on the square.", "RFE/RL"),
    # a name after its description
    ("The Kyrgyz news agency AKIpress counted more than 30 detentions in Almaty.", "AKIpress"),
])
def test_the_owner_of_a_count_beside_its_figure_is_its_source(text, source):
    assert [r["attributed_to"] for r in tallies(text, "2022")] == [source]


@pytest.mark.parametrize("text,source", [
    # someone described, not named nor a listed noun: the description, without its article or relative clause
    ("Police in Karaganda detained four people, a member of the congregation told AsiaNews.", "member of the congregation"),
    ("Police in Karaganda detained four people, a local pastor said.", "local pastor"),
    ("Police detained four people, one of the picket participants said.", "one of the picket participants"),
    ("Police detained five people, while a rights activist who witnessed the scene put the number at around a dozen.",
     "rights activist"),
    # not a text, nor "one of them" (whom the sentences before name)
    ("Police in Karaganda detained four people, a statement said.", None),
    ("Police in Karaganda detained four people, a leaked memo said.", None),
    ("Police in Karaganda detained four people, a dispatch from the scene said.", None),
    ("Police in Karaganda detained four people, one of them said.", None),
])
def test_a_speaker_described_is_the_source(text, source):
    assert tallies(text, "2022")[-1]["attributed_to"] == source


def test_no_figure_takes_another_figures_count_owner_or_a_loose_number():
    text = ("About 300 people rallied in Almaty, by far the largest protest since a crowd of 1,000 "
            "by the organisers' count gathered in 2019.")
    assert [(r["number"], r["attributed_to"]) for r in tallies(text, "2022")] == [(300, None), (1000, "organisers")]
    # "a number held placards": no count of the detained
    assert [r["counted"] for r in tallies("A number held placards as the crowd reached 300 in Almaty.", "2022")] == ["protesters"]


@pytest.mark.parametrize("text,published,date", [
    ("Kazakhstan put the death toll from this month's unrest at 225.", "2022-01-16", "2022-01"),
    ("In January 2022, at least 230 people were killed in the unrest.", "2022-06-06", "2022-01"),
    ("The unrest in January left 238 people dead.", "2022-06-06", "2022-01"),
    ("Police detained 30 people on January 10 in Almaty.", "2022-06-06", "2022-01-10"),
    ("He was among the oil workers who went on strike in 2011, a protest that ended when police opened fire on a crowd "
     "in December that year, killing at least 16 people.",
     "2022-11-21", "2011-12"),
])
def test_a_month_without_a_day_dates_its_sentence_to_the_month(text, published, date):
    rows = extract_tallies(text, DocContext("doc", None, dt.date.fromisoformat(published)), REF)
    assert [r["event_date"] for r in rows] == [date]


def test_a_month_in_an_earlier_sentence_dates_no_later_count():
    text = ("The party had announced in November that it would not stand. "
            "More than 30 demonstrators were arrested during protests criticising the vote.")
    rows = extract_tallies(text, DocContext("doc", "2021-01-10-parliamentary", dt.date(2021, 1, 11)), REF)
    assert [r["event_date"] for r in rows] == ["2021-01-10"]


def test_a_count_over_the_weeks_that_followed_is_of_the_month_told_before():
    text = ("Officials say 238 people were killed in January.\n\nPolice detained almost 10,000 people in the weeks "
            "that followed. On June 5 police detained 12 people in Almaty, and dozens more in the days that followed.")
    rows = tallies_on(text, "2022-06-05-referendum", "2022-06-06")
    assert [(r["number"], r["event_date"]) for r in rows] == [(238, "2022-01"), (10000, "2022-01"), (12, "2022-06-05")]


@pytest.mark.parametrize("text", [
    "Officials pointed to the more than a thousand foreign observers, most of them from friendly governments and regional bodies.",
    "Police in its two largest cities dragged protesters into vans for a second day.",
])
def test_observers_from_regional_bodies_and_two_cities_are_no_counts(text):
    assert tallies(text, "2019") == []


@pytest.mark.parametrize("text,published,date", [
    ("Since March, police have detained more than 200 activists.", "2022-06-01", None),
    ("Police detained 12 activists who had planned to stand in the elections due in March.", "2023-01-20", None),
    ("At least 10 people were detained at a rally of the party, which was banned in December.", "2023-01-20", None),
    ("Police detained 12 protesters in Almaty in January 2022.", "2022-03-01", "2022-01"),
])
def test_months_that_date_no_count(text, published, date):
    rows = extract_tallies(text, DocContext("doc", None, dt.date.fromisoformat(published)), REF)
    assert [r["event_date"] for r in rows] == [date]


def test_a_month_of_another_year_ends_the_day_the_story_had_reached():
    text = ("On Wednesday, police detained 30 people in Almaty. In March 2021, the same group had held a rally. "
            "Some 40 people were injured, doctors said.")
    rows = extract_tallies(text, DocContext("doc", None, dt.date(2022, 1, 7)), REF)
    assert [(r["number"], r["event_date"]) for r in rows] == [(30, "2022-01-05"), (40, None)]


def test_a_named_episode_dates_its_counts_to_its_month(ref):
    # "the January events" is the episode events.csv dates to January 2022, also in a 2023 report
    text = "A commission investigating the January events said 238 people were killed."
    rows = extract_tallies(text, DocContext("doc", None, dt.date(2023, 6, 1)), ref)
    assert [r["event_date"] for r in rows] == ["2022-01"]


@pytest.mark.parametrize("text,date", [
    # an episode of one day (events.csv) named with its month: the episode's day
    ("In December 2011, police opened fire on striking oil workers in Zhanaozen, killing 16 people.", "2011-12-16"),
    # another month, or no episode named: the month only
    ("In May 2011, police detained 40 striking oil workers in Zhanaozen.", "2011-05"),
    ("In December 2011, police detained 40 people in Almaty.", "2011-12"),
])
def test_an_episode_of_one_day_dates_its_counts_to_its_day(ref, text, date):
    rows = extract_tallies(text, DocContext("doc", None, dt.date(2016, 5, 7)), ref)
    assert [r["event_date"] for r in rows] == [date]


def test_an_episodes_month_dates_the_rest_of_its_paragraph_only():
    text = ("It was the first vote since the deadly unrest of January, when protests turned into riots. "
            "Officials say 238 people were killed.\nOn Sunday, police detained 12 people in Almaty.\n"
            "Another 5 were fined.")
    rows = extract_tallies(text, DocContext("doc", "2022-11-20-presidential", dt.date(2022, 11, 21)), REF)
    assert [(r["number"], r["event_date"]) for r in rows] == [(238, "2022-01"), (12, "2022-11-20"), (5, "2022-11-20")]


def test_a_period_since_a_month_leaves_the_story_on_the_day_named():
    text = ("On December 16, police opened fire in the oil town, where workers had been on strike since May. "
            "At least 16 people were killed.")
    rows = extract_tallies(text, DocContext("doc", "2012-01-15-parliamentary", dt.date(2012, 1, 16)), REF)
    assert [r["event_date"] for r in rows] == ["2011-12-16"]


@pytest.mark.parametrize("text,expected", [
    # the day after the last day named, for the counts of its own clause
    ("On December 16, police opened fire on the crowd. One more man was killed the next day.", [(1, "2011-12-17")]),
    ("On December 16, police opened fire on the crowd. A day later, 50 people blocked the railway.", [(50, "2011-12-17")]),
    ("On August 20, police put the number detained at seven, and a court fined three of them the following day.",
     [(7, "2011-08-20"), (3, "2011-08-21")]),
    # it does not move the story: the next sentence is back on the day named
    ("On December 16, police fired on the crowd, and the violence spread to Shetpe the next day. Around 70 people were arrested.",
     [(70, "2011-12-16")]),
])
def test_the_next_day_dates_the_counts_of_its_clause(text, expected):
    rows = extract_tallies(text, DocContext("doc", None, dt.date(2011, 12, 30)), REF)
    assert [(r["number"], r["event_date"]) for r in rows] == expected


@pytest.mark.parametrize("text,expected", [
    # the cue of the count's own clause before a nearer one across a comma
    ("Officials refused rallies before the vote on November 20, and a court sentenced five activists to 15 days on November 11.",
     [(5, "2022-11-11")]),
    # a time opening the sentence frames all of it
    ("On Saturday, about 15 relatives of people killed after the January events gathered outside the city hall.",
     [(15, "2022-11-19")]),
    # election day of an election the sentence names by its month or year, not the article's
    ("In June 2019, by contrast, police rounded up hundreds of protesters on election day alone.", [(None, "2019-06-09")]),
    ("That contrasts with the January 2021 vote, when dozens of protesters were detained on election day.", [(None, "2021-01-10")]),
    # the day of a plot is not the day of the arrests
    ("On Thursday, the security service said it had detained seven people accused of plotting riots on election day.",
     [(7, "2022-11-17")]),
])
def test_which_time_of_a_sentence_dates_a_count(text, expected):
    rows = extract_tallies(text, DocContext("doc", "2022-11-20-presidential", dt.date(2022, 11, 21)), REF)
    assert [(r["number"], r["event_date"]) for r in rows] == expected


def test_the_day_after_the_vote_is_the_day_after_the_election():
    rows = tallies_on("Police detained 20 people the day after the vote.", "2019-06-09-presidential", "2019-06-20")
    assert [r["event_date"] for r in rows] == ["2019-06-10"]


@pytest.mark.parametrize("text,expected", [
    # "both" counts two people in a tally
    ("Two activists were detained on Sunday. Both were later fined.", [("detained", 2, "exact"), ("fined", 2, "exact")]),
    ("Police detained both men.", [("detained", 2, "exact")]),
    # "as high as" is an upper estimate; "delivered" to the police, in quotation marks or not
    ("Rights groups put the toll as high as 250 killed.", [("killed", 250, "at_most")]),
    ('Officials said 53 people had been "delivered" to police stations.', [("detained", 53, "exact")]),
    ("Police said 714 people had been delivered to the police in connection with the rallies.", [("detained", 714, "exact")]),
])
def test_both_upper_estimates_and_deliveries_to_the_police(text, expected):
    assert [(r["counted"], r["number"], r["qualifier"]) for r in tallies(text)] == expected


@pytest.mark.parametrize("text,who", [
    ("Rights defenders counted 80 detainees. On Wednesday the General Prosecutor's Office gave its own figure: "
     "126 people had been taken to police stations.", "General Prosecutor's Office"),
    ("On Tuesday, ministry spokesperson Nurdilda Oraz offered a two-day tally: 500 people detained on the first day.", "Nurdilda Oraz"),
    ("On 18 June, Interior Minister Yerlan Turgumbayev gave the most complete official figure so far: nearly 4,000 people "
     "detained in five days of rallies.", "Yerlan Turgumbayev"),
    # ("according to him": the source of the sentence before)
    ("Interior Minister Yerlan Turgumbayev gave the official figure: nearly 4,000 people detained. According to him, "
     "about 3,000 were released.", "Yerlan Turgumbayev"),
])
def test_a_source_giving_figures_before_a_colon_gives_those_after_it(text, who):
    assert tallies(text, "2022")[-1]["attributed_to"] == who


def test_the_speaker_of_a_reported_clause_told_that_night_gives_its_figure():
    text = ("A title card notes that the deputy interior minister told reporters that night that some 500 people had been "
            "detained at rallies, while opposition channels on Telegram claimed thousands had been detained.")
    assert [r["attributed_to"] for r in tallies(text, "2022")] == ["deputy interior minister", "Telegram"]
    # (not one whose words hold no figure: the figure is in another clause)
    text = "The Interior Ministry said that the governor told residents to stay home, and 500 people were detained."
    assert [r["attributed_to"] for r in tallies(text, "2022")] == ["Interior Ministry"]


def test_according_to_them_is_not_the_source_of_the_sentence_before():
    text = "The Interior Ministry said 40 people were detained. Rights groups gave a higher figure. According to them, 400 people were detained."
    assert [r["attributed_to"] for r in tallies(text, "2022")][-1] != "Interior Ministry"


@pytest.mark.parametrize("text,published,expected", [
    # "both" of a pair of kinds counts nothing
    ("Police detained both protesters and journalists.", "2022-11-21", []),
    # a year or month that names no vote moves no election day
    ("Tokayev, who has ruled since 2019, watched as police detained 30 protesters on election day.", "2022-11-21", [(30, "2022-11-20")]),
    ("Under a 2021 law on rallies, police detained 30 protesters on election day.", "2022-11-21", [(30, "2022-11-20")]),
    # a rally planned by someone is no plot: its day stands
    ("Police detained 15 people at an unsanctioned rally planned by the movement in Almaty on Tuesday.", "2022-11-24", [(15, "2022-11-22")]),
    # a period is no one day of its month
    ("In June 2019, police detained about 4,000 protesters over two weeks, including 500 on election day.", "2022-11-21",
     [(4000, "2019-06")]),
    # a month a period reaches from is no episode the next sentence shares
    ("Voters cast ballots on Sunday, ten months after the riots of January. Police detained 12 people in Almaty.",
     "2022-11-21", [(12, "2022-11-20")]),
    # "the day after" a rally adds no day to a Monday
    ("On Monday, the day after the rally, police detained 20 people.", "2022-11-23", [(20, "2022-11-21")]),
])
def test_review_cases_for_dates_and_both(text, published, expected):
    rows = tallies_on(text, "2022-11-20-presidential", published)
    assert [(r["number"], r["event_date"]) for r in rows] == expected


@pytest.mark.parametrize("text,expected", [
    # an episode's day told ("..., when police opened fire") dates the next sentence of its paragraph
    ("The gravest test came in December 2011, when police opened fire on striking oil workers in Zhanaozen. "
     "At least 14 people were killed.", [(14, "2011-12-16")]),
    # one not told dates its own sentence only; "referendum day" is the vote's day
    ("In December 2011, police opened fire on striking oil workers in Zhanaozen. Critics note that little changed. "
     "On referendum day, police detained at least three activists.", [(3, "2022-06-05")]),
    # an episode's name in a slogan dates nothing
    ('On Sunday, officers led away three young men who unfurled a banner reading "Bloody January".', [(3, "2022-06-05")]),
])
def test_pinned_days_and_quoted_episodes(ref, text, expected):
    rows = extract_tallies(text, DocContext("doc", "2022-06-05-referendum", dt.date(2022, 6, 6)), ref)
    assert [(r["number"], r["event_date"]) for r in rows] == expected


def test_a_next_day_opening_its_sentence_moves_the_story():
    text = "On January 4, protesters seized the akimat. The following day, troops arrived. Police detained 300 people."
    assert [r["event_date"] for r in tallies_on(text, None, "2022-01-10")] == ["2022-01-05"]


def test_an_episodes_month_holds_no_further_than_its_paragraph():
    text = ("It was the first vote since the deadly unrest of January, when protests turned into riots. "
            "Officials say 238 people were killed.\nThe commission met in the capital.\nSome 300 people were detained.")
    rows = tallies_on(text, None, "2022-11-30")
    assert [(r["number"], r["event_date"]) for r in rows] == [(238, "2022-01"), (300, None)]


@pytest.mark.parametrize("text,who", [
    # "prosecutors" in a story that names one prosecutor's office: that office
    ("Kazakhstan has released 1,149 people from custody, prosecutors said on Tuesday. "
     "At a briefing, a department head at the Prosecutor General's Office spoke.", "Prosecutor General's Office"),
    # "the ministry" of a story naming two ministries: no one of them
    ("Nearly 8,000 people had been detained, the ministry said. The Interior Ministry and the Health Ministry met.", "ministry"),
])
def test_a_generic_speaker_is_the_one_institution_of_its_kind_the_story_names(ref, text, who):
    _check_generic_speaker(ref, text, who)


@pytest.mark.parametrize("text,who", [
    # "The" opening a sentence, and another country's office, are no other institution
    ("Kazakhstan has released 1,149 people, prosecutors said. The Prosecutor General's Office said more. "
     "A spokesman for the Prosecutor General's Office added nothing.", "Prosecutor General's Office"),
    ("Kazakhstan has released 1,149 people, prosecutors said. The Prosecutor General's Office said more. "
     "Kyrgyzstan's Prosecutor General's Office said nothing.", "Prosecutor General's Office"),
])
def test_an_institution_named_with_the_or_abroad(ref, text, who):
    _check_generic_speaker(ref, text, who)


def _check_generic_speaker(ref, text, who):
    rows = extract_tallies(text, DocContext("doc", None, dt.date(2022, 1, 26)), ref)
    assert rows[0]["attributed_to"] == who


def test_a_speaker_in_a_relative_clause_on_an_episode():
    text = ("Turnout was lowest in Almaty. The vote was the first since the unrest of January 2022, "
            "in which officials say at least 230 people were killed.")
    rows = tallies_on(text, "2023-03-19-parliamentary", "2023-03-21")
    assert [(r["attributed_to"], r["location"]) for r in rows] == [("officials", ["Kazakhstan"])]


@pytest.mark.parametrize("text,expected", [
    # the set a partitive takes its count from, with a place ("in the dock"), is no count
    ("Of the 37 people in the dock, 24 walked free.", [("released", 24)]),
    # a relative clause's predicate governs nothing outside it
    ("Police said 24 walked free from the centre where the hearings were held.", [("released", 24)]),
])
def test_partitive_sets_and_relative_clauses(text, expected):
    assert [(r["counted"], r["number"]) for r in tallies(text, "2012")] == expected


@pytest.mark.parametrize("text,expected", [
    # a noun's "of the N ... in X," is no partitive's set
    ("Rights groups demanded the release of the 45 activists in Almaty, who were detained on Sunday.", [("detained", 45)]),
    ("Lawyers condemned the detention of the 45 activists in Almaty, calling it illegal.", [("detained", 45)]),
    # a partitive's set with a place and a time
    ("Of the 37 people in the dock on Monday, 24 walked free.", [("released", 24)]),
])
def test_second_review_cases_for_partitives(text, expected):
    assert [(r["counted"], r["number"]) for r in tallies(text, "2012")] == expected


def test_a_when_clause_without_an_episode_tells_none():
    text = "She moved to Almaty in May 2015, when she was a student. Police detained 30 people."
    assert [r["event_date"] for r in tallies_on(text, None, "2021-01-11")] == [None]
    text = "His authority was tested in January, when protests turned into riots. Officials say 238 people were killed."
    assert [r["event_date"] for r in tallies_on(text, None, "2022-11-21")] == ["2022-01"]


def test_a_local_bodys_figure_is_its_places():
    text = ("News of the detentions reached Zhanaozen within an hour. By night as many as 2,000 people had gathered, "
            "and the town police said they had detained 24 people.")
    assert [(r["number"], r["location"]) for r in tallies(text, "2022")] == [(2000, ["Zhanaozen"]), (24, ["Zhanaozen"])]


def test_a_title_that_opens_an_institutions_name_has_no_holder_there(ref):
    text = ("Yeldos Kilimzhanov, a department head at the Prosecutor General's Office, spoke on Tuesday. "
            "Courts have released 21 people on bail, according to the prosecutor.")
    rows = extract_tallies(text, DocContext("doc", None, dt.date(2022, 1, 26)), ref)
    assert [r["attributed_to"] for r in rows] == ["prosecutor"]


@pytest.mark.parametrize("text,expected", [
    # a participle names the set, the predicate after it governs
    ("Officials said about 100 people detained in the sweeps had been let go.", [("released", 100)]),
    ("About 400 of those held on Sunday were fined.", [("fined", 400)]),
    # ... not a predicate of another count or clause
    ("One more person died and 11 were wounded.", [("killed", 1), ("injured", 11)]),
    ("Police said 500 people detained on the first day, 400 of whom were fined, had been released.",
     [("detained", 500), ("fined", 400)]),
])
def test_a_participle_after_a_count_names_the_set_and_the_predicate_governs(text, expected):
    assert [(r["counted"], r["number"]) for r in tallies(text)] == expected


@pytest.mark.parametrize("text,expected", [
    ("More than 100 demonstrators were hauled onto police buses.", [("detained", 100)]),
    ("Two people had been taken in for questioning.", [("detained", 2)]),
    ("About 500 people were taken in by police over the two days.", [("detained", 500)]),
    # a place after "taken in" is where something happened; a shelter or a family takes people in too
    ("The 30 photographs were taken in Almaty.", []),
    ("More than 1,000 people were taken in during the floods, the shelter said.", []),
])
def test_police_jargon_for_detentions(text, expected):
    assert [(r["counted"], r["number"]) for r in tallies(text, "2019")] == expected


def test_a_participle_with_its_own_count_past_a_comma_does_not_govern_the_count_before():
    text = "On Saturday, police broke up a rally by up to 200 supporters of the opposition in central Almaty, detaining eight people."
    assert [(r["counted"], r["number"]) for r in tallies(text, "2019")] == [("protesters", 200), ("detained", 8)]


@pytest.mark.parametrize("text,expected", [
    ("Of the 40 detained, three were each fined.", [("detained", 40), ("fined", 3)]),
    ("At least 100 people massed at a checkpoint.", [("protesters", 100)]),
    ("Dozens joined the protest.", [("protesters", None)]),
])
def test_an_adverb_before_the_verb_and_words_of_massing(text, expected):
    assert [(r["counted"], r["number"]) for r in tallies(text, "2019")] == expected


def test_a_clause_after_a_verb_of_saying_is_what_was_said_not_a_speaker():
    text = ("Taza Saylau, a monitoring group, said nine of its observers had been held by police in Almaty and Astana "
            "during the day, and that seven had been released by late evening.")
    assert [r["attributed_to"] for r in tallies_on(text, "2022-11-20-presidential", "2022-11-21")] == ["Taza Saylau", "Taza Saylau"]


def test_the_agent_right_after_a_count_gives_it():
    text = ("On 15 January the Prosecutor General's Office said that 225 people had been killed, up from the 164 deaths "
            "reported by the health ministry a week earlier.")
    assert [r["attributed_to"] for r in tallies(text, "2022")] == ["Prosecutor General's Office", "health ministry"]
    # (not past a clause: the figure is the speaker's, another confirmed it)
    text = "Police said 40 people were detained, a figure confirmed by the Interior Ministry."
    assert [r["attributed_to"] for r in tallies(text, "2022")] == ["police"]


def test_a_speaker_before_an_adverb_a_group_described_and_a_second_that_clause():
    text = "The prosecutor-general's office now says 16 people were killed in the town."
    assert [r["attributed_to"] for r in tallies(text, "2011")] == ["prosecutor-general's office"]
    text = "Kazakh nationalists say thousands were detained."
    assert [r["attributed_to"] for r in tallies(text, "2022")] == ["nationalists"]
    # (", that" opens another clause of what was said: the count before it is not of the verb after it)
    text = "He told reporters that a maximum of 3,000 people had taken part, that two people died and 200 were injured."
    assert [(r["number"], r["counted"]) for r in tallies(text, "2022")] == [(3000, "protesters"), (2, "killed"), (200, "injured")]


def test_the_one_quoted_is_the_source():
    text = "The Associated Press, quoting the Kyrgyz news agency AKIpress, said more than 30 demonstrators were detained."
    assert [r["attributed_to"] for r in tallies(text, "2021")] == ["AKIpress"]
    text = "RFE/RL quoted the rights activist Bakhytzhan Toreghozhina on Friday saying at least 26 activists were detained."
    assert [r["attributed_to"] for r in tallies(text, "2021")] == ["Bakhytzhan Toreghozhina"]


def test_counts_of_a_congregation_of_an_event_abroad_and_a_trigger_another_count_ends():
    text = "Christmas: 112 people came to our Christmas Eve service. Eleven children took part in the nativity play."
    assert tallies(text, "2012") == []
    text = "Same day, Hong Kong had a massive march where organisers claimed more than a million people."
    assert tallies(text, "2019") == []
    text = "Now the figure most people quote is 16 dead in Zhanaozen, plus one more man in Aktau the next day."
    assert [(r["phrase"], r["number"]) for r in tallies(text, "2012")] == [("16 dead", 16), ("one more man", 1)]
    text = "Like 200 people showed up at the rally in Almaty, and police detained like 50."
    assert [(r["number"], r["qualifier"]) for r in tallies(text, "2022")] == [(200, "approx"), (50, "approx")]


def test_a_bodys_own_count_a_ministry_described_and_an_ombudswoman():
    text = ("Protests went on. The interior ministry's own running count was lower: 5135 people detained in 125 criminal "
            "investigations, it said. Kazakhstan's health ministry says 164 people have died. "
            "The country's ombudswoman for children's rights said three of those killed were minors.")
    assert [r["attributed_to"] for r in tallies(text, "2022")] == ["Interior Ministry", "Kazakhstan's health ministry", "ombudswoman"]
    # (the owner's count holds up to a clause of another speaker's, not past "it said")
    text = ("Protests went on. By the prosecutors' final count, 238 people were killed, and police said at the time that more "
            "than 9,900 had been detained.")
    assert [r["attributed_to"] for r in tallies(text, "2022")] == ["prosecutors", "police"]
    text = ("Protests went on. The interior ministry's own running counts were lower still: on Jan. 6 it reported 18 killed, "
            "and the next day it said 26 had been wounded.")
    assert [r["attributed_to"] for r in tallies(text, "2022")] == ["Interior Ministry", "Interior Ministry"]


def test_a_day_results_were_released_and_a_day_planned_date_no_count():
    text = ("Nur Otan won 71% in Sunday's election, according to preliminary results released Monday, after a campaign in "
            "which police detained dozens of people who tried to protest.")
    assert [r["event_date"] for r in tallies(text, "2021")] == ["2021-01-10"]
    text = ("The Assembly of the People of Kazakhstan was to meet Monday. In Almaty, police surrounded two groups of "
            "protesters on Sunday. Reuters said more than 30 people were detained there.")
    assert [r["event_date"] for r in tallies(text, "2021")] == ["2021-01-10"]


@pytest.mark.parametrize("text, when, expected", [
    # (a clause on a home place after a country abroad is home: "Russia had helped Kazakhstan, where ...")
    ("Tokayev said Russia had helped Kazakhstan, where more than 10,000 people were detained.", "2022",
     [dict(counted="detained", number=10000)]),
    # (the one quoted by an agency speaks; the one quoted "as saying" before the words quoted)
    ("Almaty police chief Serik Kudebayev, quoted by Interfax, said 300 people had been detained on Sunday.", "2019",
     [dict(attributed_to="Serik Kudebayev")]),
    ("Amnesty International quoted witnesses as saying police detained about 300 people on Sunday.", "2019",
     [dict(attributed_to="witnesses")]),
    # (an agent after people described is none of the count's: "recorded by surveillance cameras")
    ("Police detained 12 people recorded by surveillance cameras looting shops, the interior ministry said.", "2022",
     [dict(number=12, attributed_to="Interior Ministry")]),
    # (a time's or a place's count is no owner's: "Monday's official count")
    ("Protests spread. Monday's official count was higher: 164 people were killed.", "2022", [dict(number=164, attributed_to=None)]),
    # (a place after "and in" with a day, not a count, after it is the same clause's)
    ("Police detained about 500 people at rallies in Aktau, and in Almaty on June 9.", "2019",
     [dict(number=500, location=["Aktau", "Almaty"])]),
    # (an office of a place speaking keeps its place: "Almaty police chief")
    ("Police detained about 50 protesters on Sunday, according to Almaty police chief Serik Kudebayev.", "2019",
     [dict(number=50, location=["Almaty"])]),
    ("Tokayev sent some 3,000 troops to jail-break hotspots.", "2022", []),
    ("The official death toll was revised upward from 18 to 26 people.", "2022", []),
    ("It was nothing like 5,000 people, police said of Sunday's rally in Almaty.", "2022", []),
    # (a term a court set is a sentence; a few hours held is a detention)
    ("In all, 677 were held for up to 15 days and 305 fined.", "2019", [dict(counted="sentenced", number=677), dict(counted="fined", number=305)]),
    ("About 500 people were held for several hours.", "2019", [dict(counted="detained", number=500)]),
    # (nor custody awaiting trial or a stay at a police station)
    ("Ten journalists were held for two days at a police station before being released without charge.", "2019",
     [dict(counted="detained", number=10)]),
    ("Three activists have been held for 15 days in pre-trial detention pending investigation.", "2019",
     [dict(counted="detained", number=3)]),
    ("Nothing less than 5,000 protesters marched in Almaty.", "2019", [dict(counted="protesters", number=5000)]),
    # (a dateline's year after its day is no figure of a range: "Dec 20, 2011 - Sixteen")
    ("ALMATY, Dec 20, 2011 - Sixteen people were killed in Zhanaozen.", "2011", [dict(counted="killed", number=16)]),
])
def test_review_mends_of_the_twenty_first_session(text, when, expected):
    assert_rows(tallies(text, when), expected)


def test_a_sentence_a_few_days_away_across_a_months_end_keeps_the_place():
    text = "Protesters blocked a road in Zhanaozen on Friday. Police detained 20 people on Sunday, Jan. 2, 2022."
    ctx = DocContext("doc", None, dt.date(2022, 1, 3))
    assert [r["location"] for r in extract_tallies(text, ctx, REF)] == [["Zhanaozen"]]


def test_a_surname_after_a_time_is_no_full_name():
    text = ('Nurdaulet Suindikov said police had detained him. On Sunday Suindikov was detained again.\n\n'
            '"They took us away," Suindikov said.\n\n"Some 200 more were held in Aktau," he said.')
    assert [r["attributed_to"] for r in tallies(text, "2019")] == ["Nurdaulet Suindikov"]


def test_she_said_goes_on_quoting_the_person_the_sentence_before_quoted():
    text = ("Police detained six young activists on Sunday, according to their lawyer, Zhanar Kassymova. "
            "All six were released that evening, but two were fined, she said.")
    rows = tallies_on(text, "2011-04-03-presidential", "2011-04-04")
    assert [r["attributed_to"] for r in rows] == ["Zhanar Kassymova"] * 3


@pytest.mark.parametrize("text,expected", [
    ("Police said only seven people had been taken to a station.", [("detained", 7)]),
    ("The ministry said 34 people had been delivered to police stations.", [("detained", 34)]),
    ("Three people had been brought in for clarification.", [("detained", 3)]),
    # one person as a clause's subject is a count; an object before a time of day is one
    ("Police said one activist was detained.", [("detained", 1)]),
    ("Police fined eight, while one organiser was jailed for 10 days.", [("fined", 8), ("sentenced", 1)]),
    ("A court fined two of them the next morning.", [("fined", 2)]),
    ("Police detained 40 people, said one protester.", [("detained", 40)]),
])
def test_police_stations_clarification_and_one_person_are_counts(text, expected):
    assert [(r["counted"], r["number"]) for r in tallies(text, "2019")] == expected


def test_she_said_after_a_role_and_a_lawyer_and_the_name_after_a_role():
    text = ("Police detained four young men near the city administration building, a party spokeswoman said. "
            "Two of them were freed after several hours, she said.")
    assert [r["attributed_to"] for r in tallies_on(text, "2007-08-18-parliamentary", "2007-08-20")] == ["party spokeswoman"] * 2
    text = "Seven were detained, and five of them were later fined, according to their lawyer, Bakhyt Seitov."
    assert {r["attributed_to"] for r in tallies_on(text, "1999-01-10-presidential", "1999-01-11")} == {"Bakhyt Seitov"}


@pytest.mark.parametrize("text, counted", [
    ("Last spring thousands of protesters marched on the White House in Bishkek and forced the president out.", []),
    ("In Azerbaijan, police broke up an opposition rally on November 26, injuring dozens of protesters.", []),
    ("Azerbaijan: Police Break Up Rally, Dozens Hurt", []),
    # a source based abroad, a count at home
    ("At least 13 journalists were among those detained, according to a rights group based in Warsaw.", ["detained"]),
    ("Police detained 50 people in Almaty and a rally in Moscow drew 200 supporters.", ["detained", "protesters"]),
])
def test_a_count_abroad_is_another_countrys(text, counted):
    assert [r["counted"] for r in tallies(text, "2022")] == counted


def test_a_crowds_size_given_by_the_police_and_a_count_two_sentences_on_stay_at_the_rally():
    text = ("By evening, several hundred opposition supporters had gathered outside the Almaty akimat. "
            "Their leaders put the crowd at 1,500, while a police spokesman said no more than 250 people took part. "
            "Late in the evening, officers detained at least 12 people who tried to march toward the square.")
    assert [(r["number"], r["location"]) for r in tallies(text, "2022")] == [
        (None, ["Almaty"]), (1500.0, ["Almaty"]), (250.0, ["Almaty"]), (12.0, ["Almaty"])]
    # a total of several rallies an official gives is the country's
    text = ("Several hundred people gathered in Almaty on Sunday. "
            "The interior ministry said a total of 5,000 people had taken part in unsanctioned rallies.")
    assert [r["location"] for r in tallies(text, "2022")] == [["Almaty"], ["Kazakhstan"]]


def test_the_one_told_is_not_the_speaker():
    text = ("Police in Almaty detained seven activists who were handing out leaflets, the party's spokeswoman, "
            "Gulnar Abenova, told the Steppe Herald by telephone.")
    assert [r["attributed_to"] for r in tallies(text, "2022")] == ["Gulnar Abenova"]


def test_she_said_after_a_quoted_sentence_goes_on_quoting_the_speaker_before_it():
    text = ("On polling day, a monitor in Almaty, Zhanna Musina, told the Steppe Herald that three of its observers were "
            "detained after they objected to how ballots were being counted at polling stations in the city.\n\n"
            '"They were held for a few hours at the police station. Nobody charged them," she said. '
            '"All three were released without charge."')
    assert [r["attributed_to"] for r in tallies(text, "2022")] == ["Zhanna Musina", "Zhanna Musina"]


def test_he_said_in_the_next_paragraph_is_the_speaker_a_quote_named_by_surname():
    text = ("A spokesman for the prosecutor-general, Nurdaulet Suindikov, spoke to reporters on Saturday.\n\n"
            '"The situation has stabilised," Suindikov said.\n\n'
            "He said about 70 people had been detained in Zhanaozen.")
    assert [r["attributed_to"] for r in tallies(text, "2011")] == ["Nurdaulet Suindikov"]
    # (a surname named in full nowhere before, or a one-word source that is no person's, gives no one)
    for quote in ('"The situation has stabilised," Suindikov said.', '"The situation has stabilised," Reuters said.'):
        text = f"Police were out in force on Saturday.\n\n{quote}\n\nHe said about 70 people had been detained in Zhanaozen."
        assert [r["attributed_to"] for r in tallies(text, "2011")] == [None], quote


@pytest.mark.parametrize("text", [
    "About 50 activists picketed outside the Chinese consulate on Tuesday.",
    "Police detained 20 people at a rally outside the Russian embassy.",
    "Speaking in Moscow on Tuesday, the interior minister said 200 protesters had been detained.",
    "Based in London, the group said 40 people had been detained.",
])
def test_a_demonym_or_where_a_source_sits_sets_no_count_abroad(text):
    assert len(tallies(text, "2022")) == 1


def test_the_previous_day_and_the_eve_of_the_vote():
    text = ("On Monday morning, police cordoned off the square in Almaty, where more than 100 protesters had been detained "
            "the previous day, and took away around 30 people.")
    rows = tallies_on(text, "2019-06-09-presidential", "2019-06-11")
    assert [r["event_date"] for r in rows] == ["2019-06-09", "2019-06-10"]
    rows = tallies_on("On the eve of the vote, police in Almaty detained seven activists.", "2019-06-09-presidential", "2019-06-11")
    assert [r["event_date"] for r in rows] == ["2019-06-08"]
    # a step back does not move the story: "On the day itself" is the day named first
    text = ("On 22 February, the party planned to meet in Almaty. The day before, its leader was detained. "
            "On the day itself, police detained up to 100 people.")
    rows = tallies_on(text, None, "2020-02-25")
    assert [r["event_date"] for r in rows][-1] == "2020-02-22"


def test_the_day_before_the_vote_without_an_election_is_no_day_before_the_last_day_named():
    # (without an election's date the eve cannot be told; it is not Monday's day before, and the
    # Monday that opens the sentence dates it)
    rows = tallies_on("On Monday, the day before the vote, police detained seven activists.", None, "2019-06-11")
    assert [r["event_date"] for r in rows] == ["2019-06-10"]
    rows = tallies_on("The day before the vote, police detained seven activists.", None, "2019-06-11")
    assert [r["event_date"] for r in rows] == [None]


def test_a_day_of_the_month_is_no_count_and_a_relative_clause_before_the_predicate():
    rows = tallies_on("On 28 April several people who gathered in the capital to demand their release were detained.",
                      None, "2019-05-14")
    assert [(r["number"], r["qualifier"], r["vague_word"], r["event_date"]) for r in rows] == [(None, "vague", "several", "2019-04-28")]
    rows = tallies_on("Three friends who had filmed the stunt on their phones were detained alongside them.", None, "2019-05-14")
    assert [(r["counted"], r["number"]) for r in rows] == [("detained", 3)]


def test_a_toll_then_its_breakdown_after_a_dash():
    rows = tallies_on("By Tuesday the official toll had risen to 14 \u2013 13 in Zhanaozen and one in the village of Shetpe.",
                      None, "2011-12-23")
    assert [(r["counted"], r["number"], r["qualifier"]) for r in rows][0] == ("killed", 14, "exact")
    assert [(r["number"], r["number_high"]) for r in tallies_on("Police detained 50-70 people.", None, "2019-06-11")] == [(50, 70)]


def test_a_time_still_to_come_and_a_span_of_days():
    # "was due to vote on Monday" is where the story is going: the count after it is election day's
    text = ("The assembly, which was due to vote on Monday, named nine deputies.\n\n"
            "In Almaty, police surrounded several dozen protesters on the square.")
    rows = tallies_on(text, "2021-01-10-parliamentary", "2021-01-11")
    assert [r["event_date"] for r in rows] == ["2021-01-10"]
    # a span of days is its month, for the rest of the paragraph too
    text = ("The minister said about 4,000 people had been detained over the five days from 9 to 13 June. "
            "About 3,000 of them had been released.")
    rows = tallies_on(text, "2019-06-09-presidential", "2019-06-17")
    assert [r["event_date"] for r in rows] == ["2019-06", "2019-06"]
    rows = tallies_on("On June 9 police detained 500 people.", "2019-06-09-presidential", "2019-06-17")
    assert [r["event_date"] for r in rows] == ["2019-06-09"]


def test_a_part_of_a_qualified_set_and_leaving_the_court_free():
    rows = tallies_on("Oraz said 400 of the roughly 500 detained on Sunday had been fined.", "2019-06-09-presidential", "2019-06-11")
    assert [(r["counted"], r["number"], r["qualifier"]) for r in rows] == [("fined", 400, "exact")]
    rows = tallies_on("Thirteen defendants were jailed. Another 24 defendants left the courtroom free.", None, "2012-06-05")
    assert [(r["counted"], r["number"]) for r in rows] == [("sentenced", 13), ("released", 24)]


def test_a_sites_correspondent_keeps_the_sites_dotted_name():
    for text in ("In Uralsk, five activists were detained near the akimat, a Steppe.kz correspondent reported.",
                 "In Uralsk, five activists were detained near the akimat, according to Steppe.kz."):
        assert [r["attributed_to"] for r in tallies_on(text, None, "2021-01-11")] == ["Steppe.kz"]


@pytest.mark.parametrize("text,source", [
    # a body the lexicon does not list, named by its kind; a spokesperson's body
    ("In Shymkent, the commandant's office said 2,716 people had been detained.", "commandant's office"),
    ("In Shymkent, regional television reported on 13 January that more than 3,500 people had been detained in the city.", "regional television"),
    ("A spokeswoman for the Almaty crisis centre told a television channel that 852 people had been held in the city.", "Almaty crisis centre"),
])
def test_a_body_named_by_its_kind_speaks(text, source):
    assert [r["attributed_to"] for r in tallies_on(text, None, "2022-01-17")] == [source]


def test_the_same_office_a_paragraph_later_is_the_office_named_before():
    text = ("One more person died late on Saturday in Shetpe, the Prosecutor General's Office said.\n\n"
            "On Saturday the same office had said 86 people were wounded in Zhanaozen.")
    assert [r["attributed_to"] for r in tallies_on(text, None, "2011-12-18")] == ["Prosecutor General's Office"] * 2


@pytest.mark.parametrize("text,expected", [
    ("Four mothers held separate pickets outside the akimat.", [("protesters", 4)]),
    ("Police held four mothers outside the akimat.", [("detained", 4)]),
    # wounds people were treated for, not wounds counted; a strike's walkout, not a walk out of a room
    ("Hospitals are treating dozens of people with gunshot wounds.", [("injured", None)]),
    ("The body had three gunshot wounds.", []),
    ("In May hundreds of workers at the oil company walked out to demand higher pay.", [("protesters", None)]),
    ("Twelve opposition deputies walked out of the session.", []),
    ("Five detainees walked out after paying fines.", [("detained", 5)]),
    ("Police held thirty at protests in Almaty and Shymkent.", [("detained", 30)]),
    # holding up signs is a protest's, not a detention
    ("About a dozen residents held up handwritten signs outside the village school.", [("protesters", 12)]),
    ("Seven were freed on bail, while five remained in pre-trial detention.", [("released", 7), ("detained", 5)]),
    ("Of these, 175 had been given 15-day administrative jail terms.", [("sentenced", 175)]),
])
def test_holding_a_picket_remaining_in_detention_and_a_jail_term_of_days(text, expected):
    assert [(r["counted"], r["number"]) for r in tallies_on(text, None, "2021-06-10")] == expected


def test_a_month_and_day_of_a_named_episode_take_its_year(ref):
    text = "The vote came four years after police opened fire on striking oil workers in Zhanaozen on Dec. 16, killing at least 16 people."
    rows = extract_tallies(text, DocContext("doc", None, dt.date(2016, 3, 21)), ref)
    assert [r["event_date"] for r in rows] == ["2011-12-16"]


@pytest.mark.parametrize("text,expected", [
    # review: a part counts only when a predicate after its set says what happened to it
    ("Two of the 30 people detained in Almaty on Sunday were journalists.", [("detained", 30, "exact")]),
    ("At least 3 of the 20 journalists held on Sunday were later released.", [("released", 3, "at_least")]),
    ("Police held three protest leaders overnight in Almaty.", [("detained", 3, "exact")]),
])
def test_review_cases_of_parts_and_holding(text, expected):
    assert [(r["counted"], r["number"], r["qualifier"]) for r in tallies_on(text, None, "2019-06-11")] == expected


@pytest.mark.parametrize("text,source", [
    # (the person described, not the body the person works for)
    ("A man who works for the tax service said 20 people were detained.", "man"),
    ("A former employee of the security service told reporters 20 people were detained.", "former employee of the security service"),
    ("Police released roughly 5,800 people the presidential office said were being held.", "presidential office"),
])
def test_review_cases_of_bodies_named_by_their_kind(text, source):
    assert [r["attributed_to"] for r in tallies_on(text, None, "2022-01-17")] == [source]


def test_review_cases_of_will_as_a_noun_an_anniversary_and_a_number_after_a_dash(ref):
    assert [r["event_date"] for r in tallies_on("Police detained 12 people against their will on January 5 in Almaty.", None, "2022-01-07")] \
        == ["2022-01-05"]
    text = "On Dec. 16, police detained 30 activists who tried to lay flowers in Zhanaozen on the fifth anniversary of the shooting."
    assert [r["event_date"] for r in extract_tallies(text, DocContext("doc", None, dt.date(2016, 12, 17)), ref)] == ["2016-12-16"]
    assert [r["event_date"] for r in tallies_on("On 5 January - 1,200 people were detained.", None, "2022-01-07")] == ["2022-01-05"]


RIVAL_CASES = [
    # rival sizes of the crowd the sentence before gathered, each of its rally's place
    ("Several hundred opposition supporters gathered on Monday near the coalition's Almaty offices. "
     "Organizers said about 2,000 people came; city police said there were no more than 300.",
     [(None, "protesters", None), (2000, "protesters", "organizers"), (300, "protesters", "police")]),
    ("About 200 supporters rallied outside the Almaty city administration. Organizers said more than 500 people had come; "
     "police said fewer than 100 were present, and that seven people were taken to a police station.",
     [(200, "protesters", None), (500, "protesters", "organizers"), (100, "protesters", "police"), (7, "detained", "police")]),
    ("A lawyer for the strikers said up to 3,000 people had been on the central square in Zhanaozen.",
     [(3000, "protesters", "lawyer")]),
    # no protest, no crowd
    ("There were 300 polling stations in the region. There were 12 candidates, and 5 were present at the debate.", []),
    # people put into buses or taken to a police station, the people between; a term alone
    ("In Almaty an AFP journalist saw police bundle at least 40 people into buses near the square.", [(40, "detained", "AFP")]),
    ("In Kyzylorda, police took two young men to a district police station after they unfurled a banner.", [(2, "detained", None)]),
    ("Officials loaded 500 ballot boxes into trucks.", []),
    ("Courts in Astana jailed two activists for ten days each, and in Almaty two more were given fifteen days.",
     [(2, "sentenced", None), (2, "sentenced", None)]),
    ("Two journalists were given 10 days to leave the country.", []),
    ("The crowd was put at around 1,000 at the rally in Almaty; protesters insisted there had been several thousand.",
     [(1000, "protesters", "protesters"), (None, "protesters", "protesters")]),
    ("Two activists were jailed for 10 days each in Astana and two more received 15 days in Almaty.",
     [(2, "sentenced", None), (2, "sentenced", None)]),
    ("Of these, 677 received administrative jail terms of up to 15 days, and 305 were fined.",
     [(677, "sentenced", None), (305, "fined", None)]),
    ("Last week two of the organisers were sent to prison for five years.", [(2, "sentenced", None)]),
    ("Each voter received 2 ballots, and the candidates received 10 days of airtime.", []),
]


def test_a_notes_number_glued_to_a_figure_ending_its_sentence_is_no_fraction():
    rows = tallies("The Prosecutor General's Office later put the final death toll at 238.5\nNotes", "2022")
    assert [(r["number"], r["counted"]) for r in rows] == [(238, "killed")]


@pytest.mark.parametrize("text, expected", RIVAL_CASES)
def test_rival_crowd_sizes_people_put_into_buses_and_a_term_alone(text, expected):
    rows = tallies(text, "2022")
    assert [(r["number"], r["counted"], r["attributed_to"]) for r in rows] == expected
    assert all(r["location"] != ["Kazakhstan"] for r in rows if r["counted"] == "protesters")


def test_estimates_of_a_total_and_a_crowd_in_the_perfect():
    # an estimate after words that hold a toll noun ("tracking the arrests"); the place its own words name
    text = ("Rights groups said more than 300 people were detained in Almaty. Volunteers tracking the arrests "
            "put the nationwide figure at about 800. Lawyers in Almaty estimated the total throughout the country at 900.")
    rows = tallies(text, "2019")
    assert [(r["counted"], r["number"], r["qualifier"], r["location"]) for r in rows] == [
        ("detained", 300, "more_than", ["Almaty"]), ("detained", 800, "approx", ["Kazakhstan"]),
        ("detained", 900, "exact", ["Kazakhstan"])]
    # the country by its name in a count's words is no place of the count
    rows = tallies("Dozens of people protesting Kazakhstan's election were detained in Almaty.", "2019")
    assert [r["location"] for r in rows] == [["Almaty"]]
    # "had attended": a bare count before a verb in the perfect
    rows = tallies("A rally was held in Almaty. Organisers put the crowd at 1,500, while police said no more than 250 had attended.", "2019")
    assert [(r["counted"], r["number"], r["qualifier"]) for r in rows] == [("protesters", 1500, "exact"), ("protesters", 250, "at_most")]


def test_a_speakers_name_in_apposition_after_the_verb_and_a_phrasal_verb_that_says_nothing():
    rows = tallies("About 40 people were arrested overnight, said the department's spokeswoman, Aliya Seitova.", "2019")
    assert [r["attributed_to"] for r in rows] == ["Aliya Seitova"]
    rows = tallies("Arystangani Zapparov said about 3,000 were let go after police wrote up reports, while 677 were jailed.", "2019")
    assert [r["attributed_to"] for r in rows] == ["Arystangani Zapparov", "Arystangani Zapparov"]
    rows = tallies("Its correspondent saw 30 people held on a square, and eyewitnesses said up to 70 people were detained.", "2019")
    assert rows[-1]["attributed_to"] == "eyewitnesses"


def test_an_estimate_of_it_counts_what_the_count_before_counted():
    rows = tallies("Thousands rallied in Almaty on Sunday. Organisers put it at 3,000, others putting it at nearly 4,000.", "2019")
    assert [(r["counted"], r["number"], r["attributed_to"]) for r in rows][1:] == [
        ("protesters", 3000, "organisers"), ("protesters", 4000, "organisers")]


def test_an_estimate_in_a_relative_clause_is_its_subjects():
    rows = tallies("In Almaty, a crowd that local journalists put at about 600 rallied outside the akimat.", "2019")
    assert [(r["number"], r["attributed_to"]) for r in rows] == [(600, "journalists")]


def test_estimates_of_other_totals_and_a_verb_at_least_are_no_estimates_of_a_count():
    text = ("Police said 300 people were detained in Almaty. The commission estimated the total vote at 6.4 million. "
            "Observers placed the total for Tokayev at 5,000.")
    assert [r["number"] for r in tallies(text, "2019")] == [300]
    rows = tallies("Witnesses said that police put at least 200 protesters on buses in Almaty.", "2019")
    assert [r["attributed_to"] for r in rows] == ["witnesses"]


def test_a_spokesman_speaks_for_the_body_the_sentence_before_names():
    rows = tallies("The Interior Ministry gave no total for the day. A spokesman in Almaty said officers had detained 40 people.", "2019")
    assert [r["attributed_to"] for r in rows] == ["Interior Ministry"]
    # not one of two bodies, nor further back
    rows = tallies("The Interior Ministry and the Central Election Commission gave no figure. A spokesman said 40 people were detained.", "2019")
    assert [r["attributed_to"] for r in rows] == ["spokesman"]


def test_an_estimate_of_a_vote_count_or_of_damage_is_no_count_of_people():
    text = "About 2,000 people rallied in Almaty. Officials put the vote count at 5,000. Insurers put the damage total at 7,000."
    assert [r["number"] for r in tallies(text, "2019")] == [2000]


def test_a_count_in_a_clause_on_the_month_after_since_is_of_that_episode(ref):
    # (the real reference: the episode's day is events.csv's)
    text = "Protest has been rare since December 2011, when police shot dead at least 14 people in Zhanaozen."
    rows = extract_tallies(text, DocContext("doc", None, dt.date(2016, 5, 22)), ref)
    assert [r["event_date"] for r in rows] == ["2011-12-16"]
    # "since March" alone starts a span: no date of the count
    rows = tallies_on("Since March, police have detained 30 people in Almaty.", None, "2016-05-22")
    assert [r["event_date"] for r in rows] == [None]


def test_a_count_in_a_clause_on_a_place_abroad_is_not_kazakhstans():
    text = "The violence in Zhanaozen was followed closely in Moscow, where tens of thousands of people rallied on Saturday."
    assert tallies(text, "2012") == []


@pytest.mark.parametrize("text, expected", [
    ("The organisers said about 40 people had turned up, while police put the number at fewer than 20.",
     [("protesters", 40, "approx"), ("protesters", 20, "fewer_than")]),
    ("The monitoring group put the number of people who had gathered at about 30.", [("protesters", 30, "approx")]),
    ("More than 300 people were detained in Almaty and more than 200 in the capital, Astana.",
     [("detained", 300, "more_than"), ("detained", 200, "more_than")]),
    ("Activists said more than 300 people were rounded up in Almaty, the commercial hub, and more than 200 in the capital Astana.",
     [("detained", 300, "more_than"), ("detained", 200, "more_than")]),
])
def test_a_crowd_that_turned_up_the_number_of_people_who_gathered_and_a_count_in_the_capital_named_after(text, expected):
    assert [(r["counted"], r["number"], r["qualifier"]) for r in tallies(text, "2022")] == expected


@pytest.mark.parametrize("text, expected", [
    ("Kazakhstan, a country of about 18 million people, held a presidential election on Sunday.", []),
    ("The roughly 500 people held on election day were released.", [("released", 500)]),
    ("A contingent of some 500 servicemen took part in the operation.", []),
    ("The decree restricted movement in and out of the town of 90,000 people and banned rallies.", []),
    ("At least 100 protesters gathered at one police checkpoint.", [("protesters", 100)]),
    ("Some 20 soldiers were killed.", [("killed", 20)]),
])
def test_holding_a_vote_and_the_forces_in_an_operation_are_no_counts(text, expected):
    assert [(r["counted"], r["number"]) for r in tallies(text, "2022")] == expected


@pytest.mark.parametrize("text, speaker", [
    ("Fourteen people have been killed in two days of violence, prosecutors in the Central Asian state said.", "prosecutors"),
    ("Radio Free Europe's Kazakh service reported 10 detentions in the capital.", "RFE/RL"),
    ("On Friday Prosecutor-General Askhat Daulbayev said 10 people were killed.", "Prosecutor-General Askhat Daulbayev"),
    ("Police detained eight of them, the Cihan news agency reported.", "Cihan"),
])
def test_a_speaker_is_no_demonym_place_or_day(ref, text, speaker):
    rows = extract_tallies(text, DocContext("doc", None, dt.date(2011, 12, 19)), ref)
    assert [r["attributed_to"] for r in rows] == [speaker]


def test_places_joined_speak_for_nobody_and_the_group_is_the_one_named_before(ref):
    def speakers(text: str) -> list:
        return [r["attributed_to"] for r in extract_tallies(text, DocContext("doc", None, dt.date(2023, 3, 20)), ref)]

    text = ("An observer network, Adil Saylau, said police detained at least six activists in Almaty and Astana on the eve "
            "of the vote. Four of them were released the same evening, and the other two were fined, the group said.")
    assert speakers(text) == ["Adil Saylau"] * 3
    assert speakers("Kazakhstan on Saturday said 225 people had been killed.") == [None]


def test_the_end_of_a_period_is_not_the_day_the_story_has_reached():
    text = ("On 17 December the president declared a state of emergency in the town until 5 January. "
            "On the same day a crowd of up to 200 people attacked the police. One person was killed.")
    assert [r["event_date"] for r in tallies(text, "2011")] == ["2011-12-17", "2011-12-17"]


@pytest.mark.parametrize("text, expected", [
    ("At least 50 activists were held throughout the election in Almaty, monitors said.", [("detained", 50, "monitors")]),
    ("Twelve activists were held pending hearings.", [("detained", 12, None)]),
    ("Tokayev spoke at a summit in Moscow, where he said 225 people had been killed during the unrest in Kazakhstan.",
     [("killed", 225, "Kassym-Jomart Tokayev")]),
    ("Police detained 30 people in Almaty, said one of the organisers.", [("detained", 30, "organisers")]),
    ("At least 300 police officers and protesters gathered on the square in Almaty.", [("protesters", 300, None)]),
])
def test_review_cases_of_passive_holding_speech_abroad_speakers_and_mixed_crowds(ref, text, expected):
    rows = extract_tallies(text, DocContext("doc", None, dt.date(2022, 1, 10)), ref)
    assert [(r["counted"], r["number"], r["attributed_to"]) for r in rows] == expected


def test_a_day_a_story_reached_through_until_is_its_day():
    text = "The oil workers' strike in Zhanaozen lasted until 16 December 2011. Police opened fire and killed at least 16 people."
    assert [r["event_date"] for r in tallies(text, "2011")] == ["2011-12-16"]


@pytest.mark.parametrize("text, expected", [
    ("Prosecutors said on Sunday, raising the death toll from two days of unrest in the oil region to 14.", [("killed", 14, "exact")]),
    ("The shooting took the death toll across the region to at least 15.", [("killed", 15, "at_least")]),
    ("Officials raised the fine to 100,000 tenge.", []),
    # the figure before the toll it raises
    ("Prosecutors on Sunday raised to 14 the number of people killed in the unrest.", [("killed", 14, "exact")]),
    ("The ministry brought to more than 200 the number of people detained.", [("detained", 200, "more_than")]),
    ("The court raised to 100,000 tenge the fine for organisers.", []),
])
def test_a_toll_raised_to_its_figure_across_a_phrase(text, expected):
    assert [(r["counted"], r["number"], r["qualifier"]) for r in tallies(text, "2011")] == expected


# --- blind sets 27 and 28: the classes they showed (sentences written for these tests) ---------
@pytest.mark.parametrize("text, expected", [
    # a part in apposition counts what its whole counted
    ("Officials said the bodies of 225 people had been brought to morgues, 19 of them police officers or soldiers.",
     [("killed", 225, "exact"), ("killed", 19, "exact")]),
    # a source's count going on from the one before
    ("The ministry said 7,939 people were in custody, and by Tuesday its count stood at 9,900.",
     [("detained", 7939, "exact"), ("detained", 9900, "exact")]),
    # a town's size is no crowd, whatever describes the town
    ("In Zhanaozen, an oil town of around 110,000 people, more than 1,000 people rallied in the main square.",
     [("protesters", 1000, "more_than")]),
    # a trigger of several words ending just before the count
    ("Among those bundled into police vans were at least 13 journalists, according to a rights group that monitored the protests.",
     [("detained", 13, "at_least")]),
    # the others held with someone
    ("A student said she was held with about 40 others at a police station.", [("detained", 40, "approx")]),
    # a set of its own after the count is not what the count counts
    ("Several dozen people had gathered in the city to demand the release of those still held.", [("protesters", None, "vague")]),
    # a protest noun before its size; a rule's limit is none
    ("Within days, smaller rallies, each of a few dozen people, were held in Aktobe and Semey.", [("protesters", None, "vague")]),
    ("Restrictions on gatherings of more than a few people remain in force.", []),
    # lives claimed; an adverb before a toll verb's "to"; "come out"; "all seven"; a district police station
    ("The unrest claimed 225 lives, prosecutors said.", [("killed", 225, "exact")]),
    ("The death toll rose sharply to 30, officials said.", [("killed", 30, "exact")]),
    ("The organisers of the protests claimed that thousands had come out onto the streets.", [("protesters", None, "vague")]),
    ("Seven activists held a picket. Police detained all seven.", [("protesters", 7, "exact"), ("detained", 7, "exact")]),
    ("Four activists who tried to walk on with a banner were taken to a district police station.", [("detained", 4, "exact")]),
    # a thing a people noun names, and a possessive, are no count
    ("Observers went from one police station to the next and said more than 300 people were detained.",
     [("detained", 300, "more_than")]),
    ("His removal was one of the protesters' main demands.", []),
    # a part of the count before, in the next sentence
    ("Police put the number detained nationwide at more than a thousand. Dozens of journalists were among them.",
     [("detained", 1000, "more_than"), ("detained", None, "vague")]),
    # a phrase on what a toll counts, before its verb
    ("The death toll from riots in a western Kazakh oil town has risen to 13, prosecutors said.", [("killed", 13, "exact")]),
    # "about" before a vague plural is a preposition
    ("Lawyers said they were talking about dozens of people shot dead in the streets.", [("killed", None, "vague")]),
])
def test_blind_sets_27_and_28_classes(ref, text, expected):
    rows = extract_tallies(text, DocContext("doc", None, dt.date(2022, 1, 12)), ref)
    assert [(r["counted"], r["number"], r["qualifier"]) for r in rows] == expected


def test_last_evening_is_the_day_before_publication(ref):
    text = "Several hundred opposition supporters gathered outside the bloc's offices in Almaty last evening, organisers said."
    rows = extract_tallies(text, DocContext("doc", None, dt.date(2005, 12, 6)), ref)
    assert [r["event_date"] for r in rows] == ["2005-12-05"]


def test_a_weekday_before_its_date_and_election_night(ref):
    rows = extract_tallies("In Almaty on Wednesday, June 12, police detained more than 30 people.",
                           DocContext("doc", "2019-06-09-presidential", dt.date(2019, 6, 19)), ref)
    assert [r["event_date"] for r in rows] == ["2019-06-12"]
    # a date of that weekday a few words on says which Friday; one further on is another day's
    rows = extract_tallies("In Taraz, police detained about 40 men as they left the mosque after Friday prayers on 7 January.",
                           DocContext("doc", None, dt.date(2022, 3, 16)), ref)
    assert [r["event_date"] for r in rows] == ["2022-01-07"]
    rows = extract_tallies("Around 100 people gathered on Sunday at the Independence Monument, many of them candidates who lost in the March 19 vote.",
                           DocContext("doc", None, dt.date(2023, 4, 11)), ref)
    assert [r["event_date"] for r in rows] == ["2023-04-09"]
    rows = extract_tallies("On Friday, a week after 7 January, police detained 30 people.", DocContext("doc", None, dt.date(2022, 1, 16)), ref)
    assert [r["event_date"] for r in rows] == ["2022-01-14"]
    rows = extract_tallies("On election night, police in Almaty detained at least five people.",
                           DocContext("doc", "2022-11-20-presidential", dt.date(2022, 11, 22)), ref)
    assert [r["event_date"] for r in rows] == ["2022-11-20"]


def test_a_scene_placed_nowhere_is_the_datelines_town_and_a_set_keeps_its_place(ref):
    def places(text: str) -> list[tuple[str, list[str]]]:
        return [(r["counted"], r["location"]) for r in extract_tallies(text, DocContext("doc", None, dt.date(2005, 12, 6)), ref)]

    text = ("ALMATY -- The president has won a new term, officials said.\n\n"
            "On Monday evening about two dozen young supporters of the bloc held a silent picket outside its headquarters.")
    assert places(text) == [("protesters", ["Almaty"])]
    # (not an authority's figure, an aggregate; nor a page without a dateline)
    assert places("ALMATY -- The vote is over.\n\nThree police officers had been injured, the minister said.") == [("injured", ["Kazakhstan"])]
    assert places("The vote is over.\n\nAbout two dozen supporters held a silent picket.") == [("protesters", ["Kazakhstan"])]
    # a count that points back at a set has its place (the set right before it; not where the sentence names one)
    text = "Police detained eight young men near the building in Almaty. All eight were released before midnight, a police spokesman said."
    assert places(text) == [("detained", ["Almaty"]), ("released", ["Almaty"])]
    text = "Police detained eight activists in Almaty. Across the country, 40 people were detained. All 40 were released."
    assert places(text)[-1] == ("released", ["Kazakhstan"])
    # (a list by place in capitals is no dateline)
    text = "The ministry broke the detentions down by region.\nALMATY: 103 people were detained\nAKTOBE: 34 people were detained"
    assert [p for _, p in places(text)] == [["Almaty"], ["Aktobe"]]
    # regions counted are the country's
    assert places("On January 4 the rallies spread to 11 regions, and the number of participants rose to almost 37,000 people.") \
        == [("protesters", ["Kazakhstan"])]


# --- blind set 29: the classes it showed (sentences written for these tests) -------------------
@pytest.mark.parametrize("text, expected", [
    # a sentence that names no place after one set abroad is at home ("the unrest" of the story), and so is one a
    # place abroad's medium reports
    ("In Moscow, Tokayev thanked Putin for sending troops. More than 160 people were killed in the unrest.", [("killed", 160)]),
    ("Russia's RIA Novosti reported that police had detained 200 people.", [("detained", 200)]),
    # (not after a place abroad the sentence only mentions in an aside at its end)
    ("Police detained seven activists who unfurled an orange banner \u2014 the colour of the uprising in Ukraine. "
     "Five were released after several hours.", [("detained", 7), ("released", 5)]),
    # a clause on a place abroad, and a sentence whose subject is one
    ("Unlike its neighbour Kyrgyzstan, where a revolt toppled the president and left more than 80 people dead, "
     "Kazakhstan has seen no serious unrest.", []),
    ("Lebanon's parliament was elected in 2018, and months after the port explosion that killed more than 200 people, "
     "the country still has no government.", []),
    # a toll described, a toll that runs into a vague figure, "taken to the streets"
    ("Prosecutors raised the official death toll from this month's unrest to 225.", [("killed", 225)]),
    ("Residents say the true toll runs into dozens.", [("killed", None)]),
    ("Organisers said tens of thousands of people had taken to the streets.", [("protesters", None)]),
    # a person quoted past an apposition is no count; one detained is
    ("\"We want them to take away the troops,\" one protester, a welder who said he had lost an eye, told reporters.", []),
    ("Police detained one journalist, a Radio Azattyq reporter, said the outlet's editor.", [("detained", 1)]),
])
def test_blind_set_29_classes(ref, text, expected):
    rows = extract_tallies(text, DocContext("doc", None, dt.date(2023, 1, 5)), ref)
    assert [(r["counted"], r["number"]) for r in rows] == expected


# --- the thirteenth session: classes of the earlier sets' misses (sentences written for these tests) --
@pytest.mark.parametrize("text, expected", [
    # officials' words quoted: a noun, a quantity and a verb in quotation marks; a closing quote is no possessive
    ("Police said 26 'armed criminals' were killed in Almaty.", [("killed", 26)]),
    ("Officials said 26 \u201carmed criminals\u201d had been \u201cliquidated\u201d.", [("killed", 26)]),
    ("A spokeswoman said \"dozens\" of attackers had been \"liquidated\".", [("killed", None)]),
    ("One of the protesters' demands was met.", []),
    # a rival count of a crowd: "had come", beside a protest named in the sentence or the one before
    ("Supporters gathered in a park for an unsanctioned rally. Police estimated the crowd at about 300; "
     "organisers said more than 1,000 had come.", [("protesters", 300), ("protesters", 1000)]),
    ("More than 6 million voters came to the polling stations. About 200 people came to power.", []),
    ("The exhibition opened on Monday. About 2,000 people came.", []),
    # a crowd counted, camped or occupying a square, beside a protest; the people who sought treatment; "hooligans"
    ("The first rally took everyone by surprise. Local reporters counted around 1,000 people in the square.", [("protesters", 1000)]),
    ("The rallies spread to Aktau, where several thousand people camped in the main square.", [("protesters", None)]),
    ("The strike is in its fifth month. Hundreds of them have occupied the square.", [("protesters", None)]),
    ("Observers counted 300 people at the polling station.", []),
    ("Russia held referendums in four occupied Ukrainian regions.", []),
    ("The health ministry said more than 1,000 people had sought treatment.", [("injured", 1000)]),
    ("Police detained some 50 \"hooligans\".", [("detained", 50)]),
    # a clause on a place abroad whose figure an institution gives is that place's (not one a visitor says there)
    ("Kazakhstan is not Syria, where the United Nations says more than 5,000 people have been killed.", []),
    # an estimate revises the count of its own scale, not the last one
    ("About 500 people had been detained at rallies, and three police officers had been hurt. "
     "A ministry spokesman put the total at about 700.", [("detained", 500), ("injured", 3), ("detained", 700)]),
])
def test_thirteenth_session_classes(ref, text, expected):
    rows = extract_tallies(text, DocContext("doc", None, dt.date(2019, 6, 12)), ref)
    assert [(r["counted"], r["number"]) for r in rows] == expected


def test_a_semicolon_closes_a_counts_clause_where_that_names_a_place(ref):
    def places(text: str) -> list[list[str]]:
        return [r["location"] for r in extract_tallies(text, DocContext("doc", None, dt.date(2016, 5, 6)), ref)]

    assert places("Rallies were held in Aktobe and Semey; in Aktobe several hundred people gathered on the square.") == [["Aktobe"]]
    # (a clause that names none leaves the sentence's places: "an Almaty police spokesman")
    assert places("Organisers said 2,000 people had come to the rally; an Almaty police spokesman said fewer had.") == [["Almaty"]]


def test_set_32_tally_classes(ref):
    def rows(text: str) -> list[tuple]:
        return [(r["counted"], r["number"], r["attributed_to"]) for r in extract_tallies(text, DocContext("doc", None, dt.date(2007, 8, 27)), ref)]

    # rival figures after a count, each with its source
    assert rows("On August 21, several hundred supporters rallied in Almaty \u2014 some 500 by the party's count, "
                "no more than 200 according to the city administration.")[1:] == [("protesters", 500, "party"),
                                                                                 ("protesters", 200, "city administration")]
    # "there" after a sentence set abroad
    assert rows("The crackdown drew less attention than events in Hong Kong, where organisers said 1.03 million people marched. "
                "Police there put the crowd at 240,000.") == []
    assert [r[:2] for r in rows("Thousands rallied in Almaty. Police there detained 500 people.")] == [("protesters", None), ("detained", 500)]
    # a vote that "brought thousands of people on to the streets"
    assert [r[:2] for r in rows("The vote brought thousands of people on to the streets of the two largest cities.")] == [("protesters", None)]


@pytest.mark.parametrize("text, expected", [
    # a rival figure only right after the count's clause (no other quantity between), after "--" too
    ("Police detained 50 people in Almaty on Sunday at a rally that drew thousands \u2014 some 5,000 by the organisers' count.",
     [("detained", 50)]),
    ("Several hundred supporters rallied in Almaty -- some 500 by the party's count.", [("protesters", None), ("protesters", 500)]),
    # a figure said abroad by Kazakhstan's own is Kazakhstan's
    ("Tokayev spoke at a summit in Moscow, where Kazakhstan's president said 225 people had been killed in the unrest.",
     [("killed", 225)]),
    # "there" after the counts, or existential, sets nothing abroad
    ("Workers in Zhanaozen had been on strike since May. The strike drew comparisons with protests in Russia. "
     "At least 15 people were killed there on Friday.", [("killed", 15)]),
    # a relative clause on a place abroad after its year
    ("Officials warned of a Kazakh Maidan, a reference to the uprising in Kyiv in 2014 in which more than 100 protesters were killed.", []),
    # not a vote held, nor a count of prisoners "counted"
    ("The OSCE mission, which sent more than 400 observers, said the vote was held in a calm atmosphere.", []),
    ("The protests were followed by a crackdown. Rights groups counted at least 50 political prisoners by the end of the year.", []),
])
def test_review_mends_of_the_thirteenth_session(ref, text, expected):
    rows = extract_tallies(text, DocContext("doc", None, dt.date(2019, 6, 12)), ref)
    assert [(r["counted"], r["number"]) for r in rows] == expected


@pytest.mark.parametrize("text, expected", [
    ("Families gathered in central Almaty for the holiday. Organisers said about 5,000 people came.", []),
    ("Two officers took the protesters to a nearby police station, witnesses said.", []),
    ("Protests took place in several cities on Sunday; in all, there were 16, the rights monitor said.", []),
])
def test_gatherings_agents_and_counts_of_places_that_a_review_found(text, expected):
    assert [(r["number"], r["counted"]) for r in tallies(text, "2022")] == expected


def test_an_authoritys_crowd_after_a_rally_is_the_countrys_and_the_days_after_an_event_are_not_a_month():
    rows = tallies("Police broke up a rally in Almaty on Sunday. The Interior Ministry said about 4,000 people had taken to the streets.", "2022")
    assert [r["location"] for r in rows] == [["Kazakhstan"]]
    rows = tallies_on("Tokayev was sworn in on June 12, 2019. Police detained 500 people in the days after the unrest began.", None, "2019-06-20")
    assert [r["event_date"] for r in rows] == [None]


@pytest.mark.parametrize("text, expected", [
    # a crowd filling a square, a silent protest, activists coming out (beside a protest: not a holiday's crowd or a memorial)
    ("The protests began in Atyrau on April 24, when several thousand people filled the main square.", [(None, "protesters")]),
    ("In a silent protest on Saturday, about a dozen women stood in silence in a park in central Almaty.", [(12, "protesters")]),
    ("About 200 people stood in silence at the memorial to the victims.", []),
    ("Some 5,000 people on the streets of Almaty celebrated Nauryz on Monday.", []),
    ("In Almaty only around two dozen activists actually came out, at three different spots.", [(24, "protesters")]),
    # a crowd filling a square for a victory concert, and one abroad, count no protest
    ("Thousands of supporters of the president filled the square in Astana for a victory concert.", []),
    ("A year ago, hundreds of thousands of people filled the center of Kiev for weeks.", []),
    # a count added to the one before counts what it counts; a trigger in a demand is no predicate
    ("At least seven activists were pushed into police vans during the protests, along with 13 journalists.",
     [(7, "detained"), (13, "detained")]),
    ("Some 200 residents gathered outside the town administration, demanding that relatives arrested in Almaty be sent home.",
     [(200, "protesters")]),
    ("Several people who gathered to demand the pair's release were detained.", [(None, "detained")]),
    # a part counted with its own predicate is that part's; an aside closed before the predicate is no such part
    ("He said 4,578 people had been recognised as victims, including 4,353 who were injured.", [(4353, "injured")]),
    ("Police detained 200 people, including 30 who were later released.", [(200, "detained"), (30, "released")]),
    ("A total of 1,200 people including 200 police officers were injured.", [(1200, "injured"), (200, "injured")]),
    ("Six people, among them two organizers, were detained.", [(6, "detained"), (2, "detained")]),
    # a rival figure after its source's verb of saying; an estimate "close to" a figure
    ("The organisers claimed more than 1,000 people attended, while the city authorities said fewer than 300.",
     [(1000, "protesters"), (300, "protesters")]),
    ("Several hundred people gathered in central Almaty on Monday evening, though organisers claimed up to 1,000.",
     [(None, "protesters"), (1000, "protesters")]),
    ("Police said 7,939 people were detained. Local media have since put it close to 10,000.", [(7939, "detained"), (10000, "detained")]),
    # a count added with a noun of its own counts what its noun says; all of them are no part
    ("Sixteen people were killed in Zhanaozen, along with more than 100 wounded.", [(16, "killed"), (100, "injured")]),
    ("Some 50 activists gathered outside the akimat in Almaty and all of them were detained.", [(50, "detained")]),
    # a count denied; a full month's name ending a sentence makes no day of the figure after it
    ("When 120,000 people gathered in the square, not a single one of them was arrested.", [(120000, "protesters")]),
    ("Almost 4,000 people were detained in June. 677 of them were given jail terms.", [(4000, "detained"), (677, "sentenced")]),
    ("Dozens of activists and journalists ended up in police stations.", [(None, "detained")]),
    # a paragraph headed by a country abroad is set there (not one opening with a country's statement, nor a city's dateline)
    ("France. Protesters clashed with police in Paris for a fourth night. Hundreds of people have been arrested since Thursday.", []),
    ("Russia: The Kremlin said it was following events in Kazakhstan closely. More than 3,000 people have been detained, "
     "according to the interior ministry.", [(3000, "detained")]),
    # the police's word for taking people in; a mission's size is no count of the detentions it reports
    ('Police said "fewer than ten" people had been "invited for a conversation".', [(10, "detained")]),
    ("The OSCE, which deployed more than 300 monitors, said the vote was marred by detentions of protesters.", []),
    # set 37: a count's earlier figure ("up from", "the previous official figure ... was"); a part's verb after "and"
    ("The ministry said 9,900 people had been detained across the country, up from 7,939 a day earlier.",
     [(9900, "detained"), (7939, "detained")]),
    ("About 5,000 people rallied in Almaty on Sunday, down from 10,000 last year.", [(5000, "protesters")]),
    # set 38: terms written with a hyphen; a toll's long phrase on what it counts
    ("In Astana two activists were jailed for 10 days each, and two others received 15-day terms.", [(2, "sentenced"), (2, "sentenced")]),
    ("The death toll from riots in a restive oil town in western Kazakhstan has risen to 13, officials said.", [(13, "killed")]),
    ("The latest official figure is 225 killed, the health ministry said.", [(225, "killed")]),
    ("Officials said 225 people had been killed. The previous official figure, released by the health ministry a week ago, was 164.",
     [(225, "killed"), (164, "killed")]),
    ("In Astana, two groups of several dozen people who tried to gather nearby were pushed back and a number of them were detained.",
     [(None, "protesters")]),
])
def test_the_thirty_sixth_sets_classes(ref, text, expected):
    rows = extract_tallies(text, DocContext("doc", None, dt.date(2019, 6, 18)), ref)
    assert [(r["number"], r["counted"]) for r in rows] == expected


@pytest.mark.parametrize("text, expected", [
    # a source in apposition: the name it follows
    ("Rights activists say police swept up passers-by. The Open Dialogue Foundation, a Warsaw-based rights group, "
     "said at least 13 journalists had been detained.", ["Open Dialogue Foundation"]),
    # a transcript's speaker labels give a paragraph's figures their speaker; one kicker in capitals gives none
    ("TOMÁS ARRIAGA: How many were held?\nAIGERIM TULEGENOVA: That is what they say. In Almaty around 4,000 people were "
     "detained for protesting.", ["Aigerim Tulegenova"]),
    ("KEY FACTS: Police detained 164 people in Almaty.", [None]),
])
def test_sources_in_apposition_and_speakers_of_a_transcript(ref, text, expected):
    rows = extract_tallies(text, DocContext("doc", None, dt.date(2022, 1, 20)), ref)
    assert [r["attributed_to"] for r in rows] == expected


@pytest.mark.parametrize("text, expected", [
    # a number with "-odd" after it is approximate; "and a half" after number words is read
    ("Two weeks later a hundred and sixty-odd marchers were detained.", [(160, "approx", "detained")]),
    ("Police detained 60-odd marchers.", [(60, "approx", "detained")]),
    ("Police detained two and a half thousand people.", [(2500, "exact", "detained")]),
    # a year before a dash is a date, no lower end of a range
    ("The oil town where police shot striking workers in December 2011 – sixteen dead by the official count.",
     [(16, "exact", "killed")]),
    # (a range between figures like years stays a range)
    ("Police detained 2000-2500 people.", [(2000, "range", "detained")]),
])
def test_number_words_with_a_half_or_odd_and_a_year_before_a_dash(ref, text, expected):
    rows = extract_tallies(text, DocContext("doc", None, dt.date(2021, 12, 16)), ref)
    assert [(r["number"], r["qualifier"], r["counted"]) for r in rows] == expected


@pytest.mark.parametrize("text, expected", [
    # a day without its year in a paragraph whose opening set another year: that year
    ("In the spring of 2012, thirty-seven residents went on trial in Aktau. On June 4, thirteen of them were sent to prison.",
     "2012-06-04"),
    ("On December 16, 2011, police opened fire in Zhanaozen. On August 4 the court jailed thirteen of them.", "2011-08-04"),
    # not a year a sentence names at its end, nor a day near the article's own
    ("Nazarbayev won 95 percent in April 2015. On June 9, police detained 500 people.", "2021-06-09"),
    ("Since 2019, the opposition has protested. On June 4, police detained 300 people.", "2021-06-04"),
    ("In a 2019 interview, Tokayev promised reform. On June 4, police detained 300 people.", "2021-06-04"),
    ("By 2030, the government hopes to grow. On June 4, police detained 300 people.", "2021-06-04"),
    ("In the spring of 2012, thirty-seven residents went on trial. On December 12, police detained 500 people.", "2021-12-12"),
    # a day after the article's own (December 16, 2021) in the year the text last gave its month
    ("On December 16, 2011, police opened fire in Zhanaozen.\n\nSkip.\n\nBy December 18, prosecutors said 11 people had died.",
     "2011-12-18"),
    ("Police shot strikers in December 2011. On December 15, police detained 30 people at a memorial.", "2021-12-15"),
    # (not a day the sentence looks forward to)
    ("In December 2011, police detained 30 activists in Almaty. On December 18, up to 5,000 people are expected to march.",
     "2021-12-18"),
])
def test_a_day_without_its_year_takes_the_year_its_paragraph_stands_in(ref, text, expected):
    rows = extract_tallies(text, DocContext("doc", None, dt.date(2021, 12, 16)), ref)
    assert [r["event_date"] for r in rows][-1:] == [expected]


@pytest.mark.parametrize("text, expected", [
    # a figure in apposition, set off by commas; not an age ("Dana, 27, was held")
    ("Most of them, some 3,000, were released once police had written up reports.", [(3000, "released")]),
    ("Dana, 27, was held for six hours at a district station.", []),
    ("Activists Zhanbolat Mamay, 33, and Dana Omarova, 29, were detained on Monday.", []),
    # a possessive is no modifier of a counted noun after "and"; after "of" it is a determiner
    ("The confederation was dissolved in 2017 and its leaders were jailed.", []),
    ("Dozens of my clients were picked up.", [(None, "detained")]),
    # a time abroad: "Belarus in 2020, when ..."
    ("Fund managers drew comparisons with Belarus in 2020, when more than 30,000 people were detained.", []),
    # a part of the count before, named after "Among them were"
    ("Police detained about 4,000 people. Among them were at least 13 journalists and at least seven monitors.",
     [(4000, "detained"), (13, "detained"), (7, "detained")]),
    ("Police detained 200 people on Sunday. Among them were 5 bankers, 2 of whom were later released.",
     [(200, "detained"), (2, "released")]),
    # a fact box's lines: a figure, a dash and what it counts; a figure with a unit counts nothing
    ("KEY NUMBERS\n225 — deaths reported by prosecutors (Jan. 15)\n7,939 — detained as of Jan. 10\n"
     "120 tenge — LPG price per liter\n2,030 — CSTO troops deployed at the peak", [(225, "killed"), (7939, "detained")]),
    # (a numbered headline is no fact box's line)
    ("1 — Protesters detained in Almaty, by Reuters", []),
])
def test_apposition_possessives_lists_after_among_them_and_fact_boxes(ref, text, expected):
    rows = extract_tallies(text, DocContext("doc", None, dt.date(2022, 1, 17)), ref)
    assert [(r["number"], r["counted"]) for r in rows] == expected


@pytest.mark.parametrize("text, source", [
    ("Officially, 15 people died in the unrest; the opposition says the figure was far higher.", "officials"),
    ("The previous official toll, published by the health ministry last Sunday, stood at 164.", "health ministry"),
    ("In January 2022 the health ministry gave a toll of 164.", "health ministry"),
    ("The toll given by Kazinform was 14.", "Kazinform"),
])
def test_a_tolls_source_as_the_agent_of_its_giving(ref, text, source):
    rows = extract_tallies(text, DocContext("doc", None, dt.date(2022, 1, 17)), ref)
    assert [r["attributed_to"] for r in rows] == [source]


def test_a_fact_box_labels_source(ref):
    text = ("225 — deaths reported by prosecutors (Jan. 15)\n7,939 — detained as of Jan. 10 (Interior Ministry)\n4,578 — people injured\n"
            "164 — deaths reported by the health ministry\n4,578 — people injured (Almaty Region)")
    rows = extract_tallies(text, DocContext("doc", None, dt.date(2022, 1, 17)), ref)
    assert [r["attributed_to"] for r in rows] == ["prosecutors", "Interior Ministry", None, "health ministry", None]


@pytest.mark.parametrize("text, expected", [
    # a strike's and an occupation's own words count its people
    ("According to the union, some 300 workers refused food in the first week.", [(300, "protesters")]),
    ("More than 700 supporters had joined the action by the middle of January.", [(700, "protesters")]),
    ("Hundreds kept up an occupation of the square through the summer heat.", [(None, "protesters")]),
    ("Some 300 workers went on hunger strike on January 4.", [(300, "protesters")]),
    # (detainees refused food are no strikers; a lawsuit is no action of protest)
    ("About 300 detainees were refused food and water.", [(300, "detained")]),
    ("About 40 residents joined the legal action against the akimat.", []),
    # taken to a police department: detained
    ("About ten persons were taken to the district police department.", [(10, "detained")]),
])
def test_a_strikes_words_count_its_people(ref, text, expected):
    rows = extract_tallies(text, DocContext("doc", None, dt.date(2017, 2, 1)), ref)
    assert [(r["number"], r["counted"]) for r in rows] == expected
