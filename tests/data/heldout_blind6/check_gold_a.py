#!/usr/bin/env python3
"""Check gold_a.yaml of blind held-out set 6, part A, against its six documents.

Standalone: standard library and PyYAML only; it does not import kzresearch.
Decodes each document with its real encoding (the JSON row's text is headline.text,
content.summary and the content.blocks paragraphs joined by blank lines), normalises text and annotations
(NFKC, curly quotes to straight, no-break space to space) and asserts that every
phrase, boilerplate entry and body_must_keep sentence is a substring, that
numbers and values are visible in their phrases and that every value is in the
vocabulary of /work/shared/gold/README.md.  Exit status 0 when all checks pass.
"""
import datetime as dt
import json
import re
import sys
import unicodedata
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ART = HERE / "articles"

DOCS = {
    "k01_politico_2022.html": "html",
    "k02_rfi_2011.html": "html",
    "k03_swissinfo_2016.txt": "cp1252",
    "k04_toi_2007.html": "html",
    "k05_cgtn_2021.jsonl:1": "jsonl",
    "k06_kunuz_2019.txt": "utf16",
}
JSONL_KEYS = {"doc", "headline", "people", "stamps", "geo", "url", "content", "related", "legal"}

COUNTED = {"protesters", "detained", "injured", "killed", "released", "fined", "sentenced", "other"}
QUALIFIER = {"exact", "approx", "at_least", "more_than", "at_most", "fewer_than", "vague", "unspecified"}
MEASURE = {"vote_share", "turnout", "seats", "threshold", "seats_contested", "parties_contesting",
           "registered_voters"}
KINDS = {"presidential", "parliamentary", "referendum"}
DOC_KEYS = {"doc", "outlet", "outlet_evidence", "title", "byline", "wire", "published",
            "published_tolerance_days", "published_evidence", "election", "boilerplate",
            "body_must_keep", "tallies", "results"}
TALLY_KEYS = {"phrase", "counted", "number", "qualifier", "vague_word", "multiplier", "location",
              "date", "source_attributed", "optional"}
RESULT_KEYS = {"phrase", "subject", "measure", "value", "of", "qualifier", "scope", "election",
               "optional"}

WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
         "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a thousand": 1000, "all": None}

errors = []


def err(msg):
    errors.append(msg)


def norm(s):
    s = unicodedata.normalize("NFKC", s)
    for a, b in (("\u2018", "'"), ("\u2019", "'"), ("\u201c", '"'), ("\u201d", '"'),
                 ("\u00a0", " "), ("\u202f", " ")):
        s = s.replace(a, b)
    return s


def load(name, kind):
    """Return (text to search, title field or None)."""
    if kind == "jsonl":
        fname, line_no = name.rsplit(":", 1)
        raw = (ART / fname).read_bytes()
        text = raw.decode("utf-8")
        assert not text.startswith("\ufeff") and "\r" not in text, f"{fname}: BOM or CR"
        rows = [r for r in text.split("\n") if r.strip()]
        if len(rows) != 1 or line_no != "1":
            err(f"{fname}: expected exactly one row addressed :1, found {len(rows)}")
        row = json.loads(rows[int(line_no) - 1])
        if set(row) != JSONL_KEYS:
            err(f"{fname}: top-level keys {sorted(row)} != {sorted(JSONL_KEYS)}")
        blocks = [b["text"] for b in row["content"]["blocks"] if b.get("type") == "p"]
        body = "\n\n".join([row["headline"]["text"], row["content"]["summary"]] + blocks)
        return body, row["headline"]["text"]
    raw = (ART / name).read_bytes()
    if kind == "html":
        text = raw.decode("utf-8")
        if text.startswith("\ufeff") or "\r" in text:
            err(f"{name}: BOM or CR in an HTML file")
        return text, None
    if kind == "cp1252":
        try:
            raw.decode("utf-8")
            err(f"{name}: decodes as UTF-8, expected cp1252")
        except UnicodeDecodeError:
            pass
        if raw.count(b"\n") != raw.count(b"\r\n") or raw.count(b"\r") != raw.count(b"\r\n"):
            err(f"{name}: line endings are not CRLF only")
        for b in (b"\x85", b"\xa0", b"\x92", b"\x96"):
            if b not in raw:
                err(f"{name}: expected cp1252 byte {b!r}")
        return raw.decode("cp1252"), None
    if kind == "utf16":
        if not (raw.startswith(b"\xff\xfe") or raw.startswith(b"\xfe\xff")):
            err(f"{name}: no UTF-16 BOM")
        text = raw.decode("utf-16")
        if text.count("\n") != text.count("\r\n"):
            err(f"{name}: line endings are not CRLF only")
        return text, None
    raise ValueError(kind)


