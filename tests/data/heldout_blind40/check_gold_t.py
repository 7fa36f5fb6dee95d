#!/usr/bin/env python3
"""Check gold_t.yaml of blind held-out set 40, part B, against its seven documents.

Standalone: standard library and PyYAML only; it does not import kzresearch.

Decodes each document with its real encoding and checks that the encoding is what it claims:
  - t01 is UTF-16 LE with a BOM and CRLF on every line (compared after CRLF -> LF);
  - t02 is Windows-1251 HTML (must not decode as UTF-8, must declare windows-1251);
  - t03 is UTF-8 with a BOM; t04 and t05 are UTF-8 without BOM or CR;
  - feed_t.jsonl holds exactly two UTF-8 rows (raw, not ASCII-escaped) with the top-level keys
    rec, via, hd, by, posted, segs, counters, seen; a row's text is `hd` followed by the `s` of
    every element of `segs`, in order, joined by blank lines; its title is `hd`, its byline `by`.
Text and annotations are normalised (NFKC, curly quotes to straight, no-break and narrow no-break
spaces to space) and the checker asserts that
  - every phrase, boilerplate entry and body_must_keep sentence is a substring of the document
    (for the HTML files: of the raw markup with no entity or tag inside, and of the tag-stripped,
    entity-decoded visible text as well);
  - every tally and result phrase occurs exactly once in the document, and phrases are distinct;
  - the stated number, value or `of` is visible in its phrase (digits, thousands separators,
    decimal commas such as "88,05", "N million", "1 thousand 200", "3 thousand", or number words
    such as "three", "ten", "a thousand", "a hundred", "two dozen", "both");
  - vague tallies carry their vague_word in lower case and inside the phrase;
  - every key and value is in the vocabulary of /work/shared/gold/README.md, with exactly the
    document fields of seeds.yaml; dates are dates; subjects are strings; turnout results have
    subject "turnout"; election dates are dates of Kazakh national votes and match the kind given;
  - titles and bylines occur in the text (for the JSON rows: equal `hd` and `by`); every credited
    agency is named in the text;
  - manifest_t.csv has the five non-JSONL files and the columns file,outlet,url,published,notes.
Prints "N documents, T tallies (k optional), R results (m optional)" and "OK" when all checks pass
(exit status 0), else the list of problems (exit status 1).
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
    "t01_expressk_2007.txt": "utf16crlf",
    "t02_lentaru_2011.html": "html1251",
    "t03_vicenews_2022.txt": "utf8bom",
    "t04_akzhaiyk_2016.txt": "utf8",
    "t05_voiceofrussia_2011.html": "html",
    "feed_t.jsonl:1": "jsonl",
    "feed_t.jsonl:2": "jsonl",
}
JSONL_NAME = "feed_t.jsonl"
JSONL_ROWS = 2
JSONL_KEYS = {"rec", "via", "hd", "by", "posted", "segs", "counters", "seen"}
WIRE_NAMES = {
    "AP": ("AP", "Associated Press"),
    "AFP": ("AFP", "Agence France-Presse"),
    "TASS": ("TASS", "ITAR-TASS"),
    "Interfax": ("Interfax", "Interfax-Kazakhstan"),
}

COUNTED = {"protesters", "detained", "injured", "killed", "released", "fined", "sentenced", "other"}
QUALIFIER = {"exact", "approx", "at_least", "more_than", "at_most", "fewer_than", "vague", "unspecified"}
MEASURE = {"vote_share", "turnout", "seats", "threshold", "seats_contested", "parties_contesting",
           "registered_voters"}
KINDS = {"presidential", "parliamentary", "referendum"}
WIRES = {"AP", "AFP", "Reuters", "Interfax", "Xinhua", "TASS", "dpa", "EFE", "Anadolu", "IRNA",
         "Trend", "RIA Novosti", "Kazinform"}
DOC_KEYS = {"doc", "outlet", "outlet_evidence", "title", "byline", "wire", "published",
            "published_tolerance_days", "published_evidence", "election", "boilerplate",
            "body_must_keep", "tallies", "results"}
TALLY_KEYS = {"phrase", "counted", "number", "qualifier", "vague_word", "multiplier", "location",
              "date", "source_attributed", "optional"}
TALLY_REQUIRED = TALLY_KEYS - {"multiplier", "optional"}
RESULT_KEYS = {"phrase", "subject", "measure", "value", "of", "qualifier", "scope", "election",
               "optional"}
RESULT_REQUIRED = {"phrase", "subject", "measure", "value", "qualifier", "election"}

# Kazakh national votes that the annotations may refer to (date -> kind).
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
         "two dozen": 24, "a hundred": 100, "a thousand": 1000}

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
    """Tag-stripped, entity-decoded text of an HTML page (script, style and comments dropped)."""
    t = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", raw_html)
    t = re.sub(r"(?s)<!--.*?-->", " ", t)
    t = re.sub(r"(?s)<[^>]+>", "\n", t)
    return html.unescape(t)


def row_text(row):
    return "\n\n".join([row["hd"]] + [seg["s"] for seg in row["segs"]])


_rows = None


def jsonl_rows():
    global _rows
    if _rows is None:
        raw = (ART / JSONL_NAME).read_bytes()
        text = raw.decode("utf-8")
        if text.startswith("\ufeff") or "\r" in text:
            err(f"{JSONL_NAME}: BOM or CR")
        if raw.isascii():
            err(f"{JSONL_NAME}: expected raw UTF-8 rows, found ASCII-escaped JSON")
        lines = [r for r in text.split("\n") if r.strip()]
        if len(lines) != JSONL_ROWS:
            err(f"{JSONL_NAME}: expected {JSONL_ROWS} rows, found {len(lines)}")
        _rows = [json.loads(r) for r in lines]
        for i, row in enumerate(_rows, 1):
            if set(row) != JSONL_KEYS:
                err(f"{JSONL_NAME}:{i}: top-level keys {sorted(row)} != {sorted(JSONL_KEYS)}")
            if not isinstance(row["segs"], list) or any(
                    not isinstance(s, dict) or not isinstance(s.get("s"), str) for s in row["segs"]):
                err(f"{JSONL_NAME}:{i}: segs must be a list of objects with a string 's'")
    return _rows


def load(name, kind):
    """Return (text to search, visible text or None, title field or None, byline field, has byline field)."""
    if kind == "jsonl":
        fname, line_no = name.rsplit(":", 1)
        row = jsonl_rows()[int(line_no) - 1]
        return row_text(row), None, row["hd"], row["by"], True
    raw = (ART / name).read_bytes()
    if kind == "utf16crlf":
        if not raw.startswith(b"\xff\xfe"):
            err(f"{name}: expected a UTF-16 LE BOM")
        text = raw.decode("utf-16")
        if text.startswith("\ufeff"):
            text = text[1:]
        if "\r\n" not in text or re.search(r"(?<!\r)\n", text):
            err(f"{name}: expected CRLF line endings throughout")
        return text.replace("\r\n", "\n"), None, None, None, False
    if kind == "html1251":
        try:
            raw.decode("utf-8")
            err(f"{name}: decodes as UTF-8, expected Windows-1251")
        except UnicodeDecodeError:
            pass
        text = raw.decode("cp1251")
        if "charset=windows-1251" not in text:
            err(f"{name}: no windows-1251 declaration")
        if "\r" in text:
            err(f"{name}: CR in file")
        return text, visible_text(text), None, None, False
    if kind == "utf8bom":
        if not raw.startswith(b"\xef\xbb\xbf"):
            err(f"{name}: expected a UTF-8 BOM")
        text = raw.decode("utf-8-sig")
        if "\r" in text:
            err(f"{name}: CR in file")
        return text, None, None, None, False
    text = raw.decode("utf-8")
    if text.startswith("\ufeff") or "\r" in text:
        err(f"{name}: BOM or CR in a UTF-8 file")
    if kind == "html":
        return text, visible_text(text), None, None, False
    return text, None, None, None, False


def phrase_forms(p):
    """The phrase in lower case, with decimal commas made points and 'N thousand M' expanded."""
    p = p.lower()
    p = re.sub(r"(?<=\d),(?=\d{1,2}(?!\d))", ".", p)          # 88,05 -> 88.05 (not 1,000)
    p = re.sub(r"\b(\d+) thousand (\d{1,3})\b", lambda m: str(int(m[1]) * 1000 + int(m[2])), p)
    p = re.sub(r"\b(\d+) thousand\b", lambda m: str(int(m[1]) * 1000), p)
    return p


def number_visible(n, phrase):
    if n is None:
        return True
    p = phrase_forms(phrase)
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
    path = HERE / "manifest_t.csv"
    with path.open(newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        if reader.fieldnames != ["file", "outlet", "url", "published", "notes"]:
            err(f"manifest_t.csv: columns {reader.fieldnames}")
        rows = list(reader)
    files = sorted(r["file"] for r in rows)
    want = sorted(n for n, k in DOCS.items() if k != "jsonl")
    if files != want:
        err(f"manifest_t.csv: files {files} != {want}")
    for r in rows:
        if r["published"]:
            try:
                dt.date.fromisoformat(r["published"])
            except ValueError:
                err(f"manifest_t.csv: published {r['published']!r} for {r['file']}")


def main():
    gold = yaml.safe_load((HERE / "gold_t.yaml").read_text(encoding="utf-8"))
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
        text, extra, title_field, byline_field, has_byline_field = load(name, kind)
        ntext = norm(text)
        nextra = norm(extra) if extra is not None else None
        title = norm(d["title"])
        if title not in ntext or (nextra is not None and title not in nextra):
            err(f"{name}: title not found")
        if title_field is not None and norm(title_field) != title:
            err(f"{name}: title is not the row's hd")
        if has_byline_field and d["byline"] != byline_field:
            err(f"{name}: byline is not the row's by")
        if not has_byline_field and d["byline"] is not None \
                and norm(d["byline"]).lower() not in ntext.lower():
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
                err(f"{name}: election {e} is not a known Kazakh vote")
        strings = ([("boilerplate", s) for s in d.get("boilerplate") or []]
                   + [("body_must_keep", s) for s in d.get("body_must_keep") or []]
                   + [("tally", t["phrase"]) for t in d.get("tallies") or []]
                   + [("result", r["phrase"]) for r in d.get("results") or []])
        for what, s in strings:
            ns = norm(s)
            if kind.startswith("html") and ("&" in ns or "<" in ns or ">" in ns):
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
            if t["location"] is not None and not (isinstance(t["location"], list)
                                                  and all(isinstance(x, str) for x in t["location"])):
                err(f"{w}: location must be a list of names")
            if "multiplier" in t and not isinstance(t["multiplier"], int):
                err(f"{w}: multiplier must be an int")
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
                err(f"{w}: subject {r['subject']!r} is not a string")
            if r["measure"] == "turnout" and r["subject"] != "turnout":
                err(f"{w}: a turnout's subject is 'turnout'")
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
