"""Results tables of HTML pages and of texts typed with bars or tabs: found, written as lines, and read by the
results extractor."""
from __future__ import annotations

import datetime as dt

from kzresearch.claims import DocContext, extract_results
from kzresearch.results_tables import with_html_tables, with_text_tables

RESULTS = ("<table><caption>Final results</caption><thead><tr><th>Party</th><th>Votes</th><th>%</th><th>Seats</th>"
           "<th>% in 2012</th></tr></thead><tbody>"
           "<tr><td>Nur Otan</td><td>6,183,757</td><td>82.20</td><td>84</td><td>80.99</td></tr>"
           "<tr><td>Ak Zhol</td><td>540,406</td><td>7.18</td><td>7</td><td>7.47</td></tr>"
           "<tr><td>Birlik</td><td>21,484</td><td>0.29</td><td>&ndash;</td><td>&ndash;</td></tr>"
           "<tr><td>Total (valid votes)</td><td>7,522,868</td><td>100.00</td><td>98</td><td></td></tr></tbody></table>")
TEXT = "The commission confirmed the result on Tuesday.\nObservers said voters lacked a genuine choice."


def test_a_results_table_is_set_in_after_the_paragraph_before_it():
    html = f"<p>The commission confirmed the result on Tuesday.</p>{RESULTS}<p>Observers said voters lacked a genuine choice.</p>"
    assert with_html_tables(TEXT, html).split("\n") == [
        "The commission confirmed the result on Tuesday.",
        "Nur Otan: 6,183,757 votes, 82.20%, 84 seats, 80.99% in 2012",
        "Ak Zhol: 540,406 votes, 7.18%, 7 seats, 7.47% in 2012",
        "Birlik: 21,484 votes, 0.29%",
        "Total (valid votes): 7,522,868 votes, 100.00%, 98 seats",
        "Observers said voters lacked a genuine choice.",
    ]


def test_a_table_the_text_cannot_place_goes_at_its_end():
    lines = with_html_tables(TEXT, f"<div>Sidebar</div>{RESULTS}").split("\n")
    assert lines[:2] == TEXT.split("\n") and lines[2].startswith("Nur Otan:")


def test_layout_tables_and_tables_of_other_figures_are_left_out():
    layout = ("<table><tr><td>Home | World</td><td>%</td></tr><tr><td>" + "Police detained dozens of people in Almaty on Sunday. " * 3
              + "</td><td>1</td></tr><tr><td>x</td><td>2</td></tr></table>")
    rates = "<table><tr><th>Currency</th><th>Rate</th></tr><tr><td>USD</td><td>385.6</td></tr><tr><td>EUR</td><td>421.3</td></tr></table>"
    for html in (layout, rates):
        assert with_html_tables(TEXT, html) == TEXT


def test_a_results_table_inside_a_layout_table_is_read():
    html = f"<table><tr><td><p>The commission confirmed the result on Tuesday.</p>{RESULTS}</td></tr></table>"
    assert with_html_tables(TEXT, html).split("\n")[1] == "Nur Otan: 6,183,757 votes, 82.20%, 84 seats, 80.99% in 2012"


def test_a_captions_year_running_numbers_and_spaced_thousands():
    html = ("<table><caption>Mazhilis election of 2012</caption><tr><th>No.</th><th>Party</th><th>Votes</th><th>%</th></tr>"
            "<tr><td>1</td><td>Nur Otan</td><td>5 621 401</td><td>80,99</td></tr>"
            "<tr><td>2</td><td>Ak Zhol</td><td>518 405</td><td>7,47</td></tr></table>")
    assert with_html_tables(TEXT, html).split("\n")[2:] == ["Nur Otan: 5621401 votes in 2012, 80,99% in 2012",
                                                               "Ak Zhol: 518405 votes in 2012, 7,47% in 2012"]


def test_a_table_is_read_from_a_page_through_the_html_reader():
    from kzresearch.reading import _extract_html

    body = "".join(f"<p>{'Police detained dozens of people in Almaty on Sunday, officials said. ' * 3}</p>" for _ in range(4))
    html = (f"<html><head><title>Nur Otan wins</title></head><body><article><h1>Nur Otan wins</h1>{body}"
            f"<p>The commission confirmed the result on Tuesday.</p>{RESULTS}<p>Observers disagreed.</p></article></body></html>")
    assert "Nur Otan: 6,183,757 votes, 82.20%, 84 seats, 80.99% in 2012" in _extract_html(html)[0].split("\n")


