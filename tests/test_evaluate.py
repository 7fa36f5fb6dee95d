"""Evaluation against gold annotations, on hand-built tables."""
from __future__ import annotations

import argparse
import textwrap

import pandas as pd
import pytest

from kzresearch.evaluate import add_arguments, evaluate, format_report, load_gold, locate

TEXT = ("Kazakhstan votes\nMore than 30 demonstrators were arrested in Almaty on Sunday.\n"
        "Nur Otan won nearly 72 per cent of the vote.\nFive parties took part.")
GOLD = textwrap.dedent("""\
    - doc: 001_x.txt
      outlet: Euronews
      title: "Kazakhstan votes"
      published: 2021-01-10
      published_tolerance_days: 1
      election: {date: 2021-01-10, kind: parliamentary}
      wire: [AP]
      boilerplate:
        - "Access to the comments"
      body_must_keep:
        - "More than 30 demonstrators were arrested in Almaty on Sunday."
      tallies:
        - phrase: "More than 30 demonstrators were arrested"
          counted: detained
          number: 30
          qualifier: more_than
          vague_word: null
          location: [Almaty]
          date: 2021-01-10
          source_attributed: null
      results:
        - phrase: "nearly 72 per cent of the vote"
          subject: Nur Otan
          measure: vote_share
          value: 72
          qualifier: approx
          election: 2021-01-10
        - phrase: "Five parties took part"
          subject: parties
          measure: parties_contesting
          value: 5
          qualifier: exact
          election: 2021-01-10
          optional: true
    """)


@pytest.fixture()
def gold(tmp_path):
    path = tmp_path / "gold.yaml"
    path.write_text(GOLD, encoding="utf-8")
    return load_gold(path)


def documents(**overrides):
    row = {"doc_id": "001_x", "outlet": "Euronews", "title": "Kazakhstan votes", "published": "2021-01-11",
           "election_id": "2021-01-10-parliamentary", "wire": ["AP"], "text": TEXT}
    return pd.DataFrame([row | overrides])


def span(phrase):
    start = TEXT.index(phrase)
    return {"doc_id": "001_x", "start": start, "end": start + len(phrase), "phrase": phrase}


TALLY = span("More than 30 demonstrators were arrested") | {
    "counted": "detained", "number": 30.0, "qualifier": "more_than", "vague_word": None, "location": ["Almaty"],
    "event_date": "2021-01-10", "attributed_to": None}
SHARE = span("won nearly 72 per cent of the vote") | {
    "subject": "Nur Otan", "measure": "vote_share", "value": 72.0, "of": None, "qualifier": "approx",
    "election_id": "2021-01-10-parliamentary"}
PARTIES = span("Five parties took part") | {
    "subject": "parties", "measure": "parties_contesting", "value": 5.0, "of": None, "qualifier": "exact",
    "election_id": "2021-01-10-parliamentary"}


def test_load_gold_adds_doc_id_and_iso_dates(gold):
    assert gold[0]["doc_id"] == "001_x" and gold[0]["published"] == "2021-01-10"
    assert gold[0]["tallies"][0]["date"] == "2021-01-10"


