"""Line roles: each boilerplate class, the structural rules, and body lines that must stay body."""
import pytest

from kzresearch.cleaning import classify_lines
from kzresearch.metadata import credited_byline, credited_outlet, infer_byline_and_wire, infer_outlet, platform_outlets, wire_services
from kzresearch.reading import read_file
from kzresearch.reference import agency_index

BODY = "Police detained dozens of protesters in Almaty on Sunday, the Interior Ministry said in a statement."


def roles(text, ref):
    return {line.text: (line.role, line.rule) for line in classify_lines(text, ref).lines if line.role != "blank"}


@pytest.mark.parametrize(
    "line, role",
    [
        ("Skip to main content", "boilerplate"),
        ("Breaking News", "boilerplate"),
        ("Read more: Kazakhstan's president signs decree", "boilerplate"),
        ("More from Asia-Pacific", "boilerplate"),
        ("Stories in this Section", "boilerplate"),
        ("Advertisement", "boilerplate"),
        ("Loading video...", "media"),
        ("1:02:03 0:45", "media"),
        ("Photo: Vladimir Tretyakov / AFP", "caption"),
        ("The president casts his ballot on Sunday. Photograph: Pavel Mikheyev/Reuters", "caption"),
        ("Copyright 2019 Reuters. All rights reserved", "caption"),
        ("Leave a comment", "boilerplate"),
        ("Translated from Russian by Google \u25b8 English Show original Always translate Russian \u2715", "boilerplate"),
        ('7 "Kazakh Police Detain Hundreds as Protesters Reject Vote," Agence France-Presse, June 9, 2019.', "boilerplate"),
        ("3 'Kazakhstan says 164 killed in week of protests', AP, 9 January 2022", "boilerplate"),
        ("12 Comments", "boilerplate"),
        ("Sign up for our weekly newsletter", "boilerplate"),
        ("Please consider supporting our independent journalism with a monthly donation.", "boilerplate"),
        ("Subscribe now", "boilerplate"),
        ("By Joanna Lillis", "byline"),
        ("Reporting by Mariya Gordeyeva; Editing by Tom Balmforth", "byline"),
        ("Police sealed off the square on Saturday morning. Vladimir Tretyakov / AFP", "caption"),
        ("To contact the reporter on this story:", "boilerplate"),
        ("Jane Doe in Almaty at jdoe@example.com", "boilerplate"),
        ("This post is part of our special coverage Kazakhstan Unrest 2022.", "boilerplate"),
        ("Read this post in Русский, Español", "boilerplate"),
        ("Dear reader,", "boilerplate"),
        ("We keep publishing because readers like you make it possible.", "boilerplate"),
        ("--With assistance from Daniel Hartmann.", "byline"),
        ("Share by email", "boilerplate"),
        ("Subscribe today to get unlimited access to independent news from Central Asia.", "boilerplate"),
        ("Please consider supporting independent journalism in Central Asia today.", "boilerplate"),
        ("Support independent journalism in Kazakhstan and Central Asia today.", "boilerplate"),
        ("Join thousands of readers who support independent journalism in Central Asia.", "boilerplate"),
    ],
)
def test_line_classes(ref, line, role):
    got = roles(f"Headline About The Vote In Kazakhstan\n{BODY}\n{line}\n{BODY.replace('Sunday', 'Monday')}", ref)
    assert got[line][0] == role


@pytest.mark.parametrize(
    "line",
    [
        '"We will support our members," said the opposition leader.',
        "Journalists were prevented from entering polling stations in Almaty.",
        "The election commission said turnout was 63.3 percent.",
        "Read the statement, he told reporters, before judging it.",
        "Copyright law was amended before the vote, critics noted.",
        # one appeal cue in a reported sentence is news, not an appeal
        "Police detained 40 people who had gathered to support independent journalism outside the court.",
        "The opposition party urged supporters to donate to its monthly campaign fund.",
        "With the assistance of CSTO troops, security forces regained control of Almaty airport on January 7.",
        "Activists asked residents to report violations to observers@elections.kz, the group said on Sunday.",
        "Officials said the video was first circulated via AP.",
        "This report is part of a wider OSCE effort to monitor elections across Central Asia, the mission said.",
        "Support for the ruling party has fallen, and many say they will not donate to its campaign.",
        "Donating to the opposition is now a crime, and people who subscribe to its channels risk prosecution.",
        "This article is part of a series of court cases against journalists, lawyers said, adding that 20 reporters had been fined.",
    ],
)
def test_body_lines_stay_body(ref, line):
    got = roles(f"Headline About The Vote In Kazakhstan\n{BODY}\n{line}", ref)
    assert got[line][0] == "body"


def test_glued_appeal_is_split_and_the_sentence_kept(ref):
    doc = classify_lines(f"Headline About The Vote\nYour support makes all the difference.{BODY}\n", ref)
    assert BODY in doc.text and "Your support" not in doc.text


def test_headline_repeated_and_page_furniture_before_it(ref):
    text = "Menu\nSubscribe now\nVoters Head To The Polls In Kazakhstan\n\nVoters Head To The Polls In Kazakhstan\n" + BODY
    doc = classify_lines(text, ref)
    assert doc.title == "Voters Head To The Polls In Kazakhstan"
    assert [line.rule for line in doc.lines if line.text == doc.title] == ["headline", "repeated_line"]
    assert doc.text == BODY


def test_media_title_above_a_player_is_not_the_headline(ref):
    text = "Election Day In Kazakhstan Passes Quietly\nWatch: Voters In Almaty\nplease wait\n0:00 0:01:10 0:00\n" + BODY
    doc = classify_lines(text, ref)
    assert doc.title == "Election Day In Kazakhstan Passes Quietly"
    assert {line.text: line.role for line in doc.lines}["Watch: Voters In Almaty"] == "media"


def test_metadata_title_wins(ref):
    doc = classify_lines("Some Site Navigation Title Here\nActual Headline Of Story\n" + BODY, ref, given_title="Actual Headline Of Story")
    assert doc.title == "Actual Headline Of Story" and doc.title_rule == "metadata_title"


def test_spans_point_into_the_clean_text(ref):
    doc = classify_lines(f"A Headline For The Story\n{BODY}\nYour support makes all the difference.{BODY}", ref)
    for line in doc.lines:
        if line.start is not None:
            assert doc.text[line.start : line.end] == line.text


def test_link_list_openers_and_dated_menu_bars_come_from_the_reference(ref):
    from kzresearch.cleaning import _rules_for

    rules = _rules_for(ref)
    assert rules.link_list_openers == {"related_links", "editorial_standards", "read_more"}
    assert rules.date_line_when_dated == {"menu_bar", "issue_line"}
    text = "Kursiv Media | Politics | 16 March 2026, 11:20\n\nPolice detained 30 people in Almaty on Sunday, officials said.\n\nRead more\nAstana weighs new rules for rallies\n"
    roles = {line.text: (line.role, line.rule) for line in classify_lines(text, ref).lines}
    assert roles["Kursiv Media | Politics | 16 March 2026, 11:20"] == ("byline", "date_line")
    assert roles["Astana weighs new rules for rallies"] == ("boilerplate", "link_list")


def test_a_headline_in_related_links_is_not_a_byline(ref):
    text = (f"Headline About The Vote In Kazakhstan\n\nBy Ira Kessler\n\n{BODY}\n\nRelated Stories\n"
            "Kazakhs Vote in Presidential Election\n04 December 2005\n")
    got = roles(text, ref)
    assert got["By Ira Kessler"][0] == "byline"
    assert got["Kazakhs Vote in Presidential Election"][0] != "byline"


def test_an_outlet_named_above_the_headline_is_the_masthead(ref):
    clean = classify_lines(f"Skip to main content\nVoice of America\nHome | World | Asia\n\nHeadline About The Vote In Kazakhstan\n\n{BODY}\n", ref)
    assert infer_outlet(clean.lines, ref)[0] == "Voice of America"


def test_a_byline_at_the_foot_of_the_text_is_kept(ref):
    got = roles(f"Headline About The Vote In Kazakhstan\n\n{BODY}\n\n{BODY.replace('Sunday', 'Monday')}\n\nDana Omarova in Almaty\n", ref)
    assert got["Dana Omarova in Almaty"][0] == "byline"


def test_an_outlet_described_inside_the_text_is_reporting(ref):
    line = "Amnesty International has been calling for the release of the detained activists since January."
    got = roles(f"Headline About The Vote In Kazakhstan\n\n{BODY}\n\n{line}\n\n{BODY.replace('Sunday', 'Monday')}\n\n"
                f"{BODY.replace('Sunday', 'Tuesday')}\n", ref)
    assert got[line][0] == "body"


@pytest.mark.parametrize(
    "head",
    [
        "Court jails activist for seven years over extremism charges\n\nAlmaty, 14 June 2018 (Agency Kazakh Service)\n",
        "Bloody January: the toll one year on\n\nEurasianet\nJoanna Lillis  Jan 5, 2023\n",
    ],
)
def test_the_first_line_is_the_headline_not_a_dateline_or_a_byline(ref, head):
    clean = classify_lines(f"{head}\n{BODY}\n\n{BODY.replace('Sunday', 'Monday')}\n\nExplore more on these topics: Kazakhstan, Asia Pacific, Europe\n", ref)
    assert clean.title == head.split("\n")[0]


def test_a_related_news_heading_with_a_colon_opens_a_link_list(ref):
    from kzresearch.cleaning import classify_lines

    text = ("Vote count ends in Kazakhstan\n\nThe commission said the count was over and the results would follow soon.\n\n"
            "Related news:\nKyrgyzstan: 27 detained over alleged plot\nUzbekistan: observers accredited")
    roles = {line.text: line.role for line in classify_lines(text, ref).lines}
    assert roles["Kyrgyzstan: 27 detained over alleged plot"] == "boilerplate"


