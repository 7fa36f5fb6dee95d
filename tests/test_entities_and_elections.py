"""Name normalisation across transliterations, and the election an article is about."""
import datetime as dt

import pytest

from kzresearch.dates import find_dates
from kzresearch.election_inference import infer_election
from kzresearch.entities import NameMatcher


@pytest.mark.parametrize(
    "surface, canonical",
    [
        ("Nazarbaev", "Nursultan Nazarbayev"),
        ("Nazarbayev", "Nursultan Nazarbayev"),
        ("Toqaev", "Kassym-Jomart Tokayev"),
        ("Qasym-Zhomart Toqaev", "Kassym-Jomart Tokayev"),
        ("Tokaev", "Kassym-Jomart Tokayev"),
        ("Nour Otan", "Nur Otan"),
        ("Majilis", "Mazhilis"),
        ("Alma-Ata", "Almaty"),
        ("Nur-Sultan", "Nur-Sultan"),
        ("OSDP", "All-National Social Democratic Party"),
        ("NSDP", "All-National Social Democratic Party"),
        ("Associated Press", "AP"),
    ],
)
def test_known_variants(ref, surface, canonical):
    [mention] = NameMatcher(ref).find(f"Yesterday {surface} said.")
    assert (mention["surface"], mention["canonical"], mention["match"]) == (surface, canonical, "exact")


@pytest.mark.parametrize("surface, canonical", [("Nazarbayyev", "Nursultan Nazarbayev"), ("Toqayev", "Kassym-Jomart Tokayev")])
def test_unseen_spellings_match_fuzzily(ref, surface, canonical):
    [mention] = NameMatcher(ref).find(f"Yesterday {surface} said.")
    assert (mention["canonical"], mention["match"]) == (canonical, "fuzzy") and 90 <= mention["score"] < 100


def test_fuzzy_matching_is_conservative(ref):
    matcher = NameMatcher(ref)
    assert matcher.find("Nazarbayeva spoke on Sunday.") == [] or matcher.find("Nazarbayeva spoke.")[0]["canonical"] != "Nursultan Nazarbayev"
    assert NameMatcher(ref, fuzzy_threshold=None).find("Nazarbayyev said.") == []
    assert [m for m in matcher.find("Police said Sunday that Yesterday was Tuesday.")] == []


def test_spans(ref):
    text = "In Nur-Sultan, Toqaev met OSCE observers."
    for m in NameMatcher(ref).find(text):
        assert text[m["start"] : m["end"]] == m["surface"]


def _guess(text, ref):
    from kzresearch.entities import matcher_for

    return infer_election(text, ref, dates=find_dates(text), mentions=matcher_for(ref).find(text))


@pytest.mark.parametrize(
    "text, election_id",
    [
        ("Voters in Nur-Sultan chose a new lower house of parliament as the ruling party swept the vote; seats went to three parties.", "2021-01-10-parliamentary"),
        ("Kosanov, the only opposition candidate, conceded the presidential election to Tokayev.", "2019-06-09-presidential"),
        ("Tokayev won a snap presidential election in Astana on November 20, 2022, the election commission said.", "2022-11-20-presidential"),
        ("Kazakhs backed the construction of a nuclear power plant in a referendum, officials said.", "2024-10-06-referendum"),
        ("A month after deadly clashes in the oil town of Zhanaozen, Nur Otan won the parliamentary vote.", "2012-01-15-parliamentary"),
    ],
)
def test_election_inference(ref, text, election_id):
    guess = _guess(text, ref)
    assert guess.election_id == election_id, guess.evidence


def test_no_election_word_means_no_election(ref):
    guess = _guess("Nazarbayev opened a new bridge in Astana.", ref)
    assert guess.election_id is None and "no election word" in guess.evidence


