"""Date expressions, their resolution, and the publication date with its evidence."""
import datetime as dt

import pytest

from kzresearch.cleaning import Line, classify_lines
from kzresearch.dates import find_dates, resolve_month_day, resolve_weekday
from kzresearch.election_inference import election_words
from kzresearch.metadata import (
    _masthead_name,
    canonical_outlet,
    credited_byline,
    dateline_published,
    infer_byline_and_wire,
    infer_outlet,
    infer_published,
    parse_published,
)


@pytest.mark.parametrize(
    "text, kind, date",
    [
        ("on January 10, 2021,", "full", dt.date(2021, 1, 10)),
        ("on 9 June 2019 voters", "full", dt.date(2019, 6, 9)),
        ("Jan. 5, 2022", "full", dt.date(2022, 1, 5)),
        ("published 2012-01-17", "iso", dt.date(2012, 1, 17)),
        ("20.11.2022 results", "dmy_numeric", dt.date(2022, 11, 20)),
        ("2021-01-11T09:00:00Z", "iso", dt.date(2021, 1, 11)),
        ("filed 2021/01/11", "iso", dt.date(2021, 1, 11)),
        ("on the 10th of January 2021", "full", dt.date(2021, 1, 10)),
        ("10-Jan-2021", "full", dt.date(2021, 1, 10)),
        ("Last Updated On 18 December,2011 11:42 pm", "full", dt.date(2011, 12, 18)),  # the year against its comma
        ("December 18,2011", "full", dt.date(2011, 12, 18)),
        ("Moscow (Platts)--17Jan2012/1029 am EST", "full", dt.date(2012, 1, 17)),  # a wire's stamp, run together
        ("05DEC2005", "full", dt.date(2005, 12, 5)),
    ],
)
def test_full_dates(text, kind, date):
    [expr] = find_dates(text)
    assert (expr.kind, expr.date) == (kind, date)


def test_a_date_run_together_stands_alone():
    assert find_dates("code 117Jan2012") == [] and find_dates("May2012") == []


@pytest.mark.parametrize(
    "text, kinds",
    [
        ("the January 10 vote", ["month_day"]),
        ("stepped down in March 2019", ["month_year"]),
        ("announced in November that", ["month"]),
        ("arrested Sunday in the capital", ["weekday"]),
        ("yesterday's rubber-stamp election", ["relative"]),
        ("in 2015 he won", ["year"]),
        ("30 years of rule, 12 million voters, $10,000 a month, 98 per cent", []),
        ("a 1909 poem", []),
        ("2,000 people and 2019 percent", []),
    ],
)
def test_expression_kinds(text, kinds):
    assert [d.kind for d in find_dates(text)] == kinds


def test_resolution():
    sunday = dt.date(2021, 1, 10)
    assert resolve_weekday(6, sunday) == sunday
    assert resolve_weekday(5, sunday) == dt.date(2021, 1, 9)
    assert resolve_weekday(3, sunday) == dt.date(2021, 1, 14)
    assert resolve_month_day(1, 12, sunday) == dt.date(2021, 1, 12)
    assert resolve_month_day(7, 1, sunday, within_days=30) is None


@pytest.mark.parametrize(
    "text, election, expected",
    [
        ("Dozens were arrested Sunday in the capital.", dt.date(2021, 1, 10), "2021-01-10"),
        ("He faced yesterday's election.", dt.date(2019, 6, 9), "2019-06-10"),
        ("Leaders protested on Tuesday against weekend elections.", dt.date(2012, 1, 15), "2012-01-17"),
        ("The minister spoke late on January 10.", dt.date(2021, 1, 10), "2021-01-10"),
        ("Voters went to the polls today.", dt.date(2022, 11, 20), "2022-11-20"),
        ("Turnout was 89.9 percent on Sunday. Final figures are due by April 9.", dt.date(2011, 4, 3), "2011-04-03"),
    ],
)
def test_published_from_relative_expressions(ref, text, election, expected):
    published = infer_published(text, find_dates(text), election_date=election, election_words=election_words(ref))
    assert (published.value, published.precision) == (expected, "day")
    assert published.evidence


def test_the_date_line_nearest_above_the_headline_before_the_sites_today():
    lines = [Line(1, 1, "Thursday, February 13, 2025", "byline", "date_line"),
             Line(2, 2, "World | June 6, 2022, Monday // 16:52", "byline", "date_line"),
             Line(3, 3, "Kazakhstan approves constitutional overhaul", "title", "headline"),
             Line(4, 4, "Voters in Kazakhstan have backed sweeping amendments to the constitution, officials said.", "body", "default_body")]
    assert dateline_published(lines).value == "2022-06-06"


def test_dateline_and_no_anchor(ref):
    lines = [Line(1, 1, "By Jane Doe", "byline", "by_prefix"), Line(2, 2, "Jun 11, 2019 10:30 GMT", "byline", "date_line")]
    assert dateline_published(lines).value == "2019-06-11"
    published = infer_published("Nothing dated here.", [], election_date=None, election_words=election_words(ref))
    assert (published.value, published.precision) == (None, "none")


def test_parse_published():
    assert parse_published("2019") .precision == "year"
    assert parse_published("2019-13-01") is None
    assert parse_published("") is None


def test_byline_and_wire_credits():
    agencies = {"ap": "AP", "afp": "AFP", "reuters": "Reuters", "associated press": "AP"}
    lines = [
        Line(1, 1, "By Joanna Lillis and Almaz Kumenov", "byline", "by_prefix"),
        Line(2, 2, "With reporting by AP", "byline", "credit_line"),
        Line(3, 3, "ALMATY (Reuters) - Police detained dozens of people on Sunday.", "body", "default_body"),
        Line(4, 4, "Chris Rickleton, a journalist with AFP, was detained.", "body", "default_body"),
    ]
    assert infer_byline_and_wire(lines, agencies) == ("Joanna Lillis and Almaz Kumenov", ["AP", "Reuters"])
    more = [
        Line(1, 1, "By Dana Omirbekova in Politics on 27 April 2015", "byline", "by_prefix"),
        Line(2, 2, "ASTANA, Nov. 21 (Xinhua) -- Tokayev won.", "body", "default_body"),
        Line(3, 3, "NUR-SULTAN, January 12. /TASS/. Nur Otan won.", "body", "default_body"),
        Line(4, 4, "(FRANCE 24 with AFP and REUTERS)", "byline", "agency_signoff"),
    ]
    agencies.update({"xinhua": "Xinhua", "tass": "TASS"})
    assert infer_byline_and_wire(more, agencies) == ("Dana Omirbekova", ["Xinhua", "TASS", "AFP", "Reuters"])


def test_outlet_from_url_and_text(ref):
    body = [Line(1, 1, "According to Reuters, police detained dozens.", "body")]
    assert infer_outlet(body, ref)[0] is None  # a source credit is not the outlet
    assert infer_outlet(body, ref, url="https://www.rferl.org/a/kazakhstan-vote/31040000.html")[0] == "RFE/RL"


def test_relative_days_are_read_case_insensitively_in_any_script_that_folds_to_ascii():
    # "TONİGHT" (Turkish dotted capital I) and "yeſterday" (long s) are the words re.IGNORECASE equates with ASCII.
    assert [d.relative for d in find_dates("Police said TON\u0130GHT and yeſterday.")] == ["tonight", "yesterday"]


def test_outlet_names_from_metadata_become_canonical(ref):
    assert canonical_outlet("Tengrinews.kz", ref) == "Tengrinews"
    assert canonical_outlet("www.rferl.org", ref) == "RFE/RL"
    assert canonical_outlet("the moscow times", ref) == "The Moscow Times"
    assert canonical_outlet(" Some Local Paper ", ref) == "Some Local Paper"
    assert canonical_outlet("WSJ", ref) == "The Wall Street Journal"  # a masthead signature


def test_a_site_name_that_runs_its_hosts_letters_together_is_the_host(ref):
    assert canonical_outlet("NewsComAu", ref, "", "https://www.news.com.au/world/asia/kazakhstan-unrest-live") == "news.com.au"
    assert canonical_outlet("Steppe Post", ref, "", "https://steppepost.kz/politics/1") == "Steppe Post"


def test_a_publications_name_is_cited_without_the_medium_its_site_adds(ref):
    assert canonical_outlet("Jamaica Gleaner Online", ref) == "Jamaica Gleaner"
    assert canonical_outlet("The Steppe Post Online Edition", ref) == "The Steppe Post"
    # one word and "Online" is the site's brand, not a paper's website
    assert canonical_outlet("Graphic Online", ref) == "Graphic Online"
    lines = classify_lines("The Steppe Post Online\nHome | Politics | Business | Sport\nPolice detain 30 in Almaty\n"
                           "ALMATY - Police detained 30 people on Sunday, officials said.\n", ref).lines
    assert infer_outlet(lines, ref)[0] == "The Steppe Post"


def test_wire_credits_in_datelines_credit_lines_and_name_lines():
    agencies = {"ap": "AP", "afp": "AFP", "interfax": "Interfax", "reuters": "Reuters"}
    lines = [Line(1, 1, "Protest in Almaty", "title", "headline"), Line(2, 2, "AFP", "boilerplate", "outlet_name_line"),
             Line(3, 3, "ASTANA. March 22 (Interfax) - The ruling party won.", "body", "default_body"),
             Line(4, 4, "ALMATY, Kazakhstan (AP) -- Police detained dozens.", "body", "default_body"),
             Line(5, 5, "Reuters contributed to this report.", "byline", "credit_line"),
             Line(6, 6, "Written by Dana Amanova", "byline", "credit_line")]
    assert infer_byline_and_wire(lines, agencies) == ("Dana Amanova", ["AFP", "Interfax", "AP", "Reuters"])


def test_an_agency_line_above_the_headline_or_in_a_breadcrumb_is_no_credit():
    agencies = {"afp": "AFP", "rfe/rl's kazakh service": "RFE/RL"}
    lines = [Line(1, 1, "AFP", "boilerplate", "outlet_name_line"), Line(2, 2, "Protest in Almaty", "title", "headline"),
             Line(3, 3, "RFE/RL's Kazakh Service", "boilerplate", "breadcrumb")]
    assert infer_byline_and_wire(lines, agencies) == (None, [])