@pytest.mark.parametrize("page, headline", [
    # a widget of rates and the weather above the headline of a scraped agency page
    ("Agency news\nSearch\n\nNBKR exchange rates: USD 46.89 EUR 59.68 RUB 1.47 KZT 0.31\nBishkek -11°C\n\n16/01/12 14:35\n\n"
     "Kazakhstan: ruling party wins 80% as three parties enter parliament\n\nASTANA - Agency news, Staff Writer\n\n" + BODY,
     "Kazakhstan: ruling party wins 80% as three parties enter parliament"),
    # a wire's masthead in capitals, the version tag before the headline
    ("EXAMPLE NEWS -- ENGLISH NEWSWIRE\nDATE: 2011-04-04 21:12 JST\nNO.: 0410872\n\n"
     "(2nd LD) Nazarbayev re-elected with 95.5% in Kazakh snap vote\n\n" + BODY,
     "Nazarbayev re-elected with 95.5% in Kazakh snap vote"),
    # a masthead in two scripts, bars between its parts
    ('Агентство "Новости Сегодня" | News Today news agency\nEnglish service | Лента новостей\n05.12.2005 17:52\n'
     "POLITICS / ELECTIONS-2005\nOpposition bloc will not recognise election results; picket held in Almaty\n-----\n" + BODY,
     "Opposition bloc will not recognise election results; picket held in Almaty"),
    # an archive's record: a headline in capitals over its fields, a result counter above it
    ("Archives\nSearch Results | New Search | Back to results\nResult 3 of 11\n\nLEADER COASTS HOME IN POLL THE WEST CALLS FLAWED\n\n"
     "Date: 12/01/1999\nWords: 689\nPublication: Sydney Morning Herald\nSection: News And Features\nPage: 9\n\n" + BODY,
     "LEADER COASTS HOME IN POLL THE WEST CALLS FLAWED"),
    # a masthead with the site's domain, a view counter and an author field under the headline
    ("LITER.KZ — News of Kazakhstan\nKAZ | RUS | ENG\nAstana +12°C Almaty +19°C\n\nNazarbayev wins 97.7% of vote in early election – CEC\n"
     "27 April 2015, 11:20\nViews: 1 287\nAuthor: A. Writer\n\n" + BODY,
     "Nazarbayev wins 97.7% of vote in early election – CEC"),
    # a long menu and a cookie banner above the headline
    ("Skip to content\nNews Site\nLog in\nMenu\nChina\nNortheast Asia\nSoutheast Asia\nSouth Asia\nCentral Asia\nMiddle East\n"
     "Economy\nOpinion\nBusiness\nCulture\nWe use cookies to improve your experience on our site. By continuing to browse, you agree to our use of cookies.\n"
     "Accept\nKazakhstan's land protests: Astana cracks down, but the anger runs deeper\nBy A. Writer\nMay 24, 2016\n" + BODY,
     "Kazakhstan's land protests: Astana cracks down, but the anger runs deeper"),
])
def test_the_headline_stands_above_the_lead(ref, page, headline):
    doc = classify_lines(page, ref)
    assert doc.title == headline


def test_a_cookie_banner_is_boilerplate(ref):
    banner = "We use cookies to improve your experience on our site and to show you relevant advertising. By continuing to browse, you agree."
    assert roles(f"Headline Of The Story Here\n{banner}\n{BODY}", ref)[banner][0] == "boilerplate"


def test_bylines_below_the_headline_and_in_fields(ref):
    from kzresearch.metadata import infer_byline_and_wire

    agencies = {"afp": "AFP", "kazinform": "Kazinform"}
    doc = classify_lines("Turnout reached 64% in the referendum\n\nAigerim Saparova\n\n" + BODY, ref)
    assert infer_byline_and_wire(doc.lines, agencies)[0] == "Aigerim Saparova"
    doc = classify_lines("Nazarbayev wins a fifth term in early election\n27 April 2015, 11:20\nAuthor: Aidos Zhumabayev\n\n" + BODY, ref)
    assert infer_byline_and_wire(doc.lines, agencies)[0] == "Aidos Zhumabayev"
    doc = classify_lines("Ruling party wins as three parties enter parliament\n\nASTANA - Kazinform, Nurlan Abdrakhmanov\n\n" + BODY, ref)
    assert infer_byline_and_wire(doc.lines, agencies) == ("Nurlan Abdrakhmanov", ["Kazinform"])


def test_review_cases_for_headlines_kickers_and_record_fields(ref):
    assert classify_lines("Menu\nTokayev wins 81.3% in 2022 election\n\n" + BODY, ref).title == "Tokayev wins 81.3% in 2022 election"
    kicker = "KAZAKHSTAN - Tokayev wins snap presidential election"
    assert classify_lines(f"{kicker}\n\n{BODY}", ref).title == kicker
    # a referendum's "No:" line is no record field
    assert roles(f"Referendum results\n\nYes: 77.18 percent\nNo: 18.66 percent\n\n{BODY}", ref)["No: 18.66 percent"][0] != "boilerplate"


def test_a_crosshead_that_is_an_outlets_common_name_is_no_masthead(ref):
    text = "Headline Of The Story Here\n\n" + BODY + "\n\nForeign policy\n\n" + BODY + "\n\nAt dawn\n\nPolice detained 12 people in Astana on Monday, police said."
    kept = {line.text for line in classify_lines(text, ref).lines if line.role == "body"}
    assert "Police detained 12 people in Astana on Monday, police said." in kept


@pytest.mark.parametrize("line,is_stamp", [
    ("This content was published on May 21, 2016 - 17:48", True),
    ("Story first posted May 21, 2016", True),
    ("This article was published on May 21, 2016 but the protests went on", False),
    ("Police published figures on May 21, 2016", False),
    ("The decree was published on March 20, 2019.", False),
    ("The final tally was posted on June 11.", False),
    ("Publish : 21 Nov 2022, 09:47 PM Update : 22 Nov 2022, 12:10 AM", True),
    ("Steppeherald.kz 2012-01-16 21:34:05", True),
    # a broadcast's episode line: its number and length after the date
    ("Friday 14 June 2019 · Episode 2,214 · 28 mins", True),
    ("Friday 14 June 2019 · 2,214 protesters", False),
])
def test_a_sites_publication_stamp_is_a_date_line(line, is_stamp, ref):
    roles = {x.text: x.rule for x in classify_lines(f"A Headline For The Story\n{line}\n{BODY}", ref).lines}
    assert (roles[line] == "date_line") is is_stamp


LEAD = ("ALMATY: President Kassym-Jomart Tokayev won a new seven-year term with 81.31 percent of the vote "
        "in Sunday's snap election, preliminary results showed on Monday.")
HEADLINE = "Tokayev wins new term with 81 percent, vows new political era"


@pytest.mark.parametrize("top", [
    # bullet points of a summary right above the lead, under a headline set apart by a label and a short link
    f"World\n{HEADLINE}\nShort Url\nhttps://example.com/r7k2x\nUpdated 21 November 2022\n\n"
    "• Preliminary results show turnout of 69.44 percent\n• Security service says seven detained over a plot\n",
    # a breadcrumb that ends with the headline (guillemets are read as quotation marks)
    f"Home » Asia Pacific » Central Asia » {HEADLINE}\n\n{HEADLINE}\nPhoto Credit: RFE/RL\n",
    # a menu whose items stand in columns
    f"News   Analytics   Investigations   Interviews   Opinion   Podcasts\nSociety\n\n{HEADLINE}\n",
    # a caption in brackets between the standfirst and the lead
    f"Politics\n\n{HEADLINE}\nRuling party's share falls below 54% as city voters stay home\n\nBy Dana Zhaksybekova\n"
    "2023-03-28\n\n[Voters cast ballots at a polling station in Almaty. [Ilyas Omarov/AFP]]\n",
])
def test_the_headline_among_bullets_breadcrumbs_menus_and_captions(top, ref):
    assert classify_lines(f"{top}\n{LEAD}\n\n{BODY}\n", ref).title == HEADLINE


def test_a_section_label_in_capitals_is_no_author_and_a_double_space_is_no_menu(ref):
    from kzresearch.metadata import infer_byline_and_wire

    doc = classify_lines(f"CENTRAL ASIA\nJune 10, 2019\n\nKazakh police detain dozens in Almaty protest\n\n{BODY}\n", ref)
    assert infer_byline_and_wire(doc.lines, {}) == (None, [])
    doc = classify_lines(f"Kazakhstan election  Tokayev wins  landslide amid protests\n\n{LEAD}\n\n{BODY}\n", ref)
    assert doc.title == "Kazakhstan election Tokayev wins landslide amid protests"