def test_name_periods_from_capitals_csv_agree_with_it(ref):
    """A name period copied from capitals.csv (its ``source``) keeps that file's dates."""
    def day(value):
        return None if value in (None, "") or value != value else dt.date.fromisoformat(str(value)[:10])

    copied = [p for p in ref.election_cues["name_periods"] if p.get("source") == "capitals.csv"]
    assert copied
    for period in copied:
        rows = ref.capitals[ref.capitals["name"] == period["name"]]
        assert len(rows) == 1, period["name"]
        assert day(period["valid_from"]) == day(rows.iloc[0]["valid_from"]), period
        assert day(period["valid_to"]) == day(rows.iloc[0]["valid_to"]), period


def test_names_written_with_letters_ignorecase_equates_with_ascii_are_found(ref):
    # "PARLİAMENT" with a Turkish dotted capital I once raised KeyError (casefold() gives "i" plus a combining dot).
    matcher = NameMatcher(ref)
    plain = [(m["canonical"], m["kind"]) for m in matcher.find("NUR OTAN won seats in the LOWER HOUSE OF PARLIAMENT.")]
    dotted = [(m["canonical"], m["kind"]) for m in matcher.find("NUR OTAN won seats in the LOWER HOUSE OF PARL\u0130AMENT.")]
    assert dotted == plain and plain


def test_a_region_written_in_lower_case_is_the_region(ref):
    from kzresearch.entities import matcher_for

    found = matcher_for(ref).find("Turnout in Almaty region was 93% and in Zhambyl region 94%.")
    assert [(m["surface"], m["canonical"]) for m in found] == [("Almaty region", "Almaty Region"), ("Zhambyl region", "Zhambyl Region")]


def test_a_surname_alone_is_the_person_named_in_full_before(ref):
    text = ("Interior Minister Kalmukhanbet Kassymov spoke. Kassymov said 70 were held. "
            "Nursultan Nazarbayev and Dariga Nazarbayeva voted. Nazarbaeva smiled; Nazarbayev left.")
    found = [(m["surface"], m["canonical"]) for m in NameMatcher(ref).find(text)]
    assert ("Kassymov", "Kalmukhanbet Kassymov") in found  # not candidate Gani Kasymov
    assert ("Nazarbaeva", "Dariga Nazarbayeva") in found and ("Nazarbayev", "Nursultan Nazarbayev") in found


def test_a_month_and_day_are_read_in_the_year_nearest_publication(ref):
    from kzresearch.dates import resolve_month_day
    from kzresearch.entities import matcher_for

    assert resolve_month_day(1, 15, dt.date(2011, 12, 20)) == dt.date(2012, 1, 15)  # the coming vote
    assert resolve_month_day(12, 16, dt.date(2012, 1, 20)) == dt.date(2011, 12, 16)  # last December
    assert resolve_month_day(2, 29, dt.date(2024, 3, 1)) == dt.date(2024, 2, 29)
    # "Jan. 10" in a January 2022 report is 10 January 2022, not the 10 January 2021 election
    text = ("Kazakh authorities said on Jan. 10 that 7,939 people had been detained. "
            "The parliamentary vote and its results were not mentioned by officials on Jan. 10.")
    guess = infer_election(text, ref, dates=find_dates(text), mentions=matcher_for(ref).find(text),
                           published=dt.date(2022, 1, 10))
    assert "January 10 stated" not in guess.evidence


def test_an_unseen_spelling_in_a_possessive_is_still_matched(ref):
    from kzresearch.entities import matcher_for

    rows = matcher_for(ref).find("Toqayev's office said on Monday that the curfew would stay.")
    assert [(r["surface"], r["canonical"], r["match"]) for r in rows] == [("Toqayev", "Kassym-Jomart Tokayev", "fuzzy")]


