#!/usr/bin/env python3
"""Standalone checker for gold_q.yaml (blind held-out set 39, part A: q01-q06 and feed_q.jsonl:1).

Needs only the standard library and PyYAML; it does not import kzresearch. Run from anywhere:

    python check_gold_q.py

It decodes every document with its real encoding and asserts that:
  - each file has the encoding and line endings this part promises (q01 UTF-8 with BOM and CRLF;
    q03 UTF-16 with BOM and CRLF; q05 Windows-1252, not valid UTF-8, CRLF; the HTML files and the
    JSON Lines file UTF-8 without BOM or CR; the JSON row written without ASCII escaping);
  - the JSON row has exactly the top-level keys of this part's design, and its text is assembled as
    heads.main, dek and every blocks[].v in array order, joined by blank lines;
  - every document carries exactly the fourteen fields of /work/shared/gold/seeds.yaml;
  - every phrase, boilerplate entry and body_must_keep sentence is a substring of the decoded text
    (for HTML: the tag-stripped, entity-decoded text, script and style dropped), after NFKC, curly
    quotes to straight and no-break spaces to spaces;
  - every tally and result phrase occurs exactly once, and phrases are distinct within a document;
  - the stated number, value or `of` is visible in its phrase (digits, thousands separators, or a
    number word such as "Four", "Thirty-six", "a dozen", "a thousand", "both");
  - vague tallies carry a lower-case vague_word that occurs in the phrase and no number;
  - keys and values are in the vocabulary of /work/shared/gold/README.md, dates are dates, subjects
    are strings ("yes"/"no" quoted), turnout results have subject turnout, election dates are dates
    of Kazakh national votes and the document's election kind matches;
  - titles and bylines occur in the text (for the JSON row: equal heads.main and the reporter's name),
    every credited wire is named in the text, the JSON row's epoch stamp falls on `published`;
  - manifest_q.csv lists the six non-JSONL files with columns file,outlet,url,published,notes.
Prints "N documents, T tallies (k optional), R results (m optional)" and then "OK"; exit status 0
only when every check passes.
"""
import csv
import datetime as dt
import html
import json
import re
import sys
import unicodedata
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ART = HERE / "articles"
GOLD = HERE / "gold_q.yaml"
MANIFEST = HERE / "manifest_q.csv"

DOCS = {
    "q01_forum18_2022.txt": "utf8-bom-crlf",
    "q02_jurist_2022.html": "html",
    "q03_thenewhumanitarian_2011.txt": "utf16-crlf",
    "q04_mongabay_2024.html": "html",
    "q05_upstream_2005.txt": "cp1252-crlf",
    "q06_indexoncensorship_2016.html": "html",
    "feed_q.jsonl:1": "jsonl",
}
JSONL_KEYS = {"kind", "uid", "site", "channel", "heads", "dek", "people", "times", "blocks", "taxonomy"}

COUNTED = {"protesters", "detained", "injured", "killed", "released", "fined", "sentenced", "other"}
QUALIFIER = {"exact", "approx", "at_least", "more_than", "at_most", "fewer_than", "vague", "unspecified"}
MEASURE = {"vote_share", "turnout", "seats", "threshold", "seats_contested", "parties_contesting",
           "registered_voters"}
KINDS = {"presidential", "parliamentary", "referendum"}
WIRES = {"AP", "AFP", "Reuters", "Interfax", "Xinhua", "TASS", "dpa", "EFE", "Anadolu", "IRNA", "Trend"}
WIRE_NAMES = {"AP": ("AP", "Associated Press"), "AFP": ("AFP", "Agence France-Presse")}
DOC_KEYS = {"doc", "outlet", "outlet_evidence", "title", "byline", "wire", "published",
            "published_tolerance_days", "published_evidence", "election", "boilerplate",
            "body_must_keep", "tallies", "results"}
TALLY_KEYS = {"phrase", "counted", "number", "qualifier", "vague_word", "multiplier", "location",
              "date", "source_attributed", "optional"}
TALLY_REQUIRED = TALLY_KEYS - {"multiplier", "optional"}
RESULT_KEYS = {"phrase", "subject", "measure", "value", "of", "qualifier", "scope", "election",
               "optional"}
RESULT_REQUIRED = {"phrase", "subject", "measure", "value", "qualifier", "election"}