def test_load_gold_rejects_other_shapes(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("doc: x\n", encoding="utf-8")
    with pytest.raises(ValueError, match="list of documents"):
        load_gold(path)


def test_perfect_extraction(gold):
    report = evaluate(documents(), pd.DataFrame([TALLY]), pd.DataFrame([SHARE, PARTIES]), gold)
    assert (report["tallies"]["f1"], report["results"]["tp"], report["results"]["fp"]) == (1.0, 1, 0)
    assert report["tally_attributes"]["location"]["accuracy"] == 1.0
    assert all(v["accuracy"] == 1.0 for v in report["documents"].values())
    assert "tallies" in format_report(report)


def test_optional_items_are_neither_missed_nor_extra(gold):
    report = evaluate(documents(), pd.DataFrame([TALLY]), pd.DataFrame([SHARE]), gold)
    assert (report["results"]["tp"], report["results"]["fn"], report["results"]["fp"]) == (1, 0, 0)


def test_wrong_attribute_is_a_miss_and_an_extra(gold):
    wrong = TALLY | {"qualifier": "exact"}
    report = evaluate(documents(), pd.DataFrame([wrong]), pd.DataFrame([SHARE]), gold)
    assert (report["tallies"]["tp"], report["tallies"]["fp"], report["tallies"]["fn"]) == (0, 1, 1)
    assert {e["error"] for e in report["errors"]} == {"missed", "extra"}


def test_election_of_a_result_must_agree(gold):
    report = evaluate(documents(), pd.DataFrame([TALLY]), pd.DataFrame([SHARE | {"election_id": "2016-03-20-parliamentary"}]), gold)
    assert report["results"]["fn"] == 1


def test_metadata_accuracy(gold):
    report = evaluate(documents(outlet="AP", published="2021-01-14", text=TEXT + "\nAccess to the comments"),
                      pd.DataFrame([TALLY]), pd.DataFrame([SHARE]), gold)
    docs = report["documents"]
    assert docs["outlet"]["accuracy"] == 0 and docs["published"]["accuracy"] == 0
    assert docs["boilerplate_removed"]["accuracy"] == 0 and docs["title"]["accuracy"] == 1


def test_missing_document_counts_every_item_missed(gold):
    report = evaluate(pd.DataFrame(columns=["doc_id", "text"]), pd.DataFrame(), pd.DataFrame(), gold)
    assert report["tallies"]["fn"] == 1 and report["results"]["fn"] == 1


def test_locate_ignores_quote_style_and_spacing():
    assert locate("Kazakhstan\u2019s  vote", "In Kazakhstan's vote") == [(3, 20)]


def test_cli_arguments():
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    args = parser.parse_args(["--gold", "g.yaml", "--corpus", "c", "--json", "-"])
    assert (str(args.gold), str(args.corpus), args.json_out) == ("g.yaml", "c", "-") and callable(args.func)


def test_documents_are_matched_by_file_then_by_stem(tmp_path):
    gold_path = tmp_path / "gold.yaml"
    gold_path.write_text(textwrap.dedent("""\
        - doc: "wire.jsonl:2"
          results:
            - {phrase: "won nearly 72 per cent of the vote", subject: Nur Otan, measure: vote_share, value: 72, qualifier: approx}
        - doc: 001_x.txt
          results: []
        """), encoding="utf-8")
    docs = pd.concat([documents(doc_id="wire-1", file="wire.jsonl:1", text="Nothing here."),
                      documents(doc_id="wire-2", file="wire.jsonl:2"),
                      documents(file=None)], ignore_index=True)
    share = SHARE | {"doc_id": "wire-2"}
    report = evaluate(docs, pd.DataFrame([TALLY]), pd.DataFrame([share]), load_gold(gold_path))
    assert report["results"]["tp"] == 1 and not [e for e in report["errors"] if e["kind"] == "document"]


def test_errors_say_why(gold):
    wrong = SHARE | {"subject": "Ak Zhol", "election_id": "2016-03-20-parliamentary"}
    report = evaluate(documents(), pd.DataFrame([TALLY | {"location": ["Shymkent"]}]), pd.DataFrame([wrong]), gold)
    by_error = {e["error"]: e for e in report["errors"]}
    assert "subject 'Ak Zhol' (gold 'Nur Otan')" in by_error["missed"]["why"]
    assert "election '2016-03-20-parliamentary' (gold '2021-01-10')" in by_error["missed"]["why"]
    assert by_error["extra"]["why"].startswith("covers gold 'nearly 72 per cent of the vote'")
    assert by_error["wrong location"]["why"] == "got ['Shymkent'] (gold ['Almaty'])"
    text = format_report(report)
    assert "001_x.txt results missed: nearly 72 per cent of the vote" in text and "(gold 'Nur Otan')" in text


def test_subjects_agree_through_the_reference(gold):
    class Names:
        def canonical_name(self, surface):
            return {"nur otan": ("Nur Otan", "party"), "nur otan party": ("Nur Otan", "party")}.get(surface.casefold())

    renamed = SHARE | {"subject": "Nur Otan party"}
    assert evaluate(documents(), pd.DataFrame([TALLY]), pd.DataFrame([renamed]), gold)["results"]["tp"] == 0
    assert evaluate(documents(), pd.DataFrame([TALLY]), pd.DataFrame([renamed]), gold, reference=Names())["results"]["tp"] == 1


def test_places_and_sources_are_compared_by_their_canonical_names():
    from kzresearch.evaluate import _name_resolver, _tally_attribute_checks
    from kzresearch.reference import load_reference

    canonical = _name_resolver(load_reference())
    gold = {"location": ["Uralsk"], "source_attributed": "Radio Azattyq"}
    row = {"location": ["Oral"], "attributed_to": "RFE/RL"}
    assert [right for _, right, _ in _tally_attribute_checks(gold, row, canonical)] == [True, True]
    assert [right for _, right, _ in _tally_attribute_checks(gold, row)] == [False, False]


def test_a_range_agrees_with_the_gold_vocabulary_for_its_lower_end(gold):
    # The gold vocabulary has no "range": "between 30 and 40" is written as 30 approx or at least.
    for gold_qualifier in ("approx", "at_least"):
        gold[0]["tallies"][0]["qualifier"] = gold_qualifier
        ranged = TALLY | {"qualifier": "range", "number_high": 40.0}
        report = evaluate(documents(), pd.DataFrame([ranged]), pd.DataFrame([SHARE]), gold)
        assert report["tallies"]["tp"] == 1
    gold[0]["tallies"][0]["qualifier"] = "more_than"
    report = evaluate(documents(), pd.DataFrame([TALLY | {"qualifier": "range"}]), pd.DataFrame([SHARE]), gold)
    assert report["tallies"]["tp"] == 0


def test_bylines_compare_as_sets_of_names_and_outlets_without_the_article(gold):
    gold[0]["byline"] = "Ann Lee, Bo Kim"
    gold[0]["outlet"] = "The Euronews"
    report = evaluate(documents(byline="Bo Kim and Ann Lee"), pd.DataFrame([TALLY]), pd.DataFrame([SHARE]), gold)
    assert report["documents"]["byline"]["accuracy"] == 1.0
    assert report["documents"]["outlet"]["accuracy"] == 1.0


def test_an_outlet_spelled_run_together_or_with_its_domain_is_the_same_outlet():
    from kzresearch.evaluate import _same_outlet

    # A site's own spelling of its name is the name a reader writes with spaces; so is its domain
    assert _same_outlet("The Steppe Times", "The SteppeTimes") and _same_outlet("Steppe Times", "SteppeTimes.co.uk")
    # not another name, two domains, or a short name beside its domain
    assert not _same_outlet("Steppe Tribune", "The SteppeTimes")
    assert not _same_outlet("Gazeta.uz", "Gazeta.ru") and not _same_outlet("Time", "Time.kz")
    # a name with its other form in brackets is either
    assert _same_outlet("APP (Associated Press of Pakistan)", "Associated Press of Pakistan")
    assert _same_outlet("Lusa (Agência de Notícias de Portugal)", "Lusa") and not _same_outlet("Lusa (Portugal)", "Reuters")
    assert _same_outlet(None, None) and not _same_outlet("Steppe Times", None)


def test_a_headlines_figure_the_clean_text_lacks_leaves_the_bodys_row_to_the_bodys_item(tmp_path):
    # (the headline "Over 30 demonstrators arrested" is not in the clean text: it matches by its words, after the items
    # found there)
    headline = textwrap.indent(textwrap.dedent("""\
        - phrase: "Over 30 demonstrators arrested"
          counted: detained
          number: 30
          qualifier: more_than
          vague_word: null
          location: [Almaty]
          date: null
          source_attributed: null
        """), "    ")
    path = tmp_path / "gold.yaml"
    assert "\n  tallies:\n" in GOLD
    path.write_text(GOLD.replace("\n  tallies:\n", "\n  tallies:\n" + headline, 1), encoding="utf-8")
    report = evaluate(documents(), pd.DataFrame([TALLY]), pd.DataFrame([SHARE]), load_gold(path))
    assert [e["phrase"] for e in report["errors"] if e["error"] == "missed"] == ["Over 30 demonstrators arrested"]
    assert report["tallies"]["tp"] == 1


def test_a_candidate_in_another_transliteration_is_the_same_subject_and_another_person_is_not():
    from kzresearch.evaluate import _subject_matcher

    same = _subject_matcher()
    assert same("Jiguli Dairabayev", "Zhiguli Dairabayev") and same("Gani Kassymov", "Gani Kasymov")
    assert not same("Kalmukhambet Kasymov", "Gani Kasymov") and not same("AIST bloc", "Nur Otan") and not same("Ak Zhol", "Auyl")
    assert not same("Kazakhstan Social Democratic Party Auyl", "Kazakhstan Social Democratic Party Azat")
    assert not same("Party of Patriots of Kazakhstan", "Party of Patriots of Kazakhstan Ak Zhol") and not same("Adal", "Amal")
