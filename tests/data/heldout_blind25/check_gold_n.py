#!/usr/bin/env python3
"""Check gold_n.yaml of blind held-out set 25, part B, against its seven documents.

Standalone: standard library and PyYAML only; it does not import kzresearch.

Decodes every document with its real encoding and asserts the layout described in README_n.md:
  - n01 and n04 are UTF-8 HTML (no BOM, LF); their text is the tag-stripped, entity-decoded
    visible text (script and style dropped);
  - n02 is Windows-1252 with LF line ends and must not decode as UTF-8;
  - n03 is UTF-16 little-endian with a BOM and CRLF line ends throughout;
  - n05 is UTF-8 with a BOM and CRLF line ends throughout;
  - feed_n.jsonl holds exactly two JSON rows with the keys uid, site, heading, people, stamps,
    chunks, topics; row 1 is ASCII-escaped, row 2 is raw UTF-8. A row's text is heading.main,
    heading.sub (when not empty) and the v of every chunk in order, joined by blank lines;
    its title is heading.main and its byline the name of the first person whose role is
    "author" (null when there is none).
Both sides are normalised (NFKC, curly quotes to straight, no-break space to space, CRLF to LF)
and the checker asserts that
  - every tally and result phrase, boilerplate entry and body_must_keep sentence occurs in the
    decoded text, and every tally and result phrase exactly once and only once per document;
  - the stated number, value or `of` is visible in its phrase (digits, thousands separators,
    "N million", or a number word such as "three", "Four", "a dozen", "two dozen");
  - vague tallies carry their vague_word in lower case and inside the phrase, and no number;
  - every key and value is in the vocabulary of /work/shared/gold/README.md, the document keys
    are the fields used in seeds.yaml, dates are dates, subjects are strings ("yes"/"no"
    quoted), election dates are dates of Kazakh national votes and agree with the kind;
  - titles and bylines occur in the text, and every credited wire is named in it;
  - manifest_n.csv has the five non-JSONL files and the columns file,outlet,url,published,notes.
Prints "N documents, T tallies (k optional), R results (m optional)" and "OK"; exit status 0
when all checks pass.
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
GOLD = HERE / "gold_n.yaml"
MANIFEST = HERE / "manifest_n.csv"

DOCS = {
    "n01_asahi_2022.html": "html",
    "n02_freemalaysiatoday_2016.txt": "cp1252",
    "n03_antara_2023.txt": "utf16",
    "n04_crisisgroup_2019.html": "html",
    "n05_eastasiaforum_2022.txt": "utf8bom",
    "feed_n.jsonl:1": "jsonl",
    "feed_n.jsonl:2": "jsonl",
}
JSONL_KEYS = {"uid", "site", "heading", "people", "stamps", "chunks", "topics"}
WIRE_NAMES = {"AP": ("AP", "Associated Press"), "AFP": ("AFP", "Agence France-Presse")}

COUNTED = {"protesters", "detained", "injured", "killed", "released", "fined", "sentenced", "other"}
QUALIFIER = {"exact", "approx", "at_least", "more_than", "at_most", "fewer_than", "vague",
             "unspecified"}
MEASURE = {"vote_share", "turnout", "seats", "threshold", "seats_contested", "parties_contesting",
           "registered_voters"}
KINDS = {"presidential", "parliamentary", "referendum"}
WIRES = {"AP", "AFP", "Reuters", "Interfax", "Xinhua", "TASS", "dpa", "EFE", "Anadolu", "IRNA",
         "Trend"}
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
         "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a dozen": 12, "two dozen": 24,
         "fifteen": 15, "twenty": 20, "both": 2}

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


def crlf_only(text, name):
    if "\r\n" not in text or re.search(r"(?<!\r)\n", text) or re.search(r"\r(?!\n)", text):
        err(f"{name}: expected CRLF line endings throughout")


_rows = None


def jsonl_rows():
    global _rows
    if _rows is None:
        raw = (ART / "feed_n.jsonl").read_bytes()
        text = raw.decode("utf-8")
        if text.startswith("\ufeff") or "\r" in text:
            err("feed_n.jsonl: BOM or CR")
        lines = [r for r in text.split("\n") if r.strip()]
        if len(lines) != 2:
            err(f"feed_n.jsonl: expected 2 rows, found {len(lines)}")
        if not lines[0].isascii():
            err("feed_n.jsonl: row 1 should be ASCII-escaped")
        if lines[1].isascii():
            err("feed_n.jsonl: row 2 should hold raw UTF-8")
        _rows = [json.loads(r) for r in lines]
    return _rows


def load(name, kind):
    """Return (decoded text, title field or None, byline field or 'n/a')."""
    if kind == "jsonl":
        n = int(name.rsplit(":", 1)[1])
        row = jsonl_rows()[n - 1]
        if set(row) != JSONL_KEYS:
            err(f"{name}: keys {sorted(row)} != {sorted(JSONL_KEYS)}")
        chunks = row["chunks"]
        if not isinstance(chunks, list) or any(
                set(c) - {"k", "v", "src"} or not isinstance(c.get("v"), str) for c in chunks):
            err(f"{name}: chunks must be objects with a string v")
        parts = [row["heading"]["main"]]
        if row["heading"].get("sub"):
            parts.append(row["heading"]["sub"])
        parts += [c["v"] for c in chunks]
        authors = [p["name"] for p in row["people"] if p.get("role") == "author"]
        return "\n\n".join(parts), row["heading"]["main"], (authors[0] if authors else None)
    raw = (ART / name).read_bytes()
    if kind == "html":
        text = raw.decode("utf-8")
        if text.startswith("\ufeff") or "\r" in text:
            err(f"{name}: BOM or CR in an HTML file")
        return visible_text(text), None, "n/a"
    if kind == "cp1252":
        try:
            raw.decode("utf-8")
            err(f"{name}: decodes as UTF-8, expected Windows-1252")
        except UnicodeDecodeError:
            pass
        text = raw.decode("cp1252")
        if "\r" in text:
            err(f"{name}: expected LF line endings")
        return text, None, "n/a"
    if kind == "utf16":
        if not raw.startswith(b"\xff\xfe"):
            err(f"{name}: expected a UTF-16LE BOM")
        text = raw.decode("utf-16")
        crlf_only(text, name)
        return text, None, "n/a"
    if kind == "utf8bom":
        if not raw.startswith(b"\xef\xbb\xbf"):
            err(f"{name}: expected a UTF-8 BOM")
        text = raw.decode("utf-8-sig")
        crlf_only(text, name)
        return text, None, "n/a"
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
    with MANIFEST.open(newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        if reader.fieldnames != ["file", "outlet", "url", "published", "notes"]:
            err(f"manifest_n.csv: columns {reader.fieldnames}")
        rows = list(reader)
    files = sorted(r["file"] for r in rows)
    want = sorted(n for n, k in DOCS.items() if k != "jsonl")
    if files != want:
        err(f"manifest_n.csv: files {files} != {want}")
    for r in rows:
        if r["published"]:
            try:
                dt.date.fromisoformat(r["published"])
            except ValueError:
                err(f"manifest_n.csv: published {r['published']!r} for {r['file']}")


def main():
    gold = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    seen = [d["doc"] for d in gold]
    if sorted(seen) != sorted(DOCS) or len(seen) != len(set(seen)):
        err(f"documents {seen} != {sorted(DOCS)}")
    n_t = n_to = n_r = n_ro = 0
    for d in gold:
        name = d["doc"]
        if set(d) != DOC_KEYS:
            err(f"{name}: keys differ from the seeds' fields: missing {DOC_KEYS - set(d)}, "
                f"unknown {set(d) - DOC_KEYS}")
            continue
        kind = DOCS.get(name)
        if kind is None:
            continue
        text, title_field, byline_field = load(name, kind)
        ntext = norm(text)
        if norm(d["title"]) not in ntext:
            err(f"{name}: title not found")
        if title_field is not None and norm(title_field) != norm(d["title"]):
            err(f"{name}: title is not the row's heading.main")
        if byline_field != "n/a" and d["byline"] != byline_field:
            err(f"{name}: byline {d['byline']!r} is not the row's author {byline_field!r}")
        if d["byline"] is not None and norm(d["byline"]).lower() not in ntext.lower():
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
            check_date(e.get("date"), f"{name} election")
            if e.get("kind") not in KINDS or ELECTIONS.get(e.get("date")) != e.get("kind"):
                err(f"{name}: election {e} is not a known Kazakh vote")
        strings = ([("boilerplate", s) for s in d.get("boilerplate") or []]
                   + [("body_must_keep", s) for s in d.get("body_must_keep") or []]
                   + [("tally", t["phrase"]) for t in d.get("tallies") or []]
                   + [("result", r["phrase"]) for r in d.get("results") or []])
        for what, s in strings:
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
            if t["location"] is not None and not (isinstance(t["location"], list) and all(
                    isinstance(x, str) and x for x in t["location"])):
                err(f"{w}: location must be a list of names")
            if t["source_attributed"] is not None and not isinstance(t["source_attributed"], str):
                err(f"{w}: source_attributed must be a string or null")
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
            if r["qualifier"] not in QUALIFIER or r["qualifier"] in ("vague", "unspecified"):
                err(f"{w}: qualifier {r['qualifier']}")
            if not isinstance(r["value"], (int, float)) or not number_visible(
                    r["value"], norm(r["phrase"])):
                err(f"{w}: value {r['value']} not visible")
            if "of" in r and not number_visible(r["of"], norm(r["phrase"])):
                err(f"{w}: of {r['of']} not visible")
            if not isinstance(r["subject"], str):
                err(f"{w}: subject {r['subject']!r} is not a string (quote yes/no)")
            if r["measure"] == "turnout" and r["subject"] != "turnout":
                err(f"{w}: a turnout's subject is 'turnout'")
            if "scope" in r and not (isinstance(r["scope"], str) and r["scope"]):
                err(f"{w}: scope must be a place name")
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