# Kazakh national votes the annotations may refer to (date -> kind).
ELECTIONS = {
    dt.date(1991, 12, 1): "presidential",
    dt.date(1994, 3, 7): "parliamentary",
    dt.date(1995, 4, 29): "referendum",
    dt.date(1995, 8, 30): "referendum",
    dt.date(1995, 12, 9): "parliamentary",
    dt.date(1999, 1, 10): "presidential",
    dt.date(1999, 10, 10): "parliamentary",
    dt.date(2004, 9, 19): "parliamentary",
    dt.date(2005, 12, 4): "presidential",
    dt.date(2007, 8, 18): "parliamentary",
    dt.date(2011, 4, 3): "presidential",
    dt.date(2012, 1, 15): "parliamentary",
    dt.date(2015, 4, 26): "presidential",
    dt.date(2016, 3, 20): "parliamentary",
    dt.date(2019, 6, 9): "presidential",
    dt.date(2021, 1, 10): "parliamentary",
    dt.date(2022, 6, 5): "referendum",
    dt.date(2022, 11, 20): "presidential",
    dt.date(2023, 3, 19): "parliamentary",
    dt.date(2024, 10, 6): "referendum",
}

UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
         "nine": 9}
WORDS = dict(UNITS)
WORDS.update({"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
              "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "both": 2,
              "a dozen": 12, "a hundred": 100, "a thousand": 1000})
for tens_word, tens in (("twenty", 20), ("thirty", 30), ("forty", 40), ("fifty", 50),
                        ("sixty", 60), ("seventy", 70), ("eighty", 80), ("ninety", 90)):
    WORDS[tens_word] = tens
    for unit_word, unit in UNITS.items():
        WORDS[f"{tens_word}-{unit_word}"] = tens + unit

errors = []


def err(msg):
    errors.append(msg)


def norm(s):
    s = unicodedata.normalize("NFKC", s)
    for a, b in (("\u2018", "'"), ("\u2019", "'"), ("\u201c", '"'), ("\u201d", '"'),
                 ("\u00a0", " "), ("\u202f", " ")):
        s = s.replace(a, b)
    return s


def visible_text(raw_html):
    """Tag-stripped, entity-decoded text of an HTML page (script and style dropped)."""
    t = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", raw_html)
    t = re.sub(r"(?s)<!--.*?-->", " ", t)
    t = re.sub(r"(?s)<[^>]+>", "\n", t)
    return html.unescape(t)


def expect_crlf(name, text):
    if "\r\n" not in text or re.search(r"(?<!\r)\n", text) or re.search(r"\r(?!\n)", text):
        err(f"{name}: expected CRLF line endings throughout")
    return text.replace("\r\n", "\n")


def load(name, kind):
    """Return (decoded text, row or None)."""
    if kind == "jsonl":
        fname, line_no = name.rsplit(":", 1)
        raw = (ART / fname).read_bytes()
        if raw.startswith(b"\xef\xbb\xbf") or b"\r" in raw:
            err(f"{fname}: BOM or CR")
        text = raw.decode("utf-8")
        if raw.isascii():
            err(f"{fname}: expected raw UTF-8 (written without ASCII escaping)")
        rows = [r for r in text.split("\n") if r.strip()]
        if len(rows) != 1 or line_no != "1":
            err(f"{fname}: expected exactly one row addressed :1, found {len(rows)}")
        row = json.loads(rows[int(line_no) - 1])
        if set(row) != JSONL_KEYS:
            err(f"{fname}: top-level keys {sorted(row)} != {sorted(JSONL_KEYS)}")
        blocks = row["blocks"]
        if not isinstance(blocks, list) or any(not isinstance(b.get("v"), str) for b in blocks):
            err(f"{fname}: blocks must be a list of objects with a string v")
        parts = [row["heads"]["main"], row["dek"]] + [b["v"] for b in blocks]
        return "\n\n".join(parts), row
    raw = (ART / name).read_bytes()
    if kind == "html":
        if raw.startswith(b"\xef\xbb\xbf") or b"\r" in raw:
            err(f"{name}: BOM or CR in an HTML file")
        return visible_text(raw.decode("utf-8")), None
    if kind == "utf8-bom-crlf":
        if not raw.startswith(b"\xef\xbb\xbf"):
            err(f"{name}: expected a UTF-8 BOM")
        return expect_crlf(name, raw.decode("utf-8-sig")), None
    if kind == "utf16-crlf":
        if not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
            err(f"{name}: expected a UTF-16 BOM")
        return expect_crlf(name, raw.decode("utf-16")), None
    if kind == "cp1252-crlf":
        try:
            raw.decode("utf-8")
            err(f"{name}: decodes as UTF-8, expected Windows-1252")
        except UnicodeDecodeError:
            pass
        return expect_crlf(name, raw.decode("cp1252")), None
    raise ValueError(kind)


