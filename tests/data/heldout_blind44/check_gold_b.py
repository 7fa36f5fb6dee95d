#!/usr/bin/env python3
"""Check gold_b.yaml of blind held-out set 44, part B, against its seven documents.

Standalone: standard library and PyYAML only; it does not import kzresearch.

Decodes each document with its real encoding and checks that encoding:
  b01 UTF-8 HTML (no BOM, LF);  b02 UTF-8 text WITH a BOM (LF);  b03 UTF-16 little-endian text
  with a BOM and CRLF line ends;  b04 windows-1251 HTML with CRLF line ends, which must not decode
  as UTF-8 and must declare its charset;  b05 UTF-8 text (no BOM, LF);  feed_b.jsonl: UTF-8 JSON
  Lines (no BOM, no CR), exactly two rows with raw (not \\u-escaped) non-ASCII and the top-level keys
  ref, heading, people, stamps, chunks, pix, labels. A row's text is heading.main, heading.deck and
  the `body` of every element of `chunks` in order, joined by blank lines; its title must equal
  heading.main and its byline the first `people` entry with role "author" (or null if none).
Text and annotations are normalised the same way (NFKC, curly quotes to straight, no-break space to
space, CRLF to LF). It then asserts that
  - every tally and result phrase, boilerplate entry and body_must_keep sentence is a substring of
    the document (for HTML: of the raw page with no tag or entity inside, and of the tag-stripped,
    entity-decoded visible text as well);
  - every tally and result phrase occurs exactly once, and phrases are distinct within a document;
  - the stated number, value or `of` is visible in the phrase: a numeral (with thousands separators
    or trailing ".0"), "N million", a number word ("three", "six", "both", "two dozen"), or a
    fraction ("three-quarters" 75, "two-thirds" 66.7, "one in three" 33.3, "four in five" 80, ...);
  - vague tallies carry a lower-case vague_word found in the phrase and no number; other
    qualifiers except `unspecified` carry a number; multipliers are integers above 1;
  - keys and values are in the vocabulary of /work/shared/gold/README.md, documents have exactly
    the fourteen fields of seeds.yaml, dates are dates, subjects are strings (so "yes"/"no" stay
    quoted), a turnout's subject is "turnout", election dates are dates of Kazakh national votes
    and a document's election has the right kind;
  - titles and bylines occur in the text, every credited agency is named in it, and
    manifest_b.csv has the five non-JSONL files and the columns file,outlet,url,published,notes.
Prints "N documents, T tallies (k optional), R results (m optional)" and "OK ..." on success.
Exit status 0 when all checks pass.
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

DOCS = {
    "b01_legrandcontinent_2023.html": "html_utf8",
    "b02_chosunilbo_2019.txt": "utf8_bom",
    "b03_asiasentinel_2022.txt": "utf16_crlf",
    "b04_vestnikkavkaza_2016.html": "html_cp1251_crlf",
    "b05_visualcapitalist_2022.txt": "utf8",
    "feed_b.jsonl:1": "jsonl",
    "feed_b.jsonl:2": "jsonl",
}
JSONL_FILE = "feed_b.jsonl"
JSONL_ROWS = 2
JSONL_KEYS = {"ref", "heading", "people", "stamps", "chunks", "pix", "labels"}
WIRE_NAMES = {"AP": ("AP", "Associated Press"), "AFP": ("AFP", "Agence France-Presse"),
              "Interfax": ("Interfax",), "KazTAG": ("KazTAG",), "Reuters": ("Reuters",)}
WIRES = {"AP", "AFP", "Reuters", "Interfax", "Xinhua", "TASS", "dpa", "EFE", "Anadolu", "IRNA",
         "Trend", "KazTAG", "Kazinform", "Sputnik", "RIA Novosti", "AKIpress"}

COUNTED = {"protesters", "detained", "injured", "killed", "released", "fined", "sentenced", "other"}
QUALIFIER = {"exact", "approx", "at_least", "more_than", "at_most", "fewer_than", "vague",
             "unspecified"}
MEASURE = {"vote_share", "turnout", "seats", "threshold", "seats_contested", "parties_contesting",
           "registered_voters"}
KINDS = {"presidential", "parliamentary", "referendum"}
DOC_KEYS = {"doc", "outlet", "outlet_evidence", "title", "byline", "wire", "published",
            "published_tolerance_days", "published_evidence", "election", "boilerplate",
            "body_must_keep", "tallies", "results"}
TALLY_KEYS = {"phrase", "counted", "number", "qualifier", "vague_word", "multiplier", "location",
              "date", "source_attributed", "optional"}
TALLY_REQUIRED = TALLY_KEYS - {"multiplier", "optional"}
RESULT_KEYS = {"phrase", "subject", "measure", "value", "of", "qualifier", "scope", "election",
               "optional"}
RESULT_REQUIRED = {"phrase", "subject", "measure", "value", "qualifier", "election"}

# Kazakh national votes (date -> kind).
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

WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
         "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "both": 2, "a dozen": 12,
         "two dozen": 24}
FRACTIONS = {"one-half": 50, "half": 50, "three-quarters": 75, "two-thirds": 66.7,
             "four-fifths": 80, "one in three": 33.3, "one in five": 20, "four in five": 80,
             "nine in ten": 90}

errors = []


def err(msg):
    errors.append(msg)


def norm(s):
    s = unicodedata.normalize("NFKC", s)
    for a, b in (("\u2018", "'"), ("\u2019", "'"), ("\u201c", '"'), ("\u201d", '"'),
                 ("\u00a0", " "), ("\u202f", " ")):
        s = s.replace(a, b)
    return s.replace("\r\n", "\n")


def visible_text(raw_html):
    """Tag-stripped, entity-decoded text of an HTML page (script and style dropped)."""
    t = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", raw_html)
    t = re.sub(r"(?s)<[^>]+>", "\n", t)
    return html.unescape(t)


def crlf_only(text, name):
    if "\r\n" not in text or re.search(r"(?<!\r)\n", text) or re.search(r"\r(?!\n)", text):
        err(f"{name}: expected CRLF line endings throughout")


def lf_only(text, name):
    if "\r" in text:
        err(f"{name}: unexpected CR")


_rows_cache = {}


def jsonl_rows():
    if "rows" not in _rows_cache:
        raw = (ART / JSONL_FILE).read_bytes()
        if raw.startswith(b"\xef\xbb\xbf"):
            err(f"{JSONL_FILE}: BOM")
        text = raw.decode("utf-8")
        lf_only(text, JSONL_FILE)
        if raw.isascii():
            err(f"{JSONL_FILE}: expected raw UTF-8, found an ASCII-escaped file")
        lines = [r for r in text.split("\n") if r.strip()]
        if len(lines) != JSONL_ROWS:
            err(f"{JSONL_FILE}: expected {JSONL_ROWS} rows, found {len(lines)}")
        rows = [json.loads(r) for r in lines]
        for i, row in enumerate(rows, 1):
            if set(row) != JSONL_KEYS:
                err(f"{JSONL_FILE}:{i}: top-level keys {sorted(row)}")
            if not isinstance(row["chunks"], list) or any(
                    not isinstance(c.get("body"), str) for c in row["chunks"]):
                err(f"{JSONL_FILE}:{i}: chunks must be a list of objects with a string body")
        _rows_cache["rows"] = rows
    return _rows_cache["rows"]


def row_text(row):
    parts = [row["heading"]["main"], row["heading"]["deck"]] + [c["body"] for c in row["chunks"]]
    return "\n\n".join(parts)


def load(name, kind):
    """Return (text, visible text or None, title field or None, byline field, is_row)."""
    if kind == "jsonl":
        fname, line_no = name.rsplit(":", 1)
        row = jsonl_rows()[int(line_no) - 1]
        authors = [p["display"] for p in row["people"] if p.get("role") == "author"]
        return row_text(row), None, row["heading"]["main"], (authors[0] if authors else None), True
    raw = (ART / name).read_bytes()
    if kind == "html_utf8":
        if raw.startswith(b"\xef\xbb\xbf"):
            err(f"{name}: BOM")
        text = raw.decode("utf-8")
        lf_only(text, name)
        return text, visible_text(text), None, None, False
    if kind == "utf8":
        if raw.startswith(b"\xef\xbb\xbf"):
            err(f"{name}: BOM")
        text = raw.decode("utf-8")
        lf_only(text, name)
        return text, None, None, None, False
    if kind == "utf8_bom":
        if not raw.startswith(b"\xef\xbb\xbf"):
            err(f"{name}: expected a UTF-8 BOM")
        text = raw.decode("utf-8-sig")
        lf_only(text, name)
        return text, None, None, None, False
    if kind == "utf16_crlf":
        if not raw.startswith(b"\xff\xfe"):
            err(f"{name}: expected a UTF-16LE BOM")
        text = raw.decode("utf-16")
        crlf_only(text, name)
        return text, None, None, None, False
    if kind == "html_cp1251_crlf":
        try:
            raw.decode("utf-8")
            err(f"{name}: decodes as UTF-8, expected windows-1251")
        except UnicodeDecodeError:
            pass
        text = raw.decode("cp1251")
        if "charset=windows-1251" not in text:
            err(f"{name}: charset not declared")
        crlf_only(text, name)
        return text, visible_text(text), None, None, False
    raise ValueError(kind)


def candidates(phrase):
    """Numbers a reader can see in a phrase."""
    p = phrase.lower()
    out = set()
    for m in re.finditer(r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(\s+million)?", p):
        n = float(m.group(1).replace(",", "") + (m.group(2) or ""))
        out.add(round(n * 1_000_000) if m.group(3) else n)
    for w, v in list(WORDS.items()) + list(FRACTIONS.items()):
        if re.search(r"(?<![\w-])" + re.escape(w) + r"(?![\w-])", p):
            out.add(v)
    return out


def number_visible(n, phrase):
    if n is None:
        return True
    return any(abs(float(c) - float(n)) < 1e-9 for c in candidates(phrase))


def is_date(value):
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)


def check_date(value, what):
    if value is not None and not is_date(value):
        err(f"{what}: date {value!r} is not YYYY-MM-DD")


def check_manifest():
    path = HERE / "manifest_b.csv"
    with path.open(newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        if reader.fieldnames != ["file", "outlet", "url", "published", "notes"]:
            err(f"manifest_b.csv: columns {reader.fieldnames}")
        rows = list(reader)
    files = sorted(r["file"] for r in rows)
    want = sorted(n for n, k in DOCS.items() if k != "jsonl")
    if files != want:
        err(f"manifest_b.csv: files {files} != {want}")
    for r in rows:
        if r["published"]:
            try:
                dt.date.fromisoformat(r["published"])
            except ValueError:
                err(f"manifest_b.csv: published {r['published']!r} for {r['file']}")


def main():
    gold = yaml.safe_load((HERE / "gold_b.yaml").read_text(encoding="utf-8"))
    seen = [d["doc"] for d in gold]
    if sorted(seen) != sorted(DOCS):
        err(f"documents {seen} != {sorted(DOCS)}")
    n_t = n_to = n_r = n_ro = 0
    for d in gold:
        name = d["doc"]
        if set(d) != DOC_KEYS:
            err(f"{name}: keys differ from the seeds' fields: missing {DOC_KEYS - set(d)}, "
                f"unknown {set(d) - DOC_KEYS}")
        kind = DOCS.get(name)
        if kind is None:
            continue
        text, extra, title_field, byline_field, is_row = load(name, kind)
        ntext = norm(text)
        nextra = norm(extra) if extra is not None else None
        title = norm(d["title"])
        if title not in ntext or (nextra is not None and title not in nextra):
            err(f"{name}: title not found")
        if is_row:
            if norm(title_field) != title:
                err(f"{name}: title is not heading.main")
            if d["byline"] != byline_field:
                err(f"{name}: byline {d['byline']!r} is not the row's first author {byline_field!r}")
        elif d["byline"] is not None and norm(d["byline"]) not in ntext:
            err(f"{name}: byline {d['byline']!r} not in the text")
        if not isinstance(d["outlet"], str) or not d["outlet"]:
            err(f"{name}: outlet missing")
        if not isinstance(d["wire"], list) or set(d["wire"]) - WIRES:
            err(f"{name}: wire {d['wire']!r}")
        for w in d["wire"] or []:
            if not any(x in ntext for x in WIRE_NAMES.get(w, (w,))):
                err(f"{name}: wire {w} not named in the text")
        if not is_date(d["published"]):
            err(f"{name}: published {d['published']!r} is not a date")
        if not isinstance(d["published_tolerance_days"], int):
            err(f"{name}: published_tolerance_days not an int")
        if d["election"] is not None:
            e = d["election"]
            check_date(e["date"], f"{name} election")
            if e["kind"] not in KINDS:
                err(f"{name}: election kind {e['kind']}")
            if ELECTIONS.get(e["date"]) != e["kind"]:
                err(f"{name}: election {e} is not a known Kazakh vote of that kind")
        strings = ([("boilerplate", s) for s in d.get("boilerplate") or []]
                   + [("body_must_keep", s) for s in d.get("body_must_keep") or []]
                   + [("tally", t["phrase"]) for t in d.get("tallies") or []]
                   + [("result", r["phrase"]) for r in d.get("results") or []])
        for what, s in strings:
            ns = norm(s)
            if kind.startswith("html") and ("&" in s and re.search(r"&\w+;|&#\d+;", s)
                                            or "<" in s or ">" in s):
                err(f"{name}: {what} contains an entity or tag: {s!r}")
            if ns not in ntext:
                err(f"{name}: {what} not found: {s!r}")
            elif nextra is not None and ns not in nextra:
                err(f"{name}: {what} not in the visible text: {s!r}")
            if what in ("tally", "result") and ntext.count(ns) != 1:
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
            if not number_visible(t["number"], norm(t["phrase"])):
                err(f"{w}: number {t['number']} not visible")
            vw = t["vague_word"]
            if vw is not None and (vw != vw.lower() or vw not in norm(t["phrase"]).lower()):
                err(f"{w}: vague_word {vw!r} not in phrase / not lower case")
            if t["qualifier"] == "vague" and (vw is None or t["number"] is not None):
                err(f"{w}: vague needs a vague_word and no number")
            if t["qualifier"] not in ("vague", "unspecified") and t["number"] is None:
                err(f"{w}: qualifier {t['qualifier']} without a number")
            if "multiplier" in t and not (isinstance(t["multiplier"], int) and t["multiplier"] > 1):
                err(f"{w}: multiplier must be an integer above 1")
            if t["location"] is not None and not (isinstance(t["location"], list)
                                                  and all(isinstance(x, str) for x in t["location"])):
                err(f"{w}: location must be a list of names")
            if "optional" in t and t["optional"] is not True:
                err(f"{w}: optional must be true or absent")
            check_date(t["date"], w)
            n_t += 1
            n_to += bool(t.get("optional"))
        for r in d.get("results") or []:
            w = f"{name} result {r['phrase']!r}"
            if set(r) - RESULT_KEYS or RESULT_REQUIRED - set(r):
                err(f"{w}: keys {sorted(r)}")
                continue
            if r["measure"] not in MEASURE:
                err(f"{w}: measure {r['measure']}")
            if r["qualifier"] not in QUALIFIER:
                err(f"{w}: qualifier {r['qualifier']}")
            if not number_visible(r["value"], norm(r["phrase"])):
                err(f"{w}: value {r['value']} not visible")
            if "of" in r and not number_visible(r["of"], norm(r["phrase"])):
                err(f"{w}: of {r['of']} not visible")
            if not isinstance(r["subject"], str):
                err(f"{w}: subject {r['subject']!r} is not a string (quote yes/no)")
            if r["measure"] == "turnout" and r["subject"] != "turnout":
                err(f"{w}: a turnout's subject is 'turnout'")
            if "scope" in r and not isinstance(r["scope"], str):
                err(f"{w}: scope must be a name")
            check_date(r["election"], w)
            if r["election"] not in ELECTIONS:
                err(f"{w}: election {r['election']} is not a known Kazakh vote")
            if "optional" in r and r["optional"] is not True:
                err(f"{w}: optional must be true or absent")
            n_r += 1
            n_ro += bool(r.get("optional"))
    check_manifest()
    print(f"{len(gold)} documents, {n_t} tallies ({n_to} optional), {n_r} results ({n_ro} optional)")
    if errors:
        print(f"FAILED: {len(errors)} problem(s)")
        for e in errors:
            print("  -", e)
        return 1
    print("OK: every string found, every value visible and in the vocabulary")
    return 0


if __name__ == "__main__":
    sys.exit(main())