def test_an_article_long_after_a_vote_is_about_it_only_when_it_dates_it(ref):
    from kzresearch.entities import matcher_for

    text = ("Police detained hundreds at land protests. The rallies were the largest since police fired on strikers "
            "in Zhanaozen. In the parliamentary election in March, the ruling Nur Otan party took 82 percent of the vote.")
    # written five weeks after the Zhanaozen shooting, the text would be about the coming vote ...
    early = infer_election(text, ref, dates=find_dates(text), mentions=matcher_for(ref).find(text), published=dt.date(2012, 1, 20))
    assert early.election_id == "2012-01-15-parliamentary", early.evidence
    # ... but a report of May 2016 only recalls the shooting: no vote of 2012 is its subject
    late = infer_election(text, ref, dates=find_dates(text), mentions=matcher_for(ref).find(text), published=dt.date(2016, 5, 22))
    assert late.election_id != "2012-01-15-parliamentary", late.evidence
    assert "after 2011-12-16-zhanaozen" not in late.evidence


def test_news_of_unrest_that_was_no_votes_is_about_the_unrest_and_recalls_the_vote(ref):
    from kzresearch.entities import matcher_for

    text = ("Police detained hundreds of people protesting against the land reform in Atyrau and Almaty on Saturday. "
            "The rallies came two months after the parliamentary election, in which the ruling Nur Otan party took "
            "82.20 percent of the vote on a turnout of 77.12 percent. Parliamentary parties did not comment.")

    def guess(published, title):
        return infer_election(text, ref, dates=find_dates(text), mentions=matcher_for(ref).find(text),
                              published=published, title=title)

    during = guess(dt.date(2016, 5, 22), "Hundreds detained at land protests")
    assert (during.election_id, during.recalled) == (None, "2016-03-20-parliamentary"), during.evidence
    assert "during 2016-04-24-land-protests" in during.evidence
    # no episode named, or no headline known: the vote
    quiet = text.replace("protesting against the land reform", "at rallies")
    assert infer_election(quiet, ref, dates=find_dates(quiet), mentions=matcher_for(ref).find(quiet), published=dt.date(2016, 5, 22),
                          title="Hundreds detained").election_id == "2016-03-20-parliamentary"
    assert guess(dt.date(2016, 5, 22), None).election_id == "2016-03-20-parliamentary"
    # a headline naming the vote makes it the subject; and after the unrest, the vote is the story's again
    assert guess(dt.date(2016, 5, 22), "Election winners silent as police detain protesters").election_id == "2016-03-20-parliamentary"
    assert guess(dt.date(2016, 3, 22), "Hundreds detained at land protests").election_id == "2016-03-20-parliamentary"


def test_news_of_unrest_under_a_headline_of_a_vote_long_past_recalls_the_vote(ref):
    from kzresearch.entities import matcher_for

    text = ("Protesters set the city administration on fire on January 5. At the parliamentary election on January 10, 2021, "
            "turnout in the city was about 30 percent, and the ruling Nur Otan party won 71.09 percent of the vote. "
            "Parliamentary parties did not comment on the unrest.")

    def guess(published, title):
        return infer_election(text, ref, dates=find_dates(text), mentions=matcher_for(ref).find(text),
                              published=published, title=title)

    # a week into the January unrest, a year after the vote: the unrest, named by the headline alone
    during = guess(dt.date(2022, 1, 17), "Where the unrest hit and how those regions had voted")
    assert (during.election_id, during.recalled) == (None, "2021-01-10-parliamentary"), during.evidence
    # the headline names no unrest, or the vote is recent: the vote
    assert guess(dt.date(2022, 1, 17), "How the regions had voted").election_id == "2021-01-10-parliamentary"
    assert guess(dt.date(2021, 2, 1), "Where the unrest hit and how those regions had voted").election_id == "2021-01-10-parliamentary"


def test_a_timeline_that_dates_many_votes_is_about_none(ref):
    from kzresearch.entities import matcher_for

    text = ("- December 1, 1991: Nazarbayev is elected. - January 10, 1999: Nazarbayev wins the presidential election. "
            "- December 4, 2005: he is re-elected. - April 3, 2011: an early presidential election. - April 26, 2015: "
            "his fifth term. - March 19, 2023: Amanat wins the parliamentary election to the Mazhilis with 53.9 percent "
            "and 62 seats; six parties enter parliament, and the People's Party takes seven seats.")
    guess = infer_election(text, ref, dates=find_dates(text), mentions=matcher_for(ref).find(text), published=dt.date(2024, 10, 15))
    assert guess.election_id is None and "history of votes" in guess.evidence, guess.evidence
    # (the vote of the story's own weeks stays its subject)
    recent = infer_election(text, ref, dates=find_dates(text), mentions=matcher_for(ref).find(text), published=dt.date(2023, 3, 21))
    assert recent.election_id == "2023-03-19-parliamentary", recent.evidence


