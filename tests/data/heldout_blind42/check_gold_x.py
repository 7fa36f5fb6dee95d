#!/usr/bin/env python3
"""Check gold_x.yaml of blind held-out set 42, part B, against its seven documents.

Standalone: standard library and PyYAML only; it does not import kzresearch.

Each document is decoded with its real encoding, and the decoding itself is checked:
  x01, x04  HTML, UTF-8 without BOM or CR; searched in the tag-stripped, entity-decoded visible
            text (script and style dropped, every tag replaced by a line break);
  x02       UTF-8 WITH a BOM and CRLF line ends throughout (BOM dropped, CRLF -> LF);
  x03       UTF-16 LE with a BOM and CRLF line ends throughout (must not decode as UTF-8);
  x05       Windows-1252 with CRLF line ends throughout (must not decode as UTF-8);
  feed_x.jsonl  two JSON rows, LF only; row 1 raw UTF-8 (non-ASCII present), row 2 ASCII-escaped;
            top-level keys exactly k, site, head, people, when, segs, lang; a row's text is `head`
            followed by the second element of every `segs` pair, joined by "\\n\\n"; its title is
            `head` and its byline the first `people` entry with as == "author".
Both sides are normalised (NFKC, curly quotes to straight, no-break and figure spaces to spaces).
It then asserts that
  - every title, byline, boilerplate entry, body_must_keep sentence and phrase is in the text;
  - every tally and result phrase occurs exactly once and phrases are distinct within a document;
  - the stated number, value or `of` is visible in its phrase (digits with or without thousands
    separators, including "4 000", decimals, or a number word such as "five", "thirty", "Seven",
    "both", "one", "two dozen");
  - vague tallies carry their vague_word, in lower case, inside the phrase and no number;
  - keys and values are those of /work/shared/gold/README.md and seeds.yaml (all fourteen document
    fields present), dates are dates, subjects are strings, election dates are Kazakh votes of the
    stated kind, and an optional flag is `true` or absent;
  - every credited wire agency is named in the text;
  - manifest_x.csv has the five non-JSONL files and the columns file,outlet,url,published,notes.
Prints "N documents, T tallies (k optional), R results (m optional)" and OK; exit status 0 if all pass.
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
    "x01_wikileaks_2007.html": "html",
    "x02_mfakz_2022.txt": "utf8-bom-crlf",
    "x03_uncat_2023.txt": "utf16-bom-crlf",
    "x04_ciseec_2015.html": "html",
    "x05_nhc_2016.txt": "cp1252-crlf",
    "feed_x.jsonl:1": "jsonl",
    "feed_x.jsonl:2": "jsonl",
}
JSONL_KEYS = {"k", "site", "head", "people", "when", "segs", "lang"}

DOC_KEYS = {"doc", "outlet", "outlet_evidence", "title", "byline", "wire", "published",
            "published_tolerance_days", "published_evidence", "election", "boilerplate",
            "body_must_keep", "tallies", "results"}
TALLY_KEYS = {"phrase", "counted", "number", "qualifier", "vague_word", "multiplier", "location",
              "date", "source_attributed", "optional"}
TALLY_REQUIRED = TALLY_KEYS - {"multiplier", "optional"}
RESULT_KEYS = {"phrase", "subject", "measure", "value", "of", "qualifier", "scope", "election",
               "optional"}
RESULT_REQUIRED = {"phrase", "subject", "measure", "value", "qualifier", "election"}

COUNTED = {"protesters", "detained", "injured", "killed", "released", "fined", "sentenced", "other"}
QUALIFIER = {"exact", "approx", "at_least", "more_than", "at_most", "fewer_than", "vague",
             "unspecified"}
MEASURE = {"vote_share", "turnout", "seats", "threshold", "seats_contested", "parties_contesting",
           "registered_voters"}
KINDS = {"presidential", "parliamentary", "referendum"}
WIRE_NAMES = {"AP": ("AP", "Associated Press"), "AFP": ("AFP", "Agence France-Presse"),
              "Reuters": ("Reuters",), "Interfax": ("Interfax",), "TASS": ("TASS",),
              "Xinhua": ("Xinhua",), "dpa": ("dpa",), "EFE": ("EFE",), "Anadolu": ("Anadolu",),
              "Trend": ("Trend",), "IRNA": ("IRNA",)}

# Kazakh national votes (date -> kind) that annotations may refer to.
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

NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20,
                "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100, "both": 2,
                "a dozen": 12, "two dozen": 24}

errors = []


def err(msg):
    errors.append(msg)


def norm(s):
    s = unicodedata.normalize("NFKC", s)
    for a, b in (("\u2018", "'"), ("\u2019", "'"), ("\u201c", '"'), ("\u201d", '"'),
                 ("\u00a0", " "), ("\u202f", " "), ("\u2007", " ")):
        s = s.replace(a, b)
    return s


def visible_text(raw_html):
    t = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", raw_html)
    t = re.sub(r"(?s)<[^>]+>", "\n", t)
    return html.unescape(t)


def must_not_be_utf8(raw, name):
    try:
        raw.decode("utf-8")
        err(f"{name}: decodes as UTF-8, expected a legacy or UTF-16 encoding")
    except UnicodeDecodeError:
        pass


def all_crlf(text, name):
    if "\r\n" not in text or re.search(r"(?<!\r)\n", text) or re.search(r"\r(?!\n)", text):
        err(f"{name}: expected CRLF line ends throughout")


_rows = {}


def jsonl_rows(fname):
    if fname not in _rows:
        raw = (ART / fname).read_bytes()
        text = raw.decode("utf-8")
        if text.startswith("\ufeff") or "\r" in text:
            err(f"{fname}: BOM or CR in the JSONL file")
        lines = [r for r in text.split("\n") if r.strip()]
        if len(lines) != 2:
            err(f"{fname}: expected 2 rows, found {len(lines)}")
        if lines and lines[0].isascii():
            err(f"{fname}: row 1 should be raw UTF-8 with non-ASCII characters")
        if len(lines) > 1 and not lines[1].isascii():
            err(f"{fname}: row 2 should be ASCII-escaped")
        _rows[fname] = [json.loads(r) for r in lines]
    return _rows[fname]


def load(name, kind):
    """Return (searchable text, title field or None, byline field or the sentinel ...)."""
    if kind == "jsonl":
        fname, n = name.rsplit(":", 1)
        row = jsonl_rows(fname)[int(n) - 1]
        if set(row) != JSONL_KEYS:
            err(f"{name}: top-level keys {sorted(row)} != {sorted(JSONL_KEYS)}")
        segs = row["segs"]
        if not all(isinstance(s, list) and len(s) == 2 and all(isinstance(x, str) for x in s)
                   for s in segs):
            err(f"{name}: segs must be [tag, text] pairs of strings")
        text = "\n\n".join([row["head"]] + [s[1] for s in segs])
        authors = [p["n"] for p in row["people"] if p.get("as") == "author"]
        return text, row["head"], (authors[0] if authors else None)
    raw = (ART / name).read_bytes()
    if kind == "html":
        text = raw.decode("utf-8")
        if text.startswith("\ufeff") or "\r" in text:
            err(f"{name}: BOM or CR in an HTML file")
        return visible_text(text), None, ...
    if kind == "utf8-bom-crlf":
        if not raw.startswith(b"\xef\xbb\xbf"):
            err(f"{name}: expected a UTF-8 BOM")
        text = raw.decode("utf-8-sig")
        all_crlf(text, name)
        return text.replace("\r\n", "\n"), None, ...
    if kind == "utf16-bom-crlf":
        if not raw.startswith(b"\xff\xfe"):
            err(f"{name}: expected a UTF-16 LE BOM")
        must_not_be_utf8(raw, name)
        try:
            text = raw[2:].decode("utf-16-le")
        except UnicodeDecodeError as exc:
            err(f"{name}: not valid UTF-16 LE ({exc})")
            text = raw[2:].decode("utf-16-le", errors="replace")
        all_crlf(text, name)
        return text.replace("\r\n", "\n"), None, ...
    if kind == "cp1252-crlf":
        must_not_be_utf8(raw, name)
        try:
            text = raw.decode("cp1252")
        except UnicodeDecodeError as exc:
            err(f"{name}: not valid Windows-1252 ({exc})")
            text = raw.decode("cp1252", errors="replace")
        all_crlf(text, name)
        return text.replace("\r\n", "\n"), None, ...
    raise ValueError(kind)


def number_visible(n, phrase):
    p = phrase.lower()
    if n is None:
        return True
    if isinstance(n, float) and not n.is_integer():
        return re.search(r"(?<![\d.])" + re.escape(repr(n)) + r"(?![\d])", p) is not None
    n = int(n)
    forms = {str(n), f"{n:,}", f"{n:,}".replace(",", " ")}
    if any(re.search(r"(?<![\d.,])" + re.escape(f) + r"(?![\d])(?![.,]\d)(?! \d{3})", p)
           for f in forms):
        return True
    return any(v == n and re.search(r"\b" + w + r"\b", p) for w, v in NUMBER_WORDS.items())


def is_date(v):
    return isinstance(v, dt.date) and not isinstance(v, dt.datetime)


def check_manifest():
    with (HERE / "manifest_x.csv").open(newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        if reader.fieldnames != ["file", "outlet", "url", "published", "notes"]:
            err(f"manifest_x.csv: columns {reader.fieldnames}")
        rows = list(reader)
    want = sorted(n for n, k in DOCS.items() if k != "jsonl")
    if sorted(r["file"] for r in rows) != want:
        err(f"manifest_x.csv: files {sorted(r['file'] for r in rows)} != {want}")
    for r in rows:
        if r["published"]:
            try:
                dt.date.fromisoformat(r["published"])
            except ValueError:
                err(f"manifest_x.csv: published {r['published']!r} for {r['file']}")


def main():
    gold = yaml.safe_load((HERE / "gold_x.yaml").read_text(encoding="utf-8"))
    names = [d.get("doc") for d in gold]
    if sorted(names) != sorted(DOCS) or len(set(names)) != len(names):
        err(f"documents {names} != {sorted(DOCS)}")
    n_t = n_to = n_r = n_ro = 0
    for d in gold:
        name = d.get("doc")
        if set(d) != DOC_KEYS:
            err(f"{name}: missing {sorted(DOC_KEYS - set(d))}, unknown {sorted(set(d) - DOC_KEYS)}")
        kind = DOCS.get(name)
        if kind is None:
            continue
        text, title_field, byline_field = load(name, kind)
        ntext = norm(text)

        if not isinstance(d["outlet"], str) or not d["outlet"].strip():
            err(f"{name}: outlet missing")
        if not isinstance(d["outlet_evidence"], str) or not d["outlet_evidence"].strip():
            err(f"{name}: outlet_evidence missing")
        if norm(d["title"]) not in ntext:
            err(f"{name}: title not found")
        if title_field is not None and norm(title_field) != norm(d["title"]):
            err(f"{name}: title is not the row's head")
        if byline_field is not ...:
            if d["byline"] != byline_field:
                err(f"{name}: byline {d['byline']!r} != row author {byline_field!r}")
        elif d["byline"] is not None and norm(d["byline"]) not in ntext:
            err(f"{name}: byline {d['byline']!r} not in the text")
        if not isinstance(d["wire"], list):
            err(f"{name}: wire must be a list")
        for w in d["wire"] or []:
            if w not in WIRE_NAMES or not any(x in ntext for x in WIRE_NAMES[w]):
                err(f"{name}: wire {w!r} unknown or not named in the text")
        if not is_date(d["published"]):
            err(f"{name}: published {d['published']!r} is not a date")
        if not isinstance(d["published_tolerance_days"], int) or d["published_tolerance_days"] < 0:
            err(f"{name}: published_tolerance_days must be a non-negative int")
        if not isinstance(d["published_evidence"], str) or not d["published_evidence"].strip():
            err(f"{name}: published_evidence missing")
        e = d["election"]
        if e is not None:
            if set(e) != {"date", "kind"} or not is_date(e["date"]) or e["kind"] not in KINDS:
                err(f"{name}: election {e!r}")
            elif ELECTIONS.get(e["date"]) != e["kind"]:
                err(f"{name}: election {e} is not a known Kazakh vote")

        strings = ([("boilerplate", s) for s in d["boilerplate"] or []]
                   + [("body_must_keep", s) for s in d["body_must_keep"] or []]
                   + [("tally", t["phrase"]) for t in d["tallies"] or []]
                   + [("result", r["phrase"]) for r in d["results"] or []])
        for what, s in strings:
            if not isinstance(s, str) or not s.strip():
                err(f"{name}: empty {what}")
                continue
            ns = norm(s)
            c = ntext.count(ns)
            if c == 0:
                err(f"{name}: {what} not found: {s!r}")
            elif what in ("tally", "result") and c != 1:
                err(f"{name}: {what} occurs {c} times: {s!r}")
            if "\n" in ns and what != "boilerplate":
                err(f"{name}: {what} spans a line break: {s!r}")
        phrases = [norm(x["phrase"]) for x in (d["tallies"] or []) + (d["results"] or [])]
        dup = {p for p in phrases if phrases.count(p) > 1}
        if dup:
            err(f"{name}: duplicate phrases {dup}")

        for t in d["tallies"] or []:
            w = f"{name} tally {t.get('phrase')!r}"
            if set(t) - TALLY_KEYS or TALLY_REQUIRED - set(t):
                err(f"{w}: keys {sorted(t)}")
                continue
            if t["counted"] not in COUNTED:
                err(f"{w}: counted {t['counted']!r}")
            if t["qualifier"] not in QUALIFIER:
                err(f"{w}: qualifier {t['qualifier']!r}")
            if t["number"] is not None and not isinstance(t["number"], int):
                err(f"{w}: number must be an integer or null")
            if not number_visible(t["number"], norm(t["phrase"])):
                err(f"{w}: number {t['number']} not visible in the phrase")
            vw = t["vague_word"]
            if vw is not None and (vw != vw.lower() or vw not in norm(t["phrase"]).lower()):
                err(f"{w}: vague_word {vw!r} not in the phrase or not lower case")
            if t["qualifier"] == "vague" and (vw is None or t["number"] is not None):
                err(f"{w}: a vague tally needs a vague_word and no number")
            if t["qualifier"] not in ("vague", "unspecified") and t["number"] is None:
                err(f"{w}: qualifier {t['qualifier']} needs a number")
            if t["qualifier"] == "unspecified" and t["number"] is not None:
                err(f"{w}: unspecified with a number")
            if "multiplier" in t and not isinstance(t["multiplier"], int):
                err(f"{w}: multiplier must be an int")
            if t["location"] is not None and not (isinstance(t["location"], list) and t["location"]
                                                  and all(isinstance(x, str) for x in t["location"])):
                err(f"{w}: location must be null or a non-empty list of names")
            if t["date"] is not None and not is_date(t["date"]):
                err(f"{w}: date {t['date']!r}")
            if t["source_attributed"] is not None and not isinstance(t["source_attributed"], str):
                err(f"{w}: source_attributed must be a string or null")
            if "optional" in t and t["optional"] is not True:
                err(f"{w}: optional must be true or absent")
            n_t += 1
            n_to += bool(t.get("optional"))

        for r in d["results"] or []:
            w = f"{name} result {r.get('phrase')!r}"
            if set(r) - RESULT_KEYS or RESULT_REQUIRED - set(r):
                err(f"{w}: keys {sorted(r)}")
                continue
            if r["measure"] not in MEASURE:
                err(f"{w}: measure {r['measure']!r}")
            if r["qualifier"] not in QUALIFIER - {"vague", "unspecified"}:
                err(f"{w}: qualifier {r['qualifier']!r}")
            if not isinstance(r["value"], (int, float)) or isinstance(r["value"], bool):
                err(f"{w}: value must be a number")
            elif not number_visible(r["value"], norm(r["phrase"])):
                err(f"{w}: value {r['value']} not visible in the phrase")
            if "of" in r and not number_visible(r["of"], norm(r["phrase"])):
                err(f"{w}: of {r['of']} not visible in the phrase")
            if not isinstance(r["subject"], str):
                err(f"{w}: subject {r['subject']!r} is not a string (quote yes/no)")
            if r["measure"] == "turnout" and r["subject"] != "turnout":
                err(f"{w}: a turnout's subject is 'turnout'")
            if r["measure"] == "threshold" and r["subject"] != "threshold":
                err(f"{w}: a threshold's subject is 'threshold'")
            if "scope" in r and not isinstance(r["scope"], str):
                err(f"{w}: scope must be a place name")
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
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