def number_visible(n, phrase):
    p = phrase.lower()
    if n is None:
        return True
    if isinstance(n, float) and not n.is_integer():
        s = repr(n)
        return re.search(r"(?<![\d.])" + re.escape(s) + r"(?![1-9])", p.replace(",", "")) is not None
    n = int(n)
    forms = {str(n), f"{n:,}"}
    if n >= 1_000_000:
        forms.add(f"{n / 1_000_000:g} million")
    if any(re.search(r"(?<![\d.,])" + re.escape(f) + r"(?!\d)(?!,\d)(?!\.\d)", p) for f in forms):
        return True
    return any(v == n and re.search(r"(?<![\w-])" + re.escape(w) + r"(?![\w-])", p)
               for w, v in WORDS.items())


def is_date(value):
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)


def check_date(value, what):
    if value is not None and not is_date(value):
        err(f"{what}: date {value!r} is not YYYY-MM-DD")


def check_manifest():
    with MANIFEST.open(newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        if reader.fieldnames != ["file", "outlet", "url", "published", "notes"]:
            err(f"manifest_q.csv: columns {reader.fieldnames}")
        rows = list(reader)
    files = sorted(r["file"] for r in rows)
    want = sorted(n for n, k in DOCS.items() if k != "jsonl")
    if files != want:
        err(f"manifest_q.csv: files {files} != {want}")
    for r in rows:
        if not (ART / r["file"]).is_file():
            err(f"manifest_q.csv: {r['file']} does not exist")
        if r["published"]:
            try:
                dt.date.fromisoformat(r["published"])
            except ValueError:
                err(f"manifest_q.csv: published {r['published']!r} for {r['file']}")


def check_doc(d):
    name = d["doc"]
    counts = [0, 0, 0, 0]
    if set(d) != DOC_KEYS:
        err(f"{name}: keys differ from the seeds' fields: missing {DOC_KEYS - set(d)}, "
            f"unknown {set(d) - DOC_KEYS}")
        return counts
    kind = DOCS.get(name)
    if kind is None:
        err(f"{name}: not a document of this part")
        return counts
    text, row = load(name, kind)
    ntext = norm(text)

    if not isinstance(d["outlet"], str) or not d["outlet"]:
        err(f"{name}: outlet missing")
    title = norm(d["title"])
    if title not in ntext:
        err(f"{name}: title not found")
    if row is not None:
        if title != norm(row["heads"]["main"]):
            err(f"{name}: title is not heads.main")
        reporters = [p["n"] for p in row["people"] if p.get("r") == "Reporter"]
        if [d["byline"]] != reporters:
            err(f"{name}: byline {d['byline']!r} is not the reporter {reporters}")
        stamp = dt.datetime.fromtimestamp(row["times"]["live"], tz=dt.timezone.utc).date()
        if stamp != d["published"]:
            err(f"{name}: times.live falls on {stamp}, published says {d['published']}")
    elif d["byline"] is not None and norm(d["byline"]) not in ntext:
        err(f"{name}: byline {d['byline']!r} not in the text")
    if not isinstance(d["wire"], list) or set(d["wire"]) - WIRES:
        err(f"{name}: wire {d['wire']!r}")
    for w in d["wire"] or []:
        if not any(x in ntext for x in WIRE_NAMES.get(w, (w,))):
            err(f"{name}: wire {w} not named in the text")
    if not is_date(d["published"]):
        err(f"{name}: published {d['published']!r} is not a date")
    if not isinstance(d["published_tolerance_days"], int) or d["published_tolerance_days"] < 0:
        err(f"{name}: published_tolerance_days must be a non-negative int")
    if not d["outlet_evidence"] or not d["published_evidence"]:
        err(f"{name}: evidence fields must be filled")
    if d["election"] is not None:
        e = d["election"]
        if set(e) != {"date", "kind"}:
            err(f"{name}: election keys {sorted(e)}")
        check_date(e.get("date"), f"{name} election")
        if e.get("kind") not in KINDS:
            err(f"{name}: election kind {e.get('kind')}")
        if ELECTIONS.get(e.get("date")) != e.get("kind"):
            err(f"{name}: election {e} is not a known Kazakh vote")

    strings = ([("boilerplate", s) for s in d.get("boilerplate") or []]
               + [("body_must_keep", s) for s in d.get("body_must_keep") or []]
               + [("tally", t["phrase"]) for t in d.get("tallies") or []]
               + [("result", r["phrase"]) for r in d.get("results") or []])
    for what, s in strings:
        if not isinstance(s, str) or not s.strip():
            err(f"{name}: empty {what}")
            continue
        ns = norm(s)
        if ns not in ntext:
            err(f"{name}: {what} not found: {s!r}")
        elif what in ("tally", "result") and ntext.count(ns) != 1:
            err(f"{name}: {what} occurs {ntext.count(ns)} times: {s!r}")
    phrases = [norm(x["phrase"]) for x in (d.get("tallies") or []) + (d.get("results") or [])]
    dup = {p for p in phrases if phrases.count(p) > 1}
    if dup:
        err(f"{name}: duplicate phrases {dup}")

    for t in d.get("tallies") or []:
        w = f"{name} tally {t['phrase']!r}"
        if set(t) - TALLY_KEYS or TALLY_REQUIRED - set(t):
            err(f"{w}: keys {sorted(t)}")
            continue
        if t["counted"] not in COUNTED:
            err(f"{w}: counted {t['counted']}")
        if t["qualifier"] not in QUALIFIER:
            err(f"{w}: qualifier {t['qualifier']}")
        if t["number"] is not None and not isinstance(t["number"], int):
            err(f"{w}: number must be an integer or null")
        if not number_visible(t["number"], norm(t["phrase"])):
            err(f"{w}: number {t['number']} not visible")
        vw = t["vague_word"]
        if vw is not None and (vw != vw.lower() or vw not in norm(t["phrase"]).lower()):
            err(f"{w}: vague_word {vw!r} not in phrase / not lower case")
        if t["qualifier"] == "vague" and (vw is None or t["number"] is not None):
            err(f"{w}: vague needs a vague_word and no number")
        if t["qualifier"] not in ("vague", "unspecified") and t["number"] is None:
            err(f"{w}: qualifier {t['qualifier']} without a number")
        if "multiplier" in t and not isinstance(t["multiplier"], int):
            err(f"{w}: multiplier must be an integer")
        if t["location"] is not None and not (isinstance(t["location"], list) and t["location"]
                                              and all(isinstance(x, str) for x in t["location"])):
            err(f"{w}: location must be a non-empty list of names or null")
        if "optional" in t and t["optional"] is not True:
            err(f"{w}: optional must be true or absent")
        check_date(t["date"], w)
        counts[0] += 1
        counts[1] += bool(t.get("optional"))

    for r in d.get("results") or []:
        w = f"{name} result {r['phrase']!r}"
        if set(r) - RESULT_KEYS or RESULT_REQUIRED - set(r):
            err(f"{w}: keys {sorted(r)}")
            continue
        if r["measure"] not in MEASURE:
            err(f"{w}: measure {r['measure']}")
        if r["qualifier"] not in QUALIFIER or r["qualifier"] in ("vague", "unspecified"):
            err(f"{w}: qualifier {r['qualifier']}")
        if not isinstance(r["value"], (int, float)):
            err(f"{w}: value {r['value']!r} is not a number")
        elif not number_visible(r["value"], norm(r["phrase"])):
            err(f"{w}: value {r['value']} not visible")
        if "of" in r and not number_visible(r["of"], norm(r["phrase"])):
            err(f"{w}: of {r['of']} not visible")
        if not isinstance(r["subject"], str):
            err(f"{w}: subject {r['subject']!r} is not a string (quote yes/no)")
        if (r["measure"] == "turnout") != (r["subject"] == "turnout"):
            err(f"{w}: turnout results, and only they, have subject 'turnout'")
        if "scope" in r and not isinstance(r["scope"], str):
            err(f"{w}: scope must be a place name")
        check_date(r["election"], w)
        if r["election"] not in ELECTIONS:
            err(f"{w}: election {r['election']} is not a known Kazakh vote")
        if "optional" in r and r["optional"] is not True:
            err(f"{w}: optional must be true or absent")
        counts[2] += 1
        counts[3] += bool(r.get("optional"))
    return counts


def main():
    gold = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    seen = [d["doc"] for d in gold]
    if sorted(seen) != sorted(DOCS) or len(seen) != len(set(seen)):
        err(f"documents {seen} != {sorted(DOCS)}")
    totals = [0, 0, 0, 0]
    for d in gold:
        for i, c in enumerate(check_doc(d)):
            totals[i] += c
    check_manifest()
    n_t, n_to, n_r, n_ro = totals
    print(f"{len(gold)} documents, {n_t} tallies ({n_to} optional), {n_r} results ({n_ro} optional)")
    if errors:
        print(f"FAILED: {len(errors)} problem(s)")
        for e in errors:
            print("  -", e)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
