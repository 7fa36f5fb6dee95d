#!/usr/bin/env python3
"""Check gold_l.yaml of blind held-out set 36, part B, against its seven documents.

Standalone: standard library and PyYAML only; it does not import kzresearch.

Decodes each document with its real encoding and asserts the encoding is what the README says:
  l01, l04  UTF-8 HTML, no BOM, LF;
  l02       Windows-1252 text with CRLF line ends (must not decode as UTF-8);
  l03       UTF-8 HTML with a byte-order mark, LF;
  l05       UTF-16 little-endian text with a byte-order mark and CRLF line ends;
  feed_l.jsonl  two UTF-8 JSON rows (not ASCII-escaped), LF, top-level keys
            src, head, people, stamp, chunks, tags, len_s. A row's text is head.h1, head.dek and every
            chunk in list order as "<who>: <t>" (or <t> alone when who is null), joined by blank lines.
Text and annotations are normalised (NFKC, curly quotes to straight, no-break space to space, CRLF to LF).
It then asserts that
  - every phrase, boilerplate entry and body_must_keep sentence is a substring of the document (for the
    HTML files: of the raw page with no entity or tag inside the string, and of the tag-stripped,
    entity-decoded visible text as well);
  - every tally and result phrase occurs exactly once, and phrases are distinct within a document;
  - the stated number, value or `of` is visible in its phrase (digits, thousands separators, "N million",
    or a number word such as "two", "Three", "seven", "nine", "a dozen", "two dozen");
  - vague tallies carry their vague_word in lower case and inside the phrase;
  - every key and value is in the vocabulary of /work/shared/gold/README.md, every document has exactly the
    fields used in seeds.yaml, dates are dates, subjects are strings (so "yes"/"no" stay quoted), election
    dates are dates of Kazakh votes of the kind given;
  - titles occur in the text; for the JSON rows the title equals head.h1, the outlet equals src.org, the
    byline equals the name of the first person whose role is "host" (or null when there is none) and the
    published date equals the day of stamp.aired_ms in stamp.tz; bylines of the other documents occur in
    the text; every credited agency is named in the text as a word, in any case (AP also as
    "Associated Press");
  - manifest_l.csv has the five non-JSONL files and the columns file,outlet,url,published,notes.
Prints "N documents, T tallies (k optional), R results (m optional)" and "OK"; exit status 0 when all pass.
"""
import csv
import datetime as dt
import html
import json
import re
import sys
import unicodedata
from pathlib import Path
from zoneinfo import ZoneInfo

import yaml

HERE = Path(__file__).resolve().parent
ART = HERE / "articles"

DOCS = {
    "l01_democracynow_2022.html": "html",
    "l02_jrl_2016.txt": "cp1252",
    "l03_eurotopics_2019.html": "html-bom",
    "l04_prnewswire_2022.html": "html",
    "l05_hansard_2005.txt": "utf16",
    "feed_l.jsonl:1": "jsonl",
    "feed_l.jsonl:2": "jsonl",
}
JSONL_FILE = "feed_l.jsonl"
JSONL_ROWS = 2
JSONL_KEYS = {"src", "head", "people", "stamp", "chunks", "tags", "len_s"}
WIRE_NAMES = {"AP": ("AP", "Associated Press"), "AFP": ("AFP", "Agence France-Presse")}

COUNTED = {"protesters", "detained", "injured", "killed", "released", "fined", "sentenced", "other"}
QUALIFIER = {"exact", "approx", "at_least", "more_than", "at_most", "fewer_than", "vague", "unspecified"}
MEASURE = {"vote_share", "turnout", "seats", "threshold", "seats_contested", "parties_contesting",
           "registered_voters"}
KINDS = {"presidential", "parliamentary", "referendum"}
WIRES = {"AP", "AFP", "Reuters", "Interfax", "Xinhua", "TASS", "dpa", "EFE", "Anadolu", "IRNA", "Trend"}
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
    dt.date(1995, 4, 29): "referendum",
    dt.date(1995, 8, 30): "referendum",
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

errors = []


def err(msg):
    errors.append(msg)


def norm(s):
    s = unicodedata.normalize("NFKC", s)
    for a, b in (("\u2018", "'"), ("\u2019", "'"), ("\u201c", '"'), ("\u201d", '"'),
                 ("\u00a0", " "), ("\u202f", " "), ("\r\n", "\n")):
        s = s.replace(a, b)
    return s