def test_the_copyright_holder_at_the_foot_names_the_outlet_when_nothing_else_does(ref):
    body = [Line(1, 1, "Protest in Almaty", "title", "headline"),
            Line(2, 2, "Police detained dozens of protesters in Almaty on Sunday.", "body", "default_body")]
    foot = Line(3, 3, "Copyright © 2011 bne IntelliNews. All rights reserved.", "caption", "copyright_credit")
    assert infer_outlet([*body, foot], ref)[0] == "bne IntelliNews"
    wire = Line(3, 3, "Copyright 2021 The Associated Press. All rights reserved.", "caption", "copyright_credit")
    assert infer_outlet([*body, wire], ref)[0] is None  # an agency's notice marks wire copy
    tengri = Line(3, 3, "© 2011-2022 Tengrinews.kz. All rights reserved.", "boilerplate", "rights_notice")
    assert infer_outlet([*body, tengri], ref)[0] == "Tengrinews"
    for footer, outlet in [("Copyright © 2023 Kazinform International News Agency. All rights reserved.", "Kazinform"),
                           ("© 2022 The Astana Times / All rights reserved.", "The Astana Times"),
                           ("© Sputnik / Ilya Pitalev", None), ("© 2019 Getty Images", None), ("Photo: © 2019 Reuters", None),
                           ("Copyright © 2019 Dow Jones & Company, Inc.", None)]:
        assert infer_outlet([*body, Line(3, 3, footer, "caption", "copyright_credit")], ref)[0] == outlet, footer


def test_a_sites_own_name_under_the_headline_is_no_wire_credit(ref):
    from kzresearch.metadata import wire_services
    from kzresearch.reference import agency_index

    lines = [Line(1, 1, "Protest in Almaty", "title", "headline"), Line(2, 2, "Radio Azattyq", "boilerplate", "outlet_name_line"),
             Line(3, 3, "AFP", "boilerplate", "outlet_name_line")]
    assert infer_byline_and_wire(lines, agency_index(ref), wire_services(ref)) == (None, ["AFP"])


def test_a_bare_agency_after_a_dated_dateline_and_a_based_on_note_credit_the_wire():
    agencies = {"kaztag": "KazTAG", "interfax-kazakhstan": "Interfax", "reuters": "Reuters"}
    lines = [Line(1, 1, "Almaty. May 23. KazTAG \u2013 Police detained dozens.", "body", "default_body"),
             Line(2, 2, "(Based on reports by Interfax-Kazakhstan, Reuters and the local newspaper)", "byline", "agency_signoff")]
    assert infer_byline_and_wire(lines, agencies) == (None, ["KazTAG", "Interfax", "Reuters"])
    dated = [Line(1, 1, "ALMATY, April 4, 2011 (Reuters) - Officials said.", "body", "default_body")]
    assert infer_byline_and_wire(dated, agencies) == (None, ["Reuters"])
    # Without a date a capitalised word before a dash is no agency's credit.
    assert infer_byline_and_wire([Line(1, 1, "Almaty. KazTAG \u2013 Police detained dozens.", "body", "default_body")], agencies) == (None, [])


@pytest.mark.parametrize(
    "text, day",
    [
        ("AKTAU, Kazakhstan, June 4, 2012 (AFP) - A court jailed 13 people.", "2012-06-04"),
        ("(Berlin, January 26, 2022) \u2013 Security forces used excessive force.", "2022-01-26"),
        ("ASTANA, March 22 (Interfax) - A dateline without a year dates nothing.", None),
        # a publisher's name and its date in brackets, day first
        ("HRWF (02.05.2016) \u2013 Kazakhstan has seen street protests in several regions.", "2016-05-02"),
        ("Kazakhstan (2016) \u2013 a year is no date.", None),
        ("Zhanaozen (16 December 2011) - police opened fire on striking oil workers.", None),
        # a newsletter's colon for the dash
        ("Brussels, 19 December 2011 (ITUC OnLine): The confederation condemned the killings.", "2011-12-19"),
        # (a colon only after the publisher's name in brackets: not a timeline's entry)
        ("Sunday, January 2, 2022: Protests erupt in Zhanaozen.", None),
    ],
)
def test_a_dated_dateline_opening_the_story_gives_the_publication_date(text, day):
    found = dateline_published([Line(1, 1, text, "body", "default_body")])
    assert (found.value if found else None) == day


def test_date_lines_with_a_page_label_or_a_place():
    from kzresearch.cleaning import _is_date_line

    assert _is_date_line("Page last updated at 10:11 GMT, Monday, 20 August 2007")
    assert _is_date_line("Almaty, 14 June 2019")
    assert not _is_date_line("Almaty, Astana and Shymkent 2019")


def test_site_names_as_pages_record_them(ref):
    assert canonical_outlet("Journalists face jail terms after January unrest - Committee to Protect Journalists", ref) \
        == "Committee to Protect Journalists"
    assert canonical_outlet("Le Monde.fr", ref) == "Le Monde"
    assert canonical_outlet("anews.com.tr", ref) == "Anews"
    assert canonical_outlet("Anews.com.tr", ref) == "Anews"  # a domain in any case
    assert canonical_outlet("Deutsche Presse-Agentur", ref) == "dpa"  # an agency's own copy


def test_the_site_name_a_title_tag_adds_to_the_headline():
    from kzresearch.reading import _page_title, _site_in_title

    assert _site_in_title(_page_title("<title>Big news &ndash; Site Name</title>")[0], "Big news") == "Site Name"
    assert _site_in_title(_page_title("<title>Site Name | Big news</title>")[0], "Big news") == "Site Name"
    assert _site_in_title(_page_title("<title>Big news and more words</title>")[0], "Big news") is None
    # (a stamp ending the title is no site: "Iran Daily - World - 01/18/99")
    assert _site_in_title(_page_title("<title>Iran Daily - World - 01/18/99</title>")[0], "Iran Daily - World") is None


def test_a_headline_given_as_the_site_name_gives_way_to_the_title_tag():
    from kzresearch.reading import _extract_html

    # trafilatura names the site after a JSON-LD WebPage's name, here the headline
    headline = "Oil town buries its dead as the vote nears"
    graph = ('{"@context": "https://schema.org", "@graph": [{"@type": "WebPage", "name": "%s"}, '
             '{"@type": "NewsArticle", "headline": "%s"}]}' % (headline, headline))
    page = ("<html><head><title>Oil town buries its dead as the vote nears | World | The Times</title>"
            '<script type="application/ld+json">' + graph + "</script></head><body>"
            "<article><h1>Oil town buries its dead as the vote nears</h1><p>" + "Police detained 30 people in the town. " * 8
            + "</p></article></body></html>")
    assert _extract_html(page)[1]["outlet"] == "The Times"


def test_review_cases_for_datelines_domains_and_title_tags():
    from kzresearch.metadata import _unknown_domain
    from kzresearch.reading import _page_title, _site_in_title

    for text in ("Kazakhstan, which voted on June 9, 2019 - the first vote without him - now faces protests.",
                 "Almaty. Since 16 December 2011 - the day of the shooting - nothing changed."):
        assert dateline_published([Line(1, 1, text, "body", "default_body")]) is None
    assert dateline_published([Line(1, 1, "Almaty, 10 May 2018 - Police detained dozens.", "body", "default_body")]).value == "2018-05-10"
    assert _unknown_domain("news.mail.ru") == "Mail"
    assert _site_in_title(_page_title("<title>Kazakhstan votes: Live updates</title>")[0], "Kazakhstan votes") is None
    assert _site_in_title(_page_title("<title>Big news - Live updates - Euractiv</title>")[0], "Big news") == "Euractiv"


def test_no_signature_names_two_outlets(ref):
    # the outlet with the most matching signatures wins: one pattern listed for two would tie them
    owners: dict[tuple[str, str], set[str]] = {}
    for row in ref.outlets.itertuples():
        owners.setdefault((row.signal, row.pattern.lower()), set()).add(row.outlet)
    assert {k: v for k, v in owners.items() if len(v) > 1} == {}


def test_the_headline_is_the_part_of_a_title_tag_the_page_shows():
    from kzresearch.reading import _extract_html

    # an archive page: "Site : Section : Headline", the headline in a styled <font>, no <h1>
    page = ("<html><head><title>The Daily : International : Kazakh leader sweeps poll</title></head><body>"
            "<table><tr><td>The Daily : International</td></tr></table>"
            '<font class="storyhead">Kazakh leader sweeps poll</font><p>' + "Police detained 30 people in Almaty on Monday. " * 8
            + "</p></body></html>")
    meta = _extract_html(page)[1]
    assert meta["title"] == "Kazakh leader sweeps poll" and meta["outlet"] == "The Daily"


def test_a_copyright_year_is_no_publication_date():
    from kzresearch.reading import _extract_html

    body = "<p>" + "Police detained 30 people in Almaty on Monday. " * 8 + "</p>"
    page = f"<html><head><title>Protest</title></head><body><article>{body}</article><footer>© 2025 All Rights Reserved</footer></body></html>"
    assert "published" not in _extract_html(page)[1]
    dated = page.replace("<head>", '<head><meta property="article:published_time" content="2025-01-01T10:00:00Z">')
    assert _extract_html(dated)[1]["published"] == "2025-01-01"