def number_visible(n, phrase):
    p = phrase.lower()
    if n is None:
        return True
    if isinstance(n, float) and not n.is_integer():
        return str(n).rstrip("0") in p.replace(",", "") or f"{n:.2f}" in p
    n = int(n)
    forms = {str(n), f"{n:,}"}
    if n >= 1_000_000:
        m = n / 1_000_000
        forms.add(f"{m:g} million")
    if any(re.search(r"(?<![\d.])" + re.escape(f) + r"(?![\d])", p) for f in forms):
        return True
    return any(w in p and v == n for w, v in WORDS.items() if v is not None)


def check_date(value, what):
    if value is None:
        return
    if not isinstance(value, dt.date):
        err(f"{what}: date {value!r} is not YYYY-MM-DD")


def main():
    gold = yaml.safe_load((HERE / "gold_a.yaml").read_text(encoding="utf-8"))
    seen = [d["doc"] for d in gold]
    if sorted(seen) != sorted(DOCS):
        err(f"documents {seen} != {sorted(DOCS)}")
    n_t = n_to = n_r = n_ro = 0
    for d in gold:
        name = d["doc"]
        if set(d) - DOC_KEYS:
            err(f"{name}: unknown keys {set(d) - DOC_KEYS}")
        kind = DOCS.get(name)
        if kind is None:
            continue
        text, title_field = load(name, kind)
        ntext = norm(text)
        title = norm(d["title"])
        if title not in ntext and (title_field is None or norm(title_field) != title):
            err(f"{name}: title not found")
        check_date(d["published"], f"{name} published")
        if d["election"] is not None:
            check_date(d["election"]["date"], f"{name} election")
            if d["election"]["kind"] not in KINDS:
                err(f"{name}: election kind {d['election']['kind']}")
        strings = ([("boilerplate", s) for s in d.get("boilerplate", [])]
                   + [("body_must_keep", s) for s in d.get("body_must_keep", [])]
                   + [("tally", t["phrase"]) for t in d.get("tallies", [])]
                   + [("result", r["phrase"]) for r in d.get("results", [])])
        for what, s in strings:
            ns = norm(s)
            if kind == "html" and ("&" in ns or "<" in ns):
                err(f"{name}: {what} contains an entity or tag: {s!r}")
            if ns not in ntext:
                err(f"{name}: {what} not found: {s!r}")
        phrases = [norm(x["phrase"]) for x in d.get("tallies", []) + d.get("results", [])]
        dup = {p for p in phrases if phrases.count(p) > 1}
        if dup:
            err(f"{name}: duplicate phrases {dup}")
        for t in d.get("tallies", []):
            w = f"{name} tally {t['phrase']!r}"
            if set(t) - TALLY_KEYS:
                err(f"{w}: unknown keys {set(t) - TALLY_KEYS}")
            if t["counted"] not in COUNTED:
                err(f"{w}: counted {t['counted']}")
            if t["qualifier"] not in QUALIFIER:
                err(f"{w}: qualifier {t['qualifier']}")
            if not number_visible(t["number"], norm(t["phrase"])):
                err(f"{w}: number {t['number']} not visible")
            if t["qualifier"] in ("vague", "unspecified") and t["vague_word"] is not None:
                vw = t["vague_word"]
                if vw != vw.lower() or vw not in norm(t["phrase"]).lower():
                    err(f"{w}: vague_word {vw!r} not in phrase / not lower case")
            if t["qualifier"] == "vague" and t["vague_word"] is None:
                err(f"{w}: vague without vague_word")
            if t["qualifier"] == "vague" and t["number"] is not None:
                err(f"{w}: vague with a number")
            if t["location"] is not None and not isinstance(t["location"], list):
                err(f"{w}: location must be a list")
            check_date(t["date"], w)
            n_t += 1
            n_to += bool(t.get("optional"))
        for r in d.get("results", []):
            w = f"{name} result {r['phrase']!r}"
            if set(r) - RESULT_KEYS:
                err(f"{w}: unknown keys {set(r) - RESULT_KEYS}")
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
            check_date(r["election"], w)
            n_r += 1
            n_ro += bool(r.get("optional"))
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