@pytest.mark.parametrize("top,title", [
    # a site's ticker above a section label and the headline
    ("AZERNEWS\nUSD/AZN 1.0498 • EUR/AZN 1.1379 • RUB/AZN 0.0203 • Brent $65.28 • Baku +14°C\nEuropean Games 2015 — 46 days to go\nRegion\n"
     "Nazarbayev re-elected with 97.7% as Kazakhstan posts record turnout\n27 April 2015 12:44 (UTC+04:00)\nBy Sevinj Karimli\n",
     "Nazarbayev re-elected with 97.7% as Kazakhstan posts record turnout"),
    # a caption ending in its photographer and agency, and a place and a dash before the date
    ("INTERNATIONAL\nKazakhstan says nearly 8,000 held as the official count of the dead shifts\n"
     "The authorities raised the number of detainees to 7,939 on a day of national mourning\n"
     "Soldiers guard a checkpoint on Republic Square in Almaty on Sunday. ALEXEI KRYUKOV (REUTERS)\n"
     "LUCÍA FERRÁNDIZ OYARZUN\nMoscow - Jan 10, 2022 - 17:26 CET\n",
     "Kazakhstan says nearly 8,000 held as the official count of the dead shifts"),
    # a caption ending in its credit, below the headline and its posting stamp
    ("The Steppe Times\nKazakh police detain hundreds to stifle land protests\nPosted : 2016-05-22 16:48\n"
     "Riot police stand guard near Republic Square in Almaty, Saturday. AP-Yonhap\n",
     "Kazakh police detain hundreds to stifle land protests"),
    # a ticker's item above the page's headline
    ("The Steppe Tribune\nBreaking: Cricket World Cup: India Beat Sri Lanka In Mumbai Final\nWorld\n"
     "Nazarbayev wins new term with 95.5% in Kazakh vote\nPublished: April 4, 2011\nShare Tweet Email\n",
     "Nazarbayev wins new term with 95.5% in Kazakh vote"),
    # a news feed's timed item above the headline; a caption credited to an agency after a date
    ("13:02 Kyrgyzstan reports 12 new COVID-19 cases\nKazakh voters back constitutional changes in referendum\n"
     "Voters at a polling station in Astana on March 19. Reuters\n",
     "Kazakh voters back constitutional changes in referendum"),
    # a caption whose credit follows a date's year, and a date line glued to its reading time
    ("Tokayev wins second term with 81% as Kazakhs tick against all\nTribune International Desk\n"
     "Kazakhstan's President casts his ballot at a polling station in Astana on Sunday, November 20, 2022 Reuters\n"
     "Mon., Jan. 10, 2022timer3 min. read\n",
     "Tokayev wins second term with 81% as Kazakhs tick against all"),
    # a byline "By:" and a credit and a date apart by a slash
    ("Kazakhstan's ruling party keeps majority as six parties enter parliament\nBy: Associated Press - @steppedesk\n"
     "Associated Press / 05:12 PM March 20, 2023\n",
     "Kazakhstan's ruling party keeps majority as six parties enter parliament"),
])
def test_headlines_under_section_labels_and_above_captions(top, title, ref):
    doc = classify_lines(f"{top}\n{LEAD}\n\n{BODY}\n", ref)
    assert doc.title == title


def test_a_results_table_of_short_lines_is_no_section_label(ref):
    doc = classify_lines(f"Kazakh ruling party keeps its majority\n\n{LEAD}\n\nAmanat 53.90%\nAuyl 10.9 pc\nPolitics\n\n{BODY}\n", ref)
    roles = {line.text: line.rule for line in doc.lines}
    assert (roles["Amanat 53.90%"], roles["Auyl 10.9 pc"], roles["Politics"]) == ("default_body", "default_body", "short_label")
    # a lone share is a widget's ("USD 0.4%")
    doc = classify_lines(f"Kazakh ruling party keeps its majority\n\n{LEAD}\n\nUSD 0.4%\n\n{BODY}\n", ref)
    assert next(line.rule for line in doc.lines if line.text == "USD 0.4%") == "short_label"
    assert not any(line.role == "body" and ("(REUTERS)" in line.text or "CET" in line.text) for line in doc.lines)


def test_share_buttons_are_no_byline(ref):
    doc = classify_lines(f"Nazarbayev wins new term\nPublished: April 4, 2011\nShare Tweet Email\n\n{LEAD}\n\n{BODY}\n", ref)
    assert next(line.rule for line in doc.lines if line.text == "Share Tweet Email") == "share_buttons"


def test_a_consent_dialog_is_no_headline_and_a_signed_off_paragraph_is_no_link(ref):
    text = (f"Steppe Radio\nNews\nSport\nWe value your privacy\nWe and our partners use cookies and similar technologies to store "
            f"and access information on your device for analytics, personalised ads and content.\nAccept All Manage Preferences\n"
            f"Kazakh ruling party holds on to its majority\n\n{LEAD}\n\n{BODY}\n\n"
            f"\"People are no longer afraid to say they are tired,\" said an analyst in Almaty. \u2014 Reuters\n\nRELATED ARTICLES\nKazakh police detain dozens\n")
    doc = classify_lines(text, ref)
    assert doc.title == "Kazakh ruling party holds on to its majority"
    rules = {line.text[:20]: line.rule for line in doc.lines}
    assert (rules["We value your privac"], rules["Accept All Manage Pr"], rules['"People are no longe']) == ("consent_dialog", "consent_dialog", "default_body")


@pytest.mark.parametrize("headline", ["Gen. Tokayev Orders Troops Into Almaty Streets", "Snap election? Tokayev says yes to early vote",
                                      "Kazakhstan Votes Today. Nobody Expects Surprises"])
def test_a_headline_with_an_abbreviation_or_two_sentences_is_still_a_headline(headline, ref):
    assert classify_lines(f"{headline}\n\n{LEAD}\n\n{BODY}\n", ref).title == headline


@pytest.mark.parametrize("sentence", ["Information from the Central Election Commission was used to compile the voter lists, officials said.",
                                      "Inputs from the regions were delayed, the commission said.",
                                      "First published in 1995, the paper was closed by a court in 2002 after its editor was jailed.",
                                      "In 2022, page 6 of the constitution was amended.",
                                      "The story ran in the Financial Times on Monday and was picked up widely."])
def test_a_sentence_that_starts_like_a_credit_is_body(sentence, ref):
    doc = classify_lines(f"Kazakh police detain hundreds\n\n{LEAD}\n\n{sentence}\n\n{BODY}\n", ref)
    assert next(line.role for line in doc.lines if line.text == sentence) == "body"


@pytest.mark.parametrize("widget,rule", [("Font Size: A A A", "text_size_widget"), ("Text size A A A", "text_size_widget"),
                                         ("Sign in Subscribe to The Steppe Star e-paper", "subscription_bar"),
                                         ("Article was updated 3 yrs ago", "relative_stamp"), ("Published 2 hours ago", "relative_stamp"),
                                         ("Monday, 4 March 2024 \u00b7 Astana -8\u00b0C", "weather_widget"),
                                         # (the site's today between bars, no dated menu)
                                         ("Barcelona | Monday, 11 March 2024 | 14\u00b0C", "weather_widget"),
                                         ("Click to follow The Steppe Herald World", "share_widget"),
                                         ("News \u203a World \u203a Asia", "breadcrumb"),
                                         ("\u041a\u0430\u0437\u0430\u0445\u0441\u0442\u0430\u043d / Kazakhstan \u00b7 Politics", "breadcrumb"),
                                         ("ThePrint is now on Telegram. For the best reports, subscribe to ThePrint on Telegram.", "appeal"),
                                         ("\U0001F441 3 418", "view_count"), ("Search the Star: [ ] Go", "form_field"),
                                         ("This is Google's cache of http://www.example.org/a.shtml as retrieved on 8 Dec 2005 10:22:31 GMT.", "cache_notice"),
                                         ("USD 25.89 EUR 29.05 Weather in Astana +27\u00b0", "rates_ticker"),
                                         ("First published in Steppe Review 11-12/2016 (German version)", "publication_note"),
                                         ("This article appeared in the March 2022 issue of the Steppe Review.", "publication_note"),
                                         ("Translated by Ellen Whitcroft", "translator_credit"), ("Original in Russian", "translator_credit"),
                                         ("February 2022, page 6", "issue_line")])
def test_page_furniture_lines_are_no_headline(widget, rule, ref):
    doc = classify_lines(f"{widget}\nKazakh ruling party keeps its majority in the vote\n\n{LEAD}\n\n{BODY}\n", ref)
    assert doc.title == "Kazakh ruling party keeps its majority in the vote"
    assert next(line.rule for line in doc.lines if line.text == widget) == rule


@pytest.mark.parametrize("dated,author", [("14 December 2021 - Daniyar Sultanbekov", "Daniyar Sultanbekov"),
                                          ("27 April 2015 \u00b7 by Julia Hofer \u00b7 News, Switzerland & World \u00b7 2 comments", "Julia Hofer")])
def test_a_line_of_a_date_and_a_writer_is_a_byline_not_the_headline(dated, author, ref):
    from kzresearch.metadata import infer_byline_and_wire

    doc = classify_lines(f"# One candidate, one outcome: the first vote, thirty years on\n{dated}\n\n{LEAD}\n\n{BODY}\n", ref)
    assert doc.title == "One candidate, one outcome: the first vote, thirty years on"  # (a Markdown heading's marks dropped)
    assert infer_byline_and_wire(doc.lines, {})[0] == author


@pytest.mark.parametrize("name,author", [("Ayla Karadeniz", "Ayla Karadeniz"), ("KRITIKA RAGHUNATHAN", "Kritika Raghunathan")])
def test_a_writer_between_the_standfirst_and_the_date_line_above_a_menu_of_languages(name, author, ref):
    from kzresearch.metadata import infer_byline_and_wire

    text = (f"Al-Monitor\nMiddle East | Gulf | Turkey\n\nTurkey weighs its Turkic ambitions as Kazakhstan counts its dead\n\n"
            f"As Moscow's troops pull out of Kazakhstan, Ankara is discovering the limits of its influence in the region.\n\n"
            f"{name}\nJanuary 17, 2022\n\nRead in: T\u00fcrk\u00e7e | English\n\n{LEAD}\n\n{BODY}\n")
    assert infer_byline_and_wire(classify_lines(text, ref).lines, {})[0] == author


def test_a_headline_of_three_words(ref):
    text = f"FOREIGN POLICY\nLatest | Magazine | Podcasts\n\nArgument\n\nKazakhstan's Coronation Election\n\nBy Katherine Lind\n\n{LEAD}\n\n{BODY}\n"
    assert classify_lines(text, ref).title == "Kazakhstan's Coronation Election"
    # three words opening the page above the headline are a masthead's
    text = f"The Steppe Times\nKazakh police detain hundreds to stifle land protests\nPosted : 2016-05-22 16:48\n\n{LEAD}\n\n{BODY}\n"
    assert classify_lines(text, ref).title == "Kazakh police detain hundreds to stifle land protests"


