"""JSON Lines exports with their own field names: the curated keys of record_fields.yaml."""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from kzresearch.build import build
from kzresearch.reading import read_file
from kzresearch.records import RecordFields, unix_time_to_iso
from kzresearch.reference import load_reference

ARTICLE = "Police in Almaty detained dozens of protesters on Sunday, the Interior Ministry said."


@pytest.fixture(scope="module")
def fields() -> RecordFields:
    return RecordFields(load_reference().record_fields)


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        # trafilatura's JSON output: "source" is the page's address, "sitename" the outlet
        ({"title": "Protests", "author": "A. Writer", "date": "2019-06-10", "text": ARTICLE,
          "source": "https://example.org/p", "sitename": "Example News"},
         {"text": ARTICLE, "title": "Protests", "url": "https://example.org/p", "outlet": "Example News",
          "published": "2019-06-10", "byline": "A. Writer"}),
        # news-please
        ({"maintext": ARTICLE, "authors": ["A. Writer", "B. Writer"], "date_publish": "2019-06-10 08:12:00",
          "source_domain": "example.org", "url": "https://example.org/p"},
         {"text": ARTICLE, "url": "https://example.org/p", "outlet": "example.org", "published": "2019-06-10 08:12:00",
          "byline": "A. Writer, B. Writer"}),
        # NewsAPI: the outlet is an object
        ({"source": {"id": None, "name": "Reuters"}, "publishedAt": "2019-06-10T08:12:00Z", "content": ARTICLE},
         {"text": ARTICLE, "outlet": "Reuters", "published": "2019-06-10T08:12:00Z"}),
        # schema.org NewsArticle
        ({"headline": "Protests", "articleBody": ARTICLE, "datePublished": "2019-06-10",
          "author": {"@type": "Person", "name": "A. Writer"}, "publisher": {"@type": "Organization", "name": "Example"}},
         {"text": ARTICLE, "title": "Protests", "outlet": "Example", "published": "2019-06-10", "byline": "A. Writer"}),
        # a hand-rolled export: Unix seconds, key spelt in another case
        ({"Body": ARTICLE, "published_at": 1560154320, "site": "Example", "stories_id": 17},
         {"text": ARTICLE, "id": "17", "outlet": "Example", "published": "2019-06-10T08:12:00+00:00"}),
    ],
)
def test_known_export_formats_are_read(fields, record, expected):
    assert fields.read(record) == expected


def test_values_that_do_not_fit_a_field_are_passed_over(fields):
    found = fields.read({"text": "   ", "body": ARTICLE, "title": True, "url": "not an address", "link": "https://x.org/a",
                         "outlet": "https://x.org", "source": "Example", "published": 42, "date": 1560154320})
    assert found == {"text": ARTICLE, "url": "https://x.org/a", "outlet": "Example", "published": "2019-06-10T08:12:00+00:00"}
    assert fields.read({"paragraphs": [ARTICLE]}) == {}


def test_unix_times_in_both_units_and_implausible_numbers():
    assert unix_time_to_iso(1560154320) == unix_time_to_iso(1560154320000) == "2019-06-10T08:12:00+00:00"
    assert unix_time_to_iso("1560154320.5").startswith("2019-06-10T08:12:00.5")
    assert unix_time_to_iso(1e30) is None and unix_time_to_iso(42) is None