def test_an_outlet_outlets_csv_does_not_know_is_named_by_its_domain_or_its_copyright(ref):
    from kzresearch.metadata import _unknown_domain

    body = [Line(2, 2, "Protest in Almaty", "title", "headline"),
            Line(3, 3, "Police detained dozens of protesters in Almaty on Sunday.", "body", "default_body")]
    for masthead, outlet in [("Kapital.kz", "Kapital.kz"), ("LITER.KZ — News of Kazakhstan", "Liter.kz"),
                             ("24.kg news agency", "24.kg")]:
        assert infer_outlet([Line(1, 1, masthead, "boilerplate", "before_headline"), *body], ref)[0] == outlet
    foot = Line(4, 4, "© Steppe Herald, 2000–2005. Reproduction only with reference to the agency.", "caption", "copyright_credit")
    assert infer_outlet([*body, foot], ref) == ("Steppe Herald", "copyright holder 'Steppe Herald' on line 4 (not in outlets.csv)")
    france = Line(4, 4, "Copyright © 1997 France 24", "caption", "copyright_credit")  # a number in the name
    assert infer_outlet([*body, france], ref)[0] == "France 24"
    # "Copyright 2012 by X", and the circled C East Asian pages write for the sign
    from kzresearch.textnorm import normalize_line
    for notice in ("Copyright 2012 by Steppe Herald. All rights reserved.", normalize_line("Copyright \u24d2 2005 Steppe Herald.")):
        assert infer_outlet([*body, Line(4, 4, notice, "caption", "copyright_credit")], ref)[0] == "Steppe Herald"
    # a company's notice names a parent, not the outlet
    company = Line(4, 4, "Copyright © 2016 Steppe Media Holdings Limited. All rights reserved.", "caption", "copyright_credit")
    assert infer_outlet([*body, company], ref)[0] is None
    # a site's own name under a country's domain keeps it; under a generic one it does not
    assert (_unknown_domain("gazeta.uz"), _unknown_domain("www.kapital.kz"), _unknown_domain("example.com")) == ("Gazeta.uz", "Kapital.kz", "Example")
    # other countries' company forms: the name before "Sàrl" may be the site's; a "Pvt. Ltd." a company's
    for notice, outlet in [("\u00a9 2015 Le News S\u00e0rl. All rights reserved.", "Le News"),
                           ("Copyright \u00a9 2025 Printline Media Pvt. Ltd. All rights reserved.", None)]:
        assert infer_outlet([*body, Line(4, 4, notice, "caption", "copyright_credit")], ref)[0] == outlet
    # a domain the page spells out, with its top-level domain or without
    assert _unknown_domain("qazaqstan.tv", "Qazaqstan TV \u2014 watch live") == "Qazaqstan TV"
    assert _unknown_domain("www.centralasia.news", "CENTRAL ASIA NEWS\ncentralasia.news") == "Central Asia News"
    assert canonical_outlet("steppemagazine.com", ref, "Read Steppe Magazine online.") == "Steppe Magazine"


def test_a_rows_agencies_are_named_as_the_reference_names_them():
    from kzresearch.metadata import row_agencies

    assert row_agencies("Trend, Agence France-Presse, AFP", {"agence france-presse": "AFP", "afp": "AFP"}) == ["Trend", "AFP"]
    assert row_agencies(None, {}) == []


def test_a_name_atop_the_page_that_its_copyright_notice_repeats_is_the_outlet(ref):
    body = [Line(3, 3, "Protest in Almaty", "title", "headline"),
            Line(4, 4, "Police detained dozens of protesters in Almaty on Sunday.", "body", "default_body")]
    menu = Line(2, 2, "Home | Politics | World", "boilerplate", "menu")

    def outlet(top: str, foot: str) -> str | None:
        return infer_outlet([Line(1, 1, top, None), menu, *body, Line(5, 5, foot, "boilerplate", "copyright")], ref)[0]

    assert outlet("Steppe Herald", "© 2023 Steppe Herald. All rights reserved.") == "Steppe Herald"
    assert outlet("STEPPEPOST - International; December 06, 2005", "© STEPPEPOST Group of Newspapers, 2005") == "Steppepost"
    assert outlet("STEPPEPOST", "© 2015 SteppePost. All rights reserved.") == "SteppePost"
    # the notice must repeat the name; a Cyrillic masthead is not the English pages' name for the outlet
    assert outlet("Steppe Herald", "© 2023 All rights reserved.") is None
    assert outlet("Степной вестник", "© 2023 Степной вестник") is None


def test_review_cases_for_titles_with_separators_and_unknown_holders(ref):
    from kzresearch.reading import _extract_html

    body = "<p>" + "Police detained 30 people in Almaty on Monday. " * 8 + "</p>"
    page = ('<html><head><title>Kazakhstan votes - and nobody is surprised - Eurasia Daily Monitor - Jamestown</title>'
            '<meta property="og:title" content="Kazakhstan votes - and nobody is surprised"></head><body>'
            '<header>Eurasia Daily Monitor</header><h1>Kazakhstan votes - and nobody is surprised</h1>'
            f"<article>{body}</article></body></html>")
    assert _extract_html(page)[1]["title"] == "Kazakhstan votes - and nobody is surprised"
    lines = [Line(2, 2, "Protest in Almaty", "title", "headline"),
             Line(3, 3, "Police detained dozens of protesters in Almaty on Sunday.", "body", "default_body")]
    for footer in ("Copyright © 2024. All rights reserved.", "© 2023 Content may not be reproduced without permission."):
        assert infer_outlet([*lines, Line(4, 4, footer, "caption", "copyright_credit")], ref)[0] is None
    assert infer_outlet([*lines, Line(4, 4, "© 2022 www.gazeta.uz", "caption", "copyright_credit")], ref)[0] == "Gazeta.uz"
    assert infer_outlet([Line(1, 1, "A.Smith, Almaty", "boilerplate", "before_headline"), *lines], ref)[0] is None


def test_credits_of_several_agencies_and_a_byline_in_capitals(ref):
    text = ("Tokayev wins new term with 81 percent of the vote\n\nUpdated 21 November 2022\nLAYLA QASSEM\n"
            "November 21, 2022 11:38\n\n"
            "ASTANA (REUTERS, AFP) - President Kassym-Jomart Tokayev won a new seven-year term with 81.31 percent of the vote.\n\n"
            "Police detained dozens of protesters in Almaty on Sunday, the Interior Ministry said in a statement.\n\n"
            "With AFP and Reuters\n")
    agencies = {"afp": "AFP", "reuters": "Reuters"}
    assert infer_byline_and_wire(classify_lines(text, ref).lines, agencies) == ("Layla Qassem", ["Reuters", "AFP"])
    # a line that only begins with "With", or names no agency, is no credit
    assert classify_lines(f"{text}With tears in their eyes, voters left.\n", ref).lines[-2].role == "body"
    assert classify_lines(f"{text}With Tokayev.\n", ref).lines[-2].rule != "credit_line"


def test_a_sites_name_with_the_issue_and_date_of_an_archive_title():
    from kzresearch.reading import _named_site

    assert _named_site({"sitename": "TIME Asia | January 25, 1999 Vol. 153 No. 3", "title": "The Steppe's Sure Thing"}) == "TIME Asia"
    assert _named_site({"sitename": "France 24 | International News", "title": "Kazakhs vote"}) == "France 24"


def test_a_paragraphs_sign_off_and_writers_roles(ref):
    from kzresearch.cleaning import classify_lines

    agencies = {"afp": "AFP", "reuters": "Reuters"}
    text = ("Nur Otan wins every seat in Kazakh parliament\n\nBy Iryna Marchuk, Kyiv Post Staff Writer\n\n"
            "ASTANA – Nur Otan won every elected seat, preliminary results showed on Sunday, officials said.\n\n"
            "Seven parties were on the ballot, and the opposition complains that it had less than two months to prepare. – AFP\n\n"
            "Related\nKazakh opposition cries foul\n")
    assert infer_byline_and_wire(classify_lines(text, ref).lines, agencies) == ("Iryna Marchuk", ["AFP"])


BODY_LINES = ("Police detained dozens of protesters in Almaty on Sunday, the Interior Ministry said in a statement.\n\n"
              "Police detained dozens of protesters in Astana on Monday, the Interior Ministry said in a statement.\n")


@pytest.mark.parametrize("text,published", [
    # a site's "today" above the headline is not the article's date; the one under the headline is
    ("Tehran Times\nTuesday, April 15, 2025 | 26 Farvardin 1404\nHome\nPolitics\n\n"
     f"Kazakh police detain hundreds as land protests spread\nMay 22, 2016 - 20:46\n\n{BODY_LINES}", "2016-05-22"),
    # nor a related story's date below the text
    (f"10 June 2019\n\nKazakh police detain hundreds as protests follow the vote\n\n{BODY_LINES}\n"
     "Related\nKazakh opposition cries foul\n12 June 2019\n", "2019-06-10"),
])
def test_the_dates_between_headline_and_text_come_first(text, published, ref):
    from kzresearch.cleaning import classify_lines

    assert dateline_published(classify_lines(text, ref).lines).value == published


def test_date_lines_with_a_time_of_day_and_one_word_bylines():
    from kzresearch.cleaning import _is_date_line

    assert _is_date_line("Updated: 3:26pm UK, Sunday 18 December 2011")
    assert credited_byline("Solovyov", {}, None) == ("Solovyov", [])