@pytest.mark.parametrize("line,role,rule", [
    ("Reuters, AFP and AP reported that police detained 30 people in Almaty on Sunday after the polls closed.", "body", "default_body"),
    ("By Julia Hofer \u00b7 Swissinfo", "byline", "by_prefix"),
    ("Keystone-SDA/AFP/ts", "byline", "credit_line"),
    ("7 March 2024 \u00b7 7 min read", "byline", "date_line"),
])
def test_review_cases_for_credits_bylines_and_breadcrumbs(line, role, rule, ref):
    doc = classify_lines(f"Kazakh police detain hundreds in Almaty\n\n{line}\n\n{LEAD}\n\n{BODY}\n", ref)
    assert next((l.role, l.rule) for l in doc.lines if l.text == line) == (role, rule)


@pytest.mark.parametrize("line,rule", [
    ("Published: 23 September 2004 15:41 CEST+02:00", "date_line"),  # a time zone and its offset
    ("Posted on January 11, 2021 by The Sofia Globe staff", "date_line"),  # a credit after the date
    ("Vol. XIX No. 214 200 Baizas", "issue_line"),  # a print edition's issue line
    ("Friday 24 August 2007 \u00b7 Edition No. 1,184 \u00b7 Free", "date_line"),  # ... after its date: the date line
    ("Published: 5 January 2022, 10:20 +0600", "date_line"),  # an offset after a space
    ("27 April 2015 \u00b7 by Julia Hofer \u00b7 News \u00b7 2 comments", "dated_byline"),
])
def test_date_lines_with_zones_credits_and_issue_lines(line, rule, ref):
    doc = classify_lines(f"{line}\nKazakh police detain hundreds in Almaty\n\n{LEAD}\n\n{BODY}\n", ref)
    assert next(l.rule for l in doc.lines if l.text == line) == rule


def test_a_section_after_a_date_names_no_writer(ref):
    doc = classify_lines(f"Kazakh police detain hundreds in Almaty\n\n14 December 2021 - Central Asia\n\n{LEAD}\n\n{BODY}\n", ref)
    assert next(l.rule for l in doc.lines if l.text.startswith("14 December")) != "dated_byline"


def test_an_agencies_credit_between_a_standfirst_and_the_lead_does_not_push_the_headline_from_it(ref):
    text = ("Kazakh president's party sweeps all seats in parliament\nOpposition cries foul as no rival clears the barrier\n\n"
            f"AFP, Reuters, Astana\n\n{LEAD}\n\n{BODY}\n")
    doc = classify_lines(text, ref)
    assert doc.title == "Kazakh president's party sweeps all seats in parliament"
    assert [line.role for line in doc.lines if line.text.startswith(("Opposition", "AFP"))] == ["standfirst", "byline"]


def test_a_stamp_of_the_pages_age_does_not_push_the_headline_from_the_lead(ref):
    text = ("World\nKazakh crackdown leaves 164 dead and nearly 8,000 in custody, officials say\n"
            "President blames terrorists for the violence as troops guard key sites\nBy Dana Omarova\n"
            f"Mon., Jan. 10, 2022\nArticle was updated 3 yrs ago\n\n{LEAD}\n\n{BODY}\n")
    assert classify_lines(text, ref).title.startswith("Kazakh crackdown leaves 164 dead")


def test_a_caption_credited_in_brackets_is_no_headline(ref):
    caption = "President Nursultan Nazarbayev greets supporters in Astana, Jan. 15, 2012. (Xinhua/Aibek Nurov)"
    doc = classify_lines(f"World\n\nKazakh ruling party wins landslide in parliamentary vote\n\n{caption}\n\n{LEAD}\n\n{BODY}\n", ref)
    assert doc.title == "Kazakh ruling party wins landslide in parliamentary vote"
    assert next(line.role for line in doc.lines if line.text == caption) == "caption"


def test_a_transcript_between_time_codes_is_no_bracketed_caption(ref):
    """A line in brackets is a caption ("[Voters cast ballots. [AFP]]"); one that runs from one time code
    to another ("[00:00:00] good evening ... [00:28:12]") is a transcript's text."""
    transcript = "[00:00:00] good evening, police detained about five hundred people in almaty today. [00:28:12]"
    caption = "[Voters cast ballots in Almaty. [Ilyas Omarov/AFP]]"
    found = roles(f"Kazakh ruling party wins landslide in parliamentary vote\n\n{caption}\n\n{LEAD}\n\n{transcript}\n\n{BODY}\n", ref)
    assert found[caption] == ("caption", "bracketed") and found[transcript][0] == "body"


def test_a_headline_about_the_cold_and_one_above_share_buttons_stay_headlines(ref):
    doc = classify_lines(f"Kazakhs brave -30\u00b0C frost to vote in snap parliamentary election\n\n{LEAD}\n\n{BODY}\n", ref)
    assert doc.title.startswith("Kazakhs brave")
    doc = classify_lines(f"Steppe Herald\nKazakh ruling party keeps its majority in the vote\nFacebook | Twitter | Email\n"
                         f"By Dana Omarova\n\n{LEAD}\n\n{BODY}\n", ref)
    assert doc.title == "Kazakh ruling party keeps its majority in the vote"


def test_a_caption_credited_after_a_bar_and_share_buttons_after_a_colon_do_not_push_the_headline(ref):
    text = ("World\nKazakh police detain hundreds more as protests spread\nMinistry puts two-day tally near 700 as count gives heir 70 percent\n"
            "By Aidos Serikov\nJun 11, 2019\nShare: Facebook Twitter Email\nPolice detain a protester in Almaty on Monday. | REUTERS\n\n"
            f"{LEAD}\n\n{BODY}\n")
    assert classify_lines(text, ref).title == "Kazakh police detain hundreds more as protests spread"


def test_a_menu_of_section_words_and_a_menu_item_are_no_headline(ref):
    text = ("Steppe Herald\nMonday, 4 March 2024\nNews Analysis Opinion Features Culture Podcasts Newsletters\n\n"
            f"Kazakh police detain hundreds after the vote in Almaty\n\n{LEAD}\n\n{BODY}\n")
    assert classify_lines(text, ref).title == "Kazakh police detain hundreds after the vote in Almaty"
    text = ("Steppe Herald\nMonday, 4 March 2024\nPolitics | EU & the World | Rule of Law\n\nEU & the World\n"
            f"Kazakh reform vote leaves partners unconvinced\n\n{LEAD}\n\n{BODY}\n")
    assert classify_lines(text, ref).title == "Kazakh reform vote leaves partners unconvinced"
    # a headline in Title Case names no section
    text = f"Kazakh Ruling Party Claims Big Win\nObservers Cite Pressure on Voters\n\nBy A. Writer\n\n{LEAD}\n\n{BODY}\n"
    assert classify_lines(text, ref).title == "Kazakh Ruling Party Claims Big Win"


def test_labelled_credits_a_weather_line_and_a_tagline_above_the_menu_are_no_headline(ref):
    from kzresearch.metadata import agency_index, infer_byline_and_wire, wire_services

    headline = "Kazakh police detain hundreds after the vote in Almaty"
    for label, author in [("Article by: DANA OMAROVA , Associated Press", "Dana Omarova"),
                          ("Text: Dana Omarova | Translation: Aidos Serikov", "Dana Omarova")]:
        doc = classify_lines(f"Steppe Herald\nHome | World | Politics\nAstana, KZ -8\u00b0 Partly cloudy\n\n{headline}\n\n{label}\n\n{LEAD}\n\n{BODY}\n", ref)
        assert doc.title == headline, label
        assert infer_byline_and_wire(doc.lines, agency_index(ref), wire_services(ref))[0] == author
    assert next(line.rule for line in doc.lines if "Partly" in line.text) == "weather_widget"
    doc = classify_lines(f"{headline}\n\nBy A. Writer\nSeptember 28, 2004\nPosted in: World, Our Region\n\n{LEAD}\n\n{BODY}\n", ref)
    assert doc.title == headline
    # a masthead's tagline stands above the site's menu, as a headline never does; and it names no author
    doc = classify_lines(f"STEPPE DAILY\nCentral Asia's Daily News in English\nHome | World | Politics | Business\n\n{headline}\n\n{LEAD}\n\n{BODY}\n", ref)
    assert doc.title == headline
    assert all(line.role != "byline" for line in doc.lines[:3])


def test_a_date_with_a_desks_credit_is_a_date_line_and_a_web_archives_banner_is_furniture(ref):
    from kzresearch.metadata import agency_index, dateline_published, infer_byline_and_wire, infer_outlet, wire_services

    text = ("The Wayback Machine - https://web.archive.org/web/20191002081500/http://www.steppedaily.kz/world/1.html\n"
            "2 October 2019, Wednesday\nSTEPPE DAILY\nHome | National | World | Business | Archive\n"
            "Kazakh leader re-elected with landslide in snap vote\n"
            "12 March 2016, Saturday / STEPPE DAILY WITH AFP, ASTANA\n\n"
            f"{LEAD}\n\n{BODY}\n")
    doc = classify_lines(text, ref)
    assert doc.lines[0].rule == "archive_banner"
    assert doc.lines[5].rule == "date_line"
    assert dateline_published(doc.lines).value == "2016-03-12"
    assert infer_byline_and_wire(doc.lines, agency_index(ref), wire_services(ref)) == (None, ["AFP"])
    assert infer_outlet(doc.lines, ref)[0] == "Steppe Daily"


def test_a_players_times_are_no_text(ref):
    doc = classify_lines(f"Kazakh police detain hundreds after the vote in Almaty\n\nListen to this article\n0:00 / 4:12\n\n{LEAD}\n\n{BODY}\n", ref)
    assert next(line.role for line in doc.lines if line.text == "0:00 / 4:12") == "media"