def test_a_table_rows_figures_are_its_partys_of_its_columns_election(ref):
    # (a row of no party, candidate or region is no results table's: "Inflation: 8.4%, 7.1% in 2015")
    text = ("Nur Otan won the snap election.\nNur Otan: 6,183,757 votes, 82.20%, 84 seats, 80.99% in 2012\n"
            "Total (valid votes): 7,522,868 votes, 100.00%, 98 seats\nAtyrau Region: 76.4%, 81.2% in 2012\n"
            "Inflation: 8.4%, 7.1% in 2015\nKazakhstan: 3.5%, 4.1% in 2015\n")
    rows = extract_results(text, DocContext("doc", "2016-03-20-parliamentary", dt.date(2016, 3, 22)), ref)
    assert [(r["phrase"], r["subject"], r["measure"], r["value"], r["election_id"], r["scope"]) for r in rows] == [
        ("82.20%", "Nur Otan", "vote_share", 82.2, "2016-03-20-parliamentary", None),
        ("84 seats", "Nur Otan", "seats", 84, "2016-03-20-parliamentary", None),
        ("80.99%", "Nur Otan", "vote_share", 80.99, "2012-01-15-parliamentary", None),
        ("76.4%", "turnout", "turnout", 76.4, "2016-03-20-parliamentary", "Atyrau Region"),
        ("81.2%", "turnout", "turnout", 81.2, "2012-01-15-parliamentary", "Atyrau Region"),
    ]


YEARS = """Here's the full record:

Year | Winner | Winner's share | Runner-up | Runner-up's share | Turnout
1991 | Nursultan Nazarbayev | 98.78% | (uncontested) | \u2013 | 88.23%
1999 | Nursultan Nazarbayev | 79.78% | Serikbolsyn Abdildin | 11.70% | 87.05%
2022 | Kassym-Jomart Tokayev | 81.31 percent | Zhiguli Dairabayev | 3.42 percent | 69.44 percent

Note that turnout is not directly comparable."""


def test_a_table_typed_with_bars_is_written_as_lines_a_candidate_and_the_turnout_of_each_year():
    assert with_text_tables(YEARS).split("\n") == [
        "Here's the full record:", "",
        "Nursultan Nazarbayev: 98.78% in 1991", "Turnout: 88.23% in 1991",
        "Nursultan Nazarbayev: 79.78% in 1999", "Serikbolsyn Abdildin: 11.70% in 1999", "Turnout: 87.05% in 1999",
        # (a share keeps the word its cell wrote it with)
        "Kassym-Jomart Tokayev: 81.31 percent in 2022", "Zhiguli Dairabayev: 3.42 percent in 2022", "Turnout: 69.44 percent in 2022",
        "", "Note that turnout is not directly comparable."]


def test_a_markdown_table_and_a_tab_separated_one_are_read():
    markdown = "| Party | Votes | % | Seats |\n|---|---:|---:|---:|\n| Amanat | 3,432,130 | 53.90 | 40 |\n| Auyl | 684,086 | 10.90 | 8 |"
    assert with_text_tables(markdown).split("\n") == ["Amanat: 3,432,130 votes, 53.90%, 40 seats", "Auyl: 684,086 votes, 10.90%, 8 seats"]
    assert with_text_tables(markdown.replace(" | ", "\t").replace("| ", "").replace(" |", "")).split("\n")[-1] == "Auyl: 684,086 votes, 10.90%, 8 seats"


def test_menus_and_tables_of_other_figures_typed_with_bars_are_left_as_they_are():
    for text in ("Home | World | Business | Sport\nPolice detained dozens of people.",
                 "Currency | Buy | Sell\nUSD | 385.6 | 386.1\nEUR | 421.3 | 422.0",
                 "A | B\nThe line above has two cells only."):
        assert with_text_tables(text) == text


def test_a_year_rows_line_is_the_candidates_figure_of_that_years_vote_of_the_storys_kind(ref):
    text = "Tokayev won the snap presidential election.\n" + with_text_tables(YEARS.split("\n\n")[1])
    rows = extract_results(text, DocContext("doc", "2022-11-20-presidential", dt.date(2022, 11, 21)), ref)
    assert [(r["phrase"], r["subject"], r["measure"], r["value"], r["election_id"]) for r in rows][2:6] == [
        ("79.78%", "Nursultan Nazarbayev", "vote_share", 79.78, "1999-01-10-presidential"),
        ("11.70%", "Serikbolsyn Abdildin", "vote_share", 11.7, "1999-01-10-presidential"),
        ("87.05%", "turnout", "turnout", 87.05, "1999-01-10-presidential"),
        ("81.31 percent", "Kassym-Jomart Tokayev", "vote_share", 81.31, "2022-11-20-presidential"),
    ]