def test_wire_credits_in_source_lines_stamps_and_joined_datelines(ref):
    from kzresearch.cleaning import classify_lines
    from kzresearch.metadata import infer_byline_and_wire
    from kzresearch.reference import agency_index

    agencies = agency_index(ref)
    body = "Police detained dozens of protesters in Almaty on Sunday, the Interior Ministry said in a statement."
    for text, wire in [
        (f"Kazakh police detain hundreds\n\nALMATY, Kazakhstan (AFP-Yonhap) -- {body}\n\n{body}x\n", ["AFP", "Yonhap"]),
        (f"Kazakh police detain hundreds\n\n{body}\n\n{body}x\n\nSource: Reuters/AFP/gs\n", ["Reuters", "AFP"]),
        (f"Kazakhstan votes yes to a nuclear plant\nAFP Published 07 Oct, 2024 02:18pm\n\n{body}\n\n{body}x\n", ["AFP"]),
        (f"Kazakh police detain hundreds\n\n{body}\n\n{body}x\n\n— With inputs from AFP\n", ["AFP"]),
        (f"Kazakh police detain hundreds\n\n{body}\n\n{body}x\n\nWith additional input from Reuters\n", ["Reuters"]),
        # national agencies of the reference (TT is Sweden's), one on a line with the site's own name
        (f"Kazakh police detain hundreds\n\n{body}\n\n{body}x\n\nTT/AFP/The Nordic Post\n", ["TT", "AFP"]),
        (f"Kazakh police detain hundreds\n\n{body}\n\n{body}x\n\nWith files from Reuters and The Canadian Press\n", ["Reuters", "The Canadian Press"]),
        (f"Kazakh police detain hundreds\n\n{body}\n\n{body}x\n\nMaterial from Reuters was used in this report.\n", ["Reuters"]),
        (f"Kazakh police detain hundreds\nAFP, ASTANA\n\n{body}\n\n{body}x\n", ["AFP"]),
        # under a headline and its standfirst: agencies and a place
        (f"Kazakh police detain hundreds\nOpposition cries foul as no rival clears the barrier\n\nAFP, Reuters, Astana\n\n{body}\n\n{body}x\n",
         ["AFP", "Reuters"]),
        (f"Kazakh police detain hundreds\n\n{body}\n\n{body}x\n\n-- With reporting by AFP-Jiji\n", ["AFP", "Jiji Press"]),
        # a list of sources; the house and the agencies it wrote with; an editor's initials before the agency
        (f"Kazakh police detain hundreds\n\n{body}\n\n{body}x\n\nSources: Reuters, Steppe News\n", ["Reuters"]),
        (f"Kazakh police detain hundreds\nBy Dana Omarova\nThe Steppe Times with AFP and Belga\n\n{body}\n\n{body}x\n", ["AFP", "Belga"]),
        (f"Kazakh police detain hundreds\n\n{body}\n\n{body}x\n\nThe Steppe Times with AFP\n", ["AFP"]),
        (f"Kazakh police detain hundreds\n\n{body}\n\n{body}x\n\nJKB/Xinhua\n", ["Xinhua"]),
        # a dateline's credit with no dash before the text
        (f"Kazakh police detain hundreds\n\nAlmaty, Mar 20 (Xinhua) {body}\n\n{body}x\n", ["Xinhua"]),
    ]:
        assert infer_byline_and_wire(classify_lines(text, ref).lines, agencies)[1] == wire, text
    # "Reporting:" names the writer; a desk is no author
    text = f"Kazakh police detain hundreds\n\n{body}\n\n{body}x\n\nReporting: Gráinne Ní Bhriain, with Reuters\n"
    assert infer_byline_and_wire(classify_lines(text, ref).lines, agencies) == ("Gráinne Ní Bhriain", ["Reuters"])
    lines = [Line(1, 1, "By Ananya Rao and DH Foreign Desk", "byline", "by_prefix")]
    assert infer_byline_and_wire(lines, agencies)[0] == "Ananya Rao"


def test_sign_off_lines_of_agencies_credit_each_agency_they_list(ref):
    from kzresearch.cleaning import classify_lines
    from kzresearch.metadata import infer_byline_and_wire, wire_services
    from kzresearch.reference import agency_index

    body = "Police detained dozens of protesters in Almaty on Sunday, the Interior Ministry said in a statement."
    for sign_off, wire in [("Reuters . AFP", ["Reuters", "AFP"]), ("(Reuters, AP)", ["Reuters", "AP"]), ("[AFP]", ["AFP"]),
                           ("\u2014 With Reuters", ["Reuters"]), ("\u2013 BNS", ["BNS"]), ("Photo: AFP", []), ("By REUTERS", ["Reuters"]),
                           ("- Reuters / AFP", ["Reuters", "AFP"]), ("\u2013 Nampa-AFP", ["Nampa", "AFP"]), ("- AP, AFP", ["AP", "AFP"])]:
        text = f"Kazakh police detain hundreds\n\n{body}\n\n{body}x\n\n{sign_off}\n"
        assert infer_byline_and_wire(classify_lines(text, ref).lines, agency_index(ref), wire_services(ref))[1] == wire, sign_off


def test_a_rows_agency_field_names_no_place(ref):
    from kzresearch.metadata import row_agencies
    from kzresearch.reference import agency_index

    assert row_agencies("AFP, Almaty", agency_index(ref), ref.is_place) == ["AFP"]
    assert row_agencies("Trend, AFP", agency_index(ref), ref.is_place) == ["Trend", "AFP"]


def test_a_wire_services_name_on_a_page_that_holds_its_own_copyright_credits_the_copy(ref):
    from kzresearch.cleaning import classify_lines

    body = "Police detained dozens of protesters in Almaty on Sunday, the Interior Ministry said in a statement."
    text = (f"Skip to main content\nSteppe Herald\nHome | World | Business\nReuters\nKazakh police detain hundreds\n\n{body}\n\n"
            f"{body}x\n\nSteppeherald.com © Steppe Herald. All rights reserved\n")
    assert infer_outlet(classify_lines(text, ref).lines, ref)[0] == "Steppe Herald"


def test_a_name_atop_the_page_that_a_publishers_notice_repeats_is_the_outlet(ref):
    from kzresearch.cleaning import classify_lines

    body = "Police detained dozens of protesters in Almaty on Sunday, the Interior Ministry said in a statement."
    text = (f"STEPPE HERALD\nEnglish Edition\nHome World Economy\n\nKazakh police detain hundreds\n\n{body}\n\n{body}x\n\n"
            "Steppe Herald English is published by Steppe Media Company.\n© 2025 SMC. All rights reserved.\n")
    assert infer_outlet(classify_lines(text, ref).lines, ref)[0] == "Steppe Herald"


def test_a_short_name_opening_the_page_above_its_menu_is_the_outlet(ref):
    from kzresearch.cleaning import classify_lines

    body = "Police detained dozens of protesters in Almaty on Sunday, the Interior Ministry said in a statement."
    page = "{top}\nPolitics | Justice | Business\nMonday, 4 March 2024\n\nKazakh police detain hundreds\n\n{body}\n\n{body}x\n"
    assert infer_outlet(classify_lines(page.format(top="Steppe Herald", body=body), ref).lines, ref)[0] == "Steppe Herald"
    assert infer_outlet(classify_lines(page.format(top="Breaking News", body=body), ref).lines, ref)[0] is None


def test_an_agencys_name_atop_the_page_that_its_dateline_credits_is_the_outlet(ref):
    from kzresearch.cleaning import classify_lines

    body = "Police detained dozens of protesters in Almaty on Sunday, the Interior Ministry said in a statement."
    page = "Skip to main content\n{top}\nEnglish service\nPolitics | Economy | World\n\nKazakh police detain hundreds\n\n{dateline} {body}\n\n{body}x\n"
    outlet = lambda top, dateline: infer_outlet(classify_lines(page.format(top=top, dateline=dateline, body=body), ref).lines, ref)[0]
    assert outlet("SNA – Steppe News Agency", "Astana/Warsaw (SNA) –") == "SNA"
    assert outlet("Steppe Milliy axborot agentligi – SNA", "Astana, June 18 (SNA) —") == "SNA"
    # a paper running an agency's copy is the paper's page; a section's kicker naming the agency is no masthead
    assert outlet("Steppe Herald Online Daily", "Astana, June 18 (SNA) —") == "Steppe Herald Online Daily"
    assert outlet("World - SNA", "Astana, June 18 (SNA) —") != "SNA"


@pytest.mark.parametrize("line, rule, author", [("by \u00c9lise Vautrin", "by_prefix", "\u00c9lise Vautrin"),
                                               ("Author`s name Igor Lyubimov", "author_field", "Igor Lyubimov")])
def test_a_writers_name_of_any_latin_letters_and_an_author_fields_label(ref, line, rule, author):
    from kzresearch.metadata import infer_byline_and_wire, wire_services
    from kzresearch.reference import agency_index

    assert classify_lines(f"Kazakh police detain hundreds\n{line}\n\n{'Police detained dozens in Almaty on Sunday. ' * 4}\n", ref).lines[1].rule == rule
    lines = [Line(1, 1, "Kazakh police detain hundreds", "title", "headline"), Line(2, 2, line, "byline", rule)]
    assert infer_byline_and_wire(lines, agency_index(ref), wire_services(ref))[0] == author


def test_a_dateline_of_two_places_credits_its_agency(ref):
    from kzresearch.metadata import infer_byline_and_wire, wire_services
    from kzresearch.reference import agency_index

    lines = [Line(1, 1, "Kazakh police detain hundreds", "title", "headline"),
             Line(2, 2, "Nur-Sultan/Warsaw (AFP) – Police detained dozens of protesters on Sunday.", "body", "default_body")]
    assert infer_byline_and_wire(lines, agency_index(ref), wire_services(ref))[1] == ["AFP"]


def test_a_staff_credit_names_the_house_where_nothing_else_does(ref):
    from kzresearch.cleaning import classify_lines

    body = "Police detained dozens of protesters in Almaty on Sunday, the Interior Ministry said in a statement."
    text = f"Nazarbayev's party takes every seat\nCompiled by a Steppe Herald staff reporter from wire reports\n\n{body}\n\n{body}x\n"
    assert infer_outlet(classify_lines(text, ref).lines, ref)[0] == "Steppe Herald"
    text = f"Nazarbayev's party takes every seat\nBy Dana Omarova Staff Reporter\n\n{body}\n\n{body}x\n"
    assert infer_outlet(classify_lines(text, ref).lines, ref)[0] is None


def test_a_page_date_only_a_link_gives_is_no_publication_date():
    from kzresearch.markup import visible_text
    from kzresearch.reading import _page_dates as page_dates

    def _page_dates(page: str, date: str) -> tuple:
        return page_dates(page, visible_text(page), date)

    page = ('<html><head><title>X</title></head><body><p>UPDATED: 08:26, September 23, 2004</p>'
            '<a href="/200409/15/eng20040915_157402.html">SCO prime ministers to meet</a></body></html>')
    # a date only a link gives is none; one the text states is the page's, after its date lines
    assert _page_dates(page, "2004-09-15") == (None, None) and _page_dates(page, "2004-09-23") == (None, "2004-09-23")
    archived = ('<html><body><p>Posted at 09:40 a.m. PST; Monday, January 11, 1999</p><p>Text.</p>'
                '<p>Archive page last updated: 08/14/2013 03:12:55</p></body></html>')
    assert _page_dates(archived, "2013-08-14") == (None, "1999-01-11")


