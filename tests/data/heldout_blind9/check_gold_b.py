#!/usr/bin/env python3
"""Check gold_b.yaml (blind set 9, part B) against the documents it annotates.

Standalone: standard library and PyYAML only; it does not import kzresearch.

For every annotated document it decodes the text, normalises it (NFKC, curly quotes to
straight, no-break and narrow no-break space to space) and asserts that every tally and
result phrase, boilerplate entry, body_must_keep sentence and (outside the JSON rows) the
title occurs verbatim. Decoding:

* u04 is Windows-1252 (it declares iso-8859-1, as many pages of its era did, but uses
  0x91-0x97 quotes and dashes): the script checks that it is NOT valid UTF-8 and decodes
  it as cp1252;
* u05 is UTF-16 little-endian with a byte-order mark: the script checks the BOM;
* the JSON Lines rows' body is the row's ``txt``; the annotated title must equal ``hed``;
  row 2 carries <p> markup, so it is read like HTML;
* the other files are UTF-8; in HTML files <script> and <style> are removed and the text is
  split at tags: each string must lie inside a single between-tags segment and contain no
  character entity.

Further checks: every tally and result phrase occurs EXACTLY ONCE in the normalised text;
the number of a tally (or value / ``of`` of a result) is visible in its phrase (digits,
"N million", or a number word such as "four", "half a dozen"); fields and vocabulary;
phrases distinct within a document; no counted event or quoted election dated after the
document's publication; manifest_b.csv has the expected columns and names existing files.
Run: python3 check_gold_b.py
"""
import csv
import datetime
import json
import re
import sys
import unicodedata
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ARTICLES = HERE / "articles"
GOLD = HERE / "gold_b.yaml"
MANIFEST = HERE / "manifest_b.csv"
CP1252_DOCS = {"u04_ansa_2007.html"}
UTF16_DOCS = {"u05_uzdaily_2022.txt"}
EXPECTED_DOCS = ["u01_mainichi_2019.html", "u02_koreaherald_2016.txt", "u03_errnews_2023.html",
                 "u04_ansa_2007.html", "u05_uzdaily_2022.txt", "feed_w.jsonl:1", "feed_w.jsonl:2"]

COUNTED = {"protesters", "detained", "injured", "killed", "released", "fined", "sentenced", "other"}
QUALIFIERS = {"exact", "approx", "at_least", "more_than", "at_most", "fewer_than", "vague", "unspecified"}
MEASURES = {"vote_share", "turnout", "seats", "threshold", "seats_contested", "parties_contesting",
            "registered_voters"}
KINDS = {"presidential", "parliamentary", "referendum"}
DOC_FIELDS = ["doc", "outlet", "outlet_evidence", "title", "byline", "wire", "published",
              "published_tolerance_days", "published_evidence", "election", "boilerplate",
              "body_must_keep", "tallies", "results"]
TALLY_FIELDS = ["phrase", "counted", "number", "qualifier", "vague_word", "location", "date",
                "source_attributed"]
RESULT_FIELDS = ["phrase", "subject", "measure", "value", "qualifier", "election"]
DATE_RE = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")
ENTITY_RE = re.compile(r"&(#\d+|#x[0-9a-fA-F]+|[A-Za-z]+);")
NUM_RE = re.compile(r"\d[\d,]*(?:\.\d+)?(\s+million)?")

QUOTES = {"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'",
          "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"',
          "\u00a0": " ", "\u202f": " "}
WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
         "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
         "a dozen": 12, "two dozen": 24, "half a dozen": 6, "a hundred": 100}


def norm(s):
    s = unicodedata.normalize("NFKC", s)
    for a, b in QUOTES.items():
        s = s.replace(a, b)
    return s


def numbers_in(phrase):
    """Every number a reader sees in the phrase: digits (with 'million'), and number words."""
    found = set()
    for m in NUM_RE.finditer(phrase):
        txt = m.group(0)
        mult = 1_000_000 if m.group(1) else 1
        digits = txt.split()[0].replace(",", "")
        try:
            found.add(round(float(digits) * mult, 6))
        except ValueError:
            pass
    low = phrase.lower()
    for w, n in WORDS.items():
        if re.search(r"\b" + re.escape(w) + r"\b", low):
            found.add(float(n))
    return found


def date_ok(v, allow_month=True):
    if v is None:
        return True
    if isinstance(v, datetime.date):
        return True
    if isinstance(v, str) and DATE_RE.match(v):
        return allow_month or len(v) == 10
    return False


