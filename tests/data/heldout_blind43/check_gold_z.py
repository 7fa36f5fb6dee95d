#!/usr/bin/env python3
"""Check gold_z.yaml of blind held-out set 43, part B, against its seven documents.

Standalone: standard library and PyYAML only; it does not import kzresearch.

Decodes each document with its real encoding and asserts the encoding traps are really there:
  z01  UTF-8 with a BOM and CRLF line ends throughout;
  z02  UTF-8 HTML (no BOM, no CR) with JSON-LD;
  z03  UTF-16LE with a BOM and CRLF line ends throughout;
  z04  UTF-8 HTML (no BOM, no CR);
  z05  Windows-1251 HTML with CRLF line ends, declared charset=windows-1251, not valid UTF-8;
  feed_z.jsonl  two UTF-8 JSON rows written without ASCII escaping (no BOM, no CR), each with exactly
       the keys src, heading, people, when, blocks, labels; a row's text is heading.main,
       heading.strap and every blocks[].v in list order, joined by blank lines; its title is
       heading.main and its byline the first people[] entry with role "writer" (else null).
Then normalises text and annotations (NFKC, curly quotes to straight, no-break space to space) and
asserts that
  - every phrase, boilerplate entry and body_must_keep sentence is a substring of the document
    (for the HTML files: of the raw HTML with no entity or tag inside, and of the tag-stripped,
    entity-decoded visible text as well);
  - every tally and result phrase occurs exactly once, and phrases are distinct within a document;
  - the stated number, value or `of` is visible in its phrase (digits, thousands separators, a
    decimal comma, "N million", or a number word such as "three", "Two", "both", "a dozen",
    "a thousand");
  - vague tallies carry their vague_word in lower case and inside the phrase;
  - every key and value is in the vocabulary of /work/shared/gold/README.md, each document has
    exactly the fourteen fields used in seeds.yaml, dates are dates (published may be YYYY-MM),
    subjects are strings (so "yes"/"no" stay quoted), a turnout's subject is "turnout", election
    dates are dates of Kazakh votes and match the kind given for the document;
  - titles and bylines occur in the text (for the JSON rows: equal their fields), and every
    credited agency is named in the text (AP also as "Associated Press", AFP also as
    "Agence France-Presse");
  - manifest_z.csv has the five non-JSONL files and the columns file,outlet,url,published,notes.
Prints "N documents, T tallies (k optional), R results (m optional)" and then OK, or the problems.
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
GOLD = HERE / "gold_z.yaml"
MANIFEST = HERE / "manifest_z.csv"
FEED = "feed_z.jsonl"

DOCS = {
    "z01_deseretnews_1999.txt": "utf8_bom_crlf",
    "z02_handelsblatt_2016.html": "html",
    "z03_mondediplo_2022.txt": "utf16_crlf",
    "z04_ponarseurasia_2022.html": "html",
    "z05_pravdaru_2005.html": "html_cp1251",
    "feed_z.jsonl:1": "jsonl",
    "feed_z.jsonl:2": "jsonl",
}
JSONL_ROWS = 2
JSONL_KEYS = {"src", "heading", "people", "when", "blocks", "labels"}
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
         "a thousand": 1000, "a million": 1_000_000}

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
    """Tag-stripped, entity-decoded text of an HTML page (script and style dropped)."""
    t = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", raw_html)
    t = re.sub(r"(?s)<[^>]+>", "\n", t)
    return html.unescape(t)


def crlf_only(text, name):
    if "\r\n" not in text or re.search(r"(?<!\r)\n", text) or re.search(r"\r(?!\n)", text):
        err(f"{name}: expected CRLF line ends throughout")
    return text.replace("\r\n", "\n")


_feed_rows = None


def feed_rows():
    global _feed_rows
    if _feed_rows is None:
        raw = (ART / FEED).read_bytes()
        text = raw.decode("utf-8")
        if text.startswith("\ufeff") or "\r" in text:
            err(f"{FEED}: BOM or CR")
        if raw.isascii():
            err(f"{FEED}: expected UTF-8 written without ASCII escaping")
        lines = [r for r in text.split("\n") if r.strip()]
        if len(lines) != JSONL_ROWS:
            err(f"{FEED}: expected {JSONL_ROWS} rows, found {len(lines)}")
        _feed_rows = [json.loads(r) for r in lines]
        for i, row in enumerate(_feed_rows, 1):
            if set(row) != JSONL_KEYS:
                err(f"{FEED}:{i}: top-level keys {sorted(row)} != {sorted(JSONL_KEYS)}")
            if not isinstance(row.get("blocks"), list) or any(
                    not isinstance(b, dict) or not isinstance(b.get("v"), str) for b in row["blocks"]):
                err(f"{FEED}:{i}: blocks must be a list of objects with a string v")
    return _feed_rows


def load(name, kind):
    """Return (text to search, visible text or None, title field or None, byline field, is_row)."""
    if kind == "jsonl":
        fname, line_no = name.rsplit(":", 1)
        row = feed_rows()[int(line_no) - 1]
        parts = [row["heading"]["main"], row["heading"]["strap"]] + [b["v"] for b in row["blocks"]]
        writers = [p["name"] for p in row["people"] if p.get("role") == "writer"]
        return "\n\n".join(parts), None, row["heading"]["main"], (writers[0] if writers else None), True
    raw = (ART / name).read_bytes()
    if kind == "utf8_bom_crlf":
        if not raw.startswith(b"\xef\xbb\xbf"):
            err(f"{name}: expected a UTF-8 BOM")
        text = crlf_only(raw.decode("utf-8-sig"), name)
        return text, None, None, None, False
    if kind == "utf16_crlf":
        if not raw.startswith(b"\xff\xfe"):
            err(f"{name}: expected a UTF-16LE BOM")
        text = crlf_only(raw.decode("utf-16"), name)
        return text, None, None, None, False
    if kind == "html":
        text = raw.decode("utf-8")
        if text.startswith("\ufeff") or "\r" in text:
            err(f"{name}: BOM or CR in a UTF-8 HTML file")
        return text, visible_text(text), None, None, False
    if kind == "html_cp1251":
        try:
            raw.decode("utf-8")
            err(f"{name}: decodes as UTF-8, expected Windows-1251")
        except UnicodeDecodeError:
            pass
        text = crlf_only(raw.decode("cp1251"), name)
        if "charset=windows-1251" not in text:
            err(f"{name}: charset=windows-1251 not declared")
        return text, visible_text(text), None, None, False
    raise ValueError(kind)


def number_visible(n, phrase):
    p = phrase.lower()
    if n is None:
        return True
    if isinstance(n, float) and not n.is_integer():
        s = repr(n)
        for form in (s, s.replace(".", ",")):
            pat = r"(?<![\d.,])" + re.escape(form) + r"(?![1-9])"
            if re.search(pat, p.replace(",", "") if form == s else p):
                return True
        return False
    n = int(n)
    forms = {str(n), f"{n:,}"}
    if n >= 1_000_000:
        forms.add(f"{n / 1_000_000:g} million")
    if any(re.search(r"(?<![\d.,])" + re.escape(f) + r"(?![\d])(?!,\d)(?![.,]\d)", p) for f in forms):
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
            err(f"{MANIFEST.name}: columns {reader.fieldnames}")
        rows = list(reader)
    files = sorted(r["file"] for r in rows)
    want = sorted(n for n, k in DOCS.items() if k != "jsonl")
    if files != want:
        err(f"{MANIFEST.name}: files {files} != {want}")
    for r in rows:
        if r["published"]:
            try:
                dt.date.fromisoformat(r["published"])
            except ValueError:
                err(f"{MANIFEST.name}: published {r['published']!r} for {r['file']}")


def main():
    gold = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    seen = [d["doc"] for d in gold]
    if sorted(seen) != sorted(DOCS):
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
        text, extra, title_field, byline_field, is_row = load(name, kind)
        ntext = norm(text)
        nextra = norm(extra) if extra is not None else None
        html_kind = kind.startswith("html")
        title = norm(d["title"])
        if title not in ntext or (nextra is not None and title not in nextra):
            err(f"{name}: title not found")
        if is_row:
            if norm(title_field) != title:
                err(f"{name}: title is not the row's heading.main")
            if d["byline"] != byline_field:
                err(f"{name}: byline {d['byline']!r} is not the row's writer {byline_field!r}")
        elif d["byline"] is not None and norm(d["byline"]).lower() not in ntext.lower():
            err(f"{name}: byline {d['byline']!r} not in the text")
        if not isinstance(d["outlet"], str) or not d["outlet"]:
            err(f"{name}: outlet missing")
        if not isinstance(d["wire"], list) or set(d["wire"]) - WIRES:
            err(f"{name}: wire {d['wire']!r}")
        for w in d["wire"] or []:
            if not any(n in ntext for n in WIRE_NAMES.get(w, (w,))):
                err(f"{name}: wire {w} not named in the text")
        pub = d["published"]
        if not (is_date(pub) or (isinstance(pub, str) and re.fullmatch(r"\d{4}-\d{2}", pub))):
            err(f"{name}: published {pub!r} is neither YYYY-MM-DD nor YYYY-MM")
        if not isinstance(d["published_tolerance_days"], int):
            err(f"{name}: published_tolerance_days not an int")
        e = d["election"]
        if e is not None:
            check_date(e.get("date"), f"{name} election")
            if e.get("kind") not in KINDS:
                err(f"{name}: election kind {e.get('kind')}")
            if ELECTIONS.get(e.get("date")) != e.get("kind"):
                err(f"{name}: election {e} is not a known Kazakh vote")
        strings = ([("boilerplate", s) for s in d["boilerplate"] or []]
                   + [("body_must_keep", s) for s in d["body_must_keep"] or []]
                   + [("tally", t["phrase"]) for t in d["tallies"] or []]
                   + [("result", r["phrase"]) for r in d["results"] or []])
        for what, s in strings:
            ns = norm(s)
            if html_kind and ("&" in ns or "<" in ns or ">" in ns):
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
            if "multiplier" in t and not isinstance(t["multiplier"], int):
                err(f"{w}: multiplier must be an integer")
            if t["location"] is not None and not (isinstance(t["location"], list) and t["location"]
                                                  and all(isinstance(x, str) for x in t["location"])):
                err(f"{w}: location must be a non-empty list of names or null")
            if t["source_attributed"] is not None and not isinstance(t["source_attributed"], str):
                err(f"{w}: source_attributed must be a string or null")
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
