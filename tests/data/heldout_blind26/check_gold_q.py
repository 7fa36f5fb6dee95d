#!/usr/bin/env python3
"""Standalone checker for gold_q.yaml (blind held-out set 26, part B).

Uses only the standard library and PyYAML; it never imports kzresearch. It decodes every
document with its real encoding and checks that:
  - q01/q02 are UTF-8 HTML without BOM or CR; q03 is UTF-16 LE with a BOM and CRLF line ends
    throughout; q04 is UTF-8 HTML with a BOM and CRLF throughout; q05 is not valid UTF-8,
    decodes as Windows-1252 and has CRLF throughout; feed_q.jsonl is UTF-8 (not ASCII-escaped),
    LF only, exactly two rows with exactly the keys KEYS, and every `blocks` item has k and v;
  - a JSON row's text is `hed` + the `v` of every block with k == "p", joined by blank lines;
    its title equals `hed` and its byline equals the first `who` entry with r == "author";
  - every boilerplate line, body_must_keep sentence, tally and result phrase is a substring of
    the decoded text (for HTML: of the raw markup, with no entity or tag inside, and of the
    tag-stripped, entity-decoded visible text), after NFKC and quote normalisation;
  - every tally/result phrase occurs exactly once and phrases are distinct within a document;
  - number / value / of are visible in the phrase (digits, separators, "N million" or a word);
  - vague tallies carry a lower-case vague_word that occurs in the phrase and no number;
  - every key and value is in the vocabulary of /work/shared/gold/README.md, with exactly the
    document fields of seeds.yaml; dates are dates; subjects are strings; election dates are
    Kazakh votes matching the document's kind;
  - titles and bylines occur in the text, credited wires are named in it;
  - manifest_q.csv has the columns file,outlet,url,published,notes and the five non-JSONL files.
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
    "q01_rudaw_2016.html": "html",
    "q02_timesofisrael_2019.html": "html",
    "q03_geonews_2011.txt": "utf16",
    "q04_iranintl_2022.html": "html-bom-crlf",
    "q05_dailyft_2016.txt": "cp1252",
    "feed_q.jsonl:1": "jsonl",
    "feed_q.jsonl:2": "jsonl",
}
KEYS = {"wire_id", "src", "hed", "who", "stamp", "blocks", "topics"}
WIRE_NAMES = {"AP": ("AP", "Associated Press"), "AFP": ("AFP", "Agence France-Presse")}
WIRES = {"AP", "AFP", "Reuters", "Interfax", "Xinhua", "TASS", "dpa", "EFE", "Anadolu", "IRNA",
         "Trend", "ANI"}
COUNTED = {"protesters", "detained", "injured", "killed", "released", "fined", "sentenced", "other"}
QUALIFIER = {"exact", "approx", "at_least", "more_than", "at_most", "fewer_than", "vague",
             "unspecified"}
MEASURE = {"vote_share", "turnout", "seats", "threshold", "seats_contested", "parties_contesting",
           "registered_voters"}
KINDS = {"presidential", "parliamentary", "referendum"}
DOC_KEYS = {"doc", "outlet", "outlet_evidence", "title", "byline", "wire", "published",
            "published_tolerance_days", "published_evidence", "election", "boilerplate",
            "body_must_keep", "tallies", "results"}
TALLY_KEYS = {"phrase", "counted", "number", "qualifier", "vague_word", "multiplier", "location",
              "date", "source_attributed", "optional"}
TALLY_REQUIRED = TALLY_KEYS - {"multiplier", "optional"}
RESULT_KEYS = {"phrase", "subject", "measure", "value", "of", "qualifier", "scope", "election",
               "optional"}
RESULT_REQUIRED = {"phrase", "subject", "measure", "value", "qualifier", "election"}
ELECTIONS = {
    dt.date(1991, 12, 1): "presidential", dt.date(1994, 3, 7): "parliamentary",
    dt.date(1995, 4, 29): "referendum", dt.date(1995, 8, 30): "referendum",
    dt.date(1995, 12, 9): "parliamentary", dt.date(1999, 1, 10): "presidential",
    dt.date(1999, 10, 10): "parliamentary", dt.date(2004, 9, 19): "parliamentary",
    dt.date(2005, 12, 4): "presidential", dt.date(2007, 8, 18): "parliamentary",
    dt.date(2011, 4, 3): "presidential", dt.date(2012, 1, 15): "parliamentary",
    dt.date(2015, 4, 26): "presidential", dt.date(2016, 3, 20): "parliamentary",
    dt.date(2019, 6, 9): "presidential", dt.date(2021, 1, 10): "parliamentary",
    dt.date(2022, 6, 5): "referendum", dt.date(2022, 11, 20): "presidential",
    dt.date(2023, 3, 19): "parliamentary", dt.date(2024, 10, 6): "referendum",
}
WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
         "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "both": 2, "a dozen": 12}

errors = []


def err(msg):
    errors.append(msg)


def norm(s):
    s = unicodedata.normalize("NFKC", s)
    for a, b in (("\u2018", "'"), ("\u2019", "'"), ("\u201c", '"'), ("\u201d", '"'),
                 ("\u00a0", " "), ("\u202f", " ")):
        s = s.replace(a, b)
    return s


def visible_text(markup):
    t = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", markup)
    t = re.sub(r"(?s)<[^>]+>", "\n", t)
    return html.unescape(t)


def crlf_only(text, name):
    if "\r\n" not in text or re.search(r"(?<!\r)\n", text) or re.search(r"\r(?!\n)", text):
        err(f"{name}: expected CRLF line endings throughout")
    return text.replace("\r\n", "\n")


_rows = None


def feed_rows():
    global _rows
    if _rows is None:
        raw = (ART / "feed_q.jsonl").read_bytes()
        text = raw.decode("utf-8")
        if text.startswith("\ufeff") or "\r" in text:
            err("feed_q.jsonl: BOM or CR")
        if raw.isascii():
            err("feed_q.jsonl: expected raw UTF-8, not ASCII escapes")
        _rows = [json.loads(r) for r in text.split("\n") if r.strip()]
        if len(_rows) != 2:
            err(f"feed_q.jsonl: {len(_rows)} rows, expected 2")
        for i, row in enumerate(_rows, 1):
            if set(row) != KEYS:
                err(f"feed_q.jsonl:{i}: keys {sorted(row)}")
            for b in row["blocks"]:
                if set(b) != {"k", "v"} or not isinstance(b["v"], str):
                    err(f"feed_q.jsonl:{i}: bad block {b!r}")
    return _rows


def load(name, kind):
    """Return (text, visible text or None, title field or None, byline field or 'n/a')."""
    if kind == "jsonl":
        row = feed_rows()[int(name.rsplit(":", 1)[1]) - 1]
        parts = [row["hed"]] + [b["v"] for b in row["blocks"] if b["k"] == "p"]
        authors = [w["n"] for w in row["who"] if w["r"] == "author"]
        return "\n\n".join(parts), None, row["hed"], (authors[0] if authors else None)
    raw = (ART / name).read_bytes()
    if kind == "html":
        text = raw.decode("utf-8")
        if text.startswith("\ufeff") or "\r" in text:
            err(f"{name}: BOM or CR in a plain UTF-8 HTML file")
        return text, visible_text(text), None, "n/a"
    if kind == "html-bom-crlf":
        if not raw.startswith(b"\xef\xbb\xbf"):
            err(f"{name}: expected a UTF-8 BOM")
        text = crlf_only(raw.decode("utf-8-sig"), name)
        return text, visible_text(text), None, "n/a"
    if kind == "utf16":
        if not raw.startswith(b"\xff\xfe"):
            err(f"{name}: expected a UTF-16 LE BOM")
        text = crlf_only(raw.decode("utf-16"), name)
        return text, None, None, "n/a"
    if kind == "cp1252":
        try:
            raw.decode("utf-8")
            err(f"{name}: decodes as UTF-8, expected Windows-1252")
        except UnicodeDecodeError:
            pass
        return crlf_only(raw.decode("cp1252"), name), None, None, "n/a"
    raise ValueError(kind)


def number_visible(n, phrase):
    p = phrase.lower()
    if n is None:
        return True
    if isinstance(n, float) and not n.is_integer():
        return re.search(r"(?<![\d.])" + re.escape(repr(n)) + r"(?![1-9])",
                         p.replace(",", "")) is not None
    n = int(n)
    forms = {str(n), f"{n:,}"}
    if n >= 1_000_000:
        forms.add(f"{n / 1_000_000:g} million")
    if any(re.search(r"(?<![\d.,])" + re.escape(f) + r"(?!\d)(?!,\d)(?!\.\d)", p) for f in forms):
        return True
    return any(re.search(r"\b" + w + r"\b", p) and v == n for w, v in WORDS.items())


def is_date(v):
    return isinstance(v, dt.date) and not isinstance(v, dt.datetime)


def check_manifest():
    with (HERE / "manifest_q.csv").open(newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        if reader.fieldnames != ["file", "outlet", "url", "published", "notes"]:
            err(f"manifest_q.csv: columns {reader.fieldnames}")
        rows = list(reader)
    want = sorted(n for n, k in DOCS.items() if k != "jsonl")
    if sorted(r["file"] for r in rows) != want:
        err("manifest_q.csv: file list differs")
    for r in rows:
        if r["published"]:
            try:
                dt.date.fromisoformat(r["published"])
            except ValueError:
                err(f"manifest_q.csv: bad date {r['published']!r}")


def main():
    gold = yaml.safe_load((HERE / "gold_q.yaml").read_text(encoding="utf-8"))
    if sorted(d["doc"] for d in gold) != sorted(DOCS):
        err("document list differs from the articles")
    n_t = n_to = n_r = n_ro = 0
    for d in gold:
        name = d["doc"]
        if set(d) != DOC_KEYS:
            err(f"{name}: fields differ: missing {DOC_KEYS - set(d)}, unknown {set(d) - DOC_KEYS}")
        kind = DOCS.get(name)
        if kind is None:
            continue
        text, vis, title_field, byline_field = load(name, kind)
        nt = norm(text)
        nv = norm(vis) if vis is not None else None
        title = norm(d["title"])
        if title not in nt or (nv is not None and title not in nv):
            err(f"{name}: title not found")
        if title_field is not None and norm(title_field) != title:
            err(f"{name}: title is not the row's hed")
        if byline_field != "n/a":
            if d["byline"] != byline_field:
                err(f"{name}: byline is not the row's author")
        elif d["byline"] is not None and norm(d["byline"]) not in nt:
            err(f"{name}: byline not in the text")
        if not isinstance(d["outlet"], str) or not d["outlet"]:
            err(f"{name}: outlet missing")
        if not isinstance(d["wire"], list) or set(d["wire"]) - WIRES:
            err(f"{name}: wire {d['wire']!r}")
        for w in d["wire"] or []:
            if not any(x in nt for x in WIRE_NAMES.get(w, (w,))):
                err(f"{name}: wire {w} not named in the text")
        if not is_date(d["published"]):
            err(f"{name}: published not a date")
        if not isinstance(d["published_tolerance_days"], int):
            err(f"{name}: tolerance not an int")
        e = d["election"]
        if e is not None:
            if not is_date(e.get("date")) or e.get("kind") not in KINDS \
                    or ELECTIONS.get(e["date"]) != e["kind"]:
                err(f"{name}: election {e} is not a known Kazakh vote")
        strings = ([("boilerplate", s) for s in d["boilerplate"] or []]
                   + [("body_must_keep", s) for s in d["body_must_keep"] or []]
                   + [("tally", t["phrase"]) for t in d["tallies"] or []]
                   + [("result", r["phrase"]) for r in d["results"] or []])
        for what, s in strings:
            ns = norm(s)
            if vis is not None and re.search(r"&[#a-zA-Z0-9]+;|<|>", ns):
                err(f"{name}: {what} contains an entity or tag: {s!r}")
            if ns not in nt:
                err(f"{name}: {what} not found: {s!r}")
            elif nv is not None and ns not in nv:
                err(f"{name}: {what} not in the visible text: {s!r}")
            if what in ("tally", "result") and nt.count(ns) != 1:
                err(f"{name}: {what} occurs {nt.count(ns)} times: {s!r}")
        phrases = [norm(x["phrase"]) for x in (d["tallies"] or []) + (d["results"] or [])]
        if len(set(phrases)) != len(phrases):
            err(f"{name}: duplicate phrases")
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
                err(f"{w}: vague needs a vague_word and no number")
            if t["qualifier"] not in ("vague", "unspecified") and t["number"] is None:
                err(f"{w}: qualifier without a number")
            if t["location"] is not None and not (isinstance(t["location"], list) and all(
                    isinstance(x, str) for x in t["location"])):
                err(f"{w}: location must be a list of names")
            if t["date"] is not None and not is_date(t["date"]):
                err(f"{w}: date {t['date']!r}")
            if "multiplier" in t and not isinstance(t["multiplier"], int):
                err(f"{w}: multiplier")
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
                err(f"{w}: subject must be a string")
            if r["measure"] == "turnout" and r["subject"] != "turnout":
                err(f"{w}: turnout subject")
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
