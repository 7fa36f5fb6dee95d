#!/usr/bin/env python3
"""Check gold_b.yaml (blind set 20, part B) against the documents it annotates.

Standalone: standard library and PyYAML only; it does not import kzresearch.

For every annotated document it decodes the text with its real encoding, normalises it (NFKC,
curly quotes to straight, no-break and narrow no-break space to space) and asserts that every
tally and result phrase, boilerplate entry, body_must_keep sentence, the title and the byline
occur verbatim. Decoding:

* w03 is Windows-1252 with CRLF line ends: the script checks that the bytes are NOT valid UTF-8,
  that they hold CRLF line ends, and decodes them as cp1252;
* w04 is UTF-8 with a byte-order mark and CRLF line ends: the script checks the BOM and the CRLF
  line ends and decodes it as utf-8-sig;
* the JSON Lines rows' text is their "lead" followed by every "blocks[].txt", joined by blank
  lines; the annotated title must equal the row's "hl" and the byline must be the name of an
  "authors" entry whose role is "author" (null when there is none); the file must hold exactly two
  rows from two different outlets ("src.site");
* the other files are UTF-8; in HTML files <script> and <style> are removed and the text is split
  at tags: each string must lie inside a single between-tags segment and contain no character
  entity; phrases are counted in the visible text only (tags and attributes removed).

It also checks that every tally and result phrase occurs exactly once, that the annotated number
(tallies) or value and "of" (results) are visible in the phrase (digits, "million", number words,
"a dozen"), that a vague_word occurs in its phrase, the fields and their vocabulary, that dates are
valid, that phrases are distinct within a document, that no counted event or quoted election is
dated after the document's publication, that every wire agency is named in the document, and that
manifest_b.csv has the columns file,outlet,url,published,notes and lists the five non-JSONL files.
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
CP1252_DOCS = {"w03_guardianng_2016.txt"}
BOM_CRLF_DOCS = {"w04_praguemorning_2021.txt"}
FEED = "feed_w.jsonl"

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
# How each credited agency may be named in a document.
AGENCY_NAMES = {"AP": ["Associated Press", "AP"], "AFP": ["AFP", "Agence France-Presse"],
                "Reuters": ["Reuters"], "ČTK": ["ČTK", "CTK", "Czech News Agency"],
                "Kazinform": ["Kazinform"]}
DATE_RE = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")
ENTITY_RE = re.compile(r"&(#\d+|#x[0-9a-fA-F]+|[A-Za-z]+);")
NUM_RE = re.compile(r"\d[\d,]*(?:\.\d+)?")
WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
         "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "dozen": 12, "thirteen": 13,
         "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100,
         "thousand": 1000}
FRACTIONS = {"a third": 33.3, "a quarter": 25, "half": 50}

QUOTES = {"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'",
          "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"',
          "\u00a0": " ", "\u202f": " "}


def norm(s):
    s = unicodedata.normalize("NFKC", s)
    for a, b in QUOTES.items():
        s = s.replace(a, b)
    return s


def date_ok(v, allow_month=True):
    if v is None:
        return True
    if isinstance(v, datetime.date):
        return True
    if isinstance(v, str) and DATE_RE.match(v):
        try:
            first_day(v)
        except ValueError:
            return False
        return allow_month or len(v) == 10
    return False


def first_day(v):
    """The earliest day a date value (date, 'YYYY-MM' or 'YYYY-MM-DD') can mean."""
    if isinstance(v, datetime.date):
        return v
    parts = [int(p) for p in str(v).split("-")]
    return datetime.date(parts[0], parts[1], parts[2] if len(parts) > 2 else 1)


def numbers_in(phrase):
    """Every number a reader sees in the phrase: digits (with 'million'), number words, fractions."""
    found = set()
    low = phrase.lower()
    for m in NUM_RE.finditer(low):
        v = float(m.group().replace(",", ""))
        found.add(v)
        if low[m.end():m.end() + 9].strip().startswith("million"):
            found.add(round(v * 1_000_000, 3))
    for w, v in WORDS.items():
        if re.search(r"\b" + w + r"\b", low):
            found.add(float(v))
    for w, v in FRACTIONS.items():
        if w in low:
            found.add(float(v))
    return found


def row_text(rec):
    return "\n\n".join([rec["lead"]] + [b["txt"] for b in rec["blocks"]])


def load_doc(name):
    """Return (normalised full text, normalised visible text, segments or None, row or None)."""
    if ".jsonl:" in name:
        fname, row = name.rsplit(":", 1)
        lines = (ARTICLES / fname).read_text(encoding="utf-8").splitlines()
        rec = json.loads(lines[int(row) - 1])
        body = norm(row_text(rec))
        return body, body, None, rec
    raw = (ARTICLES / name).read_bytes()
    if name in CP1252_DOCS:
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            raise AssertionError(f"{name}: expected a non-UTF-8 (Windows-1252) file")
        assert b"\r\n" in raw, f"{name}: expected CRLF line ends"
        text = raw.decode("cp1252")
    elif name in BOM_CRLF_DOCS:
        assert raw[:3] == b"\xef\xbb\xbf", f"{name}: expected a UTF-8 byte-order mark"
        assert b"\r\n" in raw and raw.count(b"\n") == raw.count(b"\r\n"), f"{name}: expected CRLF line ends"
        text = raw.decode("utf-8-sig")
    else:
        text = raw.decode("utf-8")
    text = text.replace("\r\n", "\n")
    if name.endswith(".html"):
        stripped = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", text)
        segments = [norm(s) for s in re.split(r"<[^>]*>", stripped)]
        return norm(stripped), "\n".join(segments), segments, None
    t = norm(text)
    return t, t, None, None


def check_feed(err):
    lines = [ln for ln in (ARTICLES / FEED).read_text(encoding="utf-8").splitlines() if ln.strip()]
    if len(lines) != 2:
        err(f"{FEED}: expected 2 rows, found {len(lines)}")
        return
    recs = [json.loads(ln) for ln in lines]
    sites = [r["src"]["site"] for r in recs]
    if len(set(sites)) != 2:
        err(f"{FEED}: the two rows must come from different outlets: {sites}")
    for r in recs:
        for banned in ("title", "text", "date"):
            if banned in r:
                err(f"{FEED}: row {r.get('rid')} uses the key {banned!r}")


def check_manifest(err, gold_docs):
    with MANIFEST.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        if reader.fieldnames != ["file", "outlet", "url", "published", "notes"]:
            err(f"manifest_b.csv: bad columns {reader.fieldnames}")
            return
        rows = list(reader)
    files = [r["file"] for r in rows]
    expected = sorted(d for d in gold_docs if ".jsonl:" not in d)
    if sorted(files) != expected:
        err(f"manifest_b.csv: files {sorted(files)} != {expected}")
    for r in rows:
        if not (ARTICLES / r["file"]).is_file():
            err(f"manifest_b.csv: {r['file']} not found in articles/")
        if r["published"] and not date_ok(r["published"]):
            err(f"manifest_b.csv: bad published {r['published']!r}")


def main():
    gold = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    errors = []
    n_t = n_to = n_r = n_ro = 0

    def err(msg):
        errors.append(msg)

    check_feed(err)
    check_manifest(err, [d.get("doc") for d in gold])

    for d in gold:
        name = d.get("doc")
        for f in DOC_FIELDS:
            if f not in d:
                err(f"{name}: missing field {f}")
        try:
            text, visible, segments, rec = load_doc(name)
        except Exception as e:  # noqa: BLE001
            err(f"{name}: cannot load ({e})")
            continue

        def find(s, what):
            ns = norm(str(s))
            if ns not in text:
                err(f"{name}: {what} not found: {s!r}")
                return False
            if segments is not None:
                if ENTITY_RE.search(ns) or "<" in ns:
                    err(f"{name}: {what} contains an entity or a tag: {s!r}")
                if not any(ns in seg for seg in segments):
                    err(f"{name}: {what} crosses a tag: {s!r}")
            return True

        def once(s, what):
            c = visible.count(norm(str(s)))
            if c != 1:
                err(f"{name}: {what} occurs {c} times in the visible text (expected once): {s!r}")

        # title and byline
        if rec is not None:
            if norm(d["title"]) != norm(rec["hl"]):
                err(f"{name}: title differs from the row's hl")
            authors = [a["name"] for a in rec.get("authors") or [] if a.get("role") == "author"]
            if d.get("byline") is None and authors:
                err(f"{name}: byline is null but the row has authors {authors}")
            if d.get("byline") is not None and d["byline"] not in authors:
                err(f"{name}: byline {d['byline']!r} is not an author of the row")
        else:
            find(d["title"], "title")
            if d.get("byline") is not None:
                find(d["byline"], "byline")

        # wire agencies named in the document
        if not isinstance(d.get("wire"), list):
            err(f"{name}: wire must be a list")
        else:
            for agency in d["wire"]:
                names = AGENCY_NAMES.get(agency)
                if names is None:
                    err(f"{name}: unknown agency {agency!r} (add it to AGENCY_NAMES)")
                elif not any(re.search(r"(?<!\w)" + re.escape(norm(n)) + r"(?!\w)", visible) for n in names):
                    err(f"{name}: agency {agency!r} is not named in the document")

        pub = d.get("published")
        if not date_ok(pub, allow_month=True):
            err(f"{name}: bad published {pub!r}")
        if not isinstance(d.get("published_tolerance_days"), int):
            err(f"{name}: published_tolerance_days must be an integer")
        latest = None
        if pub is not None and date_ok(pub):
            month_only = isinstance(pub, str) and len(pub) == 7
            latest = first_day(pub) + datetime.timedelta(
                days=(31 if month_only else 0) + (d.get("published_tolerance_days") or 0))
        el = d.get("election")
        if el is not None:
            if el.get("kind") not in KINDS or not date_ok(el.get("date"), allow_month=False):
                err(f"{name}: bad election {el!r}")
            elif latest is not None and first_day(el["date"]) > latest:
                err(f"{name}: the document's election is after its publication")
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
            if find(t["phrase"], "tally phrase"):
                once(t["phrase"], "tally phrase")
            phrases.append(norm(t["phrase"]))
            if t.get("counted") not in COUNTED:
                err(f"{name}: bad counted in {t['phrase']!r}")
            if t.get("qualifier") not in QUALIFIERS:
                err(f"{name}: bad qualifier in {t['phrase']!r}")
            if t.get("qualifier") == "vague" and not t.get("vague_word"):
                err(f"{name}: vague tally without vague_word: {t['phrase']!r}")
            if t.get("vague_word") and norm(t["vague_word"]).lower() not in norm(t["phrase"]).lower():
                err(f"{name}: vague_word not in phrase: {t['phrase']!r}")
            if t.get("qualifier") not in ("vague", "unspecified") and t.get("number") is None:
                err(f"{name}: tally without number: {t['phrase']!r}")
            if t.get("number") is not None:
                if not isinstance(t["number"], (int, float)) or isinstance(t["number"], bool):
                    err(f"{name}: number not numeric in {t['phrase']!r}")
                elif float(t["number"]) not in numbers_in(norm(t["phrase"])):
                    err(f"{name}: number {t['number']} not visible in {t['phrase']!r}")
            if t.get("location") is not None and not isinstance(t["location"], list):
                err(f"{name}: location must be a list in {t['phrase']!r}")
            if t.get("source_attributed") is not None and not isinstance(t["source_attributed"], str):
                err(f"{name}: source_attributed must be a string in {t['phrase']!r}")
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
            if find(r["phrase"], "result phrase"):
                once(r["phrase"], "result phrase")
            phrases.append(norm(r["phrase"]))
            if r.get("measure") not in MEASURES:
                err(f"{name}: bad measure in {r['phrase']!r}")
            if r.get("qualifier") not in QUALIFIERS:
                err(f"{name}: bad qualifier in {r['phrase']!r}")
            if not isinstance(r.get("value"), (int, float)) or isinstance(r.get("value"), bool):
                err(f"{name}: value not numeric in {r['phrase']!r}")
            elif float(r["value"]) not in numbers_in(norm(r["phrase"])):
                err(f"{name}: value {r['value']} not visible in {r['phrase']!r}")
            if "of" in r:
                if not isinstance(r["of"], (int, float)):
                    err(f"{name}: 'of' not numeric in {r['phrase']!r}")
                elif float(r["of"]) not in numbers_in(norm(r["phrase"])):
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

    print(f"documents: {len(gold)}; tallies: {n_t} ({n_to} optional); results: {n_r} ({n_ro} optional)")
    if errors:
        for e in errors:
            print("FAIL:", e)
        return 1
    print("OK: every phrase, boilerplate entry, body_must_keep sentence, title and byline was found")
    return 0


if __name__ == "__main__":
    sys.exit(main())