def test_a_text_documents_tables_are_read_through_the_file_reader(tmp_path):
    from kzresearch.reading import read_file

    (tmp_path / "a.txt").write_text(YEARS, encoding="utf-8")
    assert "Serikbolsyn Abdildin: 11.70% in 1999" in read_file(tmp_path / "a.txt", tmp_path)[0][0].text.split("\n")


def test_a_places_turnout_keeps_its_place_and_tables_of_other_shares_are_no_results():
    html = ("<table><tr><th>Region</th><th>Turnout %</th><th>Votes cast</th></tr><tr><td>Almaty Region</td><td>45.2</td>"
            "<td>100,000</td></tr><tr><td>Atyrau Region</td><td>60.1</td><td>90,000</td></tr></table>")
    assert with_html_tables("Text.", html).split("\n")[1:] == ["Almaty Region: 45.2%, 100,000 votes", "Atyrau Region: 60.1%, 90,000 votes"]
    for text in ("Year | Region | Share of GDP\n2019 | Almaty | 20.1%\n2021 | Almaty | 21.4%",
                 "Party | Seats | Women %\nAmanat | 62 | 19%\nAuyl | 8 | 12%",
                 "Candidate | Support %\nTokayev | 61%\nDairabayev | 3%"):
        assert "%" not in "".join(line for line in with_text_tables(text).split("\n") if ":" in line)


def test_a_fact_box_is_set_in_with_its_title_after_the_paragraph_before_it():
    """An encyclopaedia's definition list of figures becomes "label: value" lines: after the paragraph
    before it, with the box's own title; above the first paragraph, before the text that follows it. Pairs
    without a figure, and dates, are left out; a box the extractor kept is not set in twice."""
    html = ("<h1>Kazakhstan unrest of 2022</h1><aside><dl><dt>Deaths:</dt><dd>238 (official figure)</dd>"
            "<dt>Date:</dt><dd>January 2, 2022 - January 11, 2022</dd><dt>Key people:</dt><dd>Tokayev</dd></dl></aside>"
            "<p>Protests began in Zhanaozen on January 2.</p><p>A referendum followed in June.</p>"
            "<aside><div>Quick Facts: constitutional referendum (June 5, 2022)</div><dl><dt>Yes:</dt><dd>77.18%</dd>"
            "<dt>No:</dt><dd>18.66%</dd></dl></aside><p>Critics were unconvinced.</p>")
    text = "Protests began in Zhanaozen on January 2.\nA referendum followed in June.\nCritics were unconvinced."
    assert with_html_tables(text, html).split("\n") == [
        "Deaths: 238 (official figure)", "Protests began in Zhanaozen on January 2.", "A referendum followed in June.",
        "Quick Facts: constitutional referendum (June 5, 2022)", "Yes: 77.18%", "No: 18.66%", "Critics were unconvinced."]
    kept = "Protests began.\nDeaths: 238 (official figure)"
    assert with_html_tables(kept, "<p>Protests began.</p><dl><dt>Deaths:</dt><dd>238 (official figure)</dd></dl>") == kept


def test_a_fact_boxs_lines_are_read_as_figures(ref):
    text = ("Kazakhstan unrest of 2022\nDeaths: 238 (official figure)\nDetained: about 9,900\nArticles amended: 33\n"
            "Protests began in Zhanaozen on January 2.\nQuick Facts: Kazakh constitutional referendum (June 5, 2022)\n"
            "Yes: 77.18%\nNo: 18.66%\nTurnout: 68.05%")
    rows = extract_results(text, DocContext("doc", None, dt.date(2023, 1, 5)), ref)
    assert [(r["subject"], r["value"], r["election_id"]) for r in rows] == [
        ("Yes", 77.18, "2022-06-05-referendum"), ("No", 18.66, "2022-06-05-referendum"), ("turnout", 68.05, "2022-06-05-referendum")]
    from kzresearch.claims import extract_tallies
    tallies = extract_tallies(text, DocContext("doc", None, dt.date(2023, 1, 5)), ref)
    assert [(t["counted"], t["number"], t["qualifier"]) for t in tallies] == [("killed", 238, "exact"), ("detained", 9900, "approx")]


