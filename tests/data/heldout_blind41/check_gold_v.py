#!/usr/bin/env python3
"""Check gold_v.yaml of blind held-out set 41, part B, against its seven documents.

Standalone: standard library and PyYAML only; it does not import kzresearch.

Decodes each document with its real encoding and asserts that it really is stored that way:
  v01, v05  HTML, UTF-8 without BOM, LF; the text is the visible text (script, style and comments
            dropped, every tag replaced by a line break, entities decoded), so alt attributes,
            <meta> and JSON-LD are not text;
  v02       UTF-8 text that must start with a BOM, LF;
  v03       Windows-1252 with CRLF on every line, and must not decode as UTF-8;
  v04       UTF-16 little-endian with BOM and CRLF on every line;
  feed_v    JSON Lines, UTF-8, LF, two rows with exactly the keys kind, origin, hl, dek, who, when,
            blocks, media, labels; a row's text is hl, dek (when not empty) and every blocks[].v in
            array order, joined by blank lines; its title is hl and its byline who.names[0] (or
            null when names is empty).
Text and annotations are normalised alike (NFKC, curly quotes to straight, no-break and narrow
spaces to spaces), then it asserts that
  - every phrase, boilerplate entry and body_must_keep sentence is a substring of the text, and
    every tally or result phrase occurs exactly once and is distinct within its document;
  - the stated number, value or `of` is visible in its phrase (digits with or without thousands
    separators, "N million", a number word such as "two", "Seventy", "both", "a dozen", or
    "four-fifths" for 80);
  - vague tallies carry a lower-case vague_word that occurs in the phrase and no number, and only
    vague / unspecified tallies may lack a number;
  - every document has exactly the fourteen fields used in /work/shared/gold/seeds.yaml, and every
    tally and result key and value is in the vocabulary of /work/shared/gold/README.md; dates are
    dates; subjects are strings (so "yes" stays quoted); a turnout's subject is "turnout"; election
    dates are dates of Kazakh votes and match the kind given for the document;
  - titles and bylines occur in the text (for a JSON row: equal hl and who.names[0]); every
    credited agency is named in the text;
  - manifest_v.csv has the five non-JSONL files and the columns file,outlet,url,published,notes,
    with published empty or YYYY-MM-DD.
Prints "N documents, T tallies (k optional), R results (m optional)" and "OK"; exit status 0 when
all checks pass.
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
    "v01_neweurope_2016.html": "html",
    "v02_oilprice_2022.txt": "utf8bom",
    "v03_ibtimes_2011.txt": "cp1252crlf",
    "v04_unian_2019.txt": "utf16crlf",
    "v05_caixin_2022.html": "html",
    "feed_v.jsonl:1": "jsonl",
    "feed_v.jsonl:2": "jsonl",
}
JSONL_FILE = "feed_v.jsonl"
JSONL_ROWS = 2
JSONL_KEYS = {"kind", "origin", "hl", "dek", "who", "when", "blocks", "media", "labels"}

WIRE_NAMES = {
    "AP": ("AP", "Associated Press"),
    "AFP": ("AFP", "Agence France-Presse"),
    "Reuters": ("Reuters",),
    "Interfax": ("Interfax",),
    "dpa": ("dpa", "Deutsche Presse-Agentur"),
    "Xinhua": ("Xinhua",),
    "TASS": ("TASS",),
}
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
         "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "seventy": 70, "both": 2,
         "a dozen": 12, "four-fifths": 80}

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
    t = re.sub(r"(?s)<!--.*?-->", " ", raw_html)
    t = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", t)
    t = re.sub(r"(?s)<[^>]+>", "\n", t)
    return html.unescape(t)


def strict_lines(text, name, what):
    if what == "crlf":
        if "\r\n" not in text or re.search(r"(?<!\r)\n", text) or re.search(r"\r(?!\n)", text):
            err(f"{name}: expected CRLF line endings throughout")
        return text.replace("\r\n", "\n")
    if "\r" in text:
        err(f"{name}: CR found, expected LF only")
    return text


def load_rows():
    raw = (ART / JSONL_FILE).read_bytes()
    text = raw.decode("utf-8")
    if text.startswith("\ufeff") or "\r" in text:
        err(f"{JSONL_FILE}: BOM or CR")
    rows = [json.loads(r) for r in text.split("\n") if r.strip()]
    if len(rows) != JSONL_ROWS:
        err(f"{JSONL_FILE}: expected {JSONL_ROWS} rows, found {len(rows)}")
    return rows


def row_text(row):
    parts = [row["hl"]] + ([row["dek"]] if row.get("dek") else [])
    parts += [b["v"] for b in row["blocks"]]
    return "\n\n".join(parts)


def load(name, kind, rows):
    """Return (decoded text, title field or None, byline field or the string 'n/a')."""
    if kind == "jsonl":
        line_no = int(name.rsplit(":", 1)[1])
        row = rows[line_no - 1]
        if set(row) != JSONL_KEYS:
            err(f"{name}: keys {sorted(row)} != {sorted(JSONL_KEYS)}")
        if not all(isinstance(b.get("v"), str) and isinstance(b.get("k"), str)
                   for b in row["blocks"]):
            err(f"{name}: blocks must be objects with string k and v")
        names = row["who"]["names"]
        return row_text(row), row["hl"], (names[0] if names else None)
    raw = (ART / name).read_bytes()
    if kind == "html":
        if raw.startswith(b"\xef\xbb\xbf"):
            err(f"{name}: BOM in an HTML file")
        text = strict_lines(raw.decode("utf-8"), name, "lf")
        return visible_text(text), None, "n/a"
    if kind == "utf8bom":
        if not raw.startswith(b"\xef\xbb\xbf"):
            err(f"{name}: expected a UTF-8 BOM")
        text = strict_lines(raw.decode("utf-8-sig"), name, "lf")
        return text, None, "n/a"
    if kind == "cp1252crlf":
        try:
            raw.decode("utf-8")
            err(f"{name}: decodes as UTF-8, expected Windows-1252")
        except UnicodeDecodeError:
            pass
        return strict_lines(raw.decode("cp1252"), name, "crlf"), None, "n/a"
    if kind == "utf16crlf":
        if not raw.startswith(b"\xff\xfe"):
            err(f"{name}: expected a UTF-16 LE BOM")
        return strict_lines(raw[2:].decode("utf-16-le"), name, "crlf"), None, "n/a"
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
    return any(re.search(r"(?<![\w-])" + re.escape(w) + r"(?![\w-])", p) and v == n
               for w, v in WORDS.items())


def is_date(value):
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)


def check_date(value, what):
    if value is not None and not is_date(value):
        err(f"{what}: date {value!r} is not YYYY-MM-DD")


def check_manifest():
    path = HERE / "manifest_v.csv"
    with path.open(newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        if reader.fieldnames != ["file", "outlet", "url", "published", "notes"]:
            err(f"manifest_v.csv: columns {reader.fieldnames}")
        rows = list(reader)
    files = sorted(r["file"] for r in rows)
    want = sorted(n for n, k in DOCS.items() if k != "jsonl")
    if files != want:
        err(f"manifest_v.csv: files {files} != {want}")
    for r in rows:
        if r["published"]:
            try:
                dt.date.fromisoformat(r["published"])
            except ValueError:
                err(f"manifest_v.csv: published {r['published']!r} for {r['file']}")


def main():
    gold = yaml.safe_load((HERE / "gold_v.yaml").read_text(encoding="utf-8"))
    seen = [d["doc"] for d in gold]
    if sorted(seen) != sorted(DOCS) or len(seen) != len(set(seen)):
        err(f"documents {seen} != {sorted(DOCS)}")
    rows = load_rows()
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
        text, title_field, byline_field = load(name, kind, rows)
        ntext = norm(text)
        title = norm(d["title"])
        if title not in ntext:
            err(f"{name}: title not found")
        if title_field is not None and norm(title_field) != title:
            err(f"{name}: title is not the row's hl")
        if byline_field != "n/a":
            if d["byline"] != byline_field:
                err(f"{name}: byline {d['byline']!r} is not the row's who.names[0]")
        elif d["byline"] is not None and norm(d["byline"]) not in ntext:
            err(f"{name}: byline {d['byline']!r} not in the text")
        if not isinstance(d["outlet"], str) or not d["outlet"]:
            err(f"{name}: outlet missing")
        if not isinstance(d["wire"], list) or set(d["wire"]) - set(WIRE_NAMES):
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
            if e["kind"] not in KINDS or ELECTIONS.get(e["date"]) != e["kind"]:
                err(f"{name}: election {e} is not a known Kazakh vote")
        strings = ([("boilerplate", s) for s in d["boilerplate"] or []]
                   + [("body_must_keep", s) for s in d["body_must_keep"] or []]
                   + [("tally", t["phrase"]) for t in d["tallies"] or []]
                   + [("result", r["phrase"]) for r in d["results"] or []])
        for what, s in strings:
            ns = norm(s)
            c = ntext.count(ns)
            if c == 0:
                err(f"{name}: {what} not found: {s!r}")
            elif what in ("tally", "result") and c != 1:
                err(f"{name}: {what} occurs {c} times: {s!r}")
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
            if "multiplier" in t and not isinstance(t["multiplier"], int):
                err(f"{w}: multiplier must be an integer")
            if t["location"] is not None and not (isinstance(t["location"], list) and all(
                    isinstance(x, str) for x in t["location"])):
                err(f"{w}: location must be a list of names")
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
