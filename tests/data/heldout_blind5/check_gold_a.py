#!/usr/bin/env python3
"""Standalone check of gold_a.yaml against articles/g01_* ... g06_* (blind set 5, part A).

Uses only the standard library and PyYAML; it does not import kzresearch. For each annotated
document it decodes the file with its real encoding (the JSON Lines row through json.loads, taking
the row's ``copy.body_en``), normalises both sides (NFKC, curly quotes to straight, no-break space
to space) and asserts that every phrase, boilerplate entry, body_must_keep sentence and the title
is a substring. In HTML files the search is made in the raw HTML, so no annotated string may
contain an entity or cross a tag. It also checks the vocabulary of /work/shared/gold/README.md,
that phrases are distinct within a document and that each stated number is visible in its phrase.

Run:  python3 check_gold_a.py   (exit status 0 when everything holds)
"""
from __future__ import annotations

import datetime as dt
import json
import sys
import unicodedata
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ARTICLES = HERE / "articles"
GOLD = HERE / "gold_a.yaml"

# How each file is stored: (encoding, expects CRLF, must NOT be valid UTF-8)
ENCODINGS = {
    "g01_csmonitor_2019.html": ("utf-8", False, False),
    "g02_globeandmail_2022.html": ("utf-8", False, False),
    "g03_kapital_2024.txt": ("utf-8", False, False),
    "g04_yonhap_2022.jsonl": ("utf-8", False, False),
    "g05_dailysabah_2023.html": ("utf-8", False, False),
    "g06_liter_2015.txt": ("cp1252", True, True),
}
JSONL_KEYS = {"asset", "head", "credits", "timeline", "where", "links", "copy"}

COUNTED = {"protesters", "detained", "injured", "killed", "released", "fined", "sentenced", "other"}
QUALIFIERS = {"exact", "approx", "at_least", "more_than", "at_most", "fewer_than", "vague", "unspecified"}
MEASURES = {"vote_share", "turnout", "seats", "threshold", "seats_contested",
            "parties_contesting", "registered_voters"}
KINDS = {"presidential", "parliamentary", "referendum"}
DOC_KEYS = {"doc", "outlet", "outlet_evidence", "title", "byline", "wire", "published",
            "published_tolerance_days", "published_evidence", "election", "boilerplate",
            "body_must_keep", "tallies", "results"}
TALLY_KEYS = {"phrase", "counted", "number", "qualifier", "vague_word", "multiplier", "location",
              "date", "source_attributed", "optional"}
RESULT_KEYS = {"phrase", "subject", "measure", "value", "of", "qualifier", "scope", "election",
               "optional"}
WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
         "nine": 9, "ten": 10, "dozen": 12, "both": 2, "half": 50}

QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'",
                        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"',
                        "\u00a0": " "})


def norm(s: str) -> str:
    return unicodedata.normalize("NFKC", s).translate(QUOTES).replace("\u00a0", " ")


def decode(name: str) -> tuple:
    """Return (file kind, text to search) for a gold ``doc`` name."""
    fname, _, row = name.partition(":")
    enc, crlf, not_utf8 = ENCODINGS[fname]
    raw = (ARTICLES / fname).read_bytes()
    if not_utf8:
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            raise AssertionError(f"{fname}: expected a legacy encoding, but it is valid UTF-8")
    assert not raw.startswith(b"\xef\xbb\xbf") or enc == "utf-8-sig", f"{fname}: unexpected BOM"
    text = raw.decode(enc)
    if crlf:
        assert "\r\n" in text and "\n" not in text.replace("\r\n", ""), f"{fname}: expected CRLF only"
    else:
        assert "\r" not in text, f"{fname}: unexpected CR"
    if fname.endswith(".jsonl"):
        lines = [ln for ln in text.splitlines() if ln.strip()]
        assert len(lines) == 1, f"{fname}: expected one row, got {len(lines)}"
        assert row == "1", f"{name}: rows are numbered from 1"
        rec = json.loads(lines[0])
        assert set(rec) == JSONL_KEYS, f"{fname}: keys {sorted(rec)}"
        return "jsonl", rec["copy"]["body_en"], rec
    return ("html" if fname.endswith(".html") else "txt"), text, None


def number_visible(n, phrase: str) -> bool:
    p = phrase.lower()
    cands = set()
    if isinstance(n, float) and not n.is_integer():
        cands.add(repr(n))
        cands.add(f"{n:g}")
    else:
        i = int(n)
        cands |= {str(i), f"{i:,}"}
        if i >= 1_000_000:
            cands.add(f"{i / 1e6:g} million")
    if any(c in p for c in cands):
        return True
    return any(w in p.split() or f"{w} " in p or p.startswith(w) for w, v in WORDS.items() if v == n)


