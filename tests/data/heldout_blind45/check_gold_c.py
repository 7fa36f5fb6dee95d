#!/usr/bin/env python3
"""Check gold_c.yaml of blind held-out set 45, part C, against its seven documents.

Standalone: standard library and PyYAML only; it does not import kzresearch.

Each document is decoded with its real encoding and its byte-level habits are asserted:
  c01, c03  HTML, UTF-8, no BOM, LF; phrases are looked up in the tag-stripped,
            entity-decoded visible text (script and style dropped)
  c02       UTF-16 little-endian with BOM, CRLF on every line
  c04       UTF-8 with BOM, LF
  c05       UTF-8, no BOM, LF
  c06       Windows-1252 (must not decode as UTF-8), CRLF on every line
  feed_c    JSON Lines, one raw-UTF-8 row (not ASCII-escaped); its text is heads.web followed by
            the "v" of every element of "chunks" whose "k" is not "ad", joined by blank lines;
            its title is heads.web, its byline credit.people (null when empty)
Text and annotations are normalised alike (NFKC, curly quotes to straight, no-break and thin
spaces to spaces). The script then asserts that
  - every title, phrase, boilerplate entry and body_must_keep line occurs in the text;
  - every tally and result phrase occurs exactly once and phrases are distinct in a document;
  - the number, value and `of` are visible in the phrase (digits, with or without thousands
    separators of comma or space, or a number word such as "Ten", "six", "a dozen");
  - vague tallies carry a lower-case vague_word that occurs in the phrase and no number;
  - keys and values are those of /work/shared/gold/README.md and seeds.yaml: counted, qualifier,
    measure, election kinds; dates are dates; subjects are strings ("yes"/"no" quoted); result
    election dates are dates of Kazakh votes; a document's election date matches its kind;
  - each byline name occurs in the text and each credited agency is named in it;
  - manifest_c.csv has the columns file,outlet,url,published,notes and the six non-JSONL files.
It prints "N documents, T tallies (k optional), R results (m optional)" and "OK" on success
(exit status 0), or the list of problems (exit status 1).
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
    "c01_espn_2023.html": "html",
    "c02_variety_2021.txt": "utf16",
    "c03_cntraveler_2024.html": "html",
    "c04_bmj_2021.txt": "utf8bom",
    "c05_newscientist_2024.txt": "utf8",
    "c06_investorschronicle_2012.txt": "cp1252",
    "feed_c.jsonl:1": "jsonl",
}
JSONL_KEYS = {"slot", "heads", "credit", "when", "chunks", "media", "topics"}

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

WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
         "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
         "fifteen": 15, "both": 2, "a dozen": 12}

errors = []


def err(msg):
    errors.append(msg)


def norm(s):
    s = unicodedata.normalize("NFKC", s)
    for a, b in (("\u2018", "'"), ("\u2019", "'"), ("\u201c", '"'), ("\u201d", '"'),
                 ("\u00a0", " "), ("\u2009", " "), ("\u202f", " ")):
        s = s.replace(a, b)
    return s


def visible_text(raw_html):
    t = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", raw_html)
    t = re.sub(r"(?is)<head\b.*?</head>", " ", t)
    t = re.sub(r"(?s)<[^>]+>", "\n", t)
    return html.unescape(t)


def crlf_only(text):
    return "\r\n" in text and re.search(r"(?<!\r)\n", text) is None and "\r\r" not in text


def load(name, kind):
    """Return (text, title_field, byline_field); the fields are None except for the JSON row."""
    if kind == "jsonl":
        fname, line_no = name.rsplit(":", 1)
        raw = (ART / fname).read_bytes()
        text = raw.decode("utf-8")
        if text.startswith("\ufeff") or "\r" in text:
            err(f"{fname}: BOM or CR")
        if raw.isascii():
            err(f"{fname}: expected raw UTF-8, found an ASCII-escaped row")
        rows = [r for r in text.split("\n") if r.strip()]
        if len(rows) != 1 or line_no != "1":
            err(f"{fname}: expected exactly one row addressed :1, found {len(rows)}")
        row = json.loads(rows[int(line_no) - 1])
        if set(row) != JSONL_KEYS:
            err(f"{fname}: top-level keys {sorted(row)} != {sorted(JSONL_KEYS)}")
        chunks = row["chunks"]
        if not all(isinstance(c, dict) and isinstance(c.get("v"), str) for c in chunks):
            err(f"{fname}: chunks must be objects with a string v")
        parts = [row["heads"]["web"]] + [c["v"] for c in chunks if c.get("k") != "ad"]
        people = row["credit"]["people"]
        byline = ", ".join(people) if people else None
        return "\n\n".join(parts), row["heads"]["web"], byline
    raw = (ART / name).read_bytes()
    if kind == "html":
        text = raw.decode("utf-8")
        if text.startswith("\ufeff") or "\r" in text:
            err(f"{name}: BOM or CR in an HTML file")
        return visible_text(text), None, None
    if kind == "utf16":
        if not raw.startswith(b"\xff\xfe"):
            err(f"{name}: expected a UTF-16 LE byte-order mark")
        text = raw.decode("utf-16")
        if not crlf_only(text):
            err(f"{name}: expected CRLF line endings throughout")
        return text.lstrip("\ufeff").replace("\r\n", "\n"), None, None
    if kind == "utf8bom":
        if not raw.startswith(b"\xef\xbb\xbf"):
            err(f"{name}: expected a UTF-8 byte-order mark")
        text = raw.decode("utf-8-sig")
        if "\r" in text:
            err(f"{name}: CR in a LF file")
        return text, None, None
    if kind == "utf8":
        text = raw.decode("utf-8")
        if text.startswith("\ufeff") or "\r" in text:
            err(f"{name}: BOM or CR in a plain UTF-8 file")
        return text, None, None
    if kind == "cp1252":
        try:
            raw.decode("utf-8")
            err(f"{name}: decodes as UTF-8, expected Windows-1252")
        except UnicodeDecodeError:
            pass
        text = raw.decode("cp1252", errors="replace")
        if not crlf_only(text):
            err(f"{name}: expected CRLF line endings throughout")
        return text.replace("\r\n", "\n"), None, None
    raise ValueError(kind)


def number_visible(n, phrase):
    if n is None:
        return True
    p = phrase.lower()
    if isinstance(n, float) and not n.is_integer():
        s = repr(n)
        return re.search(r"(?<![\d.])" + re.escape(s) + r"(?![1-9])", p.replace(",", "")) is not None
    n = int(n)
    forms = {str(n), f"{n:,}", f"{n:,}".replace(",", " ")}
    if any(re.search(r"(?<![\d.,])" + re.escape(f) + r"(?![\d])(?![, ]\d)(?!\.\d)", p) for f in forms):
        return True
    return any(re.search(r"\b" + w + r"\b", p) and v == n for w, v in WORDS.items())


def is_date(value):
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)


def check_date(value, what):
    if value is not None and not is_date(value):
        err(f"{what}: date {value!r} is not YYYY-MM-DD")


def check_manifest():
    path = HERE / "manifest_c.csv"
    with path.open(newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        if reader.fieldnames != ["file", "outlet", "url", "published", "notes"]:
            err(f"manifest_c.csv: columns {reader.fieldnames}")
        rows = list(reader)
    files = sorted(r["file"] for r in rows)
    want = sorted(n for n, k in DOCS.items() if k != "jsonl")
    if files != want:
        err(f"manifest_c.csv: files {files} != {want}")
    for r in rows:
        if r["published"]:
            try:
                dt.date.fromisoformat(r["published"])
            except ValueError:
                err(f"manifest_c.csv: published {r['published']!r} for {r['file']}")


def check_tally(name, t):
    w = f"{name} tally {t.get('phrase')!r}"
    if set(t) - TALLY_KEYS or TALLY_REQUIRED - set(t):
        err(f"{w}: keys {sorted(t)}")
        return
    if t["counted"] not in COUNTED:
        err(f"{w}: counted {t['counted']}")
    if t["qualifier"] not in QUALIFIER:
        err(f"{w}: qualifier {t['qualifier']}")
    if not number_visible(t["number"], norm(t["phrase"])):
        err(f"{w}: number {t['number']} not visible")
    vw = t["vague_word"]
    if vw is not None and (vw != vw.lower() or vw not in norm(t["phrase"]).lower()):
        err(f"{w}: vague_word {vw!r} not in phrase or not lower case")
    if t["qualifier"] == "vague" and (vw is None or t["number"] is not None):
        err(f"{w}: a vague tally needs a vague_word and no number")
    if t["qualifier"] not in ("vague", "unspecified") and t["number"] is None:
        err(f"{w}: qualifier {t['qualifier']} without a number")
    if t["location"] is not None and not (isinstance(t["location"], list)
                                          and all(isinstance(x, str) for x in t["location"])):
        err(f"{w}: location must be a list of names or null")
    if "optional" in t and t["optional"] is not True:
        err(f"{w}: optional must be true or absent")
    check_date(t["date"], w)


def check_result(name, r):
    w = f"{name} result {r.get('phrase')!r}"
    if set(r) - RESULT_KEYS or RESULT_REQUIRED - set(r):
        err(f"{w}: keys {sorted(r)}")
        return
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
    if r["measure"] == "threshold" and r["subject"] != "threshold":
        err(f"{w}: a threshold's subject is 'threshold'")
    if not is_date(r["election"]) or r["election"] not in ELECTIONS:
        err(f"{w}: election {r['election']} is not a known Kazakh vote")
    if "optional" in r and r["optional"] is not True:
        err(f"{w}: optional must be true or absent")


def main():
    gold = yaml.safe_load((HERE / "gold_c.yaml").read_text(encoding="utf-8"))
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
        text, title_field, byline_field = load(name, kind)
        ntext = norm(text)
        if norm(d["title"]) not in ntext:
            err(f"{name}: title not found")
        if title_field is not None and norm(title_field) != norm(d["title"]):
            err(f"{name}: title is not the row's heads.web")
        if kind == "jsonl" and d["byline"] != byline_field:
            err(f"{name}: byline {d['byline']!r} is not the row's credit.people ({byline_field!r})")
        if kind != "jsonl" and d["byline"] is not None:
            for person in re.split(r", | and ", d["byline"]):
                if norm(person) not in ntext:
                    err(f"{name}: byline name {person!r} not in the text")
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
            if e.get("kind") not in KINDS:
                err(f"{name}: election kind {e.get('kind')}")
            if ELECTIONS.get(e.get("date")) != e.get("kind"):
                err(f"{name}: election {e} is not a known Kazakh vote of that kind")
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
            check_tally(name, t)
            n_t += 1
            n_to += bool(t.get("optional"))
        for r in d.get("results") or []:
            check_result(name, r)
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