def test_a_publication_date_the_markup_names_outranks_a_modified_time_and_htmldates_1995_floor():
    from kzresearch.reading import _page_dates

    head = ('<html><head><meta property="article:modified_time" content="2019-06-11T08:02:00+01:00">'
            '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2019-06-10T17:45:00+01:00",'
            '"dateModified":"2019-06-11T08:02:00+01:00"}</script></head><body><p>Text.</p></body></html>')
    assert _page_dates(head, "Text.", "2019-06-11") == ("2019-06-10", None)
    # the markup's own day stands beside a page's "Last Updated" stamp and a caption's earlier day
    stamped = ('<html><head><meta property="article:published_time" content="2011-12-18T11:42:00-05:00"></head><body>'
               '<p>Last Updated Sunday, December 18, 2011 6:05PM EST</p><p>People on Saturday, Dec. 17, 2011.</p></body></html>')
    assert _page_dates(stamped, "Last Updated Sunday, December 18, 2011 6:05PM EST People on Saturday, Dec. 17, 2011.",
                       "2011-12-18") == ("2011-12-18", None)
    # an "og:updated_time" alone, and the article's <time> of another day
    updated = ('<html><head><meta property="og:updated_time" content="2024-11-02T09:14:37-03:00"></head>'
               '<body><time datetime="2023-03-20">20-03-2023 16:05</time><p>Text.</p></body></html>')
    assert _page_dates(updated, "Text.", "2024-11-02") == ("2023-03-20", None)
    old = '<html><head><meta content="1994-03-08T08:00:00Z" property="article:published_time"></head><body></body></html>'
    assert _page_dates(old, "", "1995-01-01") == ("1994-03-08", None) and _page_dates(old, "", None) == ("1994-03-08", None)
    # a "last-modified" alone and no <time>: the first whole date the page shows, the month first past the 12th
    modified = ('<html><head><meta name="last-modified" content="2019-02-11 04:31:07" /></head><body>'
                '<p>05/23/2016 - 12h05</p><p>Text.</p><p>Printed on 03/14/2025</p></body></html>')
    assert _page_dates(modified, "05/23/2016 - 12h05 Text. Printed on 03/14/2025", "2019-02-11", "", "05/23/2016 - 12h05 Text.") \
        == (None, "2016-05-23")
    # ... and an "article:modified_time" alone: the earlier date the page shows by its headline
    revised = ('<html><head><meta property="article:modified_time" content="2011-02-09T11:02:00-04:00"></head><body>'
               '<p>Published Jan 12, 1999 at 8:00 am (Updated Feb 9, 2011 at 11:02 am)</p><p>Text.</p></body></html>')
    assert _page_dates(revised, "Published Jan 12, 1999 at 8:00 am (Updated Feb 9, 2011 at 11:02 am) Text.", "2011-02-09", "",
                       "Published Jan 12, 1999 at 8:00 am (Updated Feb 9, 2011 at 11:02 am) Text.") == (None, "1999-01-12")
    # (not an "og:updated_time" of the day htmldate gives, nor a date of the article's text far below its headline)
    updated_only = '<html><head><meta property="og:updated_time" content="2022-01-10T09:00:00Z"></head><body><p>Text.</p></body></html>'
    assert _page_dates(updated_only, "Text. In Zhanaozen on 16 December 2011 ...", "2022-01-10", "", "Text.")[1] != "2011-12-16"
    # a video's date in JSON-LD is not the article's
    video = '<script type="application/ld+json">{"@type":"VideoObject","datePublished":"2016-05-01"}</script>'
    assert _page_dates(video, "Text.", "2019-06-10")[0] != "2016-05-01"


def test_a_whole_title_with_the_sites_name_before_a_double_dash():
    from kzresearch.reading import _extract_html

    body = "<p>" + "Police detained 30 people in Almaty on Monday. " * 8 + "</p>"
    page = ("<html><head><title>Steppe Daily Online -- Pro-presidential party wins Kazakh parliamentary election</title></head>"
            "<body><font size=4><b>Pro-presidential party wins Kazakh parliamentary election</b></font>" + body + "</body></html>")
    meta = _extract_html(page)[1]
    assert meta["title"] == "Pro-presidential party wins Kazakh parliamentary election"


def test_a_site_name_with_a_description_or_a_bracket_is_its_first_name(ref):
    from kzresearch.metadata import canonical_outlet

    names = ("Polskie Radio – Radio Poland", "Novinite.com (Sofia News Agency)", "Home - The Astana Times", "gazeta.uz",
             "Opinion - The Moscow Times", "World - Steppe Herald")
    assert [canonical_outlet(n, ref) for n in names] == ["Polskie Radio", "Novinite", "The Astana Times", "Gazeta.uz",
                                                        "The Moscow Times", "Steppe Herald"]


def test_agencies_joined_by_slashes_and_hyphens_keep_the_names_that_hold_them(ref):
    from kzresearch.metadata import _agencies_listed
    from kzresearch.reference import agency_index

    assert _agencies_listed("Keystone-SDA/AFP and Agence France-Presse/Reuters", agency_index(ref)) == ["Keystone-SDA", "AFP", "AFP", "Reuters"]


def test_a_headline_with_a_dash_in_the_title_is_not_split_into_a_site():
    from kzresearch.reading import _extract_html

    body = "<p>" + "Police detained 30 people in Almaty on Monday. " * 8 + "</p>"
    page = ("<html><head><title>Tokayev wins - but turnout falls to a record low</title></head><body>"
            "<h1>Tokayev wins &#8211; but turnout falls to a record low</h1>" + body + "</body></html>")
    meta = _extract_html(page)[1]
    assert meta["title"].startswith("Tokayev wins") and meta["title"].endswith("but turnout falls to a record low") and "outlet" not in meta


@pytest.mark.parametrize("head,headline,outlet", [
    # a social title cut short: the page's <h1> holds the whole headline
    ('<title>Party Cruises to Kazakh Vote Win as Oil Rout Bites - Bloomberg</title>'
     '<meta property="og:title" content="Party Cruises to Kazakh Vote Win">',
     "Party Cruises to Kazakh Vote Win as Oil Rout Bites", None),
    # the headline and the site's name: the part the <h1> shows is the headline
    ('<title>Kazakhstan frees 1,149 from custody | Taiwan News | 2022-01-26 17:45:00</title>'
     '<meta property="og:title" content="Kazakhstan frees 1,149 from custody | Taiwan News">',
     "Kazakhstan frees 1,149 from custody", "Taiwan News"),
])
def test_the_headline_the_page_shows_in_its_h1(head, headline, outlet):
    _check_h1_headline(head, headline, headline, outlet)


def test_a_logo_in_the_h1_is_no_headline():
    from kzresearch.reading import _extract_html

    body = "<p>" + "Police detained 30 people in Almaty on Monday. " * 8 + "</p>"
    page = ("<html><head><title>Kazakhstan frees 1,149 from custody | Taiwan News</title></head><body>"
            f"<h1>Taiwan News</h1>{body}</body></html>")
    meta = _extract_html(page)[1]
    assert meta["title"].startswith("Kazakhstan frees 1,149 from custody") and meta.get("outlet") != "Kazakhstan frees 1,149 from custody"


def _check_h1_headline(head, h1, headline, outlet):
    from kzresearch.reading import _extract_html

    body = "<p>" + "Police detained 30 people in Almaty on Monday. " * 8 + "</p>"
    page = f"<html><head>{head}</head><body><h1>{h1}</h1>{body}</body></html>"
    meta = _extract_html(page)[1]
    assert meta["title"] == headline
    if outlet:
        assert meta["outlet"] == outlet


def test_agency_credits_as_date_lines_places_and_lists(ref):
    from kzresearch.cleaning import classify_lines
    from kzresearch.metadata import infer_byline_and_wire
    from kzresearch.reference import agency_index

    agencies = agency_index(ref)
    body = "Police detained dozens of protesters in Almaty on Sunday, the Interior Ministry said in a statement."
    for text, wire in [
        (f"Reuters , AFP , Sunday 9 Jan 2022\nKazakh police detain hundreds\n\n{body}\n\n{body}x\n", ["Reuters", "AFP"]),
        (f"Kazakh police detain hundreds\nAFP/Astana\n\n{body}\n\n{body}x\n", ["AFP"]),
        (f"Kazakh police detain hundreds\n\n{body}\n\n{body}x\n\nAdditional reporting: Reuters\n", ["Reuters"]),
        (f"Kazakh police detain hundreds\n\n{body}\n\n{body}x\n\nBased on reports by Reuters and Interpressnews.\n", ["Reuters"]),
        (f"Kazakh police detain hundreds\n\n{body}\n\n{body}x\n\nvia MTI, Reuters\n", ["MTI", "Reuters"]),
    ]:
        assert sorted(infer_byline_and_wire(classify_lines(text, ref).lines, agencies)[1]) == sorted(wire), text
    # a sentence that opens with "Via" is text
    line = "Via Astana, the pipeline carries oil to China."
    doc = classify_lines(f"Kazakh oil\n\n{body}\n\n{line}\n", ref)
    assert next(x.role for x in doc.lines if x.text == line) == "body"


def test_a_sites_today_is_no_date_line_and_a_view_count_does_not_hide_one(ref):
    from kzresearch.cleaning import classify_lines

    body = "Police detained dozens of protesters in Almaty on Sunday, the Interior Ministry said in a statement."
    text = f"Zakon.kz\nToday, 14 November 2024\nMore than 77% vote yes as Kazakhstan amends its constitution\n06.06.2022, 15:48 · \U0001F441 8 412\n\n{body}\n"
    assert dateline_published(classify_lines(text, ref).lines).value == "2022-06-06"
    # a reading time glued to the year does not hide the date, nor does a later "Updated" line come first
    text = f"More than 77% vote yes as Kazakhstan amends its constitution\nMon., Jan. 10, 2022timer3 min. read\nUpdated Jan. 11, 2022 at 7:15 a.m.\n\n{body}\n"
    assert dateline_published(classify_lines(text, ref).lines).value == "2022-01-10"