def test_headlines_that_look_like_widgets_credits_or_banners_stay_headlines(ref):
    for headline in ("Voters defy bitter -25\u00b0C morning frost", "Report by OSCE observers faults Kazakh vote",
                     "Kazakh President Talks with Reuters"):
        assert classify_lines(f"{headline}\n\n{LEAD}\n\n{BODY}\n", ref).title == headline
    # a headline under the site's menu with a row of tags below it is no masthead
    text = f"Steppe Courier\nHome | News | Politics | Economy | Sport\nTokayev wins second term in the vote\nKazakhstan | Elections | Central Asia\n\n{LEAD}\n\n{BODY}\n"
    assert classify_lines(text, ref).title == "Tokayev wins second term in the vote"
    # a sentence that opens with "Text:" and one that cites an archived page are text
    doc = classify_lines(f"Kazakh police detain hundreds after the vote\n\nText: the statement was not published until Tuesday evening.\n\n"
                         f"An archived copy, at web.archive.org/web/2011 shows the figure was changed.\n\n{LEAD}\n", ref)
    assert [line.role for line in doc.lines if line.text.startswith(("Text:", "An archived"))] == ["body", "body"]


def test_a_boxs_label_under_the_headline_is_no_writer(ref):
    doc = classify_lines(f"Kazakh police detain hundreds after the vote in Almaty\n\nKey Points\n{LEAD}\n\n{BODY}\n", ref)
    assert all(line.role != "byline" for line in doc.lines)


def test_a_site_today_above_the_headline_yields_to_the_storys_own_date(ref):
    from kzresearch.metadata import agency_index, dateline_published, infer_byline_and_wire, infer_outlet, wire_services

    # an agency's masthead and "Last update" above the headline; its slashed dateline opens the story
    text = ("STEPPE Information Agency\nHome | Politics | Economy | Region\nLast update: 14.03.2025 10:12\n\n"
            "Death toll in oil town clashes reaches 14\n\n"
            f"Baku/20.12.11/Steppe: {LEAD}\n\n{BODY}\n\nCopyright © 1990-2025 STEPPE Information Agency\n")
    doc = classify_lines(text, ref)
    assert dateline_published(doc.lines).value == "2011-12-20"
    assert infer_outlet(doc.lines, ref)[0] == "Steppe"
    # a site's today over its menu; the headline with a wire's "By" line, a box's label and share buttons below
    text = ("Steppe Nation\nThursday, April 10, 2025\nHome | News | Business | Politics | World\n"
            "You are here: Home > News > World\nKazakh toll rises as unrest spreads in the oil region\nBy REUTERS\n"
            "Posted Monday, December 19 2011 at 21:12\nIn Summary\n\u2022 Prosecutors raise the toll to 14\n"
            f"Share Bookmark Print Rating\n\n{LEAD}\n\n{BODY}\n")
    doc = classify_lines(text, ref)
    assert doc.title == "Kazakh toll rises as unrest spreads in the oil region"
    assert dateline_published(doc.lines).value == "2011-12-19"
    assert infer_byline_and_wire(doc.lines, agency_index(ref), wire_services(ref))[0] is None
    assert [line.rule for line in doc.lines if line.text.startswith(("You are", "Share"))] == ["breadcrumb", "share_buttons"]


def test_a_blog_themes_date_a_market_ticker_and_a_tagline_above_a_spaced_menu_are_no_headline(ref):
    from kzresearch.metadata import dateline_published

    text = ("Steppe Online\nHome | News | Politics | World News\nHome \u00bb News \u00bb World News\n"
            "Tokayev wins second term with 81 per cent of vote\nCategory: World News\nApr - 27 - 2015 , 14:20\n"
            f"Author: Dana Omarova\n\n{LEAD}\n\n{BODY}\n")
    doc = classify_lines(text, ref)
    assert doc.title == "Tokayev wins second term with 81 per cent of vote"
    assert dateline_published(doc.lines).value == "2015-04-27"
    text = ("Steppe24\nHome | News | Politics\nASE All Share \u25b2 0.42% T/$ 448.71 \u25bc Brent $64.90 \u25b2\n"
            f"World / News\nKazakhstan raises death toll from unrest to 225\n{LEAD}\n\n{BODY}\n")
    assert classify_lines(text, ref).title == "Kazakhstan raises death toll from unrest to 225"
    text = ("Steppe Forum\nEconomics, Politics and Public Policy in Central Asia\n\nHOME REGIONS ISSUES ABOUT SUBSCRIBE SEARCH\n\n"
            f"Tokayev's landslide leaves reform promises in limbo\n\nPublished: 14 December 2022\n\n{LEAD}\n\n{BODY}\n")
    assert classify_lines(text, ref).title == "Tokayev's landslide leaves reform promises in limbo"


def test_a_sections_label_before_the_time_and_date_is_a_date_line(ref):
    from kzresearch.metadata import dateline_published

    text = (f"STEPPE NEWS\nHome | World | Region\n08.04.2025 USD 391.04 \u25bc EUR 426.88 \u25b2\n\nWorld 16:48, 11 January 2022\n\n"
            f"Kazakhstan says thousands detained as troops begin to withdraw\n\n{LEAD}\n\n{BODY}\n")
    doc = classify_lines(text, ref)
    assert dateline_published(doc.lines).value == "2022-01-11"


def test_a_writer_before_the_stamp_a_report_by_line_and_a_contributing_credit(ref):
    from kzresearch.metadata import agency_index, infer_byline_and_wire, wire_services

    def byline_and_wire(text: str) -> tuple:
        return infer_byline_and_wire(classify_lines(text, ref).lines, agency_index(ref), wire_services(ref))

    text = (f"Kazakhstan cracks down on land protests, detaining hundreds\nDana Omarova, STEPPE TODAY Published 6:02 p.m. ET "
            f"May 23, 2016 | Updated 8:47 a.m. ET May 24, 2016\n\n{LEAD}\n\n{BODY}\n\nContributing: The Associated Press\n")
    assert byline_and_wire(text) == ("Dana Omarova", ["AP"])
    text = f"Steppe News\nHome | World | Politics\n\nDeath toll rises in oil town as curfew is imposed\nReport by Dominic Harte, Steppe News\n\n{LEAD}\n\n{BODY}\n"
    assert byline_and_wire(text)[0] == "Dominic Harte"
    text = (f"Tokayev's landslide leaves reform promises in limbo\nAuthor: Aliya Omarova, Al-Farabi Kazakh National University\n\n"
            f"{LEAD}\n\n{BODY}\n\nSteppe Chronicle, based on reports by Reuters and Interfax\n")
    assert byline_and_wire(text)[0] == "Aliya Omarova" and sorted(byline_and_wire(text)[1]) == ["Interfax", "Reuters"]


def test_short_figure_headlines_stay_headlines_and_a_sidebar_time_does_not_date_a_page(ref):
    from kzresearch.reading import _page_dates

    for headline in ("Tokayev wins 81%", "Kazakhstan 2022: Tokayev wins 81.3% of vote, turnout 69.4% | Reuters"):
        assert classify_lines(f"{headline}\n\n{LEAD}\n\n{BODY}\n", ref).title == headline
    page = ('<html><head><meta property="article:published_time" content="2022-11-21T10:00:00Z">'
            '<meta property="og:updated_time" content="2022-11-21T12:00:00Z"></head><body>'
            '<aside><time datetime="2022-11-18">18 Nov</time></aside><article><p>Text.</p></article></body></html>')
    assert _page_dates(page, "Text.", "2022-11-21") == ("2022-11-21", None)


def test_a_template_leftover_a_shared_item_a_house_after_a_writer_and_a_database_records_labels(ref):
    from kzresearch.metadata import agency_index, dateline_published, infer_byline_and_wire, wire_services

    text = ("Steppe Daily - Be Empowered\nFriday, 14 March 2025\nHome | News | World\n\nInternational\n\nKazakh ruling party sweeps snap poll\n\n"
            f"Tuesday, 22 March 2016 00:00 - - {{{{hitsCtrl.values.hits}}}}\n\n{LEAD}\n\n{BODY}\n")
    assert dateline_published(classify_lines(text, ref).lines).value == "2016-03-22"
    text = ("Steppe News\nHome | World | Politics\n\nKazakh police detain hundreds as protests fizzle under heavy security\n\n"
            f"By Kerry Lachance Steppe News\nPosted May 21, 2016 2:47 pm\n\nShare this item on Facebook\nShare this item on Twitter\n\n{LEAD}\n\n{BODY}\n")
    doc = classify_lines(text, ref)
    assert doc.title == "Kazakh police detain hundreds as protests fizzle under heavy security"
    assert infer_byline_and_wire(doc.lines, agency_index(ref), wire_services(ref)) == ("Kerry Lachance", [])
    text = (f"Document 14 of 52\n\nThe Steppe Times (Kazakhstan)\n\nDecember 6, 2005 Tuesday\nFinal Edition\n\n"
            f"Nazarbayev claims landslide as observers cry foul\n\nBYLINE: AFP; Reuters\n\n{LEAD}\n\n{BODY}\n")
    assert infer_byline_and_wire(classify_lines(text, ref).lines, agency_index(ref), wire_services(ref)) == (None, ["AFP", "Reuters"])


# --- blind sets 27 and 28: page furniture and headlines (pages written for these tests) -------
def test_a_weather_line_and_an_edition_line_are_furniture(ref):
    page = ("THE PORTUGAL TIMES ONLINE\nEdition 927 - Saturday, 25 August 2007\nHome | National | World | Property\n"
            "Lisbon today: sunny, 31\u00b0C / Porto 27\u00b0C\n\nWORLD\n\nKazakh ruling party takes every seat\n\n" + BODY)
    doc = classify_lines(page, ref)
    assert doc.title == "Kazakh ruling party takes every seat"
    # (a dated issue line is the page's date line)
    assert roles(page, ref)["Edition 927 - Saturday, 25 August 2007"] == ("byline", "date_line")
    assert roles("No. 239 (3001) \u00b7 19.12.2011, 00:04\n\n" + BODY, ref)["No. 239 (3001) \u00b7 19.12.2011, 00:04"] == ("byline", "date_line")
    assert roles("Edition 927\n\n" + BODY, ref)["Edition 927"] == ("boilerplate", "issue_line")
    # (not an issue a headline names)
    assert classify_lines("Parliament to revisit land issue 3 years after protests\n\n" + BODY, ref).title \
        == "Parliament to revisit land issue 3 years after protests"
    assert roles("Facebook Twitter WhatsApp SMS Email Print Save\n\n" + BODY, ref)["Facebook Twitter WhatsApp SMS Email Print Save"][1] \
        == "share_buttons"


