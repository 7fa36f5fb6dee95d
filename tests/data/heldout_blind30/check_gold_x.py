#!/usr/bin/env python3
"""Check gold_x.yaml of blind held-out set 30, part A, against its seven documents.

Standalone: standard library and PyYAML only; it does not import kzresearch.

Each document is decoded with its real encoding, and the encoding itself is asserted:
  x01  HTML, UTF-8, LF, no BOM
  x02  text, UTF-8, LF, no BOM
  x03  text, UTF-8 with a BOM, CRLF on every line
  x04  text, UTF-16 little-endian with a BOM (must not decode as UTF-8)
  x05  text, Windows-1252, CRLF on every line (must not decode as UTF-8)
  x06  HTML, ISO-8859-1 declared in a <meta> tag (must not decode as UTF-8)
  feed_x.jsonl  one JSON object on one line, UTF-8 written WITHOUT ASCII escapes; keys src, heading,
       people, when, blocks, media, kw; its text is heading.main, heading.deck and then the "v" value
       of every element of "blocks" in order, joined by blank lines; its title is heading.main and its
       byline the name of the first "people" entry whose role is "writer".
Text and annotations are normalised (NFKC, curly quotes to straight, no-break space to space) and
  - every phrase, boilerplate entry and body_must_keep sentence must be a substring of the document
    (for the HTML files: of the raw markup with no entity or tag inside the string, and of the
    tag-stripped, entity-decoded visible text as well);
  - every tally and result phrase must occur exactly once, and phrases are distinct within a document;
  - the stated number, value or `of` must be visible in its phrase (digits, thousands separators,
    "N million", or a number word such as "three", "One", "two dozen");
  - vague tallies carry a lower-case vague_word that occurs in the phrase, and no number;
  - keys and values are in the vocabulary of /work/shared/gold/README.md, with the fourteen document
    fields of seeds.yaml; dates are dates; subjects are strings ("yes"/"no" quoted); a turnout's
    subject is "turnout"; election dates are dates of Kazakh national votes and the document's
    election kind matches the date;
  - the title occurs in the text (for the JSON row: equals heading.main), the byline occurs in the
    text (JSON row: equals the writer's name), and every credited wire agency is named in the text;
  - manifest_x.csv has exactly the six non-JSONL files and the columns file,outlet,url,published,notes,
    with ISO dates where a date is given.
Prints "N documents, T tallies (k optional), R results (m optional)" and "OK" when everything passes;
exit status 0 on success, 1 otherwise.
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
GOLD = HERE / "gold_x.yaml"
MANIFEST = HERE / "manifest_x.csv"

DOCS = {
    "x01_slate_2022.html": "html-utf8",
    "x02_theintercept_2019.txt": "utf8",
    "x03_nationalreview_2024.txt": "utf8-bom-crlf",
    "x04_prospect_2016.txt": "utf16",
    "x05_unherd_2022.txt": "cp1252-crlf",
    "x06_eveningstandard_2005.html": "html-latin1",
    "feed_x.jsonl:1": "jsonl",
}
JSONL_KEYS = {"src", "heading", "people", "when", "blocks", "media", "kw"}
WIRE_NAMES = {"AP": ("AP", "Associated Press"), "AFP": ("AFP", "Agence France-Presse"),
              "Reuters": ("Reuters",)}

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
    t = re.sub(r"(?s)<!--.*?-->", " ", t)
    t = re.sub(r"(?s)<[^>]+>", "\n", t)
    return html.unescape(t)


def must_not_be_utf8(name, raw):
    try:
        raw.decode("utf-8")
        err(f"{name}: decodes as UTF-8, expected a legacy or UTF-16 encoding")
    except UnicodeDecodeError:
        pass


def all_crlf(name, text):
    if "\r\n" not in text or re.search(r"(?<!\r)\n", text):
        err(f"{name}: expected CRLF line endings throughout")


def load(name, kind):
    """Return (text, visible text or None, title field or None, byline field or None)."""
    if kind == "jsonl":
        fname, line_no = name.rsplit(":", 1)
        raw = (ART / fname).read_bytes()
        text = raw.decode("utf-8")
        if text.startswith("\ufeff") or "\r" in text:
            err(f"{fname}: BOM or CR")
        if raw.isascii():
            err(f"{fname}: expected raw UTF-8 (not ASCII-escaped) JSON")
        rows = [r for r in text.split("\n") if r.strip()]
        if len(rows) != 1 or line_no != "1":
            err(f"{fname}: expected exactly one row addressed :1, found {len(rows)}")
        row = json.loads(rows[int(line_no) - 1])
        if set(row) != JSONL_KEYS:
            err(f"{fname}: top-level keys {sorted(row)} != {sorted(JSONL_KEYS)}")
        blocks = row["blocks"]
        if not all(isinstance(b, dict) and isinstance(b.get("v"), str) for b in blocks):
            err(f"{fname}: every block needs a string 'v'")
        if not isinstance(row["when"].get("first_pub_ms"), int):
            err(f"{fname}: when.first_pub_ms must be an integer")
        parts = [row["heading"]["main"], row["heading"]["deck"]] + [b["v"] for b in blocks]
        writers = [p["name"] for p in row["people"] if p.get("role") == "writer"]
        return "\n\n".join(parts), None, row["heading"]["main"], (writers or [None])[0]
    raw = (ART / name).read_bytes()
    if kind == "html-utf8":
        text = raw.decode("utf-8")
        if text.startswith("\ufeff") or "\r" in text:
            err(f"{name}: BOM or CR in a UTF-8 HTML file")
        return text, visible_text(text), None, None
    if kind == "html-latin1":
        must_not_be_utf8(name, raw)
        text = raw.decode("iso-8859-1")
        if "charset=iso-8859-1" not in text.lower():
            err(f"{name}: no iso-8859-1 charset declaration")
        return text, visible_text(text), None, None
    if kind == "utf8":
        text = raw.decode("utf-8")
        if text.startswith("\ufeff") or "\r" in text:
            err(f"{name}: BOM or CR in a plain UTF-8 text file")
        return text, None, None, None
    if kind == "utf8-bom-crlf":
        if not raw.startswith(b"\xef\xbb\xbf"):
            err(f"{name}: expected a UTF-8 BOM")
        text = raw.decode("utf-8-sig")
        all_crlf(name, text)
        return text.replace("\r\n", "\n"), None, None, None
    if kind == "utf16":
        if not raw.startswith(b"\xff\xfe"):
            err(f"{name}: expected a UTF-16 little-endian BOM")
        must_not_be_utf8(name, raw)
        return raw.decode("utf-16"), None, None, None
    if kind == "cp1252-crlf":
        must_not_be_utf8(name, raw)
        text = raw.decode("cp1252", errors="replace")
        all_crlf(name, text)
        return text.replace("\r\n", "\n"), None, None, None
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
            err(f"manifest_x.csv: columns {reader.fieldnames}")
        rows = list(reader)
    files = sorted(r["file"] for r in rows)
    want = sorted(n for n, k in DOCS.items() if k != "jsonl")
    if files != want:
        err(f"manifest_x.csv: files {files} != {want}")
    for r in rows:
        if r["published"]:
            try:
                dt.date.fromisoformat(r["published"])
            except ValueError:
                err(f"manifest_x.csv: published {r['published']!r} for {r['file']}")


def check_tally(t, w):
    if set(t) - TALLY_KEYS or TALLY_REQUIRED - set(t):
        err(f"{w}: keys {sorted(t)}")
        return False
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
    return True


def check_result(r, w):
    if set(r) - RESULT_KEYS or RESULT_REQUIRED - set(r):
        err(f"{w}: keys {sorted(r)}")
        return False
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
    check_date(r["election"], w)
    if r["election"] not in ELECTIONS:
        err(f"{w}: election {r['election']} is not a known Kazakh vote")
    if "optional" in r and r["optional"] is not True:
        err(f"{w}: optional must be true or absent")
    return True


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
        kind = DOCS.get(name)
        if kind is None:
            continue
        text, extra, title_field, byline_field = load(name, kind)
        ntext = norm(text)
        nextra = norm(extra) if extra is not None else None
        title = norm(d["title"])
        if title not in ntext or (nextra is not None and title not in nextra):
            err(f"{name}: title not found")
        if title_field is not None and norm(title_field) != title:
            err(f"{name}: title is not the row's heading.main")
        if kind == "jsonl" and d["byline"] != byline_field:
            err(f"{name}: byline is not the row's writer")
        if kind != "jsonl" and d["byline"] is not None and norm(d["byline"]) not in ntext:
            err(f"{name}: byline {d['byline']!r} not in the text")
        if not isinstance(d["outlet"], str) or not d["outlet"]:
            err(f"{name}: outlet missing")
        if not isinstance(d["wire"], list) or set(d["wire"]) - WIRES:
            err(f"{name}: wire {d['wire']!r}")
        for wname in d["wire"] or []:
            if not any(n in ntext for n in WIRE_NAMES.get(wname, (wname,))):
                err(f"{name}: wire {wname} not named in the text")
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
            if check_tally(t, f"{name} tally {t.get('phrase')!r}"):
                n_t += 1
                n_to += bool(t.get("optional"))
        for r in d.get("results") or []:
            if check_result(r, f"{name} result {r.get('phrase')!r}"):
                n_r += 1
                n_ro += bool(r.get("optional"))
        if d["election"] is None and not d.get("tallies"):
            err(f"{name}: a document with no election should carry tallies")
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
