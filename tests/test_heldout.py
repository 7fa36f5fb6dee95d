"""Generality: articles from outlets, years and layouts that are not in the bundled corpus.

Fifty-five annotated sets (original prose written in the styles of real outlets, see their READMEs):
``tests/data/heldout`` (development: failure classes found there were fixed),
``tests/data/heldout_test``, and ``tests/data/heldout_blind`` to ``tests/data/heldout_blind53``
(each measured first without looking, then used to find failure classes).
``tests/data/heldout_final`` is not used here: it is measured
once, by ``kzresearch evaluate``, and kept out of development.
Both are built as unseen folders without their manifests, through the same ``evaluate`` a
researcher runs on their own annotations. The thresholds guard what is reached today; the README
reports the figures.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from kzresearch.build import build
from kzresearch.corpus import Corpus
from kzresearch.evaluate import evaluate, load_gold
from kzresearch.reference import load_reference

SETS = Path(__file__).parent / "data"


# Floors: what each set reaches today, less a margin (claims F1 and precision; document fields).
FLOORS = {"heldout": (0.95, 0.9), "heldout_test": (0.9, 0.9), "heldout_blind": (0.88, 0.8), "heldout_blind2": (0.84, 0.8),
          "heldout_blind3": (0.82, 0.8),
          # blind sets 4 and 5: outlets that outlets.csv does not know (9/12, 9/13) are their weakest field
          "heldout_blind4": (0.85, 0.7),
          "heldout_blind5": (0.85, 0.6),
          # blind set 6: results (F1 0.73) and outlets (5/13) as first measured
          "heldout_blind6": (0.7, 0.35),
          # blind sets 7 and 8: outlets (9/13, 8/13) are their weakest field
          "heldout_blind7": (0.85, 0.6),
          "heldout_blind8": (0.85, 0.55),
          # blind sets 9 to 11: outlets (8/14, 10/14, 10/14) are their weakest field
          "heldout_blind9": (0.85, 0.5),
          "heldout_blind10": (0.85, 0.6),
          "heldout_blind11": (0.85, 0.6),
          # blind set 12: measured at the session's end; results (F1 0.77) and outlets (7/14)
          "heldout_blind12": (0.7, 0.45),
          # blind sets 13 and 14: outlets (10/14, 9/14) are their weakest field
          "heldout_blind13": (0.85, 0.6),
          "heldout_blind14": (0.85, 0.55),
          # blind set 15: results (F1 0.86) and elections (12/14) as left this session
          "heldout_blind15": (0.8, 0.7),
          # blind sets 16 and 17: tallies (F1 0.87, 0.86) and outlets (10/14, 12/14) as left this session
          "heldout_blind16": (0.82, 0.65),
          "heldout_blind17": (0.82, 0.75),
          # blind set 18: written and measured at the session's end; outlets (10/14) its weakest field
          "heldout_blind18": (0.85, 0.65),
          # blind set 19: tallies (F1 0.92 on both parts) and outlets (10/14) as left this session
          "heldout_blind19": (0.85, 0.65),
          # blind set 20: tallies (F1 0.86 and 0.85) and outlets (8/14) as left this session
          "heldout_blind20": (0.82, 0.55),
          # blind sets 21 and 22: results (F1 0.90 each) and outlets (10/14, 12/14) as left this session
          "heldout_blind21": (0.85, 0.65),
          "heldout_blind22": (0.85, 0.75),
          # blind set 23: written and measured at the session's end; outlets (8/14) its weakest field
          "heldout_blind23": (0.85, 0.5),
          # blind sets 24 and 25: outlets (11/14, 9/14) and boilerplate removed (0.81 in set 25) their weakest fields
          "heldout_blind24": (0.85, 0.7),
          "heldout_blind25": (0.85, 0.6),
          # blind set 26: written and measured at the session's end; outlets (9/14) its weakest field
          "heldout_blind26": (0.85, 0.6),
          # blind sets 27 and 28: outlets (10/14, 7/14) their weakest field
          "heldout_blind27": (0.85, 0.65),
          "heldout_blind28": (0.85, 0.45),
          # blind set 29: outlets (9/14) its weakest field
          "heldout_blind29": (0.85, 0.6),
          # blind sets 30 and 31: outlets (10/14) and titles (11/14) their weakest fields
          "heldout_blind30": (0.85, 0.65),
          "heldout_blind31": (0.85, 0.65),
          # blind set 32: outlets (8/14) its weakest field, named by their owners or in long form
          "heldout_blind32": (0.85, 0.55),
          # blind sets 33 to 35: outlets (11/14, 7/14, 9/14) their weakest field, research publishers
          # (set 34) with no masthead the page states
          "heldout_blind33": (0.85, 0.75),
          "heldout_blind34": (0.85, 0.45),
          "heldout_blind35": (0.85, 0.6),
          # blind sets 36 and 37: outlets (10/14 each) their weakest field, a digest's, a parliament's record,
          # a letters page and a site named only in one word among them
          "heldout_blind36": (0.85, 0.65),
          "heldout_blind37": (0.85, 0.65),
          # blind set 38: text conversions (OCR, PDF, e-mail, subtitles, CSV) whose outlets (4/14) and titles (7/14)
          # the text rarely states; a CSV file no reader takes
          "heldout_blind38": (0.8, 0.25),
          # blind set 39: niche publishers and page captures (Wayback, AMP, an aggregator's copy, a Markdown
          # note); outlets and bylines (10/14) its weakest fields
          "heldout_blind39": (0.85, 0.65),
          # blind set 40: national news agencies' English services, translations and social posts, whose
          # outlets (2/14) the text names by initials or handles
          "heldout_blind40": (0.85, 0.1),
          # blind set 41: long-form magazines' narrative and data presentations (an HTML results table, a fact
          # box, a chronology, a correction); outlets (9/14) its weakest field
          "heldout_blind41": (0.8, 0.6),
          # blind set 42: the labour press and institutional documents (a cable, a UN body's observations, an
          # embassy's alert); outlets (9/14) its weakest field
          "heldout_blind42": (0.85, 0.6),
          # blind set 43: academic blogs and names spelt in other languages' and alphabets' habits (German,
          # French, Kazakh Latin, 1990s); titles (10/14) its weakest field
          "heldout_blind43": (0.9, 0.65),
          # blind set 44: opinion and talk genres, and data journalism whose results (0.73) its weakest: a text
          # table with bars, fractions of the voters, a comparison of every presidential vote in a paragraph
          "heldout_blind44": (0.7, 0.75),
          # blind set 45: a paper's other sections (sport, reviews, travel, an obituary, letters) and stories spanning
          # several events; outlets (5/14) its weakest field, outlets the reference does not know
          "heldout_blind45": (0.8, 0.3),
          # blind set 46: translated and non-native English, and a wire's successive versions; outlets (8/14) and
          # titles (9/14) its weakest fields
          "heldout_blind46": (0.85, 0.5),
          # blind set 47: outlets of regions earlier sets rarely imitated, and habits of election reporting (turnout by
          # the hour, exit polls, observers' statements); outlets (11/14) its weakest field
          "heldout_blind47": (0.9, 0.7),
          # blind set 48: habits of protest reporting and retrospectives (a timeline of every vote, an obituary); outlets
          # (8/14) and elections (10/14) its weakest fields
          "heldout_blind48": (0.8, 0.5),
          # blind set 49: translated and regional English, spoken and transcribed news; outlets (4/14) its weakest field
          "heldout_blind49": (0.8, 0.25),
          # blind set 50: copies and reposts, research and reference writing; outlets (2/14: a copy's source against the
          # site it was saved from) its weakest field
          "heldout_blind50": (0.8, 0.1),
          # blind set 51: newspapers of record on results across the history of the votes, protest news whose counts'
          # sources and places are the hard part; outlets (10/14) its weakest field
          "heldout_blind51": (0.85, 0.6),
          # blind set 52: the business and energy press, informal and community writing; outlets (9/14) and titles (11/14)
          # its weakest fields
          "heldout_blind52": (0.85, 0.55),
          # blind set 53: wire copy as papers carry it, explainers (lists, boxes, timelines, a chart record); outlets
          # (8/14) its weakest field
          "heldout_blind53": (0.8, 0.5)}


@pytest.fixture(scope="module", params=list(FLOORS))
def report(request, tmp_path_factory):
    folder = SETS / request.param
    out = tmp_path_factory.mktemp(request.param)
    build(folder / "articles", out=out, progress=False)  # no manifest: nothing known but the text
    corpus = Corpus(processed=out, reference=load_reference())
    return request.param, evaluate(corpus.documents, corpus.tallies, corpus.results, load_gold(folder / "gold.yaml"), reference=corpus.reference)


def test_document_metadata_generalises(report):
    name, r = report
    docs = r["documents"]
    floor = FLOORS[name][1]
    for field in ("title", "published", "election", "outlet", "body_kept", "boilerplate_removed"):
        assert docs[field]["accuracy"] >= floor, (name, field, docs[field])


def test_claims_generalise(report):
    name, r = report
    floor = FLOORS[name][0]
    for table in ("tallies", "results"):
        assert r[table]["f1"] >= floor, (name, table, r[table])
        assert r[table]["precision"] >= floor, (name, table, r[table])
