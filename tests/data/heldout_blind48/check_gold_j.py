#!/usr/bin/env python3
"""Check gold_j.yaml of blind held-out set 48, part J, against its seven documents.

Standalone: standard library and PyYAML only; it does not import kzresearch.

Decodes each document with its real encoding and asserts the encoding traps are still there:
  j01  UTF-8 HTML, no BOM, LF
  j02  KZ-1048 (Kazakh Windows code page), CRLF on every line, must NOT decode as UTF-8
  j03  UTF-8 HTML with a BOM
  j04  UTF-16LE with a BOM, CRLF on every line
  j05  UTF-8 text, no BOM, LF, with no-break spaces
  feed_j.jsonl  two JSON rows in one scraper schema (row 1 ASCII-escaped, row 2 raw UTF-8);
       a row's text is `hed`, `dek` and the `s` of each object in `blocks`, in order, joined
       by blank lines; its title is `hed`, its byline `credit.people[0]` (or null).
For HTML the searchable text is the visible text (script/style dropped, tags removed, entities
decoded). Text and annotations are compared after NFKC normalisation, curly quotes to straight,
no-break spaces to spaces and runs of white space collapsed to one space. It asserts that
  - every tally/result phrase, boilerplate entry and body_must_keep sentence occurs in the text,
    tally and result phrases exactly once, and phrases are distinct within a document;
  - the number, value and `of` are visible in the phrase (digits with or without thousands
    separators, "N million", or number words such as "three", "Thirteen", "two hundred",
    "two dozen", "both");
  - vague tallies carry a lower-case vague_word that occurs in the phrase and no number;
  - keys and values are in the vocabulary of /work/shared/gold/README.md, every document has the
    fourteen fields of seeds.yaml, dates are dates, subjects are strings, election dates are dates
    of Kazakh national votes of the right kind, optional is true or absent;
  - titles and bylines occur in the text (rows: equal hed and credit.people[0]) and every
    credited wire is named in the text;
  - manifest_j.csv has the five non-JSONL files and the columns file,outlet,url,published,notes.
Prints "N documents, T tallies (k optional), R results (m optional)" and "OK"; exit status 0
when every check passes.
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
    "j01_jagranjosh_2024.html": "html",
    "j02_egemen_2020.txt": "kz1048",
    "j03_asianreviewofbooks_2024.html": "html_bom",
    "j04_thequint_2022.txt": "utf16",
    "j05_roadsandkingdoms_2024.txt": "utf8",
    "feed_j.jsonl:1": "jsonl",
    "feed_j.jsonl:2": "jsonl",
}
ROW_KEYS = {"src", "hed", "dek", "credit", "stamps", "blocks", "labels"}
WIRE_NAMES = {"AP": ("AP", "Associated Press"), "AFP": ("AFP", "Agence France-Presse"),
              "PTI": ("PTI", "Press Trust of India")}

COUNTED = {"protesters", "detained", "injured", "killed", "released", "fined", "sentenced", "other"}
QUALIFIER = {"exact", "approx", "at_least", "more_than", "at_most", "fewer_than", "vague",
             "unspecified"}
MEASURE = {"vote_share", "turnout", "seats", "threshold", "seats_contested", "parties_contesting",
           "registered_voters"}
KINDS = {"presidential", "parliamentary", "referendum"}
WIRES = {"AP", "AFP", "Reuters", "Interfax", "Xinhua", "TASS", "dpa", "EFE", "Anadolu", "IRNA",
         "Trend", "PTI", "Kazinform"}
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

UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
         "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
         "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
         "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50}
SPECIAL = {"both": 2, "a dozen": 12, "two dozen": 24, "a hundred": 100, "two hundred": 200,
           "three hundred": 300}

errors = []


def err(msg):
    errors.append(msg)


def norm(s):
    s = unicodedata.normalize("NFKC", s)
    for a, b in (("\u2018", "'"), ("\u2019", "'"), ("\u201c", '"'), ("\u201d", '"'),
                 ("\u00a0", " "), ("\u202f", " ")):
        s = s.replace(a, b)
    return re.sub(r"\s+", " ", s).strip()


def visible_text(raw_html):
    t = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", raw_html)
    t = re.sub(r"(?is)<head\b.*?</head>", " ", t)
    t = re.sub(r"(?s)<[^>]+>", "\n", t)
    return html.unescape(t)


def check_line_ends(name, text, want_crlf):
    if want_crlf:
        if "\r\n" not in text or re.search(r"(?<!\r)\n", text):
            err(f"{name}: expected CRLF line ends throughout")
    elif "\r" in text:
        err(f"{name}: unexpected CR")


_feed_rows = None


def feed_rows():
    global _feed_rows
    if _feed_rows is None:
        raw = (ART / "feed_j.jsonl").read_bytes()
        text = raw.decode("utf-8")
        if text.startswith("\ufeff") or "\r" in text:
            err("feed_j.jsonl: BOM or CR")
        lines = [ln for ln in text.split("\n") if ln.strip()]
        if len(lines) != 2:
            err(f"feed_j.jsonl: expected 2 rows, found {len(lines)}")
        if not lines[0].isascii():
            err("feed_j.jsonl: row 1 should be ASCII-escaped")
        if len(lines) > 1 and lines[1].isascii():
            err("feed_j.jsonl: row 2 should carry raw UTF-8")
        _feed_rows = [json.loads(ln) for ln in lines]
    return _feed_rows


def load(name, kind):
    """Return (searchable text, title field or None, byline field or 'n/a')."""
    if kind == "jsonl":
        n = int(name.rsplit(":", 1)[1])
        row = feed_rows()[n - 1]
        if set(row) != ROW_KEYS:
            err(f"{name}: keys {sorted(row)} != {sorted(ROW_KEYS)}")
        blocks = row["blocks"]
        if not all(isinstance(b, dict) and isinstance(b.get("s"), str) for b in blocks):
            err(f"{name}: blocks must be objects with a string s")
        text = "\n\n".join([row["hed"], row["dek"]] + [b["s"] for b in blocks])
        people = row["credit"]["people"]
        return text, row["hed"], (people[0] if people else None)
    raw = (ART / name).read_bytes()
    if kind == "html":
        if raw.startswith(b"\xef\xbb\xbf"):
            err(f"{name}: unexpected BOM")
        text = raw.decode("utf-8")
        check_line_ends(name, text, False)
        return visible_text(text), None, "n/a"
    if kind == "html_bom":
        if not raw.startswith(b"\xef\xbb\xbf"):
            err(f"{name}: expected a UTF-8 BOM")
        text = raw.decode("utf-8-sig")
        check_line_ends(name, text, False)
        return visible_text(text), None, "n/a"
    if kind == "kz1048":
        try:
            raw.decode("utf-8")
            err(f"{name}: decodes as UTF-8, expected KZ-1048")
        except UnicodeDecodeError:
            pass
        text = raw.decode("kz1048")
        check_line_ends(name, text, True)
        if "Қ" not in text:
            err(f"{name}: Kazakh letters lost")
        return text, None, "n/a"
    if kind == "utf16":
        if not raw.startswith(b"\xff\xfe"):
            err(f"{name}: expected a UTF-16LE BOM")
        text = raw.decode("utf-16")
        check_line_ends(name, text, True)
        return text, None, "n/a"
    if kind == "utf8":
        if raw.startswith(b"\xef\xbb\xbf"):
            err(f"{name}: unexpected BOM")
        text = raw.decode("utf-8")
        check_line_ends(name, text, False)
        if "\u00a0" not in text:
            err(f"{name}: no-break spaces lost")
        return text, None, "n/a"
    raise ValueError(kind)


def number_visible(n, phrase):
    if n is None:
        return True
    p = phrase.lower()
    if isinstance(n, float) and not n.is_integer():
        s = repr(n)
        flat = p.replace(",", "")
        return (re.search(r"(?<![\d.])" + re.escape(s) + r"0*(?!\d)", flat) is not None)
    if isinstance(n, float):
        if re.search(r"(?<![\d.])" + re.escape(f"{n:.1f}") + r"(?!\d)", p):
            return True
    n = int(n)
    forms = {str(n), f"{n:,}"}
    if n >= 1_000_000:
        forms.add(f"{n / 1_000_000:g} million")
    if any(re.search(r"(?<![\d.,])" + re.escape(f) + r"(?!\d)(?!,\d)(?!\.\d)", p) for f in forms):
        return True
    words = dict(UNITS)
    words.update(SPECIAL)
    return any(v == n and re.search(r"\b" + re.escape(w) + r"\b", p) for w, v in words.items())


def is_date(value):
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)


def check_date(value, what):
    if value is not None and not is_date(value):
        err(f"{what}: date {value!r} is not YYYY-MM-DD")


def check_manifest():
    path = HERE / "manifest_j.csv"
    with path.open(newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        if reader.fieldnames != ["file", "outlet", "url", "published", "notes"]:
            err(f"manifest_j.csv: columns {reader.fieldnames}")
        rows = list(reader)
    files = sorted(r["file"] for r in rows)
    want = sorted(n for n, k in DOCS.items() if k != "jsonl")
    if files != want:
        err(f"manifest_j.csv: files {files} != {want}")
    for r in rows:
        if r["published"]:
            try:
                dt.date.fromisoformat(r["published"])
            except ValueError:
                err(f"manifest_j.csv: published {r['published']!r} for {r['file']}")


def main():
    gold = yaml.safe_load((HERE / "gold_j.yaml").read_text(encoding="utf-8"))
    seen = [d["doc"] for d in gold]
    if sorted(seen) != sorted(DOCS):
        err(f"documents {seen} != {sorted(DOCS)}")
    n_t = n_to = n_r = n_ro = 0
    for d in gold:
        name = d["doc"]
        if set(d) != DOC_KEYS:
            err(f"{name}: missing {DOC_KEYS - set(d)}, unknown {set(d) - DOC_KEYS}")
        kind = DOCS.get(name)
        if kind is None:
            continue
        text, title_field, byline_field = load(name, kind)
        ntext = norm(text)
        title = norm(d["title"])
        if title not in ntext:
            err(f"{name}: title not found")
        if title_field is not None and norm(title_field) != title:
            err(f"{name}: title is not the row's hed")
        if byline_field != "n/a":
            if d["byline"] != byline_field:
                err(f"{name}: byline {d['byline']!r} is not credit.people[0] {byline_field!r}")
        elif d["byline"] is not None and norm(d["byline"]).lower() not in ntext.lower():
            err(f"{name}: byline {d['byline']!r} not in the text")
        if not isinstance(d["outlet"], str) or not d["outlet"]:
            err(f"{name}: outlet missing")
        if not isinstance(d["wire"], list) or set(d["wire"]) - WIRES:
            err(f"{name}: wire {d['wire']!r}")
        for w in d["wire"] or []:
            if not any(re.search(r"\b" + re.escape(x) + r"\b", ntext)
                       for x in WIRE_NAMES.get(w, (w,))):
                err(f"{name}: wire {w} not named in the text")
        if not is_date(d["published"]):
            err(f"{name}: published {d['published']!r} is not a date")
        if not isinstance(d["published_tolerance_days"], int):
            err(f"{name}: published_tolerance_days not an int")
        if d["election"] is not None:
            e = d["election"]
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
            if "multiplier" in t and not isinstance(t["multiplier"], int):
                err(f"{w}: multiplier must be an int")
            vw = t["vague_word"]
            if vw is not None and (vw != vw.lower() or vw not in norm(t["phrase"]).lower()):
                err(f"{w}: vague_word {vw!r} not in phrase or not lower case")
            if t["qualifier"] == "vague" and (vw is None or t["number"] is not None):
                err(f"{w}: vague needs a vague_word and no number")
            if t["qualifier"] not in ("vague", "unspecified") and t["number"] is None:
                err(f"{w}: qualifier {t['qualifier']} without a number")
            if t["qualifier"] == "unspecified" and t["number"] is not None:
                err(f"{w}: unspecified with a number")
            if t["location"] is not None and not (
                    isinstance(t["location"], list) and all(isinstance(x, str) for x in t["location"])):
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
            if not isinstance(r["value"], (int, float)) or isinstance(r["value"], bool):
                err(f"{w}: value {r['value']!r} is not a number")
            elif not number_visible(r["value"], norm(r["phrase"])):
                err(f"{w}: value {r['value']} not visible")
            if "of" in r and not number_visible(r["of"], norm(r["phrase"])):
                err(f"{w}: of {r['of']} not visible")
            if not isinstance(r["subject"], str):
                err(f"{w}: subject {r['subject']!r} is not a string (quote yes/no)")
            if r["measure"] == "turnout" and r["subject"] != "turnout":
                err(f"{w}: a turnout's subject is 'turnout'")
            if r["measure"] == "vote_share" and r["value"] > 100:
                err(f"{w}: vote share above 100")
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
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