def test_official_figures_stated_tell_the_vote_reported_from_one_recalled(ref):
    # No date anywhere; the 2012 Mazhilis figures to two decimals against a rounded 2007 share.
    text = ("Kazakhstan's ruling Nur Otan party won 80.99 per cent of the vote in Sunday's parliamentary election, "
            "the Central Election Commission said. Ak Zhol won 7.47 per cent and the Communist People's Party of "
            "Kazakhstan 7.19 per cent, both clearing the seven per cent threshold. Turnout was 75.4 per cent. "
            "In the previous election, in 2007, Nur Otan took every seat with about 88 per cent of the vote.")
    assert _guess(text, ref).election_id == "2012-01-15-parliamentary"
    # one figure alone is often a past vote's, recalled in passing: it decides nothing
    assert "official figures" not in infer_election(
        "Tokayev won 81.31% in the presidential election.", ref, dates=[], mentions=[]).evidence
    # a figure dated to its year is that year's, not the story's ("Nursultan Nazarbayev: 79.78% in 1999", a table's row)
    assert "official figures" not in infer_election(
        "The presidential election was held.\nNursultan Nazarbayev: 79.78% in 1999\nTurnout: 87.05% in 1999",
        ref, dates=[], mentions=[]).evidence


@pytest.mark.parametrize("surface, canonical", [
    ("Nasarbajew", "Nursultan Nazarbayev"), ("Tokajew", "Kassym-Jomart Tokayev"), ("Kasachstan", "Kazakhstan"),
    ("Schanaosen", "Zhanaozen"), ("Nazarbaïev", "Nursultan Nazarbayev"), ("Tokaïev", "Kassym-Jomart Tokayev"),
    ("Nour-Soultan", "Nur-Sultan"), ("Aqtöbe", "Aktobe"), ("Jañaözen", "Zhanaozen"),
])
def test_other_languages_and_alphabets_spellings_are_mapped_and_marked(ref, surface, canonical):
    from kzresearch.entities import NameMatcher

    rows = NameMatcher(ref).find(f"Reports from {surface} on Tuesday.")
    assert [(r["surface"], r["canonical"], r["match"]) for r in rows] == [(surface, canonical, "fuzzy")]


def test_common_western_names_are_no_kazakh_names(ref):
    from kzresearch.entities import NameMatcher

    text = ("Michael Jackson, Richard, Jersey, Toulouse, Jamaica, Joseph, Chicago, Washington, Janet, Sasha, Rosario, Juventus, "
            "the New Hampshire Republican primary.")
    assert NameMatcher(ref).find(text) == []
    # a feminine surname in another language's spelling is another person (German "Tokajewa")
    assert NameMatcher(ref).find("Reports from Tokajewa on Tuesday.") == []


def test_a_month_and_day_that_name_the_day_of_publication_name_no_vote_of_long_ago(ref):
    # ("Today is Monday, Jan. 10" in an "on this day" column of 2022 recalls the vote of January 10, 1999 only by its figures)
    text = ("Today is Monday, Jan. 10. In 1999, Serikbolsyn Abdildin stood against Nursultan Nazarbayev in an early "
            "presidential election. Official results gave Abdildin 11.7 percent in the presidential vote.")
    dates = find_dates(text)
    assert infer_election(text, ref, dates=dates, mentions=[], published=dt.date(2022, 1, 10)).election_id is None
    assert infer_election(text, ref, dates=dates, mentions=[], published=dt.date(1999, 1, 12)).election_id == "1999-01-10-presidential"