def first_day(v):
    """The earliest day a date value (date, 'YYYY-MM' or 'YYYY-MM-DD') can mean."""
    if isinstance(v, datetime.date):
        return v
    parts = [int(p) for p in str(v).split("-")]
    return datetime.date(parts[0], parts[1], parts[2] if len(parts) > 2 else 1)


def html_view(text):
    stripped = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", text)
    segments = [norm(s) for s in re.split(r"<[^>]*>", stripped)]
    return norm(stripped), segments


def load_doc(name):
    """Return (normalised full text, list of normalised segments or None, row dict or None)."""
    if ".jsonl:" in name:
        fname, row = name.rsplit(":", 1)
        lines = (ARTICLES / fname).read_text(encoding="utf-8").splitlines()
        rec = json.loads(lines[int(row) - 1])
        body = rec["txt"]
        if "<" in body:
            text, segments = html_view(body)
            return text, segments, rec
        return norm(body), None, rec
    raw = (ARTICLES / name).read_bytes()
    if name in CP1252_DOCS:
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            raise AssertionError(f"{name}: expected a non-UTF-8 (Windows-1252) file")
        text = raw.decode("cp1252")
    elif name in UTF16_DOCS:
        if not raw.startswith(b"\xff\xfe"):
            raise AssertionError(f"{name}: expected a UTF-16LE byte-order mark")
        text = raw.decode("utf-16")
    else:
        text = raw.decode("utf-8")
    if name.endswith(".html"):
        t, segments = html_view(text)
        return t, segments, None
    return norm(text), None, None


def check_manifest(errors):
    with MANIFEST.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        if reader.fieldnames != ["file", "outlet", "url", "published", "notes"]:
            errors.append(f"manifest_b.csv: columns are {reader.fieldnames}")
            return
        rows = list(reader)
    files = [r["file"] for r in rows]
    expected = [d for d in EXPECTED_DOCS if ".jsonl:" not in d]
    if sorted(files) != sorted(expected):
        errors.append(f"manifest_b.csv: files {files} != {expected}")
    for r in rows:
        if not (ARTICLES / r["file"]).exists():
            errors.append(f"manifest_b.csv: no such file {r['file']}")
        if r["published"] and not DATE_RE.match(r["published"]):
            errors.append(f"manifest_b.csv: bad published {r['published']!r}")