def is_date(v) -> bool:
    if isinstance(v, dt.date):
        return True
    if isinstance(v, str):
        try:
            dt.date.fromisoformat(v if len(v) == 10 else v + "-01")
            return True
        except ValueError:
            return False
    return False


def main() -> int:
    gold = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    errors: list[str] = []
    n_t = n_to = n_r = n_ro = 0

    def need(cond, msg):
        if not cond:
            errors.append(msg)

    docs_seen = set()
    for d in gold:
        name = d["doc"]
        docs_seen.add(name.partition(":")[0])
        need(set(d) <= DOC_KEYS, f"{name}: unknown keys {set(d) - DOC_KEYS}")
        kind, text, rec = decode(name)
        hay = norm(text)

        def find(s, what):
            need(isinstance(s, str) and norm(s) in hay, f"{name}: {what} not found: {s!r}")
            if kind == "html":
                need("&" not in s and "<" not in s, f"{name}: {what} has an entity or tag: {s!r}")

        if kind == "jsonl":
            need(norm(d["title"]) in norm(rec["head"]["main"]), f"{name}: title is not the row's head.main")
        else:
            find(d["title"], "title")
        need(is_date(d["published"]), f"{name}: published is not a date")
        need(isinstance(d["published_tolerance_days"], int), f"{name}: tolerance")
        need(isinstance(d["wire"], list), f"{name}: wire must be a list")
        el = d["election"]
        if el is not None:
            need(is_date(el["date"]) and el["kind"] in KINDS, f"{name}: bad election {el}")
        for s in d.get("boilerplate", []):
            find(s, "boilerplate")
        for s in d.get("body_must_keep", []):
            find(s, "body_must_keep")

        phrases = []
        for t in d.get("tallies", []) or []:
            n_t += 1
            n_to += bool(t.get("optional"))
            need(set(t) <= TALLY_KEYS, f"{name}: tally keys {set(t) - TALLY_KEYS}")
            find(t["phrase"], "tally phrase")
            phrases.append(norm(t["phrase"]))
            need(t["counted"] in COUNTED, f"{name}: counted {t['counted']!r}")
            need(t["qualifier"] in QUALIFIERS, f"{name}: qualifier {t['qualifier']!r}")
            if t["number"] is not None:
                need(number_visible(t["number"], t["phrase"]),
                     f"{name}: number {t['number']} not visible in {t['phrase']!r}")
            else:
                need(t["qualifier"] in {"vague", "unspecified"},
                     f"{name}: null number needs vague/unspecified: {t['phrase']!r}")
            if t["qualifier"] == "vague":
                vw = t.get("vague_word")
                need(vw and vw == vw.lower() and vw in t["phrase"].lower(),
                     f"{name}: vague_word {vw!r} not in {t['phrase']!r}")
            need(t["location"] is None or isinstance(t["location"], list), f"{name}: location list")
            need(t["date"] is None or is_date(t["date"]), f"{name}: tally date {t['date']!r}")
        for r in d.get("results", []) or []:
            n_r += 1
            n_ro += bool(r.get("optional"))
            need(set(r) <= RESULT_KEYS, f"{name}: result keys {set(r) - RESULT_KEYS}")
            find(r["phrase"], "result phrase")
            phrases.append(norm(r["phrase"]))
            need(r["measure"] in MEASURES, f"{name}: measure {r['measure']!r}")
            need(r["qualifier"] in QUALIFIERS, f"{name}: qualifier {r['qualifier']!r}")
            need(isinstance(r["subject"], str) and r["subject"], f"{name}: subject")
            need(number_visible(r["value"], r["phrase"]),
                 f"{name}: value {r['value']} not visible in {r['phrase']!r}")
            if "of" in r:
                need(number_visible(r["of"], r["phrase"]), f"{name}: of {r['of']} not in {r['phrase']!r}")
            need(is_date(r["election"]), f"{name}: result election {r['election']!r}")
        dup = {p for p in phrases if phrases.count(p) > 1}
        need(not dup, f"{name}: duplicate phrases {dup}")

    need(docs_seen == set(ENCODINGS), f"documents annotated {sorted(docs_seen)} != files {sorted(ENCODINGS)}")
    on_disk = {p.name for p in ARTICLES.glob("g0*")}
    need(on_disk == set(ENCODINGS), f"g files on disk {sorted(on_disk)}")

    print(f"documents: {len(gold)}")
    print(f"tallies:   {n_t} ({n_to} optional)")
    print(f"results:   {n_r} ({n_ro} optional)")
    if errors:
        print(f"FAILED: {len(errors)} problem(s)")
        for e in errors:
            print("  -", e)
        return 1
    print("OK: every phrase, boilerplate entry, body_must_keep sentence and title was found")
    return 0


if __name__ == "__main__":
    sys.exit(main())