def test_a_standfirst_and_the_writers_under_a_headline_are_no_headline(ref):
    from kzresearch.metadata import infer_byline_and_wire

    page = ("World / CIS\n\nNazarbayev takes 91% as his rivals cry foul\n\n"
            "Kazakhstan's president wins a new seven-year term; the opposition refuses to recognise the count\n\n"
            "Vadim Zhuravlev, Almaty\n\n" + BODY)
    doc = classify_lines(page, ref)
    assert doc.title == "Nazarbayev takes 91% as his rivals cry foul"
    assert infer_byline_and_wire(doc.lines, {})[0] == "Vadim Zhuravlev"
    page = ("Zhanaozen cracks the model of stability\n\n"
            "Deadly clashes in a western oil town expose the limits of a system that gave the president 95.5% in April\n\n"
            "Yelena Sadovnikova, Timur Akhmetov\n\n" + BODY + "\n\nSteppe Daily, with Interfax and Reuters")
    doc = classify_lines(page, ref)
    assert doc.title == "Zhanaozen cracks the model of stability"
    assert infer_byline_and_wire(doc.lines, {"interfax": "Interfax", "reuters": "Reuters"}) == (
        "Yelena Sadovnikova and Timur Akhmetov", ["Interfax", "Reuters"])
    # (a line of two sentences is a standfirst, not a headline)
    page = ("CEC approves final results: Amanat keeps its majority\n\n28 March 2023, 11:20\n\n"
            "Six parties will sit in the new lower house. Almaty again recorded the lowest turnout in the country\n\n" + BODY)
    assert classify_lines(page, ref).title == "CEC approves final results: Amanat keeps its majority"


def test_an_agency_next_to_the_date_and_reports_from_agencies_are_wires(ref):
    from kzresearch.metadata import infer_byline_and_wire

    agencies = {"associated press": "AP", "ap": "AP", "reuters": "Reuters"}
    doc = classify_lines("Kazakhstan says nearly 4,000 held in protests\n\nAssociated Press\nJun 19, 2019\n\n" + BODY, ref)
    assert infer_byline_and_wire(doc.lines, agencies) == (None, ["AP"])
    doc = classify_lines("Kazakhstan votes\n\n" + BODY + "\n\nWith reports from Reuters, AP and El Universal", ref)
    assert sorted(infer_byline_and_wire(doc.lines, agencies)[1]) == ["AP", "Reuters"]


def test_also_read_links_and_counted_comments_are_furniture(ref):
    page = ("Police detain hundreds as land protests spread\n\n" + BODY + "\n\n" + BODY + "\n\nAlso Read\n"
            "Kolkata: Over 1,200 held as Left Front stages rail roko\nThree killed in farmers' agitation in Maharashtra\n\n"
            "2 Comments\nRakesh K. | May 24, 2016 6:12 pm\nSame thing happened at Singur. Hundreds arrested for defending their land.\n\n"
            "[ALSO READ] Nandigram: 14 killed in police firing, CBI tells court")
    found = roles(page, ref)
    assert found["Also Read"][1] == "read_more"
    assert found["Three killed in farmers' agitation in Maharashtra"] == ("boilerplate", "link_list")
    assert found["Same thing happened at Singur. Hundreds arrested for defending their land."] == ("boilerplate", "reader_comment")
    assert found["Rakesh K. | May 24, 2016 6:12 pm"] == ("boilerplate", "reader_comment")
    assert found["[ALSO READ] Nandigram: 14 killed in police firing, CBI tells court"][1] == "read_more"


def test_the_us_as_written_is_no_outlet_speaking_of_itself(ref):
    line = "Radio Free Europe, the US-funded broadcaster, said more than 1,000 people had been apprehended across the country."
    doc = classify_lines(f"Kazakh police detain hundreds\n\n{LEAD}\n\n{line}\n\n{BODY}\n", ref)
    assert next(l.role for l in doc.lines if l.text == line) == "body"


def test_set_31_classes_a_stacked_menu_names_in_capitals_and_credits(ref):
    from kzresearch.metadata import infer_byline_and_wire

    agencies = {"afp": "AFP", "efe": "EFE", "reuters": "Reuters"}
    # a menu set one item a line under the site's tagline: the tagline is no headline
    page = ("Steppe News\nNews from the steppe in English\nPolitics\nSociety\nBusiness\nCulture\nSports\n"
            "Kazakhs describe days of fear as the death toll rises to 225\n\n" + BODY)
    assert classify_lines(page, ref).title == "Kazakhs describe days of fear as the death toll rises to 225"
    # a name in capitals below the headline; past a credited caption and the place written in
    doc = classify_lines("Nazarbayev's party takes every seat in Kazakh election\nRACHEL FENWICK\n" + BODY, ref)
    assert infer_byline_and_wire(doc.lines, agencies)[0] == "Rachel Fenwick"
    doc = classify_lines("Kazakhs describe days of fear as the death toll rises\nRiot police patrol a street in Almaty on 6 January 2022 (by Reuters)\n"
                         "Marta Vilalta Puig\nBarcelona\n17 January 2022 06:44 PM\n" + BODY, ref)
    assert infer_byline_and_wire(doc.lines, agencies)[0] == "Marta Vilalta Puig"
    # (not a section's name in capitals)
    doc = classify_lines("Nazarbayev's party takes every seat in Kazakh election\nWORLD NEWS\n" + BODY, ref)
    assert infer_byline_and_wire(doc.lines, agencies)[0] is None
    # a writer's address after the name; credits "with information from" and "contains reporting by"
    doc = classify_lines("Nazarbayev claims landslide in Kazakhstan\n\n" + BODY + "\nBy Tomás Ahumada (editor@example.cl)\n" + BODY, ref)
    assert infer_byline_and_wire(doc.lines, agencies)[0] == "Tomás Ahumada"
    doc = classify_lines("Tokayev re-elected with 81.31% of votes\n\n" + BODY + "\n*With information from AFP and EFE\n", ref)
    assert sorted(infer_byline_and_wire(doc.lines, agencies)[1]) == ["AFP", "EFE"]
    doc = classify_lines("Kazakh oil town counts its dead\n\n" + BODY + "\n*This article contains reporting by Reuters.\n", ref)
    assert infer_byline_and_wire(doc.lines, agencies)[1] == ["Reuters"]
    # "includes material from"; a writer "with agency reports"; the site's name before two agencies; agencies in
    # capitals ending the last paragraph
    doc = classify_lines("Kazakh oil town counts its dead\n\n" + BODY + "\nThis article includes material from Reuters and AFP.\n", ref)
    assert sorted(infer_byline_and_wire(doc.lines, agencies)[1]) == ["AFP", "Reuters"]
    found = roles("Kazakh oil town counts its dead\n\nThis report includes information from 120 polling stations, where observers "
                  "counted 4,000 ballots.\n" + BODY, ref)
    assert found["This report includes information from 120 polling stations, where observers counted 4,000 ballots."][0] != "byline"
    doc = classify_lines("Kazakh oil town counts its dead\nJanuary 17, 2022\nChiamaka Obiora with agency reports\n" + BODY, ref)
    assert infer_byline_and_wire(doc.lines, agencies)[0] == "Chiamaka Obiora"
    doc = classify_lines("Kazakh oil town counts its dead\n\n" + BODY + "\nBNN, Reuters, AFP\n", ref)
    assert sorted(infer_byline_and_wire(doc.lines, agencies)[1]) == ["AFP", "Reuters"]
    doc = classify_lines("Kazakh oil town counts its dead\n\n" + BODY + "\n\n" + BODY + " " + BODY + " REUTERS, AFP\n", ref)
    assert sorted(infer_byline_and_wire(doc.lines, agencies)[1]) == ["AFP", "Reuters"]


@pytest.mark.parametrize("heading, stamp", [
    ('2 Responses to "Kazakh Oil Town Counts Its Dead"', "Paulo R. says:"),
    ("Comments (3)", "Joe Camilleri \u00b7 11 June 2019 \u00b7 1:14pm"),
    ("Your comments", "Posted by steppe_watcher on 19 December 2011 at 21:14"),
])
def test_readers_comments_under_their_heading_and_a_commenters_stamp(heading, stamp, ref):
    comment = "Terrible. Dozens killed and the world looks away because of the oil."
    doc = classify_lines(f"Kazakh police detain hundreds\n\n{LEAD}\n\n{BODY}\n\n{heading}\n{stamp}\n{comment}\n", ref)
    assert next(l.role for l in doc.lines if l.text == comment) == "boilerplate"
    assert next(l.role for l in doc.lines if l.text == BODY) == "body"


def test_review_mends_for_comments_menus_and_names_in_capitals(ref):
    from kzresearch.metadata import credited_byline, infer_byline_and_wire

    # "Comments (0)" opens nothing, nor does a caption's date under a comments' heading
    caption = "Protesters in Almaty on 5 January 2022. Photo: AFP"
    doc = classify_lines(f"Kazakh police detain hundreds\n\n{LEAD}\n\nComments (0)\n{caption}\n{BODY}\n", ref)
    assert next(l.role for l in doc.lines if l.text == BODY) == "body"
    # a row of tags under a headline is no menu
    page = "Tokayev wins a new seven-year term in Kazakhstan\nKazakhstan\nElections\nTokayev\nAmanat\n\n" + LEAD + "\n\n" + BODY
    assert classify_lines(page, ref).title == "Tokayev wins a new seven-year term in Kazakhstan"
    # a kicker in capitals is no writer
    doc = classify_lines("Nazarbayev's party takes every seat in Kazakh election\nEXCLUSIVE INTERVIEW\n" + BODY, ref)
    assert infer_byline_and_wire(doc.lines, {})[0] is None
    # a particle ends a name as a name; ", Special to ..." is a role
    assert credited_byline("THUY LE, Associated Press", {"associated press": "AP"}, None) == ("Thuy Le", ["AP"])
    assert credited_byline("By Joanna Lillis, Special to Eurasianet", {}, None) == ("Joanna Lillis", [])