def test_month_names_in_capitals_and_a_masthead_above_a_date_line(ref):
    from kzresearch.cleaning import classify_lines

    assert [d.surface for d in find_dates("MARCH 22, 2016 17:48 and 5 MAY 2019")] == ["MARCH 22, 2016", "5 MAY 2019"]
    assert [d.surface for d in find_dates("Police may detain more")] == []
    body = "Police detained dozens of protesters in Almaty on Sunday, the Interior Ministry said in a statement."
    lines = classify_lines(f"The Steppe Herald\nTue, Mar 11 2025\n\nKazakh police detain hundreds\n\n{body}\n", ref).lines
    assert lines[0].role != "byline"
    # a desk next to a date line is no author
    lines = classify_lines(f"Kazakh police detain hundreds\n\nWorld News Desk\nPublish : 21 Nov 2022, 09:47 PM\n\n{body}\n", ref).lines
    assert infer_byline_and_wire(lines, {})[0] is None


def test_a_by_line_with_its_date_and_an_input_credit(ref):
    from kzresearch.cleaning import classify_lines
    from kzresearch.metadata import infer_byline_and_wire
    from kzresearch.reference import agency_index

    body = "Police detained dozens of protesters in Almaty on Sunday, the Interior Ministry said in a statement."
    for text, credit in [(f"Kazakh police detain hundreds\nBy Reuters November 21, 2022 | 02:37 pm GMT+7\n\n{body}\n", (None, ["Reuters"])),
                         (f"Kazakh police detain hundreds\nBy Dana Omarova November 21, 2022\n\n{body}\n", ("Dana Omarova", [])),
                         (f"Kazakh police detain hundreds\n\n{body}\n\n{body}x\n\n\u2014 With input from AFP and Reuters\n", (None, ["AFP", "Reuters"]))]:
        byline, wire = infer_byline_and_wire(classify_lines(text, ref).lines, agency_index(ref))
        assert (byline, sorted(wire)) == credit, text


def test_a_mastheads_name_next_to_a_date_line_is_no_author_and_names_the_outlet(ref):
    from kzresearch.cleaning import classify_lines
    from kzresearch.metadata import infer_byline_and_wire

    body = "Police detained dozens of protesters in Almaty on Sunday, the Interior Ministry said in a statement."
    text = f"Steppe Today\nSaturday, 17 December 2011\n\nKazakh police detain hundreds\n\n{body}\n\n{body}x\n\n\u00a9 2025 Steppe Today. All Rights Reserved.\n"
    assert infer_byline_and_wire(classify_lines(text, ref).lines, {})[0] is None
    page = f"Skip to main content\nSteppe Herald\nSaturday, 14 June 2025\nSubscribe\nLog In\nNews | Business | Opinion | World\n\nKazakh police detain hundreds\n\n{body}\n\n{body}x\n"
    assert infer_outlet(classify_lines(page, ref).lines, ref)[0] == "Steppe Herald"


def test_a_date_line_with_a_two_digit_year_outranks_a_mastheads_today(ref):
    from kzresearch.cleaning import classify_lines

    body = "Police detained dozens of protesters in Almaty on Sunday, the Interior Ministry said in a statement."
    text = (f"Steppe Herald\nMonday, 4 March 2024\n\nNazarbayev Keeps Power With Landslide Win\n"
            f"The president has been re-elected with 95.5 per cent of the vote.\n\nBelgrade\n04 Apr 11\n\n{body}\n\n{body}x\n")
    assert dateline_published(classify_lines(text, ref).lines).value == "2011-04-04"


def test_a_staff_that_names_no_house_is_no_outlet():
    from kzresearch.metadata import _staff_credit

    assert [_staff_credit([Line(3, 3, t, "byline", "by_prefix")]) for t in ("By Our Staff", "BY EDITORIAL STAFF", "Web Desk Staff")] == [None] * 3


def test_a_day_with_a_dot_and_a_date_line_below_a_credit_kept_as_text(ref):
    from kzresearch.cleaning import classify_lines

    assert [d.surface for d in find_dates("Brussels, 15. Jan 2021, 09:27")] == ["15. Jan 2021"]
    body = "Police detained dozens of protesters in Almaty on Sunday, the Interior Ministry said in a statement."
    text = (f"Steppe Herald\nWednesday 22 January 2025\n\nKazakhstan's January crackdown: nearly 10,000 held\n"
            f"Authorities in Kazakhstan have detained thousands across the country after the worst unrest in years.\n"
            f"The Steppe Herald Staff & Agencies\n17 January, 2022\n\n{body}\n\n{body}x\n")
    assert dateline_published(classify_lines(text, ref).lines).value == "2022-01-17"


def test_review_cases_of_mastheads_bylines_credits_and_short_years(ref):
    from kzresearch.cleaning import _CREDIT_LINE, classify_lines
    from kzresearch.dates import short_year_date
    from kzresearch.metadata import _masthead_above_menu

    body = "Police detained dozens of protesters in Almaty on Sunday, the Interior Ministry said in a statement."
    # a short headline above a share button is no masthead
    lines = classify_lines(f"Tokayev Wins Landslide\nShare\n\n{body}\n\n{body}x\n", ref).lines
    assert _masthead_above_menu(lines) is None
    # a photographer's credit holds no byline
    text = f"Kazakh police detain hundreds\nJun 19, 2019\nDana Omarova\n\n{body}\n\nA voter in Almaty. Photo \u00a9 Dana Omarova\n"
    assert infer_byline_and_wire(classify_lines(text, ref).lines, {})[0] == "Dana Omarova"
    # "Input from OSCE monitors was ignored." is a sentence, not a credit
    assert _CREDIT_LINE.search("Input from OSCE monitors was ignored.") is None
    # a two-digit year never reads as a day still to come
    assert short_year_date("31 Dec 26", dt.date(2026, 4, 1)) == dt.date(1926, 12, 31)


def test_a_numeric_date_line_with_a_two_digit_year_and_a_credit_naming_the_site(ref):
    from kzresearch.cleaning import classify_lines
    from kzresearch.reference import agency_index

    body = "Police detained dozens of protesters in Almaty on Sunday, the Interior Ministry said in a statement."
    # a site's "today" above its menu; the headline, a standfirst, agencies and the site's own name, the stamps
    text = (f"nordpost\n10.06.24 | 14:32\nWorld | Business | Culture\n\nKazakh court jails former spy chief for 18 years\n"
            f"The trial was held behind closed doors\nAssociated Press, Reuters and nordpost\n"
            f"Published: 04.24.23, 19:06\nUpdated: 04.25.23, 08:12\n\n{body}\n\n{body}x\n")
    lines = classify_lines(text, ref).lines
    assert [line.text for line in lines if line.role == "title"] == ["Kazakh court jails former spy chief for 18 years"]
    assert dateline_published(lines).value == "2023-04-24"
    assert infer_byline_and_wire(lines, agency_index(ref))[1] == ["AP", "Reuters"]
    # day first where both could be a month; a number in running text is no date line
    assert [d.kind for d in find_dates("Updated 05/04/23")] == []
    assert dateline_published([Line(1, 1, "Updated 05/04/23", "byline", "date_line")]).value == "2023-04-05"


def test_a_signature_below_the_last_paragraph_and_an_agencies_sign_off(ref):
    from kzresearch.cleaning import classify_lines
    from kzresearch.reference import agency_index

    body = "Police detained dozens of protesters in Almaty on Sunday, the Interior Ministry said in a statement."
    text = f"Kazakh police detain hundreds\n\n{body}\n\nAll {body}\n\nAigul SEITKALIYEVA\n\n-- AFP-KAZINFORM\n\nRead us on Telegram\n"
    assert infer_byline_and_wire(classify_lines(text, ref).lines, agency_index(ref)) == ("Aigul Seitkaliyeva", ["AFP", "Kazinform"])
    # a label in capitals is no signature
    text = f"Kazakh police detain hundreds\n\n{body}\n\nAll {body}\n\nCENTRAL ASIA\n"
    assert infer_byline_and_wire(classify_lines(text, ref).lines, agency_index(ref))[0] is None


def test_a_byline_with_the_pages_stamps_a_caption_credited_with_a_dash_and_a_sign_off_of_two_agencies(ref):
    from kzresearch.cleaning import classify_lines
    from kzresearch.reference import agency_index

    body = "Police detained dozens of protesters in Almaty on Sunday, the Interior Ministry said in a statement."
    text = (f"World\n\nKazakh ruling party sweeps poll as two more parties enter parliament\n\n"
            f"By AFP | Published: Tue, Jan 17th 2012 at 00:00 GMT +3 | Updated: Tue, Jan 17th 2012 at 11:42 GMT +3\n\n{body}\n\nAll {body}\n")
    lines = classify_lines(text, ref).lines
    assert dateline_published(lines).value == "2012-01-17"
    assert infer_byline_and_wire(lines, agency_index(ref))[1] == ["AFP"]
    # a picture's caption credited after a dash, between the deck and the lead, is no text to
    # measure the headline's distance from; a paragraph signed off by two agencies credits both
    text = (f"Gulf Daily | Established 1961\nHome | Local | World\n\nPublished Date: 4/5/2011\n\n"
            f"Nazarbayev sweeps Kazakh vote with 95.5 percent\n\nVeteran leader wins new term as monitors fault the vote\n\n"
            f"ASTANA: President Nursultan Nazarbayev greets supporters at his party headquarters yesterday. \u2014 AP\n\n"
            f"{body}\n\nAll {body}\n\nTurnout was high across the country, the commission said on Monday, citing its regional offices. \u2014 AFP, Reuters\n")
    lines = classify_lines(text, ref).lines
    assert [line.text for line in lines if line.role == "title"] == ["Nazarbayev sweeps Kazakh vote with 95.5 percent"]
    assert infer_byline_and_wire(lines, agency_index(ref))[1] == ["AFP", "Reuters"]
    # digits that read either way: day first, unless the page names the other day by its month
    assert dateline_published(lines).value == "2011-05-04"
    lines = classify_lines(text.replace("Home |", "Tuesday, April 05, 2011\nHome |"), ref).lines
    assert dateline_published(lines).value == "2011-04-05"


