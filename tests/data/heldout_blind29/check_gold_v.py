#!/usr/bin/env python3
"""Check gold_v.yaml of blind held-out set 29, part A, against its seven documents.

Standalone: standard library and PyYAML only; it does not import kzresearch.

Each document is decoded with its real encoding and the file's byte-level habits are asserted:
  v01  UTF-8 with a BOM, LF line ends;
  v02  Windows-1252 with CRLF line ends throughout, not valid UTF-8, curly quotes as single bytes;
  v03, v05  UTF-8 HTML without BOM or CR;
  v04  UTF-16 little-endian with a BOM, CRLF line ends throughout;
  v06  UTF-8 without BOM or CR, holding at least one no-break space;
  feed_v.jsonl  one raw UTF-8 JSON row (not ASCII-escaped) with the top-level keys uid, surface, heading,
        credits, stamps, blocks, labels; its text is heading.main, heading.sub and the "t" of every block in
        order, joined by blank lines; title = heading.main, byline = credits.signed[0].n.
Text and annotations are normalised (NFKC, curly quotes to straight, no-break space to space), then:
  - every phrase, boilerplate entry and body_must_keep sentence is a substring of the document (HTML: of the
    raw markup, with no entity or tag inside the string, and of the tag-stripped, entity-decoded text);
  - every tally and result phrase occurs exactly once in its document, and phrases are distinct;
  - number, value and `of` are visible in the phrase (digits, thousands separators, or a number word);
  - vague tallies carry a lower-case vague_word found in the phrase and no number;
  - keys and values belong to the vocabulary of /work/shared/gold/README.md; documents carry exactly the
    fourteen fields of seeds.yaml; dates are dates; subjects are strings; election dates are Kazakh votes
    of the stated kind; a turnout's subject is "turnout";
  - titles and bylines occur in the text, every credited agency is named in it;
  - manifest_v.csv has the six non-JSONL files and the columns file,outlet,url,published,notes.
Prints "N documents, T tallies (k optional), R results (m optional)" and "OK" (exit 0), or the problems.
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
    "v01_thecitizen_2022.txt": "utf8bom",
    "v02_dailymonitor_2005.html": "cp1252html",
    "v03_newtimes_2019.html": "html",
    "v04_punch_2011.txt": "utf16",
    "v05_vanguard_2016.html": "html",
    "v06_egyptindependent_2022.txt": "utf8nbsp",
    "feed_v.jsonl:1": "jsonl",
}
JSONL_KEYS = {"uid", "surface", "heading", "credits", "stamps", "blocks", "labels"}
WIRE_NAMES = {"AP": ("AP", "Associated Press"), "AFP": ("AFP", "Agence France-Presse")}

DOC_KEYS = {"doc", "outlet", "outlet_evidence", "title", "byline", "wire", "published",
            "published_tolerance_days", "published_evidence", "election", "boilerplate",
            "body_must_keep", "tallies", "results"}
COUNTED = {"protesters", "detained", "injured", "killed", "released", "fined", "sentenced", "other"}
QUALIFIER = {"exact", "approx", "at_least", "more_than", "at_most", "fewer_than", "vague", "unspecified"}
MEASURE = {"vote_share", "turnout", "seats", "threshold", "seats_contested", "parties_contesting",
           "registered_voters"}
KINDS = {"presidential", "parliamentary", "referendum"}
WIRES = {"AP", "AFP", "Reuters", "Interfax", "Xinhua", "TASS", "dpa", "EFE", "Anadolu", "IRNA", "Trend"}
TALLY_KEYS = {"phrase", "counted", "number", "qualifier", "vague_word", "multiplier", "location",
              "date", "source_attributed", "optional"}
TALLY_REQUIRED = TALLY_KEYS - {"multiplier", "optional"}
RESULT_KEYS = {"phrase", "subject", "measure", "value", "of", "qualifier", "scope", "election", "optional"}
RESULT_REQUIRED = {"phrase", "subject", "measure", "value", "qualifier", "election"}

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
         "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "nineteen": 19, "seventy": 70,
         "ninety-eight": 98, "both": 2, "a dozen": 12}

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
    t = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", raw_html)
    t = re.sub(r"(?s)<[^>]+>", "\n", t)
    return html.unescape(t)


def expect_crlf(name, text):
    if "\r\n" not in text or re.search(r"(?<!\r)\n", text):
        err(f"{name}: expected CRLF line ends throughout")
    return text.replace("\r\n", "\n")


def expect_plain(name, text):
    if text.startswith("\ufeff") or "\r" in text:
        err(f"{name}: unexpected BOM or CR")
    return text


def load(name, kind):
    """Return (text, visible text or None, title field or None, byline field or None)."""
    if kind == "jsonl":
        fname, line_no = name.rsplit(":", 1)
        raw = (ART / fname).read_bytes()
        text = expect_plain(fname, raw.decode("utf-8"))
        rows = [r for r in text.split("\n") if r.strip()]
        if len(rows) != 1 or line_no != "1":
            err(f"{fname}: expected one row addressed :1, found {len(rows)}")
        if raw.isascii() or b"\\u20" in raw:
            err(f"{fname}: expected raw UTF-8, not ASCII escapes")
        row = json.loads(rows[int(line_no) - 1])
        if set(row) != JSONL_KEYS:
            err(f"{fname}: keys {sorted(row)}")
        blocks = row["blocks"]
        if not isinstance(blocks, list) or not all(isinstance(b, dict) for b in blocks):
            err(f"{fname}: blocks must be a list of objects")
        parts = [row["heading"]["main"], row["heading"]["sub"]] + [b["t"] for b in blocks if "t" in b]
        return "\n\n".join(parts), None, row["heading"]["main"], row["credits"]["signed"][0]["n"]
    raw = (ART / name).read_bytes()
    if kind == "utf8bom":
        if not raw.startswith(b"\xef\xbb\xbf"):
            err(f"{name}: expected a UTF-8 BOM")
        text = raw.decode("utf-8-sig")
        if "\r" in text:
            err(f"{name}: unexpected CR")
        return text, None, None, None
    if kind == "cp1252html":
        try:
            raw.decode("utf-8")
            err(f"{name}: decodes as UTF-8, expected Windows-1252")
        except UnicodeDecodeError:
            pass
        text = expect_crlf(name, raw.decode("cp1252"))
        return text, visible_text(text), None, None
    if kind == "html":
        text = expect_plain(name, raw.decode("utf-8"))
        return text, visible_text(text), None, None
    if kind == "utf16":
        if not raw.startswith(b"\xff\xfe"):
            err(f"{name}: expected a UTF-16 LE BOM")
        text = expect_crlf(name, raw.decode("utf-16"))
        return text, None, None, None
    if kind == "utf8nbsp":
        text = expect_plain(name, raw.decode("utf-8"))
        if "\u00a0" not in text:
            err(f"{name}: expected no-break spaces")
        return text, None, None, None
    raise ValueError(kind)


def number_visible(n, phrase):
    p = phrase.lower()
    if n is None:
        return True
    if isinstance(n, float) and not n.is_integer():
        return re.search(r"(?<![\d.])" + re.escape(repr(n)) + r"(?![1-9])", p.replace(",", "")) is not None
    n = int(n)
    forms = {str(n), f"{n:,}"}
    if any(re.search(r"(?<![\d.,])" + re.escape(f) + r"(?!\d)(?!,\d)(?!\.\d)", p) for f in forms):
        return True
    return any(v == n and re.search(r"\b" + re.escape(w) + r"\b", p) for w, v in WORDS.items())


def is_date(v):
    return isinstance(v, dt.date) and not isinstance(v, dt.datetime)


def check_manifest():
    with (HERE / "manifest_v.csv").open(newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        if reader.fieldnames != ["file", "outlet", "url", "published", "notes"]:
            err(f"manifest_v.csv: columns {reader.fieldnames}")
        rows = list(reader)
    want = sorted(n for n, k in DOCS.items() if k != "jsonl")
    if sorted(r["file"] for r in rows) != want:
        err(f"manifest_v.csv: files {sorted(r['file'] for r in rows)} != {want}")
    for r in rows:
        if r["published"]:
            try:
                dt.date.fromisoformat(r["published"])
            except ValueError:
                err(f"manifest_v.csv: published {r['published']!r}")


def main():
    gold = yaml.safe_load((HERE / "gold_v.yaml").read_text(encoding="utf-8"))
    names = [d["doc"] for d in gold]
    if sorted(names) != sorted(DOCS):
        err(f"documents {names} != {sorted(DOCS)}")
    n_t = n_to = n_r = n_ro = 0
    for d in gold:
        name = d["doc"]
        if set(d) != DOC_KEYS:
            err(f"{name}: missing {DOC_KEYS - set(d)}, unknown {set(d) - DOC_KEYS}")
        kind = DOCS.get(name)
        if kind is None:
            continue
        text, vis, title_field, byline_field = load(name, kind)
        ntext = norm(text)
        nvis = norm(vis) if vis is not None else None
        title = norm(d["title"])
        if title not in ntext or (nvis is not None and title not in nvis):
            err(f"{name}: title not found")
        if title_field is not None and norm(title_field) != title:
            err(f"{name}: title is not heading.main")
        if byline_field is not None and d["byline"] != byline_field:
            err(f"{name}: byline is not credits.signed[0].n")
        if d["byline"] is not None and norm(d["byline"]) not in ntext and byline_field is None:
            err(f"{name}: byline not in the text")
        if not isinstance(d["outlet"], str) or not d["outlet"]:
            err(f"{name}: outlet missing")
        if not isinstance(d["wire"], list) or set(d["wire"]) - WIRES:
            err(f"{name}: wire {d['wire']!r}")
        for w in d["wire"] or []:
            if not any(x in ntext for x in WIRE_NAMES.get(w, (w,))):
                err(f"{name}: wire {w} not named in the text")
        if not is_date(d["published"]):
            err(f"{name}: published {d['published']!r}")
        if not isinstance(d["published_tolerance_days"], int):
            err(f"{name}: published_tolerance_days")
        e = d["election"]
        if e is not None:
            if not is_date(e.get("date")) or e.get("kind") not in KINDS or ELECTIONS.get(e["date"]) != e["kind"]:
                err(f"{name}: election {e} is not a known Kazakh vote")
        strings = ([("boilerplate", s) for s in d["boilerplate"] or []]
                   + [("body_must_keep", s) for s in d["body_must_keep"] or []]
                   + [("tally", t["phrase"]) for t in d["tallies"] or []]
                   + [("result", r["phrase"]) for r in d["results"] or []])
        for what, s in strings:
            ns = norm(s)
            if vis is not None and re.search(r"&#?\w+;|<|>", ns):
                err(f"{name}: {what} holds an entity or tag: {s!r}")
            if ns not in ntext:
                err(f"{name}: {what} not found: {s!r}")
            elif nvis is not None and ns not in nvis:
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
                err(f"{w}: vague_word {vw!r}")
            if t["qualifier"] == "vague" and (vw is None or t["number"] is not None):
                err(f"{w}: a vague tally needs a vague_word and no number")
            if t["qualifier"] not in ("vague", "unspecified") and t["number"] is None:
                err(f"{w}: qualifier {t['qualifier']} without a number")
            if t["location"] is not None and not (isinstance(t["location"], list)
                                                  and all(isinstance(x, str) for x in t["location"])):
                err(f"{w}: location must be a list of names")
            if t["date"] is not None and not is_date(t["date"]):
                err(f"{w}: date {t['date']!r}")
            if "optional" in t and t["optional"] is not True:
                err(f"{w}: optional must be true or absent")
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
                err(f"{w}: subject {r['subject']!r} is not a string")
            if r["measure"] == "turnout" and r["subject"] != "turnout":
                err(f"{w}: a turnout's subject is 'turnout'")
            if not is_date(r["election"]) or r["election"] not in ELECTIONS:
                err(f"{w}: election {r['election']!r} is not a known Kazakh vote")
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