def test_title_case_headlines_in_a_related_list_may_end_in_a_full_stop(ref):
    links = ["The U.S. Sold $1.2 Billion in Weapons to Central Asia. Congress Barely Noticed.",
             "ICE Detained 52,000 People Last Month. Here's Where They Went."]
    doc = classify_lines(f"Kazakh police detain hundreds\n\n{LEAD}\n\n{BODY}\n\nRelated\n" + "\n".join(links) + "\n", ref)
    assert [l.role for l in doc.lines if l.text in links] == ["boilerplate", "boilerplate"]
    assert next(l.role for l in doc.lines if l.text == BODY) == "body"


REPLICA = """PressReader.com - Digital Newspaper & Magazine Subscriptions
Sign in
Catalog
Montreal Gazette
Latest issue: Sat, 12 Apr 2025
Montreal Gazette
21 Mar 2023
Kazakh ruling party keeps majority in reset vote
New parties enter parliament as turnout slumps in largest city
AIDANA YERGALIYEVA
Agence France-Presse
ASTANA - Kazakhstan's ruling Amanat party held on to its majority in parliamentary elections, preliminary results showed.
Amanat won 53.9 per cent in Sunday's vote for the Mazhilis, the Central Election Commission said on Monday.
Printed and distributed by PressReader"""


def test_a_replica_page_its_kiosks_title_a_dated_label_the_masthead_again_and_a_writer_over_an_agency(ref):
    found = roles(REPLICA, ref)
    # the kiosk's own title and a label's date are no headline; the masthead written again over the
    # date is no writer; the name in capitals over the agency is
    assert found["Kazakh ruling party keeps majority in reset vote"][0] == "title"
    assert found["Montreal Gazette"][0] != "byline"
    assert found["AIDANA YERGALIYEVA"] == ("byline", "author_below_headline")


def test_a_platforms_copy_is_credited_to_the_publication_it_names(ref):
    assert {"Yahoo News", "MSN", "PressReader", "inkl"} <= platform_outlets(ref)
    lines = classify_lines(REPLICA, ref).lines
    assert credited_outlet(lines, ref, "PressReader", [])[0] == "Montreal Gazette"
    msn = "MSN\nSign in\nFollow\nThe Week\nKazakhstan raises death toll from January unrest to 225\n" \
          "Story by Harriet Lowell \u2022 3y \u2022 3 min read\n" + BODY
    lines = classify_lines(msn, ref).lines
    assert credited_outlet(lines, ref, "MSN", [])[0] == "The Week"
    assert infer_byline_and_wire(lines, agency_index(ref), wire_services(ref))[0] == "Harriet Lowell"  # no age, no reading time
    yahoo = "Tokayev declared winner of Kazakh vote amid protest arrests\nNur-Sultan (AFP) - " + BODY
    lines = classify_lines(yahoo, ref).lines
    wire = infer_byline_and_wire(lines, agency_index(ref), wire_services(ref))[1]
    assert credited_outlet(lines, ref, "Yahoo News", wire)[0] == "AFP"
    assert credited_outlet(classify_lines("Big headline about the vote in Kazakhstan\n" + BODY, ref).lines, ref, "MSN", []) is None
    # the provider the page's JSON-LD names comes first; a platform named there is none
    lines = classify_lines("Big headline about the vote in Kazakhstan\n" + BODY, ref).lines
    assert credited_outlet(lines, ref, "MSN", [], provider="Daily Express")[0] == "Daily Express"
    assert credited_outlet(lines, ref, "MSN", [], provider="MSN") is None


def test_an_aggregators_page_names_its_provider_in_its_structured_data(tmp_path):
    page = ('<html><head><title>Tokayev wins referendum</title><script type="application/ld+json">'
            '{"@type": "NewsArticle", "publisher": {"@type": "Organization", "name": "MSN"}, '
            '"provider": {"@type": "Organization", "name": "Daily Express"}}</script></head>'
            '<body><article><h1>Tokayev wins referendum</h1><p>' + BODY + '</p><p>' + BODY + '</p></article></body></html>')
    (tmp_path / "copy.html").write_text(page, encoding="utf-8")
    [doc], _ = read_file(tmp_path / "copy.html", tmp_path)
    assert doc.meta["provider"] == "Daily Express"


def test_a_name_over_a_menu_stacked_a_section_a_line_is_the_sites_and_a_companys_notice_is_not(ref):
    page = ("Skip to main content\nHouston Daily Courier\nSign In\nSubscribe\nLocal\nTexas\nBusiness\nSports\n"
            "Kazakh police fire on striking oil workers\n" + BODY + "\n" + BODY + "\n\u00a92025 Hearst Newspapers, LLC")
    assert infer_outlet(classify_lines(page, ref).lines, ref)[0] == "Houston Daily Courier"


def test_a_widgets_label_beside_the_date_is_no_writer(ref):
    page = ("Kazakh police detain hundreds as protesters reject vote\nWritten By: Rhea Dasgupta\nUPDATED: Jun 11, 2019 09:12 IST\n"
            "In Short\nTune In\n" + BODY + "\n" + BODY)
    found = roles(page, ref)
    assert found["In Short"][0] != "byline" and found["Tune In"][0] != "byline"
    page = "Kazakh police detain hundreds as protesters reject vote\nTop Stories\nJune 11, 2019\n" + BODY + "\n" + BODY
    assert roles(page, ref)["Top Stories"][0] != "byline"


def test_reader_comments_under_a_count_with_stamps_of_age_or_time(ref):
    page = (BODY + "\n" + BODY + "\nJoin the conversation: 58 comments\njkw1961 \u00b7 2h\n54% turnout would be a record for our council\n"
            "Show Comments (142)\nCornPop | 5.23.16 @ 3:31PM | #\nHundreds arrested for standing around.")
    found = roles(page, ref)
    assert found["54% turnout would be a record for our council"][0] == "boilerplate"
    assert found["Hundreds arrested for standing around."][0] == "boilerplate"


def test_a_paragraph_with_a_quoted_phrase_a_comma_and_a_year_is_no_note(ref):
    line = "500 people, 'including journalists', were detained in Almaty and Nur-Sultan on June 9, 2019, the interior ministry said."
    assert roles(BODY + "\n" + line + "\n" + BODY, ref)[line][0] == "body"


def test_a_magazines_headline_in_title_case_with_its_full_stop_over_the_sites_tagline(ref):
    page = ("Mother Jones\nPolitics Environment Criminal Justice Media Food Podcasts Magazine\nSmart, fearless journalism\n"
            "NEWSLETTERS\nKazakhstan Promised Voters a \"New Kazakhstan.\" Most of Them Stayed Home.\n"
            "After a bloody January and a rewritten constitution, the first parliamentary vote drew few voters to the polls.\n"
            "Maddie Lindqvist\nMarch 21, 2023\n" + BODY + "\n" + BODY)
    found = roles(page, ref)
    assert found['Kazakhstan Promised Voters a "New Kazakhstan." Most of Them Stayed Home.'][0] == "title"
    assert found["Smart, fearless journalism"][0] != "title"


HEAD_WITH_A_NAME = """The Landslide and the Silence
The president has won again, and the congratulations from abroad say more about oil than about ballots.

Tereza Šťastná
Share on Facebook Share on X Copy link

ALMATY - Police detained about 30 people who gathered on the square after the vote, officials said on Monday.
Opposition groups said more than 100 had been held across the country.
Additional reporting by Reuters."""


def test_a_name_alone_under_a_headline_and_its_standfirst_is_the_writers(ref):
    found = roles(HEAD_WITH_A_NAME, ref)
    assert found["Tereza Šťastná"] == ("byline", "author_in_head")
    lines = classify_lines(HEAD_WITH_A_NAME, ref).lines
    assert infer_byline_and_wire(lines, agency_index(ref)) == ("Tereza Šťastná", ["Reuters"])
    # the place after a comma is no second writer; a country, a party and a widget's words are no name
    place = HEAD_WITH_A_NAME.replace("Tereza Šťastná", "Alistair Crane, Moscow producer")
    assert infer_byline_and_wire(classify_lines(place, ref).lines, agency_index(ref))[0] == "Alistair Crane"
    for label in ("Czech Republic", "Nur Otan", "Related Articles", "Key Points"):
        assert roles(HEAD_WITH_A_NAME.replace("Tereza Šťastná", label), ref)[label][0] != "byline"
    # a page whose byline is elsewhere keeps it
    signed = HEAD_WITH_A_NAME.replace("Additional reporting by Reuters.", "By Dana Omarova")
    assert roles(signed, ref)["Tereza Šťastná"][0] != "byline"


DIGEST = """Steppe Media Digest
Daily Kazakhstan items from the press
Contents:
1. Reuters: Kazakh police break up land protests, detain dozens
2. Interfax: Ministry calls journalists' detention a misunderstanding

#1
Reuters
May 21, 2016
Kazakh police break up land protests, detain dozens
ALMATY, May 21 (Reuters) - Police in Kazakhstan broke up protests against land reform in several cities on Saturday, detaining dozens of people.
At least 100 protesters gathered at a police cordon blocking the way to Republic Square in Almaty, the country's largest city, witnesses said.
Police briefly held two journalists and let them go after driving them a short distance in a van, their editors said.
#2
Interfax
May 21, 2016
ASTANA. May 21 (Interfax) - The Kazakh Interior Ministry on Saturday described the detention of journalists who were covering the rallies as a misunderstanding.
The Adil Soz foundation said in a statement that it had counted more than 30 journalists detained across the country on Saturday.
The Prosecutor General's Office had earlier warned that organisers of unsanctioned gatherings in any city would face all measures provided by law.
Copyright (c) 2016 Steppe Media Digest."""