def test_a_rows_lead_opens_its_text_unless_the_body_restates_it(tmp_path: Path):
    """A standfirst kept in a column of its own ("lead", "dek", "standfirst") is the article's first
    text; a summary whose figures the body gives again, or the body's own first lines, are not added."""
    body = "Police said more than 100 people were detained in Almaty. Most were released by night."
    rows = [{"title": "Detentions", "lead": "Hundreds were held in three cities.", "body": body},
            {"title": "Detentions", "dek": "Police detained more than 100 people.", "body": body},
            {"title": "Detentions", "standfirst": body[:70], "body": body},
            # (a date's day is no figure the summary restates: "On 21 May"; a feed's "description" is no standfirst)
            {"title": "Detentions", "lead": "On 21 May police detained hundreds.", "body": "On 21 May, 300 were held."},
            {"title": "Detentions", "description": "Steppe News, read by 2 million people.", "body": body}]
    (tmp_path / "rows.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    docs, _ = read_file(tmp_path / "rows.jsonl", tmp_path)
    assert docs[0].text == f"Detentions\nHundreds were held in three cities.\n{body}"
    assert docs[1].text == docs[2].text == f"Detentions\n{body}"
    assert docs[3].text == "Detentions\nOn 21 May police detained hundreds.\nOn 21 May, 300 were held."
    assert docs[4].text == f"Detentions\n{body}"


def test_a_row_without_text_names_the_keys_looked_for(tmp_path: Path):
    (tmp_path / "rows.jsonl").write_text(json.dumps({"headline": "only a title"}) + "\n", encoding="utf-8")
    docs, problems = read_file(tmp_path / "rows.jsonl", tmp_path)
    assert docs == [] and problems[0].problem == "malformed_row"
    assert "'text'" in problems[0].detail and "record_fields.yaml" in problems[0].detail


def test_an_export_with_its_own_keys_builds_with_its_metadata(tmp_path: Path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    rows = [{"headline": "Dozens detained in Almaty", "body": ARTICLE, "source": "Example Wire",
             "link": "https://example.org/a", "published_at": 1560154320, "author": "A. Writer"}]
    (corpus / "export.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    build(corpus, out=tmp_path / "out", progress=False)
    doc = pd.read_parquet(tmp_path / "out" / "documents.parquet").iloc[0]
    assert (doc["title"], doc["outlet"], doc["url"], doc["published"]) == (
        "Dozens detained in Almaty", "Example Wire", "https://example.org/a", "2019-06-10")
    assert doc["byline"] == "A. Writer"
    tallies = pd.read_parquet(tmp_path / "out" / "tallies.parquet")
    assert (tallies["counted"] == "detained").any()


def test_an_underscored_key_is_not_its_plain_twin(fields):
    assert fields.read({"_id": {"$oid": "64b0"}, "id": "art-17", "text": ARTICLE})["id"] == "art-17"


def test_guardian_api_rows_with_nested_fields_are_read(tmp_path):
    row = {"id": "world/2019/jun/10/x", "webTitle": "Hundreds held in Kazakhstan", "webUrl": "https://www.theguardian.com/world/x",
           "webPublicationDate": "2019-06-10T12:00:00Z", "fields": {"bodyText": "Police detained 500 people.", "byline": "A. Writer"}}
    (tmp_path / "guardian.jsonl").write_text(json.dumps(row) + "\n", encoding="utf-8")
    [doc], problems = read_file(tmp_path / "guardian.jsonl", tmp_path)
    assert problems == [] and doc.text.endswith("Police detained 500 people.")
    assert doc.meta["title"] == "Hundreds held in Kazakhstan" and doc.meta["published"].startswith("2019-06-10")


def test_author_and_publisher_objects_are_no_wrappers():
    from kzresearch.records import bundled_fields

    row = {"source": {"id": "reuters", "name": "Reuters"}, "author": {"name": "A. Writer", "title": "Correspondent"},
           "content": "Police detained 30 people.", "title": "Protest"}
    found = bundled_fields().read(row)  # a NewsAPI "source" and an "author" object are no containers
    assert "id" not in found and found["title"] == "Protest" and found["outlet"] == "Reuters"


@pytest.mark.parametrize(("record", "expected"), [
    # an Elasticsearch hit: the document under "_source"
    ({"_index": "news", "_id": "a1", "_source": {"title": "Protest", "body": ARTICLE, "published_at": "2019-06-10"}},
     {"text": ARTICLE, "id": "a1", "title": "Protest", "published": "2019-06-10"}),
    # a feed with its fields in "meta" and "content" objects, prefixed keys and a publisher object
    ({"meta": {"publisher": {"name": "Example News"}, "story_date": "Mon, 10 Jun 2019 18:40:00 GMT",
               "link": "https://example.org/a"},
      "content": {"story_title": "Protest", "story_body": ARTICLE, "authors": [{"displayName": "A. Writer"}]}},
     {"text": ARTICLE, "title": "Protest", "url": "https://example.org/a", "outlet": "Example News",
      "published": "Mon, 10 Jun 2019 18:40:00 GMT", "byline": "A. Writer"}),
    # WordPress columns; the row's own "title" wins over a prefixed one
    ({"ID": 7, "post_title": "Draft title", "title": "Protest", "post_content": ARTICLE, "post_date": "2019-06-10 08:00:00"},
     {"text": ARTICLE, "id": "7", "title": "Protest", "published": "2019-06-10 08:00:00"}),
])
def test_wrapped_and_prefixed_fields_are_read(fields, record, expected):
    assert fields.read(record) == expected


def test_objects_that_wrap_no_article_fields_are_not_read(fields):
    # an image's address, a counter's id and a video's date are another thing's
    row = {"headline": "Protest", "articleBody": ARTICLE, "image": {"url": "https://cdn.example.org/a.jpg"},
           "stats": {"id": 77}, "video": {"datePublished": "2020-01-01"}}
    assert fields.read(row) == {"text": ARTICLE, "title": "Protest"}


def test_a_row_of_unknown_keys_gives_its_longest_text_and_earliest_date(fields):
    long = " ".join([ARTICLE] * 4)  # forty words and more
    # an agency's own layout: a body under "copy", a language suffix, the time sent under "timeline"
    row = {"asset": {"id": "AEN1"}, "head": {"main": "Protest"}, "timeline": {"sent": "2022-11-21T15:02:11+09:00",
           "updated": "2022-11-22T09:00:00+09:00"}, "copy": {"body_en": long}, "image": {"taken": "2020-01-01"}}
    assert fields.read(row) == {"text": long, "published": "2022-11-21T15:02:11+09:00"}
    # a language suffix names the bare field ("title_en" is the title)
    assert fields.read({"title_en": "Protest", "body_en": ARTICLE}) == {"text": ARTICLE, "title": "Protest"}
    # a short string is no article
    assert "text" not in fields.read({"note": "Police detained 30 people."})


def test_newsroom_keys_name_the_headline_and_the_time_of_issue(fields):
    row = {"hed": "Protest", "dek": "Police detained dozens", "issued": "2022-01-16T15:20:00+09:00", "body": ARTICLE}
    assert fields.read(row) == {"text": ARTICLE, "lead": "Police detained dozens", "title": "Protest", "published": "2022-01-16T15:20:00+09:00"}


def test_the_date_fallback_skips_authors_invalid_dates_and_compares_instants(fields):
    long = " ".join([ARTICLE] * 4)
    assert "published" not in fields.read({"copy": long, "author": {"name": "Dana", "birthDate": "1975-03-02"}})
    assert "published" not in fields.read({"copy": long, "meta": {"when": "2019-19-39"}})
    # 15:02 in Seoul is 06:02 UTC, before 07:00 UTC
    row = {"copy": long, "t": {"a": "2022-11-21T07:00:00Z", "b": "2022-11-21T15:02:00+09:00"}}
    assert fields.read(row)["published"] == "2022-11-21T15:02:00+09:00"


def test_a_body_kept_as_a_list_of_paragraph_blocks_is_read_whole(fields):
    blocks = [{"type": "p", "text": f"{ARTICLE} Paragraph {i}."} for i in range(4)]
    row = {"headline": {"text": "Protest"}, "content": {"summary": "Police detained dozens.", "blocks": blocks},
           "stamps": {"first_pub": "2021-01-11T19:26:40+08:00"}}
    found = fields.read(row)
    assert found["text"] == "\n\n".join(b["text"] for b in blocks)
    assert found["published"] == "2021-01-11T19:26:40+08:00"


def test_blocks_of_runs_give_each_a_line_of_its_runs(fields):
    blocks = [{"ts": 1654422000 + i, "runs": [{"k": "b", "s": "ALMATY. "}, {"k": "t", "s": f"{ARTICLE} Post {i}."}]} for i in range(3)]
    found = fields.read({"peer": {"title": "Qazaq Times"}, "headline_seg": "The day in one post", "blocks": blocks})
    assert found["text"] == "\n\n".join(f"ALMATY. {ARTICLE} Post {i}." for i in range(3))
    # (a run's text by its key, not its kind; runs keep their own spaces; a list of tags is no run)
    from kzresearch.records import _block_text

    assert _block_text({"tags": ["politics", "unrest"], "runs": [{"k": "t", "s": "President "}, {"k": "italic", "s": "Tok"},
                                                                  {"k": "t", "s": "ayev spoke."}]}) == "President Tokayev spoke."


def test_paragraph_blocks_give_their_text_not_their_type_and_comments_are_no_body(fields):
    long = " ".join([ARTICLE] * 2)
    blocks = [{"type": "subheading", "text": "Vote"}, {"type": "paragraph", "text": long},
              {"type": "image", "url": "https://cdn.example.org/a.jpg"}, {"type": "paragraph", "text": long}]
    comments = [{"user": "x", "text": long * 3} for _ in range(5)]
    found = fields.read({"blocks": blocks, "discussion": comments})
    assert found["text"] == "\n\n".join(["Vote", long, long])


def test_an_object_of_links_gives_its_first_address(fields):
    row = {"body": ARTICLE, "links": {"canonical": "https://en.example.org/view/1", "share": "https://t.example/1"}}
    assert fields.read(row)["url"] == "https://en.example.org/view/1"
    assert fields.read({"body": ARTICLE, "url": {"share": "https://news.example.org/a"}})["url"] == "https://news.example.org/a"


def test_a_row_of_its_own_layout_gives_its_headline_page_time_and_numbered_paragraphs(fields):
    paragraphs = {f"{i:03d}": f"{ARTICLE} Paragraph {i}." for i in (2, 1, 10)}
    row = {"pg": {"brand": "ST", "desk": "World/Asia", "nid": 7462011234, "url": "https://www.example.com/asia/a-1"},
           "ttl": {"web": "Kazakh ruling party wins big, but two others squeeze into parliament", "print": "Nur Otan sweeps polls"},
           "clock": {"pub_ms": 1326715980000}, "graf": paragraphs}
    assert fields.read(row) == {
        "text": "\n\n".join(paragraphs[k] for k in ("001", "002", "010")),
        "title": "Kazakh ruling party wins big, but two others squeeze into parliament",
        "url": "https://www.example.com/asia/a-1",
        # the id of ten digits is no time: its key names none
        "published": "2012-01-16T12:13:00+00:00",
    }


def test_a_rows_first_heading_is_its_headline(fields):
    row = {"src": {"org": "Council on Foreign Relations", "series": "The Eurasia Brief"},
           "head": {"h1": "Tokayev's Landslide and the Quiet Streets of Kazakhstan", "dek": "Episode 37 - 38 min"},
           "chunks": [{"k": "notes", "t": f"{ARTICLE} {i}."} for i in range(4)]}
    assert fields.read(row)["title"] == "Tokayev's Landslide and the Quiet Streets of Kazakhstan"


def test_an_iso_week_date_is_read_as_its_calendar_day(fields):
    row = {"meta": {"stamp": "2016-W13-2T10:30+02:00"}, "blocks": [{"v": f"{ARTICLE} {i}."} for i in range(4)]}
    assert fields.read(row)["published"] == "2016-03-29T10:30:00+02:00"


def test_a_sentence_or_a_label_is_no_headline(fields):
    long = " ".join([ARTICLE] * 4)
    assert "title" not in fields.read({"copy": long, "dek": "Police detained dozens of people on Sunday.", "desk": "World"})


def test_paragraph_blocks_of_keys_of_their_own_give_their_words(fields):
    blocks = [{"k": "lead" if i == 0 else "p", "v": f"{ARTICLE} Paragraph {i}."} for i in range(4)]
    assert fields.read({"blocks": blocks})["text"] == "\n\n".join(b["v"] for b in blocks)


def test_paragraph_blocks_as_pairs_give_their_words_not_a_pictures(fields):
    long = " ".join([ARTICLE] * 4)
    blocks = [["nav", "News · Society"], ["p", long], ["fig", "Voters queue in Kyzylorda"], ["p", long]]
    assert fields.read({"segs": blocks})["text"] == f"News · Society\n\n{long}\n\n{long}"


def test_a_row_in_us_english_or_on_an_american_clock_writes_the_month_first(fields):
    long = " ".join([ARTICLE] * 4)
    assert fields.read({"copy": long, "stamps": {"issued": "04/12/2022", "tz": "America/New_York"}})["published"] == "2022-04-12"
    assert fields.read({"copy": long, "lang": "en-US", "stamps": {"issued": "04/12/2022"}})["published"] == "2022-04-12"
    assert fields.read({"copy": long, "stamps": {"issued": "04/12/2022"}})["published"] == "2022-12-04"
    assert fields.read({"copy": long, "stamps": {"issued": "09/10/2024", "tz": "America/Sao_Paulo"}})["published"] == "2024-10-09"


def test_the_fallbacks_pass_over_ids_odd_digits_pictures_and_captions(fields):
    long = " ".join([ARTICLE] * 4)
    assert "published" not in fields.read({"copy": long, "candidate_id": 1234567890})
    # a date written as a string wins over a number under a key that names a time
    assert fields.read({"copy": long, "meta": {"sent": "2022-11-21T15:02:11+09:00"}, "pub_ms": 1000000000000})["published"] \
        == "2022-11-21T15:02:11+09:00"
    assert fields.read({"graf": {"1": long, "\u00b2": long}})["text"] == long  # "²" is a digit, no decimal
    blocks = [{"type": "image", "url": "https://cdn.example.org/a.jpg", "caption": "Voters queue at a polling station"},
              {"k": "p", "v": long}, {"k": "p", "v": long}]
    found = fields.read({"blocks": blocks, "lead_img": "https://cdn.example.org/tokayev.jpg"})
    assert found == {"text": f"{long}\n\n{long}"}
    assert fields.read({"copy": long, "meta": {"stamp": "2016-W13-2"}})["published"] == "2016-03-29"


def test_a_row_of_its_own_layout_names_its_outlet_under_keys_that_name_one(fields):
    long = " ".join([ARTICLE] * 4)
    # the brand under the site, not its edition; the house under the publication details
    assert fields.read({"copy": long, "site": {"edition": "English", "brand": "Steppe Herald"}})["outlet"] == "Steppe Herald"
    assert fields.read({"copy": long, "meta": {"pub": {"desk": "World", "house": "Steppe Herald"}}})["outlet"] == "Steppe Herald"
    # an organisation's label, not its country code; a host the outlets' reference may know
    assert fields.read({"copy": long, "origin": {"org": {"cc": "KZ", "label": "Steppe Herald"}}})["outlet"] == "Steppe Herald"
    assert fields.read({"copy": long, "route": {"host": "steppeherald.kz"}})["outlet"] == "steppeherald.kz"
    # a picture's path is no name
    assert "outlet" not in fields.read({"copy": long, "site": {"logo": "/uploads/logo.png"}, "hero": {"img_src": "tokayev_ballot.jpg"}})
    # never the writer's organisation, the wire's or a picture's credit; never a code
    for row in ({"by": {"org": "Steppe Herald"}}, {"credit": {"agency": "Reuters"}}, {"via": {"org": "AFP"}},
                {"image": {"publisher": "Getty Images"}}, {"site": {"brand": "SH"}}):
        assert "outlet" not in fields.read({"copy": long, **row}), row


def test_a_nested_outlet_name_with_its_edition_is_the_known_outlet(ref):
    from kzresearch.metadata import canonical_outlet

    assert canonical_outlet("Sputnik International", ref) == "Sputnik"
    # a known name inside another name, or followed by more than an edition's words, is not that outlet
    assert canonical_outlet("Thomson Reuters Foundation", ref) == "Thomson Reuters Foundation"
    assert canonical_outlet("Sputnik Radio of the Steppe", ref) == "Sputnik Radio of the Steppe"


def test_a_row_of_its_own_layout_names_its_writer_and_the_agencies_whose_copy_it_is(fields):
    long = " ".join([ARTICLE] * 4)
    row = {"copy": long, "by": {"person": {"role": "correspondent", "name": "Aida Sarsen"}, "org": "Steppe Herald"},
           "credit": {"agency": "PTI"}, "people": {"via": {"agency": ["VNA", "AFP"]}}}
    found = fields.read(row)
    # the writer's name, not her role, nor her organisation; every agency credited
    assert (found["byline"], found["wire"]) == ("Aida Sarsen", "PTI, VNA, AFP")
    # a credit line or a role is no name; an id under a "wire" key is no agency
    found = fields.read({"copy": long, "writer": {"credit": "AFP-JIJI"}, "wire_id": "kdig-2011-0405-017"})
    assert "byline" not in found and "wire" not in found


def test_a_row_of_its_own_layout_is_dated_by_a_date_written_out_before_a_later_crawl(fields):
    long = " ".join([ARTICLE] * 4)
    row = {"copy": long, "arc": {"run": "11JAN99", "pg": 6}, "scan": {"at": "2016-07-01T03:12:44Z"}}
    assert fields.read(row)["published"] == "1999-01-11"
    assert fields.read({"copy": long, "ts": {"first": "27.04.2015 18:40"}})["published"] == "2015-04-27"
    # a day and a month that could be either are left to the row's other dates, but not to a crawl's
    # object's ("crawl": {"at": ...}, "harvest": {"at": ...}): then read day first
    assert fields.read({"copy": long, "ts": {"first": "12/01/2021 14:52"}, "seen": "2021-12-02T08:00:00Z", "x": "2021-11-30"})["published"] \
        == "2021-11-30"
    assert fields.read({"copy": long, "ts": {"first": "12/01/2021 14:52"}, "crawl": {"at": "2021-12-02T08:00:00Z"}})["published"] \
        == "2021-01-12"
    # a label with a number is no date
    assert "published" not in fields.read({"copy": long, "arc": {"ed": "Page 6", "batch": "ct-1999-q1-017"}})
    # a crawl's Unix time is no publication's ("harvested_ms")
    assert "published" not in fields.read({"copy": long, "when": {"harvested_ms": 1718035200000}})
    assert fields.read({"copy": long, "when": {"pub_ms": 1462147200000}})["published"].startswith("2016-05-02")


def test_a_rows_body_kept_as_markup_is_read_as_paragraphs(tmp_path: Path):
    body = "".join(f"<p>{ARTICLE} Paragraph {i} &amp; more.</p>" for i in range(3))
    (tmp_path / "feed.jsonl").write_text(json.dumps({"title": "Protest", "text": body, "date": "2016-03-22"}) + "\n")
    docs, _ = read_file(tmp_path / "feed.jsonl", tmp_path)
    assert docs[0].text == "Protest\n" + "\n\n".join(f"{ARTICLE} Paragraph {i} & more." for i in range(3))


def test_nested_names_only_under_keys_that_name_them(fields):
    long = " ".join([ARTICLE] * 4)
    for row in ({"source_language": "English"}, {"media_type": "article"}, {"site_section": "World"},
                {"publisher": {"@type": "Organization"}}, {"ner": {"ORG": ["Central Election Commission"]}},
                {"sort_by": "relevance"}, {"photo_by": "Vladimir Tretyakov"}, {"via": "Google News"}):
        found = fields.read({"copy": long, **row})
        assert not {"outlet", "byline", "wire"} & set(found), row
    found = fields.read({"copy": long, "updated_by": "copydesk", "credit": {"writer": "Almaz Kumenov"}})
    assert found["byline"] == "Almaz Kumenov"
    # a row with its text and date under known keys is read by its keys alone
    assert "outlet" not in fields.read({"text": long, "date": "2021-01-10", "site": {"section": "World", "brand": "Steppe Herald"}})
    # people listed with their roles: the author's name is the byline, the agency's the wire
    found = fields.read({"copy": long, "people": [{"n": "Kazinform", "role": "agency"}, {"n": "Aigerim Sadykova", "role": "author"}]})
    assert (found["byline"], found["wire"]) == ("Aigerim Sadykova", "Kazinform")
    found = fields.read({"copy": long, "credits": {"people": [{"name": "Dinara Omarova", "kind": "author"}, {"name": "Archive", "kind": "photo"}]}})
    assert found["byline"] == "Dinara Omarova"
    # a date with dots is written day first; a crawl's time is no publication date
    assert fields.read({"copy": long, "time": {"shown": "10.04.2023 16:05", "crawled": "2025-04-17T03:11:52Z"}})["published"] == "2023-04-10"
    # a modification time is no publication date
    assert fields.read({"copy": long, "when": {"shown": "March 28, 2023", "meta": {"mod": "2023-03-29T09:14:02+02:00"}}})["published"] == "2023-03-28"
    # a section's label under the site's key names the section, not the site
    found = fields.read({"copy": long, "src": {"portal": "steppeherald.kz", "rubric": [{"id": 7, "label": "World"}]}})
    assert found["outlet"] == "steppeherald.kz"


def test_a_body_of_markup_keeps_its_paragraphs_and_cells_and_drops_scripts():
    from kzresearch.reading import _markup_as_text

    assert _markup_as_text("<p>Turnout was\n63.3 percent.</p><script>var a = 1;</script>") == "Turnout was 63.3 percent."
    assert _markup_as_text("Nur Otan won<br>71 percent.") == "Nur Otan won\n71 percent."
    assert _markup_as_text("<tr><td>Amanat</td><td>53.90%</td></tr>") == "Amanat 53.90%"
    assert _markup_as_text("<p>&nbsp;</p>") == ""


def test_numbered_paragraphs_with_a_prefix_of_their_own(fields):
    paragraphs = {f"p{i:02d}": f"{ARTICLE} Paragraph {i}." for i in (2, 1, 10)}
    assert fields.read({"paras": paragraphs, "ttl": "Kazakh police detain hundreds after the vote"})["text"] == \
        "\n\n".join(paragraphs[k] for k in ("p01", "p02", "p10"))


def test_a_crawl_or_an_edit_time_is_no_publication_date(fields):
    long = " ".join([ARTICLE] * 4)
    row = {"copy": long, "clock": {"ed": "Tue 17.01.2012 print", "seen": "2024-06-11T09:14:55Z"}}
    assert fields.read(row)["published"] == "2012-01-17"
    assert "published" not in fields.read({"copy": long, "fetched_at": "2024-06-11T09:14:55Z"})
    # a time a copy was grabbed or saved gives way to the broadcast's own, in milliseconds
    row = {"copy": long, "stamp": {"aired_ms": 1669719600000, "tz": "America/New_York", "grabbed": "2025-02-03T16:22:09Z"}}
    assert fields.read(row)["published"] == "2022-11-29T11:00:00+00:00"


def test_a_photographer_among_the_authors_is_no_writer(fields):
    found = fields.read({"text": ARTICLE, "authors": [{"name": "A. Writer", "role": "author"}, {"name": "P. Hotographer", "role": "photo"}]})
    assert found["byline"] == "A. Writer"


def test_a_languages_note_is_no_headline(fields):
    # (a row of its exporter's own layout: the title is its first headline-like line, not "lang")
    record = {"portal": {"host": "example.kz", "lang": "en (translated from Russian)"},
              "heading": {"h": "Aktobe: square cordoned off on day of land rallies"}, "chunks": [{"s": ARTICLE}]}
    assert fields.read(record)["title"] == "Aktobe: square cordoned off on day of land rallies"


def test_names_of_people_listed_with_roles_and_a_headline_under_its_own_key():
    from kzresearch.records import RecordFields
    from kzresearch.reference import load_reference

    fields = RecordFields(load_reference().record_fields)
    long = "Voters went to the polls on Sunday in Kazakhstan. " * 10
    # each object its role names gives its name key's value, or its string where it has no name key
    found = fields.read({"copy": long, "people": [{"n": "Aigerim Sadykova", "role": "author"}, {"name": "Dana Omarova", "role": "author"}]})
    assert found["byline"] == "Aigerim Sadykova, Dana Omarova"
    found = fields.read({"copy": long, "contributors": [{"label": "Eleanor Whitfield", "kind": "author", "aff": "Visiting Fellow, Foreign Policy"}]})
    assert found["byline"] == "Eleanor Whitfield"
    # a headline's key before a credit line; a sitemap's "lastmod" is no publication date
    found = fields.read({"credit_line": "Rosa Linklater \u00b7 Foreign Affairs Correspondent", "heads": {"main": "Kazakhstan admits almost 4,000 detained"},
                         "nav": {"main_section": "World news from Central Asia"}, "ts": {"pub_ms": 1188225000000, "sitemap_lastmod": "2016-07-21"},
                         "body": [{"v": long}, {"v": long}]})
    assert found["title"] == "Kazakhstan admits almost 4,000 detained" and found["published"].startswith("2007-08-2")


def test_a_rows_groups_of_text_blocks_and_messages_in_runs_are_all_its_text(fields):
    """A bulletin's items under each of its slots, and a channel's messages whose text is kept as runs of
    plain and marked-up text (Telegram's export), are all the row's text, in their order."""
    bulletins = {"title": "News bulletins", "bulletins": [
        {"slot": "0700", "reader": "Hannie van der Berg", "items": [{"n": 1, "text": f"{ARTICLE} One."}, {"n": 2, "text": f"{ARTICLE} Two."}]},
        {"slot": "0800", "reader": "Hannie van der Berg", "items": [{"n": 1, "text": f"{ARTICLE} Three."}]}]}
    assert fields.read(bulletins)["text"] == "\n\n".join(f"{ARTICLE} {n}." for n in ("One", "Two", "Three"))
    long = " ".join([ARTICLE] * 2)
    channel = {"channel": {"title": "A channel"}, "messages": [
        {"id": 1, "text": ["⚡️ ", {"type": "bold", "text": "Police detained 40 people"}, f" in Almaty. {long}"]},
        {"id": 2, "text": f"{long} Later."}]}
    assert fields.read(channel)["text"] == f"⚡️ Police detained 40 people in Almaty. {long}\n\n{long} Later."


def test_a_blocks_text_kept_as_a_list_of_strings_is_its_paragraphs(fields):
    blocks = [{"type": "p", "text": [f"{ARTICLE} One.", f"{ARTICLE} Two."]}, {"type": "p", "text": f"{ARTICLE} Three."}]
    assert fields.read({"blocks": blocks})["text"] == "\n\n".join(f"{ARTICLE} {n}." for n in ("One", "Two", "Three"))