def visible_text(raw_html):
    """Tag-stripped, entity-decoded text of an HTML page (script and style dropped)."""
    t = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", raw_html)
    t = re.sub(r"(?s)<[^>]+>", "\n", t)
    return html.unescape(t)


def row_text(row):
    parts = [row["head"]["h1"], row["head"]["dek"]]
    for c in row["chunks"]:
        parts.append(f"{c['who']}: {c['t']}" if c["who"] else c["t"])
    return "\n\n".join(parts)


_rows = None


def jsonl_rows():
    global _rows
    if _rows is None:
        raw = (ART / JSONL_FILE).read_bytes()
        text = raw.decode("utf-8")
        if text.startswith("\ufeff") or "\r" in text:
            err(f"{JSONL_FILE}: BOM or CR")
        if raw.isascii():
            err(f"{JSONL_FILE}: expected raw UTF-8 (ensure_ascii=False), found an ASCII-only file")
        lines = text.split("\n")
        if lines[-1] != "" or any(not ln.strip() for ln in lines[:-1]):
            err(f"{JSONL_FILE}: expected one row per line and a final newline")
        _rows = [json.loads(ln) for ln in lines if ln.strip()]
        if len(_rows) != JSONL_ROWS:
            err(f"{JSONL_FILE}: {len(_rows)} rows, expected {JSONL_ROWS}")
        for i, row in enumerate(_rows, 1):
            if set(row) != JSONL_KEYS:
                err(f"{JSONL_FILE}:{i}: top-level keys {sorted(row)}")
            if not all(isinstance(c.get("t"), str) and (c.get("who") is None or isinstance(c["who"], str))
                       for c in row["chunks"]):
                err(f"{JSONL_FILE}:{i}: chunks must have a string t and a string or null who")
    return _rows


def load(name, kind):
    """Return (text, visible text or None, row or None)."""
    if kind == "jsonl":
        fname, n = name.rsplit(":", 1)
        row = jsonl_rows()[int(n) - 1]
        return row_text(row), None, row
    raw = (ART / name).read_bytes()
    if kind in ("html", "html-bom"):
        has_bom = raw.startswith(b"\xef\xbb\xbf")
        if has_bom != (kind == "html-bom"):
            err(f"{name}: byte-order mark {'missing' if kind == 'html-bom' else 'unexpected'}")
        text = raw.decode("utf-8-sig")
        if "\r" in text:
            err(f"{name}: CR in an LF file")
        return text, visible_text(text), None
    if kind == "cp1252":
        try:
            text = raw.decode("utf-8")
            err(f"{name}: decodes as UTF-8, expected Windows-1252")
        except UnicodeDecodeError:
            text = raw.decode("cp1252")
        if "\r\n" not in text or re.search(r"(?<!\r)\n", text):
            err(f"{name}: expected CRLF line endings throughout")
        return text.replace("\r\n", "\n"), None, None
    if kind == "utf16":
        if not raw.startswith(b"\xff\xfe"):
            err(f"{name}: expected a UTF-16 LE byte-order mark")
        text = raw.decode("utf-16-le").lstrip("\ufeff")
        if "\r\n" not in text or re.search(r"(?<!\r)\n", text):
            err(f"{name}: expected CRLF line endings throughout")
        return text.replace("\r\n", "\n"), None, None
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
    if any(re.search(r"(?<![\d.,])" + re.escape(f) + r"(?![\d])(?!,\d)(?!\.\d)", p) for f in forms):
        return True
    return any(re.search(r"\b" + w + r"\b", p) and v == n for w, v in WORDS.items())


def is_date(value):
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)


def check_date(value, what):
    if value is not None and not is_date(value):
        err(f"{what}: date {value!r} is not YYYY-MM-DD")