def test_the_sites_name_below_the_headline_an_author_in_capitals_and_a_weeklys_range_of_days(ref):
    from kzresearch.cleaning import classify_lines

    body = "Police detained dozens of protesters in Almaty on Sunday, the Interior Ministry said in a statement."
    text = (f"Gulf Post English | \u0627\u0644\u0639\u0631\u0628\u064a\u0629\nNews | World | Business\n\n"
            f"Kazakhstan says nearly 4,000 held in week of protests\n\nGulf Post English\nPublished: 18 June 2019 \u25aa 15:47 KSA\n"
            f"Last Update: 20 May 2020 \u25aa 09:04 KSA\n\n{body}\n\nAll {body}\n")
    lines = classify_lines(text, ref).lines
    assert [line.rule for line in lines if line.text == "Gulf Post English"] == ["site_credit"]
    assert [line.rule for line in lines if line.text.startswith("Last Update")] == ["date_line"]
    assert infer_byline_and_wire(lines, {})[0] is None
    text = (f"Hill Weekly\n#586 | 23 - 29 December 2011 | 16 pages\nHome | Editorial | Nation | Business\n\nFar from home, close to the fire\n\n"
            f"Workers in the western oilfields watched a strike end in gunfire\n\nRAM SHARMA in ALMATY\n\n{body}\n\nAll {body}\n")
    lines = classify_lines(text, ref).lines
    assert [line.text for line in lines if line.role == "title"] == ["Far from home, close to the fire"]
    assert infer_byline_and_wire(lines, {})[0] == "Ram Sharma"
    assert dateline_published(lines).value == "2011-12-23"
    assert [d.date for d in find_dates("protests on June 9-10, 2019")] == [dt.date(2019, 6, 9)]


def test_a_date_line_without_a_year_readers_comments_and_a_wires_notice(ref):
    from kzresearch.build import build
    import pandas as pd
    import tempfile
    from pathlib import Path

    body = ("Kazakhs approved changes to their constitution in Sunday's referendum, preliminary results showed on Monday. "
            "The amendments were backed by 77.18 percent of voters, while 18.66 percent voted against them.")
    text = (f"TokyoDaily\nSunday, February 11, 2024\nHome | World | Business\n\nWorld\n"
            f"Kazakhs back constitutional overhaul in referendum\nBy Aigerim Sadykova\nJun. 6 | 04:18 pm JST\n\n"
            f"{body}\n\nTurnout was 68.06 percent, the commission said, well above the half needed for the vote to count.\n\n"
            f"\u00a9 2022 AFP\n\n3 Comments\nLogin to comment\n\nReader_1 Jun. 6 05:02 pm JST\n"
            f"Fine, but 238 dead and nobody responsible yet.\n+9 / -0\n")
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        (corpus / "a.txt").write_text(text, encoding="utf-8")
        build(corpus, out=Path(tmp) / "out", progress=False)
        doc = pd.read_parquet(Path(tmp) / "out" / "documents.parquet").iloc[0]
        tallies = pd.read_parquet(Path(tmp) / "out" / "tallies.parquet")
    # the year of a date line without one is the referendum's, not the masthead's "today"
    assert (doc["published"], doc["election_id"]) == ("2022-06-06", "2022-06-05-referendum")
    assert list(doc["wire"]) == ["AFP"] and doc["byline"] == "Aigerim Sadykova"
    assert tallies.empty  # a reader's "238 dead" is no tally


def test_an_agencys_dateline_with_its_day_states_the_day_below_the_headline(ref):
    from kzresearch.cleaning import classify_lines
    from kzresearch.metadata import header_month_day

    for dateline in ("Moscow, 18 Dec (Lusa) -", "MOSCOW, Dec 18 (Reuters) -"):
        text = f"Kazakhstan: death toll rises\n\n{dateline} The death toll from Friday's riots has climbed to 13, a spokesman said."
        found = header_month_day(classify_lines(text, ref).lines)
        assert (found.month, found.day) == (12, 18), dateline
    text = "Kazakhstan: death toll rises\n\nThe toll rose on Dec 18 (Sunday) - a spokesman said so in Moscow."
    assert header_month_day(classify_lines(text, ref).lines) is None


def test_a_by_line_naming_the_masthead_and_a_domain_written_in_mixed_case(ref):
    from kzresearch.cleaning import classify_lines
    from kzresearch.metadata import _unknown_domain

    body = "Police detained dozens of protesters in Almaty on Sunday, the Interior Ministry said in a statement."
    text = (f"The Lagos Herald News - Nigeria and World News\nHome | World | Business\n\n"
            f"Kazakhstan's ruling party takes 82 percent in snap poll\n21 March 2016 | 4:12 am\nBy Lagos Herald\n\n{body}\n\nAll {body}\n")
    assert infer_byline_and_wire(classify_lines(text, ref).lines, {})[0] is None
    assert (_unknown_domain("DKNews.kz"), _unknown_domain("LITER.KZ")) == ("DKNews.kz", "Liter.kz")


def test_a_tagline_naming_the_masthead_a_sections_crumb_a_comment_count_and_a_bracketed_sign_off(ref):
    from kzresearch.cleaning import classify_lines
    from kzresearch.reference import agency_index

    body = "Police detained dozens of protesters in Almaty on Sunday, the Interior Ministry said in a statement."
    long_para = ("Kazakhstan pumps about 1.3 million barrels of oil a day and expects output to more than double by 2015, "
                 "officials said on Sunday. (AFP, AP)")
    text = (f"Steppe Institute\nResearch Events Experts Commentary\nThe Monitor\nPublished daily by the Steppe Institute\n\n"
            f"Sections: Central Asia \u00bb Kazakhstan\n\nKazakhstan's January dead: seven months on, still no settled number\n"
            f"The official toll has moved at least five times. Lists compiled by rights groups tell a different story.\n\n"
            f"Tom Ashwell\nPublished 4 Aug 2022 06:00 0 Comments\n\n{body}\n\nAll {body}\n\n{long_para}\n")
    lines = classify_lines(text, ref).lines
    assert [line.text for line in lines if line.role == "title"] == ["Kazakhstan's January dead: seven months on, still no settled number"]
    assert dateline_published(lines).value == "2022-08-04"
    assert infer_byline_and_wire(lines, agency_index(ref)) == ("Tom Ashwell", ["AFP", "AP"])


def test_review_cases_of_documents(ref):
    from kzresearch.cleaning import classify_lines
    from kzresearch.reference import agency_index

    body = "Police detained dozens of protesters in Almaty on Sunday, the Interior Ministry said in a statement."
    # a date line without a year does not hide the story's own dateline
    text = f"Court jails activists\nJun. 6 | 04:18 pm JST\n\nASTANA, June 6, 2012 (AFP) - {body}\n\nAll {body}\n"
    assert dateline_published(classify_lines(text, ref).lines).value == "2012-06-06"
    # a prompt to comment inside the text removes nothing
    text = f"Court jails activists\n\n{body}\n\nSign in to comment on this story\n\nAll {body}\n\nAnd {body}\n"
    assert [line.rule for line in classify_lines(text, ref).lines if line.text.startswith("And ")] == ["default_body"]
    # a picture's notice above the text credits no wire; a writer named in a "Most read" line keeps the byline
    text = (f"Most read: Joanna Lillis on the Zhanaozen trial verdicts\nCourt jails activists\nBy Joanna Lillis\n\n"
            f"Protesters in Almaty on Sunday.\n\u00a9 AFP 2022\n\n{body}\n\nAll {body}\n")
    assert infer_byline_and_wire(classify_lines(text, ref).lines, agency_index(ref), frozenset({"AFP"})) == ("Joanna Lillis", [])
    # a short headline opening a page is no masthead of itself
    text = f"Kazakhstan jails activists\n\n{body}\n\nAll {body}\n"
    assert [line.text for line in classify_lines(text, ref).lines if line.role == "title"] == ["Kazakhstan jails activists"]


def test_the_pages_og_site_name_names_the_outlet_before_a_publisher():
    from kzresearch.reading import _og_site_name

    head = ('<head><meta property="og:site_name" content="The Lakeside Times">'
            '<script type="application/ld+json">{"publisher": {"@type": "Organization", "name": "Lakeside Media Group"}}</script></head>')
    assert _og_site_name(head, "Kazakhs vote") == "The Lakeside Times"
    assert _og_site_name('<meta content="Daily Steppe" name="og:site_name">', None) == "Daily Steppe"
    assert _og_site_name('<meta property="og:site_name" content="Kazakhs vote">', "Kazakhs vote") is None


def test_a_site_name_with_a_headline_or_a_tagline():
    from kzresearch.metadata import _site_name, _spelled

    assert _site_name("Steppe Daily - Latest Breaking News and Headlines") == "Steppe Daily"
    assert _site_name("Tokayev sworn in - Steppe Institute for War and Peace Reporting") == "Steppe Institute for War and Peace Reporting"
    assert _site_name("Steppe Herald - Independent Journalism from Central Asia since 1995") == "Steppe Herald"
    assert _site_name("Tokayev re-elected - Central Asia News Service Online") == "Central Asia News Service Online"
    assert _spelled("STEPPE'S NUR-SULTAN TIMES") == "Steppe's Nur-Sultan Times"


# --- blind sets 27 and 28 (lines and pages written for these tests) ----------------------------
def test_american_numeric_dates_and_a_first_posted_stamp():
    from kzresearch.dates import short_year_date

    # month first only where the day is past 12; else day first, as most of the world writes
    assert [d.date for d in find_dates("06/18/2019 10:26 AM EDT")] == [dt.date(2019, 6, 18)]
    assert [d.date for d in find_dates("05/06/2019")] == [dt.date(2019, 6, 5)]
    assert short_year_date("First Posted: 12/18/11 02:41 PM ET Updated: 02/17/12 05:12 AM ET") == dt.date(2011, 12, 18)


def test_a_writer_before_the_agency_in_a_byline():
    agencies = {"associated press": "AP", "agence france-presse": "AFP"}
    assert credited_byline("KAIRAT OSPANOV Associated Press", agencies, None) == ("Kairat Ospanov", ["AP"])
    assert credited_byline("ASTANA Agence France-Presse", agencies, None) == (None, ["AFP"])
    assert credited_byline("NEW YORK Associated Press", agencies, None, lambda name: name.casefold() == "new york") == (None, ["AP"])