def test_a_digests_contents_are_a_list_and_its_last_item_under_a_sources_name_no_footer(ref):
    found = roles(DIGEST, ref)
    assert found["1. Reuters: Kazakh police break up land protests, detain dozens"][0] == "boilerplate"
    assert found["Contents:"][0] == "boilerplate"
    kept = classify_lines(DIGEST, ref).text
    assert "it had counted more than 30 journalists detained" in kept
    # a name low on the page above a few short lines is still the footer's
    footed = "\n".join(DIGEST.splitlines()[:16]) + "\nInterfax\nAbout us | Contact | Advertise\nAll news on this site is checked twice."
    assert roles(footed, ref)["All news on this site is checked twice."] == ("boilerplate", "footer")


WORDPRESS_PAGE = """Skip to content
Home » World News
Kazakh oil town under curfew as riot death toll climbs to 15
by AFP
December 19, 2011 in World News
Share on Facebook Share on Twitter
E-mail article Print article Feedback
ALMATY - Kazakhstan raised the death toll from riots in its oil-producing west to 15 as police imposed a curfew.
The prosecutor-general's office said 14 people had been killed in Zhanaozen in Friday's violence."""


def test_a_blogs_category_after_its_date_share_rows_with_their_words_and_a_breadcrumb_of_one_step(ref):
    found = roles(WORDPRESS_PAGE, ref)
    assert found["December 19, 2011 in World News"] == ("byline", "date_line")
    assert found["Share on Facebook Share on Twitter"] == ("boilerplate", "share_buttons")
    assert found["E-mail article Print article Feedback"] == ("boilerplate", "share_buttons")
    assert classify_lines(WORDPRESS_PAGE, ref).title == "Kazakh oil town under curfew as riot death toll climbs to 15"


def test_a_desks_compiler_is_the_writer_of_its_agency_copy(ref):
    lines = classify_lines("Nur Otan sweeps Kazakh poll\nCompiled by BWALYA MUSONDA\n"
                           "ASTANA, Sunday - The ruling Nur Otan party won every seat in the lower house, officials said.", ref).lines
    assert infer_byline_and_wire(lines, agency_index(ref))[0] == "Bwalya Musonda"


def test_an_unknown_outlet_is_named_by_its_pages_address_as_the_page_spells_it(ref):
    lines = classify_lines("Kazakhstan: nearly 4,000 held after the vote\nPolice detained nearly 4,000 people, the minister said.\n"
                           "Follow Khaama Press on Twitter for the latest news.", ref).lines
    assert infer_outlet(lines, ref, url="https://www.khaama.com/kazakhstan-nearly-4000-detained-0448") == \
        ("Khaama Press", "the url's domain 'www.khaama.com'")
    # an archive's copy is the original site's; a host the page does not name is none
    lines = classify_lines("Kazakhstan: nearly 4,000 held after the vote\nPolice detained nearly 4,000 people, the minister said.\n"
                           "Read more on Steppe Post.", ref).lines
    assert infer_outlet(lines, ref, url="http://web.archive.org/web/20070823014512/http://www.steppepost.kz/news/1")[0] == "Steppe Post"
    assert infer_outlet(lines[:2], ref, url="https://archive.ph/a1B2c")[0] is None


def test_a_date_line_with_its_age_and_a_broadcasters_list_items_above_its_menu(ref):
    from kzresearch.cleaning import _is_date_line

    assert _is_date_line("Published 21 May 2016 (3 years 9 months 17 days ago)")
    lines = classify_lines("Skip to main content\n• Live\n• Audio Only\nNEWS | OPINION | ANALYSIS | MULTIMEDIA\n"
                           "Kazakh police detain scores as land protests defy the president\n"
                           "Security forces sealed off the main squares of Almaty and Astana on Saturday, detaining dozens.", ref).lines
    assert infer_outlet(lines, ref)[0] is None


def test_an_encyclopedias_tagline_names_it_and_a_letters_page_has_no_writer(ref):
    wiki = classify_lines("2011 Kazakh presidential election\nFrom Wikipedia, the free encyclopedia\nJump to navigation Jump to search\n"
                          "Early presidential elections were held in Kazakhstan on 3 April 2011, more than a year before they were due.", ref).lines
    assert infer_outlet(wiki, ref)[0] == "Wikipedia"
    assert infer_byline_and_wire(wiki, agency_index(ref))[0] is None
    letters = classify_lines("Ten years after Zhanaozen, the oil workers deserve the truth\nBy Readers' Letters\n"
                             "Sir, - Ten years ago yesterday I was sitting in a contractor's office in Aktau when the news came.", ref).lines
    assert infer_byline_and_wire(letters, agency_index(ref))[0] is None


def test_a_pictured_caption_is_no_headline_and_a_citations_stamp_dates_the_page(ref):
    from kzresearch.metadata import dateline_published

    lines = classify_lines("Obituaries\nBMJ 2021; 372 doi: https://doi.org/10.1136/bmj.n488 (Published 24 February 2021)\n"
                           "Gulnara Seitkali in 1991, photographed for a local newspaper\n"
                           "Gulnara Seitkali grew up in a village 120 km from the test site, where the Soviet Union set off 456 explosions.", ref).lines
    roles = {line.text[:20]: (line.role, line.rule) for line in lines}
    assert roles["Gulnara Seitkali in "] == ("caption", "pictured_caption")
    assert roles["BMJ 2021; 372 doi: h"] == ("byline", "date_line")
    assert dateline_published(lines).value == "2021-02-24"
    # (a sentence with the participle, and one that says when something was published, are neither; nor a headline
    # going on past the participle, nor a sentence with its stamp)
    sentences = classify_lines("Tokayev, pictured in Astana, said on Monday that he would stand again.\n"
                               "The report was published on 24 February 2021 by the ministry.\n"
                               "Opposition leader, pictured in 2019, detained in Almaty\n"
                               "Police say 40 people were detained overnight (Published 24 February 2021)", ref).lines
    assert all(line.role != "caption" and line.rule != "date_line" for line in sentences)


def test_a_writers_post_after_the_name_is_no_second_writer(ref):
    lines = classify_lines("Riots, Russian troops and a shoot to kill order: what we know so far\nJack Maxwell, Foreign News Reporter\n"
                           "Published: 9:41, 6 Jan 2022\nKazakhstan has been rocked by its worst unrest since independence, officials said.", ref).lines
    assert [(line.role, line.rule) for line in lines if line.text.startswith("Jack")] == [("byline", "author_in_place")]
    assert infer_byline_and_wire(lines, agency_index(ref))[0] == "Jack Maxwell"
    assert credited_byline("Takeshi Ono / Yomiuri Shimbun Correspondent", {}, None) == ("Takeshi Ono", [])
    # (a headline's verb of saying before the post is no writer's: "..., Says Editor")
    lines = classify_lines("Tokayev Sacks Government, Says Editor\nKazakhstan's president dismissed the cabinet on Wednesday, officials said.", ref).lines
    assert lines[0].role == "title"


def test_tools_to_pass_a_story_on_and_a_masthead_spelling_out_its_initials(ref):
    text = "Nur Otan sweeps snap vote as exit polls and commission agree\nby Nadia Bruschi\nSend to a friend\nPrintable version\n" + BODY
    found = roles(text, ref)
    assert found["Send to a friend"][0] == found["Printable version"][0] == "boilerplate"
    assert found["Nur Otan sweeps snap vote as exit polls and commission agree"][0] == "title"
    # (initials and the name they abbreviate: a masthead, no dateline's credit)
    found = roles("BNN \u2013 Baltic News Network\n\nWorld\n\n" + text, ref)
    assert found["BNN \u2013 Baltic News Network"] != ("byline", "dateline_credit")
    assert roles("ALMATY \u2013 Kazinform, Nurlan Abdrakhmanov\n\n" + BODY, ref)["ALMATY \u2013 Kazinform, Nurlan Abdrakhmanov"][1] == "dateline_credit"


def test_a_line_citing_an_outlet_is_news_whoever_we_are(ref):
    """An outlet and "we" in one line is the outlet promoting itself; not where the line cites it as a
    source, as a correspondent on air does ("state television, Khabar 24, reported ...")."""
    cited = ("KOVALENKO: We also saw a figure of 12 officers killed in Almaty. And state television, Khabar 24, "
             "reported 182 people injured in the region.")
    according = "We were told that, according to Reuters, about 40 people were detained in Almaty on Sunday."
    relaying = "Relaying Tengrinews, the Polish-based broadcaster Belsat wrote that thousands marched; our interviewees saw fewer."
    promotion = "Eurasianet is where we tell the stories of Central Asia."
    thanks = "Thanks to readers who told The Independent they value our journalism, we can keep going."
    found = roles(f"Kazakh ruling party wins landslide in parliamentary vote\n\n{LEAD}\n\n{cited}\n\n{according}\n\n{relaying}\n\n"
                  f"{promotion}\n\n{thanks}\n\n{BODY}\n", ref)
    assert found[cited][0] == found[according][0] == found[relaying][0] == "body"
    assert found[promotion] == ("boilerplate", "outlet_self_promotion") and found[thanks][0] == "boilerplate"


def test_a_platforms_prompt_to_read_in_its_app_is_no_headline(ref):
    text = "Open in app\nSign up\nSign in\n\nPolice detain dozens at Almaty rally\n\n" + BODY
    doc = classify_lines(text, ref)
    assert roles(text, ref)["Open in app"] == ("boilerplate", "app_prompt") and doc.title == "Police detain dozens at Almaty rally"


def test_a_blogs_date_and_author_after_a_dot_is_a_date_line(ref):
    from kzresearch.cleaning import _is_date_line

    assert _is_date_line("22.03.2023 \u00b7 Gulnara Weiss, Board") and _is_date_line("Jan 14, 2022 \u00b7 8 min read")
    assert not _is_date_line("News \u00b7 Politics") and not _is_date_line("Tokayev wins \u00b7 81% of the vote")