def check_manifest():
    path = HERE / "manifest_l.csv"
    with path.open(newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        if reader.fieldnames != ["file", "outlet", "url", "published", "notes"]:
            err(f"manifest_l.csv: columns {reader.fieldnames}")
        rows = list(reader)
    files = sorted(r["file"] for r in rows)
    want = sorted(n for n, k in DOCS.items() if k != "jsonl")
    if files != want:
        err(f"manifest_l.csv: files {files} != {want}")
    for r in rows:
        if r["published"]:
            try:
                dt.date.fromisoformat(r["published"])
            except ValueError:
                err(f"manifest_l.csv: published {r['published']!r} for {r['file']}")


def main():
    gold = yaml.safe_load((HERE / "gold_l.yaml").read_text(encoding="utf-8"))
    seen = [d["doc"] for d in gold]
    if sorted(seen) != sorted(DOCS) or len(seen) != len(set(seen)):
        err(f"documents {seen} != {sorted(DOCS)}")
    n_t = n_to = n_r = n_ro = 0
    for d in gold:
        name = d["doc"]
        if set(d) != DOC_KEYS:
            err(f"{name}: fields differ from the seeds': missing {DOC_KEYS - set(d)}, "
                f"unknown {set(d) - DOC_KEYS}")
            continue
        kind = DOCS.get(name)
        if kind is None:
            continue
        text, extra, row = load(name, kind)
        ntext = norm(text)
        nextra = norm(extra) if extra is not None else None
        title = norm(d["title"])
        if title not in ntext or (nextra is not None and title not in nextra):
            err(f"{name}: title not found")
        if not isinstance(d["outlet"], str) or not d["outlet"]:
            err(f"{name}: outlet missing")
        if row is not None:
            if norm(row["head"]["h1"]) != title:
                err(f"{name}: title is not head.h1")
            if d["outlet"] != row["src"]["org"]:
                err(f"{name}: outlet is not src.org")
            hosts = [p["name"] for p in row["people"] if p["role"] == "host"]
            if d["byline"] != (hosts[0] if hosts else None):
                err(f"{name}: byline {d['byline']!r} is not the row's host")
            aired = dt.datetime.fromtimestamp(row["stamp"]["aired_ms"] / 1000,
                                              ZoneInfo(row["stamp"]["tz"])).date()
            if d["published"] != aired:
                err(f"{name}: published {d['published']} != aired day {aired}")
        elif d["byline"] is not None and norm(d["byline"]).lower() not in ntext.lower():
            err(f"{name}: byline {d['byline']!r} not in the text")
        if not isinstance(d["wire"], list) or set(d["wire"]) - WIRES:
            err(f"{name}: wire {d['wire']!r}")
        for w in d["wire"] or []:
            if not any(re.search(r"\b" + re.escape(x) + r"\b", ntext, re.I)
                       for x in WIRE_NAMES.get(w, (w,))):
                err(f"{name}: wire {w} not named in the text")
        if not is_date(d["published"]):
            err(f"{name}: published {d['published']!r} is not a date")
        if not isinstance(d["published_tolerance_days"], int):
            err(f"{name}: published_tolerance_days not an int")
        if d["election"] is not None:
            e = d["election"]
            check_date(e.get("date"), f"{name} election")
            if e.get("kind") not in KINDS or ELECTIONS.get(e.get("date")) != e.get("kind"):
                err(f"{name}: election {e} is not a known Kazakh vote")
        strings = ([("boilerplate", s) for s in d["boilerplate"] or []]
                   + [("body_must_keep", s) for s in d["body_must_keep"] or []]
                   + [("tally", t["phrase"]) for t in d["tallies"] or []]
                   + [("result", r["phrase"]) for r in d["results"] or []])
        for what, s in strings:
            ns = norm(s)
            if kind.startswith("html") and (re.search(r"&#?\w+;", ns) or re.search(r"<[/!a-zA-Z]", ns)):
                err(f"{name}: {what} contains an entity or tag: {s!r}")
            if ns not in ntext:
                err(f"{name}: {what} not found: {s!r}")
            elif nextra is not None and ns not in nextra:
                err(f"{name}: {what} not in the visible text: {s!r}")
            if what in ("tally", "result") and ntext.count(ns) != 1:
                err(f"{name}: {what} occurs {ntext.count(ns)} times: {s!r}")
        phrases = [norm(x["phrase"]) for x in (d["tallies"] or []) + (d["results"] or [])]
        dup = {p for p in phrases if phrases.count(p) > 1}
        if dup:
            err(f"{name}: duplicate phrases {dup}")
        for t in d["tallies"] or []:
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
            if t["location"] is not None and not (isinstance(t["location"], list) and t["location"]
                                                  and all(isinstance(x, str) for x in t["location"])):
                err(f"{w}: location must be null or a list of names")
            if "multiplier" in t and not isinstance(t["multiplier"], int):
                err(f"{w}: multiplier must be an integer")
            if "optional" in t and t["optional"] is not True:
                err(f"{w}: optional must be true or absent")
            check_date(t["date"], w)
            n_t += 1
            n_to += bool(t.get("optional"))
        for r in d["results"] or []:
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
                err(f"{w}: scope must be a string")
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
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