def test_the_headline_a_page_shows_over_its_social_title():
    from kzresearch.reading import _extract_html

    body = "<p>" + "Prosecutors said 225 people died in the January unrest. " * 8 + "</p>"
    page = ('<html><head><title>Prosecutors: January unrest left 225 dead &mdash; RBK</title>'
            '<meta property="og:title" content="Prosecutors: January unrest left 225 dead"></head><body>'
            "<article><h1>Kazakh prosecutors raise January death toll to 225</h1>" + body + "</article></body></html>")
    assert _extract_html(page)[1]["title"] == "Kazakh prosecutors raise January death toll to 225"


def test_the_one_date_a_page_shows_where_its_markups_is_an_archives():
    from kzresearch.reading import _extract_html

    body = "<p>" + "Police detained 30 people in Almaty on Monday, officials said. " * 8 + "</p>"
    page = ('<html><head><title>Nazarbayev wins new term</title><META NAME="Archive-Date" CONTENT="2013-07-22"></head><body>'
            "<table><tr><td>Tuesday | December 6, 2005</td></tr></table><h1>Nazarbayev wins new term</h1>" + body + "</body></html>")
    meta = _extract_html(page)[1]
    assert meta.get("published") is None and meta["page_date"] == "2005-12-06"


def test_a_day_shown_apart_from_a_sites_stamp_stands_and_a_double_colon_parts_a_title():
    from kzresearch.reading import _extract_html

    body = "<p>" + "Police detained 30 people in Almaty on Monday, officials said. " * 8 + "</p>"
    page = ("<html><head><title>The Monitor Online :: World :: Nazarbayev wins new term with 91 per cent</title></head><body>"
            "<p>Tuesday, December 6, 2005</p><h1>Nazarbayev wins new term with 91 per cent</h1>" + body +
            "<p>Site last updated: 06/12/2005 09:14 EAT | Visitors since 01/01/2004: 3,412,907</p></body></html>")
    meta = _extract_html(page)[1]
    assert meta["title"] == "Nazarbayev wins new term with 91 per cent"
    assert (meta.get("published"), meta.get("page_date")) == ("2005-12-06", None)


def test_a_date_of_the_articles_text_is_no_page_date_and_furniture_is_no_headline():
    from kzresearch.reading import _extract_html

    body = "<p>" + "On December 16, 2011, police opened fire in Zhanaozen. " * 8 + "</p>"
    page = ('<html><head><title>Ten years on</title><META NAME="Archive-Date" CONTENT="2021-12-10"></head><body>'
            "<h1>Ten years on</h1>" + body + "</body></html>")
    assert "page_date" not in _extract_html(page)[1]
    body = "<p>" + "Prosecutors said 225 people died in the January unrest. " * 8 + "</p>"
    page = ('<html><head><title>Prosecutors: January unrest left 225 dead</title>'
            '<meta property="og:title" content="Prosecutors: January unrest left 225 dead"></head><body>'
            "<h1>Subscribe to our daily newsletter</h1><article>" + body + "</article></body></html>")
    assert _extract_html(page)[1]["title"] == "Prosecutors: January unrest left 225 dead"


def test_an_h1_with_its_date_line_under_it_shares_one_word_with_the_title():
    from kzresearch.reading import _extract_html

    body = "<p>" + "Voters in Kazakhstan backed the amendments, the commission said on Monday. " * 8 + "</p>"
    page = ('<html><head><title>Referendum in Kazakhstan: preliminary results announced | Portal</title>'
            '<meta property="og:title" content="Referendum in Kazakhstan: preliminary results announced"></head><body>'
            "<h1>Kazakhstan: constitutional amendments backed by 77.18 percent of voters</h1><span>07.06.2022 | 10:42</span>"
            + body + "</body></html>")
    assert _extract_html(page)[1]["title"] == "Kazakhstan: constitutional amendments backed by 77.18 percent of voters"


def test_a_byline_element_only_where_trafilaturas_author_is_missing_or_damaged():
    from kzresearch.reading import _byline

    page = '<p class="art-byline">Apr 5 2011 by Carys Whitfield, Western Mail</p>'
    assert _byline(page, "Apr ; Western Mail") == "Carys Whitfield"
    assert _byline(page, "Joanna Lillis") == "Joanna Lillis"
    # (a picture's credit is no byline element)
    assert _byline('<span class="photo-author">Photo by Pavel Mikheyev</span>', None) is None


def test_an_agencys_writer_a_dated_numeric_date_after_a_vote_and_a_masthead_without_its_flourish(ref):
    lines = [Line(1, 1, "By Dmitri Sokolin, Associated Press Writer", "byline", "by_prefix")]
    assert infer_byline_and_wire(lines, {"associated press": "AP"})[0] == "Dmitri Sokolin"
    # "12/05/2005" on a story of the December 4, 2005 vote: the month first
    page = [Line(1, 1, "Kazakh leader wins new term", "title", "headline"), Line(2, 2, "12/05/2005", "byline", "date_line")]
    assert dateline_published(page, election_days=[dt.date(2005, 12, 4)]).value == "2005-12-05"
    assert dateline_published(page).value == "2005-05-12"
    assert _masthead_name("The Nation.", 4) == "The Nation" and _masthead_name("The Intercept_", 4) == "The Intercept"
    assert _masthead_name("U.S. News", 4) == "U.S. News"


def test_a_sites_today_is_no_articles_date_and_an_initials_dot_is_kept(tmp_path):
    from kzresearch.reading import read_file

    body = " ".join(["Police fired on striking oil workers in Zhanaozen, the prosecutor general's office said on Saturday."] * 6)
    page = ('<html><head><title>Kazakh oil town clashes</title></head><body><div id="todaydate">Friday, 14 March 2025</div>'
            '<h1>Kazakh oil town clashes</h1><div class="newsdate">Last Updated On 18 December,2011 11:42 pm</div>'
            f'<div class="byline"><span class="author">Thomas R. Keel</span></div><article><p>{body}</p><p>{body}</p></article>'
            '<div id="footer">Copyright 2025 Example News</div></body></html>')
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    (doc,), _ = read_file(path, tmp_path)
    assert "published" not in doc.meta and doc.meta["page_date"] == "2011-12-18" and doc.meta["byline"] == "Thomas R. Keel"


def test_a_fast_extraction_that_keeps_one_entry_of_a_live_blog_gives_way_to_the_full_one():
    from kzresearch.reading import _extract_html

    entries = "".join(f'<section class="entry"><time datetime="2022-01-06T1{i}:00:00+11:00">{i}pm</time><h2>Update {i}</h2>'
                      f"<p>{'Police detained more people in Almaty on Thursday, the interior ministry said in a statement. ' * 3}Entry {i}.</p></section>"
                      for i in range(8))
    page = (f"<html><head><title>Kazakhstan unrest live</title></head><body><article><h1>Kazakhstan unrest live</h1>{entries}"
            "</article></body></html>")
    text, _ = _extract_html(page)
    assert "Entry 0." in text and "Entry 7." in text


def test_a_message_saved_with_its_headers_is_read_as_its_decoded_body(tmp_path):
    from kzresearch.reading import read_file

    message = ("From: Steppe Daily <news@steppe.example>\nTo: reader@example.org\n"
               "Subject: =?utf-8?Q?Kazakhstan=E2=80=99s_ruling_party_keeps_its_grip?=\nDate: Tue, 21 Mar 2023 06:04:37 -0400\n"
               "MIME-Version: 1.0\nContent-Type: text/plain; charset=\"utf-8\"\nContent-Transfer-Encoding: quoted-printable\n\n"
               "Amanat won 53.9 per=\ncent of the party-list vote, Kazakhstan=E2=80=99s election commission said.=20\n")
    (tmp_path / "newsletter.txt").write_text(message, encoding="utf-8")
    [doc], problems = read_file(tmp_path / "newsletter.txt", tmp_path)
    assert not problems and doc.meta == {"title": "Kazakhstan’s ruling party keeps its grip", "published": "2023-03-21"}
    assert "Amanat won 53.9 percent of the party-list vote, Kazakhstan’s election commission said." in doc.text
    # a letter's "From:" and "Subject:" quoted in a story make no message
    (tmp_path / "story.txt").write_text("From: a reader\nSubject: the vote\nDate: yesterday\nTo: the editor\n\nThe vote was fair.\n",
                                        encoding="utf-8")
    assert read_file(tmp_path / "story.txt", tmp_path)[0][0].text.startswith("From: a reader")


def test_a_broadcasts_subtitles_are_read_as_running_text(tmp_path):
    from kzresearch.reading import read_file

    cues = ("\ufeff1\r\n00:00:00,000 --> 00:00:03,200\r\n[CAPTION: DEADLY CLASHES IN KAZAKH OIL TOWN]\r\n\r\n"
            "2\r\n00:00:03,400 --> 00:00:07,900\r\nOn Friday the Prosecutor General said\r\nten people were killed\r\n\r\n"
            "3\r\n00:00:08,000 --> 00:00:12,600\r\nin what he called mass disorder.\r\n")
    (tmp_path / "report.txt").write_bytes(cues.encode("utf-8"))
    [doc], _ = read_file(tmp_path / "report.txt", tmp_path)
    assert doc.text == ("[CAPTION: DEADLY CLASHES IN KAZAKH OIL TOWN]\n"
                        "On Friday the Prosecutor General said ten people were killed in what he called mass disorder.")


def test_a_credit_lines_sentences_editors_and_reports_from_an_agency():
    agencies = {"afp": "AFP", "the associated press": "AP", "reuter": "Reuters", "reuters": "Reuters"}
    assert infer_byline_and_wire([Line(1, 1, "By Helen Dray. Additional reporting by AFP.", "byline", "by_prefix")], agencies) \
        == ("Helen Dray", ["AFP"])
    # (an editor beside a writer is no author; an editor alone is what the line names)
    assert infer_byline_and_wire([Line(1, 1, "By J. R. Smith. Edited by Anna Lee.", "byline", "by_prefix")], agencies) == ("J. R. Smith", [])
    assert credited_byline("By Martin Kowalczyk, FOREIGN DESK, with reports from The Associated Press", agencies, None) \
        == ("Martin Kowalczyk", ["AP"])