def test_a_table_aligned_by_spaces_under_a_rule_of_dashes_is_read():
    """Columns aligned by spaces, the header ruled off by a run of dashes a column: each column runs
    from its dashes; "~" (about) and a footnote's mark stay with their figures."""
    table = ("Year  Winner        Share     Turnout\n"
             "----  ------------  --------  -------\n"
             "1999  Nazarbayev    79.8%     ~87%\n"
             "2019  Tokayev       70.96%    77.4%*\n"
             "* preliminary turnout.")
    assert with_text_tables(table).split("\n") == [
        "Nazarbayev: 79.8% in 1999", "Turnout: ~87% in 1999", "Tokayev: 70.96% in 2019", "Turnout: 77.4% in 2019",
        "* preliminary turnout."]
    # (a rule under a line of text that is no table is left as it is)
    assert with_text_tables("Notes\n----  ----  ----\nNothing here.") == "Notes\n----  ----  ----\nNothing here."


def test_a_tilde_before_a_share_is_about(ref):
    rows = extract_results("Turnout: ~87% in 1999", DocContext("doc", None, dt.date(2024, 1, 10)), ref)
    assert [(r["measure"], r["value"], r["qualifier"]) for r in rows] == [("turnout", 87.0, "approx")]


def test_a_readers_poll_a_pages_metadata_and_a_share_bar_are_no_fact_boxes():
    text = "Protests began in Zhanaozen on January 2."
    poll = "<p>Protests began in Zhanaozen on January 2.</p><div>Readers' poll: should the vote go ahead?</div><dl><dt>Yes</dt><dd>45%</dd><dt>No</dt><dd>55%</dd></dl>"
    meta = "<p>Protests began in Zhanaozen on January 2.</p><dl><dt>Views:</dt><dd>1,234</dd><dt>Article ID:</dt><dd>885421</dd></dl>"
    titled = ("<p>Protests began in Zhanaozen on January 2.</p><div>Share this: Facebook Twitter</div>"
              "<dl><dt>Deaths:</dt><dd>238</dd><dt>Injured:</dt><dd>4,578</dd></dl>")
    assert with_html_tables(text, poll) == with_html_tables(text, meta) == text
    assert with_html_tables(text, titled).split("\n") == [text, "Deaths: 238", "Injured: 4,578"]
    # (terms and values left unclosed, as HTML allows, and a list many terms long, read in one pass)
    assert with_html_tables(text, "<p>Protests began in Zhanaozen on January 2.</p><dl><dt>Deaths<dd>238<dt>Injured<dd>4,578</dl>") \
        == "\n".join([text, "Deaths: 238", "Injured: 4,578"])
    assert with_html_tables(text, "<dl>" + "<dt>x" * 4000 + "</dl>") == text


def test_a_list_of_figures_the_extractor_dropped_is_set_in_after_its_paragraph():
    html = ("<html><body><article><h1>Timeline</h1><p>January 17 \u2013 The commission publishes the final results:</p>"
            "<ul><li>Nur Otan: 80.99% \u2013 83 seats</li><li>Ak Zhol: 7.47% \u2013 8 seats</li></ul>"
            "<p>The Social Democrats said they would not recognise the result.</p></article></body></html>")
    text = "Timeline\nJanuary 17 \u2013 The commission publishes the final results:\nThe Social Democrats said they would not recognise the result."
    assert with_html_tables(text, html).split("\n")[2:4] == ["Nur Otan: 80.99% \u2013 83 seats", "Ak Zhol: 7.47% \u2013 8 seats"]
    # (a list of links, of long items, or one without a figure of results is a menu or a list of stories)
    for items in ('<li><a href="/a">Nur Otan: 80.99%</a></li><li><a href="/b">Ak Zhol: 7.47%</a></li>',
                  "<li>Opinion</li><li>Sport 2</li><li>Weather</li>",
                  "<li>Tokayev meets Putin in Moscow 2023</li><li>Oil output rises 3 times</li>"):
        assert with_html_tables(text, html.replace(html[html.index("<ul>") + 4: html.index("</ul>")], items)) == text
    # (nor a widget's list: a sidebar's other statistics, another country's vote in an aside)
    for widget in ('<aside class="sidebar related-stories"><h3>Coronavirus</h3><ul><li>Cases: 120,345</li><li>Deaths: 1,650</li>'
                   '<li>Recovered: 98,000</li></ul></aside>',
                   "<aside><h3>Referendum in Russia, 2020</h3><ul><li>Yes: 77.92%</li><li>No: 21.27%</li></ul></aside>"):
        page = html.replace(html[html.index("<ul>"): html.index("</ul>") + 5], "").replace("</article>", widget + "</article>")
        assert with_html_tables(text, page) == text