def main():
    gold = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    errors = []
    n_t = n_to = n_r = n_ro = 0

    def err(msg):
        errors.append(msg)

    docs = [d.get("doc") for d in gold]
    if docs != EXPECTED_DOCS:
        err(f"documents {docs} != {EXPECTED_DOCS}")

    for d in gold:
        name = d.get("doc")
        for f in DOC_FIELDS:
            if f not in d:
                err(f"{name}: missing field {f}")
        try:
            text, segments, rec = load_doc(name)
        except Exception as e:  # noqa: BLE001
            err(f"{name}: cannot load ({e})")
            continue

        def find(s, what, once=False):
            ns = norm(str(s))
            if ns not in text:
                err(f"{name}: {what} not found: {s!r}")
                return
            if once and text.count(ns) != 1:
                err(f"{name}: {what} occurs {text.count(ns)} times: {s!r}")
            if segments is not None:
                if ENTITY_RE.search(ns) or "<" in ns:
                    err(f"{name}: {what} contains an entity or a tag: {s!r}")
                if not any(ns in seg for seg in segments):
                    err(f"{name}: {what} crosses a tag: {s!r}")

        if rec is not None:
            if norm(d["title"]) != norm(rec["hed"]):
                err(f"{name}: title differs from the row's hed")
        else:
            find(d["title"], "title")
        pub = d.get("published")
        if not date_ok(pub, allow_month=True):
            err(f"{name}: bad published {pub!r}")
        tol = d.get("published_tolerance_days")
        if not isinstance(tol, int):
            err(f"{name}: published_tolerance_days must be an integer")
            tol = 0
        latest = None
        if pub is not None:
            latest = first_day(pub) + datetime.timedelta(days=tol)
        el = d.get("election")
        if el is not None:
            if el.get("kind") not in KINDS or not date_ok(el.get("date"), allow_month=False):
                err(f"{name}: bad election {el!r}")
            elif latest is not None and first_day(el["date"]) > latest:
                err(f"{name}: election after publication")
        if not isinstance(d.get("wire"), list):
            err(f"{name}: wire must be a list")
        for b in d.get("boilerplate") or []:
            find(b, "boilerplate")
        for b in d.get("body_must_keep") or []:
            find(b, "body_must_keep")

        phrases = []
        for t in d.get("tallies") or []:
            n_t += 1
            n_to += bool(t.get("optional"))
            for f in TALLY_FIELDS:
                if f not in t:
                    err(f"{name}: tally {t.get('phrase')!r} lacks {f}")
            find(t["phrase"], "tally phrase", once=True)
            phrases.append(norm(t["phrase"]))
            if t.get("counted") not in COUNTED:
                err(f"{name}: bad counted in {t['phrase']!r}")
            if t.get("qualifier") not in QUALIFIERS:
                err(f"{name}: bad qualifier in {t['phrase']!r}")
            if t.get("qualifier") == "vague" and not t.get("vague_word"):
                err(f"{name}: vague tally without vague_word: {t['phrase']!r}")
            if t.get("vague_word") and norm(t["vague_word"]).lower() not in norm(t["phrase"]).lower():
                err(f"{name}: vague_word {t['vague_word']!r} not in phrase {t['phrase']!r}")
            if t.get("qualifier") not in ("vague", "unspecified") and t.get("number") is None:
                err(f"{name}: tally without number: {t['phrase']!r}")
            if t.get("number") is not None:
                if not isinstance(t["number"], (int, float)):
                    err(f"{name}: number not numeric in {t['phrase']!r}")
                elif float(t["number"]) not in numbers_in(norm(t["phrase"])):
                    err(f"{name}: number {t['number']} not visible in {t['phrase']!r}")
            if t.get("location") is not None and not isinstance(t["location"], list):
                err(f"{name}: location must be a list in {t['phrase']!r}")
            if not date_ok(t.get("date")):
                err(f"{name}: bad date in {t['phrase']!r}")
            elif t.get("date") is not None and latest is not None and first_day(t["date"]) > latest:
                err(f"{name}: tally dated after publication: {t['phrase']!r}")
            if "optional" in t and not isinstance(t["optional"], bool):
                err(f"{name}: optional must be true/false in {t['phrase']!r}")
        for r in d.get("results") or []:
            n_r += 1
            n_ro += bool(r.get("optional"))
            for f in RESULT_FIELDS:
                if f not in r:
                    err(f"{name}: result {r.get('phrase')!r} lacks {f}")
            find(r["phrase"], "result phrase", once=True)
            phrases.append(norm(r["phrase"]))
            if r.get("measure") not in MEASURES:
                err(f"{name}: bad measure in {r['phrase']!r}")
            if r.get("qualifier") not in QUALIFIERS:
                err(f"{name}: bad qualifier in {r['phrase']!r}")
            seen = numbers_in(norm(r["phrase"]))
            if not isinstance(r.get("value"), (int, float)):
                err(f"{name}: value not numeric in {r['phrase']!r}")
            elif round(float(r["value"]), 6) not in seen:
                err(f"{name}: value {r['value']} not visible in {r['phrase']!r}")
            if "of" in r:
                if not isinstance(r["of"], (int, float)):
                    err(f"{name}: 'of' not numeric in {r['phrase']!r}")
                elif float(r["of"]) not in seen:
                    err(f"{name}: 'of' {r['of']} not visible in {r['phrase']!r}")
            if not isinstance(r.get("subject"), str):
                err(f"{name}: subject must be a string in {r['phrase']!r}")
            if "scope" in r and not isinstance(r["scope"], str):
                err(f"{name}: scope must be a string in {r['phrase']!r}")
            if not date_ok(r.get("election"), allow_month=False) or r.get("election") is None:
                err(f"{name}: bad election date in {r['phrase']!r}")
            elif latest is not None and first_day(r["election"]) > latest:
                err(f"{name}: result of an election after publication: {r['phrase']!r}")
            if "optional" in r and not isinstance(r["optional"], bool):
                err(f"{name}: optional must be true/false in {r['phrase']!r}")
        dup = {p for p in phrases if phrases.count(p) > 1}
        if dup:
            err(f"{name}: duplicate phrases {sorted(dup)}")

    check_manifest(errors)
    print(f"documents: {len(gold)}; tallies: {n_t} ({n_to} optional); results: {n_r} ({n_ro} optional)")
    if errors:
        for e in errors:
            print("FAIL:", e)
        return 1
    print("OK: every phrase, boilerplate entry, body_must_keep sentence and title was found")
    return 0


if __name__ == "__main__":
    sys.exit(main())
